//! How a test opens the page the way a learner does: first the relay's printed link (which
//! hands the page its token and connects it), then the page it wants, on the same origin.

use crate::{Browser, PAGE_WAIT, Relay};

/// What the header shows once the page has said hello and been welcomed.
const CONNECTED: &str = "[data-testid=relay-status][data-state=connected]";

/// Opens the printed link, waits until the page is connected, then goes to `path` (e.g.
/// `/panel`) without waiting for anything there.
pub async fn open_page(browser: &Browser, relay: &Relay, path: &str) {
    browser.goto(relay.url()).await;
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    browser.goto(&format!("{}{path}", relay.base())).await;
}

/// Opens `/lesson/<lesson>/<step>` after the printed link, and waits until that step shows
/// and the page is connected again (the new URL loads the page anew).
pub async fn open_step(browser: &Browser, relay: &Relay, lesson: &str, step: usize) {
    open_page(browser, relay, &format!("/lesson/{lesson}/{step}")).await;
    browser
        .wait_for(
            &format!("[data-testid=lesson][data-step=\"{step}\"]"),
            PAGE_WAIT,
        )
        .await;
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
}

/// Opens the UDP lesson's bind step and binds the page's socket to a free port on 127.0.0.1;
/// returns the port.
pub async fn page_binds_a_free_port(browser: &Browser, relay: &Relay) -> u16 {
    let port = crate::free_udp_port();
    open_step(browser, relay, "udp", 6).await;
    browser
        .type_into("[data-testid=udp-bind-port]", &port.to_string())
        .await;
    browser.click("[data-testid=udp-bind]").await;
    browser
        .wait_for(
            &format!("[data-testid=udp-bound][data-local=\"127.0.0.1:{port}\"]"),
            PAGE_WAIT,
        )
        .await;
    port
}
