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
