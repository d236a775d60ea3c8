//! The ports and TCP lessons end to end: a real relay, a real headless Chromium, real TCP and
//! UDP sockets owned by the test, and Python programs playing the course's own client and
//! server. Every assertion names exact bytes, ports and states.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

use e2e::{
    Browser, PAGE_WAIT, PortControls, PythonPeer, Relay, click_centred, free_tcp_port, open_step,
    use_port,
};

fn ephemeral_range() -> (u16, u16) {
    let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
    let mut it = range.split_whitespace().map(|n| n.parse::<u16>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

/// Every `attr` of the elements matching `css`, in document order.
async fn attrs(browser: &Browser, css: &str, attr: &str) -> Vec<String> {
    let js = format!(
        "return [...document.querySelectorAll({css:?})].map(e => e.getAttribute({attr:?}))"
    );
    browser
        .eval(&js)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The text of `css` even when it sits in a closed `<details>` (WebDriver shows only what
/// is visible).
async fn text_content(browser: &Browser, css: &str) -> String {
    let js = format!("return document.querySelector({css:?}).textContent");
    browser
        .eval(&js)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn read_exact_within(stream: &mut TcpStream, n: usize) -> Vec<u8> {
    stream.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    let mut buf = vec![0u8; n];
    stream
        .read_exact(&mut buf)
        .expect("the page's bytes arrive");
    buf
}

/// Starts the page's server on a free port and returns it.
async fn page_listens(browser: &Browser) -> u16 {
    let port = free_tcp_port();
    let controls = PortControls {
        field: "tcp-listen-port",
        button: "tcp-listen",
        shown: "tcp-listening",
    };
    use_port(browser, &controls, port).await;
    port
}

fn row(peer: SocketAddr) -> String {
    format!("[data-testid=tcp-client-row][data-peer=\"{peer}\"]")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_serves_two_clients_sees_one_leave_and_answers_the_other() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "tcp", 5).await;
    let port = page_listens(&browser).await;

    let mut a = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut b = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let (a_addr, b_addr) = (a.local_addr().unwrap(), b.local_addr().unwrap());
    a.write_all(b"hello from a").unwrap();
    b.write_all("你好 from b".as_bytes()).unwrap();

    // Both clients are listed with their real address, each with its own new socket.
    browser.wait_for(&row(a_addr), PAGE_WAIT).await;
    browser.wait_for(&row(b_addr), PAGE_WAIT).await;
    let a_sock = browser.attr(&row(a_addr), "data-socket").await.unwrap();
    let b_sock = browser.attr(&row(b_addr), "data-socket").await.unwrap();
    assert_ne!(a_sock, b_sock, "accept returns a new socket per client");
    let listener_sock = browser
        .attr(
            "[data-testid=tcp-state][data-state=listening]",
            "data-socket",
        )
        .await
        .unwrap();
    assert!(listener_sock != a_sock && listener_sock != b_sock);
    browser
        .wait_for_text(
            &format!("{} [data-testid=tcp-recv-text]", row(a_addr)),
            "hello from a",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for_text(
            &format!("{} [data-testid=tcp-recv-text]", row(b_addr)),
            "你好 from b",
            PAGE_WAIT,
        )
        .await;
    let hex = browser
        .attr(
            &format!("{} [data-testid=tcp-recv-hex]", row(a_addr)),
            "data-hex",
        )
        .await;
    assert_eq!(hex.as_deref(), Some("68 65 6C 6C 6F 20 66 72 6F 6D 20 61"));

    // a leaves: the page shows recv returned 0 bytes for a, and only for a.
    drop(a);
    let left = browser
        .wait_for_text(
            &format!("{} [data-testid=tcp-client-left]", row(a_addr)),
            "0 字节",
            PAGE_WAIT,
        )
        .await;
    assert!(left.contains("客户端离开了"), "{left}");
    assert_eq!(
        browser.attr(&row(a_addr), "data-state").await.as_deref(),
        Some("peer_closed")
    );
    assert!(
        !browser
            .exists(&format!("{} [data-testid=tcp-client-left]", row(b_addr)))
            .await
    );

    // The page answers b, in GBK: b receives exactly those bytes.
    let b_row = row(b_addr);
    browser
        .type_into(&format!("{b_row} [data-testid=tcp-client-text]"), "收到")
        .await;
    browser
        .select(&format!("{b_row} [data-testid=tcp-client-encoding]"), "gbk")
        .await;
    click_centred(&browser, &format!("{b_row} [data-testid=tcp-client-send]")).await;
    assert_eq!(read_exact_within(&mut b, 4), [0xCA, 0xD5, 0xB5, 0xBD]);

    // Closing the listening socket refuses new clients; b goes on talking.
    click_centred(&browser, "[data-testid=tcp-close-listener]").await;
    browser
        .wait_for("[data-testid=tcp-listening][data-local=\"\"]", PAGE_WAIT)
        .await;
    let err = TcpStream::connect(("127.0.0.1", port)).expect_err("nobody listens any more");
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
    b.write_all(b"still here").unwrap();
    browser.wait_for_text(&b_row, "still here", PAGE_WAIT).await;
    click_centred(&browser, &format!("{b_row} [data-testid=tcp-client-send]")).await;
    assert_eq!(read_exact_within(&mut b, 4), [0xCA, 0xD5, 0xB5, 0xBD]);
    relay.assert_token_not_logged();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_client_step_sends_exact_gbk_bytes_and_shows_each_recv() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    open_step(&browser, &relay, "tcp", 3).await;

    browser
        .type_into("[data-testid=tcp-connect-port]", &port.to_string())
        .await;
    let accepting = tokio::task::spawn_blocking(move || listener.accept().unwrap());
    browser.click("[data-testid=tcp-connect]").await;
    let (mut conn, page_addr) = accepting.await.unwrap();
    let shake = browser
        .wait_for_text(
            "[data-testid=tcp-handshake]",
            &page_addr.to_string(),
            PAGE_WAIT,
        )
        .await;
    assert!(shake.contains(&format!("127.0.0.1:{port}")), "{shake}");
    let us = browser
        .attr("[data-testid=tcp-handshake]", "data-us")
        .await
        .unwrap();
    assert!(us.parse::<u64>().is_ok(), "handshake_us: {us}");
    browser
        .wait_for("[data-testid=tcp-state][data-state=connected]", PAGE_WAIT)
        .await;
    browser
        .wait_for(
            "[data-testid=tcp-state-node][data-state=connected][data-live=true]",
            PAGE_WAIT,
        )
        .await;

    browser.type_into("[data-testid=tcp-text]", "你好").await;
    browser.select("[data-testid=tcp-encoding]", "gbk").await;
    let line = browser.text(".composer .py-line").await;
    assert_eq!(line, "s.send(\"你好\".encode(\"gbk\"))");
    click_centred(&browser, "[data-testid=tcp-send]").await;
    assert_eq!(read_exact_within(&mut conn, 4), [0xC4, 0xE3, 0xBA, 0xC3]);

    conn.write_all(&[0xCA, 0xD5, 0xB5, 0xBD]).unwrap();
    let recv = "[data-testid=tcp-client-log] [data-testid=tcp-recv]";
    browser.wait_for(recv, PAGE_WAIT).await;
    assert_eq!(
        browser
            .attr(&format!("{recv} [data-testid=tcp-recv-hex]"), "data-hex")
            .await
            .as_deref(),
        Some("CA D5 B5 BD")
    );
    browser.select("[data-testid=tcp-decode]", "gbk").await;
    browser
        .wait_for_text(
            &format!("{recv} [data-testid=tcp-recv-text]"),
            "收到",
            PAGE_WAIT,
        )
        .await;

    // 3,000 bytes at once: the page shows recv(1024), so no recv may return more than 1024.
    conn.write_all(&[b'x'; 3000]).unwrap();
    let sizes = async || {
        browser
            .eval(
                "return [...document.querySelectorAll('[data-testid=tcp-client-log] \
                 [data-testid=tcp-recv-hex]')].map(e => e.getAttribute('data-hex').split(' ').length)",
            )
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect::<Vec<u64>>()
    };
    e2e::wait_until_async("the page has read all 3,004 bytes", PAGE_WAIT, async || {
        sizes().await.iter().sum::<u64>() == 3004
    })
    .await;
    let sizes = sizes().await;
    assert!(
        sizes.iter().all(|&n| n <= 1024),
        "recv(1024) returned {sizes:?}"
    );
    assert!(sizes.len() >= 4, "{sizes:?}");

    // close(): the test's recv returns 0 bytes.
    click_centred(&browser, "[data-testid=tcp-close]").await;
    conn.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(conn.read(&mut buf).unwrap(), 0, "the page closed");
    browser
        .wait_for("[data-testid=tcp-state][data-state=closed]", PAGE_WAIT)
        .await;
    let log = browser.text("[data-testid=tcp-client-log]").await;
    assert!(
        log.contains(&format!("s.connect((\"127.0.0.1\", {port}))")),
        "{log}"
    );
    assert!(log.contains("s.close()"), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn connect_is_refused_where_nobody_listens_but_udp_sendto_is_not() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let port = free_tcp_port();
    open_step(&browser, &relay, "tcp", 4).await;
    browser
        .type_into("[data-testid=tcp-refused-port]", &port.to_string())
        .await;
    browser.click("[data-testid=tcp-refused-run]").await;
    let refused = browser
        .wait_for_text(
            "[data-testid=tcp-refused][data-code=ECONNREFUSED]",
            "ECONNREFUSED",
            PAGE_WAIT,
        )
        .await;
    assert!(refused.contains("errno 111"), "{refused}");
    assert!(
        refused.contains("ConnectionRefusedError: [Errno 111] Connection refused"),
        "{refused}"
    );
    let udp = browser
        .wait_for_text(
            "[data-testid=udp-not-refused]",
            &port.to_string(),
            PAGE_WAIT,
        )
        .await;
    assert!(udp.contains("sendto 返回 5"), "{udp}");
    assert_eq!(
        browser
            .attr("[data-testid=udp-not-refused]", "data-bytes")
            .await
            .as_deref(),
        Some("5")
    );
    let log = browser.text("[data-testid=tcp-refused-log]").await;
    assert!(
        log.contains(&format!("u.sendto(b'hello', (\"127.0.0.1\", {port}))")),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_byte_stream_keeps_no_send_boundaries() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "tcp", 6).await;
    browser.click("[data-testid=stream-setup]").await;
    browser
        .wait_for("[data-testid=stream-pair]", PAGE_WAIT)
        .await;

    let ready = |name: &str| format!("[data-testid={name}]:not([disabled])");
    browser
        .wait_for(&ready("stream-two-sends"), PAGE_WAIT)
        .await;
    browser.click("[data-testid=stream-two-sends]").await;
    let done = "[data-testid=stream-result][data-experiment=two_sends][data-done=true]";
    browser.wait_for(done, PAGE_WAIT).await;
    let recvs = attrs(&browser, "[data-testid=stream-recv]", "data-bytes").await;
    assert_eq!(recvs, ["10"], "two sends of 5 bytes, one recv of 10");
    let sends = attrs(&browser, "[data-testid=stream-send]", "data-bytes").await;
    assert_eq!(sends, ["5", "5"]);

    browser.wait_for(&ready("stream-big-send"), PAGE_WAIT).await;
    browser.click("[data-testid=stream-big-send]").await;
    let done = "[data-testid=stream-result][data-experiment=big_send][data-done=true]";
    browser.wait_for(done, PAGE_WAIT).await;
    let recvs: Vec<usize> = attrs(&browser, "[data-testid=stream-recv]", "data-bytes")
        .await
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(recvs.iter().sum::<usize>(), 5000, "{recvs:?}");
    assert!(
        recvs.len() >= 5,
        "recv(1024) cannot take 5000 bytes in fewer than 5: {recvs:?}"
    );
    assert!(recvs.iter().all(|n| *n <= 1024), "{recvs:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ports_demo_shows_distinct_ports_from_the_ephemeral_range() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "ports", 3).await;
    let (lo, hi) = ephemeral_range();
    assert_eq!(
        browser.attr("[data-testid=port-range]", "data-lo").await,
        Some(lo.to_string())
    );
    assert_eq!(
        browser.attr("[data-testid=port-range]", "data-hi").await,
        Some(hi.to_string())
    );
    browser.click("[data-testid=port-demo-run]").await;
    browser
        .wait_count("[data-testid=port-demo-row]", 3, PAGE_WAIT)
        .await;
    let mut ports: Vec<u16> = attrs(&browser, "[data-testid=port-demo-row]", "data-port")
        .await
        .iter()
        .map(|p| p.parse().unwrap())
        .collect();
    for p in &ports {
        assert!((lo..=hi).contains(p), "{p} outside {lo}-{hi}");
    }
    ports.sort_unstable();
    ports.dedup();
    assert_eq!(ports.len(), 3, "each connection got its own port");
    // The demo closes what it opened.
    browser
        .wait_for("[data-testid=port-demo-run]:not([disabled])", PAGE_WAIT)
        .await;
    let log = text_content(&browser, "[data-testid=port-demo-log]").await;
    assert!(log.contains("c3.close()"), "{log}");

    // The well-known table is searchable.
    browser
        .goto(&format!("{}/lesson/ports/2", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=port-search]", PAGE_WAIT)
        .await;
    browser.type_into("[data-testid=port-search]", "ssh").await;
    browser
        .wait_count("[data-testid=port-row]", 1, PAGE_WAIT)
        .await;
    assert_eq!(
        browser.attr("[data-testid=port-row]", "data-port").await,
        Some("22".to_owned())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_course_client_talks_to_the_page_server() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "tcp", 5).await;
    let port = page_listens(&browser).await;
    let client = PythonPeer::start(
        "tcp_course_client",
        &[
            "--port",
            &port.to_string(),
            "--message",
            "你好",
            "--encoding",
            "gbk",
            "--timeout",
            "15",
        ],
    );
    client.wait_for_stderr("sent 4 bytes", PAGE_WAIT).await;
    let py_port: u16 = client
        .stderr_so_far()
        .lines()
        .find_map(|l| l.strip_prefix("connected from 127.0.0.1:"))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the client logs its port")
        .parse()
        .unwrap();
    let peer: SocketAddr = format!("127.0.0.1:{py_port}").parse().unwrap();
    let r = row(peer);
    browser.wait_for(&r, PAGE_WAIT).await;
    browser
        .wait_for(
            &format!("{r} [data-testid=tcp-client-recv][data-bytes=\"4\"]"),
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser
            .attr(&format!("{r} [data-testid=tcp-recv-hex]"), "data-hex")
            .await
            .as_deref(),
        Some("C4 E3 BA C3")
    );
    browser
        .type_into(&format!("{r} [data-testid=tcp-client-text]"), "收到")
        .await;
    browser
        .select(&format!("{r} [data-testid=tcp-client-encoding]"), "gbk")
        .await;
    click_centred(&browser, &format!("{r} [data-testid=tcp-client-send]")).await;
    let out = client.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");
    // The client closed after its one recv: the page sees it leave.
    browser
        .wait_for(&format!("{r} [data-testid=tcp-client-left]"), PAGE_WAIT)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_client_talks_to_the_course_server() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let server = PythonPeer::start(
        "tcp_course_server",
        &[
            "--port",
            "0",
            "--reply",
            "收到",
            "--encoding",
            "gbk",
            "--timeout",
            "15",
        ],
    );
    server
        .wait_for_stderr("listening 127.0.0.1:", PAGE_WAIT)
        .await;
    let port: u16 = server
        .stderr_so_far()
        .lines()
        .find_map(|l| l.strip_prefix("listening 127.0.0.1:"))
        .expect("the server logs its port")
        .trim()
        .parse()
        .unwrap();
    open_step(&browser, &relay, "tcp", 3).await;
    browser
        .type_into("[data-testid=tcp-connect-port]", &port.to_string())
        .await;
    browser.click("[data-testid=tcp-connect]").await;
    browser
        .wait_for("[data-testid=tcp-handshake]", PAGE_WAIT)
        .await;
    browser.type_into("[data-testid=tcp-text]", "你好").await;
    browser.select("[data-testid=tcp-encoding]", "gbk").await;
    click_centred(&browser, "[data-testid=tcp-send]").await;
    let recv = "[data-testid=tcp-client-log] [data-testid=tcp-recv]";
    browser.wait_for(recv, PAGE_WAIT).await;
    assert_eq!(
        browser
            .attr(&format!("{recv} [data-testid=tcp-recv-hex]"), "data-hex")
            .await
            .as_deref(),
        Some("CA D5 B5 BD")
    );
    // The course's server closes after one answer: recv returns 0 on the page's side.
    browser
        .wait_for(
            "[data-testid=tcp-client-log] [data-testid=tcp-peer-closed]",
            PAGE_WAIT,
        )
        .await;
    let out = server.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "c4 e3 ba c3");
    let shake = browser.text("[data-testid=tcp-handshake]").await;
    let client = format!("127.0.0.1:{}", report["client"][1]);
    assert!(shake.contains(&client), "{shake} should name {client}");
}

/// A bind the relay refuses is said by the Listen button, in words that fit the address
/// tried: every interface for 0.0.0.0, "not a loopback address" for a LAN address.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_bind_is_shown_inline_for_the_address_tried() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "tcp", 5).await;
    for (host, says, never) in [
        ("0.0.0.0", "所有网卡", "不是这台电脑的回环地址"),
        (
            "192.168.1.5",
            "192.168.1.5 不是这台电脑的回环地址",
            "0.0.0.0",
        ),
    ] {
        browser
            .type_into("[data-testid=tcp-listen-host]", host)
            .await;
        click_centred(&browser, "[data-testid=tcp-listen]").await;
        let shown = browser
            .wait_for_text("[data-testid=tcp-listen-error]", says, PAGE_WAIT)
            .await;
        assert!(shown.contains("BIND_DENIED"), "{shown}");
        assert!(!shown.contains(never), "{host}: {shown}");
    }
    // A bind that works clears it.
    browser
        .type_into("[data-testid=tcp-listen-host]", "127.0.0.1")
        .await;
    page_listens(&browser).await;
    assert!(!browser.exists("[data-testid=tcp-listen-error]").await);
}

/// Picks answer `choice` of the quiz `prefix` and returns (right or wrong, the feedback).
async fn answer_quiz(browser: &Browser, prefix: &str, choice: &str) -> (String, String) {
    let quiz = format!("[data-testid=quiz][data-quiz=\"{prefix}\"]");
    click_centred(browser, &format!("{quiz} [data-choice=\"{choice}\"]")).await;
    browser
        .wait_for(
            &format!("{quiz} [data-choice=\"{choice}\"][aria-pressed=true]"),
            PAGE_WAIT,
        )
        .await;
    let feedback = format!("{quiz} [data-testid=quiz-feedback]");
    let result = browser.attr(&feedback, "data-result").await;
    (result.unwrap_or_default(), browser.text(&feedback).await)
}

#[tokio::test]
async fn the_port_pair_and_the_recap_ask_and_mark_each_answer() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN

    // Ports step 4: the answer goes back to the port this machine lent the client, one from
    // its real ephemeral range.
    open_step(&browser, &relay, "ports", 4).await;
    let quiz = "[data-testid=quiz][data-quiz=\"quiz.ports_pair\"]";
    let port: u16 = browser
        .text(&format!("{quiz} [data-choice=b]"))
        .await
        .parse()
        .unwrap();
    let (lo, hi) = ephemeral_range();
    assert!((lo..=hi).contains(&port), "{port} not in {lo}-{hi}");
    assert_eq!(
        answer_quiz(&browser, "quiz.ports_pair", "a").await,
        (
            "wrong".into(),
            "✗ 不对。 80 是服务器自己的端口：回答从 80 发出，发往客户端的端口。".into()
        )
    );
    assert_eq!(
        answer_quiz(&browser, "quiz.ports_pair", "b").await,
        (
            "right".into(),
            format!(
                "✓ 对了。 回答原样发回请求来的地址和端口：{port}，也就是操作系统借给浏览器的那个端口。"
            )
        )
    );

    // TCP step 7: what recv returns once the client has closed.
    open_step(&browser, &relay, "tcp", 7).await;
    assert_eq!(
        answer_quiz(&browser, "quiz.tcp_recap", "c").await,
        (
            "wrong".into(),
            "✗ 不对。 只有连接还开着时 recv 才会等；客户端的 FIN 一到，它立刻返回 0 字节。".into()
        )
    );
    assert_eq!(
        answer_quiz(&browser, "quiz.tcp_recap", "b").await,
        (
            "right".into(),
            "✓ 对了。 0 字节表示对方关闭了：服务器就是这样发现客户端离开的，所以它的循环在 b'' 时结束。".into()
        )
    );
    browser.quit().await;
}
