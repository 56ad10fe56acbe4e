//! Duplicate grouping: similar-case search while a case is typed, groups of likely duplicates,
//! and surges (many reports of one problem in a short time).
//!
//! Text is title + description, normalised and split by script ([`tokenize`]), weighted by
//! TF-IDF with sublinear term frequency and compared by cosine similarity. A
//! [`SimilarityIndex`] is updated one case at a time; each query reads only the postings of
//! a case's rarer terms, so cost does not grow with the square of the number of cases.

mod cluster;
pub mod glossary;
mod index;
pub mod tokenize;
mod vocabulary;

pub use cluster::{GroupingRun, NEUTRAL};
pub use index::SimilarityIndex;

use crate::domain::case::{Case, CaseId, Timestamp};
use crate::domain::fast_hash::FastMap;
use crate::domain::sort;
use crate::i18n::{Message, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How many similar cases the app lists.
pub const SIMILAR_COUNT: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupingSettings {
    /// How strict grouping is, 0.2..0.9: [`NEUTRAL`] (0.5) judges pairs against this desk's
    /// own similarities; higher asks proportionally more of a pair, lower less.
    pub threshold: f32,
    /// A group surges when at least this many members arrived within the window.
    pub surge_count: usize,
    pub surge_window_minutes: u32,
}

impl Default for GroupingSettings {
    fn default() -> Self {
        GroupingSettings { threshold: NEUTRAL, surge_count: 3, surge_window_minutes: 30 }
    }
}

/// The strictness slider in words: the default adapts to the desk, and the slider scales
/// how far above its cases' background a pair must stand.
pub fn strictness_label(threshold: f32) -> Message {
    let change = ((threshold / NEUTRAL - 1.0) * 100.0).round() as i32;
    match change {
        0 => Text::StrictnessDefault.into(),
        1.. => Message::new(Text::StrictnessStricter).arg("change", change),
        _ => Message::new(Text::StrictnessLooser).arg("change", -change),
    }
}

/// Pairs of cases a person said are not duplicates; grouping never puts them together.
/// Stored as a list of pairs; read back through `insert` so hand-edited or older files in
/// either order still match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<(CaseId, CaseId)>", into = "Vec<(CaseId, CaseId)>")]
pub struct NotDuplicates(BTreeSet<(CaseId, CaseId)>);

impl From<Vec<(CaseId, CaseId)>> for NotDuplicates {
    fn from(pairs: Vec<(CaseId, CaseId)>) -> Self {
        let mut set = NotDuplicates::new();
        for (a, b) in &pairs {
            set.insert(a, b);
        }
        set
    }
}

impl From<NotDuplicates> for Vec<(CaseId, CaseId)> {
    fn from(set: NotDuplicates) -> Self {
        set.0.into_iter().collect()
    }
}

impl NotDuplicates {
    pub fn new() -> NotDuplicates {
        NotDuplicates::default()
    }

    fn key(a: &CaseId, b: &CaseId) -> (CaseId, CaseId) {
        if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    }

    /// Records the pair in either order; returns false if it was known or is one case twice.
    pub fn insert(&mut self, a: &CaseId, b: &CaseId) -> bool {
        a != b && self.0.insert(Self::key(a, b))
    }

    pub fn remove(&mut self, a: &CaseId, b: &CaseId) -> bool {
        self.0.remove(&Self::key(a, b))
    }

    pub fn contains(&self, a: &CaseId, b: &CaseId) -> bool {
        self.0.contains(&Self::key(a, b))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&CaseId, &CaseId)> {
        self.0.iter().map(|(a, b)| (a, b))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One entry of a similar-cases list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimilarCase {
    pub id: CaseId,
    /// Cosine similarity, 0..1.
    pub similarity: f32,
    /// The shared words as written in the query text, the strongest first.
    pub matched: Vec<String>,
    /// Words of the query that matched the other case only through the support glossary
    /// (the other case says the same in other words or another language), strongest first.
    pub glossary: Vec<GlossaryMatch>,
}

/// A word that matched through the support glossary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GlossaryMatch {
    /// As written in the query text ("결제").
    pub word: String,
    /// The glossary entry's English name ("payment").
    pub concept: String,
    /// Every form of the entry, in all three languages.
    pub forms: Vec<String>,
}

impl SimilarCase {
    pub fn percent(&self) -> u32 {
        (self.similarity * 100.0).round() as u32
    }

    /// The words to mark in the other case's text: the shared words, and every form of the
    /// glossary entries that matched, since the other case used one of them.
    pub fn highlight_words(&self) -> Vec<String> {
        let mut words = self.matched.clone();
        for found in &self.glossary {
            words.extend(found.forms.iter().cloned());
        }
        words
    }
}

/// Marks a top term that is a glossary concept's name, not a word of the cases.
pub const VIA_GLOSSARY: &str = " (via glossary)";

/// A group of likely duplicates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// "g-" + the smallest member id: the same for every member, and stable across runs.
    pub id: String,
    /// Sorted by case id; always two or more.
    pub members: Vec<CaseId>,
    /// The member most similar to the rest, whose title best names the group.
    pub medoid: CaseId,
    /// The group's strongest terms (normalised), strongest first; a concept matched only
    /// through the glossary is its name followed by [`VIA_GLOSSARY`].
    pub top_terms: Vec<String>,
    /// Average pairwise similarity of the members, 0..1.
    pub cohesion: f32,
}

impl Group {
    pub fn size(&self) -> usize {
        self.members.len()
    }
}

/// What the Groups view shows per group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSummary {
    pub group_id: String,
    pub size: usize,
    pub suggested_title: String,
    pub members: Vec<CaseId>,
    pub top_terms: Vec<String>,
    pub cohesion: f32,
}

