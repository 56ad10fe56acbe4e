//! Which risk keywords and distress cues a case's title and description contain, with byte
//! ranges for highlighting.
//!
//! Scanning text is the slow part of triage, so it happens once per case and again only when
//! the case text or the keyword lists change; the result (`TextSignals`) feeds the cheap score.
//!
//! Matching rules, decided by the keyword's own script rather than by the list it is in:
//! - Text and keywords are folded alike: NFKC (full-width letters and punctuation become
//!   ASCII), lower case, curly apostrophes straightened; a space in a keyword matches any
//!   run of whitespace, so "Can’t  Log\nIn" matches "can't log in".
//! - Latin keywords match whole words: "down" does not match "download".
//! - Hangul keywords must start a word but may run on: Korean attaches particles and writes
//!   compounds without spaces, so 결제 should match 결제가, 결제를 and 결제오류. A one-syllable
//!   keyword must stand alone, because as a prefix it matches too much (또 would hit 또는 "or").
//! - Han (and kana) keywords match anywhere: Chinese has no spaces between words.
//! - A keyword ending in * matches any ending: crash* matches crashed and crashing.
//!
//! A "word" here is a run of one script, so a Latin keyword matches next to Han or Hangul
//! ("App當機" contains "app") and digits belong with Latin letters.

use super::rules::{KeywordKind, Language, ListId, TriageRules};
use crate::domain::case::Case;
use crate::domain::sort;
use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    /// Letters and digits of space-separated scripts: Latin, Greek, Cyrillic...
    Alphabetic,
    Hangul,
    /// Han and kana: written without spaces.
    Cjk,
    /// Spaces and punctuation.
    None,
}

// The two helpers below run for every character; the release profile optimises for size and
// would otherwise leave them as calls, which made analysis markedly slower.
#[inline(always)]
fn script_of(c: char) -> Script {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => Script::Alphabetic,
        _ if c.is_ascii() => Script::None,
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => Script::Hangul,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' => Script::Cjk,
        _ if c.is_alphanumeric() => Script::Alphabetic,
        _ => Script::None,
    }
}

/// The character starting at byte `at` and its length, without decoding ASCII.
#[inline(always)]
fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        byte if byte.is_ascii() => (char::from(byte), 1),
        _ => {
            let c = text[at..].chars().next().expect("at is a character boundary");
            (c, c.len_utf8())
        }
    }
}

thread_local! {
    static FOLDED: std::cell::RefCell<Folded> = std::cell::RefCell::new(Folded::default());
}

/// Folded text plus, for each of its bytes, the original byte it came from (or the start of
/// the original character, where folding changed it), so matches can be reported in the
/// original's byte offsets. ASCII text (the common case) needs no map: offsets are the same.
#[derive(Default)]
struct Folded {
    text: String,
    origin: Vec<u32>,
}

impl Folded {
    fn fill(&mut self, source: &str) {
        self.text.clear();
        self.origin.clear();
        self.text.reserve(source.len());
        if !source.is_ascii() {
            self.origin.reserve(source.len());
            // Characters that fold to themselves are copied in runs; only the rest are folded
            // one by one.
            let mut copied = 0;
            let mut next = 0;
            while next < source.len() {
                let at = next;
                let (c, width) = char_at(source, at);
                next += width;
                let unchanged = c.is_ascii()
                    || (matches!(script_of(c), Script::Hangul | Script::Cjk)
                        && !('\u{F900}'..='\u{FAFF}').contains(&c));
                if unchanged {
                    continue;
                }
                self.copy(source, copied..at);
                copied = next;
                if c.is_whitespace() {
                    // So that a space in a keyword matches it.
                    self.text.push(' ');
                } else if matches!(c, '\u{2018}' | '\u{2019}') {
                    self.text.push('\'');
                } else {
                    crate::nfkc::for_each_nfkc(c, |normal| self.text.extend(normal.to_lowercase()));
                }
                self.origin.resize(self.text.len(), at as u32);
            }
            self.copy(source, copied..source.len());
        } else {
            self.text.push_str(source);
        }
        // Folding produced only lower case, so this lowers just the copied ASCII.
        self.text.make_ascii_lowercase();
    }

