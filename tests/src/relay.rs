//! [`Relay`]: the real relay binary as a child process, started on a free port, killed on drop.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the relay has to print its `Tutorial: ` line.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running relay (`relay --no-open --port 0 ...`). Dropping it kills the process.
///
/// Everything it prints is kept: [`Relay::stdout`] and [`Relay::stderr`] return what has
/// arrived so far, so tests can assert on logs (for example that the token never appears).
pub struct Relay {
    child: Child,
    url: String,
    port: u16,
    token: String,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Relay {
    /// Starts the relay with `--no-open --port 0` followed by `extra_args`
    /// (for example `&["--allow-target", "10.0.0.0/8"]`) and waits for its `Tutorial: ` line.
    ///
    /// Panics, with everything the relay printed, when it exits or stays silent for 20 s.
    pub fn start(extra_args: &[&str]) -> Relay {
        Relay::start_with_env(extra_args, &[])
    }

    /// Like [`Relay::start`], with extra environment variables (for example `RUST_LOG`).
    pub fn start_with_env(extra_args: &[&str], env: &[(&str, &str)]) -> Relay {
        Relay::start_binary(Relay::binary(), extra_args, env)
    }

    /// Like [`Relay::start_with_env`], running the relay binary at `bin`.
    pub fn start_binary(bin: PathBuf, extra_args: &[&str], env: &[(&str, &str)]) -> Relay {
        // `--port 0` (any free port) unless the test names a port itself.
        let any_port: &[&str] = if extra_args.contains(&"--port") {
            &[]
        } else {
            &["--port", "0"]
        };
        let mut child = command_for(&bin)
            .arg("--no-open")
            .args(any_port)
            .args(extra_args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));

        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stderr_reader = drain_into(child.stderr.take().expect("piped stderr"), stderr.clone());

        // Stdout is read line by line: lines go to the buffer, and to the channel until the
        // `Tutorial: ` line has been seen.
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let (lines_tx, lines_rx) = mpsc::channel::<String>();
        let stdout_reader = {
            let stdout = stdout.clone();
            let pipe = child.stdout.take().expect("piped stdout");
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines() {
                    let Ok(line) = line else { break };
                    {
                        let mut buf = stdout.lock().unwrap();
                        buf.extend_from_slice(line.as_bytes());
                        buf.push(b'\n');
                    }
                    // The receiver is gone once the URL was found; later lines only buffer.
                    let _ = lines_tx.send(line);
                }
            })
        };
        let mut readers = Some((stdout_reader, stderr_reader));

        let deadline = std::time::Instant::now() + START_TIMEOUT;
        let url = loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match lines_rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(url) = line.strip_prefix("Tutorial: ") {
                        break url.trim().to_string();
                    }
                }
                Err(_) => {
                    let status = child.try_wait().ok().flatten();
                    let _ = child.kill();
                    let _ = child.wait();
                    // Its pipes are closed now: once both readers end, all it printed is kept.
                    if let Some((out, err)) = readers.take() {
                        let _ = out.join();
                        let _ = err.join();
                    }
                    panic!(
                        "the relay ({}) printed no `Tutorial: ` line within {START_TIMEOUT:?} \
                         (exit status: {status:?})\n--- stdout ---\n{}\n--- stderr ---\n{}",
                        bin.display(),
                        String::from_utf8_lossy(&stdout.lock().unwrap()),
                        String::from_utf8_lossy(&stderr.lock().unwrap())
                    );
                }
            }
        };

        let (port, token) = parse_tutorial_url(&url)
            .unwrap_or_else(|| panic!("cannot read port and token from the URL {url:?}"));
        Relay {
            child,
            url,
            port,
            token,
            stdout,
            stderr,
        }
    }

    /// The relay binary the tests run: `$NETLAB_RELAY_BIN`, else `<target>/debug/relay`;
    /// panics when it is older than its sources (see `fresh.rs`).
    pub fn binary() -> PathBuf {
        let bin = match std::env::var_os("NETLAB_RELAY_BIN") {
            Some(path) => PathBuf::from(path),
            None => crate::target_dir()
                .join("debug")
                .join(format!("relay{}", std::env::consts::EXE_SUFFIX)),
        };
        assert!(
            bin.is_file(),
            "no relay binary at {} (build it with `cargo build -p relay`, or set NETLAB_RELAY_BIN; \
             `cargo xtask test` does both)",
            bin.display()
        );
        crate::fresh::assert_fresh(&bin, &crate::workspace_root());
        bin
    }

    /// A protocol client logged in like the page this relay serves (the same client the
    /// relay's own integration tests use).
    pub async fn client(&self) -> testkit::Client {
        testkit::Client::login(self.port, &self.token).await
    }

    /// The whole tutorial URL as printed: `http://127.0.0.1:PORT/#token=TOKEN`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The port the relay listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The per-launch secret from the URL fragment.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// `http://127.0.0.1:PORT` (no trailing slash): prefix of page URLs, and the page's Origin.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A page URL with the token, e.g. `relay.page("/lesson/udp/2")`.
    pub fn page(&self, path: &str) -> String {
        format!("{}{}#token={}", self.base(), path, self.token)
    }

    /// `ws://127.0.0.1:PORT/ws`.
    pub fn ws_url(&self) -> String {
        format!("ws://127.0.0.1:{}{}", self.port, protocol::WS_PATH)
    }

    /// Everything the relay wrote to stdout so far.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    /// Everything the relay wrote to stderr (its logs) so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Panics when the token appears anywhere in the relay's logs (stderr) or in stdout other
    /// than the one `Tutorial: ` line. Give the relay a moment to flush before calling.
    pub fn assert_token_not_logged(&self) {
        let stderr = self.stderr();
        assert!(
            !stderr.contains(&self.token),
            "the token appears in the relay's stderr:\n{stderr}"
        );
        let stdout = self.stdout();
        let mentions = stdout.matches(&self.token).count();
        assert_eq!(
            mentions, 1,
            "the token should appear once on stdout (the Tutorial line):\n{stdout}"
        );
    }

    /// The relay's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Kills the relay now (to test what the page does when it goes away).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The command that starts `bin`. A Windows program (`.exe`) on another OS runs through
