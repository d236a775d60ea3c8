//! Step "refused": connect where nothing listens and the OS answers ECONNREFUSED at once; send
//! a UDP datagram to the very same port and sendto succeeds, because UDP never asks.

use protocol::RelayError;
use yew::prelude::*;

use super::lab::{TcpLine, TcpState};
use crate::components::{ErrorBox, on_text, parse_port};
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};

pub const DEFAULT_PORT: u16 = 7799;

/// What each half of the experiment gave.
#[derive(Clone, Debug, Default, PartialEq)]
struct Outcome {
    port: u16,
    /// `Err`: connect failed (ECONNREFUSED, we hope); `Ok`: something listens there after all.
    tcp: Option<Result<(), RelayError>>,
    /// Bytes sendto reported, or its error.
    udp: Option<Result<usize, ()>>,
}

#[function_component]
pub fn RefusedLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<TcpState>();
    let port = use_state(|| DEFAULT_PORT.to_string());
    let port_parsed = parse_port(&port);
    let outcome = use_state(Outcome::default);

    let onrun = {
        let (lab, outcome) = (lab.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            let outcome = outcome.clone();
            lab.run(move |ops| async move {
                let mut out = Outcome {
                    port,
                    ..Outcome::default()
                };
                outcome.set(out.clone());
                match ops
                    .connect("s", "127.0.0.1", port, Some(super::lab::COURSE_RECV))
                    .await
                {
                    Ok(c) => {
                        out.tcp = Some(Ok(()));
                        ops.close("s", c.socket).await;
                    }
                    Err(e) => out.tcp = Some(Err(e)),
                }
                outcome.set(out.clone());
                if let Some(u) = ops.udp_open().await {
                    let sent = ops
                        .udp_send_to(u, "127.0.0.1", port, "b'hello'", b"hello".to_vec())
                        .await;
                    out.udp = Some(sent.ok_or(()));
                    ops.close("u", u).await;
                }
                outcome.set(out);
            });
        })
    };
    let tcp_box = match &outcome.tcp {
        None => html! {},
        Some(Err(e)) => html! {
            <div class="refused-half">
                <h3>{ lang.t(key!("tcp.refused.tcp_head")) }</h3>
                <ErrorBox error={e.clone()} testid="tcp-refused" />
            </div>
        },
        Some(Ok(())) => html! {
            <div class="refused-half">
                <h3>{ lang.t(key!("tcp.refused.tcp_head")) }</h3>
                <p class="field-error" data-testid="tcp-not-refused">{ lang.tf(fill!("tcp.refused.someone_listens", port = &outcome.port.to_string())) }</p>
            </div>
        },
    };
    let udp_box = match outcome.udp {
        None => html! {},
        Some(Ok(bytes)) => html! {
            <div class="refused-half">
                <h3>{ lang.t(key!("tcp.refused.udp_head")) }</h3>
                <p class="verdict" data-testid="udp-not-refused" data-bytes={bytes.to_string()}>
                    { lang.tf(fill!("tcp.refused.udp_ok", bytes = &bytes.to_string(), port = &outcome.port.to_string())) }
                </p>
            </div>
        },
        Some(Err(())) => html! {
            <div class="refused-half">
                <h3>{ lang.t(key!("tcp.refused.udp_head")) }</h3>
                <p class="hint">{ lang.t(key!("tcp.refused.udp_failed")) }</p>
            </div>
        },
    };
    html! {
        <div class="lab" data-testid="tcp-refused-lab">
            <div class="row">
                <label>{ lang.t(key!("udp.field.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_text(&port)} data-testid="tcp-refused-port" />
                </label>
                <button class="primary" onclick={onrun} disabled={lab.busy() || port_parsed.is_err()} data-testid="tcp-refused-run">
                    { lang.t(key!("tcp.refused.run")) }
                </button>
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            <div class="two-col">{ tcp_box }{ udp_box }</div>
            <h3>{ lang.t(key!("udp.log.title")) }</h3>
            <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="tcp-refused-log" />
        </div>
    }
}
