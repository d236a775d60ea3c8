//! Counting context switches, the mechanism behind the UDP round trip's ratio.
//!
//! A thread that blocks (on `epoll_wait`, `recvfrom`, a futex) and is woken again costs one
//! voluntary context switch; one the scheduler takes the CPU from costs an involuntary one.
//! On the 2-core VM a wake-up is most of a loopback round trip's time, so the number of them
//! per trip says where the relay's figure comes from: the relay's path wakes its own threads
//! besides the client's, direct UDP only the echo peer's and the client's.
//!
//! Linux only (`/proc`); elsewhere the counts are `None` and the bench leaves the line out.

use std::collections::HashMap;

/// Context switches (voluntary and involuntary) of each thread of a process, by thread id.
pub struct Threads(HashMap<u32, u64>);

/// The switches of every thread of process `pid` so far.
pub fn of_process(pid: u32) -> Option<Threads> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut threads = HashMap::new();
    for task in tasks.flatten() {
        let Some(tid) = task.file_name().to_str().and_then(|t| t.parse().ok()) else {
            continue;
        };
        // A thread that ended between the listing and the read is simply not counted.
        if let Ok(status) = std::fs::read_to_string(task.path().join("status")) {
            threads.insert(tid, in_status(&status)?);
        }
    }
    Some(Threads(threads))
}

impl Threads {
    /// The switches made since `before`, thread by thread: a thread that ended in between
    /// (tokio's idle blocking threads do, after 10 s) takes its count with it, so the two
    /// totals cannot simply be subtracted.
    pub fn since(&self, before: &Threads) -> u64 {
        self.0
            .iter()
            .map(|(tid, now)| now.saturating_sub(before.0.get(tid).copied().unwrap_or(0)))
            .sum()
    }
}

/// Context switches of the calling thread so far.
pub fn of_this_thread() -> Option<u64> {
    in_status(&std::fs::read_to_string("/proc/thread-self/status").ok()?)
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

    // Linux only, like the bench's use of /proc. The sleeps below are what is counted, not a
    // wait for anything.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_counts_grow_when_this_thread_sleeps() {
        let before = of_this_thread().expect("/proc/thread-self/status");
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let after = of_this_thread().expect("read once, readable again");
        assert!(after >= before + 3, "{before} -> {after}");
    }

    #[test]
    fn a_thread_that_ended_does_not_make_the_count_go_negative() {
        let threads = |pairs: &[(u32, u64)]| Threads(pairs.iter().copied().collect());
        let before = threads(&[(1, 10), (2, 500)]);
        // Thread 2 ended, thread 1 switched 5 more times, thread 3 is new.
        assert_eq!(threads(&[(1, 15)]).since(&before), 5);
        assert_eq!(threads(&[(1, 15), (3, 2)]).since(&before), 7);
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
        assert!(mine >= 3);
        assert!(
            after.since(&before) >= mine,
            "{} < {mine}",
            after.since(&before)
        );
    }
}
