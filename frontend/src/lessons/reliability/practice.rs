//! Step "practice": predict what happens next in a run where one data segment is lost, then
//! check. Numbers are relative (counted from the initial sequence number, as Wireshark shows
//! them).

use yew::prelude::*;

use super::MESSAGE;
use super::sim::tcp::{self, Event};
use super::sim::{Fate, Fault, LinkConfig, Side};
use crate::i18n::use_lang;

/// One question: its text, the text explaining its answer, their arguments and the right
/// number.
struct Question {
    key: crate::i18n::Key,
    why: crate::i18n::Key,
    args: Vec<(&'static str, String)>,
    answer: u32,
}

fn questions() -> Vec<Question> {
    let cfg = LinkConfig::default();
    let base = tcp::run(MESSAGE.as_bytes(), cfg, 7, &[]);
    // Lose the second data segment.
    let data: Vec<usize> = base
        .txs
        .iter()
        .filter(|t| !t.seg.payload.is_empty())
        .map(|t| t.id)
        .collect();
    let lost = data[1];
    let run = tcp::run(
        MESSAGE.as_bytes(),
        cfg,
        7,
        &[Fault {
            tx: lost + 1,
            fate: Fate::Lost,
        }],
    );
    let rel = |seq: u32| seq.wrapping_sub(run.client_isn);
    let first = &run.txs[data[0]].seg;
    let lost_seg = &run.txs[lost].seg;
    let retransmitted = run
        .events
        .iter()
        .find_map(|e| match e.event {
            Event::Timeout {
                side: Side::Client,
                seq,
            } => Some(rel(seq)),
            _ => None,
        })
        .unwrap_or(0);
    vec![
        Question {
            key: key!("rel.q.ack"),
            why: key!("rel.q.ack.why"),
            args: vec![
                ("seq", rel(first.seq).to_string()),
                ("len", first.payload.len().to_string()),
            ],
            answer: rel(first.seq) + first.payload.len() as u32,
        },
        Question {
            key: key!("rel.q.resend"),
            why: key!("rel.q.resend.why"),
            args: vec![
                ("seq", rel(lost_seg.seq).to_string()),
                ("len", lost_seg.payload.len().to_string()),
            ],
            answer: retransmitted,
        },
        Question {
            key: key!("rel.q.dupack"),
            why: key!("rel.q.dupack.why"),
            args: vec![
                ("seq", rel(lost_seg.seq).to_string()),
                ("len", lost_seg.payload.len().to_string()),
            ],
            answer: rel(lost_seg.seq),
        },
    ]
}

#[derive(Properties, PartialEq)]
struct AskProps {
    index: usize,
    text: String,
    answer: u32,
    explain: String,
}

#[function_component]
fn Ask(props: &AskProps) -> Html {
    let lang = use_lang();
    let typed = use_state(String::new);
    let checked = use_state(|| None::<bool>);
    let oninput = {
        let (typed, checked) = (typed.clone(), checked.clone());
        Callback::from(move |e: InputEvent| {
            typed.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
            checked.set(None);
        })
    };
    let oncheck = {
        let (typed, checked, answer) = (typed.clone(), checked.clone(), props.answer);
        Callback::from(move |_: MouseEvent| {
            checked.set(Some(typed.trim().parse::<u32>() == Ok(answer)))
        })
    };
    let i = props.index;
    html! {
        <li class="rel-question" data-testid={format!("rel-q{i}")}>
            // The question is the answer field's label (for screen readers too).
            <p id={format!("rel-q{i}-text")}>{ props.text.clone() }</p>
            <div class="row">
                <input type="text" inputmode="numeric" value={(*typed).clone()} {oninput} aria-labelledby={format!("rel-q{i}-text")} data-testid={format!("rel-q{i}-input")} />
                <button class="primary" onclick={oncheck} data-testid={format!("rel-q{i}-check")}>{ lang.t(key!("rel.q.check")) }</button>
            </div>
            if let Some(ok) = *checked {
                <p class={if ok { "answer-ok" } else { "answer-wrong" }} data-testid={format!("rel-q{i}-result")} data-ok={ok.to_string()}>
                    { lang.t(if ok { key!("rel.q.right") } else { key!("rel.q.wrong") }) }{ " " }{ props.explain.clone() }
                </p>
            }
        </li>
    }
}

#[function_component]
pub fn Practice() -> Html {
    let lang = use_lang();
    let items = questions()
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let mut args: Vec<(&str, &str)> = q.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let answer = q.answer.to_string();
            args.push(("answer", &answer));
            html! {
                <Ask index={i} text={lang.tf(q.key.fill(&args))} answer={q.answer} explain={lang.tf(q.why.fill(&args))} />
            }
        })
        .collect::<Html>();
    html! { <ol class="rel-practice" data-testid="rel-practice">{ items }</ol> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_follow_the_simulation() {
        let q = questions();
        assert_eq!(
            q[0].answer, 5,
            "SYN takes 1, then 4 bytes: the next expected is 5"
        );
        assert_eq!(
            q[1].answer, 5,
            "the lost second segment starts at 5 and is resent"
        );
        assert_eq!(q[2].answer, 5);
    }
}
