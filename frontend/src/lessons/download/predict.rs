//! A question answered before the page shows what really happens: the learner picks one
//! answer, "Check" says whether it was right and why. The texts come translated from the
//! step, so every key stays a literal at its use.

use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct PredictProps {
    /// Names the radio group and the test id (`predict-<id>`).
    pub id: AttrValue,
    pub question: AttrValue,
    pub options: Vec<AttrValue>,
    /// The index of the right option.
    pub answer: usize,
    /// Why the right answer is right (shown once checked).
    pub explain: AttrValue,
}

#[function_component]
pub fn Predict(props: &PredictProps) -> Html {
    let lang = use_lang();
    let picked = use_state(|| None::<usize>);
    let checked = use_state(|| false);
    let oncheck = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| checked.set(true))
    };
    let right = *picked == Some(props.answer);
    let result = match (*checked, right) {
        (false, _) => "open",
        (true, true) => "right",
        (true, false) => "wrong",
    };
    html! {
        <fieldset class="predict" data-testid={format!("predict-{}", props.id)} data-result={result}>
            <legend>{ props.question.clone() }</legend>
            { for props.options.iter().enumerate().map(|(i, text)| {
                let on = *picked == Some(i);
                let (picked, checked) = (picked.clone(), checked.clone());
                let onchange = Callback::from(move |_: Event| {
                    picked.set(Some(i));
                    checked.set(false);
                });
                html! {
                    <label class="predict-option">
                        <input type="radio" name={props.id.clone()} value={i.to_string()}
                            checked={on} {onchange} />
                        { text.clone() }
                    </label>
                }
            }) }
            <button onclick={oncheck} disabled={picked.is_none()} data-testid="predict-check">
                { lang.t(key!("download.predict.check")) }
            </button>
            if *checked {
                <p class={if right { "verdict ok" } else { "verdict bad" }} role="status" data-testid="predict-verdict">
                    { if right { lang.t(key!("download.predict.right")) } else { lang.t(key!("download.predict.wrong")) } }
                    { " " }{ props.explain.clone() }
                </p>
            }
        </fieldset>
    }
}
