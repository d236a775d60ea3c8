//! Writes a datagram: where to (optional), the text, the encoding, and the exact bytes in hex
//! before anything is sent. Bad input (a port out of range, a character GBK lacks) is explained
//! in place and the send button waits until it is fixed.

use yew::prelude::*;

use super::python;
use crate::components::BytesView;
use crate::i18n::use_lang;
use crate::text::codec::{Encoding, Unencodable};
use crate::text::web;

/// What the learner asked to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub host: String,
    pub port: u16,
    pub text: String,
    pub encoding: Encoding,
    pub bytes: Vec<u8>,
}

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// Prefix of every `data-testid` (`udp` -> `udp-text`, `udp-send`, ...).
    pub prefix: AttrValue,
    /// Where to send, editable. `None`: the parent decides (a reply goes to the last sender).
    #[prop_or_default]
    pub target: Option<(String, u16)>,
    /// Shown in the Python line when there is no target field.
    #[prop_or_default]
    pub fixed_target: Option<(String, u16)>,
    pub default_text: AttrValue,
    pub button: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
    pub onsend: Callback<Outgoing>,
}

/// Parses a port typed by a person.
pub fn parse_port(text: &str) -> Result<u16, PortError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(PortError::Empty);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(PortError::NotANumber);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=65_535).contains(&n) => Ok(n as u16),
        Ok(0) => Err(PortError::Zero),
        _ => Err(PortError::TooLarge),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortError {
    Empty,
    NotANumber,
    Zero,
    TooLarge,
}

impl PortError {
    pub fn key(self) -> &'static str {
        match self {
            PortError::Empty => "udp.err.port_empty",
            PortError::NotANumber => "udp.err.port_nan",
            PortError::Zero => "udp.err.port_zero",
            PortError::TooLarge => "udp.err.port_large",
        }
    }
}

#[function_component]
pub fn Composer(props: &ComposerProps) -> Html {
    let lang = use_lang();
    let (h0, p0) = props.target.clone().unwrap_or_default();
    let host = use_state(|| h0);
    let port = use_state(|| {
        if p0 == 0 {
            String::new()
        } else {
            p0.to_string()
        }
    });
    let text = use_state(|| props.default_text.to_string());
    let encoding = use_state(Encoding::default);
    let id = |name: &str| format!("{}-{name}", props.prefix);

    let encoded: Result<Vec<u8>, Unencodable> = web::encode(*encoding, &text);
    let port_ok = if props.target.is_some() {
        parse_port(&port).map(Some)
    } else {
        Ok(None)
    };
    let host_ok = props.target.is_none() || !host.trim().is_empty();
    let problem = match (&encoded, &port_ok, host_ok) {
        (Err(u), _, _) => Some(lang.tf(
            "udp.err.unencodable",
            &[
                ("ch", &u.ch.to_string()),
                ("pos", &u.pos.to_string()),
                ("enc", encoding.label()),
            ],
        )),
        (_, Err(e), _) => Some(lang.t(e.key()).to_owned()),
        (_, _, false) => Some(lang.t("udp.err.host_empty").to_owned()),
        _ => None,
    };
    let bytes = encoded.clone().unwrap_or_default();
    let (py_host, py_port) = match (&props.target, &props.fixed_target, &port_ok) {
        (Some(_), _, Ok(Some(p))) => ((*host).clone(), *p),
        (None, Some((h, p)), _) => (h.clone(), *p),
        _ => ((*host).clone(), 0),
    };
    let py_line = python::sendto("s", &text, *encoding, &py_host, py_port);

    let onsend = {
        let (host, port, text, encoding, onsend) = (
            host.clone(),
            port.clone(),
            text.clone(),
            encoding.clone(),
            props.onsend.clone(),
        );
        let has_target = props.target.is_some();
        let bytes = bytes.clone();
        let blocked = problem.is_some();
        Callback::from(move |_: MouseEvent| {
            if blocked {
                return;
            }
            let port = if has_target {
                parse_port(&port).unwrap_or(0)
            } else {
                0
            };
            onsend.emit(Outgoing {
                host: host.trim().to_owned(),
                port,
                text: (*text).clone(),
                encoding: *encoding,
                bytes: bytes.clone(),
            });
        })
    };
    let on_input = |state: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(el.value());
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(el.value());
        })
    };
    let on_encoding = {
        let encoding = encoding.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(enc) = Encoding::from_label(&el.value()) {
                encoding.set(enc);
            }
        })
    };
    let options = Encoding::ALL
        .iter()
        .map(|e| html! { <option value={e.label()} selected={*e == *encoding}>{ e.label().to_ascii_uppercase() }</option> })
        .collect::<Html>();

    html! {
        <div class="composer">
            if props.target.is_some() {
                <div class="row">
                    <label>{ lang.t("udp.field.host") }
                        <input type="text" value={(*host).clone()} oninput={on_input(host.clone())}
                            data-testid={id("target-host")} spellcheck="false" autocomplete="off" />
                    </label>
                    <label>{ lang.t("udp.field.port") }
                        <input type="text" inputmode="numeric" value={(*port).clone()} oninput={on_input(port.clone())}
                            data-testid={id("target-port")} class="port-input" autocomplete="off" />
                    </label>
                </div>
            }
            <div class="row">
                <label class="grow">{ lang.t("udp.field.text") }
                    <textarea rows="2" value={(*text).clone()} oninput={on_text} data-testid={id("text")} />
                </label>
                <label>{ lang.t("udp.field.encoding") }
                    <select onchange={on_encoding} data-testid={id("encoding")}>{ options }</select>
                </label>
            </div>
            <div class="preview">
                <span class="label">{ lang.t("udp.field.bytes") }</span>
                <BytesView bytes={bytes} testid={id("hex-preview")} />
            </div>
            if let Some(p) = &problem {
                <p class="field-error" role="alert" data-testid={id("input-error")}>{ p.clone() }</p>
            }
            <code class="py-line">{ py_line }</code>
            <div class="actions">
                <button class="primary" onclick={onsend} disabled={props.disabled || problem.is_some()} data-testid={id("send")}>
                    { props.button.clone() }
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_are_checked_like_a_person_types_them() {
        assert_eq!(parse_port("7788"), Ok(7788));
        assert_eq!(parse_port(" 80 "), Ok(80));
        assert_eq!(parse_port(""), Err(PortError::Empty));
        assert_eq!(parse_port("0"), Err(PortError::Zero));
        assert_eq!(parse_port("65536"), Err(PortError::TooLarge));
        assert_eq!(parse_port("99999999999999"), Err(PortError::TooLarge));
        assert_eq!(parse_port("-1"), Err(PortError::NotANumber));
        assert_eq!(parse_port("7a"), Err(PortError::NotANumber));
    }
}
