//! The downloader: what the course's client should have been. It connects, sends the name,
//! then reads until the server closes (recv returns 0), hashing and writing each piece to a
//! hidden temporary file as it comes (never the whole file in memory). Only a complete
//! download is fsynced and renamed to `[接收]NAME` (never over an existing file: `NAME (1)`,
//! ...), so a half-finished download never looks finished: a failure, a cancel, or the relay
//! being killed leaves no file with the final name.
//!
//! The "course client" mode does the course's one `recv(1024)` instead, to show the bug.

use std::collections::HashMap;
use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use protocol::{
    DownloadId, DownloadMode, DownloadReport, DownloadStatus, ErrorCode, RelayError, ServerMessage,
};
use sha2::{Digest as _, Sha256};

use crate::errors::os_error;
use crate::files::{Files, hex};
use crate::outbox::Outbox;

/// What is put in front of a saved file's name, as in the course.
pub const SAVED_PREFIX: &str = "[接收]";
/// Longest name the downloader will send (the relay's own server refuses over 255 bytes; a
/// learner's server may take more).
pub const MAX_SEND_NAME: usize = 4096;
/// How often the page hears about progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);
/// The read buffer (the course's client used 1024; bigger means fewer system calls).
const BUFFER: usize = 256 * 1024;
/// The course client's one recv.
const COURSE_RECV: usize = 1024;

/// One download to do.
#[derive(Debug)]
pub struct Job {
    pub id: DownloadId,
    pub stream: TcpStream,
    pub name: String,
    pub mode: DownloadMode,
    /// The served file's size when the server is the relay's own (and has the file).
    pub own_server: bool,
    pub total: Option<u64>,
}

/// The session's downloads.
#[derive(Debug, Default)]
pub struct Downloads {
    next: DownloadId,
    running: HashMap<DownloadId, Running>,
}

#[derive(Debug)]
struct Running {
    cancel: Arc<AtomicBool>,
    /// A second handle on the socket, to wake a blocked recv when cancelling.
    socket: Option<TcpStream>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
        if let Some(s) = &self.socket {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

impl Downloads {
    /// A fresh id.
    pub fn next_id(&mut self) -> DownloadId {
        self.running.retain(|_, r| !r.task.is_finished());
        self.next += 1;
        self.next
    }

    /// Runs `job` on a blocking thread; progress and the final report go to the page.
    pub fn start(&mut self, job: Job, files: Arc<Files>, outbox: Outbox) {
        let id = job.id;
        let cancel = Arc::new(AtomicBool::new(false));
        let socket = job.stream.try_clone().ok();
        let received = Arc::new(AtomicU64::new(0));
        let total = job.total;
        let started = Instant::now();
        let worker = {
            let (cancel, received, files) = (cancel.clone(), received.clone(), files.clone());
            tokio::task::spawn_blocking(move || run(job, &files, &received, &cancel, started))
        };
        let task = tokio::spawn(async move {
            let mut worker = worker;
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
                    done = &mut worker => break done,
                    _ = tick.tick() => {
                        let now = received.load(Ordering::Relaxed);
                        if now != told {
                            told = now;
                            outbox.event(progress(now)).await;
                        }
                    }
                }
            };
            let report = report.unwrap_or_else(|e| DownloadReport {
                download: id,
                status: DownloadStatus::Failed,
                received: received.load(Ordering::Relaxed),
                sha256: String::new(),
                elapsed_ms: millis(started.elapsed()),
                saved_as: None,
                expected_size: None,
                expected_sha256: None,
                own_server: false,
                error: Some(RelayError::new(ErrorCode::OtherOs).with_detail(e.to_string())),
            });
            outbox.event(progress(report.received)).await;
            outbox.event(ServerMessage::DownloadFinished(report)).await;
        });
        self.running.insert(
            id,
            Running {
                cancel,
                socket,
                task,
            },
        );
    }

