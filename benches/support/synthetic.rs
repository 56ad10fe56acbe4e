//! Deterministic, realistic synthetic cases for the benchmarks, shared by the native
//! (criterion) and the in-browser benchmarks so both measure the same data.
//!
//! Text is drawn from large vocabularies with Zipf-like word frequencies (a few words such as
//! "error" in many cases, most words in few), 70% English, 15% each Korean and Traditional
//! Chinese, about 700 characters of JSON per case. About a fifth of the cases report the same
//! problem as others, in groups of 2 to 30 with a heavy tail; the rest are one-off problems
//! in one of a few hundred product areas, so unrelated cases still share words.

use chrono::{Duration, TimeZone, Utc};
use triage_desk::domain::case::{Case, CaseDraft, CaseId, Tier, Timestamp, Urgency};

/// The most frequent words of each language, most frequent first; rarer ranks are
/// generated words (see [`Language::word`]).
const ENGLISH_COMMON: &[&str] = &[
    "the",
    "to",
    "and",
    "a",
    "is",
    "not",
    "error",
    "customer",
    "it",
    "on",
    "page",
    "when",
    "after",
    "order",
    "in",
    "account",
    "app",
    "we",
    "login",
    "payment",
    "user",
    "they",
    "issue",
    "for",
    "working",
    "with",
    "fails",
    "invoice",
    "report",
    "email",
    "since",
    "update",
    "cannot",
    "shows",
    "still",
    "again",
    "checkout",
    "today",
    "slow",
    "mobile",
    "support",
    "data",
    "export",
    "settings",
    "button",
    "loading",
    "screen",
    "blank",
    "urgent",
    "refund",
    "card",
    "declined",
    "password",
    "reset",
    "sync",
    "timeout",
    "server",
    "dashboard",
    "missing",
    "wrong",
    "duplicate",
    "api",
    "request",
    "access",
    "blocked",
    "asap",
    "file",
    "upload",
    "message",
    "notification",
    "team",
    "store",
    "release",
    "version",
    "browser",
    "safari",
    "android",
    "iphone",
    "crash",
    "billing",
    "subscription",
    "plan",
    "delivery",
    "shipping",
    "label",
    "tax",
    "coupon",
    "search",
    "results",
];
const KOREAN_COMMON: &[&str] = &[
    "결제",
    "오류가",
    "고객",
    "로그인이",
    "안",
    "됩니다",
    "주문",
    "앱에서",
    "계속",
    "페이지",
    "확인",
    "부탁드립니다",
    "업데이트",
    "이후",
    "환불",
    "배송",
    "조회",
    "화면이",
    "느립니다",
    "계정",
    "비밀번호",
    "알림",
    "카드",
    "발생합니다",
    "문의",
    "급합니다",
    "데이터",
    "내보내기",
];
const CHINESE_COMMON: &[&str] = &[
    "無法",
    "付款",
    "登入",
    "客戶",
    "訂單",
    "錯誤",
    "系統",
    "頁面",
    "更新",
    "手機",
    "退款",
    "發票",
    "帳號",
    "密碼",
    "通知",
    "請盡快",
    "處理",
    "顯示",
    "失敗",
    "緊急",
    "匯出",
    "資料",
    "連線",
    "閃退",
];

/// Stock sentences agents paste, which make unrelated cases share words as real ones do.
const ENGLISH_SENTENCES: &[&str] = &[
    "Please treat this as URGENT, our sales are blocked!!!",
    "We tried clearing the cache and logging out, with no change.",
    "Screenshots and the order number are attached below.",
    "Still waiting on an answer, can someone escalate asap?",
    "This is the third time we are contacting support about it.",
];
const KOREAN_SENTENCES: &[&str] =
    &["빨리 확인 부탁드립니다.", "스크린샷을 첨부합니다.", "재시작해도 해결되지 않습니다."];
const CHINESE_SENTENCES: &[&str] =
    &["請盡快處理，謝謝。", "附上截圖與訂單編號供參考。", "重新啟動也沒有用。"];

