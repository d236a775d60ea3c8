//! The root component: language and relay providers around the router (`route.rs`).

use protocol::Lang;
use yew::prelude::*;

use crate::bundle::{self, Elsewhere, Group};
use crate::components::Header;
use crate::i18n::LangCtx;
use crate::pages::{LessonPage, LessonStart, NotFound};
use crate::relay::RelayProvider;
use crate::route::{Route, Router, use_route};
use crate::storage;

/// The language to start in: the remembered choice, else Chinese when the browser's first
/// preference is any Chinese, else English.
fn initial_lang() -> Lang {
    if let Some(lang) = storage::get(storage::LANG_KEY).and_then(|t| Lang::from_tag(&t)) {
        return lang;
    }
    let preferred = web_sys::window().map(|w| w.navigator()).and_then(|n| {
        n.languages()
            .iter()
            .next()
            .and_then(|v| v.as_string())
            .or_else(|| n.language())
    });
    match preferred.as_deref().and_then(Lang::from_tag) {
        Some(Lang::En) => Lang::En,
        Some(Lang::ZhCn) => Lang::ZhCn,
        None => Lang::En,
    }
}

fn apply_lang(lang: Lang) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.tag());
    }
}

/// The page of the current route. This bundle draws its own group's routes; another group's
/// is loaded anew (`bundle`).
#[function_component]
fn Page() -> Html {
    let route = use_route();
    let bundle = bundle::current();
    if Group::of_route(&route).is_some_and(|g| g != bundle.group) {
        return html! { <Elsewhere /> };
    }
    match route {
        Route::LessonStart { slug } => html! { <LessonStart slug={slug} /> },
        Route::Step { slug, step } => html! { <LessonPage slug={slug} step={step} /> },
        Route::NotFound => html! { <NotFound /> },
        other => (bundle.pages)(&other).unwrap_or_else(|| html! { <NotFound /> }),
    }
}

/// What the page is drawn for. In the browser both are `None`: the address bar and the
/// learner's choice decide. The `prerender` crate sets both to draw a page ahead of time.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The path to draw, in place of `location.pathname`.
    #[prop_or_default]
    pub path: Option<AttrValue>,
    /// The language to draw in, in place of the remembered or the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let lang = {
        let fixed = props.lang;
        use_state(move || fixed.unwrap_or_else(initial_lang))
    };
    use_effect_with(*lang, |l| apply_lang(*l));
    let ctx = LangCtx {
        lang: *lang,
        set: {
            let lang = lang.clone();
            Callback::from(move |l: Lang| {
                storage::set(storage::LANG_KEY, l.tag());
                lang.set(l);
            })
        },
    };
    html! {
        <ContextProvider<LangCtx> context={ctx}>
            <RelayProvider>
                <Router path={props.path.clone()}>
                    <a class="skip-link" href="#main">{ crate::i18n::tr(*lang, key!("app.skip")) }</a>
                    <Header />
                    <div id="main" tabindex="-1">
                        <Page />
                    </div>
                </Router>
            </RelayProvider>
        </ContextProvider<LangCtx>>
    }
}
