//! Lesson "How hosts are connected" (curriculum 3): a cable, a hub, a switch and a router drawn
//! and stepped hop by hop (`topo.rs` on the pure `netsim::links` and `scenario.rs`), the
//! default-gateway decision with a misconfigured host, a real web request through the relay
//! (`web.rs`, `url.rs`), and a glossary whose terms link to the steps that show them.

mod level;
mod player;
mod scenario;
pub use netsim::links as sim;
mod topo;
pub mod url;
mod web;

use yew::prelude::*;

use super::{Lesson, Step};
use crate::i18n::{Key, use_lang};
use crate::route::{Link, Route};
use scenario::Topo;
use topo::TopoLab;

pub const LESSON: Lesson = Lesson {
    slug: "links",
    title: key!("lesson.links.title"),
    summary: key!("lesson.links.summary"),
    steps: &[
        Step {
            id: "cable",
            title: key!("links.cable.title"),
            body: key!("links.cable.body"),
            widget: Some(|| html! { <TopoLab topo={Topo::Cable} /> }),
            needs_relay: false,
        },
        Step {
            id: "hub",
            title: key!("links.hub.title"),
            body: key!("links.hub.body"),
            widget: Some(|| html! { <TopoLab topo={Topo::Hub} /> }),
            needs_relay: false,
        },
        Step {
            id: "switch",
            title: key!("links.switch.title"),
            body: key!("links.switch.body"),
            widget: Some(|| html! { <><TopoLab topo={Topo::Switch} /><level::SwitchLevel /></> }),
            needs_relay: false,
        },
        Step {
            id: "router",
            title: key!("links.router.title"),
            body: key!("links.router.body"),
            widget: Some(|| html! { <TopoLab topo={Topo::Router} /> }),
            needs_relay: false,
        },
        Step {
            id: "gateway",
            title: key!("links.gateway.title"),
            body: key!("links.gateway.body"),
            widget: Some(|| html! { <TopoLab topo={Topo::Router} editable={true} /> }),
            needs_relay: false,
        },
        Step {
            id: "web",
            title: key!("links.web.title"),
            body: key!("links.web.body"),
            widget: Some(|| html! { <web::WebLab /> }),
            needs_relay: true,
        },
        Step {
            id: "glossary",
            title: key!("links.glossary.title"),
            body: key!("links.glossary.body"),
            widget: Some(|| html! { <Glossary /> }),
            needs_relay: false,
        },
    ],
};

/// Each glossary term, the step (1-based) that shows it, the term and its definition.
pub const GLOSSARY: &[(&str, usize, Key, Key)] = &[
    ("mac", 1, key!("links.term.mac"), key!("links.term.mac.def")),
    ("ip", 4, key!("links.term.ip"), key!("links.term.ip.def")),
    (
        "netmask",
        5,
        key!("links.term.netmask"),
        key!("links.term.netmask.def"),
    ),
    (
        "gateway",
        5,
        key!("links.term.gateway"),
        key!("links.term.gateway.def"),
    ),
    ("hub", 2, key!("links.term.hub"), key!("links.term.hub.def")),
    (
        "switch",
        3,
        key!("links.term.switch"),
        key!("links.term.switch.def"),
    ),
    (
        "router",
        4,
        key!("links.term.router"),
        key!("links.term.router.def"),
    ),
    ("dns", 6, key!("links.term.dns"), key!("links.term.dns.def")),
    (
        "http",
        6,
        key!("links.term.http"),
        key!("links.term.http.def"),
    ),
];

#[function_component]
fn Glossary() -> Html {
    let lang = use_lang();
    html! {
        <dl class="glossary" data-testid="links-glossary">
            { for GLOSSARY.iter().map(|(_, step, term, def)| html! {
                <>
                    <dt>
                        <Link to={Route::Step { slug: "links".into(), step: *step }}>
                            { lang.t(*term) }
                        </Link>
                    </dt>
                    <dd>{ lang.t(*def) }</dd>
                </>
            }) }
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_points_at_real_steps() {
        for (term, step, ..) in GLOSSARY {
            assert!(*step >= 1 && *step <= LESSON.steps.len(), "{term}");
        }
    }
}
