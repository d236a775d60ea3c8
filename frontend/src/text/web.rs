//! The browser's half of the codec: GBK decoding by `TextDecoder`, and the GBK encoder built
//! from it once per page (see `codec.rs` for why).

use std::cell::OnceCell;
use std::rc::Rc;

use super::codec::{Encoding, GbkEncoder, Unencodable};

thread_local! {
    static GBK: OnceCell<Rc<GbkEncoder>> = const { OnceCell::new() };
}

/// Decodes bytes as the receiver would with `data.decode(encoding, errors="replace")`:
/// what cannot be decoded becomes U+FFFD, so a mismatch shows as visible garbage.
pub fn decode(enc: Encoding, bytes: &[u8]) -> String {
    match enc {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Gbk => {
            browser_decode("gbk", bytes).unwrap_or_else(|| "\u{FFFD}".repeat(bytes.len()))
        }
    }
}

/// Encodes text as `text.encode(encoding)` would.
pub fn encode(enc: Encoding, text: &str) -> Result<Vec<u8>, Unencodable> {
    match enc {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Gbk => gbk().encode(text),
    }
}

fn gbk() -> Rc<GbkEncoder> {
    GBK.with(|cell| {
        cell.get_or_init(|| {
            let decoded = browser_decode("gbk", &GbkEncoder::probe_bytes()).unwrap_or_default();
            Rc::new(GbkEncoder::from_decoded(&decoded))
        })
        .clone()
    })
}

fn browser_decode(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
