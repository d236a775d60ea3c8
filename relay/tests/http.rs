//! The HTTP side against a real relay on a real socket: the embedded page, its headers, and
//! the Host and Origin checks that keep other web sites out.

mod common;

use common::{Client, get, start, upgrade};
use relay::app::{HOST_REFUSED, ORIGIN_REFUSED};
use relay::assets;

#[tokio::test]
async fn every_app_route_answers_its_page_with_security_headers() {
    let relay = start().await;
    let host = format!("127.0.0.1:{}", relay.port);
    let index = assets::index();
    let drawn = |file: &str| assets::find(file).unwrap_or(index);
    for (path, page) in [
        ("/lesson/udp/3", index),
        ("/no/such/file.js", index),
        ("/lesson/intro", index),
        ("/lesson/intro/4", index),
        ("/lesson/intro/1/", index),
        ("/", drawn("/pre/index.html")),
        ("/?x=1", drawn("/pre/index.html")),
        ("/lesson/intro/1", drawn("/pre/lesson/intro/1.html")),
    ] {
        let res = get(relay.port, path, Some(&host), "").await;
        assert_eq!(res.status, 200, "{path}");
        assert_eq!(res.body, page.raw, "{path}");
        assert_eq!(res.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(res.header("cache-control"), Some("no-cache"));
        assert_eq!(res.header("vary"), Some("Accept-Encoding"));
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(res.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(res.header("x-frame-options"), Some("DENY"));
        let csp = res.header("content-security-policy").unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        let p = relay.port;
        assert!(
            csp.contains(&format!(
                "connect-src 'self' ws://127.0.0.1:{p} ws://localhost:{p};"
            )),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
}

/// With the page built, the home page and the first lesson's steps are drawn ahead of time
/// (frontend/prerender): index.html with the page in both languages in `#app`, and the same
/// inline script, so the CSP's hash of index.html's script admits theirs.
#[test]
fn the_first_visits_pages_are_drawn_ahead_of_time_with_index_htmls_script() {
    let index = String::from_utf8_lossy(assets::index().raw).into_owned();
    let script = |doc: &str| -> String {
        let start = doc.find("<script>").expect("an inline script") + "<script>".len();
        let len = doc[start..].find("</script>").expect("its end");
        doc[start..start + len].to_owned()
    };
    for file in [
        "/pre/index.html",
        "/pre/lesson/intro/1.html",
        "/pre/lesson/intro/2.html",
        "/pre/lesson/intro/3.html",
    ] {
        let asset = assets::find(file);
        assert_eq!(asset.is_some(), assets::page_built(), "{file}");
        let Some(asset) = asset else { continue };
        assert_eq!(asset.content_type, "text/html; charset=utf-8");
        let doc = String::from_utf8_lossy(asset.raw);
        assert_eq!(script(&doc), script(&index), "{file}");
        let zh = doc.find(r#"<div id="app"><div class="drawn" lang="zh-CN">"#);
        let en = doc.find(r#"<div class="drawn" lang="en">"#);
        assert!(zh.is_some() && en > zh, "{file}: {doc}");
    }
    assert!(assets::find("/pre/lesson/intro/4.html").is_none());
}

#[tokio::test]
async fn every_embedded_file_is_served_with_its_type_plain_gzipped_or_brotli() {
    let relay = start().await;
    let host = format!("127.0.0.1:{}", relay.port);
    for asset in assets::FILES {
        let plain = get(relay.port, asset.path, Some(&host), "").await;
        assert_eq!(plain.status, 200);
        assert_eq!(plain.body, asset.raw, "{}", asset.path);
        assert_eq!(plain.header("content-type"), Some(asset.content_type));
        assert_eq!(plain.header("content-encoding"), None);

        let gz = get(
            relay.port,
            asset.path,
            Some(&host),
            "Accept-Encoding: gzip, deflate\r\n",
        )
        .await;
        assert_eq!(gz.header("content-type"), Some(asset.content_type));
        assert_eq!(gz.header("vary"), Some("Accept-Encoding"));
        if asset.gzip.len() < asset.raw.len() {
            assert_eq!(gz.header("content-encoding"), Some("gzip"));
            assert_eq!(gz.body, asset.gzip, "{}", asset.path);
        } else {
            assert_eq!(gz.body, asset.raw, "{}", asset.path);
        }

        // A browser that takes brotli too gets the brotli copy made at page build, when there
        // is one and it is the smallest.
        let br = get(
            relay.port,
            asset.path,
            Some(&host),
            "Accept-Encoding: gzip, deflate, br, zstd\r\n",
        )
        .await;
        assert_eq!(br.header("content-type"), Some(asset.content_type));
        if !asset.br.is_empty() && asset.br.len() < asset.gzip.len() {
            assert_eq!(br.header("content-encoding"), Some("br"), "{}", asset.path);
            assert_eq!(br.body, asset.br, "{}", asset.path);
        } else {
            assert_eq!(br.body, gz.body, "{}", asset.path);
        }
    }
    // The page built by xtask has brotli copies of its big files.
    if assets::page_built() {
        let wasm = assets::find("/start_bg.wasm").unwrap();
        assert!(!wasm.br.is_empty() && wasm.br.len() < wasm.gzip.len());
    }
}

#[tokio::test]
async fn wasm_would_be_served_as_application_wasm() {
    // The content type table lives in build.rs; a built page has start_bg.wasm (the first bundle).
    for asset in assets::FILES.iter().filter(|a| a.path.ends_with(".wasm")) {
        assert_eq!(asset.content_type, "application/wasm");
    }
    if assets::page_built() {
        assert!(assets::find("/start_bg.wasm").is_some());
    }
}

#[tokio::test]
async fn the_three_local_host_names_are_accepted() {
    let relay = start().await;
    let p = relay.port;
    for host in [
        format!("127.0.0.1:{p}"),
        format!("localhost:{p}"),
        format!("[::1]:{p}"),
    ] {
        let res = get(p, "/", Some(&host), "").await;
        assert_eq!(res.status, 200, "{host}");
    }
}

#[tokio::test]
async fn foreign_hosts_get_403_on_every_route() {
    let relay = start().await;
    let p = relay.port;
    let other = if p == 65535 { p - 1 } else { p + 1 };
    let hosts = [
        format!("evil.example:{p}"),
        "evil.com".to_owned(),
        "127.0.0.1".to_owned(),
        "localhost".to_owned(),
        format!("127.0.0.1:{other}"),
        format!("127.0.0.2:{p}"),
        format!("127.0.0.1:{p}.evil.example"),
        format!("[::1]:{other}"),
        format!("0.0.0.0:{p}"),
    ];
    for host in &hosts {
        for path in ["/", "/index.html", "/lesson/udp/3", "/ws"] {
            let res = get(p, path, Some(host), "").await;
            assert_eq!(res.status, 403, "{host} {path}");
            assert_eq!(res.body, HOST_REFUSED.as_bytes(), "{host} {path}");
        }
        let res = upgrade(p, host, Some(&relay.origin())).await;
        assert_eq!(res.status, 403, "{host}");
        assert_eq!(res.body, HOST_REFUSED.as_bytes());
    }
}

#[tokio::test]
async fn a_missing_or_doubled_host_gets_403() {
    let relay = start().await;
    let p = relay.port;
    let res = common::http(p, "GET / HTTP/1.0\r\n").await;
    assert_eq!(res.status, 403);
    assert_eq!(res.body, HOST_REFUSED.as_bytes());
    let res = get(
        p,
        "/",
        Some(&format!("127.0.0.1:{p}")),
        "Host: evil.example\r\n",
    )
    .await;
    assert_ne!(res.status, 200);
}

#[tokio::test]
async fn websocket_needs_one_of_the_three_local_origins() {
    let relay = start().await;
    let p = relay.port;
    let host = format!("127.0.0.1:{p}");
    let other = if p == 65535 { p - 1 } else { p + 1 };
    let refused = [
        None,
        Some("http://evil.example".to_owned()),
        Some("null".to_owned()),
        Some(format!("http://127.0.0.1:{other}")),
        Some(format!("https://127.0.0.1:{p}")),
        Some(format!("http://localhost:{p}.evil.example")),
        Some(format!("http://127.0.0.1:{p}/")),
        Some("http://127.0.0.1".to_owned()),
    ];
    for origin in &refused {
        let res = upgrade(p, &host, origin.as_deref()).await;
        assert_eq!(res.status, 403, "{origin:?}");
        assert_eq!(res.body, ORIGIN_REFUSED.as_bytes(), "{origin:?}");
        // The same through a real WebSocket client: the upgrade fails with 403.
        match Client::connect_as(p, &host, origin.as_deref()).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(res)) => {
                assert_eq!(res.status(), 403, "{origin:?}")
            }
            Err(e) => panic!("{origin:?}: unexpected error {e}"),
            Ok(_) => panic!("{origin:?}: upgrade should be refused"),
        }
    }
    for origin in [
        format!("http://127.0.0.1:{p}"),
        format!("http://localhost:{p}"),
        format!("http://[::1]:{p}"),
    ] {
        let mut c = Client::connect(p, &origin).await.unwrap();
        let welcome = c.hello(&relay.secret()).await;
        relay.keep(&welcome);
        assert!(
            matches!(welcome, protocol::ServerMessage::Welcome(_)),
            "{origin}: {welcome:?}"
        );
    }
}

#[tokio::test]
async fn only_get_and_head_are_served() {
    let relay = start().await;
    let p = relay.port;
    let res = common::http(
        p,
        &format!("POST / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nContent-Length: 0\r\n"),
    )
    .await;
    assert_eq!(res.status, 405);
    assert_eq!(res.header("allow"), Some("GET, HEAD"));
    let res = common::http(p, &format!("HEAD / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n")).await;
    assert_eq!(res.status, 200);
    assert!(res.body.is_empty());
}
