//! Smoke test of the whole path: the relay binary serves the page, headless Chromium loads it
//! from the printed URL, the page logs in over the WebSocket with the token from the fragment.

use std::time::Duration;

use e2e::{Browser, Relay, WAIT, wait_until};

#[tokio::test(flavor = "multi_thread")]
async fn the_printed_url_opens_a_connected_tutorial() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;

    browser.goto(relay.url()).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            Duration::from_secs(15),
        )
        .await;

    assert_eq!(
        browser.title().await,
        "网络编程实验室 · Network Programming Lab"
    );
    // Nothing went wrong on the way: no script error, no Rust panic in the console.
    let errors: Vec<String> = browser
        .console_log()
        .await
        .into_iter()
        .filter(|line| line.starts_with("SEVERE"))
        .collect();
    assert!(
        errors.is_empty(),
        "errors in the browser console: {errors:#?}"
    );
    // The page read the token from the fragment; the relay must not have logged it. Wait
    // until the relay has logged the hello it checked the token in (a line of its own).
    wait_until("the relay's log of the page's session", WAIT, || {
        relay.stderr().contains("page session started")
    })
    .await;
    relay.assert_token_not_logged();
    browser.quit().await;
}
