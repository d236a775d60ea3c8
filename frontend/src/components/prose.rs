//! Renders lesson text: paragraphs separated by blank lines, `- ` bullet lists, `code` spans and
//! **bold**. Enough markup for teaching, small enough to read in one sitting.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub text: AttrValue,
}

#[function_component]
pub fn Prose(props: &ProseProps) -> Html {
    let blocks = props.text.split("\n\n").map(block).collect::<Html>();
    html! { <div class="prose">{ blocks }</div> }
}

fn block(text: &str) -> Html {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if !lines.is_empty() && lines.iter().all(|l| l.trim_start().starts_with("- ")) {
        let items = lines
            .iter()
            .map(|l| html! { <li>{ inline(l.trim_start().trim_start_matches("- ")) }</li> })
            .collect::<Html>();
        html! { <ul>{ items }</ul> }
    } else {
        html! { <p>{ inline(&lines.join(" ")) }</p> }
    }
}

/// Splits on backticks (code) and double asterisks (bold).
pub fn inline(text: &str) -> Html {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push(html! { <code>{ part.to_owned() }</code> });
        } else {
            for (j, piece) in part.split("**").enumerate() {
                if j % 2 == 1 {
                    out.push(html! { <strong>{ piece.to_owned() }</strong> });
                } else if !piece.is_empty() {
                    out.push(html! { { piece.to_owned() } });
                }
            }
        }
    }
    out.into_iter().collect()
}
