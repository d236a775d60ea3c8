//! One stepped network: the picture (SVG), the sender and receiver, Send, step back and
//! forward, auto-play at a chosen speed, and what the devices know: the hub's waste counter,
//! the switch's MAC table, the headers of the frame on the wire, the host's gateway decision.

use std::net::Ipv4Addr;

use gloo_timers::callback::Timeout;
use netmath::reach::Delivery;
use netmath::{Cidr, parse_addr, parse_prefix_or_mask};
use yew::prelude::*;

use super::on_text;
use super::scenario::{Dst, Mark, Node, NodeKind, Note, Shot, Topo, World};
use super::sim::{NextHop, RouterDrop, SwitchDecision};
use crate::i18n::{LangCtx, use_lang};

#[derive(Properties, PartialEq)]
pub struct TopoLabProps {
    pub topo: Topo,
    /// Host A's address, mask and gateway can be edited (the gateway step).
    #[prop_or_default]
    pub editable: bool,
}

fn topo_name(t: Topo) -> &'static str {
    match t {
        Topo::Cable => "cable",
        Topo::Hub => "hub",
        Topo::Switch => "switch",
        Topo::Router => "router",
    }
}

#[function_component]
pub fn TopoLab(props: &TopoLabProps) -> Html {
    let lang = use_lang();
    let topo = props.topo;
    let world = use_state(|| World::new(topo));
    let shots = use_state(Vec::<Shot>::new);
    let pos = use_state(|| 0usize);
    let playing = use_state(|| false);
    let speed = use_state(|| 900u32);
    let hosts = world.hosts();
    let src = use_state(|| hosts[0]);
    let dst = use_state(|| Dst::Host(*hosts.last().unwrap_or(&0)));
    let a_ip = use_state(|| "192.168.1.10/24".to_owned());
    let a_gw = use_state(|| "192.168.1.1".to_owned());

    {
        let (pos, playing) = (pos.clone(), playing.clone());
        let len = shots.len();
        use_effect_with((*playing, *pos, *speed, len), move |(on, at, ms, len)| {
            let timer = (*on && at + 1 < *len).then(|| {
                let at = *at;
                Timeout::new(*ms, move || pos.set(at + 1))
            });
            if *on && at + 1 >= *len {
                playing.set(false);
            }
            move || drop(timer)
        });
    }

    // A's configuration from the inputs (gateway step).
    let cfg: Result<(Cidr, Ipv4Addr), &'static str> = match (
        a_ip.split_once('/')
            .map(|(a, m)| (parse_addr(a.trim()), parse_prefix_or_mask(m.trim()))),
        parse_addr(a_gw.trim()),
    ) {
        (Some((Ok(a), Ok(p))), Ok(g)) => Ok((Cidr::new(a, p), g)),
        (Some(_) | None, Ok(_)) => Err("links.cfg.bad_ip"),
        (_, Err(_)) => Err("links.cfg.bad_gw"),
    };

    let onsend = {
        let (world, shots, pos, playing) =
            (world.clone(), shots.clone(), pos.clone(), playing.clone());
        let (src, dst) = (*src, *dst);
        let editable = props.editable;
        Callback::from(move |_: MouseEvent| {
            let mut w = (*world).clone();
            if editable && let Ok((c, g)) = cfg {
                w.a_cfg.cidr = c;
                w.a_cfg.gateway = g;
            }
            let target = match dst {
                Dst::Host(d) if d == src => return,
                d => d,
            };
            let s = w.send(src, target);
            world.set(w);
            shots.set(s);
            pos.set(0);
            playing.set(true);
        })
    };
    let step = |delta: isize| {
        let (pos, playing, len) = (pos.clone(), playing.clone(), shots.len());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            let next = (*pos as isize + delta).clamp(0, len.saturating_sub(1) as isize);
            pos.set(next as usize);
        })
    };
    let ontoggle = {
        let playing = playing.clone();
        Callback::from(move |_: MouseEvent| playing.set(!*playing))
    };
    let onspeed = {
        let speed = speed.clone();
        Callback::from(move |e: InputEvent| {
            let v: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(n) = v.value().parse::<u32>() {
                speed.set(n);
            }
        })
    };
    let onwait = {
        let (world, shots, pos) = (world.clone(), shots.clone(), pos.clone());
        Callback::from(move |_: MouseEvent| {
            let mut w = (*world).clone();
            w.wait(super::scenario::MAX_AGE);
            world.set(w);
            shots.set(Vec::new());
            pos.set(0);
        })
    };
    let onreset = {
        let (world, shots, pos) = (world.clone(), shots.clone(), pos.clone());
        Callback::from(move |_: MouseEvent| {
            world.set(World::new(topo));
            shots.set(Vec::new());
            pos.set(0);
        })
    };
    let preset = |ip: &'static str, gw: &'static str| {
        let (a_ip, a_gw) = (a_ip.clone(), a_gw.clone());
        Callback::from(move |_: MouseEvent| {
            a_ip.set(ip.to_owned());
            a_gw.set(gw.to_owned());
        })
    };
    let onsrc = {
        let src = src.clone();
        Callback::from(move |e: Event| {
            let v: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = v.value().parse() {
                src.set(n);
            }
        })
    };
    let ondst = {
        let dst = dst.clone();
        Callback::from(move |e: Event| {
            let v: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dst.set(match v.value().parse() {
                Ok(n) => Dst::Host(n),
                Err(_) => Dst::Broadcast,
            });
        })
    };

    let shot = shots.get(*pos);
    let host_options = |selected: Option<usize>| {
        hosts
            .iter()
            .map(|h| html! { <option value={h.to_string()} selected={selected == Some(*h)}>{ world.nodes[*h].name }</option> })
            .collect::<Html>()
    };
    let name = topo_name(topo);
    let table = shot
        .map(|s| s.table.clone())
        .unwrap_or_else(|| world.switch.table.clone());
    let wasted = shot.map(|s| s.wasted).unwrap_or(world.wasted);
    let len = shots.len();
    html! {
        <div class="lab topo-lab" data-testid={format!("topo-{name}")}>
            { picture(&lang, &world, shot) }
            if props.editable {
                <div class="row topo-cfg">
                    <label>{ lang.t("links.cfg.a_ip") }
                        <input type="text" value={(*a_ip).clone()} oninput={on_text(&a_ip)} data-testid="cfg-ip" spellcheck="false" />
                    </label>
                    <label>{ lang.t("links.cfg.a_gw") }
                        <input type="text" value={(*a_gw).clone()} oninput={on_text(&a_gw)} data-testid="cfg-gw" spellcheck="false" />
                    </label>
                </div>
                <div class="row">
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.1.1")} data-testid="cfg-good">{ lang.t("links.cfg.good") }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/16", "192.168.1.1")} data-testid="cfg-mask">{ lang.t("links.cfg.wrong_mask") }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.1.254")} data-testid="cfg-gwbad">{ lang.t("links.cfg.wrong_gw") }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.2.1")} data-testid="cfg-gwoff">{ lang.t("links.cfg.off_gw") }</button>
                </div>
                if let Err(key) = cfg {
                    <p class="field-error" role="alert">{ lang.t(key) }</p>
                }
            }
            <div class="row">
                <label>{ lang.t("links.ctl.from") }
                    <select onchange={onsrc} data-testid="topo-src">{ host_options(Some(*src)) }</select>
                </label>
                <label>{ lang.t("links.ctl.to") }
                    <select onchange={ondst} data-testid="topo-dst">
                        { host_options(match *dst { Dst::Host(d) => Some(d), Dst::Broadcast => None }) }
                        if matches!(topo, Topo::Hub | Topo::Switch) {
                            <option value="all" selected={*dst == Dst::Broadcast}>{ lang.t("links.ctl.broadcast") }</option>
                        }
                    </select>
                </label>
                <button class="primary" onclick={onsend} disabled={props.editable && cfg.is_err()} data-testid="topo-send">{ lang.t("links.ctl.send") }</button>
                <button class="secondary" onclick={onreset} data-testid="topo-reset">{ lang.t("links.ctl.reset") }</button>
            </div>
            <div class="row topo-steps">
                <button class="secondary" onclick={step(-1)} disabled={*pos == 0 || len == 0} data-testid="topo-prev">{ lang.t("links.ctl.back") }</button>
                <button class="secondary" onclick={ontoggle} disabled={len == 0} data-testid="topo-play">
                    { lang.t(if *playing { "links.ctl.pause" } else { "links.ctl.play" }) }
                </button>
                <button class="secondary" onclick={step(1)} disabled={len == 0 || *pos + 1 >= len} data-testid="topo-next">{ lang.t("links.ctl.forward") }</button>
                <label>{ lang.t("links.ctl.speed") }
                    <input type="range" min="150" max="2500" step="50" value={speed.to_string()} oninput={onspeed} data-testid="topo-speed" class="speed-flip" />
                </label>
                <span class="step-count" data-testid="topo-step" data-pos={pos.to_string()} data-len={len.to_string()}>
                    { if len == 0 { String::new() } else { lang.tf("links.ctl.step", &[("n", &(*pos + 1).to_string()), ("len", &len.to_string())]) } }
                </span>
            </div>
            <p class="topo-note" data-testid="topo-note" aria-live="polite">
                { shot.map(|s| note_text(&lang, &world, &s.note)).unwrap_or_else(|| lang.t("links.ctl.hint").to_owned()) }
            </p>
            if let Some(f) = shot.and_then(|s| s.frame) {
                // One field per row, its name beside its value: narrow enough for a phone.
                <table class="frame-headers" data-testid="frame-headers" data-ttl={f.packet.ttl.to_string()}>
                    <tbody>
                        <tr><th scope="row">{ lang.t("links.hdr.src_mac") }</th><td class="mac" data-testid="hdr-src-mac">{ f.src.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t("links.hdr.dst_mac") }</th><td class="mac" data-testid="hdr-dst-mac">{ f.dst.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t("links.hdr.src_ip") }</th><td data-testid="hdr-src-ip">{ f.packet.src.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t("links.hdr.dst_ip") }</th><td data-testid="hdr-dst-ip">{ f.packet.dst.to_string() }</td></tr>
                        <tr><th scope="row">{ "TTL" }</th><td data-testid="hdr-ttl">{ f.packet.ttl }</td></tr>
                    </tbody>
                </table>
            }
            if let Some(Note::Decide { hop, .. }) = shot.map(|s| &s.note) {
                { decision(&lang, &world, hop) }
            }
            if topo == Topo::Hub {
                <p class="counter" data-testid="hub-wasted" data-count={wasted.to_string()}>
                    { lang.tf("links.hub.wasted", &[("n", &wasted.to_string())]) }
                </p>
            }
            if topo == Topo::Switch {
                <h3>{ lang.t("links.switch.table") }</h3>
                <table class="mac-table" data-testid="mac-table" data-rows={table.len().to_string()}>
                    <thead><tr><th>{ lang.t("links.switch.mac") }</th><th>{ lang.t("links.switch.port") }</th><th>{ lang.t("links.switch.age") }</th></tr></thead>
                    <tbody>
                        { for table.iter().map(|e| html! {
                            <tr class="mac-row" data-mac={e.mac.to_string()} data-port={(e.port + 1).to_string()}>
                                <td class="mac">{ e.mac.to_string() }</td>
                                <td>{ e.port + 1 }</td>
                                <td>{ format!("{} s", world.clock.saturating_sub(e.seen)) }</td>
                            </tr>
                        }) }
                        if table.is_empty() {
                            <tr><td colspan="3" class="hint">{ lang.t("links.switch.empty") }</td></tr>
                        }
                    </tbody>
                </table>
                <button class="secondary" onclick={onwait} data-testid="switch-wait">{ lang.t("links.switch.wait") }</button>
            }
        </div>
    }
}

