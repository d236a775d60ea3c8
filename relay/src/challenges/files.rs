//! The file checkers: `file_client` (the checker is the course's file server, with a fresh
//! 3 MiB file) and `file_server` (the checker asks the learner's server for files of a folder
//! the relay prepared, and for the secret one level above it).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use checks::{Verdict, file_client as client_script, file_server as server_script};
use protocol::{CheckId, HintId, RelayError};
use sha2::{Digest as _, Sha256};
use tokio::io::AsyncWriteExt as _;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

use super::prepare::Timeouts;
use super::tcp::{ReadEnd, read_until};
use super::{Reporter, Stop};
use crate::errors::os_error;

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The file the checker serves: fresh random bytes every run, and their SHA-256.
#[derive(Debug)]
pub struct BigFile {
    pub bytes: Vec<u8>,
    pub sha256: String,
}

impl BigFile {
    pub fn new() -> Result<BigFile, RelayError> {
        let mut bytes = vec![0; client_script::FILE_SIZE];
        getrandom::fill(&mut bytes).map_err(|e| {
            RelayError::new(protocol::ErrorCode::OtherOs).with_detail(e.to_string())
        })?;
        let sha256 = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(BigFile { bytes, sha256 })
    }
}

/// The folder the learner's server serves, and the secret one level above it: a temporary
/// folder of the OS's, removed when the run ends (dropped).
#[derive(Debug)]
pub struct Folder {
    root: tempfile::TempDir,
}

impl Folder {
    pub fn new() -> Result<Folder, RelayError> {
        let made = |what: &str, e: std::io::Error| os_error(what, &e);
        let root = tempfile::Builder::new()
            .prefix("netlab-challenge-")
            .tempdir()
            .map_err(|e| made("making the challenge's folder", e))?;
        let served = root.path().join("files");
        let write = |path: PathBuf, bytes: &[u8]| {
            std::fs::write(&path, bytes).map_err(|e| made("writing the challenge's files", e))
        };
        std::fs::create_dir(&served).map_err(|e| made("making the challenge's folder", e))?;
        write(
            root.path().join(server_script::SECRET),
            &server_script::secret_content(),
        )?;
        write(
            served.join(server_script::NORMAL),
            &server_script::normal_content(),
        )?;
        write(served.join(server_script::EMPTY), b"")?;
        Ok(Folder { root })
    }

    /// The folder the program serves (its parent holds the secret).
    pub fn served(&self) -> PathBuf {
        self.root.path().join("files")
    }
}

/// `file_client`: serve the file once, as the course's server does, watching the client.
pub async fn client(
    listener: TcpListener,
    file: BigFile,
    mut answers: mpsc::Receiver<String>,
    r: &mut Reporter,
    t: Timeouts,
) -> Result<(), Stop> {
    use CheckId::*;
    let started = Instant::now();
    let Ok(Ok((mut stream, peer))) = timeout(t.start, listener.accept()).await else {
        let verdict = Verdict::no_answer(millis(t.start));
        return r.check(ClientConnected, started, verdict, None, None).await;
    };
    drop(listener);
    let verdict = Verdict::pass().arg("port", peer.port());
    r.check(ClientConnected, started, verdict, None, None)
        .await?;

    // The name has no end marker in the course's protocol: take what arrives until it is as
    // long as the expected name, or the program stays quiet for a moment.
    let started = Instant::now();
    let mut name = Vec::new();
    let wanted = client_script::FILE_NAME.len();
    let end = read_until(&mut stream, &mut name, t.step, |got| got.len() >= wanted).await;
    if end != ReadEnd::Done && !name.is_empty() {
        let quiet = Duration::from_millis(300);
        read_until(&mut stream, &mut name, quiet, |got| got.len() >= wanted).await;
    }
    let verdict = if name.is_empty() {
        Verdict::no_answer(millis(t.step))
    } else {
        client_script::judge_name(&name)
    };
    r.check(NameReceived, started, verdict, None, Some(&name))
        .await?;

    // Send it all, then say "end" (shut down), then wait for the client's own close: a clean
    // end of stream means it read everything; a reset (or EPIPE while sending) means it closed
    // with bytes unread.
    let started = Instant::now();
    let total = file.bytes.len();
    let mut sent = 0;
    let mut broke = false;
    for chunk in file.bytes.chunks(64 * 1024) {
        match timeout(t.step, stream.write_all(chunk)).await {
            Ok(Ok(())) => sent += chunk.len(),
            _ => {
                broke = true;
                break;
            }
        }
    }
    let verdict = if broke {
        client_script::judge_read(sent, total, true)
    } else {
        let _ = stream.shutdown().await;
        let mut rest = Vec::new();
        match read_until(&mut stream, &mut rest, t.step, |_| false).await {
            ReadEnd::Closed => client_script::judge_read(sent, total, false),
            ReadEnd::Broken => client_script::judge_read(sent, total, true),
            ReadEnd::TimedOut | ReadEnd::Done => {
                Verdict::fail(HintId::NotClosed).arg("seconds", millis(t.step).div_ceil(1000))
            }
        }
    };
    drop(stream);
    let first = &file.bytes[..file.bytes.len().min(64)];
    r.check(ReadToTheEnd, started, verdict, Some(first), None)
        .await?;

    let started = Instant::now();
    let verdict = match timeout(t.start, answers.recv()).await {
        Ok(Some(text)) => client_script::judge_sha256(&file.sha256, &text),
        _ => Verdict::no_answer(millis(t.start)),
    };
    r.check(Sha256Printed, started, verdict, None, None).await
}

