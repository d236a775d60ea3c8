//! The lesson "how hosts are connected" against a real relay: `resolve` reports every address
//! the OS resolver gives (and `RESOLVE_FAILED` for a name nobody knows), the sample site answers
//! a plain std `TcpStream` GET with an exact HTTP/1.1 response, and connecting to the site goes
//! through the target policy like any socket.

mod common;

use std::io::{Read as _, Write as _};
use std::net::{IpAddr, TcpStream};
use std::time::Duration;

use common::start;
use protocol::{Data, ErrorCode, Reply, Request, ServerMessage};
use relay::sample_site::INDEX;

#[tokio::test]
async fn localhost_resolves_to_loopback() {
    let relay = start().await;
    let mut c = relay.client().await;
    let reply = c
        .request(Request::Resolve {
            name: "localhost".into(),
        })
        .await
        .unwrap();
    let Reply::Resolved { name, addrs, .. } = reply else {
        panic!("expected resolved, got {reply:?}");
    };
    assert_eq!(name, "localhost");
    let v4: IpAddr = "127.0.0.1".parse().unwrap();
    let v6: IpAddr = "::1".parse().unwrap();
    assert!(addrs.contains(&v4) || addrs.contains(&v6), "{addrs:?}");
    assert!(addrs.iter().all(|a| a.is_loopback()), "{addrs:?}");
}

#[tokio::test]
async fn unknown_names_fail_and_odd_forms_are_bad_addresses() {
    let relay = start().await;
    let mut c = relay.client().await;
    let e = c
        .err(Request::Resolve {
            name: "no-such-host.invalid".into(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::ResolveFailed);
    assert!(e.detail.unwrap().contains("no-such-host.invalid"));
    let e = c
        .err(Request::Resolve {
            name: "0x7f.0.0.1".into(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::BadAddress);
    // A name that resolves outside loopback is reported, not judged; connecting is judged.
    let e = c
        .err(Request::TcpConnect {
            host: "192.0.2.1".into(),
            port: 80,
            recv_size: None,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TargetDenied);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sample_site_answers_a_std_client_exactly() {
    let relay = start().await;
    let c = relay.client().await;
    let port = c.welcome().sample_site_port;
    assert_ne!(port, 0);
    let got = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        String::from_utf8(all).unwrap()
    })
    .await
    .unwrap();
    let (head, body) = got.split_once("\r\n\r\n").unwrap();
    assert_eq!(head.lines().next(), Some("HTTP/1.1 200 OK"));
    assert!(head.contains(&format!("Content-Length: {}", INDEX.len())));
    assert!(head.contains("Connection: close"));
    assert_eq!(body, INDEX);
}

#[tokio::test]
async fn the_page_can_fetch_the_sample_site_through_the_relay() {
    let relay = start().await;
    let mut c = relay.client().await;
    let port = c.welcome().sample_site_port;
    let Reply::Connected { socket, peer, .. } = c
        .request(Request::TcpConnect {
            host: "localhost".into(),
            port,
            recv_size: None,
        })
        .await
        .unwrap()
    else {
        panic!("not connected");
    };
    assert_eq!(peer.port(), port);
    let req = b"GET /about.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    c.request(Request::TcpSend {
        socket,
        data: Data(req.to_vec()),
    })
    .await
    .unwrap();
    let mut got = Vec::new();
    loop {
        match c.recv().await {
            ServerMessage::TcpData { data, .. } => got.extend_from_slice(&data.0),
            ServerMessage::TcpPeerClosed { .. } => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    let text = String::from_utf8(got).unwrap();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(text.ends_with(relay::sample_site::ABOUT));
}
