//! Streams a run's checks to the page as `challenge_check` events, numbered in order.

use std::time::Instant;

use checks::Verdict;
use protocol::{CheckId, CheckOutcome, CheckReport, RunId, ServerMessage};

use crate::outbox::Outbox;

/// At most this many bytes of what was sent or received go into one event (a 3 MiB file would
/// not fit a WebSocket message; the page shows the start).
pub const SHOWN_BYTES: usize = 1024;

/// Why a script stops early: a check failed, or the page is gone.
#[derive(Debug)]
pub struct Stop;

#[derive(Debug)]
pub struct Reporter {
    run: RunId,
    index: u32,
    outbox: Outbox,
    failed: bool,
}

impl Reporter {
    pub fn new(run: RunId, outbox: Outbox) -> Reporter {
        Reporter {
            run,
            index: 0,
            outbox,
            failed: false,
        }
    }

    pub fn run(&self) -> RunId {
        self.run
    }

    pub fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// Whether a check failed.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// Sends one check's event. `Err(Stop)` when it failed (the later checks depend on it) or
    /// the page is gone.
    pub async fn check(
        &mut self,
        check: CheckId,
        started: Instant,
        verdict: Verdict,
        sent: Option<&[u8]>,
        received: Option<&[u8]>,
    ) -> Result<(), Stop> {
        let shown = |b: &[u8]| b[..b.len().min(SHOWN_BYTES)].to_vec().into();
        let report = CheckReport {
            run: self.run,
            index: self.index,
            check,
            outcome: verdict.outcome,
            sent: sent.map(shown),
            received: received.map(shown),
            elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            hint: verdict.hint,
            args: verdict.args,
        };
        self.index += 1;
        let fail = report.outcome == CheckOutcome::Fail;
        tracing::debug!(run = self.run, ?check, outcome = ?report.outcome, hint = ?report.hint, "challenge check");
        if !self
            .outbox
            .event(ServerMessage::ChallengeCheck(report))
            .await
        {
            return Err(Stop);
        }
        if fail {
            self.failed = true;
            return Err(Stop);
        }
        Ok(())
    }
}
