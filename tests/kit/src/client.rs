//! [`Client`]: a WebSocket client that speaks the protocol the way the page does (Origin,
//! `hello` with the token first, numbered requests, exactly one answer per id). Events that
//! arrive while it waits for an answer are kept in order, so a test reads them afterwards.

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use protocol::{ClientMessage, RelayError, Reply, Request, ServerMessage, Welcome};
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::WAIT;

/// The WebSocket stream type (plain TCP on loopback).
pub type Ws = WebSocketStream<TcpStream>;

/// A WebSocket client speaking the protocol.
pub struct Client {
    pub ws: Ws,
    pub welcome: Option<Welcome>,
    /// How long `recv` waits for any one message ([`WAIT`] unless a test sets more, as the
    /// Windows build under Wine needs).
    pub wait: std::time::Duration,
    next_id: u64,
    /// Events that arrived while waiting for an answer.
    pub events: std::collections::VecDeque<ServerMessage>,
    /// The rest of a `batch` being handed out one event at a time (see [`Client::recv`]).
    split: std::collections::VecDeque<ServerMessage>,
}

impl Client {
    /// A client logged in like the page served on 127.0.0.1:port: Origin
    /// `http://127.0.0.1:PORT`, `hello` with the token, and the welcome read.
    pub async fn login(port: u16, token: &str) -> Client {
        let origin = format!("http://127.0.0.1:{port}");
        let mut c = Client::connect(port, &origin)
            .await
            .unwrap_or_else(|e| panic!("WebSocket upgrade on port {port} failed: {e}"));
        let welcome = c.hello(token).await;
        let ServerMessage::Welcome(w) = welcome else {
            panic!("expected welcome, got {welcome:?}");
        };
        c.welcome = Some(w);
        c
    }

    /// Opens `/ws` on 127.0.0.1:port with this Origin (and Host 127.0.0.1:port).
    pub async fn connect(port: u16, origin: &str) -> Result<Client, tungstenite::Error> {
        Self::connect_as(port, &format!("127.0.0.1:{port}"), Some(origin)).await
    }

    /// Opens `/ws` with exactly these Host and Origin headers.
    pub async fn connect_as(
        port: u16,
        host: &str,
        origin: Option<&str>,
    ) -> Result<Client, tungstenite::Error> {
        let mut req =
            format!("ws://127.0.0.1:{port}{}", protocol::WS_PATH).into_client_request()?;
        req.headers_mut()
            .insert("host", HeaderValue::from_str(host).unwrap());
        if let Some(origin) = origin {
            req.headers_mut()
                .insert("origin", HeaderValue::from_str(origin).unwrap());
        }
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        // Small JSON frames: send each at once instead of waiting to fill a packet (the
        // benchmark times round trips through this client).
        stream.set_nodelay(true).unwrap();
        let (ws, _) = tokio_tungstenite::client_async(req, stream).await?;
        Ok(Client {
            ws,
            welcome: None,
            wait: WAIT,
            next_id: 1,
            events: Default::default(),
            split: Default::default(),
        })
    }

    pub fn welcome(&self) -> &Welcome {
        self.welcome.as_ref().unwrap()
    }

    /// Sends `{"id":N,"op":"hello","token":...}` and returns the first answer.
    pub async fn hello(&mut self, token: &str) -> ServerMessage {
        let id = self.take_id();
        let hello = ClientMessage {
            id,
            request: Request::Hello {
                token: token.to_owned(),
            },
        };
        self.send_text(&protocol::to_json(&hello)).await;
        self.recv().await
    }

    pub async fn send_text(&mut self, text: &str) {
        self.ws.send(Message::text(text)).await.unwrap();
    }

    /// The next protocol message (a close or a non-text frame fails the test). A `batch` is
    /// handed out one event at a time, as if each had come alone; its `unshown` counts, if
    /// any, follow as a `batch` with no events. [`Client::recv_raw`] keeps batches whole.
    pub async fn recv(&mut self) -> ServerMessage {
        if let Some(m) = self.split.pop_front() {
            return m;
        }
        let msg = self.recv_raw().await;
        self.unbatch(msg)
    }

    /// The first message of `msg` (itself, or a batch's first event); the rest wait in `split`.
    fn unbatch(&mut self, msg: ServerMessage) -> ServerMessage {
        let ServerMessage::Batch { events, unshown } = msg else {
            return msg;
        };
        self.split.extend(events);
        if !unshown.is_empty() {
            self.split.push_back(ServerMessage::Batch {
                events: Vec::new(),
                unshown,
            });
        }
        self.split.pop_front().expect("a batch is never empty")
    }

