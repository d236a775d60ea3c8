//! The switch's level, as levels are in Learn Git Branching: "deliver a frame to every host
//! without the switch ever flooding". The switch starts knowing only some hosts, so a learner
//! who sends to an unknown host loses; one who first lets the unknown hosts speak (to a host
//! the switch already knows) wins. What it teaches: a switch learns from the *sender's*
//! address, never from the destination's.

use super::{Port, SwitchDecision};

/// The ports (one host each) whose hosts the switch has already learned when the level starts.
pub const KNOWN_AT_START: [Port; 2] = [0, 2];

/// Where the level stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Still going: `reached` of `of` hosts have received a frame addressed to them.
    Playing { reached: usize, of: usize },
    /// Every host received a frame for it, and the switch never flooded.
    Won,
    /// The switch flooded a frame (a broadcast, or a destination it did not know).
    Lost,
}

/// The level's record of what happened so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoFlood {
    reached: Vec<bool>,
    flooded: bool,
}

impl NoFlood {
    /// A level over a switch with `hosts` hosts, host `i` on port `i`.
    pub fn new(hosts: usize) -> NoFlood {
        NoFlood {
            reached: vec![false; hosts],
            flooded: false,
        }
    }

    /// Records one frame: the port of the host it was addressed to (`None` for a broadcast)
    /// and what the switch decided.
    pub fn record(&mut self, to: Option<Port>, decision: &SwitchDecision) {
        match decision {
            SwitchDecision::Flood(_) => self.flooded = true,
            SwitchDecision::Forward(p) if Some(*p) == to => {
                if let Some(r) = self.reached.get_mut(*p) {
                    *r = true;
                }
            }
            SwitchDecision::Forward(_) | SwitchDecision::Filter => {}
        }
    }

    pub fn standing(&self) -> Standing {
        if self.flooded {
            return Standing::Lost;
        }
        let reached = self.reached.iter().filter(|r| **r).count();
        if reached == self.reached.len() {
            Standing::Won
        } else {
            Standing::Playing {
                reached,
                of: self.reached.len(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Frame, Mac, Packet, Switch};
    use super::*;

    /// A switch that knows the hosts of `KNOWN_AT_START`, as the level begins.
    fn level_switch() -> Switch {
        let mut sw = Switch::new(4, 300);
        for p in KNOWN_AT_START {
            sw.receive(p, &frame(p, Mac::BROADCAST), 0);
        }
        sw
    }

    fn mac(port: Port) -> Mac {
        Mac::host(port as u8 + 1)
    }

    fn frame(from: Port, dst: Mac) -> Frame {
        Frame {
            src: mac(from),
            dst,
            packet: Packet {
                src: [192, 168, 1, 10].into(),
                dst: [192, 168, 1, 11].into(),
                ttl: 64,
            },
        }
    }

    /// Plays `sends` (from, to) through the switch and the level.
    fn play(sends: &[(Port, Option<Port>)]) -> Standing {
        let mut sw = level_switch();
        let mut goal = NoFlood::new(4);
        for (t, (from, to)) in sends.iter().enumerate() {
            let dst = to.map(mac).unwrap_or(Mac::BROADCAST);
            let d = sw.receive(*from, &frame(*from, dst), 10 * (t as u64 + 1));
            goal.record(*to, &d);
        }
        goal.standing()
    }

    #[test]
    fn unknown_hosts_speak_first_then_everyone_is_reached_without_a_flood() {
        // B speaks to A (known), D to C (known): both are learned, A and C reached.
        let won = play(&[(1, Some(0)), (3, Some(2)), (0, Some(1)), (2, Some(3))]);
        assert_eq!(won, Standing::Won);
    }

    #[test]
    fn sending_to_a_host_the_switch_has_not_seen_loses() {
        assert_eq!(play(&[(0, Some(1))]), Standing::Lost);
        // Even after progress, one flood loses the level.
        assert_eq!(play(&[(1, Some(0)), (0, Some(3))]), Standing::Lost);
    }

    #[test]
    fn a_broadcast_floods_and_loses() {
        assert_eq!(play(&[(0, None)]), Standing::Lost);
    }

    #[test]
    fn progress_counts_each_host_once() {
        assert_eq!(
            play(&[(1, Some(0)), (2, Some(0))]),
            Standing::Playing { reached: 1, of: 4 }
        );
        assert_eq!(
            play(&[(1, Some(0)), (0, Some(1))]),
            Standing::Playing { reached: 2, of: 4 }
        );
    }
}
