//! Lesson "reliability" (curriculum 7): TCP's reliability made visible. A lossy link the
//! learner controls, TCP over it stepped event by event as a growing sequence diagram, UDP
//! over the same link beside it, the kernel's own numbers for a real connection, and a short
//! practice set. The model is the pure crate `netsim::reliability`; this module draws and asks.

mod controls;
mod diagram;
mod fates;
mod goals;
mod kernel;
pub mod link_url;
mod practice;
pub use netsim::reliability as sim;
mod stepped;

use std::cell::RefCell;

use yew::prelude::*;

use super::{Lesson, Step};
use sim::{Fault, LinkConfig};

pub const LESSON: Lesson = Lesson {
    slug: "reliability",
    title: key!("lesson.reliability.title"),
    summary: key!("lesson.reliability.summary"),
    steps: &[
        Step {
            id: "link",
            title: key!("reliability.link.title"),
            body: key!("reliability.link.body"),
            widget: Some(|| html! { <controls::LinkStep /> }),
            needs_relay: false,
        },
        Step {
            id: "tcp",
            title: key!("reliability.tcp.title"),
            body: key!("reliability.tcp.body"),
            widget: Some(|| html! { <stepped::TcpStep /> }),
            needs_relay: false,
        },
        Step {
            id: "udp",
            title: key!("reliability.udp.title"),
            body: key!("reliability.udp.body"),
            widget: Some(|| html! { <stepped::UdpStep /> }),
            needs_relay: false,
        },
        Step {
            id: "kernel",
            title: key!("reliability.kernel.title"),
            body: key!("reliability.kernel.body"),
            widget: Some(|| html! { <kernel::KernelStep /> }),
            needs_relay: true,
        },
        Step {
            id: "practice",
            title: key!("reliability.practice.title"),
            body: key!("reliability.practice.body"),
            widget: Some(|| html! { <practice::Practice /> }),
            needs_relay: false,
        },
    ],
};

/// The message the client sends in every run.
pub const MESSAGE: &str = "Every byte, in order, exactly once.";

/// The scenario the steps share: the link, its seed and the faults set by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub seed: u64,
    pub cfg: LinkConfig,
    pub faults: Vec<Fault>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            seed: 42,
            cfg: LinkConfig::default(),
            faults: Vec::new(),
        }
    }
}

thread_local! {
    /// Kept while the page lives, so the next step shows the scenario set in the last one.
    static SCENARIO: RefCell<Scenario> = RefCell::new(Scenario::default());
}

/// The shared scenario as component state: read on mount (from the URL when it names one,
/// else the one the last step left), written back, and into the URL, on every change.
#[hook]
pub fn use_scenario() -> (Scenario, Callback<Scenario>) {
    let state = use_state(|| {
        let from_url = link_url::from_search(&crate::lessons::ip::query::current_search());
        SCENARIO.with(|s| {
            if let Some(sc) = from_url {
                *s.borrow_mut() = sc;
            }
            s.borrow().clone()
        })
    });
    {
        // The address bar always holds what is shown, so copying it shares this scenario.
        let shown = (*state).clone();
        use_effect_with(shown, link_url::show);
    }
    let set = {
        let state = state.clone();
        Callback::from(move |s: Scenario| {
            SCENARIO.with(|cell| *cell.borrow_mut() = s.clone());
            state.set(s);
        })
    };
    ((*state).clone(), set)
}
