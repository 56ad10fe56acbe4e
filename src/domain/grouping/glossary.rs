//! The support glossary: the desk's core vocabulary mapped between English, Korean and
//! Traditional Chinese, so that a Korean and a Chinese report of one problem share terms.
//!
//! Each concept becomes one extra index term, written [`CONCEPT_MARK`] + its English name
//! ("≈payment"), emitted beside the words themselves: reports in one language still match on
//! their own words, and reports in different languages meet on the concept.

use crate::domain::fast_hash::FastMap;
use crate::i18n::{Message, Text};
use std::sync::{Arc, OnceLock};

/// Starts every concept term; the tokenizer treats it as a separator, so no word has it.
pub const CONCEPT_MARK: char = '≈';

/// Compiled in: a few kilobytes, and the page needs it before the first case is indexed.
const SOURCE: &str = include_str!("glossary.txt");

#[derive(Debug, Default)]
pub struct Glossary {
    /// Concept terms ("≈payment"), by concept id.
    terms: Vec<String>,
    /// Every form of each concept, for highlighting it in another case's text.
    forms: Vec<Vec<String>>,
    /// Latin words as the tokenizer normalises them (lower case, plural stripped).
    latin: FastMap<String, u16>,
    /// Hangul, Han and kana forms by first character, longest first, for scanning runs.
    by_first: FastMap<char, Vec<(String, u16)>>,
    /// Forms of one character, matched only as a whole word.
    single: FastMap<String, u16>,
    /// Bit set per character (by its low 16 bits) that starts a Hangul, Han or kana form: a
    /// case's characters are nearly all checked here, and few start a form, so most are
    /// passed over without hashing.
    starts: Vec<u64>,
    longest_latin: usize,
    /// Bit set per (length, first letter, last letter) of the Latin forms: most words of a
    /// case are not in the glossary, and one look here spares them hashing.
    latin_shapes: Vec<u64>,
}

/// The bit of a Latin word's shape in [`Glossary::latin_shapes`].
fn shape(word: &[u8]) -> usize {
    let (first, last) = (word[0] as usize, word[word.len() - 1] as usize);
    ((word.len() & 31) << 10 | (first & 31) << 5 | (last & 31)) & (SHAPES - 1)
}

const SHAPES: usize = 1 << 15;
const STARTS: usize = 1 << 16;

fn builtin_arc() -> &'static Arc<Glossary> {
    static GLOSSARY: OnceLock<Arc<Glossary>> = OnceLock::new();
    GLOSSARY.get_or_init(|| Arc::new(Glossary::parse(SOURCE)))
}

/// The built-in glossary, parsed once.
pub fn glossary() -> &'static Glossary {
    builtin_arc()
}

/// The built-in glossary, to hold beside an edited one.
pub fn builtin() -> Arc<Glossary> {
    builtin_arc().clone()
}

/// The built-in concepts as lines, "English | Korean | Traditional Chinese": what Settings
/// starts editing from and goes back to.
pub fn builtin_lines() -> Vec<String> {
    SOURCE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Which column of a line: English, Korean, Traditional Chinese.
const COLUMNS: [Text; 3] = [Text::LanguageEnglish, Text::LanguageKorean, Text::LanguageChinese];

/// Whether `form` is in its column's script: Latin letters and digits for English, Hangul
/// for Korean, Han for Chinese.
fn in_script(column: usize, form: &str) -> bool {
    let hangul =
        |c: char| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}');
    let han =
        |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
    match column {
        0 => form.chars().all(|c| c.is_alphanumeric() && !hangul(c) && !han(c)),
        1 => form.chars().all(hangul),
        _ => form.chars().all(han),
    }
}

/// Checks one concept line, "English forms | Korean forms | Chinese forms" with the forms of
/// each separated by commas; the error says what to fix. English forms are single words (as
/// the tokenizer reads them); Korean and Chinese forms are in their script or, for a brand
/// written so ("PayPal"), a Latin word.
pub fn check_line(line: &str) -> Result<(), Message> {
    let columns: Vec<&str> = line.split('|').collect();
    if columns.len() != 3 {
        return Err(Message::new(Text::GlossaryThreeParts).arg("line", line.trim()));
    }
    for (at, column) in columns.iter().enumerate() {
        let forms: Vec<&str> = column.split(',').map(str::trim).filter(|form| !form.is_empty()).collect();
        if forms.is_empty() {
            return Err(Message::new(Text::GlossaryEmptyPart).arg_text("language", COLUMNS[at]));
        }
        if let Some(form) = forms.iter().find(|form| !in_script(at, form) && !in_script(0, form)) {
            let text = if at == 0 { Text::GlossaryNotOneWord } else { Text::GlossaryWrongScript };
            return Err(Message::new(text).arg("form", form).arg_text("language", COLUMNS[at]));
        }
    }
    Ok(())
}

