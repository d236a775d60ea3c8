//! Practice mode (`/practice?level=2&seed=42`): a seeded problem at one of three levels; each
//! answer box checked on its own, a hint, a worked solution revealed step by step, and a score
//! kept in this browser. The level and seed live in the URL so a problem can be shared.

pub mod answer;

use std::collections::HashMap;

use netmath::practice::{Answer, Field, Level, Problem, Task};
use netmath::{Class, Special};
use yew::prelude::*;

use super::query;
use super::text;
use crate::components::Prose;
use crate::i18n::{Key, LangCtx, thousands, use_lang};
use answer::{Score, Unreadable, field_key, level_from, level_number, read, read_specials};

/// A fresh seed: small numbers are easier to read aloud in a classroom.
fn random_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000.0) as u64
}

fn initial() -> (Level, u64) {
    let search = query::current_search();
    let level = query::param(&search, "level")
        .and_then(|l| level_from(&l))
        .unwrap_or(Level::One);
    let seed = query::param(&search, "seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(random_seed);
    (level, seed)
}

fn show_in_url(level: Level, seed: u64) {
    query::replace_param("level", &level_number(level).to_string());
    query::replace_param("seed", &seed.to_string());
}

#[function_component]
pub fn PracticePage() -> Html {
    let lang = use_lang();
    let current = use_state(initial);
    let score = use_state(Score::load);
    let (level, seed) = *current;
    use_effect_with((level, seed), |(l, s)| show_in_url(*l, *s));
    {
        let title = format!(
            "{} · {}",
            lang.t(key!("practice.title")),
            lang.t(key!("app.title"))
        );
        use_effect_with(title, |t| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(t);
            }
        });
    }
    let levels = [Level::One, Level::Two, Level::Three]
        .into_iter()
        .map(|l| {
            let current = current.clone();
            let n = level_number(l);
            html! {
                <button type="button" class={classes!((l == level).then_some("primary"))} aria-pressed={(l == level).to_string()}
                    data-testid="practice-level" data-level={n.to_string()}
                    onclick={move |_| current.set((l, random_seed()))}>
                    { lang.t(level_text(l)) }
                </button>
            }
        })
        .collect::<Html>();
    let new_problem = {
        let current = current.clone();
        Callback::from(move |_| current.set((level, random_seed())))
    };
    let on_checked = {
        let score = score.clone();
        Callback::from(move |(first, solved): (bool, bool)| {
            let mut s = *score;
            s.count(first, solved);
            s.save();
            score.set(s);
        })
    };
    let problem = Problem::generate(level, seed);
    html! {
        <main class="page practice" data-testid="practice" data-level={level_number(level).to_string()} data-seed={seed.to_string()}>
            <h1>{ lang.t(key!("practice.title")) }</h1>
            <Prose text={lang.t(key!("practice.intro"))} />
            <div class="actions" role="group" aria-label={lang.t(key!("practice.levels"))}>{ levels }</div>
            <p class="practice-meta">
                <span>{ lang.t(key!("practice.seed")) }{ " " }<code data-testid="practice-seed">{ seed }</code></span>
                <span data-testid="practice-score">{ lang.tf(fill!("practice.score", solved = &score.solved.to_string(), tried = &score.tried.to_string(), first = &score.first.to_string())) }</span>
                <button type="button" onclick={new_problem} data-testid="practice-new">{ lang.t(key!("practice.new")) }</button>
            </p>
            <p class="hint">{ lang.t(key!("practice.share")) }</p>
            <ProblemView key={format!("{}-{seed}", level_number(level))} problem={problem} {on_checked} />
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemProps {
    problem: Problem,
    /// (first check of this problem, solved by this check).
    on_checked: Callback<(bool, bool)>,
}

#[derive(Clone, Debug, PartialEq)]
enum Mark {
    Right,
    Wrong,
    Unreadable(String),
}

fn unreadable_text(lang: &LangCtx, u: &Unreadable) -> String {
    match u {
        Unreadable::Blank => lang.t(key!("practice.blank")).to_owned(),
        Unreadable::NotANumber => lang.t(key!("practice.not_a_number")).to_owned(),
        Unreadable::Parse(e) => text::parse_error(lang.lang, e),
    }
}

fn question(lang: &LangCtx, p: &Problem) -> String {
    match &p.task {
        Task::Classify { addr } => lang.tf(fill!("practice.q.classify", addr = &addr.to_string())),
        Task::Subnet { host } => lang.tf(fill!("practice.q.subnet", cidr = &host.to_string())),
        Task::Reach { a, b } => lang.tf(fill!(
            "practice.q.reach",
            a = &a.to_string(),
            b = &b.to_string()
        )),
        Task::Vlsm { network, hosts } => {
            let list: Vec<String> = hosts
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    lang.tf(fill!(
                        "practice.q.group",
                        n = &(i + 1).to_string(),
                        hosts = &thousands(u64::from(*h))
                    ))
                })
                .collect();
            lang.tf(fill!(
                "practice.q.vlsm",
                network = &network.to_string(),
                groups = &list.join(lang.t(key!("practice.list_sep")))
            ))
        }
    }
}

