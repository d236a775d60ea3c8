//! The file-download lab (curriculum 8): the course's file server ([`server`]), confined to one
//! folder ([`jail`]) that holds the lesson's samples ([`samples`]) or the learner's own folder,
//! and the downloader that does the course client's job right ([`download`]).

pub mod download;
pub mod jail;
pub mod lab;
pub mod samples;
pub mod server;
pub mod sink;
pub mod whole;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use protocol::FileEntry;
use sha2::{Digest as _, Sha256};

use crate::files::jail::{Found, Jail};

/// How long the downloader waits for the next byte before it calls the server stalled.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(10);

/// A cached checksum: (size, modification time, SHA-256).
type Hashed = (u64, Option<SystemTime>, String);

/// What every session's file server and downloader share.
#[derive(Debug)]
pub struct Files {
    pub jail: Jail,
    /// Where downloads are saved (made when the first download starts).
    pub downloads: PathBuf,
    pub stall_timeout: Duration,
    /// SHA-256 of served files, by path, valid while size and modification time stay.
    hashes: Mutex<HashMap<PathBuf, Hashed>>,
}

impl Files {
    pub fn new(
        served: &Path,
        downloads: PathBuf,
        stall_timeout: Duration,
    ) -> std::io::Result<Files> {
        Ok(Files {
            jail: Jail::new(served)?,
            downloads,
            stall_timeout,
            hashes: Mutex::default(),
        })
    }

    /// The folder's regular files (top level, sorted by name), with sizes and checksums.
    /// Blocking: call it from a blocking thread.
    pub fn list(&self) -> Vec<FileEntry> {
        let Ok(dir) = std::fs::read_dir(self.jail.root()) else {
            return Vec::new();
        };
        let mut names: Vec<String> = dir
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        names
            .into_iter()
            .filter_map(|name| {
                let (size, sha256) = self.expected(name.as_bytes())?;
                Some(FileEntry { name, size, sha256 })
            })
            .collect()
    }

    /// The size and SHA-256 of the file the server would send for `name`, if it would send
    /// one. Blocking.
    pub fn expected(&self, name: &[u8]) -> Option<(u64, String)> {
        let Ok(Found::File { mut file, size }) = self.jail.open(name) else {
            return None;
        };
        let path = self.jail.path_of(name).ok()?;
        let modified = file.metadata().ok()?.modified().ok();
        if let Some((s, m, hash)) = self.hashes.lock().ok()?.get(&path)
            && *s == size
            && *m == modified
        {
            return Some((size, hash.clone()));
        }
        let hash = sha256_of(&mut file).ok()?;
        self.hashes
            .lock()
            .ok()?
            .insert(path, (size, modified, hash.clone()));
        Some((size, hash))
    }

    /// Only the size (cheap), for the progress bar's total.
    pub fn expected_size(&self, name: &[u8]) -> Option<u64> {
        match self.jail.open(name) {
            Ok(Found::File { size, .. }) => Some(size),
            _ => None,
        }
    }
}

/// Lower-case hex SHA-256 of everything `reader` gives.
pub fn sha256_of(reader: &mut impl std::io::Read) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 256 * 1024];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&buf[..n]);
    }
}

/// Lower-case hex SHA-256 of no bytes at all: what a download that received nothing (or
/// stopped before its hasher could answer) reports.
pub fn sha256_of_nothing() -> String {
    hex(&Sha256::digest(b""))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_nothing_is_the_well_known_one() {
        assert_eq!(
            sha256_of(&mut std::io::empty()).unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_of_nothing(),
            sha256_of(&mut std::io::empty()).unwrap()
        );
    }

    #[test]
    fn list_and_expected_use_the_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), b"abc").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let files = Files::new(dir.path(), dir.path().join("dl"), STALL_TIMEOUT).unwrap();
        let list = files.list();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "a.txt");
        assert_eq!(
            list[0].sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(files.expected(b"../a.txt"), None);
        assert_eq!(files.expected_size(b"a.txt"), Some(3));
    }
}
