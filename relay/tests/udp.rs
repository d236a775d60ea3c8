//! UDP through the relay with real sockets on loopback: what the test's own sockets receive
//! must be exactly what the page asked to send, from exactly the port the relay reported.

mod common;

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use common::{Client, start, start_with};
use protocol::limits::{MAX_SOCKETS_PER_SESSION, MAX_UDP_PAYLOAD};
use protocol::{ErrorCode, Family, Reply, Request, ServerMessage};
use relay::config::Config;

/// "你好" in GBK and in UTF-8: the same two characters, different bytes on the wire.
const GBK_NIHAO: [u8; 4] = [0xC4, 0xE3, 0xBA, 0xC3];
const UTF8_NIHAO: [u8; 6] = [0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD];

/// A UDP socket the test owns, on 127.0.0.1 with an OS-chosen port.
fn peer() -> (UdpSocket, SocketAddr) {
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let addr = s.local_addr().unwrap();
    (s, addr)
}

fn recv(s: &UdpSocket) -> (Vec<u8>, SocketAddr) {
    let mut buf = vec![0u8; 70_000];
    let (n, from) = s.recv_from(&mut buf).expect("a datagram in time");
    (buf[..n].to_vec(), from)
}

fn sent(reply: Reply) -> (usize, SocketAddr, SocketAddr) {
    match reply {
        Reply::Sent {
            bytes, local, to, ..
        } => (bytes, local, to),
        other => panic!("expected sent, got {other:?}"),
    }
}

#[tokio::test]
async fn sendto_from_an_unbound_socket_gets_an_ephemeral_port() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (test, test_addr) = peer();

    let s = c.udp_open().await;
    let (bytes, local, to) = sent(
        c.ok(Client::send_to(
            s,
            "127.0.0.1",
            test_addr.port(),
            &GBK_NIHAO,
        ))
        .await,
    );
    let (data, from) = recv(&test);
    assert_eq!(data, GBK_NIHAO);
    assert_eq!(bytes, 4);
    assert_eq!(to, test_addr);
    assert_eq!(
        from.port(),
        local.port(),
        "Sent.local's port is the source port the peer saw"
    );
    assert_eq!(from.ip().to_string(), "127.0.0.1");
    assert_eq!(
        local.ip().to_string(),
        "127.0.0.1",
        "an unbound socket is bound to loopback (never 0.0.0.0) before its first send"
    );
    let (lo, hi) = c.welcome().ephemeral_ports.unwrap();
    assert!((lo..=hi).contains(&local.port()), "{local} in {lo}..={hi}");

    // The same socket keeps its port.
    let (bytes, local2, _) = sent(
        c.ok(Client::send_to(
            s,
            "127.0.0.1",
            test_addr.port(),
            &UTF8_NIHAO,
        ))
        .await,
    );
    let (data, from) = recv(&test);
    assert_eq!((data.as_slice(), bytes), (UTF8_NIHAO.as_slice(), 6));
    assert_eq!(from.port(), local.port());
    assert_eq!(local2, local);

    // Another socket gets another port.
    let s2 = c.udp_open().await;
    assert_ne!(s2, s);
    let (_, local3, _) = sent(
        c.ok(Client::send_to(s2, "127.0.0.1", test_addr.port(), b"x"))
            .await,
    );
    let (_, from) = recv(&test);
    assert_eq!(from.port(), local3.port());
    assert_ne!(local3.port(), local.port());
}

