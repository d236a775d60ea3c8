//! The split tree behind the interactive subnetting picture: the root is a network, every node
//! is either a leaf (a subnet in use) or split into its two halves. A learner splits a leaf or
//! joins two sibling leaves back. The tree travels in URLs as compact text (see
//! [`SplitTree::encode`]) and is read back by a parser that refuses bad text with a typed error
//! and never panics.

use crate::mask::Prefix;
use crate::parse::{ParseError, parse_addr, parse_prefix};
use crate::subnet::Network;

/// At most this many leaves (the picture stays readable and URLs short).
pub const MAX_LEAVES: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Leaf,
    Split(Box<Node>, Box<Node>),
}

/// A network and how it has been split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitTree {
    root: Network,
    shape: Node,
    leaves: usize,
}

/// One node for drawing, in pre-order (a node, then its lower half, then its upper half).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub network: Network,
    /// 0 for the root.
    pub depth: u8,
    pub is_leaf: bool,
}

/// Why a split or join was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No node of the tree is this network.
    NotInTree,
    /// The node is already split (split it further through its children).
    NotALeaf,
    /// A /32 is one address; it has no halves.
    CannotSplitSlash32,
    /// Splitting would pass [`MAX_LEAVES`].
    TooManyLeaves,
    /// The root has no sibling to join with.
    IsRoot,
    /// The sibling is itself split; join its children first.
    SiblingNotLeaf,
}

/// Why [`SplitTree::decode`] refused its text. Positions are character indices into the
/// whole text, except inside the wrapped [`ParseError`]s, whose positions count from the start
/// of their own part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLong {
        len: usize,
        max: usize,
    },
    /// No `-` between address and prefix.
    MissingDash,
    /// No `.` between prefix and shape.
    MissingShape,
    BadAddress(ParseError),
    BadPrefix(ParseError),
    /// The address has host bits set for this prefix; `network` is what it should be.
    HostBitsSet {
        network: Network,
    },
    /// A character outside `A-Z a-z 0-9 - _` in the shape.
    BadShapeChar {
        pos: usize,
        ch: char,
    },
    /// The shape ended before the tree was complete.
    ShapeTooShort,
    /// Characters or non-zero padding bits after the tree was complete.
    TrailingData,
    /// The shape splits a /32.
    SplitsSlash32,
    /// More than [`MAX_LEAVES`] leaves.
    TooManyLeaves,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Longest text [`SplitTree::decode`] reads: address, prefix and a full shape.
pub const MAX_ENCODED_CHARS: usize = 18 + (2 * MAX_LEAVES).div_ceil(6) + 8;

impl SplitTree {
    /// A tree of one leaf: the whole network, not split.
    pub fn new(root: Network) -> SplitTree {
        SplitTree {
            root,
            shape: Node::Leaf,
            leaves: 1,
        }
    }

    pub fn root(&self) -> Network {
        self.root
    }

    pub fn leaf_count(&self) -> usize {
        self.leaves
    }

    /// The leaves in address order.
    pub fn leaves(&self) -> Vec<Network> {
        self.nodes()
            .into_iter()
            .filter(|n| n.is_leaf)
            .map(|n| n.network)
            .collect()
    }

    /// Every node in pre-order.
    pub fn nodes(&self) -> Vec<TreeNode> {
        let mut out = Vec::new();
        walk(&self.shape, self.root, 0, &mut out);
        out
    }

    /// Splits the leaf `leaf` into its two halves and returns them.
    pub fn split(&mut self, leaf: Network) -> Result<(Network, Network), EditError> {
        let too_many = self.leaves >= MAX_LEAVES;
        let node = find(&mut self.shape, self.root, leaf).ok_or(EditError::NotInTree)?;
        if *node != Node::Leaf {
            return Err(EditError::NotALeaf);
        }
        let halves = leaf.halves().ok_or(EditError::CannotSplitSlash32)?;
        if too_many {
            return Err(EditError::TooManyLeaves);
        }
        *node = Node::Split(Box::new(Node::Leaf), Box::new(Node::Leaf));
        self.leaves += 1;
        Ok(halves)
    }

