//! The kernel's own numbers for a connected TCP socket, where the system offers them:
//! - Linux: `getsockopt(fd, IPPROTO_TCP, TCP_INFO)`, every field the lesson shows;
//! - Windows (10 1703 and later): `WSAIoctl(SIO_TCP_INFO)` into `TCP_INFO_v0`: state, MSS,
//!   RTT, congestion window (bytes), bytes in and out, receive window;
//! - macOS: `getsockopt(fd, IPPROTO_TCP, TCP_CONNECTION_INFO)`: state, RTT (ms), RTO,
//!   windows in bytes, packets and bytes counted.
//!
//! Elsewhere (or when the call fails) the answer is "not available here", with the reason, and
//! the page says so. A number a system does not give stays absent (`None`), never 0.
//!
//! No maintained crate reads these safely (`socket2` 0.6 has no accessor, `nix` no `TcpInfo`
//! option), so the raw calls live here behind `#[allow(unsafe_code)]` (the workspace lint is
//! `deny`, not `forbid`, for the platform modules). The conversions from each system's numbers
//! to the protocol's are pure functions, tested on every system.

use protocol::KernelTcpInfo;
use socket2::SockRef;

/// Linux's TCP state numbers (`include/net/tcp_states.h`) as the names `ss` prints.
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

/// Windows' `TCPSTATE` numbers, named as on Linux so the lesson reads the same.
pub fn windows_state_name(state: i32) -> &'static str {
    match state {
        0 => "CLOSE",
        1 => "LISTEN",
        2 => "SYN_SENT",
        3 => "SYN_RECV",
        4 => "ESTABLISHED",
        5 => "FIN_WAIT1",
        6 => "FIN_WAIT2",
        7 => "CLOSE_WAIT",
        8 => "CLOSING",
        9 => "LAST_ACK",
        10 => "TIME_WAIT",
        _ => "UNKNOWN",
    }
}

/// BSD's (macOS') `TCPS_*` numbers (`netinet/tcp_fsm.h`), named as on Linux.
pub fn bsd_state_name(state: u8) -> &'static str {
    match state {
        0 => "CLOSE",
        1 => "LISTEN",
        2 => "SYN_SENT",
        3 => "SYN_RECV",
        4 => "ESTABLISHED",
        5 => "CLOSE_WAIT",
        6 => "FIN_WAIT1",
        7 => "CLOSING",
        8 => "LAST_ACK",
        9 => "FIN_WAIT2",
        10 => "TIME_WAIT",
        _ => "UNKNOWN",
    }
}

/// What Windows' `TCP_INFO_v0` gives that the lesson uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WindowsNumbers {
    pub state: i32,
    pub mss: u32,
    pub rtt_us: u32,
    pub cwnd_bytes: u32,
    pub rcv_wnd: u32,
    pub bytes_in: u64,
}

/// Windows' numbers as the protocol's: the window in segments, the rest absent.
pub fn from_windows(n: &WindowsNumbers) -> KernelTcpInfo {
    KernelTcpInfo {
        source: "SIO_TCP_INFO".to_owned(),
        state: windows_state_name(n.state).to_owned(),
        rtt_us: Some(n.rtt_us),
        snd_cwnd: segments(n.cwnd_bytes, n.mss),
        snd_mss: Some(n.mss),
        bytes_received: Some(n.bytes_in),
        rcv_space: Some(n.rcv_wnd),
        ..KernelTcpInfo::default()
    }
}

/// What macOS' `tcp_connection_info` gives that the lesson uses (times in milliseconds,
/// windows in bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MacNumbers {
    pub state: u8,
    pub rto_ms: u32,
    pub maxseg: u32,
    pub snd_ssthresh: u32,
    pub snd_cwnd: u32,
    pub rcv_wnd: u32,
    pub srtt_ms: u32,
    pub rttvar_ms: u32,
    pub txpackets: u64,
    pub rxpackets: u64,
    pub rxbytes: u64,
}

