//! What a support lead can tune about triage: factor weights, the impact x urgency matrix and
//! the keyword lists. These persist in local storage and travel in the JSON export, so every
//! type has serde defaults: settings stored by an older version still load.

use super::text::{fold_keyword, FoldedKeyword};
use crate::domain::case::Priority;
use crate::i18n::{Message, Text};
use serde::{Deserialize, Serialize};

/// A three-step scale, used for both ITIL impact and ITIL urgency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    /// Highest first, the order the matrix is drawn in.
    pub const ALL: [Level; 3] = [Level::High, Level::Medium, Level::Low];

    pub fn label(self) -> &'static str {
        match self {
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
        }
    }

    pub fn text(self) -> Text {
        match self {
            Level::High => Text::UrgencyHigh,
            Level::Medium => Text::UrgencyMedium,
            Level::Low => Text::UrgencyLow,
        }
    }

    /// This level raised by `steps`, stopping at High.
    pub fn raised(self, steps: u8) -> Level {
        match (self as u8).saturating_add(steps) {
            0 => Level::Low,
            1 => Level::Medium,
            _ => Level::High,
        }
    }

    fn lowered(self) -> Level {
        match self {
            Level::High => Level::Medium,
            _ => Level::Low,
        }
    }

    /// Row or column of the matrix: High first.
    fn slot(self) -> usize {
        2 - self as usize
    }
}

/// One ingredient of the score; each has a weight and shows its own points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Matrix,
    Tier,
    Customers,
    TimePressure,
    Keywords,
    Distress,
    Cluster,
}

impl Factor {
    pub const COUNT: usize = 7;
    pub const ALL: [Factor; Factor::COUNT] = [
        Factor::Matrix,
        Factor::Tier,
        Factor::Customers,
        Factor::TimePressure,
        Factor::Keywords,
        Factor::Distress,
        Factor::Cluster,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Factor::Matrix => "Impact x urgency",
            Factor::Tier => "Tier",
            Factor::Customers => "Customers affected",
            Factor::TimePressure => "Time pressure",
            Factor::Keywords => "Risk keywords",
            Factor::Distress => "Distress cues",
            Factor::Cluster => "Similar reports",
        }
    }

    pub fn text(self) -> Text {
        match self {
            Factor::Matrix => Text::FactorMatrix,
            Factor::Tier => Text::FieldTier,
            Factor::Customers => Text::FieldCustomersAffected,
            Factor::TimePressure => Text::FactorTimePressure,
            Factor::Keywords => Text::FactorKeywords,
            Factor::Distress => Text::FactorDistress,
            Factor::Cluster => Text::FactorCluster,
        }
    }
}

/// Each factor's weight is its share of the 100 points. The defaults add up to 100, so a weight
/// is then exactly the factor's maximum points; weights that add up to more or less are scaled
/// so the maxima still add up to 100.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub matrix: u8,
    pub tier: u8,
    pub customers: u8,
    pub time_pressure: u8,
    pub keywords: u8,
    pub distress: u8,
    pub cluster: u8,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            matrix: 30,
            tier: 15,
            customers: 15,
            time_pressure: 15,
            keywords: 10,
            distress: 5,
            cluster: 10,
        }
    }
}

impl Weights {
    pub const MAX: u8 = 50;

    pub fn get(&self, factor: Factor) -> u8 {
        match factor {
            Factor::Matrix => self.matrix,
            Factor::Tier => self.tier,
            Factor::Customers => self.customers,
            Factor::TimePressure => self.time_pressure,
            Factor::Keywords => self.keywords,
            Factor::Distress => self.distress,
            Factor::Cluster => self.cluster,
        }
    }

    pub fn set(&mut self, factor: Factor, weight: u8) {
        let slot = match factor {
            Factor::Matrix => &mut self.matrix,
            Factor::Tier => &mut self.tier,
            Factor::Customers => &mut self.customers,
            Factor::TimePressure => &mut self.time_pressure,
            Factor::Keywords => &mut self.keywords,
            Factor::Distress => &mut self.distress,
            Factor::Cluster => &mut self.cluster,
        };
        *slot = weight;
    }

    pub fn total(&self) -> u32 {
        Factor::ALL.iter().map(|&factor| u32::from(self.get(factor))).sum()
    }
}

/// Priority for each impact x urgency cell, rows = impact and columns = urgency, High first.
///
/// The default is the usual ITIL table (priority = impact rank + urgency rank - 1, giving 1..5)
/// with ITIL's P5 "planning" folded into P4, since this desk has four priorities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriorityMatrix {
    pub cells: [[Priority; 3]; 3],
}

impl Default for PriorityMatrix {
    fn default() -> Self {
        use Priority::*;
        PriorityMatrix { cells: [[P1, P2, P3], [P2, P3, P4], [P3, P4, P4]] }
    }
}

