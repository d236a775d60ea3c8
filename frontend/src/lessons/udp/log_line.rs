//! How a UDP step's log lines look: each call as the Python line a learner would write, then
//! what the OS did; each arriving datagram with its sender, text and hex. Drawn in the current
//! language at display time, so switching language re-translates the whole log.

use yew::prelude::*;

use super::lab::UdpLine;
use crate::components::{ErrorBox, HexLine};
use crate::i18n::LangCtx;
use crate::lab::{LogLine, call_line};
use crate::python;
use crate::text::codec::Encoding;
use crate::text::web;

impl LogLine for UdpLine {
    const EMPTY: crate::i18n::Key = key!("udp.log.empty");
    const CLASS: &'static str = "call-log";

    /// Each call as the Python line a learner would write, then what the OS did; each arriving
    /// datagram with its sender, text and hex.
    fn view(&self, decode_as: Encoding, lang: &LangCtx) -> Html {
        match self {
            UdpLine::Opened { socket, python } => call_line(
                python,
                "ok",
                html! { { lang.tf(fill!("udp.log.opened", id = &socket.to_string())) } },
            ),
            UdpLine::Bound { local, python, .. } => call_line(
                python,
                "ok",
                html! { <span data-testid="udp-log-bound" data-local={local.to_string()}>{ lang.tf(fill!("udp.log.bound", local = &local.to_string())) }</span> },
            ),
            UdpLine::Sent {
                python,
                bytes,
                local,
                to,
                assigned_now,
            } => {
                let key = if *assigned_now {
                    key!("udp.log.sent_assigned")
                } else {
                    key!("udp.log.sent")
                };
                call_line(
                    python,
                    "ok",
                    html! {
                        <span data-testid="udp-send-result" data-local={local.to_string()} data-local-port={local.port().to_string()}>
                            { lang.tf(key.fill(&[
                                ("bytes", &bytes.to_string()),
                                ("local", &local.to_string()),
                                ("port", &local.port().to_string()),
                                ("to", &to.to_string()),
                            ])) }
                        </span>
                    },
                )
            }
            UdpLine::Received {
                from, local, data, ..
            } => html! {
                <li class="call in" data-testid="udp-log-entry" data-from={from.to_string()} data-local={local.to_string()}>
                    <code class="py">{ python::recvfrom("s") }</code>
                    <div class="outcome">
                        <div>{ lang.tf(fill!("udp.log.received", bytes = &data.len().to_string(), from = &from.to_string(), local = &local.to_string())) }</div>
                        if data.len() == python::COURSE_RECV as usize {
                            <div class="hint" data-testid="udp-log-full">{ lang.tf(fill!("udp.log.buffer_full", n = &python::COURSE_RECV.to_string())) }</div>
                        }
                        <div class="received-text">
                            <span class="label">{ lang.tf(fill!("udp.log.as_text", enc = decode_as.label())) }</span>
                            <span class="text" data-testid="udp-log-text">{ web::decode(decode_as, data) }</span>
                        </div>
                        <HexLine bytes={data.clone()} testid="udp-log-hex" />
                    </div>
                </li>
            },
            UdpLine::Closed { socket, python } => call_line(
                python,
                "ok",
                html! { { lang.tf(fill!("udp.log.closed", id = &socket.to_string())) } },
            ),
            UdpLine::Failed { python, error } => call_line(
                python,
                "err",
                html! { <ErrorBox error={error.clone()} testid="udp-error" /> },
            ),
            UdpLine::SessionLost => html! {
                <li class="call err"><div class="outcome">{ lang.t(key!("udp.log.session_lost")) }</div></li>
            },
        }
    }
}
