//! One wasm bundle per lesson group. The page is built once per group
//! (`frontend/src/bin/<group>.rs`, each `frontend::start(&bundle::<GROUP>)`): a bundle holds its
//! group's lessons with their steps and widgets, and the pages of its group (home, practice, the
//! peer panel, the challenges). Everything else is unreferenced from it, so the linker and
//! `wasm-opt` leave it out, texts included (a `key!` carries its two texts: `i18n/check.rs`).
//!
//! This file says what a bundle is and which one this page is; `bundles.rs` lists the seven.
//! It sits below the lessons and pages it names only by type, and hands each layer its part
//! when the page starts ([`set`]), so nothing below it asks it back.
//!
//! The table of contents (`lessons::CONTENTS`: each lesson's title, summary and step count)
//! is in every bundle. A route of another group is loaded by a full navigation to the same URL:
//! index.html's loader picks the bundle from `location.pathname` with the same table as
//! [`Group::of_path`] (a test compares them). What the page remembers lives in localStorage
//! (language, progress, the relay's credential, challenge records), so it survives the switch.

use std::sync::OnceLock;

use yew::prelude::*;

use crate::lessons::{self, Lesson};
use crate::relay::wire::Wire;
use crate::route::Route;

/// A lesson group: one wasm bundle, named as its files are (`sockets.js`, `sockets_bg.wasm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The home page and the first lesson: what a first visit loads.
    Start,
    /// Addresses, subnets and the address practice.
    Ip,
    /// How hosts are connected.
    Links,
    /// Ports, UDP, TCP and the peer panel.
    Sockets,
    /// The file download lesson.
    Download,
    /// How TCP stays reliable.
    Reliability,
    /// The challenges and their report.
    Challenges,
}

/// Each lesson's group, by slug. index.html's loader has the same table (a test checks).
pub const LESSON_GROUPS: &[(&str, Group)] = &[
    ("intro", Group::Start),
    ("ip", Group::Ip),
    ("subnets", Group::Ip),
    ("links", Group::Links),
    ("ports", Group::Sockets),
    ("udp", Group::Sockets),
    ("tcp", Group::Sockets),
    ("download", Group::Download),
    ("reliability", Group::Reliability),
];

/// The group of each other page, by the first segment of its path (`/practice`, `/panel`,
/// `/challenges/...`). Any other path (`/`, an unknown one) is [`Group::Start`]'s.
pub const PAGE_GROUPS: &[(&str, Group)] = &[
    ("practice", Group::Ip),
    ("panel", Group::Sockets),
    ("challenges", Group::Challenges),
];

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Start,
        Group::Ip,
        Group::Links,
        Group::Sockets,
        Group::Download,
        Group::Reliability,
        Group::Challenges,
    ];

    /// The bundle's file name (`start` -> `start.js`, `start_bg.wasm`).
    pub fn name(self) -> &'static str {
        match self {
            Group::Start => "start",
            Group::Ip => "ip",
            Group::Links => "links",
            Group::Sockets => "sockets",
            Group::Download => "download",
            Group::Reliability => "reliability",
            Group::Challenges => "challenges",
        }
    }

    /// The group of a lesson; an unknown slug is the start bundle's (it says "no such page").
    pub fn of_lesson(slug: &str) -> Group {
        LESSON_GROUPS
            .iter()
            .find(|(s, _)| *s == slug)
            .map_or(Group::Start, |(_, g)| *g)
    }

    /// The group whose bundle draws `path`, as index.html's loader decides it.
    pub fn of_path(path: &str) -> Group {
        let mut parts = path.split('/').skip(1);
        match (parts.next(), parts.next()) {
            (Some("lesson"), Some(slug)) => Group::of_lesson(slug),
            (Some(first), _) => PAGE_GROUPS
                .iter()
                .find(|(p, _)| *p == first)
                .map_or(Group::Start, |(_, g)| *g),
            (None, _) => Group::Start,
        }
    }

    /// The group whose bundle draws `route`; `None` for "not found", which every bundle draws.
    pub fn of_route(route: &Route) -> Option<Group> {
        match route {
            Route::Home => Some(Group::Start),
            Route::LessonStart { slug } | Route::Step { slug, .. } => Some(Group::of_lesson(slug)),
            Route::Practice => Some(Group::Ip),
            Route::Panel => Some(Group::Sockets),
            Route::Challenges | Route::ChallengesReport | Route::Challenge { .. } => {
                Some(Group::Challenges)
            }
            Route::NotFound => None,
        }
    }
}

/// The pages drawn ahead of time into documents of their own (`frontend::ahead`, written by
/// the `prerender` crate at build, served by the relay for these paths): where a first visit
/// lands, the home page and every step of the start bundle's lessons. Their widgets are
/// pictures, so the drawn page is the page until the wasm takes over.
pub fn prerendered() -> Vec<Route> {
    let mut routes = vec![Route::Home];
    for lesson in lessons::ALL {
        if Group::of_lesson(lesson.slug) == Group::Start {
            routes.extend((1..=lesson.steps.len()).map(|step| Route::Step {
                slug: lesson.slug.to_owned(),
                step,
            }));
        }
    }
    routes
}

/// What one wasm bundle holds.
pub struct Bundle {
    pub group: Group,
    /// The lessons whose steps this bundle draws.
    pub lessons: &'static [&'static Lesson],
    /// Its group's other pages (home, practice, the panel, the challenges); `None` for a
    /// route it does not draw.
    pub pages: fn(&Route) -> Option<Html>,
    /// The peer panel beside its socket steps (`None`: none of its steps needs the relay).
    pub panel: Option<fn() -> Html>,
    /// How it reads and writes the relay's messages: the whole protocol, or only the
    /// greeting for a bundle whose pages make no socket calls.
    pub wire: Wire,
}

static CURRENT: OnceLock<&'static Bundle> = OnceLock::new();

/// The bundle this page was built as (set once by [`crate::start`]). In native tests, where
/// nothing starts a bundle, every lesson.
pub fn current() -> &'static Bundle {
    #[cfg(test)]
    static EVERYTHING: Bundle = Bundle {
        group: Group::Start,
        lessons: lessons::ALL,
        pages: |_| None,
        panel: None,
        wire: crate::relay::wire::FULL,
    };
    #[cfg(test)]
    return CURRENT.get().copied().unwrap_or(&EVERYTHING);
    #[cfg(not(test))]
    CURRENT
        .get()
        .copied()
        .expect("frontend::start sets the bundle")
}

/// Makes `bundle` this page's, and hands the layers below it their part: the lessons it holds
/// (`lessons::find`) and its codec for the relay's messages (`relay::wire`).
pub(crate) fn set(bundle: &'static Bundle) {
    let _ = CURRENT.set(bundle);
    lessons::hold(bundle.lessons);
    crate::relay::wire::choose(bundle.wire);
}

/// A route another bundle draws: load the same URL anew, and index.html's loader fetches that
/// bundle. Shown for the moment the reload takes.
#[function_component]
pub fn Elsewhere() -> Html {
    use_effect_with((), |_| {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.reload();
        }
    });
    html! { <p class="loading">{ "加载中… Loading…" }</p> }
}
