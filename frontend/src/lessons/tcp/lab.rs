//! The state of a TCP experiment (one per step): every socket it holds, with the state the
//! socket-state picture draws and every `recv` that socket returned, plus a log of each call
//! and what the operating system answered. Replies and events both feed it; it is pure, so
//! its tests run natively. [`use_lab`] drives it; each log line draws itself (`log_line.rs`).
//!
//! [`use_lab`]: crate::lab::use_lab

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{RelayError, ServerMessage, SocketId, SocketState};
use yew::prelude::*;

use crate::lab::{BoundedLog, LabState};
use crate::text::codec::Encoding;

/// How a socket came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Made by `connect`.
    Client,
    /// Made by `listen`.
    Listener,
    /// Returned by `accept` on `listener`: a NEW socket for one client.
    Accepted { listener: SocketId },
    /// A UDP socket (the ECONNREFUSED comparison).
    Udp,
}

/// Where a socket is in its life. `Open` states are the protocol's; `Closed` is ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    Open(SocketState),
    Closed,
}

impl Live {
    /// What the learner reads for this state.
    pub fn text(self) -> crate::i18n::Key {
        match self {
            Live::Open(SocketState::Created) => key!("tcp.state.created"),
            Live::Open(SocketState::Bound) => key!("tcp.state.bound"),
            Live::Open(SocketState::Listening) => key!("tcp.state.listening"),
            Live::Open(SocketState::Connected) => key!("tcp.state.connected"),
            Live::Open(SocketState::PeerClosed) => key!("tcp.state.peer_closed"),
            Live::Open(SocketState::ShutdownWrite) => key!("tcp.state.shutdown_write"),
            Live::Closed => key!("tcp.state.closed"),
        }
    }

