//! The challenges' checkers as pure scripts: for each challenge, its checks in order
//! ([`plan`]), the bytes the checker sends, and the judgement of what came back, with the
//! likely-failure hint. No sockets, no clock, no async: the relay's runner
//! (`relay/src/challenges/`) does the I/O and asks these functions what it means, so every
//! judgement is tested here with plain bytes.

pub mod file_client;
pub mod file_server;
pub mod tcp_echo;
pub mod tcp_quiz;
pub mod udp_receiver;
pub mod udp_sender;
mod verdict;

use protocol::{ChallengeId, CheckId};
pub use verdict::Verdict;

/// How long the checker waits at each step once the program is running.
pub const STEP_TIMEOUT_MS: u64 = 5_000;
/// How long it waits for a client program the learner starts after pressing "Check".
pub const START_TIMEOUT_MS: u64 = 120_000;

/// Every check of a challenge, in the order the checker makes them (a run stops at the first
/// failure: later checks depend on earlier ones).
pub fn plan(challenge: ChallengeId) -> &'static [CheckId] {
    use CheckId::*;
    match challenge {
        ChallengeId::UdpSender => &[
            DatagramArrived,
            SentenceBytes,
            SecondRunArrived,
            SourcePortChosenByOs,
        ],
        ChallengeId::UdpReceiver => &[
            PortBound,
            ReplyToFirstSender,
            ReplyToSecondSender,
            OversizedDatagram,
        ],
        ChallengeId::TcpQuizClient => &[
            ClientConnected,
            QuestionReadWhole,
            AnswerCorrect,
            ClientClosed,
        ],
        ChallengeId::TcpEchoServer => &[
            ServerAccepts,
            EchoEveryByte,
            ClosesAfterPeerShutdown,
            NextClientServed,
            NextClientServed,
        ],
        ChallengeId::FileClient => &[ClientConnected, NameReceived, ReadToTheEnd, Sha256Printed],
        ChallengeId::FileServer => &[
            NormalFile,
            MissingFile,
            EmptyFile,
            OutsideFolderRefused,
            NameInPieces,
        ],
    }
}

/// Bytes as the page shows them: `c4 e3 ba c3`.
pub fn hex(bytes: &[u8]) -> String {
    let parts: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    parts.join(" ")
}

/// At most the first 64 bytes as hex, for a hint's text (`… (N bytes)` when cut).
pub fn hex_short(bytes: &[u8]) -> String {
    if bytes.len() <= 64 {
        hex(bytes)
    } else {
        format!("{} … ({} bytes)", hex(&bytes[..64]), bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_spaced_lower_case_and_cut_when_long() {
        assert_eq!(hex(&[0xc4, 0xe3, 0x0a]), "c4 e3 0a");
        assert_eq!(
            hex_short(&[0u8; 65]).len(),
            64 * 3 - 1 + " … (65 bytes)".len()
        );
    }

    #[test]
    fn every_plan_starts_with_the_first_contact() {
        assert_eq!(plan(ChallengeId::UdpSender)[0], CheckId::DatagramArrived);
        assert_eq!(plan(ChallengeId::FileServer).len(), 5);
    }
}
