//! The downloader: what the course's client should have been. It connects, sends the name,
//! then reads until the server closes (recv returns 0), hashing each piece as it
//! arrives and handing it to a writer thread ([`crate::files::sink`]) that puts it in a hidden
//! temporary file while the next piece arrives (never the whole file in memory). Only a complete
//! download is fsynced and renamed to `[接收]NAME` (never over an existing file: `NAME (1)`,
//! ...), so a half-finished download never looks finished: a failure, a cancel, or the relay
//! being killed leaves no file with the final name.
//!
//! "Complete" means the server closed after sending; that is all the course's protocol can
//! say. When the server is the relay's own, the file's size and SHA-256 are known, and the file
//! is saved only if both match (else `SIZE_MISMATCH` / `HASH_MISMATCH`, nothing saved); from
//! any other server the report says "complete as far as the protocol can tell". Files over
//! `--max-download-bytes` stop with `DOWNLOAD_TOO_LARGE`.
//!
//! Each download is one tokio task (no thread of its own); it counts as one of the session's
//! sockets while it runs. The "course client" mode does the course's one `recv(1024)` instead,
//! to show the bug.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use protocol::{
    Completeness, DownloadId, DownloadMode, DownloadReport, DownloadStatus, ErrorCode, RelayError,
    ServerMessage,
};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::sync::Notify;

use crate::errors::os_error;
use crate::files::sink::{BUFFER, Sink, WriterStopped};
use crate::files::{Files, sha256_of_nothing};
use crate::outbox::Outbox;

/// What is put in front of a saved file's name, as in the course.
pub const SAVED_PREFIX: &str = "[接收]";
/// Longest name the downloader will send (the relay's own server refuses over 255 bytes; a
/// learner's server may take more).
pub const MAX_SEND_NAME: usize = 4096;
/// Most bytes of the name part of a saved file. File systems allow 255 bytes (Linux, macOS)
/// or 255 UTF-16 units (Windows) per name; the prefix (9 bytes) and ` (999)` must fit too.
pub const MAX_LOCAL_NAME_BYTES: usize = 200;
/// How often the page hears about progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);
/// The course client's one recv.
const COURSE_RECV: usize = 1024;

/// One download to do.
#[derive(Debug)]
pub struct Job {
    pub id: DownloadId,
    pub stream: TcpStream,
    pub name: String,
    pub mode: DownloadMode,
    /// Whether the server is the relay's own (then `total` is the served file's size).
    pub own_server: bool,
    pub total: Option<u64>,
    /// The most bytes to save (`--max-download-bytes`).
    pub max_bytes: u64,
}

/// The session's downloads.
#[derive(Debug, Default)]
pub struct Downloads {
    next: DownloadId,
    running: HashMap<DownloadId, Running>,
    /// How many are running, counted with the session's sockets (see `SocketTable`).
    active: Arc<AtomicUsize>,
}

#[derive(Debug)]
struct Running {
    cancel: Arc<Notify>,
    task: tokio::task::JoinHandle<()>,
}

/// Counts one running download for as long as it lives.
struct Active(Arc<AtomicUsize>);

