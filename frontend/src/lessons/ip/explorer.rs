//! The address explorer: type any IPv4 address and see its 32 bits, its class (with the leading
//! bits marked), the classful network and host parts, and every special meaning it has.

use std::net::Ipv4Addr;

use netmath::{AddrRole, Class, Network, parse_addr, specials};
use yew::prelude::*;

use super::bits::Bits;
use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{thousands, use_lang};

const EXAMPLES: [&str; 8] = [
    "192.168.1.77",
    "10.1.2.3",
    "172.20.0.5",
    "127.0.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.251",
    "8.8.8.8",
];

/// Whether `addr` is the network address or the broadcast of its classful network (never a
/// host's address under the classful rules); None for a host address or class D/E.
pub fn classful_role(addr: Ipv4Addr) -> Option<(AddrRole, Network)> {
    let net = Class::classful_network(addr)?;
    match net.role_of(addr)? {
        AddrRole::Host => None,
        role => Some((role, net)),
    }
}

#[function_component]
pub fn Explorer() -> Html {
    let lang = use_lang();
    let (input, oninput) = use_text("192.168.1.77");
    let examples = EXAMPLES
        .iter()
        .map(|&ex| {
            let input = input.clone();
            html! { <button type="button" class="chip" onclick={move |_| input.set(ex.to_owned())}>{ ex }</button> }
        })
        .collect::<Html>();
    let parsed = parse_addr(&input);
    let body = match parsed {
        Err(e) => error_line(text::parse_error(lang.lang, &e), "ip-error"),
        Ok(addr) => {
            let class = Class::of(addr);
            let prefix = class.default_prefix();
            let classful = Class::classful_network(addr);
            let meanings = specials(addr)
                .into_iter()
                .map(|s| {
                    html! {
                        <li data-testid="ip-special" data-special={text::special_stem(s)}>
                            <strong>{ text::special_name(lang.lang, s) }</strong>
                            { " " }
                            if let Some(block) = s.block_containing(addr) { <code>{ block.to_string() }</code> }
                            <br />
                            <span class="hint">{ text::special_desc(lang.lang, s) }</span>
                        </li>
                    }
                })
                .collect::<Html>();
            let dash = || "—".to_owned();
            html! {
                <>
                    <Bits addr={addr} prefix={prefix} class_bits={true} testid="ip-bits" />
                    <dl class="facts">
                        <dt>{ lang.t(key!("ipw.explorer.class")) }</dt>
                        <dd><strong data-testid="ip-class">{ text::class_letter(class) }</strong>
                            { " " }<span class="hint">{ lang.tf(fill!("ipw.explorer.leading", bits = &text::leading_bits(class.leading_bits()))) }</span></dd>
                        <dt>{ lang.t(key!("ipw.explorer.default_mask")) }</dt>
                        <dd data-testid="ip-mask">{ class.default_mask().map(|m| m.to_string()).unwrap_or_else(dash) }
                            if let Some(p) = prefix { { format!(" ({p})") } }</dd>
                        <dt>{ lang.t(key!("ipw.explorer.network_part")) }</dt>
                        <dd data-testid="ip-network">{ classful.map(|n| n.to_string()).unwrap_or_else(dash) }</dd>
                        <dt>{ lang.t(key!("ipw.explorer.hosts")) }</dt>
                        <dd data-testid="ip-hosts">{ class.hosts_per_network().map(|h| thousands(u64::from(h))).unwrap_or_else(dash) }</dd>
                    </dl>
                    if let Some((role, net)) = classful_role(addr) {
                        <p class="field-error" data-testid="ip-role">{ lang.tf(
                            if role == AddrRole::NetworkAddress { key!("ipw.explorer.is_network") } else { key!("ipw.explorer.is_broadcast") }.fill(&[("addr", &addr.to_string()), ("net", &net.to_string())]),
                        ) }</p>
                    }
                    if prefix.is_none() {
                        <p class="hint">{ lang.t(if class == Class::D { key!("ipw.explorer.no_hosts_d") } else { key!("ipw.explorer.no_hosts_e") }) }</p>
                    }
                    <h3>{ lang.t(key!("ipw.explorer.meanings")) }</h3>
                    <ul class="meanings">{ meanings }</ul>
                </>
            }
        }
    };
    html! {
        <div class="ip-lab" data-testid="explorer">
            <Field label={lang.t(key!("ipw.explorer.label"))} value={(*input).clone()} {oninput}
                testid="ip-input" placeholder="192.168.1.1" invalid={parsed.is_err()} />
            <div class="chips" aria-label={lang.t(key!("ipw.examples"))}>{ examples }</div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_and_broadcast_addresses_of_classful_networks_are_flagged() {
        let role = |s: &str| classful_role(s.parse().unwrap()).map(|(r, n)| (r, n.to_string()));
        assert_eq!(
            role("192.168.1.0"),
            Some((AddrRole::NetworkAddress, "192.168.1.0/24".into()))
        );
        assert_eq!(
            role("10.255.255.255"),
            Some((AddrRole::DirectedBroadcast, "10.0.0.0/8".into()))
        );
        assert_eq!(
            role("172.16.255.255"),
            Some((AddrRole::DirectedBroadcast, "172.16.0.0/16".into()))
        );
        assert_eq!(role("192.168.1.77"), None);
        assert_eq!(role("224.0.0.251"), None);
    }
}
