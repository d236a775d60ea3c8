//! IP 地址、分类、掩码与子网各课以及练习模式的简体中文文本。

pub static TEXTS: &[(&str, &str)] = &[];
