//! Turns case text into index terms, by script: words for Latin and Hangul, overlapping
//! character bigrams for Han and Kana (which are written without spaces). Identifiers (error
//! codes, order numbers, versions, URLs) are also kept whole, and words of the support
//! glossary also yield their concept, the same for all three languages.

use super::glossary::{glossary, Glossary};
use std::borrow::Cow;
use std::ops::ControlFlow;

/// What a token is, for weighting and for telling the user how a match came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word or a Korean stem, as written.
    Word,
    /// Two Han or kana characters in a row (or one standing alone): most are not words.
    Bigram,
    /// Letters and digits joined by `-`, `.`, `/`, `:`, `#` or `@` with a digit among them
    /// ("PAY-502", "5.2.0", "A-88123"), or a URL: the same whatever language is around it.
    Identifier,
    /// A support glossary concept ("≈payment") of the word given as surface.
    Concept,
}

/// One index term and the text it came from, for showing matched words to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Normalised form used for matching: NFKC, lower case, light stemming.
    pub term: String,
    /// The word as written (after NFKC), so "Checkout" shows as typed.
    pub surface: String,
    pub kind: Kind,
}

/// Splits `text` into tokens with the built-in glossary; see [`for_each_token`].
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, glossary(), &mut |term: &str, surface: &str, kind| {
        tokens.push(Token { term: term.to_string(), surface: surface.to_string(), kind });
        ControlFlow::Continue(())
    });
    tokens
}

/// Where [`for_each_token`] puts tokens, until a token breaks. A desk repeats the same words
/// across thousands of cases, so an index may remember what a word as written gave and replay
/// it instead of reading the word again; a closure just takes the tokens.
pub trait Sink {
    fn token(&mut self, term: &str, surface: &str, kind: Kind) -> ControlFlow<()>;

    /// Before a word (a Latin word, a Hangul word or a Han run, whose tokens depend on nothing
    /// around it) is read: `Some` if the sink gave its tokens itself.
    fn replay(&mut self, _word: &str) -> Option<ControlFlow<()>> {
        None
    }

    /// After a word `replay` did not know: its tokens were all given (`whole`) or a token broke.
    fn read(&mut self, _word: &str, _whole: bool) {}
}

impl<F: FnMut(&str, &str, Kind) -> ControlFlow<()>> Sink for F {
    fn token(&mut self, term: &str, surface: &str, kind: Kind) -> ControlFlow<()> {
        self(term, surface, kind)
    }
}

/// Gives every token of `text` to `sink` until it breaks, without allocating per token;
/// words of `glossary` also yield their concept.
pub fn for_each_token(text: &str, glossary: &Glossary, sink: &mut impl Sink) {
    // Most text is ASCII, which NFKC leaves as it is and whose bytes are its characters:
    // both checks per character are skipped for it, and they were a tenth of indexing.
    if text.is_ascii() {
        runs(text, text.bytes().map(char::from).enumerate(), glossary, sink);
    } else {
        let normalised: Cow<str> = crate::nfkc::nfkc(text);
        runs(&normalised, normalised.char_indices(), glossary, sink);
    }
}

/// Splits `text`, given as its characters with their byte offsets, into same-script runs.
fn runs(text: &str, chars: impl Iterator<Item = (usize, char)>, glossary: &Glossary, sink: &mut impl Sink) {
    let mut state =
        Runs { glossary, term: String::new(), chunk: None, joined: false, verb: None, spaced: false };
    let (mut start, mut current) = (0, Script::Separator);
    for (at, c) in chars {
        let script = script(c);
        if script != current {
            if state.run(text, start..at, current, sink).is_break() {
                return;
            }
            (start, current) = (at, script);
        }
    }
    if state.run(text, start..text.len(), current, sink).is_continue() {
        let _ = state.end_chunk(text, sink);
    }
}