    fn copy(&mut self, source: &str, range: Range<usize>) {
        self.text.push_str(&source[range.clone()]);
        self.origin.extend(range.start as u32..range.end as u32);
    }

    fn original(&self, folded: Range<usize>, source: &str) -> Range<usize> {
        if self.origin.is_empty() {
            return folded;
        }
        let start = self.origin[folded.start] as usize;
        let mut end = self.origin[folded.end - 1] as usize + 1;
        while !source.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

/// The length of the text that `pattern` matches at the start of `text`; a space in the
/// pattern matches any run of whitespace, so phrases match across double spaces and line breaks.
fn match_len(text: &[u8], pattern: &[u8]) -> Option<usize> {
    let mut matched = 0;
    for &expected in pattern {
        if expected == b' ' {
            let run = text[matched..].iter().take_while(|byte| byte.is_ascii_whitespace()).count();
            if run == 0 {
                return None;
            }
            matched += run;
        } else if text.get(matched) == Some(&expected) {
            matched += 1;
        } else {
            return None;
        }
    }
    Some(matched)
}

/// A keyword as it is compared: folded, with a trailing * turned into a flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FoldedKeyword {
    pub text: String,
    pub any_ending: bool,
}

pub(super) fn fold_keyword(raw: &str) -> FoldedKeyword {
    let trimmed = raw.trim();
    let stem = trimmed.trim_end_matches('*');
    let mut folded = Folded::default();
    folded.fill(stem);
    let text = folded.text.split_whitespace().collect::<Vec<_>>().join(" ");
    FoldedKeyword { text, any_ending: stem.len() < trimmed.len() }
}

struct Pattern {
    text: String,
    list: ListId,
    index: usize,
    keyword: Arc<str>,
    /// The previous character may not be of this script (the keyword must start a word).
    left: Option<Script>,
    /// The next character may not be of this script (the keyword must end a word).
    right: Option<Script>,
    /// A * keyword's hit runs on to the end of the word, so the whole word is highlighted.
    run_on: Option<Script>,
    /// The second byte the text must have, checked before the whole pattern (most
    /// candidates fail there); None when it is a space, which matches any whitespace.
    second: Option<u8>,
}

/// The keyword lists prepared for scanning; build once per change of the rules.
pub struct CompiledRules {
    /// Sorted by first character so candidates for a position are one contiguous slice.
    patterns: Vec<Pattern>,
    /// For ASCII first characters: the slice of `patterns`, found without a search.
    ascii: [(u32, u32); 128],
    /// For other first characters, sorted by character.
    other: Vec<(char, u32, u32)>,
}

impl CompiledRules {
    /// Empty, duplicate and oversized entries (which `validate` reports) are skipped.
    pub fn new(rules: &TriageRules) -> CompiledRules {
        let mut patterns: Vec<Pattern> = Vec::new();
        for kind in [KeywordKind::Risk, KeywordKind::Distress] {
            let mut seen: Vec<FoldedKeyword> = Vec::new();
            for language in Language::ALL {
                let list = ListId { kind, language };
                for (index, raw) in rules.keywords(kind).get(language).iter().enumerate() {
                    let keyword = fold_keyword(raw);
                    if keyword.text.is_empty()
                        || raw.trim().chars().count() > super::rules::MAX_KEYWORD_CHARS
                        || seen.contains(&keyword)
                    {
                        continue;
                    }
                    patterns.push(Pattern::new(&keyword, raw.trim(), list, index));
                    seen.push(keyword);
                }
            }
        }
        sort::sort_by_key(&mut patterns, |pattern| pattern.first());
        let mut ascii = [(0u32, 0u32); 128];
        let mut other: Vec<(char, u32, u32)> = Vec::new();
        let mut start = 0;
        while start < patterns.len() {
            let first = patterns[start].first();
            let end = start + patterns[start..].iter().take_while(|p| p.first() == first).count();
            let slice = (start as u32, end as u32);
            if first.is_ascii() {
                ascii[first as usize] = slice;
            } else {
                other.push((first, slice.0, slice.1));
            }
            start = end;
        }
        CompiledRules { patterns, ascii, other }
    }

