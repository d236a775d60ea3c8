//! The bar on top of every page: the title (home link), the peer panel link, the relay status
//! light and the language switch.

use protocol::Lang;
use yew::prelude::*;

use crate::i18n::use_lang;
use crate::relay::{Status, use_relay};
use crate::route::{Link, Route};

#[function_component]
pub fn Header() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let status_text = match relay.status() {
        Status::Connected => lang.t(key!("relay.status.connected")).to_owned(),
        Status::Connecting { .. } => lang.t(key!("relay.status.connecting")).to_owned(),
        Status::Waiting { retry_ms, .. } => lang.tf(fill!(
            "relay.status.offline",
            seconds = &format!("{}.{}", retry_ms / 1000, retry_ms % 1000 / 100)
        )),
        Status::NoToken => lang.t(key!("relay.status.no_token")).to_owned(),
        Status::BadToken => lang.t(key!("relay.status.bad_token")).to_owned(),
    };
    // Why the relay closed the last session, when it said why (frontend/src/relay/close.rs).
    let closed = relay.close_reason(lang.lang).map(|why| {
        html! { <span class="relay-closed" data-testid="relay-closed">{ " · " }{ why }</span> }
    });
    let lang_buttons = Lang::ALL
        .iter()
        .map(|&l| {
            let set = lang.set.clone();
            let label = match l {
                Lang::ZhCn => "中文",
                Lang::En => "English",
            };
            html! {
                <button
                    class={classes!("lang-option", (l == lang.lang).then_some("active"))}
                    aria-pressed={(l == lang.lang).to_string()}
                    lang={l.tag()}
                    data-testid={format!("lang-{}", l.tag())}
                    onclick={Callback::from(move |_| set.emit(l))}
                >{ label }</button>
            }
        })
        .collect::<Html>();
    html! {
        <header class="topbar">
            <Link to={Route::Home} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "⇄" }</span>
                <span>{ lang.t(key!("app.title")) }</span>
            </Link>
            <div class="topbar-right">
                <Link to={Route::Panel} classes="panel-link">
                    <span data-testid="nav-panel">{ lang.t(key!("panel.nav")) }</span>
                </Link>
                <span class="relay-status" role="status" data-testid="relay-status" data-state={relay.status().state_name()}>
                    <span class="dot" aria-hidden="true"></span>{ status_text }{ closed }
                </span>
                <div class="lang-switch" role="group" aria-label={lang.t(key!("app.language"))} data-testid="lang-switch">
                    { lang_buttons }
                </div>
            </div>
        </header>
    }
}
