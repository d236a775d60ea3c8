//! Bytes and text: hex dumps and the two encodings the lessons compare (UTF-8 and GBK).

pub mod codec;
pub mod hex;
pub mod web;
