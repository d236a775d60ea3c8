//! The table of contents: every lesson in curriculum order with the learner's progress.

use yew::prelude::*;

use crate::i18n::use_lang;
use crate::lessons::{CONTENTS, TocEntry};
use crate::route::{Link, Route};
use crate::storage::Progress;

#[function_component]
pub fn Home() -> Html {
    let lang = use_lang();
    let progress = Progress::load();
    let items = CONTENTS
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let number = i + 1;
            match entry {
                TocEntry::Ready(lesson) => {
                    let total = lesson.steps;
                    let seen = progress.seen_count(lesson.slug, total);
                    let pct = seen * 100 / total.max(1);
                    html! {
                        <li class="lesson-card ready" data-testid={format!("lesson-{}", lesson.slug)}>
                            <Link to={Route::LessonStart { slug: lesson.slug.to_owned() }}>
                                <span class="lesson-number">{ number }</span>
                                <span class="lesson-text">
                                    <strong>{ lang.t(lesson.title) }</strong>
                                    <span class="summary">{ lang.t(lesson.summary) }</span>
                                    <span class="progress" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={seen.to_string()}
                                        aria-label={lang.tf(fill!("home.progress", seen = &seen.to_string(), total = &total.to_string()))}>
                                        <span class="bar" style={format!("width:{pct}%")}></span>
                                    </span>
                                    <span class="progress-text">{ lang.tf(fill!("home.progress", seen = &seen.to_string(), total = &total.to_string())) }</span>
                                </span>
                            </Link>
                        </li>
                    }
                }
                TocEntry::Planned(planned) => html! {
                    <li class="lesson-card planned" aria-disabled="true">
                        <div class="lesson-link">
                            <span class="lesson-number">{ number }</span>
                            <span class="lesson-text">
                                <strong>{ lang.t(planned.title) }</strong>
                                <span class="summary">{ lang.t(planned.summary) }</span>
                                <span class="badge">{ lang.t(key!("home.planned")) }</span>
                            </span>
                        </div>
                    </li>
                },
            }
        })
        .collect::<Html>();
    html! {
        <main class="page" data-testid="home">
            <section class="hero">
                <h1>{ lang.t(key!("home.title")) }</h1>
                <crate::components::Prose text={lang.t(key!("home.intro"))} />
            </section>
            <ol class="lesson-list">{ items }</ol>
            <crate::challenges::ChallengesHome />
            <section class="panel-card" data-testid="home-panel">
                <h2>{ lang.t(key!("panel.home.title")) }</h2>
                <p>{ lang.t(key!("panel.home.body")) }</p>
                <Link to={Route::Panel} classes="button primary">
                    <span data-testid="home-panel-open">{ lang.t(key!("panel.home.open")) }</span>
                </Link>
            </section>
        </main>
    }
}
