//! Practice problems at three levels, generated deterministically from a `u64` seed, with each
//! answer field checkable on its own and a step-by-step solution as data.
//!
//! - Level 1: the class and the special meanings of an address.
//! - Level 2: network, broadcast, first/last host, usable hosts and mask of an address/prefix.
//! - Level 3: same subnet or via gateway for two hosts, or a VLSM plan.
//!
//! Nothing here is text in a human language: the page renders fields and [`Step`]s in
//! zh-CN or English from their kinds and numbers. Level 2 uses prefixes /8 to /30 only (the
//! /31 and /32 special cases are taught in the lesson, not drilled).

mod generate;
pub mod rng;
mod solve;

use std::net::Ipv4Addr;

use crate::class::Class;
use crate::mask::Prefix;
use crate::reach::Delivery;
use crate::special::Special;
use crate::subnet::{Cidr, Network};

pub use solve::{Step, Who};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Class and special meaning.
    One,
    /// Network, broadcast, host range and count.
    Two,
    /// Same subnet or gateway, and VLSM.
    Three,
}

/// What a problem asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    Classify { addr: Ipv4Addr },
    Subnet { host: Cidr },
    Reach { a: Cidr, b: Cidr },
    Vlsm { network: Network, hosts: Vec<u32> },
}

/// One answer box of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The class (A-E): a choice.
    Class,
    /// Every special meaning (a set; [`Special::Public`] if none): a multiple choice.
    Specials,
    /// The subnet mask: a dotted mask or a prefix, compared as a prefix.
    Mask,
    NetworkAddress,
    Broadcast,
    FirstHost,
    LastHost,
    UsableHosts,
    /// Reach: A's network (A's address AND A's mask).
    NetworkOfA,
    /// Reach: B's address AND A's mask.
    NetworkOfBUnderMaskOfA,
    /// Reach: direct or via gateway, from A's point of view.
    Delivery,
    /// VLSM: the block for request `n` (input order), as CIDR text.
    VlsmBlock(usize),
}

/// A learner's (or the expected) answer to one field. The page parses text with
/// [`crate::parse`] first, so a typing mistake is reported as a [`crate::ParseError`], not as
/// a wrong answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Class(Class),
    Specials(Vec<Special>),
    Prefix(Prefix),
    Addr(Ipv4Addr),
    Count(u64),
    Delivery(Delivery),
    Block(Cidr),
}

/// A generated problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub seed: u64,
    pub task: Task,
}

impl Problem {
    /// The problem for this level and seed; always the same for the same pair.
    pub fn generate(level: Level, seed: u64) -> Problem {
        let task = generate::task(level, &mut rng::SplitMix64::new(seed));
        Problem { level, seed, task }
    }

    /// The answer boxes, in the order the page shows them.
    pub fn fields(&self) -> Vec<Field> {
        match &self.task {
            Task::Classify { .. } => vec![Field::Class, Field::Specials],
            Task::Subnet { host } => {
                let mut fields = vec![Field::Mask, Field::NetworkAddress];
                // /31 and /32 have no broadcast address to ask for.
                if host.network().broadcast().is_some() {
                    fields.push(Field::Broadcast);
                }
                fields.extend([Field::FirstHost, Field::LastHost, Field::UsableHosts]);
                fields
            }
            Task::Reach { .. } => vec![
                Field::NetworkOfA,
                Field::NetworkOfBUnderMaskOfA,
                Field::Delivery,
            ],
            Task::Vlsm { hosts, .. } => (0..hosts.len()).map(Field::VlsmBlock).collect(),
        }
    }

    /// The expected answer, `None` for a field this problem does not have.
    pub fn answer(&self, field: Field) -> Option<Answer> {
        solve::answer(&self.task, field)
    }

    /// Whether `given` is right for `field` (sets compare without order or duplicates).
    pub fn check(&self, field: Field, given: &Answer) -> bool {
        match (self.answer(field), given) {
            (Some(Answer::Specials(want)), Answer::Specials(got)) => {
                let mut got = got.clone();
                got.sort();
                got.dedup();
                want == got
            }
            (Some(want), got) => want == *got,
            (None, _) => false,
        }
    }

    /// Marks a VLSM plan by the rules, not against one placement: group `i`'s block is right
    /// when it is the smallest block that holds the group's hosts, starts on a multiple of
    /// its size (host bits 0), lies inside the network and overlaps no other block given.
    /// So two equal-sized groups may swap places. One mark per group; empty for other tasks.
    pub fn check_vlsm(&self, given: &[Option<Cidr>]) -> Vec<bool> {
        let Task::Vlsm { network, hosts } = &self.task else {
            return Vec::new();
        };
        let blocks: Vec<Option<Network>> = given
            .iter()
            .map(|c| c.and_then(|c| Network::new(c.addr(), c.prefix()).ok()))
            .collect();
        hosts
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let Some(Some(block)) = blocks.get(i).copied() else {
                    return false;
                };
                let fits = crate::vlsm::prefix_for_hosts(h) == Some(block.prefix());
                let inside = network.contains_network(block);
                let alone = blocks.iter().enumerate().all(|(j, other)| match other {
                    Some(o) if j != i => !o.contains_network(block) && !block.contains_network(*o),
                    _ => true,
                });
                fits && inside && alone
            })
            .collect()
    }

    /// The worked solution, step by step.
    pub fn solution(&self) -> Vec<Step> {
        solve::steps(&self.task)
    }
}

#[cfg(test)]
mod tests;
