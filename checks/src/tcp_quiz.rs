//! Challenge `tcp_quiz_client`: the learner's client connects to the checker's quiz server,
//! reads the question (one line, `请计算 A + B\n` in GBK) and answers with the sum as a line.
//! The question arrives in two pieces with a pause between them, so a client that does a
//! single `recv` gets only `请计算 A +` and is caught answering (or leaving) too early.

use protocol::HintId;

use crate::Verdict;

/// The checker's port, when it is free.
pub const CHECKER_PORT: u16 = 7788;
/// The pause between the question's two pieces.
pub const PAUSE_MS: u64 = 1000;
/// "请计算 " in GBK.
const ASK: [u8; 7] = [0xc7, 0xeb, 0xbc, 0xc6, 0xcb, 0xe3, 0x20];

/// The question `请计算 a + b\n` in its two pieces: up to and including the `+`, then the rest.
pub fn question(a: u32, b: u32) -> (Vec<u8>, Vec<u8>) {
    let mut first = ASK.to_vec();
    first.extend_from_slice(format!("{a} +").as_bytes());
    (first, format!(" {b}\n").into_bytes())
}

/// The answer line the checker expects.
pub fn answer(a: u32, b: u32) -> String {
    (a + b).to_string()
}

/// `question_read_whole`, when the program sent bytes (`early`) or closed before the second
/// piece: it answered from the first piece only.
pub fn judge_early(early: &[u8]) -> Verdict {
    Verdict::fail(HintId::SingleRecv).arg("got_text", String::from_utf8_lossy(early))
}

/// `answer_correct`: the line the program sent (up to its `\n` or the end of its stream).
pub fn judge_answer(expected: &str, got: &[u8]) -> Verdict {
    let text = String::from_utf8_lossy(got);
    if text.trim() == expected {
        Verdict::pass()
    } else {
        Verdict::fail(HintId::WrongAnswer)
            .arg("expected", expected)
            .arg("got_text", text.trim_end())
    }
}

/// Whether `got` already holds a whole answer line.
pub fn has_line(got: &[u8]) -> bool {
    got.contains(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_is_one_gbk_line_cut_after_the_plus() {
        let (first, second) = question(12, 30);
        let whole = [first.clone(), second.clone()].concat();
        assert_eq!(&whole[..7], &ASK);
        assert_eq!(&whole[7..], b"12 + 30\n");
        assert!(first.ends_with(b"+") && !has_line(&first));
        assert_eq!(answer(12, 30), "42");
    }

    #[test]
    fn an_answer_is_judged_on_its_line() {
        assert!(judge_answer("42", b"42\n").passed());
        assert!(judge_answer("42", b"42\r\n").passed());
        let wrong = judge_answer("42", b"12\n");
        assert_eq!(wrong.hint, Some(HintId::WrongAnswer));
        assert_eq!(wrong.args["got_text"], "12");
        assert_eq!(judge_early(b"12").hint, Some(HintId::SingleRecv));
    }
}
