//! The course's file server: a client connects, sends a file name (UTF-8), gets the file's raw
//! bytes, and the server closes; a missing file gets nothing at all. That is exactly the
//! course's protocol, so the learner's own client works against it. What the course's server
//! did wrong, this one does right: it opens only regular files inside its one folder (a refused
//! name is closed with nothing sent, and the page's log says why), it streams the file instead
//! of reading it whole into memory, and it gathers a name that arrives in several pieces.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use protocol::{RefuseReason, ServeOutcome, ServedReport, ServerMessage};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use crate::errors::os_error;
use crate::files::Files;
use crate::files::jail::{Found, MAX_NAME_BYTES};
use crate::outbox::Outbox;

/// The course's port.
pub const COURSE_PORT: u16 = 7890;
/// Clients served at the same time; more wait in the backlog.
const MAX_CLIENTS: usize = 16;
/// How long a client has to send the first byte of its name.
const NAME_TIMEOUT: Duration = Duration::from_secs(5);
/// The name is complete when the client shuts down its side, sends a newline, or pauses this
/// long (the course's client sends the name and waits for the answer, without either).
const NAME_GAP: Duration = Duration::from_millis(100);
/// Bytes of a name the server reads at most (longer names are refused as too long).
const NAME_READ_LIMIT: usize = 4096;
/// A client that stops reading for this long is given up.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// A running file server; dropping it stops it (connections being served finish alone).
#[derive(Debug)]
pub struct FileServer {
    local: SocketAddr,
    read_whole: bool,
    task: JoinHandle<()>,
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FileServer {
    /// Listens on 127.0.0.1:`port` (with SO_REUSEADDR, like most course servers). With
    /// `read_whole` it sends each file as the course's server does ([`whole`]).
    ///
    /// [`whole`]: crate::files::whole
    pub fn start(
        port: u16,
        read_whole: bool,
        files: Arc<Files>,
        outbox: Outbox,
    ) -> Result<FileServer, protocol::RelayError> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let what = format!("bind({addr})");
        let socket = TcpSocket::new_v4().map_err(|e| os_error("socket", &e))?;
        socket
            .set_reuseaddr(true)
            .map_err(|e| os_error("setsockopt(SO_REUSEADDR)", &e))?;
        socket.bind(addr).map_err(|e| os_error(&what, &e))?;
        let listener = socket.listen(128).map_err(|e| os_error("listen", &e))?;
        let local = listener
            .local_addr()
            .map_err(|e| os_error("getsockname", &e))?;
        tracing::info!(
            "file server on {local}, serving {}",
            files.jail.root().display()
        );
        let task = tokio::spawn(accept_loop(listener, files, outbox, read_whole));
        Ok(FileServer {
            local,
            read_whole,
            task,
        })
    }

    pub fn local(&self) -> SocketAddr {
        self.local
    }

    pub fn read_whole(&self) -> bool {
        self.read_whole
    }

    /// Stops it and waits until its listening socket is closed. Dropping only asks the task
    /// to stop, so binding the same port right after a drop can still meet the old listener
    /// (`EADDRINUSE`: SO_REUSEADDR does not let two sockets listen on one port).
    pub async fn stop(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
    }
}

async fn accept_loop(listener: TcpListener, files: Arc<Files>, outbox: Outbox, read_whole: bool) {
    // Never closed, so acquire_owned only fails if it were: then stop.
    let slots = Arc::new(Semaphore::new(MAX_CLIENTS));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::debug!("file server accept: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let files = files.clone();
        let outbox = outbox.clone();
        tokio::spawn(async move {
            let report = serve(stream, peer, &files, read_whole).await;
            tracing::debug!(?report, "file server");
            outbox.event(ServerMessage::FileServed(report)).await;
            drop(slot);
        });
    }
}

