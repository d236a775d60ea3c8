//! UDP sockets for the page: open (unbound, exactly like `socket(AF_INET, SOCK_DGRAM)`), bind,
//! sendto, close, and a reader that turns every datagram that arrives into a `udp_datagram`
//! event. Messages keep their boundaries: one datagram in, one event out.
//!
//! No page socket ever listens on every interface by accident: a socket that sends before any
//! bind would be bound by the OS to `0.0.0.0:PORT` (`[::]:PORT`), where datagrams from the
//! whole network reach it, past the bind policy. So the relay binds it first, to the address
//! the datagram will leave from (loopback for a loopback target), port 0: the OS still picks
//! the ephemeral port, as the lesson shows. Only `--allow-bind-all` keeps the OS's way.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use protocol::limits::{MAX_UDP_PAYLOAD, RECV_BUFFER};
use protocol::{
    Data, ErrorCode, Family, RelayError, Reply, ServerMessage, SocketId, SocketInfo, SocketKind,
    SocketState,
};
use socket2::{Domain, Protocol, SockRef, Type};
use tokio::net::UdpSocket;
use tokio::task::JoinHandle;

use super::SocketCtx;
use crate::endpoint;
use crate::errors::os_error;
use crate::platform::{self, Os, sockopt};

/// Consecutive receive errors after which the reader gives up on a socket (a guard against
/// spinning on an error that repeats forever; ICMP errors come one per datagram).
const MAX_RECV_ERRORS_IN_A_ROW: u32 = 1000;

#[derive(Debug)]
pub struct UdpSock {
    id: SocketId,
    family: Family,
    socket: Arc<UdpSocket>,
    /// The buffer of every `recvfrom` on this socket (what the page's Python line shows).
    recv_size: usize,
    /// Runs once the socket has an address (after a bind or the first send).
    reader: Option<JoinHandle<()>>,
    /// Its address, once the OS gave it one: it never changes after, so each send need not
    /// ask again (two `getsockname` calls per datagram were a tenth of a round trip's calls).
    local: Option<SocketAddr>,
}

impl UdpSock {
    /// A new UDP socket with no address yet: the OS gives it one at `bind`, or at the first
    /// `sendto` (an "ephemeral" port), which is what the lessons show.
    pub fn open(
        id: SocketId,
        family: Family,
        recv_size: Option<u32>,
    ) -> Result<UdpSock, RelayError> {
        let domain = match family {
            Family::Ipv4 => Domain::IPV4,
            Family::Ipv6 => Domain::IPV6,
        };
        let socket = socket2::Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))
            .map_err(|e| os_error("socket(SOCK_DGRAM)", &e))?;
        sockopt::prepare_udp(&socket).map_err(|e| os_error("setsockopt", &e))?;
        if family == Family::Ipv6 {
            // IPv6 only: a `[::1]` socket never also answers for IPv4 (dual stack).
            socket
                .set_only_v6(true)
                .map_err(|e| os_error("setsockopt(IPV6_V6ONLY)", &e))?;
        }
        socket
            .set_nonblocking(true)
            .map_err(|e| os_error("set_nonblocking", &e))?;
        let socket = UdpSocket::from_std(socket.into()).map_err(|e| os_error("socket", &e))?;
        Ok(UdpSock {
            id,
            family,
            socket: Arc::new(socket),
            recv_size: recv_size.map_or(RECV_BUFFER, |n| (n as usize).clamp(1, RECV_BUFFER)),
            reader: None,
            local: None,
        })
    }

    /// `s.bind((host, port))`. Binding twice is the OS's business: it answers EINVAL.
    pub async fn bind(
        &mut self,
        host: &str,
        port: u16,
        ctx: &SocketCtx,
    ) -> Result<Reply, RelayError> {
        let addr = endpoint::bind_addr(&ctx.policy, host, port, self.family).await?;
        SockRef::from(&*self.socket)
            .bind(&addr.into())
            .map_err(|e| os_error(&format!("bind({addr})"), &e))?;
        let local = self.local_addr()?;
        self.start_reading(ctx, local);
        Ok(Reply::Bound {
            socket: self.id,
            local,
        })
    }

    /// `s.sendto(data, (host, port))`. Succeeds even when nothing listens there: UDP sends
    /// without asking.
    pub async fn send_to(
        &mut self,
        host: &str,
        port: u16,
        data: &[u8],
        ctx: &SocketCtx,
    ) -> Result<Reply, RelayError> {
        if data.len() > MAX_UDP_PAYLOAD {
            return Err(
                RelayError::new(ErrorCode::PayloadTooLarge).with_detail(format!(
                    "{} bytes; one UDP datagram carries at most {MAX_UDP_PAYLOAD} bytes",
                    data.len()
                )),
            );
        }
        let to = endpoint::target(&ctx.policy, host, port, self.family).await?;
        if !self.is_bound() && !ctx.policy.bind_all_allowed() {
            // Not bound yet (no bind, no earlier send): see the module docs.
            let from = SocketAddr::new(source_ip(to)?, 0);
            SockRef::from(&*self.socket)
                .bind(&from.into())
                .map_err(|e| os_error(&format!("bind({from})"), &e))?;
        }
        let bytes = self
            .socket
            .send_to(data, to)
            .await
            .map_err(|e| os_error(&format!("sendto({to})"), &e))?;
        let local = self.local_addr()?;
        self.start_reading(ctx, local);
        Ok(Reply::Sent {
            socket: self.id,
            bytes,
            local,
            to,
        })
    }

    /// `s.close()`: stops the reader and closes the file descriptor before returning, so the
    /// port is free again when the page hears `done`.
    pub async fn close(mut self) {
        if let Some(reader) = self.reader.take() {
            reader.abort();
            let _ = reader.await;
        }
        // `self.socket` is the last reference now; dropping `self` closes it.
    }

    /// For `list_sockets`: `created` until a bind or a first send gave it an address.
    pub fn info(&self) -> SocketInfo {
        let local = self
            .reader
            .as_ref()
            .and_then(|_| self.socket.local_addr().ok());
        SocketInfo {
            socket: self.id,
            kind: SocketKind::Udp,
            state: match local {
                Some(_) => SocketState::Bound,
                None => SocketState::Created,
            },
            local,
            peer: None,
            listener: None,
            paused: false,
        }
    }

    /// Whether the socket has an address already. (Not "has a reader": a send can fail after
    /// the relay bound the socket, and a bound socket must not be bound again.) Unbound, Linux
    /// reports port 0 and Windows an error.
    fn is_bound(&self) -> bool {
        self.local.is_some() || self.socket.local_addr().is_ok_and(|a| a.port() != 0)
    }

    /// The socket's address (`getsockname` until it has one, then remembered).
    fn local_addr(&mut self) -> Result<SocketAddr, RelayError> {
        if let Some(local) = self.local {
            return Ok(local);
        }
        let local = self
            .socket
            .local_addr()
            .map_err(|e| os_error("getsockname", &e))?;
        if local.port() != 0 {
            self.local = Some(local);
        }
        Ok(local)
    }

    fn start_reading(&mut self, ctx: &SocketCtx, local: SocketAddr) {
        if self.reader.is_none() {
            let task = read_datagrams(
                self.id,
                self.socket.clone(),
                local,
                self.recv_size,
                ctx.clone(),
            );
            self.reader = Some(tokio::spawn(task));
        }
    }
}

