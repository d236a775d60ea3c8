//! The file-download lab's figures (issue 5), both sides in one run: a 1 GiB file over
//! loopback, fetched from the relay's own file server by the relay's downloader (to end of
//! stream, SHA-256, temporary file, fsync, rename) versus a plain native client (connect, send
//! the name, read to end of stream, write to disk, fsync), once hashing what it receives with
//! SHA-256 on the way (integrity is part of the feature: the honest comparison) and once not;
//! and the relay's peak memory (VmHWM, reset between runs through /proc/PID/clear_refs) during
//! 10 MiB and 1 GiB downloads. Goals (issue 14): throughput >= 0.95x the hashing plain client
//! (time <= 1.05x) and >= 0.8x the non-hashing one (time <= 1.25x); peak memory < 64 MiB.

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::{Client, Relay};
use protocol::{DownloadMode, DownloadStatus, Reply, Request, ServerMessage};
use sha2::{Digest as _, Sha256};

use crate::stats::{header, median, row};

const MIB: u64 = 1024 * 1024;
const BIG: u64 = 1024 * MIB;
const SMALL: u64 = 10 * MIB;
/// Rounds of the 1 GiB pair (median reported).
const ROUNDS: usize = 5;

pub struct DownloadFigures {
    relay_s: Vec<f64>,
    plain_s: Vec<f64>,
    hashing_s: Vec<f64>,
    /// The plain clients' fsync after their last byte, in seconds.
    plain_fsync_s: Vec<f64>,
    /// The relay's CPU seconds per 1 GiB download (its downloader and its file server).
    relay_cpu_s: Vec<f64>,
    hwm_small: u64,
    hwm_big: u64,
}

/// Writes `len` bytes of pseudo-random data (a 1 MiB block repeated, with the offset mixed in).
fn make_file(path: &Path, len: u64) -> Result<()> {
    let mut f = std::fs::File::create(path)?;
    let mut block = vec![0u8; MIB as usize];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for chunk in block.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes());
    }
    for i in 0..len / MIB {
        block[..8].copy_from_slice(&i.to_le_bytes());
        f.write_all(&block)?;
    }
    f.sync_all()?;
    Ok(())
}

/// The relay's peak resident memory (VmHWM) in bytes.
fn vm_hwm(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .context("no VmHWM")?;
    let kib: u64 = line.split_whitespace().nth(1).context("VmHWM")?.parse()?;
    Ok(kib * 1024)
}

/// CPU seconds (user + system) the process has used so far, from /proc/PID/stat.
fn cpu_seconds(pid: u32) -> Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The fields after the command name (which is in parentheses and may hold spaces):
    // state is field 3, utime 14, stime 15.
    let after = stat.rsplit_once(')').context("stat")?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>()? + fields[12].parse::<u64>()?;
    // USER_HZ is 100 on every Linux the bench runs on.
    Ok(ticks as f64 / 100.0)
}

/// Resets VmHWM to the current RSS (Linux >= 4.0).
fn reset_hwm(pid: u32) -> Result<()> {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").context("clear_refs")
}

/// The plain client: what the course's client does once fixed, and nothing more; with `hash`,
/// it also hashes each piece before writing it (the straightforward way: one thread). Returns
/// the bytes received and how long the fsync after the last one took.
fn plain_download(port: u16, name: &str, to: &Path, hash: bool) -> Result<(u64, Duration)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.write_all(name.as_bytes())?;
    s.shutdown(Shutdown::Write)?;
    let mut f = std::fs::File::create(to)?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut hasher = hash.then(Sha256::new);
    let mut total = 0;
    loop {
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if let Some(hasher) = &mut hasher {
            hasher.update(&buf[..n]);
        }
        f.write_all(&buf[..n])?;
        total += n as u64;
    }
    let sync = Instant::now();
    f.sync_all()?;
    let sync = sync.elapsed();
    // (used, so the hashing is not optimised away)
    if let Some(hasher) = hasher {
        std::hint::black_box(hasher.finalize());
    }
    Ok((total, sync))
}

async fn relay_download(page: &mut Client, port: u16, name: &str, len: u64) -> Result<f64> {
    let started = Instant::now();
    // Not `request`: it would loop over events kept from earlier downloads. Read everything
    // here: the reply, progress, the file server's log line, then `download_finished`.
    let id = page
        .send(Request::DownloadStart {
            host: "127.0.0.1".into(),
            port,
            name: name.into(),
            mode: DownloadMode::UntilEnd,
        })
        .await;
    loop {
        match page.recv_within(Duration::from_secs(120)).await {
            Some(ServerMessage::Error {
                id: Some(got),
                error,
            }) if got == id => {
                bail!("download_start failed: {error:?}")
            }
            Some(ServerMessage::DownloadFinished(r)) => {
                let took = started.elapsed().as_secs_f64();
                if r.status != DownloadStatus::Complete || r.received != len {
                    bail!(
                        "the download ended {:?} with {} bytes",
                        r.status,
                        r.received
                    );
                }
                if r.expected_sha256.as_ref() != Some(&r.sha256) {
                    bail!("checksums differ");
                }
                if let Some(saved) = r.saved_as {
                    std::fs::remove_file(saved)?;
                }
                return Ok(took);
            }
            Some(_) => continue,
            None => bail!("no download_finished within 120 s"),
        }
    }
}

