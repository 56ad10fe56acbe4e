//! The incremental inverted index behind similar-case search and grouping.
//!
//! Documents keep raw term-frequency weights only; inverse document frequencies are computed
//! from the live counts when a query or a grouping runs, so adding, editing or removing one
//! case touches only that case's postings and the result equals a rebuild.

use super::glossary::{builtin, Glossary};
use super::tokenize::{for_each_token, Kind, Sink};
use super::vocabulary::Vocabulary;
use super::{GlossaryMatch, NotDuplicates, SimilarCase};
use crate::domain::case::{Case, CaseId};
use crate::domain::fast_hash::hash_of;
pub(super) use crate::domain::fast_hash::FastMap;
use crate::domain::sort;
use std::cmp::Ordering;
use std::ops::ControlFlow;
use std::sync::Arc;

/// Title words count this many times: titles are short and written to say what is wrong,
/// while descriptions carry templates and pasted logs. Measured on the labelled reports
/// (benches/grouping_quality.rs), 4 beat 2 and 6 on both sets.
const TITLE_WEIGHT: f32 = 4.0;
/// Only the first words of a description count: the problem is stated first, and what
/// follows (logs, form boilerplate) made unrelated reports look alike. With machine lines
/// skipped (see [`is_machine_text`]), 80 ranked best on the tuning halves (50 before).
const DESCRIPTION_WORDS: usize = 80;
/// Titles are at most 300 characters; this only bounds work on imported data.
const MAX_TITLE_WORDS: usize = 100;

/// Postings read per similar-case query before rarer terms are considered enough; reading
/// the postings of words like "error" would cost the most and decide the least.
const SIMILAR_BUDGET: usize = 20_000;
/// Title words of a typed case looked up for a typo, each a pass over the vocabulary.
const TYPO_LOOKUPS: usize = 3;
/// Candidates rescored exactly per similar-case query.
const SIMILAR_RESCORE: usize = 64;

/// One term of a sparse vector: a document's term frequency weight, or a group's summed weight.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub key: u64,
    pub term: u32,
    pub value: f32,
}

impl Entry {
    pub fn order(&self) -> (u64, u32) {
        (self.key, self.term)
    }
}

/// Pairs of entries for the terms two sparse vectors share, in key order.
pub(super) fn shared<'a>(a: &'a [Entry], b: &'a [Entry]) -> impl Iterator<Item = (&'a Entry, &'a Entry)> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].order().cmp(&b[j].order()) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some((&a[i - 1], &b[j - 1]));
                }
            }
        }
        None
    })
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Posting {
    pub doc: u32,
    pub tf: f32,
}

#[derive(Clone, Debug)]
pub(super) struct Doc {
    pub id: CaseId,
    /// Sublinear term frequency (1 + ln tf) per term, sorted by [`Entry::order`].
    pub entries: Vec<Entry>,
    /// The script most of the case's words are in, see [`Script`].
    pub script: Script,
}

/// The writing of a case, told by its words: two cases in different scripts can share only
/// identifiers and glossary concepts, so their similarity runs lower for the same problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Hangul,
    Han,
}

impl Script {
    fn of(term: &str, kind: Kind) -> Option<Script> {
        match (kind, term.as_bytes().first()) {
            (Kind::Bigram, _) => Some(Script::Han),
            // U+AC00..U+D7A3 (Hangul syllables) start with these bytes in UTF-8.
            (Kind::Word, Some(0xEA..=0xED)) => Some(Script::Hangul),
            (Kind::Word, _) => Some(Script::Latin),
            _ => None,
        }
    }
}

/// Smoothed inverse document frequency, as in common TF-IDF implementations.
fn idf(docs: usize, df: usize) -> f32 {
    ((1.0 + docs as f32) / (1.0 + df as f32)).ln() + 1.0
}

/// Weight of a term of each kind, after sublinear term frequency; measured with
/// benches/grouping_quality.rs on the tuning halves and the cross-language set.
pub(super) fn kind_weight(kind: Kind) -> f32 {
    match kind {
        // An identifier already counts twice, whole and by its parts, and is rare; weighing
        // it more made stack-trace line numbers ("Client.java:1234") decide bug reports.
        Kind::Word | Kind::Identifier => 1.0,
        Kind::Bigram => BIGRAM_WEIGHT,
        Kind::Concept => CONCEPT_WEIGHT,
    }
}

