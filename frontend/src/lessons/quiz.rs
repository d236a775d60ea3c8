//! One question with a few answers, checked on the spot: the step's prose becomes something to
//! predict. Every answer, right or wrong, has its own explanation, so a wrong pick teaches as
//! much as a right one. Texts: `<prefix>.q` the question, `<prefix>.<choice>` an answer,
//! `<prefix>.<choice>.why` what the page says when it is picked.

use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    /// Text key prefix, e.g. `quiz.ip_special`.
    pub prefix: &'static str,
    /// The answers' ids, in the order shown.
    pub choices: &'static [&'static str],
    /// The right answer's id.
    pub right: &'static str,
    /// Arguments for the texts' `{placeholders}` (e.g. the client port this machine lends).
    #[prop_or_default]
    pub args: Vec<(&'static str, String)>,
}

/// The feedback for a pick: (right?, text key of its explanation).
pub fn verdict(props: &QuizProps, picked: &str) -> (bool, String) {
    (
        picked == props.right,
        format!("{}.{picked}.why", props.prefix),
    )
}

#[function_component]
pub fn Quiz(props: &QuizProps) -> Html {
    let lang = use_lang();
    let picked = use_state(|| None::<&'static str>);
    let args: Vec<(&str, &str)> = props.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let buttons = props
        .choices
        .iter()
        .map(|&c| {
            let onclick = {
                let picked = picked.clone();
                Callback::from(move |_: MouseEvent| picked.set(Some(c)))
            };
            let pressed = *picked == Some(c);
            html! {
                <button type="button" class={classes!("secondary", pressed.then_some("picked"))}
                    aria-pressed={pressed.to_string()} {onclick}
                    data-testid="quiz-choice" data-choice={c}>
                    { lang.tf_named(&format!("{}.{c}", props.prefix), &args) }
                </button>
            }
        })
        .collect::<Html>();
    let feedback = picked.map(|c| {
        let (right, why) = verdict(props, c);
        let (class, mark) = if right {
            ("verdict ok", lang.t(key!("quiz.right")))
        } else {
            ("verdict bad", lang.t(key!("quiz.wrong")))
        };
        html! {
            <p class={class} role="status" data-testid="quiz-feedback" data-result={if right { "right" } else { "wrong" }}>
                { mark }{ " " }{ lang.tf_named(&why, &args) }
            </p>
        }
    });
    html! {
        <fieldset class="quiz" data-testid="quiz" data-quiz={props.prefix}>
            <legend>{ lang.t(key!("quiz.try")) }</legend>
            <p class="question">{ lang.tf_named(&format!("{}.q", props.prefix), &args) }</p>
            <div class="quiz-choices" role="group">{ buttons }</div>
            { for feedback }
        </fieldset>
    }
}

/// Every quiz the lessons ask, for the text tests: (prefix, choices, right answer).
pub const ALL: &[(&str, &[&str], &str)] = &[
    IP_SPECIAL,
    PORTS_PAIR,
    UDP_SOCKETS,
    UDP_LETTER,
    UDP_RECAP,
    TCP_RECAP,
];

pub const IP_SPECIAL: (&str, &[&str], &str) = ("quiz.ip_special", &["a", "b", "c", "d"], "b");
pub const PORTS_PAIR: (&str, &[&str], &str) = ("quiz.ports_pair", &["a", "b", "c"], "b");
pub const UDP_SOCKETS: (&str, &[&str], &str) = ("quiz.udp_sockets", &["a", "b", "c"], "b");
pub const UDP_LETTER: (&str, &[&str], &str) = ("quiz.udp_letter", &["a", "b", "c"], "b");
pub const UDP_RECAP: (&str, &[&str], &str) = ("quiz.udp_recap", &["a", "b", "c", "d"], "b");
pub const TCP_RECAP: (&str, &[&str], &str) = ("quiz.tcp_recap", &["a", "b", "c"], "b");

/// A quiz from one of the constants above.
pub fn ask(q: (&'static str, &'static [&'static str], &'static str)) -> Html {
    html! { <Quiz prefix={q.0} choices={q.1} right={q.2} /> }
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use super::*;
    use crate::i18n::tr;

    #[test]
    fn every_quiz_has_its_texts_in_both_languages_and_a_right_answer() {
        for (prefix, choices, right) in ALL {
            assert!(choices.contains(right), "{prefix}");
            for lang in Lang::ALL {
                let mut keys = vec![format!("{prefix}.q")];
                for c in *choices {
                    keys.push(format!("{prefix}.{c}"));
                    keys.push(format!("{prefix}.{c}.why"));
                }
                for key in keys {
                    assert_ne!(
                        crate::i18n::tr_named(lang, &key),
                        "⟦missing text⟧",
                        "{lang:?} lacks {key}"
                    );
                }
            }
        }
        for key in [key!("quiz.right"), key!("quiz.wrong"), key!("quiz.try")] {
            for lang in Lang::ALL {
                assert_ne!(tr(lang, key), "⟦missing text⟧", "{lang:?} lacks {key:?}");
            }
        }
    }

    /// The address quiz's answers are judged by `netmath`, not by hand: exactly the right one
    /// is private.
    #[test]
    fn the_private_address_quiz_agrees_with_netmath() {
        let (prefix, choices, right) = IP_SPECIAL;
        for c in choices {
            let addr: std::net::Ipv4Addr =
                crate::i18n::tr_named(Lang::En, &format!("{prefix}.{c}"))
                    .parse()
                    .unwrap();
            let private = netmath::specials(addr).contains(&netmath::Special::Private);
            assert_eq!(private, *c == right, "{addr}");
        }
    }

    #[test]
    fn only_the_right_answer_is_marked_right() {
        let props = QuizProps {
            prefix: "quiz.udp_recap",
            choices: &["a", "b", "c", "d"],
            right: "b",
            args: Vec::new(),
        };
        assert_eq!(
            verdict(&props, "b"),
            (true, concat!("quiz.udp_recap", ".b.why").into())
        );
        for wrong in ["a", "c", "d"] {
            assert!(!verdict(&props, wrong).0, "{wrong}");
        }
    }
}