impl Active {
    fn new(count: Arc<AtomicUsize>) -> Active {
        count.fetch_add(1, Ordering::SeqCst);
        Active(count)
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Downloads {
    /// Downloads that share `active` (the session's socket table counts it).
    pub fn new(active: Arc<AtomicUsize>) -> Downloads {
        Downloads {
            next: 0,
            running: HashMap::new(),
            active,
        }
    }

    /// A fresh id.
    pub fn next_id(&mut self) -> DownloadId {
        self.running.retain(|_, r| !r.task.is_finished());
        self.next += 1;
        self.next
    }

    /// Runs `job` as a task; progress and the final report go to the page.
    pub fn start(&mut self, job: Job, files: Arc<Files>, outbox: Outbox) {
        let id = job.id;
        let cancel = Arc::new(Notify::new());
        let received = Arc::new(AtomicU64::new(0));
        let total = job.total;
        let started = Instant::now();
        let active = Active::new(self.active.clone());
        let task = {
            let cancel = cancel.clone();
            tokio::spawn(async move {
                let _active = active;
                // (dropped by name below, once the report is ready)
                let work = run(job, &files, &received, &cancel, started);
                tokio::pin!(work);
                let mut tick = tokio::time::interval(PROGRESS_EVERY);
                let mut told = u64::MAX;
                let progress = |received: u64| ServerMessage::DownloadProgress {
                    download: id,
                    received,
                    total,
                    elapsed_ms: millis(started.elapsed()),
                };
                let report = loop {
                    tokio::select! {
                        report = &mut work => break report,
                        _ = tick.tick() => {
                            let now = received.load(Ordering::Relaxed);
                            if now != told {
                                told = now;
                                outbox.event(progress(now)).await;
                            }
                        }
                    }
                };
                // Its socket is closed: free its place before the page hears it has finished.
                drop(_active);
                outbox.event(progress(report.received)).await;
                outbox.event(ServerMessage::DownloadFinished(report)).await;
            })
        };
        self.running.insert(id, Running { cancel, task });
    }

    /// Stops a download (its partial file is removed). False when there is no such one.
    pub fn cancel(&mut self, id: DownloadId) -> bool {
        match self.running.get(&id) {
            Some(r) if !r.task.is_finished() => {
                r.cancel.notify_one();
                true
            }
            _ => false,
        }
    }
}

impl Drop for Downloads {
    /// The page went away: every download stops and removes its partial file.
    fn drop(&mut self) {
        for r in self.running.values() {
            r.cancel.notify_one();
        }
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Why a download stopped early.
enum Stop {
    Cancelled,
    Failed(RelayError),
    /// The writer failed: its own error is in [`Sink::finish`]'s answer.
    Writer,
}

impl From<RelayError> for Stop {
    fn from(e: RelayError) -> Stop {
        Stop::Failed(e)
    }
}

/// What arrived, in a temporary file not yet saved.
struct Fetched {
    part: Option<tempfile::NamedTempFile>,
    status: DownloadStatus,
}

/// The whole download.
async fn run(
    mut job: Job,
    files: &Arc<Files>,
    received: &AtomicU64,
    cancel: &Notify,
    started: Instant,
) -> DownloadReport {
    // The served file's checksum is computed while the download runs (it is cached after).
    let expected = job.own_server.then(|| {
        let (files, name) = (files.clone(), job.name.clone());
        tokio::task::spawn_blocking(move || files.expected(name.as_bytes()))
    });
    let (fetched, sha256) = fetch(&mut job, files, received, cancel).await;
    let expected = match expected {
        Some(task) => task.await.ok().flatten(),
        None => None,
    };
    let count = received.load(Ordering::Relaxed);
    let mut report = DownloadReport {
        download: job.id,
        status: DownloadStatus::Failed,
        received: count,
        sha256,
        elapsed_ms: 0,
        saved_as: None,
        expected_size: expected.as_ref().map(|(size, _)| *size),
        expected_sha256: expected.as_ref().map(|(_, sha)| sha.clone()),
        own_server: job.own_server,
        completeness: None,
        error: None,
    };
    match fetched {
        Ok(Fetched { part: None, status }) => report.status = status,
        Ok(Fetched {
            part: Some(part),
            status,
        }) => {
            let check = if status == DownloadStatus::Complete {
                verify(count, &report.sha256, expected.as_ref())
            } else {
                // The course client's one recv is saved as it is: that is the bug on show.
                Ok(None)
            };
            match check {
                Ok(completeness) => {
                    let dir = files.downloads.clone();
                    let name = job.name.clone();
                    match tokio::task::spawn_blocking(move || save(part, &dir, &name)).await {
                        Ok(Ok(saved)) => {
                            report.status = status;
                            report.completeness = completeness;
                            report.saved_as = Some(saved.display().to_string());
                        }
                        Ok(Err(e)) => report.error = Some(e),
                        Err(e) => {
                            report.error =
                                Some(RelayError::new(ErrorCode::OtherOs).with_detail(e.to_string()))
                        }
                    }
                }
                // Dropping the temporary file deletes it: nothing is left.
                Err(e) => report.error = Some(e),
            }
        }
        Err(Stop::Cancelled) => report.status = DownloadStatus::Cancelled,
        Err(Stop::Failed(e)) => report.error = Some(e),
        // (`fetch` turns it into the writer's error)
        Err(Stop::Writer) => {
            report.error = Some(RelayError::new(ErrorCode::OtherOs).with_detail("write"))
        }
    }
    report.elapsed_ms = millis(started.elapsed());
    report
}

/// Checks a complete download against the served file, when that is known: both the size and
/// the SHA-256 must match.
pub fn verify(
    received: u64,
    sha256: &str,
    expected: Option<&(u64, String)>,
) -> Result<Option<Completeness>, RelayError> {
    let Some((size, sha)) = expected else {
        return Ok(Some(Completeness::AsFarAsTheProtocolCanTell));
    };
    if received != *size {
        return Err(
            RelayError::new(ErrorCode::SizeMismatch).with_detail(format!(
                "received {received} bytes; the file on the server has {size}"
            )),
        );
    }
    if sha256 != sha {
        return Err(
            RelayError::new(ErrorCode::HashMismatch).with_detail(format!(
                "received SHA-256 {sha256}; the file on the server has {sha}"
            )),
        );
    }
    Ok(Some(Completeness::Verified))
}

/// Sends the name and receives into a temporary file (not yet saved), hashing on the way.
/// Returns the SHA-256 of what arrived beside the outcome. Any error drops the temporary
/// file, which deletes it.
async fn fetch(
    job: &mut Job,
    files: &Files,
    received: &AtomicU64,
    cancel: &Notify,
) -> (Result<Fetched, Stop>, String) {
    let part = match begin(job, files).await {
        Ok(part) => part,
        Err(stop) => return (Err(stop), sha256_of_nothing()),
    };
    let file = match part.as_file().try_clone() {
        Ok(file) => file,
        Err(e) => return (Err(os_error("dup", &e).into()), sha256_of_nothing()),
    };
    let once = job.mode == DownloadMode::CourseOnce;
    let mut sink = Sink::new(file, if once { COURSE_RECV } else { BUFFER });
    let outcome = receive(job, files.stall_timeout, &mut sink, received, cancel).await;
    // The hasher and the writer finish what they were handed, whatever happened.
    let (sha256, written) = sink.finish().await;
    let count = match outcome {
        Ok(count) => count,
        Err(Stop::Writer) => {
            let e = written
                .err()
                .unwrap_or_else(|| std::io::Error::other("stopped"));
            return (Err(os_error("write", &e).into()), sha256);
        }
        Err(stop) => return (Err(stop), sha256),
    };
    if let Err(e) = written {
        return (Err(os_error("write", &e).into()), sha256);
    }
    if count == 0 {
        // The course's client saves only when something arrived; so do we (the temporary file
        // is removed). Missing and empty files both end here: the protocol cannot tell them
        // apart.
        let fetched = Fetched {
            part: None,
            status: DownloadStatus::NothingReceived,
        };
        return (Ok(fetched), sha256);
    }
    let synced = match part.as_file().try_clone() {
        Ok(file) => tokio::task::spawn_blocking(move || file.sync_all())
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e))),
        Err(e) => Err(e),
    };
    if let Err(e) = synced {
        return (Err(os_error("fsync", &e).into()), sha256);
    }
    let status = if once {
        DownloadStatus::CourseOnce
    } else {
        DownloadStatus::Complete
    };
    let fetched = Fetched {
        part: Some(part),
        status,
    };
    (Ok(fetched), sha256)
}

/// Sends the name, then makes the temporary file.
async fn begin(job: &mut Job, files: &Files) -> Result<tempfile::NamedTempFile, Stop> {
    let stall = files.stall_timeout;
    let stream = &mut job.stream;
    match tokio::time::timeout(stall, stream.write_all(job.name.as_bytes())).await {
        Ok(result) => result.map_err(|e| os_error("send(name)", &e))?,
        Err(_) => return Err(stalled(stall, 0).into()),
    }
    // Our FIN: the name is complete (a server that reads only once does not care).
    let _ = stream.shutdown().await;

    let dir = files.downloads.clone();
    let part = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir)
            .map_err(|e| os_error(&format!("mkdir {}", dir.display()), &e))?;
        tempfile::Builder::new()
            .prefix(".netlab-")
            .suffix(".part")
            .tempfile_in(&dir)
            .map_err(|e| os_error(&format!("create a file in {}", dir.display()), &e))
    })
    .await
    .map_err(|e| RelayError::new(ErrorCode::OtherOs).with_detail(e.to_string()))??;
    Ok(part)
}

