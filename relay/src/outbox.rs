//! The one way out to the page: a bounded queue of messages and the writer task that drains it
//! into the WebSocket. Socket readers wait for room in the queue, so a slow page slows the
//! reading down (backpressure) instead of making the relay buffer without limit.
//!
//! A gate keeps answers and events in cause-and-effect order: while the session answers a
//! request it holds the gate, so an echo that comes back during a `udp_send_to` is queued
//! after the `sent` reply, never before it. A `tcp_send` that runs beside the session (see
//! `session/queues.rs`) takes the gate for each write, and queues its `sent` reply before it
//! lets go after the last one.

use std::sync::Arc;

use axum::extract::ws::Message;
use futures_util::Sink;
use protocol::ServerMessage;
use tokio::sync::{Mutex, MutexGuard, mpsc};

/// How many messages may wait for the WebSocket writer before senders have to wait.
pub const OUTBOX_CAPACITY: usize = 64;

/// What the writer task is asked to do.
#[derive(Debug)]
pub enum Outgoing {
    /// Boxed: a `welcome` or a message with an error (OS name, Python line) is large, and
    /// pings and closes should not pay for it.
    Message(Box<ServerMessage>),
    /// A WebSocket ping (the page's browser answers it with a pong by itself).
    Ping,
    /// Send a close frame with this code and reason, then stop writing.
    Close(u16, &'static str),
}

/// A sending handle on the queue, cheap to clone (one per socket reader).
#[derive(Clone, Debug)]
pub struct Outbox {
    tx: mpsc::Sender<Outgoing>,
    gate: Arc<Mutex<()>>,
}

/// Proof that the holder has the gate (see the module docs).
#[derive(Debug)]
pub struct Gate<'a>(#[allow(dead_code)] MutexGuard<'a, ()>);

impl Outbox {
    /// The queue and its receiving end, for [`write_all`].
    pub fn new() -> (Outbox, mpsc::Receiver<Outgoing>) {
        let (tx, rx) = mpsc::channel(OUTBOX_CAPACITY);
        let gate = Arc::new(Mutex::new(()));
        (Outbox { tx, gate }, rx)
    }

    /// Takes the gate: events wait until it is released.
    pub async fn gate(&self) -> Gate<'_> {
        Gate(self.gate.lock().await)
    }

    /// Queues a message while the caller holds the gate. False when the writer has gone.
    pub async fn send(&self, _gate: &Gate<'_>, msg: ServerMessage) -> bool {
        self.tx.send(Outgoing::Message(Box::new(msg))).await.is_ok()
    }

    /// Queues an event (something that happened on a socket). False when the writer has gone.
    pub async fn event(&self, msg: ServerMessage) -> bool {
        let gate = self.gate().await;
        self.send(&gate, msg).await
    }

    /// Queues a ping. False when the writer has gone.
    pub async fn ping(&self) -> bool {
        self.tx.send(Outgoing::Ping).await.is_ok()
    }

    /// Queues a close frame; the writer stops after sending it.
    pub async fn close(&self, code: u16, reason: &'static str) {
        let _ = self.tx.send(Outgoing::Close(code, reason)).await;
    }
}

/// Drains the queue into the WebSocket until a close frame is sent, the queue is closed or the
/// WebSocket fails; a busy session's events go in batches (see `batch.rs`).
pub async fn write_all<W>(sink: W, rx: mpsc::Receiver<Outgoing>)
where
    W: Sink<Message> + Unpin,
    W::Error: std::fmt::Display,
{
    crate::batch::write_all(sink, rx).await
}
