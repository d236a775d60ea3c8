//! The simulations behind two lessons' pictures, pure and deterministic: no clock, no browser,
//! no I/O. The page replays the steps they record; native unit tests pin their rules.
//!
//! - [`links`]: a hub, a learning switch and a router forwarding frames, and the host's
//!   "direct or via the gateway?" decision (lesson "How hosts are connected").
//! - [`reliability`]: two hosts joined by a lossy link, TCP and UDP over it (lesson
//!   "reliability").
//!
//! A crate of its own, beside `netmath`, so "no web dependencies" is checked by the compiler
//! instead of trusted.

pub mod links;
pub mod reliability;
