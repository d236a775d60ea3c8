//! The lesson's four small networks and what happens, step by step, when a host sends: each
//! send is recorded as a list of [`Shot`]s (what is on which cable, what each device decided,
//! the switch's table at that moment), so the page can step forward and back through it.
//! Pure code on top of [`super::sim`]; no web crates.

use std::net::Ipv4Addr;

use netmath::Cidr;

use super::sim::{
    Frame, HostCfg, Hub, Iface, Mac, MacEntry, NextHop, Packet, Router, RouterDrop, Switch,
    SwitchDecision, cidr, next_hop,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topo {
    Cable,
    Hub,
    Switch,
    Router,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Host,
    Hub,
    Switch,
    Router,
}

/// One box of the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    pub name: &'static str,
    pub kind: NodeKind,
    pub x: i32,
    pub y: i32,
    pub mac: Option<Mac>,
    pub ip: Option<Cidr>,
}

/// What a node did in a shot (drawn as a colour, announced in the text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Sends,
    Accepts,
    Drops,
    Works,
    Fails,
}

/// What a shot tells (the page turns it into text in the learner's language).
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The sender's decision: same subnet or the gateway, with the AND arithmetic.
    Decide { from: usize, hop: NextHop },
    /// The frame travels on the cable(s).
    OnWire { from: usize },
    /// The hub repeats the frame out of every other port.
    HubRepeats { ports: usize },
    /// The switch learned (or refreshed) the sender's port, then decided.
    SwitchLearns {
        mac: Mac,
        port: usize,
        decision: SwitchDecision,
    },
    /// Frames out of the switch's port(s).
    SwitchSends { ports: Vec<usize> },
    /// Hosts that got a copy: who kept it, who threw it away.
    Delivered {
        accepted: Vec<usize>,
        dropped: Vec<usize>,
    },
    /// The router took the packet out of one frame and put it into a new one.
    RouterForwards { ttl_in: u8, ttl_out: u8 },
    /// The router would not forward.
    RouterDrops(RouterDrop),
    /// ARP: "who has this IP? tell me your MAC" (a broadcast on the sender's link).
    ArpAsk { from: usize, ip: Ipv4Addr },
    /// Nobody on the link has that IP: no answer, the packet cannot leave.
    ArpNoAnswer { ip: Ipv4Addr },
    /// The gateway is not in the host's own subnet: the OS refuses to use it.
    GatewayOffLink { gateway: Ipv4Addr },
}

/// One step of a send.
#[derive(Clone, Debug, PartialEq)]
pub struct Shot {
    pub note: Note,
    /// Links (indexes into `World::links`) carrying something in this step.
    pub lit: Vec<usize>,
    /// The frame on the wire (or being handled) in this step.
    pub frame: Option<Frame>,
    pub marks: Vec<(usize, Mark)>,
    /// The switch's MAC table as it is at this step.
    pub table: Vec<MacEntry>,
    /// Wasted deliveries so far (copies that reached a host they were not for).
    pub wasted: u32,
}

/// A destination the learner picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dst {
    Host(usize),
    Broadcast,
}

/// Seconds the clock moves per send, and how long a switch remembers a MAC.
pub const SEND_TICK: u64 = 10;
pub const MAX_AGE: u64 = 300;
pub const TTL: u8 = 64;

/// A network and the state that lasts between sends (switch table, waste counter, clock).
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    pub topo: Topo,
    pub nodes: Vec<Node>,
    /// Cables between nodes; for a hub or switch, port i is link i.
    pub links: Vec<(usize, usize)>,
    pub switch: Switch,
    pub wasted: u32,
    pub clock: u64,
    /// Host A's configuration in the router network (the misconfiguration step edits it).
    pub a_cfg: HostCfg,
}

fn host(name: &'static str, x: i32, y: i32, n: u8, ip: Cidr) -> Node {
    Node {
        name,
        kind: NodeKind::Host,
        x,
        y,
        mac: Some(Mac::host(n)),
        ip: Some(ip),
    }
}

pub const R_LEFT: Mac = Mac::host(0xa1);
pub const R_RIGHT: Mac = Mac::host(0xa2);

