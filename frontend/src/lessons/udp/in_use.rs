//! Step "in use": two sockets try to bind the same port. The second gets EADDRINUSE from the
//! operating system, exactly as Python's `OSError: [Errno 98] Address already in use`.

use yew::prelude::*;

use super::bind::DEFAULT_PORT;
use super::lab::{UdpLine, UdpState};
use crate::components::{on_text, parse_port};
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};

#[function_component]
pub fn InUseLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<UdpState>();
    let port = use_state(|| DEFAULT_PORT.to_string());
    // Socket A, the one holding the port, once the experiment ran.
    let holder = use_state(|| None::<protocol::SocketId>);
    let port_parsed = parse_port(&port);

    let onrun = {
        let (lab, holder) = (lab.clone(), holder.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            let holder = holder.clone();
            lab.run(move |ops| async move {
                let Some(a) = ops.open("a").await else { return };
                if ops.bind("a", a, "127.0.0.1", port).await.is_none() {
                    ops.close("a", a).await;
                    return;
                }
                holder.set(Some(a));
                let Some(b) = ops.open("b").await else { return };
                if ops.bind("b", b, "127.0.0.1", port).await.is_none() {
                    ops.close("b", b).await;
                }
            });
        })
    };
    let onretry = {
        let (lab, holder) = (lab.clone(), holder.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(a), Ok(port)) = (*holder, port_parsed) else {
                return;
            };
            let holder = holder.clone();
            lab.run(move |ops| async move {
                ops.close("a", a).await;
                holder.set(None);
                let Some(b) = ops.open("b").await else { return };
                if ops.bind("b", b, "127.0.0.1", port).await.is_some() {
                    ops.close("b", b).await;
                }
            });
        })
    };
    let on_port = on_text(&port);
    html! {
        <div class="lab" data-testid="udp-inuse-lab">
            <div class="row">
                <label>{ lang.t(key!("udp.field.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_port} data-testid="udp-inuse-port" />
                </label>
                <button class="primary" onclick={onrun} disabled={lab.busy() || holder.is_some() || port_parsed.is_err()} data-testid="udp-inuse-run">
                    { lang.t(key!("udp.inuse.run")) }
                </button>
                <button class="secondary" onclick={onretry} disabled={lab.busy() || holder.is_none()} data-testid="udp-inuse-retry">
                    { lang.t(key!("udp.inuse.retry")) }
                </button>
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            <LogView<UdpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="udp-inuse-log" />
        </div>
    }
}
