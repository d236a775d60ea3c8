//! `netmath`: pure IPv4 address math for the lessons on IP addresses, classes, masks and
//! subnets. No I/O, no web crates, no dependencies: the same code runs in the browser (wasm)
//! and in native tests.
//!
//! Modules, one idea each:
//! - [`parse`]: what a learner typed -> address, prefix, mask or CIDR, or a [`ParseError`]
//!   that says what is wrong and where (whitespace and leading zeros are errors, not
//!   silently fixed).
//! - [`mask`]: [`Prefix`] (0..=32), prefix <-> mask, wildcard, the bit-by-bit AND.
//! - [`subnet`]: [`Network`] (a block) and [`Cidr`] (an address with its prefix): network,
//!   broadcast, host range and counts (/31 per RFC 3021, /32), [`AddrRole`].
//! - [`class`]: classful addressing, classes A-E by leading bits, their ranges and counts.
//! - [`special`]: special-purpose blocks (private, loopback, multicast...) and "public".
//! - [`reach`]: same subnet (direct) or via gateway, from each host's point of view.
//! - [`split`]: equal split of a network into 2^k subnets.
//! - [`vlsm`]: variable-length subnets, largest first, with what is left free.
//! - [`tree`]: the interactive split tree, and its compact URL text.
//! - [`bits`]: the 32 bits of an address for pictures, and binary text.
//! - [`practice`]: seeded practice problems at three levels, with structured solutions.
//!
//! Addresses are `std::net::Ipv4Addr` throughout; its `Display` is the dotted-quad format.
//! Everything is language-neutral: errors, roles and solution steps are enums with numbers,
//! and the page renders them in zh-CN or English. Locale formatting (thousands separators)
//! is the page's job.

pub mod bits;
pub mod class;
pub mod mask;
pub mod parse;
pub mod practice;
pub mod reach;
pub mod special;
pub mod split;
pub mod subnet;
pub mod tree;
pub mod vlsm;

pub use class::{Class, LeadingBits};
pub use mask::{AndBit, NonContiguousMask, Prefix, and_bits};
pub use parse::{
    ParseError, parse_addr, parse_cidr, parse_mask, parse_prefix, parse_prefix_or_mask,
};
pub use reach::{Delivery, Reach, reach};
pub use special::{Special, specials};
pub use split::{EqualSplit, SplitError, equal_split};
pub use subnet::{AddrRole, Cidr, HostBitsSet, Network};
pub use tree::SplitTree;
pub use vlsm::{VlsmError, VlsmPlan, vlsm};
