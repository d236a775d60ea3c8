//! How a TCP step's log lines look: each call as the Python line a learner would write, then
//! what the OS did; each recv with its bytes as text and hex; a client leaving as recv
//! returning 0 bytes. Drawn in the current language at display time.

use yew::prelude::*;

use super::lab::TcpLine;
use crate::components::{ErrorBox, HexLine};
use crate::i18n::LangCtx;
use crate::lab::{LogLine, call_line};
use crate::text::codec::Encoding;
use crate::text::web;

/// One recv's bytes: as text in `enc`, and as hex.
pub fn received(data: &[u8], enc: Encoding, lang: &LangCtx) -> Html {
    html! {
        <>
            <div class="received-text">
                <span class="label">{ lang.tf(fill!("udp.log.as_text", enc = enc.label())) }</span>
                <span class="text" data-testid="tcp-recv-text">{ web::decode(enc, data) }</span>
            </div>
            <HexLine bytes={data.to_vec()} testid="tcp-recv-hex" />
        </>
    }
}

impl LogLine for TcpLine {
    const EMPTY: crate::i18n::Key = key!("udp.log.empty");
    const CLASS: &'static str = "call-log";

    /// Each call as the Python line a learner would write, then what the OS did; each recv
    /// with its bytes as text and hex; a client leaving as recv returning 0 bytes.
    fn view(&self, enc: Encoding, lang: &LangCtx) -> Html {
        match self {
            TcpLine::Ok { python, key, args } => {
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                call_line(python, "ok", html! { { lang.tf(key.fill(&args)) } })
            }
            TcpLine::Failed { python, error } => call_line(
                python,
                "err",
                html! { <ErrorBox error={error.clone()} testid="tcp-error" /> },
            ),
            TcpLine::Accepted {
                python,
                socket,
                peer,
            } => call_line(
                python,
                "ok",
                html! { { lang.tf(fill!("tcp.log.accepted", id = &socket.to_string(), peer = &peer.to_string())) } },
            ),
            TcpLine::Data {
                python,
                socket,
                data,
            } => html! {
                <li class="call in" data-testid="tcp-recv" data-socket={socket.to_string()} data-bytes={data.len().to_string()}>
                    <code class="py">{ python.clone() }</code>
                    <div class="outcome">
                        <div>{ lang.tf(fill!("tcp.log.recv", id = &socket.to_string(), bytes = &data.len().to_string())) }</div>
                        { received(data, enc, lang) }
                    </div>
                </li>
            },
            TcpLine::PeerClosed { socket } => html! {
                <li class="call in" data-testid="tcp-peer-closed" data-socket={socket.to_string()}>
                    <code class="py">{ "data = b''" }</code>
                    <div class="outcome">{ lang.tf(fill!("tcp.log.peer_closed", id = &socket.to_string())) }</div>
                </li>
            },
            TcpLine::RelayClosed { socket, error } => html! {
                <li class="call err">
                    <div class="outcome">
                        { lang.tf(fill!("tcp.log.relay_closed", id = &socket.to_string())) }
                        if let Some(err) = error {
                            <ErrorBox error={err.clone()} testid="tcp-error" />
                        }
                    </div>
                </li>
            },
            TcpLine::SendWaiting {
                socket,
                sent,
                total,
            } => html! {
                <li class="call" data-testid="tcp-send-waiting" data-socket={socket.to_string()} data-sent={sent.to_string()} data-total={total.to_string()}>
                    <div class="outcome">{ lang.tf(fill!("tcp.log.send_waiting", id = &socket.to_string(), sent = &sent.to_string(), total = &total.to_string())) }</div>
                </li>
            },
            TcpLine::Refused { listener, peer } => html! {
                <li class="call err" data-testid="tcp-client-refused" data-socket={listener.to_string()}>
                    <div class="outcome">{ lang.tf(fill!("tcp.log.client_refused", peer = &peer.to_string(), max = &protocol::limits::MAX_SOCKETS_PER_SESSION.to_string())) }</div>
                </li>
            },
            TcpLine::SessionLost => html! {
                <li class="call err"><div class="outcome">{ lang.t(key!("udp.log.session_lost")) }</div></li>
            },
        }
    }
}