/// The concept a line names: its first English form, as the index names it.
pub fn concept_name(line: &str) -> String {
    line.split(['|', ',']).next().unwrap_or_default().trim().to_lowercase()
}

/// Every problem of `lines` by line index: a malformed line, or a concept named twice.
pub fn check_lines(lines: &[String]) -> Vec<(usize, Message)> {
    let mut problems = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let name = concept_name(line);
        let earlier = lines[..at].iter().position(|other| concept_name(other) == name);
        match (check_line(line), earlier) {
            (Err(problem), _) => problems.push((at, problem)),
            (Ok(()), Some(first)) => problems
                .push((at, Message::new(Text::GlossaryNamedTwice).arg("name", &name).arg("n", first + 1))),
            (Ok(()), None) => {}
        }
    }
    problems
}

impl Glossary {
    /// The glossary of edited `lines`; malformed ones are left out (Settings names them).
    pub fn from_lines(lines: &[String]) -> Glossary {
        let good: Vec<&str> =
            lines.iter().map(String::as_str).filter(|line| check_line(line).is_ok()).collect();
        Glossary::parse(&good.join("\n"))
    }

    /// Parses "English forms | Korean forms | Chinese forms" lines; a form is filed by its
    /// script, not its column, and the first concept to claim a form keeps it.
    pub fn parse(source: &str) -> Glossary {
        let mut glossary = Glossary::default();
        let mut by_name: FastMap<String, u16> = FastMap::default();
        for line in source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
            let forms: Vec<&str> =
                line.split(['|', ',']).map(str::trim).filter(|form| !form.is_empty()).collect();
            let Some(name) = forms.first().map(|name| name.to_lowercase()) else { continue };
            let next = glossary.terms.len() as u16;
            let concept = *by_name.entry(name.clone()).or_insert(next);
            if concept == next {
                glossary.terms.push(format!("{CONCEPT_MARK}{name}"));
                glossary.forms.push(Vec::new());
            }
            for form in forms {
                glossary.add(form, concept);
            }
        }
        for keys in glossary.by_first.values_mut() {
            keys.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then_with(|| a.0.cmp(&b.0)));
        }
        glossary
    }

    fn add(&mut self, form: &str, concept: u16) {
        let form = crate::nfkc::nfkc(form).to_lowercase();
        let Some(first) = form.chars().next() else { return };
        self.forms[concept as usize].push(form.clone());
        if first.is_ascii_alphanumeric() {
            // Normalised as the tokenizer would, so "Refunds" in a case finds "refund".
            let mut term = form.clone();
            super::tokenize::strip_plural(&mut term);
            self.longest_latin = self.longest_latin.max(term.len());
            if self.latin_shapes.is_empty() {
                self.latin_shapes = vec![0; SHAPES / 64];
            }
            let bit = shape(term.as_bytes());
            self.latin_shapes[bit / 64] |= 1 << (bit % 64);
            self.latin.entry(term).or_insert(concept);
            return;
        }
        if self.starts.is_empty() {
            self.starts = vec![0; STARTS / 64];
        }
        let bit = first as usize % STARTS;
        self.starts[bit / 64] |= 1 << (bit % 64);
        if form.chars().count() == 1 {
            self.single.entry(form).or_insert(concept);
        } else {
            let keys = self.by_first.entry(first).or_default();
            if !keys.iter().any(|(known, _)| *known == form) {
                keys.push((form, concept));
            }
        }
    }

    pub fn concept_term(&self, concept: u16) -> &str {
        &self.terms[concept as usize]
    }

    /// The concept of a normalised Latin word.
    pub fn latin(&self, term: &str) -> Option<u16> {
        if term.is_empty() || term.len() > self.longest_latin {
            return None;
        }
        let bit = shape(term.as_bytes());
        let known = self.latin_shapes.get(bit / 64).is_some_and(|bits| bits >> (bit % 64) & 1 == 1);
        known.then(|| self.latin.get(term).copied()).flatten()
    }

    /// The concept of a one-character Hangul or Han word.
    pub fn single(&self, word: &str) -> Option<u16> {
        let first = word.chars().next()?;
        self.may_start(first).then(|| self.single.get(word).copied()).flatten()
    }

    fn may_start(&self, first: char) -> bool {
        let bit = first as usize % STARTS;
        self.starts.get(bit / 64).is_some_and(|bits| bits >> (bit % 64) & 1 == 1)
    }

    /// Calls `found(concept, form)` for each glossary form of two or more characters inside
    /// a run of Hangul, Han or kana, longest first at each place, not overlapping.
    pub fn scan(&self, run: &str, mut found: impl FnMut(u16, &str)) {
        let mut at = 0;
        while let Some(first) = run[at..].chars().next() {
            let step = first.len_utf8();
            if !self.may_start(first) {
                at += step;
                continue;
            }
            let hit = self.by_first.get(&first).and_then(|keys| {
                keys.iter()
                    .find(|(key, _)| run[at..].starts_with(key.as_str()))
                    .map(|(key, c)| (key.len(), *c))
            });
            match hit {
                Some((length, concept)) => {
                    found(concept, &run[at..at + length]);
                    at += length;
                }
                None => at += step,
            }
        }
    }

    /// The concept named by a concept term ("≈payment" to "payment").
    pub fn name(term: &str) -> Option<&str> {
        term.strip_prefix(CONCEPT_MARK)
    }

    /// Every form of the concept with this term, in all three languages.
    pub fn forms_of(&self, term: &str) -> &[String] {
        self.terms.iter().position(|known| known == term).map_or(&[], |concept| &self.forms[concept])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_vocabulary_meets_across_languages() {
        let glossary = glossary();
        assert!(glossary.terms.len() >= 120, "{} concepts", glossary.terms.len());
        let concept_of = |form: &str| {
            let mut found = None;
            if let Some(concept) = glossary.latin(form).or_else(|| glossary.single(form)) {
                found = Some(concept);
            } else {
                glossary.scan(form, |concept, _| found = found.or(Some(concept)));
            }
            found.map(|concept| glossary.concept_term(concept).to_string())
        };
        for row in [
            ["payment", "결제", "付款"],
            ["login", "로그인", "登入"],
            ["refund", "환불", "退款"],
            ["delivery", "배송", "配送"],
            ["crash", "종료", "閃退"],
        ] {
            let concepts: Vec<Option<String>> = row.iter().map(|form| concept_of(form)).collect();
            assert!(
                concepts[0].is_some() && concepts.iter().all(|c| c == &concepts[0]),
                "{row:?}: {concepts:?}"
            );
        }
    }

    #[test]
    fn runs_are_scanned_for_the_longest_forms() {
        let glossary = glossary();
        let mut found = Vec::new();
        glossary.scan("결제오류", |concept, form| {
            found.push((glossary.concept_term(concept).to_string(), form.to_string()))
        });
        assert_eq!(found, [("≈payment".to_string(), "결제".to_string()), ("≈error".into(), "오류".into())]);
        found.clear();
        glossary.scan("收不到驗證碼簡訊", |concept, form| {
            found.push((glossary.concept_term(concept).to_string(), form.to_string()))
        });
        assert!(found.contains(&("≈verification".into(), "驗證碼".into())), "{found:?}");
        assert!(found.contains(&("≈sms".into(), "簡訊".into())), "{found:?}");
    }

    #[test]
    fn lines_are_checked_column_by_column_and_concepts_named_once() {
        assert!(builtin_lines().iter().all(|line| check_line(line).is_ok()), "the built-ins are valid");
        let problem = |line: &str| check_line(line).unwrap_err().to_string();
        assert!(check_line("widgetpay, wpay | 위젯페이 | 威捷支付").is_ok());
        assert!(problem("widgetpay | 위젯페이").contains("three parts"));
        assert_eq!(problem("widgetpay |  , | 威捷支付"), "The Korean part has no words.");
        assert!(
            check_line("paypal | 페이팔, PayPal | PayPal, 貝寶").is_ok(),
            "a brand may keep its Latin name"
        );
        assert!(
            problem("widget pay | 위젯페이 | 威捷支付").starts_with("“widget pay” is not one English word")
        );
        assert_eq!(problem("widgetpay | 위젯 페이 | 威捷支付"), "“위젯 페이” is not written in Korean.");
        assert_eq!(problem("widgetpay | 위젯페이 | 위젯"), "“위젯” is not written in Traditional Chinese.");
        assert_eq!(
            problem("widgetpay | 위젯페이 | 威捷 支付"),
            "“威捷 支付” is not written in Traditional Chinese."
        );
        let lines: Vec<String> =
            ["Payment | 결제 | 付款", "oops", "payment, paid | 지불 | 支付"].map(String::from).to_vec();
        let found: Vec<(usize, String)> =
            check_lines(&lines).into_iter().map(|(at, problem)| (at, problem.to_string())).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1], (2, "The concept “payment” is already on line 1.".to_string()));
        // A malformed line is left out of the glossary the engine reads.
        let glossary = Glossary::from_lines(&lines);
        assert_eq!(glossary.terms, ["≈payment"]);
        assert_eq!(glossary.latin("paid"), Some(0));
    }

    #[test]
    fn every_entry_has_forms_in_all_three_languages() {
        for line in SOURCE.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')) {
            let columns: Vec<&str> = line.split('|').collect();
            assert_eq!(columns.len(), 3, "{line}");
            assert!(columns.iter().all(|column| !column.trim().is_empty()), "{line}");
        }
    }
}
