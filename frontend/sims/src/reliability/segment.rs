//! A TCP segment's header fields and its checksum (the 16-bit one's complement sum TCP uses,
//! over the header fields and the payload; the real one also covers the IP addresses).

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub syn: bool,
    pub ack: bool,
    pub fin: bool,
}

impl Flags {
    /// "SYN", "SYN+ACK", "ACK", "FIN+ACK", ...
    pub fn label(self) -> String {
        let mut parts = Vec::new();
        if self.syn {
            parts.push("SYN");
        }
        if self.fin {
            parts.push("FIN");
        }
        if self.ack {
            parts.push("ACK");
        }
        parts.join("+")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub src_port: u16,
    pub dst_port: u16,
    pub seq: u32,
    pub ack: u32,
    pub flags: Flags,
    pub window: u16,
    pub checksum: u16,
    pub payload: Vec<u8>,
}

impl Segment {
    /// How many sequence numbers it takes: its bytes, plus one for SYN and one for FIN.
    pub fn seq_len(&self) -> u32 {
        self.payload.len() as u32 + u32::from(self.flags.syn) + u32::from(self.flags.fin)
    }

    pub fn compute_checksum(&self) -> u16 {
        let mut words: Vec<u16> = vec![
            self.src_port,
            self.dst_port,
            (self.seq >> 16) as u16,
            self.seq as u16,
            (self.ack >> 16) as u16,
            self.ack as u16,
            u16::from(self.flags.syn)
                | u16::from(self.flags.ack) << 4
                | u16::from(self.flags.fin) << 8,
            self.window,
        ];
        for pair in self.payload.chunks(2) {
            let hi = u16::from(pair[0]) << 8;
            words.push(hi | pair.get(1).map_or(0, |b| u16::from(*b)));
        }
        let mut sum: u32 = 0;
        for w in words {
            sum += u32::from(w);
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        !(sum as u16)
    }

    pub fn with_checksum(mut self) -> Segment {
        self.checksum = self.compute_checksum();
        self
    }

    pub fn checksum_ok(&self) -> bool {
        self.compute_checksum() == self.checksum
    }

    /// The copy a noisy wire hands over: one bit flipped (in the data, else in the ack number).
    pub fn corrupted(&self) -> Segment {
        let mut s = self.clone();
        match s.payload.first_mut() {
            Some(b) => *b ^= 0x20,
            None => s.ack ^= 0x0100,
        }
        s
    }
}

/// `a < b` in sequence space, where numbers wrap around at 2^32.
pub fn seq_lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

pub fn seq_le(a: u32, b: u32) -> bool {
    a == b || seq_lt(a, b)
}
