//! The TCP checkers: `tcp_quiz_client` (the checker is the server, the question in two pieces)
//! and `tcp_echo_server` (the checker is several clients, one after another).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use checks::{Verdict, tcp_echo as echo_script, tcp_quiz as quiz_script};
use protocol::{CheckId, HintId};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{sleep, timeout};

use super::prepare::Timeouts;
use super::{Reporter, Stop};

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// How a read of the peer's bytes ended.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadEnd {
    /// It had enough (`done` said so).
    Done,
    /// recv returned 0: the peer closed its side.
    Closed,
    /// The connection broke (a reset).
    Broken,
    /// Nothing more within the wait.
    TimedOut,
}

/// Reads into `got` until `done(got)`, the end of the stream, an error, or `wait` has passed.
pub async fn read_until(
    stream: &mut TcpStream,
    got: &mut Vec<u8>,
    wait: Duration,
    done: impl Fn(&[u8]) -> bool,
) -> ReadEnd {
    let deadline = tokio::time::Instant::now() + wait;
    let mut buf = vec![0; 65536];
    while !done(got) {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return ReadEnd::TimedOut,
            Ok(Ok(0)) => return ReadEnd::Closed,
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Ok(Err(_)) => return ReadEnd::Broken,
        }
    }
    ReadEnd::Done
}

/// Two numbers for the question, fresh every run (so no answer can be written in advance).
fn numbers() -> (u32, u32) {
    let mut bytes = [0u8; 2];
    let _ = getrandom::fill(&mut bytes);
    (10 + u32::from(bytes[0]) % 90, 10 + u32::from(bytes[1]) % 90)
}

/// `tcp_quiz_client`.
pub async fn quiz(listener: TcpListener, r: &mut Reporter, t: Timeouts) -> Result<(), Stop> {
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

    let (a, b) = numbers();
    let (first, second) = quiz_script::question(a, b);
    let question = [first.clone(), second.clone()].concat();
    let started = Instant::now();
    let _ = stream.write_all(&first).await;
    // During the pause, anything from the program (or its leaving) means it did not wait.
    let mut early = Vec::new();
    let pause = Duration::from_millis(quiz_script::PAUSE_MS);
    let end = read_until(&mut stream, &mut early, pause, |got| !got.is_empty()).await;
    if end != ReadEnd::TimedOut {
        let verdict = quiz_script::judge_early(&early);
        return r
            .check(
                QuestionReadWhole,
                started,
                verdict,
                Some(&first),
                Some(&early),
            )
            .await;
    }
    let _ = stream.write_all(&second).await;
    let mut line = Vec::new();
    let end = read_until(&mut stream, &mut line, t.step, quiz_script::has_line).await;
    if line.is_empty() {
        let verdict = match end {
            ReadEnd::TimedOut => Verdict::no_answer(millis(t.step)),
            _ => quiz_script::judge_early(&line),
        };
        return r
            .check(QuestionReadWhole, started, verdict, Some(&question), None)
            .await;
    }
    r.check(
        QuestionReadWhole,
        started,
        Verdict::pass(),
        Some(&question),
        None,
    )
    .await?;
    let judged = Instant::now();
    let verdict = quiz_script::judge_answer(&quiz_script::answer(a, b), &line);
    r.check(AnswerCorrect, judged, verdict, None, Some(&line))
        .await?;

    let started = Instant::now();
    let mut rest = Vec::new();
    let end = read_until(&mut stream, &mut rest, t.step, |_| false).await;
    let verdict = match end {
        ReadEnd::Closed | ReadEnd::Broken => Verdict::pass(),
        _ => Verdict::fail(HintId::NotClosed).arg("seconds", millis(t.step).div_ceil(1000)),
    };
    r.check(ClientClosed, started, verdict, None, None).await
}

/// Connects to the program; the failure as the check to report (`after_first`: a refusal then
/// means the server exited after its first client).
async fn connect(
    program: SocketAddr,
    t: Timeouts,
    after_first: bool,
) -> Result<TcpStream, Verdict> {
    match timeout(t.step, TcpStream::connect(program)).await {
        Ok(Ok(stream)) => Ok(stream),
        Ok(Err(_)) if after_first => Err(Verdict::fail(HintId::ExitedAfterOneClient)),
        Ok(Err(_)) => Err(Verdict::fail(HintId::ConnectionRefused).arg("port", program.port())),
        Err(_) => Err(Verdict::no_answer(millis(t.step))),
    }
}

