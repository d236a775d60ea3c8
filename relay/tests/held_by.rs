//! "Your own earlier socket holds this port" (issue 13 item 2): an `EADDRINUSE` on `udp_bind`
//! or `tcp_listen` names the page's own socket that holds the port (`held_by`), so the page
//! can offer to close it and try again; a port another program holds names none.

mod common;

use common::start;
use protocol::{ErrorCode, Request};

#[tokio::test]
async fn a_udp_port_held_by_the_pages_own_socket_names_it() {
    let relay = start().await;
    let mut c = relay.client().await;
    let first = c.udp_open().await;
    let port = c.udp_bind(first, "127.0.0.1", 0).await.port();
    let second = c.udp_open().await;
    let e = c
        .err(Request::UdpBind {
            socket: second,
            host: "127.0.0.1".into(),
            port,
        })
        .await;
    assert_eq!((e.code, e.held_by), (ErrorCode::AddrInUse, Some(first)));
    let detail = e.detail.unwrap();
    assert!(
        detail.ends_with(&format!(
            "port {port} is held by this page's own socket #{first}, opened earlier"
        )),
        "{detail}"
    );
    // Closed, the port is free for the second socket.
    c.ok(Request::Close { socket: first }).await;
    assert_eq!(c.udp_bind(second, "127.0.0.1", port).await.port(), port);
}

#[tokio::test]
async fn a_tcp_port_held_by_the_pages_own_listener_names_it() {
    let relay = start().await;
    let mut c = relay.client().await;
    let (listener, local) = c.tcp_listen(None).await;
    let listen_again = Request::TcpListen {
        host: "127.0.0.1".into(),
        port: local.port(),
        backlog: 5,
        recv_size: None,
    };
    let e = c.err(listen_again.clone()).await;
    assert_eq!((e.code, e.held_by), (ErrorCode::AddrInUse, Some(listener)));
    c.ok(Request::Close { socket: listener }).await;
    c.ok(listen_again).await;
}

#[tokio::test]
async fn a_port_another_program_holds_names_no_socket() {
    let relay = start().await;
    let mut c = relay.client().await;
    let other = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = other.local_addr().unwrap().port();
    // The page holds a TCP listener on the same number: another protocol, not the holder.
    c.ok(Request::TcpListen {
        host: "127.0.0.1".into(),
        port,
        backlog: 5,
        recv_size: None,
    })
    .await;
    let u = c.udp_open().await;
    let e = c
        .err(Request::UdpBind {
            socket: u,
            host: "127.0.0.1".into(),
            port,
        })
        .await;
    assert_eq!((e.code, e.held_by), (ErrorCode::AddrInUse, None));
}
