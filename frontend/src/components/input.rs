//! Form fields every screen uses: a text input bound to a state, and the choice of encoding.

use yew::prelude::*;

use crate::text::codec::Encoding;

/// Keeps `state` equal to what the learner typed.
pub fn on_text(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    })
}

#[derive(Properties, PartialEq)]
pub struct EncodingSelectProps {
    pub value: Encoding,
    pub onpick: Callback<Encoding>,
    pub testid: AttrValue,
}

/// A choice of text encoding (UTF-8, GBK, ...): how received bytes are shown.
#[function_component]
pub fn EncodingSelect(props: &EncodingSelectProps) -> Html {
    let onchange = {
        let onpick = props.onpick.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(enc) = Encoding::from_label(&el.value()) {
                onpick.emit(enc);
            }
        })
    };
    let options = Encoding::ALL
        .iter()
        .map(|e| html! { <option value={e.label()} selected={*e == props.value}>{ e.label().to_ascii_uppercase() }</option> })
        .collect::<Html>();
    html! { <select {onchange} data-testid={props.testid.clone()}>{ options }</select> }
}
