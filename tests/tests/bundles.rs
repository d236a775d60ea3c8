//! The page is one wasm bundle per lesson group (frontend/src/bundle.rs): a bundle must hold
//! its own group's code and texts and nothing of the others', or the first visit grows back to
//! the whole tutorial. Read from the built page (`cargo xtask build-frontend`); no browser.
//!
//! Each group has a marker: the English title of one of its own steps or pages, which only that
//! group's code names. Every bundle must hold its own marker (so the marker is a real one)
//! and no other group's. The start bundle, what a first visit loads, also has a size ceiling.

use std::path::PathBuf;

/// (bundle, the text only its group shows).
const MARKERS: &[(&str, &str)] = &[
    ("start", "A network joins hosts"),
    ("ip", "Sizes that fit: VLSM"),
    ("links", "A hub: every frame to everyone"),
    ("sockets", "A socket, and the life it lives"),
    ("download", "Path traversal: ../../etc/passwd"),
    ("reliability", "A link that misbehaves"),
    ("challenges", "What I did: challenges"),
];

/// The start bundle's wasm, brotli -q 11 as the relay sends it, at most this many bytes
/// (measured 2026-12-01 with the hand-written router and without serde, sorts or a map of the
/// standard library: about 96 KiB, 146 before; see the README; a tenth of headroom).
const START_BROTLI_CEILING: usize = START_BROTLI_MEASURED * 11 / 10;
const START_BROTLI_MEASURED: usize = 96 * 1024;

fn dist() -> PathBuf {
    let dist = e2e::workspace_root().join("frontend").join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "no built page in {}: run `cargo xtask build-frontend`",
        dist.display()
    );
    dist
}

fn read(name: &str) -> Vec<u8> {
    let path = dist().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn each_bundle_holds_its_own_group_and_no_other() {
    let mut wrong = Vec::new();
    for (bundle, _) in MARKERS {
        let wasm = read(&format!("{bundle}_bg.wasm"));
        for (group, marker) in MARKERS {
            let expected = group == bundle;
            if holds(&wasm, marker) != expected {
                wrong.push(format!(
                    "{bundle}_bg.wasm {} \"{marker}\" ({group}'s)",
                    if expected { "lacks" } else { "holds" }
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_first_visit_bundle_stays_small() {
    let br = read("start_bg.wasm.br");
    assert!(
        br.len() <= START_BROTLI_CEILING,
        "start_bg.wasm is {} bytes brotli, above its ceiling of {START_BROTLI_CEILING}: \
         did it gain another group's code?",
        br.len()
    );
}

#[test]
fn every_bundle_the_loader_names_is_built() {
    let index = String::from_utf8(read("index.html")).unwrap();
    for (bundle, _) in MARKERS {
        assert!(
            index.contains(&format!("'{bundle}'")),
            "index.html's loader never picks {bundle}"
        );
        for file in [format!("{bundle}.js"), format!("{bundle}_bg.wasm")] {
            assert!(dist().join(&file).is_file(), "{file} is not built");
        }
    }
}
