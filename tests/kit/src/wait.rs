//! How long tests wait, and waits on a condition. A test never sleeps and hopes: it names the
//! condition it needs and polls it, so it goes on as soon as the condition holds and fails
//! with that name when it never does (a sleep is either too short on a loaded machine or
//! wasted time on an idle one).

use std::time::Duration;

use tokio::time::Instant;

/// How long a test waits for any one answer or event from the relay before failing.
pub const WAIT: Duration = Duration::from_secs(5);

/// How long an end-to-end test waits for the page in headless Chromium (a render, a
/// reconnect): longer, since the browser shares a loaded machine with the build.
pub const PAGE_WAIT: Duration = Duration::from_secs(15);

/// How often a cheap condition (a flag, a file, a bind) is checked again: often, so a test
/// that must act soon after the condition holds (before a peer's short timeout) does.
const POLL: Duration = Duration::from_millis(1);
/// How often a condition that is itself a round trip (to the browser, to the relay) is
/// asked again.
const POLL_ASYNC: Duration = Duration::from_millis(20);

/// Returns as soon as `ready()` is true; panics naming `what` when it is still false after
/// `timeout`. `ready` should be cheap: it is asked every millisecond.
pub async fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    poll(what, timeout, POLL, async || ready()).await;
}

/// [`wait_until`] for a condition that must itself wait (a query to the browser, a request
/// to the relay).
pub async fn wait_until_async(what: &str, timeout: Duration, ready: impl AsyncFnMut() -> bool) {
    poll(what, timeout, POLL_ASYNC, ready).await;
}

/// Reads with `read()` until `done` holds for the reading or `timeout` has passed, and
/// returns the last reading either way, so the caller's assertion shows what was seen (a
/// reading that can be wrong for a moment, as a table the kernel hands over in pieces).
pub async fn read_until<T>(
    timeout: Duration,
    mut read: impl FnMut() -> T,
    done: impl Fn(&T) -> bool,
) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        let seen = read();
        if done(&seen) || Instant::now() >= deadline {
            return seen;
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn poll(
    what: &str,
    timeout: Duration,
    every: Duration,
    mut ready: impl AsyncFnMut() -> bool,
) {
    let deadline = Instant::now() + timeout;
    loop {
        if ready().await {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "waited {timeout:?} for {what}, in vain"
        );
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    #[tokio::test]
    async fn returns_once_the_condition_holds() {
        let flag = Arc::new(AtomicBool::new(false));
        let setter = flag.clone();
        tokio::spawn(async move {
            tokio::task::yield_now().await;
            setter.store(true, Ordering::SeqCst);
        });
        let started = Instant::now();
        wait_until("the flag", WAIT, || flag.load(Ordering::SeqCst)).await;
        assert!(flag.load(Ordering::SeqCst));
        assert!(started.elapsed() < WAIT);
    }

    #[tokio::test]
    #[should_panic(expected = "waited 100ms for the flag that never rises, in vain")]
    async fn fails_naming_the_condition_that_never_held() {
        wait_until(
            "the flag that never rises",
            Duration::from_millis(100),
            || false,
        )
        .await;
    }

    #[tokio::test]
    async fn a_reading_is_taken_again_until_done_and_the_last_one_returned() {
        let mut n = 0;
        assert_eq!(
            read_until(
                WAIT,
                || {
                    n += 1;
                    n
                },
                |n| *n == 3
            )
            .await,
            3
        );
        // Never done: the last reading comes back once the time is up.
        let last = read_until(Duration::from_millis(20), || "wrong", |_| false).await;
        assert_eq!(last, "wrong");
    }

    #[tokio::test]
    async fn an_async_condition_is_asked_again_until_it_holds() {
        let mut asked = 0;
        wait_until_async("the third answer", WAIT, async || {
            asked += 1;
            asked == 3
        })
        .await;
        assert_eq!(asked, 3);
    }
}
