//! Counting context switches, the mechanism behind the UDP round trip's ratio.
//!
//! A thread that blocks (on `epoll_wait`, `recvfrom`, a futex) and is woken again costs one
//! voluntary context switch; one the scheduler takes the CPU from costs an involuntary one.
//! On the 2-core VM a wake-up is most of a loopback round trip's time, so the number of them
//! per trip says where the relay's figure comes from: the relay's path wakes its own threads
//! besides the client's, direct UDP only the echo peer's and the client's.
//!
//! Beside the switches, each thread's time on a CPU (`schedstat`): the work a trip costs,
//! which a wake-up's latency does not change (it is spent waiting, off the CPU). The kernel
//! brings a running thread's time up to date when it blocks or at its tick, so a count read
//! while the thread runs may lag by what it did since: the bench reads between turns, right
//! after a blocking receive, so a turn's count lags by at most one echo's handling.
//!
//! Linux only (`/proc`); elsewhere the counts are `None` and the bench leaves the line out.

use std::collections::HashMap;
use std::ops::{Add, Sub};

/// What one thread (or a sum of threads) has done so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Context switches, voluntary and involuntary.
    pub switches: u64,
    /// Time on a CPU, in nanoseconds.
    pub cpu_ns: u64,
}

impl Add for Counts {
    type Output = Counts;
    fn add(self, other: Counts) -> Counts {
        Counts {
            switches: self.switches + other.switches,
            cpu_ns: self.cpu_ns + other.cpu_ns,
        }
    }
}

impl Sub for Counts {
    type Output = Counts;
    /// Field by field, never below zero.
    fn sub(self, earlier: Counts) -> Counts {
        Counts {
            switches: self.switches.saturating_sub(earlier.switches),
            cpu_ns: self.cpu_ns.saturating_sub(earlier.cpu_ns),
        }
    }
}

/// The counts of each thread of a process, by thread id.
pub struct Threads(HashMap<u32, Counts>);

/// The counts of every thread of process `pid` so far.
pub fn of_process(pid: u32) -> Option<Threads> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut threads = HashMap::new();
    for task in tasks.flatten() {
        let Some(tid) = task.file_name().to_str().and_then(|t| t.parse().ok()) else {
            continue;
        };
        // A thread that ended between the listing and the reads is simply not counted.
        if let Some(counts) = read(&task.path()) {
            threads.insert(tid, counts);
        }
    }
    Some(Threads(threads))
}

impl Threads {
    /// What was done since `before`, thread by thread: a thread that ended in between
    /// (tokio's idle blocking threads do, after 10 s) takes its counts with it, so the two
    /// totals cannot simply be subtracted.
    pub fn since(&self, before: &Threads) -> Counts {
        self.0
            .iter()
            .map(|(tid, now)| *now - before.0.get(tid).copied().unwrap_or_default())
            .fold(Counts::default(), Add::add)
    }
}

/// The counts of the calling thread so far.
pub fn of_this_thread() -> Option<Counts> {
    read(std::path::Path::new("/proc/thread-self"))
}

/// The counts in a thread's `/proc` folder (`status` and `schedstat`).
fn read(dir: &std::path::Path) -> Option<Counts> {
    Some(Counts {
        switches: in_status(&std::fs::read_to_string(dir.join("status")).ok()?)?,
        cpu_ns: in_schedstat(&std::fs::read_to_string(dir.join("schedstat")).ok()?)?,
    })
}

/// The time on a CPU in a `schedstat` text: its first field, in nanoseconds (the others are
/// the time spent waiting for a CPU and the number of times it ran).
fn in_schedstat(schedstat: &str) -> Option<u64> {
    schedstat.split_whitespace().next()?.parse().ok()
}

/// The sum of `voluntary_ctxt_switches` and `nonvoluntary_ctxt_switches` in a
/// `/proc/.../status` text; `None` when either is missing or not a number.
fn in_status(status: &str) -> Option<u64> {
    let field = |name: &str| -> Option<u64> {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))?
            .trim()
            .parse()
            .ok()
    };
    Some(field("voluntary_ctxt_switches")? + field("nonvoluntary_ctxt_switches")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATUS: &str = "Name:\trelay\nState:\tS (sleeping)\nThreads:\t3\n\
        voluntary_ctxt_switches:\t1234\nnonvoluntary_ctxt_switches:\t56\n";

    #[test]
    fn both_kinds_are_counted() {
        assert_eq!(in_status(STATUS), Some(1290));
    }

    #[test]
    fn a_missing_or_broken_count_is_none_not_zero() {
        let only_voluntary = STATUS.replace("nonvoluntary_ctxt_switches:\t56\n", "");
        assert_eq!(in_status(&only_voluntary), None);
        let broken = STATUS.replace("1234", "12x4");
        assert_eq!(in_status(&broken), None);
    }

    #[test]
    fn the_time_on_a_cpu_is_the_first_field_of_schedstat() {
        assert_eq!(in_schedstat("144741061 1125408 43\n"), Some(144_741_061));
        assert_eq!(in_schedstat(""), None);
        assert_eq!(in_schedstat("14x 1 2\n"), None);
    }

    // Linux only, like the bench's use of /proc. The sleeps below are what is counted, not a
    // wait for anything.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_counts_grow_when_this_thread_works_and_sleeps() {
        let before = of_this_thread().expect("/proc/thread-self");
        // 20 ms of spinning, wall time: the thread is on a CPU for most of it.
        let spin = std::time::Instant::now();
        while spin.elapsed() < std::time::Duration::from_millis(20) {
            std::hint::black_box(0u64);
        }
        // The kernel brings a running thread's time up to date when it blocks, so the first of
        // these sleeps also makes the spin count in full.
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let after = of_this_thread().expect("read once, readable again");
        let done = after - before;
        assert!(done.switches >= 3, "{before:?} -> {after:?}");
        // At least a tenth of the spin, whatever the host takes of it; the other fields of
        // schedstat (time waiting for a CPU, times run) would not reach it.
        assert!(done.cpu_ns >= 2_000_000, "{before:?} -> {after:?}");
    }

    #[test]
    fn a_thread_that_ended_does_not_make_the_count_go_negative() {
        let counts = |switches, cpu_ns| Counts { switches, cpu_ns };
        let threads = |pairs: &[(u32, Counts)]| Threads(pairs.iter().copied().collect());
        let before = threads(&[(1, counts(10, 1_000)), (2, counts(500, 90_000))]);
        // Thread 2 ended, thread 1 switched 5 more times and ran 400 ns more, thread 3 is new.
        assert_eq!(
            threads(&[(1, counts(15, 1_400))]).since(&before),
            counts(5, 400)
        );
        assert_eq!(
            threads(&[(1, counts(15, 1_400)), (3, counts(2, 50))]).since(&before),
            counts(7, 450)
        );
        // Subtracting the totals instead would give 17 - 510.
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_counts_the_switches_of_its_threads() {
        let before = of_process(std::process::id()).expect("/proc/PID/task");
        let me = of_this_thread().expect("this thread's count");
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let after = of_process(std::process::id()).expect("readable again");
        let mine = of_this_thread().expect("readable again") - me;
        assert!(mine.switches >= 3);
        let all = after.since(&before);
        assert!(all.switches >= mine.switches, "{all:?} < {mine:?}");
    }
}
