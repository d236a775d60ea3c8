//! TCP client mode: connect to a server (the learner's own, or any loopback port), send on the
//! connection, receive what the server sends, disconnect. Shows the local port the OS gave.

use protocol::{Data, Reply, Request, SocketId};

use super::ctx::Ctx;
use super::log::{Note, clock_ms};
use super::state::Action;
use crate::text::codec::Encoding;

/// `s = socket(AF_INET, SOCK_STREAM); s.connect((host, port))`.
pub async fn connect(ctx: Ctx, host: String, port: u16) {
    let request = Request::TcpConnect {
        host,
        port,
        recv_size: None,
    };
    if let Some(Reply::Connected {
        socket,
        local,
        peer,
        ..
    }) = ctx.call(request).await
    {
        ctx.own(socket);
        ctx.dispatch(Action::Adopt {
            at: clock_ms(),
            socket,
            local,
            peer: Some(peer),
            note: Some(Note::Connected { local, peer }),
        });
    }
}

/// `s.send(data)` on one connected socket (the client's, or one accepted client's).
pub async fn send(
    ctx: &Ctx,
    socket: SocketId,
    data: Vec<u8>,
    encoding: Option<Encoding>,
    auto: bool,
) {
    let request = Request::TcpSend {
        socket,
        data: Data(data.clone()),
    };
    if let Some(Reply::Sent { to, .. }) = ctx.call(request).await {
        ctx.dispatch(Action::Send {
            at: clock_ms(),
            to: Some(to),
            data,
            encoding,
            auto,
        });
    }
}

/// `s.close()` on every socket the panel holds, then one "stopped" line.
pub async fn close_all(ctx: Ctx, sockets: Vec<SocketId>) {
    for socket in sockets {
        ctx.close(socket).await;
    }
    ctx.dispatch(Action::Stop { at: clock_ms() });
}
