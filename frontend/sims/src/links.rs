//! The topology simulation behind the lesson's pictures: a hub, a learning switch and a router
//! forwarding frames, and the host's "direct or via the gateway?" decision. Pure code (no web
//! crates): the page replays the steps it records, and native unit tests check the rules.

use std::fmt;
use std::net::Ipv4Addr;

use netmath::reach::{Delivery, reach};
use netmath::{Cidr, Prefix};

pub mod goal;

/// A network card's hardware address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mac(pub [u8; 6]);

impl Mac {
    pub const BROADCAST: Mac = Mac([0xff; 6]);

    /// A short, readable address for host number `n` (`02:00:00:00:00:0n`; 02 = locally made).
    pub const fn host(n: u8) -> Mac {
        Mac([0x02, 0, 0, 0, 0, n])
    }

    pub fn is_broadcast(self) -> bool {
        self == Mac::BROADCAST
    }
}

impl fmt::Display for Mac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        write!(
            f,
            "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            b[0], b[1], b[2], b[3], b[4], b[5]
        )
    }
}

/// The IP header fields the lesson follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packet {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub ttl: u8,
}

/// An Ethernet frame: two MAC addresses around a packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub src: Mac,
    pub dst: Mac,
    pub packet: Packet,
}

/// Port numbers count from 0.
pub type Port = usize;

/// A hub: one electrical repeater. Every frame goes out of every other port, whoever it is for.
#[derive(Clone, Debug, PartialEq)]
pub struct Hub {
    pub ports: usize,
}

impl Hub {
    /// The ports the frame is repeated to.
    pub fn repeat(&self, in_port: Port) -> Vec<Port> {
        (0..self.ports).filter(|p| *p != in_port).collect()
    }
}

/// One learned row of a switch's MAC address table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MacEntry {
    pub mac: Mac,
    pub port: Port,
    /// When the switch last saw this MAC as a sender (seconds on the simulation's clock).
    pub seen: u64,
}

/// What a switch did with one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SwitchDecision {
    /// Known destination on another port: out of that port only.
    Forward(Port),
    /// Broadcast or unknown destination: out of every other port.
    Flood(Vec<Port>),
    /// The destination lives on the port the frame came in on: nothing to send.
    Filter,
}

/// A learning switch with ageing.
#[derive(Clone, Debug, PartialEq)]
pub struct Switch {
    pub ports: usize,
    /// Entries not refreshed for this long are forgotten (300 s on most switches).
    pub max_age: u64,
    pub table: Vec<MacEntry>,
}

impl Switch {
    pub fn new(ports: usize, max_age: u64) -> Switch {
        Switch {
            ports,
            max_age,
            table: Vec::new(),
        }
    }

    pub fn lookup(&self, mac: Mac) -> Option<Port> {
        self.table.iter().find(|e| e.mac == mac).map(|e| e.port)
    }

    /// Forgets entries older than `max_age` at time `now`.
    pub fn age(&mut self, now: u64) {
        let max = self.max_age;
        self.table.retain(|e| now.saturating_sub(e.seen) < max);
    }

    /// Learns the sender's port, then decides where the frame goes.
    pub fn receive(&mut self, in_port: Port, frame: &Frame, now: u64) -> SwitchDecision {
        self.age(now);
        match self.table.iter_mut().find(|e| e.mac == frame.src) {
            Some(e) => {
                e.port = in_port;
                e.seen = now;
            }
            None => self.table.push(MacEntry {
                mac: frame.src,
                port: in_port,
                seen: now,
            }),
        }
        if frame.dst.is_broadcast() {
            return SwitchDecision::Flood(self.others(in_port));
        }
        match self.lookup(frame.dst) {
            Some(p) if p == in_port => SwitchDecision::Filter,
            Some(p) => SwitchDecision::Forward(p),
            None => SwitchDecision::Flood(self.others(in_port)),
        }
    }

    fn others(&self, in_port: Port) -> Vec<Port> {
        (0..self.ports).filter(|p| *p != in_port).collect()
    }
}

/// One router interface: its MAC, its address and the subnet it sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iface {
    pub mac: Mac,
    pub cidr: Cidr,
}

/// Why a router did not forward a packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouterDrop {
    /// The frame was not addressed to this router's MAC.
    NotForMe,
    /// TTL would reach 0: the router drops it (and would send ICMP "time exceeded").
    TtlExpired,
    /// No interface's subnet holds the destination (and no other route).
    NoRoute,
    /// The next hop's MAC is unknown (nobody answered ARP).
    NoNeighbour,
}

/// A router with directly connected subnets and an ARP table of its neighbours.
#[derive(Clone, Debug, PartialEq)]
pub struct Router {
    pub ifaces: Vec<Iface>,
    pub arp: Vec<(Ipv4Addr, Mac)>,
}

