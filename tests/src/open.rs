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

/// The controls of a lab that gives a page socket a port: the port's text field, the button
/// (bind, listen, start) and the element whose `data-local` shows the address the socket got.
pub struct PortControls {
    pub field: &'static str,
    pub button: &'static str,
    pub shown: &'static str,
}

/// Types `port`, presses the button, and waits until the lab shows its socket on
/// 127.0.0.1:`port`.
pub async fn use_port(browser: &Browser, controls: &PortControls, port: u16) {
    browser
        .type_into(
            &format!("[data-testid={}]", controls.field),
            &port.to_string(),
        )
        .await;
    crate::click_centred(browser, &format!("[data-testid={}]", controls.button)).await;
    browser
        .wait_for(
            &format!(
                "[data-testid={}][data-local=\"127.0.0.1:{port}\"]",
                controls.shown
            ),
            PAGE_WAIT,
        )
        .await;
}

/// The UDP lesson's bind step.
pub const UDP_BIND: PortControls = PortControls {
    field: "udp-bind-port",
    button: "udp-bind",
    shown: "udp-bound",
};

/// Opens the UDP lesson's bind step and binds the page's socket to a free port on 127.0.0.1;
/// returns the port.
pub async fn page_binds_a_free_port(browser: &Browser, relay: &Relay) -> u16 {
    let port = crate::free_udp_port();
    open_step(browser, relay, "udp", 6).await;
    use_port(browser, &UDP_BIND, port).await;
    port
}