    fn candidates(&self, c: char) -> &[Pattern] {
        let (start, end) = if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            match self.other.binary_search_by_key(&c, |&(first, _, _)| first) {
                Ok(found) => (self.other[found].1, self.other[found].2),
                Err(_) => return &[],
            }
        };
        &self.patterns[start as usize..end as usize]
    }

    fn scan(&self, field: TextField, source: &str, folded: &mut Folded, out: &mut Vec<TextMatch>) {
        folded.fill(source);
        let text = folded.text.as_str();
        let mut found = |range: Range<usize>, cue: Cue| {
            out.push(TextMatch { field, range: folded.original(range, source), cue });
        };
        let mut previous = Script::None;
        let mut bangs_from: Option<usize> = None;
        let mut next = 0;
        while next < text.len() {
            let at = next;
            let (c, width) = char_at(text, at);
            next += width;
            let script = script_of(c);
            match (c == '!', bangs_from) {
                (true, None) => bangs_from = Some(at),
                (false, Some(from)) => {
                    if at - from >= 3 {
                        found(from..at, Cue::Exclamations);
                    }
                    bangs_from = None;
                }
                _ => {}
            }
            // Inside a Latin or Hangul word no keyword can start; inside Han text any can.
            if script == previous && matches!(script, Script::Alphabetic | Script::Hangul) {
                continue;
            }
            let before = std::mem::replace(&mut previous, script);
            let script_at = |at: usize| (at < text.len()).then(|| script_of(char_at(text, at).0));
            let next_byte = text.as_bytes().get(at + 1).copied();
            for pattern in self.candidates(c) {
                if pattern.left == Some(before)
                    || pattern.second.is_some_and(|second| Some(second) != next_byte)
                {
                    continue;
                }
                let Some(mut end) =
                    match_len(&text.as_bytes()[at..], pattern.text.as_bytes()).map(|len| at + len)
                else {
                    continue;
                };
                if pattern.right.is_some_and(|script| script_at(end) == Some(script)) {
                    continue;
                }
                if let Some(script) = pattern.run_on {
                    while script_at(end) == Some(script) {
                        end += char_at(text, end).1;
                    }
                }
                let keyword = Arc::clone(&pattern.keyword);
                found(at..end, Cue::Keyword { list: pattern.list, index: pattern.index, keyword });
            }
            // The rest of an ASCII word can start no keyword: skip it at once.
            if script == Script::Alphabetic {
                next +=
                    text.as_bytes()[next..].iter().take_while(|byte| byte.is_ascii_alphanumeric()).count();
            }
        }
        if let Some(from) = bangs_from.filter(|&from| text.len() - from >= 3) {
            found(from..text.len(), Cue::Exclamations);
        }
    }
}

impl Pattern {
    fn new(keyword: &FoldedKeyword, written: &str, list: ListId, index: usize) -> Pattern {
        let text = keyword.text.clone();
        let edge =
            |c: Option<char>| c.map(script_of).filter(|s| matches!(s, Script::Alphabetic | Script::Hangul));
        let hangul_syllables = text.chars().filter(|&c| script_of(c) == Script::Hangul).count();
        let left = edge(text.chars().next());
        let last = edge(text.chars().next_back());
        // Two or more Hangul syllables: a word-start match that may run on (see the module doc).
        let hangul_prefix = last == Some(Script::Hangul) && hangul_syllables >= 2;
        let right = last.filter(|_| !keyword.any_ending && !hangul_prefix);
        let run_on = last.filter(|_| keyword.any_ending);
        let second = text.as_bytes().get(1).copied().filter(|&byte| byte != b' ');
        Pattern { text, list, index, keyword: written.into(), left, right, run_on, second }
    }

    fn first(&self) -> char {
        self.text.chars().next().expect("empty keywords are never compiled")
    }
}

