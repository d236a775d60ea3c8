//! Making practice tasks from the seeded generator: addresses that exercise the interesting
//! cases (special blocks, subnet edges, neighbouring subnets) more often than chance would.

use std::net::Ipv4Addr;

use super::rng::SplitMix64;
use super::{Level, Task};
use crate::mask::Prefix;
use crate::special::Special;
use crate::subnet::{Cidr, Network};

pub(super) fn task(level: Level, rng: &mut SplitMix64) -> Task {
    match level {
        Level::One => Task::Classify {
            addr: classify_addr(rng),
        },
        Level::Two => Task::Subnet {
            host: Cidr::new(unicast_addr(rng), prefix(rng, 8, 30)),
        },
        Level::Three => {
            if rng.one_in(2) {
                reach(rng)
            } else {
                vlsm(rng)
            }
        }
    }
}

fn prefix(rng: &mut SplitMix64, lo: u8, hi: u8) -> Prefix {
    let len = rng.between(u64::from(lo), u64::from(hi)) as u8;
    Prefix::new(len).unwrap_or(Prefix::MAX)
}

/// A random address inside `net`.
fn addr_in(rng: &mut SplitMix64, net: Network) -> Ipv4Addr {
    let offset = rng.below(net.total_addresses()) as u32;
    Ipv4Addr::from_bits(net.addr().to_bits() | offset)
}

/// Half the time from a special block, so every meaning comes up; else anywhere.
fn classify_addr(rng: &mut SplitMix64) -> Ipv4Addr {
    if rng.one_in(2) {
        return Ipv4Addr::from_bits(rng.next_u32());
    }
    let special = rng.pick(&Special::ALL[..Special::ALL.len() - 1]);
    let block = rng.pick(special.blocks());
    addr_in(rng, block)
}

/// An address a host could have: class A, B or C, not 0.x or 127.x.
fn unicast_addr(rng: &mut SplitMix64) -> Ipv4Addr {
    let first = loop {
        let f = rng.between(1, 223) as u8;
        if f != 127 {
            break f;
        }
    };
    Ipv4Addr::from_bits((u32::from(first) << 24) | (rng.next_u32() >> 8))
}

/// A usable host address of `net` (a /30 or larger).
fn host_in(rng: &mut SplitMix64, net: Network) -> Ipv4Addr {
    let offset = rng.between(1, net.total_addresses() - 2) as u32;
    Ipv4Addr::from_bits(net.addr().to_bits() | offset)
}

fn private_net(rng: &mut SplitMix64, len: Prefix) -> Network {
    let block = rng.pick(Special::Private.blocks());
    Network::containing(addr_in(rng, block), len)
}

/// Two hosts with the same mask, half the time in the same subnet, else in a neighbouring one
/// (they differ in a network bit close to the boundary, which is what makes it tricky).
fn reach(rng: &mut SplitMix64) -> Task {
    let len = prefix(rng, 16, 30);
    let net_a = private_net(rng, len);
    let a = host_in(rng, net_a);
    let net_b = if rng.one_in(2) {
        net_a
    } else {
        // Flip one of the last (up to) eight network bits.
        let bit = rng.below(u64::from(len.len().min(8))) as u8 + len.host_bits();
        Network::containing(
            Ipv4Addr::from_bits(net_a.addr().to_bits() ^ (1 << bit)),
            len,
        )
    };
    let b = loop {
        let b = host_in(rng, net_b);
        if b != a {
            break b;
        }
    };
    Task::Reach {
        a: Cidr::new(a, len),
        b: Cidr::new(b, len),
    }
}

/// A /24 to /22 and two to four host counts whose blocks fit (some space may be left).
fn vlsm(rng: &mut SplitMix64) -> Task {
    let len = prefix(rng, 22, 24);
    let network = private_net(rng, len);
    let count = rng.between(2, 4);
    let mut free = network.total_addresses();
    let mut hosts = Vec::new();
    for _ in 0..count {
        // Pick a block size that still fits, at most half the network, at least a /30.
        let room = free.min(network.total_addresses() / 2);
        if room < 4 {
            break;
        }
        let largest = room.ilog2();
        let bits = rng.between(2, u64::from(largest)) as u32;
        let size = 1u64 << bits;
        // Hosts for which this block is the smallest that fits: size/2 - 1 ..= size - 2.
        let h = rng.between((size / 2).saturating_sub(1).max(1), size - 2);
        hosts.push(h as u32);
        free -= size;
    }
    Task::Vlsm { network, hosts }
}
