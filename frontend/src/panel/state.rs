//! The panel's state and its reducer: the mode, the sockets it holds, the connected clients
//! (TCP server), the log, and the auto-reply queue. Pure: every action carries its timestamp,
//! so the reducer is tested natively.

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{RelayError, SocketId};
use yew::prelude::*;

use super::log::{Dir, Line, MAX_LOG, Note};
use super::reply::{AutoReply, Outbound};
use crate::lab::BoundedLog;
use crate::text::codec::Encoding;

/// What the panel plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Udp,
    TcpClient,
    TcpServer,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Udp, Mode::TcpClient, Mode::TcpServer];

    /// The mode's name on its button.
    pub fn text(self) -> crate::i18n::Key {
        match self {
            Mode::Udp => key!("panel.mode.udp"),
            Mode::TcpClient => key!("panel.mode.tcp-client"),
            Mode::TcpServer => key!("panel.mode.tcp-server"),
        }
    }

    /// What the mode is for.
    pub fn hint(self) -> crate::i18n::Key {
        match self {
            Mode::Udp => key!("panel.mode.udp.hint"),
            Mode::TcpClient => key!("panel.mode.tcp-client.hint"),
            Mode::TcpServer => key!("panel.mode.tcp-server.hint"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Udp => "udp",
            Mode::TcpClient => "tcp-client",
            Mode::TcpServer => "tcp-server",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A client accepted by the panel's TCP server.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    /// The new socket accept() returned for it.
    pub socket: SocketId,
    pub peer: SocketAddr,
    /// recv returned 0 (or the connection broke): the client left.
    pub gone: bool,
}

/// Where the TCP server's next message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SendTo {
    #[default]
    All,
    One(SocketId),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    pub mode: Mode,
    /// The UDP socket, the TCP client's connection, or the TCP server's listener.
    pub socket: Option<SocketId>,
    /// Its local address (bound, given by the OS, or listening).
    pub local: Option<SocketAddr>,
    /// TCP client: the server it is connected to.
    pub peer: Option<SocketAddr>,
    /// TCP client: the server closed its side (recv returned 0).
    pub peer_closed: bool,
    /// UDP: who sent the last datagram.
    pub last_sender: Option<SocketAddr>,
    /// TCP server: every client accepted, in order (those who left stay, marked).
    pub clients: Vec<Client>,
    pub send_to: SendTo,
    pub log: BoundedLog<Line, MAX_LOG>,
    /// How received bytes are shown, and how a fixed auto-reply is encoded.
    pub encoding: Encoding,
    pub auto_reply: AutoReply,
    /// Auto-replies decided but not yet sent (the component sends them).
    pub outbox: Vec<Outbound>,
    next_outbound: u64,
}

/// Everything that changes the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SwitchMode(Mode),
    ShowAs(Encoding),
    SetAutoReply(AutoReply),
    PickTarget(SendTo),
    /// A socket of ours now has a local address (UDP bound, TCP listening or connected).
    Adopt {
        at: u64,
        socket: SocketId,
        local: SocketAddr,
        peer: Option<SocketAddr>,
        note: Option<Note>,
    },
    /// The UDP socket got its port from the OS with its first send (no note: the send shows it).
    LearnLocal {
        socket: SocketId,
        local: SocketAddr,
    },
    Send {
        at: u64,
        to: Option<SocketAddr>,
        data: Vec<u8>,
        encoding: Option<Encoding>,
        auto: bool,
    },
    ReceiveDatagram {
        at: u64,
        socket: SocketId,
        from: SocketAddr,
        data: Vec<u8>,
    },
    Accept {
        at: u64,
        listener: SocketId,
        socket: SocketId,
        peer: SocketAddr,
    },
    ReceiveStream {
        at: u64,
        socket: SocketId,
        data: Vec<u8>,
    },
    /// A client of our listener was turned away (`client_refused`: the socket limit).
    Refuse {
        at: u64,
        listener: SocketId,
        peer: SocketAddr,
    },
    /// One of our sends waits for room (`tcp_send_progress`).
    SendWaits {
        at: u64,
        socket: SocketId,
        sent: usize,
        total: usize,
    },
    /// recv returned 0 on one of our TCP sockets.
    SeePeerClose {
        at: u64,
        socket: SocketId,
    },
    /// The relay closed one of our sockets itself.
    Drop {
        at: u64,
        socket: SocketId,
        error: Option<RelayError>,
    },
    /// We closed every socket of the panel.
    Stop {
        at: u64,
    },
    Fail {
        at: u64,
        error: RelayError,
    },
    /// Auto-replies with an id up to this one were handed to the relay.
    Dequeue {
        upto: u64,
    },
    LoseSession {
        at: u64,
    },
    Clear,
    /// Datagrams the relay counted but did not send (a flood): they count in the totals.
    Unshown {
        at: u64,
        socket: SocketId,
        datagrams: u64,
        bytes: u64,
    },
    /// One frame's actions at once, applied to one copy of the panel.
    Many(Vec<Action>),
}