/// `$NETLAB_RELAY_RUNNER` when it is set, the way cargo's target runners work: `cargo xtask
/// test` sets it to Wine to test the Windows build on Linux.
fn command_for(bin: &Path) -> Command {
    let is_exe = bin
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("exe"));
    match std::env::var_os("NETLAB_RELAY_RUNNER") {
        Some(runner) if is_exe && !cfg!(windows) => {
            let mut cmd = Command::new(runner);
            cmd.arg(bin);
            cmd
        }
        _ => Command::new(bin),
    }
}

/// `http://127.0.0.1:PORT/#token=TOKEN` -> (PORT, TOKEN).
fn parse_tutorial_url(url: &str) -> Option<(u16, String)> {
    let rest = url.strip_prefix("http://127.0.0.1:")?;
    let (port, rest) = rest.split_once('/')?;
    let token = rest.strip_prefix("#token=")?;
    if token.is_empty() {
        return None;
    }
    Some((port.parse().ok()?, token.to_string()))
}

/// Copies everything from `pipe` into `buf`, on a thread, until end of file.
fn drain_into(
    mut pipe: impl Read + Send + 'static,
    buf: Arc<Mutex<Vec<u8>>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => buf.lock().unwrap().extend_from_slice(&chunk[..n]),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{Relay, parse_tutorial_url};

    /// A relay that dies at once: the failure shows everything it printed, even what it
    /// printed just before exiting.
    #[cfg(unix)]
    #[test]
    fn a_relay_that_exits_is_reported_with_its_last_words() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("relay");
        std::fs::write(
            &bin,
            "#!/bin/sh\necho \"starting\"\necho \"unknown flag $1\" >&2\nexit 2\n",
        )
        .unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let died = std::panic::catch_unwind(|| Relay::start_binary(bin.clone(), &[], &[]));
        let message = *died.err().unwrap().downcast::<String>().unwrap();
        assert!(
            message.contains("printed no `Tutorial: ` line"),
            "{message}"
        );
        assert!(message.contains("--- stdout ---\nstarting\n"), "{message}");
        assert!(
            message.contains("--- stderr ---\nunknown flag --no-open\n"),
            "{message}"
        );
    }

    #[test]
    fn reads_port_and_token() {
        assert_eq!(
            parse_tutorial_url("http://127.0.0.1:8470/#token=abc123"),
            Some((8470, "abc123".to_string()))
        );
        assert_eq!(parse_tutorial_url("http://127.0.0.1:8470/"), None);
        assert_eq!(parse_tutorial_url("http://localhost:8470/#token=x"), None);
    }
}
