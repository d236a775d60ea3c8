//! Where the downloader puts what it receives: each full buffer goes down a chain of two
//! threads, one hashing it (SHA-256), then one writing it to the temporary file and starting
//! its way to disk early ([`Writeback`]), while the download's task receives into the next.
//! Each byte is hashed once and written once, and nothing is copied on the way (tokio's file
//! type, used before, copied every piece into a buffer of its own first).
//!
//! Measured (issue 14), 1 GiB on a 2-core machine:
//! - hashing in the task as the bytes arrived: 417-424 MiB/s; the task did a recv and a hash per
//!   piece, one core's work, while the writer mostly waited;
//! - hash and write in one thread: 472-535 MiB/s, of which the fsync at the end took 0.55 s;
//! - with the early writeback, one thread: 627-656 MiB/s; hash and write in threads of their
//!   own: 656-752 MiB/s (the fsync takes about 5 ms). (A thread of its own for hashing had cost
//!   10-50% more CPU per GiB on another machine; here the CPU per GiB stayed at 2.0-2.6 s.)
//!
//! Buffers go round: task -> hasher -> writer -> task. At most [`BUFFERS`] exist, so memory
//! stays bounded (2 MiB) and a slow disk slows the receiving down instead of piling up bytes.

use std::io::Write as _;

use sha2::{Digest as _, Sha256};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::files::{hex, sha256_of_nothing};
use crate::platform::writeback::Writeback;

/// Buffers in flight at most.
const BUFFERS: usize = 8;
/// The size of each buffer, for the downloader (fits a core's cache with room to spare).
pub const BUFFER: usize = 256 * 1024;
/// A buffer with less room than this left is handed on rather than filled by a sliver (fewer,
/// larger steps through the pipeline).
const MIN_ROOM: usize = 64 * 1024;

/// A buffer and how many of its bytes arrived.
type Filled = (Vec<u8>, usize);

/// The writer stopped (the disk refused a write): its error comes out of [`Sink::finish`].
#[derive(Debug)]
pub struct WriterStopped;

/// The receiving end of the pipeline, owned by the download's task.
#[derive(Debug)]
pub struct Sink {
    to_hash: Option<std::sync::mpsc::Sender<Filled>>,
    free: mpsc::UnboundedReceiver<Vec<u8>>,
    /// Buffers made so far (at most `BUFFERS`; after that, they come back from the writer).
    made: usize,
    size: usize,
    current: Option<Vec<u8>>,
    filled: usize,
    /// The hasher's answer: the SHA-256 of every byte handed on.
    hashing: JoinHandle<String>,
    /// The writer's: whether all were written.
    writing: JoinHandle<std::io::Result<()>>,
}

impl Sink {
    /// A pipeline of `size`-byte buffers that ends in `file`.
    pub fn new(mut file: std::fs::File, size: usize) -> Sink {
        let (to_hash, hash_rx) = std::sync::mpsc::channel::<Filled>();
        let (to_write, write_rx) = std::sync::mpsc::channel::<Filled>();
        let (free_tx, free) = mpsc::unbounded_channel();
        let hashing = tokio::task::spawn_blocking(move || {
            let mut hasher = Sha256::new();
            for (buf, n) in hash_rx {
                hasher.update(&buf[..n]);
                // A stopped writer is seen in `room` (no buffer comes back).
                let _ = to_write.send((buf, n));
            }
            hex(&hasher.finalize())
        });
        let writing = tokio::task::spawn_blocking(move || {
            let mut written = Ok(());
            let mut free_tx = Some(free_tx);
            let mut writeback = Writeback::default();
            for (buf, n) in write_rx {
                if written.is_ok() {
                    written = file.write_all(&buf[..n]);
                    if written.is_ok() {
                        writeback.wrote(&file, n);
                    }
                }
                match (&written, &free_tx) {
                    (Ok(()), Some(free_tx)) => {
                        let _ = free_tx.send(buf);
                    }
                    // No buffer comes back: the task's `room` says the writer stopped.
                    _ => free_tx = None,
                }
            }
            written.and_then(|()| file.flush())
        });
        Sink {
            to_hash: Some(to_hash),
            free,
            made: 0,
            size,
            current: None,
            filled: 0,
            hashing,
            writing,
        }
    }

