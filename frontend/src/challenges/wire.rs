//! Between the page's challenges and the relay's protocol: which checker each challenge
//! asks for, the events turned into the run's actions, and the setup shown as rows.

use protocol::{
    ChallengeId, ChallengeSetup, CheckOutcome, CheckReport, RelayError, RunId, ServerMessage,
};

use super::state::{Action, CheckRow, Ending, Outcome};
use crate::relay::RelayHandle;

/// The relay's checker for a challenge of the catalogue (challenge 7 has none: the page
/// checks its answers itself).
pub fn checker(slug: &str) -> Option<ChallengeId> {
    Some(match slug {
        "udp-sender" => ChallengeId::UdpSender,
        "udp-receiver" => ChallengeId::UdpReceiver,
        "tcp-client" => ChallengeId::TcpQuizClient,
        "tcp-echo" => ChallengeId::TcpEchoServer,
        "file-client" => ChallengeId::FileClient,
        "file-server" => ChallengeId::FileServer,
        _ => return None,
    })
}

/// A name as the protocol spells it (`sent_utf8`): the last part of its text key.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn row(r: &CheckReport) -> CheckRow {
    CheckRow {
        index: r.index,
        check: name(&r.check),
        outcome: match r.outcome {
            CheckOutcome::Pass => Outcome::Pass,
            CheckOutcome::Fail => Outcome::Fail,
            CheckOutcome::Info => Outcome::Info,
        },
        sent: r.sent.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
        received: r.received.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
        elapsed_ms: r.elapsed_ms,
        hint: r.hint.as_ref().map(name),
        args: r.args.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    }
}

pub fn action_of(msg: &ServerMessage) -> Option<Action> {
    match msg {
        ServerMessage::ChallengeCheck(r) => Some(Action::Check {
            run: r.run,
            row: row(r),
        }),
        ServerMessage::ChallengeEnded {
            run,
            passed,
            cancelled,
        } => Some(Action::End {
            run: *run,
            ending: match (*cancelled, *passed) {
                (true, _) => Ending::Cancelled,
                (false, true) => Ending::Passed,
                (false, false) => Ending::Failed,
            },
        }),
        _ => None,
    }
}

/// Starts `slug`'s checker.
pub async fn start(relay: &RelayHandle, slug: &str) -> Result<(RunId, ChallengeSetup), RelayError> {
    let Some(id) = checker(slug) else {
        return Err(RelayError::new(protocol::ErrorCode::BadRequest)
            .with_detail(format!("no checker for {slug}")));
    };
    relay.challenge_start(id).await
}

