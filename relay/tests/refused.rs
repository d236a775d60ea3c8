//! A client refused at the socket limit (issue 12): the page hears it (`client_refused`), not
//! only the relay's log.

mod common;

use std::io::Read as _;

use common::start;
use protocol::limits::MAX_SOCKETS_PER_SESSION;
use protocol::{ErrorCode, ServerMessage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_refused_at_the_socket_limit_is_an_event() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (listener, local) = c.tcp_listen(None).await;
    for _ in 1..MAX_SOCKETS_PER_SESSION {
        c.udp_open().await;
    }
    let client = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(local).unwrap();
        let me = s.local_addr().unwrap();
        // The relay accepted, then closed at once: end of stream.
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest);
        (me, rest)
    });
    let event = c
        .event_where(|m| matches!(m, ServerMessage::ClientRefused { .. }))
        .await;
    let (me, rest) = client.await.unwrap();
    assert!(rest.is_empty());
    match event {
        ServerMessage::ClientRefused {
            listener: l,
            peer,
            error,
        } => {
            assert_eq!(l, listener);
            assert_eq!(peer, me);
            assert_eq!(error.code, ErrorCode::TooManySockets);
        }
        _ => unreachable!(),
    }
    // Nothing was added for it.
    assert_eq!(c.list().await.len(), MAX_SOCKETS_PER_SESSION);
    relay.stop().await;
}
