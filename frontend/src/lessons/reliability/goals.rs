//! The lesson's goals drawn on the page: "make the link lose something" (step "link"),
//! "predict the next ack number" and "exactly two retransmissions" (step "tcp"). The checks
//! are `netsim::reliability::goals`; this module asks and answers in the learner's language.

use std::rc::Rc;

use yew::prelude::*;

use super::MESSAGE;
use super::sim::goals::{self, GOAL_RETRANSMISSIONS};
use super::sim::tcp::TcpRun;
use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct RunProps {
    pub run: Rc<TcpRun>,
}

/// Step "link": set the link so that this run loses at least one transmission.
#[function_component]
pub fn LoseOne(props: &RunProps) -> Html {
    let lang = use_lang();
    let (result, text) = match goals::first_lost(&props.run) {
        Some(n) => (
            "right",
            lang.tf(fill!("rel.goal.lose.done", n = &n.to_string())),
        ),
        None => (
            "wrong",
            lang.tf(fill!(
                "rel.goal.lose.none",
                n = &props.run.txs.len().to_string()
            )),
        ),
    };
    html! {
        <div class="quiz" data-testid="rel-goal-lose">
            <p class="question">{ lang.t(key!("rel.goal.lose.task")) }</p>
            <p class={if result == "right" { "verdict ok" } else { "hint" }} role="status"
                data-testid="rel-goal-lose-status" data-result={result}>{ text }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AckProps {
    pub run: Rc<TcpRun>,
    /// Events on screen.
    pub shown: usize,
}

/// Step "tcp": predict the ack number of the server's next ACK, checked.
#[function_component]
pub fn AckPredict(props: &AckProps) -> Html {
    let lang = use_lang();
    let q = goals::next_ack(&props.run, props.shown);
    let typed = use_state(String::new);
    // (the question's transmission, the verdict text, right?)
    let verdict = use_state(|| None::<(usize, String, bool)>);
    let Some(q) = q else {
        return html! { <p class="hint" data-testid="rel-ack-none">{ lang.t(key!("rel.goal.ack.none")) }</p> };
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let oncheck = {
        let (typed, verdict, lang) = (typed.clone(), verdict.clone(), lang.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = typed.trim().to_owned();
            let v = match text.parse::<u32>() {
                Ok(guess) if goals::check_ack(&q, guess) => (
                    lang.tf(fill!("rel.goal.ack.right", ack = &q.ack.to_string())),
                    true,
                ),
                Ok(guess) => (
                    lang.tf(fill!("rel.goal.ack.wrong", guess = &guess.to_string())),
                    false,
                ),
                Err(_) => (lang.t(key!("rel.goal.ack.unreadable")).to_owned(), false),
            };
            verdict.set(Some((q.tx, v.0, v.1)));
        })
    };
    // A verdict belongs to one question: stepping on to the next ACK clears it.
    let shown = (*verdict).clone().filter(|(tx, _, _)| *tx == q.tx);
    html! {
        <form class="quiz rel-ack" onsubmit={oncheck} data-testid="rel-ack" data-tx={(q.tx + 1).to_string()}>
            <label>{ lang.tf(fill!("rel.goal.ack.q", n = &(q.tx + 1).to_string())) }
                <input type="text" inputmode="numeric" autocomplete="off" value={(*typed).clone()} {oninput} data-testid="rel-ack-input" />
            </label>
            <button type="submit" class="secondary" data-testid="rel-ack-check">{ lang.t(key!("rel.goal.ack.check")) }</button>
            if let Some((_, text, right)) = shown {
                <p class={if right { "verdict ok" } else { "verdict bad" }} role="status"
                    data-testid="rel-ack-feedback" data-result={if right { "right" } else { "wrong" }}>{ text }</p>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct TwoProps {
    pub run: Rc<TcpRun>,
    /// Faults set by hand: the goal is about the link's settings, so they must be cleared.
    pub hand_faults: usize,
}

/// Step "tcp": find link settings where TCP needs exactly two retransmissions.
#[function_component]
pub fn TwoRetransmissions(props: &TwoProps) -> Html {
    let lang = use_lang();
    let n = goals::retransmissions(&props.run);
    let met = props.hand_faults == 0
        && goals::exactly_two_retransmissions(&props.run, MESSAGE.as_bytes());
    let advice = if met {
        Some(lang.t(key!("rel.goal.two.met")))
    } else if props.hand_faults > 0 {
        Some(lang.t(key!("rel.goal.two.by_hand")))
    } else if props.run.delivered != MESSAGE.as_bytes() {
        Some(lang.t(key!("rel.goal.two.undelivered")))
    } else {
        None
    };
    html! {
        <div class="quiz" data-testid="rel-goal-two" data-met={met.to_string()} data-count={n.to_string()} data-goal={GOAL_RETRANSMISSIONS.to_string()}>
            <p class="question">{ lang.t(key!("rel.goal.two.title")) }</p>
            <p data-testid="rel-goal-two-status">{ lang.tf(fill!("rel.goal.two.status", n = &n.to_string())) }</p>
            if let Some(text) = advice {
                <p class={if met { "verdict ok" } else { "hint" }} role="status" data-testid="rel-goal-two-verdict">{ text }</p>
            }
        </div>
    }
}