impl Router {
    /// Forwards one frame that arrived on interface `in_iface`: the packet inside keeps its
    /// IP addresses, its TTL goes down by one, and it leaves in a NEW frame whose MAC addresses
    /// belong to the next link (our outgoing interface -> the next hop).
    pub fn forward(&self, in_iface: usize, frame: &Frame) -> Result<(usize, Frame), RouterDrop> {
        if frame.dst != self.ifaces[in_iface].mac {
            return Err(RouterDrop::NotForMe);
        }
        if frame.packet.ttl <= 1 {
            return Err(RouterDrop::TtlExpired);
        }
        let out = self
            .ifaces
            .iter()
            .position(|i| on_link(i.cidr, frame.packet.dst))
            .ok_or(RouterDrop::NoRoute)?;
        let next_mac = self
            .arp
            .iter()
            .find(|(ip, _)| *ip == frame.packet.dst)
            .map(|(_, mac)| *mac)
            .ok_or(RouterDrop::NoNeighbour)?;
        Ok((
            out,
            Frame {
                src: self.ifaces[out].mac,
                dst: next_mac,
                packet: Packet {
                    ttl: frame.packet.ttl - 1,
                    ..frame.packet
                },
            },
        ))
    }
}

/// Whether `dst` is in the same subnet as `own` (own mask applied to both: `netmath::reach`).
pub fn on_link(own: Cidr, dst: Ipv4Addr) -> bool {
    reach(own, Cidr::new(dst, own.prefix())).from_a.delivery == Delivery::Direct
}

/// A host's configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostCfg {
    pub cidr: Cidr,
    pub gateway: Ipv4Addr,
}

/// The host's decision for one destination, with the arithmetic that led to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextHop {
    /// own address AND own mask.
    pub own_network: Ipv4Addr,
    /// destination AND own mask.
    pub dst_network: Ipv4Addr,
    pub mask: Ipv4Addr,
    pub delivery: Delivery,
    /// The address whose MAC the host asks for (ARP): the destination, or the gateway.
    pub ask_for: Ipv4Addr,
    /// The gateway is not in the host's own subnet: it cannot be reached at all.
    pub gateway_off_link: bool,
}

pub fn next_hop(host: HostCfg, dst: Ipv4Addr) -> NextHop {
    let r = reach(host.cidr, Cidr::new(dst, host.cidr.prefix()));
    let delivery = r.from_a.delivery;
    NextHop {
        own_network: r.from_a.own_network,
        dst_network: r.from_a.other_network,
        mask: host.cidr.prefix().mask(),
        delivery,
        ask_for: match delivery {
            Delivery::Direct => dst,
            Delivery::ViaGateway => host.gateway,
        },
        gateway_off_link: delivery == Delivery::ViaGateway && !on_link(host.cidr, host.gateway),
    }
}

