//! Path confinement: from the bytes a client sent as a file name to a regular file inside the
//! served folder, or the reason it is refused. The course's server did `open(name, "rb")` with
//! whatever arrived, so `../../etc/passwd` worked; this one never opens anything outside its
//! one folder, not even through a symbolic link.
//!
//! Windows adds hazards of its own (device names such as `NUL`, `a.txt:stream`, `C:x`,
//! `\\host\share`, trailing dots and spaces, case-blind names). They are refused on every
//! system with the same typed reason: the rules are pure text checks, tested everywhere, and
//! a folder served on Linux today may be served on Windows tomorrow.

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

    /// Opens `name` for reading if, and only if, it is a regular file inside the folder, named
    /// exactly so (same case).
    pub fn open(&self, name: &[u8]) -> Result<Found, RefuseReason> {
        let path = self.path_of(name)?;
        // Each part must exist in exactly this case: on Windows and macOS the OS would open
        // `README.TXT` for `readme.txt`; here both systems and Linux answer the same.
        let mut folder = self.root.clone();
        for part in check_name(name)?.split('/') {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                return Ok(Found::Missing);
            };
            let names: Vec<String> = entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect();
            match case_match(part, names.iter().map(String::as_str)) {
                CaseMatch::Exact => folder.push(part),
                CaseMatch::OtherCase => return Err(RefuseReason::CaseMismatch),
                CaseMatch::None => return Ok(Found::Missing),
            }
        }
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

/// How a wanted name compares with the names a folder holds.
#[derive(Debug, PartialEq, Eq)]
pub enum CaseMatch {
    Exact,
    /// Only a name that differs in case (Unicode lower case compared).
    OtherCase,
    None,
}

/// Whether `wanted` is among `names` exactly, only in another case, or not at all.
pub fn case_match<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> CaseMatch {
    let lower = wanted.to_lowercase();
    let mut other_case = false;
    for name in names {
        if name == wanted {
            return CaseMatch::Exact;
        }
        other_case |= name.to_lowercase() == lower;
    }
    if other_case {
        CaseMatch::OtherCase
    } else {
        CaseMatch::None
    }
}

/// Windows' device names: a file with this stem (any case, any extension) opens the device.
const DEVICES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Whether one part of a name is a Windows device name: `CON`, `nul.txt`, `Com1.tar.gz`,
/// `LPT9`, also `COM0`-style and `COM¹`-style (superscript) numbers, which Windows reserves too.
pub fn is_reserved_device(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or(part).trim_end_matches(' ');
    let upper = stem.to_uppercase();
    if DEVICES.contains(&upper.as_str()) {
        return true;
    }
    let Some(number) = upper
        .strip_prefix("COM")
        .or_else(|| upper.strip_prefix("LPT"))
    else {
        return false;
    };
    let mut chars = number.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('0'..='9' | '¹' | '²' | '³'), None)
    )
}

