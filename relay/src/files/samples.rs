//! The lesson's sample files, made at start-up (deterministically, so every learner and every
//! test sees the same bytes) in a cache folder rather than shipped as megabytes in the
//! repository: a few bytes, an empty file, a few KiB of text, several MiB of binary.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The sample folder's name under the system's temporary folder (bump it when contents change).
const FOLDER: &str = "netlab-samples-v1";

/// The binary sample's size: several MiB, and not a multiple of any buffer size.
const PHOTO_LEN: usize = 6 * 1024 * 1024 + 123;

/// Every sample: its name and the function that makes its bytes.
/// Makes a sample's bytes.
pub type Maker = fn() -> Vec<u8>;

pub const SAMPLES: [(&str, Maker); 4] = [
    ("hello.txt", || {
        "你好, TCP! Hello, TCP!\n".as_bytes().to_vec()
    }),
    ("empty.txt", Vec::new),
    ("poem.txt", poem),
    ("photo.bin", || noise(PHOTO_LEN)),
];

/// A sample's size without making it (the big one is only made when it must be written).
fn size_of(name: &str, make: Maker) -> usize {
    if name == "photo.bin" {
        PHOTO_LEN
    } else {
        make().len()
    }
}

/// Makes the sample folder (when missing or changed) and returns it. Several relays may start
/// at once: each file is written to a private temporary name, then renamed into place.
pub fn ensure() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(FOLDER);
    std::fs::create_dir_all(&dir)?;
    for (name, make) in SAMPLES {
        let path = dir.join(name);
        let len = size_of(name, make) as u64;
        if !has_len(&path, len) {
            write_atomically(&dir, &path, &make(), len)?;
        }
    }
    Ok(dir)
}

fn has_len(path: &Path, len: u64) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == len)
}

/// How often a refused rename is tried again (Windows refuses one while another process is
/// renaming onto the same name or has the file open; both pass).
const PERSIST_TRIES: u32 = 5;

fn write_atomically(dir: &Path, path: &Path, bytes: &[u8], len: u64) -> std::io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.as_file().write_all(bytes)?;
    tmp.as_file().sync_all()?;
    for attempt in 1.. {
        match tmp.persist(path) {
            Ok(_) => return Ok(()),
            // Windows says "Access denied" when another relay, started at the same moment,
            // is renaming its copy onto this name or already serves it. Its copy is the same
            // file: if it is in place, that is as good as ours.
            Err(_) if has_len(path, len) => return Ok(()),
            Err(e) if attempt < PERSIST_TRIES => {
                tmp = e.file;
                std::thread::sleep(std::time::Duration::from_millis(20 * u64::from(attempt)));
            }
            Err(e) => return Err(e.error),
        }
    }
    unreachable!("the loop returns")
}

/// About 3 KiB of text in both languages: bigger than one recv(1024), small enough to read.
fn poem() -> Vec<u8> {
    let mut text = String::new();
    for i in 1..=40 {
        text.push_str(&format!(
            "{i:02}. 字节流没有边界，recv(1024) 只拿一次就会丢掉后面的内容。\n    \
             A byte stream has no boundaries.\n"
        ));
    }
    text.into_bytes()
}

/// `len` pseudo-random bytes (xorshift64*, fixed seed): the same on every machine.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_have_the_sizes_the_lesson_talks_about() {
        let sizes: Vec<(&str, usize)> = SAMPLES.iter().map(|(n, m)| (*n, m().len())).collect();
        for (name, make) in SAMPLES {
            assert_eq!(size_of(name, make), make().len());
        }
        assert_eq!(sizes[0].0, "hello.txt");
        assert!(sizes[0].1 < 64);
        assert_eq!(sizes[1], ("empty.txt", 0));
        assert!((2048..8192).contains(&sizes[2].1), "{sizes:?}");
        assert!(sizes[3].1 > 5 * 1024 * 1024);
        assert_eq!(noise(16), noise(32)[..16]);
    }

    #[test]
    fn ensure_writes_them_once() {
        let dir = ensure().unwrap();
        for (name, make) in SAMPLES {
            assert_eq!(std::fs::read(dir.join(name)).unwrap(), make());
        }
    }
}
