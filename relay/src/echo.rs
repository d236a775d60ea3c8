//! The built-in UDP echo peer on 127.0.0.1: whatever datagram it receives, it sends straight
//! back to the sender. It gives every lesson something to talk to before the learner has
//! written a server of their own.

use std::io;

use protocol::limits::RECV_BUFFER;
use tokio::net::UdpSocket;
use tokio::task::JoinHandle;

/// The running echo peer; dropping it stops it and frees its port.
#[derive(Debug)]
pub struct EchoPeer {
    port: u16,
    task: JoinHandle<()>,
}

impl EchoPeer {
    /// Binds 127.0.0.1 on a port the OS picks and starts echoing.
    pub async fn start() -> io::Result<EchoPeer> {
        let socket = UdpSocket::bind(("127.0.0.1", 0)).await?;
        let port = socket.local_addr()?.port();
        let task = tokio::spawn(echo(socket));
        Ok(EchoPeer { port, task })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for EchoPeer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn echo(socket: UdpSocket) {
    let mut buf = vec![0u8; RECV_BUFFER];
    loop {
        let (n, from) = match socket.recv_from(&mut buf).await {
            Ok(got) => got,
            // An ICMP error from an earlier reply (say the sender closed its socket) can
            // surface here; it concerns one sender only, so the peer keeps serving.
            Err(e) => {
                tracing::debug!("udp echo peer: recv: {e}");
                continue;
            }
        };
        if let Err(e) = socket.send_to(&buf[..n], from).await {
            tracing::debug!("udp echo peer: send to {from}: {e}");
        }
    }
}
