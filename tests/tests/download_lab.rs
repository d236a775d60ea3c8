//! The TCP file-download lab end to end: the page starts the relay's course file server, the
//! relay's downloader fetches a multi-MiB sample to disk with progress and a matching checksum,
//! the course client's single recv(1024) truncates a file visibly, and "../../etc/passwd" is
//! refused. Downloads go to a temporary folder (`--downloads`).

use std::time::Duration;

use e2e::{Browser, PAGE_WAIT, Relay, free_tcp_port, open_step};

/// A multi-MiB download in a debug build on a loaded machine takes longer than a render.
const DOWNLOAD_WAIT: Duration = Duration::from_secs(2 * PAGE_WAIT.as_secs());

async fn open_lab(browser: &Browser, relay: &Relay, step: usize) {
    open_step(browser, relay, "download", step).await;
    browser
        .type_into("[data-testid=download-port]", &free_tcp_port().to_string())
        .await;
    browser.click("[data-testid=download-server-start]").await;
    browser
        .wait_for("[data-testid=download-server-on]", DOWNLOAD_WAIT)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_multi_mib_sample_downloads_whole_with_a_matching_checksum() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_str().unwrap().to_owned();
    let relay = Relay::start(&["--downloads", &dir]);
    let browser = Browser::start().await;
    open_lab(&browser, &relay, 6).await;

    browser
        .type_into("[data-testid=download-name]", "photo.bin")
        .await;
    browser
        .select("[data-testid=download-mode]", "until_end")
        .await;
    browser.click("[data-testid=download-start]").await;
    browser
        .wait_for(
            "[data-testid=download-report][data-match=true]",
            DOWNLOAD_WAIT,
        )
        .await;
    let size = (6 * 1024 * 1024 + 123).to_string();
    assert_eq!(browser.text("[data-testid=download-got-size]").await, size);
    assert_eq!(browser.text("[data-testid=download-want-size]").await, size);
    let progressed = browser
        .attr("[data-testid=download-progress]", "data-received")
        .await;
    assert_eq!(
        progressed.as_deref(),
        Some(size.as_str()),
        "the progress bar reached the end"
    );

    // On disk: the whole file under the course's name, and no temporary file left.
    let saved = downloads.path().join("[接收]photo.bin");
    assert_eq!(std::fs::metadata(&saved).unwrap().len().to_string(), size);
    let names: Vec<String> = std::fs::read_dir(downloads.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["[接收]photo.bin".to_owned()]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_course_client_truncates_at_1024_bytes_and_traversal_is_refused() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_str().unwrap().to_owned();
    let relay = Relay::start(&["--downloads", &dir]);
    let browser = Browser::start().await;
    open_lab(&browser, &relay, 2).await;

    // Step 2 starts with poem.txt in the course client's mode: one recv(1024).
    browser.click("[data-testid=download-start]").await;
    browser
        .wait_for(
            "[data-testid=download-report][data-match=false]",
            DOWNLOAD_WAIT,
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=download-got-size]").await,
        "1024"
    );
    let want: u64 = browser
        .text("[data-testid=download-want-size]")
        .await
        .parse()
        .unwrap();
    assert!(
        want > 1024,
        "the served poem is larger than one recv: {want}"
    );
    let saved = downloads.path().join("[接收]poem.txt");
    assert_eq!(std::fs::metadata(&saved).unwrap().len(), 1024);

    // Path traversal: nothing is sent, nothing saved, and the server's log says why.
    browser
        .goto(&format!("{}/lesson/download/4", relay.base()))
        .await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"4\"]", DOWNLOAD_WAIT)
        .await;
    browser
        .wait_for(
            "[data-testid=relay-status][data-state=connected]",
            DOWNLOAD_WAIT,
        )
        .await;
    browser
        .type_into("[data-testid=download-port]", &free_tcp_port().to_string())
        .await;
    browser.click("[data-testid=download-server-start]").await;
    browser
        .wait_for("[data-testid=download-server-on]", DOWNLOAD_WAIT)
        .await;
    browser
        .type_into("[data-testid=download-name]", "../../etc/passwd")
        .await;
    browser.click("[data-testid=download-start]").await;
    browser
        .wait_for("[data-testid=download-report]", DOWNLOAD_WAIT)
        .await;
    assert_eq!(browser.text("[data-testid=download-got-size]").await, "0");
    browser
        .wait_for(
            "[data-testid=download-log] li[data-outcome=refused]",
            DOWNLOAD_WAIT,
        )
        .await;
    assert!(!downloads.path().join("[接收]passwd").exists());
}

