//! Tests for practice problems: determinism, every field answerable and checkable, solutions
//! that agree with the answers, and hand-made tasks with known results.

use std::net::Ipv4Addr;

use super::*;
use crate::vlsm::vlsm;

fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
    Ipv4Addr::new(a, b, c, d)
}

fn cidr(s: &str) -> Cidr {
    s.parse().unwrap()
}

const LEVELS: [Level; 3] = [Level::One, Level::Two, Level::Three];

#[test]
fn same_seed_same_problem_different_seeds_vary() {
    for level in LEVELS {
        assert_eq!(Problem::generate(level, 99), Problem::generate(level, 99));
        let distinct: std::collections::HashSet<String> = (0..50)
            .map(|s| format!("{:?}", Problem::generate(level, s).task))
            .collect();
        assert!(
            distinct.len() > 40,
            "{level:?}: only {} distinct",
            distinct.len()
        );
    }
}

#[test]
fn every_field_has_an_answer_that_checks() {
    for level in LEVELS {
        for seed in 0..300 {
            let p = Problem::generate(level, seed);
            let fields = p.fields();
            assert!(!fields.is_empty());
            for f in fields {
                let a = p.answer(f).unwrap_or_else(|| panic!("{p:?} {f:?}"));
                assert!(p.check(f, &a));
            }
            assert!(!p.solution().is_empty());
        }
    }
}

