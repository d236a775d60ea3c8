//! The challenges' checkers against real Python programs (tests/python/challenges/): for each
//! challenge the reference program passes every check, and for each check a typical wrong
//! program fails exactly that check with exactly that hint. The checkers use the course's fixed
//! ports (7788, 7890), so these tests take turns (one lock) and must run in a network namespace
//! of their own:
//! `unshare -n bash -c 'ip link set lo up && cargo test -p relay --test challenges'`.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{Client, start};
use protocol::{
    ChallengeId, ChallengeSetup, CheckId, CheckOutcome, CheckReport, HintId, Reply, Request, RunId,
    ServerMessage,
};

/// The challenges bind fixed ports: one test at a time.
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Longer than any step (5 s) or pause of a checker.
const RUN_WAIT: Duration = Duration::from_secs(20);

fn script(name: &str) -> String {
    format!(
        "{}/../tests/python/challenges/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A Python program, killed when the test ends.
struct Python(Child);

impl Python {
    fn spawn(name: &str, args: &[&str]) -> Python {
        let child = Command::new("python3")
            .arg(script(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs");
        Python(child)
    }

    /// A server: waits for its "ready" line (it listens from then on).
    async fn server(name: &str, args: &[&str]) -> Python {
        let mut python = Python::spawn(name, args);
        let stdout = python.0.stdout.take().unwrap();
        let line = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            BufReader::new(stdout).read_line(&mut line).unwrap();
            line
        })
        .await
        .unwrap();
        assert_eq!(line.trim(), "ready", "{name} did not start");
        python
    }

    /// A client run to its end (at most 30 s): its stdout.
    async fn run(name: &str, args: &[&str]) -> String {
        let mut command = Command::new("python3");
        command.arg(script(name)).args(args).stdin(Stdio::null());
        let out = tokio::time::timeout(
            Duration::from_secs(30),
            tokio::task::spawn_blocking(move || command.output()),
        )
        .await
        .expect("the program ends in time")
        .unwrap()
        .expect("python3 runs");
        String::from_utf8(out.stdout).unwrap()
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn begin(c: &mut Client, challenge: ChallengeId) -> (RunId, ChallengeSetup) {
    match c.ok(Request::ChallengeStart { challenge }).await {
        Reply::ChallengeStarted { run, setup } => {
            assert_eq!(setup.challenge, challenge);
            (run, setup)
        }
        other => panic!("expected challenge_started, got {other:?}"),
    }
}

/// Every check of the run until `challenge_ended`: (checks, passed, cancelled).
async fn finish(c: &mut Client, run: RunId) -> (Vec<CheckReport>, bool, bool) {
    let mut checks = Vec::new();
    loop {
        let msg = c
            .recv_within(RUN_WAIT)
            .await
            .unwrap_or_else(|| panic!("the run ended in time; checks so far: {checks:#?}"));
        match msg {
            ServerMessage::ChallengeCheck(report) => {
                assert_eq!(report.run, run);
                assert_eq!(report.index as usize, checks.len(), "numbered in order");
                checks.push(report);
            }
            ServerMessage::ChallengeEnded {
                run: ended,
                passed,
                cancelled,
            } => {
                assert_eq!(ended, run);
                return (checks, passed, cancelled);
            }
            _ => {}
        }
    }
}

/// (check, outcome, hint) of every report.
fn summary(checks: &[CheckReport]) -> Vec<(CheckId, CheckOutcome, Option<HintId>)> {
    checks
        .iter()
        .map(|r| (r.check, r.outcome, r.hint))
        .collect()
}

/// Asserts the run passed every check of the challenge's plan, in order (info checks
/// allowed between).
fn assert_all_passed(challenge: ChallengeId, checks: &[CheckReport], passed: bool) {
    // An information check followed by the same check (the prompt to run it again) is not
    // one of the plan's.
    let passes: Vec<CheckId> = checks
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            r.outcome == CheckOutcome::Pass
                || checks.get(i + 1).is_none_or(|next| next.check != r.check)
        })
        .map(|(_, r)| r.check)
        .collect();
    assert_eq!(passes, checks::plan(challenge), "{:#?}", summary(checks));
    assert!(
        checks.iter().all(|r| r.outcome != CheckOutcome::Fail),
        "{:#?}",
        summary(checks)
    );
    assert!(passed);
}

/// Asserts the run ended at `check` failing with `hint`, and gives its args.
fn assert_failed_at(
    checks: &[CheckReport],
    passed: bool,
    check: CheckId,
    hint: HintId,
) -> BTreeMap<String, String> {
    assert!(!passed);
    let last = checks.last().expect("at least one check");
    assert_eq!(
        (last.check, last.outcome, last.hint),
        (check, CheckOutcome::Fail, Some(hint)),
        "{:#?}",
        summary(checks)
    );
    let earlier = &checks[..checks.len() - 1];
    assert!(earlier.iter().all(|r| r.outcome != CheckOutcome::Fail));
    last.args.clone()
}

fn port_of(setup: &ChallengeSetup) -> String {
    setup.checker.expect("a checker address").port().to_string()
}

/// Nothing holds `addr` any more (UDP and TCP).
fn free(addr: SocketAddr) -> bool {
    std::net::UdpSocket::bind(addr).is_ok() && std::net::TcpListener::bind(addr).is_ok()
}

// ----- udp_sender -----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_sender_reference_passes_and_shows_the_gbk_bytes() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpSender).await;
    assert_eq!(setup.checker, Some("127.0.0.1:7788".parse().unwrap()));
    assert_eq!(setup.text.as_deref(), Some("你好，网络！"));
    assert_eq!(setup.start_timeout_ms, 120_000);
    let port = port_of(&setup);
    Python::run("udp_sender.py", &["--port", &port]).await;
    Python::run("udp_sender.py", &["--port", &port]).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    assert_all_passed(ChallengeId::UdpSender, &checks, passed);
    assert_eq!(
        checks[1].received.as_ref().unwrap().as_slice(),
        checks::udp_sender::GBK
    );
    // Between the runs, the checker asked for the second one.
    assert_eq!(
        (checks[2].check, checks[2].outcome, checks[2].hint),
        (
            CheckId::SecondRunArrived,
            CheckOutcome::Info,
            Some(HintId::RunAgain)
        )
    );
    assert_ne!(checks[0].args["port"], checks[3].args["port"]);
    // The checker's port is free again.
    assert!(free(setup.checker.unwrap()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_sender_in_utf8_is_named() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpSender).await;
    let port = port_of(&setup);
    Python::run("udp_sender.py", &["--port", &port, "--encoding", "utf-8"]).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    let args = assert_failed_at(&checks, passed, CheckId::SentenceBytes, HintId::SentUtf8);
    assert_eq!(
        args["got_hex"],
        "e4 bd a0 e5 a5 bd ef bc 8c e7 bd 91 e7 bb 9c ef bc 81"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_sender_that_binds_a_fixed_port_is_caught_on_the_second_run() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpSender).await;
    let port = port_of(&setup);
    let fixed = common::free_udp_port().to_string();
    for _ in 0..2 {
        Python::run("udp_sender.py", &["--port", &port, "--bind", &fixed]).await;
    }
    let (checks, passed, _) = finish(&mut c, run).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::SourcePortChosenByOs,
        HintId::SourcePortFixed,
    );
    assert_eq!(args["port"], fixed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_sender_whose_second_run_sends_other_bytes_fails_that_run() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpSender).await;
    let port = port_of(&setup);
    Python::run("udp_sender.py", &["--port", &port]).await;
    Python::run("udp_sender.py", &["--port", &port, "--encoding", "utf-8"]).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    assert_failed_at(&checks, passed, CheckId::SecondRunArrived, HintId::SentUtf8);
}

// ----- udp_receiver -----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_receiver_reference_passes_and_the_os_cuts_the_big_datagram() {
    let _turn = TURN.lock().await;
    let _program = Python::server("udp_receiver.py", &["--port", "7788"]).await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpReceiver).await;
    assert_eq!(
        (setup.program_port, setup.start_timeout_ms),
        (Some(7788), 0)
    );
    let (checks, passed, _) = finish(&mut c, run).await;
    assert_all_passed(ChallengeId::UdpReceiver, &checks, passed);
    let last = checks.last().unwrap();
    assert_eq!(last.check, CheckId::OversizedDatagram);
    assert_eq!(last.outcome, CheckOutcome::Info);
    // Linux cuts a datagram to the program's recvfrom(1024).
    #[cfg(target_os = "linux")]
    {
        assert_eq!(last.hint, Some(HintId::DatagramCut));
        assert_eq!(last.args["received"], "1024");
        assert_eq!(last.received.as_ref().unwrap().len(), 1024);
    }
    assert_eq!(
        checks[1].received.as_ref().unwrap().as_slice(),
        checks::udp_receiver::FIRST
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_receiver_not_running_is_port_not_bound_and_the_probe_lets_go() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, _) = begin(&mut c, ChallengeId::UdpReceiver).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    let args = assert_failed_at(&checks, passed, CheckId::PortBound, HintId::PortNotBound);
    assert_eq!(args["port"], "7788");
    assert!(free("127.0.0.1:7788".parse().unwrap()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_receiver_replying_to_a_fixed_port_is_caught() {
    let _turn = TURN.lock().await;
    let _program = Python::server("udp_receiver.py", &["--port", "7788", "--fixed-reply"]).await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, _) = begin(&mut c, ChallengeId::UdpReceiver).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::ReplyToSecondSender,
        HintId::ReplyToFixedPort,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_receiver_that_never_replies_gets_no_answer_within_the_step_time() {
    let _turn = TURN.lock().await;
    let _program = Python::server("udp_receiver.py", &["--port", "7788", "--silent"]).await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, _) = begin(&mut c, ChallengeId::UdpReceiver).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::ReplyToFirstSender,
        HintId::NoAnswer,
    );
    assert_eq!(args["seconds"], "5");
    let last = checks.last().unwrap();
    assert!(last.elapsed_ms >= 5000, "{last:?}");
    assert_eq!(
        last.sent.as_ref().unwrap().as_slice(),
        checks::udp_receiver::FIRST
    );
    assert_eq!(last.received, None);
}

