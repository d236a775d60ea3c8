//! The session driven over channels instead of a WebSocket, as `session::serve` allows: the
//! test is the page, writing frames into one channel and reading the relay's frames from the
//! other. No HTTP, no sockets for the transport: only the session's own rules (hello first,
//! one answer per id, the close code) are under test.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message};
use futures_util::{Sink, Stream};
use protocol::{ErrorCode, Reply, ServerMessage, Welcome};
use relay::files::Files;
use relay::limits::{RelayLimits, SessionSlots};
use relay::policy::Policy;
use relay::session::{SessionCtx, serve};
use relay::token::Keys;
use testkit::WAIT;
use tokio::sync::{mpsc, watch};

/// What the test holds: the page's end of both channels, and the secret.
struct Page {
    to_relay: mpsc::UnboundedSender<Result<Message, axum::Error>>,
    from_relay: mpsc::UnboundedReceiver<Message>,
    token: String,
    session: tokio::task::JoinHandle<()>,
    _served: tempfile::TempDir,
}

/// Starts one session over channels, with a context like the relay's (loopback policy,
/// default limits, an empty folder to serve).
fn session() -> Page {
    let served = tempfile::tempdir().unwrap();
    let limits = RelayLimits::default();
    let keys = Keys::generate().unwrap();
    let token = keys.launch().clone();
    let (shutdown_tx, shutdown) = watch::channel(false);
    let ctx = Arc::new(SessionCtx {
        keys,
        policy: Arc::new(Policy::new(9, Vec::new(), false)),
        welcome: Welcome {
            protocol: protocol::PROTOCOL_VERSION,
            relay_version: "test".into(),
            relay_port: 9,
            udp_echo_port: 0,
            tcp_echo_port: 0,
            sample_site_port: 0,
            ephemeral_ports: None,
            os: "linux".into(),
            credential: None,
            extra_targets: Vec::new(),
            bind_all_allowed: false,
            limits: limits.protocol(),
        },
        shutdown,
        files: Arc::new(
            Files::new(
                served.path(),
                served.path().join("dl"),
                Duration::from_secs(1),
            )
            .unwrap(),
        ),
        slots: SessionSlots::new(&limits),
        limits,
    });
    let pending = ctx.slots.pending().unwrap();
    let (to_relay, inbox) = mpsc::unbounded_channel();
    let (outbox, from_relay) = mpsc::unbounded_channel();
    let session = tokio::spawn(async move {
        serve(sink(outbox), stream(inbox), ctx, pending).await;
        drop(shutdown_tx);
    });
    Page {
        to_relay,
        from_relay,
        token: token.as_str().to_owned(),
        session,
        _served: served,
    }
}

/// The relay's side of the outgoing channel, as the `Sink` `serve` writes to.
fn sink(tx: mpsc::UnboundedSender<Message>) -> impl Sink<Message, Error = String> + Unpin + Send {
    Box::pin(futures_util::sink::unfold(tx, |tx, msg| async move {
        tx.send(msg).map_err(|e| e.to_string())?;
        Ok(tx)
    }))
}

/// The relay's side of the incoming channel, as the `Stream` `serve` reads from; it ends when
/// the test drops its sender (the page went away).
fn stream(
    rx: mpsc::UnboundedReceiver<Result<Message, axum::Error>>,
) -> impl Stream<Item = Result<Message, axum::Error>> + Unpin {
    Box::pin(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|m| (m, rx))
    }))
}

impl Page {
    fn send(&self, text: &str) {
        self.to_relay.send(Ok(Message::Text(text.into()))).unwrap();
    }

    /// The next frame the relay wrote (pings skipped).
    async fn frame(&mut self) -> Message {
        loop {
            let frame = tokio::time::timeout(WAIT, self.from_relay.recv())
                .await
                .expect("a frame from the session in time")
                .expect("the session's channel is open");
            if !matches!(frame, Message::Ping(_)) {
                return frame;
            }
        }
    }

    async fn message(&mut self) -> ServerMessage {
        match self.frame().await {
            Message::Text(t) => serde_json::from_str(t.as_str()).unwrap(),
            other => panic!("expected a text frame, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn hello_then_requests_each_get_one_answer_and_the_session_ends_with_its_page() {
    let mut page = session();
    page.send(&format!(
        r#"{{"id":1,"op":"hello","token":"{}"}}"#,
        page.token
    ));
    match page.message().await {
        ServerMessage::Welcome(w) => {
            assert_eq!((w.relay_port, w.relay_version.as_str()), (9, "test"));
        }
        other => panic!("expected welcome, got {other:?}"),
    }
    page.send(r#"{"id":2,"op":"list_sockets"}"#);
    assert_eq!(
        page.message().await,
        ServerMessage::Reply {
            id: 2,
            result: Reply::Sockets {
                sockets: Vec::new()
            }
        }
    );
    page.send(r#"{"id":3,"op":"close","socket":7}"#);
    match page.message().await {
        ServerMessage::Error { id: Some(3), error } => {
            assert_eq!(error.code, ErrorCode::NoSuchSocket)
        }
        other => panic!("expected NO_SUCH_SOCKET for id 3, got {other:?}"),
    }
    // The page goes away: the session ends by itself.
    drop(page.to_relay);
    tokio::time::timeout(WAIT, page.session)
        .await
        .expect("the session ends when its page is gone")
        .unwrap();
}

#[tokio::test]
async fn a_wrong_token_is_answered_bad_token_then_closed_4001() {
    let mut page = session();
    page.send(r#"{"id":1,"op":"hello","token":"not-the-token"}"#);
    match page.message().await {
        ServerMessage::Error { id: Some(1), error } => assert_eq!(error.code, ErrorCode::BadToken),
        other => panic!("expected BAD_TOKEN, got {other:?}"),
    }
    match page.frame().await {
        Message::Close(Some(CloseFrame { code, .. })) => assert_eq!(code, 4001),
        other => panic!("expected close 4001, got {other:?}"),
    }
    tokio::time::timeout(WAIT, page.session)
        .await
        .expect("the session ends after closing")
        .unwrap();
}
