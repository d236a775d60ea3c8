//! netmath's language-neutral results turned into sentences: parse errors (with 1-based
//! positions, as a learner counts), special meanings, split/VLSM errors and the steps of a
//! worked solution. Pure functions of (language, value), tested natively.

use std::net::Ipv4Addr;

use netmath::practice::{Step, Who};
use netmath::{Class, Delivery, LeadingBits, ParseError, Special, SplitError, VlsmError};

use crate::i18n::{Key, Lang, thousands, tr, trf};

/// The precise message for a parse error.
pub fn parse_error(lang: Lang, e: &ParseError) -> String {
    let n = |v: usize| (v + 1).to_string();
    match *e {
        ParseError::Empty => tr(lang, key!("perr.empty")).to_owned(),
        ParseError::TooLong { len, max } => trf(
            lang,
            fill!(
                "perr.too_long",
                len = &len.to_string(),
                max = &max.to_string()
            ),
        ),
        ParseError::Whitespace { pos, .. } => trf(lang, fill!("perr.whitespace", pos = &n(pos))),
        ParseError::FullWidth { pos, ch } => trf(
            lang,
            fill!("perr.full_width", pos = &n(pos), ch = &ch.to_string()),
        ),
        ParseError::UnexpectedChar { pos, ch } => trf(
            lang,
            fill!("perr.unexpected", pos = &n(pos), ch = &ch.to_string()),
        ),
        ParseError::WrongOctetCount { found } => {
            trf(lang, fill!("perr.octet_count", found = &found.to_string()))
        }
        ParseError::EmptyOctet { octet, pos } => trf(
            lang,
            fill!("perr.empty_octet", octet = &n(octet), pos = &n(pos)),
        ),
        ParseError::LeadingZero { octet, pos } => trf(
            lang,
            fill!("perr.leading_zero", octet = &n(octet), pos = &n(pos)),
        ),
        ParseError::OctetOutOfRange { octet, pos, value } => {
            let value = if value == u64::MAX {
                tr(lang, key!("perr.huge")).to_owned()
            } else {
                value.to_string()
            };
            trf(
                lang,
                fill!(
                    "perr.octet_range",
                    octet = &n(octet),
                    pos = &n(pos),
                    value = &value
                ),
            )
        }
        ParseError::MissingAddress => tr(lang, key!("perr.missing_address")).to_owned(),
        ParseError::MissingSlash => tr(lang, key!("perr.missing_slash")).to_owned(),
        ParseError::MissingPrefix { pos } => trf(lang, fill!("perr.missing_prefix", pos = &n(pos))),
        ParseError::PrefixLeadingZero { pos } => {
            trf(lang, fill!("perr.prefix_zero", pos = &n(pos)))
        }
        ParseError::PrefixOutOfRange { pos, value } => {
            let value = if value == u64::MAX {
                tr(lang, key!("perr.huge")).to_owned()
            } else {
                value.to_string()
            };
            trf(
                lang,
                fill!("perr.prefix_range", pos = &n(pos), value = &value),
            )
        }
        ParseError::MaskNotContiguous {
            first_zero,
            next_one,
        } => trf(
            lang,
            fill!(
                "perr.mask_gap",
                zero = &(first_zero + 1).to_string(),
                one = &(next_one + 1).to_string()
            ),
        ),
    }
}

/// The key stem of a special meaning: `special.<stem>.name` / `.desc`.
pub fn special_stem(s: Special) -> &'static str {
    match s {
        Special::ThisHost => "this_host",
        Special::ThisNetwork => "this_network",
        Special::Private => "private",
        Special::SharedAddressSpace => "shared",
        Special::Loopback => "loopback",
        Special::LinkLocal => "link_local",
        Special::ProtocolAssignments => "protocol",
        Special::Documentation => "documentation",
        Special::Benchmarking => "benchmarking",
        Special::Multicast => "multicast",
        Special::Reserved => "reserved",
        Special::LimitedBroadcast => "limited_broadcast",
        Special::Public => "public",
    }
}

