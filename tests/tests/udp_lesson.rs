//! The UDP lesson end to end: a real relay, a real headless Chromium, real UDP sockets owned by
//! the test, and a Python program playing the learner's own code. Every assertion names exact
//! bytes, ports and texts.

use std::net::{SocketAddr, UdpSocket};

use e2e::{
    Browser, PAGE_WAIT, PythonPeer, Relay, free_udp_port, open_step, page_binds_a_free_port,
};

fn test_socket() -> (UdpSocket, SocketAddr) {
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    s.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    let addr = s.local_addr().unwrap();
    (s, addr)
}

#[tokio::test(flavor = "multi_thread")]
async fn send_step_puts_the_exact_gbk_and_utf8_bytes_on_the_wire() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let (sock, addr) = test_socket();
    open_step(&browser, &relay, "udp", 4).await;

    browser
        .type_into("[data-testid=udp-target-port]", &addr.port().to_string())
        .await;
    browser.type_into("[data-testid=udp-text]", "你好").await;
    browser.select("[data-testid=udp-encoding]", "gbk").await;
    let hex = browser
        .attr("[data-testid=udp-hex-preview]", "data-hex")
        .await;
    assert_eq!(hex.as_deref(), Some("C4 E3 BA C3"));

    browser.click("[data-testid=udp-open]").await;
    browser
        .wait_for_text("[data-testid=udp-socket-state]", "#", PAGE_WAIT)
        .await;
    browser.click("[data-testid=udp-send]").await;
    let mut buf = [0u8; 2048];
    let (n, from) = sock
        .recv_from(&mut buf)
        .expect("the page's datagram arrives");
    assert_eq!(&buf[..n], &[0xC4, 0xE3, 0xBA, 0xC3]);
    assert_eq!(from.ip().to_string(), "127.0.0.1");
    // The page shows the source port the OS picked, and it is the one the datagram came from.
    browser
        .wait_for("[data-testid=udp-send-result]", PAGE_WAIT)
        .await;
    let shown = browser
        .attr("[data-testid=udp-send-result]", "data-local-port")
        .await;
    assert_eq!(shown, Some(from.port().to_string()));
    let text = browser.text("[data-testid=udp-send-log]").await;
    assert!(
        text.contains(&format!("操作系统刚刚给它分配了端口 {}", from.port())),
        "{text}"
    );

    // Same socket, UTF-8 this time: the same source port.
    browser.select("[data-testid=udp-encoding]", "utf-8").await;
    let hex = browser
        .attr("[data-testid=udp-hex-preview]", "data-hex")
        .await;
    assert_eq!(hex.as_deref(), Some("E4 BD A0 E5 A5 BD"));
    browser.click("[data-testid=udp-send]").await;
    let (n, from2) = sock
        .recv_from(&mut buf)
        .expect("the second datagram arrives");
    assert_eq!(&buf[..n], "你好".as_bytes());
    assert_eq!(from2, from, "one socket keeps its port");

    // The echo peer answers on the default target.
    browser.type_into("[data-testid=udp-target-port]", "").await;
    let echo_port = relay_echo_port(&browser).await;
    browser
        .type_into("[data-testid=udp-target-port]", &echo_port)
        .await;
    browser.click("[data-testid=udp-send]").await;
    let entry = format!("[data-testid=udp-log-entry][data-from=\"127.0.0.1:{echo_port}\"]");
    browser.wait_for(&entry, PAGE_WAIT).await;
    let echoed = browser
        .text(&format!("{entry} [data-testid=udp-log-text]"))
        .await;
    assert_eq!(echoed, "你好");
    relay.assert_token_not_logged();
}

