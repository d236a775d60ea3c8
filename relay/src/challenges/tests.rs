//! The scripts' waits, with short timeouts (the relay's are 5 s and 120 s): a program that never
//! comes fails the first check with "no answer within N s", and nothing stays bound.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use protocol::{CheckId, CheckOutcome, CheckReport, HintId, ServerMessage};
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::mpsc;

use super::prepare::Timeouts;
use super::{Reporter, files, tcp, udp};
use crate::outbox::{Outbox, Outgoing};

const SHORT: Timeouts = Timeouts {
    step: Duration::from_millis(200),
    start: Duration::from_millis(300),
};

/// The checks a script reported.
fn reports(rx: &mut mpsc::Receiver<Outgoing>) -> Vec<CheckReport> {
    let mut found = Vec::new();
    while let Ok(out) = rx.try_recv() {
        if let Outgoing::Message(msg) = out
            && let ServerMessage::ChallengeCheck(report) = *msg
        {
            found.push(report);
        }
    }
    found
}

fn only_failure(reports: &[CheckReport]) -> (CheckId, CheckOutcome, Option<HintId>, String) {
    assert_eq!(reports.len(), 1, "{reports:?}");
    let r = &reports[0];
    (r.check, r.outcome, r.hint, r.args["seconds"].clone())
}

/// A loopback port nothing holds (TCP and UDP) when the test looks.
fn unused() -> SocketAddr {
    let l = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    l.local_addr().unwrap()
}

#[tokio::test]
async fn a_sender_that_never_sends_fails_the_first_check_in_start_time() {
    let (outbox, mut rx) = Outbox::new();
    let mut r = Reporter::new(1, outbox);
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let addr = socket.local_addr().unwrap();
    assert!(udp::sender(socket, &mut r, SHORT).await.is_err());
    let failed = only_failure(&reports(&mut rx));
    assert_eq!(
        failed,
        (
            CheckId::DatagramArrived,
            CheckOutcome::Fail,
            Some(HintId::NoAnswer),
            "1".to_owned()
        )
    );
    assert!(r.failed());
    // The script gave its socket back.
    assert!(std::net::UdpSocket::bind(addr).is_ok());
}

#[tokio::test]
async fn a_client_that_never_connects_fails_client_connected() {
    let (outbox, mut rx) = Outbox::new();
    let mut r = Reporter::new(2, outbox);
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    assert!(tcp::quiz(listener, &mut r, SHORT).await.is_err());
    let (check, _, hint, _) = only_failure(&reports(&mut rx));
    assert_eq!(
        (check, hint),
        (CheckId::ClientConnected, Some(HintId::NoAnswer))
    );

    let (outbox, mut rx) = Outbox::new();
    let mut r = Reporter::new(3, outbox);
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
    let file = files::BigFile::new().unwrap();
    let (_tx, answers) = mpsc::channel(1);
    assert!(
        files::client(listener, file, answers, &mut r, SHORT)
            .await
            .is_err()
    );
    let (check, _, hint, _) = only_failure(&reports(&mut rx));
    assert_eq!(
        (check, hint),
        (CheckId::ClientConnected, Some(HintId::NoAnswer))
    );
}

#[tokio::test]
async fn a_file_server_never_started_is_refused_after_the_start_time_and_its_folder_goes() {
    let (outbox, mut rx) = Outbox::new();
    let mut r = Reporter::new(4, outbox);
    let folder = files::Folder::new().unwrap();
    let served = folder.served();
    assert!(served.join("hello.txt").is_file());
    assert!(served.parent().unwrap().join("secret.txt").is_file());
    let started = std::time::Instant::now();
    assert!(
        files::server(unused(), folder, &mut r, SHORT)
            .await
            .is_err()
    );
    assert!(
        started.elapsed() >= SHORT.start,
        "tried again until the start time"
    );
    let (check, _, hint, seconds) = only_failure(&reports(&mut rx));
    assert_eq!(
        (check, hint, seconds.as_str()),
        (CheckId::NormalFile, Some(HintId::ConnectionRefused), "1")
    );
    assert!(!served.exists());
}

#[tokio::test]
async fn an_echo_server_not_running_is_refused_at_once() {
    let (outbox, mut rx) = Outbox::new();
    let mut r = Reporter::new(5, outbox);
    assert!(tcp::echo(unused(), &mut r, SHORT).await.is_err());
    let reports = reports(&mut rx);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].hint, Some(HintId::ConnectionRefused));
}
