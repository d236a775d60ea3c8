//! The connection and time limits (issue 12): a header that never ends, idle connections that
//! would lock the page out, WebSockets that never say hello, too many tabs, a page that stops
//! answering pings, and a page that stops asking.

mod common;

use std::time::{Duration, Instant};

use common::{Client, TestRelay, WAIT, start_with};
use protocol::limits::{CLOSE_IDLE, CLOSE_NO_PONG, CLOSE_TOO_MANY_SESSIONS};
use protocol::{ErrorCode, ServerMessage};
use relay::config::Config;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite;

/// Reads until the relay closes the connection; returns what came before. Fails the test when
/// the connection stays open for `WAIT`.
async fn until_eof(stream: &mut TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(WAIT, stream.read(&mut buf))
            .await
            .expect("the relay closes the connection in time")
            .unwrap_or(0);
        if n == 0 {
            return got;
        }
        got.extend_from_slice(&buf[..n]);
    }
}

/// One GET on an open connection (kept alive): the response's status line and body length.
async fn get_keep_alive(stream: &mut TcpStream, port: u16) -> String {
    let req = format!("GET /robots-none HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        let n = tokio::time::timeout(WAIT, stream.read(&mut buf))
            .await
            .expect("an answer in time")
            .unwrap();
        assert_ne!(n, 0, "the relay closed a kept-alive connection");
        got.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&got);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length: "))
                .expect("a content-length")
                .parse()
                .unwrap();
            if body.len() >= len {
                return head.lines().next().unwrap().to_owned();
            }
        }
    }
}

#[tokio::test]
async fn a_header_that_never_ends_is_cut_off() {
    let relay = start_with(Config {
        header_timeout: Some(0.3),
        ..Config::default()
    })
    .await;
    let mut slow = TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap();
    let started = Instant::now();
    let partial = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", relay.port);
    slow.write_all(partial.as_bytes()).await.unwrap();
    until_eof(&mut slow).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    // A connection that sends nothing at all is cut off the same way.
    let mut silent = TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap();
    assert_eq!(until_eof(&mut silent).await, b"");
    relay.stop().await;
}

#[tokio::test]
async fn idle_connections_make_room_for_a_real_request_oldest_first() {
    let relay = start_with(Config {
        max_connections: Some(4),
        ..Config::default()
    })
    .await;
    // Six connections that never send a request (the kernel queues them for accept in order).
    let mut idle = Vec::new();
    for _ in 0..6 {
        idle.push(TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap());
    }
    let page = common::get(
        relay.port,
        "/",
        Some(&format!("127.0.0.1:{}", relay.port)),
        "",
    )
    .await;
    assert_eq!(page.status, 200);
    // Places: 4. The 5th, the 6th and the real request each closed the oldest idle one.
    for stream in &mut idle[..3] {
        assert_eq!(until_eof(stream).await, b"");
    }
    relay.stop().await;
}

#[tokio::test]
async fn when_every_connection_is_busy_a_new_one_gets_503_with_the_reason() {
    let relay = start_with(Config {
        max_connections: Some(2),
        ..Config::default()
    })
    .await;
    // Two connections that have made a request and are kept alive: not idle, never evicted.
    let mut busy = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap();
        assert_eq!(get_keep_alive(&mut s, relay.port).await, "HTTP/1.1 200 OK");
        busy.push(s);
    }
    let refused = common::get(
        relay.port,
        "/",
        Some(&format!("127.0.0.1:{}", relay.port)),
        "",
    )
    .await;
    assert_eq!(refused.status, 503);
    assert_eq!(
        String::from_utf8(refused.body).unwrap(),
        relay::limits::conns::BUSY_REASON
    );
    // One busy connection goes away: its place is free again.
    drop(busy.pop());
    let deadline = Instant::now() + WAIT;
    loop {
        let page = common::get(
            relay.port,
            "/",
            Some(&format!("127.0.0.1:{}", relay.port)),
            "",
        )
        .await;
        if page.status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "the place never came back");
        tokio::task::yield_now().await;
    }
    relay.stop().await;
}

/// The stress bench's lost `GET /` (issue 12): in a flood of idle connections a newcomer that
/// found nothing idle to close (the idle ones were all being closed for the newcomers before
/// it) got `503` at once; and a freed place went to whichever newcomer queued first, so one
/// could lose the place it had freed and wait in vain. Now a closed connection hands its place
/// to the newcomer that closed it, and a newcomer that finds nothing to close waits a moment
/// for a place: here the one busy connection ends while the newcomer waits.
#[tokio::test]
async fn a_newcomer_waits_for_a_place_that_comes_free_instead_of_a_503() {
    let relay = start_with(Config {
        max_connections: Some(1),
        ..Config::default()
    })
    .await;
    let mut busy = TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap();
    assert_eq!(
        get_keep_alive(&mut busy, relay.port).await,
        "HTTP/1.1 200 OK"
    );
    let mut newcomer = TcpStream::connect(("127.0.0.1", relay.port)).await.unwrap();
    let req = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        relay.port
    );
    newcomer.write_all(req.as_bytes()).await.unwrap();
    // Every place is busy: no answer yet (a 503 came at once before).
    let mut first = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_millis(300), newcomer.read(&mut first)).await;
    assert!(
        early.is_err(),
        "answered while every place was busy: {early:?}"
    );
    drop(busy);
    let answer = until_eof(&mut newcomer).await;
    assert!(
        answer.starts_with(b"HTTP/1.1 200 OK\r\n"),
        "{}",
        String::from_utf8_lossy(&answer[..answer.len().min(200)])
    );
    relay.stop().await;
}

