//! Expected answers and worked solutions for practice tasks. A solution is a list of [`Step`]s:
//! kinds and numbers, which the page turns into sentences in the learner's language.

use std::net::Ipv4Addr;

use super::{Answer, Field, Task};
use crate::class::{Class, LeadingBits};
use crate::mask::Prefix;
use crate::reach::{Delivery, reach};
use crate::special::{Special, specials};
use crate::subnet::{Cidr, Network};
use crate::vlsm::{prefix_for_hosts, vlsm};

/// Whose address or mask a step uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Who {
    /// The one address of a level 1 or 2 task.
    Given,
    A,
    B,
}

/// One step of a worked solution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Write the first octet in binary (the page shows `first_octet` as eight bits).
    FirstOctetInBinary { first_octet: u8 },
    /// The leading bits `bits` say the class is `class`.
    LeadingBitsGiveClass { bits: LeadingBits, class: Class },
    /// The address lies inside `block`, which has the meaning `special`.
    InsideSpecialBlock { special: Special, block: Network },
    /// No special block holds the address, so it is public.
    NoSpecialBlock,
    /// /n means n one bits: the mask.
    PrefixToMask { prefix: Prefix, mask: Ipv4Addr },
    /// `addr AND mask = network`; `addr_of`/`mask_of` say whose address and mask.
    AndWithMask {
        addr_of: Who,
        mask_of: Who,
        addr: Ipv4Addr,
        mask: Ipv4Addr,
        network: Ipv4Addr,
    },
    /// Invert the mask to get the wildcard (the host bits).
    InvertMask { mask: Ipv4Addr, wildcard: Ipv4Addr },
    /// `network OR wildcard = broadcast` (host bits all ones).
    OrWithWildcard {
        network: Ipv4Addr,
        wildcard: Ipv4Addr,
        broadcast: Ipv4Addr,
    },
    /// The first host is the network address + 1.
    FirstHost {
        network: Ipv4Addr,
        first_host: Ipv4Addr,
    },
    /// The last host is the broadcast address - 1.
    LastHost {
        broadcast: Ipv4Addr,
        last_host: Ipv4Addr,
    },
    /// `2^host_bits = total` addresses, minus network and broadcast `= usable`.
    CountHosts {
        host_bits: u8,
        total: u64,
        usable: u64,
    },
    /// `viewer` compares its own network with the other host's under its own mask.
    CompareNetworks {
        viewer: Who,
        own: Ipv4Addr,
        other: Ipv4Addr,
        delivery: Delivery,
    },
    /// Whether both hosts decide the same way.
    BothAgree { agree: bool },
    /// Request `index` needs `hosts + 2` addresses: the smallest power of two is `block_size`,
    /// so its prefix is `prefix`.
    BlockForHosts {
        index: usize,
        hosts: u32,
        addresses_needed: u64,
        block_size: u64,
        prefix: Prefix,
    },
    /// Hand out blocks largest first (request indices in that order), so each is aligned.
    SortLargestFirst { order: Vec<usize> },
    /// Request `index` gets `network`: the next free aligned block.
    Allocate { index: usize, network: Network },
    /// What is left of the network.
    FreeLeft { free: Vec<Network> },
}

pub(super) fn answer(task: &Task, field: Field) -> Option<Answer> {
    match (task, field) {
        (Task::Classify { addr }, Field::Class) => Some(Answer::Class(Class::of(*addr))),
        (Task::Classify { addr }, Field::Specials) => Some(Answer::Specials(specials(*addr))),
        (Task::Subnet { host }, _) => subnet_answer(host.network(), field),
        (Task::Reach { a, b }, _) => {
            let r = reach(*a, *b);
            match field {
                Field::NetworkOfA => Some(Answer::Addr(r.from_a.own_network)),
                Field::NetworkOfBUnderMaskOfA => Some(Answer::Addr(r.from_a.other_network)),
                Field::Delivery => Some(Answer::Delivery(r.from_a.delivery)),
                _ => None,
            }
        }
        (Task::Vlsm { network, hosts }, Field::VlsmBlock(i)) => {
            let plan = vlsm(*network, hosts).ok()?;
            let a = plan.allocations.iter().find(|a| a.index == i)?;
            Some(Answer::Block(Cidr::new(
                a.network.addr(),
                a.network.prefix(),
            )))
        }
        _ => None,
    }
}

