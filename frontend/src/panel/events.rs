//! What the panel makes of the relay's events, for [`use_lab`]: the reducer keeps what is the
//! panel's (each action stamped with the time it arrived); accepted sockets of its listener
//! are its own (closed with it); and a client that left has its socket closed, as the
//! course's server does (`if not data: conn.close()`).
//!
//! [`use_lab`]: crate::lab::use_lab

use protocol::{ServerMessage, SocketId};

use super::state::{Action, Mode, Panel};
use crate::lab::clock_ms;
use crate::lab::{LabState, Ops};

impl LabState for Panel {
    fn lose_session() -> Action {
        Action::LoseSession { at: clock_ms() }
    }

    fn many(actions: Vec<Action>) -> Vec<Action> {
        vec![Action::Many(actions)]
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        let at = clock_ms();
        Some(match msg {
            ServerMessage::Batch { unshown, .. } => Action::Many(
                unshown
                    .iter()
                    .map(|u| Action::Unshown {
                        at,
                        socket: u.socket,
                        datagrams: u.datagrams,
                        bytes: u.bytes,
                    })
                    .collect(),
            ),
            ServerMessage::UdpDatagram {
                socket, from, data, ..
            } => Action::ReceiveDatagram {
                at,
                socket: *socket,
                from: *from,
                data: data.0.clone(),
            },
            ServerMessage::TcpAccepted {
                listener,
                socket,
                peer,
                ..
            } => Action::Accept {
                at,
                listener: *listener,
                socket: *socket,
                peer: *peer,
            },
            ServerMessage::TcpData { socket, data } => Action::ReceiveStream {
                at,
                socket: *socket,
                data: data.0.clone(),
            },
            ServerMessage::ClientRefused { listener, peer, .. } => Action::Refuse {
                at,
                listener: *listener,
                peer: *peer,
            },
            ServerMessage::TcpSendProgress {
                socket,
                sent,
                total,
            } => Action::SendWaits {
                at,
                socket: *socket,
                sent: *sent,
                total: *total,
            },
            ServerMessage::TcpPeerClosed { socket } => Action::SeePeerClose {
                at,
                socket: *socket,
            },
            ServerMessage::SocketClosed { socket, error } => Action::Drop {
                at,
                socket: *socket,
                error: error.clone(),
            },
            _ => return None,
        })
    }

    fn owns_listener(&self, listener: SocketId) -> bool {
        self.mode == Mode::TcpServer && self.socket == Some(listener)
    }

    fn follow_up(&self, msg: &ServerMessage, ops: &Ops<Panel>) {
        if let ServerMessage::TcpPeerClosed { socket } = msg
            && self.mode == Mode::TcpServer
            && self.client(*socket).is_some()
        {
            let (ops, socket) = (ops.clone(), *socket);
            yew::platform::spawn_local(async move { ops.close_quietly(socket).await });
        }
    }
}
