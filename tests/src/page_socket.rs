//! [`PageSocket`]: a WebSocket client that talks to the relay exactly like the tutorial page
//! does (same Origin, `hello` with the token first, JSON requests with ids). For tests and
//! benchmarks that need the relay without a browser.

use std::collections::VecDeque;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use protocol::{ClientMessage, RelayError, Reply, Request, ServerMessage, Welcome};
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::Relay;

/// How long [`PageSocket::request`] waits for the answer.
const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// The WebSocket stream type (plain TCP on loopback).
pub type WsStream = WebSocketStream<TcpStream>;

/// A logged-in WebSocket session with the relay.
pub struct PageSocket {
    ws: WsStream,
    next_id: u64,
    /// Events (and stray messages) that arrived while waiting for a reply, oldest first.
    events: VecDeque<ServerMessage>,
    /// What the relay said after `hello`.
    pub welcome: Welcome,
}

impl PageSocket {
    /// Connects like the page served by `relay` (Origin `http://127.0.0.1:PORT`), says hello
    /// with the right token and waits for the welcome.
    pub async fn connect(relay: &Relay) -> PageSocket {
        let origin = relay.base();
        let mut ws = PageSocket::open(&relay.ws_url(), Some(&origin))
            .await
            .unwrap_or_else(|e| panic!("WebSocket upgrade at {} failed: {e}", relay.ws_url()));
        let hello = ClientMessage {
            id: 1,
            request: Request::Hello {
                token: relay.token().to_string(),
            },
        };
        ws.send(Message::text(protocol::to_json(&hello)))
            .await
            .expect("send hello");
        let welcome = match next_message(&mut ws, REPLY_TIMEOUT).await {
            Some(ServerMessage::Welcome(welcome)) => welcome,
            other => panic!("expected a welcome after hello, got {other:?}"),
        };
        PageSocket {
            ws,
            next_id: 2,
            events: VecDeque::new(),
            welcome,
        }
    }

    /// Only the WebSocket upgrade, with the given Origin header (None = no Origin), for tests
    /// of what the relay refuses. The error of a refused upgrade carries the HTTP status.
    pub async fn open(ws_url: &str, origin: Option<&str>) -> Result<WsStream, tungstenite::Error> {
        let mut request = ws_url.into_client_request()?;
        if let Some(origin) = origin {
            let value = HeaderValue::from_str(origin).expect("an Origin is header-safe text");
            request.headers_mut().insert("Origin", value);
        }
        let authority = request
            .uri()
            .authority()
            .expect("a ws:// URL with host and port")
            .to_string();
        let tcp = TcpStream::connect(authority).await?;
        // Small JSON frames: send each at once instead of waiting to fill a packet.
        tcp.set_nodelay(true)?;
        let (ws, _response) = tokio_tungstenite::client_async(request, tcp).await?;
        Ok(ws)
    }

    /// Sends `request` and waits for its `reply` or `error`. Events that arrive meanwhile are
    /// kept for [`PageSocket::next_event`].
    pub async fn request(&mut self, request: Request) -> Result<Reply, RelayError> {
        let id = self.send(request).await;
        let deadline = tokio::time::Instant::now() + REPLY_TIMEOUT;
        loop {
            // Read the socket itself: the kept events are not answers (taking them off the
            // queue and back again would spin forever).
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match next_message(&mut self.ws, left).await {
                Some(ServerMessage::Reply { id: got, result }) if got == id => return Ok(result),
                Some(ServerMessage::Error {
                    id: Some(got),
                    error,
                }) if got == id => return Err(error),
                Some(other) => self.events.push_back(other),
                None => panic!("no answer to request {id} within {REPLY_TIMEOUT:?}"),
            }
        }
    }

    /// Sends `request` without waiting; returns its id. Read the answer with
    /// [`PageSocket::recv`] (this is what the benchmark does to time a round trip).
    pub async fn send(&mut self, request: Request) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let text = protocol::to_json(&ClientMessage { id, request });
        self.ws
            .send(Message::text(text))
            .await
            .expect("send on the WebSocket");
        id
    }

    /// Sends raw text as one frame (for malformed or oversize messages).
    pub async fn send_text(&mut self, text: String) -> Result<(), tungstenite::Error> {
        self.ws.send(Message::text(text)).await
    }

    /// The next message from the relay, kept events first; None on timeout or close.
    pub async fn recv(&mut self, timeout: Duration) -> Option<ServerMessage> {
        if let Some(event) = self.events.pop_front() {
            return Some(event);
        }
        next_message(&mut self.ws, timeout).await
    }

    /// The next event (anything but a reply), waiting up to `timeout`.
    pub async fn next_event(&mut self, timeout: Duration) -> Option<ServerMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.recv(left).await? {
                ServerMessage::Reply { .. } => continue,
                event => return Some(event),
            }
        }
    }

    /// The underlying WebSocket.
    pub fn ws(&mut self) -> &mut WsStream {
        &mut self.ws
    }
}

/// Reads frames until a JSON text message arrives; None on timeout, close or a broken stream.
async fn next_message(ws: &mut WsStream, timeout: Duration) -> Option<ServerMessage> {
    let read = async {
        while let Some(frame) = ws.next().await {
            match frame.ok()? {
                Message::Text(text) => {
                    let message = serde_json::from_str(text.as_str()).unwrap_or_else(|e| {
                        panic!("the relay sent JSON the protocol cannot read ({e}): {text}")
                    });
                    return Some(message);
                }
                Message::Close(_) => return None,
                _ => continue,
            }
        }
        None
    };
    tokio::time::timeout(timeout, read).await.ok().flatten()
}
