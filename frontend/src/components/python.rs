//! The equivalent Python, as the course would write it, beside each socket action.

use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct PythonCodeProps {
    pub code: AttrValue,
}

#[function_component]
pub fn PythonCode(props: &PythonCodeProps) -> Html {
    let lang = use_lang();
    html! {
        <figure class="python" data-testid="python-code">
            <figcaption>{ lang.t(key!("common.python_caption")) }</figcaption>
            // Focusable, so a long line can be scrolled to with the keyboard (arrow keys).
            <pre tabindex="0"><code>{ props.code.clone() }</code></pre>
        </figure>
    }
}
