//! Step "kernel": a real connection to the relay's TCP echo peer, and the kernel's own
//! numbers for it (`tcp_info`), asked for every second while the step is shown, beside the
//! names the simulation gives the same things.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use protocol::{KernelTcpInfo, RelayError, SocketId};
use yew::prelude::*;

use crate::components::ErrorBox;
use crate::i18n::use_lang;
use crate::lab::{LabState, use_lab};
use crate::relay::KernelView;

/// The connection and the kernel's last word on it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct KernelState {
    socket: Option<SocketId>,
    /// Bytes sent on it so far.
    sent: usize,
    error: Option<RelayError>,
    /// The last `tcp_info` answer: the numbers, or why there are none.
    info: Option<KernelTcpInfo>,
    reason: Option<String>,
}

/// What the learner and the poll do, as verbs.
pub enum Action {
    Connect(SocketId),
    FailConnect(RelayError),
    CountSent(usize),
    ShowInfo(KernelView),
    FailInfo(RelayError),
    LoseSession,
}

impl Reducible for KernelState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Connect(socket) => {
                s.socket = Some(socket);
                s.sent = 0;
                s.error = None;
            }
            Action::FailConnect(e) => {
                s.socket = None;
                s.sent = 0;
                s.error = Some(e);
            }
            Action::CountSent(bytes) => s.sent += bytes,
            Action::ShowInfo(view) => {
                s.info = view.info;
                s.reason = view.reason;
            }
            Action::FailInfo(e) => {
                s.info = None;
                s.reason = Some(e.to_string());
            }
            Action::LoseSession => {
                if s.socket.is_none() {
                    return self;
                }
                s.socket = None;
            }
        }
        Rc::new(s)
    }
}

impl LabState for KernelState {
    fn lose_session() -> Action {
        Action::LoseSession
    }
}

