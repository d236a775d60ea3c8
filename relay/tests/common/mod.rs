//! Test helpers: a relay running in-process on port 0, a WebSocket client that has said hello,
//! and raw HTTP requests (so a test controls every header byte).

#![allow(dead_code)] // each test file uses a different part of this

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use protocol::{ClientMessage, RelayError, Reply, Request, ServerMessage, Welcome};
use relay::config::Config;
use relay::{Listeners, Relay};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::{self, Message};

/// How long a test waits for any one thing before failing.
pub const WAIT: Duration = Duration::from_secs(5);

/// A relay serving in the test's own process.
pub struct TestRelay {
    pub port: u16,
    pub token: String,
    pub echo_port: u16,
    pub ipv6: bool,
    /// The credential the first welcome gave (the launch token opens one session only).
    credential: std::sync::Mutex<Option<String>>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

pub async fn start() -> TestRelay {
    start_with(Config::default()).await
}

pub async fn start_with(cfg: Config) -> TestRelay {
    start_listening(cfg, true).await
}

/// A relay listening on 127.0.0.1 only (as when [::1]:PORT is taken), or on both.
pub async fn start_listening(cfg: Config, ipv6: bool) -> TestRelay {
    let v4 = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = v4.local_addr().unwrap().port();
    let v6 = if ipv6 {
        TcpListener::bind(("::1", port)).await.ok()
    } else {
        None
    };
    let listeners = Listeners {
        v4,
        v6,
        fallback_note: None,
    };
    let relay = Relay::new(listeners, &cfg).await.unwrap();
    assert_eq!(relay.port(), port);
    let token = relay.token().to_owned();
    let echo_port = relay.udp_echo_port();
    let ipv6 = relay.listens_on_ipv6();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(relay.serve(async {
        let _ = stopped.await;
    }));
    TestRelay {
        port,
        token,
        echo_port,
        ipv6,
        credential: Default::default(),
        stop: Some(stop),
        task,
    }
}

impl TestRelay {
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What opens a session now: the launch token for the first one, then the credential
    /// the first welcome gave.
    pub fn secret(&self) -> String {
        self.credential
            .lock()
            .unwrap()
            .clone()
            .unwrap_or_else(|| self.token.clone())
    }

    /// Remembers the credential a welcome carries.
    pub fn keep(&self, welcome: &ServerMessage) {
        if let ServerMessage::Welcome(Welcome {
            credential: Some(c),
            ..
        }) = welcome
        {
            *self.credential.lock().unwrap() = Some(c.clone());
        }
    }

    /// A client that has said hello with the right secret and read the welcome.
    pub async fn client(&self) -> Client {
        let mut c = Client::connect(self.port, &self.origin()).await.unwrap();
        let welcome = c.hello(&self.secret()).await;
        self.keep(&welcome);
        let ServerMessage::Welcome(w) = welcome else {
            panic!("expected welcome, got {welcome:?}");
        };
        c.welcome = Some(w);
        c
    }

    /// Stops the relay and waits until it has stopped.
    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(WAIT, &mut self.task)
            .await
            .expect("relay stops in time")
            .unwrap()
            .unwrap();
    }
}

pub type Ws = WebSocketStream<TcpStream>;

/// A WebSocket client speaking the protocol.
pub struct Client {
    pub ws: Ws,
    pub welcome: Option<Welcome>,
    next_id: u64,
    /// Events that arrived while waiting for an answer.
    pub events: std::collections::VecDeque<ServerMessage>,
}

impl Client {
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
        let mut req = format!("ws://127.0.0.1:{port}/ws").into_client_request()?;
        req.headers_mut()
            .insert("host", HeaderValue::from_str(host).unwrap());
        if let Some(origin) = origin {
            req.headers_mut()
                .insert("origin", HeaderValue::from_str(origin).unwrap());
        }
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let (ws, _) = tokio_tungstenite::client_async(req, stream).await?;
        Ok(Client {
            ws,
            welcome: None,
            next_id: 1,
            events: Default::default(),
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

    /// The next protocol message (a close or a non-text frame fails the test).
    pub async fn recv(&mut self) -> ServerMessage {
        loop {
            let msg = tokio::time::timeout(WAIT, self.ws.next())
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

    /// Sends a request and waits for its answer (events on the way are kept in `events`).
    pub async fn request(&mut self, request: Request) -> Result<Reply, RelayError> {
        let id = self.take_id();
        self.send_text(&protocol::to_json(&ClientMessage { id, request }))
            .await;
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

/// An HTTP response, read whole.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `head` (request line and headers, without the final empty line) to 127.0.0.1:port,
/// with `Connection: close` added, and reads the whole response.
pub async fn http(port: u16, head: &str) -> HttpResponse {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let request = format!("{}\r\nConnection: close\r\n\r\n", head.trim_end());
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(WAIT, stream.read_to_end(&mut raw))
        .await
        .expect("response in time")
        .unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_owned(), v.trim().to_owned())
        })
        .collect();
    HttpResponse {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// A GET of `path` with exactly this Host header (None: no Host header at all).
pub async fn get(port: u16, path: &str, host: Option<&str>, extra: &str) -> HttpResponse {
    let mut head = format!("GET {path} HTTP/1.1\r\n");
    if let Some(host) = host {
        head.push_str(&format!("Host: {host}\r\n"));
    }
    head.push_str(extra);
    http(port, &head).await
}

/// A WebSocket upgrade request with these Host and Origin headers.
pub async fn upgrade(port: u16, host: &str, origin: Option<&str>) -> HttpResponse {
    let mut head = format!(
        "GET /ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    );
    if let Some(origin) = origin {
        head.push_str(&format!("Origin: {origin}\r\n"));
    }
    http(port, &head).await
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
        if let Some(e) = self.events.pop_front() {
            return Some(e);
        }
        match tokio::time::timeout(wait, self.ws.next()).await {
            Err(_) => None,
            Ok(Some(Ok(Message::Text(t)))) => Some(serde_json::from_str(t.as_str()).unwrap()),
            Ok(other) => panic!("unexpected WebSocket item {other:?}"),
        }
    }

    /// `list_sockets`.
    pub async fn list(&mut self) -> Vec<protocol::SocketInfo> {
        match self.ok(Request::ListSockets {}).await {
            Reply::Sockets { sockets } => sockets,
            other => panic!("expected sockets, got {other:?}"),
        }
    }
}
