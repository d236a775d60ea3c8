//! UDP over the same link: the message cut into datagrams of the same size, sent one after
//! another, nothing acknowledged, nothing resent. What the link loses stays lost, a copy
//! arrives twice, the order is the link's. A corrupted datagram fails UDP's own checksum and
//! the receiving kernel drops it: lost too.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::link::{Fate, Fault, Link, LinkConfig};

/// Time between two datagrams, in milliseconds.
pub const GAP: u32 = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Datagram {
    /// Which piece of the message (0-based).
    pub index: usize,
    pub payload: Vec<u8>,
    pub sent_at: u32,
    pub fate: Fate,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UdpEvent {
    Send { index: usize },
    Arrive { index: usize, copy: bool },
    Lost { index: usize },
    BadChecksum { index: usize },
}

pub struct UdpRun {
    pub datagrams: Vec<Datagram>,
    pub events: Vec<(u32, UdpEvent)>,
    /// What the receiving program's recvfrom calls returned, in order.
    pub received: Vec<Vec<u8>>,
}

impl UdpRun {
    pub fn text(&self) -> Vec<u8> {
        self.received.concat()
    }
}

/// Sends `message` in datagrams of `size` bytes; `faults` name datagrams by number (1-based).
pub fn run(message: &[u8], size: usize, cfg: LinkConfig, seed: u64, faults: &[Fault]) -> UdpRun {
    let mut link = Link::new(cfg, seed ^ 0x5544_5000, faults);
    let mut queue = BinaryHeap::new();
    let mut datagrams = Vec::new();
    for (index, piece) in message.chunks(size.max(1)).enumerate() {
        let sent_at = index as u32 * GAP;
        let fate = link.fate(index + 1);
        datagrams.push(Datagram {
            index,
            payload: piece.to_vec(),
            sent_at,
            fate,
        });
        queue.push(Reverse((sent_at, 0u8, index, UdpEvent::Send { index })));
        let (first, copy) = link.arrivals(sent_at, fate);
        match first {
            Some(t) if fate == Fate::Corrupted => {
                queue.push(Reverse((t, 1, index, UdpEvent::BadChecksum { index })))
            }
            Some(t) => queue.push(Reverse((
                t,
                1,
                index,
                UdpEvent::Arrive { index, copy: false },
            ))),
            None => queue.push(Reverse((
                link.lost_at(sent_at),
                1,
                index,
                UdpEvent::Lost { index },
            ))),
        }
        if let Some(t) = copy {
            queue.push(Reverse((
                t,
                2,
                index,
                UdpEvent::Arrive { index, copy: true },
            )));
        }
    }
    let mut events = Vec::new();
    let mut received = Vec::new();
    while let Some(Reverse((at, _, _, ev))) = queue.pop() {
        if let UdpEvent::Arrive { index, .. } = ev {
            received.push(datagrams[index].payload.clone());
        }
        events.push((at, ev));
    }
    UdpRun {
        datagrams,
        events,
        received,
    }
}