const CONCEPT_WEIGHT: f32 = 1.0;
/// Han text gives about one bigram per character, most of them across word boundaries: at
/// full weight they swamped the few words a Chinese report shares with a Korean or English one.
const BIGRAM_WEIGHT: f32 = 0.4;

/// What reads a case's counted words (see [`for_each_word`]): each token with its weight, and
/// the words it can replay (see [`Sink`]), giving each replayed token's kind to `count`.
trait Words {
    fn word(&mut self, term: &str, surface: &str, weight: f32, kind: Kind);

    fn replay(
        &mut self,
        _word: &str,
        _weight: f32,
        _count: impl FnMut(Kind) -> ControlFlow<()>,
    ) -> Option<ControlFlow<()>> {
        None
    }

    fn read(&mut self, _word: &str, _whole: bool) {}
}

impl<F: FnMut(&str, &str, f32, Kind)> Words for F {
    fn word(&mut self, term: &str, surface: &str, weight: f32, kind: Kind) {
        self(term, surface, weight, kind)
    }
}

/// The tokens of a title or description given to [`Words`] until `limit` words are counted.
struct Counted<'w, W> {
    words: &'w mut W,
    weight: f32,
    seen: usize,
    limit: usize,
}

/// Counts a token into `seen`, breaking at `limit`; concepts repeat words already counted.
fn count(seen: &mut usize, limit: usize, kind: Kind) -> ControlFlow<()> {
    *seen += usize::from(kind != Kind::Concept);
    if *seen < limit {
        ControlFlow::Continue(())
    } else {
        ControlFlow::Break(())
    }
}

impl<W: Words> Sink for Counted<'_, W> {
    fn token(&mut self, term: &str, surface: &str, kind: Kind) -> ControlFlow<()> {
        self.words.word(term, surface, self.weight, kind);
        count(&mut self.seen, self.limit, kind)
    }

    fn replay(&mut self, word: &str) -> Option<ControlFlow<()>> {
        let (weight, limit, seen) = (self.weight, self.limit, &mut self.seen);
        self.words.replay(word, weight, |kind| count(seen, limit, kind))
    }

    fn read(&mut self, word: &str, whole: bool) {
        self.words.read(word, whole)
    }
}

/// Gives `words` every counted word of a case: title words weigh [`TITLE_WEIGHT`], and only
/// the first [`DESCRIPTION_WORDS`] of the description count.
fn for_each_word(glossary: &Glossary, title: &str, description: &str, words: &mut impl Words) {
    let mut title_words =
        Counted { words: &mut *words, weight: TITLE_WEIGHT, seen: 0, limit: MAX_TITLE_WORDS };
    for_each_token(title, glossary, &mut title_words);
    let mut counted = Counted { words, weight: 1.0, seen: 0, limit: DESCRIPTION_WORDS };
    for line in description.lines().filter(|line| !is_machine_text(line)) {
        for_each_token(line, glossary, &mut counted);
        if counted.seen >= DESCRIPTION_WORDS {
            break;
        }
    }
}

/// How much of a line [`is_machine_text`] reads.
const MACHINE_PREFIX: usize = 120;

/// Whether a line of a description is machine output rather than a person's words: a stack
/// frame ("at org.x.Y.z(Y.java:12)"), a line starting with a time stamp, or mostly digits and
/// symbols. Such lines are skipped: reports pasting the same library's stack trace are not
/// the same problem, and at any weight they made the labelled sets' tuning halves rank worse.
fn is_machine_text(line: &str) -> bool {
    let line = line.trim_start();
    let bytes = line.as_bytes();
    let stamped = bytes.len() >= 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(bytes[4], b'-' | b'/' | b':');
    let frame = line.starts_with("at ") && line.contains('(') && line.contains(')');
    // By bytes, for speed: every line of every case passes here, and any byte of a non-ASCII
    // character counts as a letter (Hangul and Han are words, not dumps).
    // The start of a line tells well enough.
    let prefix = &bytes[..bytes.len().min(MACHINE_PREFIX)];
    let (mut letters, mut others) = (0usize, 0usize);
    for &byte in prefix {
        if byte.is_ascii_alphabetic() || byte >= 0x80 {
            letters += 1;
            // Letters are half the prefix: other bytes can no longer outnumber them.
            if 2 * letters >= prefix.len() {
                break;
            }
        } else if !byte.is_ascii_whitespace() {
            others += 1;
        }
    }
    stamped || frame || (letters + others >= 20 && others > letters)
}