#[test]
fn level_three_has_both_kinds_and_vlsm_always_fits() {
    let (mut reach, mut vl) = (0, 0);
    for seed in 0..200 {
        match Problem::generate(Level::Three, seed).task {
            Task::Reach { a, b } => {
                reach += 1;
                assert_ne!(a.addr(), b.addr());
                assert_eq!(a.role(), crate::AddrRole::Host);
                assert_eq!(b.role(), crate::AddrRole::Host);
            }
            Task::Vlsm { network, hosts } => {
                vl += 1;
                assert!((2..=4).contains(&hosts.len()), "{hosts:?}");
                assert!(vlsm(network, &hosts).is_ok());
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(reach > 50 && vl > 50);
}

#[test]
fn level_one_covers_every_meaning_and_class() {
    let mut seen = std::collections::HashSet::new();
    let mut classes = std::collections::HashSet::new();
    for seed in 0..2000 {
        let p = Problem::generate(Level::One, seed);
        let Task::Classify { addr } = p.task else {
            panic!("{p:?}")
        };
        seen.extend(crate::special::specials(addr));
        classes.insert(Class::of(addr));
    }
    assert_eq!(seen.len(), Special::ALL.len());
    assert_eq!(classes.len(), 5);
}

#[test]
fn level_two_prefixes_stay_in_range() {
    for seed in 0..300 {
        let Task::Subnet { host } = Problem::generate(Level::Two, seed).task else {
            panic!()
        };
        assert!((8..=30).contains(&host.prefix().len()));
        let first = host.addr().octets()[0];
        assert!((1..=223).contains(&first) && first != 127);
    }
}

#[test]
fn subnet_fields_and_solution_for_the_lesson_example() {
    let p = Problem {
        level: Level::Two,
        seed: 0,
        task: Task::Subnet {
            host: cidr("192.168.1.77/26"),
        },
    };
    assert_eq!(
        p.answer(Field::NetworkAddress),
        Some(Answer::Addr(ip(192, 168, 1, 64)))
    );
    assert!(p.check(Field::Broadcast, &Answer::Addr(ip(192, 168, 1, 127))));
    assert!(!p.check(Field::Broadcast, &Answer::Addr(ip(192, 168, 1, 255))));
    assert!(p.check(Field::FirstHost, &Answer::Addr(ip(192, 168, 1, 65))));
    assert!(p.check(Field::LastHost, &Answer::Addr(ip(192, 168, 1, 126))));
    assert!(p.check(Field::UsableHosts, &Answer::Count(62)));
    assert!(!p.check(Field::UsableHosts, &Answer::Count(64)));
    let mask = crate::parse_prefix_or_mask("255.255.255.192").unwrap();
    assert!(p.check(Field::Mask, &Answer::Prefix(mask)));
    // A right value in the wrong kind of answer is wrong, and foreign fields have no answer.
    assert!(!p.check(Field::UsableHosts, &Answer::Addr(ip(0, 0, 0, 62))));
    assert!(!p.check(Field::Delivery, &Answer::Delivery(Delivery::Direct)));
    let steps = p.solution();
    assert_eq!(
        steps[1],
        Step::AndWithMask {
            addr_of: Who::Given,
            mask_of: Who::Given,
            addr: ip(192, 168, 1, 77),
            mask: ip(255, 255, 255, 192),
            network: ip(192, 168, 1, 64),
        }
    );
    assert_eq!(
        steps.last(),
        Some(&Step::CountHosts {
            host_bits: 6,
            total: 64,
            usable: 62
        })
    );
}

#[test]
fn subnet_slash_31_asks_no_broadcast() {
    let p = Problem {
        level: Level::Two,
        seed: 0,
        task: Task::Subnet {
            host: cidr("10.0.0.1/31"),
        },
    };
    assert!(!p.fields().contains(&Field::Broadcast));
    assert_eq!(p.answer(Field::Broadcast), None);
    assert_eq!(p.answer(Field::UsableHosts), Some(Answer::Count(2)));
    assert!(
        !p.solution()
            .iter()
            .any(|s| matches!(s, Step::FirstHost { .. }))
    );
}

#[test]
fn classify_checks_sets_in_any_order() {
    let p = Problem {
        level: Level::One,
        seed: 0,
        task: Task::Classify {
            addr: Ipv4Addr::UNSPECIFIED,
        },
    };
    assert!(p.check(Field::Class, &Answer::Class(Class::A)));
    let both = vec![Special::ThisNetwork, Special::ThisHost, Special::ThisHost];
    assert!(p.check(Field::Specials, &Answer::Specials(both)));
    assert!(!p.check(Field::Specials, &Answer::Specials(vec![Special::ThisHost])));
    let steps = p.solution();
    assert_eq!(steps[0], Step::FirstOctetInBinary { first_octet: 0 });
    assert!(steps.contains(&Step::InsideSpecialBlock {
        special: Special::ThisNetwork,
        block: Special::ThisNetwork.blocks()[0],
    }));

    let public = Problem {
        task: Task::Classify {
            addr: ip(8, 8, 8, 8),
        },
        ..p
    };
    assert!(public.check(Field::Specials, &Answer::Specials(vec![Special::Public])));
    assert_eq!(public.solution().last(), Some(&Step::NoSpecialBlock));
}

#[test]
fn reach_answers_and_steps() {
    let p = Problem {
        level: Level::Three,
        seed: 0,
        task: Task::Reach {
            a: cidr("192.168.1.1/24"),
            b: cidr("192.168.2.2/24"),
        },
    };
    assert!(p.check(Field::Delivery, &Answer::Delivery(Delivery::ViaGateway)));
    assert!(!p.check(Field::Delivery, &Answer::Delivery(Delivery::Direct)));
    assert!(p.check(Field::NetworkOfA, &Answer::Addr(ip(192, 168, 1, 0))));
    assert!(p.check(
        Field::NetworkOfBUnderMaskOfA,
        &Answer::Addr(ip(192, 168, 2, 0))
    ));
    let steps = p.solution();
    assert_eq!(
        steps[2],
        Step::CompareNetworks {
            viewer: Who::A,
            own: ip(192, 168, 1, 0),
            other: ip(192, 168, 2, 0),
            delivery: Delivery::ViaGateway,
        }
    );
    assert_eq!(steps.last(), Some(&Step::BothAgree { agree: true }));
}

#[test]
fn vlsm_answers_and_steps() {
    let p = Problem {
        level: Level::Three,
        seed: 0,
        task: Task::Vlsm {
            network: cidr("192.168.1.0/24").network(),
            hosts: vec![20, 100],
        },
    };
    assert_eq!(p.fields(), [Field::VlsmBlock(0), Field::VlsmBlock(1)]);
    assert!(p.check(Field::VlsmBlock(1), &Answer::Block(cidr("192.168.1.0/25"))));
    assert!(p.check(
        Field::VlsmBlock(0),
        &Answer::Block(cidr("192.168.1.128/27"))
    ));
    // Host bits set: the right size, but not a block's name.
    assert!(!p.check(
        Field::VlsmBlock(0),
        &Answer::Block(cidr("192.168.1.129/27"))
    ));
    assert_eq!(p.answer(Field::VlsmBlock(2)), None);
    let steps = p.solution();
    assert_eq!(
        steps[0],
        Step::BlockForHosts {
            index: 0,
            hosts: 20,
            addresses_needed: 22,
            block_size: 32,
            prefix: Prefix::new(27).unwrap(),
        }
    );
    assert!(steps.contains(&Step::SortLargestFirst { order: vec![1, 0] }));
    assert!(matches!(steps.last(), Some(Step::FreeLeft { free }) if free.len() == 2));
}

#[test]
fn solutions_agree_with_answers() {
    // The last AND step of a level 2 solution is the expected network, and the last compare
    // step's decision for A is the expected delivery.
    for seed in 0..200 {
        let p = Problem::generate(Level::Two, seed);
        let net = p.solution().iter().find_map(|s| match s {
            Step::AndWithMask { network, .. } => Some(*network),
            _ => None,
        });
        assert_eq!(net.map(Answer::Addr), p.answer(Field::NetworkAddress));
        let p = Problem::generate(Level::Three, seed);
        if let Task::Reach { .. } = p.task {
            let d = p.solution().iter().find_map(|s| match s {
                Step::CompareNetworks {
                    viewer: Who::A,
                    delivery,
                    ..
                } => Some(*delivery),
                _ => None,
            });
            assert_eq!(d.map(Answer::Delivery), p.answer(Field::Delivery));
        }
    }
}

#[test]
fn vlsm_plans_are_marked_by_the_rules_so_equal_blocks_may_swap() {
    let p = Problem {
        level: Level::Three,
        seed: 0,
        task: Task::Vlsm {
            network: "192.168.1.0/24"
                .parse::<Cidr>()
                .map(|c| c.network())
                .unwrap(),
            hosts: vec![50, 50, 20],
        },
    };
    let marks = |blocks: &[&str]| {
        let given: Vec<Option<Cidr>> = blocks.iter().map(|b| b.parse().ok()).collect();
        p.check_vlsm(&given)
    };
    // The textbook placement, and the two /26 groups swapped: both right.
    assert_eq!(
        marks(&["192.168.1.0/26", "192.168.1.64/26", "192.168.1.128/27"]),
        [true; 3]
    );
    assert_eq!(
        marks(&["192.168.1.64/26", "192.168.1.0/26", "192.168.1.128/27"]),
        [true; 3]
    );
    // Also right: the /27 placed anywhere free and aligned.
    assert_eq!(
        marks(&["192.168.1.0/26", "192.168.1.64/26", "192.168.1.224/27"]),
        [true; 3]
    );
    // Overlapping blocks: both wrong. Too big, misaligned, outside: wrong.
    assert_eq!(
        marks(&["192.168.1.0/26", "192.168.1.0/26", "192.168.1.128/27"]),
        [false, false, true]
    );
    assert_eq!(
        marks(&["192.168.1.0/25", "192.168.1.128/26", "192.168.1.192/27"]),
        [false, true, true]
    );
    assert_eq!(
        marks(&["192.168.1.32/26", "192.168.1.128/26", "192.168.1.192/27"]),
        [false, true, true]
    );
    assert_eq!(
        marks(&["192.168.2.0/26", "192.168.1.64/26", "192.168.1.128/27"]),
        [false, true, true]
    );
    // A missing answer is wrong, and does not spoil the others.
    assert_eq!(
        marks(&["", "192.168.1.64/26", "192.168.1.128/27"]),
        [false, true, true]
    );
}