/// The setup as (text key's last part, value) rows, in the order a learner needs them.
pub fn setup_rows(s: &ChallengeSetup) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    if let Some(a) = s.checker {
        rows.push(("checker", a.to_string()));
    }
    if let Some(p) = s.program_port {
        rows.push(("program_port", format!("127.0.0.1:{p}")));
    }
    if let Some(t) = &s.text {
        rows.push(("text", t.clone()));
    }
    if let Some(f) = &s.file {
        rows.push(("file", f.clone()));
    }
    if let Some(n) = s.file_size {
        rows.push(("file_size", n.to_string()));
    }
    if let Some(f) = &s.folder {
        rows.push(("folder", f.clone()));
    }
    if s.start_timeout_ms > 0 {
        rows.push((
            "start_timeout",
            format!("{:.0} s", s.start_timeout_ms as f64 / 1000.0),
        ));
    }
    rows.push((
        "timeout",
        format!("{:.0} s", s.step_timeout_ms as f64 / 1000.0),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use protocol::{CheckId, Data, HintId};

    use super::*;

    #[test]
    fn a_check_report_becomes_a_row_with_its_names_as_text_keys() {
        let report = CheckReport {
            run: 3,
            index: 1,
            check: CheckId::SentenceBytes,
            outcome: CheckOutcome::Fail,
            sent: None,
            received: Some(Data(vec![0xe4, 0xbd, 0xa0])),
            elapsed_ms: 12,
            hint: Some(HintId::SentUtf8),
            args: BTreeMap::from([("port".to_owned(), "7788".to_owned())]),
        };
        let r = row(&report);
        assert_eq!(r.check, "sentence_bytes");
        assert_eq!(r.hint.as_deref(), Some("sent_utf8"));
        assert_eq!(r.outcome, Outcome::Fail);
        assert_eq!(r.received, vec![0xe4, 0xbd, 0xa0]);
        assert_eq!(r.args, vec![("port".to_owned(), "7788".to_owned())]);
        let ended = ServerMessage::ChallengeEnded {
            run: 3,
            passed: false,
            cancelled: true,
        };
        assert_eq!(
            action_of(&ended),
            Some(Action::End {
                run: 3,
                ending: Ending::Cancelled
            })
        );
    }

    /// Every check and hint the protocol has, in its order. The `match`es below have no
    /// wildcard: a new variant stops the tests compiling until its texts are written.
    const ALL_CHECKS: [CheckId; 24] = [
        CheckId::DatagramArrived,
        CheckId::SentenceBytes,
        CheckId::SecondRunArrived,
        CheckId::SourcePortChosenByOs,
        CheckId::PortBound,
        CheckId::ReplyToFirstSender,
        CheckId::ReplyToSecondSender,
        CheckId::OversizedDatagram,
        CheckId::ClientConnected,
        CheckId::QuestionReadWhole,
        CheckId::AnswerCorrect,
        CheckId::ClientClosed,
        CheckId::ServerAccepts,
        CheckId::EchoEveryByte,
        CheckId::ClosesAfterPeerShutdown,
        CheckId::NextClientServed,
        CheckId::NameReceived,
        CheckId::ReadToTheEnd,
        CheckId::Sha256Printed,
        CheckId::NormalFile,
        CheckId::MissingFile,
        CheckId::EmptyFile,
        CheckId::OutsideFolderRefused,
        CheckId::NameInPieces,
    ];
    const ALL_HINTS: [HintId; 23] = [
        HintId::NoAnswer,
        HintId::SentUtf8,
        HintId::WrongBytes,
        HintId::RunAgain,
        HintId::SourcePortFixed,
        HintId::PortNotBound,
        HintId::ReplyToFixedPort,
        HintId::DatagramCut,
        HintId::DatagramErrorRaised,
        HintId::DatagramWhole,
        HintId::ConnectionRefused,
        HintId::SingleRecv,
        HintId::WrongAnswer,
        HintId::NotClosed,
        HintId::EchoIncomplete,
        HintId::EchoBytesDiffer,
        HintId::NoCloseAfterShutdown,
        HintId::ExitedAfterOneClient,
        HintId::ClosedEarly,
        HintId::Sha256Mismatch,
        HintId::SentForMissing,
        HintId::ServedOutsideFolder,
        HintId::NameReadOnce,
    ];

    fn check_position(c: CheckId) -> usize {
        match c {
            CheckId::DatagramArrived => 0,
            CheckId::SentenceBytes => 1,
            CheckId::SecondRunArrived => 2,
            CheckId::SourcePortChosenByOs => 3,
            CheckId::PortBound => 4,
            CheckId::ReplyToFirstSender => 5,
            CheckId::ReplyToSecondSender => 6,
            CheckId::OversizedDatagram => 7,
            CheckId::ClientConnected => 8,
            CheckId::QuestionReadWhole => 9,
            CheckId::AnswerCorrect => 10,
            CheckId::ClientClosed => 11,
            CheckId::ServerAccepts => 12,
            CheckId::EchoEveryByte => 13,
            CheckId::ClosesAfterPeerShutdown => 14,
            CheckId::NextClientServed => 15,
            CheckId::NameReceived => 16,
            CheckId::ReadToTheEnd => 17,
            CheckId::Sha256Printed => 18,
            CheckId::NormalFile => 19,
            CheckId::MissingFile => 20,
            CheckId::EmptyFile => 21,
            CheckId::OutsideFolderRefused => 22,
            CheckId::NameInPieces => 23,
        }
    }

    fn hint_position(h: HintId) -> usize {
        match h {
            HintId::NoAnswer => 0,
            HintId::SentUtf8 => 1,
            HintId::WrongBytes => 2,
            HintId::RunAgain => 3,
            HintId::SourcePortFixed => 4,
            HintId::PortNotBound => 5,
            HintId::ReplyToFixedPort => 6,
            HintId::DatagramCut => 7,
            HintId::DatagramErrorRaised => 8,
            HintId::DatagramWhole => 9,
            HintId::ConnectionRefused => 10,
            HintId::SingleRecv => 11,
            HintId::WrongAnswer => 12,
            HintId::NotClosed => 13,
            HintId::EchoIncomplete => 14,
            HintId::EchoBytesDiffer => 15,
            HintId::NoCloseAfterShutdown => 16,
            HintId::ExitedAfterOneClient => 17,
            HintId::ClosedEarly => 18,
            HintId::Sha256Mismatch => 19,
            HintId::SentForMissing => 20,
            HintId::ServedOutsideFolder => 21,
            HintId::NameReadOnce => 22,
        }
    }

    #[test]
    fn every_check_and_hint_of_the_protocol_has_its_text_in_both_languages() {
        for (i, c) in ALL_CHECKS.into_iter().enumerate() {
            assert_eq!(check_position(c), i);
            for lang in protocol::Lang::ALL {
                let key = format!("chal.check.{}", name(&c));
                assert_ne!(
                    crate::i18n::tr_named(lang, &key),
                    "⟦missing text⟧",
                    "{lang:?} lacks {key}"
                );
            }
        }
        for (i, h) in ALL_HINTS.into_iter().enumerate() {
            assert_eq!(hint_position(h), i);
            for lang in protocol::Lang::ALL {
                let key = format!("chal.hint.{}", name(&h));
                assert_ne!(
                    crate::i18n::tr_named(lang, &key),
                    "⟦missing text⟧",
                    "{lang:?} lacks {key}"
                );
            }
        }
        assert_eq!(name(&HintId::SentUtf8), "sent_utf8");
    }

    #[test]
    fn every_program_challenge_has_a_checker() {
        for c in super::super::CHALLENGES {
            assert_eq!(
                checker(c.slug).is_some(),
                c.kind == super::super::Kind::Program,
                "{}",
                c.slug
            );
        }
    }
}
