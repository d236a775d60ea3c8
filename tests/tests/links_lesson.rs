//! The lesson "How hosts are connected" end to end: a real relay and a headless Chromium.
//! A frame is stepped across the switch network and the MAC table is checked after every
//! step; then the real web request runs against the relay's sample site: resolved address,
//! connection ports and the HTTP status line as the page shows them.

use e2e::{Browser, PAGE_WAIT, Relay, click_centred, open_page, open_step};

/// The switch's table as (MAC, port) rows, in table order.
async fn mac_table(browser: &Browser) -> Vec<(String, String)> {
    let js = "return [...document.querySelectorAll('[data-testid=mac-table] .mac-row')]\
              .map(r => [r.dataset.mac, r.dataset.port])";
    browser
        .eval(js)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_owned(),
                r[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn at_step(browser: &Browser, pos: usize) {
    browser
        .wait_for(
            &format!("[data-testid=topo-step][data-pos=\"{pos}\"]"),
            PAGE_WAIT,
        )
        .await;
}

fn rows(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect()
}

const A: &str = "02:00:00:00:00:0a";
const C: &str = "02:00:00:00:00:0c";

#[tokio::test(flavor = "multi_thread")]
async fn a_frame_steps_across_the_switch_and_the_table_fills() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "links", 3).await;
    browser
        .wait_for("[data-testid=topo-switch]", PAGE_WAIT)
        .await;
    // A (port 1) -> C (port 3).
    browser.select("[data-testid=topo-src]", "0").await;
    browser.select("[data-testid=topo-dst]", "2").await;
    click_centred(&browser, "[data-testid=topo-send]").await;
    // Stop auto-play, then step by hand from the first step.
    browser
        .wait_for("[data-testid=topo-step][data-len=\"4\"]", PAGE_WAIT)
        .await;
    click_centred(&browser, "[data-testid=topo-play]").await;
    while browser
        .attr("[data-testid=topo-step]", "data-pos")
        .await
        .as_deref()
        != Some("0")
    {
        click_centred(&browser, "[data-testid=topo-prev]").await;
    }
    assert_eq!(mac_table(&browser).await, rows(&[]), "step 1: on the cable");
    click_centred(&browser, "[data-testid=topo-next]").await;
    at_step(&browser, 1).await;
    assert_eq!(
        mac_table(&browser).await,
        rows(&[(A, "1")]),
        "step 2: learned A"
    );
    click_centred(&browser, "[data-testid=topo-next]").await;
    at_step(&browser, 2).await;
    assert_eq!(
        mac_table(&browser).await,
        rows(&[(A, "1")]),
        "step 3: flooded"
    );
    click_centred(&browser, "[data-testid=topo-next]").await;
    at_step(&browser, 3).await;
    assert_eq!(
        mac_table(&browser).await,
        rows(&[(A, "1")]),
        "step 4: delivered"
    );
    // Back one step and forward again: the table is the one of that step.
    click_centred(&browser, "[data-testid=topo-prev]").await;
    at_step(&browser, 2).await;
    assert_eq!(mac_table(&browser).await, rows(&[(A, "1")]));

    // C answers A: C is learned, and the frame goes out of port 1 only.
    browser.select("[data-testid=topo-src]", "2").await;
    browser.select("[data-testid=topo-dst]", "0").await;
    click_centred(&browser, "[data-testid=topo-send]").await;
    browser
        .wait_for(
            "[data-testid=topo-step][data-len=\"4\"][data-pos=\"3\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(mac_table(&browser).await, rows(&[(A, "1"), (C, "3")]));
    click_centred(&browser, "[data-testid=topo-prev]").await;
    at_step(&browser, 2).await;
    let note = browser.text("[data-testid=topo-note]").await;
    assert!(note.contains('1'), "{note}");
    click_centred(&browser, "[data-testid=topo-prev]").await;
    at_step(&browser, 1).await;
    assert_eq!(mac_table(&browser).await, rows(&[(A, "1"), (C, "3")]));
    click_centred(&browser, "[data-testid=topo-prev]").await;
    at_step(&browser, 0).await;
    assert_eq!(
        mac_table(&browser).await,
        rows(&[(A, "1")]),
        "before the switch saw C"
    );

    // The sends and the snapshot shown are in the URL: a reload (or the teacher's projector)
    // rebuilds the same table at the same snapshot, paused.
    click_centred(&browser, "[data-testid=topo-next]").await;
    at_step(&browser, 1).await;
    let url = browser.current_url().await;
    assert!(url.ends_with("?sends=0-2.2-0&pos=1"), "{url}");
    browser.goto(&url).await;
    browser
        .wait_for(
            "[data-testid=topo-step][data-len=\"4\"][data-pos=\"1\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(mac_table(&browser).await, rows(&[(A, "1"), (C, "3")]));

    // Waiting 300 s ages both entries out.
    click_centred(&browser, "[data-testid=switch-wait]").await;
    assert_eq!(mac_table(&browser).await, rows(&[]));
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_real_web_request_against_the_sample_site() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "links", 6).await;
    browser.wait_for("[data-testid=web-lab]", PAGE_WAIT).await;
    let url = browser
        .eval("return document.querySelector('[data-testid=web-url]').value")
        .await;
    let url = url.as_str().unwrap().to_owned();
    assert!(url.starts_with("http://localhost:"), "{url}");
    let site_port: u16 = url
        .trim_start_matches("http://localhost:")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_ne!(site_port, 0);

    click_centred(&browser, "[data-testid=web-resolve]").await;
    let resolved = browser
        .wait_for("[data-testid=web-resolved]", PAGE_WAIT)
        .await;
    let addrs = resolved.attr("data-addrs").await.unwrap().unwrap();
    assert!(
        addrs.split(' ').any(|a| a == "127.0.0.1" || a == "::1"),
        "{addrs}"
    );
    let text = browser.text("[data-testid=web-resolved]").await;
    assert!(text.contains("127.0.0.1") || text.contains("::1"), "{text}");

    click_centred(&browser, "[data-testid=web-connect]").await;
    let conn = browser
        .wait_for("[data-testid=web-connected]", PAGE_WAIT)
        .await;
    let local = conn.attr("data-local").await.unwrap().unwrap();
    let peer = conn.attr("data-peer").await.unwrap().unwrap();
    assert_eq!(peer, format!("127.0.0.1:{site_port}"));
    let (ip, port) = local.rsplit_once(':').unwrap();
    assert_eq!(ip, "127.0.0.1");
    let port: u16 = port.parse().unwrap();
    assert!(port > 1023 && port != site_port, "{local}");
    let shown = browser.text("[data-testid=web-connected]").await;
    assert!(shown.contains(&local) && shown.contains(&peer), "{shown}");

    click_centred(&browser, "[data-testid=web-send]").await;
    browser
        .wait_for_text("[data-testid=web-status]", "HTTP/1.1 200 OK", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=web-status]").await,
        "HTTP/1.1 200 OK"
    );
    let req_hex = browser
        .attr("[data-testid=web-request-hex]", "data-hex")
        .await
        .unwrap();
    assert!(
        req_hex.starts_with("47 45 54 20 2F 20"),
        "GET / : {req_hex}"
    );
    let body = browser.text("[data-testid=web-response-text]").await;
    assert!(body.contains("Hello from the sample site"), "{body}");
    browser
        .wait_for("[data-testid=web-peer-closed]", PAGE_WAIT)
        .await;
    click_centred(&browser, "[data-testid=web-close]").await;
    browser
        .wait_count("[data-testid=seq-row][data-done=true]", 8, PAGE_WAIT)
        .await;
    browser.quit().await;
}

