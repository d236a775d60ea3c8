//! UDP mode: bind a local port (or let the first send get one from the OS), send datagrams to
//! the remote address, and receive from anyone (each datagram says who sent it).

use std::net::SocketAddr;

use protocol::{Data, Family, Reply, Request, SocketId};

use super::ctx::Ctx;
use super::log::{Note, clock_ms};
use super::state::Action;
use crate::text::codec::Encoding;

/// `s = socket(AF_INET, SOCK_DGRAM)`.
async fn open(ctx: &Ctx) -> Option<SocketId> {
    match ctx
        .call(Request::UdpOpen {
            family: Family::Ipv4,
        })
        .await?
    {
        Reply::Opened { socket, .. } => {
            ctx.own(socket);
            Some(socket)
        }
        _ => None,
    }
}

/// `s.bind((host, port))`: the panel becomes a receiver others can find.
pub async fn bind(ctx: Ctx, host: String, port: u16) {
    let Some(socket) = open(&ctx).await else {
        return;
    };
    match ctx.call(Request::UdpBind { socket, host, port }).await {
        Some(Reply::Bound { local, .. }) => ctx.dispatch(Action::Adopt {
            at: clock_ms(),
            socket,
            local,
            peer: None,
            note: Some(Note::Bound { local }),
        }),
        _ => ctx.close(socket).await,
    }
}

/// `s.sendto(data, (host, port))`; opens an unbound socket first when the panel has none, so
/// the OS picks its port, exactly as for a Python sender that never binds.
pub async fn send_to(
    ctx: Ctx,
    socket: Option<SocketId>,
    host: String,
    port: u16,
    data: Vec<u8>,
    encoding: Option<Encoding>,
    auto: bool,
) {
    let (socket, fresh) = match socket {
        Some(s) => (s, false),
        None => match open(&ctx).await {
            Some(s) => (s, true),
            None => return,
        },
    };
    let request = Request::UdpSendTo {
        socket,
        host,
        port,
        data: Data(data.clone()),
    };
    match ctx.call(request).await {
        Some(Reply::Sent { local, to, .. }) => {
            if fresh {
                ctx.dispatch(Action::Adopt {
                    at: clock_ms(),
                    socket,
                    local,
                    peer: None,
                    note: Some(Note::Bound { local }),
                });
            } else {
                ctx.dispatch(Action::LearnLocal { socket, local });
            }
            ctx.dispatch(Action::Send {
                at: clock_ms(),
                to: Some(to),
                data,
                encoding,
                auto,
            });
        }
        _ if fresh => ctx.close(socket).await,
        _ => {}
    }
}

/// An auto-reply: straight back to the sender.
pub async fn answer(ctx: Ctx, socket: SocketId, to: SocketAddr, data: Vec<u8>) {
    send_to(
        ctx,
        Some(socket),
        to.ip().to_string(),
        to.port(),
        data,
        None,
        true,
    )
    .await;
}