impl World {
    pub fn new(topo: Topo) -> World {
        let lan = |n: u8| cidr([192, 168, 1, 10 + n], 24);
        let (nodes, links) = match topo {
            Topo::Cable => (
                vec![
                    host("A", 40, 90, 0x0a, lan(0)),
                    host("B", 420, 90, 0x0b, lan(1)),
                ],
                vec![(0, 1)],
            ),
            Topo::Hub | Topo::Switch => {
                let (kind, name) = if topo == Topo::Hub {
                    (NodeKind::Hub, "Hub")
                } else {
                    (NodeKind::Switch, "Switch")
                };
                (
                    vec![
                        host("A", 40, 20, 0x0a, lan(0)),
                        host("B", 420, 20, 0x0b, lan(1)),
                        host("C", 40, 200, 0x0c, lan(2)),
                        host("D", 420, 200, 0x0d, lan(3)),
                        Node {
                            name,
                            kind,
                            x: 230,
                            y: 110,
                            mac: None,
                            ip: None,
                        },
                    ],
                    vec![(0, 4), (1, 4), (2, 4), (3, 4)],
                )
            }
            Topo::Router => (
                vec![
                    host("A", 20, 90, 0x0a, cidr([192, 168, 1, 10], 24)),
                    Node {
                        name: "R",
                        kind: NodeKind::Router,
                        x: 230,
                        y: 90,
                        mac: None,
                        ip: None,
                    },
                    host("B", 440, 90, 0x0b, cidr([192, 168, 2, 20], 24)),
                ],
                vec![(0, 1), (1, 2)],
            ),
        };
        World {
            topo,
            nodes,
            links,
            switch: Switch::new(4, MAX_AGE),
            wasted: 0,
            clock: 0,
            a_cfg: HostCfg {
                cidr: cidr([192, 168, 1, 10], 24),
                gateway: Ipv4Addr::new(192, 168, 1, 1),
            },
        }
    }

