//! Where the downloader puts what it receives: the bytes are hashed (SHA-256) as they arrive,
//! while they are still in the CPU's cache, and each full buffer is written to the temporary
//! file by a thread of its own while the download's task receives into the next one. Each byte
//! is hashed once and written once, and nothing is copied on the way (tokio's file type, used
//! before, copied every piece into a buffer of its own first).
//!
//! Measured (issue 14): hashing on a third thread too cost 10-50% more CPU per GiB than hashing
//! in place, and was slower on a busy 2-core machine: the bytes had left the cache by then.
//!
//! Buffers go round: task -> writer -> task. At most [`BUFFERS`] exist, so memory stays bounded
//! (1 MiB) and a slow disk slows the receiving down instead of piling up bytes.

use std::io::Write as _;

use sha2::{Digest as _, Sha256};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::files::hex;

/// Buffers in flight at most.
const BUFFERS: usize = 4;
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
    hasher: Sha256,
    to_write: Option<std::sync::mpsc::Sender<Filled>>,
    free: mpsc::UnboundedReceiver<Vec<u8>>,
    /// Buffers made so far (at most `BUFFERS`; after that, they come back from the writer).
    made: usize,
    size: usize,
    current: Option<Vec<u8>>,
    filled: usize,
    writer: JoinHandle<std::io::Result<()>>,
}

impl Sink {
    /// A pipeline of `size`-byte buffers that ends in `file`.
    pub fn new(mut file: std::fs::File, size: usize) -> Sink {
        let (to_write, write_rx) = std::sync::mpsc::channel::<Filled>();
        let (free_tx, free) = mpsc::unbounded_channel();
        let writer = tokio::task::spawn_blocking(move || {
            for (buf, n) in write_rx {
                file.write_all(&buf[..n])?;
                let _ = free_tx.send(buf);
            }
            file.flush()
        });
        Sink {
            hasher: Sha256::new(),
            to_write: Some(to_write),
            free,
            made: 0,
            size,
            current: None,
            filled: 0,
            writer,
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

    /// `n` bytes arrived in the room last given: they are hashed now, while still in cache.
    pub fn filled(&mut self, n: usize) {
        if let Some(buf) = &self.current {
            self.hasher.update(&buf[self.filled..self.filled + n]);
        }
        self.filled += n;
    }

    /// Sends the current buffer down the pipeline, if anything is in it.
    fn hand_on(&mut self) {
        if self.filled == 0 {
            return;
        }
        if let (Some(buf), Some(to_write)) = (self.current.take(), &self.to_write) {
            // A stopped writer is seen in `room` (no buffer comes back).
            let _ = to_write.send((buf, self.filled));
        }
        self.filled = 0;
    }

    /// Hands on what is left and waits for the writer: the SHA-256 (lower-case hex) of
    /// everything received, and whether it was all written (the file is not fsynced here).
    pub async fn finish(mut self) -> (String, std::io::Result<()>) {
        self.hand_on();
        drop(self.to_write.take());
        let hash = hex(&self.hasher.finalize());
        let written = self
            .writer
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        (hash, written)
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
