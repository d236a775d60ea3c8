//! Challenge `file_server`: the course's file server, made safe. The relay prepares a folder
//! (a normal file and an empty one) and a secret one level above it; the learner starts their
//! server in the folder (TCP 7890). Every request is a new connection: the checker sends the
//! name, then shuts down its sending side, so a server can read the name until `recv` returns 0.

use protocol::HintId;

use crate::{Verdict, hex_short};

/// The port the program listens on (the course's).
pub const PROGRAM_PORT: u16 = 7890;
/// The folder's files and the secret beside it.
pub const NORMAL: &str = "hello.txt";
pub const EMPTY: &str = "empty.txt";
pub const MISSING: &str = "missing.txt";
pub const SECRET: &str = "secret.txt";
/// What the program is asked for to reach the secret.
pub const OUTSIDE: &str = "../secret.txt";
/// The normal name's first piece when it is sent in two (`hel`, then `lo.txt`).
pub const FIRST_PIECE: usize = 3;
/// The pause between the two pieces.
pub const PAUSE_MS: u64 = 1000;

/// The normal file's bytes ("你好，这是服务器上的文件。" in UTF-8, then a line of ASCII).
pub fn normal_content() -> Vec<u8> {
    "你好，这是服务器上的文件。\nhello from the server's folder\n"
        .as_bytes()
        .to_vec()
}

/// The secret's bytes.
pub fn secret_content() -> Vec<u8> {
    b"TOP SECRET: this file lies outside the served folder\n".to_vec()
}

/// `normal_file`: exactly the file's bytes.
pub fn judge_normal(got: &[u8]) -> Verdict {
    let expected = normal_content();
    if got == expected {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::WrongBytes)
            .arg("expected_hex", hex_short(&expected))
            .arg("got_hex", hex_short(got))
    }
}

/// `missing_file`: nothing.
pub fn judge_missing(got: &[u8]) -> Verdict {
    if got.is_empty() {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::SentForMissing).arg("received", got.len())
    }
}

/// `empty_file`: nothing (the same as missing: the protocol cannot tell them apart).
pub fn judge_empty(got: &[u8]) -> Verdict {
    if got.is_empty() {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::WrongBytes)
            .arg("expected_hex", "")
            .arg("got_hex", hex_short(got))
    }
}

/// `outside_folder_refused`: nothing of the secret.
pub fn judge_outside(got: &[u8]) -> Verdict {
    if got.is_empty() {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::ServedOutsideFolder).arg("received", got.len())
    }
}

/// `name_in_pieces`: the normal file, though its name came in two pieces.
pub fn judge_pieces(got: &[u8]) -> Verdict {
    if got.is_empty() {
        Verdict::fail(HintId::NameReadOnce)
    } else {
        judge_normal(got)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_request_is_judged_on_its_exact_bytes() {
        assert!(judge_normal(&normal_content()).passed());
        assert_eq!(judge_normal(b"").hint, Some(HintId::WrongBytes));
        assert!(judge_missing(b"").passed());
        assert_eq!(judge_missing(b"x").hint, Some(HintId::SentForMissing));
        assert!(judge_empty(b"").passed());
        assert!(judge_outside(b"").passed());
        let leak = judge_outside(&secret_content());
        assert_eq!(leak.hint, Some(HintId::ServedOutsideFolder));
        assert_eq!(judge_pieces(b"").hint, Some(HintId::NameReadOnce));
        assert!(judge_pieces(&normal_content()).passed());
        assert_eq!(&NORMAL[..FIRST_PIECE], "hel");
    }
}
