//! Small SVG pictures the lessons draw: hosts and links, processes talking, the page-relay-OS
//! path, the socket triple, and a UDP datagram. Labels come from the text tables.

use yew::prelude::*;

use crate::i18n::LangCtx;

fn host(x: i32, y: i32, label: &str, sub: &str) -> Html {
    html! {
        <g class="host">
            <rect x={x.to_string()} y={y.to_string()} width="120" height="64" rx="8" />
            <text x={(x + 60).to_string()} y={(y + 28).to_string()} text-anchor="middle" class="label">{ label.to_owned() }</text>
            <text x={(x + 60).to_string()} y={(y + 48).to_string()} text-anchor="middle" class="sub">{ sub.to_owned() }</text>
        </g>
    }
}

fn line(x1: i32, y1: i32, x2: i32, y2: i32, class: &'static str) -> Html {
    html! { <line class={class} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} /> }
}

/// Hosts joined by links around a switch.
pub fn network(lang: &LangCtx) -> Html {
    html! {
        <svg class="picture" viewBox="0 0 520 250" role="img" aria-label={lang.t(key!("pic.network.alt"))}>
            { line(90, 60, 260, 125, "link") }
            { line(430, 60, 260, 125, "link") }
            { line(90, 200, 260, 125, "link") }
            { line(430, 200, 260, 125, "link") }
            { host(30, 20, lang.t(key!("pic.host")), "192.168.1.10") }
            { host(370, 20, lang.t(key!("pic.host")), "192.168.1.11") }
            { host(30, 170, lang.t(key!("pic.printer")), "192.168.1.20") }
            { host(370, 170, lang.t(key!("pic.server")), "192.168.1.30") }
            <g class="node">
                <rect x="215" y="105" width="90" height="40" rx="6" />
                <text x="260" y="130" text-anchor="middle" class="label">{ lang.t(key!("pic.switch")) }</text>
            </g>
        </svg>
    }
}

/// Two processes on two hosts exchanging data: network programming is IPC between hosts.
pub fn ipc(lang: &LangCtx) -> Html {
    html! {
        <svg class="picture" viewBox="0 0 520 200" role="img" aria-label={lang.t(key!("pic.ipc.alt"))}>
            <rect class="machine" x="10" y="20" width="200" height="160" rx="10" />
            <rect class="machine" x="310" y="20" width="200" height="160" rx="10" />
            <text x="110" y="45" text-anchor="middle" class="label">{ lang.t(key!("pic.host")) }{ " A" }</text>
            <text x="410" y="45" text-anchor="middle" class="label">{ lang.t(key!("pic.host")) }{ " B" }</text>
            <rect class="process" x="40" y="70" width="140" height="40" rx="6" />
            <text x="110" y="95" text-anchor="middle">{ lang.t(key!("pic.ipc.chat_a")) }</text>
            <rect class="process" x="340" y="70" width="140" height="40" rx="6" />
            <text x="410" y="95" text-anchor="middle">{ lang.t(key!("pic.ipc.chat_b")) }</text>
            <rect class="process dim" x="40" y="125" width="140" height="36" rx="6" />
            <text x="110" y="148" text-anchor="middle" class="sub">{ lang.t(key!("pic.ipc.other")) }</text>
            { line(180, 90, 340, 90, "flow") }
            <text x="260" y="80" text-anchor="middle" class="sub">{ lang.t(key!("pic.ipc.data")) }</text>
        </svg>
    }
}

/// The path a click takes: page -> WebSocket -> relay -> real socket -> the other program.
pub fn relay_path(lang: &LangCtx) -> Html {
    let boxes = [
        (2, lang.t(key!("pic.path.page"))),
        (134, lang.t(key!("pic.path.relay"))),
        (266, lang.t(key!("pic.path.os"))),
        (398, lang.t(key!("pic.path.peer"))),
    ];
    let drawn = boxes
        .iter()
        .map(|(x, label)| {
            html! {
                <g class="host">
                    <rect x={x.to_string()} y="40" width="120" height="56" rx="8" />
                    <text x={(x + 60).to_string()} y="73" text-anchor="middle" class="label">{ label.to_owned() }</text>
                </g>
            }
        })
        .collect::<Html>();
    html! {
        <svg class="picture" viewBox="0 0 520 130" role="img" aria-label={lang.t(key!("pic.path.alt"))}>
            { line(122, 68, 134, 68, "flow") }
            { line(254, 68, 266, 68, "flow") }
            { line(386, 68, 398, 68, "flow") }
            { drawn }
            <text x="128" y="120" text-anchor="middle" class="sub">{ "WebSocket" }</text>
            <text x="392" y="120" text-anchor="middle" class="sub">{ "UDP / TCP" }</text>
        </svg>
    }
}

