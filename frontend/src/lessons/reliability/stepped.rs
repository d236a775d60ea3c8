//! Step "tcp": the run stepped forward and back, the diagram, a segment's header, faults set
//! by hand on it. Step "udp": the same message as datagrams over the same link, beside TCP.

use std::rc::Rc;

use yew::prelude::*;

use super::controls::LinkControls;
use super::diagram::{SequenceDiagram, header};
use super::goals::{AckPredict, TwoRetransmissions};
use super::sim::tcp::{self, Event, Outcome, TcpRun};
use super::sim::udp::{self, UdpEvent, UdpRun};
use super::sim::{Fate, Fault};
use super::{MESSAGE, Scenario, use_scenario};
use crate::i18n::{LangCtx, use_lang};

pub fn tcp_run(sc: &Scenario) -> TcpRun {
    tcp::run(MESSAGE.as_bytes(), sc.cfg, sc.seed, &sc.faults)
}

/// UDP gets the same hand-set faults, on the datagram carrying the same bytes.
pub fn udp_run(sc: &Scenario, tcp: &TcpRun) -> UdpRun {
    let faults: Vec<Fault> = sc
        .faults
        .iter()
        .filter_map(|f| {
            let t = tcp.txs.get(f.tx.checked_sub(1)?)?;
            if t.seg.payload.is_empty() || t.retransmit || t.from != super::sim::Side::Client {
                return None;
            }
            let offset = t.seg.seq.wrapping_sub(tcp.client_isn).wrapping_sub(1) as usize;
            Some(Fault {
                tx: offset / tcp::MSS + 1,
                fate: f.fate,
            })
        })
        .collect();
    udp::run(MESSAGE.as_bytes(), tcp::MSS, sc.cfg, sc.seed, &faults)
}

fn describe(lang: &LangCtx, run: &TcpRun, e: &Event) -> String {
    let n = |tx: &usize| (tx + 1).to_string();
    match e {
        Event::Send { tx } if run.txs[*tx].retransmit => {
            lang.tf(fill!("rel.ev.resend", n = &n(tx)))
        }
        Event::Send { tx } => lang.tf(fill!("rel.ev.send", n = &n(tx))),
        Event::Lost { tx } => lang.tf(fill!("rel.ev.lost", n = &n(tx))),
        Event::Arrive { tx, outcome } => {
            let key = match outcome {
                Outcome::Accepted { .. } => key!("rel.ev.accepted"),
                Outcome::Held => key!("rel.ev.held"),
                Outcome::Duplicate => key!("rel.ev.duplicate"),
                Outcome::BadChecksum => key!("rel.ev.bad_checksum"),
                Outcome::Control => key!("rel.ev.control"),
            };
            lang.tf(key.fill(&[("n", &n(tx))]))
        }
        Event::Timeout { seq, side } => {
            let isn = if *side == super::sim::Side::Client {
                run.client_isn
            } else {
                run.server_isn
            };
            // Whose timer: the side that sent the unacknowledged segment.
            lang.tf(fill!(
                "rel.ev.timeout",
                seq = &seq.wrapping_sub(isn).to_string(),
                who = lang.t(side_key(*side))
            ))
        }
        Event::Blocked { window } => lang.tf(fill!("rel.ev.blocked", window = &window.to_string())),
        Event::Read { bytes } => lang.tf(fill!("rel.ev.read", bytes = &bytes.to_string())),
        Event::Congestion { cwnd, ssthresh } => lang.tf(fill!(
            "rel.ev.congestion",
            cwnd = &cwnd.to_string(),
            ssthresh = &ssthresh.to_string()
        )),
        Event::State { side, state } => lang.tf(fill!(
            "rel.ev.state",
            who = lang.t(side_key(*side)),
            state = state.name()
        )),
    }
}

fn side_key(side: super::sim::Side) -> crate::i18n::Key {
    match side {
        super::sim::Side::Client => key!("rel.host.client"),
        super::sim::Side::Server => key!("rel.host.server"),
    }
}

