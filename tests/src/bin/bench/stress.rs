//! `bench --stress` (issue 12): the relay under a local process's abuse, on loopback only, with
//! every load bounded and stopping by itself. One run prints the relay's memory (RSS), open
//! file descriptors and threads at the peak of each load:
//!
//! 1. 1,000 idle TCP connections (connected, nothing sent);
//! 2. 1,000 WebSocket upgrades that never say hello;
//! 3. 100 download attempts from one page session, to a server that never answers;
//!
//! and, all the while, the `GET /` latency of a well-behaved client (a fresh connection per
//! request, like a reload), p50 and p99 (goal: p99 under 50 ms), and how many of its requests
//! failed.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use e2e::Relay;
use protocol::{DownloadMode, ErrorCode, Reply, Request};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

use crate::stats::{kib, percentile};

const IDLE: usize = 1_000;
const UPGRADES: usize = 1_000;
const DOWNLOADS: usize = 100;
/// How long each load is held before it is let go.
const HOLD: Duration = Duration::from_secs(3);
/// The well-behaved client's pace.
const GET_EVERY: Duration = Duration::from_millis(20);

/// The relay process as /proc sees it.
#[derive(Clone, Copy, Debug, Default)]
struct Usage {
    rss: u64,
    fds: usize,
    threads: usize,
}

fn usage(pid: u32) -> Usage {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0);
    Usage {
        rss: field("VmRSS:") * 1024,
        fds,
        threads: field("Threads:") as usize,
    }
}

/// One load's figures.
struct Phase {
    name: &'static str,
    peak: Usage,
    outcome: String,
}

pub struct StressFigures {
    baseline: Usage,
    phases: Vec<Phase>,
    after: Usage,
    get_ms: Vec<f64>,
    get_failed: Vec<String>,
}

pub async fn measure(relay_bin: &Path) -> Result<StressFigures> {
    let relay = Relay::start_binary(relay_bin.to_path_buf(), &[], &[]);
    let pid = relay.pid();
    let port = relay.port();
    eprintln!("stress: relay pid {pid} on port {port}");
    // Say hello once first: the launch token opens one session, this is it.
    let mut page = relay.client().await;
    let baseline = usage(pid);

    let stop = Arc::new(AtomicBool::new(false));
    let client = tokio::spawn(good_client(port, stop.clone()));
    let began = Instant::now();
    let at = |what: &str| eprintln!("stress: {what} at {:.1} s", began.elapsed().as_secs_f64());
    let mut phases = Vec::new();

    // 1. Idle connections.
    at("idle connections");
    let mut idle = Vec::new();
    let mut refused = 0;
    for _ in 0..IDLE {
        match TcpStream::connect(("127.0.0.1", port)).await {
            Ok(s) => idle.push(s),
            Err(_) => refused += 1,
        }
    }
    let peak = hold(pid).await;
    let mut closed = 0;
    for s in &mut idle {
        let mut b = [0u8; 1];
        if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_millis(1), s.read(&mut b)).await {
            closed += 1;
        }
    }
    drop(idle);
    phases.push(Phase {
        name: "1,000 idle connections",
        peak,
        outcome: format!("{closed} closed by the relay to make room, {refused} refused at connect"),
    });

    // 2. Upgrades that never say hello.
    at("upgrades");
    let mut upgrades = Vec::new();
    let (mut switched, mut busy, mut other) = (0, 0, 0);
    for _ in 0..UPGRADES {
        let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await else {
            other += 1;
            continue;
        };
        let req = format!(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\
             Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        );
        if s.write_all(req.as_bytes()).await.is_err() {
            other += 1;
            continue;
        }
        let mut head = [0u8; 12];
        match tokio::time::timeout(Duration::from_secs(2), s.read_exact(&mut head)).await {
            Ok(Ok(_)) if &head[9..12] == b"101" => switched += 1,
            Ok(Ok(_)) if &head[9..12] == b"503" => busy += 1,
            _ => other += 1,
        }
        upgrades.push(s);
    }
    let peak = hold(pid).await;
    drop(upgrades);
    phases.push(Phase {
        name: "1,000 upgrades without hello",
        peak,
        outcome: format!(
            "{switched} upgraded (then closed at the hello timeout), {busy} got 503, {other} other"
        ),
    });

    // 3. Downloads from a server that accepts and never answers.
    at("downloads");
    let silent = TcpListener::bind("127.0.0.1:0").await?;
    let silent_port = silent.local_addr()?.port();
    let held = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = silent.accept().await {
            held.push(s);
        }
    });
    let (mut started, mut too_many, mut limited, mut failed) = (0, 0, 0, 0);
    for i in 0..DOWNLOADS {
        let r = page
            .request(Request::DownloadStart {
                host: "127.0.0.1".into(),
                port: silent_port,
                name: format!("stress-{i}.bin"),
                mode: DownloadMode::UntilEnd,
            })
            .await;
        match r {
            Ok(Reply::DownloadStarted { .. }) => started += 1,
            Err(e) if e.code == ErrorCode::TooManySockets => too_many += 1,
            Err(e) if e.code == ErrorCode::RateLimited => limited += 1,
            _ => failed += 1,
        }
    }
    let peak = hold(pid).await;
    drop(page);
    held.abort();
    phases.push(Phase {
        name: "100 download attempts",
        peak,
        outcome: format!(
            "{started} started, {too_many} TOO_MANY_SOCKETS, {limited} RATE_LIMITED, {failed} other"
        ),
    });

    at("end");
    stop.store(true, Ordering::SeqCst);
    let (get_ms, get_failed) = client.await.context("the well-behaved client")?;
    let after = usage(pid);
    Ok(StressFigures {
        baseline,
        phases,
        after,
        get_ms,
        get_failed,
    })
}

