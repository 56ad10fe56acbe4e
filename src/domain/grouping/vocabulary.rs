//! Interned index terms. Every token of every case is looked up here, so the table is built
//! for that: one hash of the text (the same one that orders terms, see [`term_key`]), an
//! open-addressing table of ids, and the texts back to back in one buffer instead of an
//! allocation per term and a second copy as a hash-map key.

use super::index::FxHasher;
use std::hash::Hasher;

/// Documents list their terms in the order of this hash of the term text, not of term ids,
/// so sums run in the same order whatever order cases were added in: floating-point results,
/// and so tie-breaks, are then identical after incremental updates and after a rebuild.
pub(super) fn term_key(term: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(term.as_bytes());
    hasher.finish()
}

#[derive(Clone, Debug, Default)]
pub(super) struct Vocabulary {
    /// Term `t` is `text[ends[t - 1]..ends[t]]` (from 0 for the first).
    text: String,
    ends: Vec<u32>,
    keys: Vec<u64>,
    /// Linear probing by the key's low bits; a slot holds the term id + 1 (0 is empty) and
    /// the key's high half, so a probe rarely reads the term itself. Never over half full.
    table: Vec<(u32, u32)>,
}

impl Vocabulary {
    pub fn text(&self, term: u32) -> &str {
        &self.text[self.range(term)]
    }

    fn range(&self, term: u32) -> std::ops::Range<usize> {
        let end = self.ends[term as usize] as usize;
        let start = if term == 0 { 0 } else { self.ends[term as usize - 1] as usize };
        start..end
    }

    pub fn key(&self, term: u32) -> u64 {
        self.keys[term as usize]
    }

    pub fn get(&self, term: &str) -> Option<u32> {
        self.find(term, term_key(term)).ok()
    }

    /// The id of `term`, added if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if self.keys.len() * 2 >= self.table.len() {
            self.grow();
        }
        let key = term_key(term);
        match self.find(term, key) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.keys.len() as u32;
                self.text.push_str(term);
                self.ends.push(self.text.len() as u32);
                self.keys.push(key);
                self.table[slot] = (id + 1, (key >> 32) as u32);
                id
            }
        }
    }

    /// The term's id, or the empty slot where it would go.
    fn find(&self, term: &str, key: u64) -> Result<u32, usize> {
        if self.table.is_empty() {
            return Err(0);
        }
        let mask = self.table.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            let (id, high) = self.table[slot];
            if id == 0 {
                return Err(slot);
            }
            // Bytes, not `text`: slicing a str checks character boundaries.
            if high == (key >> 32) as u32 && self.text.as_bytes()[self.range(id - 1)] == *term.as_bytes() {
                return Ok(id - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(1024);
        let mut table = vec![(0u32, 0u32); size];
        for (id, &key) in self.keys.iter().enumerate() {
            let mut slot = key as usize & (size - 1);
            while table[slot].0 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = (id as u32 + 1, (key >> 32) as u32);
        }
        self.table = table;
    }
}
