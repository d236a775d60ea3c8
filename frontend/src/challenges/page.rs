//! One challenge (`/challenges/<slug>`): the goal, the starter file (copy or download, GBK),
//! "Check my program" with the checks streaming in, Cancel, and after three failed attempts
//! the solution.

use yew::prelude::*;

use super::state::{Action, Ending, Outcome, RunState};
use super::{Challenge, Kind, SOLUTION_AFTER, find, run, starter};
use crate::components::{ErrorBox, Prose, RelayGate, on_text};
use crate::i18n::{LangCtx, use_lang};
use crate::lab::use_lab;
use crate::route::{Link, Route};
use crate::storage::{Challenges, CheckRecord};

#[derive(Properties, PartialEq)]
pub struct ChallengePageProps {
    pub slug: AttrValue,
}

#[function_component]
pub fn ChallengePage(props: &ChallengePageProps) -> Html {
    let lang = use_lang();
    let Some(c) = find(&props.slug) else {
        return html! { <crate::pages::NotFound /> };
    };
    let body = match c.kind {
        Kind::Program => html! { <ProgramChallenge slug={c.slug} /> },
        Kind::Network => html! { <super::network::NetworkChallenge /> },
    };
    html! {
        <main class="page challenge" data-testid="challenge" data-challenge={c.slug}>
            <nav class="crumbs" aria-label={lang.t(key!("lesson.breadcrumb"))}>
                <Link to={Route::Challenges}>{ lang.t(key!("chal.title")) }</Link>
                <span aria-hidden="true">{ " / " }</span>
                <span>{ lang.t(c.title) }</span>
            </nav>
            <h1 data-testid="chal-title">{ lang.tf(fill!("chal.heading", n = &c.number.to_string(), title = lang.t(c.title))) }</h1>
            <h2>{ lang.t(key!("chal.goal")) }</h2>
            <Prose text={lang.t(c.goal)} />
            { body }
            { lesson_link(&lang, c) }
        </main>
    }
}

fn lesson_link(lang: &LangCtx, c: &Challenge) -> Html {
    html! {
        <p class="hint">
            { lang.t(key!("chal.from_lesson")) }{ " " }
            <Link to={Route::LessonStart { slug: c.lesson.to_owned() }}>
                { crate::lessons::listed(c.lesson).map_or("", |l| lang.t(l.title)) }
            </Link>
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ProgramProps {
    slug: &'static str,
}

#[function_component]
fn ProgramChallenge(props: &ProgramProps) -> Html {
    let lang = use_lang();
    let slug = props.slug;
    let lab = use_lab::<RunState>();
    let record = use_state(|| Challenges::load().get(slug));
    let show_solution = use_state(|| false);

    // A run that ended with a verdict is one attempt: remember it.
    {
        let record = record.clone();
        let ended = lab.ended;
        let checks = lab.checks.clone();
        use_effect_with(ended, move |ended| {
            if matches!(ended, Some(Ending::Passed | Ending::Failed)) {
                let mut all = Challenges::load();
                let rows = checks
                    .iter()
                    .map(|r| CheckRecord {
                        check: r.check.clone(),
                        passed: r.outcome != Outcome::Fail,
                    })
                    .collect();
                all.record(slug, super::now_ms(), rows);
                all.save();
                record.set(all.get(slug));
            }
        });
    }

    let oncheck = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            lab.dispatch(Action::Prepare);
            lab.run(move |ops| async move {
                ops.dispatch(match super::wire::start(&ops.relay, slug).await {
                    Ok((run, setup)) => Action::Start { run, setup },
                    Err(e) => Action::Fail(e),
                });
            });
        })
    };
    let oncancel = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(run) = lab.current else { return };
            let relay = lab.relay().clone();
            // The answer does not matter: `challenge_ended` follows either way.
            yew::platform::spawn_local(async move {
                let _ = relay.challenge_cancel(run).await;
            });
        })
    };
    let answer = use_state(String::new);
    let onanswer = {
        let (lab, answer) = (lab.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(run) = lab.current else { return };
            let text = answer.trim().to_owned();
            lab.run(move |ops| async move {
                if let Err(e) = ops.relay.challenge_answer(run, &text).await {
                    ops.dispatch(Action::Fail(e));
                }
            });
        })
    };
    let ontoggle = {
        let show = show_solution.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };
    let connected = lab.relay().connected();
    let s = &*lab;
    html! {
        <>
            <starter::StarterFile slug={slug} solution={false} setup={s.setup.clone()} />
            <h2>{ lang.t(key!("chal.check_title")) }</h2>
            if let Some(how) = find(slug).and_then(|c| c.how) {
                <p class="hint">{ lang.t(how) }</p>
            }
            <RelayGate>
                <div class="lab chal-run" data-testid="chal-run">
                    <div class="row">
                        <button class="primary" onclick={oncheck} disabled={s.running() || !connected} data-testid="chal-check">
                            { lang.t(key!("chal.check")) }
                        </button>
                        if s.current.is_some() {
                            <button onclick={oncancel} data-testid="chal-cancel">{ lang.t(key!("chal.cancel")) }</button>
                        }
                        { super::list::badge(&lang, &record) }
                    </div>
                    if slug == "file-client" && s.current.is_some() {
                        <div class="row">
                            <label>{ lang.t(key!("chal.answer")) }
                                <input type="text" class="sha-input" autocomplete="off" spellcheck="false" value={(*answer).clone()}
                                    oninput={on_text(&answer)} data-testid="chal-answer" />
                            </label>
                            <button onclick={onanswer} data-testid="chal-answer-send">{ lang.t(key!("chal.answer_send")) }</button>
                        </div>
                    }
                    if let Some(e) = &s.error {
                        <ErrorBox error={e.clone()} testid="chal-error" />
                    }
                    { run::view(&lang, s) }
                </div>
            </RelayGate>
            if record.failures() >= SOLUTION_AFTER || record.solved() {
                <div class="chal-solution">
                    <button class="secondary" onclick={ontoggle} aria-expanded={show_solution.to_string()} data-testid="chal-show-solution">
                        { lang.t(if *show_solution { key!("chal.hide_solution") } else { key!("chal.show_solution") }) }
                    </button>
                    if *show_solution {
                        <starter::StarterFile slug={slug} solution={true} setup={s.setup.clone()} />
                    }
                </div>
            }
        </>
    }
}