#[function_component]
pub fn KernelStep() -> Html {
    let lang = use_lang();
    let lab = use_lab::<KernelState>();
    let echo = lab.relay().welcome().map_or(0, |w| w.tcp_echo_port);

    // Poll once a second while a connection is open and the step is shown.
    {
        let ops = lab.ops();
        use_effect_with(lab.socket, move |socket| {
            let interval = socket.map(|socket| {
                Interval::new(1000, move || {
                    let ops = ops.clone();
                    yew::platform::spawn_local(async move {
                        ops.dispatch(match ops.relay.tcp_info(socket).await {
                            Ok(view) => Action::ShowInfo(view),
                            Err(e) => Action::FailInfo(e),
                        });
                    });
                })
            });
            move || drop(interval)
        });
    }
    let onconnect = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            lab.run(move |ops| async move {
                match ops.relay.tcp_connect("127.0.0.1", echo, None).await {
                    Ok(c) => {
                        ops.adopt(c.socket);
                        ops.dispatch(Action::Connect(c.socket));
                    }
                    Err(e) => ops.dispatch(Action::FailConnect(e)),
                }
            });
        })
    };
    let onsend = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(socket) = lab.socket else { return };
            lab.run(move |ops| async move {
                let sending = ops.relay.tcp_send(socket, b"hello, kernel!".to_vec());
                if let Ok(sent) = sending.await {
                    ops.dispatch(Action::CountSent(sent.bytes));
                }
            });
        })
    };
    let rows = lab.info.as_ref().map(|i| {
        // A number this system does not give is shown as "—", never as 0.
        let n = |v: Option<u32>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
        let n64 = |v: Option<u64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
        [
            (
                "state",
                key!("rel.kernel.state.field"),
                key!("rel.kernel.state.sim"),
                i.state.clone(),
            ),
            (
                "rtt",
                key!("rel.kernel.rtt.field"),
                key!("rel.kernel.rtt.sim"),
                format!("{} µs (± {})", n(i.rtt_us), n(i.rttvar_us)),
            ),
            (
                "rto",
                key!("rel.kernel.rto.field"),
                key!("rel.kernel.rto.sim"),
                format!("{} µs", n(i.rto_us)),
            ),
            (
                "retrans",
                key!("rel.kernel.retrans.field"),
                key!("rel.kernel.retrans.sim"),
                format!("{} / {}", n(i.retransmits), n(i.total_retrans)),
            ),
            (
                "cwnd",
                key!("rel.kernel.cwnd.field"),
                key!("rel.kernel.cwnd.sim"),
                format!("{} / {}", n(i.snd_cwnd), n(i.snd_ssthresh)),
            ),
            (
                "mss",
                key!("rel.kernel.mss.field"),
                key!("rel.kernel.mss.sim"),
                format!("{} / {}", n(i.snd_mss), n(i.rcv_mss)),
            ),
            (
                "unacked",
                key!("rel.kernel.unacked.field"),
                key!("rel.kernel.unacked.sim"),
                n(i.unacked),
            ),
            (
                "bytes_acked",
                key!("rel.kernel.bytes_acked.field"),
                key!("rel.kernel.bytes_acked.sim"),
                n64(i.bytes_acked),
            ),
            (
                "bytes_received",
                key!("rel.kernel.bytes_received.field"),
                key!("rel.kernel.bytes_received.sim"),
                n64(i.bytes_received),
            ),
            (
                "segs",
                key!("rel.kernel.segs.field"),
                key!("rel.kernel.segs.sim"),
                format!("{} / {}", n(i.segs_out), n(i.segs_in)),
            ),
            (
                "rcv_space",
                key!("rel.kernel.rcv_space.field"),
                key!("rel.kernel.rcv_space.sim"),
                n(i.rcv_space),
            ),
        ]
        .into_iter()
        .map(|(k, field, sim, v)| {
            html! {
                <tr>
                    <th scope="row"><code>{ lang.t(field) }</code></th>
                    <td data-testid={format!("kernel-{k}")}>{ v }</td>
                    <td>{ lang.t(sim) }</td>
                </tr>
            }
        })
        .collect::<Html>()
    });
    let connected = lab.socket.is_some();
    html! {
        <div class="lab" data-testid="rel-kernel">
            <p class="hint">{ lang.tf(fill!("rel.kernel.hint", port = &echo.to_string())) }</p>
            <div class="row">
                <button class="primary" onclick={onconnect} disabled={connected || echo == 0} data-testid="kernel-connect">{ lang.t(key!("tcp.button.connect")) }</button>
                <button class="secondary" onclick={onsend} disabled={!connected} data-testid="kernel-send">{ lang.t(key!("rel.kernel.send")) }</button>
                <span data-testid="kernel-sent" data-bytes={lab.sent.to_string()}>{ lang.tf(fill!("rel.kernel.sent", bytes = &lab.sent.to_string())) }</span>
            </div>
            if let Some(e) = &lab.error {
                <ErrorBox error={e.clone()} />
            }
            if let Some(reason) = &lab.reason {
                <p class="field-error" data-testid="kernel-none">{ lang.tf(fill!("rel.kernel.none", reason = reason)) }</p>
            }
            if let Some(source) = lab.info.as_ref().map(|i| i.source.clone()).filter(|s| s != "TCP_INFO" && !s.is_empty()) {
                <p class="hint" data-testid="kernel-source">{ lang.tf(fill!("rel.kernel.source", source = &source)) }</p>
            }
            if let Some(rows) = rows {
                <div class="table-wrap">
                    <table class="compare-table" data-testid="kernel-table">
                        <thead><tr><th>{ lang.t(key!("rel.kernel.col.field")) }</th><th>{ lang.t(key!("rel.kernel.col.value")) }</th><th>{ lang.t(key!("rel.kernel.col.sim")) }</th></tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
            } else if connected && lab.reason.is_none() {
                <p class="hint">{ lang.t(key!("rel.kernel.waiting")) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::replay;

    #[test]
    fn sends_add_up_and_a_new_connection_starts_from_zero() {
        let lab = replay(
            KernelState::default(),
            vec![
                Action::Connect(3),
                Action::CountSent(14),
                Action::CountSent(14),
            ],
        );
        assert_eq!((lab.socket, lab.sent), (Some(3), 28));
        let lab = replay(lab, vec![Action::Connect(4)]);
        assert_eq!((lab.socket, lab.sent), (Some(4), 0));
        let lab = replay(lab, vec![Action::LoseSession]);
        assert_eq!(lab.socket, None);
    }
}
