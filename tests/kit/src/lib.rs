//! The one test harness both test suites share: the relay's integration tests (an in-process
//! relay) and the end-to-end tests (the real binary and Chromium) talk to the relay through the
//! same [`Client`], wait for conditions with the same helpers, and take free ports from the
//! same place.
//!
//! - [`Client`]: a WebSocket client speaking the protocol like the page does (Origin, `hello`
//!   with the token first, numbered requests, events kept while waiting for an answer).
//! - [`WAIT`], [`PAGE_WAIT`], [`wait_until`], [`wait_until_async`], [`read_until`]: how long
//!   to wait, and a wait on a condition instead of a sleep that hopes the condition holds by
//!   then.
//! - [`free_tcp_port`], [`free_udp_port`]: a port nothing uses, for programs that need a number
//!   up front.
//! - [`http`], [`get`], [`upgrade`]: raw HTTP/1.1 requests, so a test controls every header byte.
//! - `peer_has_read_all` (Linux): whether the program at the other end of a loopback TCP
//!   connection has read what was sent, from the kernel's own queue counts.

mod client;
mod http;
mod ports;
#[cfg(target_os = "linux")]
mod proc_tcp;
mod wait;

pub use client::{Client, Ws};
pub use http::{HttpResponse, get, http, upgrade};
pub use ports::{free_tcp_port, free_udp_port};
#[cfg(target_os = "linux")]
pub use proc_tcp::{peer_has_read_all, tcp_queues};
pub use wait::{PAGE_WAIT, WAIT, read_until, wait_until, wait_until_async};
