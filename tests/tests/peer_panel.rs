//! The peer panel end to end: a real relay, a real headless Chromium, and the learner's own
//! Python programs (UDP sender/receiver, the course's TCP client and server) on the other end.
//! Every assertion names exact bytes and real ports, in both directions.

use std::io::{Read, Write};
use std::net::{TcpStream, UdpSocket};

use e2e::{
    Browser, PAGE_WAIT, PythonPeer, Relay, click_centred, free_tcp_port, free_udp_port, open_page,
    panel_mode, start_panel_on, wait_until, wait_until_async,
};

/// Opens the relay's link (which hands the page its token), then `/panel`.
async fn open_panel(browser: &Browser, relay: &Relay) {
    open_page(browser, relay, "/panel").await;
    browser
        .wait_for("[data-testid=peer-panel]", PAGE_WAIT)
        .await;
}

/// The port a Python program logged after `prefix` (e.g. "bound 127.0.0.1:").
fn logged_port(stderr: &str, prefix: &str) -> u16 {
    stderr
        .lines()
        .find_map(|l| l.split(prefix).nth(1))
        .and_then(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|p| p.parse().ok())
        })
        .unwrap_or_else(|| panic!("no {prefix:?} in stderr:\n{stderr}"))
}

fn received_from(port: u16) -> String {
    format!("[data-testid=panel-line][data-dir=received][data-peer=\"127.0.0.1:{port}\"]")
}