fn subnet_answer(net: Network, field: Field) -> Option<Answer> {
    Some(match field {
        Field::Mask => Answer::Prefix(net.prefix()),
        Field::NetworkAddress => Answer::Addr(net.addr()),
        Field::Broadcast => Answer::Addr(net.broadcast()?),
        Field::FirstHost => Answer::Addr(net.first_host()),
        Field::LastHost => Answer::Addr(net.last_host()),
        Field::UsableHosts => Answer::Count(net.usable_hosts()),
        _ => return None,
    })
}

pub(super) fn steps(task: &Task) -> Vec<Step> {
    match task {
        Task::Classify { addr } => classify_steps(*addr),
        Task::Subnet { host } => subnet_steps(*host),
        Task::Reach { a, b } => reach_steps(*a, *b),
        Task::Vlsm { network, hosts } => vlsm_steps(*network, hosts),
    }
}

fn classify_steps(addr: Ipv4Addr) -> Vec<Step> {
    let class = Class::of(addr);
    let mut out = vec![
        Step::FirstOctetInBinary {
            first_octet: addr.octets()[0],
        },
        Step::LeadingBitsGiveClass {
            bits: class.leading_bits(),
            class,
        },
    ];
    for special in specials(addr) {
        out.push(match special.block_containing(addr) {
            Some(block) => Step::InsideSpecialBlock { special, block },
            None => Step::NoSpecialBlock,
        });
    }
    out
}

fn subnet_steps(host: Cidr) -> Vec<Step> {
    let net = host.network();
    let prefix = host.prefix();
    let mut out = vec![
        Step::PrefixToMask {
            prefix,
            mask: prefix.mask(),
        },
        Step::AndWithMask {
            addr_of: Who::Given,
            mask_of: Who::Given,
            addr: host.addr(),
            mask: prefix.mask(),
            network: net.addr(),
        },
        Step::InvertMask {
            mask: prefix.mask(),
            wildcard: prefix.wildcard(),
        },
        Step::OrWithWildcard {
            network: net.addr(),
            wildcard: prefix.wildcard(),
            broadcast: net.last_addr(),
        },
    ];
    // /31 and /32 have no network or broadcast address to step over.
    if net.broadcast().is_some() {
        out.push(Step::FirstHost {
            network: net.addr(),
            first_host: net.first_host(),
        });
        out.push(Step::LastHost {
            broadcast: net.last_addr(),
            last_host: net.last_host(),
        });
    }
    out.push(Step::CountHosts {
        host_bits: prefix.host_bits(),
        total: net.total_addresses(),
        usable: net.usable_hosts(),
    });
    out
}

fn and_step(addr_of: Who, addr: Ipv4Addr, mask_of: Who, prefix: Prefix) -> Step {
    Step::AndWithMask {
        addr_of,
        mask_of,
        addr,
        mask: prefix.mask(),
        network: Network::containing(addr, prefix).addr(),
    }
}

fn reach_steps(a: Cidr, b: Cidr) -> Vec<Step> {
    let r = reach(a, b);
    vec![
        and_step(Who::A, a.addr(), Who::A, a.prefix()),
        and_step(Who::B, b.addr(), Who::A, a.prefix()),
        Step::CompareNetworks {
            viewer: Who::A,
            own: r.from_a.own_network,
            other: r.from_a.other_network,
            delivery: r.from_a.delivery,
        },
        and_step(Who::B, b.addr(), Who::B, b.prefix()),
        and_step(Who::A, a.addr(), Who::B, b.prefix()),
        Step::CompareNetworks {
            viewer: Who::B,
            own: r.from_b.own_network,
            other: r.from_b.other_network,
            delivery: r.from_b.delivery,
        },
        Step::BothAgree { agree: r.agree() },
    ]
}

fn vlsm_steps(network: Network, hosts: &[u32]) -> Vec<Step> {
    let mut out: Vec<Step> = hosts
        .iter()
        .enumerate()
        .filter_map(|(index, &h)| {
            let prefix = prefix_for_hosts(h)?;
            Some(Step::BlockForHosts {
                index,
                hosts: h,
                addresses_needed: u64::from(h) + 2,
                block_size: prefix.block_size(),
                prefix,
            })
        })
        .collect();
    // A task built by hand may not fit; its solution then stops after the block sizes.
    let Ok(plan) = vlsm(network, hosts) else {
        return out;
    };
    out.push(Step::SortLargestFirst {
        order: plan.allocations.iter().map(|a| a.index).collect(),
    });
    out.extend(plan.allocations.iter().map(|a| Step::Allocate {
        index: a.index,
        network: a.network,
    }));
    out.push(Step::FreeLeft { free: plan.free });
    out
}
