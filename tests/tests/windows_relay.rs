//! The Windows build of the relay (`relay.exe`, cross-built with mingw) under Wine: the program
//! most learners run. The page's protocol client (`testkit::Client`) drives it, the course's own
//! Python programs talk to it in both directions, and the OS errors the lessons are built
//! around must come back by name, as on Linux.
//!
//! Run by `cargo xtask test` on Linux, which builds relay.exe, sets up Wine and runs
//! `cargo test -p e2e --features wine --test windows_relay` with `NETLAB_RELAY_BIN` (the .exe)
//! and `NETLAB_RELAY_RUNNER` (wine64). Wine makes sockets in its wineserver process, so these
//! tests and the relay share one network namespace. Wine runs on the Linux kernel: the
//! Windows port range and TCP numbers cannot be seen here (they are tested as pure code).

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use e2e::{Client, PythonPeer, Relay};
use protocol::{Data, ErrorCode, RelayError, Reply, Request, ServerMessage, SocketId};

/// How long a test waits for any one thing (Wine is slower than the native relay).
const WAIT: Duration = Duration::from_secs(15);
/// "你好" and "收到" in GBK, the encoding of the course's texts.
const GBK_NIHAO: [u8; 4] = [0xC4, 0xE3, 0xBA, 0xC3];
const GBK_SHOUDAO: [u8; 4] = [0xCA, 0xD5, 0xB5, 0xBD];

/// The Windows relay, started through Wine, with a logged-in page session.
async fn windows_relay() -> (Relay, Client) {
    let relay = Relay::start(&[]);
    let mut page = relay.client().await;
    page.wait = WAIT;
    assert_eq!(page.welcome().relay_port, relay.port());
    (relay, page)
}

async fn ok(page: &mut Client, request: Request) -> Reply {
    let shown = format!("{request:?}");
    page.request(request)
        .await
        .unwrap_or_else(|e| panic!("{shown} failed: {e:?}"))
}

/// Waits for the first event that `wanted` picks out (other events are passed over).
async fn event<T>(page: &mut Client, mut wanted: impl FnMut(ServerMessage) -> Option<T>) -> T {
    let deadline = Instant::now() + WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match page.recv_within(left).await {
            Some(message) => {
                let shown = format!("{message:?}");
                match wanted(message) {
                    Some(found) => return found,
                    // Shown with the test's output when it fails.
                    None => println!("passed over: {shown}"),
                }
            }
            None => panic!("the awaited event did not come within {WAIT:?}"),
        }
    }
}

/// Collects `tcp_data` on `socket` until `n` bytes have arrived.
async fn tcp_bytes(page: &mut Client, socket: SocketId, n: usize) -> Vec<u8> {
    let mut got = Vec::new();
    while got.len() < n {
        let data = event(page, |m| match m {
            ServerMessage::TcpData { socket: s, data } if s == socket => Some(data),
            _ => None,
        })
        .await;
        got.extend_from_slice(data.as_slice());
    }
    got
}

async fn peer_closed(page: &mut Client, socket: SocketId) {
    event(page, |m| match m {
        ServerMessage::TcpPeerClosed { socket: s } if s == socket => Some(()),
        _ => None,
    })
    .await
}

async fn udp_bound(page: &mut Client, port: u16) -> Result<(SocketId, SocketAddr), RelayError> {
    let Reply::Opened { socket, .. } = ok(
        page,
        Request::UdpOpen {
            family: Default::default(),
            recv_size: None,
        },
    )
    .await
    else {
        panic!("udp_open answers opened");
    };
    let bind = Request::UdpBind {
        socket,
        host: "127.0.0.1".into(),
        port,
    };
    match page.request(bind).await? {
        Reply::Bound { local, .. } => Ok((socket, local)),
        other => panic!("udp_bind answered {other:?}"),
    }
}

async fn tcp_listen(page: &mut Client, port: u16) -> Result<(SocketId, SocketAddr), RelayError> {
    let listen = Request::TcpListen {
        host: "127.0.0.1".into(),
        port,
        backlog: 5,
        recv_size: Some(1024),
    };
    match page.request(listen).await? {
        Reply::Listening { socket, local, .. } => Ok((socket, local)),
        other => panic!("tcp_listen answered {other:?}"),
    }
}

