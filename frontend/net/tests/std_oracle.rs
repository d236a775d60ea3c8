//! Property tests against the standard library as an independent oracle: the address parser
//! accepts exactly what `Ipv4Addr::from_str` accepts, formatting roundtrips, and special
//! meanings agree with std's classification methods.
//!
//! Stable in Rust 1.95 and used here: `is_unspecified`, `is_loopback`, `is_private`,
//! `is_link_local`, `is_multicast`, `is_broadcast`, `is_documentation`. Still unstable
//! (feature `ip`), so not usable as oracles: `is_shared`, `is_benchmarking`, `is_reserved`,
//! `is_global`; those meanings are covered by fixed edge cases in `special.rs`.

use std::net::Ipv4Addr;

use netmath::{
    ParseError, Prefix, Special, parse_addr, parse_cidr, parse_mask, parse_prefix,
    parse_prefix_or_mask, specials,
};
use proptest::prelude::*;

/// Addresses near the edges of every special block, plus uniformly random ones.
fn interesting_addr() -> impl Strategy<Value = Ipv4Addr> {
    let edges: Vec<u32> = Special::ALL
        .iter()
        .flat_map(|s| s.blocks())
        .flat_map(|n| [n.addr().to_bits(), n.last_addr().to_bits()])
        .collect();
    prop_oneof![
        any::<u32>().prop_map(Ipv4Addr::from_bits),
        (proptest::sample::select(edges), -3i64..=3).prop_map(|(edge, d)| {
            Ipv4Addr::from_bits((i64::from(edge) + d).clamp(0, i64::from(u32::MAX)) as u32)
        }),
    ]
}

/// Strings that look like addresses often: digits, dots and a few troublemakers.
fn address_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.]{0,18}",
        "[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}",
        "(25[0-9]|0[0-9]{0,2}|[1-9][0-9]?)(\\.(25[0-9]|0[0-9]{0,2}|[1-9][0-9]?)){2,4}",
        "[0-9. a+\\-/\u{FF11}\u{3000}]{0,16}",
        any::<String>(),
    ]
}

/// A character-position error must point at that character in the input.
fn check_position(input: &str, err: ParseError) {
    let chars: Vec<char> = input.chars().collect();
    match err {
        ParseError::Whitespace { pos, ch }
        | ParseError::FullWidth { pos, ch }
        | ParseError::UnexpectedChar { pos, ch } => assert_eq!(chars.get(pos), Some(&ch)),
        ParseError::EmptyOctet { pos, .. } | ParseError::MissingPrefix { pos } => {
            assert!(pos <= chars.len());
            assert!(pos == chars.len() || matches!(chars[pos], '.' | '/'));
        }
        ParseError::LeadingZero { pos, .. } | ParseError::PrefixLeadingZero { pos } => {
            assert_eq!(chars.get(pos), Some(&'0'));
        }
        ParseError::OctetOutOfRange { pos, .. } | ParseError::PrefixOutOfRange { pos, .. } => {
            assert!(chars.get(pos).is_some_and(char::is_ascii_digit));
        }
        _ => {}
    }
}

proptest! {
    #[test]
    fn format_then_parse_roundtrips(bits in any::<u32>()) {
        let addr = Ipv4Addr::from_bits(bits);
        prop_assert_eq!(parse_addr(&addr.to_string()), Ok(addr));
    }

    #[test]
    fn accepts_exactly_what_std_accepts(s in address_like()) {
        let ours = parse_addr(&s);
        let std = s.parse::<Ipv4Addr>();
        prop_assert_eq!(ours.ok(), std.ok(), "input {:?}, ours {:?}", s, ours);
        if let Err(e) = ours {
            check_position(&s, e);
        }
    }

    #[test]
    fn other_parsers_never_panic_and_point_right(s in address_like(), t in address_like()) {
        let cidr_text = format!("{s}/{t}");
        for input in [&s, &cidr_text] {
            for result in [
                parse_prefix(input).map(|_| ()),
                parse_mask(input).map(|_| ()),
                parse_prefix_or_mask(input).map(|_| ()),
                parse_cidr(input).map(|_| ()),
            ] {
                if let Err(e) = result {
                    check_position(input, e);
                }
            }
        }
    }

    #[test]
    fn cidr_and_mask_text_roundtrip(bits in any::<u32>(), len in 0u8..=32) {
        let prefix = Prefix::new(len).unwrap();
        let addr = Ipv4Addr::from_bits(bits);
        let text = format!("{addr}{prefix}");
        let c = parse_cidr(&text).unwrap();
        prop_assert_eq!((c.addr(), c.prefix()), (addr, prefix));
        prop_assert_eq!(c.to_string(), text);
        prop_assert_eq!(parse_mask(&prefix.mask().to_string()), Ok(prefix));
        prop_assert_eq!(parse_prefix(&prefix.to_string()), Ok(prefix));
        prop_assert_eq!(parse_prefix(&len.to_string()), Ok(prefix));
    }

    #[test]
    fn any_mask_valid_exactly_when_ipnet_says_so(bits in prop_oneof![
        any::<u32>(),
        (0u32..=32, 0u32..32).prop_map(|(n, flip)| {
            let m = if n == 0 { 0 } else { u32::MAX << (32 - n) };
            m ^ (1 << flip)
        }),
    ]) {
        let mask = Ipv4Addr::from_bits(bits);
        let ours = parse_mask(&mask.to_string());
        match ipnet::ipv4_mask_to_prefix(mask) {
            Ok(len) => prop_assert_eq!(ours.map(Prefix::len), Ok(len)),
            Err(_) => {
                let Err(ParseError::MaskNotContiguous { first_zero, next_one }) = ours else {
                    return Err(TestCaseError::fail(format!("{mask}: {ours:?}")));
                };
                let bit = |i: u8| (bits >> (31 - i)) & 1 == 1;
                prop_assert!(first_zero < next_one);
                prop_assert!((0..first_zero).all(bit));
                prop_assert!(!bit(first_zero));
                prop_assert!((first_zero..next_one).all(|i| !bit(i)));
                prop_assert!(bit(next_one));
            }
        }
    }

    #[test]
    fn specials_agree_with_std(addr in interesting_addr()) {
        let found = specials(addr);
        let has = |s: Special| found.contains(&s);
        prop_assert_eq!(has(Special::ThisHost), addr.is_unspecified());
        prop_assert_eq!(has(Special::Loopback), addr.is_loopback());
        prop_assert_eq!(has(Special::Private), addr.is_private());
        prop_assert_eq!(has(Special::LinkLocal), addr.is_link_local());
        prop_assert_eq!(has(Special::Multicast), addr.is_multicast());
        prop_assert_eq!(has(Special::LimitedBroadcast), addr.is_broadcast());
        prop_assert_eq!(has(Special::Documentation), addr.is_documentation());
        // Public means nothing else applies, and then std sees nothing special either.
        prop_assert_eq!(has(Special::Public), found.len() == 1 && found[0] == Special::Public);
        if has(Special::Public) {
            prop_assert!(!(addr.is_unspecified() || addr.is_loopback() || addr.is_private()
                || addr.is_link_local() || addr.is_multicast() || addr.is_broadcast()
                || addr.is_documentation()));
        }
        // Reported in a fixed order without repeats.
        let mut sorted = found.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(sorted, found);
    }
}