/// A level's button.
fn level_text(l: Level) -> Key {
    match l {
        Level::One => key!("practice.level1"),
        Level::Two => key!("practice.level2"),
        Level::Three => key!("practice.level3"),
    }
}

/// A level's hint.
fn level_hint(l: Level) -> Key {
    match l {
        Level::One => key!("practice.hint1"),
        Level::Two => key!("practice.hint2"),
        Level::Three => key!("practice.hint3"),
    }
}

/// A field's label (a VLSM block's is filled in by `field_label`).
fn field_text(f: Field) -> Key {
    match f {
        Field::Class => key!("practice.field.class"),
        Field::Specials => key!("practice.field.specials"),
        Field::Mask => key!("practice.field.mask"),
        Field::NetworkAddress => key!("practice.field.network"),
        Field::Broadcast => key!("practice.field.broadcast"),
        Field::FirstHost => key!("practice.field.first"),
        Field::LastHost => key!("practice.field.last"),
        Field::UsableHosts => key!("practice.field.usable"),
        Field::NetworkOfA => key!("practice.field.net_a"),
        Field::NetworkOfBUnderMaskOfA => key!("practice.field.net_b"),
        Field::Delivery => key!("practice.field.delivery"),
        Field::VlsmBlock(_) => key!("practice.field.vlsm"),
    }
}

fn field_label(lang: &LangCtx, p: &Problem, f: Field) -> String {
    match (f, &p.task) {
        (Field::VlsmBlock(i), Task::Vlsm { hosts, .. }) => lang.tf(fill!(
            "practice.field.vlsm",
            n = &(i + 1).to_string(),
            hosts = &hosts
                .get(i)
                .map(|h| thousands(u64::from(*h)))
                .unwrap_or_default()
        )),
        _ => lang.t(field_text(f)).to_owned(),
    }
}

