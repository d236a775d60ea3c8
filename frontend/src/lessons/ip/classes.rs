//! Classful addressing, A to E: the table of leading bits, ranges, masks and counts; then the
//! waste that made the Internet replace it with CIDR (1993), worked out for any host count.

use netmath::Class;
use netmath::vlsm::prefix_for_hosts;
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{LangCtx, thousands, use_lang};

#[function_component]
pub fn ClassTable() -> Html {
    let lang = use_lang();
    let dash = || "—".to_owned();
    let rows = Class::ALL
        .iter()
        .map(|&c| {
            let span = c
                .usable_host_span()
                .map(|(a, b)| format!("{a} – {b}"))
                .unwrap_or_else(|| lang.t(if c == Class::D { key!("ipw.classes.multicast") } else { key!("ipw.classes.reserved") }).to_owned());
            let nets = match c.usable_networks() {
                Some(n) if c == Class::A => lang.tf(fill!("ipw.classes.a_networks", n = &thousands(u64::from(n)))),
                Some(n) => thousands(u64::from(n)),
                None => dash(),
            };
            html! {
                <tr data-testid="class-row" data-class={text::class_letter(c)}>
                    <th scope="row">{ text::class_letter(c) }</th>
                    <td><code class="lead">{ text::leading_bits(c.leading_bits()) }</code></td>
                    <td>{ format!("{} – {}", c.first(), c.last()) }</td>
                    <td>{ match (c.network_bytes(), c.host_bytes()) { (Some(n), Some(h)) => format!("{n} / {h}"), _ => dash() } }</td>
                    <td>{ c.default_mask().map(|m| m.to_string()).unwrap_or_else(dash) }</td>
                    <td>{ nets }</td>
                    <td data-testid="class-hosts">{ c.hosts_per_network().map(|h| thousands(u64::from(h))).unwrap_or_else(dash) }</td>
                    <td>{ span }</td>
                </tr>
            }
        })
        .collect::<Html>();
    html! {
        <div class="table-wrap">
            <table class="ip-table" data-testid="class-table">
                <caption class="visually-hidden">{ lang.t(key!("ipw.classes.caption")) }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t(key!("ipw.classes.class")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.lead")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.range")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.bytes")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.mask")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.networks")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.hosts")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.classes.usable")) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// Usable hosts of a class C and of a class B network.
const CLASS_C_HOSTS: u64 = 254;
const CLASS_B_HOSTS: u64 = 65_534;

/// What one organisation needing `hosts` addresses got under classes and gets under CIDR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waste {
    pub hosts: u64,
    pub classful: Classful,
    /// The CIDR prefix of the smallest fitting block and its usable hosts.
    pub cidr_len: u8,
    pub cidr_usable: u64,
}

/// The smallest classful choice for a host count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Classful {
    /// One class C is enough; `unused` of its 254 addresses stay empty.
    OneC { unused: u64 },
    /// One class B (`unused` of its 65,534 addresses stay empty), or `class_cs` class Cs,
    /// each one more routing-table entry.
    OneB { unused: u64, class_cs: u64 },
    /// Not even one class B is enough.
    MoreThanB,
}

pub fn waste(hosts: u64) -> Option<Waste> {
    if hosts == 0 {
        return None;
    }
    let prefix = prefix_for_hosts(u32::try_from(hosts).ok()?)?;
    let classful = if hosts <= CLASS_C_HOSTS {
        Classful::OneC {
            unused: CLASS_C_HOSTS - hosts,
        }
    } else if hosts <= CLASS_B_HOSTS {
        Classful::OneB {
            unused: CLASS_B_HOSTS - hosts,
            class_cs: hosts.div_ceil(CLASS_C_HOSTS),
        }
    } else {
        Classful::MoreThanB
    };
    Some(Waste {
        hosts,
        classful,
        cidr_len: prefix.len(),
        cidr_usable: prefix.block_size().saturating_sub(2),
    })
}

/// `part` of `whole` as a rounded percentage, with "<1" for a share that rounds to 0 but is
/// not nothing (so 34 unused of 65,534 never reads as "about 0%").
pub fn percent(part: u64, whole: u64) -> String {
    let pct = (part * 100 + whole / 2) / whole;
    if pct == 0 && part > 0 {
        "<1".to_owned()
    } else {
        pct.to_string()
    }
}

