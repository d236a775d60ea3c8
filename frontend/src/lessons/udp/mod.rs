//! Lesson "Sockets and UDP" (curriculum 5 and 6), with real datagrams sent by the relay.

mod bind;
mod encode;
mod fresh_port;
mod in_use;
mod lab;
mod log_line;
mod nobody;
mod ops;
mod recap;
mod send;

use yew::prelude::*;

use super::{Lesson, Step, pictures, quiz};
use crate::i18n::use_lang;

pub const LESSON: Lesson = Lesson {
    slug: "udp",
    title: key!("lesson.udp.title"),
    summary: key!("lesson.udp.summary"),
    steps: &[
        Step {
            id: "sockets",
            title: key!("udp.sockets.title"),
            body: key!("udp.sockets.body"),
            widget: Some(|| html! { <><Triple />{ quiz::ask(quiz::UDP_SOCKETS) }</> }),
            needs_relay: false,
        },
        Step {
            id: "letter",
            title: key!("udp.letter.title"),
            body: key!("udp.letter.body"),
            widget: Some(
                || html! { <><Letter />{ quiz::ask(quiz::UDP_LETTER) }<nobody::NobodyLab /></> },
            ),
            needs_relay: true,
        },
        Step {
            id: "encode",
            title: key!("udp.encode.title"),
            body: key!("udp.encode.body"),
            widget: Some(|| html! { <encode::EncodeLab /> }),
            needs_relay: false,
        },
        Step {
            id: "send",
            title: key!("udp.send.title"),
            body: key!("udp.send.body"),
            widget: Some(|| html! { <send::SendLab /> }),
            needs_relay: true,
        },
        Step {
            id: "fresh_port",
            title: key!("udp.fresh_port.title"),
            body: key!("udp.fresh_port.body"),
            widget: Some(|| html! { <fresh_port::FreshPortLab /> }),
            needs_relay: true,
        },
        Step {
            id: "bind",
            title: key!("udp.bind.title"),
            body: key!("udp.bind.body"),
            widget: Some(|| html! { <bind::BindLab /> }),
            needs_relay: true,
        },
        Step {
            id: "in_use",
            title: key!("udp.in_use.title"),
            body: key!("udp.in_use.body"),
            widget: Some(|| html! { <in_use::InUseLab /> }),
            needs_relay: true,
        },
        Step {
            id: "recap",
            title: key!("udp.recap.title"),
            body: key!("udp.recap.body"),
            widget: Some(|| {
                html! { <><recap::Recap />{ quiz::ask(quiz::UDP_RECAP) }<crate::challenges::TryLink lesson="udp" /></> }
            }),
            needs_relay: false,
        },
    ],
};

#[function_component]
fn Triple() -> Html {
    pictures::socket_triple(&use_lang())
}

#[function_component]
fn Letter() -> Html {
    pictures::datagram(&use_lang(), "50123", "7788", 6)
}
