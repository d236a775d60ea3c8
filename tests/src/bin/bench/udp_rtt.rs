//! UDP echo round trips: through the relay's WebSocket (the way the page sends a datagram)
//! versus a plain UDP socket, both to the relay's built-in echo peer on 127.0.0.1.
//!
//! The sides take turns (see [`measure`]). Beside them, for information, the floor under the
//! relay's figure: the same direct UDP round trip plus a plain TCP echo's over loopback (the
//! WebSocket's own hop, with no WebSocket, JSON or relay in it). What the relay adds is its
//! figure less this one.
//!
//! And the context switches and time on a CPU per trip of the relay's process and of the
//! client's thread, for both sides: on the 2-core VM a wake-up is most of a loopback round
//! trip's time, so their count is the mechanism behind the ratio, and the CPU time is the work
//! that the host's taking CPU time from the VM stretches (see `switches.rs`).

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::Relay;
use protocol::{Data, Reply, Request, ServerMessage, SocketId};

use crate::stats::{micros, percentile, row};
use crate::switches;

/// One round trip slower than this is an error, not a sample.
const ROUND_TRIP_TIMEOUT: Duration = Duration::from_secs(2);
/// The measurement stops early (and says so) when it has run this long.
const TIME_BUDGET: Duration = Duration::from_secs(120);
/// Round trips per side per turn. The first turn of each side is a warm-up and thrown away
/// (connection setup, caches, CPU frequency).
const TURN: usize = 100;
/// The datagram: about what a lesson sends.
const PAYLOAD: &[u8] = "netlab bench 你好 0123456789abcdef".as_bytes();

pub struct UdpFigures {
    relay_us: Vec<f64>,
    direct_us: Vec<f64>,
    /// A plain TCP echo's round trips over loopback.
    tcp_us: Vec<f64>,
    /// Context switches and CPU time during the kept turns through the relay, and during direct
    /// UDP's (whose echo peer is the relay's): `None` where they cannot be read (see
    /// `switches.rs`).
    relay_counts: Option<Counted>,
    direct_counts: Option<Counted>,
}

/// Context switches and CPU time counted apart: the relay's process (all its threads) and the
/// client's thread.
#[derive(Clone, Copy, Default)]
struct Counted {
    relay: switches::Counts,
    client: switches::Counts,
}

/// The counts at one moment, to take what was done since from.
struct Snapshot {
    relay: switches::Threads,
    client: switches::Counts,
}

impl Snapshot {
    fn now(pid: u32) -> Option<Snapshot> {
        Some(Snapshot {
            relay: switches::of_process(pid)?,
            client: switches::of_this_thread()?,
        })
    }
}

impl Counted {
    /// `self` plus what happened from `before` to `after`.
    fn plus(self, before: &Snapshot, after: &Snapshot) -> Counted {
        Counted {
            relay: self.relay + after.relay.since(&before.relay),
            client: self.client + (after.client - before.client),
        }
    }
}

/// The three sides take turns of [`TURN`] round trips each, in an order that rotates, all
/// from one client thread. On the 2-core VM a wake-up's cost changes within a run by up to
/// 10x, so sides measured one after the other met different conditions (direct UDP took 8 µs
/// in one run, after the relay's 138 µs had met slow ones). Taking turns, they meet the same.
///
/// Each side runs as a plain client would: the WebSocket side on a single-threaded runtime
/// (as a browser's page runs on one thread; on the bench's shared multi-threaded runtime
/// every frame would cost a second thread's wake-up, that is the client's and not the
/// relay's), the direct sides on blocking sockets.
/// It blocks the calling thread until all three are done (the client runs on a thread and a
/// runtime of its own).
pub fn measure(relay: &Relay, round_trips: usize) -> Result<UdpFigures> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| take_turns(relay, round_trips))
            .join()
            .map_err(|_| anyhow::anyhow!("the round-trip thread panicked"))?
    })
}