impl Drop for UdpSock {
    fn drop(&mut self) {
        if let Some(reader) = &self.reader {
            reader.abort();
        }
    }
}

/// `recvfrom(recv_size)` in a loop. Waiting for room in the outbox is the backpressure: while
/// the page is behind, this socket is not read and the OS queues (and finally drops)
/// datagrams, as it would for a slow Python program.
///
/// A datagram larger than the buffer is the OS's business, as for the learner's Python: Linux
/// and macOS hand over its first `recv_size` bytes and drop the rest; Windows fails that one
/// `recvfrom` with WSAEMSGSIZE, which the page hears as `udp_recv_error`.
async fn read_datagrams(
    id: SocketId,
    socket: Arc<UdpSocket>,
    local: SocketAddr,
    recv_size: usize,
    ctx: SocketCtx,
) {
    let mut buf = vec![0u8; recv_size];
    let mut errors_in_a_row = 0;
    loop {
        match socket.recv_from(&mut buf).await {
            Ok((n, from)) => {
                errors_in_a_row = 0;
                let event = ServerMessage::UdpDatagram {
                    socket: id,
                    from,
                    local,
                    data: Data::from(&buf[..n]),
                };
                if !ctx.outbox.event(event).await {
                    return; // the page is gone
                }
            }
            Err(e) if is_transient(&e) && os_error("recvfrom", &e).code == ErrorCode::MsgSize => {
                errors_in_a_row = 0;
                let event = ServerMessage::UdpRecvError {
                    socket: id,
                    error: os_error(&format!("recvfrom({recv_size})"), &e),
                };
                if !ctx.outbox.event(event).await {
                    return;
                }
            }
            Err(e) if is_transient(&e) && errors_in_a_row < MAX_RECV_ERRORS_IN_A_ROW => {
                // For example ECONNREFUSED: an ICMP "port unreachable" answered an earlier
                // datagram. It is news about that datagram, not about this socket.
                errors_in_a_row += 1;
                tracing::debug!(socket = id, "udp recvfrom: {e}; still receiving");
                tokio::task::yield_now().await;
            }
            Err(e) => {
                tracing::warn!(socket = id, "udp recvfrom failed, closing the socket: {e}");
                let error = Some(os_error("recvfrom", &e));
                ctx.outbox
                    .event(ServerMessage::SocketClosed { socket: id, error })
                    .await;
                let _ = ctx.died.send(id);
                return;
            }
        }
    }
}

/// The address a datagram to `to` leaves from: loopback for a loopback target; otherwise the
/// address of the interface the OS routes it through (asked with a connected probe socket,
/// which sends nothing).
fn source_ip(to: SocketAddr) -> Result<IpAddr, RelayError> {
    match to.ip() {
        IpAddr::V4(ip) if ip.is_loopback() => return Ok(Ipv4Addr::LOCALHOST.into()),
        IpAddr::V6(ip) if ip.is_loopback() => return Ok(Ipv6Addr::LOCALHOST.into()),
        _ => {}
    }
    let any: SocketAddr = match to {
        SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
        SocketAddr::V6(_) => (Ipv6Addr::UNSPECIFIED, 0).into(),
    };
    let probe = std::net::UdpSocket::bind(any).map_err(|e| os_error("socket", &e))?;
    probe
        .connect(to)
        .map_err(|e| os_error(&format!("route to {to}"), &e))?;
    Ok(probe
        .local_addr()
        .map_err(|e| os_error("getsockname", &e))?
        .ip())
}

/// Errors that say nothing about the socket itself being broken.
fn is_transient(e: &io::Error) -> bool {
    !e.raw_os_error()
        .is_some_and(|code| platform::errors::breaks_the_socket(Os::current(), code))
}
