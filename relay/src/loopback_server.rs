//! A small TCP server on 127.0.0.1 for the relay's built-in peers (the TCP echo peer, the
//! sample web site): a port the OS picks, at most a named number of clients at once (more wait
//! in the listen backlog until one leaves), one task per client, and everything stopped when
//! the handle is dropped.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::{JoinHandle, JoinSet};

/// The running server; dropping it stops it, closes every client and frees its port.
#[derive(Debug)]
pub struct LoopbackServer {
    port: u16,
    task: JoinHandle<()>,
}

impl LoopbackServer {
    /// Listens on 127.0.0.1 on a port the OS picks and runs `client` for each connection.
    /// `name` only labels log lines.
    pub async fn start<F, Fut>(
        name: &'static str,
        max_clients: usize,
        client: F,
    ) -> io::Result<Self>
    where
        F: Fn(TcpStream) -> Fut + Send + 'static,
        Fut: Future<Output = io::Result<()>> + Send + 'static,
    {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let task = tokio::spawn(serve(listener, name, max_clients, client));
        Ok(LoopbackServer { port, task })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for LoopbackServer {
    fn drop(&mut self) {
        // Aborting the accept task drops its JoinSet, which aborts every client task.
        self.task.abort();
    }
}

async fn serve<F, Fut>(listener: TcpListener, name: &'static str, max_clients: usize, client: F)
where
    F: Fn(TcpStream) -> Fut,
    Fut: Future<Output = io::Result<()>> + Send + 'static,
{
    // The semaphore is never closed, so acquiring only waits (like mini-redis's limit).
    let limit = Arc::new(Semaphore::new(max_clients));
    let mut clients = JoinSet::new();
    loop {
        let Ok(permit) = limit.clone().acquire_owned().await else {
            return;
        };
        // Reap finished clients so the set does not grow.
        while clients.try_join_next().is_some() {}
        match listener.accept().await {
            Ok((stream, peer)) => {
                let served = client(stream);
                clients.spawn(async move {
                    if let Err(e) = served.await {
                        tracing::debug!("{name}: client {peer}: {e}");
                    }
                    drop(permit);
                });
            }
            Err(e) => {
                tracing::debug!("{name}: accept: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}
