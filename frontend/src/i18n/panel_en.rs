//! English texts of the panel area.

pub static TEXTS: &[(&str, &str)] = &[];