pub async fn measure(relay_bin: &Path) -> Result<DownloadFigures> {
    let work = tempfile::Builder::new()
        .prefix("netlab-bench-")
        .tempdir_in(e2e::target_dir())?;
    let served = work.path().join("served");
    let saved = work.path().join("saved");
    std::fs::create_dir_all(&served)?;
    std::fs::create_dir_all(&saved)?;
    eprintln!("download: making a 1 GiB file in {}", served.display());
    make_file(&served.join("small.bin"), SMALL)?;
    make_file(&served.join("big.bin"), BIG)?;

    let args = [
        "--files",
        served.to_str().context("path")?,
        "--downloads",
        saved.to_str().context("path")?,
    ];
    let relay = Relay::start_binary(relay_bin.to_path_buf(), &args, &[]);
    let pid = relay.pid();
    let mut page = relay.client().await;
    let port = match page
        .request(Request::FileServerStart {
            port: 0,
            read_whole: false,
        })
        .await
    {
        Ok(Reply::FileServer { local, .. }) => local.port(),
        other => bail!("file_server_start answered {other:?}"),
    };

    reset_hwm(pid)?;
    relay_download(&mut page, port, "small.bin", SMALL).await?;
    let hwm_small = vm_hwm(pid)?;

    let (mut relay_s, mut plain_s, mut hashing_s) = (Vec::new(), Vec::new(), Vec::new());
    let mut relay_cpu_s = Vec::new();
    let mut plain_fsync_s = Vec::new();
    let mut hwm_big = 0;
    let plain_to = saved.join("plain.bin");
    for round in 0..ROUNDS {
        eprintln!("download: 1 GiB round {}/{ROUNDS}", round + 1);
        for (hash, times) in [(false, &mut plain_s), (true, &mut hashing_s)] {
            let t = Instant::now();
            let (got, sync) =
                tokio::task::block_in_place(|| plain_download(port, "big.bin", &plain_to, hash))?;
            times.push(t.elapsed().as_secs_f64());
            plain_fsync_s.push(sync.as_secs_f64());
            std::fs::remove_file(&plain_to)?;
            if got != BIG {
                bail!("the plain client got {got} bytes");
            }
        }
        reset_hwm(pid)?;
        let cpu = cpu_seconds(pid)?;
        relay_s.push(relay_download(&mut page, port, "big.bin", BIG).await?);
        relay_cpu_s.push(cpu_seconds(pid)? - cpu);
        hwm_big = hwm_big.max(vm_hwm(pid)?);
    }
    drop(page);
    drop(relay);
    drop(work);
    Ok(DownloadFigures {
        relay_s,
        plain_s,
        hashing_s,
        plain_fsync_s,
        relay_cpu_s,
        hwm_small,
        hwm_big,
    })
}

impl DownloadFigures {
    pub fn print(&self) {
        header(
            &format!("File download, 1 GiB over loopback ({ROUNDS} rounds)"),
            "relay",
            "plain client",
        );
        let relay = median(&self.relay_s);
        let mib = BIG as f64 / MIB as f64;
        for (label, plain, goal) in [
            (
                "  vs hashing plain (time; <=1.05 = >=0.95x)",
                median(&self.hashing_s),
                1.05,
            ),
            (
                "  vs plain, no hash (time; <=1.25 = >=0.8x)",
                median(&self.plain_s),
                1.25,
            ),
        ] {
            row(
                label,
                &format!("{:.0} MiB/s", mib / relay),
                &format!("{:.0} MiB/s", mib / plain),
                relay / plain,
                Some(goal),
            );
        }
        // CPU time hardly depends on what else the machine runs, unlike throughput: this
        // shows whether any work is done twice (the served file's hash is computed in the
        // first round only, then cached).
        let cpu: Vec<String> = self.relay_cpu_s.iter().map(|s| format!("{s:.2}")).collect();
        println!(
            "  relay CPU s per 1 GiB download (downloader + its file server), by round: {}",
            cpu.join(", ")
        );
        // The relay starts writing to disk while it receives (platform/writeback.rs); the plain
        // client, like the course's, leaves it all to its fsync.
        println!(
            "  plain clients' fsync after the last byte, median: {:.0} ms of their time",
            median(&self.plain_fsync_s) * 1000.0
        );
        for (label, hwm) in [
            ("  relay peak memory, 10 MiB", self.hwm_small),
            ("  relay peak memory, 1 GiB", self.hwm_big),
        ] {
            row(
                label,
                &format!("{:.1} MiB", hwm as f64 / MIB as f64),
                "64 MiB limit",
                hwm as f64 / (64 * MIB) as f64,
                Some(1.0),
            );
        }
    }
}
