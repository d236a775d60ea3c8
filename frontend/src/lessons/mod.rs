//! The lessons, in curriculum order. A lesson is a list of steps; each step has a title and a
//! body in the text tables (`<slug>.<step>.title`, `<slug>.<step>.body`) and may have a widget:
//! something to look at or do. Steps that do real socket work are marked `needs_relay`.

pub mod download;
pub mod intro;
pub mod ip;
pub mod links;
pub mod pictures;
pub mod ports;
pub mod reliability;
pub mod tcp;
pub mod udp;

use yew::Html;

pub struct Step {
    /// Short id, used in text keys (`udp.send.title`).
    pub id: &'static str,
    pub widget: Option<fn() -> Html>,
    pub needs_relay: bool,
}

pub struct Lesson {
    pub slug: &'static str,
    pub steps: &'static [Step],
}

/// An entry in the table of contents: a lesson that exists, or one still being written.
pub enum TocEntry {
    Ready(&'static Lesson),
    Planned(&'static str),
}

/// The table of contents, in curriculum order.
pub static CONTENTS: &[TocEntry] = &[
    TocEntry::Ready(&intro::LESSON),
    TocEntry::Ready(&ip::IP),
    TocEntry::Ready(&ip::SUBNETS),
    TocEntry::Ready(&links::LESSON),
    TocEntry::Ready(&ports::LESSON),
    TocEntry::Ready(&udp::LESSON),
    TocEntry::Ready(&tcp::LESSON),
    TocEntry::Ready(&download::LESSON),
    TocEntry::Ready(&reliability::LESSON),
];

pub fn ready() -> impl Iterator<Item = &'static Lesson> {
    CONTENTS.iter().filter_map(|e| match e {
        TocEntry::Ready(l) => Some(*l),
        TocEntry::Planned(_) => None,
    })
}

pub fn find(slug: &str) -> Option<&'static Lesson> {
    ready().find(|l| l.slug == slug)
}

/// The lesson after `slug`, for the last step's "next" button.
pub fn next_after(slug: &str) -> Option<&'static Lesson> {
    let mut it = ready().skip_while(|l| l.slug != slug);
    it.next();
    it.next()
}

impl Step {
    pub fn title_key(&self, lesson: &Lesson) -> String {
        format!("{}.{}.title", lesson.slug, self.id)
    }
    pub fn body_key(&self, lesson: &Lesson) -> String {
        format!("{}.{}.body", lesson.slug, self.id)
    }
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use super::*;
    use crate::i18n::tr;

    const MISSING: &str = "⟦missing text⟧";

    #[test]
    fn every_lesson_and_step_has_text_in_both_languages() {
        for lang in Lang::ALL {
            for entry in CONTENTS {
                let slug = match entry {
                    TocEntry::Ready(l) => l.slug,
                    TocEntry::Planned(s) => s,
                };
                for key in [
                    format!("lesson.{slug}.title"),
                    format!("lesson.{slug}.summary"),
                ] {
                    assert_ne!(
                        tr(lang, crate::i18n::Key::built(&key)),
                        MISSING,
                        "{lang:?} lacks {key}"
                    );
                }
            }
            for lesson in ready() {
                for step in lesson.steps {
                    for key in [step.title_key(lesson), step.body_key(lesson)] {
                        assert_ne!(
                            tr(lang, crate::i18n::Key::built(&key)),
                            MISSING,
                            "{lang:?} lacks {key}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn step_ids_are_unique_within_a_lesson() {
        for lesson in ready() {
            let mut ids: Vec<_> = lesson.steps.iter().map(|s| s.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), lesson.steps.len(), "{}", lesson.slug);
        }
    }

    #[test]
    fn lessons_chain_in_order() {
        assert_eq!(next_after("intro").map(|l| l.slug), Some("ip"));
        assert_eq!(next_after("ip").map(|l| l.slug), Some("subnets"));
        assert_eq!(next_after("subnets").map(|l| l.slug), Some("links"));
        assert_eq!(next_after("links").map(|l| l.slug), Some("ports"));
        assert_eq!(next_after("ports").map(|l| l.slug), Some("udp"));
        assert_eq!(next_after("udp").map(|l| l.slug), Some("tcp"));
        assert_eq!(next_after("tcp").map(|l| l.slug), Some("download"));
        assert_eq!(next_after("download").map(|l| l.slug), Some("reliability"));
        assert!(next_after("reliability").is_none());
        assert!(find("nope").is_none());
    }
}