    /// Joins the leaf `leaf` with its sibling leaf; returns the network they form again.
    pub fn join(&mut self, leaf: Network) -> Result<Network, EditError> {
        let node = find(&mut self.shape, self.root, leaf).ok_or(EditError::NotInTree)?;
        if *node != Node::Leaf {
            return Err(EditError::NotALeaf);
        }
        if leaf == self.root {
            return Err(EditError::IsRoot);
        }
        let parent = leaf.parent().ok_or(EditError::IsRoot)?;
        let node = find(&mut self.shape, self.root, parent).ok_or(EditError::NotInTree)?;
        match node {
            Node::Split(lo, hi) if **lo == Node::Leaf && **hi == Node::Leaf => {
                *node = Node::Leaf;
                self.leaves -= 1;
                Ok(parent)
            }
            _ => Err(EditError::SiblingNotLeaf),
        }
    }

    /// Compact, URL-safe text: `ADDRESS-PREFIX.SHAPE`, e.g. `10.0.0.0-8.oA`. SHAPE is the tree
    /// in pre-order, one bit per node (1 = split, 0 = leaf), packed six bits per character
    /// into the base64url alphabet, most significant bit first, padded with 0 bits.
    pub fn encode(&self) -> String {
        let mut bits = Vec::new();
        shape_bits(&self.shape, &mut bits);
        let shape: String = bits
            .chunks(6)
            .map(|chunk| {
                let v = chunk
                    .iter()
                    .chain(std::iter::repeat(&false))
                    .take(6)
                    .fold(0usize, |acc, &b| (acc << 1) | usize::from(b));
                char::from(ALPHABET[v])
            })
            .collect();
        format!(
            "{}-{}.{}",
            self.root.addr(),
            self.root.prefix().len(),
            shape
        )
    }

    /// Reads text made by [`SplitTree::encode`].
    pub fn decode(text: &str) -> Result<SplitTree, DecodeError> {
        if text.is_empty() {
            return Err(DecodeError::Empty);
        }
        let len = text.chars().count();
        if len > MAX_ENCODED_CHARS {
            return Err(DecodeError::TooLong {
                len,
                max: MAX_ENCODED_CHARS,
            });
        }
        let (addr_text, rest) = text.split_once('-').ok_or(DecodeError::MissingDash)?;
        let (prefix_text, shape_text) = rest.split_once('.').ok_or(DecodeError::MissingShape)?;
        let addr = parse_addr(addr_text).map_err(DecodeError::BadAddress)?;
        // The prefix is written without a slash; refuse one here so each tree has one text.
        if prefix_text.starts_with('/') {
            return Err(DecodeError::BadPrefix(ParseError::UnexpectedChar {
                pos: 0,
                ch: '/',
            }));
        }
        let prefix: Prefix = parse_prefix(prefix_text).map_err(DecodeError::BadPrefix)?;
        let root = Network::new(addr, prefix).map_err(|e| DecodeError::HostBitsSet {
            network: Network::containing(e.network, prefix),
        })?;

        let shape_start = addr_text.chars().count() + 1 + prefix_text.chars().count() + 1;
        let mut bits = Vec::with_capacity(shape_text.len() * 6);
        for (i, ch) in shape_text.chars().enumerate() {
            let v = u8::try_from(ch)
                .ok()
                .and_then(|b| ALPHABET.iter().position(|&a| a == b))
                .ok_or(DecodeError::BadShapeChar {
                    pos: shape_start + i,
                    ch,
                })?;
            bits.extend((0..6).rev().map(|k| (v >> k) & 1 == 1));
        }
        let mut reader = BitReader {
            bits: &bits,
            at: 0,
            leaves: 0,
        };
        let shape = reader.node(root)?;
        // Only zero padding may follow, and less than one character of it.
        let rest = &bits[reader.at..];
        if rest.len() >= 6 || rest.iter().any(|&b| b) {
            return Err(DecodeError::TrailingData);
        }
        Ok(SplitTree {
            root,
            shape,
            leaves: reader.leaves,
        })
    }
}

fn walk(node: &Node, net: Network, depth: u8, out: &mut Vec<TreeNode>) {
    out.push(TreeNode {
        network: net,
        depth,
        is_leaf: *node == Node::Leaf,
    });
    if let (Node::Split(lo, hi), Some((lo_net, hi_net))) = (node, net.halves()) {
        walk(lo, lo_net, depth + 1, out);
        walk(hi, hi_net, depth + 1, out);
    }
}

/// The node for `target`, descending by the address bit just after each node's prefix.
fn find(node: &mut Node, net: Network, target: Network) -> Option<&mut Node> {
    if net == target {
        return Some(node);
    }
    if !net.contains_network(target) {
        return None;
    }
    let Node::Split(lo, hi) = node else {
        return None;
    };
    let (lo_net, hi_net) = net.halves()?;
    if lo_net.contains_network(target) {
        find(lo, lo_net, target)
    } else {
        find(hi, hi_net, target)
    }
}

