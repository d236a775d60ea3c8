//! English texts of the lessons on IP addresses, classes, masks and subnets, and of practice.

pub static TEXTS: &[(&str, &str)] = &[];
