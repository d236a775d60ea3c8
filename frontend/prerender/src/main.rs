//! `prerender <dist>`: draws the pages a first visit lands on (`frontend::bundle::prerendered`:
//! the home page and the first lesson's steps) ahead of time, each into a document of its own
//! beside index.html (`protocol::drawn_page_file`: `pre/lesson/intro/1.html`), which the relay
//! serves for that path.
//!
//! A document is index.html with the page drawn in both languages inside `#app`, each in a
//! `<div class="drawn" lang="...">`. index.html's loader sets `<html lang>` before the body is
//! parsed, from the same choice the page makes (remembered, else the browser's), and the
//! stylesheet shows only that language's copy. When the wasm starts it draws the page in place
//! of both (`frontend::start`).

use std::path::Path;
use std::process::ExitCode;

use frontend::bundle;
use frontend::route::Route;
use protocol::Lang;

/// What index.html's `#app` holds until the page starts; a drawn page takes its place.
const APP_LOADING: &str = r#"<div id="app"><p class="loading">加载中… Loading…</p></div>"#;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist] = args.as_slice() else {
        eprintln!("usage: prerender <dist folder holding index.html>");
        return ExitCode::from(2);
    };
    match write_all(Path::new(dist)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let template = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    for route in bundle::prerendered() {
        let doc = document(&template, &draw(&route))?;
        let file = protocol::drawn_page_file(&route.to_path());
        let out = dist.join(file.trim_start_matches('/'));
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&out, doc).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("drew {} into {file}", route.to_path());
    }
    Ok(())
}

/// `route` drawn by the start bundle in each language.
fn draw(route: &Route) -> Vec<(Lang, String)> {
    Lang::ALL
        .iter()
        .map(|&lang| {
            (
                lang,
                frontend::ahead::draw(&frontend::bundles::START, route, lang),
            )
        })
        .collect()
}

/// index.html with `drawn` in `#app` in place of its loading line.
fn document(template: &str, drawn: &[(Lang, String)]) -> Result<String, String> {
    if template.matches(APP_LOADING).count() != 1 {
        return Err(format!(
            "index.html must hold {APP_LOADING} exactly once: a drawn page takes its place"
        ));
    }
    let mut app = String::from(r#"<div id="app">"#);
    for (lang, html) in drawn {
        app.push_str(&format!(
            r#"<div class="drawn" lang="{}">{html}</div>"#,
            lang.tag()
        ));
    }
    app.push_str("</div>");
    Ok(template.replacen(APP_LOADING, &app, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_the_template_with_both_languages_in_app() {
        let template = format!("<head></head><body>{APP_LOADING}<noscript></noscript></body>");
        let doc = document(
            &template,
            &[
                (Lang::ZhCn, "<p>你好</p>".into()),
                (Lang::En, "<p>hi</p>".into()),
            ],
        )
        .unwrap();
        assert_eq!(
            doc,
            r#"<head></head><body><div id="app"><div class="drawn" lang="zh-CN"><p>你好</p></div><div class="drawn" lang="en"><p>hi</p></div></div><noscript></noscript></body>"#
        );
    }

    #[test]
    fn a_template_without_its_loading_line_is_refused() {
        let err = document("<body><div id=\"app\"></div></body>", &[]).unwrap_err();
        assert!(err.contains("exactly once"), "{err}");
        let twice = format!("{APP_LOADING}{APP_LOADING}");
        assert!(document(&twice, &[]).is_err());
    }

    /// The repository's index.html is a template this accepts.
    #[test]
    fn index_html_holds_the_loading_line() {
        let index = include_str!("../../../index.html");
        assert_eq!(index.matches(APP_LOADING).count(), 1);
    }

    #[test]
    fn the_first_step_is_drawn_in_both_languages_with_its_picture() {
        let step = Route::Step {
            slug: "intro".into(),
            step: 1,
        };
        let drawn = draw(&step);
        assert_eq!(
            drawn.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            Lang::ALL.to_vec()
        );
        for (lang, html) in &drawn {
            assert!(
                html.contains(r#"data-lesson="intro" data-step="1""#),
                "{html}"
            );
            assert!(
                html.contains(r#"<div class="widget"><svg"#),
                "{lang:?}: {html}"
            );
        }
    }
}
