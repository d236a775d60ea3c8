//! The tutorial page, embedded in the binary at build time by `build.rs`: each file with its
//! content type, a gzip copy and a brotli copy (made when the page was built). Lookups are by
//! URL path (`/frontend.js`).

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    /// The URL path, starting with `/`.
    pub path: &'static str,
    pub content_type: &'static str,
    pub raw: &'static [u8],
    /// The same bytes, gzip-compressed (best compression), for clients that accept gzip.
    pub gzip: &'static [u8],
    /// The same bytes, brotli-compressed at page build (quality 11); empty when the page was
    /// built without one.
    pub br: &'static [u8],
}

/// How a response body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Asset {
    /// The smallest copy the client takes (`gzip`, `br`: what its Accept-Encoding allows).
    pub fn pick(&self, gzip: bool, br: bool) -> (Encoding, &'static [u8]) {
        let mut best = (Encoding::Identity, self.raw);
        for (ok, encoding, body) in [
            (gzip, Encoding::Gzip, self.gzip),
            (br, Encoding::Brotli, self.br),
        ] {
            if ok && !body.is_empty() && body.len() < best.1.len() {
                best = (encoding, body);
            }
        }
        best
    }
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

/// What a GET of `path` answers: the embedded file at `path`, else the page drawn ahead of time
/// for it (`protocol::drawn_page_file`: the home page and the first lesson's steps), else
/// index.html, which draws any page once its wasm has loaded.
pub fn for_path(path: &str) -> &'static Asset {
    find(path)
        .or_else(|| find(&protocol::drawn_page_file(path)))
        .unwrap_or_else(index)
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
    fn every_brotli_copy_decompresses_to_the_raw_bytes() {
        for asset in FILES.iter().filter(|a| !a.br.is_empty()) {
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut &asset.br[..], &mut out).unwrap();
            assert_eq!(out, asset.raw, "{}", asset.path);
        }
    }

    #[test]
    fn the_smallest_accepted_copy_is_sent() {
        let asset = Asset {
            path: "/x.wasm",
            content_type: "application/wasm",
            raw: b"0123456789",
            gzip: b"012345",
            br: b"0123",
        };
        assert_eq!(asset.pick(true, true), (Encoding::Brotli, &b"0123"[..]));
        assert_eq!(asset.pick(true, false), (Encoding::Gzip, &b"012345"[..]));
        assert_eq!(asset.pick(false, false).0, Encoding::Identity);
        // No brotli copy (a page built before brotli): gzip.
        let old = Asset { br: b"", ..asset };
        assert_eq!(old.pick(true, true).0, Encoding::Gzip);
        // A copy larger than the raw bytes is never sent.
        let tiny = Asset {
            raw: b"ab",
            ..asset
        };
        assert_eq!(tiny.pick(true, true).0, Encoding::Identity);
    }

    #[test]
    fn index_is_html() {
        let index = index();
        assert_eq!(index.content_type, "text/html; charset=utf-8");
        assert!(String::from_utf8_lossy(index.raw).contains("<html"));
    }
}