/// A bar: `used` of `total` filled.
fn bar(label: String, used: u64, total: u64, testid: &'static str) -> Html {
    let pct = if total == 0 {
        0.0
    } else {
        (used.min(total) as f64) * 100.0 / total as f64
    };
    html! {
        <div class="waste-bar" data-testid={testid}>
            <span class="waste-label">{ label }</span>
            <span class="waste-track"><span class="waste-used" style={format!("width:{pct:.2}%")}></span></span>
        </div>
    }
}

/// The classful lines of the waste list: what one organisation had to take before CIDR.
fn classful_facts(lang: &LangCtx, w: &Waste, hosts: &str) -> Html {
    match w.classful {
        Classful::OneC { unused } => html! {
            <li data-testid="waste-c">{ lang.tf(fill!("ipw.waste.c_fits", unused = &thousands(unused), pct = &percent(unused, CLASS_C_HOSTS))) }</li>
        },
        Classful::OneB { unused, class_cs } => html! {
            <>
                if unused == 0 {
                    <li data-testid="waste-b">{ lang.tf(fill!("ipw.waste.b_exact", hosts = hosts)) }</li>
                } else {
                    <li data-testid="waste-b">{ lang.tf(fill!("ipw.waste.b", hosts = hosts, pct = &percent(unused, CLASS_B_HOSTS), unused = &thousands(unused))) }</li>
                }
                <li data-testid="waste-c">{ lang.tf(fill!("ipw.waste.c", n = &thousands(class_cs))) }</li>
            </>
        },
        Classful::MoreThanB => html! {
            <li data-testid="waste-b">{ lang.tf(fill!("ipw.waste.b_too_small", hosts = hosts)) }</li>
        },
    }
}

#[function_component]
pub fn CidrWhy() -> Html {
    let lang = use_lang();
    let (input, oninput) = use_text("2000");
    let parsed = input
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|&h| h > 0 && h <= 16_777_214);
    let body = match parsed.and_then(waste) {
        None => error_line(lang.t(key!("ipw.waste.bad")).to_owned(), "waste-error"),
        Some(w) => {
            let h = thousands(w.hosts);
            html! {
                <>
                    { bar(lang.tf(fill!("ipw.waste.bar_b", hosts = &h)), w.hosts, 65_534, "waste-bar-b") }
                    { bar(lang.tf(fill!("ipw.waste.bar_cidr", hosts = &h, len = &w.cidr_len.to_string(), usable = &thousands(w.cidr_usable))), w.hosts, w.cidr_usable, "waste-bar-cidr") }
                    <ul class="waste-facts">
                        { classful_facts(&lang, &w, &h) }
                        <li data-testid="waste-cidr">{ lang.tf(fill!("ipw.waste.cidr", len = &w.cidr_len.to_string(), usable = &thousands(w.cidr_usable), spare = &thousands(w.cidr_usable - w.hosts))) }</li>
                    </ul>
                </>
            }
        }
    };
    html! {
        <div class="ip-lab">
            <Field label={lang.t(key!("ipw.waste.label"))} value={(*input).clone()} {oninput} testid="waste-hosts" invalid={parsed.is_none()} />
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_thousand_hosts_waste_97_percent_of_a_class_b() {
        let w = waste(2000).unwrap();
        assert_eq!(
            w.classful,
            Classful::OneB {
                unused: 63_534,
                class_cs: 8
            }
        );
        assert_eq!(percent(63_534, CLASS_B_HOSTS), "97");
        assert_eq!((w.cidr_len, w.cidr_usable), (21, 2046));
        assert_eq!(waste(70_000).unwrap().classful, Classful::MoreThanB);
        assert_eq!(waste(0), None);
    }

    #[test]
    fn a_hundred_hosts_fit_one_class_c() {
        // Not "take 1 class C networks: 1 more entries".
        assert_eq!(waste(100).unwrap().classful, Classful::OneC { unused: 154 });
        assert_eq!(percent(154, CLASS_C_HOSTS), "61");
        assert_eq!(waste(254).unwrap().classful, Classful::OneC { unused: 0 });
        assert_eq!(
            waste(255).unwrap().classful,
            Classful::OneB {
                unused: 65_279,
                class_cs: 2
            }
        );
    }

    #[test]
    fn a_full_class_b_wastes_nothing_and_a_tiny_share_is_not_zero() {
        // Not "use a sliver of it and 0 addresses (about 0%) sit unused".
        assert_eq!(
            waste(65_534).unwrap().classful,
            Classful::OneB {
                unused: 0,
                class_cs: 259
            }
        );
        assert_eq!(percent(34, CLASS_B_HOSTS), "<1");
        assert_eq!(percent(0, CLASS_B_HOSTS), "0");
    }
}
