//! Fuzzy matching for the command palette: a query matches a text when its letters appear in
//! it in order ("exj" finds "Export JSON"), ignoring case. Matches that start words and run
//! on unbroken score higher, gaps lower, so the entry meant comes first. Works the same for
//! Hangul and Han text (no case, words split by spaces and punctuation; Hangul letter by
//! letter, as an input method builds each syllable) and for ids such as "C-1700000000-42".

const MATCH: i32 = 10;
const CONSECUTIVE: i32 = 14;
const WORD_START: i32 = 12;
const TEXT_START: i32 = 8;
/// Per letter skipped between two matched letters, up to [`MAX_GAP`] per gap.
const GAP: i32 = 2;
const MAX_GAP: i32 = 12;
/// Starting places tried per text: enough to find a word start after a few false starts.
const STARTS_TRIED: usize = 8;

/// A query lowercased once, matched against many texts; keeps its buffers between texts so
/// matching 50,000 titles allocates almost nothing.
#[derive(Default)]
pub struct Matcher {
    query: Vec<char>,
    text: Vec<char>,
    starts: Vec<bool>,
}

/// The consonants an input method shows alone before their vowel comes, in the order of the
/// leading consonants (jamo) of Unicode's Hangul syllables.
const LONE_CONSONANTS: &str = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

/// `c` as it is matched (up to three letters): lower case, and a Hangul syllable as its
/// letters, so a syllable still being composed ("겨" on the way to "결", or a lone "ㄱ")
/// already matches.
fn fold(c: char) -> impl Iterator<Item = char> {
    let code = c as u32;
    // Most letters are ASCII: they are told apart first, as this runs for every letter of
    // every case while the palette is typed in.
    let letters: [u32; 3] = if c.is_ascii() {
        [c.to_ascii_lowercase() as u32, 0, 0]
    } else if (0xAC00..=0xD7A3).contains(&code) {
        let index = code - 0xAC00;
        let tail = index % 28;
        [0x1100 + index / 588, 0x1161 + index % 588 / 28, if tail == 0 { 0 } else { 0x11A7 + tail }]
    } else if let Some(at) = (0x3131..=0x314E)
        .contains(&code)
        .then(|| LONE_CONSONANTS.chars().position(|lone| lone == c))
        .flatten()
    {
        [0x1100 + at as u32, 0, 0]
    } else {
        [c.to_lowercase().next().unwrap_or(c) as u32, 0, 0]
    };
    letters.into_iter().filter(|&code| code != 0).filter_map(char::from_u32)
}

impl Matcher {
    /// Spaces in the query are left out: "export csv" finds "Export CSV" and "ExportCSV".
    pub fn new(query: &str) -> Matcher {
        Matcher {
            query: query.chars().filter(|c| !c.is_whitespace()).flat_map(fold).collect(),
            ..Matcher::default()
        }
    }

    /// How many letters the query has (a Hangul syllable counts its two or three).
    pub fn len(&self) -> usize {
        self.query.len()
    }

    /// Whether the query is empty, which matches everything equally.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// How well the query matches `text` (higher is better), or None when it does not.
    pub fn score(&mut self, text: &str) -> Option<i32> {
        if self.query.is_empty() {
            return Some(0);
        }
        // Most texts do not match: find out before laying the text out.
        let mut wanted = self.query.iter().peekable();
        for c in text.chars().flat_map(fold) {
            if wanted.peek() == Some(&&c) {
                wanted.next();
            }
        }
        if wanted.peek().is_some() {
            return None;
        }
        self.lay_out(text);
        let first = self.query[0];
        (0..self.text.len())
            .filter(|&at| self.text[at] == first)
            .take(STARTS_TRIED)
            .filter_map(|at| self.score_from(at))
            .max()
    }

    /// The text lowercased, and which of its letters start a word.
    fn lay_out(&mut self, text: &str) {
        self.text.clear();
        self.starts.clear();
        let mut before: Option<char> = None;
        for c in text.chars() {
            let start = match before {
                None => true,
                Some(b) => {
                    !b.is_alphanumeric()
                        || (b.is_lowercase() && c.is_uppercase())
                        || (b.is_ascii_digit() != c.is_ascii_digit())
                        || (b.is_ascii() != c.is_ascii())
                }
            };
            for (at, letter) in fold(c).enumerate() {
                self.text.push(letter);
                self.starts.push(at == 0 && start && c.is_alphanumeric());
            }
            before = Some(c);
        }
    }

