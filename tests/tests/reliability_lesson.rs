//! The reliability lesson end to end: a fixed-seed run with one segment dropped by hand shows
//! the retransmission and the unchanged delivered text, the UDP side shows the loss, and the
//! kernel-view step shows ESTABLISHED for a live connection to the relay's echo peer.

use e2e::{Browser, PAGE_WAIT, Relay, open_step};

const MESSAGE: &str = "Every byte, in order, exactly once.";

#[tokio::test]
async fn a_dropped_segment_is_retransmitted_and_udp_keeps_the_loss() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "reliability", 2).await;
    browser.wait_for("[data-testid=rel-tcp]", PAGE_WAIT).await;
    // The default seed (42) and a clean link: the only fault is the one set below.
    // Step until the first data segment (transmission #4) is on the wire, select it, drop it.
    for _ in 0..12 {
        browser.click("[data-testid=rel-forward]").await;
    }
    browser
        .click("[data-testid=seg][data-tx=\"3\"] line.hit")
        .await;
    browser
        .wait_for("[data-testid=rel-header]", PAGE_WAIT)
        .await;
    browser.click("[data-testid=rel-fault-lost]").await;
    browser
        .wait_for("[data-testid=rel-faults]", PAGE_WAIT)
        .await;
    browser.click("[data-testid=rel-end]").await;
    browser
        .wait_for(
            "[data-testid=seg][data-tx=\"3\"][data-outcome=lost]",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for(
            "[data-testid=seg][data-retransmit=true][data-outcome=ok]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser
            .attr("[data-testid=tcp-retransmits]", "data-count")
            .await
            .as_deref(),
        Some("1")
    );
    assert!(browser.exists("[data-testid=mark-timeout]").await);
    assert_eq!(browser.text("[data-testid=tcp-delivered]").await, MESSAGE);

    // The UDP step: the same fault, on the datagram with the same bytes, stays lost.
    browser.click("[data-testid=step-next]").await;
    browser.wait_for("[data-testid=rel-udp]", PAGE_WAIT).await;
    assert_eq!(
        browser
            .attr("[data-testid=udp-lost]", "data-count")
            .await
            .as_deref(),
        Some("1")
    );
    assert_eq!(browser.text("[data-testid=tcp-final]").await, MESSAGE);
    let udp = browser.text("[data-testid=udp-received]").await;
    assert_eq!(
        udp,
        MESSAGE.replacen("Ever", "", 1),
        "the first 4 bytes are gone"
    );
    browser.quit().await;
}

#[tokio::test]
async fn the_kernel_view_shows_an_established_connection() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "reliability", 4).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
    browser.click("[data-testid=kernel-connect]").await;
    browser.click("[data-testid=kernel-send]").await;
    browser
        .wait_for_text("[data-testid=kernel-state]", "ESTABLISHED", PAGE_WAIT)
        .await;
    browser
        .wait_for_text("[data-testid=kernel-bytes_acked]", "15", PAGE_WAIT)
        .await;
    browser.quit().await;
}
