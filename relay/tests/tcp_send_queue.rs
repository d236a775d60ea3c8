//! Per-socket work queues (issue 12 item 6): a `tcp_send` to a peer that does not read waits
//! alone. The session answers requests on other sockets meanwhile, reports the send's progress
//! with the kernel's exact counts, keeps the order of requests on the waiting socket, and a
//! `close` ends the waiting send at once.
//!
//! The tests run on a multi-threaded runtime: the peer's blocking std reads occupy one worker
//! while the relay keeps running on the other.

mod common;

use std::io::Read as _;
use std::net::{TcpListener, TcpStream};

use common::{Client, start};
use protocol::limits::MAX_TCP_SEND;
use protocol::{ErrorCode, Reply, Request, ServerMessage, SocketId};

/// A connection from the page to a peer (the test's std socket) that does not read yet.
async fn connect_to_a_peer_that_does_not_read(c: &mut Client) -> (SocketId, TcpStream) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let (s, ..) = c.tcp_connect("127.0.0.1", port, None).await;
    let (peer, _) = l.accept().unwrap();
    (s, peer)
}

fn tcp_send(socket: SocketId, data: &[u8]) -> Request {
    Request::TcpSend {
        socket,
        data: data.into(),
    }
}

/// Sends full-size chunks until one has to wait: the kernel's buffers (a few MB on loopback)
/// are full. Returns the bytes of the chunks sent whole, the waiting send's id, and how many of
/// its bytes the first `tcp_send_progress` reported.
async fn fill_until_a_send_waits(c: &mut Client, s: SocketId) -> (usize, u64, usize) {
    let chunk = vec![b'x'; MAX_TCP_SEND];
    let mut taken = 0;
    loop {
        assert!(
            taken < 256 * MAX_TCP_SEND,
            "{taken} bytes went out to a peer that does not read"
        );
        let id = c.send(tcp_send(s, &chunk)).await;
        match c.recv().await {
            ServerMessage::Reply {
                id: got,
                result: Reply::Sent { socket, bytes, .. },
            } if got == id && socket == s => {
                assert_eq!(bytes, MAX_TCP_SEND);
                taken += bytes;
            }
            ServerMessage::TcpSendProgress {
                socket,
                sent,
                total,
            } => {
                assert_eq!((socket, total), (s, MAX_TCP_SEND));
                assert!(sent < total, "{sent} of {total}");
                return (taken, id, sent);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_that_waits_holds_up_only_its_own_socket() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (s, mut peer) = connect_to_a_peer_that_does_not_read(&mut c).await;
    let (whole, waiting, mut last_sent) = fill_until_a_send_waits(&mut c, s).await;

    // Other sockets' requests are answered while the send still waits (`answer` fails the
    // test on any other reply first, the waiting send's included).
    let listed = c.ok(Request::ListSockets {}).await;
    assert!(
        matches!(listed, Reply::Sockets { ref sockets } if sockets.iter().any(|i| i.socket == s))
    );
    let u = c.udp_open().await;
    let bound = c.udp_bind(u, "127.0.0.1", 0).await;
    assert_eq!(bound.ip().to_string(), "127.0.0.1");

    // Requests for the waiting socket queue behind it, in order.
    let tail = c.send(tcp_send(s, b"tail")).await;
    let shut = c.send(Request::TcpShutdown { socket: s }).await;
    let listed = c.ok(Request::ListSockets {}).await;
    assert!(
        matches!(listed, Reply::Sockets { .. }),
        "answered while {tail}, {shut} wait"
    );

    // The peer reads: everything arrives, in order, and the answers come in request order.
    let reader = tokio::task::spawn_blocking(move || {
        let mut got = Vec::new();
        peer.read_to_end(&mut got).unwrap();
        got
    });
    let mut answers = Vec::new();
    while answers.len() < 3 {
        match c.event().await {
            ServerMessage::TcpSendProgress {
                socket,
                sent,
                total,
            } => {
                assert_eq!((socket, total), (s, MAX_TCP_SEND));
                assert!(
                    last_sent < sent && sent < total,
                    "progress {last_sent} then {sent} of {total}"
                );
                last_sent = sent;
            }
            ServerMessage::Reply { id, result } => answers.push((id, result)),
            other => panic!("unexpected {other:?}"),
        }
    }
    let ids: Vec<u64> = answers.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [waiting, tail, shut]);
    assert!(
        matches!(answers[0].1, Reply::Sent { socket, bytes, .. } if socket == s && bytes == MAX_TCP_SEND)
    );
    assert!(matches!(answers[1].1, Reply::Sent { socket, bytes: 4, .. } if socket == s));
    assert_eq!(answers[2].1, Reply::Done);

    let got = reader.await.unwrap();
    assert_eq!(got.len(), whole + MAX_TCP_SEND + 4);
    assert!(got[..got.len() - 4].iter().all(|&b| b == b'x'));
    assert_eq!(&got[got.len() - 4..], b"tail");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_ends_a_waiting_send_at_once() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (s, mut peer) = connect_to_a_peer_that_does_not_read(&mut c).await;
    let (whole, waiting, first_sent) = fill_until_a_send_waits(&mut c, s).await;
    let queued = c.send(tcp_send(s, b"never")).await;
    let close = c.send(Request::Close { socket: s }).await;

    // The waiting send is answered first (it was cut short), then the close (it jumped the
    // queue), then the send queued behind it finds the socket gone.
    let mut answers = Vec::new();
    while answers.len() < 3 {
        match c.event().await {
            ServerMessage::TcpSendProgress { socket, .. } => assert_eq!(socket, s),
            ServerMessage::Reply { id, result } => answers.push((id, Ok(result))),
            ServerMessage::Error {
                id: Some(id),
                error,
            } => answers.push((id, Err(error))),
            other => panic!("unexpected {other:?}"),
        }
    }
    let ids: Vec<u64> = answers.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [waiting, close, queued]);
    let Err(cut) = &answers[0].1 else {
        panic!("the waiting send should have failed: {:?}", answers[0])
    };
    assert_eq!(cut.code, ErrorCode::NoSuchSocket);
    let detail = cut.detail.as_deref().unwrap();
    assert!(detail.contains("closed while this send waited"), "{detail}");
    // "...the kernel had taken N of 65536 bytes"
    let taken: usize = detail
        .split("had taken ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {detail}"));
    assert!(taken >= first_sent, "{taken} < {first_sent}");
    assert!(
        detail.ends_with(&format!("{taken} of {MAX_TCP_SEND} bytes")),
        "{detail}"
    );
    assert_eq!(answers[1].1, Ok(Reply::Done));
    assert!(matches!(&answers[2].1, Err(e) if e.code == ErrorCode::NoSuchSocket));

    // The socket really is closed: the peer reads what the kernel had taken, then the end.
    let got = tokio::task::spawn_blocking(move || {
        let mut got = Vec::new();
        let _ = peer.read_to_end(&mut got);
        got
    })
    .await
    .unwrap();
    assert_eq!(got.len(), whole + taken);
    assert!(got.iter().all(|&b| b == b'x'));
    assert!(c.list().await.iter().all(|i| i.socket != s));
}