    /// The name the picture and the tests use (`data-state`).
    pub fn name(self) -> &'static str {
        match self {
            Live::Open(SocketState::Created) => "created",
            Live::Open(SocketState::Bound) => "bound",
            Live::Open(SocketState::Listening) => "listening",
            Live::Open(SocketState::Connected) => "connected",
            Live::Open(SocketState::PeerClosed) => "peer_closed",
            Live::Open(SocketState::ShutdownWrite) => "shutdown_write",
            Live::Closed => "closed",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sock {
    pub id: SocketId,
    pub role: Role,
    pub state: Live,
    pub local: Option<SocketAddr>,
    pub peer: Option<SocketAddr>,
    /// What each `recv` returned, in order (the real boundaries).
    pub recvs: Vec<Vec<u8>>,
}

impl Sock {
    pub fn is_open(&self) -> bool {
        self.state != Live::Closed
    }
}

/// One line of the log.
#[derive(Clone, Debug, PartialEq)]
pub enum TcpLine {
    /// A call that succeeded; `outcome` is the text key and its arguments, filled at display
    /// time so a language switch re-translates the log.
    Ok {
        python: String,
        key: crate::i18n::Key,
        args: Vec<(&'static str, String)>,
    },
    Failed {
        python: String,
        error: RelayError,
    },
    Accepted {
        python: String,
        socket: SocketId,
        peer: SocketAddr,
    },
    Data {
        python: String,
        socket: SocketId,
        data: Vec<u8>,
    },
    PeerClosed {
        socket: SocketId,
    },
    RelayClosed {
        socket: SocketId,
        error: Option<RelayError>,
    },
    /// `tcp_send_progress`: a send waits for room in the kernel's buffer (the peer is not
    /// reading fast enough); the kernel has taken `sent` of `total` bytes so far.
    SendWaiting {
        socket: SocketId,
        sent: usize,
        total: usize,
    },
    /// `client_refused`: a client of our listener arrived while the page held its most
    /// sockets; the relay accepted it and closed it at once.
    Refused {
        listener: SocketId,
        peer: SocketAddr,
    },
    SessionLost,
}

/// The buffer size of every `recv` these steps show (`data = s.recv(1024)`, as the course
/// writes it). The relay reads with exactly this size, so what the page shows one recv
/// returning is what the learner's Python would get: never more than 1024 bytes.
pub const COURSE_RECV: u32 = crate::python::COURSE_RECV;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TcpState {
    pub socks: Vec<Sock>,
    pub log: BoundedLog<TcpLine, MAX_LOG>,
    pub decode_as: Encoding,
}

/// What the learner and the relay do to a TCP step, as verbs.
pub enum Action {
    /// Add a socket that appeared (connect, listen, udp_open) in `state`.
    Add {
        id: SocketId,
        role: Role,
        state: SocketState,
        local: Option<SocketAddr>,
        peer: Option<SocketAddr>,
    },
    /// Note a socket's local address (a UDP socket's first send).
    Locate {
        id: SocketId,
        local: SocketAddr,
    },
    /// Log a call that succeeded.
    Log {
        python: String,
        key: crate::i18n::Key,
        args: Vec<(&'static str, String)>,
    },
    /// Log a call that failed.
    Fail {
        python: String,
        error: RelayError,
    },
    /// `tcp_accepted`: add the new socket for a client of one of our listeners.
    Accept {
        listener: SocketId,
        socket: SocketId,
        peer: SocketAddr,
        local: SocketAddr,
    },
    /// `tcp_data`: one recv returned these bytes.
    Receive {
        socket: SocketId,
        data: Vec<u8>,
    },
    /// `tcp_peer_closed`: recv returned 0 bytes.
    SeePeerClose {
        socket: SocketId,
    },
    /// We closed it (`close` answered).
    Close {
        socket: SocketId,
    },
    /// `socket_closed`: the relay closed it on its own.
    Drop {
        socket: SocketId,
        error: Option<RelayError>,
    },
    /// `tcp_send_progress`: one of our sends waits for room.
    SendWaits {
        socket: SocketId,
        sent: usize,
        total: usize,
    },
    /// `client_refused`: a client of one of our listeners was turned away (socket limit).
    Refuse {
        listener: SocketId,
        peer: SocketAddr,
    },
    DecodeAs(Encoding),
    LoseSession,
    Clear,
}

/// Most log lines kept; older ones scroll away.
pub const MAX_LOG: usize = 200;
/// Most recvs kept per socket (a flood must not grow the page without bound).
pub const MAX_RECVS: usize = 200;

impl TcpState {
    pub fn sock(&self, id: SocketId) -> Option<&Sock> {
        self.socks.iter().find(|s| s.id == id)
    }

    fn sock_mut(&mut self, id: SocketId) -> Option<&mut Sock> {
        self.socks.iter_mut().find(|s| s.id == id)
    }

    /// The Python variable of a socket: `s` for the first client or listener, `conn<id>` for
    /// accepted sockets, `u` for UDP.
    pub fn var(&self, id: SocketId) -> String {
        match self.sock(id).map(|s| s.role) {
            Some(Role::Accepted { .. }) => format!("conn{id}"),
            Some(Role::Udp) => "u".to_owned(),
            _ => "s".to_owned(),
        }
    }

    /// The open sockets with `role`.
    pub fn open_with(&self, pred: impl Fn(Role) -> bool) -> impl Iterator<Item = &Sock> {
        self.socks
            .iter()
            .filter(move |s| s.is_open() && pred(s.role))
    }

    /// The newest open client (made by connect).
    pub fn client(&self) -> Option<&Sock> {
        self.open_with(|r| r == Role::Client).last()
    }

    /// The newest open listener.
    pub fn listener(&self) -> Option<&Sock> {
        self.open_with(|r| r == Role::Listener).last()
    }

    /// Every socket accepted by any of this lab's listeners, open or not, oldest first.
    pub fn accepted(&self) -> impl Iterator<Item = &Sock> {
        self.socks
            .iter()
            .filter(|s| matches!(s.role, Role::Accepted { .. }))
    }
}

impl Reducible for TcpState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Add {
                id,
                role,
                state,
                local,
                peer,
            } => s.socks.push(Sock {
                id,
                role,
                state: Live::Open(state),
                local,
                peer,
                recvs: Vec::new(),
            }),
            Action::Locate { id, local } => {
                if let Some(k) = s.sock_mut(id) {
                    k.local = Some(local);
                    if k.state == Live::Open(SocketState::Created) {
                        k.state = Live::Open(SocketState::Bound);
                    }
                }
            }
            Action::Log { python, key, args } => s.log.push(TcpLine::Ok { python, key, args }),
            Action::Fail { python, error } => s.log.push(TcpLine::Failed { python, error }),
            Action::Accept {
                listener,
                socket,
                peer,
                local,
            } => {
                if !s.socks.iter().any(|k| k.id == listener) {
                    return self;
                }
                let python = crate::python::accept(&format!("conn{socket}"), &s.var(listener));
                s.socks.push(Sock {
                    id: socket,
                    role: Role::Accepted { listener },
                    state: Live::Open(SocketState::Connected),
                    local: Some(local),
                    peer: Some(peer),
                    recvs: Vec::new(),
                });
                s.log.push(TcpLine::Accepted {
                    python,
                    socket,
                    peer,
                });
            }
            Action::Receive { socket, data } => {
                let python = crate::python::recv(&s.var(socket), COURSE_RECV);
                let Some(k) = s.sock_mut(socket) else {
                    return self;
                };
                k.recvs.push(data.clone());
                if k.recvs.len() > MAX_RECVS {
                    k.recvs.remove(0);
                }
                s.log.push(TcpLine::Data {
                    python,
                    socket,
                    data,
                });
            }
            Action::SeePeerClose { socket } => {
                let Some(k) = s.sock_mut(socket) else {
                    return self;
                };
                k.state = Live::Open(SocketState::PeerClosed);
                s.log.push(TcpLine::PeerClosed { socket });
            }
            Action::Close { socket } => {
                if let Some(k) = s.sock_mut(socket) {
                    k.state = Live::Closed;
                }
            }
            Action::Drop { socket, error } => {
                let Some(k) = s.sock_mut(socket) else {
                    return self;
                };
                if k.state == Live::Closed {
                    return self;
                }
                k.state = Live::Closed;
                s.log.push(TcpLine::RelayClosed { socket, error });
            }
            Action::SendWaits {
                socket,
                sent,
                total,
            } => {
                if s.sock(socket).is_none() {
                    return self;
                }
                s.log.push(TcpLine::SendWaiting {
                    socket,
                    sent,
                    total,
                });
            }
            Action::Refuse { listener, peer } => {
                if s.sock(listener).is_none() {
                    return self;
                }
                s.log.push(TcpLine::Refused { listener, peer });
            }
            Action::DecodeAs(enc) => s.decode_as = enc,
            Action::LoseSession => {
                if !s.socks.iter().any(Sock::is_open) {
                    return self;
                }
                for k in &mut s.socks {
                    k.state = Live::Closed;
                }
                s.log.push(TcpLine::SessionLost);
            }
            Action::Clear => {
                s.log.clear();
                s.socks.retain(Sock::is_open);
                for k in &mut s.socks {
                    k.recvs.clear();
                }
            }
        }
        Rc::new(s)
    }
}

impl LabState for TcpState {
    fn lose_session() -> Action {
        Action::LoseSession
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        Some(match msg {
            ServerMessage::TcpAccepted {
                listener,
                socket,
                peer,
                local,
            } => Action::Accept {
                listener: *listener,
                socket: *socket,
                peer: *peer,
                local: *local,
            },
            ServerMessage::TcpData { socket, data } => Action::Receive {
                socket: *socket,
                data: data.0.clone(),
            },
            ServerMessage::TcpPeerClosed { socket } => Action::SeePeerClose { socket: *socket },
            ServerMessage::TcpSendProgress {
                socket,
                sent,
                total,
            } => Action::SendWaits {
                socket: *socket,
                sent: *sent,
                total: *total,
            },
            ServerMessage::ClientRefused { listener, peer, .. } => Action::Refuse {
                listener: *listener,
                peer: *peer,
            },
            ServerMessage::SocketClosed { socket, error } => Action::Drop {
                socket: *socket,
                error: error.clone(),
            },
            _ => return None,
        })
    }