/// A special block's name and what it is for.
fn special_texts(s: Special) -> (Key, Key) {
    match s {
        Special::ThisHost => (
            key!("special.this_host.name"),
            key!("special.this_host.desc"),
        ),
        Special::ThisNetwork => (
            key!("special.this_network.name"),
            key!("special.this_network.desc"),
        ),
        Special::Private => (key!("special.private.name"), key!("special.private.desc")),
        Special::SharedAddressSpace => (key!("special.shared.name"), key!("special.shared.desc")),
        Special::Loopback => (key!("special.loopback.name"), key!("special.loopback.desc")),
        Special::LinkLocal => (
            key!("special.link_local.name"),
            key!("special.link_local.desc"),
        ),
        Special::ProtocolAssignments => {
            (key!("special.protocol.name"), key!("special.protocol.desc"))
        }
        Special::Documentation => (
            key!("special.documentation.name"),
            key!("special.documentation.desc"),
        ),
        Special::Benchmarking => (
            key!("special.benchmarking.name"),
            key!("special.benchmarking.desc"),
        ),
        Special::Multicast => (
            key!("special.multicast.name"),
            key!("special.multicast.desc"),
        ),
        Special::Reserved => (key!("special.reserved.name"), key!("special.reserved.desc")),
        Special::LimitedBroadcast => (
            key!("special.limited_broadcast.name"),
            key!("special.limited_broadcast.desc"),
        ),
        Special::Public => (key!("special.public.name"), key!("special.public.desc")),
    }
}

pub fn special_name(lang: Lang, s: Special) -> &'static str {
    tr(lang, special_texts(s).0)
}

pub fn special_desc(lang: Lang, s: Special) -> &'static str {
    tr(lang, special_texts(s).1)
}

pub fn delivery(lang: Lang, d: Delivery) -> &'static str {
    match d {
        Delivery::Direct => tr(lang, key!("ipw.delivery.direct")),
        Delivery::ViaGateway => tr(lang, key!("ipw.delivery.gateway")),
    }
}

pub fn split_error(lang: Lang, e: &SplitError) -> String {
    match *e {
        SplitError::ZeroSubnets => tr(lang, key!("ipw.split.zero")).to_owned(),
        SplitError::TooManySubnets { requested, max } => trf(
            lang,
            fill!(
                "ipw.split.too_many",
                n = &thousands(requested),
                max = &thousands(max)
            ),
        ),
    }
}

pub fn vlsm_error(lang: Lang, e: &VlsmError) -> String {
    match *e {
        VlsmError::NoRequests => tr(lang, key!("ipw.vlsm.no_requests")).to_owned(),
        VlsmError::ZeroHosts { index } => trf(
            lang,
            fill!("ipw.vlsm.zero_hosts", n = &(index + 1).to_string()),
        ),
        VlsmError::DoesNotFit { needed, available } => trf(
            lang,
            fill!(
                "ipw.vlsm.no_fit",
                needed = &thousands(needed),
                available = &thousands(available)
            ),
        ),
    }
}

/// Leading bits as text: class C -> "110".
pub fn leading_bits(b: LeadingBits) -> String {
    format!("{:0width$b}", b.value, width = usize::from(b.count))
}

pub fn class_letter(c: Class) -> &'static str {
    match c {
        Class::A => "A",
        Class::B => "B",
        Class::C => "C",
        Class::D => "D",
        Class::E => "E",
    }
}

fn who(lang: Lang, w: Who) -> &'static str {
    match w {
        Who::Given => tr(lang, key!("sol.who.given")),
        Who::A => tr(lang, key!("sol.who.a")),
        Who::B => tr(lang, key!("sol.who.b")),
    }
}

fn addr(a: Ipv4Addr) -> String {
    a.to_string()
}