/// Summaries of `groups` in the same order, titled after each group's medoid.
pub fn summarize(groups: &[Group], cases: &[Case]) -> Vec<GroupSummary> {
    // Only the medoids' titles are wanted: a map of them, filled in one pass over the cases.
    let mut titles: FastMap<&CaseId, Option<&str>> =
        groups.iter().map(|group| (&group.medoid, None)).collect();
    for case in cases {
        if let Some(title) = titles.get_mut(&case.id) {
            *title = Some(&case.title);
        }
    }
    groups
        .iter()
        .map(|group| GroupSummary {
            group_id: group.id.clone(),
            size: group.size(),
            suggested_title: titles
                .get(&group.medoid)
                .copied()
                .flatten()
                .map_or_else(|| group.top_terms.join(" "), |t| t.to_string()),
            members: group.members.clone(),
            top_terms: group.top_terms.clone(),
            cohesion: group.cohesion,
        })
        .collect()
}

/// A group where many members arrived recently.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Surge {
    pub group_id: String,
    /// The members created within the window, oldest first.
    pub recent: Vec<CaseId>,
}

/// Groups with at least `surge_count` members created in the last `surge_window_minutes`,
/// biggest bursts first.
pub fn detect_surges(
    groups: &[Group],
    created_at: impl Fn(&CaseId) -> Option<Timestamp>,
    settings: &GroupingSettings,
    now: Timestamp,
) -> Vec<Surge> {
    let since = now - chrono::Duration::minutes(settings.surge_window_minutes.into());
    let mut surges: Vec<Surge> = groups
        .iter()
        .filter_map(|group| {
            // Times from another tab may run slightly ahead of `now`; they still count as recent.
            let mut recent: Vec<(Timestamp, &CaseId)> = group
                .members
                .iter()
                .filter_map(|id| created_at(id).filter(|at| *at >= since).map(|at| (at, id)))
                .collect();
            if recent.len() < settings.surge_count.max(1) {
                return None;
            }
            sort::sort(&mut recent);
            Some(Surge {
                group_id: group.id.clone(),
                recent: recent.into_iter().map(|(_, id)| id.clone()).collect(),
            })
        })
        .collect();
    sort::sort_by(&mut surges, |a, b| {
        b.recent.len().cmp(&a.recent.len()).then_with(|| a.group_id.cmp(&b.group_id))
    });
    surges
}
