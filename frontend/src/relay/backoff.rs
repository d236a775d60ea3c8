//! How long to wait before the next reconnection attempt: doubling from half a second, capped,
//! so a restarted relay is found quickly and a stopped one is not hammered.

pub const FIRST_MS: u32 = 500;
pub const MAX_MS: u32 = 8_000;

/// Delay before attempt number `attempt` (1 = the first retry).
pub fn delay_ms(attempt: u32) -> u32 {
    let shift = attempt.saturating_sub(1).min(8);
    (FIRST_MS << shift).min(MAX_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_then_caps() {
        let delays: Vec<u32> = (1..=7).map(delay_ms).collect();
        assert_eq!(delays, vec![500, 1000, 2000, 4000, 8000, 8000, 8000]);
        assert_eq!(delay_ms(u32::MAX), MAX_MS);
    }
}
