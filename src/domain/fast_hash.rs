//! A small fast hash for the maps and keys the page rebuilds over every case.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A small fast hash (the one rustc uses); std's default is DoS-resistant and several times
/// slower, which matters when indexing tens of thousands of cases in the browser.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Little-endian words of 8 bytes, the last zero-padded: whole words are one load each,
        // and the short end is built in a register rather than copied into a padded buffer.
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut word = 0u64;
            for (at, &byte) in rest.iter().enumerate() {
                word |= u64::from(byte) << (8 * at);
            }
            self.add(word);
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(value.into());
    }

    fn write_u32(&mut self, value: u32) {
        self.add(value.into());
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply mixes input bits only upwards; hash tables pick buckets by the low
        // bits, so bring the well-mixed high bits down (as rustc-hash 2 does). Without this,
        // ids like "c000017" that differ only in later bytes fell into a few dozen buckets.
        self.0.rotate_left(26)
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The hash of one value, for orders and keys that must be the same in every tab.
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_the_padded_end_hash_as_byte_by_byte_words() {
        let bytes: Vec<u8> = (1..=21).collect();
        let mut expected = FxHasher::default();
        for chunk in bytes.chunks(8) {
            expected.add(chunk.iter().rev().fold(0, |word, &byte| (word << 8) | u64::from(byte)));
        }
        let mut hasher = FxHasher::default();
        hasher.write(&bytes);
        assert_eq!(hasher.finish(), expected.finish());
    }
}