/// Issue 13 item 1: the server started on step 2 is the server of steps 3 to 6. On step 3 it
/// shows as running (no second start, no EADDRINUSE), downloads go to it, and its log shows
/// what it did for an empty file and for a missing one.
#[tokio::test(flavor = "multi_thread")]
async fn the_server_started_on_step_2_serves_step_3_and_logs_missing_against_empty() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_str().unwrap().to_owned();
    let relay = Relay::start(&["--downloads", &dir]);
    let browser = Browser::start().await;
    open_lab(&browser, &relay, 2).await;
    let on_step_2 = browser.text("[data-testid=download-server-on]").await;

    browser.click("[data-testid=step-next]").await;
    browser
        .wait_for("[data-testid=lesson][data-step=\"3\"]", PAGE_WAIT)
        .await;
    assert_eq!(
        browser.text("[data-testid=download-server-on]").await,
        on_step_2,
        "step 3 shows the server step 2 started"
    );

    // Step 3 suggests empty.txt: 0 bytes, and the server's log says it sent 0 bytes.
    browser
        .select("[data-testid=download-mode]", "until_end")
        .await;
    browser.click("[data-testid=download-start]").await;
    browser
        .wait_for("[data-testid=download-report]", DOWNLOAD_WAIT)
        .await;
    assert_eq!(browser.text("[data-testid=download-got-size]").await, "0");
    assert_eq!(browser.text("[data-testid=download-want-size]").await, "0");
    let empty = "[data-testid=download-log] li[data-outcome=sent][data-name=\"empty.txt\"]";
    browser.wait_for(empty, DOWNLOAD_WAIT).await;

    // nope.txt: the same 0 bytes on the wire, but the log says there is no such file.
    browser
        .type_into("[data-testid=download-name]", "nope.txt")
        .await;
    browser.click("[data-testid=download-start]").await;
    let missing = "[data-testid=download-log] li[data-outcome=missing][data-name=\"nope.txt\"]";
    browser.wait_for(missing, DOWNLOAD_WAIT).await;
    browser
        .wait_for(
            "[data-testid=download-verdict][data-verdict=missing]",
            DOWNLOAD_WAIT,
        )
        .await;
    // Both lines stay in the log, side by side: that is the only place they differ.
    assert!(browser.exists(empty).await);
    assert_eq!(browser.text("[data-testid=download-got-size]").await, "0");
    assert_eq!(browser.text("[data-testid=download-want-size]").await, "–");
    assert!(!browser.exists("[data-testid=download-error]").await);
}

/// Clicks Next until step `to` shows (the page stays loaded, so the lab's server stays).
async fn next_to(browser: &Browser, to: usize) {
    browser.click("[data-testid=step-next]").await;
    browser
        .wait_for(
            &format!("[data-testid=lesson][data-step=\"{to}\"]"),
            PAGE_WAIT,
        )
        .await;
}

/// Clicks the button matching `css` once it is enabled (a click on a disabled one is lost).
async fn click_enabled(browser: &Browser, css: &str) {
    browser
        .wait_for(&format!("{css}:not([disabled])"), DOWNLOAD_WAIT)
        .await;
    browser.click(css).await;
}

/// Picks option `option` of the prediction `id`, checks it, and returns the page's verdict.
async fn predict(browser: &Browser, id: &str, option: usize) -> String {
    let group = format!("[data-testid=predict-{id}]");
    browser
        .click(&format!("{group} input[value=\"{option}\"]"))
        .await;
    browser
        .click(&format!("{group} [data-testid=predict-check]"))
        .await;
    browser
        .wait_for(&format!("{group} [data-testid=predict-verdict]"), PAGE_WAIT)
        .await;
    browser
        .attr(&group, "data-result")
        .await
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn step_1_asks_what_one_recv_saves_and_checks_the_answer() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "download", 1).await;
    assert_eq!(predict(&browser, "protocol", 0).await, "wrong");
    assert_eq!(predict(&browser, "protocol", 1).await, "right");
}

