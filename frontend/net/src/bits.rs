//! Bit views for the pictures: an address's 32 bits grouped in octets, and for each bit
//! whether it is one of the class's leading bits, a network bit or a host bit.
//!
//! Bits are numbered 0..32 from the left: bit 0 is the most significant bit of the first
//! octet, bit 31 the least significant bit of the last. Masks errors use the same numbering.

use std::net::Ipv4Addr;

use crate::class::Class;
use crate::mask::Prefix;

/// Which part of the address a bit belongs to under a prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Network,
    Host,
}

/// One bit, with everything a picture needs to colour it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bit {
    /// 0..32 from the left.
    pub index: u8,
    /// Which octet (0..4) and which bit inside it (0..8 from the left).
    pub octet: u8,
    pub in_octet: u8,
    pub value: bool,
    /// One of the leading bits that identify the address's class.
    pub class_prefix: bool,
    pub part: Part,
}

/// The 32 bits, from the left.
pub fn bits_of(addr: Ipv4Addr) -> [bool; 32] {
    let v = addr.to_bits();
    std::array::from_fn(|i| (v >> (31 - i)) & 1 == 1)
}

/// The 32 bits in four octets of eight.
pub fn octet_bits(addr: Ipv4Addr) -> [[bool; 8]; 4] {
    let octets = addr.octets();
    std::array::from_fn(|o| std::array::from_fn(|i| (octets[o] >> (7 - i)) & 1 == 1))
}

/// How many leading bits identify the class of `addr` (1 for A ... 4 for D and E).
pub fn class_prefix_len(addr: Ipv4Addr) -> u8 {
    Class::of(addr).leading_bits().count
}

/// Whether bit `index` (0..32 from the left) is a network bit under `prefix`.
pub fn is_network_bit(index: u8, prefix: Prefix) -> bool {
    index < prefix.len()
}

/// Every bit of `addr`, classified under `prefix`.
pub fn bit_view(addr: Ipv4Addr, prefix: Prefix) -> [Bit; 32] {
    let bits = bits_of(addr);
    let class_len = class_prefix_len(addr);
    std::array::from_fn(|i| {
        let index = i as u8;
        Bit {
            index,
            octet: index / 8,
            in_octet: index % 8,
            value: bits[i],
            class_prefix: index < class_len,
            part: if is_network_bit(index, prefix) {
                Part::Network
            } else {
                Part::Host
            },
        }
    })
}

/// One octet as eight binary digits: 77 -> "01001101".
pub fn binary_octet(octet: u8) -> String {
    format!("{octet:08b}")
}

/// The whole address in binary, octets separated by dots:
/// 192.168.1.77 -> "11000000.10101000.00000001.01001101". (Dotted decimal is std's
/// `Display` for `Ipv4Addr`.)
pub fn binary_dotted(addr: Ipv4Addr) -> String {
    addr.octets()
        .iter()
        .map(|&o| binary_octet(o))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
        Ipv4Addr::new(a, b, c, d)
    }

    #[test]
    fn bits_from_the_left() {
        let b = bits_of(ip(128, 0, 0, 1));
        assert!(b[0]);
        assert!(b[31]);
        assert_eq!(b.iter().filter(|&&x| x).count(), 2);
        let o = octet_bits(ip(192, 168, 1, 77));
        assert_eq!(o[0], [true, true, false, false, false, false, false, false]);
        assert_eq!(o[3], [false, true, false, false, true, true, false, true]);
    }

    #[test]
    fn class_prefix_lengths() {
        assert_eq!(class_prefix_len(ip(10, 0, 0, 1)), 1);
        assert_eq!(class_prefix_len(ip(172, 16, 0, 1)), 2);
        assert_eq!(class_prefix_len(ip(192, 168, 0, 1)), 3);
        assert_eq!(class_prefix_len(ip(224, 0, 0, 1)), 4);
        assert_eq!(class_prefix_len(ip(250, 0, 0, 1)), 4);
    }

    #[test]
    fn view_marks_network_host_and_class_bits() {
        let v = bit_view(ip(192, 168, 1, 77), Prefix::new(26).unwrap());
        assert_eq!(v.iter().filter(|b| b.part == Part::Network).count(), 26);
        assert_eq!(v[25].part, Part::Network);
        assert_eq!(v[26].part, Part::Host);
        assert_eq!(v.iter().filter(|b| b.class_prefix).count(), 3);
        assert!(v[2].class_prefix && !v[3].class_prefix);
        assert_eq!((v[13].octet, v[13].in_octet), (1, 5));
        assert!(v[0].value && v[1].value && !v[2].value);
        assert!(is_network_bit(0, Prefix::new(1).unwrap()));
        assert!(!is_network_bit(0, Prefix::new(0).unwrap()));
        assert!(!is_network_bit(31, Prefix::new(31).unwrap()));
        assert!(is_network_bit(31, Prefix::MAX));
    }

    #[test]
    fn binary_text() {
        assert_eq!(binary_octet(77), "01001101");
        assert_eq!(
            binary_dotted(ip(192, 168, 1, 77)),
            "11000000.10101000.00000001.01001101"
        );
    }
}
