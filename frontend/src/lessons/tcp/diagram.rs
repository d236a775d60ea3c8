//! The life of a socket as a picture: created, bound, listening, connected, peer closed,
//! closed, with the calls that move it along. Each state the step's real sockets are in lights
//! up and names them (`#3`), so the learner watches their own sockets move.

use protocol::SocketState;
use yew::prelude::*;

use super::lab::{Live, Role, Sock};
use crate::i18n::{Key, LangCtx, use_lang};

/// The boxes: state name, x, y.
/// The states drawn: name (as `Live::name`), position, label.
const NODES: [(&str, i32, i32, Key); 6] = [
    ("created", 10, 20, key!("tcp.state.created")),
    ("bound", 210, 20, key!("tcp.state.bound")),
    ("listening", 410, 20, key!("tcp.state.listening")),
    ("connected", 210, 140, key!("tcp.state.connected")),
    ("peer_closed", 410, 140, key!("tcp.state.peer_closed")),
    ("closed", 210, 250, key!("tcp.state.closed")),
];
const W: i32 = 120;
const H: i32 = 50;

/// The arrows: from, to, label (a Python call), dashed (a new socket is born).
const EDGES: [(&str, &str, &str, bool); 8] = [
    ("created", "bound", "bind()", false),
    ("bound", "listening", "listen()", false),
    ("created", "connected", "connect()", false),
    ("listening", "connected", "accept()", true),
    ("connected", "peer_closed", "recv()=b''", false),
    ("connected", "closed", "close()", false),
    ("peer_closed", "closed", "close()", false),
    ("listening", "closed", "close()", false),
];

/// Which box a socket's state lights up.
fn node_of(state: Live) -> &'static str {
    match state {
        Live::Open(SocketState::ShutdownWrite) => "connected",
        other => other.name(),
    }
}

fn centre(name: &str) -> (i32, i32) {
    NODES
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, x, y, _)| (x + W / 2, y + H / 2))
        .unwrap_or_default()
}

/// The point where the segment from the centre of box `from` towards `to` leaves the box.
fn edge_point(from: (i32, i32), to: (i32, i32)) -> (i32, i32) {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (W as f64 / 2.0) / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        (H as f64 / 2.0) / dy.abs()
    };
    let s = sx.min(sy);
    (
        from.0 + (dx * s).round() as i32,
        from.1 + (dy * s).round() as i32,
    )
}

#[derive(Properties, PartialEq)]
pub struct StateDiagramProps {
    pub socks: Vec<Sock>,
}

#[function_component]
pub fn StateDiagram(props: &StateDiagramProps) -> Html {
    let lang = use_lang();
    let tcp: Vec<&Sock> = props.socks.iter().filter(|s| s.role != Role::Udp).collect();
    let edges = EDGES
        .iter()
        .map(|(a, b, label, dashed)| {
            let (ca, cb) = (centre(a), centre(b));
            let (x1, y1) = edge_point(ca, cb);
            let (x2, y2) = edge_point(cb, ca);
            // The listener's close goes round the right side, clear of the other arrows.
            let points = if (*a, *b) == ("listening", "closed") {
                let (right, low) = (NODES[2].1 + W + 20, centre("closed").1);
                format!(
                    "{},{} {right},{} {right},{low} {},{low}",
                    NODES[2].1 + W,
                    ca.1,
                    ca.1,
                    NODES[5].1 + W
                )
            } else {
                format!("{x1},{y1} {x2},{y2}")
            };
            let (lx, ly, anchor) = match (*a, *b) {
                ("listening", "closed") => (NODES[2].1 + W + 16, centre("closed").1 - 6, "end"),
                _ if y1 == y2 => ((x1 + x2) / 2, y1 - 6, "middle"),
                _ => ((x1 + x2) / 2 + 6, (y1 + y2) / 2, "start"),
            };
            html! {
                <g class={classes!("edge", dashed.then_some("born"))}>
                    <polyline points={points} marker-end="url(#tcp-arrow)" />
                    <text x={lx.to_string()} y={ly.to_string()} text-anchor={anchor} class="call-label">{ *label }</text>
                </g>
            }
        })
        .collect::<Html>();
    let nodes = NODES
        .iter()
        .map(|(name, x, y, label)| {
            let here: Vec<String> = tcp
                .iter()
                .filter(|s| node_of(s.state) == *name)
                .map(|s| format!("#{}", s.id))
                .collect();
            let live = !here.is_empty();
            html! {
                <g class={classes!("state-node", live.then_some("live"))} data-testid="tcp-state-node" data-state={*name} data-live={live.to_string()}>
                    <rect x={x.to_string()} y={y.to_string()} width={W.to_string()} height={H.to_string()} rx="8" />
                    <text x={(x + W / 2).to_string()} y={(y + 21).to_string()} text-anchor="middle" class="label">{ lang.t(*label) }</text>
                    <text x={(x + W / 2).to_string()} y={(y + 40).to_string()} text-anchor="middle" class="sockets">{ here.join(" ") }</text>
                </g>
            }
        })
        .collect::<Html>();
    let list = tcp.iter().map(|s| sock_line(s, &lang)).collect::<Html>();
    html! {
        <figure class="state-diagram">
            <svg class="picture" viewBox="0 0 580 310" role="img" aria-label={lang.t(key!("tcp.state.alt"))}>
                <defs>
                    <marker id="tcp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                { edges }
                { nodes }
            </svg>
            if tcp.is_empty() {
                <figcaption class="hint">{ lang.t(key!("tcp.state.none")) }</figcaption>
            } else {
                <ul class="state-list">{ list }</ul>
            }
        </figure>
    }
}

fn sock_line(s: &Sock, lang: &LangCtx) -> Html {
    let role = match s.role {
        Role::Client => lang.t(key!("tcp.role.client")).to_owned(),
        Role::Listener => lang.t(key!("tcp.role.listener")).to_owned(),
        Role::Accepted { listener } => {
            lang.tf(fill!("tcp.role.accepted", listener = &listener.to_string()))
        }
        Role::Udp => "UDP".to_owned(),
    };
    let addr = match (s.local, s.peer) {
        (Some(l), Some(p)) => format!("{l} ⇄ {p}"),
        (Some(l), None) => l.to_string(),
        _ => String::new(),
    };
    html! {
        <li data-testid="tcp-state" data-socket={s.id.to_string()} data-state={s.state.name()}>
            <strong>{ format!("#{}", s.id) }</strong>{ " " }{ role }{ " " }<code>{ addr }</code>{ " — " }
            <span class={classes!("state-name", s.state.name())}>{ lang.t(s.state.text()) }</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_box_and_every_arrow_joins_two() {
        for state in [
            Live::Open(SocketState::Created),
            Live::Open(SocketState::Bound),
            Live::Open(SocketState::Listening),
            Live::Open(SocketState::Connected),
            Live::Open(SocketState::PeerClosed),
            Live::Open(SocketState::ShutdownWrite),
            Live::Closed,
        ] {
            let node = node_of(state);
            assert!(NODES.iter().any(|(n, ..)| *n == node), "{node}");
        }
        for (a, b, ..) in EDGES {
            assert!(NODES.iter().any(|(n, ..)| *n == a) && NODES.iter().any(|(n, ..)| *n == b));
        }
    }

    #[test]
    fn arrows_start_on_the_box_edge() {
        // Straight to the right: leaves through the right side.
        assert_eq!(edge_point((70, 45), (270, 45)), (70 + W / 2, 45));
        // Straight down: leaves through the bottom.
        assert_eq!(edge_point((270, 45), (270, 165)), (270, 45 + H / 2));
    }
}
