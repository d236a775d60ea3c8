//! One page session = one WebSocket: the `hello` handshake with the token (`hello.rs`), then
//! the page's messages sorted (`frames.rs`) and each request answered (`dispatch.rs`), exactly
//! one answer per request id out, events from the session's sockets in between, and on the way
//! out every socket the page opened is closed.

mod dispatch;
mod frames;
mod hello;
mod queues;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use futures_util::{Sink, Stream, StreamExt as _};
use protocol::limits::{
    CLOSE_BAD_TOKEN, CLOSE_IDLE, CLOSE_NO_PONG, CLOSE_TOO_MANY_SESSIONS, MAX_MESSAGE_BYTES,
};
use protocol::{ErrorCode, RelayError, ServerMessage, Welcome};
use tokio::sync::{OwnedSemaphorePermit, mpsc, watch};
use tokio::time::Instant;

use crate::limits::rate::Rates;
use crate::limits::{RelayLimits, SessionSlots};
use crate::outbox::{Outbox, write_all};
use crate::policy::Policy;
use crate::sockets::tcp::{Accepted, TcpConn};
use crate::sockets::{Socket, SocketCtx, SocketTable};
use crate::token::Keys;

use frames::{Incoming, id_of, incoming, too_large};
use hello::hello;
use queues::Queues;

/// WebSocket close code for "message too big" (RFC 6455).
pub const CLOSE_TOO_BIG: u16 = 1009;
/// WebSocket close code for "going away": the relay is shutting down.
pub const CLOSE_GOING_AWAY: u16 = 1001;
/// The WebSocket layer's own limit on one message or frame. Messages between
/// `MAX_MESSAGE_BYTES` and this are read whole and answered `MESSAGE_TOO_LARGE` (with their id
/// when it can be read), and the session goes on. Above this the WebSocket layer stops reading
/// in the middle of the frame, so the session can only close (1009); the unread rest of the
/// frame then makes the OS reset the connection, which may swallow the error and close frame.
pub const WS_READ_LIMIT: usize = 4 * MAX_MESSAGE_BYTES;
/// How long a broken connection stays open after its close frame (see [`End::Broken`]).
const LINGER: Duration = Duration::from_millis(500);
/// How long the writer gets to flush the last messages and the close frame.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(2);
/// Accepted connections that may wait for the session to adopt them; beyond this, accept loops
/// wait and new clients queue in the kernel's backlog.
const ACCEPTED_QUEUE: usize = 4;

/// What every session shares: the secret, the rules, the facts for `welcome`.
#[derive(Debug)]
pub struct SessionCtx {
    /// The launch token and the credential it is exchanged for.
    pub keys: Keys,
    pub policy: Arc<Policy>,
    pub welcome: Welcome,
    /// Becomes true when the relay shuts down.
    pub shutdown: watch::Receiver<bool>,
    /// The file-download lab's folders (served, downloads).
    pub files: Arc<crate::files::Files>,
    /// Places for WebSockets waiting for hello, and for sessions.
    pub slots: SessionSlots,
    pub limits: RelayLimits,
}

/// Runs one WebSocket session to its end. `pending` is its place among the WebSockets that
/// have not said hello yet (see `limits::SessionSlots`).
pub async fn run(ws: WebSocket, ctx: Arc<SessionCtx>, pending: OwnedSemaphorePermit) {
    let (sink, stream) = ws.split();
    serve(sink, stream, ctx, pending).await;
}

/// The session over any message sink and stream (the real WebSocket, or channels in tests).
pub async fn serve<W, R>(
    sink: W,
    mut stream: R,
    ctx: Arc<SessionCtx>,
    pending: OwnedSemaphorePermit,
) where
    W: Sink<Message> + Unpin + Send + 'static,
    W::Error: std::fmt::Display,
    R: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let (outbox, rx) = Outbox::new();
    let mut writer = tokio::spawn(write_all(sink, rx));

    let end = match hello(&mut stream, &outbox, &ctx, pending).await {
        Ok(_place) => {
            tracing::info!("page session started");
            let mut session = Session::new(&ctx, outbox.clone());
            let end = session.requests(&mut stream, &ctx).await;
            session.connects.shutdown().await;
            session.queues.stop_all().await;
            session.sockets.close_all().await;
            tracing::info!("page session ended");
            end
        }
        Err(end) => end,
    };

    let linger = matches!(end, End::Broken(..));
    if let End::Close(code, reason) | End::Broken(code, reason) = end {
        outbox.close(code, reason).await;
    }
    drop(outbox);
    if tokio::time::timeout(FLUSH_TIMEOUT, &mut writer)
        .await
        .is_err()
    {
        writer.abort();
    }
    if linger {
        // Closing a TCP connection with unread bytes makes the OS send a reset, and a reset
        // can make the page's OS drop the close frame it has not read yet: give it time.
        tokio::time::sleep(LINGER).await;
    }
    drop(stream);
}