/// macOS' numbers as the protocol's: times in microseconds, windows in segments.
pub fn from_macos(n: &MacNumbers) -> KernelTcpInfo {
    let us = |ms: u32| Some(ms.saturating_mul(1000));
    KernelTcpInfo {
        source: "TCP_CONNECTION_INFO".to_owned(),
        state: bsd_state_name(n.state).to_owned(),
        rtt_us: us(n.srtt_ms),
        rttvar_us: us(n.rttvar_ms),
        rto_us: us(n.rto_ms),
        snd_cwnd: segments(n.snd_cwnd, n.maxseg),
        snd_ssthresh: segments(n.snd_ssthresh, n.maxseg),
        snd_mss: Some(n.maxseg),
        bytes_received: Some(n.rxbytes),
        segs_out: Some(u32::try_from(n.txpackets).unwrap_or(u32::MAX)),
        segs_in: Some(u32::try_from(n.rxpackets).unwrap_or(u32::MAX)),
        rcv_space: Some(n.rcv_wnd),
        ..KernelTcpInfo::default()
    }
}

/// Bytes as whole segments (rounded up), when the segment size is known.
fn segments(bytes: u32, mss: u32) -> Option<u32> {
    (mss > 0).then(|| bytes.div_ceil(mss))
}

/// Reads the kernel's view of the connection `sock`. `Err` carries the reason in words
/// (not offered on this system, or the call failed).
pub fn read(sock: SockRef<'_>) -> Result<KernelTcpInfo, String> {
    #[cfg(target_os = "linux")]
    return linux::read(sock);
    #[cfg(windows)]
    return windows::read(sock).map(|n| from_windows(&n));
    #[cfg(target_os = "macos")]
    return macos::read(sock).map(|n| from_macos(&n));
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        let _ = sock;
        Err(format!(
            "the kernel's TCP numbers are not available here: this relay runs on {}",
            std::env::consts::OS
        ))
    }
}

#[cfg(windows)]
mod windows {
    use std::os::windows::io::AsRawSocket as _;

    use socket2::SockRef;
    use windows_sys::Win32::Networking::WinSock::{
        SIO_TCP_INFO, SOCKET, SOCKET_ERROR, TCP_INFO_v0, WSAGetLastError, WSAIoctl,
    };

    pub fn read(sock: SockRef<'_>) -> Result<super::WindowsNumbers, String> {
        let version: u32 = 0;
        let mut info = TCP_INFO_v0::default();
        let mut returned: u32 = 0;
        // SAFETY: the socket handle is live for this call (borrowed through `SockRef`); the
        // input is our u32 with its exact size, the output our `TCP_INFO_v0` (plain integers
        // and a bool the call writes as 0 or 1) with its exact size, `returned` is ours, and
        // there is no OVERLAPPED or completion routine, so the call is synchronous and keeps
        // no pointer after it returns.
        #[allow(unsafe_code)]
        let rc = unsafe {
            WSAIoctl(
                sock.as_raw_socket() as SOCKET,
                SIO_TCP_INFO,
                (&raw const version).cast(),
                std::mem::size_of::<u32>() as u32,
                (&raw mut info).cast(),
                std::mem::size_of::<TCP_INFO_v0>() as u32,
                &mut returned,
                std::ptr::null_mut(),
                None,
            )
        };
        if rc == SOCKET_ERROR {
            // SAFETY: reads this thread's last Winsock error; no memory is involved.
            #[allow(unsafe_code)]
            let code = unsafe { WSAGetLastError() };
            return Err(format!(
                "WSAIoctl(SIO_TCP_INFO) failed ({}; it needs Windows 10 1703 or later)",
                std::io::Error::from_raw_os_error(code)
            ));
        }
        Ok(super::WindowsNumbers {
            state: info.State,
            mss: info.Mss,
            rtt_us: info.RttUs,
            cwnd_bytes: info.Cwnd,
            rcv_wnd: info.RcvWnd,
            bytes_in: info.BytesIn,
        })
    }
}

#[cfg(target_os = "macos")]
mod macos {
    use std::os::fd::AsRawFd as _;

    use socket2::SockRef;

