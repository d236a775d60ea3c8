//! Lesson "How hosts are connected" (curriculum 3): a cable, a hub, a switch and a router drawn
//! and stepped hop by hop (`topo.rs` on the pure `netsim::links` and `scenario.rs`), the
//! default-gateway decision with a misconfigured host, a real web request through the relay
//! (`web.rs`, `url.rs`), and a glossary whose terms link to the steps that show them.

mod player;
mod scenario;
pub use netsim::links as sim;
mod topo;
pub mod url;
mod web;

use yew::prelude::*;
use yew_router::prelude::*;

use super::{Lesson, Step};
use crate::i18n::use_lang;
use crate::route::Route;
use scenario::Topo;
use topo::TopoLab;

pub static LESSON: Lesson = Lesson {
    slug: "links",
    steps: &[
        Step {
            id: "cable",
            widget: Some(|| html! { <TopoLab topo={Topo::Cable} /> }),
            needs_relay: false,
        },
        Step {
            id: "hub",
            widget: Some(|| html! { <TopoLab topo={Topo::Hub} /> }),
            needs_relay: false,
        },
        Step {
            id: "switch",
            widget: Some(|| html! { <TopoLab topo={Topo::Switch} /> }),
            needs_relay: false,
        },
        Step {
            id: "router",
            widget: Some(|| html! { <TopoLab topo={Topo::Router} /> }),
            needs_relay: false,
        },
        Step {
            id: "gateway",
            widget: Some(|| html! { <TopoLab topo={Topo::Router} editable={true} /> }),
            needs_relay: false,
        },
        Step {
            id: "web",
            widget: Some(|| html! { <web::WebLab /> }),
            needs_relay: true,
        },
        Step {
            id: "glossary",
            widget: Some(|| html! { <Glossary /> }),
            needs_relay: false,
        },
    ],
};

/// Each glossary term and the step (1-based) that shows it.
pub const GLOSSARY: &[(&str, usize)] = &[
    ("mac", 1),
    ("ip", 4),
    ("netmask", 5),
    ("gateway", 5),
    ("hub", 2),
    ("switch", 3),
    ("router", 4),
    ("dns", 6),
    ("http", 6),
];

#[function_component]
fn Glossary() -> Html {
    let lang = use_lang();
    html! {
        <dl class="glossary" data-testid="links-glossary">
            { for GLOSSARY.iter().map(|(term, step)| html! {
                <>
                    <dt>
                        <Link<Route> to={Route::Step { slug: "links".into(), step: *step }}>
                            { lang.t(crate::i18n::Key::built(&format!("links.term.{term}"))) }
                        </Link<Route>>
                    </dt>
                    <dd>{ lang.t(crate::i18n::Key::built(&format!("links.term.{term}.def"))) }</dd>
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
        for (term, step) in GLOSSARY {
            assert!(*step >= 1 && *step <= LESSON.steps.len(), "{term}");
        }
    }
}