    /// The next protocol message exactly as the relay sent it (a `batch` stays one message).
    pub async fn recv_raw(&mut self) -> ServerMessage {
        loop {
            let msg = tokio::time::timeout(self.wait, self.ws.next())
                .await
                .expect("a message from the relay in time")
                .expect("the WebSocket is still open")
                .expect("the WebSocket works");
            match msg {
                Message::Text(t) => {
                    return serde_json::from_str(t.as_str())
                        .unwrap_or_else(|e| panic!("relay sent bad JSON {t}: {e}"));
                }
                Message::Ping(_) | Message::Pong(_) => continue,
                other => panic!("expected a text message, got {other:?}"),
            }
        }
    }

    /// Reads until the relay closes the WebSocket; returns its close frame. Protocol messages
    /// that come first are returned too.
    pub async fn until_close(&mut self) -> (Vec<ServerMessage>, Option<CloseFrame>) {
        let mut before = Vec::new();
        loop {
            let next = tokio::time::timeout(2 * WAIT, self.ws.next())
                .await
                .expect("the relay closes in time");
            match next {
                Some(Ok(Message::Text(t))) => {
                    before.push(serde_json::from_str(t.as_str()).unwrap())
                }
                Some(Ok(Message::Close(frame))) => return (before, frame),
                Some(Ok(_)) => continue,
                None | Some(Err(_)) => return (before, None),
            }
        }
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Sends a request without waiting; returns its id. Read the answer with [`Client::answer`]
    /// or [`Client::recv_within`] (the benchmark does this to time a round trip).
    pub async fn send(&mut self, request: Request) -> u64 {
        let id = self.take_id();
        self.send_text(&protocol::to_json(&ClientMessage { id, request }))
            .await;
        id
    }

    /// Sends a request and waits for its answer (events on the way are kept in `events`).
    pub async fn request(&mut self, request: Request) -> Result<Reply, RelayError> {
        let id = self.send(request).await;
        self.answer(id).await
    }

    /// Waits for the answer to request `id`.
    pub async fn answer(&mut self, id: u64) -> Result<Reply, RelayError> {
        loop {
            match self.recv().await {
                ServerMessage::Reply { id: got, result } if got == id => return Ok(result),
                ServerMessage::Error {
                    id: Some(got),
                    error,
                } if got == id => return Err(error),
                m @ (ServerMessage::Reply { .. } | ServerMessage::Error { .. }) => {
                    panic!("answer to another request while waiting for {id}: {m:?}")
                }
                event => self.events.push_back(event),
            }
        }
    }

    pub async fn ok(&mut self, request: Request) -> Reply {
        let op = request.op();
        self.request(request)
            .await
            .unwrap_or_else(|e| panic!("{op} failed: {e}"))
    }

    pub async fn err(&mut self, request: Request) -> RelayError {
        let op = request.op();
        match self.request(request).await {
            Ok(r) => panic!("{op} should have failed, got {r:?}"),
            Err(e) => e,
        }
    }

    /// The next event (one kept from earlier first).
    pub async fn event(&mut self) -> ServerMessage {
        match self.events.pop_front() {
            Some(e) => e,
            None => self.recv().await,
        }
    }

    /// `udp_open` (IPv4); returns the socket id.
    pub async fn udp_open(&mut self) -> u32 {
        match self
            .ok(Request::UdpOpen {
                family: Default::default(),
                recv_size: None,
            })
            .await
        {
            Reply::Opened {
                socket,
                local: None,
            } => socket,
            other => panic!("expected opened without address, got {other:?}"),
        }
    }

    /// `udp_bind`; returns the bound address.
    pub async fn udp_bind(&mut self, socket: u32, host: &str, port: u16) -> SocketAddr {
        match self
            .ok(Request::UdpBind {
                socket,
                host: host.into(),
                port,
            })
            .await
        {
            Reply::Bound { socket: s, local } if s == socket => local,
            other => panic!("expected bound, got {other:?}"),
        }
    }

    pub fn send_to(socket: u32, host: &str, port: u16, data: &[u8]) -> Request {
        Request::UdpSendTo {
            socket,
            host: host.into(),
            port,
            data: data.into(),
        }
    }
}

/// TCP requests and the events they cause.
impl Client {
    /// `tcp_connect`; returns (socket, local, peer).
    pub async fn tcp_connect(
        &mut self,
        host: &str,
        port: u16,
        recv_size: Option<u32>,
    ) -> (u32, SocketAddr, SocketAddr) {
        match self
            .ok(Request::TcpConnect {
                host: host.into(),
                port,
                recv_size,
            })
            .await
        {
            Reply::Connected {
                socket,
                local,
                peer,
                ..
            } => (socket, local, peer),
            other => panic!("expected connected, got {other:?}"),
        }
    }

