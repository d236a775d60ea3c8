//! Every message survives JSON and back, as exactly the JSON spelled out here (the README's own
//! examples are checked by `readme.rs`).

use protocol::*;

fn roundtrip_client(json: &str, expected: ClientMessage) {
    let parsed: ClientMessage = serde_json::from_str(json).unwrap();
    assert_eq!(parsed, expected);
    let again: ClientMessage = serde_json::from_str(&to_json(&parsed)).unwrap();
    assert_eq!(again, expected);
}

#[test]
fn hello_and_udp_requests_parse_as_documented() {
    roundtrip_client(
        r#"{"id":1,"op":"hello","token":"abc"}"#,
        ClientMessage {
            id: 1,
            request: Request::Hello {
                token: "abc".into(),
            },
        },
    );
    roundtrip_client(
        r#"{"id":2,"op":"udp_open"}"#,
        ClientMessage {
            id: 2,
            request: Request::UdpOpen {
                family: Family::Ipv4,
                recv_size: None,
            },
        },
    );
    roundtrip_client(
        r#"{"id":3,"op":"udp_bind","socket":1,"host":"","port":7788}"#,
        ClientMessage {
            id: 3,
            request: Request::UdpBind {
                socket: 1,
                host: String::new(),
                port: 7788,
            },
        },
    );
    // "你好" in GBK is C4 E3 BA C3; base64 "xOO6ww==".
    roundtrip_client(
        r#"{"id":4,"op":"udp_send_to","socket":1,"host":"127.0.0.1","port":8080,"data":"xOO6ww=="}"#,
        ClientMessage {
            id: 4,
            request: Request::UdpSendTo {
                socket: 1,
                host: "127.0.0.1".into(),
                port: 8080,
                data: Data(vec![0xC4, 0xE3, 0xBA, 0xC3]),
            },
        },
    );
}

