//! Step "bind": a receiver binds a fixed port (7788, like an emergency number that never
//! changes) and watches datagrams arrive with each sender's address and port. The learner's own
//! Python program can be the sender; the page can answer it.

use yew::prelude::*;

use super::lab::{Action, UdpLine, UdpState};
use crate::components::{Composed, Composer, EncodingSelect, Target, on_text, parse_port};
use crate::components::{HeldByOffer, PythonCode};
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};
use crate::python;
use crate::text::codec::Encoding;

pub const DEFAULT_PORT: u16 = 7788;

#[function_component]
pub fn BindLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<UdpState>();
    let host = use_state(|| "127.0.0.1".to_owned());
    let port = use_state(|| DEFAULT_PORT.to_string());
    let port_parsed = parse_port(&port);

    let onbind = {
        let lab = lab.clone();
        let (host, port) = ((*host).clone(), port_parsed);
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port else { return };
            let host = host.trim().to_owned();
            lab.run(move |ops| async move {
                let Some(socket) = ops.open("s").await else {
                    return;
                };
                if ops.bind("s", socket, &host, port).await.is_none() {
                    ops.close("s", socket).await;
                }
            });
        })
    };
    // The last bind failed because this page's own earlier socket holds the port: offer to
    // close it and bind again. (After a failed bind the step closes its new socket, so the
    // failure is the last line before that close.)
    let held_by = match lab
        .log
        .iter()
        .rev()
        .find(|l| !matches!(l, UdpLine::Closed { .. }))
    {
        Some(UdpLine::Failed { error, .. }) if lab.socket.is_none() => error.held_by,
        _ => None,
    };
    let onfree = {
        let lab = lab.clone();
        let (host, port) = ((*host).clone(), port_parsed);
        Callback::from(move |_: MouseEvent| {
            let (Some(held), Ok(port)) = (held_by, port) else {
                return;
            };
            let host = host.trim().to_owned();
            lab.run(move |ops| async move {
                ops.close("s", held).await;
                let Some(socket) = ops.open("s").await else {
                    return;
                };
                if ops.bind("s", socket, &host, port).await.is_none() {
                    ops.close("s", socket).await;
                }
            });
        })
    };
    let onclose = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(socket) = lab.socket else { return };
            lab.run(move |ops| async move {
                ops.close("s", socket).await;
            });
        })
    };
    let onreply = {
        let lab = lab.clone();
        Callback::from(move |mut out: Composed| {
            let (Some(socket), Some(peer)) = (lab.socket, lab.last_peer) else {
                return;
            };
            out.host = peer.ip().to_string();
            out.port = peer.port();
            lab.run(move |ops| async move {
                ops.send("s", socket, &out).await;
            });
        })
    };
    let onclear = lab.callback(|_: MouseEvent| Action::Clear);
    let on_host = on_text(&host);
    let on_port = on_text(&port);
    let bound = lab.local.filter(|_| lab.socket.is_some());
    let shown_port = bound
        .map(|b| b.port())
        .or(port_parsed.ok())
        .unwrap_or(DEFAULT_PORT);
    let learner_sender = format!(
        "import socket\n\n{}\n{}\n{}\nprint(data.decode(\"utf-8\"), addr)\n",
        python::udp_open("s"),
        python::sendto("s", "你好, page", Encoding::Utf8, "127.0.0.1", shown_port),
        python::recvfrom("s"),
    );
    html! {
        <div class="lab" data-testid="udp-bind-lab">
            <div class="row">
                <label>{ lang.t(key!("udp.field.bind_host")) }
                    <input type="text" value={(*host).clone()} oninput={on_host} data-testid="udp-bind-host" spellcheck="false" disabled={bound.is_some()} />
                </label>
                <label>{ lang.t(key!("udp.field.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_port} data-testid="udp-bind-port" disabled={bound.is_some()} />
                </label>
                <button class="primary" onclick={onbind} disabled={bound.is_some() || lab.busy() || port_parsed.is_err()} data-testid="udp-bind">
                    { lang.t(key!("udp.button.bind")) }
                </button>
                <button class="secondary" onclick={onclose} disabled={lab.socket.is_none() || lab.busy()} data-testid="udp-close">
                    { lang.t(key!("udp.button.close")) }
                </button>
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            if let (Some(held), Ok(port)) = (held_by, port_parsed) {
                <HeldByOffer socket={held} {port} onclick={onfree} disabled={lab.busy()} />
            }
            <div class="socket-state" data-testid="udp-bound" data-local={bound.map(|b| b.to_string()).unwrap_or_default()}>
                { match bound {
                    Some(b) => lang.tf(fill!("udp.bind.listening", local = &b.to_string())),
                    None => lang.t(key!("udp.bind.not_bound")).to_owned(),
                } }
            </div>
            <details open={true}>
                <summary>{ lang.t(key!("udp.bind.try_python")) }</summary>
                <PythonCode code={learner_sender} />
            </details>
            <div class="row">
                <h3 class="grow">{ lang.t(key!("udp.bind.arrivals")) }</h3>
                <label>{ lang.t(key!("udp.field.decode_as")) }
                    <EncodingSelect value={lab.decode_as} onpick={lab.callback(Action::DecodeAs)} testid="udp-decode-encoding" />
                </label>
                <button class="secondary" onclick={onclear} data-testid="udp-clear-log">{ lang.t(key!("udp.button.clear")) }</button>
            </div>
            <LogView<UdpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="udp-bind-log" totals={lab.log.totals(key!("log.totals.datagrams"))} />
            <h3>{ lang.t(key!("udp.bind.reply")) }</h3>
            if let Some(peer) = lab.last_peer {
                <p class="hint">{ lang.tf(fill!("udp.bind.reply_to", peer = &peer.to_string())) }</p>
            } else {
                <p class="hint">{ lang.t(key!("udp.bind.reply_wait")) }</p>
            }
            <Composer
                prefix="udp-reply"
                fixed_target={lab.last_peer.map(Target::from)}
                default_text="收到, thanks"
                button={lang.t(key!("udp.button.reply"))}
                disabled={lab.last_peer.is_none() || lab.socket.is_none() || lab.busy()}
                onsend={onreply}
            />
        </div>
    }
}
