//! Small statistics and formatting helpers for the benchmark tables.

use std::time::Duration;

/// The p-th percentile (0 < p <= 100) of `samples`, nearest-rank method.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    assert!(!samples.is_empty(), "percentile of no samples");
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median (the 50th percentile).
pub fn median(samples: &[f64]) -> f64 {
    percentile(samples, 50.0)
}

/// Microseconds as a float.
pub fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// `1234567` -> `"1205.6 KiB"`.
pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// `"met"` or `"MISSED"` for a ratio against its goal (lower is better).
pub fn verdict(ratio: f64, goal: f64) -> &'static str {
    if ratio <= goal { "met" } else { "MISSED" }
}

/// One table row: label, left, right, ratio, goal.
pub fn row(label: &str, left: &str, right: &str, ratio: f64, goal: Option<f64>) {
    let goal = match goal {
        Some(goal) => format!("<= {goal}x  {}", verdict(ratio, goal)),
        None => "(info)".to_string(),
    };
    println!(
        "{label:<40} {left:>14} {right:>14} {:>8} {goal}",
        format!("{ratio:.2}x")
    );
}

/// The table header.
pub fn header(title: &str, left: &str, right: &str) {
    println!("{title:<40} {left:>14} {right:>14} {:>8} goal", "ratio");
    println!("{}", "-".repeat(96));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&samples, 50.0), 50.0);
        assert_eq!(percentile(&samples, 99.0), 99.0);
        assert_eq!(percentile(&samples, 100.0), 100.0);
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    }
}