/// Holds the load for `HOLD`, sampling the relay; returns the peak of each figure.
async fn hold(pid: u32) -> Usage {
    let until = Instant::now() + HOLD;
    let mut peak = Usage::default();
    while Instant::now() < until {
        let u = usage(pid);
        peak.rss = peak.rss.max(u.rss);
        peak.fds = peak.fds.max(u.fds);
        peak.threads = peak.threads.max(u.threads);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    peak
}

/// `GET /` on a fresh connection every `GET_EVERY` until `stop`; the latencies (ms) of the
/// requests that got their 200 whole, and why each of the others failed (with when).
async fn good_client(port: u16, stop: Arc<AtomicBool>) -> (Vec<f64>, Vec<String>) {
    let mut ms = Vec::new();
    let mut failed = Vec::new();
    let start = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        let t0 = Instant::now();
        let got = tokio::time::timeout(Duration::from_secs(5), get(port)).await;
        match got {
            Ok(Ok(head)) if head.starts_with("HTTP/1.1 200 ") => {
                ms.push(t0.elapsed().as_secs_f64() * 1000.0)
            }
            other => {
                let why = match other {
                    Ok(Ok(head)) if head.is_empty() => "closed with no answer".to_owned(),
                    Ok(Ok(head)) => format!("answered {head:?}"),
                    Ok(Err(e)) => format!("{e}"),
                    Err(_) => "no answer in 5 s".to_owned(),
                };
                failed.push(format!("at {:.1} s: {why}", start.elapsed().as_secs_f64()));
            }
        }
        tokio::time::sleep(GET_EVERY).await;
    }
    (ms, failed)
}

/// The answer's status line (empty when the connection closed with nothing).
async fn get(port: u16) -> std::io::Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await?;
    let req = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await?;
    let mut body = Vec::new();
    s.read_to_end(&mut body).await?;
    let head = body.split(|&b| b == b'\r').next().unwrap_or_default();
    Ok(String::from_utf8_lossy(head).into_owned())
}

impl StressFigures {
    pub fn print(&self) {
        let show = |u: &Usage| {
            format!(
                "RSS {:>10}, {:>4} fds, {:>3} threads",
                kib(u.rss),
                u.fds,
                u.threads
            )
        };
        println!("Relay under local abuse (bench --stress, loopback only)");
        println!(
            "{:<32} {}",
            "idle relay (one page session)",
            show(&self.baseline)
        );
        for p in &self.phases {
            println!("{:<32} {}  ({})", p.name, show(&p.peak), p.outcome);
        }
        println!("{:<32} {}", "after", show(&self.after));
        if self.get_ms.is_empty() {
            println!(
                "GET / meanwhile: no request answered, {} failed",
                self.get_failed.len()
            );
            return;
        }
        let p50 = percentile(&self.get_ms, 50.0);
        let p99 = percentile(&self.get_ms, 99.0);
        println!(
            "GET / meanwhile: {} answered, {} failed; p50 {p50:.1} ms, p99 {p99:.1} ms (goal p99 < 50 ms: {})",
            self.get_ms.len(),
            self.get_failed.len(),
            if p99 < 50.0 && self.get_failed.is_empty() {
                "met"
            } else {
                "NOT met"
            }
        );
        for why in &self.get_failed {
            println!("  failed GET / {why}");
        }
    }
}