/// Reads `word` with `read` unless `sink` replays it, and tells the sink how the reading went.
fn remembered<S: Sink>(
    sink: &mut S,
    word: &str,
    read: impl FnOnce(&mut S) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if let Some(flow) = sink.replay(word) {
        return flow;
    }
    let flow = read(sink);
    sink.read(word, flow.is_continue());
    flow
}

/// Whether a separator joins the parts of an identifier ("PAY-502", "5.2.0", "a.b@c.com");
/// a match rather than a list, as it runs after nearly every word.
fn is_joiner(run: &str) -> bool {
    matches!(run.as_bytes(), [b'-' | b'.' | b'/' | b':' | b'#' | b'@'] | b"://")
}
/// Longer joined runs are paths into logs or tokens, not something two customers share.
const MAX_IDENTIFIER_BYTES: usize = 100;

/// What the runs read so far leave open: an identifier being joined, and the last word for
/// "log in" style verbs, which people also write as one word ("login").
struct Runs<'g> {
    glossary: &'g Glossary,
    term: String,
    /// The Latin runs joined so far: where they start and end, and how many.
    chunk: Option<(usize, usize, u32)>,
    /// Whether a joiner came right after the chunk, so a Latin run now extends it.
    joined: bool,
    /// The last Latin word if it can take a particle ("log", "sign"), and where it started.
    verb: Option<usize>,
    /// Whether only one space came after that word.
    spaced: bool,
}

