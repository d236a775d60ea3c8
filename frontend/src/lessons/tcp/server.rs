//! Step "server": bind, listen(backlog), and watch accept() hand each client its own NEW
//! socket. Every client gets a row: its address, its socket, what each recv returned, a send
//! box, and "recv returned 0 bytes" when it leaves. Closing the listener stops new clients;
//! the ones already accepted go on talking.

use protocol::{ErrorCode, RelayError, SocketId};
use yew::prelude::*;

use super::client::decode_select;
use super::diagram::StateDiagram;
use super::lab::{Live, Sock};
use super::lab::{TcpLine, TcpState};
use super::log_line::received;
use crate::components::{
    Composed, Composer, ErrorBox, PyArgs, PythonCode, Target, on_text, parse_port,
};
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};
use crate::python;
use crate::text::codec::Encoding;

pub const DEFAULT_PORT: u16 = 7788;
pub const DEFAULT_BACKLOG: u32 = 5;

/// What to say of a bind the relay refused, by the address tried: every interface, or some
/// address that is not this machine's loopback.
pub fn bind_denied_key(host: &str) -> crate::i18n::Key {
    match host.trim() {
        "" | "0.0.0.0" | "::" | "::0" | "0:0:0:0:0:0:0:0" => key!("tcp.err.bind_all"),
        _ => key!("tcp.err.bind_other"),
    }
}