fn take_turns(relay: &Relay, round_trips: usize) -> Result<UdpFigures> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut ws = runtime.block_on(ThroughRelay::open(relay))?;
    eprintln!(
        "udp: {round_trips} round trips each to the echo peer on 127.0.0.1:{}, through the \
         relay, direct, and a plain TCP echo beside them, in turns of {TURN}",
        ws.echo_port
    );
    let mut direct = Direct::open(ws.echo_port)?;
    let mut tcp = PlainTcp::start()?;
    let mut figures = UdpFigures {
        relay_us: Vec::with_capacity(round_trips),
        direct_us: Vec::with_capacity(round_trips),
        tcp_us: Vec::with_capacity(round_trips),
        relay_counts: Some(Counted::default()),
        direct_counts: Some(Counted::default()),
    };
    let pid = relay.pid();
    let started = Instant::now();
    let turns = 1 + round_trips.div_ceil(TURN);
    for turn in 0..turns {
        for side in 0..3 {
            let which = (turn + side) % 3;
            // Counted for the relay's and direct UDP's kept turns only.
            let before = (turn > 0 && which < 2)
                .then(|| Snapshot::now(pid))
                .flatten();
            let (samples, kept, counted) = match which {
                0 => (
                    runtime.block_on(ws.trips(TURN))?,
                    &mut figures.relay_us,
                    Some(&mut figures.relay_counts),
                ),
                1 => (
                    direct.trips(TURN)?,
                    &mut figures.direct_us,
                    Some(&mut figures.direct_counts),
                ),
                _ => (tcp.trips(TURN)?, &mut figures.tcp_us, None),
            };
            if turn > 0 {
                kept.extend(samples);
                if let Some(total) = counted {
                    *total = match (*total, &before, Snapshot::now(pid)) {
                        (Some(total), Some(before), Some(after)) => {
                            Some(total.plus(before, &after))
                        }
                        _ => None,
                    };
                }
            }
        }
        if started.elapsed() > TIME_BUDGET && turn > 0 {
            eprintln!(
                "udp: stopped after {} round trips each (time budget)",
                figures.relay_us.len()
            );
            break;
        }
    }
    tcp.finish()?;
    Ok(figures)
}

/// The page's way: a `udp_sendto` over the relay's WebSocket, then the `udp_datagram` back.
struct ThroughRelay {
    page: testkit::Client,
    socket: SocketId,
    echo_port: u16,
}

impl ThroughRelay {
    async fn open(relay: &Relay) -> Result<ThroughRelay> {
        let mut page = relay.client().await;
        let echo_port = page.welcome().udp_echo_port;
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
        Ok(ThroughRelay {
            page,
            socket,
            echo_port,
        })
    }

    async fn trips(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut samples = Vec::with_capacity(n);
        for _ in 0..n {
            let t0 = Instant::now();
            self.page
                .send(Request::UdpSendTo {
                    socket: self.socket,
                    host: "127.0.0.1".to_string(),
                    port: self.echo_port,
                    data: Data::from(PAYLOAD),
                })
                .await;
            // The `sent` reply and the echoed datagram may come in either order; the round
            // trip ends when the datagram is back.
            loop {
                match self.page.recv_within(ROUND_TRIP_TIMEOUT).await {
                    Some(ServerMessage::UdpDatagram { data, .. }) => {
                        if data.as_slice() != PAYLOAD {
                            bail!("the echo peer sent back different bytes");
                        }
                        break;
                    }
                    Some(ServerMessage::Reply { .. }) => continue,
                    Some(other) => bail!("unexpected message during the benchmark: {other:?}"),
                    None => bail!("no echo through the relay within {ROUND_TRIP_TIMEOUT:?}"),
                }
            }
            samples.push(micros(t0.elapsed()));
        }
        Ok(samples)
    }
}

/// The same round trips from a plain socket: `sendto`, then `recvfrom`.
struct Direct {
    socket: UdpSocket,
    echo_port: u16,
}

