//! Backpressure, end to end: a peer floods a page's TCP socket while the page does not read its
//! WebSocket. The relay must stop reading (bounded outbox), the kernel buffers fill, TCP's
//! window closes, and the flooding peer's writes stall: the relay's memory stays bounded.
//!
//! A file of its own, so no other test shares the process whose memory is measured.

mod common;

use std::io::{ErrorKind, Write as _};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::start;
use protocol::ServerMessage;

/// What the peer tries to push through.
const FLOOD_BYTES: u64 = 50 * 1024 * 1024;

/// This process's resident memory, from /proc/self/status (`VmRSS:  12345 kB`).
fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("a VmRSS line");
    let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb * 1024
}

/// The byte at position `i` of the flood, so the page's bytes can be checked.
fn pattern(i: u64) -> u8 {
    (i % 251) as u8
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_peer_stalls_while_the_page_does_not_read() {
    let relay = start().await;
    let mut c = relay.client().await;
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let (s, ..) = c.tcp_connect("127.0.0.1", addr.port(), None).await;
    let (mut peer, _) = l.accept().unwrap();
    // Short write timeouts let the flooder notice `stop` while its writes are blocked.
    peer.set_write_timeout(Some(Duration::from_millis(200)))
        .unwrap();

    let written = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let before = rss_bytes();
    let flooder = {
        let (written, stop) = (written.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut chunk = vec![0u8; 64 * 1024];
            let mut at = 0u64;
            while at < FLOOD_BYTES && !stop.load(Ordering::Relaxed) {
                let n = chunk.len().min((FLOOD_BYTES - at) as usize);
                for (k, b) in chunk[..n].iter_mut().enumerate() {
                    *b = pattern(at + k as u64);
                }
                let mut off = 0;
                while off < n && !stop.load(Ordering::Relaxed) {
                    match peer.write(&chunk[off..n]) {
                        Ok(w) => {
                            off += w;
                            written.fetch_add(w as u64, Ordering::Relaxed);
                        }
                        Err(e)
                            if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                        Err(e) => panic!("flood write failed: {e}"),
                    }
                }
                at += off as u64;
            }
        })
    };

    // The page reads nothing. Wait until the peer's writes make no progress for a second.
    let started = Instant::now();
    let mut last = 0;
    let mut still_since = Instant::now();
    let stalled_at = loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = written.load(Ordering::Relaxed);
        if now != last {
            last = now;
            still_since = Instant::now();
        } else if still_since.elapsed() >= Duration::from_secs(1) {
            break now;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the flood never stalled ({now} bytes written)"
        );
    };
    let grown = rss_bytes().saturating_sub(before);
    eprintln!(
        "stalled after {stalled_at} of {FLOOD_BYTES} bytes; memory grew by {} KiB",
        grown / 1024
    );
    assert!(
        stalled_at < FLOOD_BYTES / 2,
        "the peer pushed {stalled_at} bytes although the page read nothing"
    );
    assert!(
        grown < 32 * 1024 * 1024,
        "the relay's memory grew by {grown} bytes while the page read nothing"
    );

    // The page reads again: the bytes come in order and the peer's writes move on.
    let mut received = 0u64;
    while written.load(Ordering::Relaxed) <= stalled_at {
        match c.event().await {
            ServerMessage::TcpData { socket, data } => {
                assert_eq!(socket, s);
                for (k, b) in data.as_slice().iter().enumerate() {
                    assert_eq!(
                        *b,
                        pattern(received + k as u64),
                        "byte {}",
                        received + k as u64
                    );
                }
                received += data.len() as u64;
            }
            other => panic!("expected tcp_data, got {other:?}"),
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the flood did not resume"
        );
    }
    assert!(received > 0);
    stop.store(true, Ordering::Relaxed);
    flooder.join().unwrap();
}
