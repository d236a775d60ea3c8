//! One question with a few answers, checked on the spot: the step's prose becomes something to
//! predict. Every answer, right or wrong, has its own explanation, so a wrong pick teaches as
//! much as a right one. Texts: `<prefix>.q` the question, `<prefix>.<choice>` an answer,
//! `<prefix>.<choice>.why` what the page says when it is picked.

use yew::prelude::*;

use crate::i18n::{Key, use_lang};

/// One answer: its id (`data-choice`), its text and what the page says when it is picked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice {
    pub id: &'static str,
    pub text: Key,
    pub why: Key,
}

/// A question, its answers in the order shown, and the right answer's id. Made by `quiz!`,
/// which names every text (`<prefix>.q`, `<prefix>.<id>`, `<prefix>.<id>.why`) with a key
/// checked while the crate compiles, so each bundle holds only its own quizzes' texts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    /// Text key prefix, e.g. `quiz.ip_special` (`data-quiz`).
    pub prefix: &'static str,
    pub question: Key,
    pub choices: &'static [Choice],
    pub right: &'static str,
}

/// A text key built from a quiz's prefix, checked like `key!`.
macro_rules! quiz_key {
    ($name:expr) => {{
        const KEY: Key = Key::checked(
            $name,
            None,
            "a quiz text is missing in zh or en (frontend/src/i18n): see quiz! in lessons/quiz.rs",
            "",
        );
        KEY
    }};
}

/// `quiz!("quiz.ports_pair", [a, b, c], b)`: the question with the texts of its prefix.
macro_rules! quiz {
    ($prefix:literal, [$($c:ident),* $(,)?], $right:ident) => {
        Question {
            prefix: $prefix,
            question: quiz_key!(concat!($prefix, ".q")),
            choices: &[$(Choice {
                id: stringify!($c),
                text: quiz_key!(concat!($prefix, ".", stringify!($c))),
                why: quiz_key!(concat!($prefix, ".", stringify!($c), ".why")),
            }),*],
            right: stringify!($right),
        }
    };
}

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub question: Question,
    /// Arguments for the texts' `{placeholders}` (e.g. the client port this machine lends).
    #[prop_or_default]
    pub args: Vec<(&'static str, String)>,
}

/// The feedback for a pick: (right?, the text of its explanation).
pub fn verdict(question: &Question, picked: &str) -> Option<(bool, Key)> {
    let choice = question.choices.iter().find(|c| c.id == picked)?;
    Some((picked == question.right, choice.why))
}

#[function_component]
pub fn Quiz(props: &QuizProps) -> Html {
    let lang = use_lang();
    let picked = use_state(|| None::<&'static str>);
    let args: Vec<(&str, &str)> = props.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let q = &props.question;
    let buttons = q
        .choices
        .iter()
        .map(|choice| {
            let c = choice.id;
            let onclick = {
                let picked = picked.clone();
                Callback::from(move |_: MouseEvent| picked.set(Some(c)))
            };
            let pressed = *picked == Some(c);
            html! {
                <button type="button" class={classes!("secondary", pressed.then_some("picked"))}
                    aria-pressed={pressed.to_string()} {onclick}
                    data-testid="quiz-choice" data-choice={c}>
                    { lang.tf(choice.text.fill(&args)) }
                </button>
            }
        })
        .collect::<Html>();
    let feedback = picked.and_then(|c| verdict(q, c)).map(|(right, why)| {
        let (class, mark) = if right {
            ("verdict ok", lang.t(key!("quiz.right")))
        } else {
            ("verdict bad", lang.t(key!("quiz.wrong")))
        };
        html! {
            <p class={class} role="status" data-testid="quiz-feedback" data-result={if right { "right" } else { "wrong" }}>
                { mark }{ " " }{ lang.tf(why.fill(&args)) }
            </p>
        }
    });
    html! {
        <fieldset class="quiz" data-testid="quiz" data-quiz={q.prefix}>
            <legend>{ lang.t(key!("quiz.try")) }</legend>
            <p class="question">{ lang.tf(q.question.fill(&args)) }</p>
            <div class="quiz-choices" role="group">{ buttons }</div>
            { for feedback }
        </fieldset>
    }
}

/// Every quiz the lessons ask, for the tests.
pub const ALL: &[Question] = &[
    IP_SPECIAL,
    PORTS_PAIR,
    UDP_SOCKETS,
    UDP_LETTER,
    UDP_RECAP,
    TCP_RECAP,
];

pub const IP_SPECIAL: Question = quiz!("quiz.ip_special", [a, b, c, d], b);
pub const PORTS_PAIR: Question = quiz!("quiz.ports_pair", [a, b, c], b);
pub const UDP_SOCKETS: Question = quiz!("quiz.udp_sockets", [a, b, c], b);
pub const UDP_LETTER: Question = quiz!("quiz.udp_letter", [a, b, c], b);
pub const UDP_RECAP: Question = quiz!("quiz.udp_recap", [a, b, c, d], b);
pub const TCP_RECAP: Question = quiz!("quiz.tcp_recap", [a, b, c], b);

/// A quiz from one of the constants above.
pub fn ask(question: Question) -> Html {
    html! { <Quiz {question} /> }
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use super::*;
    use crate::i18n::tr;

    #[test]
    fn every_quiz_has_a_right_answer_and_names_its_own_texts() {
        // The texts exist in both languages: `quiz!` checked them while compiling.
        for q in ALL {
            assert!(q.choices.iter().any(|c| c.id == q.right), "{}", q.prefix);
            assert_eq!(q.question.name(), format!("{}.q", q.prefix));
            for c in q.choices {
                assert_eq!(c.text.name(), format!("{}.{}", q.prefix, c.id));
                assert_eq!(c.why.name(), format!("{}.{}.why", q.prefix, c.id));
            }
        }
    }

    /// The address quiz's answers are judged by `netmath`, not by hand: exactly the right one
    /// is private.
    #[test]
    fn the_private_address_quiz_agrees_with_netmath() {
        for c in IP_SPECIAL.choices {
            let addr: std::net::Ipv4Addr = tr(Lang::En, c.text).parse().unwrap();
            let private = netmath::specials(addr).contains(&netmath::Special::Private);
            assert_eq!(private, c.id == IP_SPECIAL.right, "{addr}");
        }
    }

    #[test]
    fn only_the_right_answer_is_marked_right() {
        let q = UDP_RECAP;
        assert_eq!(
            verdict(&q, "b").map(|(right, why)| (right, why.name())),
            Some((true, "quiz.udp_recap.b.why"))
        );
        for wrong in ["a", "c", "d"] {
            assert!(!verdict(&q, wrong).unwrap().0, "{wrong}");
        }
        assert_eq!(verdict(&q, "z"), None);
    }
}
