//! UDP echo round trips: through the relay's WebSocket (the way the page sends a datagram)
//! versus a plain UDP socket, both to the relay's built-in echo peer on 127.0.0.1.
//!
//! Beside them, for information, the floor under the relay's figure: the same direct UDP
//! round trip plus a plain TCP echo's over loopback (the WebSocket's own hop, with no
//! WebSocket, JSON or relay in it). What the relay adds is its figure less this one.

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::Relay;
use protocol::{Data, Reply, Request, ServerMessage};

use crate::stats::{micros, percentile, row};

/// One round trip slower than this is an error, not a sample.
const ROUND_TRIP_TIMEOUT: Duration = Duration::from_secs(2);
/// Each side stops early (and says so) when it has run this long.
const TIME_BUDGET: Duration = Duration::from_secs(60);
/// Round trips done first and thrown away (connection setup, caches, CPU frequency).
const WARM_UP: usize = 100;
/// The datagram: about what a lesson sends.
const PAYLOAD: &[u8] = "netlab bench 你好 0123456789abcdef".as_bytes();

pub struct UdpFigures {
    relay_us: Vec<f64>,
    direct_us: Vec<f64>,
    /// A plain TCP echo's round trips over loopback.
    tcp_us: Vec<f64>,
}

/// Both sides, each as a plain client would run it: the WebSocket side on a single-threaded
/// runtime of its own (as a browser's page runs on one thread; on the bench's shared
/// multi-threaded runtime every frame would cost a second thread's wake-up, about 12 µs here,
/// that is the client's and not the relay's), the direct side on a blocking socket.
pub async fn measure(relay: &Relay, round_trips: usize) -> Result<UdpFigures> {
    let (relay_us, echo_port) = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?
                    .block_on(through_relay(relay, round_trips))
            })
            .join()
            .map_err(|_| anyhow::anyhow!("the WebSocket side panicked"))?
    })?;
    let direct_us = tokio::task::spawn_blocking(move || direct(echo_port, round_trips))
        .await
        .context("the direct UDP thread")??;
    let tcp_us = tokio::task::spawn_blocking(move || plain_tcp(round_trips))
        .await
        .context("the plain TCP thread")??;
    Ok(UdpFigures {
        relay_us,
        direct_us,
        tcp_us,
    })
}

/// Round trips through the relay's WebSocket; returns them and the echo peer's port.
async fn through_relay(relay: &Relay, round_trips: usize) -> Result<(Vec<f64>, u16)> {
    let mut page = relay.client().await;
    let echo_port = page.welcome().udp_echo_port;
    eprintln!("udp: {round_trips} round trips to the echo peer on 127.0.0.1:{echo_port}");

    let socket = match page
        .request(Request::UdpOpen {
            family: Default::default(),
            recv_size: None,
        })
        .await
    {
        Ok(Reply::Opened { socket, .. }) => socket,
        other => bail!("udp_open answered {other:?}"),
    };
    let mut relay_us = Vec::with_capacity(round_trips);
    let started = Instant::now();
    for i in 0..WARM_UP + round_trips {
        let t0 = Instant::now();
        page.send(Request::UdpSendTo {
            socket,
            host: "127.0.0.1".to_string(),
            port: echo_port,
            data: Data::from(PAYLOAD),
        })
        .await;
        // The `sent` reply and the echoed datagram may come in either order; the round trip
        // ends when the datagram is back.
        loop {
            match page.recv_within(ROUND_TRIP_TIMEOUT).await {
                Some(ServerMessage::UdpDatagram { data, .. }) => {
                    if data.as_slice() != PAYLOAD {
                        bail!("the echo peer sent back different bytes");
                    }
                    break;
                }
                Some(ServerMessage::Reply { .. }) => continue,
                Some(other) => bail!("unexpected message during the benchmark: {other:?}"),
                None => bail!("no echo within {ROUND_TRIP_TIMEOUT:?} (round trip {i})"),
            }
        }
        if i >= WARM_UP {
            relay_us.push(micros(t0.elapsed()));
        }
        if started.elapsed() > TIME_BUDGET {
            eprintln!(
                "udp: the WebSocket side stopped after {} round trips (time budget)",
                relay_us.len()
            );
            break;
        }
    }

    Ok((relay_us, echo_port))
}