    pub fn read(sock: SockRef<'_>) -> Result<super::MacNumbers, String> {
        // SAFETY: `tcp_connection_info` is plain integers (and padding): all zero is a valid
        // value of it.
        #[allow(unsafe_code)]
        let mut info: libc::tcp_connection_info = unsafe { std::mem::zeroed() };
        let mut len = std::mem::size_of::<libc::tcp_connection_info>() as libc::socklen_t;
        // SAFETY: the fd is live for this call (borrowed through `SockRef`); `info` is ours
        // and `len` its exact size, so the kernel writes at most `len` bytes into it.
        #[allow(unsafe_code)]
        let rc = unsafe {
            libc::getsockopt(
                sock.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_CONNECTION_INFO,
                (&raw mut info).cast::<libc::c_void>(),
                &mut len,
            )
        };
        if rc != 0 {
            let e = std::io::Error::last_os_error();
            return Err(format!("getsockopt(TCP_CONNECTION_INFO) failed: {e}"));
        }
        Ok(super::MacNumbers {
            state: info.tcpi_state,
            rto_ms: info.tcpi_rto,
            maxseg: info.tcpi_maxseg,
            snd_ssthresh: info.tcpi_snd_ssthresh,
            snd_cwnd: info.tcpi_snd_cwnd,
            rcv_wnd: info.tcpi_rcv_wnd,
            srtt_ms: info.tcpi_srtt,
            rttvar_ms: info.tcpi_rttvar,
            txpackets: info.tcpi_txpackets,
            rxpackets: info.tcpi_rxpackets,
            rxbytes: info.tcpi_rxbytes,
        })
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
            source: "TCP_INFO".to_owned(),
            state: super::state_name(raw.state).to_owned(),
            rtt_us: Some(raw.rtt),
            rttvar_us: Some(raw.rttvar),
            rto_us: Some(raw.rto),
            retransmits: Some(u32::from(raw.retransmits)),
            total_retrans: Some(raw.total_retrans),
            snd_cwnd: Some(raw.snd_cwnd),
            snd_ssthresh: Some(raw.snd_ssthresh),
            snd_mss: Some(raw.snd_mss),
            rcv_mss: Some(raw.rcv_mss),
            unacked: Some(raw.unacked),
            lost: Some(raw.lost),
            bytes_acked: Some(raw.bytes_acked),
            bytes_received: Some(raw.bytes_received),
            segs_out: Some(raw.segs_out),
            segs_in: Some(raw.segs_in),
            rcv_space: Some(raw.rcv_space),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_numbers_fill_only_what_windows_gives() {
        let info = from_windows(&WindowsNumbers {
            state: 4,
            mss: 65_495,
            rtt_us: 35,
            cwnd_bytes: 10 * 65_495,
            rcv_wnd: 65_535,
            bytes_in: 15,
        });
        assert_eq!(
            info,
            KernelTcpInfo {
                source: "SIO_TCP_INFO".into(),
                state: "ESTABLISHED".into(),
                rtt_us: Some(35),
                snd_cwnd: Some(10),
                snd_mss: Some(65_495),
                bytes_received: Some(15),
                rcv_space: Some(65_535),
                ..KernelTcpInfo::default()
            }
        );
        assert_eq!(windows_state_name(7), "CLOSE_WAIT");
        assert_eq!(windows_state_name(10), "TIME_WAIT");
        assert_eq!(windows_state_name(99), "UNKNOWN");
    }

    #[test]
    fn macos_numbers_become_microseconds_and_segments() {
        let info = from_macos(&MacNumbers {
            state: 4,
            rto_ms: 230,
            maxseg: 16_344,
            snd_ssthresh: 1_073_725_440,
            snd_cwnd: 16_344 * 3 + 1,
            rcv_wnd: 408_256,
            srtt_ms: 1,
            rttvar_ms: 2,
            txpackets: 5,
            rxpackets: 4,
            rxbytes: 15,
        });
        assert_eq!(info.source, "TCP_CONNECTION_INFO");
        assert_eq!(info.state, "ESTABLISHED");
        assert_eq!(
            (info.rtt_us, info.rttvar_us, info.rto_us),
            (Some(1000), Some(2000), Some(230_000))
        );
        assert_eq!(
            info.snd_cwnd,
            Some(4),
            "3 segments and a byte: 4, rounded up"
        );
        assert_eq!(info.snd_mss, Some(16_344));
        assert_eq!((info.segs_out, info.segs_in), (Some(5), Some(4)));
        assert_eq!(info.bytes_received, Some(15));
        assert_eq!(
            (info.bytes_acked, info.unacked, info.lost),
            (None, None, None)
        );
        assert_eq!(bsd_state_name(5), "CLOSE_WAIT");
        assert_eq!(bsd_state_name(9), "FIN_WAIT2");
    }

    #[test]
    fn no_segment_size_means_no_window_in_segments() {
        assert_eq!(segments(1000, 0), None);
        assert_eq!(segments(1000, 500), Some(2));
    }
}