/// How a session ends.
#[derive(Debug)]
enum End {
    /// The page closed the WebSocket, or it failed: nothing more to say.
    Gone,
    /// Send a close frame with this code and reason.
    Close(u16, &'static str),
    /// The same, after the WebSocket layer stopped reading in the middle of a frame.
    Broken(u16, &'static str),
}

/// The close frame's reason (English, short: at most 123 bytes fit; the page shows its own
/// words for each code, in the learner's language).
pub fn code_reason(code: u16) -> &'static str {
    match code {
        CLOSE_BAD_TOKEN => "bad token",
        CLOSE_TOO_BIG => "message too big",
        CLOSE_TOO_MANY_SESSIONS => "too many tabs: the relay serves a few at once",
        CLOSE_NO_PONG => "no answer to ping",
        CLOSE_IDLE => "no request for a long time",
        CLOSE_GOING_AWAY => "the relay is shutting down",
        _ => "not authenticated",
    }
}

/// The authenticated part of a session.
struct Session {
    sockets: SocketTable,
    socket_ctx: SocketCtx,
    died: mpsc::UnboundedReceiver<protocol::SocketId>,
    accepted: mpsc::Receiver<Accepted>,
    /// The file server and downloads of the lab (stopped when the session ends).
    files: crate::files::lab::SessionFiles,
    /// Connects, sends and binds per second (see `limits/rate.rs`).
    rates: Rates,
    /// The relay's UDP echo peer (sends to it are not rate limited).
    udp_echo_port: u16,
    /// Requests waiting for a socket whose send runs (see `queues.rs`).
    queues: Queues,
    /// `tcp_connect` handshakes under way.
    connects: tokio::task::JoinSet<queues::Connecting>,
    /// The running challenge's checker, if any (stopped when the session ends).
    challenges: crate::challenges::Challenges,
}

impl Session {
    fn new(ctx: &SessionCtx, outbox: Outbox) -> Session {
        let (died_tx, died) = mpsc::unbounded_channel();
        let (accepted_tx, accepted) = mpsc::channel(ACCEPTED_QUEUE);
        let sockets = SocketTable::default();
        // Running downloads hold a socket each: they count against the same limit.
        let downloads = sockets.others.clone();
        Session {
            sockets,
            socket_ctx: SocketCtx {
                policy: ctx.policy.clone(),
                outbox,
                died: died_tx,
                accepted: accepted_tx,
            },
            died,
            accepted,
            files: crate::files::lab::SessionFiles::new(
                ctx.files.clone(),
                ctx.limits.max_download_bytes,
                downloads,
            ),
            rates: Rates::default(),
            udp_echo_port: ctx.welcome.udp_echo_port,
            queues: Queues::new(),
            connects: tokio::task::JoinSet::new(),
            challenges: Default::default(),
        }
    }

