//! Test helpers: a relay running in-process on port 0. The protocol client, the waits, free
//! ports and raw HTTP come from the shared harness (`testkit`, also used by the end-to-end
//! tests) and are re-exported here, so every test file keeps writing `common::Client`.

#![allow(dead_code, unused_imports)] // each test file uses a different part of this

use protocol::{ServerMessage, Welcome};
use relay::config::Config;
use relay::{Listeners, Relay};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use testkit::{
    Client, HttpResponse, WAIT, Ws, free_tcp_port, free_udp_port, get, http, read_until, upgrade,
    wait_until, wait_until_async,
};

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

/// Asks the course's file server on `port` for `name` as the course's client does (send the
/// name, shut down our side) and returns every byte that came back.
pub async fn raw_get(port: u16, name: &[u8]) -> Vec<u8> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    s.write_all(name).await.unwrap();
    s.shutdown().await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(WAIT, s.read_to_end(&mut out))
        .await
        .unwrap()
        .unwrap();
    out
}