fn shape_bits(node: &Node, out: &mut Vec<bool>) {
    match node {
        Node::Leaf => out.push(false),
        Node::Split(lo, hi) => {
            out.push(true);
            shape_bits(lo, out);
            shape_bits(hi, out);
        }
    }
}

struct BitReader<'a> {
    bits: &'a [bool],
    at: usize,
    leaves: usize,
}

impl BitReader<'_> {
    /// Reads the node for `net`. Recursion depth is at most 33: every level lengthens the
    /// prefix, and a /32 may not be split.
    fn node(&mut self, net: Network) -> Result<Node, DecodeError> {
        let bit = *self.bits.get(self.at).ok_or(DecodeError::ShapeTooShort)?;
        self.at += 1;
        if !bit {
            self.leaves += 1;
            if self.leaves > MAX_LEAVES {
                return Err(DecodeError::TooManyLeaves);
            }
            return Ok(Node::Leaf);
        }
        let (lo_net, hi_net) = net.halves().ok_or(DecodeError::SplitsSlash32)?;
        let lo = self.node(lo_net)?;
        let hi = self.node(hi_net)?;
        Ok(Node::Split(Box::new(lo), Box::new(hi)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Network {
        s.parse::<crate::subnet::Cidr>().unwrap().network()
    }

    fn names(v: &[Network]) -> Vec<String> {
        v.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn split_and_join() {
        let mut t = SplitTree::new(n("10.0.0.0/8"));
        assert_eq!(t.leaves(), [n("10.0.0.0/8")]);
        let (lo, hi) = t.split(n("10.0.0.0/8")).unwrap();
        assert_eq!((lo, hi), (n("10.0.0.0/9"), n("10.128.0.0/9")));
        t.split(hi).unwrap();
        assert_eq!(
            names(&t.leaves()),
            ["10.0.0.0/9", "10.128.0.0/10", "10.192.0.0/10"]
        );
        assert_eq!(t.leaf_count(), 3);
        assert_eq!(t.split(hi), Err(EditError::NotALeaf));
        assert_eq!(t.split(n("10.0.0.0/10")), Err(EditError::NotInTree));
        assert_eq!(t.split(n("11.0.0.0/8")), Err(EditError::NotInTree));
        assert_eq!(t.join(lo), Err(EditError::SiblingNotLeaf));
        assert_eq!(t.join(hi), Err(EditError::NotALeaf));
        assert_eq!(t.join(n("10.192.0.0/10")), Ok(hi));
        assert_eq!(t.join(lo), Ok(n("10.0.0.0/8")));
        assert_eq!(t, SplitTree::new(n("10.0.0.0/8")));
        assert_eq!(t.join(n("10.0.0.0/8")), Err(EditError::IsRoot));
    }

    #[test]
    fn nodes_in_pre_order_with_depth() {
        let mut t = SplitTree::new(n("192.168.1.0/24"));
        t.split(n("192.168.1.0/24")).unwrap();
        t.split(n("192.168.1.0/25")).unwrap();
        let got: Vec<(String, u8, bool)> = t
            .nodes()
            .iter()
            .map(|x| (x.network.to_string(), x.depth, x.is_leaf))
            .collect();
        assert_eq!(
            got,
            [
                ("192.168.1.0/24".to_string(), 0, false),
                ("192.168.1.0/25".to_string(), 1, false),
                ("192.168.1.0/26".to_string(), 2, true),
                ("192.168.1.64/26".to_string(), 2, true),
                ("192.168.1.128/25".to_string(), 1, true),
            ]
        );
    }

    #[test]
    fn slash_32_and_leaf_limit() {
        let mut t = SplitTree::new(n("10.0.0.0/32"));
        assert_eq!(
            t.split(n("10.0.0.0/32")),
            Err(EditError::CannotSplitSlash32)
        );
        let mut t = SplitTree::new(n("10.0.0.0/8"));
        // Split into 256 equal /16s, then one more split is refused.
        for _ in 0..8 {
            for leaf in t.leaves() {
                t.split(leaf).unwrap();
            }
        }
        assert_eq!(t.leaf_count(), 256);
        assert_eq!(t.split(n("10.0.0.0/16")), Err(EditError::TooManyLeaves));
        let text = t.encode();
        assert_eq!(SplitTree::decode(&text), Ok(t));
    }

    #[test]
    fn encodings() {
        let mut t = SplitTree::new(n("10.0.0.0/8"));
        assert_eq!(t.encode(), "10.0.0.0-8.A");
        t.split(n("10.0.0.0/8")).unwrap();
        // 100 -> 100000 = 32 = 'g'.
        assert_eq!(t.encode(), "10.0.0.0-8.g");
        t.split(n("10.128.0.0/9")).unwrap();
        // 10100 -> 101000 = 40 = 'o'.
        assert_eq!(t.encode(), "10.0.0.0-8.o");
        assert_eq!(SplitTree::decode("10.0.0.0-8.o"), Ok(t));
    }

    /// Packs pre-order shape bits the way `encode` does.
    fn pack(bits: &[bool]) -> String {
        bits.chunks(6)
            .map(|c| {
                let v = (0..6).fold(0, |acc, i| {
                    (acc << 1) | usize::from(c.get(i) == Some(&true))
                });
                char::from(ALPHABET[v])
            })
            .collect()
    }

    /// A complete tree `depth` levels deep whose first leaf is split once more.
    fn full_plus_one(depth: u8, first: bool, out: &mut Vec<bool>) {
        if depth == 0 {
            out.extend(if first {
                &[true, false, false][..]
            } else {
                &[false][..]
            });
            return;
        }
        out.push(true);
        full_plus_one(depth - 1, first, out);
        full_plus_one(depth - 1, false, out);
    }

    #[test]
    fn decode_refuses_too_many_leaves() {
        let mut bits = Vec::new();
        full_plus_one(8, true, &mut bits);
        let text = format!("0.0.0.0-0.{}", pack(&bits));
        assert!(text.chars().count() <= MAX_ENCODED_CHARS);
        assert_eq!(SplitTree::decode(&text), Err(DecodeError::TooManyLeaves));
        // One level less is fine: 129 leaves.
        let mut bits = Vec::new();
        full_plus_one(7, true, &mut bits);
        let t = SplitTree::decode(&format!("0.0.0.0-0.{}", pack(&bits))).unwrap();
        assert_eq!(t.leaf_count(), 129);
    }

    #[test]
    fn decode_errors() {
        use DecodeError::*;
        let d = SplitTree::decode;
        assert_eq!(d(""), Err(Empty));
        assert_eq!(d("10.0.0.0"), Err(MissingDash));
        assert_eq!(d("10.0.0.0-8"), Err(MissingShape));
        assert_eq!(d("10.0.0.0-8."), Err(ShapeTooShort));
        assert_eq!(
            d("10.0.0.0-8.g"),
            Ok({
                let mut t = SplitTree::new(n("10.0.0.0/8"));
                t.split(n("10.0.0.0/8")).unwrap();
                t
            })
        );
        assert_eq!(d("10.0.0.0-8.AA"), Err(TrailingData));
        assert_eq!(d("10.0.0.0-8.B"), Err(TrailingData));
        assert_eq!(d("10.0.0.0-8.!"), Err(BadShapeChar { pos: 11, ch: '!' }));
        assert_eq!(d("10.0.0.0-8.é"), Err(BadShapeChar { pos: 11, ch: 'é' }));
        assert_eq!(
            d("10.0.0.1-8.A"),
            Err(HostBitsSet {
                network: n("10.0.0.0/8")
            })
        );
        assert_eq!(
            d("10.0.0-8.A"),
            Err(BadAddress(ParseError::WrongOctetCount { found: 3 }))
        );
        assert_eq!(
            d("10.0.0.0-33.A"),
            Err(BadPrefix(ParseError::PrefixOutOfRange {
                pos: 0,
                value: 33
            }))
        );
        assert_eq!(
            d("10.0.0.0-/8.A"),
            Err(BadPrefix(ParseError::UnexpectedChar { pos: 0, ch: '/' }))
        );
        assert_eq!(d("10.0.0.0-32.g"), Err(SplitsSlash32));
        // All ones: splits forever, until it reaches /32.
        assert_eq!(d("10.0.0.0-8.______"), Err(SplitsSlash32));
        assert_eq!(d("10.0.0.0-30.____"), Err(SplitsSlash32));
        let long = format!("10.0.0.0-8.{}", "A".repeat(200));
        assert!(matches!(d(&long), Err(TooLong { .. })));
    }
}
