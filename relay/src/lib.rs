//! The relay as a library, so tests can run it in-process: [`listen`] takes the port (with the
//! busy-port fallback), [`Relay::new`] prepares everything (token, echo peers, policy),
//! [`Relay::serve`] answers HTTP and WebSocket requests until its shutdown future completes.
//! [`run`] is the whole program behind the `relay` binary.

pub mod app;
pub mod assets;
pub mod config;
pub mod echo;
pub mod errors;
pub mod files;
pub mod loopback_server;
pub mod names;
pub mod outbox;
pub mod platform;
pub mod policy;
pub mod resolve;
pub mod sample_site;
pub mod session;
pub mod sockets;
pub mod tcp_echo;
pub mod token;

use std::future::Future;
use std::io::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use protocol::{Limits, Welcome};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::AppState;
use crate::config::Config;
use crate::echo::EchoPeer;
use crate::policy::Policy;
use crate::sample_site::SampleSite;
use crate::session::SessionCtx;
use crate::tcp_echo::TcpEchoPeer;
use crate::token::Token;

/// Where the relay listens: 127.0.0.1:PORT always, [::1]:PORT too when this machine has IPv6.
#[derive(Debug)]
pub struct Listeners {
    pub v4: TcpListener,
    pub v6: Option<TcpListener>,
    /// Set when the wanted port was busy: the line to tell the user.
    pub fallback_note: Option<String>,
}

impl Listeners {
    pub fn port(&self) -> anyhow::Result<u16> {
        Ok(self.v4.local_addr()?.port())
    }
}

/// Listens on 127.0.0.1 at the configured port. When that port is busy, a free port is used
/// instead and `fallback_note` says so (more insistently when the user asked for the port).
pub async fn listen(cfg: &Config) -> anyhow::Result<Listeners> {
    let wanted = cfg.wanted_port();
    let (v4, fallback_note) = match TcpListener::bind((Ipv4Addr::LOCALHOST, wanted)).await {
        Ok(l) => (l, None),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
                .await
                .context("listening on 127.0.0.1")?;
            let port = l.local_addr()?.port();
            (l, Some(busy_note(cfg.port.is_some(), wanted, port)))
        }
        Err(e) => return Err(e).context(format!("listening on 127.0.0.1:{wanted}")),
    };
    let port = v4.local_addr()?.port();
    let v6 = match TcpListener::bind((Ipv6Addr::LOCALHOST, port)).await {
        Ok(l) => Some(l),
        Err(e) => {
            tracing::debug!("not listening on [::1]:{port}: {e}");
            None
        }
    };
    Ok(Listeners {
        v4,
        v6,
        fallback_note,
    })
}

/// The line printed when the wanted port was busy.
fn busy_note(asked_for: bool, wanted: u16, used: u16) -> String {
    if asked_for {
        format!(
            "Port {wanted} (asked for with --port) is busy (another program, or another relay, \
             uses it); using port {used} instead."
        )
    } else {
        format!("Port {wanted} is busy (another relay may be running); using port {used} instead.")
    }
}

/// A relay ready to serve.
#[derive(Debug)]
pub struct Relay {
    listeners: Listeners,
    port: u16,
    token: Token,
    echo: EchoPeer,
    tcp_echo: TcpEchoPeer,
    sample_site: SampleSite,
    state: AppState,
    shutdown_tx: watch::Sender<bool>,
}

impl Relay {
    /// Prepares a relay on these listeners: a fresh token, the echo peers, the rules.
    pub async fn new(listeners: Listeners, cfg: &Config) -> anyhow::Result<Relay> {
        let port = listeners.port()?;
        let token = Token::generate()?;
        let echo = EchoPeer::start()
            .await
            .context("starting the UDP echo peer")?;
        let tcp_echo = tcp_echo::start()
            .await
            .context("starting the TCP echo peer")?;
        let sample_site = sample_site::start()
            .await
            .context("starting the sample web site")?;
        let policy = Policy::new(port, cfg.allow_target.clone(), cfg.allow_bind_all);
        // On Windows this runs netsh, which takes a moment: off the async threads.
        let ephemeral_ports = tokio::task::spawn_blocking(platform::ports::ephemeral_ports)
            .await
            .unwrap_or(None);
        let welcome = Welcome {
            protocol: protocol::PROTOCOL_VERSION,
            relay_version: env!("CARGO_PKG_VERSION").to_owned(),
            relay_port: port,
            udp_echo_port: echo.port(),
            tcp_echo_port: tcp_echo.port(),
            sample_site_port: sample_site.port(),
            ephemeral_ports,
            os: platform::Os::current().name().to_owned(),
            extra_targets: policy
                .extra_targets()
                .iter()
                .map(|n| n.to_string())
                .collect(),
            bind_all_allowed: policy.bind_all_allowed(),
            limits: Limits::default(),
        };
        let (shutdown_tx, shutdown) = watch::channel(false);
        let session = Arc::new(SessionCtx {
            token: token.clone(),
            policy: Arc::new(policy),
            welcome,
            shutdown,
            files: Arc::new(lab_files(cfg)?),
        });
        let state = AppState::new(port, session);
        Ok(Relay {
            listeners,
            port,
            token,
            echo,
            tcp_echo,
            sample_site,
            state,
            shutdown_tx,
        })
    }

