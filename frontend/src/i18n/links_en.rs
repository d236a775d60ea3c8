//! English texts of the links area.

pub static TEXTS: &[(&str, &str)] = &[];
