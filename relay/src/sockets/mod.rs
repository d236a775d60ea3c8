//! The sockets one page session holds: a table from the ids the page uses to the real sockets,
//! with the per-session limit. One file per kind of socket (`udp.rs`; `tcp.rs` comes next).

pub mod udp;

use std::collections::HashMap;
use std::sync::Arc;

use protocol::limits::MAX_SOCKETS_PER_SESSION;
use protocol::{ErrorCode, RelayError, SocketId};
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
}

/// A socket of any kind.
#[derive(Debug)]
pub enum Socket {
    Udp(udp::UdpSock),
}

impl Socket {
    /// Closes the socket and waits until its file descriptor is really closed.
    pub async fn close(self) {
        match self {
            Socket::Udp(s) => s.close().await,
        }
    }
}

/// The session's sockets by id. Ids start at 1 and are never reused within a session.
#[derive(Debug, Default)]
pub struct SocketTable {
    last_id: SocketId,
    sockets: HashMap<SocketId, Socket>,
}

impl SocketTable {
    /// Adds the socket `make` creates for the next id, unless the session is at its limit.
    pub fn add(
        &mut self,
        make: impl FnOnce(SocketId) -> Result<Socket, RelayError>,
    ) -> Result<SocketId, RelayError> {
        if self.sockets.len() >= MAX_SOCKETS_PER_SESSION {
            return Err(RelayError::new(ErrorCode::TooManySockets).with_detail(format!(
                "this page already holds {MAX_SOCKETS_PER_SESSION} sockets, the most one page may \
                 hold"
            )));
        }
        let id = self.last_id + 1;
        let socket = make(id)?;
        self.last_id = id;
        self.sockets.insert(id, socket);
        Ok(id)
    }

    /// The UDP socket with this id.
    pub fn udp(&mut self, id: SocketId) -> Result<&mut udp::UdpSock, RelayError> {
        match self.sockets.get_mut(&id) {
            Some(Socket::Udp(s)) => Ok(s),
            None => Err(no_such_socket(id)),
        }
    }

    /// Closes and forgets the socket with this id.
    pub async fn close(&mut self, id: SocketId) -> Result<(), RelayError> {
        let socket = self.sockets.remove(&id).ok_or_else(|| no_such_socket(id))?;
        socket.close().await;
        Ok(())
    }

    /// Forgets a socket that already stopped on its own (see [`SocketCtx::died`]).
    pub fn forget(&mut self, id: SocketId) {
        self.sockets.remove(&id);
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

fn no_such_socket(id: SocketId) -> RelayError {
    RelayError::new(ErrorCode::NoSuchSocket).with_detail(format!("no socket {id} in this session"))
}
