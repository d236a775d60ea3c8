//! The relay's limits in force: how many connections, sessions and WebSockets waiting for
//! `hello` it keeps at once, and how long it waits for each. The defaults are named in
//! `protocol::limits` and reported to the page in `welcome`; tests start relays with small
//! ones (hidden flags in `config.rs`). [`conns`] is the HTTP accept loop that enforces the
//! connection limits.

pub mod conns;
pub mod rate;

use std::sync::Arc;
use std::time::Duration;

use protocol::limits as named;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::Config;

/// The limits one relay runs with.
#[derive(Clone, Debug)]
pub struct RelayLimits {
    pub hello_timeout: Duration,
    pub header_read_timeout: Duration,
    pub max_http_connections: usize,
    pub max_pending_hellos: usize,
    pub max_sessions: usize,
    pub ping_interval: Duration,
    pub idle_timeout: Duration,
    pub max_download_bytes: u64,
}

impl Default for RelayLimits {
    fn default() -> Self {
        RelayLimits {
            hello_timeout: Duration::from_millis(named::HELLO_TIMEOUT_MS),
            header_read_timeout: Duration::from_millis(named::HEADER_READ_TIMEOUT_MS),
            max_http_connections: named::MAX_HTTP_CONNECTIONS,
            max_pending_hellos: named::MAX_PENDING_HELLOS,
            max_sessions: named::MAX_SESSIONS,
            ping_interval: Duration::from_millis(named::PING_INTERVAL_MS),
            idle_timeout: Duration::from_millis(named::IDLE_TIMEOUT_MS),
            max_download_bytes: named::MAX_DOWNLOAD_BYTES,
        }
    }
}

impl RelayLimits {
    /// The defaults, with what the (hidden, for tests) flags change.
    pub fn from_config(cfg: &Config) -> RelayLimits {
        let secs = |s: Option<f64>, default: Duration| {
            s.filter(|s| s.is_finite() && *s > 0.0)
                .map_or(default, Duration::from_secs_f64)
        };
        let d = RelayLimits::default();
        RelayLimits {
            hello_timeout: secs(cfg.hello_timeout, d.hello_timeout),
            header_read_timeout: secs(cfg.header_timeout, d.header_read_timeout),
            max_http_connections: cfg.max_connections.unwrap_or(d.max_http_connections).max(1),
            max_pending_hellos: cfg
                .max_pending_hellos
                .unwrap_or(d.max_pending_hellos)
                .max(1),
            max_sessions: cfg.max_sessions.unwrap_or(d.max_sessions).max(1),
            ping_interval: secs(cfg.ping_interval, d.ping_interval),
            idle_timeout: secs(cfg.idle_timeout, d.idle_timeout),
            max_download_bytes: cfg.max_download_bytes.unwrap_or(d.max_download_bytes),
        }
    }

    /// The numbers for `welcome` (the socket and message limits are fixed).
    pub fn protocol(&self) -> protocol::Limits {
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        protocol::Limits {
            hello_timeout_ms: ms(self.hello_timeout),
            header_read_timeout_ms: ms(self.header_read_timeout),
            max_http_connections: self.max_http_connections,
            max_pending_hellos: self.max_pending_hellos,
            max_sessions: self.max_sessions,
            ping_interval_ms: ms(self.ping_interval),
            idle_timeout_ms: ms(self.idle_timeout),
            max_download_bytes: self.max_download_bytes,
            ..protocol::Limits::default()
        }
    }
}

/// The places for WebSockets: one per WebSocket waiting for its `hello`, one per page session.
/// A permit is held for as long as the WebSocket is in that stage.
#[derive(Debug)]
pub struct SessionSlots {
    pending: Arc<Semaphore>,
    sessions: Arc<Semaphore>,
}

impl SessionSlots {
    pub fn new(limits: &RelayLimits) -> SessionSlots {
        SessionSlots {
            pending: Arc::new(Semaphore::new(limits.max_pending_hellos)),
            sessions: Arc::new(Semaphore::new(limits.max_sessions)),
        }
    }

    /// A place for a new WebSocket until it says hello; None when all are taken.
    pub fn pending(&self) -> Option<OwnedSemaphorePermit> {
        self.pending.clone().try_acquire_owned().ok()
    }

    /// A place for a welcomed session; None when all are taken.
    pub fn session(&self) -> Option<OwnedSemaphorePermit> {
        self.sessions.clone().try_acquire_owned().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    #[test]
    fn defaults_are_the_named_ones_and_flags_change_them() {
        let d = RelayLimits::from_config(&Config::try_parse_from(["relay"]).unwrap());
        assert_eq!(d.protocol(), protocol::Limits::default());
        let cfg = Config::try_parse_from([
            "relay",
            "--ping-interval",
            "0.25",
            "--max-sessions",
            "2",
            "--idle-timeout",
            "0",
        ])
        .unwrap();
        let l = RelayLimits::from_config(&cfg);
        assert_eq!(l.ping_interval, Duration::from_millis(250));
        assert_eq!(l.max_sessions, 2);
        // Nonsense (zero) falls back to the default.
        assert_eq!(
            l.idle_timeout,
            Duration::from_millis(named::IDLE_TIMEOUT_MS)
        );
        assert_eq!(l.protocol().ping_interval_ms, 250);
    }

    #[test]
    fn slots_run_out_and_come_back() {
        let limits = RelayLimits {
            max_sessions: 1,
            ..RelayLimits::default()
        };
        let slots = SessionSlots::new(&limits);
        let first = slots.session().unwrap();
        assert!(slots.session().is_none());
        drop(first);
        assert!(slots.session().is_some());
    }
}
