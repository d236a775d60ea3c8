//! protocol/README.md cannot drift from the types: every ```json example in it is read, parsed
//! as the message it shows (a request, a message from the relay, or a reply's `result`) and
//! written back, and must come back as exactly the same JSON. An example with a misspelled
//! name, a missing field or a field the types do not have fails here.

use protocol::{ClientMessage, Reply, ServerMessage};
use serde_json::Value;

const README: &str = include_str!("../README.md");

/// Every fenced ```json block of `markdown`: (line of the opening fence, the block's text).
fn json_examples(markdown: &str) -> Vec<(usize, String)> {
    let mut examples = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start();
        match open.as_mut() {
            None if fence == "```json" => open = Some((i + 1, String::new())),
            None => {}
            Some(_) if fence.starts_with("```") => examples.extend(open.take()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    assert!(open.is_none(), "a ```json block is never closed");
    examples
}

/// Parses `example` as the protocol type its shape names (`op`: a request; `type`: a message
/// from the relay; `kind`: a reply's `result`) and checks that writing it back gives the
/// same JSON.
fn check(example: &str) -> Result<(), String> {
    let value: Value = serde_json::from_str(example).map_err(|e| format!("not JSON: {e}"))?;
    let back = if value.get("op").is_some() {
        roundtrip::<ClientMessage>(&value)?
    } else if value.get("type").is_some() {
        roundtrip::<ServerMessage>(&value)?
    } else if value.get("kind").is_some() {
        roundtrip::<Reply>(&value)?
    } else {
        return Err("neither a request (`op`), a message (`type`) nor a reply (`kind`)".into());
    };
    if back == value {
        Ok(())
    } else {
        Err(format!("written back it differs: {back}"))
    }
}

fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(
    value: &Value,
) -> Result<Value, String> {
    let parsed: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&parsed).map_err(|e| e.to_string())
}

#[test]
fn every_json_example_in_the_readme_round_trips_through_the_types() {
    let examples = json_examples(README);
    // hello, list_sockets' reply, an event, the welcome, an error.
    assert_eq!(examples.len(), 5, "{examples:#?}");
    let failures: Vec<String> = examples
        .iter()
        .filter_map(|(line, text)| {
            check(text)
                .err()
                .map(|e| format!("protocol/README.md line {line}: {e}\n{text}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_extractor_finds_indented_blocks_and_skips_other_languages() {
    let md = "text\n   ```json\n   {\"a\": 1}\n   ```\n```python\nx = 1\n```\n```json\n{}\n```\n";
    assert_eq!(
        json_examples(md),
        vec![(2, "   {\"a\": 1}\n".to_string()), (8, "{}\n".to_string())]
    );
}

#[test]
fn a_wrong_example_is_caught() {
    // Right: what `file_server_start` answers.
    let right = r#"{"type":"reply","id":3,"result":{"kind":"file_server",
        "local":"127.0.0.1:9000","folder":"/srv","files":[]}}"#;
    assert_eq!(check(right), Ok(()));
    // The reply kind the README once named for it.
    let wrong_kind = r#"{"type":"reply","id":3,"result":{"kind":"listening",
        "local":"127.0.0.1:9000","folder":"/srv","files":[]}}"#;
    assert!(check(wrong_kind).unwrap_err().contains("missing field"));
    // A field the type does not have is dropped when written back.
    let extra = r#"{"type":"tcp_peer_closed","socket":3,"reason":"fin"}"#;
    assert!(
        check(extra)
            .unwrap_err()
            .starts_with("written back it differs")
    );
    // A misspelled op, and a missing field.
    assert!(check(r#"{"id":1,"op":"helo","token":"t"}"#).is_err());
    assert!(check(r#"{"type":"tcp_data","socket":3}"#).is_err());
    assert!(check(r#"{"socket":3}"#).unwrap_err().starts_with("neither"));
}
