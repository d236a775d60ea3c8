//! Rates and rules (issue 12): token buckets on connects, sends and binds; no port below 1024
//! without `--allow-low-ports`; unknown request fields refused by name; and only the Hosts and
//! Origins of addresses the relay really listens on.

mod common;

use common::{Client, start, start_listening, start_with};
use protocol::limits::{CONNECT_BURST, SEND_BURST};
use protocol::{ErrorCode, Reply, Request, ServerMessage};
use relay::config::Config;

/// A loopback port where nothing listens.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[tokio::test]
async fn a_connect_scan_is_rate_limited_and_told_the_wait() {
    let relay = start().await;
    let mut c = relay.client().await;
    let port = closed_port();
    let connect = || Request::TcpConnect {
        host: "127.0.0.1".into(),
        port,
        recv_size: None,
    };
    for i in 0..CONNECT_BURST {
        assert_eq!(
            c.err(connect()).await.code,
            ErrorCode::ConnRefused,
            "connect {i}"
        );
    }
    // The bucket refills at 20 a second: within 100 more tries one is refused.
    let mut limited = None;
    for _ in 0..100 {
        let e = c.err(connect()).await;
        if e.code == ErrorCode::RateLimited {
            limited = Some(e);
            break;
        }
        assert_eq!(e.code, ErrorCode::ConnRefused);
    }
    let e = limited.expect("a connect scan is rate limited");
    let wait = e.retry_after_ms.unwrap();
    assert!((1..=50).contains(&wait), "{wait}");
    assert!(e.detail.unwrap().contains("then 20 per second"));
    relay.stop().await;
}

#[tokio::test]
async fn a_send_flood_is_rate_limited_but_not_to_the_echo_peer() {
    let relay = start().await;
    let mut c = relay.client().await;
    let target = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = target.local_addr().unwrap().port();
    let socket = c.udp_open().await;
    let mut sent = 0;
    let limited = loop {
        match c
            .request(Client::send_to(socket, "127.0.0.1", port, b"x"))
            .await
        {
            Ok(Reply::Sent { .. }) => sent += 1,
            Err(e) => break e,
            Ok(other) => panic!("{other:?}"),
        }
        assert!(sent <= 2 * SEND_BURST, "never rate limited");
    };
    assert_eq!(limited.code, ErrorCode::RateLimited);
    assert!(sent >= SEND_BURST, "{sent}");
    assert!(limited.retry_after_ms.is_some());

    // The echo peer is exempt: it only answers the page.
    let echo = relay.echo_port;
    let other = c.udp_open().await;
    for _ in 0..SEND_BURST + 100 {
        let r = c
            .request(Client::send_to(other, "127.0.0.1", echo, b"e"))
            .await;
        assert!(matches!(r, Ok(Reply::Sent { .. })), "{r:?}");
    }
    relay.stop().await;
}

#[tokio::test]
async fn ports_below_1024_are_refused_with_a_lesson_unless_allowed() {
    let relay = start().await;
    let mut c = relay.client().await;
    let udp = c.udp_open().await;
    let e = c
        .err(Request::UdpBind {
            socket: udp,
            host: "127.0.0.1".into(),
            port: 80,
        })
        .await;
    assert_eq!(e.code, ErrorCode::LowPortDenied);
    assert!(
        e.message
            .starts_with("Ports below 1024 are the well-known ports")
    );
    let e = c
        .err(Request::TcpListen {
            host: "127.0.0.1".into(),
            port: 22,
            backlog: 5,
            recv_size: None,
        })
        .await;
    assert_eq!(e.code, ErrorCode::LowPortDenied);
    assert_eq!(
        e.detail.as_deref(),
        Some("port 22 is below 1024, a well-known port (SSH); use a port above 1024, such as 8022")
    );
    let e = c
        .err(Request::FileServerStart {
            port: 80,
            read_whole: false,
        })
        .await;
    assert_eq!(e.code, ErrorCode::LowPortDenied);
    assert!(!c.welcome().limits.low_ports_allowed);
    relay.stop().await;

    let relay = start_with(Config {
        allow_low_ports: true,
        ..Config::default()
    })
    .await;
    let mut c = relay.client().await;
    assert!(c.welcome().limits.low_ports_allowed);
    let udp = c.udp_open().await;
    let r = c
        .request(Request::UdpBind {
            socket: udp,
            host: "127.0.0.1".into(),
            port: 80,
        })
        .await;
    // Now the operating system decides (root may, others get EACCES).
    match r {
        Ok(Reply::Bound { local, .. }) => assert_eq!(local.port(), 80),
        Err(e) => assert_eq!(e.code, ErrorCode::Access, "{e:?}"),
        Ok(other) => panic!("{other:?}"),
    }
    relay.stop().await;
}

#[tokio::test]
async fn an_unknown_request_field_is_bad_request_naming_it() {
    let relay = start().await;
    let mut c = relay.client().await;
    c.send_text(r#"{"id":41,"op":"tcp_connect","host":"127.0.0.1","port":7,"recv_sise":1024}"#)
        .await;
    match c.recv().await {
        ServerMessage::Error { id, error } => {
            assert_eq!(id, Some(41));
            assert_eq!(error.code, ErrorCode::BadRequest);
            assert!(
                error
                    .detail
                    .as_deref()
                    .unwrap()
                    .starts_with("unknown field `recv_sise`"),
                "{error:?}"
            );
        }
        other => panic!("expected an error, got {other:?}"),
    }
    relay.stop().await;
}

#[tokio::test]
async fn without_ipv6_neither_localhost_nor_ipv6_hosts_or_origins_are_accepted() {
    let relay = start_listening(Config::default(), false).await;
    let port = relay.port;
    assert!(!relay.ipv6);
    for host in [format!("localhost:{port}"), format!("[::1]:{port}")] {
        let r = common::get(port, "/", Some(&host), "").await;
        assert_eq!(r.status, 403, "{host}");
        let origin = format!("http://{host}");
        let r = common::upgrade(port, &format!("127.0.0.1:{port}"), Some(&origin)).await;
        assert_eq!(r.status, 403, "{origin}");
    }
    let r = common::get(port, "/", Some(&format!("127.0.0.1:{port}")), "").await;
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(!csp.contains("localhost"), "{csp}");
    relay.stop().await;

    // With [::1] (when this machine has it), both are fine.
    let relay = start().await;
    if relay.ipv6 {
        let r = common::get(
            relay.port,
            "/",
            Some(&format!("localhost:{}", relay.port)),
            "",
        )
        .await;
        assert_eq!(r.status, 200);
    }
    relay.stop().await;
}
