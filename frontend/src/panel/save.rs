//! "Save log": the log's text as a `.txt` file the browser downloads, made in the page from a
//! Blob and an object URL (nothing goes through the relay).

use wasm_bindgen::{JsCast, JsValue};

/// Makes an object URL for `text` as a UTF-8 text file and starts its download as `name`.
/// Returns the URL (the caller shows it as a link and revokes it when replaced).
pub fn download(text: &str, name: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Some(url)
}

/// Frees a URL made by [`download`].
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// `netlab-panel-HHMMSS.txt`, from a time of day in milliseconds.
pub fn file_name(at: u64) -> String {
    let t = super::log::format_time(at).replace(':', "");
    format!("netlab-panel-{}.txt", &t[..6])
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_carry_the_time() {
        assert_eq!(
            super::file_name(((9 * 60 + 8) * 60 + 7) * 1000),
            "netlab-panel-090807.txt"
        );
    }
}
