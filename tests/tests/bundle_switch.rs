//! Crossing from one lesson group's wasm bundle to another (frontend/src/bundle.rs): a link
//! within a group stays in the same document; a link into another group loads that group's
//! bundle anew, and what the page remembers (language, progress, the relay's credential) comes
//! along through localStorage.

use e2e::{Browser, PAGE_WAIT, Relay, click_centred};

const CONNECTED: &str = "[data-testid=relay-status][data-state=connected]";

/// The wasm files this document fetched, by file name.
const WASM_FETCHED: &str = r#"
return performance.getEntriesByType('resource')
  .map((e) => e.name.split('/').pop())
  .filter((n) => n.endsWith('.wasm'));
"#;

#[tokio::test(flavor = "multi_thread")]
async fn another_groups_page_loads_its_bundle_and_keeps_language_progress_and_relay() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    browser.goto(relay.url()).await;
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["start_bg.wasm"])
    );
    browser.click("[data-testid=lang-zh-CN]").await;
    browser
        .wait_for_text("[data-testid=home] h1", "动手学网络编程", PAGE_WAIT)
        .await;

    // Within the start group: the same document (a mark set on it is still there).
    browser
        .eval("window.__sameDocument = true; return true")
        .await;
    browser.click("[data-testid=lesson-intro] a").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=intro][data-step=\"1\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.eval("return window.__sameDocument === true").await,
        serde_json::json!(true)
    );

    // Into the sockets group: a new document with the sockets bundle, still in Chinese, and
    // connected again with the credential the first page kept.
    click_centred(&browser, ".crumbs a").await;
    browser
        .wait_for("[data-testid=lesson-udp] a", PAGE_WAIT)
        .await;
    browser.click("[data-testid=lesson-udp] a").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=udp][data-step=\"1\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser
            .eval("return window.__sameDocument === undefined")
            .await,
        serde_json::json!(true),
        "a page of another group was drawn without loading its bundle"
    );
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["sockets_bg.wasm"])
    );
    assert_eq!(
        browser.text("[data-testid=step-counter]").await,
        "第 1 步，共 8 步"
    );
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    browser.click("[data-testid=step-next]").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=udp][data-step=\"2\"]",
            PAGE_WAIT,
        )
        .await;

    // Back home (the start bundle again): the progress made in the sockets bundle shows.
    click_centred(&browser, ".crumbs a").await;
    browser
        .wait_for_text(
            "[data-testid=lesson-udp] .progress-text",
            "已看 2 / 8 步",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["start_bg.wasm"])
    );
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
}
