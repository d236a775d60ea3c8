//! The state of one stepped network (`topo.rs` draws it): the simulated world, the snapshots
//! of the last send and which one is shown, auto-play and its speed, who sends to whom, and
//! host A's configuration as typed. One reducer with verb actions, pure, tested natively.

use std::rc::Rc;

use netmath::{Cidr, parse_addr, parse_prefix_or_mask};
use yew::prelude::*;

use super::scenario::{Dst, MAX_AGE, Shot, Topo, World};
use super::sim::HostCfg;

/// Milliseconds between two snapshots when playing, at first.
pub const DEFAULT_SPEED_MS: u32 = 900;

#[derive(Clone, Debug, PartialEq)]
pub struct Player {
    pub topo: Topo,
    pub world: World,
    /// What happened at each hop of the last send.
    pub shots: Vec<Shot>,
    /// The snapshot shown.
    pub pos: usize,
    pub playing: bool,
    pub speed_ms: u32,
    pub src: usize,
    pub dst: Dst,
    /// Host A's address with its mask, and its gateway, as typed (the gateway step).
    pub a_ip: String,
    pub a_gw: String,
    /// Every send and wait since the last reset, so the URL can rebuild this very world.
    pub history: Vec<Entry>,
}

/// One thing that changed the world: a send (who to whom) or a wait (entries age out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Send(usize, Dst),
    Wait,
}

