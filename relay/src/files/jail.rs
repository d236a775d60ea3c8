//! Path confinement: from the bytes a client sent as a file name to a regular file inside the
//! served folder, or the reason it is refused. The course's server did `open(name, "rb")` with
//! whatever arrived, so `../../etc/passwd` worked; this one never opens anything outside its
//! one folder, not even through a symbolic link.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

use protocol::RefuseReason;

/// Longest name accepted, in bytes (a common file-system limit for one name is 255).
pub const MAX_NAME_BYTES: usize = 255;

/// The served folder, canonical (every symlink in its own path resolved once, at start).
#[derive(Clone, Debug)]
pub struct Jail {
    root: PathBuf,
}

/// What a name turned out to be.
#[derive(Debug)]
pub enum Found {
    /// A regular file inside the folder, opened, with its size.
    File { file: File, size: u64 },
    /// The name is acceptable but no such file exists (the course sends nothing).
    Missing,
}

impl Jail {
    pub fn new(root: &Path) -> std::io::Result<Jail> {
        Ok(Jail {
            root: root.canonicalize()?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Checks the name's text (no file-system access): see [`check_name`].
    pub fn path_of(&self, name: &[u8]) -> Result<PathBuf, RefuseReason> {
        let name = check_name(name)?;
        Ok(self.root.join(name))
    }

    /// Opens `name` for reading if, and only if, it is a regular file inside the folder.
    pub fn open(&self, name: &[u8]) -> Result<Found, RefuseReason> {
        let path = self.path_of(name)?;
        // Resolve every symbolic link, then look where we really are.
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(_) => return Ok(Found::Missing),
        };
        if !real.starts_with(&self.root) {
            return Err(RefuseReason::OutsideFolder);
        }
        let Ok(file) = File::open(&real) else {
            return Ok(Found::Missing);
        };
        let Ok(meta) = file.metadata() else {
            return Ok(Found::Missing);
        };
        if !meta.is_file() {
            return Err(RefuseReason::NotAFile);
        }
        Ok(Found::File {
            file,
            size: meta.len(),
        })
    }
}

/// The text rules, in the order a reader would check them: a name is 1..=255 bytes of UTF-8,
/// without NUL or backslash, relative, with no `.`/`..`/empty parts. Sub-folders (`a/b.txt`)
/// are allowed.
pub fn check_name(name: &[u8]) -> Result<&str, RefuseReason> {
    if name.is_empty() {
        return Err(RefuseReason::EmptyName);
    }
    if name.len() > MAX_NAME_BYTES {
        return Err(RefuseReason::TooLong);
    }
    if name.contains(&0) {
        return Err(RefuseReason::NulByte);
    }
    let text = std::str::from_utf8(name).map_err(|_| RefuseReason::NotUtf8)?;
    if text.contains('\\') {
        return Err(RefuseReason::Backslash);
    }
    if text.starts_with('/') {
        return Err(RefuseReason::Absolute);
    }
    for part in text.split('/') {
        if part == ".." {
            return Err(RefuseReason::DotDot);
        }
        if part.is_empty() || part == "." {
            return Err(RefuseReason::NotAFile);
        }
    }
    // Belt and braces: what the standard library makes of it must be plain names only.
    if !Path::new(text)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(RefuseReason::DotDot);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_before_any_file_is_touched() {
        assert_eq!(check_name(b"hello.txt"), Ok("hello.txt"));
        assert_eq!(check_name("中文.txt".as_bytes()), Ok("中文.txt"));
        assert_eq!(check_name(b"sub/a.txt"), Ok("sub/a.txt"));
        assert_eq!(check_name(b""), Err(RefuseReason::EmptyName));
        assert_eq!(check_name(b"../../etc/passwd"), Err(RefuseReason::DotDot));
        assert_eq!(check_name(b"a/../../b"), Err(RefuseReason::DotDot));
        assert_eq!(check_name(b"/etc/passwd"), Err(RefuseReason::Absolute));
        assert_eq!(check_name(b"a\0b"), Err(RefuseReason::NulByte));
        assert_eq!(check_name(b"..\\x"), Err(RefuseReason::Backslash));
        assert_eq!(check_name(&[0xff, 0xfe]), Err(RefuseReason::NotUtf8));
        assert_eq!(check_name(&[b'a'; 256]), Err(RefuseReason::TooLong));
        assert_eq!(check_name(&[b'a'; 255]).map(str::len), Ok(255));
        assert_eq!(check_name(b"a//b"), Err(RefuseReason::NotAFile));
        assert_eq!(check_name(b"./a"), Err(RefuseReason::NotAFile));
    }

    #[test]
    fn symlinks_out_of_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("served");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(dir.path().join("secret.txt"), b"secret").unwrap();
        std::fs::write(root.join("ok.txt"), b"ok").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink("ok.txt", root.join("inside.txt")).unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        let jail = Jail::new(&root).unwrap();
        assert!(matches!(
            jail.open(b"ok.txt"),
            Ok(Found::File { size: 2, .. })
        ));
        assert!(matches!(
            jail.open(b"inside.txt"),
            Ok(Found::File { size: 2, .. })
        ));
        assert!(matches!(jail.open(b"nope.txt"), Ok(Found::Missing)));
        assert_eq!(
            jail.open(b"link.txt").unwrap_err(),
            RefuseReason::OutsideFolder
        );
        assert_eq!(jail.open(b"sub").unwrap_err(), RefuseReason::NotAFile);
    }
}
