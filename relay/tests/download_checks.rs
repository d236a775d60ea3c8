//! What makes a download `complete` (issue 12): verified against the relay's own server (size
//! and SHA-256, or nothing saved), "complete as far as the protocol can tell" from any other,
//! a size cap, a place among the session's sockets, and long non-ASCII names.

mod common;

use std::path::PathBuf;

use common::{Client, TestRelay, start_with};
use protocol::limits::MAX_SOCKETS_PER_SESSION;
use protocol::{
    Completeness, DownloadMode, DownloadReport, DownloadStatus, ErrorCode, Reply, Request,
    ServerMessage,
};
use relay::config::Config;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

struct Lab {
    relay: TestRelay,
    c: Client,
    downloads: tempfile::TempDir,
    served: tempfile::TempDir,
    server_port: u16,
}

/// A relay serving a fresh folder (with `a.bin`: 100,000 bytes of 1), saving to another.
async fn lab(max_download_bytes: Option<u64>) -> Lab {
    let served = tempfile::tempdir().unwrap();
    std::fs::write(served.path().join("a.bin"), vec![1u8; 100_000]).unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let relay = start_with(Config {
        files: Some(served.path().to_path_buf()),
        downloads: Some(downloads.path().to_path_buf()),
        max_download_bytes,
        ..Config::default()
    })
    .await;
    let mut c = relay.client().await;
    let Reply::FileServer { local, .. } = c
        .ok(Request::FileServerStart {
            port: 0,
            read_whole: false,
        })
        .await
    else {
        panic!("expected file_server")
    };
    Lab {
        relay,
        c,
        downloads,
        served,
        server_port: local.port(),
    }
}

impl Lab {
    async fn start(&mut self, port: u16, name: &str) -> u32 {
        match self
            .c
            .ok(Request::DownloadStart {
                host: "127.0.0.1".into(),
                port,
                name: name.into(),
                mode: DownloadMode::UntilEnd,
            })
            .await
        {
            Reply::DownloadStarted { download } => download,
            other => panic!("expected download_started, got {other:?}"),
        }
    }

    async fn finished(&mut self, id: u32) -> DownloadReport {
        match self
            .c
            .event_where(|m| matches!(m, ServerMessage::DownloadFinished(r) if r.download == id))
            .await
        {
            ServerMessage::DownloadFinished(r) => r,
            _ => unreachable!(),
        }
    }

    async fn download(&mut self, port: u16, name: &str) -> DownloadReport {
        let id = self.start(port, name).await;
        self.finished(id).await
    }

    /// Every file in the downloads folder (hidden temporary ones too).
    fn saved(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.downloads.path())
            .map(|d| {
                d.map(|e| e.unwrap().file_name().into_string().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

/// A server of its own protocol: reads the name, sends `bytes`, closes.
async fn server_sending(bytes: Vec<u8>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let mut name = Vec::new();
            let _ = s.read_to_end(&mut name).await;
            let _ = s.write_all(&bytes).await;
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relays_own_file_is_saved_only_when_size_and_hash_match() {
    let mut lab = lab(None).await;
    let port = lab.server_port;
    let r = lab.download(port, "a.bin").await;
    assert_eq!(r.status, DownloadStatus::Complete, "{r:?}");
    assert_eq!(r.completeness, Some(Completeness::Verified));
    assert_eq!(lab.saved(), ["[接收]a.bin"]);

    // Same size, same modification time, other bytes: the relay's cached checksum is the old
    // one, so what arrives no longer matches it.
    let path = lab.served.path().join("a.bin");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, vec![2u8; 100_000]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let r = lab.download(port, "a.bin").await;
    assert_eq!(r.status, DownloadStatus::Failed, "{r:?}");
    assert_eq!(r.received, 100_000);
    assert_eq!(r.completeness, None);
    assert_eq!(r.saved_as, None);
    assert_eq!(r.error.unwrap().code, ErrorCode::HashMismatch);
    assert_eq!(lab.saved(), ["[接收]a.bin"], "nothing more is left");
    lab.relay.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_sends_1000_bytes_and_closes_is_complete_only_as_far_as_one_can_tell() {
    let mut lab = lab(None).await;
    let port = server_sending(vec![7u8; 1000]).await;
    let r = lab.download(port, "big.iso").await;
    assert_eq!(r.status, DownloadStatus::Complete, "{r:?}");
    assert_eq!(r.received, 1000);
    assert!(!r.own_server);
    assert_eq!(
        r.completeness,
        Some(Completeness::AsFarAsTheProtocolCanTell)
    );
    let json = protocol::to_json(&ServerMessage::DownloadFinished(r));
    assert!(
        json.contains(r#""completeness":"as_far_as_the_protocol_can_tell""#),
        "{json}"
    );
    lab.relay.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_over_the_cap_stops_and_leaves_nothing() {
    let mut lab = lab(Some(50_000)).await;
    assert_eq!(lab.c.welcome().limits.max_download_bytes, 50_000);
    let port = lab.server_port;
    let r = lab.download(port, "a.bin").await;
    assert_eq!(r.status, DownloadStatus::Failed, "{r:?}");
    let e = r.error.unwrap();
    assert_eq!(e.code, ErrorCode::DownloadTooLarge);
    assert!(r.received <= 50_000, "{}", r.received);
    assert!(lab.saved().is_empty(), "{:?}", lab.saved());
    lab.relay.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_of_150_e_acute_is_saved_cut_at_a_character() {
    let mut lab = lab(None).await;
    let port = server_sending(b"bonjour".to_vec()).await;
    let r = lab.download(port, &"é".repeat(150)).await;
    assert_eq!(r.status, DownloadStatus::Complete, "{r:?}");
    let saved = PathBuf::from(r.saved_as.unwrap());
    assert_eq!(
        saved,
        lab.downloads
            .path()
            .join(format!("[接收]{}", "é".repeat(100)))
    );
    assert_eq!(std::fs::read(saved).unwrap(), b"bonjour");
    lab.relay.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_download_holds_one_of_the_sessions_sockets() {
    let mut lab = lab(None).await;
    // A server that accepts and never answers: the download runs until cancelled.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    for _ in 0..MAX_SOCKETS_PER_SESSION - 1 {
        lab.c.udp_open().await;
    }
    let download = lab.start(port, "x").await;
    let (_held, _) = listener.accept().await.unwrap();
    let e = lab
        .c
        .err(Request::UdpOpen {
            family: Default::default(),
            recv_size: None,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TooManySockets);
    let e = lab
        .c
        .err(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: "y".into(),
            mode: DownloadMode::UntilEnd,
        })
        .await;
    assert_eq!(e.code, ErrorCode::TooManySockets);
    // Once it has finished, its place is free again.
    assert_eq!(
        lab.c.ok(Request::DownloadCancel { download }).await,
        Reply::Done
    );
    assert_eq!(
        lab.finished(download).await.status,
        DownloadStatus::Cancelled
    );
    lab.c.udp_open().await;
    lab.relay.stop().await;
}
