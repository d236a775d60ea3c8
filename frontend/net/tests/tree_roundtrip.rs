//! Property tests for the split tree: random edits keep the leaves an exact tiling of the
//! root, the URL text roundtrips and stays URL-safe, and the decoder never panics on any text
//! and only accepts canonical text.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use netmath::tree::{EditError, MAX_LEAVES};
use netmath::{Network, Prefix, SplitTree};
use proptest::prelude::*;

/// A root and a list of edits: (split?, which leaf).
fn edited_tree() -> impl Strategy<Value = SplitTree> {
    (
        any::<u32>(),
        0u8..=32,
        proptest::collection::vec((any::<bool>(), any::<u16>()), 0..60),
    )
        .prop_map(|(base, len, edits)| {
            let root = Network::containing(Ipv4Addr::from_bits(base), Prefix::new(len).unwrap());
            let mut t = SplitTree::new(root);
            for (split, pick) in edits {
                let leaves = t.leaves();
                let leaf = leaves[usize::from(pick) % leaves.len()];
                // Splits twice as often as joins, so trees grow. Refusals are fine here.
                let result = if split || pick % 3 == 0 {
                    t.split(leaf).map(|_| ())
                } else {
                    t.join(leaf).map(|_| ())
                };
                if let Err(e) = result {
                    assert!(matches!(
                        e,
                        EditError::CannotSplitSlash32
                            | EditError::IsRoot
                            | EditError::SiblingNotLeaf
                            | EditError::TooManyLeaves
                    ));
                }
            }
            t
        })
}

fn url_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

proptest! {
    #[test]
    fn text_roundtrips(t in edited_tree()) {
        let text = t.encode();
        prop_assert!(text.chars().all(url_safe), "{}", text);
        prop_assert_eq!(SplitTree::decode(&text), Ok(t));
    }

    #[test]
    fn leaves_tile_the_root(t in edited_tree()) {
        let leaves = t.leaves();
        prop_assert_eq!(leaves.len(), t.leaf_count());
        prop_assert!(t.leaf_count() <= MAX_LEAVES);
        let nets: Vec<Ipv4Net> = leaves
            .iter()
            .map(|n| Ipv4Net::new(n.addr(), n.prefix().len()).unwrap())
            .collect();
        let root = t.root();
        prop_assert_eq!(
            Ipv4Net::aggregate(&nets),
            vec![Ipv4Net::new(root.addr(), root.prefix().len()).unwrap()]
        );
        let total: u64 = leaves.iter().map(|n| n.total_addresses()).sum();
        prop_assert_eq!(total, root.total_addresses());
        // In address order.
        prop_assert!(leaves.windows(2).all(|w| w[0].addr() < w[1].addr()));
    }

    #[test]
    fn decode_never_panics(s in any::<String>()) {
        let _ = SplitTree::decode(&s);
    }

    #[test]
    fn decode_accepts_only_canonical_text(
        base in "(10\\.0\\.0\\.0-8|192\\.168\\.1\\.0-24|0\\.0\\.0\\.0-0|10\\.0\\.0\\.4-30)",
        shape in "[A-Za-z0-9_\\-]{0,12}",
    ) {
        let text = format!("{base}.{shape}");
        if let Ok(t) = SplitTree::decode(&text) {
            prop_assert_eq!(t.encode(), text);
        }
    }
}
