//! Interned index terms. Every token of every case is looked up here, so the table is built
//! for that: one hash of the text (the same one that orders terms, see [`term_key`]), an
//! open-addressing table of ids, and the texts back to back in one buffer instead of an
//! allocation per term and a second copy as a hash-map key.

use crate::domain::fast_hash::FxHasher;
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
    /// Term `t` is `text[spans[t].0..spans[t].1]`.
    text: String,
    spans: Vec<(u32, u32)>,
    keys: Vec<u64>,
    /// Linear probing by the key's low bits; a slot holds the term id + 1 (0 is empty) and
    /// the key's high half, so a probe rarely reads the term itself. Never over half full.
    table: Vec<(u32, u32)>,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn text(&self, term: u32) -> &str {
        let (start, end) = self.spans[term as usize];
        &self.text[start as usize..end as usize]
    }

    pub fn key(&self, term: u32) -> u64 {
        self.keys[term as usize]
    }

    pub fn get(&self, term: &str) -> Option<u32> {
        self.find(term, term_key(term)).ok()
    }

    /// The id and key of `term`, added if new.
    pub fn intern(&mut self, term: &str) -> (u32, u64) {
        if self.keys.len() * 2 >= self.table.len() {
            self.grow();
        }
        let key = term_key(term);
        match self.find(term, key) {
            Ok(id) => (id, key),
            Err(slot) => {
                let id = self.keys.len() as u32;
                let start = self.text.len() as u32;
                self.text.push_str(term);
                self.spans.push((start, self.text.len() as u32));
                self.keys.push(key);
                self.table[slot] = (id + 1, (key >> 32) as u32);
                (id, key)
            }
        }
    }

    /// The term's id, or the empty slot where it would go.
    fn find(&self, term: &str, key: u64) -> Result<u32, usize> {
        if self.table.is_empty() {
            return Err(0);
        }
        let (term, text) = (term.as_bytes(), self.text.as_bytes());
        let mask = self.table.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            let (id, high) = self.table[slot];
            if id == 0 {
                return Err(slot);
            }
            if high == (key >> 32) as u32 {
                let (start, end) = self.spans[id as usize - 1];
                // Compared in place, not as slices: slice equality is a call to `memcmp`, a
                // byte loop behind a call in the wasm build, for every token.
                if (end - start) as usize == term.len()
                    && term.iter().zip(start as usize..).all(|(&byte, at)| text[at] == byte)
                {
                    return Ok(id - 1);
                }
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
