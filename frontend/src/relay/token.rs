//! The per-launch token: read from the URL fragment the relay printed (`#token=...`), kept in
//! localStorage, and wiped from the address bar so a projected screen or a shared link never
//! shows it. The token opens one session only: the relay's first welcome gives a credential,
//! kept here too, which every later hello (reloads, other tabs) presents instead. A new token
//! (a new launch of the relay) makes the old credential void.

use crate::storage;

/// Takes `#token=...` out of the current URL (storing it), then returns the stored token.
pub fn take_from_url() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    if let Some(token) = parse_fragment(&hash) {
        if stored().as_deref() != Some(token.as_str()) {
            // A new launch: the credential belonged to the old one.
            storage::set(CREDENTIAL_KEY, "");
        }
        storage::set(storage::TOKEN_KEY, &token);
        if let Ok(history) = window.history() {
            let path = location.pathname().unwrap_or_else(|_| "/".into());
            let search = location.search().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
    stored()
}

/// Where the credential from the relay's welcome is kept (shared by every tab).
pub const CREDENTIAL_KEY: &str = "netlab.credential";

pub fn stored() -> Option<String> {
    storage::get(storage::TOKEN_KEY).filter(|t| !t.is_empty())
}

/// What to say hello with: the credential once there is one, else the launch token.
pub fn hello_secret() -> Option<String> {
    storage::get(CREDENTIAL_KEY)
        .filter(|c| !c.is_empty())
        .or_else(stored)
}

/// Keeps the credential a welcome gave (other tabs hear of it through the storage event).
pub fn keep_credential(credential: &str) {
    if storage::get(CREDENTIAL_KEY).as_deref() != Some(credential) {
        storage::set(CREDENTIAL_KEY, credential);
    }
}

/// `#token=abc&x=1` -> `abc`. Only URL-safe token characters are accepted.
pub fn parse_fragment(hash: &str) -> Option<String> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|kv| kv.strip_prefix("token="))
        .filter(|t| {
            !t.is_empty()
                && t.len() <= 256
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::parse_fragment;

    #[test]
    fn fragment_token_is_found_and_checked() {
        assert_eq!(parse_fragment("#token=AbC-_9"), Some("AbC-_9".into()));
        assert_eq!(parse_fragment("#x=1&token=abc"), Some("abc".into()));
        assert_eq!(parse_fragment("#token="), None);
        assert_eq!(parse_fragment("#token=a<b"), None);
        assert_eq!(parse_fragment(""), None);
    }
}
