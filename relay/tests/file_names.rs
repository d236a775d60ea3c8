//! Windows' file-name hazards through the relay's real file server and downloader, on every
//! system: device names, alternate data streams, drive-relative and UNC names, trailing dots
//! and spaces are refused with their reason; a name that matches only in case is not served;
//! a download whose name is taken in another case is saved as `NAME (1)`.

mod common;

use common::{Client, raw_get, start_with};
use protocol::{
    DownloadMode, DownloadStatus, RefuseReason, Reply, Request, ServeOutcome, ServerMessage,
};
use relay::config::Config;

async fn served(c: &mut Client) -> protocol::ServedReport {
    match c
        .event_where(|m| matches!(m, ServerMessage::FileServed(_)))
        .await
    {
        ServerMessage::FileServed(r) => r,
        _ => unreachable!(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windows_name_hazards_are_refused_and_case_must_match() {
    let served_dir = tempfile::tempdir().unwrap();
    std::fs::write(served_dir.path().join("Hello.txt"), b"hi").unwrap();
    let downloads = tempfile::tempdir().unwrap();
    // Taken already, in another case than the download below will want.
    std::fs::write(downloads.path().join("[接收]HELLO.TXT"), b"old").unwrap();
    let relay = start_with(Config {
        files: Some(served_dir.path().to_path_buf()),
        downloads: Some(downloads.path().to_path_buf()),
        ..Config::default()
    })
    .await;
    let mut c = relay.client().await;
    let port = match c
        .ok(Request::FileServerStart {
            port: 0,
            read_whole: false,
        })
        .await
    {
        Reply::FileServer { local, .. } => local.port(),
        other => panic!("expected file_server, got {other:?}"),
    };

    let cases: [(&[u8], RefuseReason); 11] = [
        (b"NUL", RefuseReason::ReservedName),
        (b"con.txt", RefuseReason::ReservedName),
        (b"COM1", RefuseReason::ReservedName),
        (b"lpt9.log", RefuseReason::ReservedName),
        (b"Hello.txt:secret", RefuseReason::AlternateStream),
        (b"Hello.txt::$DATA", RefuseReason::AlternateStream),
        (b"C:Hello.txt", RefuseReason::DriveRelative),
        (b"\\\\host\\share\\Hello.txt", RefuseReason::Unc),
        (b"Hello.txt.", RefuseReason::TrailingDotOrSpace),
        (b"Hello.txt ", RefuseReason::TrailingDotOrSpace),
        (b"hello.txt", RefuseReason::CaseMismatch),
    ];
    for (name, reason) in cases {
        assert_eq!(raw_get(port, name).await, b"", "{reason:?}");
        let r = served(&mut c).await;
        assert_eq!(
            (r.outcome, r.reason),
            (ServeOutcome::Refused, Some(reason)),
            "{:?}",
            String::from_utf8_lossy(name)
        );
    }
    assert_eq!(raw_get(port, b"Hello.txt").await, b"hi");
    assert_eq!(served(&mut c).await.outcome, ServeOutcome::Sent);

    // The downloader: `[接收]Hello.txt` is taken as `[接收]HELLO.TXT` on Windows and macOS.
    let id = match c
        .ok(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: "Hello.txt".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await
    {
        Reply::DownloadStarted { download } => download,
        other => panic!("expected download_started, got {other:?}"),
    };
    let report = match c
        .event_where(|m| matches!(m, ServerMessage::DownloadFinished(r) if r.download == id))
        .await
    {
        ServerMessage::DownloadFinished(r) => r,
        _ => unreachable!(),
    };
    assert_eq!(report.status, DownloadStatus::Complete, "{report:?}");
    let saved = report.saved_as.unwrap();
    assert!(saved.ends_with("[接收]Hello (1).txt"), "{saved}");
    assert_eq!(
        std::fs::read(downloads.path().join("[接收]Hello (1).txt")).unwrap(),
        b"hi"
    );
    assert_eq!(
        std::fs::read(downloads.path().join("[接收]HELLO.TXT")).unwrap(),
        b"old"
    );
}