    async fn requests<R>(&mut self, stream: &mut R, ctx: &SessionCtx) -> End
    where
        R: Stream<Item = Result<Message, axum::Error>> + Unpin,
    {
        let mut shutdown = ctx.shutdown.clone();
        let limits = &ctx.limits;
        // A ping every interval; one still unanswered at the next tick means the page (or the
        // machine it runs on) is gone without closing.
        let mut pings =
            tokio::time::interval_at(Instant::now() + limits.ping_interval, limits.ping_interval);
        let mut awaiting_pong = false;
        let idle = tokio::time::sleep(limits.idle_timeout);
        tokio::pin!(idle);
        loop {
            tokio::select! {
                // A socket that died is forgotten before the next request is read, so a request
                // sent after its `socket_closed` event finds it gone (NO_SUCH_SOCKET).
                biased;
                Some(id) = self.died.recv() => self.sockets.forget(id),
                // A socket's send was answered: the requests that waited for it run, in order.
                Some(socket) = self.queues.done.recv() => {
                    self.queues.finished(socket).await;
                    let outbox = self.socket_ctx.outbox.clone();
                    while let Some(msg) = self.queues.next_waiting(socket) {
                        let gate = outbox.gate().await;
                        if let Some(answer) = self.run(msg).await
                            && !outbox.send(&gate, answer).await
                        {
                            return End::Gone;
                        }
                    }
                }
                next = stream.next() => {
                    let outbox = self.socket_ctx.outbox.clone();
                    let message = incoming(next, &outbox).await;
                    if matches!(message, Ok(Incoming::Text(_) | Incoming::TooLarge(_) | Incoming::Binary)) {
                        idle.as_mut().reset(Instant::now() + limits.idle_timeout);
                    }
                    let answer = match message {
                        Err(end) => return end,
                        Ok(Incoming::Pong) => {
                            awaiting_pong = false;
                            continue;
                        }
                        Ok(Incoming::Nothing) => continue,
                        Ok(Incoming::TooLarge(text)) => {
                            tracing::info!("page sent a message of {} bytes", text.len());
                            ServerMessage::Error { id: id_of(&text), error: too_large(&text) }
                        }
                        Ok(Incoming::Binary) => ServerMessage::Error {
                            id: None,
                            error: RelayError::new(ErrorCode::BadRequest).with_detail(
                                "binary WebSocket messages are not part of the protocol; send JSON text",
                            ),
                        },
                        Ok(Incoming::Text(text)) => {
                            // Hold the gate from the request to its answer (see outbox.rs).
                            // A request for a socket whose send still runs waits in its queue
                            // and is answered later (see queues.rs).
                            let gate = outbox.gate().await;
                            if let Some(answer) = self.answer(&text).await
                                && !outbox.send(&gate, answer).await
                            {
                                return End::Gone;
                            }
                            continue;
                        }
                    };
                    if !outbox.event(answer).await {
                        return End::Gone;
                    }
                }
                // A handshake ended: the connection joins the session, then `connected` goes out.
                Some(Ok(done)) = self.connects.join_next() => {
                    let outbox = self.socket_ctx.outbox.clone();
                    let gate = outbox.gate().await;
                    let answer = self.connected(done);
                    if !outbox.send(&gate, answer).await {
                        return End::Gone;
                    }
                }
                Some(accepted) = self.accepted.recv() => {
                    if !self.adopt(accepted).await {
                        return End::Gone;
                    }
                }
                _ = pings.tick() => {
                    if awaiting_pong {
                        tracing::info!("page did not answer a ping; closing its session");
                        return End::Close(CLOSE_NO_PONG, code_reason(CLOSE_NO_PONG));
                    }
                    awaiting_pong = true;
                    if !self.socket_ctx.outbox.ping().await {
                        return End::Gone;
                    }
                }
                () = &mut idle => {
                    tracing::info!("page sent no request for {:?}; closing its session", limits.idle_timeout);
                    return End::Close(CLOSE_IDLE, code_reason(CLOSE_IDLE));
                }
                () = stopping(&mut shutdown) => {
                    return End::Close(CLOSE_GOING_AWAY, code_reason(CLOSE_GOING_AWAY));
                }
            }
        }
    }

    /// Gives an accepted connection its own socket id, announces it (`tcp_accepted`), then
    /// starts its reader. False when the page is gone.
    ///
    /// Over the session's socket limit the client is accepted and closed at once (it sees its
    /// connect succeed, then end of stream), and the page hears it (`client_refused`): the listener keeps
    /// listening, and clients queued behind are not left hanging in the backlog.
    async fn adopt(&mut self, accepted: Accepted) -> bool {
        let Accepted {
            listener,
            stream,
            peer,
            recv_size,
        } = accepted;
        if !self.sockets.is_listener(listener) {
            // The listener was closed while this client waited to be handed over: like a
            // client still in the backlog of a closed socket, it is dropped.
            return true;
        }
        let outbox = self.socket_ctx.outbox.clone();
        // Hold the gate so the reader's first tcp_data cannot overtake tcp_accepted.
        let gate = outbox.gate().await;
        let added = self
            .sockets
            .add(|id| TcpConn::new(id, stream, Some(listener)).map(Socket::Tcp));
        let socket = match added {
            Ok(socket) => socket,
            Err(error) => {
                tracing::warn!(listener, %peer, "closed an accepted client at once: {error}");
                let event = ServerMessage::ClientRefused {
                    listener,
                    peer,
                    error,
                };
                return outbox.send(&gate, event).await;
            }
        };
        let Ok(conn) = self.sockets.tcp(socket) else {
            return true;
        };
        let local = conn.local();
        conn.start_reading(recv_size, &self.socket_ctx);
        let event = ServerMessage::TcpAccepted {
            listener,
            socket,
            peer,
            local,
        };
        outbox.send(&gate, event).await
    }
}

/// Completes when the relay shuts down (the guard `wait_for` returns is not `Send`).
async fn stopping(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}