/// A process on the network is named by (IP address, protocol, port).
pub fn socket_triple(lang: &LangCtx) -> Html {
    html! {
        <svg class="picture" viewBox="0 0 520 210" role="img" aria-label={lang.t(key!("pic.triple.alt"))}>
            <rect class="machine" x="10" y="10" width="500" height="190" rx="10" />
            <text x="30" y="38" class="label">{ lang.t(key!("pic.host")) }{ " 192.168.1.10" }</text>
            <rect class="process" x="30" y="60" width="140" height="50" rx="6" />
            <text x="100" y="90" text-anchor="middle">{ lang.t(key!("pic.triple.web")) }</text>
            <rect class="process" x="190" y="60" width="140" height="50" rx="6" />
            <text x="260" y="90" text-anchor="middle">{ lang.t(key!("pic.triple.chat")) }</text>
            <rect class="process" x="350" y="60" width="140" height="50" rx="6" />
            <text x="420" y="90" text-anchor="middle">{ lang.t(key!("pic.triple.dns")) }</text>
            <text x="100" y="140" text-anchor="middle" class="port">{ "TCP 80" }</text>
            <text x="260" y="140" text-anchor="middle" class="port">{ "UDP 7788" }</text>
            <text x="420" y="140" text-anchor="middle" class="port">{ "UDP 53" }</text>
            <text x="260" y="180" text-anchor="middle" class="triple">{ "(192.168.1.10, UDP, 7788)" }</text>
        </svg>
    }
}

/// A UDP datagram: an 8-byte header (ports, length, checksum) in front of the data.
pub fn datagram(lang: &LangCtx, src_port: &str, dst_port: &str, data_len: usize) -> Html {
    let length = (data_len + 8).to_string();
    let cells = [
        (10, 120, lang.t(key!("pic.dgram.src")), src_port.to_owned()),
        (130, 120, lang.t(key!("pic.dgram.dst")), dst_port.to_owned()),
        (250, 120, lang.t(key!("pic.dgram.len")), length),
        (370, 140, lang.t(key!("pic.dgram.sum")), "…".to_owned()),
    ];
    let drawn = cells
        .iter()
        .map(|(x, w, label, value)| {
            html! {
                <g class="field">
                    <rect x={x.to_string()} y="30" width={w.to_string()} height="50" />
                    <text x={(x + w / 2).to_string()} y="50" text-anchor="middle" class="sub">{ label.to_owned() }</text>
                    <text x={(x + w / 2).to_string()} y="70" text-anchor="middle" class="label">{ value.clone() }</text>
                </g>
            }
        })
        .collect::<Html>();
    html! {
        <svg class="picture" viewBox="0 0 520 160" role="img" aria-label={lang.t(key!("pic.dgram.alt"))}>
            <text x="10" y="20" class="sub">{ lang.t(key!("pic.dgram.header")) }</text>
            { drawn }
            <g class="field data">
                <rect x="10" y="90" width="500" height="50" />
                <text x="260" y="120" text-anchor="middle" class="label">{ lang.tf(fill!("pic.dgram.data", n = &data_len.to_string())) }</text>
            </g>
        </svg>
    }
}

/// A host as a house of programs, each behind its own numbered door (port).
pub fn port_doors(lang: &LangCtx) -> Html {
    let programs = [
        (40, lang.t(key!("pic.triple.web")), "TCP 80"),
        (105, lang.t(key!("pic.ports.ssh")), "TCP 22"),
        (170, lang.t(key!("pic.triple.chat")), "UDP 7788"),
    ];
    let drawn = programs
        .iter()
        .map(|(y, name, port)| {
            html! {
                <g>
                    <rect class="process" x="300" y={y.to_string()} width="180" height="44" rx="6" />
                    <text x="390" y={(y + 27).to_string()} text-anchor="middle">{ name.to_owned() }</text>
                    <rect class="door" x="228" y={(y + 4).to_string()} width="26" height="36" rx="3" />
                    <text x="241" y={(y - 3).to_string()} text-anchor="middle" class="port">{ *port }</text>
                    { line(254, y + 22, 300, y + 22, "flow") }
                    { line(90, 130, 228, y + 22, "link") }
                </g>
            }
        })
        .collect::<Html>();
    html! {
        <svg class="picture" viewBox="0 0 520 240" role="img" aria-label={lang.t(key!("pic.ports.doors.alt"))} data-testid="pic-port-doors">
            <rect class="machine" x="215" y="10" width="295" height="220" rx="10" />
            <text x="500" y="222" text-anchor="end" class="sub">{ lang.t(key!("pic.host")) }{ " 192.168.1.10" }</text>
            <g class="node">
                <rect x="10" y="105" width="80" height="50" rx="6" />
                <text x="50" y="135" text-anchor="middle" class="label">{ lang.t(key!("pic.ports.network")) }</text>
            </g>
            { drawn }
        </svg>
    }
}

/// x of a port on a 0..=65535 scale drawn from x=10 to x=510.
fn port_x(port: u32) -> i32 {
    10 + (port * 500 / 65_536) as i32
}

