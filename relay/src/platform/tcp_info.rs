//! The kernel's own numbers for a connected TCP socket, where the system offers them: Linux's
//! `getsockopt(fd, IPPROTO_TCP, TCP_INFO)`. Elsewhere the answer is "not available here",
//! with the reason, and the page says so.
//!
//! No maintained crate reads TCP_INFO safely: `socket2` 0.6 has no accessor for it, `nix`
//! exposes no `TcpInfo` option, and `libc` has the struct but only the raw `getsockopt`. So the
//! one call lives here behind `#[allow(unsafe_code)]` (the workspace lint is `deny`, not
//! `forbid`, for the platform modules), into a struct of our own laid out as the kernel's.

use protocol::KernelTcpInfo;
use socket2::SockRef;

/// The kernel's TCP state numbers (`include/net/tcp_states.h`) as the names `ss` prints.
pub fn state_name(state: u8) -> &'static str {
    match state {
        1 => "ESTABLISHED",
        2 => "SYN_SENT",
        3 => "SYN_RECV",
        4 => "FIN_WAIT1",
        5 => "FIN_WAIT2",
        6 => "TIME_WAIT",
        7 => "CLOSE",
        8 => "CLOSE_WAIT",
        9 => "LAST_ACK",
        10 => "LISTEN",
        11 => "CLOSING",
        _ => "UNKNOWN",
    }
}

/// Reads the kernel's view of the connection `sock`. `Err` carries the reason in words
/// (another system, or the call failed).
pub fn read(sock: SockRef<'_>) -> Result<KernelTcpInfo, String> {
    #[cfg(target_os = "linux")]
    return linux::read(sock);
    #[cfg(not(target_os = "linux"))]
    {
        let _ = sock;
        Err(format!(
            "the kernel's TCP numbers (TCP_INFO) are not available here: this relay runs on {}",
            std::env::consts::OS
        ))
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::os::fd::AsRawFd as _;

    use protocol::KernelTcpInfo;
    use socket2::SockRef;

    /// The prefix of Linux's `struct tcp_info` (`include/uapi/linux/tcp.h`) up to
    /// `tcpi_segs_in`, field for field. The kernel copies `min(len, sizeof(its struct))`
    /// bytes, so a prefix is a valid buffer; `read` checks how many bytes came back.
    #[repr(C)]
    #[derive(Debug, Default)]
    struct RawTcpInfo {
        state: u8,
        ca_state: u8,
        retransmits: u8,
        probes: u8,
        backoff: u8,
        options: u8,
        wscales: u8,
        delivery_flags: u8,
        rto: u32,
        ato: u32,
        snd_mss: u32,
        rcv_mss: u32,
        unacked: u32,
        sacked: u32,
        lost: u32,
        retrans: u32,
        fackets: u32,
        last_data_sent: u32,
        last_ack_sent: u32,
        last_data_recv: u32,
        last_ack_recv: u32,
        pmtu: u32,
        rcv_ssthresh: u32,
        rtt: u32,
        rttvar: u32,
        snd_ssthresh: u32,
        snd_cwnd: u32,
        advmss: u32,
        reordering: u32,
        rcv_rtt: u32,
        rcv_space: u32,
        total_retrans: u32,
        pacing_rate: u64,
        max_pacing_rate: u64,
        bytes_acked: u64,
        bytes_received: u64,
        segs_out: u32,
        segs_in: u32,
    }

    // The layout the kernel writes: 8 one-byte fields, 24 u32, 4 u64, 2 u32.
    const _: () = assert!(std::mem::size_of::<RawTcpInfo>() == 8 + 24 * 4 + 4 * 8 + 2 * 4);

    pub fn read(sock: SockRef<'_>) -> Result<KernelTcpInfo, String> {
        let fd = sock.as_raw_fd();
        let mut raw = RawTcpInfo::default();
        let mut len = std::mem::size_of::<RawTcpInfo>() as libc::socklen_t;
        // SAFETY: `fd` is a live socket borrowed for this call (`SockRef`); `raw` is a plain
        // `#[repr(C)]` struct of integers (every bit pattern is valid) and `len` is its exact
        // size, so the kernel writes at most `len` bytes into memory we own, and tells us how
        // many it wrote in `len`.
        #[allow(unsafe_code)]
        let rc = unsafe {
            libc::getsockopt(
                fd,
                libc::IPPROTO_TCP,
                libc::TCP_INFO,
                (&raw mut raw).cast::<libc::c_void>(),
                &mut len,
            )
        };
        if rc != 0 {
            let e = std::io::Error::last_os_error();
            return Err(format!("getsockopt(TCP_INFO) failed: {e}"));
        }
        if (len as usize) < std::mem::size_of::<RawTcpInfo>() {
            return Err(format!(
                "this kernel's TCP_INFO is older ({len} bytes) and lacks the byte counters"
            ));
        }
        Ok(KernelTcpInfo {
            state: super::state_name(raw.state).to_owned(),
            rtt_us: raw.rtt,
            rttvar_us: raw.rttvar,
            rto_us: raw.rto,
            retransmits: u32::from(raw.retransmits),
            total_retrans: raw.total_retrans,
            snd_cwnd: raw.snd_cwnd,
            snd_ssthresh: raw.snd_ssthresh,
            snd_mss: raw.snd_mss,
            rcv_mss: raw.rcv_mss,
            unacked: raw.unacked,
            lost: raw.lost,
            bytes_acked: raw.bytes_acked,
            bytes_received: raw.bytes_received,
            segs_out: raw.segs_out,
            segs_in: raw.segs_in,
            rcv_space: raw.rcv_space,
        })
    }
}