/// Sends one frame in the switch level: from host `from` to host `to` ("0".."3" or "all").
async fn level_send(browser: &Browser, from: &str, to: &str) {
    browser
        .select("[data-testid=switch-level-from]", from)
        .await;
    browser.select("[data-testid=switch-level-to]", to).await;
    click_centred(browser, "[data-testid=switch-level-send]").await;
}

#[tokio::test]
async fn the_switch_level_is_lost_by_a_flood_and_won_by_letting_unknown_hosts_speak_first() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    open_step(&browser, &relay, "links", 3).await;
    browser
        .wait_for("[data-testid=switch-level][data-result=playing]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=switch-level-known]").await,
        "交换机认识：A、C"
    );
    assert_eq!(
        browser.text("[data-testid=switch-level-status]").await,
        "已收到帧的主机：0 / 4。到目前为止没有泛洪。"
    );

    // A frame to B, whom the switch has never heard from: flooded, level lost, Send greyed.
    level_send(&browser, "0", "1").await;
    browser
        .wait_for("[data-testid=switch-level][data-result=lost]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=switch-level-log] li").await,
        "A → B：交换机不知道 B 在哪里，只好从其他所有端口泛洪出去。"
    );
    assert_eq!(
        browser.text("[data-testid=switch-level-status]").await,
        "✗ 交换机泛洪了，本关失败。交换机还没听过谁说话？重新开始吧。"
    );
    assert!(
        !browser
            .find("[data-testid=switch-level-send]")
            .await
            .is_enabled()
            .await
            .unwrap()
    );

    // Again: B and D speak first (to hosts the switch knows), then A and C answer them.
    click_centred(&browser, "[data-testid=switch-level-restart]").await;
    browser
        .wait_for("[data-testid=switch-level][data-result=playing]", PAGE_WAIT)
        .await;
    level_send(&browser, "1", "0").await;
    browser
        .wait_for_text(
            "[data-testid=switch-level-status]",
            "已收到帧的主机：1 / 4。",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=switch-level-log] li").await,
        "B → A：交换机知道 A 的端口，只从那个端口发出。"
    );
    level_send(&browser, "3", "2").await;
    level_send(&browser, "0", "1").await;
    level_send(&browser, "2", "3").await;
    browser
        .wait_for("[data-testid=switch-level][data-result=won]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=switch-level-status]").await,
        "✓ 过关：每台主机都收到了帧，交换机一次也没有泛洪。窍门：交换机是从发送方地址学习的，所以还不认识的主机得先开口。"
    );
    assert_eq!(
        browser.text("[data-testid=switch-level-known]").await,
        "交换机认识：A、C、B、D"
    );
    browser.quit().await;
}

#[tokio::test]
async fn the_gateway_step_restores_a_shared_misconfiguration() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN
    // A /16 mask on A, one send from A to B, its second snapshot: A asks ARP for B itself.
    open_page(
        &browser,
        &relay,
        "/lesson/links/5?sends=0-2&pos=1&a=192.168.1.10/16&gw=192.168.1.1",
    )
    .await;
    browser
        .wait_for("[data-testid=topo-step][data-pos=\"1\"]", PAGE_WAIT)
        .await;
    let js = "return document.querySelector('[data-testid=cfg-ip]').value";
    assert_eq!(browser.eval(js).await.as_str(), Some("192.168.1.10/16"));
    let note = browser.text("[data-testid=topo-note]").await;
    assert!(note.contains("192.168.2.20"), "{note}");
    browser.quit().await;
}
