//! Lesson "TCP" (curriculum 5 and 7): the socket triple and its life as a state picture, TCP
//! against UDP, then real connections through the relay: a client, a refused connection next
//! to a UDP send that does not fail, a server with one new socket per client, and the byte
//! stream with the recv boundaries the relay really saw.

mod client;
mod diagram;
pub(crate) mod lab;
mod log_line;
mod ops;
mod recap;
mod refused;
mod server;
mod stream;

use yew::prelude::*;

use super::{Lesson, Step, pictures};
use crate::components::Prose;
use crate::i18n::use_lang;

pub static LESSON: Lesson = Lesson {
    slug: "tcp",
    steps: &[
        Step {
            id: "sockets",
            widget: Some(|| html! { <Sockets /> }),
            needs_relay: false,
        },
        Step {
            id: "compare",
            widget: Some(|| html! { <Compare /> }),
            needs_relay: false,
        },
        Step {
            id: "client",
            widget: Some(|| html! { <client::ClientLab /> }),
            needs_relay: true,
        },
        Step {
            id: "refused",
            widget: Some(|| html! { <refused::RefusedLab /> }),
            needs_relay: true,
        },
        Step {
            id: "server",
            widget: Some(|| html! { <server::ServerLab /> }),
            needs_relay: true,
        },
        Step {
            id: "stream",
            widget: Some(|| html! { <stream::StreamLab /> }),
            needs_relay: true,
        },
        Step {
            id: "recap",
            widget: Some(|| html! { <recap::Recap /> }),
            needs_relay: false,
        },
    ],
};

/// The triple, and the life of a socket (nothing live yet: the later steps light it up).
#[function_component]
fn Sockets() -> Html {
    let lang = use_lang();
    html! {
        <>
            { pictures::socket_triple(&lang) }
            <diagram::StateDiagram socks={Vec::new()} />
        </>
    }
}

/// TCP against UDP, row by row.
#[function_component]
fn Compare() -> Html {
    let lang = use_lang();
    let rows = [
        "connection",
        "handshake",
        "ack",
        "retransmit",
        "sequence",
        "checksum",
        "flow",
        "congestion",
        "boundaries",
        "python",
    ]
    .iter()
    .map(|row| {
        html! {
            <tr>
                <th scope="row">{ lang.t(crate::i18n::Key::built(&format!("tcp.cmp.{row}"))) }</th>
                <td><Prose text={lang.t(crate::i18n::Key::built(&format!("tcp.cmp.{row}.tcp")))} /></td>
                <td><Prose text={lang.t(crate::i18n::Key::built(&format!("tcp.cmp.{row}.udp")))} /></td>
            </tr>
        }
    })
    .collect::<Html>();
    html! {
        <div class="table-wrap">
            <table class="compare-table" data-testid="tcp-compare">
                <thead><tr><th></th><th>{ "TCP" }</th><th>{ "UDP" }</th></tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}
