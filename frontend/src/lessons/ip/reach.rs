//! Same subnet or via the gateway: two hosts with their masks, the decision walked through step
//! by step (each host ANDs both addresses with its own mask), and a picture of the path taken.

use netmath::practice::{Level, Problem, Task};
use netmath::{AddrRole, Cidr, Delivery, parse_cidr, reach};
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{LangCtx, use_lang};

const EXAMPLES: [(&str, &str); 3] = [
    ("192.168.1.1/24", "192.168.1.2/24"),
    ("192.168.1.1/24", "192.168.2.2/24"),
    ("10.0.0.10/25", "10.0.0.200/24"),
];

/// An address that a host cannot have, in a pair of hosts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAHost {
    /// Host `0` (A) or `1` (B) was given its subnet's network address.
    Network(usize),
    /// Host `0` (A) or `1` (B) was given its subnet's directed broadcast.
    Broadcast(usize),
    /// Both hosts were given the same address.
    Same,
}

/// Why this pair of hosts cannot exist as typed, if it cannot: before deciding "direct or
/// via the gateway", a sender's address and its peer's must both be host addresses, and two.
pub fn not_hosts(a: Cidr, b: Cidr) -> Vec<NotAHost> {
    let mut found = Vec::new();
    for (i, c) in [a, b].into_iter().enumerate() {
        match c.role() {
            AddrRole::NetworkAddress => found.push(NotAHost::Network(i)),
            AddrRole::DirectedBroadcast => found.push(NotAHost::Broadcast(i)),
            AddrRole::Host => {}
        }
    }
    if a.addr() == b.addr() {
        found.push(NotAHost::Same);
    }
    found
}

fn not_a_host_text(lang: &LangCtx, what: NotAHost, a: Cidr, b: Cidr) -> String {
    let name = |i: usize| if i == 0 { "A" } else { "B" };
    let addr = |i: usize| if i == 0 { a.addr() } else { b.addr() }.to_string();
    match what {
        NotAHost::Network(i) => format!(
            "{}: {}",
            name(i),
            lang.tf(fill!("ipw.calc.role_network", addr = &addr(i)))
        ),
        NotAHost::Broadcast(i) => format!(
            "{}: {}",
            name(i),
            lang.tf(fill!("ipw.calc.role_broadcast", addr = &addr(i)))
        ),
        NotAHost::Same => lang.tf(fill!("ipw.reach.same_addr", addr = &addr(0))),
    }
}

#[function_component]
pub fn ReachLab() -> Html {
    let lang = use_lang();
    let (a_in, on_a) = use_text("192.168.1.1/24");
    let (b_in, on_b) = use_text("192.168.1.2/24");
    let shown = use_state(|| 0usize);
    {
        let shown = shown.clone();
        use_effect_with(((*a_in).clone(), (*b_in).clone()), move |_| shown.set(0));
    }
    let examples = EXAMPLES
        .iter()
        .map(|&(a, b)| {
            let (a_in, b_in) = (a_in.clone(), b_in.clone());
            html! { <button type="button" class="chip" onclick={move |_| { a_in.set(a.to_owned()); b_in.set(b.to_owned()); }}>{ format!("{a} ↔ {b}") }</button> }
        })
        .collect::<Html>();
    let body = match (parse_cidr(&a_in), parse_cidr(&b_in)) {
        (Err(e), _) => error_line(
            format!("A: {}", text::parse_error(lang.lang, &e)),
            "reach-error",
        ),
        (_, Err(e)) => error_line(
            format!("B: {}", text::parse_error(lang.lang, &e)),
            "reach-error",
        ),
        (Ok(a), Ok(b)) if !not_hosts(a, b).is_empty() => {
            // No verdict for hosts that cannot exist: say what is wrong with them instead.
            let lines = not_hosts(a, b)
                .into_iter()
                .map(|w| html! { <li>{ not_a_host_text(&lang, w, a, b) }</li> })
                .collect::<Html>();
            html! { <ul class="field-error" role="alert" data-testid="reach-not-host">{ lines }</ul> }
        }
        (Ok(a), Ok(b)) => {
            let r = reach(a, b);
            let steps = Problem {
                level: Level::Three,
                seed: 0,
                task: Task::Reach { a, b },
            }
            .solution();
            let total = steps.len();
            let at = (*shown).min(total);
            let items = steps[..at]
                .iter()
                .map(|s| html! { <li data-testid="reach-step">{ text::solution_step(lang.lang, s) }</li> })
                .collect::<Html>();
            let next = {
                let shown = shown.clone();
                Callback::from(move |_| shown.set((at + 1).min(total)))
            };
            let all = {
                let shown = shown.clone();
                Callback::from(move |_| shown.set(total))
            };
            let delivery = match r.from_a.delivery {
                Delivery::Direct => "direct",
                Delivery::ViaGateway => "gateway",
            };
            html! {
                <>
                    <ol class="walk" aria-live="polite">{ items }</ol>
                    <div class="actions">
                        <button type="button" class="primary" onclick={next} disabled={at >= total} data-testid="reach-next">{ lang.t(key!("ipw.reach.next")) }</button>
                        <button type="button" onclick={all} disabled={at >= total} data-testid="reach-all">{ lang.t(key!("ipw.reach.all")) }</button>
                        <span class="hint">{ lang.tf(fill!("ipw.reach.progress", n = &at.to_string(), total = &total.to_string())) }</span>
                    </div>
                    if at >= total {
                        <p class="verdict" data-testid="reach-verdict" data-delivery={delivery}>{ text::delivery(lang.lang, r.from_a.delivery) }</p>
                        { picture(&lang, r.from_a.delivery) }
                    }
                </>
            }
        }
    };
    html! {
        <div class="ip-lab">
            <div class="row">
                <Field class="grow" label={lang.t(key!("ipw.reach.a"))} value={(*a_in).clone()} oninput={on_a} testid="reach-a" />
                <Field class="grow" label={lang.t(key!("ipw.reach.b"))} value={(*b_in).clone()} oninput={on_b} testid="reach-b" />
            </div>
            <div class="chips" aria-label={lang.t(key!("ipw.examples"))}>{ examples }<crate::challenges::MyAddressButton onpick={let a_in = a_in.clone(); Callback::from(move |s| a_in.set(s))} /></div>
            { body }
        </div>
    }
}