#[function_component]
fn ProblemView(props: &ProblemProps) -> Html {
    let lang = use_lang();
    let p = &props.problem;
    let texts = use_state(HashMap::<String, String>::new);
    let ticked = use_state(Vec::<Special>::new);
    let marks = use_state(HashMap::<String, Mark>::new);
    let hint = use_state(|| false);
    let shown_steps = use_state(|| 0usize);
    let counted = use_state(|| (false, false));
    let solved_first = use_state(|| false);
    let fields = p.fields();

    let check = {
        let (texts, ticked, marks, counted, solved_first, p, on_checked) = (
            texts.clone(),
            ticked.clone(),
            marks.clone(),
            counted.clone(),
            solved_first.clone(),
            p.clone(),
            props.on_checked.clone(),
        );
        let lang = lang.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut out = HashMap::new();
            let given: Vec<_> = p
                .fields()
                .into_iter()
                .map(|f| {
                    let key = field_key(f);
                    let given = match f {
                        Field::Specials => read_specials(&ticked),
                        _ => read(f, texts.get(&key).map(|s| s.trim()).unwrap_or("")),
                    };
                    (f, key, given)
                })
                .collect();
            // A VLSM plan is marked as a whole, by the rules (equal blocks may swap places).
            let blocks: Vec<_> = given
                .iter()
                .filter(|(f, _, _)| matches!(f, Field::VlsmBlock(_)))
                .map(|(_, _, g)| match g {
                    Ok(Answer::Block(c)) => Some(*c),
                    _ => None,
                })
                .collect();
            let vlsm_marks = p.check_vlsm(&blocks);
            for (f, key, given) in given {
                let mark = match (given, f) {
                    (Ok(_), Field::VlsmBlock(i)) if vlsm_marks.get(i) == Some(&true) => Mark::Right,
                    (Ok(_), Field::VlsmBlock(_)) => Mark::Wrong,
                    (Ok(a), _) if p.check(f, &a) => Mark::Right,
                    (Ok(_), _) => Mark::Wrong,
                    (Err(u), _) => Mark::Unreadable(unreadable_text(&lang, &u)),
                };
                out.insert(key, mark);
            }
            let all_right = out.values().all(|m| *m == Mark::Right);
            let (was_tried, was_solved) = *counted;
            let solved_now = all_right && !was_solved;
            if !was_tried || solved_now {
                on_checked.emit((!was_tried, solved_now));
            }
            if !was_tried && all_right {
                solved_first.set(true);
            }
            counted.set((true, was_solved || all_right));
            marks.set(out);
        })
    };

    let boxes = fields
        .iter()
        .map(|&f| {
            let key = field_key(f);
            let label = field_label(&lang, p, f);
            let mark = marks.get(&key).cloned();
            let current = texts.get(&key).cloned().unwrap_or_default();
            let set_text = {
                let (texts, key) = (texts.clone(), key.clone());
                move |value: String| {
                    let mut t = (*texts).clone();
                    t.insert(key.clone(), value);
                    texts.set(t);
                }
            };
            let input = match f {
                Field::Class => {
                    let onchange = Callback::from(move |e: Event| set_text(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
                    let opts = Class::ALL
                        .iter()
                        .map(|&c| {
                            let v = text::class_letter(c);
                            html! { <option value={v} selected={current == v}>{ v }</option> }
                        })
                        .collect::<Html>();
                    html! {
                        <label class="ip-field">{ label.clone() }
                            <select data-testid="practice-input-class" {onchange}>
                                <option value="" selected={current.is_empty()}>{ "—" }</option>{ opts }
                            </select>
                        </label>
                    }
                }
                Field::Delivery => {
                    let onchange = Callback::from(move |e: Event| set_text(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
                    html! {
                        <label class="ip-field">{ label.clone() }
                            <select data-testid="practice-input-delivery" {onchange}>
                                <option value="" selected={current.is_empty()}>{ "—" }</option>
                                <option value="direct" selected={current == "direct"}>{ lang.t(key!("ipw.delivery.direct")) }</option>
                                <option value="gateway" selected={current == "gateway"}>{ lang.t(key!("ipw.delivery.gateway")) }</option>
                            </select>
                        </label>
                    }
                }
                Field::Specials => {
                    let boxes = Special::ALL.iter().map(|&s| {
                        let ticked = ticked.clone();
                        let on = ticked.contains(&s);
                        let onchange = Callback::from(move |_| {
                            let mut t = (*ticked).clone();
                            if let Some(i) = t.iter().position(|x| *x == s) { t.remove(i); } else { t.push(s); }
                            ticked.set(t);
                        });
                        html! {
                            <label class="check">
                                <input type="checkbox" checked={on} {onchange} data-testid={format!("practice-special-{}", text::special_stem(s))} />
                                { text::special_name(lang.lang, s) }
                            </label>
                        }
                    }).collect::<Html>();
                    html! { <fieldset class="specials-choice"><legend>{ label.clone() }</legend>{ boxes }</fieldset> }
                }
                _ => {
                    let oninput = Callback::from(move |e: InputEvent| set_text(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
                    html! {
                        <label class="ip-field">{ label.clone() }
                            <input type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                                value={current.clone()} {oninput}
                                data-testid={format!("practice-input-{key}")} />
                        </label>
                    }
                }
            };
            let mark_html = match &mark {
                None => html! {},
                Some(Mark::Right) => html! { <span class="mark right" data-testid={format!("practice-result-{key}")} data-result="right">{ "✓ " }{ lang.t(key!("practice.right")) }</span> },
                Some(Mark::Wrong) => html! { <span class="mark wrong" data-testid={format!("practice-result-{key}")} data-result="wrong">{ "✗ " }{ lang.t(key!("practice.wrong")) }</span> },
                Some(Mark::Unreadable(msg)) => html! { <span class="mark unreadable" role="alert" data-testid={format!("practice-result-{key}")} data-result="unreadable">{ msg.clone() }</span> },
            };
            html! { <div class="practice-field" data-field={key.clone()}>{ input }{ mark_html }</div> }
        })
        .collect::<Html>();

    let steps = p.solution();
    let total = steps.len();
    let at = (*shown_steps).min(total);
    let solution = steps[..at]
        .iter()
        .map(|s| html! { <li>{ text::solution_step(lang.lang, s) }</li> })
        .collect::<Html>();
    let next_step = {
        let shown_steps = shown_steps.clone();
        Callback::from(move |_| shown_steps.set((at + 1).min(total)))
    };
    let all_steps = {
        let shown_steps = shown_steps.clone();
        Callback::from(move |_| shown_steps.set(total))
    };
    let toggle_hint = {
        let hint = hint.clone();
        Callback::from(move |_| hint.set(!*hint))
    };
    let all_right = !marks.is_empty() && marks.values().all(|m| *m == Mark::Right);
    html! {
        <section class="problem" aria-labelledby="problem-q">
            <p id="problem-q" class="question" data-testid="practice-question">{ question(&lang, p) }</p>
            <form onsubmit={check} class="practice-form">
                { boxes }
                <div class="actions">
                    <button type="submit" class="primary" data-testid="practice-check">{ lang.t(key!("practice.check")) }</button>
                    <button type="button" onclick={toggle_hint} aria-expanded={hint.to_string()} data-testid="practice-hint-button">{ lang.t(key!("practice.hint_button")) }</button>
                    <button type="button" onclick={next_step} disabled={at >= total} data-testid="practice-solution-next">
                        { lang.t(if at == 0 { key!("practice.solution") } else { key!("practice.next_step") }) }
                    </button>
                    <button type="button" onclick={all_steps} disabled={at >= total} data-testid="practice-solution-all">{ lang.t(key!("practice.all_steps")) }</button>
                </div>
            </form>
            if all_right { <p class="verdict" role="status" data-testid="practice-solved" data-first={solved_first.to_string()}>
                { lang.t(if *solved_first { key!("practice.solved_first") } else { key!("practice.solved") }) }</p> }
            if *hint { <p class="hint-box" data-testid="practice-hint">{ lang.t(level_hint(p.level)) }</p> }
            if at > 0 { <ol class="walk" data-testid="practice-solution" aria-live="polite">{ solution }</ol> }
        </section>
    }
}
