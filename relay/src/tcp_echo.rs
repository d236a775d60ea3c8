//! The built-in TCP echo peer on 127.0.0.1: it accepts any number of clients (up to a named
//! limit at a time) and sends every byte each one sends straight back, until that client
//! closes. It is the default "other end" of the TCP client lesson.

use std::io;

use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;

use crate::loopback_server::LoopbackServer;

/// Clients served at the same time; more wait in the listen backlog until one leaves.
pub const MAX_ECHO_CLIENTS: usize = 256;

/// The running echo peer; dropping it stops it, closes every client and frees its port.
pub type TcpEchoPeer = LoopbackServer;

/// Starts the echo peer on 127.0.0.1 on a port the OS picks.
pub async fn start() -> io::Result<TcpEchoPeer> {
    LoopbackServer::start("tcp echo peer", MAX_ECHO_CLIENTS, echo).await
}

/// Copies the client's bytes back to it until it closes its side, then closes ours.
async fn echo(mut stream: TcpStream) -> io::Result<()> {
    let _ = stream.set_nodelay(true);
    let (mut from, mut to) = stream.split();
    tokio::io::copy(&mut from, &mut to).await?;
    stream.shutdown().await
}
