//! Dispatch: which request does what. Each request of an authenticated session gets exactly one
//! `reply` or `error`; rate limits are taken here, before the work.

use protocol::{
    ClientMessage, ErrorCode, Family, RelayError, Reply, Request, ServerMessage, SocketKind,
};

use super::Session;
use super::queues::{Connecting, Pending};
use crate::limits::rate::Action;
use crate::sockets::Socket;
use crate::sockets::tcp::{self, TcpConn, TcpListen};
use crate::sockets::udp::UdpSock;
use crate::{endpoint, names};

impl Session {
    /// Exactly one `reply` or `error` for one text message: now, or (`None`) later, from the
    /// queue of the socket it names (see `queues.rs`).
    pub(super) async fn answer(&mut self, text: &str) -> Option<ServerMessage> {
        // Parse as plain JSON first, so the id can be given back even when the request is bad.
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return Some(bad_request(None, e)),
        };
        let id = value.get("id").and_then(|v| v.as_u64());
        let msg: ClientMessage = match serde_json::from_value(value) {
            Ok(m) => m,
            Err(e) => return Some(bad_request(id, e)),
        };
        let msg = self.queues.wait_if_busy(msg)?;
        self.run(msg).await
    }

    /// Answers one request whose socket (if any) has nothing queued before it. A `tcp_send`
    /// is started and answered by its own task (`None`).
    pub(super) async fn run(&mut self, msg: ClientMessage) -> Option<ServerMessage> {
        let op = msg.request.op();
        let result = match msg.request {
            Request::TcpSend { socket, data } => match self.start_send(msg.id, socket, data) {
                Ok(()) => return None,
                Err(error) => Err(error),
            },
            Request::TcpConnect {
                host,
                port,
                recv_size,
            } => match self.start_connect(msg.id, host, port, recv_size) {
                Ok(()) => return None,
                Err(error) => Err(error),
            },
            request => self.handle(request).await,
        };
        Some(answer_of(msg.id, op, result))
    }

    /// `tcp_connect`: checked here, then the handshake (up to 5 s when the server's backlog is
    /// full) runs beside the session; [`Session::connected`] takes the connection.
    fn start_connect(
        &mut self,
        id: u64,
        host: String,
        port: u16,
        recv_size: Option<u32>,
    ) -> Result<(), RelayError> {
        self.rates.check(Action::Connect)?;
        // Refuse before connecting: a connection that cannot be kept is not made.
        self.sockets.check_room()?;
        // Counted against the socket limit while it connects.
        let pending = Pending::new(self.sockets.others.clone());
        let policy = self.socket_ctx.policy.clone();
        self.connects.spawn(async move {
            let result = async {
                let to = endpoint::target(&policy, &host, port, Family::Ipv4).await?;
                TcpConn::connect(to).await
            }
            .await;
            Connecting {
                id,
                recv_size,
                result,
                pending,
            }
        });
        Ok(())
    }

    /// A handshake ended: the new socket joins the table and starts reading (the caller holds
    /// the gate until `connected` is queued, so data cannot overtake it).
    pub(super) fn connected(&mut self, done: Connecting) -> ServerMessage {
        let Connecting {
            id,
            recv_size,
            result,
            pending,
        } = done;
        // No longer pending: from here the table counts it.
        drop(pending);
        let result = result.and_then(|(stream, took)| {
            let socket = self
                .sockets
                .add(|id| TcpConn::new(id, stream, None).map(Socket::Tcp))?;
            let conn = self.sockets.tcp(socket)?;
            conn.start_reading(tcp::recv_size(recv_size), &self.socket_ctx);
            Ok(Reply::Connected {
                socket,
                local: conn.local(),
                peer: conn.peer(),
                handshake_us: u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            })
        });
        answer_of(id, "tcp_connect", result)
    }

    /// `tcp_send`: checked here, then run beside the session (its socket is busy until then).
    fn start_send(
        &mut self,
        id: u64,
        socket: protocol::SocketId,
        data: protocol::Data,
    ) -> Result<(), RelayError> {
        self.rates.check(Action::Send)?;
        let data = data.0;
        let sender = self.sockets.tcp(socket)?.sender(&data)?;
        let outbox = self.socket_ctx.outbox.clone();
        self.queues.start_send(id, sender, socket, data, outbox);
        Ok(())
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
                let bound = self.sockets.udp(socket)?.bind(&host, port, ctx).await;
                bound.map_err(|e| self.held_by_own(e, port, &[SocketKind::Udp]))
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
            Request::TcpConnect { .. } => unreachable!("tcp_connect runs beside the session (run)"),
            Request::TcpListen {
                host,
                port,
                backlog,
                recv_size,
            } => {
                let addr = endpoint::bind_addr(&ctx.policy, &host, port, Family::Ipv4).await?;
                let size = tcp::recv_size(recv_size);
                let mut local = addr;
                let socket = self
                    .sockets
                    .add(|id| {
                        let listener = TcpListen::listen(id, addr, backlog, size, ctx)?;
                        local = listener.local();
                        Ok(Socket::Listener(listener))
                    })
                    .map_err(|e| {
                        self.held_by_own(e, port, &[SocketKind::TcpListener, SocketKind::TcpStream])
                    })?;
                Ok(Reply::Listening {
                    socket,
                    local,
                    backlog,
                })
            }
            Request::TcpSend { .. } => unreachable!("tcp_send runs on its socket's queue (run)"),
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
                self.files.handle(lab, &ctx.policy, &ctx.outbox).await
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

    /// An `EADDRINUSE` for `port` names the page's own socket that holds it, when there is one
    /// (the page then offers to close it and try again): the learner's earlier step, still
    /// open, is the usual reason a lesson's port is taken.
    fn held_by_own(&self, mut error: RelayError, port: u16, kinds: &[SocketKind]) -> RelayError {
        if error.code != ErrorCode::AddrInUse || port == 0 {
            return error;
        }
        let holder =
            self.sockets.list().into_iter().find(|s| {
                kinds.contains(&s.kind) && s.local.is_some_and(|local| local.port() == port)
            });
        if let Some(holder) = holder {
            error.held_by = Some(holder.socket);
            let own = format!(
                "port {port} is held by this page's own socket #{}, opened earlier",
                holder.socket
            );
            error.detail = Some(match error.detail.take() {
                Some(detail) => format!("{detail}; {own}"),
                None => own,
            });
        }
        error
    }

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

/// The `reply` or `error` for request `id`.
fn answer_of(id: u64, op: &str, result: Result<Reply, RelayError>) -> ServerMessage {
    match result {
        Ok(result) => {
            tracing::debug!(id, op, "ok");
            ServerMessage::Reply { id, result }
        }
        Err(error) => {
            tracing::debug!(id, op, code = %error.code, "refused");
            ServerMessage::Error {
                id: Some(id),
                error,
            }
        }
    }
}

fn bad_request(id: Option<u64>, e: serde_json::Error) -> ServerMessage {
    ServerMessage::Error {
        id,
        error: RelayError::new(ErrorCode::BadRequest).with_detail(e.to_string()),
    }
}