impl Panel {
    /// The sockets the panel holds right now.
    pub fn sockets(&self) -> Vec<SocketId> {
        let mut all: Vec<SocketId> = self.socket.into_iter().collect();
        all.extend(self.clients.iter().filter(|c| !c.gone).map(|c| c.socket));
        all
    }

    pub fn live_clients(&self) -> impl Iterator<Item = &Client> {
        self.clients.iter().filter(|c| !c.gone)
    }

    /// The sockets a TCP server message goes to.
    pub fn targets(&self) -> Vec<SocketId> {
        match self.send_to {
            SendTo::All => self.live_clients().map(|c| c.socket).collect(),
            SendTo::One(s) => self
                .live_clients()
                .filter(|c| c.socket == s)
                .map(|c| c.socket)
                .collect(),
        }
    }

    pub fn client(&self, socket: SocketId) -> Option<&Client> {
        self.clients.iter().find(|c| c.socket == socket)
    }

    fn push(&mut self, line: Line) {
        self.log.push(line);
    }

    /// The peer at the other end of one of our TCP streams: a client still connected to our
    /// server, or the server our client is connected to. None for a socket not ours.
    fn stream_peer(&self, socket: SocketId) -> Option<SocketAddr> {
        match (self.mode, self.client(socket)) {
            (Mode::TcpServer, Some(c)) if !c.gone => Some(c.peer),
            (Mode::TcpClient, _) if self.socket == Some(socket) => self.peer,
            _ => None,
        }
    }

    fn note(&mut self, at: u64, peer: Option<SocketAddr>, note: Note) {
        let mut line = Line::system(at, note);
        line.peer = peer;
        self.push(line);
    }

    fn received(&mut self, at: u64, socket: SocketId, peer: SocketAddr, data: Vec<u8>) {
        if let Some(bytes) = self.auto_reply.answer(&data) {
            self.next_outbound += 1;
            self.outbox.push(Outbound {
                id: self.next_outbound,
                socket,
                to: peer,
                bytes,
            });
        }
        self.log.count(at, 1, data.len() as u64);
        self.push(Line {
            at,
            dir: Dir::Received,
            peer: Some(peer),
            data: Rc::new(data),
            encoding: None,
            auto: false,
            note: None,
        });
    }

    /// Forgets every socket (they are closed, or the session that held them is gone).
    fn forget_sockets(&mut self) {
        self.socket = None;
        self.local = None;
        self.peer = None;
        self.peer_closed = false;
        self.last_sender = None;
        for c in &mut self.clients {
            c.gone = true;
        }
        self.send_to = SendTo::All;
        self.outbox.clear();
    }
}

impl Reducible for Panel {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if s.apply(action) { Rc::new(s) } else { self }
    }
}