#[function_component]
pub fn ServerLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<TcpState>();
    let host = use_state(|| "127.0.0.1".to_owned());
    let port = use_state(|| DEFAULT_PORT.to_string());
    let backlog = use_state(|| DEFAULT_BACKLOG.to_string());
    // The last listen that failed, with the address it tried: shown by the button, always.
    let listen_error = use_state(|| None::<(String, RelayError)>);
    let port_parsed = parse_port(&port);
    let backlog_parsed = backlog
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|b| (1..=4096).contains(b));
    let listener = lab.listener().cloned();
    // The last port listened on, for the learner's client program once the listener is closed.
    let shown_port = lab
        .socks
        .iter()
        .rev()
        .find(|s| s.role == super::lab::Role::Listener)
        .and_then(|s| s.local)
        .map(|a| a.port())
        .or(port_parsed.ok())
        .unwrap_or(DEFAULT_PORT);

    let onlisten = {
        let lab = lab.clone();
        let host = host.trim().to_owned();
        let listen_error = listen_error.clone();
        Callback::from(move |_: MouseEvent| {
            let (Ok(port), Some(backlog)) = (port_parsed, backlog_parsed) else {
                return;
            };
            let host = host.clone();
            let listen_error = listen_error.clone();
            lab.run(move |ops| async move {
                let failed = ops
                    .listen("s", &host, port, backlog, Some(super::lab::COURSE_RECV))
                    .await
                    .err();
                listen_error.set(failed.map(|e| (host, e)));
            });
        })
    };
    let onclose_listener = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(l) = lab.listener() else { return };
            let socket = l.id;
            lab.run(move |ops| async move {
                ops.close("s", socket).await;
            });
        })
    };
    let onsend = {
        let lab = lab.clone();
        Callback::from(move |(socket, out): (SocketId, Composed)| {
            let var = lab.var(socket);
            lab.run(move |ops| async move {
                ops.send(&var, socket, &out.payload_expr(), out.bytes).await;
            });
        })
    };
    let onclose = {
        let lab = lab.clone();
        Callback::from(move |socket: SocketId| {
            let var = lab.var(socket);
            lab.run(move |ops| async move {
                ops.close(&var, socket).await;
            });
        })
    };
    let onclear = { lab.callback(|_: MouseEvent| super::lab::Action::Clear) };
    let clients = lab
        .accepted()
        .map(|s| {
            html! {
                <ClientRow key={s.id} sock={s.clone()} decode_as={lab.decode_as} busy={lab.busy()}
                    onsend={onsend.clone()} onclose={onclose.clone()} />
            }
        })
        .collect::<Html>();
    let had_listener = lab
        .socks
        .iter()
        .any(|s| s.role == super::lab::Role::Listener);
    let learner_client =
        python::tcp_client_program("你好, server", Encoding::Utf8, "127.0.0.1", shown_port);
    html! {
        <div class="lab" data-testid="tcp-server-lab">
            <div class="row">
                <label>{ lang.t(key!("udp.field.bind_host")) }
                    <input type="text" value={(*host).clone()} oninput={on_text(&host)} data-testid="tcp-listen-host" spellcheck="false" disabled={listener.is_some()} />
                </label>
                <label>{ lang.t(key!("udp.field.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_text(&port)} data-testid="tcp-listen-port" disabled={listener.is_some()} />
                </label>
                <label>{ "backlog" }
                    <input type="text" inputmode="numeric" class="port-input" value={(*backlog).clone()} oninput={on_text(&backlog)} data-testid="tcp-listen-backlog" disabled={listener.is_some()} />
                </label>
                <button class="primary" onclick={onlisten} disabled={listener.is_some() || lab.busy() || port_parsed.is_err() || backlog_parsed.is_none()} data-testid="tcp-listen">
                    { lang.t(key!("tcp.button.listen")) }
                </button>
                <button class="secondary" onclick={onclose_listener} disabled={listener.is_none() || lab.busy()} data-testid="tcp-close-listener">
                    { lang.t(key!("tcp.button.close_listener")) }
                </button>
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            if backlog_parsed.is_none() {
                <p class="field-error" role="alert">{ lang.t(key!("tcp.err.backlog")) }</p>
            }
            if let Some((tried, error)) = (*listen_error).clone() {
                <ErrorBox testid="tcp-listen-error" explanation={
                    (error.code == ErrorCode::BindDenied).then(|| AttrValue::from(lang.tf(
                        bind_denied_key(&tried).fill(&[("host", &if tried.is_empty() { "\"\"".to_owned() } else { tried.clone() })]),
                    )))
                } {error} />
            }
            <code class="py-line">{ python::tcp_listen("s", host.trim(), port_parsed.unwrap_or(0), backlog_parsed.unwrap_or(0)) }</code>
            <div class="socket-state" data-testid="tcp-listening" data-local={listener.as_ref().and_then(|l| l.local).map(|a| a.to_string()).unwrap_or_default()}>
                { match (&listener, had_listener) {
                    (Some(l), _) => lang.tf(fill!("tcp.server.listening", id = &l.id.to_string(), local = &l.local.map(|a| a.to_string()).unwrap_or_default())),
                    (None, true) => lang.t(key!("tcp.server.listener_closed")).to_owned(),
                    (None, false) => lang.t(key!("tcp.server.not_listening")).to_owned(),
                } }
            </div>
            <details open={true}>
                <summary>{ lang.t(key!("tcp.server.try_python")) }</summary>
                <PythonCode code={learner_client} />
            </details>
            <StateDiagram socks={lab.socks.clone()} />
            <div class="row">
                <h3 class="grow">{ lang.tf(fill!("tcp.server.clients", n = &lab.accepted().count().to_string())) }</h3>
                { decode_select(&lab, "tcp-server-decode", lang.t(key!("udp.field.decode_as"))) }
                <button class="secondary" onclick={onclear} data-testid="tcp-clear">{ lang.t(key!("udp.button.clear")) }</button>
            </div>
            if lab.accepted().next().is_none() {
                <p class="hint" data-testid="tcp-no-clients">{ lang.t(key!("tcp.server.no_clients")) }</p>
            }
            <div class="client-rows">{ clients }</div>
            <details>
                <summary>{ lang.t(key!("udp.log.title")) }</summary>
                <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="tcp-server-log" />
            </details>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ClientRowProps {
    sock: Sock,
    decode_as: Encoding,
    busy: bool,
    onsend: Callback<(SocketId, Composed)>,
    onclose: Callback<SocketId>,
}

/// One accepted client: its own socket, its recvs, its send box.
#[function_component]
fn ClientRow(props: &ClientRowProps) -> Html {
    let lang = use_lang();
    let s = &props.sock;
    let var = format!("conn{}", s.id);
    let peer = s.peer.map(|p| p.to_string()).unwrap_or_default();
    let recvs = s
        .recvs
        .iter()
        .map(|data| {
            html! {
                <li class="call in" data-testid="tcp-client-recv" data-bytes={data.len().to_string()}>
                    <code class="py">{ python::recv(&var, super::lab::COURSE_RECV) }</code>
                    <div class="outcome">
                        <div>{ lang.tf(fill!("tcp.log.recv", id = &s.id.to_string(), bytes = &data.len().to_string())) }</div>
                        { received(data, props.decode_as, &lang) }
                    </div>
                </li>
            }
        })
        .collect::<Html>();
    let left = s.state == Live::Open(protocol::SocketState::PeerClosed);
    let closed = s.state == Live::Closed;
    let onsend = {
        let (cb, id) = (props.onsend.clone(), s.id);
        Callback::from(move |out: Composed| cb.emit((id, out)))
    };
    let onclose = {
        let (cb, id) = (props.onclose.clone(), s.id);
        Callback::from(move |_: MouseEvent| cb.emit(id))
    };
    let python_line = {
        let var = var.clone();
        Callback::from(move |a: PyArgs| python::send(&var, &a.payload))
    };
    html! {
        <section class={classes!("client-row", s.state.name())} data-testid="tcp-client-row" data-peer={peer.clone()} data-socket={s.id.to_string()} data-state={s.state.name()}>
            <h4>{ lang.tf(fill!("tcp.server.client_head", id = &s.id.to_string(), peer = &peer, var = &var)) }</h4>
            <code class="py-line">{ format!("{var}, addr = s.accept()   # addr = ({}, {})", python::str_literal(&s.peer.map(|p| p.ip().to_string()).unwrap_or_default()), s.peer.map(|p| p.port()).unwrap_or(0)) }</code>
            if !s.recvs.is_empty() {
                <ol class="call-log">{ recvs }</ol>
            }
            if left {
                <p class="client-left" data-testid="tcp-client-left">{ lang.t(key!("tcp.server.client_left")) }</p>
            }
            if closed {
                <p class="hint">{ lang.tf(fill!("tcp.log.closed", id = &s.id.to_string())) }</p>
            } else {
                <Composer
                    prefix="tcp-client"
                    fixed_target={s.peer.map(Target::from)}
                    default_text="收到"
                    button={lang.t(key!("tcp.button.send"))}
                    disabled={props.busy}
                    allow_hex={true}
                    python={python_line}
                    onsend={onsend}
                />
                <div class="actions">
                    <button class="secondary" onclick={onclose} disabled={props.busy} data-testid="tcp-client-close">
                        { lang.tf(fill!("tcp.button.close_conn", var = &var)) }
                    </button>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_bind_is_explained_for_the_address_tried() {
        for every in ["", " ", "0.0.0.0", "::"] {
            assert_eq!(
                bind_denied_key(every),
                key!("tcp.err.bind_all"),
                "{every:?}"
            );
        }
        for other in ["192.168.1.5", "10.0.0.1", "fe80::1"] {
            assert_eq!(
                bind_denied_key(other),
                key!("tcp.err.bind_other"),
                "{other}"
            );
        }
        // The two texts say different things, and the other one names no 0.0.0.0.
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhCn] {
            assert!(!crate::i18n::tr(lang, key!("tcp.err.bind_other")).contains("0.0.0.0"));
            assert!(crate::i18n::tr(lang, key!("tcp.err.bind_all")).contains("--allow-bind-all"));
        }
    }
}