/// Serves one client: read the name, check it, send the file, close.
pub async fn serve(
    mut stream: TcpStream,
    peer: SocketAddr,
    files: &Arc<Files>,
    read_whole: bool,
) -> ServedReport {
    let (name, recvs, ended) = read_name(&mut stream).await;
    let mut report = ServedReport {
        peer,
        name: shown(&name),
        name_bytes: name.len(),
        name_recvs: recvs,
        outcome: ServeOutcome::Missing,
        bytes: 0,
        reason: None,
        memory: None,
    };
    let found = if name.len() > MAX_NAME_BYTES {
        Err(RefuseReason::TooLong)
    } else {
        let (files, name) = (files.clone(), name.clone());
        tokio::task::spawn_blocking(move || files.jail.open(&name))
            .await
            .unwrap_or(Err(RefuseReason::NotAFile))
    };
    let (file, size) = match found {
        Ok(Found::File { file, size }) => (file, size),
        Ok(Found::Missing) => {
            close_quietly(stream, ended).await;
            return report;
        }
        Err(reason) => {
            report.outcome = ServeOutcome::Refused;
            report.reason = Some(reason);
            close_quietly(stream, ended).await;
            return report;
        }
    };
    if read_whole {
        return crate::files::whole::serve_whole(stream, file, size, ended, report).await;
    }
    // Stream the file with blocking calls on a blocking thread (sendfile(2) on Linux, so the
    // bytes never pass through our memory; see platform/send_file.rs).
    let sent = match stream.into_std() {
        Ok(std_stream) => tokio::task::spawn_blocking(move || send_file(file, std_stream))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e))),
        Err(e) => Err(e),
    };
    match sent {
        Ok(n) => {
            report.outcome = if n == size {
                ServeOutcome::Sent
            } else {
                ServeOutcome::Failed
            };
            report.bytes = n;
        }
        Err(e) => {
            tracing::debug!("file server send to {peer}: {e}");
            report.outcome = ServeOutcome::Failed;
        }
    }
    report
}

fn send_file(mut file: std::fs::File, mut stream: std::net::TcpStream) -> std::io::Result<u64> {
    stream.set_nonblocking(false)?;
    stream.set_write_timeout(Some(SEND_TIMEOUT))?;
    let n = crate::platform::send_file::send_file(&mut file, &mut stream)?;
    // Our FIN: the client's recv returns 0, which is how it knows the file is complete.
    stream.shutdown(std::net::Shutdown::Write)?;
    Ok(n)
}

/// Reads the name: until the client shuts down its side, a newline, a pause of `NAME_GAP`,
/// or `NAME_READ_LIMIT` bytes. Returns the bytes (without the newline), how many recv calls
/// they took, and whether the client has shut down its side.
async fn read_name(stream: &mut TcpStream) -> (Vec<u8>, u32, bool) {
    let mut name = Vec::new();
    let mut buf = [0u8; 1024];
    let mut recvs = 0;
    loop {
        let wait = if name.is_empty() {
            NAME_TIMEOUT
        } else {
            NAME_GAP
        };
        match tokio::time::timeout(wait, stream.read(&mut buf)).await {
            Ok(Ok(0)) => return (name, recvs, true),
            Ok(Ok(n)) => {
                recvs += 1;
                name.extend_from_slice(&buf[..n]);
                if let Some(end) = name.iter().position(|&b| b == b'\n') {
                    name.truncate(end);
                    if name.last() == Some(&b'\r') {
                        name.pop();
                    }
                    return (name, recvs, false);
                }
                if name.len() > NAME_READ_LIMIT {
                    return (name, recvs, false);
                }
            }
            Ok(Err(_)) | Err(_) => return (name, recvs, false),
        }
    }
}

/// Closes with nothing sent. Our FIN goes first; then whatever the client still sends is read
/// and dropped for a moment, so closing does not turn into a reset that could hide the FIN.
pub(crate) async fn close_quietly(mut stream: TcpStream, ended: bool) {
    let _ = stream.shutdown().await;
    if ended {
        return;
    }
    let mut buf = [0u8; 4096];
    let drain = async {
        while let Ok(n) = stream.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_millis(200), drain).await;
}

/// The name for the log: invalid UTF-8 replaced, at most 200 characters.
fn shown(name: &[u8]) -> String {
    let text = String::from_utf8_lossy(name);
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out
}