    /// `tcp_listen` with backlog 8 on 127.0.0.1:0; returns (socket, local).
    pub async fn tcp_listen(&mut self, recv_size: Option<u32>) -> (u32, SocketAddr) {
        match self
            .ok(Request::TcpListen {
                host: "127.0.0.1".into(),
                port: 0,
                backlog: 8,
                recv_size,
            })
            .await
        {
            Reply::Listening {
                socket,
                local,
                backlog: 8,
            } => (socket, local),
            other => panic!("expected listening, got {other:?}"),
        }
    }

    /// `tcp_send`; returns the bytes sent.
    pub async fn tcp_send(&mut self, socket: u32, data: &[u8]) -> usize {
        match self
            .ok(Request::TcpSend {
                socket,
                data: data.into(),
            })
            .await
        {
            Reply::Sent {
                socket: s, bytes, ..
            } if s == socket => bytes,
            other => panic!("expected sent, got {other:?}"),
        }
    }

    /// The first event (kept or new) that `wanted` accepts; the others stay kept, in order.
    pub async fn event_where(&mut self, wanted: impl Fn(&ServerMessage) -> bool) -> ServerMessage {
        if let Some(i) = self.events.iter().position(&wanted) {
            return self.events.remove(i).unwrap();
        }
        loop {
            let msg = self.recv().await;
            if wanted(&msg) {
                return msg;
            }
            self.events.push_back(msg);
        }
    }

    /// `tcp_accepted` from this listener: (socket, peer, local).
    pub async fn accepted(&mut self, listener: u32) -> (u32, SocketAddr, SocketAddr) {
        match self
            .event_where(
                |m| matches!(m, ServerMessage::TcpAccepted { listener: l, .. } if *l == listener),
            )
            .await
        {
            ServerMessage::TcpAccepted {
                socket,
                peer,
                local,
                ..
            } => (socket, peer, local),
            _ => unreachable!(),
        }
    }

    /// The next `tcp_data` of this socket: exactly what one recv returned.
    pub async fn tcp_data(&mut self, socket: u32) -> Vec<u8> {
        match self
            .event_where(|m| matches!(m, ServerMessage::TcpData { socket: s, .. } if *s == socket))
            .await
        {
            ServerMessage::TcpData { data, .. } => data.0,
            _ => unreachable!(),
        }
    }

    /// `tcp_data` events of this socket until `n` bytes came: every recv's bytes, in order.
    pub async fn tcp_recvs(&mut self, socket: u32, n: usize) -> Vec<Vec<u8>> {
        let mut recvs = Vec::new();
        let mut got = 0;
        while got < n {
            let data = self.tcp_data(socket).await;
            got += data.len();
            recvs.push(data);
        }
        assert_eq!(got, n, "more bytes than expected: {recvs:?}");
        recvs
    }

    /// Waits for `tcp_peer_closed` of this socket.
    pub async fn peer_closed(&mut self, socket: u32) {
        self.event_where(
            |m| matches!(m, ServerMessage::TcpPeerClosed { socket: s } if *s == socket),
        )
        .await;
    }

    /// Whatever message comes within `wait`, if any (for "nothing happens" checks).
    pub async fn quiet_for(&mut self, wait: Duration) -> Option<ServerMessage> {
        if let Some(e) = self.events.pop_front().or_else(|| self.split.pop_front()) {
            return Some(e);
        }
        match tokio::time::timeout(wait, self.ws.next()).await {
            Err(_) => None,
            Ok(Some(Ok(Message::Text(t)))) => {
                let msg = serde_json::from_str(t.as_str()).unwrap();
                Some(self.unbatch(msg))
            }
            Ok(other) => panic!("unexpected WebSocket item {other:?}"),
        }
    }

    /// The next message (a kept event first) within `wait`; None when none comes or the
    /// relay closes the WebSocket. For loops that decide themselves what to skip.
    pub async fn recv_within(&mut self, wait: Duration) -> Option<ServerMessage> {
        if let Some(e) = self.events.pop_front().or_else(|| self.split.pop_front()) {
            return Some(e);
        }
        let read = async {
            while let Some(frame) = self.ws.next().await {
                match frame.ok()? {
                    Message::Text(t) => {
                        return Some(serde_json::from_str(t.as_str()).unwrap_or_else(|e| {
                            panic!("the relay sent JSON the protocol cannot read ({e}): {t}")
                        }));
                    }
                    Message::Close(_) => return None,
                    _ => continue,
                }
            }
            None
        };
        let msg = tokio::time::timeout(wait, read).await.ok().flatten()?;
        Some(self.unbatch(msg))
    }

    /// `list_sockets`.
    pub async fn list(&mut self) -> Vec<protocol::SocketInfo> {
        match self.ok(Request::ListSockets {}).await {
            Reply::Sockets { sockets } => sockets,
            other => panic!("expected sockets, got {other:?}"),
        }
    }
}
