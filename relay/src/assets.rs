//! The tutorial page, embedded in the binary at build time by `build.rs`: each file with its
//! content type and a gzip copy. Lookups are by URL path (`/frontend.js`).

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    /// The URL path, starting with `/`.
    pub path: &'static str,
    pub content_type: &'static str,
    pub raw: &'static [u8],
    /// The same bytes, gzip-compressed (best compression), for clients that accept gzip.
    pub gzip: &'static [u8],
}

// Defines `FILES`, `PAGE_BUILT` and `INLINE_SCRIPT_HASHES`.
include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The embedded file at `path`, if there is one.
pub fn find(path: &str) -> Option<&'static Asset> {
    FILES.iter().find(|a| a.path == path)
}

/// The page itself (or, when the page was not built, the notice saying how to build it).
pub fn index() -> &'static Asset {
    find("/index.html").expect("build.rs always embeds /index.html")
}

/// Whether the real page was embedded (false: the "not built" notice stands in for it).
pub fn page_built() -> bool {
    PAGE_BUILT
}

/// CSP source expressions (`'sha256-...'`) for index.html's inline scripts.
pub fn inline_script_hashes() -> &'static [&'static str] {
    INLINE_SCRIPT_HASHES
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    #[test]
    fn every_gzip_copy_inflates_to_the_raw_bytes() {
        assert!(!FILES.is_empty());
        for asset in FILES {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(asset.gzip)
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, asset.raw, "{}", asset.path);
        }
    }

    #[test]
    fn index_is_html() {
        let index = index();
        assert_eq!(index.content_type, "text/html; charset=utf-8");
        assert!(String::from_utf8_lossy(index.raw).contains("<html"));
    }
}
