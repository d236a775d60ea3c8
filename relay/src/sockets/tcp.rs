//! TCP sockets for the page: `connect`, `listen` + `accept`, `send`, `shutdown(SHUT_WR)`,
//! pausing the reader, close. TCP is a byte stream: every `recv(recv_size)` the reader does
//! becomes one `tcp_data` event, so the page sees the real boundaries (two sends arriving as one
//! recv, one big send arriving as several).
//!
//! A listener's accept loop does not touch the session's socket table: it hands each accepted
//! connection to the session over a bounded channel ([`Accepted`]); the session gives it an id,
//! announces it (`tcp_accepted`) and only then starts its reader, so no `tcp_data` can come
//! before the page knows the socket.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use protocol::limits::{MAX_TCP_SEND, RECV_BUFFER};
use protocol::{
    Data, ErrorCode, RelayError, Reply, ServerMessage, SocketId, SocketInfo, SocketKind,
    SocketState,
};
use socket2::{Domain, Protocol, SockRef, Type};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::SocketCtx;
use crate::errors::{os_error, timed_out};
use crate::outbox::Outbox;
use crate::platform::sockopt;

/// How long `tcp_connect` waits for the three-way handshake before answering ETIMEDOUT.
/// (Python's `connect` without a timeout can wait minutes; a lesson cannot.)
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long one `tcp_send` may wait for room in the kernel's send buffer without the kernel
/// taking a single byte. A peer that does not read closes its receive window (flow control) and
/// `send` blocks; after this the relay gives up and answers ETIMEDOUT, saying how many bytes the
/// kernel did take. Meanwhile only that socket waits: the session answers everything else.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(5);

/// Pause after a failed `accept()` (say EMFILE) before trying again, so the loop cannot spin.
const ACCEPT_RETRY: Duration = Duration::from_millis(100);

/// The `recv(bufsize)` the page asked for, kept in `1..=RECV_BUFFER`.
pub fn recv_size(asked: Option<u32>) -> usize {
    asked.map_or(RECV_BUFFER, |n| (n as usize).clamp(1, RECV_BUFFER))
}

/// A connection the accept loop took, on its way to the session (see the module docs).
#[derive(Debug)]
pub struct Accepted {
    pub listener: SocketId,
    pub stream: TcpStream,
    pub peer: SocketAddr,
    pub recv_size: usize,
}

/// What the reader and the request side both know about a connection.
#[derive(Debug, Default)]
struct Flags {
    /// recv returned 0: the peer sent FIN.
    peer_closed: AtomicBool,
    /// We called `shutdown(SHUT_WR)`.
    shut_write: AtomicBool,
}

/// A connected TCP socket (from `connect` or from `accept`).
#[derive(Debug)]
pub struct TcpConn {
    id: SocketId,
    stream: Arc<TcpStream>,
    local: SocketAddr,
    peer: SocketAddr,
    /// The listener it came from, for accepted sockets.
    listener: Option<SocketId>,
    flags: Arc<Flags>,
    paused: watch::Sender<bool>,
    reader: Option<JoinHandle<()>>,
}

impl TcpConn {
    /// `s.connect((ip, port))` with [`CONNECT_TIMEOUT`]; `to` has passed the policy already.
    /// Returns the connected stream and how long the handshake took.
    pub async fn connect(to: SocketAddr) -> Result<(TcpStream, Duration), RelayError> {
        let socket = if to.is_ipv4() {
            TcpSocket::new_v4()
        } else {
            TcpSocket::new_v6()
        }
        .map_err(|e| os_error("socket(SOCK_STREAM)", &e))?;
        let started = Instant::now();
        match tokio::time::timeout(CONNECT_TIMEOUT, socket.connect(to)).await {
            Ok(Ok(stream)) => Ok((stream, started.elapsed())),
            Ok(Err(e)) => Err(os_error(&format!("connect({to})"), &e)),
            Err(_) => Err(timed_out(format!(
                "connect({to}): no answer to the handshake within {} s",
                CONNECT_TIMEOUT.as_secs()
            ))),
        }
    }

