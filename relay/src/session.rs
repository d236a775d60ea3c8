//! One page session = one WebSocket: the `hello` handshake with the token, then requests in,
//! exactly one answer per request id out, events from the session's sockets in between, and
//! on the way out every socket the page opened is closed.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use futures_util::{Sink, Stream, StreamExt as _};
use protocol::limits::{
    CLOSE_BAD_TOKEN, CLOSE_IDLE, CLOSE_NO_PONG, CLOSE_NOT_AUTHENTICATED, CLOSE_TOO_MANY_SESSIONS,
    MAX_MESSAGE_BYTES,
};
use protocol::{
    ClientMessage, ErrorCode, Family, RelayError, Reply, Request, ServerMessage, Welcome,
};
use tokio::sync::{OwnedSemaphorePermit, mpsc, watch};
use tokio::time::Instant;

use crate::limits::rate::{Action, Rates};
use crate::limits::{RelayLimits, SessionSlots};
use crate::outbox::{Outbox, write_all};
use crate::policy::Policy;
use crate::sockets::tcp::{self, Accepted, TcpConn, TcpListen};
use crate::sockets::udp::UdpSock;
use crate::sockets::{Socket, SocketCtx, SocketTable};
use crate::token::{Keys, Offered, Refused};
use crate::{endpoint, names};

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

/// Waits for `{"op":"hello","token":...}`. Anything else first, a wrong token, or silence for
/// the hello timeout ends the session; so does a good hello when the relay already has its
/// most sessions. Gives back the session's place (the `pending` place is given up).
async fn hello<R>(
    stream: &mut R,
    outbox: &Outbox,
    ctx: &SessionCtx,
    pending: OwnedSemaphorePermit,
) -> Result<OwnedSemaphorePermit, End>
where
    R: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let _pending = pending;
    let deadline = Instant::now() + ctx.limits.hello_timeout;
    let text = loop {
        let next = match tokio::time::timeout_at(deadline, stream.next()).await {
            Err(_) => {
                tracing::info!("page sent no hello in time");
                return Err(End::Close(CLOSE_NOT_AUTHENTICATED, "no hello in time"));
            }
            Ok(next) => next,
        };
        match incoming(next, outbox).await? {
            Incoming::Text(text) => break text,
            Incoming::TooLarge(text) => {
                let error = too_large(&text);
                return Err(refuse(outbox, None, error, CLOSE_TOO_BIG).await);
            }
            Incoming::Binary => {
                let error = RelayError::new(ErrorCode::NotAuthenticated)
                    .with_detail("the first message must be a hello (JSON text), not binary");
                return Err(refuse(outbox, None, error, CLOSE_NOT_AUTHENTICATED).await);
            }
            Incoming::Nothing | Incoming::Pong => continue,
        }
    };

    // Read loosely first: the id and op are wanted even from a message that is not a valid
    // hello. The token itself is never logged.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let id = value.get("id").and_then(|v| v.as_u64());
    let op = value.get("op").and_then(|v| v.as_str());
    if op != Some("hello") {
        let error = RelayError::new(ErrorCode::NotAuthenticated).with_detail(format!(
            "the first message must be {{\"op\":\"hello\",\"token\":...}}, not {}",
            op.map_or("a message without an op".to_owned(), |op| format!("`{op}`"))
        ));
        tracing::info!("page spoke before hello");
        return Err(refuse(outbox, id, error, CLOSE_NOT_AUTHENTICATED).await);
    }
    let offered = value.get("token").and_then(|v| v.as_str()).unwrap_or("");
    let kind = match ctx.keys.check(offered) {
        Ok(kind) => kind,
        Err(why) => return Err(bad_token(outbox, id, why).await),
    };
    let Some(place) = ctx.slots.session() else {
        tracing::warn!(
            "refused a page session: {} sessions are open already",
            ctx.limits.max_sessions
        );
        let error = RelayError::new(ErrorCode::TooManySessions).with_detail(format!(
            "the relay already serves {} tabs, the most it serves at once",
            ctx.limits.max_sessions
        ));
        return Err(refuse(outbox, id, error, CLOSE_TOO_MANY_SESSIONS).await);
    };
    // The first session uses up the launch token; every welcome carries the credential, which
    // the page keeps for its other tabs and reloads.
    let credential = match kind {
        Offered::Credential => ctx.keys.credential(),
        Offered::Launch => match ctx.keys.exchange() {
            Ok(credential) => {
                tracing::info!("the launch token was exchanged for this browser's credential");
                credential
            }
            Err(why) => return Err(bad_token(outbox, id, why).await),
        },
    };
    let welcome = Welcome {
        credential: Some(credential.as_str().to_owned()),
        ..ctx.welcome.clone()
    };
    if !outbox.event(ServerMessage::Welcome(welcome)).await {
        return Err(End::Gone);
    }
    Ok(place)
}