    /// The hosts a learner may pick.
    pub fn hosts(&self) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|i| self.nodes[*i].kind == NodeKind::Host)
            .collect()
    }

    pub fn router(&self) -> Router {
        Router {
            ifaces: vec![
                Iface {
                    mac: R_LEFT,
                    cidr: cidr([192, 168, 1, 1], 24),
                },
                Iface {
                    mac: R_RIGHT,
                    cidr: cidr([192, 168, 2, 1], 24),
                },
            ],
            arp: vec![
                (Ipv4Addr::new(192, 168, 1, 10), Mac::host(0x0a)),
                (Ipv4Addr::new(192, 168, 2, 20), Mac::host(0x0b)),
            ],
        }
    }

    /// Lets the clock run (switch entries age out).
    pub fn wait(&mut self, seconds: u64) {
        self.clock += seconds;
        self.switch.age(self.clock);
    }

    fn mac(&self, i: usize) -> Mac {
        self.nodes[i].mac.unwrap_or(Mac::BROADCAST)
    }

    fn ip(&self, i: usize) -> Ipv4Addr {
        self.nodes[i]
            .ip
            .map(|c| c.addr())
            .unwrap_or(Ipv4Addr::BROADCAST)
    }

    fn shot(
        &self,
        note: Note,
        lit: Vec<usize>,
        frame: Option<Frame>,
        marks: Vec<(usize, Mark)>,
    ) -> Shot {
        Shot {
            note,
            lit,
            frame,
            marks,
            table: self.switch.table.clone(),
            wasted: self.wasted,
        }
    }

    /// Sends one frame (or packet, in the router network) and records every step.
    pub fn send(&mut self, src: usize, dst: Dst) -> Vec<Shot> {
        self.clock += SEND_TICK;
        if self.topo == Topo::Router {
            return self.route(src);
        }
        let (dst_mac, dst_ip) = match dst {
            Dst::Host(d) => (self.mac(d), self.ip(d)),
            Dst::Broadcast => (Mac::BROADCAST, Ipv4Addr::new(192, 168, 1, 255)),
        };
        let frame = Frame {
            src: self.mac(src),
            dst: dst_mac,
            packet: Packet {
                src: self.ip(src),
                dst: dst_ip,
                ttl: TTL,
            },
        };
        let f = Some(frame);
        // The sender's own cable (link index of its port).
        let in_link = self.links.iter().position(|(a, _)| *a == src).unwrap_or(0);
        let mut shots = vec![self.shot(
            Note::OnWire { from: src },
            vec![in_link],
            f,
            vec![(src, Mark::Sends)],
        )];
        let out_links: Vec<usize> = match self.topo {
            Topo::Cable => vec![0],
            Topo::Hub => {
                let ports = Hub { ports: 4 }.repeat(in_link);
                shots.push(self.shot(
                    Note::HubRepeats { ports: ports.len() },
                    ports.clone(),
                    f,
                    vec![(4, Mark::Works)],
                ));
                ports
            }
            _ => {
                let decision = self.switch.receive(in_link, &frame, self.clock);
                shots.push(self.shot(
                    Note::SwitchLearns {
                        mac: frame.src,
                        port: in_link,
                        decision: decision.clone(),
                    },
                    vec![],
                    f,
                    vec![(4, Mark::Works)],
                ));
                let ports = match decision {
                    SwitchDecision::Forward(p) => vec![p],
                    SwitchDecision::Flood(ps) => ps,
                    SwitchDecision::Filter => vec![],
                };
                if !ports.is_empty() {
                    shots.push(self.shot(
                        Note::SwitchSends {
                            ports: ports.clone(),
                        },
                        ports.clone(),
                        f,
                        vec![(4, Mark::Works)],
                    ));
                }
                ports
            }
        };
        let receivers: Vec<usize> = out_links
            .iter()
            .map(|l| {
                let (a, b) = self.links[*l];
                if a == src || self.nodes[a].kind != NodeKind::Host {
                    b
                } else {
                    a
                }
            })
            .filter(|n| *n != src)
            .collect();
        let (accepted, dropped): (Vec<usize>, Vec<usize>) = receivers
            .iter()
            .partition(|n| dst_mac.is_broadcast() || self.mac(**n) == dst_mac);
        self.wasted += u32::try_from(dropped.len()).unwrap_or(0);
        let marks = accepted
            .iter()
            .map(|n| (*n, Mark::Accepts))
            .chain(dropped.iter().map(|n| (*n, Mark::Drops)))
            .collect();
        shots.push(self.shot(Note::Delivered { accepted, dropped }, vec![], f, marks));
        shots
    }

    /// A -> B (or B -> A) across the router, with A's configuration as set.
    fn route(&mut self, src: usize) -> Vec<Shot> {
        let (dst, cfg, link_in, link_out, iface_in) = if src == 0 {
            (2, self.a_cfg, 0, 1, 0)
        } else {
            let b = HostCfg {
                cidr: cidr([192, 168, 2, 20], 24),
                gateway: Ipv4Addr::new(192, 168, 2, 1),
            };
            (0, b, 1, 0, 1)
        };
        let router = self.router();
        let src_ip = cfg.cidr.addr();
        let dst_ip = self.ip(dst);
        let hop = next_hop(cfg, dst_ip);
        let mut shots = vec![self.shot(
            Note::Decide { from: src, hop },
            vec![],
            None,
            vec![(src, Mark::Sends)],
        )];
        if hop.gateway_off_link {
            shots.push(self.shot(
                Note::GatewayOffLink {
                    gateway: cfg.gateway,
                },
                vec![],
                None,
                vec![(src, Mark::Fails)],
            ));
            return shots;
        }
        let gw_iface = router.ifaces[iface_in];
        let answers = hop.ask_for == gw_iface.cidr.addr();
        if !answers {
            // Wrong mask (asks for the far host itself) or wrong gateway: nobody answers ARP.
            shots.push(self.shot(
                Note::ArpAsk {
                    from: src,
                    ip: hop.ask_for,
                },
                vec![link_in],
                None,
                vec![(src, Mark::Sends)],
            ));
            shots.push(self.shot(
                Note::ArpNoAnswer { ip: hop.ask_for },
                vec![],
                None,
                vec![(src, Mark::Fails), (1, Mark::Drops)],
            ));
            return shots;
        }
        let first = Frame {
            src: self.mac(src),
            dst: gw_iface.mac,
            packet: Packet {
                src: src_ip,
                dst: dst_ip,
                ttl: TTL,
            },
        };
        shots.push(self.shot(
            Note::OnWire { from: src },
            vec![link_in],
            Some(first),
            vec![(src, Mark::Sends)],
        ));
        match router.forward(iface_in, &first) {
            Ok((_, second)) => {
                shots.push(self.shot(
                    Note::RouterForwards {
                        ttl_in: first.packet.ttl,
                        ttl_out: second.packet.ttl,
                    },
                    vec![],
                    Some(second),
                    vec![(1, Mark::Works)],
                ));
                shots.push(self.shot(
                    Note::OnWire { from: 1 },
                    vec![link_out],
                    Some(second),
                    vec![(1, Mark::Sends)],
                ));
                shots.push(self.shot(
                    Note::Delivered {
                        accepted: vec![dst],
                        dropped: vec![],
                    },
                    vec![],
                    Some(second),
                    vec![(dst, Mark::Accepts)],
                ));
            }
            Err(why) => shots.push(self.shot(
                Note::RouterDrops(why),
                vec![],
                Some(first),
                vec![(1, Mark::Fails)],
            )),
        }
        shots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_counts_wasted_copies() {
        let mut w = World::new(Topo::Hub);
        let shots = w.send(0, Dst::Host(2));
        assert_eq!(shots.len(), 3);
        assert_eq!(shots[1].lit, vec![1, 2, 3]);
        assert_eq!(
            shots[2].note,
            Note::Delivered {
                accepted: vec![2],
                dropped: vec![1, 3]
            }
        );
        assert_eq!(w.wasted, 2);
        w.send(1, Dst::Broadcast);
        assert_eq!(w.wasted, 2, "a broadcast is for everyone");
    }

    #[test]
    fn switch_table_fills_step_by_step() {
        let mut w = World::new(Topo::Switch);
        let shots = w.send(0, Dst::Host(2));
        assert!(
            shots[0].table.is_empty(),
            "nothing learned before the switch sees it"
        );
        assert_eq!(shots[1].table.len(), 1);
        assert_eq!(shots[2].lit, vec![1, 2, 3], "C unknown: flooded");
        let shots = w.send(2, Dst::Host(0));
        assert_eq!(shots[2].lit, vec![0], "A known: one port");
        assert_eq!(shots.last().unwrap().table.len(), 2);
        assert_eq!(w.wasted, 2);
        w.wait(MAX_AGE);
        assert!(w.switch.table.is_empty());
    }

    #[test]
    fn router_path_and_misconfigurations() {
        let mut w = World::new(Topo::Router);
        let shots = w.send(0, Dst::Host(2));
        assert_eq!(shots.len(), 5);
        let (f1, f2) = (shots[1].frame.unwrap(), shots[3].frame.unwrap());
        assert_eq!(f1.packet.src, f2.packet.src);
        assert_eq!(f1.packet.dst, f2.packet.dst);
        assert_ne!(f1.src, f2.src);
        assert_eq!((f1.packet.ttl, f2.packet.ttl), (64, 63));
        let back = w.send(2, Dst::Host(0));
        assert_eq!(back.len(), 5);

        w.a_cfg.cidr = cidr([192, 168, 1, 10], 16);
        let shots = w.send(0, Dst::Host(2));
        assert!(
            matches!(shots[1].note, Note::ArpAsk { ip, .. } if ip == Ipv4Addr::new(192, 168, 2, 20))
        );
        assert!(matches!(shots[2].note, Note::ArpNoAnswer { .. }));

        w.a_cfg.cidr = cidr([192, 168, 1, 10], 24);
        w.a_cfg.gateway = Ipv4Addr::new(192, 168, 1, 254);
        let shots = w.send(0, Dst::Host(2));
        assert!(
            matches!(shots[2].note, Note::ArpNoAnswer { ip } if ip == Ipv4Addr::new(192, 168, 1, 254))
        );

        w.a_cfg.gateway = Ipv4Addr::new(10, 0, 0, 1);
        let shots = w.send(0, Dst::Host(2));
        assert!(matches!(shots[1].note, Note::GatewayOffLink { .. }));
    }
}