    /// The port the relay listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// This launch's secret.
    pub fn token(&self) -> &str {
        self.token.as_str()
    }

    pub fn udp_echo_port(&self) -> u16 {
        self.echo.port()
    }

    pub fn tcp_echo_port(&self) -> u16 {
        self.tcp_echo.port()
    }

    pub fn sample_site_port(&self) -> u16 {
        self.sample_site.port()
    }

    /// Whether the relay also listens on [::1].
    pub fn listens_on_ipv6(&self) -> bool {
        self.listeners.v6.is_some()
    }

    /// The tutorial's address, with the token in the fragment (browsers never send fragments).
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/#token={}",
            self.port,
            self.token.as_str()
        )
    }

    /// Serves until `shutdown` completes; then stops accepting, tells every page session that
    /// the relay is going away (close code 1001) and returns.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Relay {
            listeners,
            state,
            shutdown_tx,
            echo,
            tcp_echo,
            sample_site,
            ..
        } = self;
        let router = app::app(state);
        let stopping = shutdown_tx.subscribe();
        let stopped = move || {
            let mut rx = stopping.clone();
            async move {
                let _ = rx.wait_for(|stop| *stop).await;
            }
        };
        tokio::spawn(async move {
            shutdown.await;
            // Sessions and both HTTP servers watch this (a dropped sender means the same).
            let _ = shutdown_tx.send(true);
        });
        // TCP_NODELAY: a WebSocket answer is one small segment; without it Nagle's algorithm
        // holds it back until the page's delayed ACK (about 40 ms on Linux) for every echo.
        fn nodelay(tcp: &mut tokio::net::TcpStream) {
            let _ = tcp.set_nodelay(true);
        }
        let v4 = axum::serve(listeners.v4.tap_io(nodelay), router.clone())
            .with_graceful_shutdown(stopped());
        let result = match listeners.v6 {
            Some(v6) => {
                let v6 = axum::serve(v6.tap_io(nodelay), router).with_graceful_shutdown(stopped());
                let (a, b) = tokio::join!(v4.into_future(), v6.into_future());
                a.and(b)
            }
            None => v4.await,
        };
        drop(echo);
        drop(tcp_echo);
        drop(sample_site);
        result.context("serving HTTP")
    }
}

/// The file lab's folders: `--files` (else the samples, made now) and `--downloads`.
fn lab_files(cfg: &Config) -> anyhow::Result<files::Files> {
    let served = match &cfg.files {
        Some(dir) => dir.clone(),
        None => files::samples::ensure().context("making the lesson's sample files")?,
    };
    let downloads = cfg
        .downloads
        .clone()
        .unwrap_or_else(platform::downloads::default_downloads);
    let stall = cfg
        .stall_timeout
        .map_or(files::STALL_TIMEOUT, std::time::Duration::from_secs_f64);
    files::Files::new(&served, downloads, stall)
        .with_context(|| format!("the folder to serve, {}", served.display()))
}

/// The `relay` program: listen, print the tutorial's address, open the browser, serve until
/// Ctrl-C (or SIGTERM).
pub async fn run(cfg: Config) -> anyhow::Result<()> {
    let listeners = listen(&cfg).await?;
    let note = listeners.fallback_note.clone();
    let relay = Relay::new(listeners, &cfg).await?;
    let url = relay.url();
    {
        let mut out = std::io::stdout().lock();
        if let Some(note) = note {
            writeln!(out, "{note}")?;
        }
        writeln!(out, "Tutorial: {url}")?;
        out.flush()?;
    }
    eprintln!("{}", platform::console::STOP_HINT);
    let addrs: Vec<SocketAddr> =
        std::iter::once(SocketAddr::from((Ipv4Addr::LOCALHOST, relay.port())))
            .chain(
                relay
                    .listens_on_ipv6()
                    .then(|| SocketAddr::from((Ipv6Addr::LOCALHOST, relay.port()))),
            )
            .collect();
    tracing::info!(
        "relay listening on {addrs:?}; UDP echo peer on 127.0.0.1:{}; TCP echo peer on \
         127.0.0.1:{}",
        relay.udp_echo_port(),
        relay.tcp_echo_port()
    );
    if !cfg.allow_target.is_empty() {
        tracing::warn!("the page may also reach {:?}", cfg.allow_target);
    }
    if cfg.allow_bind_all {
        tracing::warn!("the page may bind every interface (--allow-bind-all)");
    }
    if !assets::page_built() {
        tracing::warn!("this relay was built without the page; it serves a notice instead");
    }
    if !cfg.no_open {
        tokio::task::spawn_blocking(move || {
            if let Err(e) = webbrowser::open(&url) {
                tracing::warn!("could not open a browser ({e}); open the Tutorial link above");
            }
        });
    }
    relay.serve(stop_signal()).await?;
    tracing::info!("relay stopped");
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_port_notes_say_which_port_is_used() {
        assert_eq!(
            busy_note(false, config::DEFAULT_PORT, 40000),
            "Port 8470 is busy (another relay may be running); using port 40000 instead."
        );
        assert_eq!(
            busy_note(true, 9000, 40001),
            "Port 9000 (asked for with --port) is busy (another program, or another relay, uses \
             it); using port 40001 instead."
        );
    }
}