/// A query's words with their weighted counts, merged per term, as written.
struct Analysed {
    term: String,
    count: f32,
    surface: String,
    kind: Kind,
}

fn analyse(glossary: &Glossary, title: &str, description: &str) -> Vec<Analysed> {
    let mut terms: Vec<Analysed> = Vec::new();
    for_each_word(glossary, title, description, &mut |term: &str, surface: &str, weight, kind| {
        // A case has a few dozen distinct terms: a linear scan beats hashing here.
        match terms.iter_mut().find(|known| known.term == term) {
            Some(known) => known.count += weight,
            None => terms.push(Analysed {
                term: term.to_string(),
                count: weight,
                surface: surface.to_string(),
                kind,
            }),
        }
    });
    terms
}

fn tf_weight(count: f32) -> f32 {
    // Most terms occur once in a description, and ln 1 is exactly 0: no logarithm to compute
    // (a call into the maths library) for them.
    if count == 1.0 {
        1.0
    } else {
        1.0 + count.ln()
    }
}

/// The words of a query that another case shares, strongest first: the shared words as
/// written, and the words that matched only through the glossary. A shared identifier
/// ("PAY-502") stands for its parts ("PAY", "502"), and a concept for the word it comes from
/// when that word itself matched.
fn explain<'a>(
    glossary: &Glossary,
    shared: impl Iterator<Item = &'a Analysed> + Clone,
) -> (Vec<String>, Vec<GlossaryMatch>) {
    let direct =
        |surface: &str| shared.clone().any(|word| word.kind != Kind::Concept && word.surface == surface);
    let identifiers: Vec<String> = shared
        .clone()
        .filter(|word| word.kind == Kind::Identifier)
        .map(|word| word.surface.to_lowercase())
        .collect();
    let (mut matched, mut through) = (Vec::new(), Vec::new());
    for word in shared.clone() {
        match word.kind {
            Kind::Concept if !direct(&word.surface) => through.push(GlossaryMatch {
                word: word.surface.clone(),
                concept: Glossary::name(&word.term).unwrap_or(&word.term).to_string(),
                forms: glossary.forms_of(&word.term).to_vec(),
            }),
            Kind::Concept => {}
            Kind::Word | Kind::Bigram
                if identifiers.iter().any(|id| id.contains(&word.surface.to_lowercase())) => {}
            _ if matched.contains(&word.surface) => {}
            _ => matched.push(word.surface.clone()),
        }
    }
    (matched, through)
}

/// Partial dot products of one query against many documents, kept dense for speed.
struct Accumulator {
    scores: Vec<f32>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(slots: usize) -> Accumulator {
        Accumulator { scores: vec![0.0; slots], touched: Vec::new() }
    }

    fn score(&self, doc: u32) -> f32 {
        self.scores[doc as usize]
    }
}

/// A query term: its id, its weight in the query, and its document frequency.
#[derive(Clone, Copy, Debug)]
struct QueryTerm {
    pub term: u32,
    pub weight: f32,
    pub df: usize,
    pub key: u64,
}

/// The `count` highest-scoring items, best first, ties broken by `tie` so the cut is
/// deterministic. One pass keeping a short sorted list: most items lose to the current
/// last place after a single comparison.
pub(super) fn best<T>(
    items: impl IntoIterator<Item = (f32, T)>,
    count: usize,
    tie: impl Fn(&T, &T) -> Ordering,
) -> Vec<(f32, T)> {
    let order = |a: &(f32, T), b: &(f32, T)| b.0.total_cmp(&a.0).then_with(|| tie(&a.1, &b.1));
    let mut kept: Vec<(f32, T)> = Vec::with_capacity(count + 1);
    for item in items {
        if count == 0 || (kept.len() == count && order(&item, &kept[count - 1]).is_ge()) {
            continue;
        }
        let at = kept.partition_point(|known| order(known, &item).is_lt());
        kept.insert(at, item);
        kept.truncate(count);
    }
    kept
}

/// Words remembered in [`Memo`] at most: a desk repeats its words, so a few thousand cover
/// nearly every word read, and the rest (ids, typos, names) are read each time instead of
/// growing the memo with the desk.
const MEMO_WORDS: usize = 1 << 15;