#[function_component]
pub fn TcpStep() -> Html {
    let lang = use_lang();
    let (sc, set) = use_scenario();
    let run = use_memo(sc.clone(), |sc| Rc::new(tcp_run(sc)));
    let run: Rc<TcpRun> = (*run).clone();
    let total = run.events.len();
    // The position lives in the URL too (`at=`), so a reload shows the same event.
    let upto = use_state(|| {
        super::link_url::position(&crate::lessons::ip::query::current_search()).unwrap_or(1)
    });
    let selected = use_state(|| None::<usize>);
    let k = (*upto).clamp(1, total.max(1));
    use_effect_with(k, |k| {
        crate::lessons::ip::query::replace_param("at", &k.to_string())
    });
    let go = |to: usize| {
        let upto = upto.clone();
        Callback::from(move |_: MouseEvent| upto.set(to))
    };
    let onchange = {
        let (set, upto, selected) = (set.clone(), upto.clone(), selected.clone());
        Callback::from(move |s: Scenario| {
            set.emit(s);
            upto.set(1);
            selected.set(None);
        })
    };
    let onselect = {
        let selected = selected.clone();
        Callback::from(move |id: usize| selected.set(Some(id)))
    };
    let shown = &run.events[..k.min(total)];
    let delivered: Vec<u8> = shown
        .iter()
        .filter_map(|e| match &e.event {
            Event::Arrive {
                outcome: Outcome::Accepted { bytes },
                ..
            } => Some(bytes.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let retransmits = shown
        .iter()
        .filter(|e| matches!(e.event, Event::Send { tx } if run.txs[tx].retransmit))
        .count();
    let snap = shown.last().map(|e| e.snap).unwrap_or_default();
    let fault_buttons = selected.and_then(|id| run.txs.get(id)).filter(|t| t.copy_of.is_none()).map(|t| {
        Fate::FAULTS
            .iter()
            .map(|fate| {
                let (sc, onchange, n, fate) = (sc.clone(), onchange.clone(), t.id + 1, *fate);
                let onclick = Callback::from(move |_: MouseEvent| {
                    let mut next = sc.clone();
                    next.faults.retain(|f| f.tx != n);
                    next.faults.push(Fault { tx: n, fate });
                    onchange.emit(next);
                });
                html! {
                    <button class="secondary" {onclick} data-testid={format!("rel-fault-{}", fate.key())}>
                        { lang.t(super::fates::fault(fate)) }
                    </button>
                }
            })
            .collect::<Html>()
    });
    html! {
        <div class="lab rel-lab" data-testid="rel-tcp">
            <LinkControls scenario={sc.clone()} onchange={onchange} />
            <div class="row rel-stepper">
                <button class="secondary" onclick={go(1)} data-testid="rel-start">{ lang.t(key!("rel.step.start")) }</button>
                <button class="secondary" onclick={go(k.saturating_sub(1).max(1))} disabled={k <= 1} data-testid="rel-back">{ lang.t(key!("rel.step.back")) }</button>
                <button class="primary" onclick={go(k + 1)} disabled={k >= total} data-testid="rel-forward">{ lang.t(key!("rel.step.forward")) }</button>
                <button class="secondary" onclick={go(total)} data-testid="rel-end">{ lang.t(key!("rel.step.end")) }</button>
                <span data-testid="rel-progress" data-k={k.to_string()} data-total={total.to_string()}>
                    { lang.tf(fill!("rel.step.progress", k = &k.to_string(), total = &total.to_string(), ms = &shown.last().map_or(0, |e| e.at).to_string())) }
                </span>
            </div>
            <p class="rel-now" data-testid="rel-event">{ shown.last().map(|e| describe(&lang, &run, &e.event)).unwrap_or_default() }</p>
            <div class="rel-numbers">
                <span data-testid="rel-cwnd">{ lang.tf(fill!("rel.num.cwnd", cwnd = &snap.cwnd.to_string(), ssthresh = &snap.ssthresh.to_string())) }</span>
                <span data-testid="rel-window">{ lang.tf(fill!("rel.num.window", window = &snap.peer_window.to_string())) }</span>
                <span data-testid="rel-buffer">{ lang.tf(fill!("rel.num.buffer", buffered = &snap.buffered.to_string(), cap = &tcp::RCV_BUF.to_string())) }</span>
                <span data-testid="tcp-retransmits" data-count={retransmits.to_string()}>{ lang.tf(fill!("rel.num.retransmits", n = &retransmits.to_string())) }</span>
            </div>
            <div class="rel-stack">
                <SequenceDiagram run={run.clone()} upto={k} selected={*selected} onselect={onselect} lang={lang.clone()} />
                <div class="rel-side">
                    if let Some(t) = selected.and_then(|id| run.txs.get(id)) {
                        { header(&run, t, &lang) }
                        if let Some(buttons) = fault_buttons {
                            <p class="hint">{ lang.t(key!("rel.fault.hint")) }</p>
                            <div class="row">{ buttons }</div>
                        }
                    } else {
                        <p class="hint">{ lang.t(key!("rel.header.hint")) }</p>
                    }
                </div>
            </div>
            <p>{ lang.t(key!("rel.delivered")) }<code data-testid="tcp-delivered">{ String::from_utf8_lossy(&delivered).into_owned() }</code></p>
            <AckPredict run={run.clone()} shown={k} />
            <TwoRetransmissions run={run.clone()} hand_faults={sc.faults.len()} />
        </div>
    }
}

#[function_component]
pub fn UdpStep() -> Html {
    let lang = use_lang();
    let (sc, set) = use_scenario();
    let tcp = tcp_run(&sc);
    let udp = udp_run(&sc, &tcp);
    let rows = udp
        .datagrams
        .iter()
        .map(|d| {
            let arrivals = udp.events.iter().filter(|(_, e)| matches!(e, UdpEvent::Arrive { index, .. } if *index == d.index)).count();
            html! {
                <tr data-testid="udp-datagram" data-fate={d.fate.key()} data-arrivals={arrivals.to_string()}>
                    <td>{ d.index + 1 }</td>
                    <td><code>{ String::from_utf8_lossy(&d.payload).into_owned() }</code></td>
                    <td>{ lang.t(super::fates::name(d.fate)) }</td>
                    <td>{ arrivals }</td>
                </tr>
            }
        })
        .collect::<Html>();
    let lost = udp
        .datagrams
        .iter()
        .filter(|d| matches!(d.fate, Fate::Lost | Fate::Corrupted))
        .count();
    let retransmits = tcp.txs.iter().filter(|t| t.retransmit).count();
    html! {
        <div class="lab rel-lab" data-testid="rel-udp">
            <LinkControls scenario={sc.clone()} onchange={set} />
            <div class="rel-split">
                <div>
                    <h3>{ "TCP" }</h3>
                    <p>{ lang.tf(fill!("rel.udp.tcp_summary", n = &tcp.txs.len().to_string(), r = &retransmits.to_string())) }</p>
                    <p><code data-testid="tcp-final">{ String::from_utf8_lossy(&tcp.delivered).into_owned() }</code></p>
                </div>
                <div>
                    <h3>{ "UDP" }</h3>
                    <p data-testid="udp-lost" data-count={lost.to_string()}>{ lang.tf(fill!("rel.udp.summary", n = &udp.datagrams.len().to_string(), lost = &lost.to_string(), got = &udp.received.len().to_string())) }</p>
                    <p><code data-testid="udp-received">{ String::from_utf8_lossy(&udp.text()).into_owned() }</code></p>
                </div>
            </div>
            <div class="table-wrap">
                <table class="compare-table">
                    <thead><tr><th>{ "#" }</th><th>{ lang.t(key!("rel.udp.col.data")) }</th><th>{ lang.t(key!("rel.udp.col.fate")) }</th><th>{ lang.t(key!("rel.udp.col.arrivals")) }</th></tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </div>
    }
}
