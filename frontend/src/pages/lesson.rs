//! One lesson step: progress, title, text, the step's widget, and back/next (buttons, links and
//! the arrow keys). Each step has its own URL; the step shown is remembered in localStorage.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::components::{Prose, RelayGate};
use crate::i18n::use_lang;
use crate::lessons::{self, Lesson};
use crate::route::{Link, Route};
use crate::storage::Progress;

#[derive(Properties, PartialEq)]
pub struct LessonStartProps {
    pub slug: AttrValue,
}

/// `/lesson/<slug>`: go on where the learner left off.
#[function_component]
pub fn LessonStart(props: &LessonStartProps) -> Html {
    let target = lessons::find(&props.slug).map(|lesson| {
        let step = Progress::load()
            .last(lesson.slug)
            .filter(|s| (1..=lesson.steps.len()).contains(s))
            .unwrap_or(1);
        Route::Step {
            slug: lesson.slug.to_owned(),
            step,
        }
    });
    // In place of `/lesson/<slug>`, so that back does not land here and come straight back.
    use_effect_with(target.clone(), |target| {
        if let Some(t) = target {
            crate::route::replace(t);
        }
    });
    match target {
        Some(_) => Html::default(),
        None => html! { <crate::pages::NotFound /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub slug: AttrValue,
    pub step: usize,
}

#[function_component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    let lang = use_lang();
    let lesson = lessons::find(&props.slug);
    let total = lesson.map(|l| l.steps.len()).unwrap_or(0);
    let step = props.step;
    // The peer panel beside socket steps: open or not (stays open from step to step).
    let panel_open = use_state(|| false);

    // Remember progress.
    {
        let slug = props.slug.to_string();
        use_effect_with((slug, step), move |(slug, step)| {
            if lessons::find(slug).is_some_and(|l| (1..=l.steps.len()).contains(step)) {
                let mut p = Progress::load();
                p.visit(slug, *step);
                p.save();
            }
        });
    }
    // Arrow keys move between steps (not while typing in a field).
    {
        let slug = props.slug.to_string();
        use_effect_with((slug, step, total), move |(slug, step, total)| {
            let (slug, step, total) = (slug.clone(), *step, *total);
            let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |ev: KeyboardEvent| {
                if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || typing(&ev) {
                    return;
                }
                let target = match ev.key().as_str() {
                    "ArrowRight" if step < total => step + 1,
                    "ArrowLeft" if step > 1 => step - 1,
                    _ => return,
                };
                ev.prevent_default();
                crate::route::push(&Route::Step {
                    slug: slug.clone(),
                    step: target,
                });
            });
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &doc {
                let _ = d
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = &doc {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // Keep the window title in step with the page.
    {
        let title = lesson
            .and_then(|l| l.steps.get(step.wrapping_sub(1)))
            .map(|s| format!("{} · {}", lang.t(s.title), lang.t(key!("app.title"))));
        use_effect_with(title, |title| {
            if let (Some(t), Some(doc)) = (title, web_sys::window().and_then(|w| w.document())) {
                doc.set_title(t);
            }
        });
    }

    let Some(lesson) = lesson else {
        return html! { <crate::pages::NotFound /> };
    };
    let Some(current) = lesson.steps.get(step.wrapping_sub(1)) else {
        return html! { <crate::pages::NotFound /> };
    };
    let widget = current.widget.map(|w| w()).unwrap_or_default();
    let widget = if current.needs_relay {
        html! { <RelayGate>{ widget }</RelayGate> }
    } else {
        widget
    };
    let pct = step * 100 / total;
    let drawer = current
        .needs_relay
        .then(|| panel_drawer(&panel_open, &lang));
    let with_panel = current.needs_relay && *panel_open;
    html! {
        <div class={classes!("lesson-layout", with_panel.then_some("with-panel"))}>
        <main class="page lesson" data-testid="lesson" data-lesson={lesson.slug} data-step={step.to_string()}>
            <nav class="crumbs" aria-label={lang.t(key!("lesson.breadcrumb"))}>
                <Link to={Route::Home}>{ lang.t(key!("lesson.all_lessons")) }</Link>
                <span aria-hidden="true">{ " / " }</span>
                <span>{ lang.t(lesson.title) }</span>
            </nav>
            <div class="step-progress">
                <span class="step-counter" data-testid="step-counter">
                    { lang.tf(fill!("lesson.step_of", n = &step.to_string(), total = &total.to_string())) }
                </span>
                <span class="progress" role="progressbar" aria-valuemin="1" aria-valuemax={total.to_string()} aria-valuenow={step.to_string()}
                    aria-label={lang.tf(fill!("lesson.step_of", n = &step.to_string(), total = &total.to_string()))}>
                    <span class="bar" style={format!("width:{pct}%")}></span>
                </span>
            </div>
            { step_dots(lesson, step, &lang) }
            <article class="step" aria-labelledby="step-title">
                <h1 id="step-title" data-testid="step-title">{ lang.t(current.title) }</h1>
                <Prose text={lang.t(current.body)} />
                <div class="widget">{ widget }</div>
            </article>
            { step_nav(lesson, step, &lang) }
        </main>
        { drawer.unwrap_or_default() }
        </div>
    }
}

/// The toggle and the side region holding the peer panel. The panel only exists while open, so
/// hiding it (or leaving for a step without sockets) closes its sockets.
fn panel_drawer(open: &UseStateHandle<bool>, lang: &crate::i18n::LangCtx) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let label = if **open {
        lang.t(key!("panel.drawer.close"))
    } else {
        lang.t(key!("panel.drawer.open"))
    };
    html! {
        <aside class={classes!("panel-drawer", open.then_some("open"))} aria-label={lang.t(key!("panel.title"))}>
            <button class="secondary panel-toggle" onclick={ontoggle} aria-expanded={open.to_string()}
                aria-controls="panel-drawer-body" data-testid="panel-toggle">
                { "⇄ " }{ label }
            </button>
            if **open {
                <div id="panel-drawer-body" class="panel-drawer-body" data-testid="panel-drawer">
                    <h2>{ lang.t(key!("panel.title")) }</h2>
                    <p class="hint">{ lang.t(key!("panel.drawer.hint")) }</p>
                    <RelayGate>{ crate::bundle::current().panel.map(|p| p()).unwrap_or_default() }</RelayGate>
                </div>
            }
        </aside>
    }
}

fn step_dots(lesson: &Lesson, step: usize, lang: &crate::i18n::LangCtx) -> Html {
    let dots = lesson
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let title = lang.t(s.title);
            html! {
                <li>
                    <Link
                        to={Route::Step { slug: lesson.slug.to_owned(), step: n }}
                        classes={classes!("dot", (n == step).then_some("current"), (n < step).then_some("done"))}
                    >
                        <span class="visually-hidden">{ format!("{n}. {title}") }</span>
                        <span aria-hidden="true">{ n }</span>
                    </Link>
                </li>
            }
        })
        .collect::<Html>();
    html! { <ol class="step-dots" aria-label={lang.t(key!("lesson.steps"))}>{ dots }</ol> }
}

fn step_nav(lesson: &Lesson, step: usize, lang: &crate::i18n::LangCtx) -> Html {
    let total = lesson.steps.len();
    let back = if step > 1 {
        html! {
            <Link to={Route::Step { slug: lesson.slug.to_owned(), step: step - 1 }} classes="button secondary" >
                <span data-testid="step-back">{ "← " }{ lang.t(key!("lesson.back")) }</span>
            </Link>
        }
    } else {
        html! { <span class="button secondary disabled" aria-disabled="true">{ "← " }{ lang.t(key!("lesson.back")) }</span> }
    };
    let next = if step < total {
        html! {
            <Link to={Route::Step { slug: lesson.slug.to_owned(), step: step + 1 }} classes="button primary">
                <span data-testid="step-next">{ lang.t(key!("lesson.next")) }{ " →" }</span>
            </Link>
        }
    } else if let Some(next) = lessons::next_after(lesson.slug) {
        html! {
            <Link to={Route::LessonStart { slug: next.slug.to_owned() }} classes="button primary">
                <span data-testid="step-next">{ lang.tf(fill!("lesson.next_lesson", title = lang.t(next.title))) }{ " →" }</span>
            </Link>
        }
    } else {
        html! {
            <Link to={Route::Home} classes="button primary">
                <span data-testid="step-next">{ lang.t(key!("lesson.finish")) }</span>
            </Link>
        }
    };
    html! {
        <nav class="step-nav" aria-label={lang.t(key!("lesson.steps"))}>
            { back }
            <span class="keys-hint">{ lang.t(key!("lesson.keys_hint")) }</span>
            { next }
        </nav>
    }
}

/// True when the key press is meant for a text field or a select.
fn typing(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            let tag = el.tag_name().to_ascii_uppercase();
            tag == "INPUT"
                || tag == "TEXTAREA"
                || tag == "SELECT"
                || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}