fn name(world: &World, i: usize) -> String {
    world
        .nodes
        .get(i)
        .map(|n| n.name.to_owned())
        .unwrap_or_default()
}

/// The hosts' names as a sentence lists them ("B, C and D"), and how many there are.
fn names(lang: &LangCtx, world: &World, list: &[usize]) -> (String, String) {
    let names: Vec<String> = list.iter().map(|i| name(world, *i)).collect();
    (lang.list(&names), names.len().to_string())
}

fn ports(list: &[usize]) -> String {
    list.iter()
        .map(|p| (p + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a host's routing decision says. A gateway outside the host's own subnet is said at
/// once: the host never gets as far as asking ARP for it.
fn decide_key(hop: &NextHop) -> &'static str {
    match hop.delivery {
        Delivery::Direct => "links.note.decide_direct",
        Delivery::ViaGateway if hop.gateway_off_link => "links.note.decide_gateway_off",
        Delivery::ViaGateway => "links.note.decide_gateway",
    }
}

/// The shot's story in the learner's language.
pub fn note_text(lang: &LangCtx, world: &World, note: &Note) -> String {
    match note {
        Note::Decide { from, hop } => lang.tf(
            decide_key(hop),
            &[
                ("host", &name(world, *from)),
                ("ask", &hop.ask_for.to_string()),
            ],
        ),
        Note::OnWire { from } => lang.tf("links.note.on_wire", &[("host", &name(world, *from))]),
        Note::HubRepeats { ports } => {
            lang.tf("links.note.hub_repeats", &[("n", &ports.to_string())])
        }
        Note::SwitchLearns {
            mac,
            port,
            decision,
        } => {
            let learned = lang.tf(
                "links.note.learns",
                &[("mac", &mac.to_string()), ("port", &(port + 1).to_string())],
            );
            let then = match decision {
                SwitchDecision::Forward(p) => {
                    lang.tf("links.note.forward", &[("port", &(p + 1).to_string())])
                }
                SwitchDecision::Flood(ps) => lang.tf(
                    "links.note.flood",
                    &[("ports", &ports(ps)), ("n", &ps.len().to_string())],
                ),
                SwitchDecision::Filter => lang.t("links.note.filter").to_owned(),
            };
            format!("{learned} {then}")
        }
        Note::SwitchSends { ports: ps } => lang.tf(
            "links.note.switch_sends",
            &[("ports", &ports(ps)), ("n", &ps.len().to_string())],
        ),
        Note::Delivered { accepted, dropped } => {
            let (hosts, n) = names(lang, world, accepted);
            let mut out = lang.tf("links.note.accepted", &[("hosts", &hosts), ("n", &n)]);
            if !dropped.is_empty() {
                let (hosts, n) = names(lang, world, dropped);
                out.push(' ');
                out.push_str(&lang.tf("links.note.dropped", &[("hosts", &hosts), ("n", &n)]));
            }
            out
        }
        Note::RouterForwards { ttl_in, ttl_out } => lang.tf(
            "links.note.router",
            &[
                ("ttl_in", &ttl_in.to_string()),
                ("ttl_out", &ttl_out.to_string()),
            ],
        ),
        Note::RouterDrops(why) => lang
            .t(match why {
                RouterDrop::NotForMe => "links.note.drop.not_for_me",
                RouterDrop::TtlExpired => "links.note.drop.ttl",
                RouterDrop::NoRoute => "links.note.drop.no_route",
                RouterDrop::NoNeighbour => "links.note.drop.no_neighbour",
            })
            .to_owned(),
        Note::ArpAsk { from, ip } => lang.tf(
            "links.note.arp_ask",
            &[("host", &name(world, *from)), ("ip", &ip.to_string())],
        ),
        Note::ArpNoAnswer { ip } => lang.tf("links.note.arp_none", &[("ip", &ip.to_string())]),
        Note::GatewayOffLink { gateway } => {
            lang.tf("links.note.gw_off", &[("gw", &gateway.to_string())])
        }
    }
}

/// The mask arithmetic behind "direct or via the gateway".
fn decision(lang: &LangCtx, world: &World, hop: &NextHop) -> Html {
    let _ = world;
    let verdict = match hop.delivery {
        Delivery::Direct => lang.t("links.decide.same"),
        Delivery::ViaGateway => lang.t("links.decide.other"),
    };
    html! {
        <div class="decision" data-testid="gateway-decision" data-delivery={format!("{:?}", hop.delivery)}>
            <pre class="mask-math">{ format!(
                "{:<15} AND {:<15} = {}\n{:<15} AND {:<15} = {}",
                lang.t("links.decide.own"), hop.mask, hop.own_network,
                lang.t("links.decide.dst"), hop.mask, hop.dst_network,
            ) }</pre>
            <p>{ verdict }</p>
        </div>
    }
}

fn center(n: &Node) -> (i32, i32) {
    match n.kind {
        NodeKind::Host => (n.x + 50, n.y + 30),
        _ => (n.x + 45, n.y + 22),
    }
}

fn picture(lang: &LangCtx, world: &World, shot: Option<&Shot>) -> Html {
    let lit = shot.map(|s| s.lit.clone()).unwrap_or_default();
    let mark = |i: usize| shot.and_then(|s| s.marks.iter().find(|(n, _)| *n == i).map(|(_, m)| *m));
    let links = world.links.iter().enumerate().map(|(i, (a, b))| {
        let (x1, y1) = center(&world.nodes[*a]);
        let (x2, y2) = center(&world.nodes[*b]);
        let on = lit.contains(&i);
        html! {
            <g>
                <line class={if on { "link lit" } else { "link" }} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                if matches!(world.topo, Topo::Hub | Topo::Switch) {
                    <text class="port-num" x={((x1 + 3 * x2) / 4).to_string()} y={((y1 + 3 * y2) / 4 - 6).to_string()}>{ i + 1 }</text>
                }
                if on {
                    <circle class="frame-dot" cx={((x1 + x2) / 2).to_string()} cy={((y1 + y2) / 2).to_string()} r="9" />
                }
            </g>
        }
    });
    let nodes = world.nodes.iter().enumerate().map(|(i, n)| {
        let class = match mark(i) {
            Some(Mark::Sends) => "sends",
            Some(Mark::Accepts) => "accepts",
            Some(Mark::Drops) => "drops",
            Some(Mark::Works) => "works",
            Some(Mark::Fails) => "fails",
            None => "",
        };
        match n.kind {
            NodeKind::Host => {
                let ip = if world.topo == Topo::Router && i == 0 {
                    world.a_cfg.cidr.to_string()
                } else {
                    n.ip.map(|c| c.to_string()).unwrap_or_default()
                };
                html! {
                    <g class={classes!("host", class)} data-node={n.name}>
                        <rect x={n.x.to_string()} y={n.y.to_string()} width="100" height="60" rx="8" />
                        <text x={(n.x + 50).to_string()} y={(n.y + 18).to_string()} text-anchor="middle" class="label">{ n.name }</text>
                        <text x={(n.x + 50).to_string()} y={(n.y + 35).to_string()} text-anchor="middle" class="sub">{ n.mac.map(|m| m.to_string()).unwrap_or_default() }</text>
                        <text x={(n.x + 50).to_string()} y={(n.y + 51).to_string()} text-anchor="middle" class="sub">{ ip }</text>
                    </g>
                }
            }
            kind => {
                let label = lang.t(match kind {
                    NodeKind::Hub => "links.pic.hub",
                    NodeKind::Switch => "links.pic.switch",
                    _ => "links.pic.router",
                });
                html! {
                    <g class={classes!("node", class)} data-node={n.name}>
                        <rect x={n.x.to_string()} y={n.y.to_string()} width="90" height="44" rx="6" />
                        <text x={(n.x + 45).to_string()} y={(n.y + 27).to_string()} text-anchor="middle" class="label">{ label }</text>
                        if kind == NodeKind::Router {
                            <text x={(n.x - 60).to_string()} y={(n.y + 64).to_string()} class="sub">{ format!("192.168.1.1 {}", super::scenario::R_LEFT) }</text>
                            <text x={(n.x + 40).to_string()} y={(n.y + 84).to_string()} class="sub">{ format!("192.168.2.1 {}", super::scenario::R_RIGHT) }</text>
                        }
                    </g>
                }
            }
        }
    });
    html! {
        <div class="picture-scroll">
            <svg class="picture topo" viewBox="0 0 560 280" role="img" aria-label={lang.t("links.pic.alt")}>
                { for links }
                { for nodes }
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::links::sim::{HostCfg, cidr, next_hop};

    fn hop(gateway: [u8; 4]) -> NextHop {
        let a = HostCfg {
            cidr: cidr([192, 168, 1, 10], 24),
            gateway: Ipv4Addr::from(gateway),
        };
        next_hop(a, Ipv4Addr::new(192, 168, 2, 20))
    }

    #[test]
    fn a_gateway_outside_the_subnet_is_never_asked_for_by_arp() {
        assert_eq!(
            decide_key(&hop([192, 168, 1, 1])),
            "links.note.decide_gateway"
        );
        let off = hop([10, 0, 0, 1]);
        assert_eq!(decide_key(&off), "links.note.decide_gateway_off");
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhCn] {
            let text = crate::i18n::tr(lang, decide_key(&off));
            assert!(!text.contains("ARP"), "{text}");
        }
    }
}
