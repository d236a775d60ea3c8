//! "Your own earlier socket holds this port — close it?": shown under a bind or listen that
//! failed with `EADDRINUSE` because a socket of this same page holds the port (the relay names
//! it in the error's `held_by`). One click closes that socket and tries again, as the learner
//! would stop their earlier program before starting the new one.

use protocol::SocketId;
use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct HeldByOfferProps {
    /// The page's own socket that holds the port.
    pub socket: SocketId,
    pub port: u16,
    /// Close `socket`, then bind (or listen) again.
    pub onclick: Callback<MouseEvent>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component]
pub fn HeldByOffer(props: &HeldByOfferProps) -> Html {
    let lang = use_lang();
    let (id, port) = (props.socket.to_string(), props.port.to_string());
    html! {
        <p class="held-by" role="alert" data-testid="held-by" data-socket={id.clone()}>
            <span data-testid="held-by-text">{ lang.tf(fill!("common.held_by", id = &id, port = &port)) }</span>
            { " " }
            <button class="secondary" onclick={props.onclick.clone()} disabled={props.disabled} data-testid="held-by-close">
                { lang.tf(fill!("common.held_by_close", id = &id)) }
            </button>
        </p>
    }
}
