//! Property tests against the `ipnet` crate as an independent oracle: network, broadcast,
//! host range and count, masks, equal splits, same-subnet decisions, and VLSM plans that tile
//! the parent network exactly.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use netmath::bits::{Part, bit_view};
use netmath::vlsm::prefix_for_hosts;
use netmath::{
    AddrRole, Cidr, Delivery, Network, Prefix, SplitError, VlsmError, and_bits, equal_split, reach,
    vlsm,
};
use proptest::prelude::*;

fn cidr() -> impl Strategy<Value = Cidr> {
    (any::<u32>(), 0u8..=32)
        .prop_map(|(a, p)| Cidr::new(Ipv4Addr::from_bits(a), Prefix::new(p).unwrap()))
}

fn oracle(c: Cidr) -> Ipv4Net {
    Ipv4Net::new(c.addr(), c.prefix().len()).unwrap()
}

fn as_ipnet(n: Network) -> Ipv4Net {
    Ipv4Net::new(n.addr(), n.prefix().len()).unwrap()
}

proptest! {
    #[test]
    fn subnet_math_matches_ipnet(c in cidr()) {
        let net = c.network();
        let o = oracle(c);
        prop_assert_eq!(net.addr(), o.network());
        prop_assert_eq!(net.last_addr(), o.broadcast());
        prop_assert_eq!(net.mask(), o.netmask());
        prop_assert_eq!(net.wildcard(), o.hostmask());
        if c.prefix().len() <= 30 {
            prop_assert_eq!(net.broadcast(), Some(o.broadcast()));
        } else {
            prop_assert_eq!(net.broadcast(), None);
        }
        let mut hosts = o.hosts();
        prop_assert_eq!(net.usable_hosts(), o.hosts().count() as u64);
        prop_assert_eq!(Some(net.first_host()), hosts.next());
        prop_assert_eq!(Some(net.last_host()), o.hosts().next_back());
        prop_assert_eq!(net.total_addresses(), u64::from(u32::from(o.hostmask())) + 1);
        prop_assert!(o.contains(&c.addr()));
        prop_assert!(net.contains(c.addr()));
        // The role agrees with ipnet's host range.
        let in_hosts = o.hosts().next().is_some_and(|f| f <= c.addr())
            && o.hosts().next_back().is_some_and(|l| c.addr() <= l);
        prop_assert_eq!(c.role() == AddrRole::Host, in_hosts);
    }

    #[test]
    fn and_bits_and_bit_view_match(c in cidr()) {
        let bits = and_bits(c.addr(), c.prefix());
        let rebuild = |f: fn(&netmath::AndBit) -> bool| {
            bits.iter().fold(0u32, |acc, b| (acc << 1) | u32::from(f(b)))
        };
        prop_assert_eq!(Ipv4Addr::from_bits(rebuild(|b| b.result)), oracle(c).network());
        prop_assert_eq!(Ipv4Addr::from_bits(rebuild(|b| b.mask)), oracle(c).netmask());
        prop_assert_eq!(Ipv4Addr::from_bits(rebuild(|b| b.addr)), c.addr());
        let view = bit_view(c.addr(), c.prefix());
        let network_bits = view.iter().filter(|b| b.part == Part::Network).count();
        prop_assert_eq!(network_bits, usize::from(c.prefix().len()));
        let value = view.iter().fold(0u32, |acc, b| (acc << 1) | u32::from(b.value));
        prop_assert_eq!(value, c.addr().to_bits());
    }

    #[test]
    fn membership_matches_ipnet(c in cidr(), other in any::<u32>()) {
        let other = Ipv4Addr::from_bits(other);
        prop_assert_eq!(c.network().contains(other), oracle(c).contains(&other));
    }

    #[test]
    fn same_subnet_matches_ipnet_contains(a in cidr(), b in cidr(), near in any::<bool>()) {
        // Half the time put B close to A, so "direct" comes up often.
        let b = if near {
            Cidr::new(Ipv4Addr::from_bits(a.addr().to_bits() ^ (b.addr().to_bits() & 0x3FF)),
                b.prefix())
        } else {
            b
        };
        let r = reach(a, b);
        let direct = |d: Delivery| d == Delivery::Direct;
        prop_assert_eq!(direct(r.from_a.delivery), oracle(a).contains(&b.addr()));
        prop_assert_eq!(direct(r.from_b.delivery), oracle(b).contains(&a.addr()));
        prop_assert_eq!(r.from_a.own_network, oracle(a).network());
        prop_assert_eq!(r.from_a.other_network, Ipv4Net::new(b.addr(), a.prefix().len()).unwrap().network());
        prop_assert_eq!(r.agree(), r.from_a.delivery == r.from_b.delivery);
    }

    #[test]
    fn equal_split_matches_ipnet_subnets(c in cidr(), n in prop_oneof![1u64..=64, 1u64..=5000, any::<u64>()]) {
        let parent = c.network();
        let o = oracle(c);
        let borrowed = n.checked_next_power_of_two().map(u64::trailing_zeros);
        let new_len = borrowed.map(|b| u32::from(c.prefix().len()) + b);
        match (equal_split(parent, n), new_len.filter(|&l| l <= 32)) {
            (Ok(s), Some(len)) => {
                prop_assert_eq!(u32::from(s.new_prefix().len()), len);
                prop_assert_eq!(s.rounded_up(), !n.is_power_of_two());
                prop_assert!(s.count() >= n && s.count() / 2 < n);
                let expected = o.subnets(len as u8).unwrap();
                if s.count() <= 4096 {
                    let ours: Vec<Ipv4Net> = s.subnets().map(as_ipnet).collect();
                    prop_assert_eq!(ours, expected.collect::<Vec<_>>());
                } else {
                    prop_assert_eq!(s.subnet(0).map(as_ipnet), o.subnets(len as u8).unwrap().next());
                    prop_assert_eq!(s.subnet(s.count() - 1).map(as_ipnet), expected.last());
                }
            }
            (Err(SplitError::TooManySubnets { requested, max }), None) => {
                prop_assert_eq!(requested, n);
                prop_assert_eq!(max, parent.total_addresses());
                prop_assert!(n > max);
            }
            (got, want) => prop_assert!(false, "{:?} vs new prefix {:?}", got, want),
        }
    }

    #[test]
    fn vlsm_plans_tile_the_parent(
        base in any::<u32>(),
        len in 16u8..=28,
        hosts in proptest::collection::vec(1u32..=300, 1..7),
    ) {
        let parent = Network::containing(Ipv4Addr::from_bits(base), Prefix::new(len).unwrap());
        let needed: u64 = hosts.iter().map(|&h| prefix_for_hosts(h).unwrap().block_size()).sum();
        match vlsm(parent, &hosts) {
            Ok(plan) => {
                prop_assert!(needed <= parent.total_addresses());
                prop_assert_eq!(plan.allocations.len(), hosts.len());
                let mut seen: Vec<usize> = plan.allocations.iter().map(|a| a.index).collect();
                seen.sort_unstable();
                prop_assert_eq!(seen, (0..hosts.len()).collect::<Vec<_>>());
                for a in &plan.allocations {
                    prop_assert_eq!(a.hosts, hosts[a.index]);
                    // Big enough, and half the size would not be.
                    prop_assert!(a.network.usable_hosts() >= u64::from(a.hosts));
                    prop_assert!(a.network.total_addresses() / 2 < u64::from(a.hosts) + 2);
                    prop_assert!(as_ipnet(parent).contains(&as_ipnet(a.network)));
                }
                // Allocations and free blocks together are the parent, with no overlap.
                let all: Vec<Ipv4Net> = plan.allocations.iter().map(|a| a.network)
                    .chain(plan.free.iter().copied()).map(as_ipnet).collect();
                let total: u64 = plan.allocations.iter().map(|a| a.network.total_addresses())
                    .chain(plan.free.iter().map(|n| n.total_addresses())).sum();
                prop_assert_eq!(total, parent.total_addresses());
                prop_assert_eq!(Ipv4Net::aggregate(&all), vec![as_ipnet(parent)]);
                // Free blocks are as few as possible: ipnet cannot merge them further.
                let free: Vec<Ipv4Net> = plan.free.iter().copied().map(as_ipnet).collect();
                prop_assert_eq!(Ipv4Net::aggregate(&free).len(), free.len());
            }
            Err(VlsmError::DoesNotFit { needed: n, available }) => {
                prop_assert_eq!(n, needed);
                prop_assert_eq!(available, parent.total_addresses());
                prop_assert!(needed > available);
            }
            Err(e) => prop_assert!(false, "{:?}", e),
        }
    }
}