/// Receives until the server closes (or once, in the course client's mode), handing each
/// piece to the sink. Returns how many bytes arrived.
async fn receive(
    job: &mut Job,
    stall: Duration,
    sink: &mut Sink,
    received: &AtomicU64,
    cancel: &Notify,
) -> Result<u64, Stop> {
    let once = job.mode == DownloadMode::CourseOnce;
    let stream = &mut job.stream;
    let mut count = 0u64;
    loop {
        // Waiting for room (a slow disk) is not the server stalling: only the recv is timed.
        let read = tokio::select! {
            r = async {
                let room = sink.room().await?;
                Ok::<_, WriterStopped>(tokio::time::timeout(stall, stream.read(room)).await)
            } => r,
            () = cancel.notified() => return Err(Stop::Cancelled),
        };
        let read = read.map_err(|WriterStopped| Stop::Writer)?;
        let n = match read {
            Ok(Ok(n)) => n,
            Err(_) => return Err(stalled(stall, count).into()),
            Ok(Err(e)) if e.kind() == ErrorKind::Interrupted => continue,
            Ok(Err(e)) => {
                let mut err = os_error("recv", &e);
                err.detail = Some(format!(
                    "{} (after {count} bytes; the partial file was removed)",
                    err.detail.unwrap_or_default()
                ));
                return Err(err.into());
            }
        };
        if n == 0 {
            return Ok(count);
        }
        if count + n as u64 > job.max_bytes {
            return Err(RelayError::new(ErrorCode::DownloadTooLarge)
                .with_detail(format!(
                    "more than {} bytes arrived, the most this relay saves (--max-download-bytes); \
                     the partial file was removed",
                    job.max_bytes
                ))
                .into());
        }
        sink.filled(n);
        count += n as u64;
        received.store(count, Ordering::Relaxed);
        if once {
            return Ok(count);
        }
    }
}

