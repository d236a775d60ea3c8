//! A flooding UDP peer, end to end: the relay sends the page batches, not one message per
//! datagram, and their counts are exact (datagrams and bytes in events plus `unshown` equal what
//! the peer sent), while a reply still comes before the echo it caused.

mod common;

use std::net::{SocketAddr, UdpSocket};

use common::{Client, start};
use protocol::{Reply, ServerMessage};

/// How many datagrams the peer sends.
const FLOOD: u64 = 20_000;

/// Most datagrams the peer has sent ahead of what the page has seen counted, so the relay's
/// socket buffer (about 200 small datagrams on Linux) never overflows: a kernel drop would
/// make the relay's exact counts disagree with what was sent, for a reason outside the relay.
const AHEAD: u64 = 150;

/// The size of datagram `i`: varied, so the byte totals check every datagram's own length.
fn size(i: u64) -> usize {
    100 + (i % 7) as usize
}

/// What the page has seen: per sender, (datagrams, bytes), and the WebSocket messages.
#[derive(Default)]
struct Seen {
    datagrams: u64,
    bytes: u64,
    messages: u64,
    batches_with_unshown: u64,
    /// Whether the reply to the `udp_send_to` came, and whether the echo came before it.
    reply: bool,
    echo_before_reply: bool,
    echo: bool,
}

impl Seen {
    fn take(&mut self, msg: ServerMessage, flooder: SocketAddr, echo: SocketAddr, id: u64) {
        self.messages += 1;
        let datagram = |from: SocketAddr, n: u64, bytes: u64, s: &mut Seen| {
            if from == flooder {
                s.datagrams += n;
                s.bytes += bytes;
            } else if from == echo {
                s.echo = true;
                s.echo_before_reply |= !s.reply;
            } else {
                panic!("a datagram from {from}, which nobody here sent");
            }
        };
        match msg {
            ServerMessage::Reply { id: got, result } if got == id => {
                assert!(matches!(result, Reply::Sent { bytes: 4, .. }), "{result:?}");
                self.reply = true;
            }
            ServerMessage::UdpDatagram { from, data, .. } => {
                datagram(from, 1, data.0.len() as u64, self)
            }
            ServerMessage::Batch { events, unshown } => {
                assert!(
                    events.len() > 1 || !unshown.is_empty(),
                    "a batch holding one event or nothing: {events:?}"
                );
                for e in events {
                    match e {
                        ServerMessage::UdpDatagram { from, data, .. } => {
                            datagram(from, 1, data.0.len() as u64, self)
                        }
                        other => panic!("unexpected event in the batch: {other:?}"),
                    }
                }
                if !unshown.is_empty() {
                    self.batches_with_unshown += 1;
                }
                for u in unshown {
                    let from = u.from.expect("two senders are counted apart");
                    datagram(from, u.datagrams, u.bytes, self);
                }
            }
            other => panic!("unexpected message: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_flood_arrives_in_batches_with_exact_counts_and_replies_first() {
    let relay = start().await;
    let mut c: Client = relay.client().await;
    let s = c.udp_open().await;
    let local = c.udp_bind(s, "127.0.0.1", 0).await;
    let echo = SocketAddr::from(([127, 0, 0, 1], c.welcome().udp_echo_port));
    let peer = UdpSocket::bind("127.0.0.1:0").unwrap();
    let flooder = peer.local_addr().unwrap();

    let mut seen = Seen::default();
    let (mut sent, mut sent_bytes) = (0u64, 0u64);
    let mut id = None;
    while seen.datagrams < FLOOD || !seen.echo {
        while sent < FLOOD && sent - seen.datagrams < AHEAD {
            let n = size(sent);
            peer.send_to(&vec![b'a' + (sent % 26) as u8; n], local)
                .unwrap();
            sent += 1;
            sent_bytes += n as u64;
        }
        // Half way through, the page sends to the echo peer from the flooded socket: the
        // reply must come before the echo, however busy the socket is.
        if id.is_none() && sent >= FLOOD / 2 {
            id = Some(
                c.send(Client::send_to(s, "127.0.0.1", echo.port(), b"ping"))
                    .await,
            );
        }
        let msg = c.recv_raw().await;
        seen.take(msg, flooder, echo, id.unwrap_or(0));
    }

    assert_eq!((seen.datagrams, seen.bytes), (FLOOD, sent_bytes));
    assert!(
        seen.reply && !seen.echo_before_reply,
        "the reply came first"
    );
    assert!(
        seen.messages < FLOOD / 10,
        "{} WebSocket messages for {FLOOD} datagrams: not batched",
        seen.messages
    );
    // Nothing more: every datagram was counted once.
    assert!(
        c.quiet_for(std::time::Duration::from_millis(300))
            .await
            .is_none()
    );
}