// ----- tcp_quiz_client -----

async fn quiz(args: &[&str]) -> (Vec<CheckReport>, bool) {
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::TcpQuizClient).await;
    let port = port_of(&setup);
    let mut all = vec!["--port", port.as_str()];
    all.extend_from_slice(args);
    let client = Python::spawn("tcp_quiz_client.py", &all);
    let (checks, passed, _) = finish(&mut c, run).await;
    drop(client);
    (checks, passed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_quiz_reference_passes() {
    let _turn = TURN.lock().await;
    let (checks, passed) = quiz(&[]).await;
    assert_all_passed(ChallengeId::TcpQuizClient, &checks, passed);
    // The question went out whole (both pieces), and the answer is its sum.
    let question = checks[1].sent.as_ref().unwrap().as_slice().to_vec();
    let text = String::from_utf8_lossy(&question[7..]).into_owned();
    let (a, b) = text.trim().split_once(" + ").unwrap();
    let sum = a.parse::<u32>().unwrap() + b.parse::<u32>().unwrap();
    assert_eq!(
        checks[2].received.as_ref().unwrap().as_slice(),
        format!("{sum}\n").as_bytes()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_quiz_with_one_recv_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed) = quiz(&["--one-recv"]).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::QuestionReadWhole,
        HintId::SingleRecv,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_quiz_wrong_answer_is_shown() {
    let _turn = TURN.lock().await;
    let (checks, passed) = quiz(&["--wrong-answer"]).await;
    let args = assert_failed_at(&checks, passed, CheckId::AnswerCorrect, HintId::WrongAnswer);
    assert_ne!(args["expected"], args["got_text"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_quiz_client_that_does_not_close_fails_after_the_step_time() {
    let _turn = TURN.lock().await;
    let (checks, passed) = quiz(&["--no-close"]).await;
    let args = assert_failed_at(&checks, passed, CheckId::ClientClosed, HintId::NotClosed);
    assert_eq!(args["seconds"], "5");
    assert!(checks.last().unwrap().elapsed_ms >= 5000);
}

// ----- tcp_echo_server -----

async fn echo(args: &[&str]) -> (Vec<CheckReport>, bool) {
    let mut all = vec!["--port", "7788"];
    all.extend_from_slice(args);
    let _program = Python::server("tcp_echo_server.py", &all).await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, _) = begin(&mut c, ChallengeId::TcpEchoServer).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    (checks, passed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_reference_passes_with_every_byte() {
    let _turn = TURN.lock().await;
    let (checks, passed) = echo(&[]).await;
    assert_all_passed(ChallengeId::TcpEchoServer, &checks, passed);
    assert_eq!(
        checks[1].sent.as_ref().unwrap().len(),
        1024,
        "shown: the first KiB"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_with_no_server_is_refused() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, _) = begin(&mut c, ChallengeId::TcpEchoServer).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::ServerAccepts,
        HintId::ConnectionRefused,
    );
    assert_eq!(args["port"], "7788");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_with_one_recv_is_incomplete() {
    let _turn = TURN.lock().await;
    let (checks, passed) = echo(&["--one-recv"]).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::EchoEveryByte,
        HintId::EchoIncomplete,
    );
    assert_eq!(args["sent"], "5000");
    // One recv got the first piece (one byte), or a few pieces when the server was slow.
    let received: usize = args["received"].parse().unwrap();
    assert!((1..5000).contains(&received), "{args:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_ignoring_recv_0_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed) = echo(&["--ignore-eof"]).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::ClosesAfterPeerShutdown,
        HintId::NoCloseAfterShutdown,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_exiting_after_one_client_is_told() {
    let _turn = TURN.lock().await;
    let (checks, passed) = echo(&["--one-client"]).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::NextClientServed,
        HintId::ExitedAfterOneClient,
    );
}

/// A server that changes what it sends back (upper-cases it): the first byte that differs is
/// named. The checker's bytes are `i * 7 % 253`: byte 14 is the first lower-case letter
/// (98, 'b'), so upper-cased it comes back as 66.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_echo_changing_the_bytes_names_the_first_that_differs() {
    let _turn = TURN.lock().await;
    assert_eq!(checks::tcp_echo::payload()[14], b'b');
    let (checks, passed) = echo(&["--upper"]).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::EchoEveryByte,
        HintId::EchoBytesDiffer,
    );
    assert_eq!(args["offset"], "14");
}

// ----- file_client -----

/// Runs the file client with `args`; `paste` turns its output into what the learner pastes.
async fn file_client(args: &[&str], paste: impl Fn(&str) -> String) -> (Vec<CheckReport>, bool) {
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::FileClient).await;
    assert_eq!(setup.checker, Some("127.0.0.1:7890".parse().unwrap()));
    assert_eq!(setup.file_size, Some(3 * 1024 * 1024));
    let dir = tempfile::tempdir().unwrap();
    let port = port_of(&setup);
    let dir_arg = dir.path().to_str().unwrap().to_owned();
    let mut all = vec!["--port", port.as_str(), "--dir", dir_arg.as_str()];
    all.extend_from_slice(args);
    let out = Python::run("file_client.py", &all).await;
    // The answer may arrive before the checker waits for it: it is queued.
    c.ok(Request::ChallengeAnswer {
        run,
        text: paste(&out),
    })
    .await;
    let (checks, passed, _) = finish(&mut c, run).await;
    (checks, passed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_client_reference_passes_with_its_printed_hash() {
    let _turn = TURN.lock().await;
    let (checks, passed) = file_client(&[], |out| out.to_owned()).await;
    assert_all_passed(ChallengeId::FileClient, &checks, passed);
    assert_eq!(
        checks[1].received.as_ref().unwrap().as_slice(),
        "课件.zip".as_bytes()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_client_with_one_recv_closes_early() {
    let _turn = TURN.lock().await;
    let (checks, passed) = file_client(&["--one-recv"], |out| out.to_owned()).await;
    let args = assert_failed_at(&checks, passed, CheckId::ReadToTheEnd, HintId::ClosedEarly);
    assert_eq!(args["total"], (3 * 1024 * 1024).to_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_client_wrong_hash_is_a_mismatch() {
    let _turn = TURN.lock().await;
    let wrong = "0".repeat(64);
    let (checks, passed) = file_client(&[], |_| wrong.clone()).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::Sha256Printed,
        HintId::Sha256Mismatch,
    );
    assert_eq!(args["got_text"], wrong);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_client_asking_for_another_name_is_shown() {
    let _turn = TURN.lock().await;
    let (checks, passed) = file_client(&["--name", "kejian.zip"], |out| out.to_owned()).await;
    let args = assert_failed_at(&checks, passed, CheckId::NameReceived, HintId::WrongBytes);
    assert_eq!(args["got_hex"], checks::hex(b"kejian.zip"));
}

// ----- file_server -----

async fn file_server(args: &[&str]) -> (Vec<CheckReport>, bool, ChallengeSetup) {
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::FileServer).await;
    let folder = setup.folder.clone().expect("a prepared folder");
    let mut all = vec!["--port", "7890", "--dir", folder.as_str()];
    all.extend_from_slice(args);
    let _program = Python::server("file_server.py", &all).await;
    let (checks, passed, _) = finish(&mut c, run).await;
    (checks, passed, setup)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_reference_passes_and_the_folder_is_removed() {
    let _turn = TURN.lock().await;
    let (checks, passed, setup) = file_server(&[]).await;
    assert_all_passed(ChallengeId::FileServer, &checks, passed);
    assert_eq!(
        checks[0].received.as_ref().unwrap().as_slice(),
        checks::file_server::normal_content()
    );
    let folder = std::path::PathBuf::from(setup.folder.unwrap());
    assert!(!folder.exists() && !folder.parent().unwrap().exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_serving_dotdot_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--unsafe"]).await;
    let args = assert_failed_at(
        &checks,
        passed,
        CheckId::OutsideFolderRefused,
        HintId::ServedOutsideFolder,
    );
    let secret = checks::file_server::secret_content();
    assert_eq!(args["received"], secret.len().to_string());
    assert_eq!(
        checks.last().unwrap().received.as_ref().unwrap().as_slice(),
        secret
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_answering_a_missing_file_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--send-for-missing"]).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::MissingFile,
        HintId::SentForMissing,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_reading_the_name_once_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--one-recv-name"]).await;
    assert_failed_at(&checks, passed, CheckId::NameInPieces, HintId::NameReadOnce);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_exiting_after_one_client_is_told() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--one-client"]).await;
    assert_failed_at(
        &checks,
        passed,
        CheckId::MissingFile,
        HintId::ExitedAfterOneClient,
    );
}

/// An empty file must arrive empty: a server that answers it with words fails that check
/// alone, showing the words' bytes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_answering_an_empty_file_with_words_is_caught() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--say-empty"]).await;
    let args = assert_failed_at(&checks, passed, CheckId::EmptyFile, HintId::WrongBytes);
    assert_eq!(args["expected_hex"], "");
    assert_eq!(args["got_hex"], checks::hex("文件为空".as_bytes()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_server_changing_the_bytes_fails_the_normal_file() {
    let _turn = TURN.lock().await;
    let (checks, passed, _) = file_server(&["--text-mode"]).await;
    let args = assert_failed_at(&checks, passed, CheckId::NormalFile, HintId::WrongBytes);
    // "你好" went out in GBK instead of the file's own UTF-8 bytes.
    assert!(args["got_hex"].starts_with("c4 e3 ba c3"), "{args:?}");
    assert!(
        args["expected_hex"].starts_with("e4 bd a0 e5 a5 bd"),
        "{args:?}"
    );
}

// ----- cancelling, and the page leaving -----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_run_ends_and_leaves_nothing_bound() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (run, setup) = begin(&mut c, ChallengeId::UdpSender).await;
    let checker = setup.checker.unwrap();
    assert!(!free(checker), "the checker holds its port while it runs");
    assert_eq!(c.ok(Request::ChallengeCancel { run }).await, Reply::Done);
    let (checks, passed, cancelled) = finish(&mut c, run).await;
    assert!(checks.is_empty() && !passed && cancelled);
    common::wait_until("the checker's port is free", common::WAIT, || free(checker)).await;
    // The run is gone: cancelling or answering it again is refused.
    let e = c.err(Request::ChallengeCancel { run }).await;
    assert_eq!(e.code, protocol::ErrorCode::BadRequest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_start_cancels_the_running_one_and_the_page_leaving_stops_it() {
    let _turn = TURN.lock().await;
    let relay = start().await;
    let mut c = relay.client().await;
    let (first, _) = begin(&mut c, ChallengeId::TcpQuizClient).await;
    let (second, setup) = begin(&mut c, ChallengeId::FileClient).await;
    assert_ne!(first, second);
    let (_, passed, cancelled) = finish(&mut c, first).await;
    assert!(!passed && cancelled);
    let checker = setup.checker.unwrap();
    assert!(!free(checker));
    drop(c);
    common::wait_until(
        "the page left: the checker's port is free",
        common::WAIT,
        || free(checker),
    )
    .await;
}

// ----- your own network: the interfaces -----

/// `ip -j ARGS` as JSON.
#[cfg(target_os = "linux")]
fn ip_json(args: &[&str]) -> serde_json::Value {
    let out = Command::new("ip")
        .arg("-j")
        .args(args)
        .output()
        .expect("ip runs");
    assert!(out.status.success(), "ip {args:?} failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Run it also with a second interface and a default route in the namespace, e.g.
/// `ip link add v0 type veth peer name v1 && ip addr add 10.1.2.3/24 dev v0 && ip link set v0
/// up && ip link set v1 up && ip route add default via 10.1.2.1 dev v0`.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interfaces_are_exactly_the_oss_own_with_their_default_gateways() {
    use std::collections::BTreeSet;
    use std::net::IpAddr;

    let relay = start().await;
    let mut c = relay.client().await;
    let Reply::Interfaces { list } = c.ok(Request::Interfaces {}).await else {
        panic!("expected interfaces");
    };

    // Every address `ip addr` shows on an interface that is up, and nothing else.
    let mut expected = BTreeSet::new();
    for iface in ip_json(&["addr"]).as_array().unwrap() {
        let up = iface["flags"].as_array().unwrap().iter().any(|f| f == "UP");
        if !up {
            continue;
        }
        for a in iface["addr_info"].as_array().unwrap() {
            let addr: IpAddr = a["local"].as_str().unwrap().parse().unwrap();
            let prefix = a["prefixlen"].as_u64().unwrap() as u8;
            expected.insert((iface["ifname"].as_str().unwrap().to_owned(), addr, prefix));
        }
    }
    let got: BTreeSet<_> = list
        .iter()
        .map(|i| (i.name.clone(), i.addr, i.prefix))
        .collect();
    assert_eq!(got, expected);
    assert!(got.contains(&("lo".to_owned(), "127.0.0.1".parse().unwrap(), 8)));

    // Each address's gateway is the default route of its interface and family, if any.
    let mut defaults = Vec::new();
    for family in [&["route"][..], &["-6", "route"][..]] {
        for route in ip_json(family).as_array().unwrap() {
            if route["dst"] == "default" {
                let gateway: IpAddr = route["gateway"].as_str().unwrap().parse().unwrap();
                defaults.push((route["dev"].as_str().unwrap().to_owned(), gateway));
            }
        }
    }
    for i in &list {
        let wanted = defaults
            .iter()
            .find(|(dev, gw)| *dev == i.name && gw.is_ipv4() == i.addr.is_ipv4())
            .map(|(_, gw)| *gw);
        assert_eq!(i.gateway, wanted, "{i:?} (default routes: {defaults:?})");
    }
}
