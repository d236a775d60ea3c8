//! Challenge `udp_sender`: the learner's program sends a sentence, encoded in GBK, to the
//! checker's UDP port, and is run twice. The checker looks at the exact bytes (UTF-8 sent by
//! mistake is recognised and named) and at the two runs' source ports: a sender that does not
//! bind gets a fresh port from the OS every run.

use protocol::HintId;

use crate::{Verdict, hex};

/// The checker's port (the course's receiver port), when it is free.
pub const CHECKER_PORT: u16 = 7788;
/// The sentence to send.
pub const TEXT: &str = "你好，网络！";
/// It in GBK (what Python's `"你好，网络！".encode("gbk")` gives).
pub const GBK: [u8; 12] = [
    0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xcd, 0xf8, 0xc2, 0xe7, 0xa3, 0xa1,
];

/// `sentence_bytes`: exactly the GBK bytes.
pub fn judge_sentence(got: &[u8]) -> Verdict {
    if got == GBK {
        Verdict::pass()
    } else if got == TEXT.as_bytes() {
        Verdict::fail(HintId::SentUtf8).arg("got_hex", hex(got))
    } else {
        let verdict = Verdict::fail(HintId::WrongBytes)
            .arg("expected_hex", hex(&GBK))
            .arg("got_hex", crate::hex_short(got));
        match std::str::from_utf8(got) {
            Ok(text) => verdict.arg("text", text),
            Err(_) => verdict,
        }
    }
}

/// `source_port_chosen_by_os`: the two runs came from different ports.
pub fn judge_ports(first: u16, second: u16) -> Verdict {
    if first != second {
        Verdict::pass().arg("first", first).arg("second", second)
    } else {
        Verdict::fail(HintId::SourcePortFixed).arg("port", first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::CheckOutcome;

    #[test]
    fn gbk_passes_utf8_is_named_and_anything_else_is_shown() {
        assert_eq!(judge_sentence(&GBK), Verdict::pass());
        let utf8 = judge_sentence(TEXT.as_bytes());
        assert_eq!(utf8.hint, Some(HintId::SentUtf8));
        assert_eq!(utf8.args["got_hex"], hex(TEXT.as_bytes()));
        let other = judge_sentence(b"hello");
        assert_eq!(other.hint, Some(HintId::WrongBytes));
        assert_eq!(other.args["text"], "hello");
        // The sentence without its last character is not the sentence.
        assert_eq!(judge_sentence(&GBK[..10]).outcome, CheckOutcome::Fail);
    }

    #[test]
    fn the_same_port_twice_is_a_bound_sender() {
        assert!(judge_ports(50001, 50002).passed());
        let fixed = judge_ports(8888, 8888);
        assert_eq!(fixed.hint, Some(HintId::SourcePortFixed));
        assert_eq!(fixed.args["port"], "8888");
    }
}
