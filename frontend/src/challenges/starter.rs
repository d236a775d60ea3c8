//! The starter file (and, after three failed attempts, the solution) of a challenge: shown,
//! copied, or downloaded as a `.py` file in GBK, as a Chinese Windows' editor saves it. The
//! values come from the run's setup once a run has started (the port the checker really
//! has), else the course's defaults.

use protocol::{ChallengeSetup, Lang};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::programs;
use crate::i18n::use_lang;
use crate::text::codec::Encoding;

/// The template and the file name of a program challenge.
fn template(slug: &str) -> Option<(&'static str, &'static str)> {
    Some(match slug {
        "udp-sender" => (programs::UDP_SENDER, "udp_sender"),
        "udp-receiver" => (programs::UDP_RECEIVER, "udp_receiver"),
        "tcp-client" => (programs::TCP_CLIENT, "tcp_quiz_client"),
        "tcp-echo" => (programs::TCP_ECHO, "tcp_echo_server"),
        "file-client" => (programs::FILE_CLIENT, "file_client"),
        "file-server" => (programs::FILE_SERVER, "file_server"),
        _ => return None,
    })
}

/// A placeholder's value: from the setup when there is one, else the course's default.
fn value(slug: &str, setup: Option<&ChallengeSetup>, name: &str) -> String {
    let setup_value = setup.and_then(|s| match name {
        "checker_host" => s.checker.map(|a| a.ip().to_string()),
        "checker_port" => s.checker.map(|a| a.port().to_string()),
        "program_port" => s.program_port.map(|p| p.to_string()),
        "text" => s.text.clone(),
        "file" => s.file.clone(),
        _ => None,
    });
    setup_value.unwrap_or_else(|| default(slug, name).to_owned())
}

fn default(slug: &str, name: &str) -> &'static str {
    match (slug, name) {
        (_, "checker_host") => "127.0.0.1",
        (_, "text") => "你好，网络！",
        (_, "file") => "课件.zip",
        ("file-client" | "file-server", _) => "7890",
        _ => "7788",
    }
}

/// The program's text in `lang`.
pub fn program(
    lang: Lang,
    slug: &str,
    solution: bool,
    setup: Option<&ChallengeSetup>,
) -> Option<String> {
    let (t, _) = template(slug)?;
    let text = |name: &str| {
        if name == "text" {
            value(slug, setup, name).replace('"', "\\\"")
        } else {
            value(slug, setup, name)
        }
    };
    Some(programs::render(
        t,
        solution,
        |key| crate::i18n::tr_named(lang, &format!("chal.py.{key}")).to_owned(),
        text,
    ))
}

/// `text` as the bytes of a GBK file (a character GBK lacks makes it a UTF-8 file, and its
/// first line says so).
fn gbk_file(text: &str) -> Vec<u8> {
    crate::text::web::encode(Encoding::Gbk, text).unwrap_or_else(|_| {
        text.replacen("coding: gbk", "coding: utf-8", 1)
            .into_bytes()
    })
}

fn download(bytes: &[u8], name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/x-python");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// `navigator.clipboard.writeText(text)`, reached by name (no extra web-sys features).
fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"));
    let Ok(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"));
    match write
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        Some(f) => f.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        None => false,
    }
}

#[derive(Properties, PartialEq)]
pub struct StarterFileProps {
    pub slug: &'static str,
    pub solution: bool,
    #[prop_or_default]
    pub setup: Option<ChallengeSetup>,
}

#[function_component]
pub fn StarterFile(props: &StarterFileProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| false);
    let Some(code) = program(lang.lang, props.slug, props.solution, props.setup.as_ref()) else {
        return Html::default();
    };
    let Some((_, base)) = template(props.slug) else {
        return Html::default();
    };
    let file = if props.solution {
        format!("{base}_solution.py")
    } else {
        format!("{base}.py")
    };
    let oncopy = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy(&code)))
    };
    let ondownload = {
        let (code, file) = (code.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = download(&gbk_file(&code), &file);
        })
    };
    let (caption, testid) = if props.solution {
        (key!("chal.solution"), "chal-solution")
    } else {
        (key!("chal.starter"), "chal-starter")
    };
    html! {
        <figure class="python chal-file" data-testid={testid}>
            <figcaption>
                <span>{ lang.t(caption) }{ " " }<code>{ file.clone() }</code></span>
                <span class="chal-file-actions">
                    <button class="secondary" onclick={oncopy} data-testid={format!("{testid}-copy")}>
                        { lang.t(if *copied { key!("chal.copied") } else { key!("chal.copy") }) }
                    </button>
                    <button class="secondary" onclick={ondownload} data-testid={format!("{testid}-download")}>
                        { lang.t(key!("chal.download")) }
                    </button>
                </span>
            </figcaption>
            <pre><code>{ code }</code></pre>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_comment_of_every_program_has_its_text_in_both_languages() {
        for t in programs::ALL {
            for key in programs::comment_keys(t) {
                for lang in Lang::ALL {
                    let text = crate::i18n::tr_named(lang, &format!("chal.py.{key}"));
                    assert_ne!(text, "⟦missing text⟧", "{lang:?} lacks chal.py.{key}");
                }
            }
        }
    }

    #[test]
    fn the_setup_fills_the_program_and_the_course_defaults_stand_in_before() {
        let before = program(Lang::En, "udp-sender", true, None).unwrap();
        assert!(
            before.contains("CHECKER_ADDR = (\"127.0.0.1\", 7788)\n"),
            "{before}"
        );
        let setup = ChallengeSetup {
            challenge: protocol::ChallengeId::UdpSender,
            checker: Some("127.0.0.1:40123".parse().unwrap()),
            program_port: None,
            text: Some("你好，网络！".into()),
            file: None,
            file_size: None,
            folder: None,
            step_timeout_ms: 10_000,
            start_timeout_ms: 60_000,
        };
        let after = program(Lang::ZhCn, "udp-sender", true, Some(&setup)).unwrap();
        assert!(after.contains("CHECKER_ADDR = (\"127.0.0.1\", 40123)\n"));
        assert!(after.contains("TEXT = \"你好，网络！\"\n"));
        assert!(!after.contains('{'), "{after}");
        assert!(program(Lang::En, "my-network", false, None).is_none());
    }
}
