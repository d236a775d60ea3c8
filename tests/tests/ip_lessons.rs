//! The address lessons ("ip", "subnets") and the practice page end to end in headless
//! Chromium: every step walked with fixed inputs and exact expected outputs, a practice problem
//! from a fixed seed marked right and wrong, the split tree kept in the URL across a reload,
//! and all of it still working after the relay is gone (these steps never need it).

use std::time::Duration;

use e2e::{Browser, PAGE_WAIT, Relay, open_page};
use serde_json::Value;

async fn at_step(browser: &Browser, lesson: &str, step: usize) {
    browser
        .wait_for(
            &format!("[data-testid=lesson][data-lesson={lesson}][data-step=\"{step}\"]"),
            PAGE_WAIT,
        )
        .await;
}

/// Clicks "next" (a client-side link) and waits for the step to show.
async fn next(browser: &Browser, lesson: &str, step: usize) {
    browser.click("[data-testid=step-next]").await;
    at_step(browser, lesson, step).await;
}

async fn texts(browser: &Browser, css: &str, attr: &str) -> Vec<String> {
    let js = format!(
        "return [...document.querySelectorAll('{css}')].map(e => e.getAttribute('{attr}'))"
    );
    match browser.eval(&js).await {
        Value::Array(items) => items
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect(),
        other => panic!("not a list: {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_works_in_english_with_the_relay_stopped() {
    let mut relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    open_page(&browser, &relay, "/lesson/ip/1").await;
    at_step(&browser, "ip", 1).await;
    // From here on the page is on its own: no relay, navigation by clicking only.
    relay.kill();
    browser
        .wait_for(
            "[data-testid=relay-status]:not([data-state=connected])",
            PAGE_WAIT,
        )
        .await;

    // ip/1: 192.168.1.1 as 32 bits.
    let bits = browser.attr("[data-testid=what-bits]", "data-bits").await;
    assert_eq!(bits.as_deref(), Some("11000000101010000000000100000001"));

    // ip/2: the explorer.
    next(&browser, "ip", 2).await;
    assert_eq!(browser.text("[data-testid=ip-class]").await, "C");
    assert_eq!(
        browser.text("[data-testid=ip-mask]").await,
        "255.255.255.0 (/24)"
    );
    assert_eq!(
        browser.text("[data-testid=ip-network]").await,
        "192.168.1.0/24"
    );
    assert_eq!(
        texts(&browser, "[data-testid=ip-special]", "data-special").await,
        ["private"]
    );
    browser
        .type_into("[data-testid=ip-input]", "10.1.2.3")
        .await;
    browser
        .wait_for_text("[data-testid=ip-class]", "A", PAGE_WAIT)
        .await;
    assert_eq!(browser.text("[data-testid=ip-hosts]").await, "16,777,214");
    browser
        .type_into("[data-testid=ip-input]", "127.0.0.1")
        .await;
    browser
        .wait_for("[data-testid=ip-special][data-special=loopback]", PAGE_WAIT)
        .await;
    browser.type_into("[data-testid=ip-input]", "0.0.0.0").await;
    browser
        .wait_for(
            "[data-testid=ip-special][data-special=this_host]",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for(
            "[data-testid=ip-special][data-special=this_network]",
            PAGE_WAIT,
        )
        .await;
    browser
        .type_into("[data-testid=ip-input]", "255.255.255.255")
        .await;
    browser
        .wait_for(
            "[data-testid=ip-special][data-special=limited_broadcast]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(browser.text("[data-testid=ip-class]").await, "E");
    browser
        .type_into("[data-testid=ip-input]", "256.1.1.1")
        .await;
    let err = browser
        .wait_for_text("[data-testid=ip-error]", "256", PAGE_WAIT)
        .await;
    assert_eq!(
        err,
        "Number 1 is 256 (from character 1), but each of the four numbers is one byte: 0 to 255."
    );
    browser.type_into("[data-testid=ip-input]", "1.2.3").await;
    browser
        .wait_for_text("[data-testid=ip-error]", "this has 3", PAGE_WAIT)
        .await;
    browser.type_into("[data-testid=ip-input]", "1..2.3").await;
    browser
        .wait_for_text(
            "[data-testid=ip-error]",
            "Number 2 is missing (at character 3)",
            PAGE_WAIT,
        )
        .await;
    browser
        .type_into("[data-testid=ip-input]", "1.2.3.4 ")
        .await;
    browser
        .wait_for_text(
            "[data-testid=ip-error]",
            "Character 8 is a space",
            PAGE_WAIT,
        )
        .await;
    browser.type_into("[data-testid=ip-input]", "1.2.x.4").await;
    browser
        .wait_for_text("[data-testid=ip-error]", "Character 5, “x”", PAGE_WAIT)
        .await;
    browser.type_into("[data-testid=ip-input]", "").await;
    browser
        .wait_for_text("[data-testid=ip-error]", "Nothing typed yet", PAGE_WAIT)
        .await;

    // ip/3: the classes table, with the right class A host count.
    next(&browser, "ip", 3).await;
    assert_eq!(
        browser
            .text("[data-testid=class-row][data-class=A] [data-testid=class-hosts]")
            .await,
        "16,777,214"
    );
    assert_eq!(
        browser
            .text("[data-testid=class-row][data-class=C] [data-testid=class-hosts]")
            .await,
        "254"
    );
    assert_eq!(
        texts(&browser, "[data-testid=class-row]", "data-class").await,
        ["A", "B", "C", "D", "E"]
    );

    // ip/4: why CIDR: 2,000 hosts.
    next(&browser, "ip", 4).await;
    assert!(
        browser
            .text("[data-testid=waste-b]")
            .await
            .contains("about 97%")
    );
    assert!(
        browser
            .text("[data-testid=waste-c]")
            .await
            .contains("8 class C")
    );
    assert!(
        browser
            .text("[data-testid=waste-cidr]")
            .await
            .contains("/21")
    );

    // ip/5: special addresses.
    next(&browser, "ip", 5).await;
    let private = browser
        .text("[data-testid=special-row][data-special=private]")
        .await;
    assert!(
        private.contains("172.16.0.0/12") && private.contains("RFC 1918"),
        "{private}"
    );

    // On to the next lesson: subnets/1, masks.
    next(&browser, "subnets", 1).await;
    assert_eq!(browser.text("[data-testid=mask-prefix]").await, "/26");
    assert_eq!(
        browser.text("[data-testid=mask-wildcard]").await,
        "0.0.0.63"
    );
    browser.type_into("[data-testid=mask-input]", "/20").await;
    browser
        .wait_for_text("[data-testid=mask-dotted]", "255.255.240.0", PAGE_WAIT)
        .await;
    browser
        .type_into("[data-testid=mask-input]", "255.0.255.0")
        .await;
    browser
        .wait_for_text(
            "[data-testid=mask-error]",
            "bit 9 is 0 but bit 17 after it is 1",
            PAGE_WAIT,
        )
        .await;

    // subnets/2: the AND, bit by bit.
    next(&browser, "subnets", 2).await;
    assert_eq!(
        browser
            .attr("[data-testid=and-progress]", "data-pos")
            .await
            .as_deref(),
        Some("0")
    );
    for _ in 0..3 {
        browser.click("[data-testid=and-next]").await;
    }
    browser
        .wait_for("[data-testid=and-progress][data-pos=\"3\"]", PAGE_WAIT)
        .await;
    let row = browser
        .attr("[data-testid=and-result-bits]", "data-bits")
        .await
        .unwrap();
    assert!(row.starts_with("110·····.········"), "{row}");
    assert!(
        browser
            .text("[data-testid=and-explain]")
            .await
            .contains("Bit 3: 0 AND 1 = 0")
    );
    browser.click("[data-testid=and-play]").await;
    browser
        .wait_for_text(
            "[data-testid=and-network]",
            "192.168.1.64 (/26)",
            Duration::from_secs(30),
        )
        .await;
    let row = browser
        .attr("[data-testid=and-result-bits]", "data-bits")
        .await
        .unwrap();
    assert_eq!(row, "11000000.10101000.00000001.01000000");

    // subnets/3: the calculator.
    next(&browser, "subnets", 3).await;
    assert_eq!(
        browser.text("[data-testid=cidr-network]").await,
        "192.168.1.64"
    );
    assert_eq!(
        browser.text("[data-testid=cidr-broadcast]").await,
        "192.168.1.127"
    );
    assert_eq!(
        browser.text("[data-testid=cidr-first]").await,
        "192.168.1.65"
    );
    assert_eq!(
        browser.text("[data-testid=cidr-last]").await,
        "192.168.1.126"
    );
    assert_eq!(browser.text("[data-testid=cidr-usable]").await, "62");
    assert_eq!(
        browser.text("[data-testid=cidr-wildcard]").await,
        "0.0.0.63"
    );
    browser
        .type_into("[data-testid=cidr-input]", "192.168.1.6/31")
        .await;
    browser
        .wait_for_text("[data-testid=cidr-usable]", "2", PAGE_WAIT)
        .await;
    assert_eq!(browser.text("[data-testid=cidr-broadcast]").await, "—");
    assert_eq!(
        browser.text("[data-testid=cidr-first]").await,
        "192.168.1.6"
    );
    assert_eq!(browser.text("[data-testid=cidr-last]").await, "192.168.1.7");
    browser
        .type_into("[data-testid=cidr-input]", "10.0.0.9/32")
        .await;
    browser
        .wait_for_text("[data-testid=cidr-usable]", "1", PAGE_WAIT)
        .await;
    browser
        .type_into("[data-testid=cidr-input]", "10.0.0.9/33")
        .await;
    browser
        .wait_for_text("[data-testid=cidr-error]", "0 to 32", PAGE_WAIT)
        .await;

    // subnets/4: direct or via the gateway.
    next(&browser, "subnets", 4).await;
    browser.click("[data-testid=reach-next]").await;
    assert_eq!(
        texts(&browser, "[data-testid=reach-step]", "data-testid")
            .await
            .len(),
        1
    );
    browser.click("[data-testid=reach-all]").await;
    browser
        .wait_for(
            "[data-testid=reach-verdict][data-delivery=direct]",
            PAGE_WAIT,
        )
        .await;
    browser
        .type_into("[data-testid=reach-b]", "192.168.2.2/24")
        .await;
    browser
        .wait_gone("[data-testid=reach-verdict]", PAGE_WAIT)
        .await;
    browser.click("[data-testid=reach-all]").await;
    browser
        .wait_for(
            "[data-testid=reach-verdict][data-delivery=gateway]",
            PAGE_WAIT,
        )
        .await;
    let steps = browser
        .eval("return document.querySelector('.walk').innerText")
        .await;
    assert!(
        steps
            .as_str()
            .unwrap()
            .contains("192.168.1.0 and the other's 192.168.2.0 differ"),
        "{steps}"
    );

    // subnets/5: 10.0.0.0/8 in four.
    next(&browser, "subnets", 5).await;
    assert_eq!(
        texts(&browser, "[data-testid=split-subnet]", "data-cidr").await,
        [
            "10.0.0.0/10",
            "10.64.0.0/10",
            "10.128.0.0/10",
            "10.192.0.0/10"
        ]
    );
    browser.type_into("[data-testid=split-count]", "3").await;
    browser
        .wait_for("[data-testid=split-rounded]", PAGE_WAIT)
        .await;
    browser
        .type_into("[data-testid=split-network]", "10.0.0.1/8")
        .await;
    browser
        .wait_for_text(
            "[data-testid=split-error]",
            "Did you mean 10.0.0.0/8?",
            PAGE_WAIT,
        )
        .await;

    // subnets/6: VLSM, largest first.
    next(&browser, "subnets", 6).await;
    assert_eq!(
        texts(&browser, "[data-testid=vlsm-row]", "data-cidr").await,
        [
            "192.168.10.0/26",
            "192.168.10.64/27",
            "192.168.10.96/28",
            "192.168.10.112/30"
        ]
    );
    assert!(
        browser
            .text("[data-testid=vlsm-free]")
            .await
            .contains("192.168.10.116/30")
    );

    // subnets/7: the tree, split by clicking.
    next(&browser, "subnets", 7).await;
    assert_eq!(
        texts(&browser, "[data-testid=tree-leaf]", "data-cidr").await,
        ["192.168.1.0/24"]
    );
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"192.168.1.0/24\"] [data-testid=tree-split]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"192.168.1.128/25\"]",
            PAGE_WAIT,
        )
        .await;
    assert!(browser.current_url().await.contains("?tree="));

    // subnets/8: on to practice, still without the relay.
    next(&browser, "subnets", 8).await;
    browser.click("[data-testid=practice-link]").await;
    browser.wait_for("[data-testid=practice]", PAGE_WAIT).await;
    browser
        .click("[data-testid=practice-level][data-level=\"2\"]")
        .await;
    browser
        .wait_for("[data-testid=practice][data-level=\"2\"]", PAGE_WAIT)
        .await;
    browser
        .wait_for("[data-testid=practice-input-network]", PAGE_WAIT)
        .await;
    assert!(!browser.text("[data-testid=practice-seed]").await.is_empty());
    let url = browser.current_url().await;
    assert!(
        url.contains("/practice?") && url.contains("level=2") && url.contains("seed="),
        "{url}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_seeded_practice_problem_is_marked_field_by_field_in_chinese() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    // Level 2, seed 7 is always 87.4.76.60/28 (netmath's generator is deterministic).
    open_page(&browser, &relay, "/practice?level=2&seed=7").await;
    browser
        .wait_for("[data-testid=practice][data-seed=\"7\"]", PAGE_WAIT)
        .await;
    assert_eq!(browser.text("[data-testid=practice-seed]").await, "7");
    assert!(
        browser
            .text("[data-testid=practice-question]")
            .await
            .contains("87.4.76.60/28")
    );

    browser
        .type_into("[data-testid=practice-input-network]", "87.4.76.48")
        .await;
    browser
        .type_into("[data-testid=practice-input-broadcast]", "87.4.76.255")
        .await;
    browser
        .type_into("[data-testid=practice-input-first]", "256.1.1.1")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for(
            "[data-testid=practice-result-network][data-result=right]",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for(
            "[data-testid=practice-result-broadcast][data-result=wrong]",
            PAGE_WAIT,
        )
        .await;
    let unreadable = browser.text("[data-testid=practice-result-first]").await;
    assert!(unreadable.contains("第 1 个数是 256"), "{unreadable}");
    assert_eq!(
        browser.text("[data-testid=practice-result-mask]").await,
        "还没有填。"
    );
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 0 题，共做 1 题，其中 0 题一次做对"
    );

    // The hint and the worked solution, one step, then all.
    browser.click("[data-testid=practice-hint-button]").await;
    assert!(
        browser
            .text("[data-testid=practice-hint]")
            .await
            .contains("广播地址")
    );
    browser.click("[data-testid=practice-solution-next]").await;
    let first = browser.text("[data-testid=practice-solution]").await;
    assert_eq!(first, "/28 表示前 28 位是 1，掩码是 255.255.255.240。");
    browser.click("[data-testid=practice-solution-all]").await;
    browser
        .wait_for_text(
            "[data-testid=practice-solution]",
            "可用主机 14 个",
            PAGE_WAIT,
        )
        .await;

    // Everything right now.
    for (field, answer) in [
        ("mask", "/28"),
        ("broadcast", "87.4.76.63"),
        ("first", "87.4.76.49"),
        ("last", "87.4.76.62"),
        ("usable", "14"),
    ] {
        browser
            .type_into(&format!("[data-testid=practice-input-{field}]"), answer)
            .await;
    }
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for("[data-testid=practice-solved]", PAGE_WAIT)
        .await;
    for field in ["mask", "network", "broadcast", "first", "last", "usable"] {
        let mark = browser
            .attr(
                &format!("[data-testid=practice-result-{field}]"),
                "data-result",
            )
            .await;
        assert_eq!(mark.as_deref(), Some("right"), "{field}");
    }
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 1 题，共做 1 题，其中 0 题一次做对"
    );

    // The score is kept in this browser: it survives a reload, and the seed stays in the URL.
    browser.goto(&browser.current_url().await).await;
    browser
        .wait_for("[data-testid=practice][data-seed=\"7\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 1 题，共做 1 题，其中 0 题一次做对"
    );

    // Level 1 with a fixed seed: 0.88.28.225 is class A, "this network".
    browser
        .goto(&format!("{}/practice?level=1&seed=42", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=practice][data-level=\"1\"]", PAGE_WAIT)
        .await;
    browser
        .select("[data-testid=practice-input-class]", "A")
        .await;
    browser
        .click("[data-testid=practice-special-private]")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for(
            "[data-testid=practice-result-class][data-result=right]",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for(
            "[data-testid=practice-result-specials][data-result=wrong]",
            PAGE_WAIT,
        )
        .await;
    browser
        .click("[data-testid=practice-special-private]")
        .await;
    browser
        .click("[data-testid=practice-special-this_network]")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for(
            "[data-testid=practice-result-specials][data-result=right]",
            PAGE_WAIT,
        )
        .await;
    // Level 3, seed 5: 10.25.110.70/27 and 10.25.110.94/27 share 10.25.110.64/27.
    browser
        .goto(&format!("{}/practice?level=3&seed=5", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=practice][data-level=\"3\"]", PAGE_WAIT)
        .await;
    let chosen = browser
        .eval("return document.querySelector('[data-testid=practice-input-delivery]').value")
        .await;
    assert_eq!(chosen, "", "nothing is chosen for the learner");
    browser
        .type_into("[data-testid=practice-input-net_a]", "10.25.110.64")
        .await;
    browser
        .type_into("[data-testid=practice-input-net_b]", "10.25.110.64")
        .await;
    browser
        .select("[data-testid=practice-input-delivery]", "gateway")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for(
            "[data-testid=practice-result-delivery][data-result=wrong]",
            PAGE_WAIT,
        )
        .await;
    browser
        .select("[data-testid=practice-input-delivery]", "direct")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for("[data-testid=practice-solved]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 3 题，共做 3 题，其中 0 题一次做对"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_split_tree_survives_a_reload_and_a_shared_link() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_page(&browser, &relay, "/lesson/subnets/7").await;
    at_step(&browser, "subnets", 7).await;
    browser
        .type_into("[data-testid=tree-root]", "10.0.0.0/8")
        .await;
    browser.click("[data-testid=tree-reset]").await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.0.0.0/8\"]",
            PAGE_WAIT,
        )
        .await;
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"10.0.0.0/8\"] [data-testid=tree-split]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.0.0.0/9\"]",
            PAGE_WAIT,
        )
        .await;
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"10.0.0.0/9\"] [data-testid=tree-split]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.64.0.0/10\"]",
            PAGE_WAIT,
        )
        .await;
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"10.128.0.0/9\"] [data-testid=tree-split]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.192.0.0/10\"]",
            PAGE_WAIT,
        )
        .await;
    let leaves = [
        "10.0.0.0/10",
        "10.64.0.0/10",
        "10.128.0.0/10",
        "10.192.0.0/10",
    ];
    assert_eq!(
        texts(&browser, "[data-testid=tree-leaf]", "data-cidr").await,
        leaves
    );
    // Join one pair back and split it again, to see both directions work.
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"10.192.0.0/10\"] [data-testid=tree-join]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.128.0.0/9\"]",
            PAGE_WAIT,
        )
        .await;
    browser
        .click("[data-testid=tree-leaf][data-cidr=\"10.128.0.0/9\"] [data-testid=tree-split]")
        .await;
    browser
        .wait_for(
            "[data-testid=tree-leaf][data-cidr=\"10.192.0.0/10\"]",
            PAGE_WAIT,
        )
        .await;

    let url = browser.current_url().await;
    let encoded = browser
        .attr("[data-testid=tree-lab]", "data-tree")
        .await
        .unwrap();
    assert!(
        url.ends_with(&format!("/lesson/subnets/7?tree={encoded}")),
        "{url} vs {encoded}"
    );
    assert!(encoded.starts_with("10.0.0.0-8."), "{encoded}");

    // Reload: the same tree.
    browser.goto(&url).await;
    at_step(&browser, "subnets", 7).await;
    assert_eq!(
        texts(&browser, "[data-testid=tree-leaf]", "data-cidr").await,
        leaves
    );
    assert_eq!(
        browser
            .find("[data-testid=tree-root]")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("10.0.0.0/8")
    );

    // A second browser opening the shared link sees the same division. It is another
    // learner's: it has no token for this relay (the launch token opens one browser only),
    // and needs none, since the tree is the page's own arithmetic.
    let other = Browser::start().await;
    other
        .goto(&format!("{}/lesson/subnets/7?tree={encoded}", relay.base()))
        .await;
    at_step(&other, "subnets", 7).await;
    assert_eq!(
        texts(&other, "[data-testid=tree-leaf]", "data-cidr").await,
        leaves
    );

    // A damaged link is explained, not a crash.
    other
        .goto(&format!(
            "{}/lesson/subnets/7?tree=10.0.0.0-8.%21",
            relay.base()
        ))
        .await;
    other
        .wait_for_text("[data-testid=tree-error]", "读不出来", PAGE_WAIT)
        .await;
    assert_eq!(
        texts(&other, "[data-testid=tree-leaf]", "data-cidr").await,
        ["192.168.1.0/24"]
    );

    // And the zh explorer gives the precise error too.
    browser.goto(&format!("{}/lesson/ip/2", relay.base())).await;
    at_step(&browser, "ip", 2).await;
    browser
        .type_into("[data-testid=ip-input]", "256.1.1.1")
        .await;
    let err = browser
        .wait_for_text("[data-testid=ip-error]", "256", PAGE_WAIT)
        .await;
    assert_eq!(
        err,
        "第 1 个数是 256（从第 1 个字符开始），但每个数是一个字节，只能是 0 到 255。"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_problem_right_at_the_first_check_counts_as_a_first_try_and_survives_a_reload() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    // Level 3, seed 5: 10.25.110.70/27 and 10.25.110.94/27 share 10.25.110.64/27.
    open_page(&browser, &relay, "/practice?level=3&seed=5").await;
    browser
        .wait_for("[data-testid=practice][data-level=\"3\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 0 题，共做 0 题，其中 0 题一次做对"
    );
    browser
        .type_into("[data-testid=practice-input-net_a]", "10.25.110.64")
        .await;
    browser
        .type_into("[data-testid=practice-input-net_b]", "10.25.110.64")
        .await;
    browser
        .select("[data-testid=practice-input-delivery]", "direct")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for("[data-testid=practice-solved][data-first=true]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-solved]").await,
        "第一次就全部正确！点“换一题”继续。"
    );
    // Checking again changes nothing: the problem is counted once.
    browser.click("[data-testid=practice-check]").await;
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 1 题，共做 1 题，其中 1 题一次做对"
    );
    // A second problem answered wrong first: tried and solved, but not at the first try.
    browser
        .goto(&format!("{}/practice?level=3&seed=5&again=1", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=practice][data-level=\"3\"]", PAGE_WAIT)
        .await;
    browser
        .type_into("[data-testid=practice-input-net_a]", "10.25.110.64")
        .await;
    browser
        .type_into("[data-testid=practice-input-net_b]", "10.25.110.64")
        .await;
    browser
        .select("[data-testid=practice-input-delivery]", "gateway")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for(
            "[data-testid=practice-result-delivery][data-result=wrong]",
            PAGE_WAIT,
        )
        .await;
    browser
        .select("[data-testid=practice-input-delivery]", "direct")
        .await;
    browser.click("[data-testid=practice-check]").await;
    browser
        .wait_for("[data-testid=practice-solved][data-first=false]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-solved]").await,
        "全部正确！点“换一题”继续。"
    );
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 2 题，共做 2 题，其中 1 题一次做对"
    );
    // Kept in this browser's storage: a reload shows the same score.
    browser.goto(&browser.current_url().await).await;
    browser
        .wait_for("[data-testid=practice][data-level=\"3\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=practice-score]").await,
        "已做对 2 题，共做 2 题，其中 1 题一次做对"
    );
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_special_addresses_step_asks_which_address_is_private() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_page(&browser, &relay, "/lesson/ip/5").await;
    at_step(&browser, "ip", 5).await;
    let quiz = "[data-testid=quiz][data-quiz=\"quiz.ip_special\"]";
    let feedback = format!("{quiz} [data-testid=quiz-feedback]");
    browser.click(&format!("{quiz} [data-choice=a]")).await;
    browser
        .wait_for(&format!("{feedback}[data-result=wrong]"), PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text(&feedback).await,
        "✗ 不对。 172.16.0.0/12 从 172.16 开始：172.15.0.1 刚好在它前面，是公网地址。"
    );
    browser.click(&format!("{quiz} [data-choice=b]")).await;
    browser
        .wait_for(&format!("{feedback}[data-result=right]"), PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text(&feedback).await,
        "✓ 对了。 172.16.0.0/12 是 172.16 到 172.31，172.20 在里面。"
    );
    browser.quit().await;
}