/// A `tcp_connect` runs beside the session: a request sent after it is never held up by its
/// handshake (which waits, up to 5 s, when the server's backlog is full and the kernel drops
/// the SYN), and the connect is answered when the handshake ends. Before, the list's answer
/// always came after the connect's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connect_that_waits_for_a_full_backlog_holds_up_nothing_else() {
    let relay = start().await;
    let mut c = relay.client().await;
    // backlog 0: the kernel queues one connection for accept, then drops new SYNs.
    let server = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    server
        .bind(&std::net::SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    server.listen(0).unwrap();
    server.set_nonblocking(true).unwrap();
    let server = tokio::net::TcpListener::from_std(server.into()).unwrap();
    let port = server.local_addr().unwrap().port();
    let connect = Request::TcpConnect {
        host: "127.0.0.1".into(),
        port,
        recv_size: None,
    };
    let mut connected = 0;
    let waiting = loop {
        assert!(
            connected < 8,
            "{connected} connects went through a backlog of 0"
        );
        let id = c.send(connect.clone()).await;
        let list = c.send(Request::ListSockets {}).await;
        match c.recv().await {
            ServerMessage::Reply {
                id: got,
                result: Reply::Connected { .. },
            } if got == id => {
                connected += 1;
                assert!(matches!(c.answer(list).await, Ok(Reply::Sockets { .. })));
            }
            // The list came first: the connect still waits, and held up nothing.
            ServerMessage::Reply {
                id: got,
                result: Reply::Sockets { sockets },
            } if got == list => {
                assert_eq!(
                    sockets.len(),
                    connected,
                    "a waiting connect is no socket yet"
                );
                break id;
            }
            other => panic!("unexpected {other:?}"),
        }
    };
    // The server accepts: the queue has room, the kernel's next SYN gets through.
    let first = server.accept().await.unwrap();
    let answer = tokio::time::timeout(3 * common::WAIT, c.answer(waiting))
        .await
        .expect("the connect is answered once the server accepts");
    assert!(
        matches!(answer, Ok(Reply::Connected { socket, peer, .. }) if peer.port() == port && socket as usize == connected + 1),
        "{answer:?}"
    );
    drop(first);
}