/// How shouting reads a character: a letter of an alphabetic script (upper case or not),
/// Hangul or Han (which end a run), or anything else.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LetterClass {
    Upper,
    Lower,
    Break,
    Other,
}

/// The class of the character at byte `at`, and its length; ASCII (most text) is read
/// byte by byte, which made shouting a third of analysing a case.
#[inline(always)]
fn letter_class(text: &str, at: usize) -> (LetterClass, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        let class = match byte {
            b'A'..=b'Z' => LetterClass::Upper,
            b'a'..=b'z' => LetterClass::Lower,
            _ => LetterClass::Other,
        };
        return (class, 1);
    }
    let (c, width) = char_at(text, at);
    let class = match script_of(c) {
        Script::Hangul | Script::Cjk => LetterClass::Break,
        Script::Alphabetic if c.is_alphabetic() && c.is_uppercase() => LetterClass::Upper,
        Script::Alphabetic if c.is_alphabetic() => LetterClass::Lower,
        _ => LetterClass::Other,
    };
    (class, width)
}

/// Words that run together in capitals read as shouting: three or more capitalised words, or
/// a dozen capital letters. Words shorter than two letters ("I", "A") neither count nor break
/// a run, and mixed-case or short acronyms alone (iOS, API) are not shouting.
fn find_shouting(field: TextField, source: &str, out: &mut Vec<TextMatch>) {
    const MIN_WORDS: usize = 3;
    const MIN_LETTERS: usize = 12;
    struct Run {
        range: Range<usize>,
        words: usize,
        letters: usize,
    }
    let mut run: Option<Run> = None;
    let mut close = |run: &mut Option<Run>| {
        if let Some(done) = run.take().filter(|r| r.words >= MIN_WORDS || r.letters >= MIN_LETTERS) {
            out.push(TextMatch { field, range: done.range, cue: Cue::Shouting });
        }
    };
    let mut next = 0;
    while next < source.len() {
        let start = next;
        let (class, width) = letter_class(source, start);
        next += width;
        match class {
            LetterClass::Break => {
                close(&mut run);
                continue;
            }
            LetterClass::Other => continue,
            LetterClass::Upper | LetterClass::Lower => {}
        }
        let (mut letters, mut all_caps) = (1, class == LetterClass::Upper);
        while next < source.len() {
            let (class, width) = letter_class(source, next);
            if !matches!(class, LetterClass::Upper | LetterClass::Lower) {
                break;
            }
            next += width;
            letters += 1;
            all_caps &= class == LetterClass::Upper;
        }
        let end = next;
        match (all_caps, letters >= 2, run.as_mut()) {
            (false, _, _) => close(&mut run),
            (true, false, _) => {}
            (true, true, Some(current)) => {
                current.range.end = end;
                current.words += 1;
                current.letters += letters;
            }
            (true, true, None) => run = Some(Run { range: start..end, words: 1, letters }),
        }
    }
    close(&mut run);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextField {
    Title,
    Description,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// An entry of a keyword list, as the user wrote it; `index` is its place in that list.
    Keyword { list: ListId, index: usize, keyword: Arc<str> },
    /// Three or more exclamation marks in a row.
    Exclamations,
    /// A run of capitalised words.
    Shouting,
}

impl Cue {
    pub fn kind(&self) -> KeywordKind {
        match self {
            Cue::Keyword { list, .. } => list.kind,
            Cue::Exclamations | Cue::Shouting => KeywordKind::Distress,
        }
    }
}

/// One highlightable hit: `range` is a byte range of the case's title or description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMatch {
    pub field: TextField,
    pub range: Range<usize>,
    pub cue: Cue,
}

/// What a case's text says, for scoring and highlighting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSignals {
    /// Every hit, in text order (title first).
    pub matches: Vec<TextMatch>,
    /// Distinct risk keywords found.
    pub risk_keywords: u8,
    /// Distinct distress cues found (each distress word, !!!, and shouting count once).
    pub distress_cues: u8,
    /// Steps the risk keywords raise the case's urgency by.
    pub urgency_boost: u8,
}

