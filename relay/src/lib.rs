//! The relay as a library, so tests can run it in-process: [`listen`] takes the port (with the
//! busy-port fallback), [`Relay::new`] prepares everything (token, echo peers, policy),
//! [`Relay::serve`] answers HTTP and WebSocket requests until its shutdown future completes.
//! [`run`] is the whole program behind the `relay` binary.

pub mod app;
pub mod assets;
pub mod batch;
pub mod challenges;
pub mod config;
pub mod echo;
pub mod endpoint;
pub mod errors;
pub mod files;
pub mod host;
pub mod limits;
pub mod loopback_server;
pub mod names;
pub mod outbox;
pub mod platform;
pub mod policy;
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
use protocol::Welcome;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::AppState;
use crate::config::Config;
use crate::echo::EchoPeer;
use crate::limits::conns::{self, ConnSlots};
use crate::limits::{RelayLimits, SessionSlots};
use crate::policy::Policy;
use crate::sample_site::SampleSite;
use crate::session::SessionCtx;
use crate::tcp_echo::TcpEchoPeer;
use crate::token::{Keys, Token};

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
            // Said at INFO: a browser may try [::1] for `localhost`, and whatever holds
            // [::1]:PORT would get it. The relay then accepts neither as Host nor Origin.
            tracing::info!(
                "not listening on [::1]:{port} ({e}); use http://127.0.0.1:{port}/ \
                 (localhost and [::1] are refused)"
            );
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
    conn_slots: Arc<ConnSlots>,
}

impl Relay {
    /// Prepares a relay on these listeners: a fresh token, the echo peers, the rules.
    pub async fn new(listeners: Listeners, cfg: &Config) -> anyhow::Result<Relay> {
        let port = listeners.port()?;
        let keys = Keys::generate()?;
        let token = keys.launch().clone();
        let echo = EchoPeer::start()
            .await
            .context("starting the UDP echo peer")?;
        let tcp_echo = tcp_echo::start()
            .await
            .context("starting the TCP echo peer")?;
        let sample_site = sample_site::start()
            .await
            .context("starting the sample web site")?;
        let policy = Policy::new(port, cfg.allow_target.clone(), cfg.allow_bind_all)
            .allowing_low_ports(cfg.allow_low_ports);
        let limits = RelayLimits::from_config(cfg);
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
            limits: protocol::Limits {
                low_ports_allowed: policy.low_ports_allowed(),
                ..limits.protocol()
            },
            credential: None,
        };
        let (shutdown_tx, shutdown) = watch::channel(false);
        let session = Arc::new(SessionCtx {
            keys,
            policy: Arc::new(policy),
            welcome,
            shutdown,
            files: Arc::new(lab_files(cfg)?),
            slots: SessionSlots::new(&limits),
            limits: limits.clone(),
        });
        let state = AppState::new(port, listeners.v6.is_some(), session);
        let conn_slots = ConnSlots::new(limits.max_http_connections, limits.header_read_timeout);
        Ok(Relay {
            conn_slots,
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
            conn_slots,
            ..
        } = self;
        let router = app::app(state);
        let stopping = shutdown_tx.subscribe();
        tokio::spawn(async move {
            shutdown.await;
            // Sessions and both HTTP servers watch this (a dropped sender means the same).
            let _ = shutdown_tx.send(true);
        });
        // One set of connection places for both listeners: the cap is the relay's.
        let v4 = conns::serve(
            listeners.v4,
            router.clone(),
            conn_slots.clone(),
            stopping.clone(),
        );
        match listeners.v6 {
            Some(v6) => {
                let v6 = conns::serve(v6, router, conn_slots, stopping);
                tokio::join!(v4, v6);
            }
            None => v4.await,
        }
        drop(echo);
        drop(tcp_echo);
        drop(sample_site);
        Ok(())
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
    if cfg.allow_low_ports {
        tracing::warn!("the page may bind ports below 1024 (--allow-low-ports)");
    }
    if !assets::page_built() {
        tracing::warn!("this relay was built without the page; it serves a notice instead");
    }
    // Kept until the relay stops: the browser may read the redirect file late.
    let mut _redirect_dir = None;
    if !cfg.no_open {
        match redirect_file(&url) {
            Ok((dir, page)) => {
                let target = format!("file://{}", page.display());
                _redirect_dir = Some(dir);
                tokio::task::spawn_blocking(move || {
                    if let Err(e) = webbrowser::open(&target) {
                        tracing::warn!(
                            "could not open a browser ({e}); open the Tutorial link above"
                        );
                    }
                });
            }
            Err(e) => tracing::warn!(
                "could not write the page that opens the tutorial ({e}); open the Tutorial link \
                 above"
            ),
        }
    }
    relay.serve(stop_signal()).await?;
    tracing::info!("relay stopped");
    Ok(())
}

/// Writes, in a fresh private folder, a small page that sends the browser on to `url`, and
/// returns the folder (deleted when dropped) and the page's path. The browser is opened on this
/// file, not on `url`: a launcher's command line is readable by every local user
/// (`/proc/PID/cmdline`, `ps`), and `url` carries the token. The file is readable by this user
/// only (0600), as Jupyter does it.
pub fn redirect_file(url: &str) -> std::io::Result<(tempfile::TempDir, std::path::PathBuf)> {
    let dir = tempfile::Builder::new().prefix("netlab-open-").tempdir()?;
    let path = dir.path().join("open-tutorial.html");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path)?;
    file.write_all(redirect_page(url).as_bytes())?;
    Ok((dir, path))
}

/// The redirect page: a meta refresh, a script for browsers that ignore it, and a link.
/// `url` is the relay's own (`http://127.0.0.1:PORT/#token=HEX`): no character to escape.
fn redirect_page(url: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"refresh\" content=\"0;url={url}\">\n\
         <title>netlab</title></head>\n<body>\n\
         <script>window.location.replace(\"{url}\");</script>\n\
         <p><a href=\"{url}\">打开教程 / Open the tutorial</a></p>\n</body></html>\n"
    )
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

    #[test]
    fn the_redirect_file_is_private_and_leads_to_the_url() {
        let url = "http://127.0.0.1:8470/#token=00ff";
        let (dir, path) = redirect_file(url).unwrap();
        assert!(path.starts_with(dir.path()));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(
            "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:8470/#token=00ff\">"
        ));
        assert!(text.contains("window.location.replace(\"http://127.0.0.1:8470/#token=00ff\");"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        drop(dir);
        assert!(!path.exists());
    }
}