impl Runs<'_> {
    fn run(
        &mut self,
        text: &str,
        span: std::ops::Range<usize>,
        script: Script,
        sink: &mut impl Sink,
    ) -> ControlFlow<()> {
        let run = &text[span.clone()];
        if script == Script::Separator {
            self.spaced = self.verb.is_some() && run == " ";
            if !self.spaced {
                self.verb = None;
            }
            self.joined = self.chunk.is_some_and(|(_, end, _)| end == span.start) && is_joiner(run);
            if !self.joined {
                self.end_chunk(text, sink)?;
            }
            return ControlFlow::Continue(());
        }
        match (script, self.chunk, self.joined) {
            (Script::Latin, Some((start, _, parts)), true) => self.chunk = Some((start, span.end, parts + 1)),
            (Script::Latin, _, _) => {
                self.end_chunk(text, sink)?;
                self.chunk = Some((span.start, span.end, 1));
            }
            _ => self.end_chunk(text, sink)?,
        }
        self.joined = false;
        let verb = std::mem::take(&mut self.verb).filter(|_| self.spaced);
        match script {
            Script::Separator => ControlFlow::Continue(()),
            Script::Latin => {
                if let Some(from) = verb {
                    if run.len() <= 3 && PARTICLES.iter().any(|p| run.eq_ignore_ascii_case(p)) {
                        let mut joined = text[from..span.start - 1].to_ascii_lowercase();
                        joined.push_str(&run.to_ascii_lowercase());
                        return word(self.glossary, &joined, &text[from..span.end], sink);
                    }
                }
                // The first letter first, lower-cased by its bit: most words start otherwise.
                let first = run.as_bytes()[0] | 0x20;
                if run.len() >= 3
                    && run.len() <= 5
                    && VERBS.iter().any(|v| v.as_bytes()[0] == first && run.eq_ignore_ascii_case(v))
                {
                    self.verb = Some(span.start);
                }
                let (glossary, term) = (self.glossary, &mut self.term);
                remembered(sink, run, |sink| latin(glossary, run, term, sink))
            }
            Script::Hangul => remembered(sink, run, |sink| {
                let stem = strip_korean_ending(run);
                if KOREAN_STOP_WORDS.binary_search(&stem).is_ok() {
                    ControlFlow::Continue(())
                } else {
                    sink.token(stem, stem, Kind::Word)?;
                    concepts(self.glossary, run, stem, sink)
                }
            }),
            Script::Cjk => remembered(sink, run, |sink| {
                cjk_bigrams(run, sink)?;
                concepts(self.glossary, run, run, sink)
            }),
        }
    }

    /// Emits the identifier being joined, if it is one.
    fn end_chunk(&mut self, text: &str, sink: &mut impl Sink) -> ControlFlow<()> {
        // Called after nearly every run, which is most often a lone word: decided before
        // the slice is taken.
        let Some((start, end, parts)) = self.chunk.take() else { return ControlFlow::Continue(()) };
        if parts < 2 || end - start > MAX_IDENTIFIER_BYTES {
            return ControlFlow::Continue(());
        }
        let surface = &text[start..end];
        self.term.clear();
        self.term.extend(surface.chars().flat_map(char::to_lowercase));
        // Looked for only here, not in every word: joined runs are few.
        let digit = surface.bytes().any(|b| b.is_ascii_digit());
        let url = self.term.contains("://") || self.term.starts_with("www.");
        if digit || url {
            sink.token(&self.term, surface, Kind::Identifier)
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// English verbs written apart from or together with their particle: "log in" is "login".
const VERBS: &[&str] = &["log", "sign", "check"];
const PARTICLES: &[&str] = &["in", "on", "out", "up"];

/// Emits a normalised Latin word and its glossary concept, if any.
fn word(glossary: &Glossary, term: &str, surface: &str, sink: &mut impl Sink) -> ControlFlow<()> {
    sink.token(term, surface, Kind::Word)?;
    match glossary.latin(term) {
        Some(concept) => sink.token(glossary.concept_term(concept), surface, Kind::Concept),
        None => ControlFlow::Continue(()),
    }
}

/// Emits the glossary concepts found in a Hangul word or a Han run (`stem` is the word
/// without its ending, for one-syllable forms).
fn concepts(glossary: &Glossary, run: &str, stem: &str, sink: &mut impl Sink) -> ControlFlow<()> {
    if let Some(concept) = glossary.single(stem) {
        return sink.token(glossary.concept_term(concept), stem, Kind::Concept);
    }
    let mut flow = ControlFlow::Continue(());
    glossary.scan(run, |concept, form| {
        if flow.is_continue() {
            flow = sink.token(glossary.concept_term(concept), form, Kind::Concept);
        }
    });
    flow
}

/// Latin words longer than this are hashes, tokens or base64: never shared, only costly.
const MAX_WORD_CHARS: usize = 40;

fn latin(glossary: &Glossary, run: &str, term: &mut String, sink: &mut impl Sink) -> ControlFlow<()> {
    // Most words are written in lower case and are not plurals: they are their own term,
    // used as they are instead of copied and lower-cased (a fifth of indexing).
    let bytes = run.as_bytes();
    if bytes.len() >= 2
        && bytes.len() <= MAX_WORD_CHARS
        && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && bytes[bytes.len() - 1] != b's'
    {
        if is_english_stop_word(run) {
            return ControlFlow::Continue(());
        }
        return word(glossary, run, run, sink);
    }
    let ascii = run.is_ascii();
    let chars = if ascii { run.len() } else { run.chars().count() };
    if !(2..=MAX_WORD_CHARS).contains(&chars) {
        return ControlFlow::Continue(());
    }
    term.clear();
    if ascii {
        term.push_str(run);
        term.make_ascii_lowercase();
    } else {
        term.extend(run.chars().flat_map(char::to_lowercase));
    }
    if is_english_stop_word(term) {
        return ControlFlow::Continue(());
    }
    strip_plural(term);
    word(glossary, term, run, sink)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Separator,
    Latin,
    Hangul,
    /// Han ideographs and Japanese kana.
    Cjk,
}

// Called for every character of every case: inlined into the loop over them.
#[inline(always)]
fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => Script::Latin,
        _ if c.is_ascii() => Script::Separator,
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => Script::Hangul,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' => Script::Cjk,
        _ if c.is_alphanumeric() => Script::Latin,
        _ => Script::Separator,
    }
}

