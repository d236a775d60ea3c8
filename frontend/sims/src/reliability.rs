//! The reliability simulation: two hosts joined by a lossy link ([`link`]), TCP over it
//! ([`tcp`]) and UDP over the same link ([`udp`]). Pure and deterministic: no clock, no
//! browser, a seeded generator of its own ([`rng`]); a run is a timeline of events the page
//! steps through, forward and back.

pub mod goals;
pub mod link;
pub mod rng;
pub mod segment;
pub mod tcp;
pub mod udp;

#[cfg(test)]
mod tests;

pub use link::{Fate, Fault, LinkConfig};
pub use segment::Segment;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Client,
    Server,
}

/// One transmission on the link (a segment leaving a host, or the link's duplicate of one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tx {
    pub id: usize,
    pub from: Side,
    pub seg: Segment,
    pub sent_at: u32,
    /// None: lost.
    pub arrive_at: Option<u32>,
    pub fate: Fate,
    /// Sent again by the retransmission timer.
    pub retransmit: bool,
    /// The transmission this is the link's extra copy of.
    pub copy_of: Option<usize>,
    /// What arrived when the link corrupted it.
    pub arrived: Option<Segment>,
}

/// An event at a time (milliseconds), with the numbers after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamped<E, S> {
    pub at: u32,
    pub event: E,
    pub snap: S,
}
