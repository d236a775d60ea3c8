//! The switch step's level (as levels are in Learn Git Branching): "every host receives a frame
//! addressed to it, and the switch never floods". The switch starts knowing A and C only. The
//! rule is `netsim::links::goal`; the frames go through the same `World` the picture uses.

use yew::prelude::*;

use super::scenario::{Dst, Note, Topo, World};
use super::sim::SwitchDecision;
use super::sim::goal::{KNOWN_AT_START, NoFlood, Standing};
use crate::i18n::use_lang;

/// The switch network as the level starts: A and C have already spoken.
pub fn level_world() -> World {
    let mut w = World::new(Topo::Switch);
    for port in KNOWN_AT_START {
        w.switch.table.push(super::sim::MacEntry {
            mac: w.nodes[port].mac.unwrap_or(super::sim::Mac::BROADCAST),
            port,
            seen: 0,
        });
    }
    w
}

/// What one send did, for the level's log and its rule.
pub fn decision_of(shots: &[super::scenario::Shot]) -> Option<SwitchDecision> {
    shots.iter().find_map(|s| match &s.note {
        Note::SwitchLearns { decision, .. } => Some(decision.clone()),
        _ => None,
    })
}

#[derive(Clone, PartialEq)]
struct Level {
    world: World,
    goal: NoFlood,
    /// The log: one line per frame sent.
    lines: Vec<String>,
}

impl Level {
    fn new() -> Level {
        Level {
            world: level_world(),
            goal: NoFlood::new(4),
            lines: Vec::new(),
        }
    }
}

fn host_index(value: &str) -> Option<usize> {
    value.parse().ok().filter(|i| *i < 4)
}

#[function_component]
pub fn SwitchLevel() -> Html {
    let lang = use_lang();
    let level = use_state(Level::new);
    let from = use_state(|| 0usize);
    let to = use_state(|| "1".to_owned());
    let names: Vec<&'static str> = level.world.nodes.iter().take(4).map(|n| n.name).collect();
    let standing = level.goal.standing();
    let playing = matches!(standing, Standing::Playing { .. });
    let onsend = {
        let (level, from, to, lang, names) = (
            level.clone(),
            from.clone(),
            to.clone(),
            lang.clone(),
            names.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let src = *from;
            let dst = host_index(&to);
            let mut next = (*level).clone();
            if dst == Some(src) {
                next.lines
                    .push(lang.t(key!("links.goal.sent.same")).to_owned());
                level.set(next);
                return;
            }
            let shots = next.world.send(src, dst.map_or(Dst::Broadcast, Dst::Host));
            let Some(decision) = decision_of(&shots) else {
                return;
            };
            next.goal.record(dst, &decision);
            let from_name = names[src];
            let line = match (dst, &decision) {
                (None, _) => lang.tf(fill!("links.goal.sent.flood_broadcast", from = from_name)),
                (Some(d), SwitchDecision::Flood(_)) => lang.tf(fill!(
                    "links.goal.sent.flood",
                    from = from_name,
                    to = names[d]
                )),
                (Some(d), _) => lang.tf(fill!(
                    "links.goal.sent.forward",
                    from = from_name,
                    to = names[d]
                )),
            };
            next.lines.push(line);
            level.set(next);
        })
    };
    let onrestart = {
        let level = level.clone();
        Callback::from(move |_: MouseEvent| level.set(Level::new()))
    };
    let onfrom = {
        let from = from.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = host_index(
                &e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ) {
                from.set(i);
            }
        })
    };
    let onto = {
        let to = to.clone();
        Callback::from(move |e: Event| {
            to.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let known: Vec<String> = level
        .world
        .switch
        .table
        .iter()
        .filter_map(|e| {
            level
                .world
                .nodes
                .iter()
                .position(|n| n.mac == Some(e.mac))
                .map(|i| names[i].to_owned())
        })
        .collect();
    let options = |selected: &str| {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| html! { <option value={i.to_string()} selected={selected == i.to_string()}>{ *n }</option> })
            .collect::<Html>()
    };
    let (status_class, status) = match standing {
        Standing::Won => ("verdict ok", lang.t(key!("links.goal.won")).to_owned()),
        Standing::Lost => ("verdict bad", lang.t(key!("links.goal.lost")).to_owned()),
        Standing::Playing { reached, of } => (
            "hint",
            lang.tf(fill!(
                "links.goal.progress",
                reached = &reached.to_string(),
                of = &of.to_string()
            )),
        ),
    };
    let result = match standing {
        Standing::Won => "won",
        Standing::Lost => "lost",
        Standing::Playing { .. } => "playing",
    };
    html! {
        <fieldset class="quiz switch-level" data-testid="switch-level" data-result={result}>
            <legend>{ lang.t(key!("links.goal.title")) }</legend>
            <p>{ lang.t(key!("links.goal.intro")) }</p>
            <p data-testid="switch-level-known">{ lang.tf(fill!("links.goal.known", hosts = &lang.list(&known))) }</p>
            <div class="row">
                <label>{ lang.t(key!("links.goal.from")) }
                    <select onchange={onfrom} data-testid="switch-level-from">{ options(&from.to_string()) }</select>
                </label>
                <label>{ lang.t(key!("links.goal.to")) }
                    <select onchange={onto} data-testid="switch-level-to">
                        { options(&to) }
                        <option value="all" selected={*to == "all"}>{ lang.t(key!("links.goal.broadcast")) }</option>
                    </select>
                </label>
                <button class="primary" onclick={onsend} disabled={!playing} data-testid="switch-level-send">{ lang.t(key!("links.goal.send")) }</button>
                <button class="secondary" onclick={onrestart} data-testid="switch-level-restart">{ lang.t(key!("links.goal.restart")) }</button>
            </div>
            <ol class="switch-level-log" data-testid="switch-level-log">
                { for level.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
            </ol>
            <p class={status_class} role="status" data-testid="switch-level-status">{ status }</p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_world_knows_a_and_c_only() {
        let w = level_world();
        let known: Vec<usize> = w.switch.table.iter().map(|e| e.port).collect();
        assert_eq!(known, vec![0, 2]);
        assert_eq!(w.nodes[0].name, "A");
        assert_eq!(w.nodes[2].name, "C");
    }

    #[test]
    fn the_winning_order_wins_through_the_real_world() {
        let mut w = level_world();
        let mut goal = NoFlood::new(4);
        for (src, dst) in [(1, 0), (3, 2), (0, 1), (2, 3)] {
            let d = decision_of(&w.send(src, Dst::Host(dst))).unwrap();
            goal.record(Some(dst), &d);
        }
        assert_eq!(goal.standing(), Standing::Won);
        // The same world, a frame to B first: a flood.
        let mut w = level_world();
        let d = decision_of(&w.send(0, Dst::Host(1))).unwrap();
        assert!(matches!(d, SwitchDecision::Flood(_)));
    }
}
