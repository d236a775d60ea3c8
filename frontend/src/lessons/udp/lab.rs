//! The state of a UDP experiment (one per step): the sockets it opened and a log of every call
//! and what the operating system answered. One reducer serves every UDP step; [`use_lab`]
//! drives it; each log line draws itself (`log_line.rs`).
//!
//! [`use_lab`]: crate::lab::use_lab

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{RelayError, ServerMessage, SocketId};
use yew::prelude::*;

use crate::lab::{BoundedLog, LabState};
use crate::text::codec::Encoding;

/// One line of the log: a call and its outcome, or something that arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum UdpLine {
    Opened {
        socket: SocketId,
        python: String,
    },
    Bound {
        socket: SocketId,
        local: SocketAddr,
        python: String,
    },
    Sent {
        python: String,
        bytes: usize,
        local: SocketAddr,
        to: SocketAddr,
        /// This send is what made the OS pick the socket's port.
        assigned_now: bool,
    },
    Received {
        socket: SocketId,
        from: SocketAddr,
        local: SocketAddr,
        data: Vec<u8>,
    },
    Closed {
        socket: SocketId,
        python: String,
    },
    Failed {
        python: String,
        error: RelayError,
    },
    SessionLost,
}

/// Most log lines kept; older ones scroll away (a flood must not grow the page without bound).
pub const MAX_LOG: usize = 200;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UdpState {
    /// The socket this step works with (its first), and where it is bound.
    pub socket: Option<SocketId>,
    pub local: Option<SocketAddr>,
    /// Every socket this step opened and has not closed.
    pub open: Vec<SocketId>,
    pub log: BoundedLog<UdpLine, MAX_LOG>,
    /// Who sent the last datagram (where a reply goes).
    pub last_peer: Option<SocketAddr>,
    /// How received bytes are shown.
    pub decode_as: Encoding,
    /// When the last frame of events arrived (ms), for the log's rate.
    now: u64,
}

/// What the learner and the relay do to a UDP step, as verbs.
pub enum Action {
    /// Record a new socket (`udp_open` answered).
    Open {
        socket: SocketId,
        python: String,
    },
    /// Record a bind (`udp_bind` answered).
    Bind {
        socket: SocketId,
        local: SocketAddr,
        python: String,
    },
    /// Record a send (`udp_send_to` answered).
    Send {
        python: String,
        socket: SocketId,
        bytes: usize,
        local: SocketAddr,
        to: SocketAddr,
    },
    /// A datagram arrived (`udp_datagram`).
    Receive {
        socket: SocketId,
        from: SocketAddr,
        local: SocketAddr,
        data: Vec<u8>,
    },
    /// Record a close (`close` answered).
    Close {
        socket: SocketId,
        python: String,
    },
    /// Record a call that failed.
    Fail {
        python: String,
        error: RelayError,
    },
    DecodeAs(Encoding),
    /// The relay connection dropped: every socket is gone.
    LoseSession,
    Clear,
    /// Datagrams the relay counted but did not send (a flood): they count in the totals.
    Unshown {
        socket: SocketId,
        datagrams: u64,
        bytes: u64,
    },
    /// One frame's actions (arrived at `at` ms), applied to one copy of the step.
    Many {
        at: u64,
        actions: Vec<Action>,
    },
}

impl Reducible for UdpState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if s.apply(action) { Rc::new(s) } else { self }
    }
}

