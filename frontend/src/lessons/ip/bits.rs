//! The 32 bits of an address in four octets: class-prefix bits marked, network and host bits in
//! two colours when a prefix is known. Used by the explorer, the mask step and the calculator.

use std::net::Ipv4Addr;

use netmath::Prefix;
use netmath::bits::{Part, bit_view};
use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct BitsProps {
    pub addr: Ipv4Addr,
    /// Colour network and host bits under this prefix; `None` shows plain bits.
    #[prop_or_default]
    pub prefix: Option<Prefix>,
    /// Mark the leading bits that give the class.
    #[prop_or_default]
    pub class_bits: bool,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component]
pub fn Bits(props: &BitsProps) -> Html {
    let lang = use_lang();
    let view = bit_view(props.addr, props.prefix.unwrap_or(Prefix::MAX));
    let text: String = view
        .iter()
        .map(|b| if b.value { '1' } else { '0' })
        .collect();
    let octets = props.addr.octets();
    let groups = (0..4)
        .map(|o| {
            let cells = view[o * 8..o * 8 + 8]
                .iter()
                .map(|b| {
                    let part = match (props.prefix, b.part) {
                        (None, _) => None,
                        (Some(_), Part::Network) => Some("net"),
                        (Some(_), Part::Host) => Some("host"),
                    };
                    let cls = classes!(
                        "bit",
                        part,
                        (props.class_bits && b.class_prefix).then_some("cls")
                    );
                    html! { <span class={cls}>{ if b.value { "1" } else { "0" } }</span> }
                })
                .collect::<Html>();
            html! {
                <span class="octet">
                    <span class="octet-bits">{ cells }</span>
                    <span class="octet-dec">{ octets[o] }</span>
                </span>
            }
        })
        .collect::<Html>();
    let legend = html! {
        <span class="bits-legend">
            if props.class_bits { <span><span class="swatch cls"></span>{ lang.t(key!("ipw.bits.class")) }</span> }
            if props.prefix.is_some() {
                <span><span class="swatch net"></span>{ lang.t(key!("ipw.bits.network")) }</span>
                <span><span class="swatch host"></span>{ lang.t(key!("ipw.bits.host")) }</span>
            }
        </span>
    };
    html! {
        <div class="bits-view" data-testid={props.testid.clone()} data-bits={text}
            role="img" aria-label={lang.tf(fill!("ipw.bits.alt", addr = &props.addr.to_string()))}>
            <div class="octets">{ groups }</div>
            { legend }
        </div>
    }
}
