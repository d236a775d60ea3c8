//! The course server's way of sending a file, kept to show what it costs: `data = f.read()`
//! holds the whole file in memory, then `conn.sendall(data)` sends it. A file server started
//! with `read_whole` serves like that, and says in each log line how much memory it took (the
//! file's size, and the relay's resident memory before and while holding it where the system
//! tells). Unlike the course's server it has a cap: a file over `WHOLE_FILE_CAP` is refused
//! rather than allowed to take all of the computer's memory.

use std::io::Read as _;
use std::time::Duration;

use protocol::{HeldMemory, RefuseReason, ServeOutcome, ServedReport, WHOLE_FILE_CAP};
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;

use crate::files::server::close_quietly;

/// A client that stops reading for this long is given up (as the streaming server does).
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether a server reading whole files holds a file of `size` bytes (under the cap).
pub fn may_hold(size: u64) -> bool {
    size <= WHOLE_FILE_CAP
}

/// Reads the whole file, sends it, closes; `report` already holds the name's facts.
pub async fn serve_whole(
    mut stream: TcpStream,
    mut file: std::fs::File,
    size: u64,
    ended: bool,
    mut report: ServedReport,
) -> ServedReport {
    if !may_hold(size) {
        report.outcome = ServeOutcome::Refused;
        report.reason = Some(RefuseReason::TooBigToHold);
        close_quietly(stream, ended).await;
        return report;
    }
    let rss_before = rss();
    let read = tokio::task::spawn_blocking(move || {
        let mut data = Vec::with_capacity(size as usize);
        file.read_to_end(&mut data).map(|_| data)
    })
    .await;
    let Ok(Ok(data)) = read else {
        report.outcome = ServeOutcome::Failed;
        return report;
    };
    report.memory = Some(HeldMemory {
        held: data.len() as u64,
        rss_before,
        rss_holding: rss(),
    });
    let sent = tokio::time::timeout(SEND_TIMEOUT, async {
        stream.write_all(&data).await?;
        stream.shutdown().await
    })
    .await;
    if let Ok(Ok(())) = sent {
        report.bytes = data.len() as u64;
        report.outcome = if report.bytes == size {
            ServeOutcome::Sent
        } else {
            ServeOutcome::Failed
        };
    } else {
        report.outcome = ServeOutcome::Failed;
    }
    report
}

/// The relay's resident memory in bytes: Linux's `VmRSS` line of /proc/self/status.
#[cfg(target_os = "linux")]
pub fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_rss(&status)
}

/// Elsewhere the system asks for calls this relay does not make: the log shows the file's
/// size held, without the process's total.
#[cfg(not(target_os = "linux"))]
pub fn rss() -> Option<u64> {
    None
}

/// `VmRSS:    12345 kB` -> bytes.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn vm_rss(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_is_64_mib_inclusive() {
        assert!(may_hold(WHOLE_FILE_CAP));
        assert!(!may_hold(WHOLE_FILE_CAP + 1));
        assert!(may_hold(0));
    }

    #[test]
    fn vm_rss_is_read_in_bytes() {
        let status = "Name:\trelay\nVmPeak:\t  99 kB\nVmRSS:\t   12345 kB\nThreads:\t4\n";
        assert_eq!(vm_rss(status), Some(12345 * 1024));
        assert_eq!(vm_rss("Name:\trelay\n"), None);
    }

    /// The RSS is the whole test process's: other tests running beside this one allocate and
    /// free too (the sample files, several MiB each), so the buffer is far bigger than what
    /// they move, and the margin takes their share.
    #[cfg(target_os = "linux")]
    #[test]
    fn holding_a_buffer_shows_in_the_rss() {
        const HELD: u64 = 256 * 1024 * 1024;
        let before = rss().unwrap();
        let held = vec![1u8; HELD as usize];
        let holding = rss().unwrap();
        assert!(
            holding >= before + HELD - 64 * 1024 * 1024,
            "{before} -> {holding}"
        );
        drop(std::hint::black_box(held));
    }
}