#[tokio::test]
async fn websockets_that_never_say_hello_are_bounded() {
    let relay = start_with(Config {
        max_pending_hellos: Some(2),
        ..Config::default()
    })
    .await;
    let _a = Client::connect(relay.port, &relay.origin()).await.unwrap();
    let mut b = Client::connect(relay.port, &relay.origin()).await.unwrap();
    match Client::connect(relay.port, &relay.origin()).await {
        Err(tungstenite::Error::Http(res)) => {
            assert_eq!(res.status(), 503);
            // Closed after the answer, so a refused upgrade keeps no connection place.
            assert_eq!(res.headers()["connection"], "close");
            let body = res.body().as_deref().unwrap_or_default();
            assert_eq!(std::str::from_utf8(body).unwrap(), relay::app::HELLOS_BUSY);
        }
        Err(other) => panic!("expected a 503 answer, got {other}"),
        Ok(_) => panic!("a third WebSocket without hello was accepted"),
    }
    // Once one of them has said hello, its place is free for the next.
    let welcome = b.hello(&relay.token).await;
    relay.keep(&welcome);
    assert!(matches!(welcome, ServerMessage::Welcome(_)));
    let mut c = until_upgraded(&relay).await;
    assert!(matches!(
        c.hello(&relay.secret()).await,
        ServerMessage::Welcome(_)
    ));
    relay.stop().await;
}

/// Upgrades until a place is free (places come back when the relay has run the hello).
async fn until_upgraded(relay: &TestRelay) -> Client {
    let deadline = Instant::now() + WAIT;
    loop {
        match Client::connect(relay.port, &relay.origin()).await {
            Ok(c) => return c,
            Err(e) => assert!(Instant::now() < deadline, "no place came back: {e}"),
        }
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn too_many_tabs_are_refused_with_4003_and_the_reason() {
    let relay = start_with(Config {
        max_sessions: Some(2),
        ..Config::default()
    })
    .await;
    let first = relay.client().await;
    let _second = relay.client().await;
    assert_eq!(first.welcome().limits.max_sessions, 2);
    let mut third = Client::connect(relay.port, &relay.origin()).await.unwrap();
    match third.hello(&relay.secret()).await {
        ServerMessage::Error { id: Some(1), error } => {
            assert_eq!(error.code, ErrorCode::TooManySessions);
            assert_eq!(
                error.detail.as_deref(),
                Some("the relay already serves 2 tabs, the most it serves at once")
            );
        }
        other => panic!("expected TOO_MANY_SESSIONS, got {other:?}"),
    }
    let (_, frame) = third.until_close().await;
    let frame = frame.expect("a close frame");
    assert_eq!(u16::from(frame.code), CLOSE_TOO_MANY_SESSIONS);
    assert_eq!(
        frame.reason.as_str(),
        "too many tabs: the relay serves a few at once"
    );
    // A tab closes: the next one gets in.
    drop(first);
    let deadline = Instant::now() + WAIT;
    loop {
        let mut c = Client::connect(relay.port, &relay.origin()).await.unwrap();
        if matches!(c.hello(&relay.secret()).await, ServerMessage::Welcome(_)) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the session's place never came back"
        );
    }
    relay.stop().await;
}

#[tokio::test]
async fn a_page_that_stops_answering_pings_is_closed_with_4004() {
    let relay = start_with(Config {
        ping_interval: Some(0.2),
        ..Config::default()
    })
    .await;
    // Taken before the session starts (its pings count from there), so the time measured to
    // the close is never less than the session's own two intervals.
    let started = Instant::now();
    let mut c = relay.client().await;
    assert_eq!(c.welcome().limits.ping_interval_ms, 200);
    // Read the raw frames under the WebSocket layer, which would answer the pings itself.
    let raw = c.ws.get_mut();
    let mut frames = Vec::new();
    let got = until_eof(raw).await;
    let mut rest = &got[..];
    while rest.len() >= 2 {
        let (op, len) = (rest[0] & 0x0f, usize::from(rest[1] & 0x7f));
        frames.push((op, rest[2..2 + len].to_vec()));
        rest = &rest[2 + len..];
    }
    assert!(started.elapsed() >= Duration::from_millis(400));
    // A ping (opcode 9), unanswered; then the close (opcode 8) with code and reason.
    assert_eq!(frames[0], (0x9, vec![]));
    let (op, close) = frames.last().unwrap();
    assert_eq!(*op, 0x8);
    assert_eq!(u16::from_be_bytes([close[0], close[1]]), CLOSE_NO_PONG);
    assert_eq!(&close[2..], b"no answer to ping");
    relay.stop().await;
}

#[tokio::test]
async fn a_page_that_answers_pings_but_asks_nothing_is_closed_with_4005() {
    let relay = start_with(Config {
        ping_interval: Some(0.1),
        idle_timeout: Some(0.8),
        ..Config::default()
    })
    .await;
    let mut c = relay.client().await;
    let started = Instant::now();
    // until_close reads, so the WebSocket layer answers every ping.
    let (before, frame) = c.until_close().await;
    assert!(before.is_empty(), "{before:?}");
    let frame = frame.expect("a close frame");
    assert_eq!(u16::from(frame.code), CLOSE_IDLE);
    assert_eq!(frame.reason.as_str(), "no request for a long time");
    assert!(started.elapsed() >= Duration::from_millis(800));
    relay.stop().await;
}
