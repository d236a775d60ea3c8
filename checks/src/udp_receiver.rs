//! Challenge `udp_receiver`: the learner's program binds UDP 7788 and sends every datagram
//! back to whoever sent it. The checker sends from two ports (the replies must go to each
//! sender's own port), then a datagram larger than the course's `recvfrom(1024)` buffer to show
//! what this OS does with it.

use protocol::HintId;

use crate::{Verdict, hex_short};

/// The port the program binds (the course's).
pub const PROGRAM_PORT: u16 = 7788;
/// What the first sender sends: "你好" in GBK.
pub const FIRST: [u8; 4] = [0xc4, 0xe3, 0xba, 0xc3];
/// What the second sender sends: "再见" in GBK.
pub const SECOND: [u8; 4] = [0xd4, 0xd9, 0xbc, 0xfb];
/// The oversized datagram's length (the course's buffer is 1024).
pub const OVERSIZED: usize = 2000;

/// The oversized datagram: a counting pattern, so a cut shows where.
pub fn oversized() -> Vec<u8> {
    (0..OVERSIZED).map(|i| (i % 251) as u8).collect()
}

/// Where a reply arrived, as the checker's two sockets saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// At the socket that sent the datagram.
    Own(Vec<u8>),
    /// At the other sender's socket (`port`): the program replied to a fixed address.
    Other {
        port: u16,
        data: Vec<u8>,
    },
    Nothing,
}

/// `reply_to_first_sender` / `reply_to_second_sender`.
pub fn judge_reply(sent: &[u8], arrival: &Arrival, timeout_ms: u64) -> Verdict {
    match arrival {
        Arrival::Own(data) if data == sent => Verdict::pass(),
        Arrival::Own(data) => Verdict::fail(HintId::WrongBytes)
            .arg("expected_hex", hex_short(sent))
            .arg("got_hex", hex_short(data)),
        Arrival::Other { port, .. } => Verdict::fail(HintId::ReplyToFixedPort).arg("port", port),
        Arrival::Nothing => Verdict::no_answer(timeout_ms),
    }
}

/// `oversized_datagram` (information): what came back of `sent` bytes, if anything.
pub fn judge_oversized(sent: usize, got: Option<usize>) -> Verdict {
    match got {
        Some(n) if n < sent => Verdict::info(HintId::DatagramCut)
            .arg("sent", sent)
            .arg("received", n),
        Some(_) => Verdict::info(HintId::DatagramWhole).arg("sent", sent),
        None => Verdict::info(HintId::DatagramErrorRaised).arg("sent", sent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::CheckOutcome;

    #[test]
    fn a_reply_at_the_other_senders_port_is_a_fixed_port() {
        assert!(judge_reply(&FIRST, &Arrival::Own(FIRST.to_vec()), 5000).passed());
        let fixed = judge_reply(
            &SECOND,
            &Arrival::Other {
                port: 40000,
                data: SECOND.to_vec(),
            },
            5000,
        );
        assert_eq!(fixed.hint, Some(HintId::ReplyToFixedPort));
        assert_eq!(fixed.args["port"], "40000");
        let wrong = judge_reply(&FIRST, &Arrival::Own(b"ok".to_vec()), 5000);
        assert_eq!(wrong.hint, Some(HintId::WrongBytes));
        let none = judge_reply(&FIRST, &Arrival::Nothing, 5000);
        assert_eq!(
            (none.hint, none.args["seconds"].as_str()),
            (Some(HintId::NoAnswer), "5")
        );
    }

    #[test]
    fn the_oversized_datagram_is_information_only() {
        let cut = judge_oversized(2000, Some(1024));
        assert_eq!(
            (cut.outcome, cut.hint),
            (CheckOutcome::Info, Some(HintId::DatagramCut))
        );
        assert_eq!(cut.args["received"], "1024");
        assert_eq!(
            judge_oversized(2000, Some(2000)).hint,
            Some(HintId::DatagramWhole)
        );
        assert_eq!(
            judge_oversized(2000, None).hint,
            Some(HintId::DatagramErrorRaised)
        );
        assert_eq!(oversized()[251], 0);
    }
}
