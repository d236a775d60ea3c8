//! Writes a message: where to (optional), the text or raw hex, the encoding, and the exact
//! bytes before anything is sent, with the Python line that would send it. Bad input (a port
//! out of range, a character GBK lacks, a stray hex digit) is explained in place and the send
//! button waits until it is fixed. Used by every socket step and by the peer panel.

use std::net::SocketAddr;

use yew::prelude::*;

use crate::components::BytesView;
use crate::i18n::use_lang;
use crate::python;
use crate::text::codec::Encoding;
use crate::text::{hex, web};

/// What the learner asked to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Composed {
    pub host: String,
    pub port: u16,
    /// The text typed (in hex mode: the hex digits typed).
    pub text: String,
    /// The encoding used, `None` when the bytes were typed in hex.
    pub encoding: Option<Encoding>,
    pub bytes: Vec<u8>,
}

impl Composed {
    /// The Python expression for the payload: `"你好".encode("gbk")` or `b'\xc4\xe3'`.
    pub fn payload_expr(&self) -> String {
        payload_expr(&self.text, self.encoding, &self.bytes)
    }
}

fn payload_expr(text: &str, encoding: Option<Encoding>, bytes: &[u8]) -> String {
    match encoding {
        Some(enc) => python::encoded(text, enc),
        None => hex::python_literal(bytes),
    }
}

/// Where a message goes: a host (name or address, as typed) and a port.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    pub port: u16,
}

impl From<SocketAddr> for Target {
    fn from(addr: SocketAddr) -> Target {
        Target {
            host: addr.ip().to_string(),
            port: addr.port(),
        }
    }
}

/// What the Python line is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct PyArgs {
    /// The payload as a Python expression.
    pub payload: String,
    pub host: String,
    pub port: u16,
}

/// The default Python line: a UDP `sendto`.
pub fn sendto_line(a: PyArgs) -> String {
    python::sendto_expr("s", &a.payload, &a.host, a.port)
}

/// Whether the learner types text or raw bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputMode {
    #[default]
    Text,
    Hex,
}

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// Prefix of every `data-testid` (`udp` -> `udp-text`, `udp-send`, ...).
    pub prefix: AttrValue,
    /// Where to send, editable. `None`: the parent decides (a reply goes to the last sender).
    #[prop_or_default]
    pub target: Option<Target>,
    /// Shown in the Python line when there is no target field.
    #[prop_or_default]
    pub fixed_target: Option<Target>,
    pub default_text: AttrValue,
    pub button: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
    /// Offer a "hex" input mode besides text.
    #[prop_or_default]
    pub allow_hex: bool,
    /// Builds the Python line (default: `s.sendto(payload, (host, port))`).
    #[prop_or_else(|| Callback::from(sendto_line))]
    pub python: Callback<PyArgs, String>,
    pub onsend: Callback<Composed>,
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
    pub fn key(self) -> crate::i18n::Key {
        match self {
            PortError::Empty => key!("udp.err.port_empty"),
            PortError::NotANumber => key!("udp.err.port_nan"),
            PortError::Zero => key!("udp.err.port_zero"),
            PortError::TooLarge => key!("udp.err.port_large"),
        }
    }
}

