//! Challenges (issue 15): the learner writes one of the course's programs, and the relay plays
//! the other side with a scripted checker, reporting every check as it happens. These are the
//! names both sides agree on; the page holds the learner's text (zh-CN and English) for every
//! [`CheckId`] and [`HintId`], so a name here never changes once released.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use serde::{Deserialize, Serialize};

use crate::Data;

/// A challenge run's id, chosen by the relay, unique within one relay process.
pub type RunId = u32;

/// The challenges the relay can check (the course's programs, in the course's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeId {
    /// The learner's program sends a sentence in GBK to the checker's UDP port, twice (two runs).
    UdpSender,
    /// The learner's program binds UDP 7788 and sends every datagram back to its sender.
    UdpReceiver,
    /// The learner's client reads the checker's question (a line, in two pieces) and answers.
    TcpQuizClient,
    /// The learner's echo server (TCP 7788) serves several clients one after another.
    TcpEchoServer,
    /// The course's file client, fixed: it downloads the whole file and prints its SHA-256.
    FileClient,
    /// The course's file server, made safe: it serves only its own folder.
    FileServer,
}

/// What the learner's program must use for this run (`challenge_started.setup`). A field is
/// present only for the challenges that need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeSetup {
    pub challenge: ChallengeId,
    /// Where the checker listens: the program sends or connects here (UDP for `udp_sender`,
    /// TCP for `tcp_quiz_client` and `file_client`). The course's port when it was free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checker: Option<SocketAddr>,
    /// The port the program must bind on 127.0.0.1 (`udp_receiver` and `tcp_echo_server`: 7788,
    /// `file_server`: 7890).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_port: Option<u16>,
    /// The sentence to send (`udp_sender`), to be encoded in GBK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The file to ask for (`file_client`), or the normal file of the folder (`file_server`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Its size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_size: Option<u64>,
    /// `file_server`: the folder the relay prepared; the program serves it (started there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// How long the checker waits for the program at each step before that check fails.
    pub step_timeout_ms: u64,
    /// How long it waits for the program's first datagram or connection, when the learner runs
    /// the program after pressing "Check" (the client challenges); 0 when the program must
    /// already be running (the server challenges).
    #[serde(default)]
    pub start_timeout_ms: u64,
}

/// Every check a checker makes. Stable snake_case names (the page's texts are keyed by them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    // ----- udp_sender -----
    /// A datagram arrived at the checker's port.
    DatagramArrived,
    /// Its bytes are exactly the sentence in GBK.
    SentenceBytes,
    /// A second run's datagram arrived (the learner runs the program again).
    SecondRunArrived,
    /// The two runs came from different ports: the OS chose the source port (no bind).
    SourcePortChosenByOs,
    // ----- udp_receiver -----
    /// Something holds UDP 127.0.0.1:7788.
    PortBound,
    /// The first sender got its datagram back, at its own port.
    ReplyToFirstSender,
    /// A second sender (another port) got its own datagram back at its own port.
    ReplyToSecondSender,
    /// A datagram larger than the program's buffer: what this OS did (information).
    OversizedDatagram,
    // ----- tcp_quiz_client, file_client -----
    /// The program connected to the checker.
    ClientConnected,
    /// The program waited for the whole question (it answered only after the second piece).
    QuestionReadWhole,
    /// The answer is right.
    AnswerCorrect,
    /// The program closed the connection at the end.
    ClientClosed,
    // ----- tcp_echo_server -----
    /// A client could connect to the program.
    ServerAccepts,
    /// Every byte sent (in uneven pieces) came back, in order.
    EchoEveryByte,
    /// After the client shut down its side, the server closed the connection.
    ClosesAfterPeerShutdown,
    /// Another client, after the first, was served too.
    NextClientServed,
    // ----- file_client -----
    /// The file name arrived (exact bytes).
    NameReceived,
    /// The program read the whole file before closing (no reset or EPIPE on the server side).
    ReadToTheEnd,
    /// The SHA-256 the program printed (pasted into the page) matches the file's.
    Sha256Printed,
    // ----- file_server -----
    /// A normal file came back with its exact bytes.
    NormalFile,
    /// A missing file: nothing sent, connection closed.
    MissingFile,
    /// An empty file: nothing sent, connection closed (looks the same as missing).
    EmptyFile,
    /// `../secret.txt` was not served.
    OutsideFolderRefused,
    /// A name sent in two pieces was still understood (the server reads until end of stream).
    NameInPieces,
}

