//! Step "kernel": a real connection to the relay's TCP echo peer, and the kernel's own
//! numbers for it (`tcp_info`), asked for every second while the step is shown, beside the
//! names the simulation gives the same things.

use gloo_timers::callback::Interval;
use protocol::{Data, KernelTcpInfo, Reply, Request, SocketId};
use yew::prelude::*;

use crate::components::ErrorBox;
use crate::i18n::use_lang;
use crate::relay::{use_owned_sockets, use_relay};

#[derive(Clone, PartialEq, Default)]
struct View {
    socket: Option<SocketId>,
    sent: usize,
    error: Option<protocol::RelayError>,
}

/// The last `tcp_info` answer: the numbers, or why there are none.
#[derive(Clone, PartialEq, Default)]
struct Kernel {
    info: Option<KernelTcpInfo>,
    reason: Option<String>,
}

#[function_component]
pub fn KernelStep() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let owned = use_owned_sockets();
    let view = use_state(View::default);
    let kernel = use_state(Kernel::default);
    let echo = relay.welcome().map_or(0, |w| w.tcp_echo_port);

    // Poll once a second while a connection is open and the step is shown.
    {
        let (relay, kernel) = (relay.clone(), kernel.clone());
        use_effect_with(view.socket, move |socket| {
            let interval = socket.map(|socket| {
                Interval::new(1000, move || {
                    let (relay, kernel) = (relay.clone(), kernel.clone());
                    yew::platform::spawn_local(async move {
                        match relay.call(Request::TcpInfo { socket }).await {
                            Ok(Reply::TcpInfo { info, reason, .. }) => {
                                kernel.set(Kernel { info, reason })
                            }
                            Ok(_) => {}
                            Err(e) => kernel.set(Kernel {
                                info: None,
                                reason: Some(e.to_string()),
                            }),
                        }
                    });
                })
            });
            move || drop(interval)
        });
    }
    let onconnect = {
        let (relay, view, owned) = (relay.clone(), view.clone(), owned.clone());
        Callback::from(move |_: MouseEvent| {
            let (relay, view, owned) = (relay.clone(), view.clone(), owned.clone());
            yew::platform::spawn_local(async move {
                let req = Request::TcpConnect {
                    host: "127.0.0.1".into(),
                    port: echo,
                    recv_size: None,
                };
                match relay.call(req).await {
                    Ok(Reply::Connected { socket, .. }) => {
                        owned.adopt(relay.session(), socket);
                        view.set(View {
                            socket: Some(socket),
                            ..View::default()
                        });
                    }
                    Ok(_) => {}
                    Err(e) => view.set(View {
                        error: Some(e),
                        ..View::default()
                    }),
                }
            });
        })
    };
    let onsend = {
        let (relay, view) = (relay.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(socket) = view.socket else { return };
            let (relay, view) = (relay.clone(), view.clone());
            yew::platform::spawn_local(async move {
                let data = Data(b"hello, kernel!".to_vec());
                if let Ok(Reply::Sent { bytes, .. }) =
                    relay.call(Request::TcpSend { socket, data }).await
                {
                    let mut next = (*view).clone();
                    next.sent += bytes;
                    view.set(next);
                }
            });
        })
    };
    let rows =
        kernel.info.as_ref().map(|i| {
            // A number this system does not give is shown as "—", never as 0.
            let n = |v: Option<u32>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
            let n64 = |v: Option<u64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
            [
            ("state", i.state.clone()),
            ("rtt", format!("{} µs (± {})", n(i.rtt_us), n(i.rttvar_us))),
            ("rto", format!("{} µs", n(i.rto_us))),
            ("retrans", format!("{} / {}", n(i.retransmits), n(i.total_retrans))),
            ("cwnd", format!("{} / {}", n(i.snd_cwnd), n(i.snd_ssthresh))),
            ("mss", format!("{} / {}", n(i.snd_mss), n(i.rcv_mss))),
            ("unacked", n(i.unacked)),
            ("bytes_acked", n64(i.bytes_acked)),
            ("bytes_received", n64(i.bytes_received)),
            ("segs", format!("{} / {}", n(i.segs_out), n(i.segs_in))),
            ("rcv_space", n(i.rcv_space)),
        ]
        .into_iter()
        .map(|(k, v)| html! {
            <tr>
                <th scope="row"><code>{ lang.t(&format!("rel.kernel.{k}.field")) }</code></th>
                <td data-testid={format!("kernel-{k}")}>{ v }</td>
                <td>{ lang.t(&format!("rel.kernel.{k}.sim")) }</td>
            </tr>
        })
        .collect::<Html>()
        });
    let connected = view.socket.is_some();
    html! {
        <div class="lab" data-testid="rel-kernel">
            <p class="hint">{ lang.tf("rel.kernel.hint", &[("port", &echo.to_string())]) }</p>
            <div class="row">
                <button class="primary" onclick={onconnect} disabled={connected || echo == 0} data-testid="kernel-connect">{ lang.t("tcp.button.connect") }</button>
                <button class="secondary" onclick={onsend} disabled={!connected} data-testid="kernel-send">{ lang.t("rel.kernel.send") }</button>
                <span data-testid="kernel-sent" data-bytes={view.sent.to_string()}>{ lang.tf("rel.kernel.sent", &[("bytes", &view.sent.to_string())]) }</span>
            </div>
            if let Some(e) = &view.error {
                <ErrorBox error={e.clone()} />
            }
            if let Some(reason) = &kernel.reason {
                <p class="field-error" data-testid="kernel-none">{ lang.tf("rel.kernel.none", &[("reason", reason)]) }</p>
            }
            if let Some(source) = kernel.info.as_ref().map(|i| i.source.clone()).filter(|s| s != "TCP_INFO" && !s.is_empty()) {
                <p class="hint" data-testid="kernel-source">{ lang.tf("rel.kernel.source", &[("source", &source)]) }</p>
            }
            if let Some(rows) = rows {
                <div class="table-wrap">
                    <table class="compare-table" data-testid="kernel-table">
                        <thead><tr><th>{ lang.t("rel.kernel.col.field") }</th><th>{ lang.t("rel.kernel.col.value") }</th><th>{ lang.t("rel.kernel.col.sim") }</th></tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
            } else if connected && kernel.reason.is_none() {
                <p class="hint">{ lang.t("rel.kernel.waiting") }</p>
            }
        </div>
    }
}