    /// The score of the match whose first letter is at `at`, each later letter taken at its
    /// next occurrence (so runs stay unbroken where they can).
    fn score_from(&self, at: usize) -> Option<i32> {
        let mut total = self.bonus(at) + if at == 0 { TEXT_START } else { 0 };
        let mut last = at;
        for &wanted in &self.query[1..] {
            let next = last + 1 + self.text[last + 1..].iter().position(|&c| c == wanted)?;
            total += if next == last + 1 {
                CONSECUTIVE + MATCH
            } else {
                self.bonus(next) - (GAP * (next - last - 1) as i32).min(MAX_GAP)
            };
            last = next;
        }
        Some(total)
    }

    fn bonus(&self, at: usize) -> i32 {
        MATCH + if self.starts[at] { WORD_START } else { 0 }
    }
}

/// The `n` best of `scored` (score, index) pairs, best first; equal scores keep index order
/// (indices come in order). Keeps only `n` at a time, so 50,000 candidates are never sorted.
pub fn best(scored: impl IntoIterator<Item = (i32, usize)>, n: usize) -> Vec<(i32, usize)> {
    let mut best: Vec<(i32, usize)> = Vec::with_capacity(n + 1);
    for (score, index) in scored {
        let at = best.partition_point(|&(kept, _)| kept >= score);
        if at < n {
            best.insert(at, (score, index));
            best.truncate(n);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(query: &str, text: &str) -> Option<i32> {
        Matcher::new(query).score(text)
    }

    #[test]
    fn letters_in_order_match_and_others_do_not() {
        assert!(score("exj", "Export JSON").is_some());
        assert!(score("jex", "Export JSON").is_none());
        assert!(score("xyz", "Export JSON").is_none());
        assert!(score("exportjsonx", "Export JSON").is_none());
        assert_eq!(score("", "anything"), Some(0));
    }

    #[test]
    fn case_and_spaces_are_ignored() {
        assert_eq!(score("EXPORT", "export"), score("export", "EXPORT"));
        assert!(score("export csv", "ExportCSV").is_some());
    }

    #[test]
    fn word_starts_beat_letters_inside_words() {
        assert!(score("ej", "Export JSON") > score("ej", "Reject"));
        assert!(score("g", "Groups") > score("g", "Settings"));
        assert!(score("s", "Set status") > score("s", "Inbox status"));
        // A start later in the text is found past an earlier letter inside a word.
        assert!(score("st", "Last status") > score("st", "Lastly"));
    }

    #[test]
    fn unbroken_runs_beat_scattered_letters() {
        assert!(score("inb", "Inbox") > score("inb", "Incident board"));
        assert!(score("port", "Export") > score("port", "Pin or retry"));
        assert!(score("csv", "Export CSV") > score("csv", "Case severity view"));
    }

    #[test]
    fn hangul_and_han_match_by_syllable_and_word() {
        assert!(score("결제", "결제 오류 문의").is_some());
        assert!(score("오류", "결제 오류 문의") > score("오류", "결제오류문의"));
        assert!(score("언어", "언어: English").is_some());
        assert!(score("付款", "付款失敗，客戶無法結帳").is_some());
        assert!(score("匯出", "匯出 JSON") > score("匯出", "無法匯出報表"));
        assert!(score("결제", "결 제").is_some());
        assert!(score("제결", "결제").is_none());
        // What an input method shows on the way to "결제" matches all along.
        for typing in ["ㄱ", "겨", "결", "결ㅈ", "결제"] {
            assert!(score(typing, "카드 결제 오류").is_some(), "{typing}");
        }
        assert!(score("곌", "카드 결제 오류").is_none());
    }

    #[test]
    fn ids_match_by_their_parts() {
        let id = "C-1700000000-42";
        assert!(score("42", id).is_some());
        assert!(score("c-17", id).is_some());
        assert!(score("170042", id).is_some());
        assert!(score("42", id) > score("42", "C-1742000000-7"));
        assert!(score("43", id).is_none());
    }

    #[test]
    fn the_best_few_come_back_in_order() {
        let scored = [(5, 0), (9, 1), (1, 2), (9, 3), (7, 4)];
        assert_eq!(best(scored, 3), [(9, 1), (9, 3), (7, 4)]);
        assert_eq!(best(scored, 10).len(), 5);
        assert!(best(scored, 0).is_empty());
    }
}
