//! A text input bound to a state: the one `oninput` every field of the page uses.

use yew::prelude::*;

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