#[test]
fn server_messages_serialize_exactly() {
    let msg = ServerMessage::Reply {
        id: 4,
        result: Reply::Sent {
            socket: 1,
            bytes: 4,
            local: "127.0.0.1:50000".parse().unwrap(),
            to: "127.0.0.1:8080".parse().unwrap(),
        },
    };
    assert_eq!(
        to_json(&msg),
        r#"{"type":"reply","id":4,"result":{"kind":"sent","socket":1,"bytes":4,"local":"127.0.0.1:50000","to":"127.0.0.1:8080"}}"#
    );
    let ev = ServerMessage::UdpDatagram {
        socket: 2,
        from: "127.0.0.1:40000".parse().unwrap(),
        local: "127.0.0.1:7788".parse().unwrap(),
        data: Data(b"hi".to_vec()),
    };
    assert_eq!(
        to_json(&ev),
        r#"{"type":"udp_datagram","socket":2,"from":"127.0.0.1:40000","local":"127.0.0.1:7788","data":"aGk="}"#
    );
    let err = ServerMessage::Error {
        id: Some(9),
        error: RelayError::new(ErrorCode::AddrInUse).with_errno(98),
    };
    let json = to_json(&err);
    assert!(
        json.starts_with(r#"{"type":"error","id":9,"error":{"code":"EADDRINUSE","errno":98,"message":"Another socket"#),
        "{json}"
    );
    for msg in [msg, ev, err] {
        let back: ServerMessage = serde_json::from_str(&to_json(&msg)).unwrap();
        assert_eq!(back, msg);
    }
}

#[test]
fn welcome_roundtrips() {
    let w = ServerMessage::Welcome(Welcome {
        protocol: PROTOCOL_VERSION,
        relay_version: "0.1.0".into(),
        relay_port: 8470,
        udp_echo_port: 40001,
        tcp_echo_port: 40002,
        sample_site_port: 40003,
        ephemeral_ports: Some((32768, 60999)),
        os: "windows".into(),
        extra_targets: vec![],
        bind_all_allowed: false,
        limits: Limits::default(),
        credential: Some("c0ffee".into()),
    });
    let json = to_json(&w);
    assert!(
        json.starts_with(r#"{"type":"welcome","protocol":1,"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<ServerMessage>(&json).unwrap(), w);
    assert!(json.contains(r#""os":"windows""#), "{json}");
}

#[test]
fn os_errors_carry_the_systems_own_name_and_pythons_line() {
    let e = RelayError::new(ErrorCode::ConnRefused)
        .with_errno(10061)
        .with_os_name("WSAECONNREFUSED")
        .with_python("ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。");
    let json = serde_json::to_string(&e).unwrap();
    assert!(
        json.contains(r#""errno":10061,"os_name":"WSAECONNREFUSED","python":"ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<RelayError>(&json).unwrap(), e);
    // An error from an older relay, without the new fields, still reads.
    let old: RelayError = serde_json::from_str(
        r#"{"code":"ECONNREFUSED","errno":111,"message":"Connection refused"}"#,
    )
    .unwrap();
    assert_eq!((old.os_name, old.python), (None, None));
    // And so does an older welcome, without `os`.
    let old = r#"{"protocol":1,"relay_version":"0.1.0","relay_port":8470,"udp_echo_port":1,
        "extra_targets":[],"bind_all_allowed":false,"limits":{"max_message_bytes":1,
        "max_sockets":1,"max_udp_payload":1,"max_tcp_send":1}}"#;
    assert_eq!(serde_json::from_str::<Welcome>(old).unwrap().os, "");
}

#[test]
fn bad_base64_and_unknown_ops_are_errors_not_panics() {
    assert!(
        serde_json::from_str::<ClientMessage>(
            r#"{"id":1,"op":"udp_send_to","socket":1,"host":"127.0.0.1","port":1,"data":"!!"}"#
        )
        .is_err()
    );
    assert!(serde_json::from_str::<ClientMessage>(r#"{"id":1,"op":"format_disk"}"#).is_err());
    assert!(serde_json::from_str::<ClientMessage>(r#"{"op":"hello","token":"x"}"#).is_err());
    assert!(
        serde_json::from_str::<ClientMessage>(
            r#"{"id":1,"op":"udp_bind","socket":1,"host":"","port":70000}"#
        )
        .is_err()
    );
}

#[test]
fn every_error_code_has_a_name_that_roundtrips_and_a_message() {
    let mut messages = std::collections::BTreeSet::new();
    for code in ErrorCode::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.name()));
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        let message = code.message();
        assert!(message.ends_with('.'), "{code}: {message}");
        assert!(messages.insert(message), "{code} shares its message");
        assert_eq!(RelayError::new(code).message, message);
    }
}

#[test]
fn tcp_requests_and_socket_list_parse_as_documented() {
    roundtrip_client(
        r#"{"id":5,"op":"tcp_connect","host":"127.0.0.1","port":7890,"recv_size":1024}"#,
        ClientMessage {
            id: 5,
            request: Request::TcpConnect {
                host: "127.0.0.1".into(),
                port: 7890,
                recv_size: Some(1024),
            },
        },
    );
    roundtrip_client(
        r#"{"id":6,"op":"tcp_listen","host":"127.0.0.1","port":0,"backlog":5}"#,
        ClientMessage {
            id: 6,
            request: Request::TcpListen {
                host: "127.0.0.1".into(),
                port: 0,
                backlog: 5,
                recv_size: None,
            },
        },
    );
    roundtrip_client(
        r#"{"id":7,"op":"tcp_pause_reading","socket":3,"paused":true}"#,
        ClientMessage {
            id: 7,
            request: Request::TcpPauseReading {
                socket: 3,
                paused: true,
            },
        },
    );
    roundtrip_client(
        r#"{"id":8,"op":"list_sockets"}"#,
        ClientMessage {
            id: 8,
            request: Request::ListSockets {},
        },
    );
    let reply = ServerMessage::Reply {
        id: 8,
        result: Reply::Sockets {
            sockets: vec![SocketInfo {
                socket: 3,
                kind: SocketKind::TcpStream,
                state: SocketState::PeerClosed,
                local: Some("127.0.0.1:7788".parse().unwrap()),
                peer: Some("127.0.0.1:50000".parse().unwrap()),
                listener: Some(2),
                paused: false,
            }],
        },
    };
    assert_eq!(
        to_json(&reply),
        r#"{"type":"reply","id":8,"result":{"kind":"sockets","sockets":[{"socket":3,"kind":"tcp_stream","state":"peer_closed","local":"127.0.0.1:7788","peer":"127.0.0.1:50000","listener":2,"paused":false}]}}"#
    );
    assert_eq!(
        serde_json::from_str::<ServerMessage>(&to_json(&reply)).unwrap(),
        reply
    );
}

#[test]
fn resolve_and_tcp_info_roundtrip() {
    roundtrip_client(
        r#"{"id":9,"op":"resolve","name":"localhost"}"#,
        ClientMessage {
            id: 9,
            request: Request::Resolve {
                name: "localhost".into(),
            },
        },
    );
    roundtrip_client(
        r#"{"id":10,"op":"tcp_info","socket":4}"#,
        ClientMessage {
            id: 10,
            request: Request::TcpInfo { socket: 4 },
        },
    );
    let resolved = ServerMessage::Reply {
        id: 9,
        result: Reply::Resolved {
            name: "localhost".into(),
            addrs: vec!["127.0.0.1".parse().unwrap(), "::1".parse().unwrap()],
            elapsed_us: 120,
        },
    };
    assert_eq!(
        to_json(&resolved),
        r#"{"type":"reply","id":9,"result":{"kind":"resolved","name":"localhost","addrs":["127.0.0.1","::1"],"elapsed_us":120}}"#
    );
    let info = ServerMessage::Reply {
        id: 10,
        result: Reply::TcpInfo {
            socket: 4,
            info: Some(KernelTcpInfo {
                source: "SIO_TCP_INFO".into(),
                state: "ESTABLISHED".into(),
                bytes_received: Some(5),
                ..KernelTcpInfo::default()
            }),
            reason: None,
        },
    };
    // A number the system does not give is absent from the JSON, not 0.
    let json = to_json(&info);
    assert!(
        json.contains(
            r#""info":{"source":"SIO_TCP_INFO","state":"ESTABLISHED","bytes_received":5}"#
        ),
        "{json}"
    );
    for msg in [resolved, info] {
        assert_eq!(
            serde_json::from_str::<ServerMessage>(&to_json(&msg)).unwrap(),
            msg
        );
    }
}

#[test]
fn unknown_request_fields_are_refused_naming_the_field() {
    let err = |json: &str| {
        serde_json::from_str::<ClientMessage>(json)
            .unwrap_err()
            .to_string()
    };
    let e = err(r#"{"id":1,"op":"tcp_connect","host":"127.0.0.1","port":7,"recv_sise":1024}"#);
    assert!(e.starts_with("unknown field `recv_sise`"), "{e}");
    let e = err(r#"{"id":2,"op":"udp_open","family":"ipv4","port":9}"#);
    assert!(e.starts_with("unknown field `port`"), "{e}");
    let e = err(r#"{"id":3,"op":"list_sockets","all":true}"#);
    assert!(e.starts_with("unknown field `all`"), "{e}");
    let e = err(r#"{"id":3,"op":"hello","token":"t","tokne":"t"}"#);
    assert!(e.starts_with("unknown field `tokne`"), "{e}");
    // The known optional fields, present or not, are still fine.
    for ok in [
        r#"{"id":4,"op":"tcp_connect","host":"127.0.0.1","port":7,"recv_size":1024}"#,
        r#"{"id":5,"op":"tcp_connect","host":"127.0.0.1","port":7}"#,
        r#"{"id":6,"op":"udp_open"}"#,
        r#"{"id":7,"op":"list_sockets"}"#,
    ] {
        serde_json::from_str::<ClientMessage>(ok).unwrap();
    }
}