#[function_component]
pub fn Composer(props: &ComposerProps) -> Html {
    let lang = use_lang();
    let initial = props.target.clone().unwrap_or_default();
    let host = use_state(|| initial.host.clone());
    let port = use_state(|| {
        if initial.port == 0 {
            String::new()
        } else {
            initial.port.to_string()
        }
    });
    let text = use_state(|| props.default_text.to_string());
    let encoding = use_state(Encoding::default);
    let mode = use_state(InputMode::default);
    let id = |name: &str| format!("{}-{name}", props.prefix);

    let (encoded, enc_used): (Result<Vec<u8>, String>, Option<Encoding>) = match *mode {
        InputMode::Text => (
            web::encode(*encoding, &text).map_err(|u| {
                lang.tf(fill!(
                    "udp.err.unencodable",
                    ch = &u.ch.to_string(),
                    pos = &u.pos.to_string(),
                    enc = encoding.label()
                ))
            }),
            Some(*encoding),
        ),
        InputMode::Hex => (
            hex::parse(&text).map_err(|e| match e {
                hex::HexError::NotHex { ch, pos } => lang.tf(fill!(
                    "composer.err.hex_char",
                    ch = &ch.to_string(),
                    pos = &(pos + 1).to_string()
                )),
                hex::HexError::OddDigits => lang.t(key!("composer.err.hex_odd")).to_owned(),
            }),
            None,
        ),
    };
    let port_ok = if props.target.is_some() {
        parse_port(&port).map(Some)
    } else {
        Ok(None)
    };
    let host_ok = props.target.is_none() || !host.trim().is_empty();
    let problem = match (&encoded, &port_ok, host_ok) {
        (Err(msg), _, _) => Some(msg.clone()),
        (_, Err(e), _) => Some(lang.t(e.key()).to_owned()),
        (_, _, false) => Some(lang.t(key!("udp.err.host_empty")).to_owned()),
        _ => None,
    };
    let bytes = encoded.clone().unwrap_or_default();
    let (py_host, py_port) = match (&props.target, &props.fixed_target, &port_ok) {
        (Some(_), _, Ok(Some(p))) => ((*host).clone(), *p),
        (None, Some(t), _) => (t.host.clone(), t.port),
        _ => ((*host).clone(), 0),
    };
    let py_line = props.python.emit(PyArgs {
        payload: payload_expr(&text, enc_used, &bytes),
        host: py_host,
        port: py_port,
    });

    let onsend = {
        let (host, port, text, onsend) = (
            host.clone(),
            port.clone(),
            text.clone(),
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
            onsend.emit(Composed {
                host: host.trim().to_owned(),
                port,
                text: (*text).clone(),
                encoding: enc_used,
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
    let on_mode = {
        let (mode, text, bytes) = (mode.clone(), text.clone(), bytes.clone());
        let ok = encoded.is_ok();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let next = if el.value() == "hex" {
                InputMode::Hex
            } else {
                InputMode::Text
            };
            // Switching to hex keeps the same bytes, shown as hex digits.
            if next == InputMode::Hex && *mode == InputMode::Text && ok {
                text.set(hex::spaced(&bytes));
            }
            mode.set(next);
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
                    <label>{ lang.t(key!("udp.field.host")) }
                        <input type="text" value={(*host).clone()} oninput={on_input(host.clone())}
                            data-testid={id("target-host")} spellcheck="false" autocomplete="off" />
                    </label>
                    <label>{ lang.t(key!("udp.field.port")) }
                        <input type="text" inputmode="numeric" value={(*port).clone()} oninput={on_input(port.clone())}
                            data-testid={id("target-port")} class="port-input" autocomplete="off" />
                    </label>
                </div>
            }
            <div class="row">
                <label class="grow">{ if *mode == InputMode::Hex { lang.t(key!("composer.field.hex")) } else { lang.t(key!("udp.field.text")) } }
                    <textarea rows="2" value={(*text).clone()} oninput={on_text} data-testid={id("text")} spellcheck="false" />
                </label>
                if props.allow_hex {
                    <label>{ lang.t(key!("composer.field.mode")) }
                        <select onchange={on_mode} data-testid={id("mode")}>
                            <option value="text" selected={*mode == InputMode::Text}>{ lang.t(key!("composer.mode.text")) }</option>
                            <option value="hex" selected={*mode == InputMode::Hex}>{ lang.t(key!("composer.mode.hex")) }</option>
                        </select>
                    </label>
                }
                if *mode == InputMode::Text {
                    <label>{ lang.t(key!("udp.field.encoding")) }
                        <select onchange={on_encoding} data-testid={id("encoding")}>{ options }</select>
                    </label>
                }
            </div>
            <div class="preview">
                <span class="label">{ lang.t(key!("udp.field.bytes")) }</span>
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

    #[test]
    fn payloads_read_as_python() {
        assert_eq!(
            payload_expr("你好", Some(Encoding::Gbk), &[]),
            "\"你好\".encode(\"gbk\")"
        );
        assert_eq!(payload_expr("c4 e3", None, &[0xC4, 0xE3]), "b'\\xc4\\xe3'");
        let line = sendto_line(PyArgs {
            payload: "b'x'".into(),
            host: "127.0.0.1".into(),
            port: 9,
        });
        assert_eq!(line, "s.sendto(b'x', (\"127.0.0.1\", 9))");
    }
}
