//! The flood figures (issue 14): a learner's runaway sender against the page, in headless
//! Chromium with the release relay.
//!
//! - 10,000 datagrams a second for 10 s into the peer panel's bound UDP socket, then into the
//!   UDP lesson's bind step;
//! - a 50 MB/s TCP stream for 10 s into the panel's TCP server.
//!
//! During each flood a trivial script is timed through WebDriver, over and over: its round trip
//! is how long the page's main thread keeps a caller waiting (the stall). Then the same for 1 s
//! after it, and how long until the round trip is back to what it was before. The counts the
//! page shows (its totals line's `data-count`/`data-bytes`) are set against what was sent (less
//! what the kernel itself dropped before the relay could read it, `RcvbufErrors` in
//! /proc/net/snmp), and the relay's resident memory is sampled throughout. The round trip goes
//! through chromedriver and the browser process, so on a machine short of cores it also waits
//! for them: beside it the table shows how busy the page's main thread itself was during the
//! flood (DevTools' `Performance.getMetrics`: its tasks' time over the flood's). Senders are bounded
//! (rate and duration) and send to 127.0.0.1 only.

use std::io::Write as _;
use std::net::{TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use e2e::{Browser, Relay, free_tcp_port, free_udp_port, open_page, panel_mode, start_panel_on};

use crate::stats::{kib, median, percentile};

const SECONDS: u64 = 10;
const DATAGRAMS_PER_SECOND: u64 = 10_000;
const DATAGRAM: usize = 100;
const TCP_BYTES_PER_SECOND: u64 = 50 * 1000 * 1000;
const TCP_CHUNK: usize = 64 * 1024;

/// Goals: p99 stall during the flood, and how soon the page is back to normal after it.
const GOAL_P99_MS: f64 = 100.0;
const GOAL_RECOVER_MS: f64 = 1000.0;

/// One flood's figures.
struct Run {
    name: &'static str,
    unit: &'static str,
    during: Vec<f64>,
    after: Vec<f64>,
    baseline: f64,
    /// Ms from the flood's end until a round trip is back within 2x the baseline (+5 ms).
    recovered_ms: Option<f64>,
    sent: u64,
    sent_bytes: u64,
    /// Dropped by the kernel before the relay read them (UDP only; machine-wide counter).
    kernel_dropped: u64,
    shown: u64,
    shown_bytes: u64,
    rss_peak: u64,
    /// The share of the flood's time the page's main thread spent running tasks (0 to 1).
    busy: f64,
}

pub struct FloodFigures {
    runs: Vec<Run>,
}

/// A process's resident memory, from /proc.
fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

/// UDP datagrams the kernel dropped for a full socket buffer (this network namespace).
fn rcvbuf_errors() -> u64 {
    let snmp = std::fs::read_to_string("/proc/net/snmp").unwrap_or_default();
    let mut lines = snmp.lines().filter(|l| l.starts_with("Udp:"));
    let (Some(names), Some(values)) = (lines.next(), lines.next()) else {
        return 0;
    };
    names
        .split_whitespace()
        .position(|n| n == "RcvbufErrors")
        .and_then(|i| values.split_whitespace().nth(i)?.parse().ok())
        .unwrap_or(0)
}

/// The page's main thread's time in tasks so far, in seconds (DevTools' `TaskDuration`).
async fn task_seconds(browser: &Browser) -> f64 {
    let metrics = browser
        .cdp("Performance.getMetrics", serde_json::json!({}))
        .await;
    metrics["metrics"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["name"] == "TaskDuration"))
        .and_then(|m| m["value"].as_f64())
        .expect("DevTools' metrics have TaskDuration")
}

async fn round_trip_ms(browser: &Browser) -> f64 {
    let start = Instant::now();
    browser.eval("return 1").await;
    start.elapsed().as_secs_f64() * 1e3
}

/// The totals line's exact numbers: (count, bytes).
async fn shown(browser: &Browser, totals: &str) -> (u64, u64) {
    let read = |name: &'static str| async move {
        browser
            .attr(totals, name)
            .await
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (read("data-count").await, read("data-bytes").await)
}