/// The text rules, in the order a reader would check them: a name is 1..=255 bytes of UTF-8,
/// without NUL or backslash, relative, with no `.`/`..`/empty parts, and without Windows'
/// hazards (UNC, drive-relative, streams, device names, trailing dots and spaces).
/// Sub-folders (`a/b.txt`) are allowed.
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
    if text.starts_with("\\\\") || text.starts_with("//") {
        return Err(RefuseReason::Unc);
    }
    if text.contains('\\') {
        return Err(RefuseReason::Backslash);
    }
    if let [drive, b':', ..] = text.as_bytes()
        && drive.is_ascii_alphabetic()
    {
        return Err(RefuseReason::DriveRelative);
    }
    if text.starts_with('/') {
        return Err(RefuseReason::Absolute);
    }
    if text.contains(':') {
        return Err(RefuseReason::AlternateStream);
    }
    for part in text.split('/') {
        if part == ".." {
            return Err(RefuseReason::DotDot);
        }
        if part.is_empty() || part == "." {
            return Err(RefuseReason::NotAFile);
        }
        if is_reserved_device(part) {
            return Err(RefuseReason::ReservedName);
        }
        if part.ends_with(['.', ' ']) {
            return Err(RefuseReason::TrailingDotOrSpace);
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
    fn windows_hazards_are_refused_on_every_system() {
        for name in [
            "CON",
            "con",
            "Con.txt",
            "NUL",
            "nul.tar.gz",
            "PRN",
            "aux.c",
            "COM1",
            "com9.log",
            "LPT1",
            "lpt5.txt",
            "sub/NUL",
            "COM¹",
            "CON .txt",
        ] {
            assert_eq!(
                check_name(name.as_bytes()),
                Err(RefuseReason::ReservedName),
                "{name}"
            );
        }
        // Close to a device name is not one.
        for name in [
            "CONSOLE.txt",
            "COM10",
            "LPT",
            "nul_",
            "a.con",
            "econ.txt",
            "COMA",
        ] {
            assert_eq!(check_name(name.as_bytes()), Ok(name), "{name}");
        }
        assert_eq!(check_name(b"a.txt:x"), Err(RefuseReason::AlternateStream));
        assert_eq!(
            check_name(b"a.txt::$DATA"),
            Err(RefuseReason::AlternateStream)
        );
        assert_eq!(check_name(b"sub/b:c"), Err(RefuseReason::AlternateStream));
        assert_eq!(check_name(b"C:x"), Err(RefuseReason::DriveRelative));
        assert_eq!(check_name(b"c:"), Err(RefuseReason::DriveRelative));
        assert_eq!(check_name(b"\\\\host\\share"), Err(RefuseReason::Unc));
        assert_eq!(check_name(b"//host/share/a.txt"), Err(RefuseReason::Unc));
        assert_eq!(check_name(b"a.txt."), Err(RefuseReason::TrailingDotOrSpace));
        assert_eq!(check_name(b"a.txt "), Err(RefuseReason::TrailingDotOrSpace));
        assert_eq!(check_name(b"dir./a"), Err(RefuseReason::TrailingDotOrSpace));
        // A dot or space inside a name is fine.
        assert_eq!(check_name(b"my file.v2.txt"), Ok("my file.v2.txt"));
        assert_eq!(check_name(b".hidden"), Ok(".hidden"));
    }

    #[test]
    fn case_is_compared_exactly_then_blindly() {
        let names = ["Readme.TXT", "a.txt", "A.txt", "中文.txt"];
        assert_eq!(case_match("a.txt", names), CaseMatch::Exact);
        assert_eq!(case_match("A.txt", names), CaseMatch::Exact);
        assert_eq!(case_match("readme.txt", names), CaseMatch::OtherCase);
        assert_eq!(case_match("README.TXT", names), CaseMatch::OtherCase);
        assert_eq!(case_match("中文.TXT", names), CaseMatch::OtherCase);
        assert_eq!(case_match("b.txt", names), CaseMatch::None);
    }

    #[test]
    fn only_the_exact_case_is_served() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Hello.txt"), b"hi").unwrap();
        std::fs::create_dir(dir.path().join("Sub")).unwrap();
        std::fs::write(dir.path().join("Sub").join("x.txt"), b"x").unwrap();
        let jail = Jail::new(dir.path()).unwrap();
        assert!(matches!(
            jail.open(b"Hello.txt"),
            Ok(Found::File { size: 2, .. })
        ));
        assert!(matches!(
            jail.open(b"Sub/x.txt"),
            Ok(Found::File { size: 1, .. })
        ));
        assert_eq!(
            jail.open(b"hello.txt").unwrap_err(),
            RefuseReason::CaseMismatch
        );
        assert_eq!(
            jail.open(b"HELLO.TXT").unwrap_err(),
            RefuseReason::CaseMismatch
        );
        assert_eq!(
            jail.open(b"sub/x.txt").unwrap_err(),
            RefuseReason::CaseMismatch
        );
        assert!(matches!(jail.open(b"Sub/y.txt"), Ok(Found::Missing)));
        assert!(matches!(jail.open(b"nope.txt"), Ok(Found::Missing)));
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
