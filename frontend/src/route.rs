//! The page's URLs: every lesson step has its own, so reload, bookmarks and back/forward work.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    /// A lesson without a step: continue where the learner left off.
    #[at("/lesson/:slug")]
    LessonStart { slug: String },
    /// Step numbers start at 1, as a learner counts.
    #[at("/lesson/:slug/:step")]
    Step { slug: String, step: usize },
    /// Address practice; `?level=1..3&seed=N` picks the problem.
    #[at("/practice")]
    Practice,
    /// The peer panel on a page of its own (the other end of the learner's programs).
    #[at("/panel")]
    Panel,
    /// The challenges: the learner's own programs, checked live by the relay.
    #[at("/challenges")]
    Challenges,
    /// "What I did", printable for a teacher.
    #[at("/challenges/report")]
    ChallengesReport,
    /// One challenge, by its slug (`udp-sender` ...).
    #[at("/challenges/:slug")]
    Challenge { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}
