//! A failed request, shown the way a learner can act on: the error's meaning by name, the
//! number and the relay's own system's name for it (`errno 10061 WSAECONNREFUSED` on
//! Windows), the explanation in their language, the exact line Python prints for this
//! failure on that system, and the raw detail.

use protocol::RelayError;
use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: RelayError,
    #[prop_or_default]
    pub testid: AttrValue,
    /// What to say instead of the code's general explanation, when the screen knows more
    /// (for a refused bind: which address was tried, and why that one).
    #[prop_or_default]
    pub explanation: Option<AttrValue>,
}

#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lang = use_lang();
    let e = &props.error;
    let errno = match (e.errno, e.os_name.as_deref()) {
        // Only when the system's name differs from the meaning's (Windows' WSAE...).
        (Some(n), Some(name)) if name != e.code.name() => format!("errno {n} {name}"),
        (Some(n), _) => format!("errno {n}"),
        (None, _) => String::new(),
    };
    html! {
        <div class="error-box" role="alert" data-testid={props.testid.clone()} data-code={e.code.name()}>
            <div class="error-head"><code class="error-code">{ e.code.name() }</code>{ " " }<span class="errno">{ errno }</span></div>
            <p>{ super::prose::inline(&props.explanation.clone().unwrap_or_else(|| AttrValue::from(e.code.explain(lang.lang)))) }</p>
            if let Some(line) = &e.python {
                <p class="error-python">{ lang.t(key!("common.error_python")) }{ " " }<code data-testid="error-python">{ line.clone() }</code></p>
            }
            if let Some(detail) = &e.detail {
                <p class="error-detail">{ lang.t(key!("common.error_detail")) }{ " " }<code>{ detail.clone() }</code></p>
            }
        </div>
    }
}
