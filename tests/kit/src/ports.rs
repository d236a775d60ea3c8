//! Free ports on 127.0.0.1, for programs that need a number up front (a Python peer, a port
//! typed into the page, chromedriver). Prefer binding port 0 yourself when you can: a port
//! free now may be taken by the time it is used.

use std::net::{TcpListener, UdpSocket};

/// A TCP port on 127.0.0.1 that was free a moment ago (nothing listens there now).
pub fn free_tcp_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind TCP 127.0.0.1:0")
        .port()
}

/// A UDP port on 127.0.0.1 that was free a moment ago (nothing is bound there now).
pub fn free_udp_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("bind UDP 127.0.0.1:0")
        .port()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_port_can_be_bound_again() {
        let tcp = free_tcp_port();
        assert_ne!(tcp, 0);
        TcpListener::bind(("127.0.0.1", tcp)).expect("the TCP port is free");
        let udp = free_udp_port();
        assert_ne!(udp, 0);
        UdpSocket::bind(("127.0.0.1", udp)).expect("the UDP port is free");
    }
}
