//! English texts of the download area.

pub static TEXTS: &[(&str, &str)] = &[];
