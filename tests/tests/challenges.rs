//! The challenges page end to end: the relay's UDP-sender checker against the reference
//! program (the sentence in GBK, run twice: every check passes) and a wrong one (UTF-8: the
//! bytes check fails with its exact hint); every solution the page offers passes its own
//! checker; challenge 7 on the machine's own address (as `ip` lists it); progress kept across a reload, shown
//! on the list, the home page and the printable report; and every challenge page laid out
//! within a phone's 390 px.

use std::time::Duration;

use e2e::{
    Browser, BrowserOptions, PAGE_WAIT, PHONE, PythonPeer, Relay, open_page, run_python, wait_until,
};

/// A check waits for a program for up to the checker's step time; a debug relay on a loaded
/// machine adds to it.
const CHECK_WAIT: Duration = Duration::from_secs(3 * PAGE_WAIT.as_secs());

async fn english(browser: &Browser, relay: &Relay, path: &str) {
    open_page(browser, relay, "/").await;
    browser
        .eval("localStorage.setItem('netlab.lang', 'en'); localStorage.removeItem('netlab.challenges')")
        .await;
    browser.goto(&format!("{}{path}", relay.base())).await;
}

/// The reference program (`tests/python/challenges/udp_sender.py`) sends `text` in
/// `encoding` from a port the OS picks, and exits.
async fn send(port: &str, text: &str, encoding: &str) {
    let args = ["--port", port, "--text", text, "--encoding", encoding];
    run_python("challenges/udp_sender", &args, PAGE_WAIT)
        .await
        .assert_success();
}

/// Presses "Check my program" and reads the checker's port and sentence from the setup.
async fn start(browser: &Browser) -> (String, String) {
    browser
        .wait_for("[data-testid=chal-check]:not([disabled])", PAGE_WAIT)
        .await;
    browser.click("[data-testid=chal-check]").await;
    browser
        .wait_for("[data-testid=chal-setup-checker]", PAGE_WAIT)
        .await;
    let checker = browser.text("[data-testid=chal-setup-checker]").await;
    let (host, port) = checker.rsplit_once(':').expect("host:port");
    assert_eq!(host, "127.0.0.1");
    let text = browser.text("[data-testid=chal-setup-text]").await;
    assert!(!text.is_empty());
    (port.to_owned(), text)
}