    /// Wraps a connected stream; its reader starts with [`TcpConn::start_reading`].
    pub fn new(
        id: SocketId,
        stream: TcpStream,
        listener: Option<SocketId>,
    ) -> Result<TcpConn, RelayError> {
        let local = stream
            .local_addr()
            .map_err(|e| os_error("getsockname", &e))?;
        let peer = stream
            .peer_addr()
            .map_err(|e| os_error("getpeername", &e))?;
        // Small sends go out at once, as the page shows them (no Nagle delay).
        let _ = stream.set_nodelay(true);
        Ok(TcpConn {
            id,
            stream: Arc::new(stream),
            local,
            peer,
            listener,
            flags: Arc::default(),
            paused: watch::channel(false).0,
            reader: None,
        })
    }

    pub fn local(&self) -> SocketAddr {
        self.local
    }

    pub fn peer(&self) -> SocketAddr {
        self.peer
    }

    /// The kernel's own numbers for this connection (`TCP_INFO`, see `tcp_info.rs`).
    pub fn kernel_info(&self) -> Result<protocol::KernelTcpInfo, String> {
        super::tcp_info::read(&*self.stream)
    }

    /// Starts `recv(recv_size)` in a loop. The caller holds the outbox gate (or has queued the
    /// event that announces this socket), so data never overtakes the announcement.
    pub fn start_reading(&mut self, recv_size: usize, ctx: &SocketCtx) {
        if self.reader.is_none() {
            let task = read_stream(
                self.id,
                self.stream.clone(),
                recv_size,
                self.paused.subscribe(),
                self.flags.clone(),
                ctx.clone(),
            );
            self.reader = Some(tokio::spawn(task));
        }
    }

    /// What a `tcp_send` needs to run beside the session (see [`TcpSender::send_all`]). It
    /// holds the stream too: the socket closes once both this and the socket are gone, so the
    /// session waits for a running send before it reports a close done.
    pub fn sender(&self, data: &[u8]) -> Result<TcpSender, RelayError> {
        if data.len() > MAX_TCP_SEND {
            return Err(
                RelayError::new(ErrorCode::PayloadTooLarge).with_detail(format!(
                    "{} bytes; one tcp_send carries at most {MAX_TCP_SEND} bytes",
                    data.len()
                )),
            );
        }
        Ok(TcpSender {
            id: self.id,
            stream: self.stream.clone(),
            local: self.local,
            peer: self.peer,
        })
    }

    /// `s.shutdown(SHUT_WR)`: our FIN goes out; the peer's recv returns 0; we can still read.
    pub fn shutdown_write(&mut self) -> Result<Reply, RelayError> {
        SockRef::from(&*self.stream)
            .shutdown(std::net::Shutdown::Write)
            .map_err(|e| os_error("shutdown(SHUT_WR)", &e))?;
        self.flags.shut_write.store(true, Ordering::Relaxed);
        Ok(Reply::Done)
    }

    /// Stops or resumes calling recv.
    pub fn pause_reading(&mut self, paused: bool) -> Reply {
        self.paused.send_replace(paused);
        Reply::Done
    }

    pub fn info(&self) -> SocketInfo {
        let state = if self.flags.peer_closed.load(Ordering::Relaxed) {
            SocketState::PeerClosed
        } else if self.flags.shut_write.load(Ordering::Relaxed) {
            SocketState::ShutdownWrite
        } else {
            SocketState::Connected
        };
        SocketInfo {
            socket: self.id,
            kind: SocketKind::TcpStream,
            state,
            local: Some(self.local),
            peer: Some(self.peer),
            listener: self.listener,
            paused: *self.paused.borrow(),
        }
    }

    /// Drops the socket without stopping its reader, which has stopped reading already and
    /// only has its last event to queue (see `fail`).
    pub fn detach(mut self) {
        self.reader.take();
    }

    /// `s.close()`: stops the reader and closes the file descriptor before returning.
    pub async fn close(mut self) {
        if let Some(reader) = self.reader.take() {
            reader.abort();
            let _ = reader.await;
        }
        // `self.stream` is the last reference now; dropping `self` closes it.
    }
}

/// One `tcp_send` on its way into the kernel (it runs in a task of its own, see
/// `session/queues.rs`).
#[derive(Debug)]
pub struct TcpSender {
    id: SocketId,
    stream: Arc<TcpStream>,
    local: SocketAddr,
    peer: SocketAddr,
}

