//! Mask <-> prefix: type a dotted mask or a prefix length and see the other, the 32 mask bits,
//! the wildcard; a mask with a gap (255.0.255.0) is explained bit by bit.

use netmath::{ParseError, parse_prefix_or_mask};
use yew::prelude::*;

use super::bits::Bits;
use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{thousands, use_lang};

const EXAMPLES: [&str; 6] = [
    "255.255.255.0",
    "/26",
    "255.255.240.0",
    "8",
    "255.0.255.0",
    "255.255.255.253",
];

#[function_component]
pub fn MaskLab() -> Html {
    let lang = use_lang();
    let (input, oninput) = use_text("255.255.255.192");
    let examples = EXAMPLES
        .iter()
        .map(|&ex| {
            let input = input.clone();
            html! { <button type="button" class="chip" onclick={move |_| input.set(ex.to_owned())}>{ ex }</button> }
        })
        .collect::<Html>();
    let parsed = parse_prefix_or_mask(&input);
    let body = match parsed {
        Err(e) => {
            let gap = match e {
                ParseError::MaskNotContiguous { .. } => netmath::parse_addr(&input).ok(),
                _ => None,
            };
            html! {
                <>
                    { error_line(text::parse_error(lang.lang, &e), "mask-error") }
                    if let Some(addr) = gap {
                        <Bits addr={addr} testid="mask-bits" />
                        <p class="hint">{ lang.t(key!("ipw.mask.gap_hint")) }</p>
                    }
                </>
            }
        }
        Ok(p) => html! {
            <>
                <Bits addr={p.mask()} prefix={Some(p)} testid="mask-bits" />
                <dl class="facts">
                    <dt>{ lang.t(key!("ipw.mask.prefix")) }</dt><dd data-testid="mask-prefix">{ p.to_string() }</dd>
                    <dt>{ lang.t(key!("ipw.mask.dotted")) }</dt><dd data-testid="mask-dotted">{ p.mask().to_string() }</dd>
                    <dt>{ lang.t(key!("ipw.mask.wildcard")) }</dt><dd data-testid="mask-wildcard">{ p.wildcard().to_string() }</dd>
                    <dt>{ lang.t(key!("ipw.mask.block")) }</dt><dd>{ thousands(p.block_size()) }</dd>
                </dl>
                <p class="hint">{ lang.tf(fill!("ipw.mask.explain", ones = &p.len().to_string(), zeros = &p.host_bits().to_string())) }</p>
            </>
        },
    };
    html! {
        <div class="ip-lab">
            <Field label={lang.t(key!("ipw.mask.label"))} value={(*input).clone()} {oninput} testid="mask-input" invalid={parsed.is_err()} />
            <div class="chips" aria-label={lang.t(key!("ipw.examples"))}>{ examples }</div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}
