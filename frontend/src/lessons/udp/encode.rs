//! Text becomes bytes before it can be sent: the same text in UTF-8 and in GBK, byte by byte,
//! and the garbage a receiver sees when it decodes with the wrong one. Runs in the page alone.

use yew::prelude::*;

use crate::components::BytesView;
use crate::i18n::use_lang;
use crate::text::codec::Encoding;
use crate::text::web;

#[function_component]
pub fn EncodeLab() -> Html {
    let lang = use_lang();
    let text = use_state(|| "你好, UDP".to_owned());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(el.value());
        })
    };
    let column = |enc: Encoding, other: Encoding| -> Html {
        let testid = format!("encode-{}", enc.label());
        match web::encode(enc, &text) {
            Ok(bytes) => {
                let garbled = web::decode(other, &bytes);
                html! {
                    <div class="encode-col" data-testid={testid}>
                        <h3>{ enc.label().to_ascii_uppercase() }</h3>
                        <code class="py-line">{ crate::python::encoded(&text, enc) }</code>
                        <BytesView bytes={bytes.clone()} testid={format!("encode-{}-hex", enc.label())} />
                        <p class="mismatch">
                            { lang.tf(fill!("udp.encode.mismatch", other = other.label())) }
                            <span class="garbled" data-testid={format!("encode-{}-as-{}", enc.label(), other.label())}>{ garbled }</span>
                        </p>
                    </div>
                }
            }
            Err(u) => html! {
                <div class="encode-col" data-testid={testid}>
                    <h3>{ enc.label().to_ascii_uppercase() }</h3>
                    <p class="field-error" role="alert">{ lang.tf(fill!("udp.err.unencodable", ch = &u.ch.to_string(), pos = &u.pos.to_string(), enc = enc.label())) }</p>
                    <code class="py-line" data-testid={format!("encode-{}-python-error", enc.label())}>{ u.python_error(enc) }</code>
                </div>
            },
        }
    };
    html! {
        <div class="encode-lab">
            <label class="grow">{ lang.t(key!("udp.field.text")) }
                <input type="text" value={(*text).clone()} {oninput} data-testid="encode-text" />
            </label>
            <div class="encode-cols">
                { column(Encoding::Utf8, Encoding::Gbk) }
                { column(Encoding::Gbk, Encoding::Utf8) }
            </div>
        </div>
    }
}
