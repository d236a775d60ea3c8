//! TCP client mode: connect to a server (the learner's own, or any loopback port), send on the
//! connection, receive what the server sends, disconnect. Shows the local port the OS gave.

use protocol::SocketId;

use super::log::Note;
use super::state::{Action, Panel};
use crate::lab::Ops;
use crate::lab::clock_ms;
use crate::text::codec::Encoding;

/// `s = socket(AF_INET, SOCK_STREAM); s.connect((host, port))`.
pub async fn connect(ops: Ops<Panel>, host: String, port: u16) {
    let Some(c) = ops.ok(ops.relay.tcp_connect(&host, port, None).await) else {
        return;
    };
    ops.adopt(c.socket);
    ops.dispatch(Action::Adopt {
        at: clock_ms(),
        socket: c.socket,
        local: c.local,
        peer: Some(c.peer),
        note: Some(Note::Connected {
            local: c.local,
            peer: c.peer,
        }),
    });
}

/// `s.send(data)` on one connected socket (the client's, or one accepted client's).
pub async fn send(
    ops: &Ops<Panel>,
    socket: SocketId,
    data: Vec<u8>,
    encoding: Option<Encoding>,
    auto: bool,
) {
    if let Some(sent) = ops.ok(ops.relay.tcp_send(socket, data.clone()).await) {
        ops.dispatch(Action::Send {
            at: clock_ms(),
            to: Some(sent.to),
            data,
            encoding,
            auto,
        });
    }
}

/// `s.close()` on every socket the panel holds, then one "stopped" line.
pub async fn close_all(ops: Ops<Panel>, sockets: Vec<SocketId>) {
    for socket in sockets {
        ops.close_quietly(socket).await;
    }
    ops.dispatch(Action::Stop { at: clock_ms() });
}