impl TextSignals {
    pub fn analyze(case: &Case, rules: &CompiledRules) -> TextSignals {
        let mut matches = Vec::new();
        // One folding buffer for every case analysed: allocating it per case was a fifth of
        // analysing 50,000 cases.
        FOLDED.with_borrow_mut(|folded| {
            for (field, text) in
                [(TextField::Title, &case.title), (TextField::Description, &case.description)]
            {
                rules.scan(field, text, folded, &mut matches);
                find_shouting(field, text, &mut matches);
            }
        });
        // "PayPal still goes through" is no distress: "still" counts only before a negative.
        matches.retain(|m| {
            let text = match m.field {
                TextField::Title => &case.title,
                TextField::Description => &case.description,
            };
            !needs_negative(&m.cue) || negative_follows(text, m.range.end)
        });
        sort::sort_by_key(&mut matches, |m| (m.field, m.range.start, m.range.end));
        let distinct = |kind: KeywordKind| {
            let mut cues: Vec<&Cue> =
                matches.iter().map(|m| &m.cue).filter(|cue| cue.kind() == kind).collect();
            sort::sort(&mut cues);
            cues.dedup();
            u8::try_from(cues.len()).unwrap_or(u8::MAX)
        };
        let risk_keywords = distinct(KeywordKind::Risk);
        TextSignals {
            risk_keywords,
            distress_cues: distinct(KeywordKind::Distress),
            // One step, however many keywords: a keyword says "this could be serious", and the
            // reporter's own urgency stays the main input.
            urgency_boost: u8::from(risk_keywords > 0),
            matches,
        }
    }
}

/// Distress words that say nothing on their own ("PayPal still goes through") and count only
/// with a negative close after them ("still not", "still failing", "아직 안 돼요", "仍然無法").
const NEEDS_NEGATIVE: [&str; 7] = ["still", "아직", "여전히", "仍然", "依然", "還是", "还是"];

/// Whole English words that make a "still" distress: negations and failures.
const NEGATIVE_WORDS: [&str; 30] = [
    "not",
    "no",
    "never",
    "cannot",
    "cant",
    "unable",
    "nothing",
    "none",
    "fail",
    "fails",
    "failed",
    "failing",
    "broken",
    "broke",
    "down",
    "error",
    "errors",
    "stuck",
    "missing",
    "wrong",
    "crashing",
    "crashes",
    "crashed",
    "blocked",
    "waiting",
    "unresolved",
    "declined",
    "declining",
    "impossible",
    "outage",
];

/// Korean and Chinese negations and failures, matched anywhere (they attach to other words).
const NEGATIVE_PARTS: [&str; 24] = [
    "안 ", "안돼", "안되", "안됨", "안됩", "않", "못", "없", "실패", "오류", "에러", "먹통", "불가", "不",
    "沒", "没", "無", "无", "未", "失敗", "失败", "錯誤", "错误", "故障",
];

/// How far after "still" a negative may come: a few words, never past the sentence.
const NEGATIVE_WINDOW_BYTES: usize = 40;

fn needs_negative(cue: &Cue) -> bool {
    match cue {
        Cue::Keyword { list, keyword, .. } => {
            list.kind == KeywordKind::Distress
                && NEEDS_NEGATIVE.iter().any(|word| keyword.eq_ignore_ascii_case(word))
        }
        Cue::Exclamations | Cue::Shouting => false,
    }
}

/// Whether a negative ("not", "n't", "failing", "down", 안, 못, 無法, 不…) comes within a few
/// words after byte `from` of `text`, in the same sentence.
fn negative_follows(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or_default();
    let mut end = rest.len().min(NEGATIVE_WINDOW_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let sentence = rest[..end].split(['.', '!', '?', '\n', '。', '！', '？', ';']).next().unwrap_or_default();
    let window = sentence.to_lowercase().replace('\u{2019}', "'");
    let english = window
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .any(|word| word.ends_with("n't") || NEGATIVE_WORDS.contains(&word));
    english || NEGATIVE_PARTS.iter().any(|part| window.contains(part))
}
