//! The state of a UDP experiment (one per step): the sockets it opened and a log of every call
//! and what the operating system answered. One reducer serves every UDP step.

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{RelayError, SocketId};
use yew::prelude::*;

use crate::text::codec::Encoding;

/// One line of the log: a call and its outcome, or something that arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lab {
    /// The socket this step works with (its first), and where it is bound.
    pub socket: Option<SocketId>,
    pub local: Option<SocketAddr>,
    /// Every socket this step opened and has not closed.
    pub open: Vec<SocketId>,
    pub log: Vec<Entry>,
    pub busy: bool,
    /// Who sent the last datagram (where a reply goes).
    pub last_peer: Option<SocketAddr>,
    /// How received bytes are shown.
    pub decode_as: Encoding,
}

pub enum Action {
    Busy(bool),
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
        socket: SocketId,
        bytes: usize,
        local: SocketAddr,
        to: SocketAddr,
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
    DecodeAs(Encoding),
    /// The relay connection dropped: every socket is gone.
    SessionLost,
    Clear,
}

/// Most log lines kept; older ones scroll away (a flood must not grow the page without bound).
pub const MAX_LOG: usize = 200;

impl Reducible for Lab {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Busy(b) => s.busy = b,
            Action::Opened { socket, python } => {
                s.open.push(socket);
                if s.socket.is_none() {
                    s.socket = Some(socket);
                }
                s.log.push(Entry::Opened { socket, python });
            }
            Action::Bound {
                socket,
                local,
                python,
            } => {
                if s.socket == Some(socket) {
                    s.local = Some(local);
                }
                s.log.push(Entry::Bound {
                    socket,
                    local,
                    python,
                });
            }
            Action::Sent {
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
                s.log.push(Entry::Sent {
                    python,
                    bytes,
                    local,
                    to,
                    assigned_now,
                });
            }
            Action::Received {
                socket,
                from,
                local,
                data,
            } => {
                if !s.open.contains(&socket) {
                    return self;
                }
                s.last_peer = Some(from);
                s.log.push(Entry::Received {
                    socket,
                    from,
                    local,
                    data,
                });
            }
            Action::Closed { socket, python } => {
                s.open.retain(|x| *x != socket);
                if s.socket == Some(socket) {
                    s.socket = None;
                    s.local = None;
                }
                s.log.push(Entry::Closed { socket, python });
            }
            Action::Failed { python, error } => s.log.push(Entry::Failed { python, error }),
            Action::DecodeAs(enc) => s.decode_as = enc,
            Action::SessionLost => {
                if s.open.is_empty() {
                    return self;
                }
                s.open.clear();
                s.socket = None;
                s.local = None;
                s.busy = false;
                s.log.push(Entry::SessionLost);
            }
            Action::Clear => s.log.clear(),
        }
        if s.log.len() > MAX_LOG {
            let extra = s.log.len() - MAX_LOG;
            s.log.drain(..extra);
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(socket: SocketId) -> Action {
        Action::Opened {
            socket,
            python: String::new(),
        }
    }

    fn reduce(lab: Lab, actions: Vec<Action>) -> Lab {
        let mut rc = Rc::new(lab);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    #[test]
    fn the_first_send_assigns_the_port_the_second_does_not() {
        let local: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let to: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let sent = |socket| Action::Sent {
            python: String::new(),
            socket,
            bytes: 2,
            local,
            to,
        };
        let lab = reduce(Lab::default(), vec![opened(3), sent(3), sent(3)]);
        let flags: Vec<bool> = lab
            .log
            .iter()
            .filter_map(|e| match e {
                Entry::Sent { assigned_now, .. } => Some(*assigned_now),
                _ => None,
            })
            .collect();
        assert_eq!(flags, vec![true, false]);
        assert_eq!(lab.local, Some(local));
    }

    #[test]
    fn datagrams_for_other_sockets_are_ignored_and_the_log_is_bounded() {
        let from: SocketAddr = "127.0.0.1:40000".parse().unwrap();
        let recv = |socket| Action::Received {
            socket,
            from,
            local: from,
            data: vec![1],
        };
        let lab = reduce(Lab::default(), vec![opened(1), recv(2)]);
        assert_eq!(lab.log.len(), 1);
        assert_eq!(lab.last_peer, None);
        let many = (0..MAX_LOG + 10).map(|_| recv(1)).collect();
        let lab = reduce(lab, many);
        assert_eq!(lab.log.len(), MAX_LOG);
        assert_eq!(lab.last_peer, Some(from));
    }

    #[test]
    fn losing_the_session_forgets_sockets() {
        let lab = reduce(Lab::default(), vec![opened(1), Action::SessionLost]);
        assert_eq!(lab.socket, None);
        assert!(lab.open.is_empty());
        assert_eq!(lab.log.last(), Some(&Entry::SessionLost));
    }
}
