//! One wasm bundle per lesson group. The page is built once per group
//! (`frontend/src/bin/<group>.rs`, each `frontend::start(&bundle::<GROUP>)`): a bundle holds its
//! group's lessons with their steps and widgets, and the pages of its group (home, practice, the
//! peer panel, the challenges). Everything else is unreferenced from it, so the linker and
//! `wasm-opt` leave it out, texts included (a `key!` carries its two texts: `i18n/check.rs`).
//!
//! The table of contents (`lessons::CONTENTS`: each lesson's title, summary and step count)
//! is in every bundle. A route of another group is loaded by a full navigation to the same URL:
//! index.html's loader picks the bundle from `location.pathname` with the same table as
//! [`Group::of_path`] (a test compares them). What the page remembers lives in localStorage
//! (language, progress, the relay's credential, challenge records), so it survives the switch.

use std::sync::OnceLock;

use yew::prelude::*;

use crate::lessons::{self, Lesson};
use crate::relay::wire::{FULL, GREETING, Wire};
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

fn no_pages(_: &Route) -> Option<Html> {
    None
}

pub static START: Bundle = Bundle {
    group: Group::Start,
    lessons: &[&lessons::intro::LESSON],
    pages: |route| match route {
        Route::Home => Some(html! { <crate::pages::Home /> }),
        _ => None,
    },
    panel: None,
    wire: GREETING,
};

pub static IP: Bundle = Bundle {
    group: Group::Ip,
    lessons: &[&lessons::ip::IP, &lessons::ip::SUBNETS],
    pages: |route| match route {
        Route::Practice => Some(html! { <crate::lessons::ip::practice::PracticePage /> }),
        _ => None,
    },
    panel: None,
    wire: FULL,
};

pub static LINKS: Bundle = Bundle {
    group: Group::Links,
    lessons: &[&lessons::links::LESSON],
    pages: no_pages,
    panel: Some(peer_panel),
    wire: FULL,
};

pub static SOCKETS: Bundle = Bundle {
    group: Group::Sockets,
    lessons: &[
        &lessons::ports::LESSON,
        &lessons::udp::LESSON,
        &lessons::tcp::LESSON,
    ],
    pages: |route| match route {
        Route::Panel => Some(html! { <crate::panel::PanelPage /> }),
        _ => None,
    },
    panel: Some(peer_panel),
    wire: FULL,
};

pub static DOWNLOAD: Bundle = Bundle {
    group: Group::Download,
    lessons: &[&lessons::download::LESSON],
    pages: no_pages,
    panel: Some(peer_panel),
    wire: FULL,
};

pub static RELIABILITY: Bundle = Bundle {
    group: Group::Reliability,
    lessons: &[&lessons::reliability::LESSON],
    pages: no_pages,
    panel: Some(peer_panel),
    wire: FULL,
};

pub static CHALLENGES: Bundle = Bundle {
    group: Group::Challenges,
    lessons: &[],
    pages: |route| match route {
        Route::Challenges => Some(html! { <crate::challenges::ChallengesPage /> }),
        Route::ChallengesReport => Some(html! { <crate::challenges::ReportPage /> }),
        Route::Challenge { slug } => {
            Some(html! { <crate::challenges::ChallengePage slug={slug.clone()} /> })
        }
        _ => None,
    },
    panel: None,
    wire: FULL,
};

fn peer_panel() -> Html {
    html! { <crate::panel::PeerPanel /> }
}

static CURRENT: OnceLock<&'static Bundle> = OnceLock::new();

/// The bundle this page was built as (set once by [`crate::start`]).
#[cfg(not(test))]
pub fn current() -> &'static Bundle {
    CURRENT
        .get()
        .copied()
        .expect("frontend::start sets the bundle")
}

/// In native tests, every group at once.
#[cfg(test)]
pub fn current() -> &'static Bundle {
    static EVERYTHING: Bundle = Bundle {
        group: Group::Start,
        lessons: lessons::ALL,
        pages: no_pages,
        panel: Some(peer_panel),
        wire: FULL,
    };
    CURRENT.get().copied().unwrap_or(&EVERYTHING)
}