fn row(check: &str) -> String {
    format!("[data-testid=check-row][data-check={check}]")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gbk_sender_passes_and_a_utf8_sender_fails_the_bytes_check_with_its_hint() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    english(&browser, &relay, "/challenges/udp-sender").await;
    browser
        .wait_for(
            "[data-testid=challenge][data-challenge=udp-sender]",
            PAGE_WAIT,
        )
        .await;

    // A correct program, run twice: each run from a port the OS picked.
    let (port, text) = start(&browser).await;
    // The starter file now names the checker's real port and sentence.
    let starter = browser.text("[data-testid=chal-starter] pre").await;
    assert!(
        starter.contains(&format!("CHECKER_ADDR = (\"127.0.0.1\", {port})")),
        "{starter}"
    );
    assert!(starter.contains(&format!("TEXT = \"{text}\"")), "{starter}");
    send(&port, &text, "gbk").await;
    browser
        .wait_for(
            &format!("{}[data-outcome=pass]", row("sentence_bytes")),
            CHECK_WAIT,
        )
        .await;
    send(&port, &text, "gbk").await;
    browser
        .wait_for("[data-testid=chal-status][data-state=passed]", CHECK_WAIT)
        .await;
    for check in [
        "datagram_arrived",
        "sentence_bytes",
        "source_port_chosen_by_os",
    ] {
        assert_eq!(
            browser.attr(&row(check), "data-outcome").await.as_deref(),
            Some("pass"),
            "{check}"
        );
    }
    assert!(
        !browser
            .exists("[data-testid=check-row][data-outcome=fail]")
            .await
    );
    // "Run it again" was a prompt: the second run's own check replaced it.
    assert!(
        !browser
            .exists("[data-testid=check-row][data-outcome=info]")
            .await
    );
    // What arrived is shown as the bytes the wire carried: the sentence in GBK.
    let gbk_hex = browser
        .attr(
            &format!(
                "{} [data-testid=check-received] .bytes",
                row("sentence_bytes")
            ),
            "data-hex",
        )
        .await
        .unwrap();
    assert_eq!(
        gbk_hex, "C4 E3 BA C3 A3 AC CD F8 C2 E7 A3 A1",
        "你好，网络！ in GBK"
    );
    browser
        .wait_for("[data-testid=chal-badge][data-state=first-try]", PAGE_WAIT)
        .await;

    // A wrong program: the same sentence in UTF-8.
    let (port, text) = start(&browser).await;
    send(&port, &text, "utf-8").await;
    let failed = format!("{}[data-outcome=fail]", row("sentence_bytes"));
    browser.wait_for(&failed, CHECK_WAIT).await;
    let shots = e2e::workspace_root().join("target/e2e-artifacts/challenges");
    std::fs::create_dir_all(&shots).unwrap();
    browser
        .eval("document.querySelector('[data-testid=check-list]').scrollIntoView()")
        .await;
    browser
        .screenshot(shots.join("udp-sender-utf8-failed.png"))
        .await;
    let utf8_hex = text
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        browser
            .text(&format!("{failed} [data-testid=check-hint]"))
            .await,
        format!(
            "These are the sentence's bytes in UTF-8 ({utf8_hex}), not GBK. Use TEXT.encode(\"gbk\")."
        )
    );
    // A failed check ends the run: one more attempt, and the badge still says first try.
    browser
        .wait_for("[data-testid=chal-status][data-state=failed]", CHECK_WAIT)
        .await;
    let attempts =
        "return JSON.parse(localStorage.getItem('netlab.challenges'))['udp-sender'].attempts";
    assert_eq!(browser.eval(attempts).await, serde_json::Value::from(2));
    assert_eq!(
        browser
            .attr("[data-testid=chal-badge]", "data-state")
            .await
            .as_deref(),
        Some("first-try")
    );

    // Cancel, while the checker waits for a program that never runs: no verdict, and a
    // cancelled run is no attempt.
    start(&browser).await;
    browser.click("[data-testid=chal-cancel]").await;
    browser
        .wait_for(
            "[data-testid=chal-status][data-state=cancelled]",
            CHECK_WAIT,
        )
        .await;
    assert!(!browser.exists("[data-testid=check-row]").await);
    assert_eq!(browser.eval(attempts).await, serde_json::Value::from(2));
    browser.quit().await;
}