#[tokio::test]
async fn a_bound_socket_reports_every_datagram_with_its_sender() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let local = c.udp_bind(s, "127.0.0.1", 0).await;
    assert_eq!(local.ip().to_string(), "127.0.0.1");
    assert_ne!(local.port(), 0);

    let (test, test_addr) = peer();
    for payload in [&GBK_NIHAO[..], &UTF8_NIHAO[..], &[][..]] {
        test.send_to(payload, local).unwrap();
        match c.event().await {
            ServerMessage::UdpDatagram {
                socket,
                from,
                local: at,
                data,
            } => {
                assert_eq!(socket, s);
                assert_eq!(from, test_addr);
                assert_eq!(at, local);
                assert_eq!(data.as_slice(), payload);
            }
            other => panic!("expected a datagram, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_echo_peer_echoes_and_the_reply_comes_before_the_echo() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    for round in 0..20u8 {
        let payload = vec![round; 1 + usize::from(round)];
        c.send_text(&protocol::to_json(&protocol::ClientMessage {
            id: 100 + u64::from(round),
            request: Client::send_to(s, "127.0.0.1", relay.echo_port, &payload),
        }))
        .await;
        // Strictly in this order: the answer to the send, then what came back.
        let local = match c.recv().await {
            ServerMessage::Reply { id, result } if id == 100 + u64::from(round) => sent(result).1,
            other => panic!("expected the sent reply first, got {other:?}"),
        };
        match c.recv().await {
            ServerMessage::UdpDatagram {
                socket,
                from,
                local: at,
                data,
            } => {
                assert_eq!(socket, s);
                assert_eq!(from, SocketAddr::from(([127, 0, 0, 1], relay.echo_port)));
                assert_eq!(at, local);
                assert_eq!(data.as_slice(), payload.as_slice());
            }
            other => panic!("expected the echo, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_largest_datagram_goes_through_and_one_byte_more_is_refused() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let payload: Vec<u8> = (0..MAX_UDP_PAYLOAD).map(|i| (i % 251) as u8).collect();
    let (bytes, ..) = sent(
        c.ok(Client::send_to(s, "127.0.0.1", relay.echo_port, &payload))
            .await,
    );
    assert_eq!(bytes, MAX_UDP_PAYLOAD);
    match c.event().await {
        ServerMessage::UdpDatagram { data, .. } => assert_eq!(data.as_slice(), payload.as_slice()),
        other => panic!("expected the echo, got {other:?}"),
    }
    let mut more = payload.clone();
    more.push(0);
    let e = c
        .err(Client::send_to(s, "127.0.0.1", relay.echo_port, &more))
        .await;
    assert_eq!(e.code, ErrorCode::PayloadTooLarge);
}

#[tokio::test]
async fn binding_a_port_someone_holds_is_eaddrinuse() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (_held, held_addr) = peer();
    let s = c.udp_open().await;
    let e = c
        .err(Request::UdpBind {
            socket: s,
            host: "127.0.0.1".into(),
            port: held_addr.port(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::AddrInUse);
    assert_eq!(e.errno, Some(98));
    assert_eq!(
        e.detail.as_deref(),
        Some(format!("bind({held_addr}): Address already in use (os error 98)").as_str())
    );
    // The failed bind left the socket usable.
    c.udp_bind(s, "127.0.0.1", 0).await;
}

#[tokio::test]
async fn binding_twice_or_after_a_send_is_the_oses_einval() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    c.udp_bind(s, "127.0.0.1", 0).await;
    let e = c
        .err(Request::UdpBind {
            socket: s,
            host: "127.0.0.1".into(),
            port: 0,
        })
        .await;
    assert_eq!((e.code, e.errno), (ErrorCode::Invalid, Some(22)));

    let s2 = c.udp_open().await;
    c.ok(Client::send_to(s2, "127.0.0.1", relay.echo_port, b"hi"))
        .await;
    let e = c
        .err(Request::UdpBind {
            socket: s2,
            host: "127.0.0.1".into(),
            port: 0,
        })
        .await;
    assert_eq!((e.code, e.errno), (ErrorCode::Invalid, Some(22)));
}

#[tokio::test]
async fn close_frees_the_port_at_once_and_the_id_is_gone() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let local = c.udp_bind(s, "127.0.0.1", 0).await;
    assert_eq!(c.ok(Request::Close { socket: s }).await, Reply::Done);
    // No retry needed: `done` comes after the file descriptor is closed.
    UdpSocket::bind(local).expect("the port is free once close answered");

    let e = c
        .err(Client::send_to(s, "127.0.0.1", relay.echo_port, b"x"))
        .await;
    assert_eq!(e.code, ErrorCode::NoSuchSocket);
    assert_eq!(
        c.err(Request::Close { socket: s }).await.code,
        ErrorCode::NoSuchSocket
    );
    assert_eq!(
        c.err(Request::UdpBind {
            socket: 999,
            host: "127.0.0.1".into(),
            port: 0
        })
        .await
        .code,
        ErrorCode::NoSuchSocket
    );
}

#[tokio::test]
async fn a_session_holds_at_most_the_socket_limit() {
    let relay = start().await;
    let mut c = relay.client().await;
    let mut ids = Vec::new();
    for _ in 0..MAX_SOCKETS_PER_SESSION {
        ids.push(c.udp_open().await);
    }
    let e = c
        .err(Request::UdpOpen {
            family: Family::Ipv4,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TooManySockets);
    c.ok(Request::Close { socket: ids[0] }).await;
    let again = c.udp_open().await;
    assert!(!ids.contains(&again), "ids are not reused");
    // The limit is per session.
    relay.client().await.udp_open().await;
}

async fn port_becomes_free(addr: SocketAddr) -> bool {
    for _ in 0..100 {
        if UdpSocket::bind(addr).is_ok() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

#[tokio::test]
async fn when_the_page_goes_away_its_sockets_are_closed() {
    let relay = start().await;

    // The page closes the WebSocket properly.
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let a = c.udp_bind(s, "127.0.0.1", 0).await;
    let s2 = c.udp_open().await;
    c.ok(Client::send_to(s2, "127.0.0.1", relay.echo_port, b"x"))
        .await;
    assert!(
        UdpSocket::bind(a).is_err(),
        "the page's socket holds the port"
    );
    c.ws.close(None).await.unwrap();
    assert!(port_becomes_free(a).await);

    // The tab just disappears (TCP connection dropped without a close frame).
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let b = c.udp_bind(s, "127.0.0.3", 0).await;
    drop(c);
    assert!(port_becomes_free(b).await);
}

#[tokio::test]
async fn denied_targets_are_refused_and_the_session_goes_on() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    let relay_port = relay.port;
    let cases: Vec<(&str, u16, ErrorCode, &str)> = vec![
        (
            "192.168.1.1",
            9999,
            ErrorCode::TargetDenied,
            "192.168.1.1 is not on this machine",
        ),
        ("10.0.0.1", 9999, ErrorCode::TargetDenied, "10.0.0.1"),
        ("169.254.169.254", 80, ErrorCode::TargetDenied, "metadata"),
        (
            "::ffff:192.168.1.1",
            9999,
            ErrorCode::TargetDenied,
            "IPv4-mapped 192.168.1.1",
        ),
        (
            "127.0.0.1",
            relay_port,
            ErrorCode::TargetDenied,
            "the relay itself",
        ),
        (
            "127.0.0.2",
            relay_port,
            ErrorCode::TargetDenied,
            "the relay itself",
        ),
        (
            "::1",
            relay_port,
            ErrorCode::TargetDenied,
            "the relay itself",
        ),
        (
            "::ffff:127.0.0.1",
            relay_port,
            ErrorCode::TargetDenied,
            "the relay itself",
        ),
        (
            "localhost",
            relay_port,
            ErrorCode::TargetDenied,
            "`localhost` resolves to",
        ),
        (
            "0.0.0.0",
            9999,
            ErrorCode::TargetDenied,
            "not a destination",
        ),
        ("::", 9999, ErrorCode::TargetDenied, "not a destination"),
        (
            "255.255.255.255",
            9999,
            ErrorCode::TargetDenied,
            "broadcast",
        ),
        ("127.0.0.1", 0, ErrorCode::TargetDenied, "port 0"),
        ("127.1", 9999, ErrorCode::BadAddress, "form is not accepted"),
        (
            "0x7f.0.0.1",
            9999,
            ErrorCode::BadAddress,
            "form is not accepted",
        ),
        (
            "2130706433",
            9999,
            ErrorCode::BadAddress,
            "form is not accepted",
        ),
        ("", 9999, ErrorCode::BadAddress, "empty"),
    ];
    for (host, port, code, words) in cases {
        let e = c.err(Client::send_to(s, host, port, b"never sent")).await;
        assert_eq!(e.code, code, "{host}:{port}");
        let detail = e.detail.unwrap();
        assert!(detail.contains(words), "{host}:{port}: {detail}");
    }
    // Nothing was sent, so the socket is still unbound ...
    let (test, test_addr) = peer();
    let (_, local, _) = sent(
        c.ok(Client::send_to(s, "localhost", test_addr.port(), b"ok"))
            .await,
    );
    // ... and the session works.
    let (data, from) = recv(&test);
    assert_eq!(
        (data.as_slice(), from.port()),
        (b"ok".as_slice(), local.port())
    );
}

#[tokio::test]
async fn binds_outside_loopback_are_refused_unless_allowed() {
    let relay = start().await;
    let mut c = relay.client().await;
    let s = c.udp_open().await;
    for host in ["0.0.0.0", "", "::", "192.168.1.5"] {
        let e = c
            .err(Request::UdpBind {
                socket: s,
                host: host.into(),
                port: 0,
            })
            .await;
        assert_eq!(e.code, ErrorCode::BindDenied, "{host:?}");
    }
    c.udp_bind(s, "127.0.0.2", 0).await;

    let open = start_with(Config {
        allow_bind_all: true,
        ..Config::default()
    })
    .await;
    let mut c = open.client().await;
    let s = c.udp_open().await;
    let local = c.udp_bind(s, "", 0).await;
    assert_eq!(local.ip().to_string(), "0.0.0.0");
    let s = c.udp_open().await;
    let e = c
        .err(Request::UdpBind {
            socket: s,
            host: "192.168.1.5".into(),
            port: 0,
        })
        .await;
    assert_eq!(e.code, ErrorCode::BindDenied);
}

#[tokio::test]
async fn ipv6_sockets_work_on_loopback() {
    let relay = start().await;
    let mut c = relay.client().await;
    let test = UdpSocket::bind("[::1]:0").unwrap();
    test.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let test_addr = test.local_addr().unwrap();
    let s = match c
        .ok(Request::UdpOpen {
            family: Family::Ipv6,
        })
        .await
    {
        Reply::Opened {
            socket,
            local: None,
        } => socket,
        other => panic!("{other:?}"),
    };
    for host in ["::1", "[::1]"] {
        let (_, local, to) = sent(
            c.ok(Client::send_to(s, host, test_addr.port(), &UTF8_NIHAO))
                .await,
        );
        assert_eq!(to, test_addr);
        let (data, from) = recv(&test);
        assert_eq!(data, UTF8_NIHAO);
        assert_eq!(from.port(), local.port());
    }
    // An IPv4 socket cannot send to an IPv6 address: the OS says so.
    let v4 = c.udp_open().await;
    let e = c
        .err(Client::send_to(v4, "::1", test_addr.port(), b"x"))
        .await;
    assert_eq!((e.code, e.errno), (ErrorCode::OtherOs, Some(97)));
    assert!(e.detail.unwrap().contains("EAFNOSUPPORT"));
}

#[tokio::test]
async fn sending_where_nobody_listens_succeeds_and_the_socket_keeps_receiving() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (gone, gone_addr) = peer();
    drop(gone);
    let s = c.udp_open().await;
    let local = c.udp_bind(s, "127.0.0.1", 0).await;
    for _ in 0..3 {
        let (bytes, ..) = sent(
            c.ok(Client::send_to(
                s,
                "127.0.0.1",
                gone_addr.port(),
                b"anyone?",
            ))
            .await,
        );
        assert_eq!(bytes, 7, "UDP sends without asking whether anyone listens");
    }
    let (test, test_addr) = peer();
    test.send_to(b"still here", local).unwrap();
    match c.event().await {
        ServerMessage::UdpDatagram { from, data, .. } => {
            assert_eq!(from, test_addr);
            assert_eq!(data.as_slice(), b"still here");
        }
        other => panic!("expected a datagram, got {other:?}"),
    }
}
