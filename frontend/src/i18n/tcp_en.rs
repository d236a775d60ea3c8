//! English texts of the tcp area.

pub static TEXTS: &[(&str, &str)] = &[];
