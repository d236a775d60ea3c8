//! The reliability lesson's goals, checked on a run: "predict the next ack number" and "find
//! link settings where TCP needs exactly two retransmissions". Pure, so the rules are pinned by
//! native tests and the page only asks and shows.

use super::Side;
use super::tcp::{Event, TcpRun};

/// The retransmissions the goal asks for.
pub const GOAL_RETRANSMISSIONS: usize = 2;

/// Segments the client's or the server's timer sent again in the whole run (the link's own
/// duplicate copies are not retransmissions: nobody sent them).
pub fn retransmissions(run: &TcpRun) -> usize {
    run.events
        .iter()
        .filter(|e| matches!(e.event, Event::Send { tx } if run.txs[tx].retransmit))
        .count()
}

/// Whether a run meets the goal "exactly two retransmissions" with the whole message delivered
/// (a link that loses everything also retransmits, but does not deliver).
pub fn exactly_two_retransmissions(run: &TcpRun, message: &[u8]) -> bool {
    retransmissions(run) == GOAL_RETRANSMISSIONS && run.delivered == message
}

/// The first transmission (1-based, as the page numbers them) the link loses in a run: the
/// link step's task "make the link lose something" is met when there is one.
pub fn first_lost(run: &TcpRun) -> Option<usize> {
    run.txs
        .iter()
        .find(|t| t.fate == super::Fate::Lost)
        .map(|t| t.id + 1)
}

/// "What ack number will the server send next?", asked when `shown` events are on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AckQuestion {
    /// The transmission (0-based) that will carry the answer.
    pub tx: usize,
    /// How many events are shown once that transmission leaves (step there to see it).
    pub shown_then: usize,
    /// The ack number, relative to the client's initial sequence number (as the diagram shows).
    pub ack: u32,
}

/// The next acknowledgement the server sends after the first `shown` events, if any.
/// The SYN+ACK is left out: its ack (1) is a rule of the handshake, not something to work out.
pub fn next_ack(run: &TcpRun, shown: usize) -> Option<AckQuestion> {
    run.events
        .iter()
        .enumerate()
        .skip(shown)
        .find_map(|(i, e)| match e.event {
            Event::Send { tx } => {
                let t = &run.txs[tx];
                (t.from == Side::Server && t.seg.flags.ack && !t.seg.flags.syn).then(|| {
                    AckQuestion {
                        tx,
                        shown_then: i + 1,
                        ack: t.seg.ack.wrapping_sub(run.client_isn),
                    }
                })
            }
            _ => None,
        })
}

/// Whether a typed guess is the ack the server will send.
pub fn check_ack(q: &AckQuestion, guess: u32) -> bool {
    guess == q.ack
}

#[cfg(test)]
mod tests {
    use super::super::link::{Fate, Fault, LinkConfig};
    use super::super::tcp;
    use super::*;

    const MSG: &[u8] = b"Every byte, in order, exactly once.";

    #[test]
    fn a_clean_link_needs_no_retransmission() {
        let run = tcp::run(MSG, LinkConfig::default(), 42, &[]);
        assert_eq!(retransmissions(&run), 0);
        assert!(!exactly_two_retransmissions(&run, MSG));
    }

    #[test]
    fn two_lost_data_segments_make_two_retransmissions() {
        let clean = tcp::run(MSG, LinkConfig::default(), 42, &[]);
        let data: Vec<usize> = clean
            .txs
            .iter()
            .filter(|t| !t.seg.payload.is_empty())
            .map(|t| t.id + 1)
            .collect();
        let one = [Fault {
            tx: data[0],
            fate: Fate::Lost,
        }];
        let run = tcp::run(MSG, LinkConfig::default(), 42, &one);
        assert_eq!(retransmissions(&run), 1);
        assert!(!exactly_two_retransmissions(&run, MSG));
        // Losing the first two transmissions of the first data segment: sent three times.
        let resend = run
            .txs
            .iter()
            .find(|t| t.retransmit)
            .map(|t| t.id + 1)
            .unwrap();
        let two = [
            one[0],
            Fault {
                tx: resend,
                fate: Fate::Lost,
            },
        ];
        let run = tcp::run(MSG, LinkConfig::default(), 42, &two);
        assert_eq!(retransmissions(&run), 2);
        assert!(exactly_two_retransmissions(&run, MSG));
    }

