//! Why the relay closed the WebSocket, in the learner's language: the relay sends a close code
//! (and a short English reason); the page shows its own words for each code it knows.

use protocol::Lang;
use protocol::limits::{CLOSE_IDLE, CLOSE_NO_PONG, CLOSE_TOO_MANY_SESSIONS};

/// The text for a close code the relay uses to refuse or end a session, None for the others
/// (a normal close, a lost connection).
pub fn reason(code: u16, lang: Lang) -> Option<&'static str> {
    let (zh, en) = match code {
        CLOSE_TOO_MANY_SESSIONS => (
            "打开本教程的标签页太多了(中继程序同时只服务几个)。关闭一个不用的标签页,这里会自动重连。",
            "Too many tabs have the tutorial open (the relay serves only a few). Close one you no longer need; this one reconnects by itself.",
        ),
        CLOSE_NO_PONG => (
            "中继程序发出的心跳(ping)没有得到回应,连接被关闭了。正在重新连接。",
            "The relay's heartbeat (ping) went unanswered, so it closed the connection. Reconnecting.",
        ),
        CLOSE_IDLE => (
            "页面很长时间没有发出请求,中继程序关闭了连接,也关闭了这个页面打开的套接字。正在重新连接。",
            "The page sent no request for a long time, so the relay closed the connection and the sockets this page had open. Reconnecting.",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::ZhCn => zh,
        Lang::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_code_has_both_languages_and_others_have_none() {
        for code in [CLOSE_TOO_MANY_SESSIONS, CLOSE_NO_PONG, CLOSE_IDLE] {
            let zh = reason(code, Lang::ZhCn).unwrap();
            let en = reason(code, Lang::En).unwrap();
            assert!(zh.contains('。') && !zh.is_ascii(), "{zh}");
            assert!(en.is_ascii() && en.ends_with('.'), "{en}");
        }
        assert_eq!(reason(1000, Lang::En), None);
        assert_eq!(reason(1006, Lang::ZhCn), None);
    }
}
