//! The lossy link between the two hosts: what happens to each transmission. Every
//! transmission draws the same four random numbers whatever its fate, so a fault set by hand
//! on transmission 5 leaves the fates of all the others as they were.

use super::rng::Rng;

/// Chances in percent, and the one-way delay in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkConfig {
    pub loss: u8,
    pub duplicate: u8,
    pub reorder: u8,
    pub corrupt: u8,
    pub delay: u32,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            loss: 0,
            duplicate: 0,
            reorder: 0,
            corrupt: 0,
            delay: 100,
        }
    }
}

/// What the link does to one transmission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fate {
    Delivered,
    Lost,
    Duplicated,
    /// Held back so later transmissions overtake it.
    Delayed,
    Corrupted,
}

impl Fate {
    pub fn key(self) -> &'static str {
        match self {
            Fate::Delivered => "delivered",
            Fate::Lost => "lost",
            Fate::Duplicated => "duplicated",
            Fate::Delayed => "delayed",
            Fate::Corrupted => "corrupted",
        }
    }

    pub const FAULTS: [Fate; 4] = [Fate::Lost, Fate::Duplicated, Fate::Delayed, Fate::Corrupted];
}

/// A fault set by hand: transmission number `tx` (1-based, in the order they leave) gets `fate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    pub tx: usize,
    pub fate: Fate,
}

pub struct Link {
    pub cfg: LinkConfig,
    rng: Rng,
    faults: Vec<Fault>,
}

impl Link {
    pub fn new(cfg: LinkConfig, seed: u64, faults: &[Fault]) -> Link {
        Link {
            cfg,
            rng: Rng::new(seed),
            faults: faults.to_vec(),
        }
    }

    /// The fate of transmission `n` (1-based).
    pub fn fate(&mut self, n: usize) -> Fate {
        let draws = [
            self.rng.percent(),
            self.rng.percent(),
            self.rng.percent(),
            self.rng.percent(),
        ];
        if let Some(f) = self.faults.iter().rev().find(|f| f.tx == n) {
            return f.fate;
        }
        let c = &self.cfg;
        if draws[0] < c.loss {
            Fate::Lost
        } else if draws[1] < c.corrupt {
            Fate::Corrupted
        } else if draws[2] < c.reorder {
            Fate::Delayed
        } else if draws[3] < c.duplicate {
            Fate::Duplicated
        } else {
            Fate::Delivered
        }
    }

    /// When a transmission sent at `now` with this fate arrives (None: never); the second
    /// time is the duplicate's.
    pub fn arrivals(&self, now: u32, fate: Fate) -> (Option<u32>, Option<u32>) {
        let d = self.cfg.delay.max(1);
        match fate {
            Fate::Lost => (None, None),
            Fate::Delivered | Fate::Corrupted => (Some(now + d), None),
            Fate::Delayed => (Some(now + d + d + d / 2), None),
            Fate::Duplicated => (Some(now + d), Some(now + d + d / 4 + 1)),
        }
    }

    /// Where a lost transmission disappears (half way, for the picture).
    pub fn lost_at(&self, now: u32) -> u32 {
        now + self.cfg.delay.max(1) / 2
    }

    /// The next random number, for initial sequence numbers and ports.
    pub fn random(&mut self) -> u32 {
        self.rng.next_u32()
    }
}
