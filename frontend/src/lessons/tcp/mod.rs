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

use super::{Lesson, Step, pictures, quiz};
use crate::components::Prose;
use crate::i18n::use_lang;

pub const LESSON: Lesson = Lesson {
    slug: "tcp",
    title: key!("lesson.tcp.title"),
    summary: key!("lesson.tcp.summary"),
    steps: &[
        Step {
            id: "sockets",
            title: key!("tcp.sockets.title"),
            body: key!("tcp.sockets.body"),
            widget: Some(|| html! { <Sockets /> }),
            needs_relay: false,
        },
        Step {
            id: "compare",
            title: key!("tcp.compare.title"),
            body: key!("tcp.compare.body"),
            widget: Some(|| html! { <Compare /> }),
            needs_relay: false,
        },
        Step {
            id: "client",
            title: key!("tcp.client.title"),
            body: key!("tcp.client.body"),
            widget: Some(|| html! { <client::ClientLab /> }),
            needs_relay: true,
        },
        Step {
            id: "refused",
            title: key!("tcp.refused.title"),
            body: key!("tcp.refused.body"),
            widget: Some(|| html! { <refused::RefusedLab /> }),
            needs_relay: true,
        },
        Step {
            id: "server",
            title: key!("tcp.server.title"),
            body: key!("tcp.server.body"),
            widget: Some(|| html! { <server::ServerLab /> }),
            needs_relay: true,
        },
        Step {
            id: "stream",
            title: key!("tcp.stream.title"),
            body: key!("tcp.stream.body"),
            widget: Some(|| html! { <stream::StreamLab /> }),
            needs_relay: true,
        },
        Step {
            id: "recap",
            title: key!("tcp.recap.title"),
            body: key!("tcp.recap.body"),
            widget: Some(|| {
                html! { <><recap::Recap />{ quiz::ask(quiz::TCP_RECAP) }<crate::challenges::TryLink lesson="tcp" /></> }
            }),
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
    // Each row: its name, what TCP does, what UDP does.
    let rows = [
        (
            key!("tcp.cmp.connection"),
            key!("tcp.cmp.connection.tcp"),
            key!("tcp.cmp.connection.udp"),
        ),
        (
            key!("tcp.cmp.handshake"),
            key!("tcp.cmp.handshake.tcp"),
            key!("tcp.cmp.handshake.udp"),
        ),
        (
            key!("tcp.cmp.ack"),
            key!("tcp.cmp.ack.tcp"),
            key!("tcp.cmp.ack.udp"),
        ),
        (
            key!("tcp.cmp.retransmit"),
            key!("tcp.cmp.retransmit.tcp"),
            key!("tcp.cmp.retransmit.udp"),
        ),
        (
            key!("tcp.cmp.sequence"),
            key!("tcp.cmp.sequence.tcp"),
            key!("tcp.cmp.sequence.udp"),
        ),
        (
            key!("tcp.cmp.checksum"),
            key!("tcp.cmp.checksum.tcp"),
            key!("tcp.cmp.checksum.udp"),
        ),
        (
            key!("tcp.cmp.flow"),
            key!("tcp.cmp.flow.tcp"),
            key!("tcp.cmp.flow.udp"),
        ),
        (
            key!("tcp.cmp.congestion"),
            key!("tcp.cmp.congestion.tcp"),
            key!("tcp.cmp.congestion.udp"),
        ),
        (
            key!("tcp.cmp.boundaries"),
            key!("tcp.cmp.boundaries.tcp"),
            key!("tcp.cmp.boundaries.udp"),
        ),
        (
            key!("tcp.cmp.python"),
            key!("tcp.cmp.python.tcp"),
            key!("tcp.cmp.python.udp"),
        ),
    ]
    .iter()
    .map(|&(row, tcp, udp)| {
        html! {
            <tr>
                <th scope="row">{ lang.t(row) }</th>
                <td><Prose text={lang.t(tcp)} /></td>
                <td><Prose text={lang.t(udp)} /></td>
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