    #[test]
    fn some_lossy_link_settings_alone_reach_exactly_two() {
        // The goal is reachable with the link's chances only (no fault by hand): some seed
        // with 10 % loss gives exactly two, and the check is not fooled by other counts.
        let cfg = LinkConfig {
            loss: 10,
            ..LinkConfig::default()
        };
        let counts: Vec<usize> = (1..=40)
            .map(|seed| retransmissions(&tcp::run(MSG, cfg, seed, &[])))
            .collect();
        assert!(counts.contains(&GOAL_RETRANSMISSIONS), "{counts:?}");
        assert!(
            counts.iter().any(|c| *c != GOAL_RETRANSMISSIONS),
            "{counts:?}"
        );
    }

    #[test]
    fn a_lossy_link_or_a_hand_set_loss_is_found() {
        assert_eq!(
            first_lost(&tcp::run(MSG, LinkConfig::default(), 42, &[])),
            None
        );
        let hand = [Fault {
            tx: 2,
            fate: Fate::Lost,
        }];
        assert_eq!(
            first_lost(&tcp::run(MSG, LinkConfig::default(), 42, &hand)),
            Some(2)
        );
        let cfg = LinkConfig {
            loss: 50,
            ..LinkConfig::default()
        };
        assert!(first_lost(&tcp::run(MSG, cfg, 42, &[])).is_some());
    }

    #[test]
    fn a_link_that_loses_everything_does_not_meet_the_goal() {
        let cfg = LinkConfig {
            loss: 90,
            ..LinkConfig::default()
        };
        let run = tcp::run(MSG, cfg, 3, &[]);
        assert_ne!(run.delivered, MSG);
        assert!(!exactly_two_retransmissions(&run, MSG));
    }

    #[test]
    fn the_next_ack_is_the_next_byte_the_server_expects() {
        let run = tcp::run(MSG, LinkConfig::default(), 42, &[]);
        // From the start, the first server ACK after the handshake acknowledges the first
        // data segment: 1 (the SYN) + its 4 bytes.
        let q = next_ack(&run, 0).unwrap();
        assert_eq!(q.ack, 1 + tcp::MSS as u32);
        assert!(check_ack(&q, 5));
        assert!(!check_ack(&q, 4), "the last byte received is not the ack");
        assert!(matches!(run.events[q.shown_then - 1].event, Event::Send { tx } if tx == q.tx));
        // Once that ACK is on screen, the next question is a later one.
        let later = next_ack(&run, q.shown_then).unwrap();
        assert!(later.shown_then > q.shown_then);
        assert!(later.ack >= q.ack);
        // After the last event there is nothing left to predict.
        assert_eq!(next_ack(&run, run.events.len()), None);
    }

    #[test]
    fn after_a_loss_the_server_repeats_the_ack_of_the_gap() {
        let clean = tcp::run(MSG, LinkConfig::default(), 42, &[]);
        let data: Vec<usize> = clean
            .txs
            .iter()
            .filter(|t| !t.seg.payload.is_empty())
            .map(|t| t.id + 1)
            .collect();
        // Lose the second data segment (bytes 5..8): the third arrives early and is held.
        let run = tcp::run(
            MSG,
            LinkConfig::default(),
            42,
            &[Fault {
                tx: data[1],
                fate: Fate::Lost,
            }],
        );
        let first = next_ack(&run, 0).unwrap();
        assert_eq!(first.ack, 5);
        let again = next_ack(&run, first.shown_then).unwrap();
        assert_eq!(
            again.ack, 5,
            "the held segment is acknowledged with the gap's number"
        );
    }
}
