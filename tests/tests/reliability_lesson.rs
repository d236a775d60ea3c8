//! The reliability lesson end to end: a fixed-seed run with one segment dropped by hand shows
//! the retransmission and the unchanged delivered text, the UDP side shows the loss, and the
//! kernel-view step shows ESTABLISHED for a live connection to the relay's echo peer.

use e2e::{Browser, PAGE_WAIT, Relay, click_centred, open_page, open_step};

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
        click_centred(&browser, "[data-testid=rel-forward]").await;
    }
    click_centred(&browser, "[data-testid=seg][data-tx=\"3\"] line.hit").await;
    browser
        .wait_for("[data-testid=rel-header]", PAGE_WAIT)
        .await;
    click_centred(&browser, "[data-testid=rel-fault-lost]").await;
    browser
        .wait_for("[data-testid=rel-faults]", PAGE_WAIT)
        .await;
    click_centred(&browser, "[data-testid=rel-end]").await;
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
    click_centred(&browser, "[data-testid=step-next]").await;
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
    click_centred(&browser, "[data-testid=kernel-connect]").await;
    click_centred(&browser, "[data-testid=kernel-send]").await;
    browser
        .wait_for_text("[data-testid=kernel-state]", "ESTABLISHED", PAGE_WAIT)
        .await;
    browser
        .wait_for_text("[data-testid=kernel-bytes_acked]", "15", PAGE_WAIT)
        .await;
    browser.quit().await;
}

/// The value of an input, as the page holds it.
async fn value(browser: &Browser, css: &str) -> String {
    let js = format!("return document.querySelector({css:?}).value");
    browser
        .eval(&js)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_link_step_asks_for_a_loss_and_keeps_its_settings_in_the_url() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_step(&browser, &relay, "reliability", 1).await;
    // A clean link: nothing lost, the task is not met.
    let status = "[data-testid=rel-goal-lose-status]";
    browser
        .wait_for(&format!("{status}[data-result=wrong]"), PAGE_WAIT)
        .await;
    let none = browser.text(status).await;
    assert!(
        none.starts_with("按现在的设置什么都不会丢：") && none.ends_with("次发送全部到达。"),
        "{none}"
    );
    browser.type_into("[data-testid=rel-loss]", "50").await;
    browser
        .wait_for(&format!("{status}[data-result=right]"), PAGE_WAIT)
        .await;
    let done = browser.text(status).await;
    assert!(
        done.starts_with("✓ 第 ")
            && done.ends_with(" 次发送在这条链路上丢失了。下一步看 TCP 怎么应对。"),
        "{done}"
    );
    let url = browser.current_url().await;
    assert!(url.contains("loss=50") && url.contains("seed=42"), "{url}");
    // A reload keeps the link as set.
    browser.goto(&url).await;
    browser
        .wait_for(&format!("{status}[data-result=right]"), PAGE_WAIT)
        .await;
    assert_eq!(value(&browser, "[data-testid=rel-loss]").await, "50");
    browser.quit().await;
}

#[tokio::test]
async fn the_next_ack_is_predicted_and_checked() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_step(&browser, &relay, "reliability", 2).await;
    // Seed 42 on a clean link: the server's first ACK after the handshake is transmission
    // #5, acknowledging the first 4 data bytes: ack 5.
    browser
        .wait_for("[data-testid=rel-ack][data-tx=\"5\"]", PAGE_WAIT)
        .await;
    assert!(
        browser
            .text("[data-testid=rel-ack] label")
            .await
            .starts_with("预测：服务器的下一个 ACK（第 5 次发送）带的确认号是多少？")
    );
    browser.type_into("[data-testid=rel-ack-input]", "4").await;
    click_centred(&browser, "[data-testid=rel-ack-check]").await;
    browser
        .wait_for(
            "[data-testid=rel-ack-feedback][data-result=wrong]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=rel-ack-feedback]").await,
        "✗ 不是 4。确认号是服务器还在等的下一个字节的编号（SYN 算作 1）。再试一次。"
    );
    browser.type_into("[data-testid=rel-ack-input]", "5").await;
    click_centred(&browser, "[data-testid=rel-ack-check]").await;
    browser
        .wait_for(
            "[data-testid=rel-ack-feedback][data-result=right]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=rel-ack-feedback]").await,
        "✓ 对了：确认号 = 5，就是服务器期待的下一个字节。点“前进”看它发出。"
    );
    browser.quit().await;
}

#[tokio::test]
async fn exactly_two_retransmissions_is_found_by_link_settings_and_the_url_restores_it() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_step(&browser, &relay, "reliability", 2).await;
    let goal = "[data-testid=rel-goal-two]";
    browser
        .wait_for(
            &format!("{goal}[data-count=\"0\"][data-met=false]"),
            PAGE_WAIT,
        )
        .await;
    // Seed 42: 10 % loss costs three retransmissions, not two.
    browser.type_into("[data-testid=rel-loss]", "10").await;
    browser
        .wait_for(
            &format!("{goal}[data-count=\"3\"][data-met=false]"),
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=rel-goal-two-status]").await,
        "本次运行：重传 3 次。"
    );
    // 5 % loss: exactly two, and the whole sentence still arrives.
    browser.type_into("[data-testid=rel-loss]", "5").await;
    browser
        .wait_for(
            &format!("{goal}[data-count=\"2\"][data-met=true]"),
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=rel-goal-two-verdict]").await,
        "✓ 达成目标：恰好重传两次，整条消息仍然完整到达。页面的网址已经记下了这组设置，可以分享。"
    );
    for _ in 0..3 {
        click_centred(&browser, "[data-testid=rel-forward]").await;
    }
    browser
        .wait_for("[data-testid=rel-progress][data-k=\"4\"]", PAGE_WAIT)
        .await;
    let url = browser.current_url().await;
    assert!(
        url.contains("seed=42") && url.contains("loss=5") && url.contains("at=4"),
        "{url}"
    );

    // The teacher's projector: the same URL in another browser shows the same settings at the
    // same event.
    // (Another machine: a relay of its own, the same path and query.)
    let path = url.strip_prefix(&relay.base()).unwrap().to_owned();
    let other = Relay::start(&[]);
    let projector = Browser::start().await;
    open_page(&projector, &other, &path).await;
    projector
        .wait_for("[data-testid=rel-progress][data-k=\"4\"]", PAGE_WAIT)
        .await;
    assert_eq!(value(&projector, "[data-testid=rel-loss]").await, "5");
    assert_eq!(value(&projector, "[data-testid=rel-seed]").await, "42");
    projector
        .wait_for(
            &format!("{goal}[data-count=\"2\"][data-met=true]"),
            PAGE_WAIT,
        )
        .await;
    projector.quit().await;
    browser.quit().await;
}
