//! Python programs in `tests/python/` that play the learner's own course code against the
//! page: [`run_python`] runs one to the end; [`PythonPeer`] starts one in the background
//! (for example one that waits for what the page will send) and collects it later.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

/// `tests/python/<name>.py` (`name` without the extension).
pub fn python_script(name: &str) -> PathBuf {
    let path = crate::workspace_root()
        .join("tests")
        .join("python")
        .join(format!("{name}.py"));
    assert!(path.is_file(), "no Python script at {}", path.display());
    path
}

/// Runs `python3 tests/python/<script>.py args...` to the end (killed after `timeout`).
///
/// ```no_run
/// # async fn demo() {
/// let out = e2e::run_python("udp_learner", &["--to-port", "7788", "--message", "你好"],
///     std::time::Duration::from_secs(10)).await;
/// let report = out.assert_success().json();
/// # }
/// ```
pub async fn run_python(script: &str, args: &[&str], timeout: Duration) -> PythonOutput {
    PythonPeer::start(script, args).finish(timeout).await
}

/// A Python program running in the background.
pub struct PythonPeer {
    script: String,
    child: Child,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    /// The threads copying stdout and stderr; each ends when its pipe closes.
    readers: Vec<JoinHandle<()>>,
}

/// What a Python program printed, and how it ended.
#[derive(Debug)]
pub struct PythonOutput {
    pub script: String,
    /// None when it was killed at the timeout.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

impl PythonPeer {
    /// Starts `python3 tests/python/<script>.py args...` (unbuffered output).
    pub fn start(script: &str, args: &[&str]) -> PythonPeer {
        let path = python_script(script);
        let mut child = Command::new("python3")
            .arg("-u")
            .arg(&path)
            .args(args)
            .env("PYTHONIOENCODING", "utf-8")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start python3 {}: {e}", path.display()));
        let (stdout, out_reader) = collect(child.stdout.take().expect("piped stdout"));
        let (stderr, err_reader) = collect(child.stderr.take().expect("piped stderr"));
        PythonPeer {
            script: script.to_string(),
            child,
            stdout,
            stderr,
            readers: vec![out_reader, err_reader],
        }
    }

    /// What it printed on stdout so far (the course's file server says its port there).
    pub fn stdout_so_far(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    /// What it printed on stderr so far (the learner scripts log their steps there).
    pub fn stderr_so_far(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Waits until its stderr contains `needle` (e.g. "bound"), or panics after `timeout`.
    pub async fn wait_for_stderr(&self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.stderr_so_far().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "{} did not print {needle:?} within {timeout:?}; stderr so far:\n{}",
                self.script,
                self.stderr_so_far()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for it to exit (killing it after `timeout`) and returns what it printed.
    pub async fn finish(mut self, timeout: Duration) -> PythonOutput {
        let deadline = Instant::now() + timeout;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                _ => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    break None;
                }
            }
        };
        // The pipes close when the process exits: once both reader threads have ended, every
        // byte it printed is in the buffers.
        let readers = std::mem::take(&mut self.readers);
        tokio::task::spawn_blocking(move || {
            for reader in readers {
                let _ = reader.join();
            }
        })
        .await
        .expect("join the pipe readers");
        PythonOutput {
            script: self.script.clone(),
            status,
            stdout: String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned(),
        }
    }
}

impl Drop for PythonPeer {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl PythonOutput {
    /// Whether it exited with status 0.
    pub fn success(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }

    /// Panics (showing its output) unless it exited with status 0.
    pub fn assert_success(&self) -> &Self {
        assert!(
            self.success(),
            "{} failed ({}):\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.script,
            match self.status {
                Some(status) => status.to_string(),
                None => "killed at the timeout".to_string(),
            },
            self.stdout,
            self.stderr
        );
        self
    }

    /// The last non-empty stdout line, parsed as JSON (the learner scripts end with one).
    pub fn json(&self) -> Value {
        let line = self
            .stdout
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_else(|| panic!("{} printed nothing on stdout", self.script));
        serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{} printed no JSON ({e}): {line}", self.script))
    }
}

/// Reads a pipe to its end on a thread, into a shared buffer; the thread ends at end of file.
fn collect(mut pipe: impl Read + Send + 'static) -> (Arc<Mutex<Vec<u8>>>, JoinHandle<()>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let sink = buf.clone();
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.lock().unwrap().extend_from_slice(&chunk[..n]),
            }
        }
    });
    (buf, reader)
}