/// Host A, a switch, host B and the router: the path a packet from A takes.
fn picture(lang: &LangCtx, d: Delivery) -> Html {
    let direct = d == Delivery::Direct;
    let path = |on: bool| if on { "link on" } else { "link" };
    html! {
        <svg class="picture" viewBox="0 0 520 200" role="img" aria-label={text::delivery(lang.lang, d)}>
            <line class={path(true)} x1="90" y1="150" x2="260" y2="150" />
            <line class={path(direct)} x1="260" y1="150" x2="430" y2="150" />
            <line class={path(!direct)} x1="260" y1="150" x2="260" y2="55" />
            <g class="host"><rect x="20" y="125" width="120" height="50" rx="8" /><text x="80" y="155" text-anchor="middle" class="label">{ lang.t(key!("ipw.reach.host_a")) }</text></g>
            <g class="host"><rect x="380" y="125" width="120" height="50" rx="8" /><text x="440" y="155" text-anchor="middle" class="label">{ lang.t(key!("ipw.reach.host_b")) }</text></g>
            <g class="node"><rect x="215" y="130" width="90" height="40" rx="6" /><text x="260" y="155" text-anchor="middle" class="label">{ lang.t(key!("pic.switch")) }</text></g>
            <g class="node"><rect x="200" y="15" width="120" height="40" rx="6" /><text x="260" y="40" text-anchor="middle" class="label">{ lang.t(key!("ipw.reach.gateway")) }</text></g>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str) -> Vec<NotAHost> {
        not_hosts(parse_cidr(a).unwrap(), parse_cidr(b).unwrap())
    }

    #[test]
    fn addresses_no_host_can_have_are_named_before_any_verdict() {
        assert_eq!(pair("192.168.1.1/24", "192.168.1.2/24"), vec![]);
        assert_eq!(
            pair("192.168.1.1/24", "192.168.1.255/24"),
            vec![NotAHost::Broadcast(1)]
        );
        assert_eq!(
            pair("192.168.1.1/24", "192.168.1.0/24"),
            vec![NotAHost::Network(1)]
        );
        assert_eq!(
            pair("192.168.1.1/24", "192.168.1.1/24"),
            vec![NotAHost::Same]
        );
        assert_eq!(
            pair("10.0.0.0/8", "10.255.255.255/8"),
            vec![NotAHost::Network(0), NotAHost::Broadcast(1)]
        );
        // A /31's two addresses are both hosts (RFC 3021), a /32 is one host.
        assert_eq!(pair("10.0.0.0/31", "10.0.0.1/31"), vec![]);
        assert_eq!(pair("10.0.0.7/32", "10.0.0.8/32"), vec![]);
    }
}
