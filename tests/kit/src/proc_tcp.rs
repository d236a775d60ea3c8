//! What the Linux kernel says about one IPv4 TCP connection's queues (`/proc/net/tcp`), so a
//! test can wait for "the other side's program has read my bytes" instead of sleeping: the
//! sender's `tx_queue` (sent, not yet acknowledged) and the receiver's `rx_queue` (arrived, not
//! yet read by its program) are both 0 exactly then.

use std::net::{SocketAddr, SocketAddrV4};

/// The `(tx_queue, rx_queue)` of the connection from `local` to `remote`, as its owner sees
/// it; None when the kernel lists no such connection (or either address is not IPv4).
pub fn tcp_queues(local: SocketAddr, remote: SocketAddr) -> Option<(u32, u32)> {
    let (SocketAddr::V4(local), SocketAddr::V4(remote)) = (local, remote) else {
        return None;
    };
    let table = std::fs::read_to_string("/proc/net/tcp").ok()?;
    find_queues(&table, local, remote)
}

/// Whether the program on the other end has read everything sent on `(local, remote)` so far:
/// it was all acknowledged, and none of it waits unread in the receiver's queue.
pub fn peer_has_read_all(local: SocketAddr, remote: SocketAddr) -> bool {
    let sent = tcp_queues(local, remote);
    let received = tcp_queues(remote, local);
    matches!((sent, received), (Some((0, _)), Some((_, 0))))
}

/// The kernel's spelling of an address: `0100007F:1F90` is 127.0.0.1:8080 (the address in the
/// machine's byte order, i.e. reversed on little-endian machines; the port big-endian).
fn kernel_form(addr: SocketAddrV4) -> String {
    let ip = u32::from_ne_bytes(addr.ip().octets());
    format!("{ip:08X}:{:04X}", addr.port())
}

fn find_queues(table: &str, local: SocketAddrV4, remote: SocketAddrV4) -> Option<(u32, u32)> {
    let (local, remote) = (kernel_form(local), kernel_form(remote));
    table.lines().skip(1).find_map(|line| {
        let mut fields = line.split_whitespace().skip(1);
        let (l, r, _state, queues) = (
            fields.next()?,
            fields.next()?,
            fields.next()?,
            fields.next()?,
        );
        if l != local || r != remote {
            return None;
        }
        let (tx, rx) = queues.split_once(':')?;
        Some((
            u32::from_str_radix(tx, 16).ok()?,
            u32::from_str_radix(rx, 16).ok()?,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0
   1: 0100007F:1F90 0100007F:D431 01 00000000:00000003 00:00000000 00000000  1000        0 2 1 0 20 4 30 10 -1
   2: 0100007F:D431 0100007F:1F90 01 00000006:00000000 00:00000000 00000000  1000        0 3 1 0 20 4 30 10 -1
";

    fn v4(s: &str) -> SocketAddrV4 {
        s.parse().unwrap()
    }

    #[cfg(target_endian = "little")]
    #[test]
    fn reads_both_ends_of_a_loopback_connection() {
        // 0x1F90 = 8080, 0xD431 = 54321.
        assert_eq!(kernel_form(v4("127.0.0.1:8080")), "0100007F:1F90");
        let (server, client) = (v4("127.0.0.1:8080"), v4("127.0.0.1:54321"));
        assert_eq!(find_queues(TABLE, server, client), Some((0, 3)));
        assert_eq!(find_queues(TABLE, client, server), Some((6, 0)));
        assert_eq!(find_queues(TABLE, client, v4("127.0.0.1:1")), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn sees_unread_bytes_until_the_program_reads_them() {
        use std::io::{Read as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        let (local, remote) = (client.local_addr().unwrap(), client.peer_addr().unwrap());
        client.write_all(b"hello").unwrap();
        // Nobody has read: the check must say so, however long it takes to arrive.
        assert!(!peer_has_read_all(local, remote));
        let mut buf = [0u8; 5];
        server.read_exact(&mut buf).unwrap();
        assert!(peer_has_read_all(local, remote));
    }
}
