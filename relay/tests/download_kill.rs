//! The real `relay` binary killed (SIGKILL) in the middle of a download: afterwards no file
//! with the final name exists, and an older file of that name is intact.

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use common::Client;
use protocol::{DownloadMode, Reply, Request, ServerMessage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_relay_mid_download_leaves_no_finished_looking_file() {
    let served = tempfile::tempdir().unwrap();
    std::fs::write(served.path().join("big.bin"), vec![1u8; 2_000_000]).unwrap();
    let downloads = tempfile::tempdir().unwrap();
    std::fs::write(downloads.path().join("[接收]big.bin"), b"old").unwrap();

    // A course server that sends 300 kB and then stalls: the download is surely under way.
    let mut server = Command::new("python3")
        .arg(format!(
            "{}/../tests/python/file_course_server.py",
            env!("CARGO_MANIFEST_DIR")
        ))
        .args(["--port", "0", "--dir", served.path().to_str().unwrap()])
        .args(["--stall-after", "300000", "--timeout", "10"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: serde_json::Value = serde_json::from_str(&line).unwrap();
    let port = port["port"].as_u64().unwrap() as u16;

    let mut relay = Command::new(env!("CARGO_BIN_EXE_relay"))
        .args(["--no-open", "--port", "0", "--downloads"])
        .arg(downloads.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut tutorial = String::new();
    BufReader::new(relay.stdout.as_mut().unwrap())
        .read_line(&mut tutorial)
        .unwrap();
    let rest = tutorial
        .trim()
        .strip_prefix("Tutorial: http://127.0.0.1:")
        .unwrap();
    let (relay_port, token) = rest.split_once("/#token=").unwrap();
    let relay_port: u16 = relay_port.parse().unwrap();
    let mut c = Client::connect(relay_port, &format!("http://127.0.0.1:{relay_port}"))
        .await
        .unwrap();
    assert!(matches!(c.hello(token).await, ServerMessage::Welcome(_)));
    let reply = c
        .ok(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: "big.bin".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await;
    assert!(matches!(reply, Reply::DownloadStarted { .. }));
    c.event_where(
        |m| matches!(m, ServerMessage::DownloadProgress { received, .. } if *received >= 300_000),
    )
    .await;

    relay.kill().unwrap();
    relay.wait().unwrap();
    let _ = server.kill();
    let _ = server.wait();

    let mut names: Vec<String> = std::fs::read_dir(downloads.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // The old file is intact; what was being received is only a hidden ".part" file.
    assert_eq!(
        std::fs::read(downloads.path().join("[接收]big.bin")).unwrap(),
        b"old"
    );
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].starts_with(".netlab-") && names[0].ends_with(".part"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains("(1)")), "{names:?}");
}