/// Sends `data` in `pieces` with a pause between, while reading the echo into `got`, until
/// all of it came back or the step's time is up.
async fn send_and_read_echo(
    stream: &mut TcpStream,
    data: &[u8],
    pieces: &[usize],
    t: Timeouts,
) -> (Vec<u8>, ReadEnd) {
    let (mut reader, mut writer) = stream.split();
    let write = async {
        let mut at = 0;
        for (i, &n) in pieces.iter().enumerate() {
            if i > 0 {
                sleep(Duration::from_millis(echo_script::PAUSE_MS)).await;
            }
            if writer.write_all(&data[at..at + n]).await.is_err() {
                return;
            }
            at += n;
        }
    };
    let read = async {
        let deadline = tokio::time::Instant::now() + t.step;
        let mut got = Vec::new();
        let mut buf = vec![0; 65536];
        while got.len() < data.len() {
            match tokio::time::timeout_at(deadline, reader.read(&mut buf)).await {
                Err(_) => return (got, ReadEnd::TimedOut),
                Ok(Ok(0)) => return (got, ReadEnd::Closed),
                Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
                Ok(Err(_)) => return (got, ReadEnd::Broken),
            }
        }
        (got, ReadEnd::Done)
    };
    let ((), result) = tokio::join!(write, read);
    result
}

/// After the checker's `shutdown(SHUT_WR)`: does the server close within the step's time?
async fn closes_after_shutdown(stream: &mut TcpStream, t: Timeouts) -> Verdict {
    let _ = stream.shutdown().await;
    let mut rest = Vec::new();
    match read_until(stream, &mut rest, t.step, |_| false).await {
        ReadEnd::Closed | ReadEnd::Broken => Verdict::pass(),
        _ => Verdict::fail(HintId::NoCloseAfterShutdown)
            .arg("seconds", millis(t.step).div_ceil(1000)),
    }
}

/// `tcp_echo_server`.
pub async fn echo(program: SocketAddr, r: &mut Reporter, t: Timeouts) -> Result<(), Stop> {
    use CheckId::*;
    let started = Instant::now();
    let mut stream = match connect(program, t, false).await {
        Ok(stream) => stream,
        Err(verdict) => return r.check(ServerAccepts, started, verdict, None, None).await,
    };
    r.check(ServerAccepts, started, Verdict::pass(), None, None)
        .await?;

    let started = Instant::now();
    let data = echo_script::payload();
    let (got, end) = send_and_read_echo(&mut stream, &data, &echo_script::PIECES, t).await;
    let verdict = if got.is_empty() && end == ReadEnd::TimedOut {
        Verdict::no_answer(millis(t.step))
    } else {
        echo_script::judge_echo(&data, &got)
    };
    r.check(EchoEveryByte, started, verdict, Some(&data), Some(&got))
        .await?;

    let started = Instant::now();
    let verdict = closes_after_shutdown(&mut stream, t).await;
    drop(stream);
    r.check(ClosesAfterPeerShutdown, started, verdict, None, None)
        .await?;

    for client in 2..=echo_script::CLIENTS {
        let started = Instant::now();
        let mut stream = match connect(program, t, true).await {
            Ok(stream) => stream,
            Err(verdict) => {
                return r
                    .check(NextClientServed, started, verdict, None, None)
                    .await;
            }
        };
        let data = echo_script::greeting(client);
        let (got, end) = send_and_read_echo(&mut stream, &data, &[data.len()], t).await;
        let verdict = if got.is_empty() && end == ReadEnd::TimedOut {
            Verdict::no_answer(millis(t.step))
        } else if got.is_empty() {
            // Accepted by the kernel's backlog, then closed with nothing: the program was
            // already on its way out when this client came.
            Verdict::fail(HintId::ExitedAfterOneClient)
        } else if got == data {
            closes_after_shutdown(&mut stream, t).await
        } else {
            echo_script::judge_echo(&data, &got)
        };
        let verdict = verdict.arg("client", client);
        r.check(NextClientServed, started, verdict, Some(&data), Some(&got))
            .await?;
    }
    Ok(())
}