/// The echo port as the page knows it (from the hint text).
async fn relay_echo_port(browser: &Browser) -> String {
    let hint = browser.text("[data-testid=udp-send-lab] .hint").await;
    hint.split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() >= 4)
        .find(|s| s != &"127")
        .expect("the hint names the echo port")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_run_of_the_sender_gets_a_new_port_from_the_os() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "udp", 5).await;
    for run in 1..=3 {
        browser.click("[data-testid=udp-fresh-run]").await;
        browser
            .wait_for(
                &format!("[data-testid=udp-fresh-row]:nth-child({run})"),
                PAGE_WAIT,
            )
            .await;
    }
    let ports = browser
        .eval("return [...document.querySelectorAll('[data-testid=udp-fresh-row]')].map(r => r.dataset.port)")
        .await;
    let ports: Vec<u16> = ports
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().parse().unwrap())
        .collect();
    assert_eq!(ports.len(), 3);
    assert!(
        ports[0] != ports[1] && ports[1] != ports[2],
        "ports did not change: {ports:?}"
    );
    let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
    let mut it = range.split_whitespace().map(|n| n.parse::<u16>().unwrap());
    let (lo, hi) = (it.next().unwrap(), it.next().unwrap());
    for p in &ports {
        assert!(
            (lo..=hi).contains(p),
            "{p} outside the ephemeral range {lo}-{hi}"
        );
    }
    let shown = browser.text("[data-testid=udp-fresh-range]").await;
    assert!(shown.contains(&format!("{lo} 到 {hi}")), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bind_step_shows_who_sent_what_and_answers_back() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let (sock, addr) = test_socket();
    let port = page_binds_a_free_port(&browser, &relay).await;

    sock.send_to("hello page".as_bytes(), ("127.0.0.1", port))
        .unwrap();
    let entry = format!("[data-testid=udp-log-entry][data-from=\"{addr}\"]");
    browser.wait_for(&entry, PAGE_WAIT).await;
    assert_eq!(
        browser
            .text(&format!("{entry} [data-testid=udp-log-text]"))
            .await,
        "hello page"
    );
    let hex = browser
        .attr(&format!("{entry} [data-testid=udp-log-hex]"), "data-hex")
        .await;
    assert_eq!(hex.as_deref(), Some("68 65 6C 6C 6F 20 70 61 67 65"));
    // Shown as one line of text, not a cell per byte (a flood redraws hundreds of lines).
    assert_eq!(
        browser
            .hex_line(&format!("{entry} [data-testid=udp-log-hex]"))
            .await,
        (2, "68 65 6C 6C 6F 20 70 61 67 65".to_string())
    );
    let line = browser.text(&entry).await;
    assert!(line.contains(&format!("从 {addr} 收到 10 字节")), "{line}");

    // Answer: the page sends to the sender's real address.
    browser
        .type_into("[data-testid=udp-reply-text]", "收到")
        .await;
    browser
        .select("[data-testid=udp-reply-encoding]", "gbk")
        .await;
    browser.click("[data-testid=udp-reply-send]").await;
    let mut buf = [0u8; 2048];
    let (n, from) = sock.recv_from(&mut buf).expect("the page's reply arrives");
    assert_eq!(&buf[..n], &[0xCA, 0xD5, 0xB5, 0xBD], "收到 in GBK");
    assert_eq!(
        from,
        format!("127.0.0.1:{port}").parse().unwrap(),
        "the reply comes from the bound port"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_learners_own_python_program_talks_to_the_page() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let port = page_binds_a_free_port(&browser, &relay).await;

    let learner = PythonPeer::start(
        "udp_learner",
        &[
            "--to-port",
            &port.to_string(),
            "--message",
            "你好",
            "--encoding",
            "gbk",
            "--timeout",
            "15",
        ],
    );
    learner.wait_for_stderr("sent 4 bytes", PAGE_WAIT).await;
    let bound_line = learner.stderr_so_far();
    let py_port: u16 = bound_line
        .lines()
        .find_map(|l| l.strip_prefix("bound 127.0.0.1:"))
        .expect("the learner logs its port")
        .trim()
        .parse()
        .unwrap();
    let entry = format!("[data-testid=udp-log-entry][data-from=\"127.0.0.1:{py_port}\"]");
    browser.wait_for(&entry, PAGE_WAIT).await;
    // Decoded as UTF-8 (the default) GBK bytes are garbage; as GBK they read right.
    browser
        .select("[data-testid=udp-decode-encoding]", "gbk")
        .await;
    browser
        .wait_for_text(
            &format!("{entry} [data-testid=udp-log-text]"),
            "你好",
            PAGE_WAIT,
        )
        .await;

    browser
        .type_into("[data-testid=udp-reply-text]", "收到")
        .await;
    browser
        .select("[data-testid=udp-reply-encoding]", "gbk")
        .await;
    browser.click("[data-testid=udp-reply-send]").await;
    let out = learner.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");
    assert_eq!(report["received"]["from"][1], port);
}

#[tokio::test(flavor = "multi_thread")]
async fn binding_a_taken_port_shows_eaddrinuse_in_the_learners_language() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    let port = free_udp_port();
    open_step(&browser, &relay, "udp", 7).await;
    browser
        .type_into("[data-testid=udp-inuse-port]", &port.to_string())
        .await;
    browser.click("[data-testid=udp-inuse-run]").await;
    let err = "[data-testid=udp-error][data-code=EADDRINUSE]";
    browser.wait_for(err, PAGE_WAIT).await;
    let text = browser.text(err).await;
    assert!(text.contains("EADDRINUSE"), "{text}");
    assert!(text.contains("errno 98"), "{text}");
    // The exact line Python prints for this on the relay's system (here Linux).
    assert!(
        text.contains("OSError: [Errno 98] Address already in use"),
        "{text}"
    );
    assert!(
        text.contains("Only one socket can bind a port at a time"),
        "{text}"
    );
    let log = browser.text("[data-testid=udp-inuse-log]").await;
    assert!(
        log.contains(&format!("b.bind((\"127.0.0.1\", {port}))")),
        "{log}"
    );

    // Switching language re-explains the same error.
    browser.click("[data-testid=lang-zh-CN]").await;
    browser
        .wait_for_text(err, "同一时刻一个端口只能被一个套接字绑定", PAGE_WAIT)
        .await;

    // Close a; now b can bind.
    browser.click("[data-testid=udp-inuse-retry]").await;
    // a bound once, then b binds after a closed: two binds on the same port.
    let bound = format!("[data-testid=udp-log-bound][data-local=\"127.0.0.1:{port}\"]");
    browser.wait_count(&bound, 2, PAGE_WAIT).await;
    let log = browser.text("[data-testid=udp-inuse-log]").await;
    assert!(log.contains("a.close()"), "{log}");
}

