//! TCP through the relay with real sockets on loopback: connect, listen + accept (several
//! clients at once, one resetting), send, recv boundaries, peer close, shutdown, pause, close,
//! list, the echo peer, and what the page may not reach. The test's own std sockets check
//! exactly which bytes went where, from which port.
//!
//! The tests run on a multi-threaded runtime: the test's blocking std sockets occupy one
//! worker while the relay keeps running on the other.

mod common;

use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use common::{Client, start};
use protocol::limits::{MAX_SOCKETS_PER_SESSION, MAX_TCP_SEND};
use protocol::{ErrorCode, Reply, Request, ServerMessage, SocketKind, SocketState};

/// "你好" in GBK and in UTF-8: the same two characters, different bytes on the wire.
const GBK_NIHAO: [u8; 4] = [0xC4, 0xE3, 0xBA, 0xC3];
const UTF8_NIHAO: [u8; 6] = [0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD];

/// A listener the test owns, on 127.0.0.1 with an OS-chosen port.
fn test_listener() -> (TcpListener, SocketAddr) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    (l, addr)
}

/// A std client of the page's listener, with read timeouts so a test cannot hang.
fn client_of(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

fn accept(l: &TcpListener) -> TcpStream {
    let (s, _) = l.accept().unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

fn read_exact(s: &mut TcpStream, n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    s.read_exact(&mut buf).expect("the bytes in time");
    buf
}

/// Reads until the page's side closes (end of stream); a reset counts too.
fn read_to_eof(s: &mut TcpStream) -> Vec<u8> {
    let mut all = Vec::new();
    match s.read_to_end(&mut all) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::ConnectionReset => {}
        Err(e) => panic!("expected end of stream, got {e}"),
    }
    all
}

/// SO_LINGER 0 then close: the kernel sends RST instead of FIN (an abrupt disconnect).
fn reset(s: TcpStream) {
    socket2::SockRef::from(&s)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(s);
}

fn info(list: &[protocol::SocketInfo], id: u32) -> &protocol::SocketInfo {
    list.iter()
        .find(|s| s.socket == id)
        .unwrap_or_else(|| panic!("socket {id} not in {list:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_sends_and_receives_exact_bytes_and_sees_the_peer_close() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (l, addr) = test_listener();

    let reply = c
        .ok(Request::TcpConnect {
            host: "127.0.0.1".into(),
            port: addr.port(),
            recv_size: None,
        })
        .await;
    let Reply::Connected {
        socket: s,
        local,
        peer,
        handshake_us,
    } = reply
    else {
        panic!("expected connected, got {reply:?}");
    };
    assert_eq!(peer, addr);
    assert!(handshake_us < 5_000_000, "{handshake_us} us on loopback");
    let mut conn = accept(&l);
    assert_eq!(
        conn.peer_addr().unwrap(),
        local,
        "connected.local is the address the server sees"
    );
    let (lo, hi) = c.welcome().ephemeral_ports.unwrap();
    assert!(
        (lo..=hi).contains(&local.port()),
        "a client that does not bind gets an ephemeral port: {local}"
    );

    // Page -> test: the GBK bytes, exactly.
    let reply = c
        .ok(Request::TcpSend {
            socket: s,
            data: GBK_NIHAO.as_slice().into(),
        })
        .await;
    assert_eq!(
        reply,
        Reply::Sent {
            socket: s,
            bytes: 4,
            local,
            to: addr
        }
    );
    assert_eq!(read_exact(&mut conn, 4), GBK_NIHAO);

    // Test -> page: the UTF-8 bytes, exactly.
    conn.write_all(&UTF8_NIHAO).unwrap();
    assert_eq!(c.tcp_recvs(s, 6).await.concat(), UTF8_NIHAO);

    // The test closes its sending side: the page's recv returns 0 ...
    conn.shutdown(std::net::Shutdown::Write).unwrap();
    c.peer_closed(s).await;
    let list = c.list().await;
    assert_eq!(info(&list, s).state, SocketState::PeerClosed);
    // ... and the socket stays open for sending.
    c.tcp_send(s, b"bye").await;
    assert_eq!(read_exact(&mut conn, 3), b"bye");

    // The page closes: the test reads end of stream.
    assert_eq!(c.ok(Request::Close { socket: s }).await, Reply::Done);
    assert_eq!(read_to_eof(&mut conn), b"");
    assert!(c.list().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_to_a_peer_that_is_gone_is_epipe_or_econnreset() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (l, addr) = test_listener();
    let (s, ..) = c.tcp_connect("127.0.0.1", addr.port(), None).await;
    drop(accept(&l));
    c.peer_closed(s).await;
    // The first send is accepted by our kernel; the peer's kernel answers it with RST, so a
    // later send fails.
    let mut error = None;
    for _ in 0..50 {
        match c
            .request(Request::TcpSend {
                socket: s,
                data: b"anyone?".as_slice().into(),
            })
            .await
        {
            Ok(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let e = error.expect("a send fails once the peer has reset");
    match e.code {
        ErrorCode::Pipe => assert_eq!(e.errno, Some(32)),
        ErrorCode::ConnReset => assert_eq!(e.errno, Some(104)),
        other => panic!("expected EPIPE or ECONNRESET, got {other}: {e}"),
    }
    assert!(e.detail.unwrap().starts_with("send: "));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listener_gives_each_client_its_own_socket_and_a_reset_disturbs_no_other() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(None).await;
    assert_eq!(laddr.ip().to_string(), "127.0.0.1");
    assert_ne!(laddr.port(), 0);

    // Three clients at once, each sending its own bytes.
    let mut clients: Vec<TcpStream> = (0..3).map(|_| client_of(laddr)).collect();
    for (i, cl) in clients.iter_mut().enumerate() {
        cl.write_all(format!("client {i}: ").as_bytes()).unwrap();
        cl.write_all(&GBK_NIHAO).unwrap();
    }
    let mut ids = Vec::new();
    for _ in 0..3 {
        let (socket, peer, local) = c.accepted(lid).await;
        assert_eq!(
            local, laddr,
            "an accepted socket has the listener's address"
        );
        let i = clients
            .iter()
            .position(|cl| cl.local_addr().unwrap() == peer)
            .unwrap_or_else(|| panic!("{peer} is none of the test's clients"));
        ids.push((i, socket));
    }
    ids.sort();
    let sockets: Vec<u32> = ids.iter().map(|(_, s)| *s).collect();
    assert!(
        !sockets.contains(&lid)
            && sockets
                .iter()
                .all(|s| sockets.iter().filter(|t| *t == s).count() == 1),
        "each client has its own new socket: {sockets:?}"
    );
    for (i, &s) in sockets.iter().enumerate() {
        let mut want = format!("client {i}: ").into_bytes();
        want.extend_from_slice(&GBK_NIHAO);
        assert_eq!(c.tcp_recvs(s, want.len()).await.concat(), want);
    }
    // The page answers each client on its own socket.
    for (i, &s) in sockets.iter().enumerate() {
        c.tcp_send(s, format!("to {i}").as_bytes()).await;
    }
    for (i, cl) in clients.iter_mut().enumerate() {
        assert_eq!(read_exact(cl, 4), format!("to {i}").as_bytes());
    }
    let list = c.list().await;
    assert_eq!(list.len(), 4);
    assert_eq!(info(&list, lid).kind, SocketKind::TcpListener);
    assert_eq!(info(&list, lid).state, SocketState::Listening);
    for (i, &s) in sockets.iter().enumerate() {
        let si = info(&list, s);
        assert_eq!(si.kind, SocketKind::TcpStream);
        assert_eq!(si.state, SocketState::Connected);
        assert_eq!(si.listener, Some(lid));
        assert_eq!(si.peer, Some(clients[i].local_addr().unwrap()));
        assert_eq!(si.local, Some(laddr));
    }

    // Client 0 resets its connection abruptly.
    let reset_one = sockets[0];
    reset(clients.remove(0));
    let closed = c
        .event_where(|m| matches!(m, ServerMessage::SocketClosed { .. }))
        .await;
    let ServerMessage::SocketClosed {
        socket,
        error: Some(e),
    } = closed
    else {
        panic!("expected socket_closed with an error, got {closed:?}");
    };
    assert_eq!(socket, reset_one);
    assert_eq!((e.code, e.errno), (ErrorCode::ConnReset, Some(104)));
    assert!(e.detail.unwrap().starts_with("recv: "));
    // The reset socket is gone at once ...
    assert_eq!(
        c.err(Request::TcpSend {
            socket: reset_one,
            data: b"x".as_slice().into()
        })
        .await
        .code,
        ErrorCode::NoSuchSocket
    );
    // ... and the others go on, both ways.
    clients[0].write_all(b"still here").unwrap();
    assert_eq!(c.tcp_recvs(sockets[1], 10).await.concat(), b"still here");
    c.tcp_send(sockets[2], &UTF8_NIHAO).await;
    assert_eq!(read_exact(&mut clients[1], 6), UTF8_NIHAO);
    let list = c.list().await;
    assert_eq!(list.len(), 3);
    assert!(list.iter().all(|s| s.socket != reset_one));
    // Nothing else happened.
    assert!(c.quiet_for(Duration::from_millis(100)).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_listener_stops_new_clients_while_accepted_ones_go_on() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(None).await;
    let mut a = client_of(laddr);
    let (s, ..) = c.accepted(lid).await;

    assert_eq!(c.ok(Request::Close { socket: lid }).await, Reply::Done);
    // No retry needed: `done` comes after the listening socket is closed.
    let refused = TcpStream::connect(laddr).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::ConnectionRefused);

    a.write_all(b"after close").unwrap();
    assert_eq!(c.tcp_recvs(s, 11).await.concat(), b"after close");
    c.tcp_send(s, b"ok").await;
    assert_eq!(read_exact(&mut a, 2), b"ok");
    let list = c.list().await;
    assert_eq!(list.len(), 1);
    assert_eq!(info(&list, s).listener, Some(lid));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recv_size_1024_cuts_one_5000_byte_send_into_several_recvs() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(Some(1024)).await;
    let mut cl = client_of(laddr);
    let (s, ..) = c.accepted(lid).await;
    let sent: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
    cl.write_all(&sent).unwrap();
    let recvs = c.tcp_recvs(s, 5000).await;
    assert!(recvs.len() >= 5, "{} recvs", recvs.len());
    assert!(recvs.iter().all(|r| !r.is_empty() && r.len() <= 1024));
    assert_eq!(recvs.concat(), sent);

    // recv_size is clamped to 1..=RECV_BUFFER: 0 reads one byte at a time.
    let (l, addr) = test_listener();
    let (s2, ..) = c.tcp_connect("127.0.0.1", addr.port(), Some(0)).await;
    accept(&l).write_all(b"abc").unwrap();
    assert_eq!(c.tcp_recvs(s2, 3).await, [b"a", b"b", b"c"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paused_reading_lets_two_sends_arrive_as_one_recv() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (l, addr) = test_listener();
    let (s, ..) = c.tcp_connect("127.0.0.1", addr.port(), None).await;
    let mut conn = accept(&l);

    let pause = |paused| Request::TcpPauseReading { socket: s, paused };
    assert_eq!(c.ok(pause(true)).await, Reply::Done);
    assert!(info(&c.list().await, s).paused);
    // Two sends as two segments, each waiting in the relay's receive buffer: on Linux the
    // kernel says when a send is acknowledged (elsewhere the quiet time below stands for it).
    conn.write_all(b"hello ").unwrap();
    all_acknowledged(&conn).await;
    conn.write_all(b"world").unwrap();
    // While paused nothing is read.
    assert_eq!(c.quiet_for(Duration::from_millis(300)).await, None);
    all_acknowledged(&conn).await;

    assert_eq!(c.ok(pause(false)).await, Reply::Done);
    assert!(!info(&c.list().await, s).paused);
    assert_eq!(
        c.tcp_data(s).await,
        b"hello world",
        "one recv returns both sends"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connecting_where_nothing_listens_is_econnrefused() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (l, addr) = test_listener();
    drop(l);
    let e = c
        .err(Request::TcpConnect {
            host: "127.0.0.1".into(),
            port: addr.port(),
            recv_size: None,
        })
        .await;
    assert_eq!((e.code, e.errno), (ErrorCode::ConnRefused, Some(111)));
    assert!(e.message.contains("nothing is listening"), "{}", e.message);
    assert_eq!(
        e.detail.as_deref(),
        Some(format!("connect({addr}): Connection refused (os error 111)").as_str())
    );
    assert!(
        c.list().await.is_empty(),
        "a failed connect leaves no socket"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn denied_targets_and_binds_are_refused() {
    let relay = start().await;
    let mut c = relay.client().await;
    for (host, port, words) in [
        ("192.168.1.1", 80, "192.168.1.1 is not on this machine"),
        ("127.0.0.1", relay.port, "the relay itself"),
        ("localhost", relay.port, "the relay itself"),
        ("0.0.0.0", 80, "not a destination"),
    ] {
        let e = c
            .err(Request::TcpConnect {
                host: host.into(),
                port,
                recv_size: None,
            })
            .await;
        assert_eq!(e.code, ErrorCode::TargetDenied, "{host}:{port}");
        assert!(e.detail.unwrap().contains(words), "{host}:{port}");
    }
    for host in ["", "0.0.0.0", "::", "192.168.1.5"] {
        let e = c
            .err(Request::TcpListen {
                host: host.into(),
                port: 0,
                backlog: 5,
                recv_size: None,
            })
            .await;
        assert_eq!(e.code, ErrorCode::BindDenied, "{host:?}");
    }
    assert!(c.list().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_request_checks_the_socket_kind_and_the_payload_size() {
    let relay = start().await;
    let mut c = relay.client().await;
    let echo = c.welcome().tcp_echo_port;
    let udp = c.udp_open().await;
    let (lid, _) = c.tcp_listen(None).await;
    let (conn, ..) = c.tcp_connect("127.0.0.1", echo, None).await;
    for req in [
        Request::TcpSend {
            socket: udp,
            data: b"x".as_slice().into(),
        },
        Request::TcpSend {
            socket: lid,
            data: b"x".as_slice().into(),
        },
        Request::TcpShutdown { socket: lid },
        Request::TcpPauseReading {
            socket: udp,
            paused: true,
        },
        Client::send_to(conn, "127.0.0.1", relay.echo_port, b"x"),
        Request::UdpBind {
            socket: lid,
            host: "127.0.0.1".into(),
            port: 0,
        },
    ] {
        let op = req.op();
        let e = c.err(req).await;
        assert_eq!(e.code, ErrorCode::WrongSocketKind, "{op}");
        assert!(e.detail.unwrap().starts_with("socket "), "{op}");
    }
    let e = c
        .err(Request::TcpSend {
            socket: 99,
            data: b"x".as_slice().into(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::NoSuchSocket);
    let e = c
        .err(Request::TcpSend {
            socket: conn,
            data: vec![0u8; MAX_TCP_SEND + 1].into(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::PayloadTooLarge);
    // The largest send goes through whole.
    assert_eq!(
        c.tcp_send(conn, &vec![7u8; MAX_TCP_SEND]).await,
        MAX_TCP_SEND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_sockets_shows_every_kind_and_state() {
    let relay = start().await;
    let mut c = relay.client().await;
    let fresh = c.udp_open().await;
    let bound = c.udp_open().await;
    let bound_at = c.udp_bind(bound, "127.0.0.1", 0).await;
    let (lid, laddr) = c.tcp_listen(None).await;
    let (client, client_local, _) = c.tcp_connect("127.0.0.1", laddr.port(), None).await;
    let (server, ..) = c.accepted(lid).await;

    // The client half-closes: its FIN makes the server side's recv return 0.
    assert_eq!(
        c.ok(Request::TcpShutdown { socket: client }).await,
        Reply::Done
    );
    c.peer_closed(server).await;
    // The other direction still works.
    c.tcp_send(server, b"reply").await;
    assert_eq!(c.tcp_recvs(client, 5).await.concat(), b"reply");

    let list = c.list().await;
    let ids: Vec<u32> = list.iter().map(|s| s.socket).collect();
    // The connect's socket and the accepted one are numbered as the session adopts them, and
    // the two are made at the same moment, so either may come first.
    let mut expected = [fresh, bound, lid, client, server];
    expected.sort();
    assert_eq!(ids, expected, "sorted by id");
    let row = |id| {
        let s = info(&list, id);
        (s.kind, s.state, s.local, s.peer, s.listener, s.paused)
    };
    assert_eq!(
        row(fresh),
        (
            SocketKind::Udp,
            SocketState::Created,
            None,
            None,
            None,
            false
        )
    );
    assert_eq!(
        row(bound),
        (
            SocketKind::Udp,
            SocketState::Bound,
            Some(bound_at),
            None,
            None,
            false
        )
    );
    assert_eq!(
        row(lid),
        (
            SocketKind::TcpListener,
            SocketState::Listening,
            Some(laddr),
            None,
            None,
            false
        )
    );
    assert_eq!(
        row(client),
        (
            SocketKind::TcpStream,
            SocketState::ShutdownWrite,
            Some(client_local),
            Some(laddr),
            None,
            false
        )
    );
    assert_eq!(
        row(server),
        (
            SocketKind::TcpStream,
            SocketState::PeerClosed,
            Some(laddr),
            Some(client_local),
            Some(lid),
            false
        )
    );
    // After the shutdown, sending is the OS's EPIPE.
    let e = c
        .err(Request::TcpSend {
            socket: client,
            data: b"x".as_slice().into(),
        })
        .await;
    assert_eq!((e.code, e.errno), (ErrorCode::Pipe, Some(32)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_echo_peer_sends_every_byte_back_to_each_client() {
    let relay = start().await;
    let mut c = relay.client().await;
    let port = c.welcome().tcp_echo_port;
    assert_ne!(port, 0);
    let (a, ..) = c.tcp_connect("127.0.0.1", port, None).await;
    let (b, ..) = c.tcp_connect("localhost", port, None).await;
    c.tcp_send(a, &GBK_NIHAO).await;
    c.tcp_send(b, &UTF8_NIHAO).await;
    assert_eq!(c.tcp_recvs(a, 4).await.concat(), GBK_NIHAO);
    assert_eq!(c.tcp_recvs(b, 6).await.concat(), UTF8_NIHAO);
    let big: Vec<u8> = (0..MAX_TCP_SEND).map(|i| (i % 253) as u8).collect();
    c.tcp_send(a, &big).await;
    assert_eq!(c.tcp_recvs(a, big.len()).await.concat(), big);
    // When the client shuts down its side, the echo peer finishes and closes too.
    c.ok(Request::TcpShutdown { socket: b }).await;
    c.peer_closed(b).await;
    // A std client works as well.
    let mut s = client_of(SocketAddr::from(([127, 0, 0, 1], port)));
    s.write_all(b"plain").unwrap();
    assert_eq!(read_exact(&mut s, 5), b"plain");
}

/// Waits until the peer's kernel has acknowledged everything sent on `conn` (Linux; a no-op
/// elsewhere).
async fn all_acknowledged(conn: &TcpStream) {
    #[cfg(target_os = "linux")]
    {
        let (local, peer) = (conn.local_addr().unwrap(), conn.peer_addr().unwrap());
        common::wait_until("every byte sent acknowledged", common::WAIT, || {
            matches!(testkit::tcp_queues(local, peer), Some((0, _)))
        })
        .await;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = conn;
}

/// Retries binding until the port is free (the relay closes the page's sockets after it
/// notices the page has gone).
async fn port_becomes_free(addr: SocketAddr) -> bool {
    for _ in 0..100 {
        if TcpListener::bind(addr).is_ok() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_page_goes_away_its_tcp_sockets_and_listeners_are_closed() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(None).await;
    let mut accepted_client = client_of(laddr);
    c.accepted(lid).await;
    let (l, addr) = test_listener();
    c.tcp_connect("127.0.0.1", addr.port(), None).await;
    let mut connected_peer = accept(&l);
    assert!(
        TcpListener::bind(laddr).is_err(),
        "the page's listener holds the port"
    );

    drop(c); // the tab disappears without a close frame
    assert!(
        port_becomes_free(laddr).await,
        "the listener's port is free again"
    );
    assert_eq!(read_to_eof(&mut accepted_client), b"");
    assert_eq!(read_to_eof(&mut connected_peer), b"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_over_the_socket_limit_is_accepted_and_closed_at_once() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (lid, laddr) = c.tcp_listen(None).await;
    for _ in 1..MAX_SOCKETS_PER_SESSION {
        c.udp_open().await;
    }
    let mut over = client_of(laddr);
    assert_eq!(read_to_eof(&mut over), b"", "the client sees end of stream");
    assert_eq!(c.list().await.len(), MAX_SOCKETS_PER_SESSION);
    let e = c
        .err(Request::TcpConnect {
            host: "127.0.0.1".into(),
            port: laddr.port(),
            recv_size: None,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TooManySockets);
    // The listener still works once there is room.
    c.ok(Request::Close { socket: 1 + lid }).await;
    let _fits = client_of(laddr);
    c.accepted(lid).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_to_a_peer_that_never_reads_times_out_and_the_session_goes_on() {
    use futures_util::StreamExt as _;
    use relay::sockets::tcp::SEND_TIMEOUT;

    let relay = start().await;
    let mut c = relay.client().await;
    let (l, addr) = test_listener();
    let (s, ..) = c.tcp_connect("127.0.0.1", addr.port(), None).await;
    let _never_reads = accept(&l);
    let chunk = vec![b'x'; MAX_TCP_SEND];
    // The kernel buffers fill (a few MB on loopback), then TCP's window closes.
    let mut sent = 0usize;
    let error = loop {
        assert!(
            sent < 256 * MAX_TCP_SEND,
            "{sent} bytes went out to a peer that never reads"
        );
        let id = 10_000 + sent as u64;
        let req = protocol::ClientMessage {
            id,
            request: Request::TcpSend {
                socket: s,
                data: chunk.as_slice().into(),
            },
        };
        c.send_text(&protocol::to_json(&req)).await;
        // The answer may take SEND_TIMEOUT, longer than the helpers wait for one message.
        let msg = tokio::time::timeout(SEND_TIMEOUT * 3, c.ws.next())
            .await
            .expect("an answer in time")
            .unwrap()
            .unwrap();
        let msg: ServerMessage = serde_json::from_str(msg.to_text().unwrap()).unwrap();
        match msg {
            ServerMessage::Reply {
                id: got,
                result: Reply::Sent { bytes, .. },
            } if got == id => sent += bytes,
            ServerMessage::Error {
                id: Some(got),
                error,
            } if got == id => break error,
            // The send waits for room: the kernel's count so far.
            ServerMessage::TcpSendProgress {
                socket,
                sent: so_far,
                total,
            } if socket == s && total == MAX_TCP_SEND && so_far < total => {}
            other => panic!("unexpected {other:?}"),
        }
    };
    assert_eq!((error.code, error.errno), (ErrorCode::TimedOut, Some(110)));
    let detail = error.detail.unwrap();
    assert!(
        detail.contains(&format!("of {MAX_TCP_SEND} bytes")),
        "{detail}"
    );
    assert!(detail.contains("flow control"), "{detail}");
    // The session still answers, and the socket is still there.
    assert_eq!(info(&c.list().await, s).state, SocketState::Connected);
}
