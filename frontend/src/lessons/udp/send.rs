//! Step "send": create a UDP socket, send a datagram, see the port the OS chose, and get the
//! echo back. The course's sender, one call at a time.

use yew::prelude::*;

use super::lab::{UdpLine, UdpState};
use crate::components::{Composed, Composer, Target};
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};
use crate::relay::use_relay;

#[function_component]
pub fn SendLab() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let lab = use_lab::<UdpState>();
    let echo = relay.welcome().map(|w| w.udp_echo_port).unwrap_or(0);

    let onopen = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            lab.run(|ops| async move {
                ops.open("s").await;
            });
        })
    };
    let onsend = {
        let lab = lab.clone();
        Callback::from(move |out: Composed| {
            let Some(socket) = lab.socket else { return };
            lab.run(move |ops| async move {
                ops.send("s", socket, &out).await;
            });
        })
    };
    let onclose = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(socket) = lab.socket else { return };
            lab.run(move |ops| async move {
                ops.close("s", socket).await;
            });
        })
    };
    let state = match (lab.socket, lab.local) {
        (None, _) => lang.t(key!("udp.state.none")).to_owned(),
        (Some(id), None) => lang.tf(fill!("udp.state.unbound", id = &id.to_string())),
        (Some(id), Some(local)) => lang.tf(fill!(
            "udp.state.bound",
            id = &id.to_string(),
            local = &local.to_string()
        )),
    };
    html! {
        <div class="lab" data-testid="udp-send-lab">
            <p class="hint">{ lang.tf(fill!("udp.send.echo_hint", port = &echo.to_string())) }</p>
            <div class="socket-state" data-testid="udp-socket-state">{ state }</div>
            <div class="actions">
                <button class="primary" onclick={onopen} disabled={lab.socket.is_some() || lab.busy()} data-testid="udp-open">
                    { lang.t(key!("udp.button.open")) }
                </button>
            </div>
            <Composer
                prefix="udp"
                target={Some(Target { host: "127.0.0.1".to_owned(), port: echo })}
                default_text="你好"
                button={lang.t(key!("udp.button.sendto"))}
                disabled={lab.socket.is_none() || lab.busy()}
                onsend={onsend}
            />
            if lab.socket.is_none() {
                <p class="hint">{ lang.t(key!("udp.send.open_first")) }</p>
            }
            <div class="actions">
                <button class="secondary" onclick={onclose} disabled={lab.socket.is_none() || lab.busy()} data-testid="udp-close">
                    { lang.t(key!("udp.button.close")) }
                </button>
            </div>
            <h3>{ lang.t(key!("udp.log.title")) }</h3>
            <LogView<UdpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="udp-send-log" />
        </div>
    }
}
