//! What the learner reads for each fate the simulated link deals out: its name, its name as a
//! fault set by hand, and what it means. One `match` each, so a new `Fate` cannot go unnamed.

use super::sim::Fate;
use crate::i18n::Key;

/// The fate's name in the event list ("lost").
pub fn name(fate: Fate) -> Key {
    match fate {
        Fate::Delivered => key!("rel.fate.delivered"),
        Fate::Lost => key!("rel.fate.lost"),
        Fate::Duplicated => key!("rel.fate.duplicated"),
        Fate::Delayed => key!("rel.fate.delayed"),
        Fate::Corrupted => key!("rel.fate.corrupted"),
    }
}

/// The fate as a fault the learner sets by hand ("lose it"). Delivering is no fault
/// (`Fate::FAULTS` leaves it out); it reads as its plain name.
pub fn fault(fate: Fate) -> Key {
    match fate {
        Fate::Delivered => key!("rel.fate.delivered"),
        Fate::Lost => key!("rel.fault.lost"),
        Fate::Duplicated => key!("rel.fault.duplicated"),
        Fate::Delayed => key!("rel.fault.delayed"),
        Fate::Corrupted => key!("rel.fault.corrupted"),
    }
}

/// What the fate means for the segment.
pub fn means(fate: Fate) -> Key {
    match fate {
        Fate::Delivered => key!("rel.fate.delivered.means"),
        Fate::Lost => key!("rel.fate.lost.means"),
        Fate::Duplicated => key!("rel.fate.duplicated.means"),
        Fate::Delayed => key!("rel.fate.delayed.means"),
        Fate::Corrupted => key!("rel.fate.corrupted.means"),
    }
}
