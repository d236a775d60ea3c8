//! TCP server mode: bind and listen; every client the OS accepts arrives with its own new
//! socket and is listed; messages go to one chosen client or to all; a client whose recv
//! returned 0 has left, and its socket is closed as the course's server does (`conn.close()`).

use protocol::SocketId;

use super::log::Note;
use super::state::{Action, Panel};
use super::tcp_client;
use crate::lab::Ops;
use crate::lab::clock_ms;
use crate::text::codec::Encoding;

/// The backlog the course's server uses: `s.listen(5)`.
pub const BACKLOG: u32 = 5;

/// `s.bind((host, port)); s.listen(5)`.
pub async fn listen(ops: Ops<Panel>, host: String, port: u16) {
    let listening = ops.relay.tcp_listen(&host, port, BACKLOG, None).await;
    let Some(l) = ops.ok(listening) else { return };
    ops.adopt(l.socket);
    ops.dispatch(Action::Adopt {
        at: clock_ms(),
        socket: l.socket,
        local: l.local,
        peer: None,
        note: Some(Note::Listening { local: l.local }),
    });
}

/// `conn.send(data)` for each chosen client, one after the other.
pub async fn send(
    ops: Ops<Panel>,
    clients: Vec<SocketId>,
    data: Vec<u8>,
    encoding: Option<Encoding>,
) {
    for socket in clients {
        tcp_client::send(&ops, socket, data.clone(), encoding, false).await;
    }
}
