//! Renders a lab's log: each call as the Python line a learner would write, then what the OS
//! did; each arriving datagram with its sender, text and hex. Rendered in the current language
//! at display time, so switching language re-translates the whole log.

use yew::prelude::*;

use super::lab::{Entry, Lab};
use crate::components::{BytesView, ErrorBox};
use crate::i18n::{LangCtx, use_lang};
use crate::python;
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
        .map(|e| entry(e, &props.lab, &lang))
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

fn entry(e: &Entry, lab: &Lab, lang: &LangCtx) -> Html {
    match e {
        Entry::Opened { socket, python } => call(
            python,
            "ok",
            html! { { lang.tf("udp.log.opened", &[("id", &socket.to_string())]) } },
        ),
        Entry::Bound { local, python, .. } => call(
            python,
            "ok",
            html! { <span data-testid="udp-log-bound" data-local={local.to_string()}>{ lang.tf("udp.log.bound", &[("local", &local.to_string())]) }</span> },
        ),
        Entry::Sent {
            python,
            bytes,
            local,
            to,
            assigned_now,
        } => {
            let key = if *assigned_now {
                "udp.log.sent_assigned"
            } else {
                "udp.log.sent"
            };
            call(
                python,
                "ok",
                html! {
                    <span data-testid="udp-send-result" data-local={local.to_string()} data-local-port={local.port().to_string()}>
                        { lang.tf(key, &[
                            ("bytes", &bytes.to_string()),
                            ("local", &local.to_string()),
                            ("port", &local.port().to_string()),
                            ("to", &to.to_string()),
                        ]) }
                    </span>
                },
            )
        }
        Entry::Received {
            from, local, data, ..
        } => {
            let text = web::decode(lab.decode_as, data);
            html! {
                <li class="call in" data-testid="udp-log-entry" data-from={from.to_string()} data-local={local.to_string()}>
                    <code class="py">{ python::recvfrom("s") }</code>
                    <div class="outcome">
                        <div>{ lang.tf("udp.log.received", &[
                            ("bytes", &data.len().to_string()),
                            ("from", &from.to_string()),
                            ("local", &local.to_string()),
                        ]) }</div>
                        <div class="received-text">
                            <span class="label">{ lang.tf("udp.log.as_text", &[("enc", lab.decode_as.label())]) }</span>
                            <span class="text" data-testid="udp-log-text">{ text }</span>
                        </div>
                        <BytesView bytes={data.clone()} testid="udp-log-hex" />
                    </div>
                </li>
            }
        }
        Entry::Closed { socket, python } => call(
            python,
            "ok",
            html! { { lang.tf("udp.log.closed", &[("id", &socket.to_string())]) } },
        ),
        Entry::Failed { python, error } => call(
            python,
            "err",
            html! { <ErrorBox error={error.clone()} testid="udp-error" /> },
        ),
        Entry::SessionLost => html! {
            <li class="call err"><div class="outcome">{ lang.t("udp.log.session_lost") }</div></li>
        },
    }
}
