//! The UDP checkers: `udp_sender` (the checker receives) and `udp_receiver` (the checker sends
//! from two ports and waits for the replies on both).

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use checks::udp_receiver::{self as receiver_script, Arrival};
use checks::{Verdict, udp_sender as sender_script};
use protocol::{CheckId, HintId};
use tokio::net::UdpSocket;
use tokio::time::timeout;

use super::prepare::Timeouts;
use super::{Reporter, Stop};

/// Large enough for any datagram: the checker itself never cuts one.
const BUFFER: usize = 65536;

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// One datagram within `wait`, or None.
async fn recv_within(socket: &UdpSocket, wait: Duration) -> Option<(Vec<u8>, SocketAddr)> {
    let mut buf = vec![0; BUFFER];
    match timeout(wait, socket.recv_from(&mut buf)).await {
        Ok(Ok((n, from))) => Some((buf[..n].to_vec(), from)),
        // An error for one datagram (an ICMP report on some systems) is not an answer.
        _ => None,
    }
}

/// `udp_sender`: two runs of the learner's program, each sending the sentence.
pub async fn sender(socket: UdpSocket, r: &mut Reporter, t: Timeouts) -> Result<(), Stop> {
    use CheckId::*;
    let started = Instant::now();
    let Some((first, from1)) = recv_within(&socket, t.start).await else {
        return r
            .check(
                DatagramArrived,
                started,
                Verdict::no_answer(millis(t.start)),
                None,
                None,
            )
            .await;
    };
    let arrived = Verdict::pass().arg("port", from1.port());
    r.check(DatagramArrived, started, arrived, None, Some(&first))
        .await?;
    let judged = Instant::now();
    let verdict = sender_script::judge_sentence(&first);
    r.check(SentenceBytes, judged, verdict, None, Some(&first))
        .await?;

    // Ask for the second run, then wait for it.
    let asked = Instant::now();
    r.check(
        SecondRunArrived,
        asked,
        Verdict::info(HintId::RunAgain),
        None,
        None,
    )
    .await?;
    let Some((second, from2)) = recv_within(&socket, t.start).await else {
        return r
            .check(
                SecondRunArrived,
                asked,
                Verdict::no_answer(millis(t.start)),
                None,
                None,
            )
            .await;
    };
    let verdict = match sender_script::judge_sentence(&second) {
        v if v.passed() => Verdict::pass().arg("port", from2.port()),
        wrong => wrong,
    };
    r.check(SecondRunArrived, asked, verdict, None, Some(&second))
        .await?;
    let judged = Instant::now();
    let verdict = sender_script::judge_ports(from1.port(), from2.port());
    r.check(SourcePortChosenByOs, judged, verdict, None, None)
        .await
}

/// `udp_receiver`: is 7788 held, does each sender get its own reply, what does the OS do with
/// a datagram larger than the program's buffer.
pub async fn receiver(program: SocketAddr, r: &mut Reporter, t: Timeouts) -> Result<(), Stop> {
    use CheckId::*;
    let started = Instant::now();
    let bind = || UdpSocket::bind((Ipv4Addr::LOCALHOST, 0));
    let (Ok(a), Ok(b)) = (bind().await, bind().await) else {
        let verdict = Verdict::fail(HintId::NoAnswer).arg("seconds", 0);
        return r.check(PortBound, started, verdict, None, None).await;
    };
    // Can the checker bind the port itself? Then the program does not hold it (the probe lets
    // go at once). Windows may let a specific address be bound beside a program's wildcard
    // bind, so a probe that got the port is believed only when a datagram gets no answer.
    let verdict = match std::net::UdpSocket::bind(program) {
        Ok(socket) => {
            drop(socket);
            if answers(&a, program).await {
                Verdict::pass()
            } else {
                Verdict::fail(HintId::PortNotBound)
            }
        }
        Err(_) => Verdict::pass(),
    };
    r.check(
        PortBound,
        started,
        verdict.arg("port", program.port()),
        None,
        None,
    )
    .await?;

    let sends: [(&UdpSocket, &UdpSocket, &[u8], CheckId); 2] = [
        (&a, &b, &receiver_script::FIRST, ReplyToFirstSender),
        (&b, &a, &receiver_script::SECOND, ReplyToSecondSender),
    ];
    for (own, other, data, check) in sends {
        let started = Instant::now();
        let _ = own.send_to(data, program).await;
        let arrival = wait_reply(own, other, t.step).await;
        let received = match &arrival {
            Arrival::Own(d) | Arrival::Other { data: d, .. } => Some(d.clone()),
            Arrival::Nothing => None,
        };
        let verdict = receiver_script::judge_reply(data, &arrival, millis(t.step));
        let verdict = verdict.arg("from", own.local_addr().map_or(0, |a| a.port()));
        r.check(check, started, verdict, Some(data), received.as_deref())
            .await?;
    }

    let started = Instant::now();
    let big = receiver_script::oversized();
    let _ = a.send_to(&big, program).await;
    let got = recv_within(&a, t.step).await.map(|(d, _)| d);
    let verdict = receiver_script::judge_oversized(big.len(), got.as_ref().map(Vec::len));
    r.check(
        OversizedDatagram,
        started,
        verdict,
        Some(&big),
        got.as_deref(),
    )
    .await
}

/// Whether the program answers a short datagram within a second (its answer is read and
/// dropped, so the next checks start clean).
async fn answers(socket: &UdpSocket, program: SocketAddr) -> bool {
    let _ = socket.send_to(b"?", program).await;
    recv_within(socket, Duration::from_secs(1)).await.is_some()
}

/// The reply to a datagram `own` sent: at `own`, at the other sender, or nothing in time.
async fn wait_reply(own: &UdpSocket, other: &UdpSocket, wait: Duration) -> Arrival {
    tokio::select! {
        got = recv_within(own, wait) => match got {
            Some((data, _)) => Arrival::Own(data),
            None => Arrival::Nothing,
        },
        Some((data, _)) = recv_within(other, wait) => Arrival::Other {
            port: other.local_addr().map_or(0, |a| a.port()),
            data,
        },
    }
}
