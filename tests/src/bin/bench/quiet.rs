//! Waiting for a quiet machine before a timed phase.
//!
//! A phase that follows the browser's would otherwise start while Chromium's processes are
//! still exiting (`top` showed one at 69% of a CPU as the round trip began). On the 2-core VM
//! the floods then missed their goal in four full runs of four: the page's baseline round trip
//! took up to 12-17 ms instead of 5-7, and the kernel dropped up to 1,060 datagrams. With this
//! wait (it took 1.0-1.5 s) they met in every full run since.

use std::time::{Duration, Instant};

/// How long one sample of the CPUs' time lasts.
const SAMPLE: Duration = Duration::from_millis(250);
/// Quiet: the CPUs busy at most this share of a sample (a few percent is the OS's own work).
const QUIET_SHARE: f64 = 0.05;
/// Quiet samples in a row that make the machine quiet.
const QUIET_SAMPLES: u32 = 4;
/// Longest wait; after it the phase runs anyway, and says so.
const LIMIT: Duration = Duration::from_secs(60);

/// Waits until the CPUs have been idle for [`QUIET_SAMPLES`] samples in a row (Linux: from
/// `/proc/stat`; elsewhere it returns at once), and says on stderr how long that took.
pub async fn wait_for_quiet(before: &str) {
    let started = Instant::now();
    let mut quiet = 0;
    let Some(mut last) = cpu_line() else { return };
    while quiet < QUIET_SAMPLES {
        if started.elapsed() > LIMIT {
            eprintln!("quiet: the CPUs stayed busy for {LIMIT:?}; measuring {before} anyway");
            return;
        }
        tokio::time::sleep(SAMPLE).await;
        let Some(now) = cpu_line() else { return };
        match busy_share(&last, &now) {
            Some(share) if share <= QUIET_SHARE => quiet += 1,
            _ => quiet = 0,
        }
        last = now;
    }
    eprintln!(
        "quiet: the CPUs were idle after {:.1} s; measuring {before}",
        started.elapsed().as_secs_f64()
    );
}

/// The first line of `/proc/stat` (all CPUs' time), or `None` where there is none.
fn cpu_line() -> Option<String> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    stat.lines()
        .next()
        .filter(|l| l.starts_with("cpu "))
        .map(str::to_string)
}

/// The share of CPU time spent busy between two `/proc/stat` "cpu" lines: everything but
/// idle and iowait, over everything.
fn busy_share(before: &str, after: &str) -> Option<f64> {
    let fields = |line: &str| -> Option<Vec<u64>> {
        line.split_whitespace()
            .skip(1)
            .map(|f| f.parse().ok())
            .collect()
    };
    let (a, b) = (fields(before)?, fields(after)?);
    if a.len() < 5 || a.len() != b.len() {
        return None;
    }
    let delta: Vec<u64> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| y.saturating_sub(*x))
        .collect();
    // user nice system idle iowait irq softirq steal [guest guest_nice]; guest time is
    // already counted in user, so the total leaves the last two out.
    let total: u64 = delta.iter().take(8).sum();
    if total == 0 {
        return None;
    }
    let idle = delta[3] + delta[4];
    Some((total - idle) as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_share_is_all_but_idle_and_iowait() {
        let before = "cpu  100 0 50 1000 10 0 0 0 0 0";
        // 30 user + 10 system + 10 steal busy, 140 idle + 10 iowait not: 50 of 200.
        let after = "cpu  130 0 60 1140 20 0 0 10 0 0";
        assert_eq!(busy_share(before, after), Some(0.25));
        // An idle machine.
        assert_eq!(
            busy_share(before, "cpu  100 0 50 1200 10 0 0 0 0 0"),
            Some(0.0)
        );
        // Guest time is inside user time already: it must not count twice.
        assert_eq!(
            busy_share("cpu  0 0 0 0 0 0 0 0 0 0", "cpu  50 0 0 50 0 0 0 0 50 0"),
            Some(0.5)
        );
    }

    #[test]
    fn no_time_passed_or_a_bad_line_is_no_answer() {
        let line = "cpu  100 0 50 1000 10 0 0 0 0 0";
        assert_eq!(busy_share(line, line), None);
        assert_eq!(busy_share(line, "cpu  x y"), None);
        assert_eq!(busy_share("cpu  1 2", "cpu  1 2"), None);
    }
}