impl TcpSender {
    /// `s.sendall(data)`: every byte goes into the kernel's send buffer, or the answer says how
    /// far it got. Each time the send has to wait for room, `tcp_send_progress` says how many
    /// bytes the kernel has taken so far. [`SEND_TIMEOUT`] without one byte taken is ETIMEDOUT;
    /// `stop` ending (the page closed the socket) ends the send.
    ///
    /// The last bytes are written while holding the outbox gate, and the answer is queued
    /// before it is released: whatever the peer does because of those bytes (echo them, close)
    /// reaches the page after the `sent` reply, as before.
    pub async fn send_all(
        self,
        request: u64,
        data: &[u8],
        outbox: &Outbox,
        stop: impl Future<Output = ()>,
    ) -> bool {
        tokio::pin!(stop);
        let total = data.len();
        let mut written = 0;
        let mut reported = None;
        let mut waiting_since = Instant::now();
        let failed = loop {
            let gate = outbox.gate().await;
            match self.stream.try_write(&data[written..]) {
                Ok(n) => written += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => break os_error("send", &e),
            }
            if written == total {
                let reply = Reply::Sent {
                    socket: self.id,
                    bytes: written,
                    local: self.local,
                    to: self.peer,
                };
                return outbox
                    .send(
                        &gate,
                        ServerMessage::Reply {
                            id: request,
                            result: reply,
                        },
                    )
                    .await;
            }
            drop(gate);
            if reported != Some(written) {
                reported = Some(written);
                waiting_since = Instant::now();
                let progress = ServerMessage::TcpSendProgress {
                    socket: self.id,
                    sent: written,
                    total,
                };
                if !outbox.event(progress).await {
                    return false;
                }
            }
            tokio::select! {
                ready = tokio::time::timeout_at(waiting_since + SEND_TIMEOUT, self.stream.writable()) => match ready {
                    Err(_) => break timed_out(format!(
                        "send: the kernel took {written} of {total} bytes; the rest found no room \
                         within {} s: the peer is not reading, so its receive window is closed \
                         (flow control)",
                        SEND_TIMEOUT.as_secs()
                    )),
                    Ok(Err(e)) => break os_error("send", &e),
                    Ok(Ok(())) => {}
                },
                () = &mut stop => break RelayError::new(ErrorCode::NoSuchSocket).with_detail(format!(
                    "the socket was closed while this send waited; the kernel had taken {written} \
                     of {total} bytes"
                )),
            }
        };
        outbox
            .event(ServerMessage::Error {
                id: Some(request),
                error: failed,
            })
            .await
    }
}

impl Drop for TcpConn {
    fn drop(&mut self) {
        if let Some(reader) = &self.reader {
            reader.abort();
        }
    }
}

