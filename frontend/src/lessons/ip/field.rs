//! A labelled text box for the address widgets, and the state hook behind it. Addresses are
//! typed, not picked: autocorrect, autocapitalise and spellcheck are off.

use yew::prelude::*;

/// A text state and the `oninput` that keeps it in step with its input box.
#[hook]
pub fn use_text(initial: &'static str) -> (UseStateHandle<String>, Callback<InputEvent>) {
    let text = use_state(|| initial.to_owned());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(el.value());
        })
    };
    (text, oninput)
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<InputEvent>,
    pub testid: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Marks the box invalid for assistive technology when its text does not parse.
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    html! {
        <label class={classes!("ip-field", props.class.clone())}>
            { props.label.clone() }
            <input type="text" autocomplete="off" autocapitalize="off"
                spellcheck="false" value={props.value.clone()} oninput={props.oninput.clone()}
                placeholder={props.placeholder.clone()} aria-invalid={props.invalid.to_string()}
                data-testid={props.testid.clone()} />
        </label>
    }
}

/// A parse error shown under a box: what is wrong and where.
pub fn error_line(message: String, testid: &'static str) -> Html {
    html! { <p class="field-error" role="alert" data-testid={testid}>{ message }</p> }
}