/// The terms each word as written gave (see [`Sink`]), so a word read before is not read
/// again: no lower-casing, stop words, glossary or vocabulary look-up per token, only one
/// look-up of the word. Term ids stay valid, as the vocabulary never drops a term, and an
/// index keeps its glossary (Settings builds a new index when the glossary changes).
#[derive(Clone, Debug, Default)]
struct Memo {
    /// Word `w` gave `terms[spans[w].0..spans[w].1]`.
    words: Vocabulary,
    spans: Vec<(u32, u32)>,
    /// Each with what posting it needs, so a replay reads nothing else.
    terms: Vec<(u32, Kind, Option<Script>)>,
    /// Where the tokens of the word being read start in `terms`, while it is read.
    pending: Option<usize>,
}

/// What [`SimilarityIndex::upsert`] keeps from case to case, so reading one allocates little
/// and a token touches one small table: the posting lists, scattered over the heap, are
/// written once per term of a case when it is read, not per token.
#[derive(Clone, Debug, Default)]
struct Scratch {
    /// The case's terms, each once, as `key << 32 | term` (the order of entries).
    tokens: Vec<u128>,
    /// Their weighted counts, in the order first seen.
    counts: Vec<f32>,
    /// Per term, the case (by `stamp`) it was last seen in and where its count is.
    seen: Vec<(u32, u32)>,
    /// Numbers the cases read, for `seen`.
    stamp: u32,
}

/// Reads the words of a case, see [`SimilarityIndex::upsert`].
struct Posted<'i> {
    vocabulary: &'i mut Vocabulary,
    memo: &'i mut Memo,
    scratch: &'i mut Scratch,
    /// Words per [`Script`].
    scripts: [u32; 3],
}

impl Posted<'_> {
    /// A term's first token in this case adds an entry; later tokens add to its count.
    fn post(&mut self, term: u32, script: Option<Script>, weight: f32) {
        if let Some(script) = script {
            self.scripts[script as usize] += 1;
        }
        let scratch = &mut *self.scratch;
        if term as usize == scratch.seen.len() {
            scratch.seen.push((0, 0));
        }
        let seen = &mut scratch.seen[term as usize];
        if seen.0 == scratch.stamp {
            scratch.counts[seen.1 as usize] += weight;
        } else {
            *seen = (scratch.stamp, scratch.counts.len() as u32);
            scratch.counts.push(weight);
            scratch.tokens.push(u128::from(self.vocabulary.key(term)) << 32 | u128::from(term));
        }
    }
}

impl Words for Posted<'_> {
    fn word(&mut self, text: &str, _: &str, weight: f32, kind: Kind) {
        let (term, _) = self.vocabulary.intern(text, kind);
        let script = Script::of(text, kind);
        if self.memo.pending.is_some() {
            self.memo.terms.push((term, kind, script));
        }
        self.post(term, script, weight);
    }

    fn replay(
        &mut self,
        word: &str,
        weight: f32,
        mut count: impl FnMut(Kind) -> ControlFlow<()>,
    ) -> Option<ControlFlow<()>> {
        let Some(known) = self.memo.words.get(word) else {
            self.memo.pending = Some(self.memo.terms.len());
            return None;
        };
        let (start, end) = self.memo.spans[known as usize];
        for at in start..end {
            let (term, kind, script) = self.memo.terms[at as usize];
            self.post(term, script, weight);
            if count(kind).is_break() {
                return Some(ControlFlow::Break(()));
            }
        }
        Some(ControlFlow::Continue(()))
    }

    fn read(&mut self, word: &str, whole: bool) {
        let Some(start) = self.memo.pending.take() else { return };
        if whole && self.memo.spans.len() < MEMO_WORDS {
            self.memo.words.intern(word, Kind::Word);
            self.memo.spans.push((start as u32, self.memo.terms.len() as u32));
        } else {
            self.memo.terms.truncate(start);
        }
    }
}

/// Similar-case search and grouping over the cases it is given; see the module docs.
#[derive(Clone, Debug)]
pub struct SimilarityIndex {
    /// The glossary its cases were read with: the built-in unless Settings changed it.
    pub(super) glossary: Arc<Glossary>,
    vocabulary: Vocabulary,
    /// The postings of each term, by term id.
    postings: Vec<Vec<Posting>>,
    docs: Vec<Option<Doc>>,
    free: Vec<u32>,
    slots: FastMap<CaseId, u32>,
    scratch: Scratch,
    /// The terms each word as written gave, read with this index's glossary.
    memo: Memo,
    /// Counts changes, so a grouping run can tell it is still about this index.
    generation: u64,
}

