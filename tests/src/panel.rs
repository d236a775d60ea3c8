//! The peer panel as the tests and the benchmark drive it: pick a mode, start it on a port.

use crate::{Browser, PAGE_WAIT};

/// Clicks `css` after scrolling it to the middle of the window, so the page's sticky top bar
/// is never over it.
pub async fn click_centred(browser: &Browser, css: &str) {
    browser.find(css).await;
    let js = format!(
        "document.querySelector({}).scrollIntoView({{block: 'center'}})",
        serde_json::to_string(css).expect("a selector is a JSON string")
    );
    browser.eval(&js).await;
    browser.click(css).await;
}

/// Switches the panel (already open) to `mode` (`udp`, `tcp-client`, `tcp-server`) and waits
/// until it shows that mode.
pub async fn panel_mode(browser: &Browser, mode: &str) {
    click_centred(browser, &format!("[data-testid=panel-mode-{mode}]")).await;
    browser
        .wait_for(
            &format!("[data-testid=peer-panel][data-mode={mode}]"),
            PAGE_WAIT,
        )
        .await;
}

/// Types `port` as the panel's local port, presses start, and waits until the panel shows its
/// socket on 127.0.0.1:`port` (bound for UDP, listening for the TCP server).
pub async fn start_panel_on(browser: &Browser, port: u16) {
    let controls = crate::PortControls {
        field: "panel-local-port",
        button: "panel-start",
        shown: "panel-local",
    };
    crate::use_port(browser, &controls, port).await;
}