/// Step 5, live: the page's own client sends "po", waits 1 s, sends "em.txt"; the server's log
/// shows it took "po" as the whole name. Sent in one piece, the file comes back in several
/// recv(1024)s and is known complete only when recv returns 0.
#[tokio::test(flavor = "multi_thread")]
async fn framing_a_name_in_two_pieces_is_taken_as_its_first_piece() {
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_lab(&browser, &relay, 2).await;
    next_to(&browser, 3).await;
    next_to(&browser, 4).await;
    next_to(&browser, 5).await;
    browser
        .wait_for("[data-testid=download-server-on]", PAGE_WAIT)
        .await;
    assert_eq!(predict(&browser, "framing", 1).await, "right");

    browser.click("[data-testid=framing-two]").await;
    let po = "[data-testid=download-log] li[data-outcome=missing][data-name=po]";
    browser.wait_for(po, DOWNLOAD_WAIT).await;
    browser
        .wait_for(
            "[data-testid=framing-turns] li[data-turn=paused]",
            PAGE_WAIT,
        )
        .await;
    browser
        .wait_for(
            "[data-testid=framing-turns] li[data-turn=end]",
            DOWNLOAD_WAIT,
        )
        .await;
    // "em.txt" goes to a server that has already closed: sent, or refused with a reset.
    click_enabled(&browser, "[data-testid=framing-one]").await;
    let poem = "[data-testid=framing-turns][data-received=\"4760\"]";
    browser.wait_for(poem, DOWNLOAD_WAIT).await;
    let end = browser
        .wait_for_text(
            "[data-testid=framing-turns] li[data-turn=end]",
            "4760",
            DOWNLOAD_WAIT,
        )
        .await;
    assert!(end.starts_with("recv(1024) -> 0 "), "{end}");
    let sent = "[data-testid=framing-turns] li[data-turn=sent]";
    browser.wait_count(sent, 1, DOWNLOAD_WAIT).await;
    let recvs: Vec<u64> = browser
        .eval(
            "return [...document.querySelectorAll('[data-testid=framing-turns] li[data-turn=recv]')]\
             .map(li => parseInt(li.textContent.split('-> ')[1]))",
        )
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert_eq!(recvs.iter().sum::<u64>(), 4760, "{recvs:?}");
    assert!(
        recvs.len() >= 5 && recvs.iter().all(|n| *n <= 1024),
        "{recvs:?}"
    );
    let poem = "[data-testid=download-log] li[data-outcome=sent][data-name=\"poem.txt\"]";
    browser.wait_for(poem, DOWNLOAD_WAIT).await;
}

/// Step 7, live: served the course's way, photo.bin is held whole in the relay's memory (the
/// log line says so, and on Linux the relay's memory grew by about its size); streamed, not.
#[tokio::test(flavor = "multi_thread")]
async fn the_course_servers_whole_file_in_memory_shows_in_the_relays_memory() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_str().unwrap().to_owned();
    let relay = Relay::start(&["--downloads", &dir]);
    let browser = Browser::start().await;
    open_lab(&browser, &relay, 6).await;
    next_to(&browser, 7).await;
    assert_eq!(predict(&browser, "memory", 1).await, "right");

    let size = (6 * 1024 * 1024 + 123).to_string();
    browser.click("[data-testid=memory-whole]").await;
    browser
        .wait_for(
            &format!("[data-testid=memory-figures][data-outcome=sent][data-held=\"{size}\"]"),
            DOWNLOAD_WAIT,
        )
        .await;
    assert_eq!(browser.text("[data-testid=memory-held]").await, "6.0 MiB");
    #[cfg(target_os = "linux")]
    {
        let grew: u64 = browser
            .attr("[data-testid=memory-verdict]", "data-grew")
            .await
            .unwrap()
            .parse()
            .unwrap();
        let size: u64 = size.parse().unwrap();
        assert!(grew >= size * 9 / 10, "the relay grew by {grew} for {size}");
    }

    click_enabled(&browser, "[data-testid=memory-stream]").await;
    browser
        .wait_for(
            "[data-testid=memory-figures][data-outcome=sent][data-held=\"0\"]",
            DOWNLOAD_WAIT,
        )
        .await;
    let grew = browser
        .attr("[data-testid=memory-verdict]", "data-grew")
        .await;
    assert_eq!(grew.as_deref(), Some("0"), "streamed: no file held");
}
