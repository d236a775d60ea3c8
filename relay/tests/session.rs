//! One page session over a real WebSocket: the hello handshake and its token, the answers to
//! bad and unknown requests, the message size limit, and shutdown.

mod common;

use std::time::{Duration, Instant};

use common::{Client, start, start_with};
use protocol::limits::{
    CLOSE_BAD_TOKEN, CLOSE_NOT_AUTHENTICATED, HELLO_TIMEOUT_MS, MAX_MESSAGE_BYTES,
};
use protocol::{ErrorCode, Limits, Request, ServerMessage};
use relay::config::Config;

fn error_of(msg: &ServerMessage) -> (Option<u64>, ErrorCode) {
    match msg {
        ServerMessage::Error { id, error } => (*id, error.code),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[tokio::test]
async fn hello_with_the_token_gets_a_complete_welcome() {
    let relay = start().await;
    let c = relay.client().await;
    let w = c.welcome();
    assert_eq!(w.protocol, protocol::PROTOCOL_VERSION);
    assert_eq!(w.relay_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(w.relay_port, relay.port);
    assert_eq!(w.udp_echo_port, relay.echo_port);
    assert_ne!(w.udp_echo_port, 0);
    let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
    let nums: Vec<u16> = range
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(w.ephemeral_ports, Some((nums[0], nums[1])));
    assert!(w.extra_targets.is_empty());
    assert!(!w.bind_all_allowed);
    assert_eq!(w.limits, Limits::default());
}

#[tokio::test]
async fn welcome_reports_the_flags() {
    let cfg = Config {
        allow_target: vec![
            "192.168.1.0/24".parse().unwrap(),
            "fd00::/8".parse().unwrap(),
        ],
        allow_bind_all: true,
        ..Config::default()
    };
    let relay = start_with(cfg).await;
    let c = relay.client().await;
    assert_eq!(c.welcome().extra_targets, ["192.168.1.0/24", "fd00::/8"]);
    assert!(c.welcome().bind_all_allowed);
}

async fn refused_hello(relay: &common::TestRelay, text: &str) -> (Vec<ServerMessage>, u16) {
    let mut c = Client::connect(relay.port, &relay.origin()).await.unwrap();
    c.send_text(text).await;
    let (before, frame) = c.until_close().await;
    (before, u16::from(frame.expect("a close frame").code))
}

#[tokio::test]
async fn a_wrong_or_missing_token_is_refused_with_4001() {
    let relay = start().await;
    let wrong = "0".repeat(64);
    let cases = [
        format!(r#"{{"id":1,"op":"hello","token":"{wrong}"}}"#),
        r#"{"id":1,"op":"hello","token":""}"#.to_owned(),
        r#"{"id":1,"op":"hello"}"#.to_owned(),
        format!(
            r#"{{"id":1,"op":"hello","token":"{}"}}"#,
            &relay.token[..63]
        ),
        format!(r#"{{"id":1,"op":"hello","token":"{} "}}"#, relay.token),
        format!(
            r#"{{"id":1,"op":"hello","token":"{}"}}"#,
            relay.token.to_uppercase()
        ),
    ];
    for text in &cases {
        let (before, code) = refused_hello(&relay, text).await;
        assert_eq!(before.len(), 1, "{text}");
        assert_eq!(
            error_of(&before[0]),
            (Some(1), ErrorCode::BadToken),
            "{text}"
        );
        assert_eq!(code, CLOSE_BAD_TOKEN, "{text}");
    }
    // The right token still works afterwards.
    relay.client().await;
}

#[tokio::test]
async fn any_request_before_hello_is_refused_with_4002() {
    let relay = start().await;
    for (text, id) in [
        (r#"{"id":7,"op":"udp_open"}"#, Some(7)),
        (r#"{"id":8,"op":"close","socket":1}"#, Some(8)),
        ("not json at all", None),
        (r#"{"token":"x"}"#, None),
    ] {
        let (before, code) = refused_hello(&relay, text).await;
        assert_eq!(before.len(), 1, "{text}");
        assert_eq!(
            error_of(&before[0]),
            (id, ErrorCode::NotAuthenticated),
            "{text}"
        );
        assert_eq!(code, CLOSE_NOT_AUTHENTICATED, "{text}");
    }
}

#[tokio::test]
async fn silence_is_closed_with_4002_after_the_hello_timeout() {
    let relay = start().await;
    let mut c = Client::connect(relay.port, &relay.origin()).await.unwrap();
    let started = Instant::now();
    let (before, frame) = c.until_close().await;
    let waited = started.elapsed();
    assert!(before.is_empty());
    assert_eq!(u16::from(frame.unwrap().code), CLOSE_NOT_AUTHENTICATED);
    assert!(
        waited >= Duration::from_millis(HELLO_TIMEOUT_MS - 100),
        "{waited:?}"
    );
    assert!(
        waited < Duration::from_millis(HELLO_TIMEOUT_MS + 2000),
        "{waited:?}"
    );
}

#[tokio::test]
async fn bad_requests_get_bad_request_with_the_id_when_it_can_be_read() {
    let relay = start().await;
    let mut c = relay.client().await;
    for (text, id) in [
        ("not json", None),
        (r#"{"id":5,"op":"udp_nope"}"#, Some(5)),
        (
            r#"{"id":6,"op":"udp_bind","socket":"x","host":"127.0.0.1","port":0}"#,
            Some(6),
        ),
        (
            r#"{"id":9,"op":"udp_send_to","socket":1,"host":"127.0.0.1","port":9,"data":"***"}"#,
            Some(9),
        ),
        (r#"{"op":"udp_open"}"#, None),
        (r#"{"id":-1,"op":"udp_open"}"#, None),
        ("[1,2,3]", None),
    ] {
        c.send_text(text).await;
        let msg = c.recv().await;
        assert_eq!(error_of(&msg), (id, ErrorCode::BadRequest), "{text}");
        let ServerMessage::Error { error, .. } = msg else {
            unreachable!()
        };
        assert!(!error.detail.unwrap().is_empty(), "{text}");
    }
    // The session goes on.
    c.udp_open().await;
}

#[tokio::test]
async fn a_second_hello_and_binary_messages_are_bad_requests() {
    let relay = start().await;
    let mut c = relay.client().await;
    let e = c
        .err(Request::Hello {
            token: relay.token.clone(),
        })
        .await;
    assert_eq!(e.code, ErrorCode::BadRequest);
    use futures_util::SinkExt as _;
    c.ws.send(tokio_tungstenite::tungstenite::Message::binary(vec![
        1, 2, 3,
    ]))
    .await
    .unwrap();
    assert_eq!(error_of(&c.recv().await), (None, ErrorCode::BadRequest));
    c.udp_open().await;
}

#[tokio::test]
async fn oversize_message_is_refused_and_the_session_goes_on() {
    let relay = start().await;
    let mut c = relay.client().await;
    // The largest message is accepted (padded with JSON whitespace: an unknown field would be
    // refused) ...
    let padded = |id: u64, len: usize| {
        let mut text = format!(r#"{{"id":{id},"op":"udp_open""#);
        text.push_str(&" ".repeat(len - text.len() - 1));
        text.push('}');
        assert_eq!(text.len(), len);
        text
    };
    c.send_text(&padded(3, MAX_MESSAGE_BYTES)).await;
    let msg = c.recv().await;
    assert!(matches!(msg, ServerMessage::Reply { id: 3, .. }), "{msg:?}");
    // ... one byte more is not, and the answer carries the id.
    c.send_text(&padded(4, MAX_MESSAGE_BYTES + 1)).await;
    let msg = c.recv().await;
    assert_eq!(error_of(&msg), (Some(4), ErrorCode::MessageTooLarge));
    let ServerMessage::Error { error, .. } = msg else {
        unreachable!()
    };
    assert_eq!(
        error.detail.unwrap(),
        format!(
            "the message was {} bytes; a WebSocket message may be at most {MAX_MESSAGE_BYTES} bytes",
            MAX_MESSAGE_BYTES + 1
        )
    );
    c.send_text(&"y".repeat(MAX_MESSAGE_BYTES + 1)).await;
    assert_eq!(
        error_of(&c.recv().await),
        (None, ErrorCode::MessageTooLarge)
    );
    // The session goes on.
    c.udp_open().await;
}

#[tokio::test]
async fn a_message_over_the_read_limit_closes_only_its_session() {
    let relay = start().await;
    let mut bystander = relay.client().await;
    let mut c = relay.client().await;
    c.send_text(&"z".repeat(relay::session::WS_READ_LIMIT + 1))
        .await;
    let (before, frame) = c.until_close().await;
    // The relay says why, then closes with 1009 (and keeps the connection open a moment so the
    // reset caused by the unread rest of the frame does not swallow the close frame).
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(error_of(&before[0]), (None, ErrorCode::MessageTooLarge));
    assert_eq!(u16::from(frame.expect("a close frame").code), 1009);
    // Other sessions are untouched, and new ones work.
    bystander.udp_open().await;
    let mut again = relay.client().await;
    again.udp_open().await;
}

#[tokio::test]
async fn an_oversize_first_message_is_refused_with_1009() {
    let relay = start().await;
    let (before, code) = refused_hello(&relay, &"h".repeat(MAX_MESSAGE_BYTES + 1)).await;
    assert_eq!(before.len(), 1);
    assert_eq!(error_of(&before[0]), (None, ErrorCode::MessageTooLarge));
    assert_eq!(code, 1009);
}

#[tokio::test]
async fn shutdown_closes_sessions_with_1001() {
    let relay = start().await;
    let mut c = relay.client().await;
    let port = relay.port;
    relay.stop().await;
    let (_, frame) = c.until_close().await;
    assert_eq!(u16::from(frame.unwrap().code), 1001);
    // Nothing listens any more.
    assert!(
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_launch_token_opens_one_session_then_only_the_credential_does() {
    let relay = start().await;
    let first = relay.client().await;
    let credential = first.welcome().credential.clone().expect("a credential");
    assert_eq!(credential.len(), 64);
    assert_ne!(credential, relay.token);
    // The launch token again (say, read from a command line): refused, and told why.
    let mut again = Client::connect(relay.port, &relay.origin()).await.unwrap();
    match again.hello(&relay.token).await {
        ServerMessage::Error { error, .. } => {
            assert_eq!(error.code, ErrorCode::BadToken);
            assert!(
                error
                    .detail
                    .unwrap()
                    .contains("already used by the first tab")
            );
        }
        other => panic!("expected BAD_TOKEN, got {other:?}"),
    }
    let (_, frame) = again.until_close().await;
    assert_eq!(u16::from(frame.unwrap().code), CLOSE_BAD_TOKEN);
    // Another tab of the same browser, with the credential: welcome, with the same credential.
    let mut tab = Client::connect(relay.port, &relay.origin()).await.unwrap();
    match tab.hello(&credential).await {
        ServerMessage::Welcome(w) => assert_eq!(w.credential, Some(credential.clone())),
        other => panic!("expected welcome, got {other:?}"),
    }
    // Even after every session has ended, the launch token stays used up.
    drop((first, tab));
    let mut late = Client::connect(relay.port, &relay.origin()).await.unwrap();
    assert_eq!(
        error_of(&late.hello(&relay.token).await),
        (Some(1), ErrorCode::BadToken)
    );
    relay.stop().await;
}
