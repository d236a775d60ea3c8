//! Fuzzing (issue 12): the message decoder and the host parser meet arbitrary bytes, arbitrary
//! JSON and near-miss requests, and must answer (Ok or a typed error), never panic. The policy
//! must also never let a parsed address that is not loopback through.
//!
//! `cargo test` runs proptest's default 256 cases per property (a second or two); set
//! `PROPTEST_CASES=100000` for a long run. A failing case is saved under
//! `relay/proptest-regressions/` and replayed first next time.

use std::net::{IpAddr, SocketAddr};

use proptest::prelude::*;
use protocol::{ClientMessage, ServerMessage};
use relay::host::{Host, parse_host};
use relay::policy::Policy;

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            prop::collection::btree_map(key(), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Object keys: mostly the protocol's own, so requests come close to valid ones.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "op",
            "token",
            "socket",
            "host",
            "port",
            "data",
            "family",
            "recv_size",
            "backlog",
            "paused",
            "name",
            "mode",
            "download",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,12}",
    ]
}

/// An op name: the real ones and some that are not.
fn op() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        prop::sample::select(vec![
            "hello",
            "udp_open",
            "udp_bind",
            "udp_send_to",
            "tcp_connect",
            "tcp_listen",
            "tcp_send",
            "tcp_shutdown",
            "tcp_pause_reading",
            "close",
            "list_sockets",
            "tcp_info",
            "resolve",
            "file_list",
            "file_server_start",
            "file_server_stop",
            "download_start",
            "download_cancel",
        ])
        .prop_map(serde_json::Value::from),
        json(),
    ]
}

fn decode(bytes: &[u8]) {
    let _ = serde_json::from_slice::<ClientMessage>(bytes);
    let _ = serde_json::from_slice::<ServerMessage>(bytes);
    let _ = serde_json::from_slice::<serde_json::Value>(bytes);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics_the_decoder(value in json()) {
        decode(value.to_string().as_bytes());
    }

    #[test]
    fn near_miss_requests_decode_or_fail_cleanly(
        id in any::<u64>(),
        op in op(),
        fields in prop::collection::btree_map(key(), json(), 0..6),
    ) {
        let mut object: serde_json::Map<String, serde_json::Value> = fields.into_iter().collect();
        object.insert("id".into(), id.into());
        object.insert("op".into(), op);
        let text = serde_json::Value::Object(object).to_string();
        // What decodes must encode again to something that decodes the same.
        if let Ok(msg) = serde_json::from_str::<ClientMessage>(&text) {
            let again: ClientMessage = serde_json::from_str(&protocol::to_json(&msg)).unwrap();
            prop_assert_eq!(again, msg);
        }
    }

    #[test]
    fn arbitrary_hosts_never_panic_and_never_pass_the_policy_when_foreign(text in ".{0,300}") {
        if let Ok(Host::Ip(ip)) = parse_host(&text) {
            let policy = Policy::new(8470, vec![], false);
            let allowed = policy.check_target(SocketAddr::new(ip, 9)).is_ok();
            prop_assert!(!allowed || ip.to_canonical().is_loopback(), "{text} -> {ip}");
        }
    }

    #[test]
    fn host_like_text_never_panics(text in "[0-9a-fA-FxX:.\\[\\]%/ -]{0,60}") {
        if let Ok(Host::Ip(ip)) = parse_host(&text) {
            // Whatever parses is a real address, written in one of its ordinary forms.
            let reparsed: IpAddr = ip.to_string().parse().unwrap();
            prop_assert_eq!(reparsed, ip);
        }
    }
}
