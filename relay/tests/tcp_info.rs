//! `tcp_info` on a real loopback connection: the kernel's own numbers (Linux `TCP_INFO`),
//! read directly from a std socket and through the relay from a page's connection to the
//! relay's TCP echo peer.
//!
//! What the kernel counts (checked here, written down for the lesson): `bytes_acked` includes
//! the SYN. The handshake's SYN takes one sequence number and its ACK moves `snd_una` by one,
//! so a fresh connection already shows `bytes_acked = 1`, and after sending `n` bytes that
//! the peer acknowledged it shows `n + 1`. `bytes_received` on the other side counts only
//! data (the peer's SYN is not counted there).

mod common;

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use common::start;
use protocol::{KernelTcpInfo, Reply, Request};
use relay::sockets::tcp_info;

/// Reads `tcp_info` until `done` holds (ACKs come back asynchronously), at most 2 s.
fn settle(
    read: impl Fn() -> KernelTcpInfo,
    done: impl Fn(&KernelTcpInfo) -> bool,
) -> KernelTcpInfo {
    let until = Instant::now() + Duration::from_secs(2);
    loop {
        let info = read();
        if done(&info) || Instant::now() > until {
            return info;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_std_loopback_connection_reads_established_and_exact_byte_counts() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut client = TcpStream::connect(l.local_addr().unwrap()).unwrap();
    let (mut server, _) = l.accept().unwrap();
    server
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();

    let fresh = tcp_info::read(&client).unwrap();
    assert_eq!(fresh.state, "ESTABLISHED");
    assert_eq!(
        fresh.bytes_acked,
        Some(1),
        "the SYN counts as one acknowledged byte"
    );

    let payload = b"hello, kernel";
    client.write_all(payload).unwrap();
    let mut got = vec![0u8; payload.len()];
    server.read_exact(&mut got).unwrap();
    assert_eq!(&got, payload);

    let sent = payload.len() as u64;
    let c = settle(
        || tcp_info::read(&client).unwrap(),
        |i| i.bytes_acked == Some(sent + 1),
    );
    assert_eq!(c.state, "ESTABLISHED");
    assert_eq!(
        c.bytes_acked,
        Some(sent + 1),
        "every byte sent plus the SYN: {c:?}"
    );
    assert_eq!(c.source, "TCP_INFO");
    assert_eq!(c.unacked, Some(0), "{c:?}");
    assert_eq!(c.total_retrans, Some(0), "loopback loses nothing: {c:?}");
    let rtt = c.rtt_us.unwrap();
    assert!(rtt > 0 && rtt < 1_000_000, "loopback RTT: {c:?}");
    assert!(
        c.rto_us.unwrap() >= 200_000,
        "Linux's smallest RTO is 200 ms: {c:?}"
    );
    assert!(c.snd_cwnd.unwrap() >= 1 && c.snd_mss.unwrap() > 0, "{c:?}");
    assert!(c.segs_out.unwrap() >= 3, "SYN, ACK, data at least: {c:?}");

    let s = tcp_info::read(&server).unwrap();
    assert_eq!(s.state, "ESTABLISHED");
    assert_eq!(
        s.bytes_received,
        Some(sent),
        "only data is counted as received: {s:?}"
    );

    // After the client's FIN the server's side waits for its own close.
    drop(client);
    let s = settle(
        || tcp_info::read(&server).unwrap(),
        |i| i.state == "CLOSE_WAIT",
    );
    assert_eq!(s.state, "CLOSE_WAIT");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relay_reports_tcp_info_for_a_page_connection() {
    let relay = start().await;
    let mut c = relay.client().await;
    let echo = c.welcome().tcp_echo_port;
    let (socket, _, _) = c.tcp_connect("127.0.0.1", echo, None).await;
    let payload = b"12345678";
    assert_eq!(c.tcp_send(socket, payload).await, payload.len());
    // The echo comes back: by then the echo peer has acknowledged our bytes.
    let mut echoed = 0;
    while echoed < payload.len() {
        if let protocol::ServerMessage::TcpData { data, .. } = c.event().await {
            echoed += data.0.len();
        }
    }

    let reply = c.ok(Request::TcpInfo { socket }).await;
    let Reply::TcpInfo {
        socket: s,
        info,
        reason,
    } = reply
    else {
        panic!("expected tcp_info, got {reply:?}");
    };
    assert_eq!(s, socket);
    if cfg!(target_os = "linux") {
        let info = info.unwrap_or_else(|| panic!("no info: {reason:?}"));
        assert_eq!(info.state, "ESTABLISHED");
        assert_eq!(info.bytes_acked, Some(payload.len() as u64 + 1), "{info:?}");
        assert_eq!(info.bytes_received, Some(payload.len() as u64), "{info:?}");
        let rtt = info.rtt_us.unwrap();
        assert!(rtt > 0 && rtt < 1_000_000, "{info:?}");
    } else {
        // Windows and macOS give some numbers, or say why not; other systems say why not.
        assert!(info.is_some() != reason.is_some(), "{info:?} {reason:?}");
    }

    // A listener is not a connection: WRONG_SOCKET_KIND.
    let (listener, _) = c.tcp_listen(None).await;
    let e = c.err(Request::TcpInfo { socket: listener }).await;
    assert_eq!(e.code, protocol::ErrorCode::WrongSocketKind);
    relay.stop().await;
}
