//! Challenge `file_client`: the course's file client, fixed. The checker runs a file server
//! (the course's protocol: name in, raw bytes out, close) with one 3 MiB file of fresh random
//! bytes, sees from its own side whether the client read to the end (a client that closes
//! early makes the server's send fail with a reset or `EPIPE`), and compares the SHA-256 the
//! program printed (pasted into the page) with the file's.

use protocol::HintId;

use crate::{Verdict, hex_short};

/// The checker's port (the course's), when it is free.
pub const CHECKER_PORT: u16 = 7890;
/// The file to ask for (sent in UTF-8, as the course does).
pub const FILE_NAME: &str = "课件.zip";
/// Its size: far more than any one `recv`, and more than the kernel's buffers hold.
pub const FILE_SIZE: usize = 3 * 1024 * 1024;

/// `name_received`: exactly the name in UTF-8 (GBK or a typo is shown).
pub fn judge_name(got: &[u8]) -> Verdict {
    if got == FILE_NAME.as_bytes() {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::WrongBytes)
            .arg("expected_hex", hex_short(FILE_NAME.as_bytes()))
            .arg("got_hex", hex_short(got))
    }
}

/// `read_to_the_end`: `sent` bytes went out before the send broke (`broke`), of `total`.
pub fn judge_read(sent: usize, total: usize, broke: bool) -> Verdict {
    if !broke && sent == total {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::ClosedEarly)
            .arg("sent", sent)
            .arg("total", total)
    }
}

/// `sha256_printed`: the first 64-hex-digit word of what the learner pasted, in any case.
pub fn judge_sha256(expected: &str, pasted: &str) -> Verdict {
    let found = pasted
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|word| word.len() == 64);
    match found {
        Some(word) if word.eq_ignore_ascii_case(expected) => Verdict::pass(),
        _ => Verdict::fail(HintId::Sha256Mismatch)
            .arg("expected", expected)
            .arg("got_text", pasted.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn the_name_must_be_utf8() {
        assert!(judge_name(FILE_NAME.as_bytes()).passed());
        let gbk = judge_name(&[0xbf, 0xce, 0xbc, 0xfe, b'.', b'z', b'i', b'p']);
        assert_eq!(gbk.hint, Some(HintId::WrongBytes));
        assert_eq!(gbk.args["got_hex"], "bf ce bc fe 2e 7a 69 70");
    }

    #[test]
    fn a_broken_or_short_send_is_an_early_close() {
        assert!(judge_read(FILE_SIZE, FILE_SIZE, false).passed());
        let early = judge_read(400_000, FILE_SIZE, true);
        assert_eq!(early.hint, Some(HintId::ClosedEarly));
        assert_eq!(early.args["sent"], "400000");
    }

    #[test]
    fn the_hash_is_found_in_a_printed_line() {
        assert!(judge_sha256(SHA, SHA).passed());
        assert!(judge_sha256(SHA, &format!("SHA-256: {}\n", SHA.to_uppercase())).passed());
        let other = judge_sha256(SHA, &SHA.replace('b', "c"));
        assert_eq!(other.hint, Some(HintId::Sha256Mismatch));
        assert!(!judge_sha256(SHA, "").passed());
        assert!(!judge_sha256(SHA, &SHA[..63]).passed());
    }
}