/// The 16-bit range of ports: well-known 0-1023 (drawn wider than to scale, or it would be a
/// hairline), dynamic 1024-65535, and the OS's ephemeral range inside it.
pub fn port_ranges(lang: &LangCtx, ephemeral: Option<(u16, u16)>) -> Html {
    // Unknown is said, not guessed: no bar is drawn, the label says "unknown".
    let (ex1, ex2, label) = match ephemeral {
        Some((lo, hi)) => (
            port_x(u32::from(lo)),
            port_x(u32::from(hi)),
            lang.tf(fill!(
                "pic.ports.ephemeral",
                lo = &lo.to_string(),
                hi = &hi.to_string()
            )),
        ),
        None => (
            260,
            260,
            lang.t(key!("pic.ports.ephemeral_unknown")).to_owned(),
        ),
    };
    html! {
        <svg class="picture" viewBox="0 0 520 150" role="img" aria-label={lang.t(key!("pic.ports.ranges.alt"))} data-testid="pic-port-ranges">
            <text x="260" y="18" text-anchor="middle" class="label">{ lang.t(key!("pic.ports.sixteen")) }</text>
            // Wide enough for its label in any font: "0-1023" is about 45 units at this size.
            <g class="field">
                <rect x="10" y="40" width="70" height="36" />
                <text x="45" y="63" text-anchor="middle" class="sub">{ "0-1023" }</text>
            </g>
            <g class="field data">
                <rect x="80" y="40" width="430" height="36" />
                <text x="295" y="63" text-anchor="middle" class="sub">{ "1024-65535" }</text>
            </g>
            if ephemeral.is_some() {
                <rect class="ephemeral" x={ex1.to_string()} y="80" width={(ex2 - ex1).max(2).to_string()} height="10" />
            }
            <text x="10" y="110" class="sub">{ lang.t(key!("pic.ports.well_known")) }</text>
            <text x="510" y="110" text-anchor="end" class="sub">{ lang.t(key!("pic.ports.dynamic")) }</text>
            <text x={((ex1 + ex2) / 2).to_string()} y="135" text-anchor="middle" class="port">
                { label }
            </text>
        </svg>
    }
}

/// The client port the picture of one conversation shows: one from this machine's ephemeral
/// range when the relay reported it, else 54321, which lies in the default range of Linux
/// (32768-60999) and of Windows and macOS (49152-65535) alike.
pub fn example_client_port(range: Option<(u16, u16)>) -> u16 {
    match range {
        Some((lo, hi)) if lo <= hi => lo + (hi - lo) / 3,
        _ => 54_321,
    }
}

/// One conversation, two ends, two different ports: a browser on a port the OS lent it
/// (`client_port`, from this machine's ephemeral range), talking to a web server on 80; an FTP
/// server on the same host is told apart by its port.
pub fn port_pair(lang: &LangCtx, client_port: u16) -> Html {
    let port = client_port.to_string();
    html! {
        <svg class="picture" viewBox="0 0 520 230" role="img" aria-label={lang.tf(fill!("pic.ports.pair.alt", port = &port))} data-testid="pic-port-pair">
            <rect class="machine" x="10" y="20" width="180" height="170" rx="10" />
            <text x="100" y="42" text-anchor="middle" class="label">{ lang.t(key!("pic.ports.client_host")) }</text>
            <text x="100" y="60" text-anchor="middle" class="sub">{ "192.168.1.5" }</text>
            <rect class="process" x="30" y="85" width="140" height="44" rx="6" />
            <text x="100" y="112" text-anchor="middle">{ lang.t(key!("pic.ports.browser")) }</text>
            <text x="100" y="150" text-anchor="middle" class="port">{ lang.tf(fill!("pic.ports.os_picked", port = &port)) }</text>
            <rect class="machine" x="330" y="20" width="180" height="170" rx="10" />
            <text x="420" y="42" text-anchor="middle" class="label">{ lang.t(key!("pic.server")) }</text>
            <text x="420" y="60" text-anchor="middle" class="sub">{ "192.168.1.10" }</text>
            <rect class="process" x="350" y="75" width="140" height="40" rx="6" />
            <text x="420" y="100" text-anchor="middle">{ lang.t(key!("pic.triple.web")) }{ " :80" }</text>
            <rect class="process dim" x="350" y="130" width="140" height="40" rx="6" />
            <text x="420" y="155" text-anchor="middle" class="sub">{ "FTP :21" }</text>
            { line(170, 107, 350, 95, "flow") }
            <text x="260" y="88" text-anchor="middle" class="port">{ format!("{port} → 80") }</text>
            <text x="260" y="215" text-anchor="middle" class="triple">{ format!("(192.168.1.5, {port}) ⇄ (192.168.1.10, 80)") }</text>
        </svg>
    }
}
