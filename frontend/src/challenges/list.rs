//! The list of challenges (`/challenges`), its card on the home page, and the "try it
//! yourself" link at the end of a socket lesson. Each shows the learner's progress.

use yew::prelude::*;

use super::{CHALLENGES, Challenge};
use crate::i18n::{LangCtx, use_lang};
use crate::route::{Link, Route};
use crate::storage::{ChallengeRecord, Challenges};

/// "Solved", "solved first try", or how many attempts so far.
pub fn badge(lang: &LangCtx, r: &ChallengeRecord) -> Html {
    if r.first_try {
        html! { <span class="badge solved" data-testid="chal-badge" data-state="first-try">{ lang.t(key!("chal.first_try")) }</span> }
    } else if r.solved() {
        html! { <span class="badge solved" data-testid="chal-badge" data-state="solved">{ lang.t(key!("chal.solved")) }</span> }
    } else if r.attempts > 0 {
        html! { <span class="badge" data-testid="chal-badge" data-state="tried">{ lang.tf(fill!("chal.attempts", n = &r.attempts.to_string())) }</span> }
    } else {
        Html::default()
    }
}

fn card(lang: &LangCtx, c: &Challenge, r: &ChallengeRecord) -> Html {
    html! {
        <li class={classes!("lesson-card", "ready", "chal-card", r.solved().then_some("solved"))} data-testid={format!("chal-card-{}", c.slug)}>
            <Link to={Route::Challenge { slug: c.slug.to_owned() }}>
                <span class="lesson-number">{ c.number }</span>
                <span class="lesson-text">
                    <strong>{ lang.t(c.title) }</strong>
                    <span class="summary">{ crate::lessons::listed(c.lesson).map_or("", |l| lang.t(l.title)) }</span>
                    { badge(lang, r) }
                </span>
            </Link>
        </li>
    }
}

#[function_component]
pub fn ChallengesPage() -> Html {
    let lang = use_lang();
    let progress = Challenges::load();
    let cards = CHALLENGES
        .iter()
        .map(|c| card(&lang, c, &progress.get(c.slug)))
        .collect::<Html>();
    html! {
        <main class="page challenges" data-testid="challenges">
            <nav class="crumbs" aria-label={lang.t(key!("lesson.breadcrumb"))}>
                <Link to={Route::Home}>{ lang.t(key!("lesson.all_lessons")) }</Link>
            </nav>
            <h1>{ lang.t(key!("chal.title")) }</h1>
            <crate::components::Prose text={lang.t(key!("chal.intro"))} />
            <p class="progress-text" data-testid="chal-solved-count">{ lang.tf(fill!("chal.solved_count", n = &progress.solved_count().to_string(), total = &CHALLENGES.len().to_string())) }</p>
            <ol class="lesson-list chal-list">{ cards }</ol>
            <p class="actions">
                <Link to={Route::ChallengesReport} classes="button secondary">
                    <span data-testid="chal-report-link">{ lang.t(key!("chal.report.open")) }</span>
                </Link>
            </p>
        </main>
    }
}

/// The home page's card: how many are solved, and the way in.
#[function_component]
pub fn ChallengesHome() -> Html {
    let lang = use_lang();
    let solved = Challenges::load().solved_count();
    html! {
        <section class="panel-card" data-testid="home-challenges">
            <h2>{ lang.t(key!("chal.home.title")) }</h2>
            <p>{ lang.t(key!("chal.home.body")) }</p>
            <p class="progress-text" data-testid="home-chal-solved">{ lang.tf(fill!("chal.solved_count", n = &solved.to_string(), total = &super::CHALLENGES.len().to_string())) }</p>
            <Link to={Route::Challenges} classes="button primary">
                <span data-testid="home-challenges-open">{ lang.t(key!("chal.home.open")) }</span>
            </Link>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TryLinkProps {
    /// The lesson whose challenges to offer.
    pub lesson: AttrValue,
}

/// "Try it yourself": the lesson's challenges, at the end of its last step.
#[function_component]
pub fn TryLink(props: &TryLinkProps) -> Html {
    let lang = use_lang();
    let progress = Challenges::load();
    let links = CHALLENGES
        .iter()
        .filter(|c| c.lesson == props.lesson.as_str())
        .map(|c| {
            html! {
                <li>
                    <Link to={Route::Challenge { slug: c.slug.to_owned() }}>
                        { format!("{}. ", c.number) }{ lang.t(c.title) }
                    </Link>
                    { " " }{ badge(&lang, &progress.get(c.slug)) }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <aside class="try-link" data-testid="try-link">
            <h2>{ lang.t(key!("chal.try.title")) }</h2>
            <p>{ lang.t(key!("chal.try.body")) }</p>
            <ul>{ links }</ul>
        </aside>
    }
}
