//! English texts of the reliability area.

pub static TEXTS: &[(&str, &str)] = &[];