    /// Room for the next recv: the rest of the current buffer, or a fresh one (which may mean
    /// waiting for the writer to finish with one).
    pub async fn room(&mut self) -> Result<&mut [u8], WriterStopped> {
        if self.size - self.filled < MIN_ROOM.min(self.size) {
            self.hand_on();
        }
        let buf = match self.current.take() {
            Some(buf) => buf,
            None if self.made < BUFFERS => {
                self.made += 1;
                vec![0; self.size]
            }
            None => self.free.recv().await.ok_or(WriterStopped)?,
        };
        let filled = self.filled;
        Ok(&mut self.current.insert(buf)[filled..])
    }

    /// `n` bytes arrived in the room last given.
    pub fn filled(&mut self, n: usize) {
        self.filled += n;
    }

    /// Sends the current buffer down the pipeline, if anything is in it.
    fn hand_on(&mut self) {
        if self.filled == 0 {
            return;
        }
        if let (Some(buf), Some(to_hash)) = (self.current.take(), &self.to_hash) {
            // A stopped writer is seen in `room` (no buffer comes back).
            let _ = to_hash.send((buf, self.filled));
        }
        self.filled = 0;
    }

    /// Hands on what is left and waits for both threads: the SHA-256 (lower-case hex) of
    /// everything received, and whether it was all written (the file is not fsynced here).
    pub async fn finish(mut self) -> (String, std::io::Result<()>) {
        self.hand_on();
        drop(self.to_hash.take());
        let written = self
            .writing
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        match self.hashing.await {
            Ok(hash) => (hash, written),
            Err(e) => (sha256_of_nothing(), Err(std::io::Error::other(e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read as _, Seek as _};

    use super::*;

    #[tokio::test]
    async fn every_byte_is_hashed_and_written_once_in_order() {
        let mut file = tempfile::tempfile().unwrap();
        // 100-byte buffers are handed on after each byte: 2,000 trips round a pool of 4.
        let mut sink = Sink::new(file.try_clone().unwrap(), 100);
        let mut sent = Vec::new();
        for i in 0..2000u32 {
            let room = sink.room().await.unwrap();
            let byte = (i % 251) as u8;
            room[0] = byte;
            sent.push(byte);
            sink.filled(1);
        }
        let (hash, written) = sink.finish().await;
        written.unwrap();
        let mut back = Vec::new();
        // (the clone shares the file offset: back to the start)
        file.seek(std::io::SeekFrom::Start(0)).unwrap();
        file.read_to_end(&mut back).unwrap();
        assert_eq!(back, sent);
        assert_eq!(hash, crate::files::sha256_of(&mut &sent[..]).unwrap());
    }

    #[tokio::test]
    async fn nothing_received_is_the_hash_of_nothing() {
        let sink = Sink::new(tempfile::tempfile().unwrap(), 1024);
        let (hash, written) = sink.finish().await;
        written.unwrap();
        assert_eq!(
            hash,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[tokio::test]
    async fn a_failing_writer_stops_the_receiving_and_gives_its_error() {
        // A read-only handle: every write fails.
        let path = tempfile::NamedTempFile::new().unwrap();
        let read_only = std::fs::File::open(path.path()).unwrap();
        let mut sink = Sink::new(read_only, 100);
        let mut stopped = false;
        for _ in 0..100 {
            match sink.room().await {
                Ok(room) => {
                    let n = room.len();
                    sink.filled(n);
                }
                Err(WriterStopped) => {
                    stopped = true;
                    break;
                }
            }
        }
        assert!(stopped, "the task was never told the writer stopped");
        let (_, written) = sink.finish().await;
        assert!(written.is_err());
    }
}
