//! A learner's runaway sender against the peer panel: 20,000 datagrams at 10,000 a second. The
//! page must show the exact total and stay responsive: its main thread answers a trivial script
//! quickly during the flood and at once after it, and it draws the log about ten times a
//! second, not on every frame.
//!
//! Exact means: every datagram the relay's socket received. On a busy machine the kernel may
//! drop a few before the relay reads them (its socket buffer holds about 200); it counts those
//! in /proc/net/snmp (`RcvbufErrors`, per network namespace: run this test in one of its own,
//! as every e2e test here is run), so the expected total is what was sent minus those.

use std::net::UdpSocket;
use std::time::{Duration, Instant};

use e2e::{Browser, PAGE_WAIT, Relay, free_udp_port, open_page, start_panel_on};

const FLOOD: usize = 20_000;
const SIZE: usize = 100;

/// The namespace's UDP counters: (datagrams delivered to sockets, dropped for a full buffer).
fn udp_counters() -> (u64, u64) {
    let snmp = std::fs::read_to_string("/proc/net/snmp").unwrap();
    let mut lines = snmp.lines().filter(|l| l.starts_with("Udp:"));
    let (names, values) = (lines.next().unwrap(), lines.next().unwrap());
    let field = |name: &str| -> u64 {
        let i = names.split_whitespace().position(|n| n == name).unwrap();
        values.split_whitespace().nth(i).unwrap().parse().unwrap()
    };
    (field("InDatagrams"), field("RcvbufErrors"))
}

/// `12345` as "12,345".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A trivial script's round trip through WebDriver: how long the page's main thread takes to
/// get to it.
async fn round_trip(browser: &Browser) -> Duration {
    let start = Instant::now();
    browser.eval("return 1").await;
    start.elapsed()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_datagrams_is_counted_exactly_and_the_page_stays_responsive() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    open_page(&browser, &relay, "/panel").await;
    browser
        .wait_for("[data-testid=peer-panel]", PAGE_WAIT)
        .await;
    let port = free_udp_port();
    start_panel_on(&browser, port).await;

    // Each time the log's lines change, on the page's clock (a draw's mutations come within a
    // few ms of each other, one draw's apart from the next's).
    browser
        .eval(
            "window.__draws = []; \
             new MutationObserver(() => window.__draws.push(performance.now())) \
               .observe(document.querySelector('[data-testid=panel-log]'), {childList: true}); \
             return 1",
        )
        .await;
    let before = udp_counters();
    let flooder = std::thread::spawn(move || {
        let peer = UdpSocket::bind("127.0.0.1:0").unwrap();
        let payload = [b'x'; SIZE];
        // 10,000 a second, in bursts of 50 (well past what a page drawing every datagram
        // keeps up with).
        let start = Instant::now();
        for burst in 0..FLOOD / 50 {
            for _ in 0..50 {
                peer.send_to(&payload, ("127.0.0.1", port)).unwrap();
            }
            let due = start + Duration::from_millis(5 * (burst as u64 + 1));
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
        }
    });
    let mut during = Duration::ZERO;
    while !flooder.is_finished() {
        during = during.max(round_trip(&browser).await);
    }
    flooder.join().unwrap();

    let after = udp_counters();
    let dropped = after.1 - before.1;
    let received = FLOOD as u64 - dropped;
    assert_eq!(after.0 - before.0, received, "nothing else was received");
    assert!(
        dropped < FLOOD as u64 / 20,
        "{dropped} dropped by the kernel: no flood to speak of"
    );

    // Every datagram counted, exactly: 1 "bound" note + the datagrams were lines or only
    // counted; the latest 500 lines are shown, the rest are said not to be.
    let totals = browser
        .wait_for_text(
            "[data-testid=panel-log-totals]",
            &format!("{} datagrams received, 2.0 MB, ", grouped(received)),
            PAGE_WAIT,
        )
        .await;
    let skipped = grouped(1 + received - 500);
    assert!(
        totals.ends_with(&format!(
            "/s — showing the latest 500 lines, {skipped} not shown"
        )),
        "{totals}"
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('[data-testid=panel-log] > li').length")
            .await,
        500
    );
    // The rate was the flood's while it lasted; a second after it, nothing arrives: 0/s, with
    // the counts unchanged.
    browser
        .wait_for("[data-testid=panel-log-totals][data-rate=\"0\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=panel-log-totals]").await,
        format!(
            "{} datagrams received, 2.0 MB, 0/s — showing the latest 500 lines, {skipped} not shown",
            grouped(received)
        )
    );
    // The page drew the log about ten times a second, not on every one of sixty frames: no
    // two draws less than the relay connection's gap apart (100 ms, less the slack of a timer
    // and of how long each draw took before its lines changed).
    let draws: Vec<f64> =
        serde_json::from_value(browser.eval("return window.__draws").await).expect("draw times");
    let mut starts = vec![draws[0]];
    for t in &draws {
        if t - starts.last().unwrap() > 20.0 {
            starts.push(*t);
        }
    }
    let closest = starts
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::INFINITY, f64::min);
    assert!(
        starts.len() >= 5 && closest >= 60.0,
        "{} draws during the 2 s flood, the closest {closest:.0} ms apart: {starts:?}",
        starts.len()
    );
    let settled = round_trip(&browser).await;
    assert!(
        settled < Duration::from_millis(100),
        "the page took {settled:?} to answer a trivial script after the flood"
    );
    assert!(
        during < Duration::from_millis(500),
        "the page froze for {during:?} during the flood"
    );
}