/// The history as URL text: `0-3.2-b.w` = host 0 to host 3, host 2 broadcast, wait.
pub fn encode_history(history: &[Entry]) -> String {
    history
        .iter()
        .map(|e| match e {
            Entry::Send(src, Dst::Host(d)) => format!("{src}-{d}"),
            Entry::Send(src, Dst::Broadcast) => format!("{src}-b"),
            Entry::Wait => "w".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The history a URL holds; pieces that do not read (or name no host of `topo`) are skipped.
pub fn decode_history(topo: Topo, text: &str) -> Vec<Entry> {
    let hosts = World::new(topo).hosts();
    text.split('.')
        .filter_map(|piece| {
            if piece == "w" {
                return Some(Entry::Wait);
            }
            let (s, d) = piece.split_once('-')?;
            let src: usize = s.parse().ok().filter(|s| hosts.contains(s))?;
            let dst = match d {
                "b" => Dst::Broadcast,
                _ => Dst::Host(d.parse().ok().filter(|d| hosts.contains(d) && *d != src)?),
            };
            Some(Entry::Send(src, dst))
        })
        .collect()
}

/// What the learner (and the play timer) do, as verbs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Send from `src` to `dst`, with A's typed configuration when `use_cfg` and it is valid.
    Send {
        use_cfg: bool,
    },
    /// Move `delta` snapshots back or forward (pauses).
    Step(isize),
    /// One snapshot on (the play timer).
    Advance,
    TogglePlay,
    Pause,
    SetSpeed(u32),
    /// Let the switch's table age out.
    Wait,
    Reset,
    PickSrc(usize),
    PickDst(Dst),
    EditIp(String),
    EditGw(String),
    /// Fill A's configuration with a prepared address and gateway.
    Preset {
        ip: &'static str,
        gw: &'static str,
    },
}

impl Player {
    pub fn new(topo: Topo) -> Player {
        let world = World::new(topo);
        let hosts = world.hosts();
        Player {
            topo,
            src: hosts[0],
            dst: Dst::Host(*hosts.last().unwrap_or(&0)),
            world,
            shots: Vec::new(),
            pos: 0,
            playing: false,
            speed_ms: DEFAULT_SPEED_MS,
            a_ip: "192.168.1.10/24".to_owned(),
            a_gw: "192.168.1.1".to_owned(),
            history: Vec::new(),
        }
    }

    /// The player a shared URL describes: A's configuration as typed there, every send and
    /// wait replayed in order (the simulation is deterministic, so this is the same world,
    /// switch table and waste counter included), the last send's snapshot `pos` shown, paused.
    pub fn restore(
        topo: Topo,
        history: &[Entry],
        pos: usize,
        a_ip: Option<String>,
        a_gw: Option<String>,
    ) -> Player {
        let mut p = Player::new(topo);
        if let Some(ip) = a_ip {
            p.a_ip = ip;
        }
        if let Some(gw) = a_gw {
            p.a_gw = gw;
        }
        if let Ok(cfg) = p.a_cfg() {
            p.world.a_cfg = cfg;
        }
        for e in history {
            match *e {
                Entry::Send(src, dst) => {
                    p.src = src;
                    p.dst = dst;
                    p.shots = p.world.send(src, dst);
                }
                Entry::Wait => {
                    p.world.wait(MAX_AGE);
                    p.shots.clear();
                }
            }
        }
        p.history = history.to_vec();
        p.pos = pos.min(p.shots.len().saturating_sub(1));
        p
    }

    /// A's configuration from the inputs, or the text key saying what is wrong.
    pub fn a_cfg(&self) -> Result<HostCfg, crate::i18n::Key> {
        let addr_mask = self
            .a_ip
            .split_once('/')
            .map(|(a, m)| (parse_addr(a.trim()), parse_prefix_or_mask(m.trim())));
        match (addr_mask, parse_addr(self.a_gw.trim())) {
            (Some((Ok(a), Ok(p))), Ok(gateway)) => Ok(HostCfg {
                cidr: Cidr::new(a, p),
                gateway,
            }),
            (Some(_) | None, Ok(_)) => Err(key!("links.cfg.bad_ip")),
            (_, Err(_)) => Err(key!("links.cfg.bad_gw")),
        }
    }

    /// Why Send cannot go now, as a text key, shown beside the button it disables: a host
    /// sending to itself puts nothing on the network, and (where A's configuration is typed)
    /// an unreadable configuration has nothing to send with.
    pub fn send_blocked(&self, editable: bool) -> Option<crate::i18n::Key> {
        if self.dst == Dst::Host(self.src) {
            return Some(key!("links.ctl.same_host"));
        }
        if editable {
            return self.a_cfg().err();
        }
        None
    }

    /// The snapshot shown, if any.
    pub fn shot(&self) -> Option<&Shot> {
        self.shots.get(self.pos)
    }
}

impl Reducible for Player {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Send { use_cfg } => {
                if s.dst == Dst::Host(s.src) {
                    return self;
                }
                if use_cfg && let Ok(cfg) = s.a_cfg() {
                    s.world.a_cfg = cfg;
                }
                s.shots = s.world.send(s.src, s.dst);
                s.history.push(Entry::Send(s.src, s.dst));
                s.pos = 0;
                s.playing = true;
            }
            Action::Step(delta) => {
                s.playing = false;
                let last = s.shots.len().saturating_sub(1) as isize;
                s.pos = (s.pos as isize + delta).clamp(0, last) as usize;
            }
            Action::Advance => {
                if s.pos + 1 >= s.shots.len() {
                    return self;
                }
                s.pos += 1;
            }
            Action::TogglePlay => s.playing = !s.playing,
            Action::Pause => s.playing = false,
            Action::SetSpeed(ms) => s.speed_ms = ms,
            Action::Wait => {
                s.world.wait(MAX_AGE);
                s.history.push(Entry::Wait);
                s.shots.clear();
                s.pos = 0;
            }
            Action::Reset => {
                s.world = World::new(s.topo);
                s.history.clear();
                s.shots.clear();
                s.pos = 0;
            }
            Action::PickSrc(h) => s.src = h,
            Action::PickDst(d) => s.dst = d,
            Action::EditIp(text) => s.a_ip = text,
            Action::EditGw(text) => s.a_gw = text,
            Action::Preset { ip, gw } => {
                s.a_ip = ip.to_owned();
                s.a_gw = gw.to_owned();
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;
    use crate::lab::replay;

    #[test]
    fn a_send_plays_from_the_first_snapshot_and_stepping_stays_in_range() {
        let p = replay(
            Player::new(Topo::Hub),
            vec![Action::Send { use_cfg: false }],
        );
        assert!(p.playing);
        assert_eq!(p.pos, 0);
        let len = p.shots.len();
        assert!(len > 1, "{len}");
        let p = replay(p, vec![Action::Step(-3)]);
        assert_eq!((p.pos, p.playing), (0, false));
        let p = replay(p, vec![Action::Step(100)]);
        assert_eq!(p.pos, len - 1);
        let p = replay(p, vec![Action::Advance]);
        assert_eq!(p.pos, len - 1);
        let p = replay(p, vec![Action::Reset]);
        assert_eq!((p.pos, p.shots.len()), (0, 0));
    }

    #[test]
    fn a_history_survives_the_url_and_rebuilds_the_same_world() {
        let p = replay(
            Player::new(Topo::Switch),
            vec![
                Action::PickSrc(0),
                Action::PickDst(Dst::Host(2)),
                Action::Send { use_cfg: false },
                Action::PickSrc(2),
                Action::PickDst(Dst::Host(0)),
                Action::Send { use_cfg: false },
                Action::Step(2),
                Action::Wait,
                Action::PickDst(Dst::Broadcast),
                Action::Send { use_cfg: false },
                Action::Step(1),
            ],
        );
        let text = encode_history(&p.history);
        assert_eq!(text, "0-2.2-0.w.2-b");
        let back = Player::restore(
            Topo::Switch,
            &decode_history(Topo::Switch, &text),
            p.pos,
            None,
            None,
        );
        assert_eq!(back.world, p.world);
        assert_eq!(back.shots, p.shots);
        assert_eq!((back.pos, back.playing), (1, false));
        // A reset forgets the history.
        assert!(replay(p, vec![Action::Reset]).history.is_empty());
    }

    #[test]
    fn unreadable_url_history_is_skipped_and_positions_are_held_in_range() {
        assert_eq!(
            decode_history(Topo::Switch, "0-2.9-1.1-1.x.1-b.w"),
            vec![
                Entry::Send(0, Dst::Host(2)),
                Entry::Send(1, Dst::Broadcast),
                Entry::Wait
            ]
        );
        // The router network has hosts 0 and 2 only (1 is the router).
        assert_eq!(
            decode_history(Topo::Router, "0-1.0-2"),
            vec![Entry::Send(0, Dst::Host(2))]
        );
        let p = Player::restore(Topo::Hub, &[Entry::Send(0, Dst::Host(1))], 99, None, None);
        assert_eq!(p.pos, p.shots.len() - 1);
        let typed = Player::restore(
            Topo::Router,
            &[Entry::Send(0, Dst::Host(2))],
            0,
            Some("192.168.1.10/16".into()),
            None,
        );
        assert_eq!(typed.a_ip, "192.168.1.10/16");
        assert_eq!(typed.world.a_cfg.cidr.prefix().len(), 16);
    }

    #[test]
    fn sending_to_oneself_does_nothing() {
        let p = Player::new(Topo::Switch);
        let me = p.src;
        let p = replay(
            p,
            vec![
                Action::PickDst(Dst::Host(me)),
                Action::Send { use_cfg: false },
            ],
        );
        assert!(p.shots.is_empty());
        assert!(!p.playing);
        // And the page says why instead of doing nothing in silence.
        assert_eq!(p.send_blocked(false), Some(key!("links.ctl.same_host")));
        let other = replay(p, vec![Action::PickDst(Dst::Broadcast)]);
        assert_eq!(other.send_blocked(false), None);
        let bad = replay(other, vec![Action::EditIp("192.168.1.300/24".into())]);
        assert_eq!(bad.send_blocked(true), Some(key!("links.cfg.bad_ip")));
        assert_eq!(bad.send_blocked(false), None);
    }

    #[test]
    fn a_typed_configuration_is_checked_before_it_is_used() {
        let p = Player::new(Topo::Router);
        assert_eq!(
            p.a_cfg(),
            Ok(HostCfg {
                cidr: Cidr::new(
                    Ipv4Addr::new(192, 168, 1, 10),
                    parse_prefix_or_mask("24").unwrap(),
                ),
                gateway: Ipv4Addr::new(192, 168, 1, 1),
            })
        );
        let bad_ip = replay(p.clone(), vec![Action::EditIp("192.168.1.10".into())]);
        assert_eq!(bad_ip.a_cfg(), Err(key!("links.cfg.bad_ip")));
        let bad_gw = replay(p.clone(), vec![Action::EditGw("gateway".into())]);
        assert_eq!(bad_gw.a_cfg(), Err(key!("links.cfg.bad_gw")));
        let preset = replay(
            p,
            vec![Action::Preset {
                ip: "10.0.0.5/8",
                gw: "10.0.0.1",
            }],
        );
        assert_eq!(
            preset.a_cfg().map(|c| c.gateway),
            Ok(Ipv4Addr::new(10, 0, 0, 1))
        );
    }
}
