//! The course's own TCP programs (tests/python/tcp_course_*.py, standard library only) against
//! the relay: the course client talks to a listener the page opened, the course server is
//! reached by the page's `tcp_connect`. Exact bytes both ways, GBK on the wire.

mod common;

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::start;
use serde_json::Value;

/// "你好" and "收到" in GBK.
const GBK_NIHAO: [u8; 4] = [0xC4, 0xE3, 0xBA, 0xC3];
const GBK_SHOUDAO: [u8; 4] = [0xCA, 0xD5, 0xB5, 0xBD];

fn script(name: &str) -> String {
    format!("{}/../tests/python/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A Python program that is killed if the test fails before it exits.
struct Python(Option<Child>);

impl Python {
    fn spawn(name: &str, args: &[&str]) -> Python {
        let child = Command::new("python3")
            .arg(script(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        Python(Some(child))
    }

    /// Waits (off the async runtime) for the exit; returns (exit code, its JSON line, stderr).
    async fn finish(mut self) -> (i32, Value, String) {
        let child = self.0.take().unwrap();
        let out = tokio::time::timeout(
            Duration::from_secs(15),
            tokio::task::spawn_blocking(move || child.wait_with_output()),
        )
        .await
        .expect("the Python program exits in time")
        .unwrap()
        .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let json = serde_json::from_str(stdout.trim())
            .unwrap_or_else(|e| panic!("no JSON line ({e}): {stdout:?}; stderr: {stderr}"));
        (out.status.code().unwrap_or(-1), json, stderr)
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_client_talks_to_a_listener_the_page_opened() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(None).await;
    let port = laddr.port().to_string();
    let python = Python::spawn(
        "tcp_course_client.py",
        &["--port", &port, "--message", "你好", "--encoding", "gbk"],
    );

    let (s, peer, local) = c.accepted(lid).await;
    assert_eq!(local, laddr);
    assert_eq!(c.tcp_recvs(s, 4).await.concat(), GBK_NIHAO);
    c.tcp_send(s, &GBK_SHOUDAO).await;
    // The course client closes after its one recv: the page's recv returns 0.
    c.peer_closed(s).await;

    let (code, out, stderr) = python.finish().await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(out["local"][0], "127.0.0.1");
    assert_eq!(
        out["local"][1],
        peer.port(),
        "tcp_accepted.peer is the client's own port"
    );
    assert_eq!(out["sent"]["hex"], "c4 e3 ba c3");
    assert_eq!(out["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(out["received"]["text"], "收到");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_connects_to_the_course_server() {
    let relay = start().await;
    let mut c = relay.client().await;
    let mut python = Python::spawn(
        "tcp_course_server.py",
        &["--port", "0", "--reply", "收到", "--encoding", "gbk"],
    );
    // The server says where it listens on stderr: "listening 127.0.0.1:PORT".
    let stderr = python.0.as_mut().unwrap().stderr.take().unwrap();
    let (first, stderr) = tokio::task::spawn_blocking(move || {
        let mut stderr = BufReader::new(stderr);
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        (line, stderr)
    })
    .await
    .unwrap();
    let port: u16 = first
        .trim()
        .strip_prefix("listening 127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .parse()
        .unwrap();
    // Keep draining stderr so the program never blocks on it.
    let rest = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = { stderr }.read_to_string(&mut rest);
        rest
    });

    let (s, local, peer) = c.tcp_connect("127.0.0.1", port, Some(1024)).await;
    assert_eq!(peer.port(), port);
    c.tcp_send(s, &GBK_NIHAO).await;
    assert_eq!(c.tcp_recvs(s, 4).await.concat(), GBK_SHOUDAO);
    // The course server closes the client's socket after answering.
    c.peer_closed(s).await;

    let (code, out, _) = python.finish().await;
    assert_eq!(code, 0, "{}", rest.join().unwrap());
    assert_eq!(out["listening"][1], port);
    assert_eq!(out["client"][0], "127.0.0.1");
    assert_eq!(
        out["client"][1],
        local.port(),
        "connected.local is the address accept() returned"
    );
    assert_eq!(out["received"]["hex"], "c4 e3 ba c3");
    assert_eq!(out["received"]["text"], "你好");
    assert_eq!(out["sent"]["hex"], "ca d5 b5 bd");
}