fn stalled(timeout: Duration, count: u64) -> RelayError {
    crate::errors::timed_out(format!(
        "recv: no byte arrived for {} s after {count} bytes: the server stalled (the partial \
         file was removed)",
        timeout.as_secs_f32()
    ))
}

/// Renames the finished temporary file to `[接收]NAME`, or `[接收]NAME (1)`, ... when taken:
/// the rename refuses to replace an existing file (no check-then-act race), then the folder is
/// fsynced so the new name survives a crash too.
fn save(mut part: tempfile::NamedTempFile, dir: &Path, name: &str) -> Result<PathBuf, RelayError> {
    let local = local_name(name);
    // Names already in the folder, to treat a clash in case only (`[接收]A.txt` beside
    // `[接收]a.txt`) as a clash: on Windows and macOS they are the same file.
    let taken: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    for n in 0..1000 {
        let candidate = numbered(&local, n);
        if crate::files::jail::case_match(&candidate, taken.iter().map(String::as_str))
            != crate::files::jail::CaseMatch::None
        {
            continue;
        }
        let path = dir.join(candidate);
        match part.persist_noclobber(&path) {
            Ok(_) => {
                if let Ok(d) = std::fs::File::open(dir) {
                    let _ = d.sync_all();
                }
                return Ok(path);
            }
            Err(e) if e.error.kind() == ErrorKind::AlreadyExists => part = e.file,
            Err(e) => return Err(os_error(&format!("rename to {}", path.display()), &e.error)),
        }
    }
    Err(RelayError::new(ErrorCode::OtherOs).with_detail("1000 files of that name already exist"))
}

/// `[接收]` + the name, made safe to be one file name on every system: the server chose
/// nothing about where we write (`../x` must not climb out of the downloads folder), and
/// Windows' hazards are defused too: `:` would write an alternate data stream, `<>"|?*` are
/// not allowed in a name, and a trailing dot or space would be dropped silently. (The prefix
/// already keeps a device name such as `NUL` from being one.)
pub fn local_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if matches!(
                c,
                '/' | '\\' | '\0' | ':' | '<' | '>' | '"' | '|' | '?' | '*'
            ) || c.is_control()
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = cut_at_char(&clean, MAX_LOCAL_NAME_BYTES).to_owned();
    let clean = if clean.is_empty() || clean.chars().all(|c| c == '.') {
        "_".to_owned()
    } else {
        clean
    };
    let kept = clean.trim_end_matches(['.', ' ']);
    let clean = if kept.len() < clean.len() {
        format!("{kept}_")
    } else {
        clean
    };
    format!("{SAVED_PREFIX}{clean}")
}