/// A page put away into the browser's back/forward cache (`pagehide`) keeps no socket: its
/// relay session ends, so the port it bound is free for the next page (it was EADDRINUSE);
/// shown again (`pageshow`), it connects anew.
#[tokio::test(flavor = "multi_thread")]
async fn a_hidden_page_lets_go_of_its_sockets_and_comes_back_connected() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let port = page_binds_a_free_port(&browser, &relay).await;
    assert!(
        UdpSocket::bind(("127.0.0.1", port)).is_err(),
        "the page holds the port"
    );

    browser
        .eval("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
        .await;
    e2e::wait_until(
        "the relay closed the hidden page's socket",
        PAGE_WAIT,
        || UdpSocket::bind(("127.0.0.1", port)).is_ok(),
    )
    .await;

    browser
        .eval("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
        .await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
}

/// Picks answer `choice` of the quiz `prefix` and returns (right or wrong, the feedback).
async fn answer_quiz(browser: &Browser, prefix: &str, choice: &str) -> (String, String) {
    let quiz = format!("[data-testid=quiz][data-quiz=\"{prefix}\"]");
    browser
        .click(&format!("{quiz} [data-choice=\"{choice}\"]"))
        .await;
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
async fn the_talking_steps_ask_and_mark_each_answer() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await; // zh-CN

    // Step 1: which call makes a UDP socket.
    open_step(&browser, &relay, "udp", 1).await;
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_sockets", "a").await,
        (
            "wrong".into(),
            "✗ 不对。 SOCK_STREAM 是 TCP 的字节流。UDP 数据报要用 SOCK_DGRAM。".into()
        )
    );
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_sockets", "b").await,
        (
            "right".into(),
            "✓ 对了。 AF_INET 表示互联网（IPv4）地址，SOCK_DGRAM 表示 UDP 数据报。".into()
        )
    );

    // Step 2: sendto to a port where nobody listens.
    open_step(&browser, &relay, "udp", 2).await;
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_letter", "a").await.0,
        "wrong"
    );
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_letter", "b").await,
        (
            "right".into(),
            "✓ 对了。 就像把信寄到一座空房子：邮局照样收下，没有人会告诉你这封信没人读。".into()
        )
    );
    // And for real: a datagram to a port where nothing listens, and sendto says 5 bytes.
    browser.click("[data-testid=udp-nobody-run]").await;
    browser
        .wait_for(
            "[data-testid=udp-nobody-result][data-bytes=\"5\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=udp-nobody-result]").await,
        "sendto 返回了 5：没有报错，尽管端口 7799 上没有人监听。数据报就这样没了，也没有人告诉发送方。"
    );

    // Step 8: what the receiver does before recvfrom.
    open_step(&browser, &relay, "udp", 8).await;
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_recap", "d").await,
        (
            "wrong".into(),
            "✗ 不对。 操作系统给发送方分配的是临时端口，每次运行都不一样：别人无法知道该发到哪里。"
                .into()
        )
    );
    assert_eq!(
        answer_quiz(&browser, "quiz.udp_recap", "b").await,
        (
            "right".into(),
            "✓ 对了。 bind 给接收方一个固定端口，也就是发送方在 sendto 里写的那个端口。".into()
        )
    );
    browser.quit().await;
}
