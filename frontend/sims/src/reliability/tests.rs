//! The simulation's behaviour pinned for fixed seeds.

use super::link::{Fate, Fault, LinkConfig};
use super::segment::{seq_le, seq_lt};
use super::tcp::{self, Event, Outcome};
use super::{Side, udp};

const MSG: &[u8] = b"Hello, reliable TCP!";

fn clean() -> LinkConfig {
    LinkConfig::default()
}

/// The transmission number (1-based) of the first data segment: after SYN, SYN+ACK, ACK.
fn first_data_tx(run: &tcp::TcpRun) -> usize {
    run.txs
        .iter()
        .position(|t| !t.seg.payload.is_empty())
        .unwrap()
        + 1
}

fn sends_of_seq(run: &tcp::TcpRun, side: Side, seq: u32, data: bool) -> Vec<usize> {
    run.txs
        .iter()
        .filter(|t| t.from == side && t.copy_of.is_none() && t.seg.seq == seq)
        .filter(|t| t.seg.payload.is_empty() != data)
        .map(|t| t.id)
        .collect()
}

#[test]
fn a_clean_link_delivers_everything_and_closes() {
    let run = tcp::run(MSG, clean(), 1, &[]);
    assert_eq!(run.delivered, MSG);
    assert!(run.txs.iter().all(|t| !t.retransmit));
    let flags: Vec<String> = run
        .txs
        .iter()
        .take(3)
        .map(|t| t.seg.flags.label())
        .collect();
    assert_eq!(flags, ["SYN", "SYN+ACK", "ACK"]);
    assert_eq!(run.txs[1].seg.ack, run.client_isn.wrapping_add(1));
    assert_eq!(run.txs[2].seg.ack, run.server_isn.wrapping_add(1));
    let states: Vec<_> = run
        .events
        .iter()
        .filter_map(|e| match e.event {
            Event::State {
                side: Side::Server,
                state,
            } => Some(state.name()),
            _ => None,
        })
        .collect();
    assert_eq!(states.last(), Some(&"CLOSED"), "{states:?}");
    // The same seed, the same run; another seed, other numbers.
    let again = tcp::run(MSG, clean(), 1, &[]);
    assert_eq!(again.client_isn, run.client_isn);
    assert_ne!(tcp::run(MSG, clean(), 2, &[]).client_isn, run.client_isn);
}

#[test]
fn one_lost_segment_is_retransmitted_exactly_once_after_the_timeout() {
    let base = tcp::run(MSG, clean(), 7, &[]);
    let n = first_data_tx(&base);
    let lost = Fault {
        tx: n,
        fate: Fate::Lost,
    };
    let run = tcp::run(MSG, clean(), 7, &[lost]);
    let seg = &run.txs[n - 1];
    assert_eq!(seg.fate, Fate::Lost);
    let sends = sends_of_seq(&run, Side::Client, seg.seg.seq, true);
    assert_eq!(sends.len(), 2, "sent, then retransmitted once: {sends:?}");
    let again = &run.txs[sends[1]];
    assert!(again.retransmit);
    assert_eq!(again.seg.payload, seg.seg.payload);
    let rto = clean().delay * 4 + 50;
    assert!(again.sent_at >= seg.sent_at + rto, "only after the timeout");
    assert!(run.events.iter().any(
        |e| matches!(e.event, Event::Timeout { side: Side::Client, seq } if seq == seg.seg.seq)
    ));
    assert_eq!(run.txs.iter().filter(|t| t.retransmit).count(), 1);
    assert_eq!(run.delivered, MSG, "the text arrives unchanged");
    // The congestion window backed off.
    assert!(
        run.events
            .iter()
            .any(|e| matches!(e.event, Event::Congestion { cwnd: 1, .. }))
    );
}

#[test]
fn a_duplicate_is_delivered_once() {
    let base = tcp::run(MSG, clean(), 3, &[]);
    let n = first_data_tx(&base);
    let run = tcp::run(
        MSG,
        clean(),
        3,
        &[Fault {
            tx: n,
            fate: Fate::Duplicated,
        }],
    );
    let dups = run
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.event,
                Event::Arrive {
                    outcome: Outcome::Duplicate,
                    ..
                }
            )
        })
        .count();
    assert_eq!(dups, 1);
    assert_eq!(run.delivered, MSG);
}

