//! protocol/README.md cannot drift from the types: every ```json example in it is read, parsed
//! as the message it shows (a request, a message from the relay, or a reply's `result`) and
//! written back, and must come back as exactly the same JSON. An example with a misspelled
//! name, a missing field or a field the types do not have fails here. The names in its tables
//! (each request's `op` and reply `kind`, each event's `type`) must be names the types know.

use protocol::{ClientMessage, Reply, ServerMessage};
use serde_json::{Value, json};

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

/// The rows of every table whose header row starts with `| {first} |`: the first backticked
/// word of each cell (None for a cell without one).
fn table_rows(markdown: &str, first: &str) -> Vec<Vec<Option<String>>> {
    let header = format!("| {first} |");
    let mut rows = Vec::new();
    let mut inside = false;
    for line in markdown.lines() {
        if line.starts_with(&header) {
            inside = true;
        } else if !line.starts_with('|') {
            inside = false;
        } else if inside && !line.starts_with("|---") {
            let cells = line.trim_matches('|').split('|');
            rows.push(cells.map(first_code).collect());
        }
    }
    rows
}

/// `` `opened`: `socket` `` -> `opened`; a cell that does not start with code -> None.
fn first_code(cell: &str) -> Option<String> {
    let rest = cell.trim().strip_prefix('`')?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// Whether the types know `name` as the tag `tag` of `T` (a missing field is fine here: only
/// an unknown name is wrong).
fn known<T: serde::de::DeserializeOwned>(tag: &str, name: &str) -> bool {
    match serde_json::from_value::<T>(json!({ tag: name, "id": 1 })) {
        Ok(_) => true,
        Err(e) => !e.to_string().contains("unknown variant"),
    }
}

/// Every name in the README's request and event tables that the types do not know.
fn unknown_names(markdown: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    for row in table_rows(markdown, "op") {
        if let Some(op) = &row[0]
            && !known::<ClientMessage>("op", op)
        {
            unknown.push(format!("op `{op}`"));
        }
        if let Some(Some(kind)) = row.get(2)
            && !known::<Reply>("kind", kind)
        {
            unknown.push(format!("reply kind `{kind}`"));
        }
    }
    for row in table_rows(markdown, "type") {
        if let Some(event) = &row[0]
            && !known::<ServerMessage>("type", event)
        {
            unknown.push(format!("event `{event}`"));
        }
    }
    unknown
}

#[test]
fn every_op_kind_and_event_in_the_readme_tables_exists() {
    assert_eq!(unknown_names(README), Vec::<String>::new());
    // The tables were read at all: their first and last rows.
    let ops: Vec<_> = table_rows(README, "op")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ops.first(), Some(&Some("hello".to_string())));
    assert_eq!(ops.last(), Some(&Some("interfaces".to_string())));
    let events = table_rows(README, "type");
    assert_eq!(events[0][0].as_deref(), Some("udp_datagram"));
}

#[test]
fn a_name_the_types_do_not_know_is_caught() {
    let md = "\
| op | fields | success reply (`result.kind`) | Python |
|---|---|---|---|
| `udp_open` | `family` | `opened`: `socket` | |
| `udp_bnd` | `socket` | `bound`: `local` | |
| `file_server_start` | `port` | `listening_on` | |

| type | fields | meaning |
|---|---|---|
| `tcp_data` | `socket`, `data` | |
| `tcp_closed` | `socket` | |
";
    assert_eq!(
        unknown_names(md),
        vec![
            "op `udp_bnd`".to_string(),
            "reply kind `listening_on`".to_string(),
            "event `tcp_closed`".to_string(),
        ]
    );
}

#[test]
fn every_json_example_in_the_readme_round_trips_through_the_types() {
    let examples = json_examples(README);
    // The examples were read at all: the hello first, then at least list_sockets' reply, an
    // event, the welcome and an error.
    assert!(examples[0].1.contains(r#""op": "hello""#), "{examples:#?}");
    assert!(examples.len() >= 5, "{examples:#?}");
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
