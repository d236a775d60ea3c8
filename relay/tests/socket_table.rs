//! No page socket sits on a wildcard address (`0.0.0.0`, `[::]`), checked in the OS's own
//! socket table rather than in what the relay reports about itself. Linux shows that table as
//! text in /proc/net/{udp,udp6,tcp,tcp6}, so this test runs on Linux (the pure parts of the
//! platform code are tested on every system in the relay's unit tests).
#![cfg(target_os = "linux")]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

use common::{Client, WAIT, read_until, start, start_with};
use protocol::{Family, Reply, Request};
use relay::config::Config;

/// Every (local address) in one of /proc/net's tables, e.g. `   0: 0100007F:A1B2 ...`. The
/// kernel prints each 32-bit word of the address as the integer it is in memory, so the
/// bytes come back with `to_ne_bytes`.
fn table(name: &str) -> Vec<SocketAddr> {
    let text = std::fs::read_to_string(format!("/proc/net/{name}")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let local = line.split_whitespace().nth(1).unwrap();
            let (addr, port) = local.split_once(':').unwrap();
            let port = u16::from_str_radix(port, 16).unwrap();
            let words: Vec<[u8; 4]> = (0..addr.len() / 8)
                .map(|i| {
                    u32::from_str_radix(&addr[i * 8..i * 8 + 8], 16)
                        .unwrap()
                        .to_ne_bytes()
                })
                .collect();
            let ip: IpAddr = match words.as_slice() {
                [a] => Ipv4Addr::from(*a).into(),
                _ => Ipv6Addr::from(<[u8; 16]>::try_from(words.concat()).unwrap()).into(),
            };
            SocketAddr::new(ip, port)
        })
        .collect()
}

/// Where the OS says the sockets on `port` in `tables` are bound.
fn bound_at(tables: &[&str], port: u16) -> Vec<SocketAddr> {
    tables
        .iter()
        .flat_map(|t| table(t))
        .filter(|a| a.port() == port)
        .collect()
}

/// [`bound_at`], read again until `done` says so or [`WAIT`] has passed. The kernel hands a
/// table over a page at a time and resumes its walk by position, so while the tests beside
/// this one close sockets, one reading can miss a socket (seen once in a clean clone's run:
/// the relay's socket absent). A socket on a wildcard address is in every reading, and fails.
async fn bound_settled(
    tables: &[&str],
    port: u16,
    done: impl Fn(&Vec<SocketAddr>) -> bool,
) -> Vec<SocketAddr> {
    read_until(WAIT, || bound_at(tables, port), done).await
}

async fn open(c: &mut Client, family: Family) -> u32 {
    match c
        .ok(Request::UdpOpen {
            family,
            recv_size: None,
        })
        .await
    {
        Reply::Opened { socket, .. } => socket,
        other => panic!("expected opened, got {other:?}"),
    }
}

async fn send(c: &mut Client, socket: u32, to: SocketAddr) -> SocketAddr {
    match c
        .ok(Client::send_to(
            socket,
            &to.ip().to_string(),
            to.port(),
            b"hi",
        ))
        .await
    {
        Reply::Sent { local, .. } => local,
        other => panic!("expected sent, got {other:?}"),
    }
}

#[test]
fn the_table_reader_reads_a_known_socket() {
    let v4 = UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = v4.local_addr().unwrap().port();
    assert_eq!(bound_at(&["udp"], port), vec![v4.local_addr().unwrap()]);
    let any = UdpSocket::bind("0.0.0.0:0").unwrap();
    let port = any.local_addr().unwrap().port();
    assert_eq!(
        bound_at(&["udp"], port),
        vec![SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), port)]
    );
    if let Ok(v6) = UdpSocket::bind("[::1]:0") {
        let port = v6.local_addr().unwrap().port();
        assert_eq!(bound_at(&["udp6"], port), vec![v6.local_addr().unwrap()]);
    }
}

#[tokio::test]
async fn a_socket_that_sends_before_any_bind_is_on_loopback_only() {
    let relay = start().await;
    let mut c = relay.client().await;
    let peer = UdpSocket::bind("127.0.0.1:0").unwrap();

    let s = open(&mut c, Family::Ipv4).await;
    let local = send(&mut c, s, peer.local_addr().unwrap()).await;
    assert_eq!(local.ip(), IpAddr::from(Ipv4Addr::LOCALHOST), "{local}");
    assert_eq!(
        bound_settled(&["udp", "udp6"], local.port(), |s| *s == [local]).await,
        vec![local],
        "the OS's own table: one socket on that port, on 127.0.0.1 only"
    );

    if let Ok(peer6) = UdpSocket::bind("[::1]:0") {
        let s = open(&mut c, Family::Ipv6).await;
        let local = send(&mut c, s, peer6.local_addr().unwrap()).await;
        assert_eq!(local.ip(), IpAddr::from(Ipv6Addr::LOCALHOST), "{local}");
        assert_eq!(
            bound_settled(&["udp", "udp6"], local.port(), |s| *s == [local]).await,
            vec![local]
        );
    }

    // Every socket the page holds, UDP and TCP, is on a specific address in the OS's table.
    let (_listener, _) = c.tcp_listen(None).await;
    let echo = c.welcome().tcp_echo_port;
    c.tcp_connect("127.0.0.1", echo, None).await;
    let page = c.list().await;
    assert_eq!(page.len(), 4, "{page:?}");
    for info in page {
        let local = info.local.unwrap();
        let tables = ["udp", "udp6", "tcp", "tcp6"];
        let seen = bound_settled(&tables, local.port(), |s| !s.is_empty()).await;
        assert!(!seen.is_empty(), "{local} is in the table");
        assert!(
            seen.iter().all(|a| !a.ip().is_unspecified()),
            "page socket {local}: the OS has {seen:?}"
        );
    }
}

#[tokio::test]
async fn with_allow_bind_all_the_os_chooses_as_python_would() {
    // The check above is the relay's doing: with --allow-bind-all the OS's own default shows.
    let relay = start_with(Config {
        allow_bind_all: true,
        ..Config::default()
    })
    .await;
    let mut c = relay.client().await;
    let peer = UdpSocket::bind("127.0.0.1:0").unwrap();
    let s = open(&mut c, Family::Ipv4).await;
    let local = send(&mut c, s, peer.local_addr().unwrap()).await;
    let any = SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), local.port());
    assert_eq!(
        bound_settled(&["udp"], local.port(), |s| *s == [any]).await,
        vec![any]
    );
}
