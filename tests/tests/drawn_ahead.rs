//! The pages a first visit lands on (the home page, the first lesson's steps) come drawn ahead
//! of time in both languages (frontend/prerender): the learner sees the page before its wasm
//! has loaded, in the language the page will start in (index.html's loader decides it as
//! frontend/src/app.rs does), and the wasm then draws the same page in its place.
//!
//! The wasm is held back (`Network.setBlockedURLs`) to look at the copy drawn ahead of time,
//! then let through to compare it with what the wasm draws.

use e2e::{Browser, Relay};
use serde_json::{Value, json};

/// What the learner sees: `<html lang>`, the `lang` of the copy drawn ahead that is shown
/// (`null` once the wasm has drawn the page), the number of copies shown, and the shown
/// `#main` as text: elements with their attributes sorted, adjacent texts joined (the HTML
/// parser makes one text of what Yew keeps as two).
const SHOWN: &str = r#"
const canon = (n) => {
  if (n.nodeType === Node.TEXT_NODE) return JSON.stringify(n.data);
  if (n.nodeType !== Node.ELEMENT_NODE) return '';
  const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
  return `<${n.localName} ${attrs.join(' ')}>${[...n.childNodes].map(canon).join('')}</>`;
};
const visible = (el) => el.getClientRects().length > 0;
// A copy lays out as if it were not there (display: contents): it has no box of its own.
const copies = [...document.querySelectorAll('#app > .drawn')]
  .filter((el) => getComputedStyle(el).display !== 'none');
const main = [...document.querySelectorAll('#main')].find(visible);
const copy = main ? main.cloneNode(true) : null;
if (copy) copy.normalize();
return {
  lang: document.documentElement.lang,
  drawn: copies.length === 1 ? copies[0].lang : null,
  shown: copies.length,
  main: copy ? canon(copy) : null,
  title: main ? main.querySelector('h1').textContent : null,
};
"#;

async fn hold_wasm(browser: &Browser, held: bool) {
    let urls = if held { json!(["*.wasm"]) } else { json!([]) };
    browser
        .cdp("Network.setBlockedURLs", json!({ "urls": urls }))
        .await;
}

/// `url` loaded anew with the wasm held back: what the copy drawn ahead of time shows.
async fn drawn(browser: &Browser, url: &str) -> Value {
    hold_wasm(browser, true).await;
    browser.goto("about:blank").await;
    browser.goto_drawn(url).await;
    let shown = browser.eval(SHOWN).await;
    hold_wasm(browser, false).await;
    shown
}

/// `url` loaded anew, once the wasm has drawn it.
async fn live(browser: &Browser, url: &str) -> Value {
    browser.goto("about:blank").await;
    browser.goto(url).await;
    browser.eval(SHOWN).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_step_is_drawn_ahead_in_the_learners_language_as_the_wasm_draws_it() {
    let relay = Relay::start(&[]);
    // The browser prefers English (en-US).
    let browser = Browser::start_english().await;
    browser.cdp("Network.enable", json!({})).await;
    let step = format!("{}/lesson/intro/1", relay.base());
    let mut mains = Vec::new();
    // (what localStorage remembers, the language the page starts in)
    for (stored, lang, title) in [
        (None, "en", "A network joins hosts"),
        (Some("zh-CN"), "zh-CN", "网络把主机连在一起"),
        (Some("zh-TW"), "zh-CN", "网络把主机连在一起"),
        (Some("fr"), "en", "A network joins hosts"),
    ] {
        browser.goto(&step).await;
        let remember = match stored {
            Some(tag) => format!("localStorage.setItem('netlab.lang', {tag:?}); return true"),
            None => "localStorage.removeItem('netlab.lang'); return true".to_owned(),
        };
        browser.eval(&remember).await;

        let ahead = drawn(&browser, &step).await;
        assert_eq!(ahead["lang"], lang, "{stored:?}: {ahead}");
        assert_eq!(ahead["shown"], 1, "{stored:?}: one copy shows: {ahead}");
        assert_eq!(ahead["drawn"], lang, "{stored:?}: {ahead}");
        assert_eq!(ahead["title"], title, "{stored:?}");
        assert!(
            ahead["main"]
                .as_str()
                .unwrap()
                .contains(r#"<div class="widget"><svg "#),
            "{stored:?}: the step's picture is drawn: {ahead}"
        );

        let drawn_by_wasm = live(&browser, &step).await;
        assert_eq!(drawn_by_wasm["lang"], lang, "{stored:?}");
        assert_eq!(drawn_by_wasm["drawn"], Value::Null, "{stored:?}");
        assert_eq!(drawn_by_wasm["shown"], 0, "{stored:?}");
        assert_eq!(
            drawn_by_wasm["main"], ahead["main"],
            "{stored:?}: the wasm draws the page drawn ahead of time"
        );
        mains.push(ahead["main"].clone());
    }
    // The comparison sees the language: the two languages' pages differ.
    assert_ne!(mains[0], mains[1]);
    assert_eq!(mains[0], mains[3]);
    assert_eq!(mains[1], mains[2]);
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_is_drawn_ahead_and_other_pages_wait_for_their_wasm() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    browser.cdp("Network.enable", json!({})).await;
    let home = relay.url().to_string();
    let ahead = drawn(&browser, &home).await;
    assert_eq!(ahead["drawn"], "en", "{ahead}");
    // The learner's progress is in localStorage, which the copy cannot know: it shows none
    // (a returning learner would otherwise see "0 of 3 steps seen" until the wasm draws).
    const PROGRESS_SHOWN: &str = "return [...document.querySelectorAll(\
        '.lesson-card .progress-text, [data-testid=home-chal-solved]')]\
        .filter((el) => el.getClientRects().length > 0)\
        .map((el) => getComputedStyle(el).visibility)";
    hold_wasm(&browser, true).await;
    browser.goto("about:blank").await;
    browser.goto_drawn(&home).await;
    let hidden = browser.eval(PROGRESS_SHOWN).await;
    hold_wasm(&browser, false).await;
    assert_eq!(hidden, json!(vec!["hidden"; 10]), "the copy drawn ahead");
    let drawn_by_wasm = live(&browser, &home).await;
    assert_eq!(drawn_by_wasm["main"], ahead["main"]);
    assert_eq!(
        browser.eval(PROGRESS_SHOWN).await,
        json!(vec!["visible"; 10]),
        "drawn by the wasm"
    );

    // A page of another group, or a step that does not exist: index.html, loading.
    for path in ["/lesson/udp/1", "/lesson/intro/9"] {
        let url = format!("{}{path}", relay.base());
        let ahead = drawn(&browser, &url).await;
        assert_eq!(ahead["shown"], 0, "{path}: {ahead}");
        assert_eq!(ahead["main"], Value::Null, "{path}: {ahead}");
        assert_eq!(
            browser
                .eval("return document.querySelector('#app > .loading').textContent")
                .await,
            "加载中… Loading…",
            "{path}"
        );
    }
    browser.quit().await;
}