/// "errors" and "error" should match; only the plural is stripped, as fuller stemming
/// ("archiving" to "archive") would need a real stemmer.
pub(super) fn strip_plural(word: &mut String) {
    let bytes = word.as_bytes();
    if bytes.len() <= 3 {
        return;
    }
    match bytes[bytes.len() - 3..] {
        [_, b's' | b'u' | b'i', b's'] => {}
        [b'i', b'e', b's'] => {
            word.truncate(word.len() - 3);
            word.push('y');
        }
        [_, _, b's'] => {
            word.pop();
        }
        _ => {}
    }
}

/// Whether a lower-case English word is too common to say anything about a problem.
pub fn is_english_stop_word(word: &str) -> bool {
    // Every token is checked: compare words packed into one integer, not byte strings.
    // Most words have a length no stop word of their first letter has, and stop there.
    let lengths = match word.as_bytes().first() {
        Some(&first @ b'a'..=b'z') => STOP_WORD_LENGTHS[usize::from(first - b'a')],
        _ => 0,
    };
    word.len() < 16
        && lengths >> word.len() & 1 == 1
        && PACKED_STOP_WORDS.binary_search(&pack(word.as_bytes())).is_ok()
}

/// Up to 16 bytes as a big-endian integer, zero-padded: packed words sort as the words do.
const fn pack(word: &[u8]) -> u128 {
    let bytes = if word.len() < 16 { word.len() } else { 16 };
    let (mut packed, mut at) = (0u128, 0);
    while at < bytes {
        packed = packed << 8 | word[at] as u128;
        at += 1;
    }
    // The empty word is zero; shifting by all 128 bits would overflow.
    if bytes == 0 {
        0
    } else {
        packed << (8 * (16 - bytes))
    }
}

/// Per first letter, bit `n` is set if a stop word of `n` bytes starts with it.
const STOP_WORD_LENGTHS: [u16; 26] = {
    let mut lengths = [0u16; 26];
    let mut at = 0;
    while at < ENGLISH_STOP_WORDS.len() {
        let word = ENGLISH_STOP_WORDS[at].as_bytes();
        assert!(word.len() < 16 && word[0].is_ascii_lowercase());
        lengths[(word[0] - b'a') as usize] |= 1 << word.len();
        at += 1;
    }
    lengths
};

const PACKED_STOP_WORDS: [u128; ENGLISH_STOP_WORDS.len()] = {
    let mut packed = [0u128; ENGLISH_STOP_WORDS.len()];
    let mut at = 0;
    while at < packed.len() {
        packed[at] = pack(ENGLISH_STOP_WORDS[at].as_bytes());
        at += 1;
    }
    packed
};

/// Han and kana runs become overlapping bigrams; a function character splits the run, and a
/// single character left alone is kept as a unigram.
fn cjk_bigrams(run: &str, sink: &mut impl Sink) -> ControlFlow<()> {
    for segment in run.split(is_chinese_stop_char) {
        let mut chars = segment.char_indices();
        if chars.next().is_none() {
            continue;
        }
        let mut start = 0;
        let mut lone = true;
        for (at, c) in chars {
            let bigram = &segment[start..at + c.len_utf8()];
            sink.token(bigram, bigram, Kind::Bigram)?;
            start = at;
            lone = false;
        }
        if lone {
            sink.token(segment, segment, Kind::Bigram)?;
        }
    }
    ControlFlow::Continue(())
}

/// Korean attaches particles and verb endings to the word ("오류가" = "오류" + subject marker),
/// so the same noun would never match without stripping them.
fn strip_korean_ending(word: &str) -> &str {
    // Hangul characters, endings included, are three bytes each in UTF-8; most endings
    // already differ in the last syllable, compared as one number before the whole ending.
    let bytes = word.as_bytes();
    if bytes.len() < 6 {
        return word;
    }
    let (chars, last) = (bytes.len() / 3, last_syllable(bytes));
    for (ending, &ending_last) in KOREAN_ENDINGS.iter().zip(&ENDING_LAST_SYLLABLES) {
        if ending_last != last {
            continue;
        }
        if let Some(stem) = word.strip_suffix(ending) {
            let ending_chars = ending.len() / 3;
            // A one-syllable particle on a one-syllable stem is more often part of the word ("사이").
            let min_stem = if ending_chars == 1 { 2 } else { 1 };
            if chars - ending_chars >= min_stem {
                return stem;
            }
        }
    }
    word
}