impl Direct {
    fn open(echo_port: u16) -> Result<Direct> {
        let socket = UdpSocket::bind("127.0.0.1:0")?;
        socket.set_read_timeout(Some(ROUND_TRIP_TIMEOUT))?;
        Ok(Direct { socket, echo_port })
    }

    fn trips(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut buf = [0u8; 2048];
        let mut samples = Vec::with_capacity(n);
        for _ in 0..n {
            let t0 = Instant::now();
            self.socket
                .send_to(PAYLOAD, ("127.0.0.1", self.echo_port))?;
            let (got, _from) = self
                .socket
                .recv_from(&mut buf)
                .with_context(|| format!("no direct echo within {ROUND_TRIP_TIMEOUT:?}"))?;
            if &buf[..got] != PAYLOAD {
                bail!("the echo peer sent back different bytes");
            }
            samples.push(micros(t0.elapsed()));
        }
        Ok(samples)
    }
}

/// Round trips of a plain TCP echo over loopback: a thread echoing what it reads, and a
/// blocking client writing the payload and reading it back (Nagle off on both ends).
struct PlainTcp {
    client: TcpStream,
    echo: std::thread::JoinHandle<std::io::Result<()>>,
}

impl PlainTcp {
    fn start() -> Result<PlainTcp> {
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
        let client = TcpStream::connect(addr)?;
        client.set_nodelay(true)?;
        client.set_read_timeout(Some(ROUND_TRIP_TIMEOUT))?;
        Ok(PlainTcp { client, echo })
    }

    fn trips(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut back = vec![0u8; PAYLOAD.len()];
        let mut samples = Vec::with_capacity(n);
        for _ in 0..n {
            let t0 = Instant::now();
            self.client.write_all(PAYLOAD)?;
            self.client
                .read_exact(&mut back)
                .with_context(|| format!("no TCP echo within {ROUND_TRIP_TIMEOUT:?}"))?;
            if back != PAYLOAD {
                bail!("the TCP echo sent back different bytes");
            }
            samples.push(micros(t0.elapsed()));
        }
        Ok(samples)
    }

    /// Closes the client and waits for the echo thread to see it.
    fn finish(self) -> Result<()> {
        drop(self.client);
        self.echo
            .join()
            .map_err(|_| anyhow::anyhow!("the TCP echo thread panicked"))??;
        Ok(())
    }
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
        // Where the wake-ups are: direct UDP wakes the relay's echo peer once and the client
        // once per trip. And the work: time on a CPU, which a wake-up's latency does not add to.
        if let (Some(via), Some(direct)) = (self.relay_counts, self.direct_counts) {
            // (label, through the relay, direct, per trip in, unit)
            for (label, via, direct, scale, unit) in [
                (
                    "  switches per trip: relay process",
                    via.relay.switches,
                    direct.relay.switches,
                    1.0,
                    "",
                ),
                (
                    "  switches per trip: client thread",
                    via.client.switches,
                    direct.client.switches,
                    1.0,
                    "",
                ),
                (
                    "  CPU per trip: relay process",
                    via.relay.cpu_ns,
                    direct.relay.cpu_ns,
                    1000.0,
                    " µs",
                ),
                (
                    "  CPU per trip: client thread",
                    via.client.cpu_ns,
                    direct.client.cpu_ns,
                    1000.0,
                    " µs",
                ),
                // What the ratio tends to when the host stretches every µs of work alike.
                (
                    "  CPU per trip: both",
                    via.relay.cpu_ns + via.client.cpu_ns,
                    direct.relay.cpu_ns + direct.client.cpu_ns,
                    1000.0,
                    " µs",
                ),
            ] {
                let via = via as f64 / self.relay_us.len() as f64 / scale;
                let direct = direct as f64 / self.direct_us.len() as f64 / scale;
                row(
                    label,
                    &format!("{via:.1}{unit}"),
                    &format!("{direct:.1}{unit}"),
                    via / direct,
                    None,
                );
            }
        }
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
