//! The lessons, in curriculum order. A lesson is a list of steps; each step has a title and a
//! body in the text tables (`key!("<slug>.<step>.title")`, `key!("<slug>.<step>.body")`, spelled
//! out so the compiler checks them) and may have a widget: something to look at or do. Steps
//! that do real socket work are marked `needs_relay`.

pub mod download;
pub mod intro;
pub mod ip;
pub mod links;
pub mod pictures;
pub mod ports;
pub mod quiz;
pub mod reliability;
pub mod tcp;
pub mod udp;

use yew::Html;

use crate::i18n::Key;

pub struct Step {
    /// Short id, in the page's address and in its text keys (`udp.send.title`).
    pub id: &'static str,
    pub title: Key,
    pub body: Key,
    pub widget: Option<fn() -> Html>,
    pub needs_relay: bool,
}

pub struct Lesson {
    pub slug: &'static str,
    pub title: Key,
    /// One line for the table of contents.
    pub summary: Key,
    pub steps: &'static [Step],
}

/// What the table of contents knows of a lesson: its name, its line and how many steps it has,
/// not the steps themselves. Every bundle holds all of these (a few texts); only the bundle of
/// the lesson's group holds its steps and their widgets (`crate::bundle`).
#[derive(Clone, Copy)]
pub struct Listed {
    pub slug: &'static str,
    pub title: Key,
    pub summary: Key,
    pub steps: usize,
}

impl Listed {
    /// Evaluated while the crate compiles: nothing of the lesson's steps stays referenced.
    const fn of(lesson: &Lesson) -> Listed {
        Listed {
            slug: lesson.slug,
            title: lesson.title,
            summary: lesson.summary,
            steps: lesson.steps.len(),
        }
    }
}

/// Every lesson with its steps, in curriculum order: the tests' view, and what the table of
/// contents is made from. A bundle lists its own (`crate::bundle::Bundle::lessons`).
pub const ALL: &[&Lesson] = &[
    &intro::LESSON,
    &ip::IP,
    &ip::SUBNETS,
    &links::LESSON,
    &ports::LESSON,
    &udp::LESSON,
    &tcp::LESSON,
    &download::LESSON,
    &reliability::LESSON,
];

/// An entry in the table of contents: a lesson that exists, or one still being written.
#[derive(Clone, Copy)]
pub enum TocEntry {
    Ready(Listed),
    /// A lesson with no steps yet: its title and summary show, it links nowhere.
    Planned(Listed),
}

/// The table of contents, in curriculum order: [`ALL`] as [`Listed`], made while the crate
/// compiles, so the lessons' steps stay out of the bundles that only list them.
pub static CONTENTS: [TocEntry; ALL.len()] = {
    let mut out = [TocEntry::Ready(Listed::of(ALL[0])); ALL.len()];
    let mut i = 1;
    while i < ALL.len() {
        out[i] = TocEntry::Ready(Listed::of(ALL[i]));
        i += 1;
    }
    out
};

/// Every lesson of the table of contents that has steps.
pub fn ready() -> impl Iterator<Item = &'static Listed> {
    CONTENTS.iter().filter_map(|e| match e {
        TocEntry::Ready(l) => Some(l),
        TocEntry::Planned(_) => None,
    })
}

/// The table of contents' entry of `slug`.
pub fn listed(slug: &str) -> Option<&'static Listed> {
    ready().find(|l| l.slug == slug)
}

/// The lessons whose steps this page's bundle holds, handed down when the page starts.
static HELD: std::sync::OnceLock<&'static [&'static Lesson]> = std::sync::OnceLock::new();

/// Makes `lessons` the ones this page draws (by `bundle::set`, once).
pub fn hold(lessons: &'static [&'static Lesson]) {
    let _ = HELD.set(lessons);
}

/// The lesson `slug` with its steps, when this page's bundle holds it (another group's lesson
/// is loaded by a full navigation: `crate::bundle`). Native tests, where no bundle starts,
/// hold them all; in the page only the bundle's own are reached, so only they are in it.
pub fn find(slug: &str) -> Option<&'static Lesson> {
    #[cfg(test)]
    let held = HELD.get().copied().unwrap_or(ALL);
    #[cfg(not(test))]
    let held = HELD.get().copied().unwrap_or(&[]);
    held.iter().copied().find(|l| l.slug == slug)
}

/// The lesson after `slug`, for the last step's "next" button.
pub fn next_after(slug: &str) -> Option<&'static Listed> {
    let mut it = ready().skip_while(|l| l.slug != slug);
    it.next();
    it.next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_and_step_names_its_own_texts() {
        // The compiler checked that each key exists in both languages; this checks that each
        // is the one its lesson and step id call for (no step showing another's text).
        for l in ALL {
            assert_eq!(l.title.name(), format!("lesson.{}.title", l.slug));
            assert_eq!(l.summary.name(), format!("lesson.{}.summary", l.slug));
            for step in l.steps {
                assert_eq!(step.title.name(), format!("{}.{}.title", l.slug, step.id));
                assert_eq!(step.body.name(), format!("{}.{}.body", l.slug, step.id));
            }
        }
    }

    #[test]
    fn the_table_of_contents_lists_every_lesson_as_it_is() {
        let listed: Vec<_> = ready()
            .map(|l| (l.slug, l.title, l.summary, l.steps))
            .collect();
        let full: Vec<_> = ALL
            .iter()
            .map(|l| (l.slug, l.title, l.summary, l.steps.len()))
            .collect();
        assert!(listed == full);
    }

    #[test]
    fn step_ids_are_unique_within_a_lesson() {
        for lesson in ALL {
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
