//! The seven bundles (see `bundle.rs`): which lessons, pages and peer panel each one draws,
//! and how it talks to the relay. Only `src/bin/<group>.rs` names them, each its own, so the
//! rest of a bundle's code is what these lists reach.

use yew::prelude::*;

use crate::bundle::{Bundle, Group};
use crate::lessons;
use crate::relay::wire::{FULL, GREETING};
use crate::route::Route;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{LESSON_GROUPS, PAGE_GROUPS};

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
            assert_eq!(Route::recognize(path), route, "{path}");
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
