//! reliability 部分的简体中文文本。

pub static TEXTS: &[(&str, &str)] = &[];
