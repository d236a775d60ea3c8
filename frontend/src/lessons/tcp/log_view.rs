//! Renders a TCP lab's log: each call as the Python line a learner would write, then what the
//! OS did; each recv with its bytes as text and hex; a client leaving as recv returning 0
//! bytes. Rendered in the current language at display time.

use yew::prelude::*;

use super::lab::{Entry, Lab};
use crate::components::{BytesView, ErrorBox};
use crate::i18n::{LangCtx, use_lang};
use crate::text::codec::Encoding;
use crate::text::web;

#[derive(Properties, PartialEq)]
pub struct LogViewProps {
    pub lab: Lab,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component]
pub fn LogView(props: &LogViewProps) -> Html {
    let lang = use_lang();
    if props.lab.log.is_empty() {
        return html! { <p class="log-empty" data-testid={props.testid.clone()}>{ lang.t("udp.log.empty") }</p> };
    }
    let items = props
        .lab
        .log
        .iter()
        .map(|e| entry(e, props.lab.decode_as, &lang))
        .collect::<Html>();
    html! { <ol class="call-log" data-testid={props.testid.clone()} aria-live="polite">{ items }</ol> }
}

fn call(python: &str, tone: &'static str, outcome: Html) -> Html {
    html! {
        <li class={classes!("call", tone)}>
            <code class="py">{ python.to_owned() }</code>
            <div class="outcome">{ outcome }</div>
        </li>
    }
}

/// One recv's bytes: as text in `enc`, and as hex.
pub fn received(data: &[u8], enc: Encoding, lang: &LangCtx) -> Html {
    html! {
        <>
            <div class="received-text">
                <span class="label">{ lang.tf("udp.log.as_text", &[("enc", enc.label())]) }</span>
                <span class="text" data-testid="tcp-recv-text">{ web::decode(enc, data) }</span>
            </div>
            <BytesView bytes={data.to_vec()} testid="tcp-recv-hex" />
        </>
    }
}

fn entry(e: &Entry, enc: Encoding, lang: &LangCtx) -> Html {
    match e {
        Entry::Ok { python, key, args } => {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(python, "ok", html! { { lang.tf(key, &args) } })
        }
        Entry::Failed { python, error } => call(
            python,
            "err",
            html! { <ErrorBox error={error.clone()} testid="tcp-error" /> },
        ),
        Entry::Accepted {
            python,
            socket,
            peer,
        } => call(
            python,
            "ok",
            html! { { lang.tf("tcp.log.accepted", &[("id", &socket.to_string()), ("peer", &peer.to_string())]) } },
        ),
        Entry::Data {
            python,
            socket,
            data,
        } => html! {
            <li class="call in" data-testid="tcp-recv" data-socket={socket.to_string()} data-bytes={data.len().to_string()}>
                <code class="py">{ python.clone() }</code>
                <div class="outcome">
                    <div>{ lang.tf("tcp.log.recv", &[("id", &socket.to_string()), ("bytes", &data.len().to_string())]) }</div>
                    { received(data, enc, lang) }
                </div>
            </li>
        },
        Entry::PeerClosed { socket } => html! {
            <li class="call in" data-testid="tcp-peer-closed" data-socket={socket.to_string()}>
                <code class="py">{ "data = b''" }</code>
                <div class="outcome">{ lang.tf("tcp.log.peer_closed", &[("id", &socket.to_string())]) }</div>
            </li>
        },
        Entry::RelayClosed { socket, error } => html! {
            <li class="call err">
                <div class="outcome">
                    { lang.tf("tcp.log.relay_closed", &[("id", &socket.to_string())]) }
                    if let Some(err) = error {
                        <ErrorBox error={err.clone()} testid="tcp-error" />
                    }
                </div>
            </li>
        },
        Entry::SessionLost => html! {
            <li class="call err"><div class="outcome">{ lang.t("udp.log.session_lost") }</div></li>
        },
    }
}