impl Panel {
    /// One action; false when it changed nothing (an event that is not the panel's business).
    fn apply(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::Many(actions) => {
                return actions
                    .into_iter()
                    .fold(false, |changed, a| s.apply(a) | changed);
            }
            Action::Unshown {
                at,
                socket,
                datagrams,
                bytes,
            } => {
                if s.mode != Mode::Udp || s.socket != Some(socket) {
                    return false;
                }
                s.log.count_unshown(at, datagrams, bytes);
            }
            Action::SwitchMode(mode) => {
                // The component closes the old mode's sockets first.
                s.forget_sockets();
                s.clients.clear();
                s.mode = mode;
            }
            Action::ShowAs(enc) => s.encoding = enc,
            Action::SetAutoReply(a) => s.auto_reply = a,
            Action::PickTarget(t) => s.send_to = t,
            Action::Adopt {
                at,
                socket,
                local,
                peer,
                note,
            } => {
                s.socket = Some(socket);
                s.local = Some(local);
                s.peer = peer;
                s.peer_closed = false;
                if let Some(note) = note {
                    s.note(at, peer, note);
                }
            }
            Action::LearnLocal { socket, local } => {
                if s.socket == Some(socket) {
                    s.local = Some(local);
                }
            }
            Action::Send {
                at,
                to,
                data,
                encoding,
                auto,
            } => s.push(Line {
                at,
                dir: Dir::Sent,
                peer: to,
                data: Rc::new(data),
                encoding,
                auto,
                note: None,
            }),
            Action::ReceiveDatagram {
                at,
                socket,
                from,
                data,
            } => {
                if s.mode != Mode::Udp || s.socket != Some(socket) {
                    return false;
                }
                s.last_sender = Some(from);
                s.received(at, socket, from, data);
            }
            Action::Accept {
                at,
                listener,
                socket,
                peer,
            } => {
                if s.mode != Mode::TcpServer || s.socket != Some(listener) {
                    return false;
                }
                s.clients.push(Client {
                    socket,
                    peer,
                    gone: false,
                });
                s.note(at, Some(peer), Note::Accepted { socket, peer });
            }
            Action::SendWaits {
                at,
                socket,
                sent,
                total,
            } => {
                let Some(peer) = s.stream_peer(socket) else {
                    return false;
                };
                s.note(at, Some(peer), Note::SendWaiting { sent, total });
            }
            Action::Refuse { at, listener, peer } => {
                if s.mode != Mode::TcpServer || s.socket != Some(listener) {
                    return false;
                }
                s.note(at, Some(peer), Note::Refused { peer });
            }
            Action::ReceiveStream { at, socket, data } => {
                let Some(peer) = s.stream_peer(socket) else {
                    return false;
                };
                s.received(at, socket, peer, data);
            }
            Action::SeePeerClose { at, socket } => {
                if s.mode == Mode::TcpClient && s.socket == Some(socket) {
                    s.peer_closed = true;
                    let peer = s.peer;
                    if let Some(p) = peer {
                        s.note(at, peer, Note::PeerClosed { peer: p });
                    }
                    return true;
                }
                let Some(c) = s.clients.iter_mut().find(|c| c.socket == socket && !c.gone) else {
                    return false;
                };
                c.gone = true;
                let peer = c.peer;
                if s.send_to == SendTo::One(socket) {
                    s.send_to = SendTo::All;
                }
                s.note(at, Some(peer), Note::PeerClosed { peer });
            }
            Action::Drop { at, socket, error } => {
                if s.socket == Some(socket) {
                    let peer = s.peer;
                    s.socket = None;
                    s.local = None;
                    s.peer = None;
                    s.note(at, peer, Note::Dropped { peer, error });
                } else if let Some(c) = s.clients.iter_mut().find(|c| c.socket == socket && !c.gone)
                {
                    c.gone = true;
                    let peer = c.peer;
                    s.note(
                        at,
                        Some(peer),
                        Note::Dropped {
                            peer: Some(peer),
                            error,
                        },
                    );
                } else {
                    return false;
                }
            }
            Action::Stop { at } => {
                s.forget_sockets();
                s.note(at, None, Note::Stopped);
            }
            Action::Fail { at, error } => s.note(at, None, Note::Failed { error }),
            Action::Dequeue { upto } => s.outbox.retain(|o| o.id > upto),
            Action::LoseSession { at } => {
                if s.sockets().is_empty() {
                    return false;
                }
                s.forget_sockets();
                s.note(at, None, Note::SessionLost);
            }
            Action::Clear => s.log.clear(),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::replay;

    fn addr(port: u16) -> SocketAddr {
        format!("127.0.0.1:{port}").parse().unwrap()
    }

    fn listening(listener: SocketId) -> Vec<Action> {
        vec![
            Action::SwitchMode(Mode::TcpServer),
            Action::Adopt {
                at: 1,
                socket: listener,
                local: addr(9000),
                peer: None,
                note: Some(Note::Listening { local: addr(9000) }),
            },
        ]
    }

    #[test]
    fn a_client_refused_at_our_listener_is_a_note_and_no_client() {
        let mut actions = listening(1);
        actions.push(Action::Refuse {
            at: 5,
            listener: 1,
            peer: addr(50001),
        });
        actions.push(Action::Refuse {
            at: 6,
            listener: 8,
            peer: addr(50002),
        });
        let p = replay(Panel::default(), actions);
        assert!(p.clients.is_empty());
        let last = p.log.iter().last().unwrap();
        assert_eq!(last.note, Some(Note::Refused { peer: addr(50001) }));
        assert_eq!(last.peer, Some(addr(50001)));
    }

    /// A send to a client that does not read: the kernel's counts show in the log, on the
    /// line of that client; progress of a socket that is not the panel's is ignored.
    #[test]
    fn a_waiting_send_shows_the_kernels_counts_on_its_clients_line() {
        let mut actions = listening(1);
        actions.push(accept(4, 50001));
        actions.push(Action::SendWaits {
            at: 7,
            socket: 4,
            sent: 2_621_440,
            total: 3_145_728,
        });
        actions.push(Action::SendWaits {
            at: 8,
            socket: 9,
            sent: 1,
            total: 2,
        });
        let p = replay(Panel::default(), actions);
        let last = p.log.iter().last().unwrap();
        assert_eq!(
            last.note,
            Some(Note::SendWaiting {
                sent: 2_621_440,
                total: 3_145_728
            })
        );
        assert_eq!((last.at, last.peer), (7, Some(addr(50001))));
    }

    fn accept(socket: SocketId, port: u16) -> Action {
        Action::Accept {
            at: 2,
            listener: 1,
            socket,
            peer: addr(port),
        }
    }

    #[test]
    fn the_log_is_bounded() {
        let mut actions = vec![Action::Adopt {
            at: 0,
            socket: 3,
            local: addr(7788),
            peer: None,
            note: None,
        }];
        actions.extend((0..MAX_LOG + 25).map(|i| Action::ReceiveDatagram {
            at: i as u64,
            socket: 3,
            from: addr(5000),
            data: vec![1],
        }));
        let p = replay(Panel::default(), actions);
        assert_eq!(p.log.len(), MAX_LOG);
        assert_eq!(p.log.last().unwrap().at, (MAX_LOG + 24) as u64);
        assert_eq!(p.last_sender, Some(addr(5000)));
    }

    #[test]
    fn a_frame_of_datagrams_and_counts_is_tallied_exactly() {
        let bound = Action::Adopt {
            at: 1,
            socket: 3,
            local: addr(7788),
            peer: None,
            note: Some(Note::Bound { local: addr(7788) }),
        };
        let datagram = |at, socket| Action::ReceiveDatagram {
            at,
            socket,
            from: addr(5000),
            data: vec![7; 10],
        };
        let mut frame: Vec<Action> = (0..MAX_LOG as u64 + 20)
            .map(|i| datagram(1000 + i, 3))
            .collect();
        frame.push(datagram(1500, 9)); // another socket's: not counted
        frame.push(Action::Unshown {
            at: 1600,
            socket: 3,
            datagrams: 1000,
            bytes: 10_000,
        });
        frame.push(Action::Unshown {
            at: 1600,
            socket: 9,
            datagrams: 5,
            bytes: 5,
        });
        let p = replay(Panel::default(), vec![bound, Action::Many(frame)]);
        let t = p.log.totals(key!("log.totals.datagrams")).unwrap();
        let received = MAX_LOG as u64 + 20 + 1000;
        assert_eq!((t.tally.count, t.tally.bytes), (received, received * 10));
        assert_eq!(t.shown, MAX_LOG as u64);
        // The note and 20 datagrams scrolled away, and 1,000 were never lines.
        assert_eq!(t.skipped, 1 + 20 + 1000);
        assert_eq!(p.log.len(), MAX_LOG);
    }

    #[test]
    fn datagrams_for_other_sockets_are_not_ours() {
        let p = replay(
            Panel::default(),
            vec![Action::ReceiveDatagram {
                at: 0,
                socket: 9,
                from: addr(5000),
                data: vec![1],
            }],
        );
        assert!(p.log.is_empty());
    }

    #[test]
    fn clients_are_listed_on_accept_and_marked_when_they_leave() {
        let mut actions = listening(1);
        actions.extend([
            accept(2, 40001),
            accept(3, 40002),
            accept(4, 40003),
            // Another listener's client is not ours.
            Action::Accept {
                at: 2,
                listener: 99,
                socket: 5,
                peer: addr(1),
            },
            Action::PickTarget(SendTo::One(3)),
            Action::SeePeerClose { at: 3, socket: 3 },
        ]);
        let p = replay(Panel::default(), actions);
        let ports: Vec<(u16, bool)> = p.clients.iter().map(|c| (c.peer.port(), c.gone)).collect();
        assert_eq!(ports, vec![(40001, false), (40002, true), (40003, false)]);
        // The chosen client left: the next message goes to everyone still here.
        assert_eq!(p.send_to, SendTo::All);
        assert_eq!(p.targets(), vec![2, 4]);
        assert_eq!(p.sockets(), vec![1, 2, 4]);
        assert_eq!(
            p.log.last().unwrap().note,
            Some(Note::PeerClosed { peer: addr(40002) })
        );
        // A second close for the same socket is not logged twice.
        let again = replay(p.clone(), vec![Action::SeePeerClose { at: 4, socket: 3 }]);
        assert_eq!(again.log.len(), p.log.len());
    }

    #[test]
    fn stream_data_is_logged_with_the_clients_address() {
        let mut actions = listening(1);
        actions.extend([
            accept(2, 40001),
            Action::ReceiveStream {
                at: 5,
                socket: 2,
                data: b"hi".to_vec(),
            },
            Action::ReceiveStream {
                at: 5,
                socket: 77,
                data: b"not ours".to_vec(),
            },
        ]);
        let p = replay(Panel::default(), actions);
        let last = p.log.last().unwrap();
        assert_eq!(last.dir, Dir::Received);
        assert_eq!(last.peer, Some(addr(40001)));
        assert_eq!(*last.data, b"hi");
    }

    #[test]
    fn auto_reply_queues_an_answer_to_the_sender_and_dequeues_once_sent() {
        let mut actions = listening(1);
        actions.extend([
            Action::SetAutoReply(AutoReply::Echo),
            accept(2, 40001),
            Action::ReceiveStream {
                at: 5,
                socket: 2,
                data: b"ping".to_vec(),
            },
        ]);
        let p = replay(Panel::default(), actions);
        assert_eq!(p.outbox.len(), 1);
        assert_eq!(p.outbox[0].socket, 2);
        assert_eq!(p.outbox[0].to, addr(40001));
        assert_eq!(p.outbox[0].bytes, b"ping");
        let upto = p.outbox[0].id;
        let p = replay(p, vec![Action::Dequeue { upto }]);
        assert!(p.outbox.is_empty());
    }

    #[test]
    fn losing_the_session_forgets_every_socket_and_client() {
        let mut actions = listening(1);
        actions.extend([accept(2, 40001), Action::LoseSession { at: 9 }]);
        let p = replay(Panel::default(), actions);
        assert!(p.sockets().is_empty());
        assert!(p.clients.iter().all(|c| c.gone));
        assert_eq!(p.log.last().unwrap().note, Some(Note::SessionLost));
        // Nothing held: nothing to report.
        let again = replay(p.clone(), vec![Action::LoseSession { at: 10 }]);
        assert_eq!(again.log.len(), p.log.len());
    }

    #[test]
    fn the_tcp_client_sees_the_server_close() {
        let p = replay(
            Panel::default(),
            vec![
                Action::SwitchMode(Mode::TcpClient),
                Action::Adopt {
                    at: 1,
                    socket: 4,
                    local: addr(51000),
                    peer: Some(addr(9000)),
                    note: None,
                },
                Action::ReceiveStream {
                    at: 2,
                    socket: 4,
                    data: b"ok".to_vec(),
                },
                Action::SeePeerClose { at: 3, socket: 4 },
            ],
        );
        assert!(p.peer_closed);
        assert_eq!(p.log[0].peer, Some(addr(9000)));
        assert_eq!(p.socket, Some(4), "we may still send after the peer closed");
    }
}