    /// Stops a download (its partial file is removed). False when there is no such one.
    pub fn cancel(&mut self, id: DownloadId) -> bool {
        match self.running.get(&id) {
            Some(r) if !r.task.is_finished() => {
                r.cancel();
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
            r.cancel();
        }
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The whole download, on a blocking thread.
fn run(
    job: Job,
    files: &Files,
    received: &AtomicU64,
    cancel: &AtomicBool,
    started: Instant,
) -> DownloadReport {
    let mut hasher = Sha256::new();
    // The served file's checksum is computed while the download runs (it is cached after).
    let (result, expected) = std::thread::scope(|scope| {
        let expected = job
            .own_server
            .then(|| scope.spawn(|| files.expected(job.name.as_bytes())));
        let result = fetch(&job, files, &mut hasher, received, cancel);
        (result, expected.and_then(|t| t.join().ok()).flatten())
    });
    let count = received.load(Ordering::Relaxed);
    let mut report = DownloadReport {
        download: job.id,
        status: DownloadStatus::Failed,
        received: count,
        sha256: hex(&hasher.finalize()),
        elapsed_ms: millis(started.elapsed()),
        saved_as: None,
        expected_size: None,
        expected_sha256: None,
        own_server: job.own_server,
        error: None,
    };
    match result {
        Ok((status, saved)) => {
            report.status = status;
            report.saved_as = saved.map(|p| p.display().to_string());
        }
        Err(_) if cancel.load(Ordering::SeqCst) => report.status = DownloadStatus::Cancelled,
        Err(e) => report.error = Some(e),
    }
    if let Some((size, sha)) = expected {
        report.expected_size = Some(size);
        report.expected_sha256 = Some(sha);
    }
    report
}

/// Sends the name, receives into a temporary file, and on success saves it under its final
/// name. Any error drops the temporary file, which deletes it.
fn fetch(
    job: &Job,
    files: &Files,
    hasher: &mut Sha256,
    received: &AtomicU64,
    cancel: &AtomicBool,
) -> Result<(DownloadStatus, Option<PathBuf>), RelayError> {
    let mut stream = &job.stream;
    stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_read_timeout(Some(files.stall_timeout)))
        .map_err(|e| os_error("setsockopt", &e))?;
    stream
        .write_all(job.name.as_bytes())
        .map_err(|e| os_error("send(name)", &e))?;
    // Our FIN: the name is complete (a server that reads only once does not care).
    let _ = stream.shutdown(Shutdown::Write);

    let dir = &files.downloads;
    std::fs::create_dir_all(dir).map_err(|e| os_error(&format!("mkdir {}", dir.display()), &e))?;
    let mut part = tempfile::Builder::new()
        .prefix(".netlab-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| os_error(&format!("create a file in {}", dir.display()), &e))?;

    let once = job.mode == DownloadMode::CourseOnce;
    let mut buf = vec![0u8; if once { COURSE_RECV } else { BUFFER }];
    let mut count = 0u64;
    loop {
        let n = match stream.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(stalled(files.stall_timeout, count));
            }
            Err(e) => {
                let mut err = os_error("recv", &e);
                err.detail = Some(format!(
                    "{} (after {count} bytes; the partial file was removed)",
                    err.detail.unwrap_or_default()
                ));
                return Err(err);
            }
        };
        if cancel.load(Ordering::SeqCst) {
            return Err(RelayError::new(ErrorCode::OtherOs).with_detail("cancelled"));
        }
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        part.as_file_mut()
            .write_all(&buf[..n])
            .map_err(|e| os_error("write", &e))?;
        count += n as u64;
        received.store(count, Ordering::Relaxed);
        if once {
            break;
        }
    }
    if count == 0 {
        // The course's client saves only when something arrived; so do we (the temporary file
        // is removed). Missing and empty files both end here: the protocol cannot tell them
        // apart.
        return Ok((DownloadStatus::NothingReceived, None));
    }
    part.as_file()
        .sync_all()
        .map_err(|e| os_error("fsync", &e))?;
    let saved = save(part, dir, &job.name)?;
    let status = if once {
        DownloadStatus::CourseOnce
    } else {
        DownloadStatus::Complete
    };
    Ok((status, Some(saved)))
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
        .take(200)
        .collect();
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
