//! The panel's log: what was sent, what arrived and what happened, each with a timestamp and
//! the peer's address. Lines keep raw bytes; text is decoded when shown (so switching the
//! encoding re-decodes the whole log) and system notes are translated when shown (so switching
//! language re-translates them). Also builds the plain-text file "save log" downloads.

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{Lang, RelayError, SocketId};

use crate::i18n::{tr, trf};
use crate::text::codec::Encoding;
use crate::text::hex;

/// Most lines kept; older ones scroll away, so a peer that floods cannot grow the page forever.
pub const MAX_LOG: usize = 500;

/// The text key of the totals line above the log: datagrams for UDP, recvs for TCP.
pub fn totals_unit(mode: super::state::Mode) -> crate::i18n::Key {
    match mode {
        super::state::Mode::Udp => key!("log.totals.datagrams"),
        _ => key!("log.totals.recvs"),
    }
}

/// Most bytes of one line drawn (as text and hex); the saved log has them all.
pub const SHOWN_BYTES: usize = 256;

/// Which way a line went, for colour and for the saved file's arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Sent,
    Received,
    System,
}

impl Dir {
    pub fn class(self) -> &'static str {
        match self {
            Dir::Sent => "sent",
            Dir::Received => "received",
            Dir::System => "system",
        }
    }

    fn arrow(self) -> &'static str {
        match self {
            Dir::Sent => "->",
            Dir::Received => "<-",
            Dir::System => "--",
        }
    }
}

/// Something the panel reports that is not data: rendered in the learner's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// UDP socket bound (or given a port by its first send).
    Bound { local: SocketAddr },
    /// TCP listener ready.
    Listening { local: SocketAddr },
    /// TCP client connected; `local` is the port the OS gave us.
    Connected { local: SocketAddr, peer: SocketAddr },
    /// A client arrived at our listener: accept() returned a new socket.
    Accepted { socket: SocketId, peer: SocketAddr },
    /// recv returned 0: the peer closed its side.
    PeerClosed { peer: SocketAddr },
    /// A client of our listener was turned away: the page held its most sockets.
    Refused { peer: SocketAddr },
    /// A send waits for room (`tcp_send_progress`): the kernel has taken `sent` of `total`
    /// bytes, because the peer is not reading.
    SendWaiting { sent: usize, total: usize },
    /// The relay closed a socket itself (reset, error).
    Dropped {
        peer: Option<SocketAddr>,
        error: Option<RelayError>,
    },
    /// We closed our socket(s).
    Stopped,
    /// A request failed.
    Failed { error: RelayError },
    /// The relay connection was lost: every socket is gone.
    SessionLost,
}

/// One line of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Local time of day in milliseconds (see [`crate::lab::clock_ms`]).
    pub at: u64,
    pub dir: Dir,
    /// The other end: where it went, or who sent it.
    pub peer: Option<SocketAddr>,
    /// The payload (empty for system lines); shared, so copying the log (every frame, under a
    /// flood of 64 KiB recvs) copies no payload.
    pub data: Rc<Vec<u8>>,
    /// How a sent line was encoded (`None`: typed as hex, or received: shown in the panel's
    /// current encoding).
    pub encoding: Option<Encoding>,
    /// This line was sent by the auto-reply.
    pub auto: bool,
    pub note: Option<Note>,
}

impl Line {
    pub fn system(at: u64, note: Note) -> Line {
        Line {
            at,
            dir: Dir::System,
            peer: None,
            data: Rc::default(),
            encoding: None,
            auto: false,
            note: Some(note),
        }
    }

    /// The encoding its text is shown in: its own for typed text, else the panel's.
    pub fn shown_as(&self, panel: Encoding) -> Encoding {
        self.encoding.unwrap_or(panel)
    }
}