/// The same round trips from a plain socket: `sendto`, then `recvfrom`.
fn direct(echo_port: u16, round_trips: usize) -> Result<Vec<f64>> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.set_read_timeout(Some(ROUND_TRIP_TIMEOUT))?;
    let mut buf = [0u8; 2048];
    let mut samples = Vec::with_capacity(round_trips);
    let started = Instant::now();
    for i in 0..WARM_UP + round_trips {
        let t0 = Instant::now();
        socket.send_to(PAYLOAD, ("127.0.0.1", echo_port))?;
        let (n, _from) = socket.recv_from(&mut buf).with_context(|| {
            format!("no direct echo within {ROUND_TRIP_TIMEOUT:?} (round trip {i})")
        })?;
        if &buf[..n] != PAYLOAD {
            bail!("the echo peer sent back different bytes");
        }
        if i >= WARM_UP {
            samples.push(micros(t0.elapsed()));
        }
        if started.elapsed() > TIME_BUDGET {
            break;
        }
    }
    Ok(samples)
}

/// Round trips of a plain TCP echo over loopback: a thread echoing what it reads, and a
/// blocking client writing the payload and reading it back (Nagle off on both ends).
fn plain_tcp(round_trips: usize) -> Result<Vec<f64>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let echo = std::thread::spawn(move || -> std::io::Result<()> {
        let (mut conn, _) = listener.accept()?;
        conn.set_nodelay(true)?;
        let mut buf = [0u8; 2048];
        loop {
            let n = conn.read(&mut buf)?;
            if n == 0 {
                return Ok(());
            }
            conn.write_all(&buf[..n])?;
        }
    });
    let mut client = TcpStream::connect(addr)?;
    client.set_nodelay(true)?;
    client.set_read_timeout(Some(ROUND_TRIP_TIMEOUT))?;
    let mut back = vec![0u8; PAYLOAD.len()];
    let mut samples = Vec::with_capacity(round_trips);
    let started = Instant::now();
    for i in 0..WARM_UP + round_trips {
        let t0 = Instant::now();
        client.write_all(PAYLOAD)?;
        client.read_exact(&mut back).with_context(|| {
            format!("no TCP echo within {ROUND_TRIP_TIMEOUT:?} (round trip {i})")
        })?;
        if back != PAYLOAD {
            bail!("the TCP echo sent back different bytes");
        }
        if i >= WARM_UP {
            samples.push(micros(t0.elapsed()));
        }
        if started.elapsed() > TIME_BUDGET {
            break;
        }
    }
    drop(client);
    echo.join()
        .map_err(|_| anyhow::anyhow!("the TCP echo thread panicked"))??;
    Ok(samples)
}

impl UdpFigures {
    pub fn print(&self) {
        self.print_as("UDP echo round trip", Some(2.0));
        let relay = percentile(&self.relay_us, 50.0);
        let floor = percentile(&self.direct_us, 50.0) + percentile(&self.tcp_us, 50.0);
        row(
            "  p50 vs direct UDP + plain TCP's p50",
            &format!("{relay:.0} µs"),
            &format!("{floor:.0} µs"),
            relay / floor,
            None,
        );
    }

    /// The same table for the Windows build under Wine: information only, since Wine adds its
    /// own cost (every socket call goes through the wineserver process) that Windows has not.
    /// `linux` is the native relay's table, for the line that sets the two side by side.
    pub fn print_windows_under_wine(&self, linux: &UdpFigures) {
        self.print_as("UDP, relay.exe in Wine", None);
        let (wine, native) = (
            percentile(&self.relay_us, 50.0),
            percentile(&linux.relay_us, 50.0),
        );
        row(
            "  p50 via WS: relay.exe in Wine vs Linux",
            &format!("{wine:.0} µs"),
            &format!("{native:.0} µs"),
            wine / native,
            None,
        );
    }

    fn print_as(&self, what: &str, p50_goal: Option<f64>) {
        let title = format!(
            "{what} ({} / {} samples)",
            self.relay_us.len(),
            self.direct_us.len()
        );
        crate::stats::header(&title, "via relay WS", "direct UDP");
        for (label, p, goal) in [("p50", 50.0, p50_goal), ("p99", 99.0, None)] {
            let relay = percentile(&self.relay_us, p);
            let direct = percentile(&self.direct_us, p);
            row(
                &format!("  {label}"),
                &format!("{relay:.0} µs"),
                &format!("{direct:.0} µs"),
                relay / direct,
                goal,
            );
        }
    }
}