impl UdpState {
    /// One action; false when it changed nothing.
    fn apply(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::Many { at, actions } => {
                if at > 0 {
                    s.now = at;
                }
                return actions
                    .into_iter()
                    .fold(false, |changed, a| s.apply(a) | changed);
            }
            Action::Unshown {
                socket,
                datagrams,
                bytes,
            } => {
                if !s.open.contains(&socket) {
                    return false;
                }
                s.log.count_unshown(s.now, datagrams, bytes);
            }
            Action::Open { socket, python } => {
                s.open.push(socket);
                if s.socket.is_none() {
                    s.socket = Some(socket);
                }
                s.log.push(UdpLine::Opened { socket, python });
            }
            Action::Bind {
                socket,
                local,
                python,
            } => {
                if s.socket == Some(socket) {
                    s.local = Some(local);
                }
                s.log.push(UdpLine::Bound {
                    socket,
                    local,
                    python,
                });
            }
            Action::Send {
                python,
                socket,
                bytes,
                local,
                to,
            } => {
                let assigned_now = s.socket == Some(socket) && s.local.is_none();
                if s.socket == Some(socket) {
                    s.local = Some(local);
                }
                s.log.push(UdpLine::Sent {
                    python,
                    bytes,
                    local,
                    to,
                    assigned_now,
                });
            }
            Action::Receive {
                socket,
                from,
                local,
                data,
            } => {
                if !s.open.contains(&socket) {
                    return false;
                }
                s.last_peer = Some(from);
                s.log.count(s.now, 1, data.len() as u64);
                s.log.push(UdpLine::Received {
                    socket,
                    from,
                    local,
                    data,
                });
            }
            Action::Close { socket, python } => {
                s.open.retain(|x| *x != socket);
                if s.socket == Some(socket) {
                    s.socket = None;
                    s.local = None;
                }
                s.log.push(UdpLine::Closed { socket, python });
            }
            Action::Fail { python, error } => s.log.push(UdpLine::Failed { python, error }),
            Action::DecodeAs(enc) => s.decode_as = enc,
            Action::LoseSession => {
                if s.open.is_empty() {
                    return false;
                }
                s.open.clear();
                s.socket = None;
                s.local = None;
                s.log.push(UdpLine::SessionLost);
            }
            Action::Clear => s.log.clear(),
        }
        true
    }
}

impl LabState for UdpState {
    fn lose_session() -> Action {
        Action::LoseSession
    }

    fn many(actions: Vec<Action>) -> Vec<Action> {
        vec![Action::Many {
            at: crate::lab::clock_ms(),
            actions,
        }]
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        match msg {
            ServerMessage::Batch { unshown, .. } => Some(Action::Many {
                at: 0,
                actions: unshown
                    .iter()
                    .map(|u| Action::Unshown {
                        socket: u.socket,
                        datagrams: u.datagrams,
                        bytes: u.bytes,
                    })
                    .collect(),
            }),
            ServerMessage::UdpDatagram {
                socket,
                from,
                local,
                data,
            } => Some(Action::Receive {
                socket: *socket,
                from: *from,
                local: *local,
                data: data.0.clone(),
            }),
            // Windows: one datagram larger than the buffer; the socket goes on receiving.
            ServerMessage::UdpRecvError { error, .. } => Some(Action::Fail {
                python: crate::python::recvfrom("s"),
                error: error.clone(),
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::replay;

    fn opened(socket: SocketId) -> Action {
        Action::Open {
            socket,
            python: String::new(),
        }
    }

    #[test]
    fn the_first_send_assigns_the_port_the_second_does_not() {
        let local: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let to: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let sent = |socket| Action::Send {
            python: String::new(),
            socket,
            bytes: 2,
            local,
            to,
        };
        let lab = replay(UdpState::default(), vec![opened(3), sent(3), sent(3)]);
        let flags: Vec<bool> = lab
            .log
            .iter()
            .filter_map(|e| match e {
                UdpLine::Sent { assigned_now, .. } => Some(*assigned_now),
                _ => None,
            })
            .collect();
        assert_eq!(flags, vec![true, false]);
        assert_eq!(lab.local, Some(local));
    }

    #[test]
    fn datagrams_for_other_sockets_are_ignored_and_the_log_is_bounded() {
        let from: SocketAddr = "127.0.0.1:40000".parse().unwrap();
        let recv = |socket| Action::Receive {
            socket,
            from,
            local: from,
            data: vec![1],
        };
        let lab = replay(UdpState::default(), vec![opened(1), recv(2)]);
        assert_eq!(lab.log.len(), 1);
        assert_eq!(lab.last_peer, None);
        let many: Vec<Action> = (0..MAX_LOG + 10).map(|_| recv(1)).collect();
        let lab = replay(lab, many);
        assert_eq!(lab.log.len(), MAX_LOG);
        assert_eq!(lab.last_peer, Some(from));
    }

    #[test]
    fn losing_the_session_forgets_sockets() {
        let lab = replay(UdpState::default(), vec![opened(1), Action::LoseSession]);
        assert_eq!(lab.socket, None);
        assert!(lab.open.is_empty());
        assert_eq!(lab.log.last(), Some(&UdpLine::SessionLost));
    }
}