struct Language {
    common: &'static [&'static str],
    sentences: &'static [&'static str],
    /// Distinct words; the rank of a drawn word follows about 1/rank.
    vocabulary: u64,
    separator: &'static str,
    /// Words per title and per description (low, high).
    title_words: (u64, u64),
    description_words: (u64, u64),
    seed: u64,
}

const ENGLISH: Language = Language {
    common: ENGLISH_COMMON,
    sentences: ENGLISH_SENTENCES,
    vocabulary: 40_000,
    separator: " ",
    title_words: (4, 9),
    description_words: (25, 60),
    seed: 1,
};
const KOREAN: Language = Language {
    common: KOREAN_COMMON,
    sentences: KOREAN_SENTENCES,
    vocabulary: 20_000,
    separator: " ",
    title_words: (3, 6),
    description_words: (15, 35),
    seed: 2,
};
const CHINESE: Language = Language {
    common: CHINESE_COMMON,
    sentences: CHINESE_SENTENCES,
    vocabulary: 20_000,
    separator: "",
    title_words: (3, 6),
    description_words: (15, 35),
    seed: 3,
};

/// SplitMix64, on u64 so native and wasm32 builds draw the same cases.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A fixed-seed generator: the same cases every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn between(&mut self, (low, high): (u64, u64)) -> u64 {
        low + self.below(high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A rank in 0..n with probability about proportional to 1/(rank+1) (Zipf, exponent 1):
    /// a power-of-two band chosen uniformly, then a rank uniformly inside it. Integer-only, so
    /// every platform draws the same ranks.
    fn zipf(&mut self, n: u64) -> u64 {
        let bands = 64 - n.leading_zeros() as u64;
        let band = self.below(bands);
        let low = (1u64 << band) - 1;
        let high = ((1u64 << (band + 1)) - 1).min(n);
        low + self.below(high - low)
    }
}

impl Language {
    /// The word of a frequency rank: a common word, or a generated one of a large vocabulary.
    fn word(&self, rank: u64) -> String {
        if let Some(word) = self.common.get(rank as usize) {
            return (*word).to_string();
        }
        let mut bits = mix(self.seed << 32 | rank);
        match self.seed {
            1 => {
                const ONSETS: &[&str] = &[
                    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
                    "br", "cl", "dr", "st", "tr", "sh", "ch", "pl",
                ];
                const NUCLEI: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
                const CODAS: &[&str] = &["", "", "n", "r", "s", "t", "l", "ck", "nd", "x"];
                let syllables = 2 + bits % 2;
                bits /= 2;
                let mut word = String::new();
                for _ in 0..syllables {
                    for part in [ONSETS, NUCLEI, CODAS] {
                        word.push_str(part[(bits % part.len() as u64) as usize]);
                        bits /= part.len() as u64;
                    }
                }
                word
            }
            2 => {
                // Hangul syllables: 19 initials x 21 vowels x 28 finals from U+AC00.
                let syllables = 2 + bits % 2;
                bits /= 2;
                (0..syllables)
                    .map(|_| {
                        let code = 0xAC00 + (bits % 11_172) as u32;
                        bits /= 11_172;
                        char::from_u32(code).expect("a Hangul syllable")
                    })
                    .collect()
            }
            _ => {
                // Two ideographs from the 3,000 most-used block of CJK Unified Ideographs.
                (0..2)
                    .map(|_| {
                        let code = 0x4E00 + (bits % 3_000) as u32 * 7;
                        bits /= 3_000;
                        char::from_u32(code).expect("a CJK ideograph")
                    })
                    .collect()
            }
        }
    }

    fn zipf_word(&self, rng: &mut Rng) -> String {
        self.word(rng.zipf(self.vocabulary))
    }
}

/// One product area: its own words, which its cases use often.
fn area_words(language: &Language, area: u64) -> Vec<String> {
    // Area words come from the middle of the frequency range: each is frequent within its
    // area only.
    (0..6).map(|at| language.word(300 + mix(area * 16 + at) % 3_000)).collect()
}

