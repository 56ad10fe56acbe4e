#![cfg(not(target_arch = "wasm32"))]
//! Properties of grouping over random small desks drawn from a shared vocabulary, so that
//! many cases overlap.

use proptest::prelude::*;
use triage_desk::domain::case::CaseId;
use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};

const WORDS: &[&str] = &[
    "checkout",
    "card",
    "declined",
    "login",
    "password",
    "reset",
    "email",
    "invoice",
    "export",
    "slow",
    "결제",
    "오류",
    "로그인",
    "付款失敗",
    "登入",
    "crash",
    "android",
    "safari",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|words| words.join(" "))
}

fn desk() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((text(), text()), 2..24)
}

fn id(at: usize) -> CaseId {
    CaseId(format!("c{at:02}"))
}

fn build(cases: &[(String, String)]) -> SimilarityIndex {
    let mut index = SimilarityIndex::new();
    for (at, (title, description)) in cases.iter().enumerate() {
        index.upsert(&id(at), title, description);
    }
    index
}

proptest! {
    #[test]
    fn not_duplicate_pairs_never_share_a_group(
        cases in desk(),
        pairs in prop::collection::vec((0usize..24, 0usize..24), 0..12),
        threshold in 0.2f32..0.8,
    ) {
        let mut not_duplicates = NotDuplicates::new();
        for (a, b) in pairs {
            not_duplicates.insert(&id(a % cases.len()), &id(b % cases.len()));
        }
        let settings = GroupingSettings { threshold, ..GroupingSettings::default() };
        for group in build(&cases).group(&settings, &not_duplicates) {
            prop_assert!(group.size() >= 2);
            prop_assert_eq!(&group.id, &format!("g-{}", group.members[0]));
            for (a, b) in not_duplicates.iter() {
                prop_assert!(!(group.members.contains(a) && group.members.contains(b)));
            }
        }
    }

    #[test]
    fn edits_and_removals_match_a_rebuild(
        cases in desk(),
        edits in prop::collection::vec((0usize..24, text()), 0..8),
        removed in prop::collection::vec(0usize..24, 0..4),
    ) {
        let mut index = build(&cases);
        let mut current: Vec<Option<(String, String)>> = cases.iter().cloned().map(Some).collect();
        for (at, title) in edits {
            let at = at % cases.len();
            let description = current[at].as_ref().map_or(String::new(), |case| case.1.clone());
            index.upsert(&id(at), &title, &description);
            current[at] = Some((title, description));
        }
        for at in removed {
            let at = at % cases.len();
            index.remove(&id(at));
            current[at] = None;
        }
        let mut rebuilt = SimilarityIndex::new();
        for (at, case) in current.iter().enumerate().rev() {
            if let Some((title, description)) = case {
                rebuilt.upsert(&id(at), title, description);
            }
        }
        let settings = GroupingSettings::default();
        prop_assert_eq!(index.group(&settings, &NotDuplicates::new()), rebuilt.group(&settings, &NotDuplicates::new()));
        for (title, description) in current.iter().flatten() {
            prop_assert_eq!(
                index.similar_to_text(title, description, SIMILAR_COUNT),
                rebuilt.similar_to_text(title, description, SIMILAR_COUNT)
            );
        }
    }
}
