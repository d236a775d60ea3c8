//! The address fields: the local address and port to bind or listen on (port empty or 0: the
//! OS chooses) and the remote address and port to send to or connect to. Bad ports are
//! explained under the field in the learner's language.

use yew::prelude::*;

use super::state::Mode;
use crate::components::{PortError, on_text, parse_port};
use crate::i18n::{LangCtx, use_lang};

/// A local port: empty or 0 lets the OS choose (`bind(("127.0.0.1", 0))`).
pub fn local_port(text: &str) -> Result<u16, PortError> {
    match text.trim() {
        "" | "0" => Ok(0),
        t => parse_port(t),
    }
}

/// A remote port: one is needed, 1-65535.
pub fn remote_port(text: &str) -> Result<u16, PortError> {
    parse_port(text)
}

fn port_problem(lang: &LangCtx, field: crate::i18n::Key, e: PortError) -> String {
    let why = match e {
        PortError::Empty => key!("panel.err.port_empty"),
        PortError::NotANumber => key!("panel.err.port_nan"),
        PortError::Zero => key!("panel.err.port_zero"),
        PortError::TooLarge => key!("panel.err.port_large"),
    };
    lang.tf(fill!(
        "panel.err.port",
        field = lang.t(field),
        why = lang.t(why)
    ))
}

#[derive(Properties, PartialEq)]
pub struct AddressFieldsProps {
    pub mode: Mode,
    /// The panel holds sockets: addresses are fixed until it stops.
    pub locked: bool,
    pub local_host: UseStateHandle<String>,
    pub local_port: UseStateHandle<String>,
    pub remote_host: UseStateHandle<String>,
    pub remote_port: UseStateHandle<String>,
}

#[function_component]
pub fn AddressFields(props: &AddressFieldsProps) -> Html {
    let lang = use_lang();
    let input = on_text;
    let show_local = props.mode != Mode::TcpClient;
    let show_remote = props.mode != Mode::TcpServer;
    let local_err = local_port(&props.local_port).err();
    let remote_err = remote_port(&props.remote_port)
        .err()
        .filter(|e| *e != PortError::Empty || props.mode == Mode::TcpClient);
    let host_missing = |h: &str| h.trim().is_empty();
    html! {
        <div class="panel-addresses">
            if show_local {
                <fieldset class="row">
                    <legend>{ lang.t(key!("panel.field.local")) }</legend>
                    <label>{ lang.t(key!("panel.field.host")) }
                        <input type="text" value={(*props.local_host).clone()} oninput={input(&props.local_host)}
                            data-testid="panel-local-host" spellcheck="false" autocomplete="off" disabled={props.locked} />
                    </label>
                    <label>{ lang.t(key!("panel.field.port")) }
                        <input type="text" inputmode="numeric" class="port-input" value={(*props.local_port).clone()}
                            oninput={input(&props.local_port)} placeholder={lang.t(key!("panel.field.port_auto"))}
                            data-testid="panel-local-port" autocomplete="off" disabled={props.locked} />
                    </label>
                </fieldset>
                if let Some(e) = local_err {
                    <p class="field-error" role="alert" data-testid="panel-local-error">{ port_problem(&lang, key!("panel.field.local_port"), e) }</p>
                }
                if host_missing(&props.local_host) {
                    <p class="field-error" role="alert">{ lang.t(key!("panel.err.host_empty")) }</p>
                }
            }
            if show_remote {
                <fieldset class="row">
                    <legend>{ lang.t(key!("panel.field.remote")) }</legend>
                    <label>{ lang.t(key!("panel.field.host")) }
                        <input type="text" value={(*props.remote_host).clone()} oninput={input(&props.remote_host)}
                            data-testid="panel-remote-host" spellcheck="false" autocomplete="off"
                            disabled={props.locked && props.mode == Mode::TcpClient} />
                    </label>
                    <label>{ lang.t(key!("panel.field.port")) }
                        <input type="text" inputmode="numeric" class="port-input" value={(*props.remote_port).clone()}
                            oninput={input(&props.remote_port)} data-testid="panel-remote-port" autocomplete="off"
                            disabled={props.locked && props.mode == Mode::TcpClient} />
                    </label>
                </fieldset>
                if let Some(e) = remote_err {
                    <p class="field-error" role="alert" data-testid="panel-remote-error">{ port_problem(&lang, key!("panel.field.remote_port"), e) }</p>
                }
                if host_missing(&props.remote_host) {
                    <p class="field-error" role="alert">{ lang.t(key!("panel.err.host_empty")) }</p>
                }
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_ports_may_be_left_to_the_os() {
        assert_eq!(local_port(""), Ok(0));
        assert_eq!(local_port(" 0 "), Ok(0));
        assert_eq!(local_port("7788"), Ok(7788));
        assert_eq!(local_port("70000"), Err(PortError::TooLarge));
        assert_eq!(remote_port(""), Err(PortError::Empty));
        assert_eq!(remote_port("0"), Err(PortError::Zero));
        assert_eq!(remote_port("x1"), Err(PortError::NotANumber));
    }
}