/// How one check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    Pass,
    Fail,
    /// Not judged: what happened, to learn from (the OS's behaviour, a prompt for the next run).
    Info,
}

/// The likely reason a check came out as it did: the page has the explanation for each. `args`
/// of the check fill the text's blanks (named below).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HintId {
    /// Nothing within the step's time (`seconds`).
    NoAnswer,
    /// The bytes are the sentence in UTF-8, not GBK.
    SentUtf8,
    /// Other bytes than expected (`expected_hex`, `got_hex`; `text` as GBK when it decodes).
    WrongBytes,
    /// Run the program again (the check waits for a second datagram).
    RunAgain,
    /// Both runs came from the same port (`port`): the program binds it.
    SourcePortFixed,
    /// Nothing holds UDP 7788 (`port`).
    PortNotBound,
    /// The reply went to the first sender's port, not this sender's (`port`).
    ReplyToFixedPort,
    /// The OS cut the datagram to the buffer (`sent`, `received`): Linux and macOS.
    DatagramCut,
    /// No reply to a datagram larger than the buffer (`sent`): on Windows `recvfrom` raises
    /// `WinError 10040` and a program without `try` stops.
    DatagramErrorRaised,
    /// The whole datagram came back (`sent`): the program's buffer is large enough.
    DatagramWhole,
    /// Connecting was refused (`port`): nothing listens there (the server is not running, or exited).
    ConnectionRefused,
    /// The program sent or closed before the question's second piece: one `recv` took only
    /// the first piece (`got_text`).
    SingleRecv,
    /// The answer is wrong (`expected`, `got_text`).
    WrongAnswer,
    /// The program did not close its connection (`seconds`).
    NotClosed,
    /// Fewer bytes came back than were sent (`sent`, `received`): one `recv` instead of a loop.
    EchoIncomplete,
    /// Bytes came back different or out of order (`offset`).
    EchoBytesDiffer,
    /// The server did not close after `recv` returned 0 (`seconds`).
    NoCloseAfterShutdown,
    /// The server handled one client and exited (the next connect was refused).
    ExitedAfterOneClient,
    /// The connection broke from the program's side before the end (`sent`, `total`): it
    /// closed early (a reset, or `EPIPE`, on the server's side).
    ClosedEarly,
    /// The pasted SHA-256 is not the file's (`expected`, `got_text`).
    Sha256Mismatch,
    /// Bytes were sent for a file that does not exist (`received`).
    SentForMissing,
    /// The secret outside the folder was served (`received`).
    ServedOutsideFolder,
    /// The name arrived in two pieces and the server used only the first (one `recv`).
    NameReadOnce,
}

/// The `challenge_check` event: one check, as it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub run: RunId,
    /// 0, 1, 2 ... in the order the checks happened.
    pub index: u32,
    pub check: CheckId,
    pub outcome: CheckOutcome,
    /// What the checker sent for this check (absent when it sent nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Data>,
    /// What came back (absent when nothing did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Data>,
    /// From the start of this check to its outcome.
    pub elapsed_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<HintId>,
    /// Values for the hint's text (names listed with each [`HintId`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

/// One address of one of this machine's interfaces, from the OS's own tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interface {
    /// The OS's name (`eth0`, `en0`, Windows' friendly name `以太网`/`Wi-Fi`).
    pub name: String,
    pub addr: IpAddr,
    /// The prefix length (`24` for 255.255.255.0).
    pub prefix: u8,
    /// The default gateway through this interface, for this address family, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<IpAddr>,
}
