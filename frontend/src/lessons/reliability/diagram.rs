//! The sequence diagram: client on the left, server on the right, time going down, one line
//! per transmission. It shows only what has happened up to the current step: a segment still
//! on its way is drawn up to "now", a lost one ends in a cross. Click a line for its header.
//!
//! Time runs down in rows, one per drawn event (a send, an arrival, a loss, a timer), not in
//! milliseconds: segments sent a moment apart would otherwise share a line's worth of height
//! and their labels would lie on top of each other. A label stands by its sender's lifeline,
//! so the client's and the server's labels of one row never meet.

use std::rc::Rc;

use yew::prelude::*;

use super::sim::tcp::{Event, Outcome, TcpRun};
use super::sim::{Fate, Side, Tx};
use crate::i18n::LangCtx;

/// The lifelines. The margins outside them hold the timer marks ("window full, pause").
const LEFT: f64 = 125.0;
const RIGHT: f64 = 435.0;
const WIDTH: f64 = 560.0;
const TOP: f64 = 40.0;
/// The height of one drawn event's row: one label line and some air.
const ROW: f64 = 20.0;

/// Whether an event takes a row of its own in the picture.
fn drawn(event: &Event) -> bool {
    matches!(
        event,
        Event::Send { .. }
            | Event::Arrive { .. }
            | Event::Lost { .. }
            | Event::Timeout { .. }
            | Event::Blocked { .. }
            | Event::Read { .. }
    )
}

/// The y of every event: each drawn event one row below the one before.
fn event_rows<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<f64> {
    let mut y = TOP;
    events
        .map(|e| {
            if drawn(e) {
                y += ROW;
            }
            y
        })
        .collect()
}

/// A short label: flags, relative sequence number, bytes.
pub fn label(run: &TcpRun, tx: &Tx) -> String {
    let isn = match tx.from {
        Side::Client => run.client_isn,
        Side::Server => run.server_isn,
    };
    let rel = tx.seg.seq.wrapping_sub(isn);
    let mut s = tx.seg.flags.label();
    if !tx.seg.payload.is_empty() {
        s = format!("{s} seq={rel} len={}", tx.seg.payload.len());
    } else if tx.seg.flags.syn || tx.seg.flags.fin {
        s = format!("{s} seq={rel}");
    }
    if tx.seg.flags.ack {
        let other = match tx.from {
            Side::Client => run.server_isn,
            Side::Server => run.client_isn,
        };
        s = format!("{s} ack={}", tx.seg.ack.wrapping_sub(other));
    }
    s
}

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub run: Rc<TcpRun>,
    pub upto: usize,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
    pub lang: LangCtx,
}