impl PriorityMatrix {
    pub fn get(&self, impact: Level, urgency: Level) -> Priority {
        self.cells[impact.slot()][urgency.slot()]
    }

    pub fn set(&mut self, impact: Level, urgency: Level, priority: Priority) {
        self.cells[impact.slot()][urgency.slot()] = priority;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    English,
    Korean,
    TraditionalChinese,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::Korean, Language::TraditionalChinese];

    pub fn label(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Korean => "Korean",
            Language::TraditionalChinese => "Traditional Chinese",
        }
    }

    pub fn text(self) -> Text {
        match self {
            Language::English => Text::LanguageEnglish,
            Language::Korean => Text::LanguageKorean,
            Language::TraditionalChinese => Text::LanguageChinese,
        }
    }
}

/// Keywords per language. The language only groups the list for editing: how a keyword
/// matches follows from its own script (see `text`), so a Latin brand name in the Korean list
/// still matches as a whole word.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeywordLists {
    pub english: Vec<String>,
    pub korean: Vec<String>,
    pub traditional_chinese: Vec<String>,
}

impl KeywordLists {
    pub fn get(&self, language: Language) -> &[String] {
        match language {
            Language::English => &self.english,
            Language::Korean => &self.korean,
            Language::TraditionalChinese => &self.traditional_chinese,
        }
    }

    pub fn get_mut(&mut self, language: Language) -> &mut Vec<String> {
        match language {
            Language::English => &mut self.english,
            Language::Korean => &mut self.korean,
            Language::TraditionalChinese => &mut self.traditional_chinese,
        }
    }