/// Sends 10,000 datagrams a second for 10 s to 127.0.0.1:port, 10 every millisecond.
fn udp_flood(port: u16) -> (u64, u64) {
    let peer = UdpSocket::bind("127.0.0.1:0").expect("a UDP socket");
    let payload = [b'x'; DATAGRAM];
    let per_ms = DATAGRAMS_PER_SECOND / 1000;
    let start = Instant::now();
    let mut sent = 0;
    for ms in 0..SECONDS * 1000 {
        for _ in 0..per_ms {
            if peer.send_to(&payload, ("127.0.0.1", port)).is_ok() {
                sent += 1;
            }
        }
        let due = start + Duration::from_millis(ms + 1);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
    }
    (sent, sent * DATAGRAM as u64)
}

/// Streams at most 50 MB/s for 10 s to 127.0.0.1:port (less when the page reads slower: TCP's
/// flow control), then closes. Returns (writes, bytes written).
fn tcp_flood(port: u16) -> (u64, u64) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to the panel's server");
    s.set_write_timeout(Some(Duration::from_millis(100))).ok();
    let chunk = vec![b'y'; TCP_CHUNK];
    let start = Instant::now();
    let end = start + Duration::from_secs(SECONDS);
    let (mut writes, mut bytes) = (0u64, 0u64);
    while Instant::now() < end {
        match s.write(&chunk) {
            Ok(n) => {
                writes += 1;
                bytes += n as u64;
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
        // Keep to the rate: wait until this many bytes are due.
        let due = start + Duration::from_secs_f64(bytes as f64 / TCP_BYTES_PER_SECOND as f64);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait.min(end.saturating_duration_since(Instant::now())));
        }
    }
    drop(s);
    (writes, bytes)
}

/// Times the page while `flood` runs in a thread, then for 1 s after it, and waits for the
/// page's totals to settle.
async fn measure_one(
    browser: &Browser,
    relay: &Relay,
    name: &'static str,
    unit: &'static str,
    totals: &str,
    flood: impl FnOnce() -> (u64, u64) + Send + 'static,
) -> Result<Run> {
    let mut baseline = Vec::new();
    for _ in 0..20 {
        baseline.push(round_trip_ms(browser).await);
    }
    let baseline = median(&baseline);
    let drops_before = rcvbuf_errors();
    let pid = relay.pid();
    let mut rss_peak = rss(pid);
    eprintln!("flood: {name}...");
    browser
        .cdp("Performance.enable", serde_json::json!({}))
        .await;
    let tasks_before = task_seconds(browser).await;
    let started = Instant::now();
    let sender = std::thread::spawn(flood);
    let mut during = Vec::new();
    while !sender.is_finished() {
        during.push(round_trip_ms(browser).await);
        rss_peak = rss_peak.max(rss(pid));
    }
    let ended = Instant::now();
    let busy = (task_seconds(browser).await - tasks_before) / started.elapsed().as_secs_f64();
    let (sent, sent_bytes) = sender.join().expect("the sender thread");
    let mut after = Vec::new();
    let mut recovered_ms = None;
    while ended.elapsed() < Duration::from_secs(1) {
        let rt = round_trip_ms(browser).await;
        if recovered_ms.is_none() && rt <= 2.0 * baseline + 5.0 {
            recovered_ms = Some(ended.elapsed().as_secs_f64() * 1e3);
        }
        after.push(rt);
        rss_peak = rss_peak.max(rss(pid));
    }
    let kernel_dropped = if unit == "datagrams" {
        rcvbuf_errors() - drops_before
    } else {
        0
    };
    // The counts settle once everything sent has been drawn (or nothing moves for 2 s).
    let (mut shown_now, mut last_change) = (shown(browser, totals).await, Instant::now());
    let deadline = Instant::now() + Duration::from_secs(30);
    while shown_now.1 < sent_bytes
        && last_change.elapsed() < Duration::from_secs(2)
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let again = shown(browser, totals).await;
        if again != shown_now {
            shown_now = again;
            last_change = Instant::now();
        }
    }
    Ok(Run {
        name,
        unit,
        during,
        after,
        baseline,
        recovered_ms,
        sent,
        sent_bytes,
        kernel_dropped,
        shown: shown_now.0,
        shown_bytes: shown_now.1,
        rss_peak,
        busy,
    })
}

