//! `/challenges/report`: "what I did", for a teacher. Every challenge with its state, the date
//! it was solved (or last tried), and the checks of its last run, in the learner's language;
//! the print style sheet hides everything else.

use yew::prelude::*;

use super::{CHALLENGES, date_text};
use crate::i18n::{LangCtx, use_lang};
use crate::route::{Link, Route};
use crate::storage::{ChallengeRecord, Challenges};

fn state_line(lang: &LangCtx, r: &ChallengeRecord) -> String {
    match (r.solved_at, r.last_at) {
        (Some(at), _) if r.first_try => {
            lang.tf(fill!("chal.report.first_try", date = &date_text(at)))
        }
        (Some(at), _) => lang.tf(fill!(
            "chal.report.solved",
            date = &date_text(at),
            n = &r.attempts.to_string()
        )),
        (None, Some(at)) => lang.tf(fill!(
            "chal.report.tried",
            date = &date_text(at),
            n = &r.attempts.to_string()
        )),
        (None, None) => lang.t(key!("chal.report.not_tried")).to_owned(),
    }
}

#[function_component]
pub fn ReportPage() -> Html {
    let lang = use_lang();
    let progress = Challenges::load();
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let items = CHALLENGES
        .iter()
        .map(|c| {
            let r = progress.get(c.slug);
            html! {
                <li class="report-item" data-testid={format!("report-{}", c.slug)} data-solved={r.solved().to_string()}>
                    <h2>{ format!("{}. ", c.number) }{ lang.t(c.title) }</h2>
                    <p class="report-state" data-testid="report-state">{ state_line(&lang, &r) }</p>
                    if !r.checks.is_empty() {
                        <ul class="report-checks">
                            { for r.checks.iter().map(|k| html! {
                                <li data-passed={k.passed.to_string()}>
                                    { if k.passed { "✓ " } else { "✗ " } }
                                    { lang.t_named(&format!("chal.check.{}", k.check)) }
                                </li>
                            }) }
                        </ul>
                    }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <main class="page chal-report" data-testid="chal-report">
            <nav class="crumbs no-print" aria-label={lang.t(key!("lesson.breadcrumb"))}>
                <Link to={Route::Challenges}>{ lang.t(key!("chal.title")) }</Link>
            </nav>
            <h1>{ lang.t(key!("chal.report.title")) }</h1>
            <p>{ lang.tf(fill!("chal.report.summary", n = &progress.solved_count().to_string(), total = &CHALLENGES.len().to_string(), date = &date_text(super::now_ms()))) }</p>
            <p class="no-print"><button class="secondary" onclick={onprint} data-testid="chal-print">{ lang.t(key!("chal.report.print")) }</button></p>
            <ol class="report-list">{ items }</ol>
        </main>
    }
}
