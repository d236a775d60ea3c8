//! The real `relay` binary: the one line it prints, the busy-port fallback, a clean stop on
//! SIGTERM, and logs that never show the token.

mod common;

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use common::Client;
use protocol::ServerMessage;

fn spawn(args: &[&str]) -> (Child, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relay"))
        .args(args)
        .env("RUST_LOG", "debug")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

fn line(out: &mut BufReader<ChildStdout>) -> String {
    let mut l = String::new();
    out.read_line(&mut l).unwrap();
    l
}

/// `Tutorial: http://127.0.0.1:PORT/#token=TOKEN` -> (PORT, TOKEN)
fn parse_tutorial(line: &str) -> (u16, String) {
    let rest = line
        .strip_prefix("Tutorial: http://127.0.0.1:")
        .unwrap_or_else(|| panic!("not a Tutorial line: {line:?}"));
    let rest = rest.strip_suffix('\n').expect("a whole line");
    let (port, token) = rest.split_once("/#token=").expect("the token fragment");
    assert_eq!(token.len(), 64, "{token}");
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    (port.parse().unwrap(), token.to_owned())
}

/// Sends SIGTERM and waits for a clean exit; returns what it logged.
fn stop(mut child: Child) -> String {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "relay did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "{exit:?}");
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    logs
}

#[tokio::test]
async fn prints_one_tutorial_line_serves_and_stops_cleanly() {
    let (child, mut out) = spawn(&["--no-open", "--port", "0"]);
    let (port, token) = parse_tutorial(&line(&mut out));
    assert_ne!(port, 0);

    let mut c = Client::connect(port, &format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    let welcome = c.hello(&token).await;
    let ServerMessage::Welcome(w) = welcome else {
        panic!("{welcome:?}");
    };
    assert_eq!(w.relay_port, port);
    // A wrong token is logged as such, without either token.
    let mut bad = Client::connect(port, &format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    bad.hello(&"f".repeat(64)).await;
    drop(c);

    let logs = stop(child);
    assert!(logs.contains("relay listening on"), "{logs}");
    assert!(logs.contains("relay stopped"), "{logs}");
    assert!(!logs.contains(&token), "the token leaked into the logs");
    assert!(
        !logs.contains(&"f".repeat(64)),
        "an offered token leaked into the logs"
    );
    // Nothing else was printed on stdout.
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "");
}

#[tokio::test]
async fn a_busy_port_falls_back_to_a_free_one_and_says_so() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = held.local_addr().unwrap().port();
    let (child, mut out) = spawn(&["--no-open", "--port", &busy.to_string()]);
    let note = line(&mut out);
    let (port, _) = parse_tutorial(&line(&mut out));
    assert_ne!(port, busy);
    assert_eq!(
        note,
        format!(
            "Port {busy} (asked for with --port) is busy (another program, or another relay, \
             uses it); using port {port} instead.\n"
        )
    );
    let res = common::get(port, "/", Some(&format!("localhost:{port}")), "").await;
    assert_eq!(res.status, 200);
    stop(child);
}

#[test]
fn bad_flags_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_relay"))
        .args(["--allow-target", "192.168.1.0/33"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("192.168.1.0/33"));
    assert!(out.stdout.is_empty());
}
