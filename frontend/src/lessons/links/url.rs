//! The URL the learner types, taken apart the way a browser does before it can fetch: scheme,
//! host, port, path; and the HTTP/1.1 request it then sends. Pure code, native tests.

/// A URL this lesson can fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    pub host: String,
    pub port: u16,
    pub path: String,
}

/// What is wrong with a URL (each has an explanation in the text tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Not `http://` (https needs TLS, which this lesson does not do).
    NotHttp,
    NoHost,
    BadPort,
}

impl UrlError {
    pub fn key(self) -> crate::i18n::Key {
        match self {
            UrlError::NotHttp => key!("links.url.err.not_http"),
            UrlError::NoHost => key!("links.url.err.no_host"),
            UrlError::BadPort => key!("links.url.err.bad_port"),
        }
    }
}

pub fn parse(text: &str) -> Result<Url, UrlError> {
    let text = text.trim();
    let rest = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        _ => return Err(UrlError::NotHttp),
    };
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let path = path.split('#').next().unwrap_or("/");
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let (h, after) = inner.split_once(']').ok_or(UrlError::NoHost)?;
        (h, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(UrlError::NoHost);
    }
    let port = match port {
        None => 80,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.chars().all(|c| c.is_ascii_digit()) => n,
            _ => return Err(UrlError::BadPort),
        },
    };
    Ok(Url {
        host: host.to_ascii_lowercase(),
        port,
        path,
    })
}

/// Whether the host is obviously loopback; anything else will meet the relay's TARGET_DENIED.
pub fn looks_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|a| a.is_loopback())
}

/// The request bytes a minimal browser would send.
pub fn request(url: &Url) -> String {
    let host = if url.host.contains(':') {
        format!("[{}]", url.host)
    } else {
        url.host.clone()
    };
    let host = if url.port == 80 {
        host
    } else {
        format!("{host}:{}", url.port)
    };
    format!(
        "GET {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: netlab-tutorial\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        url.path
    )
}

/// The first line of a response, when it has arrived.
pub fn status_line(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let (line, _) = text.split_once("\r\n")?;
    line.starts_with("HTTP/").then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_urls() {
        let u = parse("http://localhost:8080/").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("localhost", 8080, "/")
        );
        let u = parse(" HTTP://127.0.0.1 ").unwrap();
        assert_eq!((u.port, u.path.as_str()), (80, "/"));
        let u = parse("http://[::1]:81/about.html?x#top").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("::1", 81, "/about.html?x")
        );
    }

    #[test]
    fn bad_urls() {
        assert_eq!(parse("https://localhost/"), Err(UrlError::NotHttp));
        assert_eq!(parse("localhost:80"), Err(UrlError::NotHttp));
        assert_eq!(parse("http:///x"), Err(UrlError::NoHost));
        assert_eq!(parse("http://localhost:0/"), Err(UrlError::BadPort));
        assert_eq!(parse("http://localhost:70000/"), Err(UrlError::BadPort));
        assert_eq!(parse("http://localhost:+80/"), Err(UrlError::BadPort));
    }

    #[test]
    fn loopback_request_and_status() {
        assert!(looks_loopback("localhost") && looks_loopback("127.0.0.2"));
        assert!(!looks_loopback("example.com"));
        let req = request(&parse("http://localhost:8080/").unwrap());
        assert!(req.starts_with("GET / HTTP/1.1\r\nHost: localhost:8080\r\n"));
        assert!(req.ends_with("\r\n\r\n"));
        assert_eq!(
            status_line(b"HTTP/1.1 200 OK\r\nX: y\r\n\r\n").as_deref(),
            Some("HTTP/1.1 200 OK")
        );
        assert_eq!(status_line(b"HTTP/1.1 2"), None);
    }
}
