//! The lesson shell end to end: a URL per step, arrow keys, links that move the page in place
//! (and leave a ctrl-click to the browser), progress that survives a reload, the language switch and its memory, the token wiped from the address bar, the relay status
//! when the relay goes away and comes back with a new token, and a phone-sized window.

use std::time::Duration;

use e2e::{Browser, PAGE_WAIT, PHONE, Relay};
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread")]
async fn steps_have_urls_keys_move_and_progress_survives_a_reload() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser.wait_for("[data-testid=home]", PAGE_WAIT).await;
    // The token left the address bar as soon as the page stored it.
    let url = browser.current_url().await;
    assert_eq!(
        url,
        format!("{}/", relay.base()),
        "token still in the address bar"
    );

    browser.click("[data-testid=lesson-udp] a").await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"1\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.current_url().await,
        format!("{}/lesson/udp/1", relay.base())
    );
    assert_eq!(
        browser.text("[data-testid=step-counter]").await,
        "第 1 步，共 8 步"
    );

    browser.press(Key::Right).await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"2\"]", PAGE_WAIT)
        .await;
    browser.press(Key::Right).await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.current_url().await,
        format!("{}/lesson/udp/3", relay.base())
    );
    browser.press(Key::Left).await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"2\"]", PAGE_WAIT)
        .await;
    browser.click("[data-testid=step-next]").await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;
    // Browser back goes to the previous step.
    browser.client().back().await.unwrap();
    browser
        .wait_for("[data-testid=lesson][data-step=\"2\"]", PAGE_WAIT)
        .await;
    browser.client().forward().await.unwrap();
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;

    // The encode step works in the page alone: GBK built from the browser's own decoder.
    browser.type_into("[data-testid=encode-text]", "你好").await;
    let gbk = browser
        .attr("[data-testid=encode-gbk-hex]", "data-hex")
        .await;
    assert_eq!(gbk.as_deref(), Some("C4 E3 BA C3"));
    let utf8 = browser
        .attr("[data-testid=encode-utf-8-hex]", "data-hex")
        .await;
    assert_eq!(utf8.as_deref(), Some("E4 BD A0 E5 A5 BD"));
    // UTF-8 bytes read as GBK: the classic mojibake.
    assert_eq!(
        browser.text("[data-testid=encode-utf-8-as-gbk]").await,
        "浣犲ソ"
    );

    // Reload: same step; the lesson list remembers where we were.
    browser.client().refresh().await.unwrap();
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;
    browser.goto(&format!("{}/", relay.base())).await;
    browser
        .wait_for("[data-testid=lesson-udp] .progress-text", PAGE_WAIT)
        .await;
    let progress = browser
        .text("[data-testid=lesson-udp] .progress-text")
        .await;
    assert_eq!(progress, "已看 3 / 8 步");
    browser.goto(&format!("{}/lesson/udp", relay.base())).await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;
    // A step that does not exist is a clear "not found", not a crash.
    browser
        .goto(&format!("{}/lesson/udp/99", relay.base()))
        .await;
    browser.wait_for("[data-testid=not-found]", PAGE_WAIT).await;
}

