//! Socket steps are only real with the relay. Without it, this box says what is wrong and how to
//! start the relay, instead of showing buttons that cannot work.

use yew::prelude::*;

use crate::i18n::use_lang;
use crate::relay::{Status, use_relay};

#[derive(Properties, PartialEq)]
pub struct RelayGateProps {
    pub children: Html,
}

#[function_component]
pub fn RelayGate(props: &RelayGateProps) -> Html {
    let relay = use_relay();
    let lang = use_lang();
    if relay.connected() {
        return props.children.clone();
    }
    let (title, body) = match relay.status() {
        Status::NoToken => (
            key!("relay.gate.no_token.title"),
            key!("relay.gate.no_token.body"),
        ),
        Status::Connecting { .. } => (
            key!("relay.gate.connecting.title"),
            key!("relay.gate.connecting.body"),
        ),
        Status::Waiting { .. } => (
            key!("relay.gate.offline.title"),
            key!("relay.gate.offline.body"),
        ),
        Status::BadToken => (
            key!("relay.gate.bad_token.title"),
            key!("relay.gate.bad_token.body"),
        ),
        Status::Connected => unreachable!("handled above"),
    };
    let onretry = {
        let relay = relay.clone();
        Callback::from(move |_| relay.reconnect_now())
    };
    html! {
        <section class="relay-gate" data-testid="relay-gate" data-state={relay.status().state_name()}>
            <h3>{ lang.t(title) }</h3>
            <crate::components::Prose text={lang.t(body)} />
            <pre class="command"><code>{ "cargo xtask run" }</code></pre>
            if !matches!(relay.status(), Status::Connecting { .. }) {
                <button class="secondary" onclick={onretry}>{ lang.t(key!("relay.retry_now")) }</button>
            }
        </section>
    }
}
