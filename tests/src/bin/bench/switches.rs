//! Counting context switches, the mechanism behind the UDP round trip's ratio.
//!
//! A thread that blocks (on `epoll_wait`, `recvfrom`, a futex) and is woken again costs one
//! voluntary context switch; one the scheduler takes the CPU from costs an involuntary one.
//! On the 2-core VM a wake-up is most of a loopback round trip's time, so the number of them
//! per trip says where the relay's figure comes from: the relay's path wakes its own threads
//! besides the client's, direct UDP only the echo peer's and the client's.
//!
//! Linux only (`/proc`); elsewhere the counts are `None` and the bench leaves the line out.

/// Context switches (voluntary and involuntary) of every thread of process `pid` so far.
pub fn of_process(pid: u32) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0;
    for task in tasks.flatten() {
        // A thread that ended between the listing and the read is simply not counted.
        if let Ok(status) = std::fs::read_to_string(task.path().join("status")) {
            total += in_status(&status)?;
        }
    }
    Some(total)
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

    #[test]
    fn the_counts_grow_when_this_thread_sleeps() {
        // Linux only, like the bench's use of it; the sleep is what is counted here, not a
        // wait for anything.
        let Some(before) = of_this_thread() else {
            assert!(
                !cfg!(target_os = "linux"),
                "no /proc/thread-self/status on Linux"
            );
            return;
        };
        for _ in 0..3 {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let after = of_this_thread().expect("read once, readable again");
        assert!(after >= before + 3, "{before} -> {after}");
        let process = of_process(std::process::id()).expect("this process's threads");
        assert!(
            process >= after,
            "the process {process} counts this thread's {after}"
        );
    }
}
