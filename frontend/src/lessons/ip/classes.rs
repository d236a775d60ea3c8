//! Classful addressing, A to E: the table of leading bits, ranges, masks and counts; then the
//! waste that made the Internet replace it with CIDR (1993), worked out for any host count.

use netmath::Class;
use netmath::vlsm::prefix_for_hosts;
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{thousands, use_lang};

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
                .unwrap_or_else(|| lang.t(if c == Class::D { "ipw.classes.multicast" } else { "ipw.classes.reserved" }).to_owned());
            let nets = match c.usable_networks() {
                Some(n) if c == Class::A => lang.tf("ipw.classes.a_networks", &[("n", &thousands(u64::from(n)))]),
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
                <caption class="visually-hidden">{ lang.t("ipw.classes.caption") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("ipw.classes.class") }</th>
                    <th scope="col">{ lang.t("ipw.classes.lead") }</th>
                    <th scope="col">{ lang.t("ipw.classes.range") }</th>
                    <th scope="col">{ lang.t("ipw.classes.bytes") }</th>
                    <th scope="col">{ lang.t("ipw.classes.mask") }</th>
                    <th scope="col">{ lang.t("ipw.classes.networks") }</th>
                    <th scope="col">{ lang.t("ipw.classes.hosts") }</th>
                    <th scope="col">{ lang.t("ipw.classes.usable") }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// What one organisation needing `hosts` addresses got under classes and gets under CIDR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waste {
    pub hosts: u64,
    /// Class C networks needed (254 hosts each).
    pub class_cs: u64,
    /// Percent of a class B left unused (rounded), when one B is enough.
    pub b_unused_pct: Option<u64>,
    /// The CIDR prefix of the smallest fitting block and its usable hosts.
    pub cidr_len: u8,
    pub cidr_usable: u64,
}

pub fn waste(hosts: u64) -> Option<Waste> {
    if hosts == 0 {
        return None;
    }
    let prefix = prefix_for_hosts(u32::try_from(hosts).ok()?)?;
    let b = 65_534u64;
    Some(Waste {
        hosts,
        class_cs: hosts.div_ceil(254),
        b_unused_pct: (hosts <= b).then(|| ((b - hosts) * 100 + b / 2) / b),
        cidr_len: prefix.len(),
        cidr_usable: prefix.block_size().saturating_sub(2),
    })
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
        None => error_line(lang.t("ipw.waste.bad").to_owned(), "waste-error"),
        Some(w) => {
            let h = thousands(w.hosts);
            html! {
                <>
                    { bar(lang.tf("ipw.waste.bar_b", &[("hosts", &h)]), w.hosts, 65_534, "waste-bar-b") }
                    { bar(lang.tf("ipw.waste.bar_cidr", &[("hosts", &h), ("len", &w.cidr_len.to_string()), ("usable", &thousands(w.cidr_usable))]), w.hosts, w.cidr_usable, "waste-bar-cidr") }
                    <ul class="waste-facts">
                        if let Some(pct) = w.b_unused_pct {
                            <li data-testid="waste-b">{ lang.tf("ipw.waste.b", &[("hosts", &h), ("pct", &pct.to_string()), ("unused", &thousands(65_534 - w.hosts))]) }</li>
                        } else {
                            <li data-testid="waste-b">{ lang.tf("ipw.waste.b_too_small", &[("hosts", &h)]) }</li>
                        }
                        <li data-testid="waste-c">{ lang.tf("ipw.waste.c", &[("n", &thousands(w.class_cs))]) }</li>
                        <li data-testid="waste-cidr">{ lang.tf("ipw.waste.cidr", &[("len", &w.cidr_len.to_string()), ("usable", &thousands(w.cidr_usable)), ("spare", &thousands(w.cidr_usable - w.hosts))]) }</li>
                    </ul>
                </>
            }
        }
    };
    html! {
        <div class="ip-lab">
            <Field label={lang.t("ipw.waste.label")} value={(*input).clone()} {oninput} testid="waste-hosts" invalid={parsed.is_none()} />
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
        assert_eq!(w.b_unused_pct, Some(97));
        assert_eq!(w.class_cs, 8);
        assert_eq!((w.cidr_len, w.cidr_usable), (21, 2046));
        assert_eq!(waste(70_000).unwrap().b_unused_pct, None);
        assert_eq!(waste(0), None);
    }
}
