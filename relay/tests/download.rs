//! The file-download lab with real TCP and real files: the relay's file server (the course's
//! protocol, one folder only, bad names refused with nothing sent) and its downloader (to end
//! of stream, checksum, temporary file then atomic rename, never overwriting; stalls and resets
//! leave nothing behind), and the course's own Python programs in both roles.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{Client, TestRelay, raw_get, start_with};
use protocol::{
    DownloadMode, DownloadReport, DownloadStatus, ErrorCode, RefuseReason, Reply, Request,
    ServeOutcome, ServedReport, ServerMessage,
};
use relay::config::Config;
use relay::files::samples::SAMPLES;
use sha2::{Digest as _, Sha256};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

fn sha(bytes: &[u8]) -> String {
    relay::files::hex(&Sha256::digest(bytes))
}

fn sample(name: &str) -> Vec<u8> {
    SAMPLES.iter().find(|(n, _)| *n == name).unwrap().1()
}

/// A relay serving `served` (default: the samples), saving to a fresh downloads folder.
struct Lab {
    relay: TestRelay,
    c: Client,
    downloads: tempfile::TempDir,
    server_port: u16,
}

async fn lab(served: Option<PathBuf>) -> Lab {
    let downloads = tempfile::tempdir().unwrap();
    let cfg = Config {
        files: served,
        downloads: Some(downloads.path().to_path_buf()),
        stall_timeout: Some(0.5),
        ..Config::default()
    };
    let relay = start_with(cfg).await;
    let mut c = relay.client().await;
    let server_port = match c
        .ok(Request::FileServerStart {
            port: 0,
            read_whole: false,
        })
        .await
    {
        Reply::FileServer { local, files, .. } => {
            assert!(local.ip().is_loopback());
            if !files.is_empty() {
                assert!(files.iter().any(|f| f.name == "hello.txt") || files.len() < 4);
            }
            local.port()
        }
        other => panic!("expected file_server, got {other:?}"),
    };
    Lab {
        relay,
        c,
        downloads,
        server_port,
    }
}

impl Lab {
    async fn download(&mut self, port: u16, name: &str, mode: DownloadMode) -> DownloadReport {
        let id = match self
            .c
            .ok(Request::DownloadStart {
                host: "127.0.0.1".into(),
                port,
                name: name.into(),
                mode,
            })
            .await
        {
            Reply::DownloadStarted { download } => download,
            other => panic!("expected download_started, got {other:?}"),
        };
        self.finished(id).await
    }

    async fn finished(&mut self, id: u32) -> DownloadReport {
        match self
            .c
            .event_where(|m| matches!(m, ServerMessage::DownloadFinished(r) if r.download == id))
            .await
        {
            ServerMessage::DownloadFinished(r) => r,
            _ => unreachable!(),
        }
    }

    async fn served(&mut self) -> ServedReport {
        match self
            .c
            .event_where(|m| matches!(m, ServerMessage::FileServed(_)))
            .await
        {
            ServerMessage::FileServed(r) => r,
            _ => unreachable!(),
        }
    }