/// The longest start of `text` of at most `max` bytes that ends on a character boundary.
fn cut_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `photo.bin` -> `photo (2).bin` for n = 2.
fn numbered(name: &str, n: u32) -> String {
    if n == 0 {
        return name.to_owned();
    }
    match name.rfind('.') {
        Some(dot) if dot > SAVED_PREFIX.len() => {
            format!("{} ({n}){}", &name[..dot], &name[dot..])
        }
        _ => format!("{name} ({n})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_stay_in_the_folder() {
        assert_eq!(local_name("hello.txt"), "[接收]hello.txt");
        assert_eq!(local_name("../../etc/passwd"), "[接收].._.._etc_passwd");
        assert_eq!(local_name(".."), "[接收]_");
        assert_eq!(local_name("a\\b\0c\n"), "[接收]a_b_c_");
        assert_eq!(local_name("a.txt:x"), "[接收]a.txt_x");
        assert_eq!(local_name("a.txt::$DATA"), "[接收]a.txt__$DATA");
        assert_eq!(local_name("C:x"), "[接收]C_x");
        assert_eq!(local_name("what?<*>|\"."), "[接收]what_______");
        assert_eq!(local_name("a.txt. . "), "[接收]a.txt_");
        assert_eq!(local_name("NUL"), "[接收]NUL");
        assert_eq!(numbered("[接收]photo.bin", 2), "[接收]photo (2).bin");
        assert_eq!(numbered("[接收]README", 1), "[接收]README (1)");
        assert_eq!(numbered("[接收].bashrc", 1), "[接收].bashrc (1)");
    }

    #[test]
    fn long_names_are_cut_by_bytes_at_a_character_boundary() {
        // 150 × é is 300 bytes: cut to 200 bytes = 100 × é (never half a character).
        let name = "é".repeat(150);
        assert_eq!(local_name(&name), format!("[接收]{}", "é".repeat(100)));
        // 3-byte characters: 200 is not a boundary, 198 is.
        let name = "接".repeat(100);
        assert_eq!(local_name(&name), format!("[接收]{}", "接".repeat(66)));
        assert_eq!(cut_at_char("abc", 200), "abc");
        // The longest numbered name still fits the 255-byte file-name limit.
        assert!(numbered(&local_name(&"é".repeat(999)), 999).len() <= 255);
    }

    #[test]
    fn a_complete_download_is_verified_only_when_size_and_hash_match() {
        let want = (3, "abc".to_owned());
        assert_eq!(
            verify(3, "abc", Some(&want)).unwrap(),
            Some(Completeness::Verified)
        );
        let e = verify(2, "abc", Some(&want)).unwrap_err();
        assert_eq!(e.code, ErrorCode::SizeMismatch);
        assert_eq!(
            e.detail.as_deref(),
            Some("received 2 bytes; the file on the server has 3")
        );
        assert_eq!(
            verify(3, "abd", Some(&want)).unwrap_err().code,
            ErrorCode::HashMismatch
        );
        assert_eq!(
            verify(1000, "x", None).unwrap(),
            Some(Completeness::AsFarAsTheProtocolCanTell)
        );
    }

    #[test]
    fn save_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("[接收]a.txt"), b"old").unwrap();
        let part = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        std::fs::write(part.path(), b"new").unwrap();
        let saved = save(part, dir.path(), "a.txt").unwrap();
        assert_eq!(saved, dir.path().join("[接收]a (1).txt"));
        assert_eq!(
            std::fs::read(dir.path().join("[接收]a.txt")).unwrap(),
            b"old"
        );
        assert_eq!(std::fs::read(saved).unwrap(), b"new");
    }

    #[test]
    fn a_name_taken_in_another_case_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("[接收]README.TXT"), b"old").unwrap();
        let part = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        let saved = save(part, dir.path(), "readme.txt").unwrap();
        assert_eq!(saved, dir.path().join("[接收]readme (1).txt"));
    }
}
