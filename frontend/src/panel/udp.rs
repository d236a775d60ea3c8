//! UDP mode: bind a local port (or let the first send get one from the OS), send datagrams to
//! the remote address, and receive from anyone (each datagram says who sent it).

use std::net::SocketAddr;

use protocol::SocketId;

use super::log::Note;
use super::state::{Action, Panel};
use crate::lab::Ops;
use crate::lab::clock_ms;
use crate::text::codec::Encoding;

/// `s = socket(AF_INET, SOCK_DGRAM)`.
async fn open(ops: &Ops<Panel>) -> Option<SocketId> {
    // The debug assistant shows whole datagrams: the relay's own 64 KiB buffer.
    let opened = ops.ok(ops.relay.udp_open(None).await)?;
    ops.adopt(opened.socket);
    Some(opened.socket)
}

/// `s.bind((host, port))`: the panel becomes a receiver others can find.
pub async fn bind(ops: Ops<Panel>, host: String, port: u16) {
    let Some(socket) = open(&ops).await else {
        return;
    };
    match ops.ok(ops.relay.udp_bind(socket, &host, port).await) {
        Some(bound) => ops.dispatch(Action::Adopt {
            at: clock_ms(),
            socket,
            local: bound.local,
            peer: None,
            note: Some(Note::Bound { local: bound.local }),
        }),
        None => ops.close_quietly(socket).await,
    }
}

/// A datagram the panel sends, and how it was written.
pub struct Datagram {
    pub host: String,
    pub port: u16,
    pub data: Vec<u8>,
    /// `None`: typed as hex.
    pub encoding: Option<Encoding>,
    /// Sent by the auto-reply.
    pub auto: bool,
}

/// `s.sendto(data, (host, port))`; opens an unbound socket first when the panel has none, so
/// the OS picks its port, exactly as for a Python sender that never binds.
pub async fn send_to(ops: Ops<Panel>, socket: Option<SocketId>, d: Datagram) {
    let (socket, fresh) = match socket {
        Some(s) => (s, false),
        None => match open(&ops).await {
            Some(s) => (s, true),
            None => return,
        },
    };
    let sending = ops
        .relay
        .udp_send_to(socket, &d.host, d.port, d.data.clone());
    let Some(sent) = ops.ok(sending.await) else {
        if fresh {
            ops.close_quietly(socket).await;
        }
        return;
    };
    if fresh {
        ops.dispatch(Action::Adopt {
            at: clock_ms(),
            socket,
            local: sent.local,
            peer: None,
            note: Some(Note::Bound { local: sent.local }),
        });
    } else {
        ops.dispatch(Action::LearnLocal {
            socket,
            local: sent.local,
        });
    }
    ops.dispatch(Action::Send {
        at: clock_ms(),
        to: Some(sent.to),
        data: d.data,
        encoding: d.encoding,
        auto: d.auto,
    });
}

/// An auto-reply: straight back to the sender.
pub async fn answer(ops: Ops<Panel>, socket: SocketId, to: SocketAddr, data: Vec<u8>) {
    let d = Datagram {
        host: to.ip().to_string(),
        port: to.port(),
        data,
        encoding: None,
        auto: true,
    };
    send_to(ops, Some(socket), d).await;
}