pub(crate) fn set(bundle: &'static Bundle) {
    let _ = CURRENT.set(bundle);
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

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLES: [&Bundle; 7] = [
        &START,
        &IP,
        &LINKS,
        &SOCKETS,
        &DOWNLOAD,
        &RELIABILITY,
        &CHALLENGES,
    ];

    #[test]
    fn every_lesson_is_in_exactly_the_bundle_of_its_group() {
        for lesson in lessons::ALL {
            let holders: Vec<Group> = BUNDLES
                .iter()
                .filter(|b| b.lessons.iter().any(|l| l.slug == lesson.slug))
                .map(|b| b.group)
                .collect();
            assert_eq!(holders, [Group::of_lesson(lesson.slug)], "{}", lesson.slug);
        }
        assert_eq!(LESSON_GROUPS.len(), lessons::ALL.len());
        for (b, g) in BUNDLES.iter().zip(Group::ALL) {
            assert_eq!(b.group, g);
        }
    }

    #[test]
    fn a_bundle_with_socket_steps_has_the_peer_panel() {
        for b in BUNDLES {
            let sockets = b
                .lessons
                .iter()
                .any(|l| l.steps.iter().any(|s| s.needs_relay));
            assert_eq!(sockets, b.panel.is_some(), "{:?}", b.group);
        }
    }

    #[test]
    fn each_page_is_drawn_by_the_bundle_the_loader_picks() {
        let cases = [
            ("/", Route::Home),
            (
                "/lesson/intro/1",
                Route::Step {
                    slug: "intro".into(),
                    step: 1,
                },
            ),
            ("/lesson/udp", Route::LessonStart { slug: "udp".into() }),
            (
                "/lesson/subnets/4",
                Route::Step {
                    slug: "subnets".into(),
                    step: 4,
                },
            ),
            ("/practice", Route::Practice),
            ("/panel", Route::Panel),
            ("/challenges", Route::Challenges),
            ("/challenges/report", Route::ChallengesReport),
            (
                "/challenges/udp-sender",
                Route::Challenge {
                    slug: "udp-sender".into(),
                },
            ),
            (
                "/lesson/nope/1",
                Route::Step {
                    slug: "nope".into(),
                    step: 1,
                },
            ),
        ];
        for (path, route) in cases {
            let group = Group::of_path(path);
            assert_eq!(Group::of_route(&route), Some(group), "{path}");
            let bundle = BUNDLES.iter().find(|b| b.group == group).unwrap();
            let drawn = match &route {
                Route::LessonStart { slug } | Route::Step { slug, .. } => {
                    bundle.lessons.iter().any(|l| l.slug == slug) || slug == "nope"
                }
                other => (bundle.pages)(other).is_some(),
            };
            assert!(drawn, "{path} is not drawn by {:?}", group);
        }
        assert_eq!(Group::of_path("/no/such/page"), Group::Start);
    }

    /// index.html's loader decides with the same tables: each `slug: 'group'` pair is in its
    /// script, and it has no others.
    #[test]
    fn the_loader_in_index_html_picks_the_same_bundles() {
        let html = include_str!("../../index.html");
        let script = &html[html.find("const LESSONS").expect("the loader's tables")..];
        let script = &script[..script.find("</script>").unwrap()];
        let pairs = |name: &str| -> Vec<(String, String)> {
            let from = script.find(&format!("const {name} = {{")).unwrap();
            let body = &script[from..];
            let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
            body.split(',')
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let (k, v) = p.split_once(':').unwrap();
                    (k.trim().to_owned(), v.trim().trim_matches('\'').to_owned())
                })
                .collect()
        };
        let expect = |table: &[(&str, Group)]| -> Vec<(String, String)> {
            table
                .iter()
                .map(|(k, g)| ((*k).to_owned(), g.name().to_owned()))
                .collect()
        };
        assert_eq!(pairs("LESSONS"), expect(LESSON_GROUPS));
        assert_eq!(pairs("PAGES"), expect(PAGE_GROUPS));
    }
}