impl Default for SimilarityIndex {
    fn default() -> SimilarityIndex {
        SimilarityIndex::with_glossary(builtin())
    }
}

impl SimilarityIndex {
    pub fn new() -> SimilarityIndex {
        SimilarityIndex::default()
    }

    /// An empty index whose cases are read with `glossary`.
    pub fn with_glossary(glossary: Arc<Glossary>) -> SimilarityIndex {
        SimilarityIndex {
            glossary,
            vocabulary: Vocabulary::default(),
            postings: Vec::new(),
            docs: Vec::new(),
            free: Vec::new(),
            slots: FastMap::default(),
            scratch: Scratch::default(),
            memo: Memo::default(),
            generation: 0,
        }
    }

    /// Indexes the given cases (the app passes its open cases). The result equals upserting
    /// them one by one in any order, so a page that must stay responsive can instead
    /// [`upsert_case`](Self::upsert_case) a few hundred cases per frame, then group.
    pub fn from_cases<'a>(cases: impl IntoIterator<Item = &'a Case>) -> SimilarityIndex {
        let mut index = SimilarityIndex::new();
        for case in cases {
            index.upsert_case(case);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn contains(&self, id: &CaseId) -> bool {
        self.slots.contains_key(id)
    }

    pub fn upsert_case(&mut self, case: &Case) {
        self.upsert(&case.id, &case.title, &case.description);
    }

    /// Adds a case, or replaces its text if it is already indexed.
    pub fn upsert(&mut self, id: &CaseId, title: &str, description: &str) {
        self.remove(id);
        self.generation += 1;
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.docs.push(None);
                (self.docs.len() - 1) as u32
            }
        };
        let scratch = &mut self.scratch;
        scratch.tokens.clear();
        scratch.counts.clear();
        if scratch.stamp == u32::MAX {
            scratch.seen.clear();
            scratch.stamp = 0;
        }
        // Stamps start at 1: a term never seen is (0, 0).
        scratch.stamp += 1;
        let mut posted =
            Posted { vocabulary: &mut self.vocabulary, memo: &mut self.memo, scratch, scripts: [0; 3] };
        for_each_word(&self.glossary, title, description, &mut posted);
        let mut scripts = posted.scripts;
        let (scratch, postings) = (&mut self.scratch, &mut self.postings);
        postings.resize_with(self.vocabulary.len(), Vec::new);
        // Han text yields a bigram per character, about twice the tokens of its words.
        scripts[Script::Han as usize] /= 2;
        let script = [Script::Latin, Script::Hangul, Script::Han]
            .into_iter()
            .max_by_key(|&script| (scripts[script as usize], std::cmp::Reverse(script as usize)))
            .expect("three scripts");
        // In entry order, as one integer: it sorts several times faster than a tuple.
        scratch.tokens.sort_unstable();
        let entries = scratch
            .tokens
            .iter()
            .map(|&order| {
                let term = order as u32;
                let count = scratch.counts[scratch.seen[term as usize].1 as usize];
                let tf = tf_weight(count) * kind_weight(self.vocabulary.kind(term));
                postings[term as usize].push(Posting { doc: slot, tf });
                Entry { key: (order >> 32) as u64, term, value: tf }
            })
            .collect();
        self.docs[slot as usize] = Some(Doc { id: id.clone(), entries, script });
        self.slots.insert(id.clone(), slot);
    }

    /// Drops a case from the index; returns whether it was there.
    pub fn remove(&mut self, id: &CaseId) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        self.generation += 1;
        let doc = self.docs[slot as usize].take().expect("a mapped slot holds a document");
        for entry in doc.entries {
            let postings = &mut self.postings[entry.term as usize];
            if let Some(at) = postings.iter().position(|posting| posting.doc == slot) {
                postings.swap_remove(at);
            }
        }
        self.free.push(slot);
        true
    }

    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    pub(super) fn slot_count(&self) -> usize {
        self.docs.len()
    }

    pub(super) fn doc(&self, slot: u32) -> &Doc {
        self.docs[slot as usize].as_ref().expect("a live slot")
    }

    pub(super) fn slot_of(&self, id: &CaseId) -> Option<u32> {
        self.slots.get(id).copied()
    }

    /// Every live slot, in the order of its case id's hash, the canonical order for every
    /// tie-break: the same whatever order cases were added in, and integers to sort instead
    /// of ids that often share long prefixes.
    pub(super) fn slots_in_hash_order(&self) -> Vec<u32> {
        // As one integer, hash and slot: it sorts several times faster than a tuple.
        let mut order: Vec<u128> =
            self.slots.iter().map(|(id, &slot)| u128::from(hash_of(id)) << 64 | u128::from(slot)).collect();
        order.sort_unstable();
        let mut slots: Vec<u32> = order.iter().map(|&order| order as u32).collect();
        // Ids of one hash (possible, if never seen) go by id, so the order is never the slots'.
        let mut at = 0;
        for run in order.chunk_by(|a, b| a >> 64 == b >> 64) {
            if run.len() > 1 {
                sort::sort_by_key(&mut slots[at..at + run.len()], |&slot| &self.doc(slot).id);
            }
            at += run.len();
        }
        slots
    }

    pub(super) fn term_text(&self, term: u32) -> &str {
        self.vocabulary.text(term)
    }

    pub(super) fn term_kind(&self, term: u32) -> Kind {
        self.vocabulary.kind(term)
    }

    pub(super) fn term_key(&self, term: u32) -> u64 {
        self.vocabulary.key(term)
    }

    /// The cases holding a term (by slot) with its sublinear term frequency, in no set order.
    pub(super) fn postings(&self, term: u32) -> &[Posting] {
        &self.postings[term as usize]
    }

    pub(super) fn df(&self, term: u32) -> usize {
        self.postings[term as usize].len()
    }

    /// Inverse document frequency of every term, for a grouping run.
    pub(super) fn idf_table(&self) -> Vec<f32> {
        self.postings.iter().map(|postings| idf(self.len(), postings.len())).collect()
    }

    /// Adds `weight × idf × tf` for each posting of the query's terms, rarest term first,
    /// until about `budget` postings have been read. Whole terms only, so the result does not
    /// depend on the order inside a posting list.
    fn gather(
        &self,
        query: &[QueryTerm],
        budget: usize,
        idf: impl Fn(&QueryTerm) -> f32,
        acc: &mut Accumulator,
    ) {
        let mut read = 0;
        for (at, term) in query.iter().enumerate() {
            read += term.df;
            // The rarest term is read even over budget (within reason), or a burst of reports
            // made only of words as common as the burst itself would find no neighbours.
            let limit = if at == 0 { budget * 10 } else { budget };
            if read > limit {
                break;
            }
            let factor = term.weight * idf(term);
            for posting in &self.postings[term.term as usize] {
                let score = &mut acc.scores[posting.doc as usize];
                if *score == 0.0 {
                    acc.touched.push(posting.doc);
                }
                *score += factor * posting.tf;
            }
        }
    }

    /// The `k` indexed cases most similar to a new case being typed, best first.
    pub fn similar_to_text(&self, title: &str, description: &str, k: usize) -> Vec<SimilarCase> {
        self.similar(title, description, k, false, |_| false)
    }

    /// The `k` cases most similar to `case`, leaving out the case itself and the cases marked
    /// as not its duplicates.
    pub fn similar_to_case(&self, case: &Case, k: usize, not_duplicates: &NotDuplicates) -> Vec<SimilarCase> {
        self.similar(&case.title, &case.description, k, self.contains(&case.id), |other| {
            other == &case.id || not_duplicates.contains(&case.id, other)
        })
    }

    /// A word typed slightly wrong ("pasword") becomes the word of the indexed cases one
    /// letter away, the most common if several are, so a typo in a new case still finds the
    /// cases that spell it right; the matched words then show the right spelling, which is
    /// what the other case says. Only words no indexed case has, of five letters or more
    /// (shorter ones are too often other words), and only while typing: indexed cases are
    /// compared as written. Each look-up reads the whole vocabulary, so only title words
    /// (what is typed first, and says what is wrong) are looked up, at most [`TYPO_LOOKUPS`].
    fn correct_typos(&self, words: &mut Vec<Analysed>) {
        let (mut at, mut lookups) = (0, 0);
        while at < words.len() {
            let word = &words[at];
            let unknown = self.vocabulary.get(&word.term).is_none_or(|term| self.df(term) == 0);
            let candidate = unknown
                && word.kind == Kind::Word
                && word.count >= TITLE_WEIGHT
                && word.term.len() >= 5
                && word.term.is_ascii()
                && lookups < TYPO_LOOKUPS;
            lookups += usize::from(candidate);
            let found = candidate
                .then(|| self.vocabulary.one_letter_away(&word.term, |term| self.df(term)))
                .flatten();
            match found.map(|term| self.vocabulary.text(term).to_string()) {
                Some(right) => match words.iter().position(|other| other.term == right) {
                    Some(known) => {
                        words[known].count += words[at].count;
                        words.remove(at);
                    }
                    None => {
                        words[at].surface = right.clone();
                        words[at].term = right;
                        at += 1;
                    }
                },
                None => at += 1,
            }
        }
    }

    /// `indexed` says whether the query text is itself counted in the document frequencies;
    /// when it is not, it is counted here as if added, so a case typed now shows the same
    /// similarity as after it is saved.
    fn similar(
        &self,
        title: &str,
        description: &str,
        k: usize,
        indexed: bool,
        skip: impl Fn(&CaseId) -> bool,
    ) -> Vec<SimilarCase> {
        let extra = usize::from(!indexed);
        let docs = self.len() + extra;
        let mut words = analyse(&self.glossary, title, description);
        self.correct_typos(&mut words);
        let mut query_norm = 0.0;
        let mut query: Vec<QueryTerm> = Vec::new();
        let mut surfaces: FastMap<u32, &Analysed> = FastMap::default();
        for word in &words {
            let term = self.vocabulary.get(&word.term);
            let df = term.map_or(0, |term| self.df(term)) + extra;
            let weight = tf_weight(word.count) * kind_weight(word.kind) * idf(docs, df);
            query_norm += weight * weight;
            if let Some(term) = term {
                query.push(QueryTerm { term, weight, df, key: self.vocabulary.key(term) });
                surfaces.insert(term, word);
            }
        }
        if query.is_empty() {
            return Vec::new();
        }
        let query_norm = query_norm.sqrt();
        let term_idf = |term: u32| {
            let bonus = usize::from(surfaces.contains_key(&term)) * extra;
            idf(docs, self.df(term) + bonus)
        };

        query.sort_unstable_by_key(|term| (term.df, term.key, term.term));
        let mut acc = Accumulator::new(self.slot_count());
        self.gather(&query, SIMILAR_BUDGET, |term| idf(docs, term.df), &mut acc);
        let candidates = best(
            acc.touched
                .iter()
                .filter(|&&slot| !skip(&self.doc(slot).id))
                .map(|&slot| (acc.score(slot), slot)),
            SIMILAR_RESCORE,
            |&a, &b| self.doc(a).id.cmp(&self.doc(b).id),
        );

        query.sort_unstable_by_key(|term| (term.key, term.term));
        let query_entries: Vec<Entry> =
            query.iter().map(|term| Entry { key: term.key, term: term.term, value: term.weight }).collect();
        let results = candidates.into_iter().map(|(_, slot)| {
            let doc = self.doc(slot);
            let doc_norm: f32 =
                doc.entries.iter().map(|e| (e.value * term_idf(e.term)).powi(2)).sum::<f32>().sqrt();
            let scale = 1.0 / (doc_norm * query_norm);
            let mut matched: Vec<(f32, &Entry)> = shared(&query_entries, &doc.entries)
                .map(|(q, d)| (q.value * d.value * term_idf(d.term) * scale, d))
                .collect();
            let similarity = matched.iter().map(|(contribution, _)| contribution).sum::<f32>().min(1.0);
            matched.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.order().cmp(&b.1.order())));
            let (matched, glossary) =
                explain(&self.glossary, matched.iter().map(|(_, entry)| surfaces[&entry.term]));
            (similarity, SimilarCase { id: doc.id.clone(), similarity, matched, glossary })
        });
        best(results, k, |a, b| a.id.cmp(&b.id)).into_iter().map(|(_, found)| found).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::is_machine_text;

    #[test]
    fn stack_frames_log_lines_and_dumps_are_machine_text() {
        for line in [
            "    at org.apache.hadoop.ipc.Client.call(Client.java:1476)",
            "2024-05-11 09:12:01,233 WARN DataNode: slow block receiver",
            "0x7f3a 0x0001 0x00ff 12:34:56 #445/66 [] {} 1.2.3.4",
        ] {
            assert!(is_machine_text(line), "{line}");
        }
        for line in [
            "Checkout fails at the last step (card declined)",
            "결제 단계에서 오류가 납니다",
            "at least 3 customers",
        ] {
            assert!(!is_machine_text(line), "{line}");
        }
    }
}
