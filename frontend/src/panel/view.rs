//! Draws the panel's log lines (time, direction colour, peer, text and hex for every message;
//! the one `LogView` lists them) and the TCP server's client list. Text is decoded and notes
//! translated at display time.

use yew::prelude::*;

use super::log::{Dir, Line, Note, format_time, note_text};
use super::state::{Client, SendTo};
use crate::components::HexLine;
use crate::i18n::{LangCtx, use_lang};
use crate::lab::LogLine;
use crate::text::codec::Encoding;
use crate::text::web;

impl LogLine for Line {
    const EMPTY: crate::i18n::Key = key!("panel.log.empty");
    const CLASS: &'static str = "panel-log";

    /// Time, direction, peer, then the note or the bytes as text (in their own encoding when
    /// typed, else in the panel's) and hex.
    fn view(&self, panel_encoding: Encoding, lang: &LangCtx) -> Html {
        let line = self;
        let dir = line.dir.class();
        let peer = line.peer.map(|p| p.to_string()).unwrap_or_default();
        let label = match line.dir {
            Dir::Sent => lang.t(key!("panel.log.sent")),
            Dir::Received => lang.t(key!("panel.log.received")),
            Dir::System => lang.t(key!("panel.log.system")),
        };
        let body = match &line.note {
            Some(note) => {
                let failed = matches!(note, Note::Failed { .. } | Note::Dropped { .. });
                html! { <span class={classes!("panel-note", failed.then_some("err"))} data-testid="panel-note">{ note_text(lang.lang, note) }</span> }
            }
            None => {
                let enc = line.shown_as(panel_encoding);
                // A 64 KiB recv drawn byte by byte would take the page seconds: its size says
                // how long it is, its start is shown.
                let data = &line.data[..line.data.len().min(super::log::SHOWN_BYTES)];
                html! {
                    <>
                        <span class="panel-size">{ lang.tf(fill!("panel.log.bytes", n = &line.data.len().to_string(), enc = &enc.label().to_ascii_uppercase())) }</span>
                        if line.auto { <span class="badge">{ lang.t(key!("panel.log.auto")) }</span> }
                        <span class="panel-text" data-testid="panel-line-text">{ web::decode(enc, data) }</span>
                        <HexLine bytes={data.to_vec()} testid="panel-line-hex" />
                    </>
                }
            }
        };
        html! {
            <li class={classes!("panel-line", dir)} data-testid="panel-line" data-dir={dir}
                data-peer={peer.clone()} data-hex={crate::text::hex::spaced(&line.data[..line.data.len().min(super::log::SHOWN_BYTES)])}>
                <span class="panel-time" data-testid="panel-time">{ format_time(line.at) }</span>
                <span class="panel-dir">{ label }</span>
                if !peer.is_empty() { <code class="panel-peer">{ peer }</code> }
                <div class="panel-body">{ body }</div>
            </li>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ClientListProps {
    pub clients: Vec<Client>,
    pub send_to: SendTo,
    pub onpick: Callback<SendTo>,
}

/// Every accepted client with its address and socket; who is still here, who left; and the
/// choice of where the next message goes.
#[function_component]
pub fn ClientList(props: &ClientListProps) -> Html {
    let lang = use_lang();
    let rows = props
        .clients
        .iter()
        .map(|c| {
            let state = if c.gone { "left" } else { "connected" };
            html! {
                <li class={classes!("panel-client", state)} data-testid="panel-client" data-socket={c.socket.to_string()}
                    data-peer={c.peer.to_string()} data-port={c.peer.port().to_string()} data-state={state}>
                    <code>{ c.peer.to_string() }</code>
                    <span class="muted">{ lang.tf(fill!("panel.clients.socket", id = &c.socket.to_string())) }</span>
                    <span class="panel-client-state">{ lang.t(if c.gone { key!("panel.clients.left") } else { key!("panel.clients.here") }) }</span>
                </li>
            }
        })
        .collect::<Html>();
    let onchange = {
        let onpick = props.onpick.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let pick = el.value().parse().map(SendTo::One).unwrap_or(SendTo::All);
            onpick.emit(pick);
        })
    };
    let options = props
        .clients
        .iter()
        .filter(|c| !c.gone)
        .map(|c| {
            html! {
                <option value={c.socket.to_string()} selected={props.send_to == SendTo::One(c.socket)}>
                    { c.peer.to_string() }
                </option>
            }
        })
        .collect::<Html>();
    html! {
        <section class="panel-clients" aria-labelledby="panel-clients-title">
            <h3 id="panel-clients-title">{ lang.t(key!("panel.clients.title")) }</h3>
            if props.clients.is_empty() {
                <p class="hint" data-testid="panel-clients-empty">{ lang.t(key!("panel.clients.none")) }</p>
            } else {
                <ul class="panel-client-list" data-testid="panel-clients">{ rows }</ul>
            }
            <label>{ lang.t(key!("panel.clients.send_to")) }
                <select onchange={onchange} data-testid="panel-send-to">
                    <option value="all" selected={props.send_to == SendTo::All}>{ lang.t(key!("panel.clients.all")) }</option>
                    { options }
                </select>
            </label>
        </section>
    }
}
