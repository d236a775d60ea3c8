//! Socket options whose right choice differs by system, so that "a second bind of the same
//! port is EADDRINUSE" holds everywhere, as the lessons say.
//!
//! - Linux and macOS: a bind is exclusive already. A listener sets `SO_REUSEADDR` (as tokio and
//!   Python's socketserver do), which there only lets it take over a port whose old
//!   connections wait in TIME_WAIT.
//! - Windows: `SO_REUSEADDR` means something else: a second socket may bind the very port
//!   another one uses, and steal its traffic. So page sockets never set it there and set
//!   `SO_EXCLUSIVEADDRUSE` instead (Microsoft's advice for servers): nobody else may bind the
//!   port while the socket holds it.

use std::io;

use socket2::Socket;

/// Prepares a socket the page will `listen` on, before its bind.
pub fn prepare_listener(socket: &Socket) -> io::Result<()> {
    if cfg!(windows) {
        exclusive(socket)
    } else {
        socket.set_reuse_address(true)
    }
}

/// Prepares a UDP socket of the page, before its bind.
pub fn prepare_udp(socket: &Socket) -> io::Result<()> {
    exclusive(socket)
}

/// `SO_EXCLUSIVEADDRUSE` on Windows; nothing elsewhere (binds are exclusive by default).
#[cfg(windows)]
fn exclusive(socket: &Socket) -> io::Result<()> {
    use std::os::windows::io::AsRawSocket as _;
    use windows_sys::Win32::Networking::WinSock::{
        SO_EXCLUSIVEADDRUSE, SOCKET, SOCKET_ERROR, SOL_SOCKET, WSAGetLastError, setsockopt,
    };

    let on: i32 = 1;
    // SAFETY: the socket handle is live for this call (borrowed from `socket`); `optval`
    // points to an i32 we own and `optlen` is exactly its size, so Winsock reads 4 bytes of
    // our memory and keeps no pointer.
    #[allow(unsafe_code)]
    let rc = unsafe {
        setsockopt(
            socket.as_raw_socket() as SOCKET,
            SOL_SOCKET,
            SO_EXCLUSIVEADDRUSE,
            (&raw const on).cast::<u8>(),
            std::mem::size_of::<i32>() as i32,
        )
    };
    if rc == SOCKET_ERROR {
        // SAFETY: reads this thread's last Winsock error; no memory is involved.
        #[allow(unsafe_code)]
        let code = unsafe { WSAGetLastError() };
        return Err(io::Error::from_raw_os_error(code));
    }
    Ok(())
}

#[cfg(not(windows))]
fn exclusive(_socket: &Socket) -> io::Result<()> {
    Ok(())
}