/// `recv(recv_size)` in a loop, one `tcp_data` event per recv.
///
/// Backpressure: the next recv only happens once the event for the last one has found room in
/// the outbox. While the page is behind, the bytes wait in the kernel's receive buffer; when it
/// is full, TCP's window closes and the peer's `send` blocks: flow control, end to end.
async fn read_stream(
    id: SocketId,
    stream: Arc<TcpStream>,
    recv_size: usize,
    mut paused: watch::Receiver<bool>,
    flags: Arc<Flags>,
    ctx: SocketCtx,
) {
    let mut buf = vec![0u8; recv_size];
    loop {
        // While paused no recv is called at all, exactly like a busy program.
        if !resumed(&mut paused).await {
            return; // the socket is being closed
        }
        tokio::select! {
            ready = stream.readable() => {
                if let Err(e) = ready {
                    return fail(id, "recv", &e, &ctx).await;
                }
            }
            // Paused while waiting: go back and wait for the resume.
            _ = paused.changed() => continue,
        }
        match stream.try_read(&mut buf) {
            Ok(0) => {
                flags.peer_closed.store(true, Ordering::Relaxed);
                ctx.outbox
                    .event(ServerMessage::TcpPeerClosed { socket: id })
                    .await;
                // Nothing more will ever arrive; the socket stays open for sending.
                return;
            }
            Ok(n) => {
                let event = ServerMessage::TcpData {
                    socket: id,
                    data: Data::from(&buf[..n]),
                };
                if !ctx.outbox.event(event).await {
                    return; // the page is gone
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) => return fail(id, "recv", &e, &ctx).await,
        }
    }
}

/// Waits until reading is not paused. False when the socket's pause switch is gone.
async fn resumed(paused: &mut watch::Receiver<bool>) -> bool {
    paused.wait_for(|p| !*p).await.is_ok()
}

/// The connection broke (typically ECONNRESET: the peer reset it): the session forgets the
/// socket first, then the page hears `socket_closed`, so any request it sends after that event
/// finds the id gone. (The session detaches this task instead of aborting it.)
async fn fail(id: SocketId, what: &str, e: &io::Error, ctx: &SocketCtx) {
    tracing::info!(socket = id, "tcp {what} failed, closing the socket: {e}");
    let _ = ctx.died.send(id);
    let error = Some(os_error(what, e));
    ctx.outbox
        .event(ServerMessage::SocketClosed { socket: id, error })
        .await;
}

/// A listening TCP socket and its accept loop.
#[derive(Debug)]
pub struct TcpListen {
    id: SocketId,
    local: SocketAddr,
    accept: JoinHandle<()>,
}

impl TcpListen {
    /// `s.bind(addr); s.listen(backlog)` (`addr` has passed the policy already), then accepts
    /// in a loop. Before the bind, `platform::sockopt::prepare_listener` makes the port this
    /// socket's alone on every system (a second listen on it is EADDRINUSE), while a port whose
    /// old connections wait in TIME_WAIT can be listened on again at once on Linux and macOS.
    /// An IPv6 listener is IPv6 only (IPV6_V6ONLY): `[::1]` never also takes IPv4 clients.
    pub fn listen(
        id: SocketId,
        addr: SocketAddr,
        backlog: u32,
        recv_size: usize,
        ctx: &SocketCtx,
    ) -> Result<TcpListen, RelayError> {
        let socket =
            socket2::Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))
                .map_err(|e| os_error("socket(SOCK_STREAM)", &e))?;
        sockopt::prepare_listener(&socket).map_err(|e| os_error("setsockopt", &e))?;
        if addr.is_ipv6() {
            socket
                .set_only_v6(true)
                .map_err(|e| os_error("setsockopt(IPV6_V6ONLY)", &e))?;
        }
        socket
            .bind(&addr.into())
            .map_err(|e| os_error(&format!("bind({addr})"), &e))?;
        // The kernel caps the backlog at net.core.somaxconn by itself.
        let backlog_arg = i32::try_from(backlog).unwrap_or(i32::MAX);
        socket
            .listen(backlog_arg)
            .map_err(|e| os_error(&format!("listen({backlog})"), &e))?;
        socket
            .set_nonblocking(true)
            .map_err(|e| os_error("set_nonblocking", &e))?;
        let listener = TcpListener::from_std(socket.into()).map_err(|e| os_error("listen", &e))?;
        let local = listener
            .local_addr()
            .map_err(|e| os_error("getsockname", &e))?;
        let accept = tokio::spawn(accept_loop(id, listener, recv_size, ctx.clone()));
        Ok(TcpListen { id, local, accept })
    }

    pub fn local(&self) -> SocketAddr {
        self.local
    }

    pub fn info(&self) -> SocketInfo {
        SocketInfo {
            socket: self.id,
            kind: SocketKind::TcpListener,
            state: SocketState::Listening,
            local: Some(self.local),
            peer: None,
            listener: None,
            paused: false,
        }
    }

    /// `s.close()` on the listener: no new clients (connects are refused from the moment the
    /// page hears `done`); accepted sockets are separate sockets and go on.
    pub async fn close(mut self) {
        self.accept.abort();
        // Once the task has stopped, the listening socket it owned is closed.
        let _ = (&mut self.accept).await;
    }
}

impl Drop for TcpListen {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// `conn, addr = s.accept()` in a loop. Handing a connection to the session waits while the
/// session is busy (the channel is small), so further clients wait in the kernel's backlog
/// queue, as they would for a slow Python server.
async fn accept_loop(id: SocketId, listener: TcpListener, recv_size: usize, ctx: SocketCtx) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let accepted = Accepted {
                    listener: id,
                    stream,
                    peer,
                    recv_size,
                };
                if ctx.accepted.send(accepted).await.is_err() {
                    return; // the session is gone
                }
            }
            Err(e) => {
                // ECONNABORTED (the client gave up while queued), EMFILE, ...: news about one
                // client or a passing shortage, not about the listener.
                tracing::warn!(socket = id, "accept failed: {e}");
                tokio::time::sleep(ACCEPT_RETRY).await;
            }
        }
    }
}
