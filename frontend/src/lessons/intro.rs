//! Lesson 1, why networks (curriculum 1): hosts joined by links, and network programming as
//! communication between processes on different hosts.

use yew::prelude::*;

use super::{Lesson, Step, pictures};
use crate::i18n::use_lang;

pub const LESSON: Lesson = Lesson {
    slug: "intro",
    title: key!("lesson.intro.title"),
    summary: key!("lesson.intro.summary"),
    steps: &[
        Step {
            id: "network",
            title: key!("intro.network.title"),
            body: key!("intro.network.body"),
            widget: Some(|| html! { <Network /> }),
            needs_relay: false,
        },
        Step {
            id: "programs",
            title: key!("intro.programs.title"),
            body: key!("intro.programs.body"),
            widget: Some(|| html! { <Programs /> }),
            needs_relay: false,
        },
        Step {
            id: "real",
            title: key!("intro.real.title"),
            body: key!("intro.real.body"),
            widget: Some(|| html! { <Real /> }),
            needs_relay: false,
        },
    ],
};

#[function_component]
fn Network() -> Html {
    pictures::network(&use_lang())
}

#[function_component]
fn Programs() -> Html {
    pictures::ipc(&use_lang())
}

#[function_component]
fn Real() -> Html {
    pictures::relay_path(&use_lang())
}
