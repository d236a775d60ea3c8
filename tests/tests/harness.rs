//! Tests of the harness itself: its failures explain themselves, the Python learner script
//! does what its docs say, and the shared protocol client
//! speaks the protocol the way the page does.

use std::net::UdpSocket;
use std::time::Duration;

use e2e::{Browser, PythonPeer, Relay, run_python};
use protocol::{Data, Reply, Request, ServerMessage};

#[tokio::test(flavor = "multi_thread")]
#[should_panic(expected = "no element matches `#no-such-thing`")]
async fn a_failed_wait_names_the_selector_and_saves_a_screenshot() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser
        .wait_for("#no-such-thing", Duration::from_millis(300))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_python_learner_sends_gbk_and_prints_what_came_back() {
    // The test plays the page: a UDP socket that answers the learner.
    let page = UdpSocket::bind("127.0.0.1:0").unwrap();
    page.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let port = page.local_addr().unwrap().port().to_string();
    let learner = PythonPeer::start(
        "udp_learner",
        &["--to-port", &port, "--encoding", "gbk", "--message", "你好"],
    );

    let mut buf = [0u8; 64];
    let (n, from) = page.recv_from(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"\xc4\xe3\xba\xc3", "你好 in GBK");
    page.send_to("收到".as_bytes(), from).unwrap();

    let out = learner.finish(Duration::from_secs(10)).await;
    let report = out.assert_success().json();
    assert_eq!(report["sent"]["hex"], "c4 e3 ba c3");
    assert_eq!(
        report["received"]["from"][1],
        i64::from(page.local_addr().unwrap().port())
    );
    // The learner decodes with its own encoding (GBK), so UTF-8 bytes arrive garbled,
    // exactly like a mismatched course program: the hex is what to compare.
    assert_eq!(report["received"]["hex"], "e6 94 b6 e5 88 b0");
    assert_eq!(report["bound"][1], from.port());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_python_learner_exits_non_zero_when_nothing_comes_back() {
    let out = run_python(
        "udp_learner",
        &["--timeout", "0.3"],
        Duration::from_secs(10),
    )
    .await;
    assert_eq!(out.status.and_then(|s| s.code()), Some(2), "{out:?}");
    assert!(out.json()["received"].is_null());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_protocol_client_sends_through_the_relay_to_its_echo_peer() {
    let relay = Relay::start(&[]);
    let mut page = relay.client().await;
    let echo = page.welcome().udp_echo_port;
    let Ok(Reply::Opened { socket, .. }) = page
        .request(Request::UdpOpen {
            family: Default::default(),
            recv_size: None,
        })
        .await
    else {
        panic!("udp_open failed");
    };
    let sent = page
        .request(Request::UdpSendTo {
            socket,
            host: "127.0.0.1".into(),
            port: echo,
            data: Data::from(&b"ping"[..]),
        })
        .await;
    assert!(matches!(sent, Ok(Reply::Sent { bytes: 4, .. })), "{sent:?}");
    match page.event().await {
        ServerMessage::UdpDatagram { data, from, .. } => {
            assert_eq!(data.as_slice(), b"ping");
            assert_eq!(from.port(), echo);
        }
        other => panic!("expected the echo, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_browser_console_is_readable() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser
        .eval("console.error('harness check 你好'); return null")
        .await;
    let console = browser.console_log().await;
    assert!(
        console
            .iter()
            .any(|line| line.starts_with("SEVERE") && line.contains("harness check 你好")),
        "{console:?}"
    );
    browser.quit().await;
}
