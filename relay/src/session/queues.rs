//! Per-socket work queues: requests on different sockets never wait for each other.
//!
//! Most requests are answered at once. A `tcp_send` to a peer that does not read can wait
//! seconds for room in the kernel's buffer, so it runs in a task of its own (reporting
//! `tcp_send_progress`), and the session goes on answering. Requests for that same socket
//! wait in its queue and run in the order they came once the send is answered, so order per
//! socket is kept (a `tcp_shutdown` never overtakes the bytes sent before it). `close` is the
//! one exception: it ends the waiting send and runs before the requests queued behind it.
//!
//! A `tcp_connect` has no socket yet: its handshake (which waits when the server's backlog is
//! full) runs beside the session too, and the session adopts the connection when it is made.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use protocol::{ClientMessage, Request, SocketId};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::outbox::Outbox;
use crate::sockets::tcp::TcpSender;

/// A `tcp_connect` whose handshake ended (see `dispatch.rs`).
pub(super) struct Connecting {
    pub id: u64,
    pub recv_size: Option<u32>,
    pub result: Result<(tokio::net::TcpStream, Duration), protocol::RelayError>,
    pub pending: Pending,
}

/// A socket on its way (a connect under way): counted against the session's limit until
/// dropped.
pub(super) struct Pending(Arc<AtomicUsize>);

impl Pending {
    pub(super) fn new(count: Arc<AtomicUsize>) -> Pending {
        count.fetch_add(1, Ordering::SeqCst);
        Pending(count)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The queues of the sockets that have a send running.
pub(super) struct Queues {
    busy: HashMap<SocketId, Busy>,
    finished: mpsc::UnboundedSender<SocketId>,
    /// A socket's running send was answered (read by the session loop).
    pub(super) done: mpsc::UnboundedReceiver<SocketId>,
}

/// One socket with a send running.
struct Busy {
    running: Option<Running>,
    /// Requests for this socket that came while it ran, oldest first.
    waiting: VecDeque<ClientMessage>,
}

struct Running {
    task: JoinHandle<()>,
    /// Sending (or dropping) this ends the send.
    stop: Option<oneshot::Sender<()>>,
}

/// The socket a request is about, when it names one.
pub(super) fn socket_of(request: &Request) -> Option<SocketId> {
    match request {
        Request::UdpBind { socket, .. }
        | Request::UdpSendTo { socket, .. }
        | Request::TcpSend { socket, .. }
        | Request::TcpShutdown { socket }
        | Request::TcpPauseReading { socket, .. }
        | Request::Close { socket }
        | Request::TcpInfo { socket } => Some(*socket),
        _ => None,
    }
}

impl Queues {
    pub(super) fn new() -> Queues {
        let (finished, done) = mpsc::unbounded_channel();
        Queues {
            busy: HashMap::new(),
            finished,
            done,
        }
    }

    /// Puts `msg` in its socket's queue when that socket is busy; gives it back otherwise.
    pub(super) fn wait_if_busy(&mut self, msg: ClientMessage) -> Option<ClientMessage> {
        let Some(socket) = socket_of(&msg.request) else {
            return Some(msg);
        };
        let Some(busy) = self.busy.get_mut(&socket) else {
            return Some(msg);
        };
        if matches!(msg.request, Request::Close { .. }) {
            if let Some(stop) = busy.running.as_mut().and_then(|r| r.stop.take()) {
                let _ = stop.send(());
            }
            busy.waiting.push_front(msg);
        } else {
            busy.waiting.push_back(msg);
        }
        None
    }

    /// Runs `sender.send_all` in a task of its own; the socket is busy until it is answered.
    pub(super) fn start_send(
        &mut self,
        request: u64,
        sender: TcpSender,
        socket: SocketId,
        data: Vec<u8>,
        outbox: Outbox,
    ) {
        let (stop, stopped) = oneshot::channel::<()>();
        let finished = self.finished.clone();
        let task = tokio::spawn(async move {
            // A dropped `stop` (the session ending) ends the send as well.
            let stopped = async {
                let _ = stopped.await;
            };
            sender.send_all(request, &data, &outbox, stopped).await;
            let _ = finished.send(socket);
        });
        let busy = self.busy.entry(socket).or_insert_with(|| Busy {
            running: None,
            waiting: VecDeque::new(),
        });
        busy.running = Some(Running {
            task,
            stop: Some(stop),
        });
    }

    /// The socket's send was answered: waits for its task to let go of the socket.
    pub(super) async fn finished(&mut self, socket: SocketId) {
        if let Some(running) = self.busy.get_mut(&socket).and_then(|b| b.running.take()) {
            let _ = running.task.await;
        }
    }

    /// The next request waiting for this socket, unless a send runs again; the socket is no
    /// longer busy once its queue is empty.
    pub(super) fn next_waiting(&mut self, socket: SocketId) -> Option<ClientMessage> {
        let busy = self.busy.get_mut(&socket)?;
        if busy.running.is_some() {
            return None;
        }
        let next = busy.waiting.pop_front();
        if next.is_none() {
            self.busy.remove(&socket);
        }
        next
    }

    /// Ends every running send and waits until their tasks let go of the sockets (the session
    /// is ending; waiting requests are dropped with it).
    pub(super) async fn stop_all(&mut self) {
        for (_, busy) in self.busy.drain() {
            if let Some(mut running) = busy.running {
                running.stop.take();
                let _ = running.task.await;
            }
        }
    }
}
