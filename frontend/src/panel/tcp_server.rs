//! TCP server mode: bind and listen; every client the OS accepts arrives with its own new
//! socket and is listed; messages go to one chosen client or to all; a client whose recv
//! returned 0 has left, and its socket is closed as the course's server does (`conn.close()`).

use protocol::{Reply, Request, SocketId};

use super::ctx::Ctx;
use super::log::{Note, clock_ms};
use super::state::Action;
use super::tcp_client;
use crate::text::codec::Encoding;

/// The backlog the course's server uses: `s.listen(5)`.
pub const BACKLOG: u32 = 5;

/// `s.bind((host, port)); s.listen(5)`.
pub async fn listen(ctx: Ctx, host: String, port: u16) {
    let request = Request::TcpListen {
        host,
        port,
        backlog: BACKLOG,
        recv_size: None,
    };
    if let Some(Reply::Listening { socket, local, .. }) = ctx.call(request).await {
        ctx.own(socket);
        ctx.dispatch(Action::Adopt {
            at: clock_ms(),
            socket,
            local,
            peer: None,
            note: Some(Note::Listening { local }),
        });
    }
}

/// `conn.send(data)` for each chosen client, one after the other.
pub async fn send(ctx: Ctx, clients: Vec<SocketId>, data: Vec<u8>, encoding: Option<Encoding>) {
    for socket in clients {
        tcp_client::send(&ctx, socket, data.clone(), encoding, false).await;
    }
}
