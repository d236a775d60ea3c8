//! Token buckets: each session may connect, send and bind in bursts (a lesson's handful, even a
//! quick loop), then only so many times per second. A page that tries to scan every port or
//! flood a local service is slowed to a crawl and told how long to wait (`RATE_LIMITED`).

use std::time::Duration;

use protocol::limits as named;
use protocol::{ErrorCode, RelayError};
use tokio::time::Instant;

/// One bucket: holds up to `burst` tokens, refilled at `per_second`; each action takes one.
#[derive(Clone, Debug)]
pub struct Bucket {
    burst: f64,
    per_second: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    /// A full bucket.
    pub fn new(burst: u32, per_second: u32, now: Instant) -> Bucket {
        Bucket {
            burst: f64::from(burst.max(1)),
            per_second: f64::from(per_second.max(1)),
            tokens: f64::from(burst.max(1)),
            last: now,
        }
    }

    /// Takes a token, or says how long until one is there.
    pub fn take(&mut self, now: Instant) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return Ok(());
        }
        Err(Duration::from_secs_f64(
            (1.0 - self.tokens) / self.per_second,
        ))
    }
}

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `tcp_connect`, `download_start`.
    Connect,
    /// `udp_send_to`, `tcp_send`.
    Send,
    /// `udp_bind`, `tcp_listen`, `file_server_start`.
    Bind,
}

impl Action {
    fn plural(self) -> &'static str {
        match self {
            Action::Connect => "connects",
            Action::Send => "sends",
            Action::Bind => "binds",
        }
    }
}

/// One session's buckets.
#[derive(Clone, Debug)]
pub struct Rates {
    connect: Bucket,
    send: Bucket,
    bind: Bucket,
}

impl Default for Rates {
    fn default() -> Self {
        let now = Instant::now();
        Rates {
            connect: Bucket::new(named::CONNECT_BURST, named::CONNECTS_PER_SECOND, now),
            send: Bucket::new(named::SEND_BURST, named::SENDS_PER_SECOND, now),
            bind: Bucket::new(named::BIND_BURST, named::BINDS_PER_SECOND, now),
        }
    }
}

impl Rates {
    /// Counts one `action` now, or refuses it with `RATE_LIMITED` and the wait.
    pub fn check(&mut self, action: Action) -> Result<(), RelayError> {
        self.check_at(action, Instant::now())
    }

    fn check_at(&mut self, action: Action, now: Instant) -> Result<(), RelayError> {
        let (bucket, burst, per_second) = match action {
            Action::Connect => (
                &mut self.connect,
                named::CONNECT_BURST,
                named::CONNECTS_PER_SECOND,
            ),
            Action::Send => (&mut self.send, named::SEND_BURST, named::SENDS_PER_SECOND),
            Action::Bind => (&mut self.bind, named::BIND_BURST, named::BINDS_PER_SECOND),
        };
        bucket.take(now).map_err(|wait| {
            let ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX).max(1);
            RelayError::new(ErrorCode::RateLimited)
                .with_retry_after(ms)
                .with_detail(format!(
                    "too many {} at once: at most {burst} in a row, then {per_second} per \
                     second; try again in {ms} ms",
                    action.plural()
                ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_rate_holds_and_the_wait_is_told() {
        let t0 = Instant::now();
        let mut rates = Rates::default();
        for i in 0..named::CONNECT_BURST {
            assert!(rates.check_at(Action::Connect, t0).is_ok(), "connect {i}");
        }
        let e = rates.check_at(Action::Connect, t0).unwrap_err();
        assert_eq!(e.code, ErrorCode::RateLimited);
        // 20 per second: the next token comes in 50 ms.
        assert_eq!(e.retry_after_ms, Some(50));
        assert_eq!(
            e.detail.as_deref(),
            Some(
                "too many connects at once: at most 50 in a row, then 20 per second; try again in 50 ms"
            )
        );
        // Other actions have buckets of their own.
        assert!(rates.check_at(Action::Send, t0).is_ok());
        assert!(rates.check_at(Action::Bind, t0).is_ok());
        // After 50 ms one more connect passes, and only one.
        let later = t0 + Duration::from_millis(50);
        assert!(rates.check_at(Action::Connect, later).is_ok());
        assert!(rates.check_at(Action::Connect, later).is_err());
        // A quiet second refills 20, never more than the burst.
        let quiet = later + Duration::from_secs(60);
        for _ in 0..named::CONNECT_BURST {
            assert!(rates.check_at(Action::Connect, quiet).is_ok());
        }
        assert!(rates.check_at(Action::Connect, quiet).is_err());
    }
}
