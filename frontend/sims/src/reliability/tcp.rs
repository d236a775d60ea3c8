//! TCP over the lossy link, as a discrete-event simulation in milliseconds: handshake,
//! numbered segments, cumulative ACKs, one retransmission timer per side (oldest unacked
//! segment, doubling on each timeout), duplicates discarded, out-of-order segments held,
//! checksums, the receiver's window (the receiving program reads slowly, so its buffer
//! fills), a congestion window that halves its threshold and restarts at one segment after a
//! loss, and the FIN/ACK close. The client sends the message; the server only receives.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use super::link::{Fate, Fault, Link, LinkConfig};
use super::segment::{Flags, Segment, seq_le, seq_lt};
use super::{Side, Stamped, Tx};

/// Bytes per segment (tiny, so a short message makes several segments).
pub const MSS: usize = 4;
/// The receiver's buffer in bytes.
pub const RCV_BUF: usize = 12;
/// The receiving program reads this many bytes ...
pub const READ: usize = 4;
/// ... every this many milliseconds.
pub const READ_EVERY: u32 = 250;
/// The slow-start threshold a connection starts with, in segments.
pub const SSTHRESH: u32 = 4;
/// The server's port (the course's).
pub const SERVER_PORT: u16 = 7788;
/// The simulation stops here whatever happens (a link that loses everything).
const END: u32 = 60_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    LastAck,
    TimeWait,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Closed => "CLOSED",
            State::Listen => "LISTEN",
            State::SynSent => "SYN_SENT",
            State::SynReceived => "SYN_RCVD",
            State::Established => "ESTABLISHED",
            State::FinWait1 => "FIN_WAIT_1",
            State::FinWait2 => "FIN_WAIT_2",
            State::CloseWait => "CLOSE_WAIT",
            State::LastAck => "LAST_ACK",
            State::TimeWait => "TIME_WAIT",
        }
    }
}

/// What the receiver did with an arriving segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// In order: these bytes went to the receiving program's buffer (held ones included).
    Accepted { bytes: Vec<u8> },
    /// Ahead of a gap: kept until the gap is filled.
    Held,
    /// Already received: thrown away (and acknowledged again).
    Duplicate,
    /// The checksum did not match: dropped without a word.
    BadChecksum,
    /// Nothing to receive: an ACK, a SYN, a FIN or a window probe.
    Control,
}

/// One thing that happened, for the stepped picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Send {
        tx: usize,
    },
    Arrive {
        tx: usize,
        outcome: Outcome,
    },
    Lost {
        tx: usize,
    },
    Timeout {
        side: Side,
        seq: u32,
    },
    /// The sender has bytes but the receiver's window has no room: it waits.
    Blocked {
        window: u32,
    },
    /// The receiving program read bytes from its buffer.
    Read {
        bytes: usize,
    },
    Congestion {
        cwnd: u32,
        ssthresh: u32,
    },
    State {
        side: Side,
        state: State,
    },
}

/// The numbers beside the picture after each event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Snap {
    pub delivered: usize,
    pub buffered: usize,
    pub cwnd: u32,
    pub ssthresh: u32,
    pub peer_window: u32,
    pub in_flight: u32,
}

#[derive(Debug, PartialEq)]
pub struct TcpRun {
    pub txs: Vec<Tx>,
    pub events: Vec<Stamped<Event, Snap>>,
    pub delivered: Vec<u8>,
    pub client_isn: u32,
    pub server_isn: u32,
}

struct Peer {
    side: Side,
    port: u16,
    state: State,
    isn: u32,
    snd_una: u32,
    snd_nxt: u32,
    unacked: VecDeque<Segment>,
    to_send: VecDeque<u8>,
    peer_wnd: u32,
    cwnd: u32,
    ssthresh: u32,
    acked_in_round: u32,
    rto: u32,
    timer_gen: u32,
    blocked: bool,
    rcv_nxt: u32,
    held: BTreeMap<u32, Vec<u8>>,
    buffered: usize,
    delivered: Vec<u8>,
}