/// Problems a reader would notice at once: a page wider than the window, text cut off.
const OVERFLOW: &str = r#"
const problems = [];
const width = window.innerWidth;
if (document.documentElement.scrollWidth > width + 1) {
  const wide = [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
    .slice(0, 3)
    .map(e => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || '').trim().slice(0, 30)}"`);
  problems.push(`page ${document.documentElement.scrollWidth}px wide: ${wide.join('; ')}`);
}
const text = document.querySelector('main').innerText;
if (text.includes('⟦')) problems.push('a missing text');
for (const m of text.match(/\*\*[^*\n]{1,40}\*\*|`[^`\n]{1,40}`/g) || []) problems.push(`raw Markdown: ${m}`);
return problems;
"#;

/// A learner who solved challenge 1 at once and tried challenge 4 three times.
const PROGRESS: &str = r#"{"udp-sender":{"attempts":1,"solved_at":1764590400000,"first_try":true,"last_at":1764590400000,"checks":[{"check":"datagram_arrived","passed":true},{"check":"sentence_bytes","passed":true}]},"tcp-echo":{"attempts":3,"solved_at":null,"first_try":false,"last_at":1764590500000,"checks":[{"check":"server_accepts","passed":true},{"check":"echo_every_byte","passed":false}]}}"#;

#[tokio::test(flavor = "multi_thread")]
async fn progress_survives_a_reload_and_every_challenge_page_fits_a_phone() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_with(BrowserOptions {
        size: PHONE,
        lang: "en-US".into(),
    })
    .await;
    english(&browser, &relay, "/").await;
    browser
        .eval(&format!(
            "localStorage.setItem('netlab.challenges', '{PROGRESS}')"
        ))
        .await;
    browser.goto(&format!("{}/", relay.base())).await;
    assert_eq!(
        browser.text("[data-testid=home-chal-solved]").await,
        "1 of 7 solved"
    );
    browser.click("[data-testid=home-challenges-open]").await;
    browser
        .wait_for("[data-testid=challenges]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser
            .attr(
                "[data-testid=chal-card-udp-sender] [data-testid=chal-badge]",
                "data-state"
            )
            .await
            .as_deref(),
        Some("first-try")
    );
    assert_eq!(
        browser
            .text("[data-testid=chal-card-tcp-echo] [data-testid=chal-badge]")
            .await,
        "3 attempts"
    );
    assert!(
        !browser
            .exists("[data-testid=chal-card-udp-receiver] [data-testid=chal-badge]")
            .await
    );

    let shots = e2e::workspace_root().join("target/e2e-artifacts/challenges");
    std::fs::create_dir_all(&shots).unwrap();
    let mut problems = Vec::new();
    let pages = [
        "/challenges",
        "/challenges/udp-sender",
        "/challenges/udp-receiver",
        "/challenges/tcp-client",
        "/challenges/tcp-echo",
        "/challenges/file-client",
        "/challenges/file-server",
        "/challenges/my-network",
        "/challenges/report",
        // The socket lessons' last steps with their "try it yourself", and the subnet
        // calculator with "use my own address".
        "/lesson/udp/8",
        "/lesson/tcp/7",
        "/lesson/download/7",
        "/lesson/subnets/3",
    ];
    for lang in ["en", "zh-CN"] {
        browser
            .eval(&format!("localStorage.setItem('netlab.lang', '{lang}')"))
            .await;
        for path in pages {
            browser.goto(&format!("{}{path}", relay.base())).await;
            browser.wait_for("main", PAGE_WAIT).await;
            browser
                .wait_for(
                    "[data-testid=relay-status][data-state=connected]",
                    PAGE_WAIT,
                )
                .await;
            let name = path.trim_start_matches('/').replace('/', "-");
            browser
                .screenshot(shots.join(format!("{lang}-{name}.png")))
                .await;
            let found = browser
                .eval(&format!("return (() => {{ {OVERFLOW} }})();"))
                .await;
            for p in found.as_array().into_iter().flatten() {
                problems.push(format!("{lang} {path}: {}", p.as_str().unwrap_or_default()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Three failed attempts: challenge 4 offers its solution; challenge 2 (never tried) not.
    browser
        .eval("localStorage.setItem('netlab.lang', 'en')")
        .await;
    browser
        .goto(&format!("{}/challenges/tcp-echo", relay.base()))
        .await;
    browser.click("[data-testid=chal-show-solution]").await;
    let solution = browser.text("[data-testid=chal-solution] pre").await;
    assert!(
        solution.contains("client_socket.sendall(data)"),
        "{solution}"
    );
    assert!(solution.contains("# recv returned 0 bytes: the client is done."));
    browser
        .goto(&format!("{}/challenges/udp-receiver", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=chal-starter]", PAGE_WAIT)
        .await;
    assert!(!browser.exists("[data-testid=chal-show-solution]").await);

    // The report, for a teacher: each challenge, its state and its checks.
    browser
        .goto(&format!("{}/challenges/report", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=chal-report]", PAGE_WAIT)
        .await;
    let solved = browser
        .text("[data-testid=report-udp-sender] [data-testid=report-state]")
        .await;
    assert!(
        solved.starts_with("Solved on the first try, 2025-12-01 "),
        "{solved}"
    );
    let tried = browser
        .text("[data-testid=report-tcp-echo] [data-testid=report-state]")
        .await;
    assert!(
        tried.starts_with("Not solved yet: 3 attempts, the last on "),
        "{tried}"
    );
    assert_eq!(
        browser
            .text("[data-testid=report-tcp-echo] li[data-passed=false]")
            .await,
        "✗ Every byte came back, in order"
    );
    assert_eq!(
        browser
            .text("[data-testid=report-file-server] [data-testid=report-state]")
            .await,
        "Not tried yet."
    );

    // The socket lessons end with their challenges.
    browser
        .goto(&format!("{}/lesson/udp/8", relay.base()))
        .await;
    browser.wait_for("[data-testid=try-link]", PAGE_WAIT).await;
    browser.click("[data-testid=try-link] a").await;
    browser
        .wait_for(
            "[data-testid=challenge][data-challenge=udp-sender]",
            PAGE_WAIT,
        )
        .await;
    browser.quit().await;
}

/// `ip -j -4 ARGS` as JSON: the OS's own view, independent of the relay.
fn ip_json(args: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new("ip")
        .args(["-j", "-4"])
        .args(args)
        .output()
        .expect("ip runs");
    assert!(out.status.success(), "ip {args:?} failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The IPv4 address the challenge should ask about, as the OS lists them: the one on the
/// interface of the default route, else any but loopback, else 127.0.0.1/8 (a namespace with
/// loopback only). With its network and broadcast address.
fn my_network() -> (
    std::net::Ipv4Addr,
    u8,
    std::net::Ipv4Addr,
    std::net::Ipv4Addr,
) {
    use std::net::Ipv4Addr;
    let default_dev: Option<String> = ip_json(&["route"])
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dst"] == "default")
        .and_then(|r| r["dev"].as_str().map(str::to_owned));
    let mut all: Vec<(String, Ipv4Addr, u8)> = Vec::new();
    for iface in ip_json(&["addr"]).as_array().unwrap() {
        if !iface["flags"].as_array().unwrap().iter().any(|f| f == "UP") {
            continue;
        }
        for a in iface["addr_info"].as_array().unwrap() {
            all.push((
                iface["ifname"].as_str().unwrap().to_owned(),
                a["local"].as_str().unwrap().parse().unwrap(),
                a["prefixlen"].as_u64().unwrap() as u8,
            ));
        }
    }
    let (_, addr, prefix) = all
        .iter()
        .find(|(name, _, _)| Some(name) == default_dev.as_ref())
        .or_else(|| all.iter().find(|(_, a, _)| !a.is_loopback()))
        .or_else(|| all.first())
        .cloned()
        .expect("an IPv4 address, at least 127.0.0.1");
    assert!(
        prefix <= 30,
        "{addr}/{prefix}: the test asks for a subnet with hosts"
    );
    let mask = u32::MAX << (32 - prefix);
    let network = Ipv4Addr::from_bits(addr.to_bits() & mask);
    let broadcast = Ipv4Addr::from_bits(addr.to_bits() | !mask);
    (addr, prefix, network, broadcast)
}

/// The machine's own address, read by the relay and graded by netmath: 127.0.0.1/8 in a
/// namespace with loopback only, the host's address on a machine with a network. Expected
/// figures come from `ip`, not from the relay.
#[tokio::test(flavor = "multi_thread")]
async fn your_own_network_is_read_from_the_relay_and_graded_with_netmath() {
    let (addr, prefix, network, broadcast) = my_network();
    let mask = std::net::Ipv4Addr::from_bits(u32::MAX << (32 - prefix));
    let cidr = format!("{addr}/{prefix}");
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    english(&browser, &relay, "/challenges/my-network").await;
    browser
        .wait_for(
            "[data-testid=chal-ask-interfaces]:not([disabled])",
            PAGE_WAIT,
        )
        .await;
    browser.click("[data-testid=chal-ask-interfaces]").await;
    browser
        .wait_for_text("[data-testid=chal-interfaces]", &cidr, PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=chal-net-mine]").await,
        format!("Your address: {cidr} (mask {mask}).")
    );

    // Wrong answers first: one past the network address, one bit off the broadcast.
    let wrong_network = std::net::Ipv4Addr::from_bits(network.to_bits() + 1);
    let wrong_broadcast = std::net::Ipv4Addr::from_bits(broadcast.to_bits() - 1);
    browser
        .type_into("[data-testid=chal-q-network]", &wrong_network.to_string())
        .await;
    browser
        .type_into(
            "[data-testid=chal-q-broadcast]",
            &wrong_broadcast.to_string(),
        )
        .await;
    browser.click("[data-testid=chal-q-inside-direct]").await;
    browser.click("[data-testid=chal-q-outside-direct]").await;
    browser.click("[data-testid=chal-net-check]").await;
    let failed = "[data-testid=check-row][data-outcome=fail]";
    browser.wait_count(failed, 3, PAGE_WAIT).await;
    assert_eq!(
        browser
            .text(&format!(
                "{} [data-testid=check-hint]",
                row("network_address")
            ))
            .await,
        "AND your address with the mask: every host bit becomes 0."
    );
    assert_eq!(
        browser
            .attr(&row("reach_inside"), "data-outcome")
            .await
            .as_deref(),
        Some("pass")
    );
    assert_eq!(
        browser
            .text(&format!(
                "{} [data-testid=check-hint]",
                row("reach_outside")
            ))
            .await,
        "This address lies outside your subnet, so it goes through the default gateway."
    );

    // Then right: the network and broadcast addresses, and the next subnet's address goes
    // through the gateway.
    browser
        .type_into("[data-testid=chal-q-network]", &network.to_string())
        .await;
    browser
        .type_into("[data-testid=chal-q-broadcast]", &broadcast.to_string())
        .await;
    browser.click("[data-testid=chal-q-outside-gateway]").await;
    browser.click("[data-testid=chal-net-check]").await;
    browser.wait_count(failed, 0, PAGE_WAIT).await;
    browser
        .wait_count("[data-testid=check-row][data-outcome=pass]", 4, PAGE_WAIT)
        .await;
    assert_eq!(
        browser
            .attr("[data-testid=chal-badge]", "data-state")
            .await
            .as_deref(),
        Some("solved"),
        "solved, on the second attempt"
    );

    // The subnet calculator takes the learner's own address.
    browser
        .goto(&format!("{}/lesson/subnets/3", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=use-my-address]:not([disabled])", PAGE_WAIT)
        .await;
    browser.click("[data-testid=use-my-address]").await;
    browser
        .wait_for_text(
            "[data-testid=cidr-network]",
            &network.to_string(),
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=cidr-broadcast]").await,
        broadcast.to_string()
    );
    browser.quit().await;
}

/// Every challenge's solution, as the page shows it (filled in from the run's setup), passes
/// the relay's checker: the page never offers a wrong answer.
#[tokio::test(flavor = "multi_thread")]
async fn every_solution_the_page_shows_passes_its_checker() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    english(&browser, &relay, "/").await;
    // Three failed attempts everywhere: every solution is offered.
    let failed: Vec<String> = [
        "udp-sender",
        "udp-receiver",
        "tcp-client",
        "tcp-echo",
        "file-client",
        "file-server",
    ]
    .iter()
    .map(|s| format!("\"{s}\":{{\"attempts\":3,\"first_try\":false,\"checks\":[]}}"))
    .collect();
    browser
        .eval(&format!(
            "localStorage.setItem('netlab.challenges', '{{{}}}')",
            failed.join(",")
        ))
        .await;
    let dir = tempfile::tempdir().unwrap();

    // The client challenges: press Check, then run the solution.
    for slug in ["udp-sender", "tcp-client", "file-client"] {
        let code = open_solution(&browser, &relay, slug, true).await;
        let program = write_program(dir.path(), slug, &code, None);
        match slug {
            "udp-sender" => {
                run_python(&program, &[], PAGE_WAIT).await.assert_success();
                let prompt = format!("{}[data-outcome=info]", row("second_run_arrived"));
                browser.wait_for(&prompt, CHECK_WAIT).await;
                run_python(&program, &[], PAGE_WAIT).await.assert_success();
            }
            "tcp-client" => {
                run_python(&program, &[], CHECK_WAIT).await.assert_success();
            }
            _ => {
                let out = run_python(&program, &[], CHECK_WAIT).await;
                out.assert_success();
                let sha = out.stdout.lines().last().unwrap_or_default().to_owned();
                assert_eq!(sha.len(), 64, "{}", out.stdout);
                browser.type_into("[data-testid=chal-answer]", &sha).await;
                browser.click("[data-testid=chal-answer-send]").await;
            }
        }
        passed(&browser, slug).await.unwrap();
    }

    // The server challenges: the program runs first, then Check.
    for slug in ["udp-receiver", "tcp-echo"] {
        let code = open_solution(&browser, &relay, slug, false).await;
        let program = write_program(dir.path(), slug, &code, None);
        let _server = PythonPeer::start(&program, &[]);
        if slug == "udp-receiver" {
            wait_until("the program holds UDP 7788", PAGE_WAIT, || {
                std::net::UdpSocket::bind(("127.0.0.1", 7788)).is_err()
            })
            .await;
        } else {
            wait_until("the program listens on TCP 7788", PAGE_WAIT, || {
                std::net::TcpStream::connect(("127.0.0.1", 7788)).is_ok()
            })
            .await;
        }
        start_run(&browser).await;
        passed(&browser, slug).await.unwrap();
    }
    // The file server starts in the folder the relay prepared (the checker waits for it).
    let code = open_solution(&browser, &relay, "file-server", true).await;
    let folder = browser.text("[data-testid=chal-setup-folder]").await;
    let program = write_program(dir.path(), "file-server", &code, Some(&folder));
    let server = PythonPeer::start(&program, &[]);
    if let Err(e) = passed(&browser, "file-server").await {
        panic!("{e}\nthe server said: {}", server.stderr_so_far());
    }
    browser.quit().await;
}

/// The program's text as a file the test runs: UTF-8 (the page's download is GBK; the
/// program's meaning is the same), working in `folder` when it serves one, else in `dir` (the
/// file client saves what it downloaded there). Returns the path without `.py`, as the Python
/// helpers take it.
fn write_program(dir: &std::path::Path, slug: &str, code: &str, folder: Option<&str>) -> String {
    let cwd = folder.map_or_else(|| dir.to_string_lossy().into_owned(), str::to_owned);
    let text = code.replacen("coding: gbk", "coding: utf-8", 1);
    let text = format!("import os\nos.chdir({cwd:?})\n{text}");
    let path = dir.join(format!("{}.py", slug.replace('-', "_")));
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().trim_end_matches(".py").to_owned()
}

async fn start_run(browser: &Browser) {
    browser
        .wait_for("[data-testid=chal-check]:not([disabled])", PAGE_WAIT)
        .await;
    browser.click("[data-testid=chal-check]").await;
    browser
        .wait_for("[data-testid=chal-setup]", PAGE_WAIT)
        .await;
}

/// Opens `slug`, shows its solution, presses Check first when `check` (then the solution is
/// filled in from the run's setup), and returns the solution's text.
async fn open_solution(browser: &Browser, relay: &Relay, slug: &str, check: bool) -> String {
    browser
        .goto(&format!("{}/challenges/{slug}", relay.base()))
        .await;
    browser.click("[data-testid=chal-show-solution]").await;
    if check {
        start_run(browser).await;
    }
    browser.text("[data-testid=chal-solution] pre").await
}

/// Waits for the run's end: `Err` with the checks when it did not pass.
async fn passed(browser: &Browser, slug: &str) -> Result<(), String> {
    browser
        .wait_for(
            "[data-testid=chal-status]:not([data-state=running])",
            CHECK_WAIT,
        )
        .await;
    let state = browser
        .attr("[data-testid=chal-status]", "data-state")
        .await;
    if state.as_deref() == Some("passed") {
        return Ok(());
    }
    let rows = browser.text("[data-testid=check-list]").await;
    Err(format!("{slug}: {state:?}\n{rows}"))
}
