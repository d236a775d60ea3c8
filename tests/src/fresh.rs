//! The relay the end-to-end tests run must be built from this tree: a binary older than a
//! source it embeds would test yesterday's code and pass or fail for the wrong reason.
//!
//! The harness locates the binary (`$NETLAB_RELAY_BIN`, else `target/debug/relay`) and checks
//! it instead of building it: building from inside a test would need the wasm toolchain for
//! the page and would race cargo's build lock from every test binary at once. The check is
//! two comparisons of modification times, the same evidence cargo itself rebuilds on:
//! - the relay binary is newer than every file it is built from or embeds (`relay/src`,
//!   `protocol/src`, the built page `frontend/dist`, ...);
//! - the built page is newer than every file the page is built from (`frontend/src`, ...).
//!
//! When either fails, the test stops and says what to run (`bash scripts/test.sh` does both).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the relay binary is built from, relative to the workspace root (the page it embeds
/// included).
pub const RELAY_INPUTS: &[&str] = &[
    "relay/src",
    "relay/build.rs",
    "relay/Cargo.toml",
    "protocol/src",
    "protocol/Cargo.toml",
    "frontend/dist",
];

/// What the built page (`frontend/dist`) is built from.
pub const PAGE_INPUTS: &[&str] = &[
    "frontend/src",
    "frontend/net/src",
    "frontend/sims/src",
    "frontend/prerender/src",
    "frontend/Cargo.toml",
    "frontend/style.css",
    "index.html",
    "protocol/src",
];

/// Every file under `inputs` (files or folders, relative to `root`; missing ones are skipped)
/// modified after `built`.
pub fn newer_than(built: SystemTime, root: &Path, inputs: &[&str]) -> Vec<PathBuf> {
    let mut newer = Vec::new();
    for input in inputs {
        walk(&root.join(input), &mut |path, modified| {
            if modified > built {
                newer.push(path.to_path_buf());
            }
        });
    }
    newer.sort();
    newer
}

/// The latest modification time of any file under `dir` (None: no files).
pub fn newest_in(dir: &Path) -> Option<SystemTime> {
    let mut newest = None;
    walk(dir, &mut |_, modified| {
        newest = newest.max(Some(modified));
    });
    newest
}

/// Panics, saying what to rebuild, when the relay binary at `bin` or the page it embeds is
/// older than its sources in the workspace at `root`.
pub fn assert_fresh(bin: &Path, root: &Path) {
    let built = modified(bin).unwrap_or_else(|| panic!("cannot stat {}", bin.display()));
    let stale = newer_than(built, root, RELAY_INPUTS);
    assert!(
        stale.is_empty(),
        "the relay binary {} is older than {} of its sources (first: {}); \
         rebuild it with `cargo build -p relay`, or run `bash scripts/test.sh`",
        bin.display(),
        stale.len(),
        stale[0].display()
    );
    if let Some(page) = newest_in(&root.join("frontend/dist")) {
        let stale = newer_than(page, root, PAGE_INPUTS);
        assert!(
            stale.is_empty(),
            "the built page frontend/dist is older than {} of its sources (first: {}); \
             rebuild it with `bash scripts/build-frontend.sh frontend frontend/dist`, then \
             `cargo build -p relay`, or run `bash scripts/test.sh`",
            stale.len(),
            stale[0].display()
        );
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Calls `visit` with every file under `path` (or `path` itself when it is a file).
fn walk(path: &Path, visit: &mut dyn FnMut(&Path, SystemTime)) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            walk(&entry.path(), visit);
        }
    } else if let Ok(modified) = meta.modified() {
        visit(path, modified);
    }
}

#[cfg(test)]
mod tests {
    use std::fs::File;
    use std::time::Duration;

    use super::*;

    /// A file at `root/rel` whose modification time is `at`.
    fn file_at(root: &Path, rel: &str, at: SystemTime) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let f = File::create(&path).unwrap();
        f.set_modified(at).unwrap();
    }

    #[test]
    fn a_source_edited_after_the_build_is_named() {
        let root = tempfile::tempdir().unwrap();
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let built = t0 + Duration::from_secs(100);
        file_at(root.path(), "relay/src/lib.rs", t0);
        file_at(root.path(), "protocol/src/lib.rs", t0);
        file_at(
            root.path(),
            "frontend/dist/frontend_bg.wasm",
            t0 + Duration::from_secs(50),
        );
        assert_eq!(
            newer_than(built, root.path(), RELAY_INPUTS),
            Vec::<PathBuf>::new()
        );

        file_at(
            root.path(),
            "relay/src/session.rs",
            built + Duration::from_secs(1),
        );
        file_at(
            root.path(),
            "frontend/dist/index.html",
            built + Duration::from_secs(2),
        );
        assert_eq!(
            newer_than(built, root.path(), RELAY_INPUTS),
            vec![
                root.path().join("frontend/dist/index.html"),
                root.path().join("relay/src/session.rs"),
            ]
        );
    }

    #[test]
    fn a_stale_binary_or_page_fails_the_check() {
        let root = tempfile::tempdir().unwrap();
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let later = |s| t0 + Duration::from_secs(s);
        file_at(root.path(), "frontend/src/lib.rs", t0);
        file_at(root.path(), "frontend/dist/frontend_bg.wasm", later(10));
        file_at(root.path(), "relay/src/lib.rs", later(5));
        file_at(root.path(), "target/debug/relay", later(20));
        let bin = root.path().join("target/debug/relay");
        assert_fresh(&bin, root.path());

        // The relay source changes after the build: the binary is stale.
        file_at(root.path(), "relay/src/lib.rs", later(30));
        let caught = std::panic::catch_unwind(|| assert_fresh(&bin, root.path()));
        let message = *caught.unwrap_err().downcast::<String>().unwrap();
        assert!(message.contains("relay/src/lib.rs"), "{message}");
        assert!(message.contains("cargo build -p relay"), "{message}");

        // Rebuilt; then a lesson changes after the page was built: the page is stale.
        file_at(root.path(), "target/debug/relay", later(40));
        assert_fresh(&bin, root.path());
        file_at(root.path(), "frontend/src/lib.rs", later(50));
        let caught = std::panic::catch_unwind(|| assert_fresh(&bin, root.path()));
        let message = *caught.unwrap_err().downcast::<String>().unwrap();
        assert!(message.contains("frontend/src/lib.rs"), "{message}");
        assert!(message.contains("build-frontend.sh"), "{message}");
    }
}