#[test]
fn reordered_segments_are_delivered_in_order() {
    let base = tcp::run(MSG, clean(), 4, &[]);
    // A data segment sent right before another one (the window has grown to two).
    let n = (0..base.txs.len() - 1)
        .find(|&i| {
            let (a, b) = (&base.txs[i], &base.txs[i + 1]);
            a.from == Side::Client
                && b.from == Side::Client
                && !a.seg.payload.is_empty()
                && !b.seg.payload.is_empty()
        })
        .unwrap()
        + 1;
    let run = tcp::run(
        MSG,
        clean(),
        4,
        &[Fault {
            tx: n,
            fate: Fate::Delayed,
        }],
    );
    assert!(run.events.iter().any(|e| matches!(
        e.event,
        Event::Arrive {
            outcome: Outcome::Held,
            ..
        }
    )));
    assert_eq!(run.delivered, MSG);
    assert!(run.txs.iter().all(|t| !t.retransmit), "held back, not lost");
}

#[test]
fn a_corrupted_segment_is_dropped_and_retransmitted() {
    let base = tcp::run(MSG, clean(), 5, &[]);
    let n = first_data_tx(&base);
    let run = tcp::run(
        MSG,
        clean(),
        5,
        &[Fault {
            tx: n,
            fate: Fate::Corrupted,
        }],
    );
    assert!(run.events.iter().any(
        |e| matches!(e.event, Event::Arrive { tx, outcome: Outcome::BadChecksum } if tx == n - 1)
    ));
    let seq = run.txs[n - 1].seg.seq;
    assert_eq!(sends_of_seq(&run, Side::Client, seq, true).len(), 2);
    assert_eq!(run.delivered, MSG);
}

#[test]
fn the_sender_never_exceeds_the_advertised_window_and_pauses() {
    let cfg = LinkConfig {
        loss: 15,
        duplicate: 10,
        reorder: 10,
        corrupt: 5,
        delay: 100,
    };
    let long = b"Flow control keeps a fast sender from drowning a slow receiver.";
    for seed in 0..40 {
        let run = tcp::run(long, cfg, seed, &[]);
        assert_eq!(run.delivered, long, "seed {seed}");
        // Replay the client's view: the highest ACK and the window that came with it.
        let (mut una, mut wnd) = (run.client_isn.wrapping_add(1), tcp::MSS as u32);
        for e in &run.events {
            match &e.event {
                Event::Arrive { tx, outcome }
                    if run.txs[*tx].from == Side::Server && *outcome != Outcome::BadChecksum =>
                {
                    let s = &run.txs[*tx].seg;
                    if s.flags.ack && seq_lt(una, s.ack) {
                        una = s.ack;
                        wnd = u32::from(s.window);
                    } else if s.flags.ack && una == s.ack {
                        wnd = wnd.max(u32::from(s.window));
                    }
                }
                Event::Send { tx } => {
                    let t = &run.txs[*tx];
                    if t.from == Side::Client && !t.seg.payload.is_empty() {
                        let end = t.seg.seq.wrapping_add(t.seg.payload.len() as u32);
                        assert!(
                            seq_le(end, una.wrapping_add(wnd)),
                            "seed {seed}: {t:?} beyond {una}+{wnd}"
                        );
                    }
                }
                _ => {}
            }
        }
    }
    let run = tcp::run(long, clean(), 9, &[]);
    assert!(
        run.events
            .iter()
            .any(|e| matches!(e.event, Event::Blocked { .. })),
        "a slow reader stops the sender"
    );
    assert!(run.events.iter().any(|e| e.snap.peer_window == 0));
}

#[test]
fn udp_loses_what_the_link_loses() {
    let run = udp::run(
        MSG,
        tcp::MSS,
        clean(),
        7,
        &[Fault {
            tx: 2,
            fate: Fate::Lost,
        }],
    );
    assert_eq!(run.received.len(), run.datagrams.len() - 1);
    let mut expected = MSG.to_vec();
    expected.drain(4..8);
    assert_eq!(run.text(), expected);
    let dup = udp::run(
        MSG,
        tcp::MSS,
        clean(),
        7,
        &[Fault {
            tx: 1,
            fate: Fate::Duplicated,
        }],
    );
    assert_eq!(
        dup.received.len(),
        dup.datagrams.len() + 1,
        "a copy arrives twice"
    );
    let bad = udp::run(
        MSG,
        tcp::MSS,
        clean(),
        7,
        &[Fault {
            tx: 1,
            fate: Fate::Corrupted,
        }],
    );
    assert_eq!(bad.received.len(), bad.datagrams.len() - 1);
    let late = udp::run(
        MSG,
        tcp::MSS,
        clean(),
        7,
        &[Fault {
            tx: 1,
            fate: Fate::Delayed,
        }],
    );
    assert_eq!(late.received[0], MSG[4..8], "order is the link's");
}
