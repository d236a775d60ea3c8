//! Step "fresh port": run the sender program again and again. It never binds, so each run's
//! new socket gets a new port from the OS, and the receiver sees the sender's port change.

use std::net::SocketAddr;

use yew::prelude::*;

use super::lab::{UdpLine, UdpState};
use crate::components::Composed;
use crate::components::PythonCode;
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};
use crate::python;
use crate::relay::use_relay;
use crate::text::codec::Encoding;

#[function_component]
pub fn FreshPortLab() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let lab = use_lab::<UdpState>();
    let runs = use_state(Vec::<SocketAddr>::new);
    let echo = relay.welcome().map(|w| w.udp_echo_port).unwrap_or(0);
    let range = relay.welcome().and_then(|w| w.ephemeral_ports);
    let os = relay.welcome().map(|w| w.os.clone()).unwrap_or_default();

    let onrun = {
        let (lab, runs) = (lab.clone(), runs.clone());
        Callback::from(move |_: MouseEvent| {
            let runs = runs.clone();
            lab.run(move |ops| async move {
                let Some(socket) = ops.open("s").await else {
                    return;
                };
                let out = Composed {
                    host: "127.0.0.1".into(),
                    port: echo,
                    text: "hello".into(),
                    encoding: Some(Encoding::Utf8),
                    bytes: b"hello".to_vec(),
                };
                if let Some(local) = ops.send("s", socket, &out).await {
                    let mut all = (*runs).clone();
                    all.push(local);
                    runs.set(all);
                }
                ops.close("s", socket).await;
            });
        })
    };
    let rows = runs
        .iter()
        .enumerate()
        .map(|(i, local)| {
            let changed = i > 0 && runs[i - 1].port() != local.port();
            html! {
                <tr data-testid="udp-fresh-row" data-port={local.port().to_string()}>
                    <td>{ i + 1 }</td>
                    <td><code>{ local.to_string() }</code></td>
                    <td>{ if changed { lang.t(key!("udp.fresh.changed")) } else { "" } }</td>
                </tr>
            }
        })
        .collect::<Html>();
    let range_text = match range {
        Some((lo, hi)) => lang.tf(fill!(
            "udp.fresh.range",
            lo = &lo.to_string(),
            hi = &hi.to_string(),
            os = &os
        )),
        None => lang.t(key!("udp.fresh.range_unknown")).to_owned(),
    };
    let program = format!(
        "import socket\n\n{}\n{}\nprint(s.getsockname())\ns.close()\n",
        python::udp_open("s"),
        python::sendto("s", "hello", Encoding::Utf8, "127.0.0.1", echo)
    );
    html! {
        <div class="lab" data-testid="udp-fresh-lab">
            <PythonCode code={program} />
            <div class="actions">
                <button class="primary" onclick={onrun} disabled={lab.busy()} data-testid="udp-fresh-run">
                    { lang.t(key!("udp.fresh.run")) }
                </button>
            </div>
            <table class="runs" data-testid="udp-fresh-table">
                <thead><tr><th>{ lang.t(key!("udp.fresh.run_no")) }</th><th>{ lang.t(key!("udp.fresh.source")) }</th><th></th></tr></thead>
                <tbody>{ rows }</tbody>
            </table>
            <p class="hint" data-testid="udp-fresh-range">{ range_text }</p>
            <details>
                <summary>{ lang.t(key!("udp.log.title")) }</summary>
                <LogView<UdpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="udp-fresh-log" />
            </details>
        </div>
    }
}
