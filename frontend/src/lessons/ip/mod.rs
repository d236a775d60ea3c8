//! Lessons "IP addresses" and "Masks and subnets" (curriculum 2 and the addressing half of 3),
//! and the practice page. Everything here runs in the page alone: no relay needed. The math is
//! `netmath`'s; these modules draw it, explain it and let a learner try it.

mod and_anim;
mod bits;
mod calc;
mod classes;
mod explorer;
mod field;
mod mask;
pub mod practice;
pub(crate) mod query;
mod reach;
mod specials;
mod split;
pub mod text;
mod tree;

use yew::prelude::*;

use super::{Lesson, Step};
use crate::i18n::use_lang;
use crate::route::{Link, Route};
use bits::Bits;

pub const IP: Lesson = Lesson {
    slug: "ip",
    title: key!("lesson.ip.title"),
    summary: key!("lesson.ip.summary"),
    steps: &[
        Step {
            id: "what",
            title: key!("ip.what.title"),
            body: key!("ip.what.body"),
            widget: Some(|| html! { <FirstAddress /> }),
            needs_relay: false,
        },
        Step {
            id: "explorer",
            title: key!("ip.explorer.title"),
            body: key!("ip.explorer.body"),
            widget: Some(|| html! { <explorer::Explorer /> }),
            needs_relay: false,
        },
        Step {
            id: "classes",
            title: key!("ip.classes.title"),
            body: key!("ip.classes.body"),
            widget: Some(|| html! { <classes::ClassTable /> }),
            needs_relay: false,
        },
        Step {
            id: "cidr",
            title: key!("ip.cidr.title"),
            body: key!("ip.cidr.body"),
            widget: Some(|| html! { <classes::CidrWhy /> }),
            needs_relay: false,
        },
        Step {
            id: "special",
            title: key!("ip.special.title"),
            body: key!("ip.special.body"),
            widget: Some(
                || html! { <><specials::SpecialTable />{ super::quiz::ask(super::quiz::IP_SPECIAL) }</> },
            ),
            needs_relay: false,
        },
    ],
};

pub const SUBNETS: Lesson = Lesson {
    slug: "subnets",
    title: key!("lesson.subnets.title"),
    summary: key!("lesson.subnets.summary"),
    steps: &[
        Step {
            id: "mask",
            title: key!("subnets.mask.title"),
            body: key!("subnets.mask.body"),
            widget: Some(|| html! { <mask::MaskLab /> }),
            needs_relay: false,
        },
        Step {
            id: "and",
            title: key!("subnets.and.title"),
            body: key!("subnets.and.body"),
            widget: Some(|| html! { <and_anim::AndLab /> }),
            needs_relay: false,
        },
        Step {
            id: "calc",
            title: key!("subnets.calc.title"),
            body: key!("subnets.calc.body"),
            widget: Some(|| html! { <calc::CalcLab /> }),
            needs_relay: false,
        },
        Step {
            id: "reach",
            title: key!("subnets.reach.title"),
            body: key!("subnets.reach.body"),
            widget: Some(|| html! { <reach::ReachLab /> }),
            needs_relay: false,
        },
        Step {
            id: "split",
            title: key!("subnets.split.title"),
            body: key!("subnets.split.body"),
            widget: Some(|| html! { <split::EqualSplitLab /> }),
            needs_relay: false,
        },
        Step {
            id: "vlsm",
            title: key!("subnets.vlsm.title"),
            body: key!("subnets.vlsm.body"),
            widget: Some(|| html! { <split::VlsmLab /> }),
            needs_relay: false,
        },
        Step {
            id: "tree",
            title: key!("subnets.tree.title"),
            body: key!("subnets.tree.body"),
            widget: Some(|| html! { <tree::TreeLab /> }),
            needs_relay: false,
        },
        Step {
            id: "practice",
            title: key!("subnets.practice.title"),
            body: key!("subnets.practice.body"),
            widget: Some(|| html! { <PracticeLink /> }),
            needs_relay: false,
        },
    ],
};

/// 192.168.1.1 as four bytes: the dotted decimal a person reads over the 32 bits a machine uses.
#[function_component]
fn FirstAddress() -> Html {
    html! { <Bits addr={std::net::Ipv4Addr::new(192, 168, 1, 1)} testid="what-bits" /> }
}

#[function_component]
fn PracticeLink() -> Html {
    let lang = use_lang();
    html! {
        <p class="actions">
            <Link to={Route::Practice} classes="button primary">
                <span data-testid="practice-link">{ lang.t(key!("ipw.practice.open")) }{ " →" }</span>
            </Link>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use crate::i18n::{Key, all, tr};

    /// Every literal text key these modules use exists in both languages (keys built at run
    /// time are covered by the tests in `text.rs`).
    #[test]
    fn every_key_used_in_the_address_lessons_exists() {
        let sources = [
            include_str!("and_anim.rs"),
            include_str!("bits.rs"),
            include_str!("calc.rs"),
            include_str!("classes.rs"),
            include_str!("explorer.rs"),
            include_str!("mask.rs"),
            include_str!("mod.rs"),
            include_str!("reach.rs"),
            include_str!("specials.rs"),
            include_str!("split.rs"),
            include_str!("tree.rs"),
            include_str!("text.rs"),
            include_str!("practice/mod.rs"),
        ];
        let prefixes = ["ipw.", "perr.", "sol.", "practice.", "pic."];
        let mut checked = 0;
        for src in sources {
            for piece in src.split('"').skip(1).step_by(2) {
                if prefixes.iter().any(|p| piece.starts_with(p))
                    && !piece.ends_with('.')
                    && !piece.contains([' ', '{'])
                {
                    for lang in Lang::ALL {
                        assert_ne!(
                            tr(lang, Key::built(piece)),
                            "⟦missing text⟧",
                            "{lang:?} lacks {piece}"
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} keys found");
        // Keys built with format!: practice levels, hints and field labels.
        for n in 1..=3 {
            for key in [format!("practice.level{n}"), format!("practice.hint{n}")] {
                assert_ne!(tr(Lang::En, Key::built(&key)), "⟦missing text⟧", "{key}");
            }
        }
        for f in [
            "class",
            "specials",
            "mask",
            "network",
            "broadcast",
            "first",
            "last",
            "usable",
            "net_a",
            "net_b",
            "delivery",
        ] {
            assert!(
                all(Lang::ZhCn).any(|(k, _)| k == format!("practice.field.{f}")),
                "{f}"
            );
        }
    }
}
