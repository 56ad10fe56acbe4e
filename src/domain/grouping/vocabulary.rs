//! Interned index terms. Every token of every case is looked up here, so the table is built
//! for that: one hash of the text (the same one that orders terms, see [`term_key`]), an
//! open-addressing table of ids, and the texts back to back in one buffer instead of an
//! allocation per term and a second copy as a hash-map key.

use super::tokenize::Kind;
use crate::domain::fast_hash::FxHasher;
use std::hash::Hasher;

/// Documents list their terms in the order of this hash of the term text, not of term ids,
/// so sums run in the same order whatever order cases were added in: floating-point results,
/// and so tie-breaks, are then identical after incremental updates and after a rebuild.
#[inline]
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
    kinds: Vec<Kind>,
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

    /// What the term is; the same for every token of one term, as identifiers hold a joiner
    /// and concepts a mark that words never have.
    pub fn kind(&self, term: u32) -> Kind {
        self.kinds[term as usize]
    }

    pub fn get(&self, term: &str) -> Option<u32> {
        self.find(term, term_key(term)).ok()
    }

    /// The Latin word one edit (a letter changed, added, dropped, or two swapped) from
    /// `word` with the highest `weight` above zero, for typo tolerance.
    pub fn one_letter_away(&self, word: &str, weight: impl Fn(u32) -> usize) -> Option<u32> {
        let word = word.as_bytes();
        (0..self.len() as u32)
            .filter(|&term| {
                let (start, end) = self.spans[term as usize];
                (end - start).abs_diff(word.len() as u32) <= 1
                    && self.kinds[term as usize] == Kind::Word
                    && one_edit(word, self.text(term).as_bytes())
            })
            .map(|term| (weight(term), term))
            .filter(|&(weight, _)| weight > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, term)| term)
    }

    /// The id and key of `term`, added if new.
    pub fn intern(&mut self, term: &str, kind: Kind) -> (u32, u64) {
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
                self.kinds.push(kind);
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
        // Slices, not vectors: indexing a Vec is a call in the size-optimised build.
        let (term, text) = (term.as_bytes(), self.text.as_bytes());
        let (table, spans, keys) = (&self.table[..], &self.spans[..], &self.keys[..]);
        let mask = table.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            let (id, high) = table[slot];
            if id == 0 {
                return Err(slot);
            }
            let id = id as usize - 1;
            if high == (key >> 32) as u32 && keys[id] == key {
                let (start, end) = spans[id];
                // A text of up to 8 bytes is hashed as one multiply of its bytes zero-padded,
                // so its key is its own: the same key and length is the same text, and most
                // words are that short. Longer ones are compared in place, not as slices:
                // slice equality is a call to `memcmp`, a byte loop behind a call in the wasm
                // build.
                if (end - start) as usize == term.len()
                    && (term.len() <= 8
                        || term.iter().zip(&text[start as usize..end as usize]).all(|(a, b)| a == b))
                {
                    return Ok(id as u32);
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

/// Whether `a` and `b` differ by exactly one edit: a byte changed, added or dropped, or two
/// neighbours swapped.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        if prefix == short.len() {
            return false;
        }
        let (x, y) = (&short[prefix + 1..], &long[prefix + 1..]);
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        x == y || swapped
    } else {
        long.len() == short.len() + 1 && short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit;

    #[test]
    fn one_edit_is_one_letter_changed_added_dropped_or_swapped() {
        for (a, b) in [
            ("password", "pasword"),
            ("password", "passwrod"),
            ("password", "passward"),
            ("refund", "refunds"),
        ] {
            assert!(one_edit(a.as_bytes(), b.as_bytes()) && one_edit(b.as_bytes(), a.as_bytes()), "{a} {b}");
        }
        for (a, b) in [("password", "password"), ("password", "pasward"), ("refund", "fund"), ("ab", "ba ")] {
            assert!(!one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
    }
}
