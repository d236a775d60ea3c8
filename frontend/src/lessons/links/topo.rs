//! One stepped network: the picture (SVG), the sender and receiver, Send, step back and
//! forward, auto-play at a chosen speed, and what the devices know: the hub's waste counter,
//! the switch's MAC table, the headers of the frame on the wire, the host's gateway decision.

use gloo_timers::callback::Timeout;
use netmath::reach::Delivery;
use yew::prelude::*;

use super::player::{Action, Player, decode_history, encode_history};
use super::scenario::{Dst, Mark, Node, NodeKind, Note, Shot, Topo, World};
use super::sim::{NextHop, RouterDrop, SwitchDecision};
use crate::i18n::{LangCtx, use_lang};
use crate::lessons::ip::query;

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
    let editable = props.editable;
    // A shared link (`?sends=0-2.2-0&pos=1`, plus `&a=...&gw=...` on the gateway step) rebuilds
    // the same network at the same snapshot; every change is written back to the address bar.
    let player = use_reducer(|| {
        let search = query::current_search();
        let history = query::param(&search, "sends")
            .map(|h| decode_history(topo, &h))
            .unwrap_or_default();
        let pos = query::param(&search, "pos")
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let typed = |name| query::param(&search, name).filter(|_| editable);
        Player::restore(topo, &history, pos, typed("a"), typed("gw"))
    });
    {
        let key = (
            encode_history(&player.history),
            player.pos,
            player.a_ip.clone(),
            player.a_gw.clone(),
        );
        use_effect_with(key, move |(sends, pos, a, gw)| {
            query::replace_param("sends", sends);
            query::replace_param("pos", &pos.to_string());
            if editable {
                query::replace_param("a", a);
                query::replace_param("gw", gw);
            }
        });
    }
    let hosts = player.world.hosts();

    // Auto-play: one snapshot on after each pause, stopping at the last.
    {
        let p = player.clone();
        let len = player.shots.len();
        let key = (player.playing, player.pos, player.speed_ms, len);
        use_effect_with(key, move |&(on, at, ms, len)| {
            let timer = (on && at + 1 < len).then(|| {
                let p = p.clone();
                Timeout::new(ms, move || p.dispatch(Action::Advance))
            });
            if on && at + 1 >= len {
                p.dispatch(Action::Pause);
            }
            move || drop(timer)
        });
    }

    let act = |action: Action| {
        let p = player.clone();
        Callback::from(move |_: MouseEvent| p.dispatch(action.clone()))
    };
    let onsend = act(Action::Send {
        use_cfg: props.editable,
    });
    let step = |delta: isize| act(Action::Step(delta));
    let ontoggle = act(Action::TogglePlay);
    let onwait = act(Action::Wait);
    let onreset = act(Action::Reset);
    let preset = |ip: &'static str, gw: &'static str| act(Action::Preset { ip, gw });
    let onspeed = {
        let p = player.clone();
        Callback::from(move |e: InputEvent| {
            let v: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(n) = v.value().parse::<u32>() {
                p.dispatch(Action::SetSpeed(n));
            }
        })
    };
    let onsrc = {
        let p = player.clone();
        Callback::from(move |e: Event| {
            let v: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = v.value().parse() {
                p.dispatch(Action::PickSrc(n));
            }
        })
    };
    let ondst = {
        let p = player.clone();
        Callback::from(move |e: Event| {
            let v: web_sys::HtmlSelectElement = e.target_unchecked_into();
            p.dispatch(Action::PickDst(match v.value().parse() {
                Ok(n) => Dst::Host(n),
                Err(_) => Dst::Broadcast,
            }));
        })
    };
    let on_edit = |make: fn(String) -> Action| {
        let p = player.clone();
        Callback::from(move |e: InputEvent| {
            let v: web_sys::HtmlInputElement = e.target_unchecked_into();
            p.dispatch(make(v.value()));
        })
    };
    let blocked = player.send_blocked(props.editable);
    let (world, pos, playing, speed, src, dst) = (
        &player.world,
        &player.pos,
        &player.playing,
        &player.speed_ms,
        &player.src,
        &player.dst,
    );
    let shots = &player.shots;

    let shot = player.shot();
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
            { picture(&lang, world, shot) }
            if props.editable {
                <div class="row topo-cfg">
                    <label>{ lang.t(key!("links.cfg.a_ip")) }
                        <input type="text" value={player.a_ip.clone()} oninput={on_edit(Action::EditIp)} data-testid="cfg-ip" spellcheck="false" />
                    </label>
                    <label>{ lang.t(key!("links.cfg.a_gw")) }
                        <input type="text" value={player.a_gw.clone()} oninput={on_edit(Action::EditGw)} data-testid="cfg-gw" spellcheck="false" />
                    </label>
                </div>
                <div class="row">
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.1.1")} data-testid="cfg-good">{ lang.t(key!("links.cfg.good")) }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/16", "192.168.1.1")} data-testid="cfg-mask">{ lang.t(key!("links.cfg.wrong_mask")) }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.1.254")} data-testid="cfg-gwbad">{ lang.t(key!("links.cfg.wrong_gw")) }</button>
                    <button class="secondary" onclick={preset("192.168.1.10/24", "192.168.2.1")} data-testid="cfg-gwoff">{ lang.t(key!("links.cfg.off_gw")) }</button>
                </div>
            }
            <div class="row">
                <label>{ lang.t(key!("links.ctl.from")) }
                    <select onchange={onsrc} data-testid="topo-src">{ host_options(Some(*src)) }</select>
                </label>
                <label>{ lang.t(key!("links.ctl.to")) }
                    <select onchange={ondst} data-testid="topo-dst">
                        { host_options(match *dst { Dst::Host(d) => Some(d), Dst::Broadcast => None }) }
                        if matches!(topo, Topo::Hub | Topo::Switch) {
                            <option value="all" selected={*dst == Dst::Broadcast}>{ lang.t(key!("links.ctl.broadcast")) }</option>
                        }
                    </select>
                </label>
                <button class="primary" onclick={onsend} disabled={blocked.is_some()} data-testid="topo-send">{ lang.t(key!("links.ctl.send")) }</button>
                <button class="secondary" onclick={onreset} data-testid="topo-reset">{ lang.t(key!("links.ctl.reset")) }</button>
            </div>
            if let Some(key) = blocked {
                <p class="field-error" role="alert" data-testid="topo-blocked">{ lang.t(key) }</p>
            }
            <div class="row topo-steps">
                <button class="secondary" onclick={step(-1)} disabled={*pos == 0 || len == 0} data-testid="topo-prev">{ lang.t(key!("links.ctl.back")) }</button>
                <button class="secondary" onclick={ontoggle} disabled={len == 0} data-testid="topo-play">
                    { lang.t(if *playing { key!("links.ctl.pause") } else { key!("links.ctl.play") }) }
                </button>
                <button class="secondary" onclick={step(1)} disabled={len == 0 || *pos + 1 >= len} data-testid="topo-next">{ lang.t(key!("links.ctl.forward")) }</button>
                <label>{ lang.t(key!("links.ctl.speed")) }
                    <input type="range" min="150" max="2500" step="50" value={speed.to_string()} oninput={onspeed} data-testid="topo-speed" class="speed-flip" />
                </label>
                <span class="step-count" data-testid="topo-step" data-pos={pos.to_string()} data-len={len.to_string()}>
                    { if len == 0 { String::new() } else { lang.tf(fill!("links.ctl.step", n = &(*pos + 1).to_string(), len = &len.to_string())) } }
                </span>
            </div>
            <p class="topo-note" data-testid="topo-note" aria-live="polite">
                { shot.map(|s| note_text(&lang, world, &s.note)).unwrap_or_else(|| lang.t(key!("links.ctl.hint")).to_owned()) }
            </p>
            if let Some(f) = shot.and_then(|s| s.frame) {
                // One field per row, its name beside its value: narrow enough for a phone.
                <table class="frame-headers" data-testid="frame-headers" data-ttl={f.packet.ttl.to_string()}>
                    <tbody>
                        <tr><th scope="row">{ lang.t(key!("links.hdr.src_mac")) }</th><td class="mac" data-testid="hdr-src-mac">{ f.src.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t(key!("links.hdr.dst_mac")) }</th><td class="mac" data-testid="hdr-dst-mac">{ f.dst.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t(key!("links.hdr.src_ip")) }</th><td data-testid="hdr-src-ip">{ f.packet.src.to_string() }</td></tr>
                        <tr><th scope="row">{ lang.t(key!("links.hdr.dst_ip")) }</th><td data-testid="hdr-dst-ip">{ f.packet.dst.to_string() }</td></tr>
                        <tr><th scope="row">{ "TTL" }</th><td data-testid="hdr-ttl">{ f.packet.ttl }</td></tr>
                    </tbody>
                </table>
            }
            if let Some(Note::Decide { hop, .. }) = shot.map(|s| &s.note) {
                { decision(&lang, world, hop) }
            }
            if topo == Topo::Hub {
                <p class="counter" data-testid="hub-wasted" data-count={wasted.to_string()}>
                    { lang.tf(fill!("links.hub.wasted", n = &wasted.to_string())) }
                </p>
            }
            if topo == Topo::Switch {
                <h3>{ lang.t(key!("links.switch.table")) }</h3>
                <table class="mac-table" data-testid="mac-table" data-rows={table.len().to_string()}>
                    <thead><tr><th>{ lang.t(key!("links.switch.mac")) }</th><th>{ lang.t(key!("links.switch.port")) }</th><th>{ lang.t(key!("links.switch.age")) }</th></tr></thead>
                    <tbody>
                        { for table.iter().map(|e| html! {
                            <tr class="mac-row" data-mac={e.mac.to_string()} data-port={(e.port + 1).to_string()}>
                                <td class="mac">{ e.mac.to_string() }</td>
                                <td>{ e.port + 1 }</td>
                                <td>{ format!("{} s", world.clock.saturating_sub(e.seen)) }</td>
                            </tr>
                        }) }
                        if table.is_empty() {
                            <tr><td colspan="3" class="hint">{ lang.t(key!("links.switch.empty")) }</td></tr>
                        }
                    </tbody>
                </table>
                <button class="secondary" onclick={onwait} data-testid="switch-wait">{ lang.t(key!("links.switch.wait")) }</button>
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
fn decide_key(hop: &NextHop) -> crate::i18n::Key {
    match hop.delivery {
        Delivery::Direct => key!("links.note.decide_direct"),
        Delivery::ViaGateway if hop.gateway_off_link => key!("links.note.decide_gateway_off"),
        Delivery::ViaGateway => key!("links.note.decide_gateway"),
    }
}

/// The shot's story in the learner's language.
pub fn note_text(lang: &LangCtx, world: &World, note: &Note) -> String {
    match note {
        Note::Decide { from, hop } => lang.tf(decide_key(hop).fill(&[
            ("host", &name(world, *from)),
            ("ask", &hop.ask_for.to_string()),
        ])),
        Note::OnWire { from } => lang.tf(fill!("links.note.on_wire", host = &name(world, *from))),
        Note::HubRepeats { ports } => {
            lang.tf(fill!("links.note.hub_repeats", n = &ports.to_string()))
        }
        Note::SwitchLearns {
            mac,
            port,
            decision,
        } => {
            let learned = lang.tf(fill!(
                "links.note.learns",
                mac = &mac.to_string(),
                port = &(port + 1).to_string()
            ));
            let then = match decision {
                SwitchDecision::Forward(p) => {
                    lang.tf(fill!("links.note.forward", port = &(p + 1).to_string()))
                }
                SwitchDecision::Flood(ps) => lang.tf(fill!(
                    "links.note.flood",
                    ports = &ports(ps),
                    n = &ps.len().to_string()
                )),
                SwitchDecision::Filter => lang.t(key!("links.note.filter")).to_owned(),
            };
            format!("{learned} {then}")
        }
        Note::SwitchSends { ports: ps } => lang.tf(fill!(
            "links.note.switch_sends",
            ports = &ports(ps),
            n = &ps.len().to_string()
        )),
        Note::Delivered { accepted, dropped } => {
            let (hosts, n) = names(lang, world, accepted);
            let mut out = lang.tf(fill!("links.note.accepted", hosts = &hosts, n = &n));
            if !dropped.is_empty() {
                let (hosts, n) = names(lang, world, dropped);
                out.push(' ');
                out.push_str(&lang.tf(fill!("links.note.dropped", hosts = &hosts, n = &n)));
            }
            out
        }
        Note::RouterForwards { ttl_in, ttl_out } => lang.tf(fill!(
            "links.note.router",
            ttl_in = &ttl_in.to_string(),
            ttl_out = &ttl_out.to_string()
        )),
        Note::RouterDrops(why) => lang
            .t(match why {
                RouterDrop::NotForMe => key!("links.note.drop.not_for_me"),
                RouterDrop::TtlExpired => key!("links.note.drop.ttl"),
                RouterDrop::NoRoute => key!("links.note.drop.no_route"),
                RouterDrop::NoNeighbour => key!("links.note.drop.no_neighbour"),
            })
            .to_owned(),
        Note::ArpAsk { from, ip } => lang.tf(fill!(
            "links.note.arp_ask",
            host = &name(world, *from),
            ip = &ip.to_string()
        )),
        Note::ArpNoAnswer { ip } => lang.tf(fill!("links.note.arp_none", ip = &ip.to_string())),
        Note::GatewayOffLink { gateway } => {
            lang.tf(fill!("links.note.gw_off", gw = &gateway.to_string()))
        }
    }
}

/// The mask arithmetic behind "direct or via the gateway".
fn decision(lang: &LangCtx, world: &World, hop: &NextHop) -> Html {
    let _ = world;
    let verdict = match hop.delivery {
        Delivery::Direct => lang.t(key!("links.decide.same")),
        Delivery::ViaGateway => lang.t(key!("links.decide.other")),
    };
    html! {
        <div class="decision" data-testid="gateway-decision" data-delivery={format!("{:?}", hop.delivery)}>
            <pre class="mask-math">{ format!(
                "{:<15} AND {:<15} = {}\n{:<15} AND {:<15} = {}",
                lang.t(key!("links.decide.own")), hop.mask, hop.own_network,
                lang.t(key!("links.decide.dst")), hop.mask, hop.dst_network,
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

/// Where a port number sits beside its cable: above a cable that comes from above, below one
/// that comes from below, so the number never lands on the device's own box (the cable's
/// last quarter slopes into the box from that side).
fn port_dy(host_y: i32, device_y: i32) -> i32 {
    if host_y > device_y { 16 } else { -6 }
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
                    <text class="port-num" x={((x1 + 3 * x2) / 4).to_string()} y={((y1 + 3 * y2) / 4 + port_dy(y1, y2)).to_string()}>{ i + 1 }</text>
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
                    NodeKind::Hub => key!("links.pic.hub"),
                    NodeKind::Switch => key!("links.pic.switch"),
                    _ => key!("links.pic.router"),
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
            <svg class="picture topo" viewBox="0 0 560 280" role="img" aria-label={lang.t(key!("links.pic.alt"))}>
                { for links }
                { for nodes }
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

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
            key!("links.note.decide_gateway")
        );
        let off = hop([10, 0, 0, 1]);
        assert_eq!(decide_key(&off), key!("links.note.decide_gateway_off"));
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhCn] {
            let text = crate::i18n::tr(lang, decide_key(&off));
            assert!(!text.contains("ARP"), "{text}");
        }
    }
}