/// The last three bytes of a Hangul word as one number.
const fn last_syllable(bytes: &[u8]) -> u32 {
    let at = bytes.len() - 3;
    (bytes[at] as u32) << 16 | (bytes[at + 1] as u32) << 8 | bytes[at + 2] as u32
}

const ENDING_LAST_SYLLABLES: [u32; KOREAN_ENDINGS.len()] = {
    let mut last = [0; KOREAN_ENDINGS.len()];
    let mut at = 0;
    while at < last.len() {
        last[at] = last_syllable(KOREAN_ENDINGS[at].as_bytes());
        at += 1;
    }
    last
};

/// Longest first, so "에서" is stripped before "서" could be considered.
const KOREAN_ENDINGS: &[&str] = &[
    "되었습니다",
    "했습니다",
    "않습니다",
    "에서는",
    "에게서",
    "으로는",
    "합니다",
    "됩니다",
    "입니다",
    "했어요",
    "하는데",
    "했는데",
    "에서",
    "에게",
    "한테",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "해요",
    "돼요",
    "하면",
    "하는",
    "하고",
    "되는",
    "되지",
    "하지",
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "에",
    "와",
    "과",
    "도",
    "의",
    "만",
    "로",
];

/// Whole words that say nothing about the problem: particles standing alone, auxiliaries,
/// connectives and support-letter politeness. Sorted by bytes, for binary search.
const KOREAN_STOP_WORDS: &[&str] = &[
    "",
    "가",
    "감사합니다",
    "것",
    "계속",
    "과",
    "그",
    "그래서",
    "그런데",
    "그리고",
    "너무",
    "는",
    "님",
    "다시",
    "도",
    "되지",
    "됩니다",
    "등",
    "때",
    "또한",
    "로",
    "를",
    "못",
    "및",
    "부탁드립니다",
    "수",
    "안",
    "안녕하세요",
    "않습니다",
    "않아요",
    "없습니다",
    "없어요",
    "에",
    "에서",
    "와",
    "으로",
    "은",
    "을",
    "의",
    "이",
    "있습니다",
    "있어요",
    "저",
    "저희",
    "제가",
    "좀",
    "중",
    "지금",
    "하고",
    "하지",
    "하지만",
    "합니다",
    "후",
];

/// Function characters that glue Chinese sentences together; a bigram across them is noise.
/// A match, not a list search: every Han character is checked.
#[rustfmt::skip]
fn is_chinese_stop_char(c: char) -> bool {
    matches!(c,
        '的' | '了' | '是' | '在' | '和' | '与' | '與' | '及' | '或' | '也' | '都' | '就' | '而' | '着' | '著'
        | '吗' | '嗎' | '呢' | '吧' | '啊' | '呀' | '我' | '你' | '他' | '她' | '它' | '们' | '們' | '这'
        | '這' | '那' | '把' | '被' | '很' | '又'
    )
}