#[function_component]
pub fn SequenceDiagram(props: &DiagramProps) -> Html {
    let run = &props.run;
    let shown = &run.events[..props.upto.min(run.events.len())];
    let now = shown.last().map_or(0, |e| e.at);
    let rows = event_rows(shown.iter().map(|e| &e.event));
    let now_y = rows.last().copied().unwrap_or(TOP);
    let mut lines = Vec::new();
    for (i, e) in shown.iter().enumerate() {
        let Event::Send { tx } = e.event else {
            continue;
        };
        let y_send = rows[i];
        let mut ids = vec![tx];
        ids.extend(
            run.txs
                .iter()
                .filter(|t| t.copy_of == Some(tx))
                .map(|t| t.id),
        );
        for id in ids {
            let t = &run.txs[id];
            let ended = shown.iter().enumerate().find_map(|(j, e)| match &e.event {
                Event::Arrive { tx, outcome } if *tx == id => {
                    Some((e.at, rows[j], Some(outcome.clone())))
                }
                Event::Lost { tx } if *tx == id => Some((e.at, rows[j], None)),
                _ => None,
            });
            let (x0, x1) = match t.from {
                Side::Client => (LEFT, RIGHT),
                Side::Server => (RIGHT, LEFT),
            };
            let total = t.arrive_at.unwrap_or(t.sent_at + 1).max(t.sent_at + 1) - t.sent_at;
            let end_t = ended.as_ref().map_or(now, |(at, _, _)| *at);
            let frac = (f64::from(end_t - t.sent_at) / f64::from(total)).min(1.0);
            let frac = if t.arrive_at.is_none() {
                frac.min(0.5)
            } else {
                frac
            };
            let ye = ended.as_ref().map_or(now_y, |(_, y, _)| *y);
            let xe = x0 + (x1 - x0) * frac;
            let outcome = match &ended {
                Some((_, _, Some(Outcome::BadChecksum))) => "bad",
                Some((_, _, Some(Outcome::Duplicate))) => "dup",
                Some((_, _, Some(Outcome::Held))) => "held",
                Some((_, _, Some(_))) => "ok",
                Some((_, _, None)) => "lost",
                None => "flying",
            };
            let class = classes!(
                "rel-seg",
                t.retransmit.then_some("retransmit"),
                t.copy_of.map(|_| "copy"),
                (props.selected == Some(id)).then_some("selected"),
                format!("out-{outcome}")
            );
            let onclick = {
                let cb = props.onselect.clone();
                Callback::from(move |_: MouseEvent| cb.emit(id))
            };
            // By the sender's lifeline on the send row; a duplicate made on the link (sent in
            // the same row as its original) is labelled by the receiver's, where it arrives.
            let (lx, ly, toward_right) = if t.copy_of.is_some() {
                (x1, ye, x1 < x0)
            } else {
                (x0, y_send, x1 > x0)
            };
            let (lx, anchor) = if toward_right {
                (lx + 8.0, "start")
            } else {
                (lx - 8.0, "end")
            };
            let ly = ly - 5.0;
            lines.push(html! {
                <g {class} {onclick} data-testid="seg" data-tx={id.to_string()} data-fate={t.fate.key()}
                   data-outcome={outcome} data-retransmit={t.retransmit.to_string()}>
                    <title>{ label(run, t) }</title>
                    <line x1={x0.to_string()} y1={y_send.to_string()} x2={xe.to_string()} y2={ye.to_string()} />
                    <line class="hit" x1={x0.to_string()} y1={y_send.to_string()} x2={xe.to_string()} y2={ye.to_string()} />
                    if outcome == "lost" {
                        <text class="cross" x={xe.to_string()} y={(ye + 5.0).to_string()} text-anchor="middle">{ "✕" }</text>
                    }
                    <text x={lx.to_string()} y={ly.to_string()} text-anchor={anchor} class="seg-label">
                        { format!("#{} {}", id + 1, label(run, t)) }
                    </text>
                </g>
            });
        }
    }
    let marks = shown
        .iter()
        .zip(&rows)
        .filter_map(|(e, &y)| match e.event {
            Event::Timeout { side, .. } => Some((y, side, "timeout", key!("rel.mark.timeout"))),
            Event::Blocked { .. } => Some((y, Side::Client, "blocked", key!("rel.mark.blocked"))),
            Event::Read { .. } => Some((y, Side::Server, "read", key!("rel.mark.read"))),
            _ => None,
        })
        .map(|(y, side, kind, text)| {
            let x = if side == Side::Client { LEFT - 6.0 } else { RIGHT + 6.0 };
            let anchor = if side == Side::Client { "end" } else { "start" };
            html! {
                <text class={classes!("rel-mark", kind)} data-testid={format!("mark-{kind}")} x={x.to_string()} y={(y + 4.0).to_string()} text-anchor={anchor}>
                    { props.lang.t(text) }
                </text>
            }
        })
        .collect::<Html>();
    let height = (now_y + 40.0).max(200.0);
    html! {
        <div class="picture-scroll">
        <svg class="rel-diagram" data-testid="rel-diagram" viewBox={format!("0 0 {WIDTH} {height}")} width="100%" role="img"
             aria-label={props.lang.t(key!("rel.diagram.label"))}>
            <text x={LEFT.to_string()} y="18" text-anchor="middle" class="host">{ props.lang.t(key!("rel.host.client")) }</text>
            <text x={RIGHT.to_string()} y="18" text-anchor="middle" class="host">{ props.lang.t(key!("rel.host.server")) }</text>
            <line class="lifeline" x1={LEFT.to_string()} y1={TOP.to_string()} x2={LEFT.to_string()} y2={height.to_string()} />
            <line class="lifeline" x1={RIGHT.to_string()} y1={TOP.to_string()} x2={RIGHT.to_string()} y2={height.to_string()} />
            { lines }
            { marks }
        </svg>
        </div>
    }
}

/// The header fields of one transmission, and what became of it.
pub fn header(run: &TcpRun, tx: &Tx, lang: &LangCtx) -> Html {
    let s = &tx.seg;
    let arrived = tx.arrived.as_ref().unwrap_or(s);
    let rows = [
        (key!("rel.hdr.src_port"), s.src_port.to_string()),
        (key!("rel.hdr.dst_port"), s.dst_port.to_string()),
        (key!("rel.hdr.seq"), s.seq.to_string()),
        (
            key!("rel.hdr.ack"),
            if s.flags.ack {
                s.ack.to_string()
            } else {
                "-".into()
            },
        ),
        (key!("rel.hdr.flags"), s.flags.label()),
        (key!("rel.hdr.window"), s.window.to_string()),
        (key!("rel.hdr.checksum"), format!("0x{:04x}", s.checksum)),
        (
            key!("rel.hdr.payload"),
            String::from_utf8_lossy(&s.payload).into_owned(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| html! { <tr><th scope="row">{ lang.t(k) }</th><td><code>{ v }</code></td></tr> })
    .collect::<Html>();
    let fate = if tx.copy_of.is_some() {
        key!("rel.fate.copy.means")
    } else {
        super::fates::means(tx.fate)
    };
    html! {
        <div class="rel-header" data-testid="rel-header">
            <h4>{ format!("#{} {}", tx.id + 1, label(run, tx)) }</h4>
            <table class="compare-table"><tbody>{ rows }</tbody></table>
            <p>{ lang.t(fate) }</p>
            if tx.fate == Fate::Corrupted {
                <p data-testid="rel-bad-checksum">{ lang.tf(fill!("rel.hdr.corrupted", computed = &format!("0x{:04x}", arrived.compute_checksum()), carried = &format!("0x{:04x}", arrived.checksum))) }</p>
            }
        </div>
    }
}