/// Shorthand for tests and the lesson's fixed networks.
pub fn cidr(addr: [u8; 4], prefix: u8) -> Cidr {
    Cidr::new(
        Ipv4Addr::from(addr),
        Prefix::new(prefix).expect("a prefix of at most 32"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(src: u8, dst: Mac) -> Frame {
        Frame {
            src: Mac::host(src),
            dst,
            packet: Packet {
                src: Ipv4Addr::new(192, 168, 1, src),
                dst: Ipv4Addr::new(192, 168, 1, 99),
                ttl: 64,
            },
        }
    }

    #[test]
    fn mac_text() {
        assert_eq!(Mac::host(3).to_string(), "02:00:00:00:00:03");
        assert_eq!(Mac::BROADCAST.to_string(), "ff:ff:ff:ff:ff:ff");
    }

    #[test]
    fn hub_repeats_to_every_other_port() {
        let hub = Hub { ports: 4 };
        assert_eq!(hub.repeat(0), vec![1, 2, 3]);
        assert_eq!(hub.repeat(2), vec![0, 1, 3]);
    }

    #[test]
    fn switch_learns_floods_unknown_then_forwards() {
        let mut sw = Switch::new(4, 300);
        // A (port 0) -> C: C unknown, flood; A learned.
        let d = sw.receive(0, &frame(1, Mac::host(3)), 0);
        assert_eq!(d, SwitchDecision::Flood(vec![1, 2, 3]));
        assert_eq!(sw.lookup(Mac::host(1)), Some(0));
        // C (port 2) -> A: A known, one port; C learned.
        let d = sw.receive(2, &frame(3, Mac::host(1)), 1);
        assert_eq!(d, SwitchDecision::Forward(0));
        assert_eq!(sw.table.len(), 2);
        // A -> C again: known now.
        assert_eq!(
            sw.receive(0, &frame(1, Mac::host(3)), 2),
            SwitchDecision::Forward(2)
        );
        // Broadcast always floods, even with a full table.
        assert_eq!(
            sw.receive(1, &frame(2, Mac::BROADCAST), 3),
            SwitchDecision::Flood(vec![0, 2, 3])
        );
        assert_eq!(sw.table.len(), 3);
        // Same port as the destination: filtered.
        assert_eq!(
            sw.receive(0, &frame(1, Mac::host(1)), 4),
            SwitchDecision::Filter
        );
    }

    #[test]
    fn switch_entries_age_out_and_move() {
        let mut sw = Switch::new(4, 300);
        sw.receive(0, &frame(1, Mac::BROADCAST), 0);
        sw.receive(1, &frame(2, Mac::BROADCAST), 200);
        sw.age(299);
        assert_eq!(sw.table.len(), 2);
        sw.age(300);
        assert_eq!(sw.lookup(Mac::host(1)), None, "A aged out");
        assert_eq!(sw.lookup(Mac::host(2)), Some(1));
        // Unknown again: flood.
        assert_eq!(
            sw.receive(1, &frame(2, Mac::host(1)), 301),
            SwitchDecision::Flood(vec![0, 2, 3])
        );
        // A host moved to another port: the entry follows it.
        sw.receive(3, &frame(2, Mac::BROADCAST), 302);
        assert_eq!(sw.lookup(Mac::host(2)), Some(3));
    }

    fn router() -> Router {
        Router {
            ifaces: vec![
                Iface {
                    mac: Mac::host(0xa1),
                    cidr: cidr([192, 168, 1, 1], 24),
                },
                Iface {
                    mac: Mac::host(0xa2),
                    cidr: cidr([192, 168, 2, 1], 24),
                },
            ],
            arp: vec![(Ipv4Addr::new(192, 168, 2, 20), Mac::host(0x20))],
        }
    }

    #[test]
    fn router_rewrites_macs_keeps_ips_and_decrements_ttl() {
        let r = router();
        let f = Frame {
            src: Mac::host(0x10),
            dst: Mac::host(0xa1),
            packet: Packet {
                src: Ipv4Addr::new(192, 168, 1, 10),
                dst: Ipv4Addr::new(192, 168, 2, 20),
                ttl: 64,
            },
        };
        let (out, g) = r.forward(0, &f).unwrap();
        assert_eq!(out, 1);
        assert_eq!(g.src, Mac::host(0xa2));
        assert_eq!(g.dst, Mac::host(0x20));
        assert_eq!(g.packet.src, f.packet.src);
        assert_eq!(g.packet.dst, f.packet.dst);
        assert_eq!(g.packet.ttl, 63);
    }

    #[test]
    fn router_drops() {
        let r = router();
        let mut f = Frame {
            src: Mac::host(0x10),
            dst: Mac::host(0xa1),
            packet: Packet {
                src: Ipv4Addr::new(192, 168, 1, 10),
                dst: Ipv4Addr::new(192, 168, 2, 20),
                ttl: 1,
            },
        };
        assert_eq!(r.forward(0, &f), Err(RouterDrop::TtlExpired));
        f.packet.ttl = 64;
        f.packet.dst = Ipv4Addr::new(10, 0, 0, 1);
        assert_eq!(r.forward(0, &f), Err(RouterDrop::NoRoute));
        f.packet.dst = Ipv4Addr::new(192, 168, 2, 30);
        assert_eq!(r.forward(0, &f), Err(RouterDrop::NoNeighbour));
        f.dst = Mac::host(0x99);
        assert_eq!(r.forward(0, &f), Err(RouterDrop::NotForMe));
    }

    #[test]
    fn gateway_decision_uses_the_mask() {
        let a = HostCfg {
            cidr: cidr([192, 168, 1, 10], 24),
            gateway: Ipv4Addr::new(192, 168, 1, 1),
        };
        let same = next_hop(a, Ipv4Addr::new(192, 168, 1, 11));
        assert_eq!(same.delivery, Delivery::Direct);
        assert_eq!(same.ask_for, Ipv4Addr::new(192, 168, 1, 11));
        let other = next_hop(a, Ipv4Addr::new(192, 168, 2, 20));
        assert_eq!(other.delivery, Delivery::ViaGateway);
        assert_eq!(other.ask_for, a.gateway);
        assert_eq!(other.own_network, Ipv4Addr::new(192, 168, 1, 0));
        assert_eq!(other.dst_network, Ipv4Addr::new(192, 168, 2, 0));
        assert_eq!(other.mask, Ipv4Addr::new(255, 255, 255, 0));
        assert!(!other.gateway_off_link);
        // Wrong mask /16: the other subnet looks local, so A asks for B's MAC directly.
        let wide = HostCfg {
            cidr: cidr([192, 168, 1, 10], 16),
            ..a
        };
        let d = next_hop(wide, Ipv4Addr::new(192, 168, 2, 20));
        assert_eq!(d.delivery, Delivery::Direct);
        assert_eq!(d.ask_for, Ipv4Addr::new(192, 168, 2, 20));
        // A gateway outside the own subnet cannot be used.
        let off = HostCfg {
            gateway: Ipv4Addr::new(192, 168, 2, 1),
            ..a
        };
        assert!(next_hop(off, Ipv4Addr::new(10, 0, 0, 1)).gateway_off_link);
    }
}