/// Sorted, for binary search. Common English function words plus support-letter courtesy.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hello",
    "her",
    "here",
    "hers",
    "herself",
    "hi",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "please",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter(|token| matches!(token.kind, Kind::Word | Kind::Bigram))
            .map(|token| token.term)
            .collect()
    }

    fn of_kind(text: &str, kind: Kind) -> Vec<String> {
        tokenize(text).into_iter().filter(|token| token.kind == kind).map(|token| token.term).collect()
    }

    #[test]
    fn identifiers_are_kept_whole_in_any_script_and_width() {
        assert_eq!(
            of_kind("Payment declined (PAY-502) on order A-88123.", Kind::Identifier),
            ["pay-502", "a-88123"]
        );
        assert_eq!(of_kind("ＰＡＹ－５０２ 결제 오류", Kind::Identifier), ["pay-502"]);
        assert_eq!(of_kind("更新到5.2.0版之後閃退", Kind::Identifier), ["5.2.0"]);
        assert_eq!(
            of_kind("see https://pay.example.com/status now", Kind::Identifier),
            ["https://pay.example.com/status"]
        );
        assert_eq!(
            of_kind("e.g. a well-known sign-in page", Kind::Identifier),
            Vec::<String>::new(),
            "words joined without a digit are words"
        );
        assert_eq!(terms("PAY-502"), ["pay", "502"], "and their parts still match");
    }

    #[test]
    fn glossary_words_yield_their_concept_in_every_language() {
        assert_eq!(of_kind("Refunds missing", Kind::Concept), ["≈refund", "≈missing"]);
        assert_eq!(of_kind("환불이 안 들어왔어요", Kind::Concept), ["≈refund"]);
        assert_eq!(of_kind("一直沒有收到退款", Kind::Concept), ["≈received", "≈refund"]);
        assert_eq!(of_kind("결제오류", Kind::Concept), ["≈payment", "≈error"], "compounds are scanned");
        let token = tokenize("退款").into_iter().find(|t| t.kind == Kind::Concept).unwrap();
        assert_eq!(token.surface, "退款", "a concept shows the word it came from");
    }

    #[test]
    fn log_in_is_read_as_login() {
        assert_eq!(of_kind("I can't log in since Monday", Kind::Concept), ["≈login"]);
        let login = tokenize("Cannot sign in").into_iter().find(|t| t.term == "signin").unwrap();
        assert_eq!(login.surface, "sign in");
        assert!(!terms("log files in a folder").contains(&"login".to_string()));
    }

    #[test]
    fn stop_word_list_is_sorted_for_binary_search() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(KOREAN_STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(PACKED_STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ENGLISH_STOP_WORDS.iter().all(|word| is_english_stop_word(word)));
        assert!(!is_english_stop_word("abouts") && !is_english_stop_word("a") && !is_english_stop_word(""));
    }

    #[test]
    fn english_words_are_lower_cased_without_stop_words() {
        assert_eq!(
            terms("The Checkout fails, with ERR_CARD_DECLINED!"),
            ["checkout", "fail", "err_card_declined"]
        );
        let tokens: Vec<Token> =
            tokenize("Checkout errors").into_iter().filter(|token| token.kind != Kind::Concept).collect();
        assert_eq!(tokens[0].surface, "Checkout");
        assert_eq!((tokens[1].term.as_str(), tokens[1].surface.as_str()), ("error", "errors"));
        assert_eq!(terms("does status process queries"), ["status", "process", "query"]);
    }

    #[test]
    fn full_width_latin_folds_to_ascii() {
        assert_eq!(terms("ＡＰＰ crash"), ["app", "crash"]);
        assert_eq!(tokenize("ＡＰＰ")[0].surface, "APP");
    }

    #[test]
    fn korean_words_lose_particles() {
        assert_eq!(terms("결제 오류가 발생"), ["결제", "오류", "발생"]);
        assert_eq!(terms("앱에서 로그인이 안 됩니다"), ["앱", "로그인"]);
        assert_eq!(terms("사이"), ["사이"], "a one-syllable stem keeps its last syllable");
    }

    #[test]
    fn chinese_becomes_overlapping_bigrams() {
        assert_eq!(terms("付款失敗無法登入"), ["付款", "款失", "失敗", "敗無", "無法", "法登", "登入"]);
    }

    #[test]
    fn function_characters_split_chinese_and_lone_characters_stay_unigrams() {
        assert_eq!(terms("我的账户被锁"), ["账户", "锁"]);
        assert_eq!(terms("卡 付款"), ["卡", "付款"]);
    }

    #[test]
    fn mixed_scripts_split_at_script_boundaries() {
        assert_eq!(terms("iPhone앱에서 APP登录失败"), ["iphone", "앱", "app", "登录", "录失", "失败"]);
    }
}
