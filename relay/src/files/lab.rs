//! One page session's part of the lab: its file server (at most one) and its downloads, and
//! the answers to the lab's requests. Dropping it (the page went away) stops both.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use protocol::{DownloadMode, ErrorCode, Family, RelayError, Reply, Request};

use crate::endpoint;
use crate::files::Files;
use crate::files::download::{Downloads, Job, MAX_SEND_NAME};
use crate::files::server::FileServer;
use crate::outbox::Outbox;
use crate::policy::Policy;
use crate::sockets::tcp::TcpConn;

#[derive(Debug)]
pub struct SessionFiles {
    files: Arc<Files>,
    server: Option<FileServer>,
    downloads: Downloads,
    max_download_bytes: u64,
}

impl SessionFiles {
    /// `active` counts running downloads (the session counts them among its sockets).
    pub fn new(
        files: Arc<Files>,
        max_download_bytes: u64,
        active: Arc<AtomicUsize>,
    ) -> SessionFiles {
        SessionFiles {
            files,
            server: None,
            downloads: Downloads::new(active),
            max_download_bytes,
        }
    }

    /// Answers `file_list`, `file_server_start`, `file_server_stop`, `download_start` and
    /// `download_cancel`.
    pub async fn handle(
        &mut self,
        request: Request,
        policy: &Policy,
        outbox: &Outbox,
    ) -> Result<Reply, RelayError> {
        match request {
            Request::FileList {} => Ok(Reply::Files {
                folder: self.folder(),
                files: self.list().await,
            }),
            Request::FileServerStart { port, read_whole } => {
                // Bound like any page socket: loopback, and no port below 1024 unless allowed.
                policy.check_bind(std::net::SocketAddr::from((
                    std::net::Ipv4Addr::LOCALHOST,
                    port,
                )))?;
                // Stop the old one first (and wait for its port to be free), so asking for
                // the same port again works.
                if let Some(old) = self.server.take() {
                    old.stop().await;
                }
                let server =
                    FileServer::start(port, read_whole, self.files.clone(), outbox.clone())?;
                let local = server.local();
                self.server = Some(server);
                Ok(Reply::FileServer {
                    local,
                    folder: self.folder(),
                    files: self.list().await,
                })
            }
            Request::FileServerStop {} => {
                if let Some(old) = self.server.take() {
                    old.stop().await;
                }
                Ok(Reply::Done)
            }
            Request::DownloadStart {
                host,
                port,
                name,
                mode,
            } => self.start(policy, outbox, &host, port, name, mode).await,
            Request::DownloadCancel { download } => {
                if self.downloads.cancel(download) {
                    Ok(Reply::Done)
                } else {
                    Err(RelayError::new(ErrorCode::BadRequest)
                        .with_detail(format!("no download {download} is running")))
                }
            }
            other => Err(RelayError::new(ErrorCode::BadRequest)
                .with_detail(format!("`{}` is not a file-lab request", other.op()))),
        }
    }

    fn folder(&self) -> String {
        self.files.jail.root().display().to_string()
    }

    async fn list(&self) -> Vec<protocol::FileEntry> {
        let files = self.files.clone();
        tokio::task::spawn_blocking(move || files.list())
            .await
            .unwrap_or_default()
    }

    async fn start(
        &mut self,
        policy: &Policy,
        outbox: &Outbox,
        host: &str,
        port: u16,
        name: String,
        mode: DownloadMode,
    ) -> Result<Reply, RelayError> {
        if name.is_empty() {
            return Err(
                RelayError::new(ErrorCode::BadRequest).with_detail("the file name is empty")
            );
        }
        if name.len() > MAX_SEND_NAME {
            return Err(RelayError::new(ErrorCode::BadRequest).with_detail(format!(
                "the file name is {} bytes; the downloader sends at most {MAX_SEND_NAME}",
                name.len()
            )));
        }
        let to = endpoint::target(policy, host, port, Family::Ipv4).await?;
        let (stream, _) = TcpConn::connect(to).await?;
        let own_server = to.ip().is_loopback()
            && self
                .server
                .as_ref()
                .is_some_and(|s| s.local().port() == to.port());
        let total = if own_server {
            let (files, name) = (self.files.clone(), name.clone());
            tokio::task::spawn_blocking(move || files.expected_size(name.as_bytes()))
                .await
                .ok()
                .flatten()
        } else {
            None
        };
        let id = self.downloads.next_id();
        let job = Job {
            id,
            stream,
            name,
            mode,
            own_server,
            total,
            max_bytes: self.max_download_bytes,
        };
        self.downloads
            .start(job, self.files.clone(), outbox.clone());
        Ok(Reply::DownloadStarted { download: id })
    }
}
