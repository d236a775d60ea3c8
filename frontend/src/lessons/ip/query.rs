//! Widget state in the page's URL query (`?tree=...`, `?level=2&seed=42`), so a teacher can
//! share exactly what they see. Pure string work here; the two browser calls are at the end.

/// The value of `name` in a query string such as `?a=1&tree=10.0.0.0-8.oA` (leading `?`
/// optional). Values are percent-decoded (the texts we write never need it, but a shared link
/// may have passed through a tool that encoded them).
pub fn param(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| percent_decode(v))
}

/// The query string with `name` set to `value` (replacing any old value), other parameters
/// kept in order. Returns text starting with `?`.
pub fn with_param(search: &str, name: &str, value: &str) -> String {
    let mut pairs: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .map(str::to_owned)
        .collect();
    pairs.push(format!("{name}={}", percent_encode(value)));
    format!("?{}", pairs.join("&"))
}

/// Encodes everything outside the characters our values use (`A-Z a-z 0-9 - _ . /`).
fn percent_encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The current page's query string (`?...`, or empty).
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Sets `name=value` in the address bar without a new history entry (and without reloading).
pub fn replace_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let url = format!("{path}{}", with_param(&search, name, value));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_parameter_among_others() {
        assert_eq!(
            param("?tree=10.0.0.0-8.oA", "tree").as_deref(),
            Some("10.0.0.0-8.oA")
        );
        assert_eq!(param("level=2&seed=42", "seed").as_deref(), Some("42"));
        assert_eq!(param("?level=2&seed=42", "level").as_deref(), Some("2"));
        assert_eq!(param("?levels=2", "level"), None);
        assert_eq!(param("", "tree"), None);
        assert_eq!(param("?flag", "flag").as_deref(), Some(""));
        assert_eq!(param("?x=a%2Db%zz", "x").as_deref(), Some("a-b%zz"));
        assert_eq!(param("?x=%4", "x").as_deref(), Some("%4"));
    }

    #[test]
    fn writes_a_parameter_keeping_the_rest() {
        assert_eq!(
            with_param("", "tree", "10.0.0.0-8.oA"),
            "?tree=10.0.0.0-8.oA"
        );
        assert_eq!(
            with_param("?level=2&seed=1", "seed", "42"),
            "?level=2&seed=42"
        );
        assert_eq!(with_param("?a=1", "b", "x y"), "?a=1&b=x%20y");
        let q = with_param("?a=1", "t", "1.2.3.0-24.g_");
        assert_eq!(param(&q, "t").as_deref(), Some("1.2.3.0-24.g_"));
    }
}