/// The page's own router (frontend/src/route.rs): a plain click on a link moves the page in
/// place; with a modifier key or the middle button the click is the browser's (a new tab or
/// window). `/lesson/<slug>` puts its step in its own place, so back from there goes where the
/// learner came from instead of landing on the redirect again.
#[tokio::test(flavor = "multi_thread")]
async fn links_move_the_page_in_place_and_back_returns_where_the_learner_was() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser.wait_for("[data-testid=home]", PAGE_WAIT).await;
    let home = format!("{}/", relay.base());
    let intro_1 = "[data-testid=lesson][data-lesson=intro][data-step=\"1\"]";

    // A click: the same document, and one history entry for `/lesson/intro` and its step.
    browser
        .eval("window.__sameDocument = true; window.__entries = history.length; return true")
        .await;
    browser.click("[data-testid=lesson-intro] a").await;
    browser.wait_for(intro_1, PAGE_WAIT).await;
    assert_eq!(
        browser.current_url().await,
        format!("{}/lesson/intro/1", relay.base())
    );
    assert_eq!(
        browser
            .eval("return [window.__sameDocument === true, history.length - window.__entries]")
            .await,
        serde_json::json!([true, 1]),
        "same document, one new history entry"
    );
    browser.client().back().await.unwrap();
    browser.wait_for("[data-testid=home]", PAGE_WAIT).await;
    assert_eq!(browser.current_url().await, home);
    browser.client().forward().await.unwrap();
    browser.wait_for(intro_1, PAGE_WAIT).await;
    browser.client().back().await.unwrap();
    browser.wait_for("[data-testid=home]", PAGE_WAIT).await;
    assert_eq!(
        browser.eval("return window.__sameDocument === true").await,
        serde_json::json!(true)
    );

    // A last listener on window records whether the page took each click, then keeps the
    // browser from opening anything.
    let taken = browser
        .eval(
            r#"
            const seen = [];
            const last = (e) => { seen.push(e.defaultPrevented); e.preventDefault(); };
            window.addEventListener('click', last);
            const a = document.querySelector('[data-testid=lesson-intro] a');
            for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true },
                                { altKey: true }, { button: 1 }, {}]) {
                a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
            }
            window.removeEventListener('click', last);
            return seen;
            "#,
        )
        .await;
    assert_eq!(
        taken,
        serde_json::json!([false, false, false, false, false, true]),
        "ctrl, meta, shift, alt, middle button, plain"
    );
    browser.wait_for(intro_1, PAGE_WAIT).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn language_follows_the_browser_then_the_learners_choice() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    browser.goto(relay.url()).await;
    browser
        .wait_for_text(
            "[data-testid=home] h1",
            "Learn network programming",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.eval("return document.documentElement.lang").await,
        "en"
    );
    browser.click("[data-testid=lang-zh-CN]").await;
    browser
        .wait_for_text("[data-testid=home] h1", "动手学网络编程", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.eval("return document.documentElement.lang").await,
        "zh-CN"
    );
    browser.client().refresh().await.unwrap();
    browser
        .wait_for_text("[data-testid=home] h1", "动手学网络编程", PAGE_WAIT)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_relay_socket_steps_say_how_to_start_it_and_the_rest_works() {
    let mut relay = Relay::start(&[]);
    let port = relay.port().to_string();
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
    browser.click("[data-testid=lesson-udp] a").await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"1\"]", PAGE_WAIT)
        .await;

    relay.kill();
    browser
        .wait_for("[data-testid=relay-status][data-state=offline]", PAGE_WAIT)
        .await;
    // Step 4 (send) needs the relay: no dead buttons, an explanation and the command instead.
    for _ in 0..3 {
        browser.click("[data-testid=step-next]").await;
    }
    browser
        .wait_for("[data-testid=lesson][data-step=\"4\"]", PAGE_WAIT)
        .await;
    let gate = browser
        .text("[data-testid=relay-gate][data-state=offline]")
        .await;
    assert!(gate.contains("中继程序没有运行"), "{gate}");
    assert!(gate.contains("cargo xtask run"), "{gate}");
    assert!(gate.contains("双击你下载的程序"), "{gate}");
    assert!(
        !browser.exists("[data-testid=udp-send]").await,
        "a dead send button is shown"
    );
    // Step 3 (encoding) needs no relay and still works.
    browser.click("[data-testid=step-back]").await;
    browser.type_into("[data-testid=encode-text]", "好").await;
    let gbk = browser
        .attr("[data-testid=encode-gbk-hex]", "data-hex")
        .await;
    assert_eq!(gbk.as_deref(), Some("BA C3"));

    // The relay comes back on the same port with a NEW token: the page says so...
    let relay2 = Relay::start(&["--port", &port]);
    assert_eq!(relay2.port().to_string(), port, "the port was free again");
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=bad-token]",
            Duration::from_secs(30),
        )
        .await;
    // ...and opening the new link connects again.
    browser.goto(relay2.url()).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_sized_window_has_no_sideways_scrolling() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_phone().await;
    browser.goto(relay.url()).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
    let lesson = |step: &str| format!("[data-testid=lesson][data-step=\"{step}\"]");
    for (path, shown) in [
        ("/", "[data-testid=home]".to_string()),
        ("/lesson/udp/4", lesson("4")),
        ("/lesson/udp/6", lesson("6")),
        ("/lesson/intro/3", lesson("3")),
    ] {
        browser.goto(&format!("{}{path}", relay.base())).await;
        browser.wait_for("main", PAGE_WAIT).await;
        // Measure the finished layout: this route's content is drawn, the fonts are loaded,
        // and two frames have been painted since (the first may still be laying out).
        browser.wait_for(&shown, PAGE_WAIT).await;
        browser
            .eval_async(
                "const done = arguments[arguments.length - 1];
                 document.fonts.ready.then(() =>
                     requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            )
            .await;
        let overflow = browser
            .eval("return document.documentElement.scrollWidth - window.innerWidth")
            .await;
        // Negative: the page is narrower than the window (the scroll bar takes the rest).
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "{path} scrolls sideways at {}px by {overflow}px",
            PHONE.width
        );
    }
}