pub async fn measure(relay_bin: &std::path::Path) -> Result<FloodFigures> {
    let relay = Relay::start_binary(relay_bin.to_path_buf(), &[], &[]);
    let browser = Browser::start_english().await;
    let mut runs = Vec::new();

    // 1. The peer panel, bound to a UDP port.
    open_page(&browser, &relay, "/panel").await;
    let port = free_udp_port();
    start_panel_on(&browser, port).await;
    let totals = "[data-testid=panel-log-totals]";
    runs.push(
        measure_one(
            &browser,
            &relay,
            "panel, UDP",
            "datagrams",
            totals,
            move || udp_flood(port),
        )
        .await?,
    );

    // 2. The UDP lesson's bind step.
    let port = e2e::page_binds_a_free_port(&browser, &relay).await;
    let totals = "[data-testid=udp-bind-log-totals]";
    runs.push(
        measure_one(
            &browser,
            &relay,
            "UDP lesson, bind step",
            "datagrams",
            totals,
            move || udp_flood(port),
        )
        .await?,
    );

    // 3. The panel's TCP server.
    open_page(&browser, &relay, "/panel").await;
    panel_mode(&browser, "tcp-server").await;
    let port = free_tcp_port();
    start_panel_on(&browser, port).await;
    let totals = "[data-testid=panel-log-totals]";
    runs.push(
        measure_one(
            &browser,
            &relay,
            "panel, TCP server",
            "bytes",
            totals,
            move || tcp_flood(port),
        )
        .await
        .context("the TCP flood")?,
    );
    browser.quit().await;
    Ok(FloodFigures { runs })
}

impl FloodFigures {
    pub fn print(&self) {
        println!(
            "Flood: {DATAGRAMS_PER_SECOND} datagrams/s of {DATAGRAM} B for {SECONDS} s (UDP), \
             up to {} MB/s for {SECONDS} s (TCP); the page's main-thread stall = a trivial \
             script's round trip through WebDriver",
            TCP_BYTES_PER_SECOND / 1_000_000
        );
        println!(
            "{:<24} {:>26} {:>22} {:>10} {:>36} {:>12} {:>10}",
            "flood",
            "stall during p50/p99/max",
            "after p50/p99/max",
            "normal in",
            "shown / sent",
            "relay RSS",
            "page busy"
        );
        println!("{}", "-".repeat(147));
        let mut all_met = true;
        for r in &self.runs {
            let triple = |v: &[f64]| {
                if v.is_empty() {
                    "-".to_string()
                } else {
                    format!(
                        "{:.0}/{:.0}/{:.0} ms",
                        percentile(v, 50.0),
                        percentile(v, 99.0),
                        percentile(v, 100.0)
                    )
                }
            };
            let counts = if r.unit == "datagrams" {
                let expected = r.sent - r.kernel_dropped;
                format!(
                    "{} / {} dgrams ({} kernel-dropped)",
                    r.shown, r.sent, r.kernel_dropped
                ) + if r.shown == expected && r.shown_bytes == expected * DATAGRAM as u64 {
                    ""
                } else {
                    " INEXACT"
                }
            } else {
                format!("{} / {} B", r.shown_bytes, r.sent_bytes)
                    + if r.shown_bytes == r.sent_bytes {
                        ""
                    } else {
                        " INEXACT"
                    }
            };
            let normal = r
                .recovered_ms
                .map(|ms| format!("{ms:.0} ms"))
                .unwrap_or_else(|| "> 1 s".into());
            println!(
                "{:<24} {:>26} {:>22} {:>10} {:>36} {:>12} {:>9.0}%",
                r.name,
                triple(&r.during),
                triple(&r.after),
                normal,
                counts,
                kib(r.rss_peak),
                r.busy * 100.0
            );
            let exact = if r.unit == "datagrams" {
                r.shown == r.sent - r.kernel_dropped
                    && r.shown_bytes == (r.sent - r.kernel_dropped) * DATAGRAM as u64
            } else {
                r.shown_bytes == r.sent_bytes
            };
            let p99 = if r.during.is_empty() {
                f64::INFINITY
            } else {
                percentile(&r.during, 99.0)
            };
            let met = p99 < GOAL_P99_MS
                && r.recovered_ms.is_some_and(|ms| ms <= GOAL_RECOVER_MS)
                && exact;
            all_met &= met;
            println!(
                "{:<24} goal: p99 < {GOAL_P99_MS:.0} ms during, normal within 1 s after, exact \
                 counts: {}  (baseline round trip {:.1} ms, {} samples during, {} sent {:.1} MB)",
                "",
                if met { "met" } else { "NOT met" },
                r.baseline,
                r.during.len(),
                r.sent,
                r.sent_bytes as f64 / 1e6
            );
        }
        println!(
            "flood goals overall: {}",
            if all_met { "met" } else { "NOT met" }
        );
    }
}
