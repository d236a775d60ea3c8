//! The peer panel: the other end of the learner's own socket programs, in the page. It replaces
//! the Windows-only "network debug assistant" of the course: UDP, TCP client or TCP server;
//! local and remote address; text (UTF-8 or GBK) or hex; a timestamped log; auto-reply; clear
//! and save. Real sockets, through the relay. Shown on its own page (`/panel`) and beside every
//! socket step; closing it closes its sockets.

mod ctx;
mod events;
mod fields;
pub mod log;
pub mod reply;
mod save;
pub mod state;
mod tcp_client;
mod tcp_server;
mod udp;
mod view;

use yew::prelude::*;

use crate::components::{
    Composed, Composer, EncodingSelect, PyArgs, RelayGate, Target, on_text, sendto_line,
};
use crate::i18n::use_lang;
use crate::lab::clock_ms;
use crate::lab::{LabHandle, LogView, use_lab};
use crate::text::web;
use fields::{AddressFields, local_port, remote_port};
use log::Line;
use reply::AutoReply;
use state::{Action, Mode, Panel};

/// `/panel`: the panel on a page of its own.
#[function_component]
pub fn PanelPage() -> Html {
    let lang = use_lang();
    html! {
        <main class="page panel-page" data-testid="panel-page">
            <h1>{ lang.t(key!("panel.title")) }</h1>
            <crate::components::Prose text={lang.t(key!("panel.intro"))} />
            <RelayGate><PeerPanel /></RelayGate>
        </main>
    }
}

/// The panel's lab ([`use_lab`] routes the relay's events in and closes its sockets when it
/// goes away), plus the auto-replies the reducer decided on, each sent exactly once.
#[hook]
fn use_panel() -> LabHandle<Panel> {
    let panel = use_lab::<Panel>();
    let sent_upto = use_mut_ref(|| 0u64);
    {
        let (ops, mode) = (panel.ops(), panel.mode);
        use_effect_with(panel.outbox.clone(), move |outbox| {
            let fresh: Vec<_> = outbox
                .iter()
                .filter(|o| o.id > *sent_upto.borrow())
                .cloned()
                .collect();
            if let Some(last) = fresh.last() {
                *sent_upto.borrow_mut() = last.id;
                ops.dispatch(Action::Dequeue { upto: last.id });
                yew::platform::spawn_local(async move {
                    for o in fresh {
                        match mode {
                            Mode::Udp => udp::answer(ops.clone(), o.socket, o.to, o.bytes).await,
                            _ => tcp_client::send(&ops, o.socket, o.bytes, None, true).await,
                        }
                    }
                });
            }
        });
    }
    panel
}