    /// Accepted sockets are this step's (closed with it) when its listener is.
    fn owns_listener(&self, listener: SocketId) -> bool {
        self.sock(listener).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::replay;

    fn addr(port: u16) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], port))
    }

    fn listening(id: SocketId) -> Action {
        Action::Add {
            id,
            role: Role::Listener,
            state: SocketState::Listening,
            local: Some(addr(7788)),
            peer: None,
        }
    }

    fn accepted(socket: SocketId, port: u16) -> Action {
        Action::Accept {
            listener: 1,
            socket,
            peer: addr(port),
            local: addr(7788),
        }
    }

    #[test]
    fn accept_gives_each_client_its_own_socket() {
        let lab = replay(
            TcpState::default(),
            vec![listening(1), accepted(2, 50001), accepted(3, 50002)],
        );
        let ids: Vec<_> = lab.accepted().map(|s| (s.id, s.peer)).collect();
        assert_eq!(ids, vec![(2, Some(addr(50001))), (3, Some(addr(50002)))]);
        assert_eq!(lab.var(3), "conn3");
        assert_eq!(lab.var(1), "s");
        assert!(matches!(
            &lab.log[0],
            TcpLine::Accepted { python, .. } if python == "conn2, addr = s.accept()"
        ));
    }

    #[test]
    fn a_waiting_send_of_ours_is_logged_with_the_kernels_count() {
        let lab = replay(
            TcpState::default(),
            vec![
                listening(1),
                Action::SendWaits {
                    socket: 1,
                    sent: 8192,
                    total: 65536,
                },
                Action::SendWaits {
                    socket: 9,
                    sent: 1,
                    total: 2,
                },
            ],
        );
        let waiting: Vec<&TcpLine> = lab
            .log
            .iter()
            .filter(|l| matches!(l, TcpLine::SendWaiting { .. }))
            .collect();
        assert_eq!(
            waiting,
            [&TcpLine::SendWaiting {
                socket: 1,
                sent: 8192,
                total: 65536
            }]
        );
    }

    #[test]
    fn a_refused_client_of_our_listener_is_logged_and_others_are_not() {
        let lab = replay(
            TcpState::default(),
            vec![
                listening(1),
                Action::Refuse {
                    listener: 1,
                    peer: addr(50001),
                },
                Action::Refuse {
                    listener: 7,
                    peer: addr(50002),
                },
            ],
        );
        let refused: Vec<&TcpLine> = lab
            .log
            .iter()
            .filter(|l| matches!(l, TcpLine::Refused { .. }))
            .collect();
        assert_eq!(
            refused,
            [&TcpLine::Refused {
                listener: 1,
                peer: addr(50001)
            }]
        );
        assert_eq!(lab.socks.len(), 1, "a refused client gets no socket");
    }

    #[test]
    fn clients_of_other_listeners_and_data_for_unknown_sockets_are_ignored() {
        let lab = replay(
            TcpState::default(),
            vec![
                accepted(2, 50001),
                Action::Receive {
                    socket: 9,
                    data: vec![1],
                },
                Action::SeePeerClose { socket: 9 },
            ],
        );
        assert!(lab.socks.is_empty());
        assert!(lab.log.is_empty());
    }

    #[test]
    fn recvs_keep_their_boundaries_and_a_leaving_client_is_seen() {
        let lab = replay(
            TcpState::default(),
            vec![
                listening(1),
                accepted(2, 50001),
                Action::Receive {
                    socket: 2,
                    data: b"hello".to_vec(),
                },
                Action::Receive {
                    socket: 2,
                    data: b"world".to_vec(),
                },
                Action::SeePeerClose { socket: 2 },
                Action::Close { socket: 1 },
            ],
        );
        let conn = lab.sock(2).unwrap();
        assert_eq!(conn.recvs, vec![b"hello".to_vec(), b"world".to_vec()]);
        assert_eq!(conn.state.name(), "peer_closed");
        assert_eq!(lab.sock(1).unwrap().state.name(), "closed");
        assert!(lab.listener().is_none());
        assert_eq!(lab.log.last(), Some(&TcpLine::PeerClosed { socket: 2 }));
    }

    #[test]
    fn a_udp_socket_becomes_bound_by_its_first_send() {
        let lab = replay(
            TcpState::default(),
            vec![
                Action::Add {
                    id: 4,
                    role: Role::Udp,
                    state: SocketState::Created,
                    local: None,
                    peer: None,
                },
                Action::Locate {
                    id: 4,
                    local: addr(40000),
                },
            ],
        );
        assert_eq!(lab.sock(4).unwrap().state.name(), "bound");
        assert_eq!(lab.var(4), "u");
    }

    #[test]
    fn losing_the_session_closes_everything_and_logs_are_bounded() {
        let many: Vec<Action> = (0..MAX_LOG + 5)
            .map(|_| Action::Receive {
                socket: 1,
                data: vec![0],
            })
            .collect();
        let lab = replay(TcpState::default(), vec![listening(1)]);
        let lab = replay(lab, many);
        assert_eq!(lab.log.len(), MAX_LOG);
        assert_eq!(lab.sock(1).unwrap().recvs.len(), MAX_RECVS);
        let lab = replay(lab, vec![Action::LoseSession]);
        assert!(lab.socks.iter().all(|s| !s.is_open()));
        assert_eq!(lab.log.last(), Some(&TcpLine::SessionLost));
    }
}
