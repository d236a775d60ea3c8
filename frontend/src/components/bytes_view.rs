//! Shows bytes as the wire carries them: one hex cell per byte, grouped under the character
//! each group encodes when the text is known.

use yew::prelude::*;

use crate::text::hex;

#[derive(Properties, PartialEq)]
pub struct BytesViewProps {
    pub bytes: Vec<u8>,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component]
pub fn BytesView(props: &BytesViewProps) -> Html {
    let cells = props
        .bytes
        .iter()
        .map(|b| html! { <span class="byte">{ hex::spaced(&[*b]) }</span> })
        .collect::<Html>();
    html! {
        <div class="bytes" data-testid={props.testid.clone()} data-hex={hex::spaced(&props.bytes)}>
            { cells }
            <span class="byte-count">{ format!("{} B", props.bytes.len()) }</span>
        </div>
    }
}

/// The same bytes as one line of hex text, for a log's lines: under a flood a log redraws a
/// window of hundreds of lines, and one text node per line costs a hundredth of one cell per
/// byte (the UDP step's log of 100-byte datagrams held some 20,000 cells).
#[function_component]
pub fn HexLine(props: &BytesViewProps) -> Html {
    let hex = hex::spaced(&props.bytes);
    html! {
        <div class="bytes" data-testid={props.testid.clone()} data-hex={hex.clone()}>
            <code class="hex-line">{ hex }</code>
            <span class="byte-count">{ format!("{} B", props.bytes.len()) }</span>
        </div>
    }
}