/// `BAD_TOKEN` and close 4001, saying why.
async fn bad_token(outbox: &Outbox, id: Option<u64>, why: Refused) -> End {
    let detail = match why {
        Refused::Wrong => {
            tracing::warn!("page offered a wrong token");
            "this is not the token of this launch of the relay"
        }
        Refused::AlreadyExchanged => {
            tracing::warn!("page offered the launch token again, after it was exchanged");
            "this launch's token was already used by the first tab, which got the browser's \
             credential; other tabs of that browser use it. Another browser needs a new launch \
             of the relay"
        }
    };
    let error = RelayError::new(ErrorCode::BadToken).with_detail(detail);
    refuse(outbox, id, error, CLOSE_BAD_TOKEN).await
}

async fn refuse(outbox: &Outbox, id: Option<u64>, error: RelayError, code: u16) -> End {
    outbox.event(ServerMessage::Error { id, error }).await;
    End::Close(code, code_reason(code))
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

/// The answer to a message over `MAX_MESSAGE_BYTES` (the caller reads the id, if any).
fn too_large(text: &str) -> RelayError {
    RelayError::new(ErrorCode::MessageTooLarge).with_detail(format!(
        "the message was {} bytes; a WebSocket message may be at most {MAX_MESSAGE_BYTES} bytes",
        text.len()
    ))
}

/// The request id of a message, when it can be read.
fn id_of(text: &str) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("id")?.as_u64()
}

/// One message from the page, as far as the session cares.
enum Incoming {
    Text(String),
    /// A text message over `MAX_MESSAGE_BYTES` (but under `WS_READ_LIMIT`).
    TooLarge(String),
    Binary,
    /// A pong: the page answered a ping.
    Pong,
    /// A ping (answered by the WebSocket layer itself).
    Nothing,
}

/// Sorts out what the stream gave. A message over `WS_READ_LIMIT` makes the WebSocket layer
/// fail in the middle of a frame; the rest of that frame is unreadable, so the session tells
/// the page why and closes with 1009.
async fn incoming(
    next: Option<Result<Message, axum::Error>>,
    outbox: &Outbox,
) -> Result<Incoming, End> {
    match next {
        None | Some(Ok(Message::Close(_))) => Err(End::Gone),
        Some(Ok(Message::Text(text))) if text.len() > MAX_MESSAGE_BYTES => {
            Ok(Incoming::TooLarge(text.as_str().to_owned()))
        }
        Some(Ok(Message::Text(text))) => Ok(Incoming::Text(text.as_str().to_owned())),
        Some(Ok(Message::Binary(_))) => Ok(Incoming::Binary),
        Some(Ok(Message::Pong(_))) => Ok(Incoming::Pong),
        Some(Ok(Message::Ping(_))) => Ok(Incoming::Nothing),
        Some(Err(e)) if is_too_large(&e) => {
            tracing::info!("page sent a message over {WS_READ_LIMIT} bytes: {e}");
            let error = RelayError::new(ErrorCode::MessageTooLarge).with_detail(format!(
                "the message was over {WS_READ_LIMIT} bytes; a WebSocket message may be at most \
                 {MAX_MESSAGE_BYTES} bytes"
            ));
            outbox.event(ServerMessage::Error { id: None, error }).await;
            Err(End::Broken(CLOSE_TOO_BIG, "message too big"))
        }
        Some(Err(e)) => {
            tracing::debug!("websocket read failed: {e}");
            Err(End::Gone)
        }
    }
}

