//! Challenge `tcp_echo_server`: the learner's server (TCP 7788) sends back every byte it
//! receives. Three clients come one after the other; the first sends 5,000 bytes in uneven
//! pieces and expects them all back in order, then shuts down its side and expects the server
//! to close (its `recv` returned 0). The next two check the server did not exit after one.

use protocol::HintId;

use crate::Verdict;

/// The port the program listens on (the course's).
pub const PROGRAM_PORT: u16 = 7788;
/// The pieces the first client sends (uneven on purpose: 5,000 bytes in all).
pub const PIECES: [usize; 5] = [1, 999, 7, 1500, 2493];
/// The pause between pieces, so they arrive as separate segments.
pub const PAUSE_MS: u64 = 100;
/// How many clients come, one after another.
pub const CLIENTS: usize = 3;

/// The bytes the first client sends.
pub fn payload() -> Vec<u8> {
    let total: usize = PIECES.iter().sum();
    (0..total).map(|i| (i * 7 % 253) as u8).collect()
}

/// What a later client sends: a short GBK "你好" and its number.
pub fn greeting(client: usize) -> Vec<u8> {
    let mut data = vec![0xc4, 0xe3, 0xba, 0xc3];
    data.extend_from_slice(format!(" {client}").as_bytes());
    data
}

/// `echo_every_byte`: what came back before the checker stopped waiting.
pub fn judge_echo(sent: &[u8], got: &[u8]) -> Verdict {
    if got == sent {
        return Verdict::pass();
    }
    match sent.iter().zip(got).position(|(a, b)| a != b) {
        Some(offset) => Verdict::fail(HintId::EchoBytesDiffer).arg("offset", offset),
        None if got.len() < sent.len() => Verdict::fail(HintId::EchoIncomplete)
            .arg("sent", sent.len())
            .arg("received", got.len()),
        // More than was sent: the first extra byte differs from nothing.
        None => Verdict::fail(HintId::EchoBytesDiffer).arg("offset", sent.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_is_5000_bytes_in_the_pieces() {
        assert_eq!(payload().len(), 5000);
        assert_eq!(PIECES.iter().sum::<usize>(), 5000);
    }

    #[test]
    fn short_different_and_longer_echoes_fail() {
        let sent = payload();
        assert!(judge_echo(&sent, &sent).passed());
        let short = judge_echo(&sent, &sent[..1000]);
        assert_eq!(short.hint, Some(HintId::EchoIncomplete));
        assert_eq!(short.args["received"], "1000");
        let mut changed = sent.clone();
        changed[3000] ^= 1;
        let differ = judge_echo(&sent, &changed);
        assert_eq!(differ.args["offset"], "3000");
        let longer = judge_echo(&sent, &[sent.clone(), vec![0]].concat());
        assert_eq!(longer.hint, Some(HintId::EchoBytesDiffer));
    }
}