    fn from_lists(english: &[&str], korean: &[&str], traditional_chinese: &[&str]) -> KeywordLists {
        let owned = |list: &[&str]| list.iter().map(|word| word.to_string()).collect();
        KeywordLists {
            english: owned(english),
            korean: owned(korean),
            traditional_chinese: owned(traditional_chinese),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeywordKind {
    /// Words that name a risky problem: they score and raise urgency.
    Risk,
    /// Words that show the customer is upset or waiting: they score only.
    Distress,
}

/// Names one editable keyword list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ListId {
    pub kind: KeywordKind,
    pub language: Language,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriageRules {
    pub weights: Weights,
    pub matrix: PriorityMatrix,
    pub risk_keywords: KeywordLists,
    pub distress_words: KeywordLists,
}

impl Default for TriageRules {
    fn default() -> Self {
        TriageRules {
            weights: Weights::default(),
            matrix: PriorityMatrix::default(),
            // A trailing * matches any ending (crash* = crash, crashed, crashing).
            risk_keywords: KeywordLists::from_lists(
                &[
                    "outage*",
                    "down",
                    "not working",
                    "cannot log in",
                    "can't log in",
                    "unable to log in",
                    "locked out",
                    "payment*",
                    "checkout",
                    "charged twice",
                    "double charged",
                    "double charge",
                    "refund*",
                    "chargeback*",
                    "data loss",
                    "lost data",
                    "security",
                    "breach*",
                    "leak*",
                    "hacked",
                    "vulnerab*",
                    "crash*",
                    "corrupt*",
                    "fraud*",
                    "500 error",
                    "legal action",
                    "gdpr",
                ],
                // Hangul keywords of two or more syllables also match with a particle or a
                // second noun attached (결제가, 결제오류).
                &[
                    "결제",
                    "오류",
                    "에러",
                    "장애",
                    "로그인",
                    "환불",
                    "먹통",
                    "접속",
                    "중복 결제",
                    "이중 결제",
                    "해킹",
                    "유출",
                    "보안",
                    "데이터 손실",
                    "튕김",
                    "튕겨",
                    "강제 종료",
                    "안 돼",
                    "안돼",
                    "안 되",
                    "안되",
                ],
                &[
                    "付款",
                    "無法",
                    "當機",
                    "退款",
                    "外洩",
                    "登入",
                    "扣款",
                    "重複扣款",
                    "盜刷",
                    "資料遺失",
                    "閃退",
                    "停機",
                    "斷線",
                    "被駭",
                    "漏洞",
                    "結帳",
                    "故障",
                ],
            ),
            distress_words: KeywordLists::from_lists(
                &[
                    "urgent*",
                    "asap",
                    "as soon as possible",
                    "immediately",
                    "emergency",
                    "right now",
                    "again",
                    "still",
                    "unacceptable",
                    "escalate*",
                    "no response",
                    "third time",
                    "frustrat*",
                ],
                // 또 is one syllable, so it matches only on its own, not inside 또는 ("or").
                &[
                    "긴급",
                    "급함",
                    "급해",
                    "급합니다",
                    "빨리",
                    "당장",
                    "아직",
                    "또",
                    "다시",
                    "계속",
                    "여전히",
                    "제발",
                ],
                &[
                    "緊急",
                    "盡快",
                    "儘快",
                    "馬上",
                    "立刻",
                    "仍然",
                    "還是",
                    "依然",
                    "再次",
                    "一直",
                    "多次",
                    "十萬火急",
                ],
            ),
        }
    }
}

/// The part of the rules a validation message belongs next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleField {
    Weight(Factor),
    /// The weights as a whole (all zero).
    Weights,
    Keyword {
        list: ListId,
        index: usize,
    },
    MatrixCell {
        impact: Level,
        urgency: Level,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub field: RuleField,
    pub message: Message,
}

pub const MAX_KEYWORD_CHARS: usize = 60;

impl TriageRules {
    /// Every problem with these rules, in display order. Scoring still works with invalid
    /// rules (bad keywords are skipped), so the editor can show errors without blocking.
    pub fn validate(&self) -> Vec<RuleError> {
        let mut errors = Vec::new();
        self.validate_weights(&mut errors);
        self.validate_matrix(&mut errors);
        for kind in [KeywordKind::Risk, KeywordKind::Distress] {
            self.validate_keywords(kind, &mut errors);
        }
        errors
    }

    pub fn keywords(&self, kind: KeywordKind) -> &KeywordLists {
        match kind {
            KeywordKind::Risk => &self.risk_keywords,
            KeywordKind::Distress => &self.distress_words,
        }
    }

    pub fn keywords_mut(&mut self, kind: KeywordKind) -> &mut KeywordLists {
        match kind {
            KeywordKind::Risk => &mut self.risk_keywords,
            KeywordKind::Distress => &mut self.distress_words,
        }
    }

    fn validate_weights(&self, errors: &mut Vec<RuleError>) {
        for factor in Factor::ALL {
            let weight = self.weights.get(factor);
            if weight > Weights::MAX {
                errors.push(RuleError {
                    field: RuleField::Weight(factor),
                    message: Message::new(Text::WeightOutOfRange)
                        .arg_text("factor", factor.text())
                        .arg("weight", weight)
                        .arg("max", Weights::MAX),
                });
            }
        }
        if self.weights.total() == 0 {
            errors.push(RuleError { field: RuleField::Weights, message: Text::AllWeightsZero.into() });
        }
    }

    /// A cell may not be less urgent than the cell one step lower in impact or urgency:
    /// otherwise more customers or a worse keyword could lower a case's priority.
    fn validate_matrix(&self, errors: &mut Vec<RuleError>) {
        for impact in Level::ALL {
            for urgency in Level::ALL {
                let here = self.matrix.get(impact, urgency);
                let lower = [
                    (impact != Level::Low).then(|| (impact.lowered(), urgency)),
                    (urgency != Level::Low).then(|| (impact, urgency.lowered())),
                ];
                let Some((other_impact, other_urgency, other)) = lower
                    .into_iter()
                    .flatten()
                    .map(|(i, u)| (i, u, self.matrix.get(i, u)))
                    .find(|&(_, _, other)| other < here)
                else {
                    continue;
                };
                errors.push(RuleError {
                    field: RuleField::MatrixCell { impact, urgency },
                    message: Message::new(Text::MatrixInverted)
                        .arg_text("impact", impact.text())
                        .arg_text("urgency", urgency.text())
                        .arg("here", here)
                        .arg("other", other)
                        .arg_text("other_impact", other_impact.text())
                        .arg_text("other_urgency", other_urgency.text()),
                });
            }
        }
    }

    fn validate_keywords(&self, kind: KeywordKind, errors: &mut Vec<RuleError>) {
        // Duplicates are checked across all languages of a kind: the same word in two lists
        // would count twice in the distinct-keyword tally.
        let mut seen: Vec<(FoldedKeyword, ListId, usize)> = Vec::new();
        for language in Language::ALL {
            let list = ListId { kind, language };
            for (index, keyword) in self.keywords(kind).get(language).iter().enumerate() {
                let field = RuleField::Keyword { list, index };
                let folded = fold_keyword(keyword);
                let message = if folded.text.is_empty() {
                    Message::new(Text::KeywordEmpty).arg("n", index + 1)
                } else if keyword.trim().chars().count() > MAX_KEYWORD_CHARS {
                    Message::new(Text::KeywordTooLong)
                        .arg("keyword", keyword.trim())
                        .arg("max", MAX_KEYWORD_CHARS)
                } else if let Some((_, first_list, first_index)) =
                    seen.iter().find(|(earlier, _, _)| *earlier == folded)
                {
                    let repeated = if first_list.language == language {
                        Message::new(Text::KeywordRepeatedHere)
                    } else {
                        Message::new(Text::KeywordRepeatedThere).arg_text("list", first_list.language.text())
                    };
                    repeated.arg("keyword", keyword.trim()).arg("n", first_index + 1)
                } else {
                    seen.push((folded, list, index));
                    continue;
                };
                errors.push(RuleError { field, message });
            }
        }
    }
}