/// One step of a worked solution as a sentence. `hosts` are a VLSM task's host counts (for
/// naming groups); other tasks ignore it.
pub fn solution_step(lang: Lang, step: &Step) -> String {
    let group = |i: usize| trf(lang, fill!("sol.group", n = &(i + 1).to_string()));
    match step {
        Step::FirstOctetInBinary { first_octet } => trf(
            lang,
            fill!(
                "sol.first_octet",
                octet = &first_octet.to_string(),
                bits = &format!("{first_octet:08b}")
            ),
        ),
        Step::LeadingBitsGiveClass { bits, class } => trf(
            lang,
            fill!(
                "sol.leading_bits",
                bits = &leading_bits(*bits),
                class = class_letter(*class)
            ),
        ),
        Step::InsideSpecialBlock { special, block } => trf(
            lang,
            fill!(
                "sol.inside_block",
                block = &block.to_string(),
                meaning = special_name(lang, *special)
            ),
        ),
        Step::NoSpecialBlock => tr(lang, key!("sol.no_block")).to_owned(),
        Step::PrefixToMask { prefix, mask } => trf(
            lang,
            fill!(
                "sol.prefix_to_mask",
                len = &prefix.len().to_string(),
                mask = &addr(*mask)
            ),
        ),
        Step::AndWithMask {
            addr_of,
            mask_of,
            addr: a,
            mask,
            network,
        } => trf(
            lang,
            fill!(
                "sol.and",
                addr_of = who(lang, *addr_of),
                mask_of = who(lang, *mask_of),
                addr = &addr(*a),
                mask = &addr(*mask),
                network = &addr(*network)
            ),
        ),
        Step::InvertMask { mask, wildcard } => trf(
            lang,
            fill!(
                "sol.invert",
                mask = &addr(*mask),
                wildcard = &addr(*wildcard)
            ),
        ),
        Step::OrWithWildcard {
            network,
            wildcard,
            broadcast,
        } => trf(
            lang,
            fill!(
                "sol.or",
                network = &addr(*network),
                wildcard = &addr(*wildcard),
                broadcast = &addr(*broadcast)
            ),
        ),
        Step::FirstHost {
            network,
            first_host,
        } => trf(
            lang,
            fill!(
                "sol.first_host",
                network = &addr(*network),
                first = &addr(*first_host)
            ),
        ),
        Step::LastHost {
            broadcast,
            last_host,
        } => trf(
            lang,
            fill!(
                "sol.last_host",
                broadcast = &addr(*broadcast),
                last = &addr(*last_host)
            ),
        ),
        Step::CountHosts {
            host_bits,
            total,
            usable,
        } => {
            let key = match host_bits {
                0 => key!("sol.count_32"),
                1 => key!("sol.count_31"),
                _ => key!("sol.count"),
            };
            trf(
                lang,
                key.fill(&[
                    ("bits", &host_bits.to_string()),
                    ("total", &thousands(*total)),
                    ("usable", &thousands(*usable)),
                ]),
            )
        }
        Step::CompareNetworks {
            viewer,
            own,
            other,
            delivery: d,
        } => {
            let key = match d {
                Delivery::Direct => key!("sol.compare_same"),
                Delivery::ViaGateway => key!("sol.compare_differ"),
            };
            trf(
                lang,
                key.fill(&[
                    ("who", who(lang, *viewer)),
                    ("own", &addr(*own)),
                    ("other", &addr(*other)),
                ]),
            )
        }
        Step::BothAgree { agree } => tr(
            lang,
            if *agree {
                key!("sol.agree")
            } else {
                key!("sol.disagree")
            },
        )
        .to_owned(),
        Step::BlockForHosts {
            index,
            hosts,
            addresses_needed,
            block_size,
            prefix,
        } => trf(
            lang,
            fill!(
                "sol.block_for_hosts",
                group = &group(*index),
                hosts = &thousands(u64::from(*hosts)),
                needed = &thousands(*addresses_needed),
                size = &thousands(*block_size),
                len = &prefix.len().to_string()
            ),
        ),
        Step::SortLargestFirst { order } => {
            let list: Vec<String> = order.iter().map(|&i| group(i)).collect();
            trf(lang, fill!("sol.sort", order = &list.join(", ")))
        }
        Step::Allocate { index, network } => trf(
            lang,
            fill!(
                "sol.allocate",
                group = &group(*index),
                network = &network.to_string()
            ),
        ),
        Step::FreeLeft { free } => {
            if free.is_empty() {
                tr(lang, key!("sol.free_none")).to_owned()
            } else {
                let list: Vec<String> = free.iter().map(|n| n.to_string()).collect();
                trf(lang, fill!("sol.free", free = &list.join(", ")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use netmath::practice::{Level, Problem};

    use super::*;

    const MISSING: &str = "⟦missing text⟧";

    fn clean(s: &str) {
        assert!(!s.contains(MISSING), "missing text: {s}");
        assert!(
            !s.contains('{') && !s.contains('}'),
            "unfilled placeholder: {s}"
        );
    }

    #[test]
    fn every_parse_error_has_a_precise_message_in_both_languages() {
        let cases = [
            "",
            "1.2.3",
            "1..2.3",
            "256.1.1.1",
            " 1.2.3.4",
            "1.2.3.4 ",
            "a.b.c.d",
            "１.2.3.4",
            "01.2.3.4",
            "1.2.3.4.5",
            &"9".repeat(70),
            "99999999999999999999999.1.1.1",
        ];
        for lang in Lang::ALL {
            for input in cases {
                let e = netmath::parse_addr(input).unwrap_err();
                clean(&parse_error(lang, &e));
            }
            for input in [
                "/24",
                "1.2.3.4",
                "1.2.3.4/",
                "1.2.3.4/033",
                "1.2.3.4/33",
                "1.2.3.4/255.0.255.0",
            ] {
                let e = netmath::parse_cidr(input).unwrap_err();
                clean(&parse_error(lang, &e));
            }
        }
        let e = netmath::parse_addr("256.1.1.1").unwrap_err();
        assert_eq!(
            parse_error(Lang::En, &e),
            "Number 1 is 256 (from character 1), but each of the four numbers is one byte: 0 to 255."
        );
        assert!(parse_error(Lang::ZhCn, &e).contains("256"));
        let e = netmath::parse_mask("255.0.255.0").unwrap_err();
        assert!(
            parse_error(Lang::En, &e).contains("bit 9 is 0 but bit 17"),
            "{}",
            parse_error(Lang::En, &e)
        );
    }

    #[test]
    fn every_special_meaning_has_a_name_and_explanation() {
        for lang in Lang::ALL {
            for s in Special::ALL {
                clean(special_name(lang, s));
                clean(special_desc(lang, s));
            }
        }
    }

    #[test]
    fn solution_steps_of_every_kind_render_in_both_languages() {
        for lang in Lang::ALL {
            for level in [Level::One, Level::Two, Level::Three] {
                for seed in 0..200 {
                    for step in Problem::generate(level, seed).solution() {
                        clean(&solution_step(lang, &step));
                    }
                }
            }
        }
    }

    #[test]
    fn a_subnet_solution_reads_as_arithmetic() {
        let step = Step::CountHosts {
            host_bits: 6,
            total: 64,
            usable: 62,
        };
        assert_eq!(
            solution_step(Lang::En, &step),
            "6 host bits: 2^6 = 64 addresses; minus the network address and the broadcast, 62 usable hosts."
        );
        assert_eq!(leading_bits(Class::C.leading_bits()), "110");
        assert_eq!(leading_bits(Class::A.leading_bits()), "0");
    }

    #[test]
    fn split_and_vlsm_errors_render() {
        for lang in Lang::ALL {
            clean(&split_error(lang, &SplitError::ZeroSubnets));
            clean(&split_error(
                lang,
                &SplitError::TooManySubnets {
                    requested: 300,
                    max: 256,
                },
            ));
            clean(&vlsm_error(lang, &VlsmError::NoRequests));
            clean(&vlsm_error(lang, &VlsmError::ZeroHosts { index: 1 }));
            clean(&vlsm_error(
                lang,
                &VlsmError::DoesNotFit {
                    needed: 512,
                    available: 256,
                },
            ));
            clean(delivery(lang, Delivery::Direct));
            clean(delivery(lang, Delivery::ViaGateway));
        }
    }
}