#[tokio::test(flavor = "multi_thread")]
async fn udp_talks_with_the_learners_program_both_ways_in_gbk_and_utf8_and_saves_the_log() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_panel(&browser, &relay).await;

    // A bad port is explained in the learner's language (Chinese here).
    browser
        .type_into("[data-testid=panel-local-port]", "80a")
        .await;
    browser
        .wait_for_text(
            "[data-testid=panel-local-error]",
            "端口只能是数字",
            PAGE_WAIT,
        )
        .await;
    let port = free_udp_port();
    start_panel_on(&browser, port).await;

    // The learner's program sends GBK bytes to the panel.
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
    let py_port = logged_port(&learner.stderr_so_far(), "bound 127.0.0.1:");
    let entry = received_from(py_port);
    browser.wait_for(&entry, PAGE_WAIT).await;
    assert_eq!(
        browser.attr(&entry, "data-hex").await.as_deref(),
        Some("C4 E3 BA C3")
    );
    // The hex is one line of text, not a cell per byte: a flood draws hundreds of lines a second.
    assert_eq!(
        browser
            .hex_line(&format!("{entry} [data-testid=panel-line-hex]"))
            .await,
        (2, "C4 E3 BA C3".to_string())
    );
    let time = browser
        .text(&format!("{entry} [data-testid=panel-time]"))
        .await;
    assert!(
        time.len() == 12 && time.as_bytes()[2] == b':' && time.as_bytes()[8] == b'.',
        "HH:MM:SS.mmm, got {time:?}"
    );
    // Shown as UTF-8 first (garbage), re-decoded as GBK after the fact.
    browser.select("[data-testid=panel-show-as]", "gbk").await;
    browser
        .wait_for_text(
            &format!("{entry} [data-testid=panel-line-text]"),
            "你好",
            PAGE_WAIT,
        )
        .await;

    // The panel answers the sender at its real address, in GBK.
    click_centred(&browser, "[data-testid=panel-use-sender]").await;
    let shown = browser
        .eval("return document.querySelector('[data-testid=panel-remote-port]').value")
        .await;
    assert_eq!(
        shown,
        py_port.to_string(),
        "the sender's real port fills the remote port"
    );
    browser.type_into("[data-testid=panel-text]", "收到").await;
    browser.select("[data-testid=panel-encoding]", "gbk").await;
    click_centred(&browser, "[data-testid=panel-send]").await;
    let out = learner.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");
    assert_eq!(report["received"]["from"][1], port);

    // The other direction first: the learner only receives; the panel sends UTF-8.
    let learner_port = free_udp_port();
    let receiver = PythonPeer::start(
        "udp_learner",
        &[
            "--bind-port",
            &learner_port.to_string(),
            "--encoding",
            "utf-8",
            "--timeout",
            "15",
        ],
    );
    receiver.wait_for_stderr("bound", PAGE_WAIT).await;
    browser
        .type_into("[data-testid=panel-remote-port]", &learner_port.to_string())
        .await;
    browser
        .type_into("[data-testid=panel-text]", "你好 panel")
        .await;
    browser
        .select("[data-testid=panel-encoding]", "utf-8")
        .await;
    click_centred(&browser, "[data-testid=panel-send]").await;
    let out = receiver.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(
        report["received"]["hex"],
        "e4 bd a0 e5 a5 bd 20 70 61 6e 65 6c"
    );
    assert_eq!(report["received"]["from"][1], port);
    let sent =
        format!("[data-testid=panel-line][data-dir=sent][data-peer=\"127.0.0.1:{learner_port}\"]");
    browser.wait_for(&sent, PAGE_WAIT).await;
    assert_eq!(
        browser
            .text(&format!("{sent} [data-testid=panel-line-text]"))
            .await,
        "你好 panel"
    );

    // Save: the file holds every message with its time, peer, text and hex. The page's CSP
    // (connect-src) forbids fetching the blob: URL back, so the test catches the Blob itself.
    browser
        .eval(
            "window.__savedBlob = null;
             const make = URL.createObjectURL;
             URL.createObjectURL = b => { window.__savedBlob = b; return make.call(URL, b); };",
        )
        .await;
    click_centred(&browser, "[data-testid=panel-save]").await;
    browser
        .wait_for("[data-testid=panel-saved]", PAGE_WAIT)
        .await;
    let href = browser
        .attr("[data-testid=panel-saved]", "href")
        .await
        .unwrap_or_default();
    assert!(href.starts_with("blob:"), "{href}");
    let saved = browser
        .eval_async(
            "const done = arguments[arguments.length - 1];
             window.__savedBlob.text().then(done, e => done('ERR ' + e));",
        )
        .await;
    let saved = saved.as_str().unwrap_or_default().to_owned();
    assert!(
        saved.contains(&format!(
            "<- 127.0.0.1:{py_port} 4 B (gbk) \"你好\" [C4 E3 BA C3]"
        )),
        "{saved}"
    );
    assert!(
        saved.contains(&format!(
            "-> 127.0.0.1:{py_port} 4 B (gbk) \"收到\" [CA D5 B5 BD]"
        )),
        "{saved}"
    );
    assert!(
        saved.contains(&format!("-> 127.0.0.1:{learner_port}")),
        "{saved}"
    );

    // Clear empties the log.
    click_centred(&browser, "[data-testid=panel-clear]").await;
    browser
        .wait_gone("[data-testid=panel-line]", PAGE_WAIT)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hex_input_sends_raw_bytes_and_auto_reply_answers_the_learner() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    open_panel(&browser, &relay).await;

    browser
        .type_into("[data-testid=panel-remote-port]", "70000")
        .await;
    browser
        .wait_for_text(
            "[data-testid=panel-remote-error]",
            "The largest port is 65535",
            PAGE_WAIT,
        )
        .await;

    // Hex: exact raw bytes, from an unbound socket the OS gives a port on its first send.
    let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    let target = sock.local_addr().unwrap().port();
    browser
        .type_into("[data-testid=panel-remote-port]", &target.to_string())
        .await;
    browser.select("[data-testid=panel-mode]", "hex").await;
    browser
        .type_into("[data-testid=panel-text]", "00 FF 80 0a c4 zz")
        .await;
    browser
        .wait_for_text("[data-testid=panel-input-error]", "z", PAGE_WAIT)
        .await;
    browser
        .type_into("[data-testid=panel-text]", "00 FF 80 0a c4")
        .await;
    click_centred(&browser, "[data-testid=panel-send]").await;
    let mut buf = [0u8; 2048];
    let (n, from) = sock.recv_from(&mut buf).expect("the panel's datagram");
    assert_eq!(&buf[..n], &[0x00, 0xFF, 0x80, 0x0A, 0xC4]);
    browser
        .wait_for(
            &format!("[data-testid=panel-local][data-port=\"{}\"]", from.port()),
            PAGE_WAIT,
        )
        .await;
    let page_port = from.port();

    // Echo: whatever the learner sends comes back byte for byte.
    browser
        .select("[data-testid=panel-auto-reply]", "echo")
        .await;
    let learner = PythonPeer::start(
        "udp_learner",
        &[
            "--to-port",
            &page_port.to_string(),
            "--message",
            "回声 echo",
            "--encoding",
            "utf-8",
            "--timeout",
            "15",
        ],
    );
    let out = learner.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], report["sent"]["hex"]);
    assert_eq!(report["received"]["text"], "回声 echo");
    assert_eq!(report["received"]["from"][1], page_port);

    // A fixed reply, encoded in GBK.
    browser.select("[data-testid=panel-show-as]", "gbk").await;
    browser
        .select("[data-testid=panel-auto-reply]", "fixed")
        .await;
    browser
        .type_into("[data-testid=panel-auto-text]", "好的")
        .await;
    let learner = PythonPeer::start(
        "udp_learner",
        &[
            "--to-port",
            &page_port.to_string(),
            "--message",
            "hi",
            "--encoding",
            "gbk",
            "--timeout",
            "15",
        ],
    );
    let out = learner.finish(PAGE_WAIT).await;
    out.assert_success();
    assert_eq!(out.json()["received"]["hex"], "ba c3 b5 c4");
    let log = browser.text("[data-testid=panel-log]").await;
    assert!(log.contains("(auto-reply)"), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn tcp_server_lists_clients_shows_their_data_and_departure_and_answers_one() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_panel(&browser, &relay).await;
    panel_mode(&browser, "tcp-server").await;
    let port = free_tcp_port();
    start_panel_on(&browser, port).await;

    // The course's client connects and sends GBK.
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
    let py_port = logged_port(&client.stderr_so_far(), "connected from 127.0.0.1:");
    let row = format!("[data-testid=panel-client][data-port=\"{py_port}\"]");
    browser
        .wait_for(&format!("{row}[data-state=connected]"), PAGE_WAIT)
        .await;
    let entry = received_from(py_port);
    browser.wait_for(&entry, PAGE_WAIT).await;
    assert_eq!(
        browser.attr(&entry, "data-hex").await.as_deref(),
        Some("C4 E3 BA C3")
    );

    // A second client says something and leaves: recv returns 0, the page says so.
    let mut other = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let other_port = other.local_addr().unwrap().port();
    other.write_all(b"bye").unwrap();
    browser
        .wait_for(&received_from(other_port), PAGE_WAIT)
        .await;
    drop(other);
    browser
        .wait_for(
            &format!("[data-testid=panel-client][data-port=\"{other_port}\"][data-state=left]"),
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for_text(
            "[data-testid=panel-log]",
            &format!("recv 返回 0 字节：127.0.0.1:{other_port} 关闭了连接"),
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.attr(&row, "data-state").await.as_deref(),
        Some("connected"),
        "the first client is still here"
    );

    // Answer the Python client only.
    let socket = browser.attr(&row, "data-socket").await.unwrap();
    browser.select("[data-testid=panel-send-to]", &socket).await;
    browser.type_into("[data-testid=panel-text]", "收到").await;
    browser.select("[data-testid=panel-encoding]", "gbk").await;
    click_centred(&browser, "[data-testid=panel-send]").await;
    let out = client.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "ca d5 b5 bd");
    assert_eq!(report["received"]["text"], "收到");

    // Stop: the listener is closed, nobody can connect any more.
    click_centred(&browser, "[data-testid=panel-stop]").await;
    browser
        .wait_for("[data-testid=panel-local][data-local=\"\"]", PAGE_WAIT)
        .await;
    wait_until("nothing listening on the stopped port", PAGE_WAIT, || {
        TcpStream::connect(("127.0.0.1", port)).is_err()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tcp_server_auto_reply_echoes_each_client() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    open_panel(&browser, &relay).await;
    click_centred(&browser, "[data-testid=panel-mode-tcp-server]").await;
    click_centred(&browser, "[data-testid=panel-start]").await;
    let mut port: u16 = 0;
    wait_until_async("the panel's listening port", PAGE_WAIT, async || {
        let shown = browser.attr("[data-testid=panel-local]", "data-port").await;
        port = shown.unwrap_or_default().parse().unwrap_or(0);
        port != 0
    })
    .await;
    browser
        .select("[data-testid=panel-auto-reply]", "echo")
        .await;
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    c.write_all(&[0xC4, 0xE3, 0x00, 0xFF]).unwrap();
    let mut buf = [0u8; 16];
    let n = c.read(&mut buf).unwrap();
    assert_eq!(&buf[..n], &[0xC4, 0xE3, 0x00, 0xFF]);
}

#[tokio::test(flavor = "multi_thread")]
async fn tcp_client_talks_with_the_course_server_both_ways() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
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
    let port = logged_port(&server.stderr_so_far(), "listening 127.0.0.1:");
    open_panel(&browser, &relay).await;
    click_centred(&browser, "[data-testid=panel-mode-tcp-client]").await;
    browser
        .type_into("[data-testid=panel-remote-port]", &port.to_string())
        .await;
    click_centred(&browser, "[data-testid=panel-start]").await;
    let status = browser
        .wait_for_text("[data-testid=panel-local]", "the OS picked port", PAGE_WAIT)
        .await;
    let local_port: u16 = browser
        .attr("[data-testid=panel-local]", "data-port")
        .await
        .unwrap()
        .parse()
        .unwrap();
    assert!(status.contains(&local_port.to_string()), "{status}");

    browser.type_into("[data-testid=panel-text]", "你好").await;
    browser.select("[data-testid=panel-encoding]", "gbk").await;
    click_centred(&browser, "[data-testid=panel-send]").await;
    let out = server.finish(PAGE_WAIT).await;
    out.assert_success();
    let report = out.json();
    assert_eq!(report["received"]["hex"], "c4 e3 ba c3");
    assert_eq!(
        report["client"][1], local_port,
        "the server saw the port the page shows"
    );

    let entry = received_from(port);
    browser.wait_for(&entry, PAGE_WAIT).await;
    assert_eq!(
        browser.attr(&entry, "data-hex").await.as_deref(),
        Some("CA D5 B5 BD")
    );
    browser.select("[data-testid=panel-show-as]", "gbk").await;
    browser
        .wait_for_text(
            &format!("{entry} [data-testid=panel-line-text]"),
            "收到",
            PAGE_WAIT,
        )
        .await;
    // The server closed after answering: recv returned 0.
    browser
        .wait_for("[data-testid=panel-peer-closed]", PAGE_WAIT)
        .await;
    click_centred(&browser, "[data-testid=panel-stop]").await;
    browser
        .wait_for("[data-testid=panel-local][data-local=\"\"]", PAGE_WAIT)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_panel_opens_beside_a_socket_step_and_closes_its_sockets_when_hidden() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    browser.goto(relay.url()).await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            PAGE_WAIT,
        )
        .await;
    // The header links to the panel page.
    click_centred(&browser, "[data-testid=nav-panel]").await;
    browser
        .wait_for("[data-testid=panel-page]", PAGE_WAIT)
        .await;

    browser
        .goto(&format!("{}/lesson/udp/6", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"6\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser
            .attr("[data-testid=panel-toggle]", "aria-expanded")
            .await
            .as_deref(),
        Some("false")
    );
    click_centred(&browser, "[data-testid=panel-toggle]").await;
    browser
        .wait_for(
            "[data-testid=panel-drawer] [data-testid=peer-panel]",
            PAGE_WAIT,
        )
        .await;
    let port = free_udp_port();
    start_panel_on(&browser, port).await;
    assert!(
        UdpSocket::bind(("127.0.0.1", port)).is_err(),
        "the panel holds the port"
    );
    // Hiding the panel closes its socket: the port is free again.
    click_centred(&browser, "[data-testid=panel-toggle]").await;
    browser
        .wait_gone("[data-testid=peer-panel]", PAGE_WAIT)
        .await;
    wait_until(&format!("port {port} free again"), PAGE_WAIT, || {
        UdpSocket::bind(("127.0.0.1", port)).is_ok()
    })
    .await;
    // A step without sockets has no toggle.
    browser
        .goto(&format!("{}/lesson/udp/1", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"1\"]", PAGE_WAIT)
        .await;
    assert!(!browser.exists("[data-testid=panel-toggle]").await);
}

/// Issue 12 item 7: a client that arrives while the page holds its most sockets is turned
/// away by the relay (`client_refused`), and the panel says so in the learner's language,
/// naming the client, instead of the client silently seeing its connection end.
#[tokio::test(flavor = "multi_thread")]
async fn a_client_refused_at_the_socket_limit_is_shown_in_the_log() {
    use protocol::limits::MAX_SOCKETS_PER_SESSION;

    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_panel(&browser, &relay).await;
    panel_mode(&browser, "tcp-server").await;
    let port = free_tcp_port();
    start_panel_on(&browser, port).await;
    // The listener is one socket; every accepted client is one more, up to the limit.
    let mut clients = Vec::new();
    for _ in 1..MAX_SOCKETS_PER_SESSION {
        clients.push(TcpStream::connect(("127.0.0.1", port)).unwrap());
    }
    let last = clients.last().unwrap().local_addr().unwrap().port();
    browser
        .wait_for(
            &format!("[data-testid=panel-client][data-port=\"{last}\"][data-state=connected]"),
            PAGE_WAIT,
        )
        .await;
    let mut over = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let over_port = over.local_addr().unwrap().port();
    browser
        .wait_for_text(
            "[data-testid=panel-log]",
            &format!(
                "客户端 127.0.0.1:{over_port} 被拒绝了：页面已经持有 {MAX_SOCKETS_PER_SESSION} \
                 个套接字，这是上限（客户端看到 connect 成功，随后读到连接结束）。关闭一个套接字\
                 就能腾出位置。"
            ),
            PAGE_WAIT,
        )
        .await;
    // The refused client saw its connect succeed, then the end of the stream.
    over.set_read_timeout(Some(PAGE_WAIT)).unwrap();
    let mut rest = Vec::new();
    assert_eq!(over.read_to_end(&mut rest).unwrap(), 0);
    let rows = browser
        .eval("return document.querySelectorAll('[data-testid=panel-client]').length")
        .await;
    assert_eq!(
        rows.as_u64(),
        Some(MAX_SOCKETS_PER_SESSION as u64 - 1),
        "a refused client gets no row"
    );
}

/// Issue 12 item 6, in the panel: the panel's TCP client sends 64 KiB at a time to a peer that
/// does not read. Once the kernel's buffers are full, the waiting send is shown with the
/// kernel's own count ("has taken N of 65,536 bytes") instead of the panel seeming frozen;
/// when the peer reads, the send completes and every byte arrives, in order.
#[tokio::test(flavor = "multi_thread")]
async fn a_send_to_a_peer_that_does_not_read_shows_what_the_kernel_took() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    open_panel(&browser, &relay).await;
    panel_mode(&browser, "tcp-client").await;
    browser
        .type_into("[data-testid=panel-remote-port]", &port.to_string())
        .await;
    click_centred(&browser, "[data-testid=panel-start]").await;
    let (mut peer, _) = listener.accept().unwrap();
    browser
        .wait_for_text("[data-testid=panel-local]", "the OS picked port", PAGE_WAIT)
        .await;

    // 64 KiB of 'x' in the text box (sending once the page shows all of it), then Send as
    // often as the button allows until a send has to wait (a few MB fill the kernel's buffers
    // on loopback).
    let clicks = browser
        .eval_async(
            r#"
const done = arguments[arguments.length - 1];
const box = document.querySelector('[data-testid=panel-text]');
Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, 'x'.repeat(65536));
box.dispatchEvent(new Event('input', { bubbles: true }));
let clicks = 0;
const waiting = () => document.querySelector('[data-testid=panel-log]').textContent.includes('send waits');
const ready = () => (document.querySelector('[data-testid=panel-hex-preview]')?.dataset.hex || '').length === 65536 * 3 - 1;
(function step() {
  if (!ready()) return requestAnimationFrame(step);
  if (waiting()) return done(clicks);
  if (clicks >= 400) return done(-clicks);
  const send = document.querySelector('[data-testid=panel-send]');
  if (send && !send.disabled) { send.click(); clicks += 1; }
  requestAnimationFrame(step);
})();
"#,
        )
        .await
        .as_i64()
        .unwrap();
    assert!(
        clicks > 0,
        "no send waited after {} sends of 64 KiB",
        -clicks
    );
    // The peer reads at once (the relay gives a send that finds no room 5 s, SEND_TIMEOUT, and
    // on a loaded machine reading the log first took longer): every byte of every send
    // arrives, and the waiting one completes.
    let expected = clicks as usize * 65_536;
    let reader = std::thread::spawn(move || {
        peer.set_read_timeout(Some(PAGE_WAIT)).unwrap();
        let mut got = Vec::new();
        let mut buf = vec![0u8; 1 << 16];
        while got.len() < expected {
            match peer.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
        got
    });
    let log = browser.text("[data-testid=panel-log]").await;
    let line = log
        .split("send waits: ")
        .nth(1)
        .expect("the waiting send's line");
    let taken: String = line
        .strip_prefix("the kernel has taken ")
        .expect(line)
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let taken: usize = taken.replace(',', "").parse().unwrap();
    assert!(taken < 65_536, "{line}");
    assert!(
        line.contains(
            " of 65,536 bytes, the rest waits for room because the other side is not reading"
        ),
        "{line}"
    );

    let got = reader.join().unwrap();
    let log = browser.text("[data-testid=panel-log]").await;
    assert_eq!(
        got.len(),
        expected,
        "{clicks} sends; the log: {:.3000}",
        log
    );
    assert!(got.iter().all(|b| *b == b'x'));
}
