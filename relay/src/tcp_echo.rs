//! The built-in TCP echo peer on 127.0.0.1: it accepts any number of clients (up to a named
//! limit at a time) and sends every byte each one sends straight back, until that client
//! closes. It is the default "other end" of the TCP client lesson.

use std::io;
use std::sync::Arc;

use tokio::io::AsyncWriteExt as _;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::{JoinHandle, JoinSet};

/// Clients served at the same time; more wait in the listen backlog until one leaves.
pub const MAX_ECHO_CLIENTS: usize = 256;

/// The running echo peer; dropping it stops it, closes every client and frees its port.
#[derive(Debug)]
pub struct TcpEchoPeer {
    port: u16,
    task: JoinHandle<()>,
}

impl TcpEchoPeer {
    /// Listens on 127.0.0.1 on a port the OS picks and starts serving.
    pub async fn start() -> io::Result<TcpEchoPeer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let task = tokio::spawn(serve(listener));
        Ok(TcpEchoPeer { port, task })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for TcpEchoPeer {
    fn drop(&mut self) {
        // Aborting the accept task drops its JoinSet, which aborts every client task.
        self.task.abort();
    }
}

async fn serve(listener: TcpListener) {
    // The semaphore is never closed, so acquiring only waits (like mini-redis's limit).
    let limit = Arc::new(Semaphore::new(MAX_ECHO_CLIENTS));
    let mut clients = JoinSet::new();
    loop {
        let Ok(permit) = limit.clone().acquire_owned().await else {
            return;
        };
        // Reap finished clients so the set does not grow.
        while clients.try_join_next().is_some() {}
        match listener.accept().await {
            Ok((stream, peer)) => {
                clients.spawn(async move {
                    if let Err(e) = echo(stream).await {
                        tracing::debug!("tcp echo peer: client {peer}: {e}");
                    }
                    drop(permit);
                });
            }
            Err(e) => {
                tracing::debug!("tcp echo peer: accept: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        }
    }
}

/// Copies the client's bytes back to it until it closes its side, then closes ours.
async fn echo(mut stream: TcpStream) -> io::Result<()> {
    let _ = stream.set_nodelay(true);
    let (mut from, mut to) = stream.split();
    tokio::io::copy(&mut from, &mut to).await?;
    stream.shutdown().await
}