async fn tcp_connect(page: &mut Client, port: u16) -> Result<(SocketId, SocketAddr), RelayError> {
    let connect = Request::TcpConnect {
        host: "127.0.0.1".into(),
        port,
        recv_size: Some(1024),
    };
    match page.request(connect).await? {
        Reply::Connected {
            socket,
            local,
            peer,
            ..
        } => {
            assert_eq!(peer, SocketAddr::from(([127, 0, 0, 1], port)));
            Ok((socket, local))
        }
        other => panic!("tcp_connect answered {other:?}"),
    }
}

async fn tcp_send(page: &mut Client, socket: SocketId, bytes: &[u8]) {
    let reply = ok(
        page,
        Request::TcpSend {
            socket,
            data: Data::from(bytes),
        },
    )
    .await;
    assert!(
        matches!(reply, Reply::Sent { bytes: n, .. } if n == bytes.len()),
        "{reply:?}"
    );
}

/// A TCP port on 127.0.0.1 where nothing listens (it was free a moment ago).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The port a Python program logged after `prefix` (e.g. "listening 127.0.0.1:").
async fn logged_port(peer: &PythonPeer, prefix: &str) -> u16 {
    peer.wait_for_stderr(prefix, WAIT).await;
    let stderr = peer.stderr_so_far();
    let line = stderr.lines().find_map(|l| l.strip_prefix(prefix)).unwrap();
    line.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relay_under_test_is_the_windows_build_and_says_how_to_stop() {
    // Guard: this file must test relay.exe, not quietly the Linux relay.
    let bin = Relay::binary();
    assert_eq!(
        bin.extension().and_then(|e| e.to_str()),
        Some("exe"),
        "{}",
        bin.display()
    );
    let header = std::fs::read(&bin).unwrap();
    assert_eq!(
        &header[..2],
        b"MZ",
        "{} is not a Windows program",
        bin.display()
    );
    assert!(
        std::env::var_os("NETLAB_RELAY_RUNNER").is_some(),
        "no Wine runner set"
    );

    let (relay, page) = windows_relay().await;
    assert_eq!(
        page.welcome().os,
        "windows",
        "the welcome says which OS the relay runs on"
    );
    // The console shows the link (stdout) and, in both languages, how to stop (stderr).
    assert!(
        relay.stdout().starts_with("Tutorial: http://127.0.0.1:"),
        "{}",
        relay.stdout()
    );
    let hint = "按 Ctrl+C 停止本程序。 Press Ctrl+C to stop this program.";
    e2e::wait_until("the stop hint on the relay's stderr", WAIT, || {
        relay.stderr().contains(hint)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_to_the_echo_peer_comes_back_byte_for_byte() {
    let (_relay, mut page) = windows_relay().await;
    let echo = page.welcome().udp_echo_port;
    let (socket, local) = udp_bound(&mut page, 0).await.unwrap();
    assert_eq!(local.ip().to_string(), "127.0.0.1");
    let send = Request::UdpSendTo {
        socket,
        host: "127.0.0.1".into(),
        port: echo,
        data: Data::from(&GBK_NIHAO[..]),
    };
    let Reply::Sent {
        bytes,
        local: from,
        to,
        ..
    } = ok(&mut page, send).await
    else {
        panic!("udp_send_to answers sent");
    };
    assert_eq!(
        (bytes, from, to),
        (4, local, SocketAddr::from(([127, 0, 0, 1], echo)))
    );
    let (got_from, data) = event(&mut page, |m| match m {
        ServerMessage::UdpDatagram {
            socket: s,
            from,
            data,
            ..
        } if s == socket => Some((from, data)),
        _ => None,
    })
    .await;
    assert_eq!(got_from, SocketAddr::from(([127, 0, 0, 1], echo)));
    assert_eq!(data.as_slice(), GBK_NIHAO);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_learners_udp_program_and_the_page_talk_both_ways() {
    let (_relay, mut page) = windows_relay().await;
    let (socket, local) = udp_bound(&mut page, 0).await.unwrap();
    let port = local.port().to_string();
    let learner = PythonPeer::start(
        "udp_learner",
        &["--to-port", &port, "--message", "你好", "--encoding", "gbk"],
    );
    let learner_port = logged_port(&learner, "bound 127.0.0.1:").await;

    // Learner -> page: the exact GBK bytes, from the learner's own port.
    let (from, data) = event(&mut page, |m| match m {
        ServerMessage::UdpDatagram {
            socket: s,
            from,
            local: at,
            data,
        } if s == socket => {
            assert_eq!(at, local);
            Some((from, data))
        }
        _ => None,
    })
    .await;
    assert_eq!(from, SocketAddr::from(([127, 0, 0, 1], learner_port)));
    assert_eq!(data.as_slice(), GBK_NIHAO);

    // Page -> learner: the answer goes back to that address.
    let reply = Request::UdpSendTo {
        socket,
        host: "127.0.0.1".into(),
        port: learner_port,
        data: Data::from(&GBK_SHOUDAO[..]),
    };
    ok(&mut page, reply).await;
    let out = learner.finish(WAIT).await;
    let report = out.assert_success().json();
    assert_eq!(
        report["received"]["from"],
        serde_json::json!(["127.0.0.1", local.port()])
    );
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_tcp_client_talks_to_a_listener_the_page_opened() {
    let (_relay, mut page) = windows_relay().await;
    let (listener, laddr) = tcp_listen(&mut page, 0).await.unwrap();
    let port = laddr.port().to_string();
    let client = PythonPeer::start(
        "tcp_course_client",
        &["--port", &port, "--message", "你好", "--encoding", "gbk"],
    );
    let (socket, peer) = event(&mut page, |m| match m {
        ServerMessage::TcpAccepted {
            listener: l,
            socket,
            peer,
            local,
        } if l == listener => {
            assert_eq!(
                local, laddr,
                "an accepted socket has the listener's address"
            );
            Some((socket, peer))
        }
        _ => None,
    })
    .await;
    assert_ne!(socket, listener, "accept returns a new socket");
    assert_eq!(tcp_bytes(&mut page, socket, 4).await, GBK_NIHAO);
    tcp_send(&mut page, socket, &GBK_SHOUDAO).await;
    // The course client closes after its one recv: the page's recv returns 0.
    peer_closed(&mut page, socket).await;

    let out = client.finish(WAIT).await;
    let report = out.assert_success().json();
    assert_eq!(
        report["local"],
        serde_json::json!(["127.0.0.1", peer.port()])
    );
    assert_eq!(report["sent"]["hex"], "c4 e3 ba c3");
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_connects_to_the_course_tcp_server() {
    let (_relay, mut page) = windows_relay().await;
    let server = PythonPeer::start(
        "tcp_course_server",
        &["--port", "0", "--reply", "收到", "--encoding", "gbk"],
    );
    let port = logged_port(&server, "listening 127.0.0.1:").await;
    let (socket, local) = tcp_connect(&mut page, port).await.unwrap();
    tcp_send(&mut page, socket, &GBK_NIHAO).await;
    assert_eq!(tcp_bytes(&mut page, socket, 4).await, GBK_SHOUDAO);
    // The course server closes the client's socket after answering.
    peer_closed(&mut page, socket).await;

    let out = server.finish(WAIT).await;
    let report = out.assert_success().json();
    assert_eq!(report["listening"][1], port);
    assert_eq!(
        report["client"],
        serde_json::json!(["127.0.0.1", local.port()])
    );
    assert_eq!(report["received"]["hex"], "c4 e3 ba c3");
    assert_eq!(report["received"]["text"], "你好");
    assert_eq!(report["sent"]["hex"], "ca d5 b5 bd");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_port_is_eaddrinuse_for_udp_and_tcp() {
    let (_relay, mut page) = windows_relay().await;
    // UDP: a second bind of the page's own port, and a port another program holds.
    let (_first, local) = udp_bound(&mut page, 0).await.unwrap();
    let e = udp_bound(&mut page, local.port()).await.unwrap_err();
    assert_eq!(
        (e.code, e.errno),
        (ErrorCode::AddrInUse, Some(10048)),
        "{e:?}"
    );
    let held = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let e = udp_bound(&mut page, held.local_addr().unwrap().port())
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.errno),
        (ErrorCode::AddrInUse, Some(10048)),
        "{e:?}"
    );

    // TCP: listening twice on one port.
    let (_listener, laddr) = tcp_listen(&mut page, 0).await.unwrap();
    let e = tcp_listen(&mut page, laddr.port()).await.unwrap_err();
    assert_eq!(
        (e.code, e.errno),
        (ErrorCode::AddrInUse, Some(10048)),
        "{e:?}"
    );
    // The system's own name, and the line Python prints on Windows.
    assert_eq!(e.os_name.as_deref(), Some("WSAEADDRINUSE"));
    let python = e.python.unwrap_or_default();
    assert!(python.starts_with("OSError: [WinError 10048]"), "{python}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connecting_where_nothing_listens_is_econnrefused() {
    let (_relay, mut page) = windows_relay().await;
    let port = free_port();
    let e = tcp_connect(&mut page, port).await.unwrap_err();
    assert_eq!(
        (e.code, e.errno),
        (ErrorCode::ConnRefused, Some(10061)),
        "{e:?}"
    );
    assert_eq!(e.os_name.as_deref(), Some("WSAECONNREFUSED"));
    let python = e.python.clone().unwrap_or_default();
    assert!(
        python.starts_with("ConnectionRefusedError: [WinError 10061]"),
        "{python}"
    );
    let detail = e.detail.unwrap_or_default();
    assert!(
        detail.starts_with(&format!("connect(127.0.0.1:{port})")),
        "{detail}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_resets_is_econnreset() {
    let (_relay, mut page) = windows_relay().await;
    let (listener, laddr) = tcp_listen(&mut page, 0).await.unwrap();
    let mut client = TcpStream::connect(laddr).unwrap();
    client.write_all(b"hi").unwrap();
    let socket = event(&mut page, |m| match m {
        ServerMessage::TcpAccepted {
            listener: l,
            socket,
            ..
        } if l == listener => Some(socket),
        _ => None,
    })
    .await;
    assert_eq!(tcp_bytes(&mut page, socket, 2).await, b"hi");
    // Closing with SO_LINGER 0 sends RST instead of FIN. Windows' recv reports the reset;
    // under Wine the read side sees only the end of the stream (wineserver consumes the
    // error), so the relay says peer_closed, and the next send reports the reset.
    socket2::SockRef::from(&client)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(client);
    peer_closed(&mut page, socket).await;
    let send = Request::TcpSend {
        socket,
        data: Data::from(&b"anyone?"[..]),
    };
    let error = page
        .request(send)
        .await
        .expect_err("a send to a reset peer fails");
    assert_eq!(
        (error.code, error.errno),
        (ErrorCode::ConnReset, Some(10054)),
        "{error:?}"
    );
    assert_eq!(error.os_name.as_deref(), Some("WSAECONNRESET"));
    assert!(error.detail.unwrap_or_default().starts_with("send: "));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_to_a_peer_that_never_reads_is_etimedout() {
    let (_relay, mut page) = windows_relay().await;
    let held = TcpListener::bind("127.0.0.1:0").unwrap();
    let (socket, _) = tcp_connect(&mut page, held.local_addr().unwrap().port())
        .await
        .unwrap();
    let (mut never_reads, _) = held.accept().unwrap();
    let chunk = vec![b'x'; protocol::limits::MAX_TCP_SEND];
    // The kernel buffers fill (a few MB on loopback), then TCP's window closes and the
    // relay's send gives up after its timeout.
    let mut sent = 0usize;
    let error = loop {
        assert!(
            sent < 256 * chunk.len(),
            "{sent} bytes went to a peer that never reads"
        );
        match page
            .request(Request::TcpSend {
                socket,
                data: Data::from(chunk.as_slice()),
            })
            .await
        {
            Ok(Reply::Sent { bytes, .. }) => sent += bytes,
            Ok(other) => panic!("tcp_send answered {other:?}"),
            Err(e) => break e,
        }
    };
    assert_eq!(error.code, ErrorCode::TimedOut, "{error:?}");
    assert!(error.detail.unwrap_or_default().contains("flow control"));
    // The peer still has every byte that was accepted, in order: read one to show it is there.
    let mut first = [0u8; 1];
    never_reads.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"x");
}

/// 300 kB of a pattern, in a file whose name is Chinese: the name travels as UTF-8 on the
/// wire and becomes a UTF-16 path inside the Windows program.
const FILE_NAME: &str = "数据.bin";

fn course_file() -> Vec<u8> {
    (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_file_client_downloads_from_the_relays_file_server() {
    let files = tempfile::tempdir().unwrap();
    let bytes = course_file();
    std::fs::write(files.path().join(FILE_NAME), &bytes).unwrap();
    let folder = files.path().to_str().unwrap();
    let relay = Relay::start(&["--files", folder]);
    let mut page = relay.client().await;
    page.wait = WAIT;

    let port = free_port();
    let Reply::FileServer {
        local,
        files: listed,
        ..
    } = ok(
        &mut page,
        Request::FileServerStart {
            port,
            read_whole: false,
        },
    )
    .await
    else {
        panic!("file_server_start answers file_server");
    };
    assert_eq!(local, SocketAddr::from(([127, 0, 0, 1], port)));
    let entry = listed
        .iter()
        .find(|f| f.name == FILE_NAME)
        .unwrap_or_else(|| panic!("{FILE_NAME} is not in {listed:?}"));
    assert_eq!(entry.size, bytes.len() as u64);

    // The course's client with the fix (recv until it returns 0) saves every byte.
    let saved = tempfile::tempdir().unwrap();
    let port = port.to_string();
    let args = ["--port", &port, "--name", FILE_NAME, "--loop", "--dir"];
    let client = PythonPeer::start(
        "file_course_client",
        &[&args[..], &[saved.path().to_str().unwrap()]].concat(),
    );
    let report = client.finish(WAIT).await;
    let report = report.assert_success().json();
    assert_eq!(report["received"], bytes.len());
    assert_eq!(report["sha256"], entry.sha256.as_str());
    let copy = saved.path().join(format!("[接收]{FILE_NAME}"));
    assert_eq!(std::fs::read(copy).unwrap(), bytes);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relays_downloader_fetches_from_the_course_file_server() {
    let served = tempfile::tempdir().unwrap();
    let bytes = course_file();
    std::fs::write(served.path().join(FILE_NAME), &bytes).unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let relay = Relay::start(&["--downloads", downloads.path().to_str().unwrap()]);
    let mut page = relay.client().await;
    page.wait = WAIT;

    let server = PythonPeer::start(
        "file_course_server",
        &[
            "--port",
            "0",
            "--clients",
            "1",
            "--dir",
            served.path().to_str().unwrap(),
        ],
    );
    // It prints {"port": N} once it listens.
    e2e::wait_until("the course server to say its port", WAIT, || {
        server.stdout_so_far().lines().next().is_some()
    })
    .await;
    let out = server.stdout_so_far();
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let port = v["port"].as_u64().unwrap() as u16;

    let start = Request::DownloadStart {
        host: "127.0.0.1".into(),
        port,
        name: FILE_NAME.into(),
        mode: protocol::DownloadMode::UntilEnd,
    };
    let Reply::DownloadStarted { download } = ok(&mut page, start).await else {
        panic!("download_start answers download_started");
    };
    let report = event(&mut page, |m| match m {
        ServerMessage::DownloadFinished(r) if r.download == download => Some(r),
        _ => None,
    })
    .await;
    assert_eq!(
        report.status,
        protocol::DownloadStatus::Complete,
        "{report:?}"
    );
    assert_eq!(report.received, bytes.len() as u64);
    let saved = downloads.path().join(format!("[接收]{FILE_NAME}"));
    assert_eq!(std::fs::read(&saved).unwrap(), bytes, "{report:?}");
    server.finish(WAIT).await.assert_success();
}

/// Challenge 7 reads the machine's own addresses: on Windows from `GetAdaptersAddresses`
/// (relay/src/platform/ifaces_windows.rs). Wine answers it from the Linux kernel's own
/// interfaces, so every IPv4 address `ip` lists must come back, with its prefix, and loopback
/// as 127.0.0.1/8.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interfaces_come_from_the_windows_api_with_their_prefixes() {
    use std::collections::BTreeSet;
    use std::net::IpAddr;

    let (_relay, mut page) = windows_relay().await;
    let Reply::Interfaces { list } = ok(&mut page, Request::Interfaces {}).await else {
        panic!("expected interfaces");
    };
    let got: BTreeSet<(IpAddr, u8)> = list.iter().map(|i| (i.addr, i.prefix)).collect();
    let out = std::process::Command::new("ip")
        .args(["-j", "-4", "addr"])
        .output()
        .expect("ip runs");
    let linux: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut expected = BTreeSet::new();
    for iface in linux.as_array().unwrap() {
        for a in iface["addr_info"].as_array().unwrap() {
            let addr: IpAddr = a["local"].as_str().unwrap().parse().unwrap();
            expected.insert((addr, a["prefixlen"].as_u64().unwrap() as u8));
        }
    }
    assert!(
        expected.contains(&("127.0.0.1".parse().unwrap(), 8)),
        "{expected:?}"
    );
    let v4: BTreeSet<_> = got.iter().filter(|(a, _)| a.is_ipv4()).copied().collect();
    assert_eq!(v4, expected, "relay.exe listed {list:?}");
}
