//! A whole file down a connected TCP socket, from the file's current position to its end.
//!
//! Linux: `sendfile(2)`, so the bytes go from the page cache to the socket without passing
//! through the relay's memory. Elsewhere (and if Linux refuses the file): read and write
//! through one large buffer. std's `io::copy` alone is no shortcut: for a file and a
//! `TcpStream` it reads and sends 8 KiB at a time (checked with strace), 262,144 system calls a
//! GiB, which made the file server cost the relay about a CPU second per GiB served.

use std::fs::File;
use std::io;
use std::net::TcpStream;

/// The copy buffer's size where `sendfile` is not used.
const BUFFER: usize = 256 * 1024;

/// Sends the rest of `file` to `stream` (blocking; a write timeout set on the stream ends it
/// with an error). Returns the bytes sent.
pub fn send_file(file: &mut File, stream: &mut TcpStream) -> io::Result<u64> {
    #[cfg(target_os = "linux")]
    if let Some(sent) = linux::sendfile_all(file, stream)? {
        return Ok(sent);
    }
    copy(file, stream)
}

/// Through one large buffer (std's copy takes a `BufReader`'s own buffer as it is).
fn copy(file: &mut File, stream: &mut TcpStream) -> io::Result<u64> {
    io::copy(&mut io::BufReader::with_capacity(BUFFER, file), stream)
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs::File;
    use std::io;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd as _;

    /// Bytes asked of one `sendfile` call.
    const CHUNK: usize = 1 << 20;

    /// `sendfile` until the end of the file. `None` when the kernel refuses this file before
    /// anything was sent (EINVAL, ENOSYS: not a file it can map), so the caller copies instead.
    pub fn sendfile_all(file: &File, stream: &TcpStream) -> io::Result<Option<u64>> {
        let mut sent = 0u64;
        loop {
            #[allow(unsafe_code)]
            // SAFETY: both descriptors stay open for the call (borrowed from `file` and
            // `stream`); a null offset means the file's own position, which sendfile advances.
            let n = unsafe {
                libc::sendfile(
                    stream.as_raw_fd(),
                    file.as_raw_fd(),
                    std::ptr::null_mut(),
                    CHUNK,
                )
            };
            match n {
                0 => return Ok(Some(sent)),
                n if n > 0 => sent += n as u64,
                _ => {
                    let e = io::Error::last_os_error();
                    match e.raw_os_error() {
                        Some(libc::EINTR) => continue,
                        Some(libc::EINVAL | libc::ENOSYS) if sent == 0 => return Ok(None),
                        _ => return Err(e),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read as _, Seek as _, SeekFrom};
    use std::net::TcpListener;

    use super::*;

    /// 3 MiB and 7 bytes of a pattern that shows any byte out of place.
    fn pattern() -> Vec<u8> {
        (0..3 * 1024 * 1024 + 7u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect()
    }

    /// Sends `file` with `send` to a loopback client; returns (count sent, bytes received).
    fn over_loopback(
        mut file: File,
        send: fn(&mut File, &mut TcpStream) -> io::Result<u64>,
    ) -> (u64, Vec<u8>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let reader = std::thread::spawn(move || {
            let mut client = TcpStream::connect(addr).unwrap();
            let mut got = Vec::new();
            client.read_to_end(&mut got).unwrap();
            got
        });
        let (mut server, _) = listener.accept().unwrap();
        let sent = send(&mut file, &mut server).unwrap();
        server.shutdown(std::net::Shutdown::Write).unwrap();
        (sent, reader.join().unwrap())
    }

    /// The pattern in a file of its own: (its folder, to keep, its path, the bytes).
    fn pattern_file() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
        let data = pattern();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, &data).unwrap();
        (dir, path, data)
    }

    #[test]
    fn the_whole_file_arrives_byte_for_byte_both_ways() {
        let (_dir, path, data) = pattern_file();
        for send in [send_file, copy] {
            let (sent, got) = over_loopback(File::open(&path).unwrap(), send);
            assert_eq!(sent, data.len() as u64);
            assert!(got == data, "{} bytes arrived, not the file's", got.len());
        }
    }

    #[test]
    fn it_starts_at_the_files_position() {
        let (_dir, path, data) = pattern_file();
        for send in [send_file, copy] {
            let mut file = File::open(&path).unwrap();
            file.seek(SeekFrom::Start(1_000_001)).unwrap();
            let (sent, got) = over_loopback(file, send);
            assert_eq!(sent, (data.len() - 1_000_001) as u64);
            assert!(got == data[1_000_001..], "{} bytes arrived", got.len());
        }
    }

    #[test]
    fn an_empty_file_sends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty");
        std::fs::write(&path, b"").unwrap();
        for send in [send_file, copy] {
            assert_eq!(over_loopback(File::open(&path).unwrap(), send), (0, vec![]));
        }
    }
}