/// tungstenite's capacity error ("Space limit exceeded: Message too long: N > M"), seen through
/// axum's error wrapper, which does not expose the type. The integration test
/// `a_message_over_the_read_limit_closes_only_its_session` checks the wording.
fn is_too_large(e: &axum::Error) -> bool {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.contains("Message too long") || text.contains("Space limit exceeded")
}

/// The authenticated part of a session.
struct Session {
    sockets: SocketTable,
    socket_ctx: SocketCtx,
    died: mpsc::UnboundedReceiver<protocol::SocketId>,
    accepted: mpsc::Receiver<Accepted>,
    /// The file server and downloads of the lab (stopped when the session ends).
    lab: crate::files::lab::Lab,
    /// Connects, sends and binds per second (see `limits/rate.rs`).
    rates: Rates,
    /// The relay's UDP echo peer (sends to it are not rate limited).
    udp_echo_port: u16,
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
            lab: crate::files::lab::Lab::new(
                ctx.files.clone(),
                ctx.limits.max_download_bytes,
                downloads,
            ),
            rates: Rates::default(),
            udp_echo_port: ctx.welcome.udp_echo_port,
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
                            let gate = outbox.gate().await;
                            let answer = self.answer(&text).await;
                            if !outbox.send(&gate, answer).await {
                                return End::Gone;
                            }
                            continue;
                        }
                    };
                    if !outbox.event(answer).await {
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

    /// Exactly one `reply` or `error` for one text message.
    async fn answer(&mut self, text: &str) -> ServerMessage {
        // Parse as plain JSON first, so the id can be given back even when the request is bad.
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return bad_request(None, e),
        };
        let id = value.get("id").and_then(|v| v.as_u64());
        let msg: ClientMessage = match serde_json::from_value(value) {
            Ok(m) => m,
            Err(e) => return bad_request(id, e),
        };
        let op = msg.request.op();
        match self.handle(msg.request).await {
            Ok(result) => {
                tracing::debug!(id = msg.id, op, "ok");
                ServerMessage::Reply { id: msg.id, result }
            }
            Err(error) => {
                tracing::debug!(id = msg.id, op, code = %error.code, "refused");
                ServerMessage::Error {
                    id: Some(msg.id),
                    error,
                }
            }
        }
    }

    async fn handle(&mut self, request: Request) -> Result<Reply, RelayError> {
        if let Some(action) = self.rate_counted(&request) {
            self.rates.check(action)?;
        }
        let ctx = &self.socket_ctx;
        match request {
            Request::Hello { .. } => Err(RelayError::new(ErrorCode::BadRequest)
                .with_detail("hello was already accepted on this connection")),
            Request::UdpOpen { family, recv_size } => {
                let socket = self
                    .sockets
                    .add(|id| UdpSock::open(id, family, recv_size).map(Socket::Udp))?;
                Ok(Reply::Opened {
                    socket,
                    local: None,
                })
            }
            Request::UdpBind { socket, host, port } => {
                self.sockets.udp(socket)?.bind(&host, port, ctx).await
            }
            Request::UdpSendTo {
                socket,
                host,
                port,
                data,
            } => {
                let udp = self.sockets.udp(socket)?;
                udp.send_to(&host, port, data.as_slice(), ctx).await
            }
            Request::Close { socket } => {
                self.sockets.close(socket).await?;
                Ok(Reply::Done)
            }
            Request::TcpConnect {
                host,
                port,
                recv_size,
            } => {
                // Refuse before connecting: a connection that cannot be kept is not made.
                self.sockets.check_room()?;
                let to = endpoint::target(&ctx.policy, &host, port, Family::Ipv4).await?;
                let (stream, took) = TcpConn::connect(to).await?;
                let socket = self
                    .sockets
                    .add(|id| TcpConn::new(id, stream, None).map(Socket::Tcp))?;
                let conn = self.sockets.tcp(socket)?;
                // The gate is held until `connected` is queued: data cannot overtake it.
                conn.start_reading(tcp::recv_size(recv_size), ctx);
                Ok(Reply::Connected {
                    socket,
                    local: conn.local(),
                    peer: conn.peer(),
                    handshake_us: u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
                })
            }
            Request::TcpListen {
                host,
                port,
                backlog,
                recv_size,
            } => {
                let addr = endpoint::bind_addr(&ctx.policy, &host, port, Family::Ipv4).await?;
                let size = tcp::recv_size(recv_size);
                let mut local = addr;
                let socket = self.sockets.add(|id| {
                    let listener = TcpListen::listen(id, addr, backlog, size, ctx)?;
                    local = listener.local();
                    Ok(Socket::Listener(listener))
                })?;
                Ok(Reply::Listening {
                    socket,
                    local,
                    backlog,
                })
            }
            Request::TcpSend { socket, data } => {
                self.sockets.tcp(socket)?.send(data.as_slice()).await
            }
            Request::TcpShutdown { socket } => self.sockets.tcp(socket)?.shutdown_write(),
            Request::TcpPauseReading { socket, paused } => {
                Ok(self.sockets.tcp(socket)?.pause_reading(paused))
            }
            Request::ListSockets {} => Ok(Reply::Sockets {
                sockets: self.sockets.list(),
            }),
            Request::Resolve { name } => names::resolve(&name).await,
            Request::TcpInfo { socket } => {
                let (info, reason) = match self.sockets.tcp(socket)?.kernel_info() {
                    Ok(info) => (Some(info), None),
                    Err(reason) => (None, Some(reason)),
                };
                Ok(Reply::TcpInfo {
                    socket,
                    info,
                    reason,
                })
            }
            lab @ (Request::FileList {}
            | Request::FileServerStart { .. }
            | Request::FileServerStop {}
            | Request::DownloadStart { .. }
            | Request::DownloadCancel { .. }) => {
                if matches!(lab, Request::DownloadStart { .. }) {
                    // A download holds a socket while it runs.
                    self.sockets.check_room()?;
                }
                let ctx = &self.socket_ctx;
                self.lab.handle(lab, &ctx.policy, &ctx.outbox).await
            }
            challenge @ (Request::ChallengeStart { .. }
            | Request::ChallengeAnswer { .. }
            | Request::ChallengeCancel { .. }
            | Request::Interfaces {}) => {
                let ctx = &self.socket_ctx;
                self.challenges
                    .handle(challenge, &ctx.policy, &ctx.outbox)
                    .await
            }
        }
    }
}

impl Session {
    /// Which bucket a request takes a token from, if any.
    fn rate_counted(&self, request: &Request) -> Option<Action> {
        match request {
            Request::TcpConnect { .. } | Request::DownloadStart { .. } => Some(Action::Connect),
            // The echo peer only sends back to the page, at the page's own pace.
            Request::UdpSendTo { host, port, .. }
                if *port == self.udp_echo_port
                    && matches!(host.as_str(), "127.0.0.1" | "localhost") =>
            {
                None
            }
            Request::UdpSendTo { .. } | Request::TcpSend { .. } => Some(Action::Send),
            Request::UdpBind { .. }
            | Request::TcpListen { .. }
            | Request::FileServerStart { .. } => Some(Action::Bind),
            _ => None,
        }
    }
}

/// Completes when the relay shuts down (the guard `wait_for` returns is not `Send`).
async fn stopping(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

fn bad_request(id: Option<u64>, e: serde_json::Error) -> ServerMessage {
    ServerMessage::Error {
        id,
        error: RelayError::new(ErrorCode::BadRequest).with_detail(e.to_string()),
    }
}