impl Peer {
    fn new(side: Side, port: u16, isn: u32, state: State, rto: u32) -> Peer {
        Peer {
            side,
            port,
            state,
            isn,
            snd_una: isn,
            snd_nxt: isn,
            unacked: VecDeque::new(),
            to_send: VecDeque::new(),
            peer_wnd: MSS as u32,
            cwnd: 1,
            ssthresh: SSTHRESH,
            acked_in_round: 0,
            rto,
            timer_gen: 0,
            blocked: false,
            rcv_nxt: 0,
            held: BTreeMap::new(),
            buffered: 0,
            delivered: Vec::new(),
        }
    }

    fn window(&self) -> u32 {
        (RCV_BUF - self.buffered.min(RCV_BUF)) as u32
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Due {
    Arrive { tx: usize },
    Lost { tx: usize },
    Timer { side: usize, generation: u32 },
    Read,
}

struct Sim {
    now: u32,
    order: u64,
    queue: BinaryHeap<Reverse<(u32, u64, Due)>>,
    link: Link,
    peers: [Peer; 2],
    txs: Vec<Tx>,
    events: Vec<Stamped<Event, Snap>>,
}

/// Runs the whole connection: the client sends `message` to the server and closes.
pub fn run(message: &[u8], cfg: LinkConfig, seed: u64, faults: &[Fault]) -> TcpRun {
    let mut link = Link::new(cfg, seed, faults);
    let client_isn = link.random();
    let server_isn = link.random();
    let client_port = 49152 + (link.random() % 16384) as u16;
    // Long enough for a round trip plus a held-back segment: no early retransmissions.
    let rto = cfg.delay.max(1) * 4 + 50;
    let mut client = Peer::new(Side::Client, client_port, client_isn, State::Closed, rto);
    client.to_send = message.iter().copied().collect();
    let server = Peer::new(Side::Server, SERVER_PORT, server_isn, State::Listen, rto);
    let mut sim = Sim {
        now: 0,
        order: 0,
        queue: BinaryHeap::new(),
        link,
        peers: [client, server],
        txs: Vec::new(),
        events: Vec::new(),
    };
    sim.connect();
    while let Some(Reverse((at, _, due))) = sim.queue.pop() {
        if at > END {
            break;
        }
        sim.now = at;
        match due {
            Due::Arrive { tx } => sim.arrive(tx),
            Due::Lost { tx } => sim.record(Event::Lost { tx }),
            Due::Timer { side, generation } => sim.timer(side, generation),
            Due::Read => sim.app_read(),
        }
    }
    let delivered = std::mem::take(&mut sim.peers[1].delivered);
    TcpRun {
        txs: sim.txs,
        events: sim.events,
        delivered,
        client_isn,
        server_isn,
    }
}

impl Sim {
    fn at(&mut self, at: u32, due: Due) {
        self.order += 1;
        self.queue.push(Reverse((at, self.order, due)));
    }

    fn record(&mut self, event: Event) {
        let (c, s) = (&self.peers[0], &self.peers[1]);
        let snap = Snap {
            delivered: s.delivered.len(),
            buffered: s.buffered,
            cwnd: c.cwnd,
            ssthresh: c.ssthresh,
            peer_window: c.peer_wnd,
            in_flight: c.snd_nxt.wrapping_sub(c.snd_una),
        };
        self.events.push(Stamped {
            at: self.now,
            event,
            snap,
        });
    }

    fn set_state(&mut self, p: usize, state: State) {
        if self.peers[p].state != state {
            self.peers[p].state = state;
            let side = self.peers[p].side;
            self.record(Event::State { side, state });
        }
    }

    fn connect(&mut self) {
        self.set_state(0, State::SynSent);
        let syn = self.segment(
            0,
            Flags {
                syn: true,
                ..Flags::default()
            },
            Vec::new(),
        );
        self.send_new(0, syn);
    }

    /// A segment from peer `p` with the current ack number and window.
    fn segment(&self, p: usize, flags: Flags, payload: Vec<u8>) -> Segment {
        let me = &self.peers[p];
        let other = &self.peers[1 - p];
        let ack = if flags.ack { me.rcv_nxt } else { 0 };
        Segment {
            src_port: me.port,
            dst_port: other.port,
            seq: me.snd_nxt,
            ack,
            flags,
            window: me.window() as u16,
            checksum: 0,
            payload,
        }
        .with_checksum()
    }

    /// Sends a segment that takes sequence numbers: it waits in `unacked` for its ACK.
    fn send_new(&mut self, p: usize, seg: Segment) {
        let peer = &mut self.peers[p];
        peer.snd_nxt = peer.snd_nxt.wrapping_add(seg.seq_len());
        peer.unacked.push_back(seg.clone());
        let arm = peer.unacked.len() == 1;
        self.transmit(p, seg, false);
        if arm {
            self.arm_timer(p);
        }
    }

    fn transmit(&mut self, p: usize, seg: Segment, retransmit: bool) {
        let n = self.txs.len() + 1;
        let fate = self.link.fate(n);
        let (first, copy) = self.link.arrivals(self.now, fate);
        let from = self.peers[p].side;
        let arrived = (fate == Fate::Corrupted).then(|| seg.corrupted());
        self.txs.push(Tx {
            id: n - 1,
            from,
            seg: seg.clone(),
            sent_at: self.now,
            arrive_at: first,
            fate,
            retransmit,
            copy_of: None,
            arrived,
        });
        self.record(Event::Send { tx: n - 1 });
        match first {
            Some(t) => self.at(t, Due::Arrive { tx: n - 1 }),
            None => {
                let t = self.link.lost_at(self.now);
                self.at(t, Due::Lost { tx: n - 1 });
            }
        }
        if let Some(t) = copy {
            // The link's own copy: a transmission the sender never made.
            let id = self.txs.len();
            self.txs.push(Tx {
                id,
                from,
                seg,
                sent_at: self.now,
                arrive_at: Some(t),
                fate: Fate::Delivered,
                retransmit,
                copy_of: Some(n - 1),
                arrived: None,
            });
            self.at(t, Due::Arrive { tx: id });
        }
    }

    fn arm_timer(&mut self, p: usize) {
        let peer = &mut self.peers[p];
        peer.timer_gen += 1;
        let (generation, at) = (peer.timer_gen, self.now + peer.rto);
        self.at(
            at,
            Due::Timer {
                side: p,
                generation,
            },
        );
    }

    fn stop_timer(&mut self, p: usize) {
        self.peers[p].timer_gen += 1;
    }

    fn timer(&mut self, p: usize, generation: u32) {
        if self.peers[p].timer_gen != generation {
            return;
        }
        let Some(oldest) = self.peers[p].unacked.front().cloned() else {
            // Nothing unacknowledged: the persist timer, when the window is shut.
            if self.peers[p].blocked {
                let probe = self.segment(
                    p,
                    Flags {
                        ack: true,
                        ..Flags::default()
                    },
                    Vec::new(),
                );
                self.transmit(p, probe, false);
                self.arm_timer(p);
            }
            return;
        };
        let side = self.peers[p].side;
        self.record(Event::Timeout {
            side,
            seq: oldest.seq,
        });
        {
            let peer = &mut self.peers[p];
            peer.ssthresh = (peer.cwnd / 2).max(2);
            peer.cwnd = 1;
            peer.acked_in_round = 0;
            peer.rto = (peer.rto * 2).min(8_000);
        }
        if side == Side::Client && self.peers[p].state != State::SynSent {
            let (cwnd, ssthresh) = (self.peers[p].cwnd, self.peers[p].ssthresh);
            self.record(Event::Congestion { cwnd, ssthresh });
        }
        // The same bytes at the same sequence number, with fresh ack and window fields.
        let mut again = oldest;
        let me = &self.peers[p];
        if again.flags.ack {
            again.ack = me.rcv_nxt;
        }
        again.window = me.window() as u16;
        let again = again.with_checksum();
        self.transmit(p, again, true);
        self.arm_timer(p);
    }

    fn arrive(&mut self, tx: usize) {
        let t = &self.txs[tx];
        let seg = t.arrived.clone().unwrap_or_else(|| t.seg.clone());
        let p = match t.from {
            Side::Client => 1,
            Side::Server => 0,
        };
        if !seg.checksum_ok() {
            self.record(Event::Arrive {
                tx,
                outcome: Outcome::BadChecksum,
            });
            return;
        }
        let outcome = self.receive(p, &seg);
        self.record(Event::Arrive {
            tx,
            outcome: outcome.clone(),
        });
        self.after_receive(p, &seg, &outcome);
    }

    /// The receiving half: sequence numbers, the buffer, held segments.
    fn receive(&mut self, p: usize, seg: &Segment) -> Outcome {
        let me = &mut self.peers[p];
        if seg.flags.syn {
            return match me.state {
                State::Listen | State::SynSent => {
                    me.rcv_nxt = seg.seq.wrapping_add(1);
                    Outcome::Control
                }
                _ => Outcome::Duplicate,
            };
        }
        if me.state == State::Listen {
            return Outcome::Control;
        }
        if seg.payload.is_empty() && !seg.flags.fin {
            return Outcome::Control;
        }
        let end = seg.seq.wrapping_add(seg.payload.len() as u32);
        if seg.seq == me.rcv_nxt {
            let mut bytes = seg.payload.clone();
            me.rcv_nxt = end;
            // A gap just filled: the held segments behind it follow in order.
            while let Some(data) = me.held.remove(&me.rcv_nxt) {
                me.rcv_nxt = me.rcv_nxt.wrapping_add(data.len() as u32);
                bytes.extend(data);
            }
            me.held.retain(|s, _| !seq_lt(*s, me.rcv_nxt));
            if seg.flags.fin {
                me.rcv_nxt = me.rcv_nxt.wrapping_add(1);
            }
            me.buffered += bytes.len();
            me.delivered.extend(&bytes);
            if bytes.is_empty() {
                Outcome::Control
            } else {
                Outcome::Accepted { bytes }
            }
        } else if seq_lt(seg.seq, me.rcv_nxt) {
            Outcome::Duplicate
        } else {
            if me.held.insert(seg.seq, seg.payload.clone()).is_some() {
                return Outcome::Duplicate;
            }
            Outcome::Held
        }
    }

    /// The sending half and the state machine: ACKs, windows, answers.
    fn after_receive(&mut self, p: usize, seg: &Segment, outcome: &Outcome) {
        let state = self.peers[p].state;
        if seg.flags.syn && state == State::Listen {
            self.set_state(p, State::SynReceived);
            let synack = self.segment(
                p,
                Flags {
                    syn: true,
                    ack: true,
                    fin: false,
                },
                Vec::new(),
            );
            self.send_new(p, synack);
            return;
        }
        if seg.flags.ack {
            self.take_ack(p, seg);
        }
        let state = self.peers[p].state;
        if seg.flags.syn && seg.flags.ack && state == State::SynSent {
            self.set_state(p, State::Established);
            self.send_ack(p);
            self.start_reading();
            self.pump(p);
            return;
        }
        if seg.flags.syn {
            // A repeated SYN+ACK: our ACK was lost; say it again.
            if state != State::SynReceived && state != State::Listen {
                self.send_ack(p);
            }
            return;
        }
        let fin_taken = seg.flags.fin
            && seg.seq.wrapping_add(seg.payload.len() as u32 + 1) == self.peers[p].rcv_nxt;
        let carries = !seg.payload.is_empty() || seg.flags.fin;
        let probe = !carries
            && seg.flags.ack
            && *outcome == Outcome::Control
            && self.peers[p].side == Side::Server
            && seg.seq == self.peers[p].rcv_nxt
            && self.peers[1 - p].blocked;
        if carries || probe {
            self.send_ack(p);
        }
        if fin_taken {
            match self.peers[p].state {
                State::Established => {
                    self.set_state(p, State::CloseWait);
                    // The server has nothing more to say: it closes too.
                    let fin = self.segment(
                        p,
                        Flags {
                            fin: true,
                            ack: true,
                            syn: false,
                        },
                        Vec::new(),
                    );
                    self.set_state(p, State::LastAck);
                    self.send_new(p, fin);
                }
                State::FinWait1 | State::FinWait2 => self.set_state(p, State::TimeWait),
                _ => {}
            }
        }
        self.pump(p);
    }

    fn take_ack(&mut self, p: usize, seg: &Segment) {
        let me = &mut self.peers[p];
        if seq_le(seg.ack, me.snd_una) || seq_lt(me.snd_nxt, seg.ack) {
            // Nothing new acknowledged; the window may have opened. (A receiver never moves
            // its window's right edge back, so a smaller one here is an old ACK, late.)
            if seg.ack == me.snd_una {
                me.peer_wnd = me.peer_wnd.max(u32::from(seg.window));
            }
            return;
        }
        me.snd_una = seg.ack;
        me.peer_wnd = u32::from(seg.window);
        while let Some(front) = me.unacked.front() {
            if seq_le(front.seq.wrapping_add(front.seq_len()), me.snd_una) {
                me.unacked.pop_front();
                if me.state != State::SynSent && me.state != State::SynReceived {
                    // Slow start: one more segment per ACK; then one per window's worth.
                    if me.cwnd < me.ssthresh {
                        me.cwnd += 1;
                    } else {
                        me.acked_in_round += 1;
                        if me.acked_in_round >= me.cwnd {
                            me.cwnd += 1;
                            me.acked_in_round = 0;
                        }
                    }
                }
            } else {
                break;
            }
        }
        me.rto = me.rto.min(self.link.cfg.delay.max(1) * 4 + 50);
        let (empty, state, isn) = (me.unacked.is_empty(), me.state, me.isn);
        if empty {
            self.stop_timer(p);
        } else {
            self.arm_timer(p);
        }
        match state {
            State::SynReceived if seg.ack == isn.wrapping_add(1) => {
                self.set_state(p, State::Established)
            }
            State::FinWait1 if empty => self.set_state(p, State::FinWait2),
            State::LastAck if empty => self.set_state(p, State::Closed),
            _ => {}
        }
    }

    fn send_ack(&mut self, p: usize) {
        let ack = self.segment(
            p,
            Flags {
                ack: true,
                ..Flags::default()
            },
            Vec::new(),
        );
        self.transmit(p, ack, false);
    }

    /// The client sends what the windows allow; when all is acknowledged, its FIN.
    fn pump(&mut self, p: usize) {
        if self.peers[p].side != Side::Client || self.peers[p].state != State::Established {
            return;
        }
        loop {
            let me = &self.peers[p];
            if me.to_send.is_empty() {
                break;
            }
            let n = MSS.min(me.to_send.len()) as u32;
            let limit = me.peer_wnd.min(me.cwnd * MSS as u32);
            let in_flight = me.snd_nxt.wrapping_sub(me.snd_una);
            if in_flight + n > limit {
                // Flow control: the receiver has no room. (Congestion waits are silent.)
                if in_flight + n > me.peer_wnd {
                    let (window, was) = (me.peer_wnd, me.blocked);
                    self.peers[p].blocked = true;
                    if !was {
                        self.record(Event::Blocked { window });
                    }
                    if self.peers[p].unacked.is_empty() {
                        // The persist timer: probe the window in case its update is lost.
                        self.arm_timer(p);
                    }
                }
                return;
            }
            let me = &mut self.peers[p];
            me.blocked = false;
            let payload: Vec<u8> = me.to_send.drain(..n as usize).collect();
            let seg = self.segment(
                p,
                Flags {
                    ack: true,
                    ..Flags::default()
                },
                payload,
            );
            self.send_new(p, seg);
        }
        if self.peers[p].unacked.is_empty() {
            let fin = self.segment(
                p,
                Flags {
                    fin: true,
                    ack: true,
                    syn: false,
                },
                Vec::new(),
            );
            self.set_state(p, State::FinWait1);
            self.send_new(p, fin);
        }
    }

    fn start_reading(&mut self) {
        self.at(self.now + READ_EVERY, Due::Read);
    }

    /// The server's program reads a little; a window that reopens is announced at once.
    fn app_read(&mut self) {
        let server = &mut self.peers[1];
        if server.buffered > 0 {
            let before = server.window();
            let n = READ.min(server.buffered);
            server.buffered -= n;
            self.record(Event::Read { bytes: n });
            if (before as usize) < MSS && self.peers[1].state != State::Closed {
                self.send_ack(1);
            }
        }
        let done = self.peers[1].state == State::Closed && self.peers[1].buffered == 0;
        if !done {
            self.start_reading();
        }
    }
}