    /// Every file in the downloads folder (hidden temporary ones too).
    fn saved(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.downloads.path())
            .map(|d| {
                d.map(|e| e.unwrap().file_name().into_string().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_downloader_gets_every_byte_checks_it_and_never_overwrites() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let photo = sample("photo.bin");
    let r = lab
        .download(port, "photo.bin", DownloadMode::UntilEnd)
        .await;
    assert_eq!(r.status, DownloadStatus::Complete, "{r:?}");
    assert_eq!(r.received, photo.len() as u64);
    assert!(r.own_server);
    assert_eq!(r.sha256, sha(&photo));
    assert_eq!(r.expected_sha256.as_deref(), Some(sha(&photo).as_str()));
    assert_eq!(r.expected_size, Some(photo.len() as u64));
    let saved = PathBuf::from(r.saved_as.unwrap());
    assert_eq!(saved, lab.downloads.path().join("[接收]photo.bin"));
    assert_eq!(std::fs::read(&saved).unwrap(), photo);
    let served = lab.served().await;
    assert_eq!(served.outcome, ServeOutcome::Sent);
    assert_eq!(served.bytes, photo.len() as u64);
    assert_eq!(served.name, "photo.bin");

    // Again: a new name, the first file untouched, no temporary file left.
    let r = lab
        .download(port, "photo.bin", DownloadMode::UntilEnd)
        .await;
    assert_eq!(r.status, DownloadStatus::Complete);
    assert!(r.saved_as.unwrap().ends_with("[接收]photo (1).bin"));
    assert_eq!(lab.saved(), ["[接收]photo (1).bin", "[接收]photo.bin"]);
    lab.relay.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_moves_and_ends_at_the_total() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let Reply::DownloadStarted { download } = lab
        .c
        .ok(Request::DownloadStart {
            host: "localhost".into(),
            port,
            name: "photo.bin".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await
    else {
        panic!()
    };
    let mut last = 0;
    loop {
        match lab.c.recv().await {
            ServerMessage::DownloadProgress {
                received, total, ..
            } => {
                assert!(received >= last);
                assert_eq!(total, Some(sample("photo.bin").len() as u64));
                last = received;
            }
            ServerMessage::DownloadFinished(r) => {
                assert_eq!(r.download, download);
                assert_eq!(last, r.received, "the last progress shows the end");
                break;
            }
            _ => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_client_mode_truncates_at_one_recv() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let poem = sample("poem.txt");
    let r = lab
        .download(port, "poem.txt", DownloadMode::CourseOnce)
        .await;
    assert_eq!(r.status, DownloadStatus::CourseOnce);
    assert_eq!(r.received, 1024);
    assert_eq!(r.sha256, sha(&poem[..1024]));
    assert_eq!(r.expected_size, Some(poem.len() as u64));
    assert_ne!(r.expected_sha256, Some(r.sha256.clone()));
    assert_eq!(std::fs::read(r.saved_as.unwrap()).unwrap(), &poem[..1024]);
    // A small file fits in one recv: the bug does not show.
    let r = lab
        .download(port, "hello.txt", DownloadMode::CourseOnce)
        .await;
    assert_eq!(r.received, sample("hello.txt").len() as u64);
    assert_eq!(r.expected_sha256, Some(r.sha256.clone()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_and_empty_both_give_nothing_and_save_nothing() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let empty = lab
        .download(port, "empty.txt", DownloadMode::UntilEnd)
        .await;
    let missing = lab.download(port, "nope.txt", DownloadMode::UntilEnd).await;
    for r in [&empty, &missing] {
        assert_eq!(r.status, DownloadStatus::NothingReceived);
        assert_eq!(r.received, 0);
        assert_eq!(r.saved_as, None);
    }
    // Only the relay, knowing its own folder, can tell them apart.
    assert_eq!(empty.expected_size, Some(0));
    assert_eq!(missing.expected_size, None);
    let outcomes = [lab.served().await.outcome, lab.served().await.outcome];
    assert!(outcomes.contains(&ServeOutcome::Missing));
    assert!(outcomes.contains(&ServeOutcome::Sent));
    assert!(lab.saved().is_empty(), "{:?}", lab.saved());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_names_get_nothing_and_the_log_says_why() {
    let outside = tempfile::tempdir().unwrap();
    let served = outside.path().join("served");
    std::fs::create_dir(&served).unwrap();
    std::fs::write(outside.path().join("secret.txt"), b"top secret").unwrap();
    std::fs::write(served.join("ok.txt"), b"fine").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), served.join("link.txt")).unwrap();
    let mut lab = lab(Some(served)).await;
    let port = lab.server_port;
    let long = "a".repeat(3000);
    let cases: [(&[u8], RefuseReason); 7] = [
        (b"../../etc/passwd", RefuseReason::DotDot),
        (b"../secret.txt", RefuseReason::DotDot),
        (b"/etc/passwd", RefuseReason::Absolute),
        (b"ok.txt\0.png", RefuseReason::NulByte),
        (b"..\\secret.txt", RefuseReason::Backslash),
        (b"link.txt", RefuseReason::OutsideFolder),
        (long.as_bytes(), RefuseReason::TooLong),
    ];
    for (name, reason) in cases {
        assert_eq!(raw_get(port, name).await, b"", "{reason:?}");
        let r = lab.served().await;
        assert_eq!(r.outcome, ServeOutcome::Refused);
        assert_eq!(r.reason, Some(reason));
        assert_eq!(r.bytes, 0);
    }
    assert_eq!(raw_get(port, b"ok.txt").await, b"fine");
    assert_eq!(lab.served().await.outcome, ServeOutcome::Sent);
    // The downloader shows the same through the page.
    let r = lab
        .download(port, "../secret.txt", DownloadMode::UntilEnd)
        .await;
    assert_eq!(r.status, DownloadStatus::NothingReceived);
    assert_eq!(lab.served().await.reason, Some(RefuseReason::DotDot));
    // Names the downloader will not even send.
    let e = lab
        .c
        .err(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: "x".repeat(5000),
            mode: DownloadMode::UntilEnd,
        })
        .await;
    assert_eq!(e.code, ErrorCode::BadRequest);
}

// Linux only: the wait asks the kernel's /proc/net/tcp whether the server has read "hel".
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_in_pieces_is_gathered() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    s.set_nodelay(true).unwrap();
    s.write_all(b"hel").await.unwrap();
    // The server's first recv must take "hel" alone: wait until it has read it.
    let (local, peer) = (s.local_addr().unwrap(), s.peer_addr().unwrap());
    common::wait_until("the file server's recv of \"hel\"", common::WAIT, || {
        testkit::peer_has_read_all(local, peer)
    })
    .await;
    s.write_all(b"lo.txt").await.unwrap();
    // No shutdown: like the course's client, it just waits.
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    assert_eq!(out, sample("hello.txt"));
    let r = lab.served().await;
    assert_eq!((r.name_bytes, r.name_recvs), (9, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_with_a_newline_is_gathered() {
    let lab = lab(None).await;
    let port = lab.server_port;
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    s.write_all(b"hello.txt\r\n").await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    assert_eq!(out, sample("hello.txt"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_server_on_a_busy_port_is_eaddrinuse() {
    let lab = lab(None).await;
    let mut other = lab.relay.client().await;
    let e = other
        .err(Request::FileServerStart {
            port: lab.server_port,
            read_whole: false,
        })
        .await;
    assert_eq!(e.code, ErrorCode::AddrInUse);
    // Outside what the page may reach: refused before connecting.
    let mut c = lab.relay.client().await;
    let e = c
        .err(Request::DownloadStart {
            host: "192.0.2.1".into(),
            port: 7890,
            name: "a".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TargetDenied);
}

/// The page starts the server again on the port it already holds (a step of the lesson that
/// lost track of it): the old listener is closed before the new one binds, every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_again_on_the_same_port_moves_the_server_cleanly() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    for _ in 0..20 {
        match lab
            .c
            .ok(Request::FileServerStart {
                port,
                read_whole: false,
            })
            .await
        {
            Reply::FileServer { local, .. } => assert_eq!(local.port(), port),
            other => panic!("expected file_server, got {other:?}"),
        }
    }
    let report = lab
        .download(port, "hello.txt", DownloadMode::UntilEnd)
        .await;
    assert!(report.own_server);
    assert_eq!(report.received, sample("hello.txt").len() as u64);
    let r = lab.served().await;
    assert_eq!(r.name, "hello.txt");
}

/// The course server's way (`read_whole`): the log line says the whole file was held in
/// memory, and (on Linux) the relay's memory grew by about the file's size meanwhile. The
/// streaming server's lines carry no memory at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_reading_whole_files_reports_the_memory_it_held() {
    let mut lab = lab(None).await;
    lab.download(lab.server_port, "poem.txt", DownloadMode::UntilEnd)
        .await;
    assert_eq!(lab.served().await.memory, None);

    // On a port of its own: moving onto the port just freed can meet EADDRINUSE when another
    // test's connection took it as its ephemeral port meanwhile (the same-port move has a test
    // of its own above).
    let port = match lab
        .c
        .ok(Request::FileServerStart {
            port: 0,
            read_whole: true,
        })
        .await
    {
        Reply::FileServer { local, .. } => local.port(),
        other => panic!("expected file_server, got {other:?}"),
    };
    assert_ne!(port, 0);
    let size = sample("photo.bin").len() as u64;
    let report = lab
        .download(port, "photo.bin", DownloadMode::UntilEnd)
        .await;
    assert_eq!(report.received, size);
    let r = lab.served().await;
    assert_eq!((r.outcome, r.bytes), (ServeOutcome::Sent, size));
    let memory = r.memory.expect("a whole-file server reports its memory");
    assert_eq!(memory.held, size);
    #[cfg(target_os = "linux")]
    {
        let (before, holding) = (memory.rss_before.unwrap(), memory.rss_holding.unwrap());
        assert!(holding >= before + size * 9 / 10, "{before} -> {holding}");
    }
}

// ----- the course's Python programs -----

fn script(name: &str) -> String {
    format!("{}/../tests/python/{name}", env!("CARGO_MANIFEST_DIR"))
}

struct Python(Child);

impl Drop for Python {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn python(name: &str, args: &[&str]) -> Python {
    Python(
        Command::new("python3")
            .arg(script(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs"),
    )
}

/// Runs a Python program to its end (off the runtime) and returns its last JSON line.
async fn python_json(name: &str, args: Vec<String>) -> serde_json::Value {
    let name = name.to_owned();
    tokio::task::spawn_blocking(move || {
        // The program has its own timeouts, so waiting for it ends.
        let out = Command::new("python3")
            .arg(script(&name))
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{name} failed: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        serde_json::from_str(text.lines().last().unwrap()).unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_client_in_python_against_the_relays_server() {
    let mut lab = lab(None).await;
    let port = lab.server_port.to_string();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_owned();
    let args = |name: &str, fix: bool| {
        let mut a: Vec<String> = ["--port", &port, "--name", name, "--dir", &d]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if fix {
            a.push("--loop".into());
        }
        a
    };
    // The course: one recv(1024).
    let poem = sample("poem.txt");
    let once = python_json("file_course_client.py", args("poem.txt", false)).await;
    assert_eq!(once["received"], 1024);
    assert_eq!(once["sha256"], sha(&poem[..1024]));
    // The fix: until recv returns 0. Exact bytes.
    let photo = sample("photo.bin");
    let fixed = python_json("file_course_client.py", args("photo.bin", true)).await;
    assert_eq!(fixed["received"], photo.len());
    assert_eq!(fixed["sha256"], sha(&photo));
    assert_eq!(
        std::fs::read(dir.path().join("[接收]photo.bin")).unwrap(),
        photo
    );
    // Missing: nothing saved.
    let missing = python_json("file_course_client.py", args("nope.txt", true)).await;
    assert_eq!(missing["received"], 0);
    assert!(missing["saved_as"].is_null());
    let mut outcomes = Vec::new();
    for _ in 0..3 {
        outcomes.push(lab.served().await.outcome);
    }
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == ServeOutcome::Missing)
            .count(),
        1
    );
}

/// Starts the Python course server on a free port, serving `dir`; returns it and its port.
fn course_server(dir: &Path, extra: &[&str]) -> (Python, u16) {
    use std::io::BufRead as _;
    let mut args = vec![
        "--port",
        "0",
        "--dir",
        dir.to_str().unwrap(),
        "--timeout",
        "5",
    ];
    args.extend_from_slice(extra);
    let mut p = python("file_course_server.py", &args);
    let mut line = String::new();
    std::io::BufReader::new(p.0.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    (p, v["port"].as_u64().unwrap() as u16)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relays_downloader_against_the_course_server_in_python() {
    let mut lab = lab(None).await;
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(dir.path().join("数据.bin"), &bytes).unwrap();
    let (_server, port) = course_server(dir.path(), &["--clients", "1"]);
    let r = lab.download(port, "数据.bin", DownloadMode::UntilEnd).await;
    assert_eq!(r.status, DownloadStatus::Complete, "{r:?}");
    assert!(!r.own_server);
    assert_eq!(r.expected_sha256, None);
    assert_eq!(r.sha256, sha(&bytes));
    assert_eq!(
        std::fs::read(lab.downloads.path().join("[接收]数据.bin")).unwrap(),
        bytes
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_stalls_or_resets_leaves_no_file() {
    let mut lab = lab(None).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.bin"), vec![7u8; 500_000]).unwrap();

    let (_stalls, port) = course_server(dir.path(), &["--stall-after", "100000"]);
    let r = lab.download(port, "big.bin", DownloadMode::UntilEnd).await;
    assert_eq!(r.status, DownloadStatus::Failed);
    let e = r.error.unwrap();
    assert_eq!(e.code, ErrorCode::TimedOut, "{e:?}");
    assert!(e.detail.unwrap().contains("stalled"));
    assert_eq!(r.received, 100_000);
    assert_eq!(r.saved_as, None);

    let (_resets, port) = course_server(dir.path(), &["--reset-after", "100000"]);
    let r = lab.download(port, "big.bin", DownloadMode::UntilEnd).await;
    assert_eq!(r.status, DownloadStatus::Failed);
    assert_eq!(r.error.unwrap().code, ErrorCode::ConnReset);
    assert!(lab.saved().is_empty(), "{:?}", lab.saved());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_download_leaves_no_file() {
    let mut lab = lab(None).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.bin"), vec![7u8; 500_000]).unwrap();
    let (_stalls, port) = course_server(dir.path(), &["--stall-after", "100000"]);
    let Reply::DownloadStarted { download } = lab
        .c
        .ok(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: "big.bin".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await
    else {
        panic!()
    };
    lab.c
        .event_where(
            |m| matches!(m, ServerMessage::DownloadProgress { received, .. } if *received > 0),
        )
        .await;
    assert_eq!(
        lab.c.ok(Request::DownloadCancel { download }).await,
        Reply::Done
    );
    let r = lab.finished(download).await;
    assert_eq!(r.status, DownloadStatus::Cancelled);
    assert!(lab.saved().is_empty(), "{:?}", lab.saved());
    let e = lab.c.err(Request::DownloadCancel { download }).await;
    assert_eq!(e.code, ErrorCode::BadRequest);
}