/// A problem reported by several customers: the words every report of it tends to use.
struct Incident {
    language: &'static Language,
    area: u64,
    core: Vec<String>,
    remaining: u64,
}

fn language(rng: &mut Rng) -> &'static Language {
    match rng.below(20) {
        0..=13 => &ENGLISH,
        14..=16 => &KOREAN,
        _ => &CHINESE,
    }
}

/// The size of a group of duplicates: 2 to 30, about 1/size^2 (most are pairs and triples).
fn group_size(rng: &mut Rng) -> u64 {
    loop {
        let size = 2 + rng.zipf(29);
        if rng.below(size) < 2 {
            return size;
        }
    }
}

/// A title and description: the incident's core words (if any) mostly kept, area words and
/// Zipf-drawn words around them, and now and then a stock sentence.
fn text(rng: &mut Rng, language: &Language, area: u64, core: &[String]) -> (String, String) {
    let area = area_words(language, area);
    // The first core words name the problem; a title keeps most of them.
    let mut title: Vec<String> = Vec::new();
    for word in core.iter().take(4) {
        if rng.below(10) < 8 {
            title.push(word.clone());
        }
    }
    let title_words = rng.between(language.title_words);
    while (title.len() as u64) < title_words {
        let word = if rng.below(3) == 0 { rng.pick(&area).clone() } else { language.zipf_word(rng) };
        let at = rng.below(title.len() as u64 + 1) as usize;
        title.insert(at, word);
    }
    let mut description: Vec<String> = Vec::new();
    for _ in 0..rng.between(language.description_words) {
        // Reports of one problem describe it in many of the same words.
        let word = match rng.below(12) {
            0..=3 if !core.is_empty() => rng.pick(core).clone(),
            4 | 5 => rng.pick(&area).clone(),
            _ => language.zipf_word(rng),
        };
        description.push(word);
    }
    let mut description = description.join(language.separator);
    if rng.below(3) == 0 {
        description.push(' ');
        description.push_str(rng.pick::<&str>(language.sentences));
    }
    (title.join(language.separator), description)
}

pub fn start() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap()
}

/// `count` cases; the first `n` of `synthetic_cases(m)` for m > n are `synthetic_cases(n)`.
pub fn synthetic_cases(count: usize) -> Vec<Case> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut open: Vec<Incident> = Vec::new();
    (0..count)
        .map(|i| {
            let roll = rng.below(100);
            let (title, description) = if roll < 16 && !open.is_empty() {
                let at = rng.below(open.len() as u64) as usize;
                let incident = &mut open[at];
                let text = text(&mut rng, incident.language, incident.area, &incident.core);
                incident.remaining -= 1;
                if incident.remaining == 0 {
                    open.swap_remove(at);
                }
                text
            } else {
                let language = language(&mut rng);
                let area = rng.below(400);
                if roll < 21 {
                    // A new problem that others will report too: a few rarer words name it.
                    let core: Vec<String> = (0..6 + rng.below(6))
                        .map(|_| language.word(100 + rng.zipf(language.vocabulary - 100)))
                        .collect();
                    let text = text(&mut rng, language, area, &core);
                    open.push(Incident { language, area, core, remaining: group_size(&mut rng) - 1 });
                    text
                } else {
                    text(&mut rng, language, area, &[])
                }
            };
            let draft = CaseDraft {
                title,
                description,
                customer: format!("Customer {}", rng.below(900)),
                tier: *rng.pick(Tier::ALL),
                category: "Payments".into(),
                customers_affected: *rng.pick(&[1, 1, 1, 3, 12, 40, 250, 1200]),
                urgency: *rng.pick(Urgency::ALL),
                ..CaseDraft::default()
            };
            let created = start() + Duration::minutes(rng.below(5 * 24 * 60) as i64);
            Case::create(CaseId(format!("c{i:06}")), draft, "Mina", created)
        })
        .collect()
}
