//! The subnet calculator: an address with its prefix or mask gives the network, broadcast, first
//! and last host, usable count (/31 and /32 per RFC 3021) and wildcard, with the bits coloured
//! and a bar that places the address inside its subnet.

use netmath::{AddrRole, Cidr, parse_cidr};
use yew::prelude::*;

use super::bits::Bits;
use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{LangCtx, thousands, use_lang};

const EXAMPLES: [&str; 5] = [
    "192.168.1.77/26",
    "10.20.30.40/255.255.240.0",
    "172.16.5.1/30",
    "192.168.1.6/31",
    "192.168.1.9/32",
];

#[function_component]
pub fn CalcLab() -> Html {
    let lang = use_lang();
    let (input, oninput) = use_text("192.168.1.77/26");
    let examples = EXAMPLES
        .iter()
        .map(|&ex| {
            let input = input.clone();
            html! { <button type="button" class="chip" onclick={move |_| input.set(ex.to_owned())}>{ ex }</button> }
        })
        .collect::<Html>();
    let parsed = parse_cidr(&input);
    let body = match parsed {
        Err(e) => error_line(text::parse_error(lang.lang, &e), "cidr-error"),
        Ok(c) => result(&lang, c),
    };
    html! {
        <div class="ip-lab">
            <Field label={lang.t(key!("ipw.calc.label"))} value={(*input).clone()} {oninput} testid="cidr-input"
                placeholder="192.168.1.77/26" invalid={parsed.is_err()} />
            <div class="chips" aria-label={lang.t(key!("ipw.examples"))}>{ examples }<crate::challenges::MyAddressButton onpick={let input = input.clone(); Callback::from(move |s| input.set(s))} /></div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

fn result(lang: &LangCtx, c: Cidr) -> Html {
    let net = c.network();
    let p = c.prefix();
    let dash = || "—".to_owned();
    let role = match c.role() {
        AddrRole::NetworkAddress => key!("ipw.calc.role_network"),
        AddrRole::DirectedBroadcast => key!("ipw.calc.role_broadcast"),
        AddrRole::Host => key!("ipw.calc.role_host"),
    };
    let note = match p.len() {
        31 => Some(key!("ipw.calc.note31")),
        32 => Some(key!("ipw.calc.note32")),
        _ => None,
    };
    // Where the address sits in its block, for the bar.
    let offset = c.addr().to_bits() - net.addr().to_bits();
    let pos = (u64::from(offset) as f64 + 0.5) * 100.0 / net.total_addresses() as f64;
    html! {
        <>
            <Bits addr={c.addr()} prefix={Some(p)} testid="cidr-bits" />
            <div class="subnet-bar" role="img" aria-label={lang.tf(fill!("ipw.calc.bar_alt", addr = &c.addr().to_string(), net = &net.to_string()))}>
                <span class="sb-end">{ net.addr().to_string() }</span>
                <span class="sb-track"><span class="sb-marker" style={format!("left:{pos:.2}%")}></span></span>
                <span class="sb-end">{ net.last_addr().to_string() }</span>
            </div>
            <dl class="facts">
                <dt>{ lang.t(key!("ipw.calc.mask")) }</dt><dd data-testid="cidr-mask">{ format!("{} ({p})", p.mask()) }</dd>
                <dt>{ lang.t(key!("ipw.calc.network")) }</dt><dd data-testid="cidr-network">{ net.addr().to_string() }</dd>
                <dt>{ lang.t(key!("ipw.calc.broadcast")) }</dt><dd data-testid="cidr-broadcast">{ net.broadcast().map(|b| b.to_string()).unwrap_or_else(dash) }</dd>
                <dt>{ lang.t(key!("ipw.calc.first")) }</dt><dd data-testid="cidr-first">{ net.first_host().to_string() }</dd>
                <dt>{ lang.t(key!("ipw.calc.last")) }</dt><dd data-testid="cidr-last">{ net.last_host().to_string() }</dd>
                <dt>{ lang.t(key!("ipw.calc.usable")) }</dt><dd data-testid="cidr-usable">{ thousands(net.usable_hosts()) }</dd>
                <dt>{ lang.t(key!("ipw.calc.total")) }</dt><dd data-testid="cidr-total">{ thousands(net.total_addresses()) }</dd>
                <dt>{ lang.t(key!("ipw.calc.wildcard")) }</dt><dd data-testid="cidr-wildcard">{ p.wildcard().to_string() }</dd>
            </dl>
            <p class="hint" data-testid="cidr-role">{ lang.tf(role.fill(&[("addr", &c.addr().to_string())])) }</p>
            if let Some(key) = note { <p class="hint" data-testid="cidr-note">{ lang.t(key) }</p> }
        </>
    }
}
