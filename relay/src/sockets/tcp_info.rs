//! `tcp_info`: the kernel's own numbers for a connected TCP socket (see
//! `platform::tcp_info` for how each system offers them, or does not).

use protocol::KernelTcpInfo;
use socket2::SockRef;

pub use crate::platform::tcp_info::state_name;

/// Reads the kernel's view of the connection `sock` (a tokio or std TCP stream). `Err`
/// carries the reason in words (not offered on this system, or the call failed).
pub fn read<'s>(sock: impl Into<SockRef<'s>>) -> Result<KernelTcpInfo, String> {
    crate::platform::tcp_info::read(sock.into())
}