/// How often the first request tries again while the server is not there yet.
const RETRY: Duration = Duration::from_millis(200);

/// How one request to the learner's server went.
enum Asked {
    /// What came back before the server closed (or reset) the connection.
    Got(Vec<u8>),
    /// Reset with nothing sent: the server process ended while this connection waited in its
    /// listener's queue (or it closed with part of the name unread).
    Reset,
    Refused,
    /// No end within the step's time (what came so far).
    TimedOut,
}

/// One request: connect, send the name in `pieces` (a pause between), shut down the sending
/// side, read to the end.
/// `patience`: how long a refused connect is tried again (the first request waits for the
/// learner to start the server in the folder the relay just made).
async fn ask(program: SocketAddr, pieces: &[&[u8]], t: Timeouts, patience: Duration) -> Asked {
    let deadline = tokio::time::Instant::now() + patience;
    let mut stream = loop {
        match timeout(t.step, TcpStream::connect(program)).await {
            Ok(Ok(stream)) => break stream,
            Ok(Err(_)) if tokio::time::Instant::now() < deadline => {
                sleep(RETRY).await;
            }
            Ok(Err(_)) => return Asked::Refused,
            Err(_) => return Asked::TimedOut,
        }
    };
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            sleep(Duration::from_millis(server_script::PAUSE_MS)).await;
        }
        let _ = stream.write_all(piece).await;
    }
    let _ = stream.shutdown().await;
    let mut got = Vec::new();
    match read_until(&mut stream, &mut got, t.step, |_| false).await {
        ReadEnd::TimedOut => Asked::TimedOut,
        ReadEnd::Broken if got.is_empty() => Asked::Reset,
        _ => Asked::Got(got),
    }
}

/// How a request's answer is judged.
type Judge = fn(&[u8]) -> Verdict;

/// `file_server`: five requests, each on a new connection.
pub async fn server(
    program: SocketAddr,
    folder: Folder,
    r: &mut Reporter,
    t: Timeouts,
) -> Result<(), Stop> {
    use CheckId::*;
    let name = server_script::NORMAL.as_bytes();
    let (head, tail) = name.split_at(server_script::FIRST_PIECE);
    let requests: [(CheckId, Vec<&[u8]>, Judge); 5] = [
        (NormalFile, vec![name], server_script::judge_normal),
        (
            MissingFile,
            vec![server_script::MISSING.as_bytes()],
            server_script::judge_missing,
        ),
        (
            EmptyFile,
            vec![server_script::EMPTY.as_bytes()],
            server_script::judge_empty,
        ),
        (
            OutsideFolderRefused,
            vec![server_script::OUTSIDE.as_bytes()],
            server_script::judge_outside,
        ),
        (NameInPieces, vec![head, tail], server_script::judge_pieces),
    ];
    for (i, (check, pieces, judge)) in requests.into_iter().enumerate() {
        let started = Instant::now();
        let sent = pieces.concat();
        let patience = if i == 0 { t.start } else { Duration::ZERO };
        let (verdict, got) = match ask(program, &pieces, t, patience).await {
            Asked::Got(got) => (judge(&got), Some(got)),
            // A server that read half the name and closed resets too: that is the framing
            // check's own failure; before it, the server is gone.
            Asked::Reset if check == NameInPieces || i == 0 => (judge(&[]), None),
            Asked::Reset => (Verdict::fail(HintId::ExitedAfterOneClient), None),
            Asked::Refused if i == 0 => (
                Verdict::fail(HintId::ConnectionRefused)
                    .arg("port", program.port())
                    .arg("seconds", millis(t.start).div_ceil(1000)),
                None,
            ),
            Asked::Refused => (Verdict::fail(HintId::ExitedAfterOneClient), None),
            Asked::TimedOut => (Verdict::no_answer(millis(t.step)), None),
        };
        r.check(check, started, verdict, Some(&sent), got.as_deref())
            .await?;
    }
    drop(folder);
    Ok(())
}
