//! A failed request, shown the way a learner can act on: the OS error name (as Python would
//! print it), the errno, the explanation in their language, and the raw detail.

use protocol::RelayError;
use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: RelayError,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lang = use_lang();
    let e = &props.error;
    let errno = e.errno.map(|n| format!("errno {n}")).unwrap_or_default();
    html! {
        <div class="error-box" role="alert" data-testid={props.testid.clone()} data-code={e.code.name()}>
            <div class="error-head"><code class="error-code">{ e.code.name() }</code>{ " " }<span class="errno">{ errno }</span></div>
            <p>{ e.code.explain(lang.lang) }</p>
            if let Some(detail) = &e.detail {
                <p class="error-detail">{ lang.t("common.error_detail") }{ " " }<code>{ detail.clone() }</code></p>
            }
        </div>
    }
}
