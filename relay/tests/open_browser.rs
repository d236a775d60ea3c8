//! How the relay opens the browser (issue 12): through a private redirect file, so the
//! launcher's command line (readable by every local user in /proc/PID/cmdline) never carries
//! the token. A stand-in browser (`$BROWSER`) records the arguments it was given.

mod common;

use std::io::{BufRead as _, BufReader};
use std::os::unix::fs::PermissionsExt as _;
use std::process::{Command, Stdio};
use std::time::Duration;

#[tokio::test]
async fn the_browser_is_given_a_private_file_not_the_tokened_url() {
    let dir = tempfile::tempdir().unwrap();
    let args_file = dir.path().join("args");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}.tmp' && mv '{0}.tmp' '{0}'\n",
            args_file.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_relay"))
        .args(["--port", "0"])
        .env("BROWSER", &browser)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let url = line
        .trim_end()
        .strip_prefix("Tutorial: ")
        .expect("the Tutorial line")
        .to_owned();
    let token = url.split_once("#token=").unwrap().1.to_owned();

    // Wait for the stand-in browser to have run.
    common::wait_until(
        "the stand-in browser to run",
        Duration::from_secs(10),
        || args_file.exists(),
    )
    .await;
    let args = std::fs::read_to_string(&args_file).unwrap();
    assert!(
        !args.contains(&token),
        "the token is on the command line: {args}"
    );
    let page = args
        .lines()
        .find_map(|a| a.strip_prefix("file://"))
        .unwrap_or_else(|| panic!("no file:// argument in {args:?}"))
        .to_owned();
    assert!(page.ends_with("/open-tutorial.html"), "{page}");
    // The page, readable by this user only, leads to the tokened URL.
    let mode = std::fs::metadata(&page).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(
        text.contains(&format!("window.location.replace(\"{url}\")")),
        "{text}"
    );
    // SIGTERM: the relay stops cleanly and removes its redirect folder.
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert!(child.wait().unwrap().success());
    assert!(
        !std::path::Path::new(&page).exists(),
        "the redirect file outlived the relay"
    );
}
