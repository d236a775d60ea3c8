//! A URL that names no page or no step.

use yew::prelude::*;

use crate::i18n::use_lang;
use crate::route::{Link, Route};

#[function_component]
pub fn NotFound() -> Html {
    let lang = use_lang();
    html! {
        <main class="page narrow" data-testid="not-found">
            <h1>{ lang.t(key!("notfound.title")) }</h1>
            <p>{ lang.t(key!("notfound.body")) }</p>
            <Link to={Route::Home}>{ lang.t(key!("notfound.home")) }</Link>
        </main>
    }
}