/// `HH:MM:SS.mmm` for a time of day in milliseconds (wraps at midnight).
pub fn format_time(ms: u64) -> String {
    let ms = ms % 86_400_000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// A system note in the learner's language.
pub fn note_text(lang: Lang, note: &Note) -> String {
    match note {
        Note::Bound { local } => trf(lang, fill!("panel.note.bound", local = &local.to_string())),
        Note::Listening { local } => trf(
            lang,
            fill!("panel.note.listening", local = &local.to_string()),
        ),
        Note::Connected { local, peer } => trf(
            lang,
            fill!(
                "panel.note.connected",
                local = &local.to_string(),
                port = &local.port().to_string(),
                peer = &peer.to_string()
            ),
        ),
        Note::Accepted { socket, peer } => trf(
            lang,
            fill!(
                "panel.note.accepted",
                peer = &peer.to_string(),
                id = &socket.to_string()
            ),
        ),
        Note::PeerClosed { peer } => trf(
            lang,
            fill!("panel.note.peer_closed", peer = &peer.to_string()),
        ),
        Note::Refused { peer } => trf(
            lang,
            fill!(
                "panel.note.refused",
                peer = &peer.to_string(),
                max = &protocol::limits::MAX_SOCKETS_PER_SESSION.to_string()
            ),
        ),
        Note::SendWaiting { sent, total } => trf(
            lang,
            fill!(
                "panel.note.send_waiting",
                sent = &crate::i18n::thousands(*sent as u64),
                total = &crate::i18n::thousands(*total as u64)
            ),
        ),
        Note::Dropped { peer, error } => {
            let who = peer.map(|p| p.to_string()).unwrap_or_default();
            let why = error
                .as_ref()
                .map(|e| {
                    format!(
                        "{}: {}",
                        e.code.name(),
                        tr(lang, crate::components::explanation(e.code))
                    )
                })
                .unwrap_or_default();
            trf(lang, fill!("panel.note.dropped", peer = &who, why = &why))
        }
        Note::Stopped => tr(lang, key!("panel.note.stopped")).to_owned(),
        Note::Failed { error } => {
            let errno = error
                .errno
                .map(|n| format!(" (errno {n})"))
                .unwrap_or_default();
            format!(
                "{}{errno}: {}",
                error.code.name(),
                tr(lang, crate::components::explanation(error.code))
            )
        }
        Note::SessionLost => tr(lang, key!("panel.note.session_lost")).to_owned(),
    }
}

/// The log as a plain-text file, one line per entry:
/// `12:03:04.567 <- 127.0.0.1:50000 5 B "hello" [68 65 6C 6C 6F]`.
/// `decode` turns bytes into text (the browser's decoder in the page, a stand-in in tests).
pub fn to_text(
    lines: &[Line],
    lang: Lang,
    panel_encoding: Encoding,
    decode: impl Fn(Encoding, &[u8]) -> String,
) -> String {
    let mut out = String::new();
    out.push_str(tr(lang, key!("panel.save.header")));
    out.push('\n');
    for line in lines {
        out.push_str(&format_time(line.at));
        out.push(' ');
        out.push_str(line.dir.arrow());
        if let Some(peer) = line.peer {
            out.push(' ');
            out.push_str(&peer.to_string());
        }
        match &line.note {
            Some(note) => {
                out.push(' ');
                out.push_str(&note_text(lang, note));
            }
            None => {
                let enc = line.shown_as(panel_encoding);
                let text = decode(enc, &line.data);
                out.push_str(&format!(
                    " {} B ({}) {:?} [{}]",
                    line.data.len(),
                    enc.label(),
                    text,
                    hex::spaced(&line.data)
                ));
                if line.auto {
                    out.push(' ');
                    out.push_str(tr(lang, key!("panel.log.auto")));
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_like_a_clock() {
        assert_eq!(format_time(0), "00:00:00.000");
        assert_eq!(
            format_time(((13 * 60 + 5) * 60 + 9) * 1000 + 42),
            "13:05:09.042"
        );
        assert_eq!(format_time(86_400_000 + 1), "00:00:00.001");
        assert_eq!(format_time(86_399_999), "23:59:59.999");
    }

    #[test]
    fn the_saved_file_has_every_message_with_text_and_hex() {
        let peer: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let lines = vec![
            Line::system(1000, Note::Bound { local: peer }),
            Line {
                at: 2003,
                dir: Dir::Received,
                peer: Some(peer),
                data: b"hello".to_vec().into(),
                encoding: None,
                auto: false,
                note: None,
            },
            Line {
                at: 2004,
                dir: Dir::Sent,
                peer: Some(peer),
                data: vec![0xC4, 0xE3].into(),
                encoding: Some(Encoding::Gbk),
                auto: true,
                note: None,
            },
        ];
        let fake = |enc: Encoding, b: &[u8]| match enc {
            Encoding::Gbk if b == [0xC4, 0xE3] => "你".to_owned(),
            _ => String::from_utf8_lossy(b).into_owned(),
        };
        let text = to_text(&lines, Lang::En, Encoding::Utf8, fake);
        assert!(
            text.contains("00:00:02.003 <- 127.0.0.1:50000 5 B (utf-8) \"hello\" [68 65 6C 6C 6F]"),
            "{text}"
        );
        assert!(
            text.contains("00:00:02.004 -> 127.0.0.1:50000 2 B (gbk) \"你\" [C4 E3]"),
            "{text}"
        );
        assert!(text.contains("127.0.0.1:50000"), "{text}");
        let zh = to_text(&lines, Lang::ZhCn, Encoding::Utf8, fake);
        assert!(zh.contains("00:00:01.000 --"), "{zh}");
        assert_eq!(zh.lines().count(), 4);
    }
}
