//! The bitwise AND that gives the network address, one bit at a time: address bits over mask
//! bits, the result filling in from the left, with "next bit", auto-play and a progress bar.

use gloo_timers::callback::Timeout;
use netmath::{and_bits, parse_addr, parse_prefix_or_mask};
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::use_lang;

/// Milliseconds between bits when playing.
const TICK_MS: u32 = 350;

fn bit_cell(v: bool, class: &'static str, current: bool) -> Html {
    html! { <span class={classes!("bit", class, current.then_some("current"))}>{ if v { "1" } else { "0" } }</span> }
}

/// The first `shown` bits of `bits` as dotted text of bits, the rest as `·`.
pub fn partial_row(bits: &[bool], shown: usize) -> String {
    let mut out = String::new();
    for (i, b) in bits.iter().enumerate() {
        if i > 0 && i % 8 == 0 {
            out.push('.');
        }
        out.push(match (i < shown, b) {
            (false, _) => '·',
            (true, true) => '1',
            (true, false) => '0',
        });
    }
    out
}

#[function_component]
pub fn AndLab() -> Html {
    let lang = use_lang();
    let (addr_in, on_addr) = use_text("192.168.1.77");
    let (mask_in, on_mask) = use_text("255.255.255.192");
    let pos = use_state(|| 0usize);
    let playing = use_state(|| false);
    let parsed = (parse_addr(&addr_in), parse_prefix_or_mask(&mask_in));
    // New inputs start the animation over.
    {
        let pos = pos.clone();
        let playing = playing.clone();
        use_effect_with(((*addr_in).clone(), (*mask_in).clone()), move |_| {
            pos.set(0);
            playing.set(false);
        });
    }
    {
        let pos = pos.clone();
        let playing = playing.clone();
        use_effect_with((*playing, *pos), move |(is_playing, at)| {
            let timer = (*is_playing && *at < 32).then(|| {
                let at = *at;
                Timeout::new(TICK_MS, move || pos.set(at + 1))
            });
            if *is_playing && *at >= 32 {
                playing.set(false);
            }
            move || drop(timer)
        });
    }
    let (addr, prefix) = match parsed {
        (Err(e), _) => {
            return wrap(
                &lang,
                addr_in,
                on_addr,
                mask_in,
                on_mask,
                error_line(text::parse_error(lang.lang, &e), "and-error"),
            );
        }
        (_, Err(e)) => {
            return wrap(
                &lang,
                addr_in,
                on_addr,
                mask_in,
                on_mask,
                error_line(text::parse_error(lang.lang, &e), "and-error"),
            );
        }
        (Ok(a), Ok(p)) => (a, p),
    };
    let bits = and_bits(addr, prefix);
    let at = *pos;
    let row = |pick: fn(&netmath::AndBit) -> bool, class: &'static str, reveal: bool| -> Html {
        (0..4)
            .map(|o| {
                let cells = (o * 8..o * 8 + 8)
                    .map(|i| {
                        if reveal && i >= at {
                            html! { <span class="bit pending">{ "·" }</span> }
                        } else {
                            bit_cell(pick(&bits[i]), class, i + 1 == at)
                        }
                    })
                    .collect::<Html>();
                html! { <span class="octet"><span class="octet-bits">{ cells }</span></span> }
            })
            .collect::<Html>()
    };
    let result_bits: Vec<bool> = bits.iter().map(|b| b.result).collect();
    let network = netmath::Network::containing(addr, prefix).addr();
    let explain = if at == 0 {
        lang.t(key!("ipw.and.start")).to_owned()
    } else {
        let b = bits[at - 1];
        lang.tf(fill!(
            "ipw.and.this_bit",
            n = &at.to_string(),
            a = if b.addr { "1" } else { "0" },
            m = if b.mask { "1" } else { "0" },
            r = if b.result { "1" } else { "0" }
        ))
    };
    let next = {
        let pos = pos.clone();
        Callback::from(move |_| pos.set((at + 1).min(32)))
    };
    let toggle = {
        let playing = playing.clone();
        let pos = pos.clone();
        Callback::from(move |_| {
            if at >= 32 {
                pos.set(0);
            }
            playing.set(!*playing);
        })
    };
    let reset = {
        let (pos, playing) = (pos.clone(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            pos.set(0);
        })
    };
    let all = {
        let (pos, playing) = (pos.clone(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            pos.set(32);
        })
    };
    let body = html! {
        <>
            <div class="and-grid" role="group" aria-label={lang.t(key!("ipw.and.grid"))}>
                <span class="and-label">{ lang.t(key!("ipw.and.addr")) }</span>
                <span class="octets">{ row(|b| b.addr, "plain", false) }</span>
                <span class="and-label">{ "AND " }{ lang.t(key!("ipw.and.mask")) }</span>
                <span class="octets">{ row(|b| b.mask, "maskbit", false) }</span>
                <span class="and-label">{ "= " }{ lang.t(key!("ipw.and.result")) }</span>
                <span class="octets" data-testid="and-result-bits" data-bits={partial_row(&result_bits, at)}>{ row(|b| b.result, "net", true) }</span>
            </div>
            <p class="and-explain" aria-live="polite" data-testid="and-explain">{ explain }</p>
            <div class="step-progress">
                <span class="step-counter" data-testid="and-progress" data-pos={at.to_string()}>{ lang.tf(fill!("ipw.and.progress", n = &at.to_string())) }</span>
                <span class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="32" aria-valuenow={at.to_string()}
                    aria-label={lang.tf(fill!("ipw.and.progress", n = &at.to_string()))}>
                    <span class="bar" style={format!("width:{}%", at * 100 / 32)}></span>
                </span>
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={next} disabled={at >= 32} data-testid="and-next">{ lang.t(key!("ipw.and.next")) }</button>
                <button type="button" onclick={toggle} data-testid="and-play" aria-pressed={playing.to_string()}>
                    { lang.t(if *playing { key!("ipw.and.pause") } else { key!("ipw.and.play") }) }
                </button>
                <button type="button" onclick={all} data-testid="and-all">{ lang.t(key!("ipw.and.all")) }</button>
                <button type="button" onclick={reset} data-testid="and-reset">{ lang.t(key!("ipw.and.reset")) }</button>
            </div>
            if at >= 32 {
                <p class="verdict" data-testid="and-network">{ lang.tf(fill!("ipw.and.done", network = &network.to_string(), prefix = &prefix.to_string())) }</p>
            }
        </>
    };
    wrap(&lang, addr_in, on_addr, mask_in, on_mask, body)
}

fn wrap(
    lang: &crate::i18n::LangCtx,
    addr_in: UseStateHandle<String>,
    on_addr: Callback<InputEvent>,
    mask_in: UseStateHandle<String>,
    on_mask: Callback<InputEvent>,
    body: Html,
) -> Html {
    html! {
        <div class="ip-lab">
            <div class="row">
                <Field class="grow" label={lang.t(key!("ipw.and.addr_label"))} value={(*addr_in).clone()} oninput={on_addr} testid="and-addr" />
                <Field class="grow" label={lang.t(key!("ipw.and.mask_label"))} value={(*mask_in).clone()} oninput={on_mask} testid="and-mask" />
            </div>
            { body }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_row_fills_in_from_the_left() {
        let bits: Vec<bool> = (0..32).map(|i| i % 3 == 0).collect();
        assert_eq!(partial_row(&bits, 0), "········.········.········.········");
        assert_eq!(partial_row(&bits, 9), "10010010.0·······.········.········");
        assert_eq!(partial_row(&bits, 32).len(), 35);
    }
}
