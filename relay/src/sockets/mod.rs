//! The sockets one page session holds: a table from the ids the page uses to the real sockets,
//! with the per-session limit. One file per kind of socket (`udp.rs`, `tcp.rs`).

pub mod tcp;
pub mod tcp_info;
pub mod udp;

use std::collections::HashMap;
use std::sync::Arc;

use protocol::limits::MAX_SOCKETS_PER_SESSION;
use protocol::{ErrorCode, RelayError, SocketId, SocketInfo};
use tokio::sync::mpsc;

use crate::outbox::Outbox;
use crate::policy::Policy;

/// What every socket task needs from its session.
#[derive(Clone, Debug)]
pub struct SocketCtx {
    pub policy: Arc<Policy>,
    pub outbox: Outbox,
    /// A socket whose reader stopped for good reports its id here, so the session forgets it.
    pub died: mpsc::UnboundedSender<SocketId>,
    /// Listeners hand their accepted connections to the session here (see `tcp.rs`).
    pub accepted: mpsc::Sender<tcp::Accepted>,
}

/// A socket of any kind.
#[derive(Debug)]
pub enum Socket {
    Udp(udp::UdpSock),
    Tcp(tcp::TcpConn),
    Listener(tcp::TcpListen),
}

impl Socket {
    /// Closes the socket and waits until its file descriptor is really closed.
    pub async fn close(self) {
        match self {
            Socket::Udp(s) => s.close().await,
            Socket::Tcp(s) => s.close().await,
            Socket::Listener(s) => s.close().await,
        }
    }

    pub fn info(&self) -> SocketInfo {
        match self {
            Socket::Udp(s) => s.info(),
            Socket::Tcp(s) => s.info(),
            Socket::Listener(s) => s.info(),
        }
    }

    /// What the socket is, for WRONG_SOCKET_KIND messages.
    fn described(&self) -> &'static str {
        match self {
            Socket::Udp(_) => "a UDP socket",
            Socket::Tcp(_) => "a connected TCP socket",
            Socket::Listener(_) => {
                "a listening TCP socket (it only accepts; each client gets its own socket)"
            }
        }
    }
}

/// The session's sockets by id. Ids start at 1 and are never reused within a session.
#[derive(Debug, Default)]
pub struct SocketTable {
    last_id: SocketId,
    sockets: HashMap<SocketId, Socket>,
    /// Sockets held elsewhere in the session (running downloads), counted against the limit.
    pub others: Arc<std::sync::atomic::AtomicUsize>,
}

impl SocketTable {
    /// Adds the socket `make` creates for the next id, unless the session is at its limit.
    pub fn add(
        &mut self,
        make: impl FnOnce(SocketId) -> Result<Socket, RelayError>,
    ) -> Result<SocketId, RelayError> {
        self.check_room()?;
        let id = self.last_id + 1;
        let socket = make(id)?;
        self.last_id = id;
        self.sockets.insert(id, socket);
        Ok(id)
    }

    /// TOO_MANY_SOCKETS when the session is at its limit (checked before slow work such as a
    /// connect, so nothing is set up that could not be kept).
    pub fn check_room(&self) -> Result<(), RelayError> {
        let others = self.others.load(std::sync::atomic::Ordering::SeqCst);
        if self.sockets.len() + others >= MAX_SOCKETS_PER_SESSION {
            return Err(RelayError::new(ErrorCode::TooManySockets).with_detail(format!(
                "this page already holds {MAX_SOCKETS_PER_SESSION} sockets, the most one page may \
                 hold"
            )));
        }
        Ok(())
    }

    /// The UDP socket with this id.
    pub fn udp(&mut self, id: SocketId) -> Result<&mut udp::UdpSock, RelayError> {
        match self.sockets.get_mut(&id) {
            Some(Socket::Udp(s)) => Ok(s),
            Some(other) => Err(wrong_kind(id, other, "a UDP socket")),
            None => Err(no_such_socket(id)),
        }
    }

    /// The connected TCP socket with this id.
    pub fn tcp(&mut self, id: SocketId) -> Result<&mut tcp::TcpConn, RelayError> {
        match self.sockets.get_mut(&id) {
            Some(Socket::Tcp(s)) => Ok(s),
            Some(other) => Err(wrong_kind(id, other, "a connected TCP socket")),
            None => Err(no_such_socket(id)),
        }
    }

    /// Whether `id` is a listener of this session (it may have been closed meanwhile).
    pub fn is_listener(&self, id: SocketId) -> bool {
        matches!(self.sockets.get(&id), Some(Socket::Listener(_)))
    }

    /// Every socket, by id, with its state.
    pub fn list(&self) -> Vec<SocketInfo> {
        let mut all: Vec<SocketInfo> = self.sockets.values().map(Socket::info).collect();
        all.sort_by_key(|s| s.socket);
        all
    }

    /// Closes and forgets the socket with this id.
    pub async fn close(&mut self, id: SocketId) -> Result<(), RelayError> {
        let socket = self.sockets.remove(&id).ok_or_else(|| no_such_socket(id))?;
        socket.close().await;
        Ok(())
    }

    /// Forgets a socket that already stopped on its own (see [`SocketCtx::died`]).
    pub fn forget(&mut self, id: SocketId) {
        // A TCP reader reports `died` before its last event and finishes by itself.
        if let Some(Socket::Tcp(conn)) = self.sockets.remove(&id) {
            conn.detach();
        }
    }

    /// Closes every socket (the page went away).
    pub async fn close_all(&mut self) {
        for (_, socket) in self.sockets.drain() {
            socket.close().await;
        }
    }

    pub fn len(&self) -> usize {
        self.sockets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sockets.is_empty()
    }
}

fn wrong_kind(id: SocketId, socket: &Socket, needed: &str) -> RelayError {
    RelayError::new(ErrorCode::WrongSocketKind).with_detail(format!(
        "socket {id} is {}; this needs {needed}",
        socket.described()
    ))
}

fn no_such_socket(id: SocketId) -> RelayError {
    RelayError::new(ErrorCode::NoSuchSocket).with_detail(format!("no socket {id} in this session"))
}