#[function_component]
pub fn PeerPanel() -> Html {
    let lang = use_lang();
    let panel = use_panel();
    let local_host = use_state(|| "127.0.0.1".to_owned());
    let local_port_text = use_state(String::new);
    let remote_host = use_state(|| "127.0.0.1".to_owned());
    let remote_port_text = use_state(String::new);
    let fixed_text = use_state(|| "收到".to_owned());
    let saved_url = use_state(|| None::<String>);

    let mode = panel.mode;
    let holding = panel.socket.is_some() || panel.live_clients().next().is_some();
    let local = local_port(&local_port_text);
    let remote = remote_port(&remote_port_text);
    let remote_ok = remote.is_ok() && !remote_host.trim().is_empty();

    let onmode = {
        let (lab, sockets) = (panel.clone(), panel.sockets());
        move |m: Mode| {
            let (lab, sockets) = (lab.clone(), sockets.clone());
            Callback::from(move |_: MouseEvent| {
                if m == mode {
                    return;
                }
                let (ops, sockets) = (lab.ops(), sockets.clone());
                yew::platform::spawn_local(async move {
                    for s in sockets {
                        ops.close_quietly(s).await;
                    }
                });
                lab.dispatch(Action::SwitchMode(m));
            })
        }
    };
    let onstart = {
        let (lab, lh, rh) = (panel.clone(), (*local_host).clone(), (*remote_host).clone());
        Callback::from(move |_: MouseEvent| match mode {
            Mode::Udp => {
                if let Ok(port) = local {
                    let host = lh.trim().to_owned();
                    lab.run(move |ops| udp::bind(ops, host, port));
                }
            }
            Mode::TcpServer => {
                if let Ok(port) = local {
                    let host = lh.trim().to_owned();
                    lab.run(move |ops| tcp_server::listen(ops, host, port));
                }
            }
            Mode::TcpClient => {
                if let Ok(port) = remote {
                    let host = rh.trim().to_owned();
                    lab.run(move |ops| tcp_client::connect(ops, host, port));
                }
            }
        })
    };
    let onstop = {
        let (lab, sockets) = (panel.clone(), panel.sockets());
        Callback::from(move |_: MouseEvent| {
            let sockets = sockets.clone();
            lab.run(move |ops| tcp_client::close_all(ops, sockets));
        })
    };
    let onsend = {
        let lab = panel.clone();
        let (rh, remote) = ((*remote_host).clone(), remote);
        Callback::from(move |out: Composed| match lab.mode {
            Mode::Udp => {
                let Ok(port) = remote else { return };
                let datagram = udp::Datagram {
                    host: rh.trim().to_owned(),
                    port,
                    data: out.bytes,
                    encoding: out.encoding,
                    auto: false,
                };
                let socket = lab.socket;
                lab.run(move |ops| udp::send_to(ops, socket, datagram));
            }
            Mode::TcpClient => {
                let Some(socket) = lab.socket else { return };
                lab.run(move |ops| async move {
                    tcp_client::send(&ops, socket, out.bytes, out.encoding, false).await
                });
            }
            Mode::TcpServer => {
                let targets = lab.targets();
                lab.run(move |ops| tcp_server::send(ops, targets, out.bytes, out.encoding));
            }
        })
    };
    let on_use_sender = {
        let (rh, rp, sender) = (
            remote_host.clone(),
            remote_port_text.clone(),
            panel.last_sender,
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = sender {
                rh.set(s.ip().to_string());
                rp.set(s.port().to_string());
            }
        })
    };
    // The fixed auto-reply is encoded in the panel's encoding; a character it lacks is shown.
    let fixed_bytes = web::encode(panel.encoding, &fixed_text);
    {
        let lab = panel.clone();
        let wanted = match (panel.auto_reply.name(), &fixed_bytes) {
            ("fixed", Ok(b)) => Some(AutoReply::Fixed(b.clone())),
            ("fixed", Err(_)) => Some(AutoReply::Fixed(Vec::new())),
            _ => None,
        };
        use_effect_with(wanted, move |w| {
            if let Some(w) = w {
                lab.dispatch(Action::SetAutoReply(w.clone()));
            }
        });
    }
    let on_auto = {
        let (lab, bytes) = (panel.clone(), fixed_bytes.clone());
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let a = match el.value().as_str() {
                "echo" => AutoReply::Echo,
                "fixed" => AutoReply::Fixed(bytes.clone().unwrap_or_default()),
                _ => AutoReply::Off,
            };
            lab.dispatch(Action::SetAutoReply(a));
        })
    };
    let on_fixed = on_text(&fixed_text);
    let onclear = panel.callback(|_: MouseEvent| Action::Clear);
    let onsave = {
        let (p, saved_url, l) = (panel.clone(), saved_url.clone(), lang.lang);
        Callback::from(move |_: MouseEvent| {
            let text = log::to_text(&p.log, l, p.encoding, web::decode);
            if let Some(old) = saved_url.as_ref() {
                save::revoke(old);
            }
            saved_url.set(save::download(&text, &save::file_name(clock_ms())));
        })
    };
    let onpick = panel.callback(Action::PickTarget);

    let mode_buttons = Mode::ALL
        .iter()
        .map(|&m| {
            html! {
                <button class={classes!("lang-option", (m == mode).then_some("active"))}
                    aria-pressed={(m == mode).to_string()} onclick={onmode(m)} disabled={panel.busy()}
                    data-testid={format!("panel-mode-{}", m.name())}>
                    { lang.t(m.text()) }
                </button>
            }
        })
        .collect::<Html>();
    let (start_key, stop_key) = match mode {
        Mode::Udp => (key!("panel.button.bind"), key!("panel.button.close")),
        Mode::TcpClient => (
            key!("panel.button.connect"),
            key!("panel.button.disconnect"),
        ),
        Mode::TcpServer => (key!("panel.button.listen"), key!("panel.button.stop")),
    };
    let start_ok = match mode {
        Mode::Udp | Mode::TcpServer => local.is_ok() && !local_host.trim().is_empty(),
        Mode::TcpClient => remote_ok,
    };
    let status = match (mode, panel.local) {
        (_, None) => lang.t(key!("panel.status.idle")).to_owned(),
        (Mode::Udp, Some(l)) => lang.tf(fill!("panel.status.udp", local = &l.to_string())),
        (Mode::TcpServer, Some(l)) => {
            lang.tf(fill!("panel.status.listening", local = &l.to_string()))
        }
        (Mode::TcpClient, Some(l)) => lang.tf(fill!(
            "panel.status.connected",
            local = &l.to_string(),
            port = &l.port().to_string(),
            peer = &panel.peer.map(|p| p.to_string()).unwrap_or_default()
        )),
    };
    let (can_send, fixed_target) = match mode {
        Mode::Udp => (
            remote_ok,
            remote.ok().map(|port| Target {
                host: remote_host.trim().to_owned(),
                port,
            }),
        ),
        Mode::TcpClient => (panel.socket.is_some(), None),
        Mode::TcpServer => (!panel.targets().is_empty(), None),
    };
    let python = match mode {
        Mode::Udp => Callback::from(sendto_line),
        Mode::TcpClient => Callback::from(|a: PyArgs| format!("s.send({})", a.payload)),
        Mode::TcpServer => Callback::from(|a: PyArgs| format!("conn.send({})", a.payload)),
    };
    let auto = panel.auto_reply.name();

    html! {
        <section class="peer-panel" data-testid="peer-panel" data-mode={mode.name()} aria-label={lang.t(key!("panel.title"))}>
            <div class="panel-modes lang-switch" role="group" aria-label={lang.t(key!("panel.mode.label"))}>{ mode_buttons }</div>
            <p class="hint">{ lang.t(mode.hint()) }</p>
            <AddressFields
                mode={mode}
                locked={holding}
                local_host={local_host.clone()}
                local_port={local_port_text.clone()}
                remote_host={remote_host.clone()}
                remote_port={remote_port_text.clone()}
            />
            <div class="row actions">
                <button class="primary" onclick={onstart} disabled={holding || panel.busy() || !start_ok} data-testid="panel-start">{ lang.t(start_key) }</button>
                <button class="secondary" onclick={onstop} disabled={!holding || panel.busy()} data-testid="panel-stop">{ lang.t(stop_key) }</button>
                if mode == Mode::Udp && panel.last_sender.is_some() {
                    <button class="secondary" onclick={on_use_sender} data-testid="panel-use-sender">
                        { lang.tf(fill!("panel.button.use_sender", peer = &panel.last_sender.map(|p| p.to_string()).unwrap_or_default())) }
                    </button>
                }
            </div>
            <p class="socket-state" role="status" data-testid="panel-local"
                data-local={panel.local.map(|l| l.to_string()).unwrap_or_default()}
                data-port={panel.local.map(|l| l.port().to_string()).unwrap_or_default()}>
                { status }
            </p>
            if mode == Mode::TcpClient && panel.peer_closed {
                <p class="hint" data-testid="panel-peer-closed">{ lang.t(key!("panel.status.peer_closed")) }</p>
            }
            if mode == Mode::TcpServer {
                <view::ClientList clients={panel.clients.clone()} send_to={panel.send_to} onpick={onpick} />
            }
            <h3>{ lang.t(key!("panel.send.title")) }</h3>
            <Composer
                prefix="panel"
                fixed_target={fixed_target}
                default_text="你好"
                button={lang.t(key!("panel.button.send"))}
                disabled={!can_send || panel.busy()}
                allow_hex={true}
                python={python}
                onsend={onsend}
            />
            <div class="row panel-log-bar">
                <h3 class="grow">{ lang.t(key!("panel.log.title")) }</h3>
                <label>{ lang.t(key!("panel.field.show_as")) }
                    <EncodingSelect value={panel.encoding} onpick={panel.callback(Action::ShowAs)} testid="panel-show-as" />
                </label>
                <label>{ lang.t(key!("panel.field.auto_reply")) }
                    <select onchange={on_auto} data-testid="panel-auto-reply">
                        <option value="off" selected={auto == "off"}>{ lang.t(key!("panel.auto.off")) }</option>
                        <option value="echo" selected={auto == "echo"}>{ lang.t(key!("panel.auto.echo")) }</option>
                        <option value="fixed" selected={auto == "fixed"}>{ lang.t(key!("panel.auto.fixed")) }</option>
                    </select>
                </label>
                if auto == "fixed" {
                    <label>{ lang.t(key!("panel.field.fixed_text")) }
                        <input type="text" value={(*fixed_text).clone()} oninput={on_fixed} data-testid="panel-auto-text" />
                    </label>
                }
                <button class="secondary" onclick={onclear} data-testid="panel-clear">{ lang.t(key!("panel.button.clear")) }</button>
                <button class="secondary" onclick={onsave} data-testid="panel-save">{ lang.t(key!("panel.button.save")) }</button>
            </div>
            if let (Err(u), "fixed") = (&fixed_bytes, auto) {
                <p class="field-error" role="alert" data-testid="panel-auto-error">
                    { lang.tf(fill!("panel.err.unencodable", ch = &u.ch.to_string(), enc = panel.encoding.label())) }
                </p>
            }
            if let Some(url) = saved_url.as_ref() {
                <p class="hint"><a href={url.clone()} download="netlab-panel.txt" data-testid="panel-saved">{ lang.t(key!("panel.save.again")) }</a></p>
            }
            <LogView<Line> lines={panel.log.to_vec()} decode_as={panel.encoding} testid="panel-log" totals={panel.log.totals(log::totals_unit(panel.mode))} />
        </section>
    }
}
