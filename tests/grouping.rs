//! Behaviour of duplicate grouping as the app relies on it.

mod support;

use support::{at, id};
use triage_desk::domain::case::{Case, CaseDraft, CaseId};
use triage_desk::domain::grouping::{
    detect_surges, summarize, GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT,
};

fn case(id: &str, title: &str, description: &str) -> Case {
    let draft = CaseDraft { title: title.into(), description: description.into(), ..CaseDraft::default() };
    support::case(id, draft, at(0))
}

fn desk() -> Vec<Case> {
    vec![
        case("c01", "Checkout fails with card declined error", "Customer pays with Visa, gets declined"),
        case("c02", "Card declined at checkout", "Visa card declined error on checkout page"),
        case("c03", "Checkout card declined error again", "declined Visa card at checkout"),
        case("c04", "Password reset email never arrives", "No reset email after clicking forgot password"),
        case("c05", "Forgot password email not received", "reset password email does not arrive"),
        case("c06", "결제 오류가 발생합니다", "카드 결제 오류 앱에서 결제가 안 됩니다"),
        case("c07", "앱에서 결제 오류", "카드 결제가 계속 오류가 납니다"),
        case("c08", "付款失敗無法登入", "信用卡付款失敗"),
        case("c09", "信用卡付款失敗", "付款失敗 無法完成訂單"),
        case("c10", "Dark mode toggle missing in settings", "Cannot find the dark theme option"),
    ]
}

fn grouped(cases: &[Case], not_duplicates: &NotDuplicates) -> Vec<Vec<CaseId>> {
    let index = SimilarityIndex::from_cases(cases);
    index.group(&GroupingSettings::default(), not_duplicates).into_iter().map(|group| group.members).collect()
}

#[test]
fn near_duplicates_group_by_language_and_unrelated_cases_stay_alone() {
    let groups = grouped(&desk(), &NotDuplicates::new());
    let expected: Vec<Vec<CaseId>> = vec![
        vec![id("c01"), id("c02"), id("c03")],
        vec![id("c04"), id("c05")],
        vec![id("c06"), id("c07")],
        vec![id("c08"), id("c09")],
    ];
    assert_eq!(groups, expected);
}

#[test]
fn group_ids_come_from_the_smallest_member_and_summaries_name_the_group() {
    let cases = desk();
    let index = SimilarityIndex::from_cases(&cases);
    let groups = index.group(&GroupingSettings::default(), &NotDuplicates::new());
    assert_eq!(groups[0].id, "g-c01");
    assert!(groups[0].cohesion > 0.5 && groups[0].cohesion <= 1.0);
    assert!(groups[0].top_terms.iter().any(|term| term == "declined"), "{:?}", groups[0].top_terms);
    let summaries = summarize(&groups, &cases);
    assert_eq!(summaries[0].size, 3);
    assert_eq!(summaries[0].group_id, "g-c01");
    let medoid_title = &cases.iter().find(|case| case.id == groups[0].medoid).unwrap().title;
    assert_eq!(&summaries[0].suggested_title, medoid_title);
}

#[test]
fn a_chain_of_half_similar_cases_does_not_join_unrelated_ends() {
    // A~B, B~C and C~D each share half their words, A and D share none: single-link grouping
    // would put all four in one group.
    let cases = vec![
        case("a", "printer offline spooler jammed", ""),
        case("b", "spooler jammed wifi router", ""),
        case("c", "wifi router invoice overdue", ""),
        case("d", "invoice overdue refund pending", ""),
    ];
    let settings = GroupingSettings { threshold: 0.3, ..GroupingSettings::default() };
    let index = SimilarityIndex::from_cases(&cases);
    let similarity = |from: usize, to: &str| {
        let found = index.similar_to_case(&cases[from], 3, &NotDuplicates::new());
        found.iter().find(|similar| similar.id.0 == to).map_or(0.0, |similar| similar.similarity)
    };
    assert!(similarity(0, "b") >= settings.threshold);
    assert!(similarity(1, "c") >= settings.threshold);
    assert!(similarity(2, "d") >= settings.threshold);
    assert_eq!(similarity(0, "d"), 0.0);

    let groups = index.group(&settings, &NotDuplicates::new());
    assert!(!groups.is_empty(), "neighbours still group");
    for group in &groups {
        let holds = |name: &str| group.members.contains(&id(name));
        assert!(!(holds("a") && holds("d")), "chained: {:?}", group.members);
        assert!(group.size() <= 2, "{:?}", group.members);
    }
}

#[test]
fn not_duplicate_pairs_never_share_a_group() {
    let mut not_duplicates = NotDuplicates::new();
    assert!(not_duplicates.insert(&id("c02"), &id("c01")));
    assert!(!not_duplicates.insert(&id("c01"), &id("c02")), "either order is the same pair");
    assert!(!not_duplicates.insert(&id("c01"), &id("c01")));
    let groups = grouped(&desk(), &not_duplicates);
    for group in &groups {
        assert!(!(group.contains(&id("c01")) && group.contains(&id("c02"))), "{group:?}");
    }
    assert!(groups.iter().any(|group| group.contains(&id("c03")) && group.len() == 2));

    let cases = desk();
    let index = SimilarityIndex::from_cases(&cases);
    let similar = index.similar_to_case(&cases[0], SIMILAR_COUNT, &not_duplicates);
    assert!(similar.iter().all(|found| found.id != id("c02") && found.id != id("c01")));
}

#[test]
fn incremental_updates_equal_a_rebuild() {
    let cases = desk();
    let mut index = SimilarityIndex::new();
    for case in cases.iter().rev() {
        index.upsert_case(case);
    }
    index.upsert(&id("c99"), "Temporary case about invoices", "will be removed");
    index.upsert(&id("c04"), "Completely different text first", "");
    index.upsert_case(&cases[3]);
    assert!(index.remove(&id("c99")));
    assert!(!index.remove(&id("c99")));
    index.remove(&id("c10"));
    index.upsert_case(&cases[9]);

    let rebuilt = SimilarityIndex::from_cases(&cases);
    let settings = GroupingSettings::default();
    assert_eq!(index.len(), rebuilt.len());
    assert_eq!(
        index.group(&settings, &NotDuplicates::new()),
        rebuilt.group(&settings, &NotDuplicates::new())
    );
    for case in &cases {
        assert_eq!(
            index.similar_to_case(case, SIMILAR_COUNT, &NotDuplicates::new()),
            rebuilt.similar_to_case(case, SIMILAR_COUNT, &NotDuplicates::new())
        );
    }
}

#[test]
fn similar_cases_for_typed_text_list_the_matched_words_strongest_first() {
    let index = SimilarityIndex::from_cases(&desk());
    let found = index.similar_to_text("Visa card DECLINED", "", SIMILAR_COUNT);
    assert!(found.len() >= 3 && found.len() <= SIMILAR_COUNT);
    assert!(found[..3].iter().all(|similar| ["c01", "c02", "c03"].contains(&similar.id.0.as_str())));
    assert!(found.windows(2).all(|pair| pair[0].similarity >= pair[1].similarity));
    let best = &found[0];
    assert!(best.similarity > 0.0 && best.similarity <= 1.0);
    assert_eq!(best.percent(), (best.similarity * 100.0).round() as u32);
    let mut matched = best.matched.clone();
    matched.sort();
    assert_eq!(matched, ["DECLINED", "Visa", "card"], "the words as typed");

    let korean = index.similar_to_text("결제 오류", "", 1);
    assert!([id("c06"), id("c07")].contains(&korean[0].id));
    assert!(korean[0].matched.contains(&"결제".to_string()));
    assert!(index.similar_to_text("the and of", "", 5).is_empty(), "stop words match nothing");
}

#[test]
fn typed_text_scores_as_it_will_once_saved() {
    let mut cases = desk();
    let mut index = SimilarityIndex::from_cases(&cases);
    let typed = index.similar_to_text("Password reset email missing", "", 2);
    let new_case = case("c11", "Password reset email missing", "");
    index.upsert_case(&new_case);
    cases.push(new_case);
    let saved = index.similar_to_case(&cases[10], 2, &NotDuplicates::new());
    assert_eq!(typed.len(), saved.len());
    for (before, after) in typed.iter().zip(&saved) {
        assert_eq!(before.id, after.id);
        assert!((before.similarity - after.similarity).abs() < 1e-5);
    }
}

#[test]
fn surges_are_groups_with_enough_recent_arrivals() {
    let mut cases = desk();
    let minutes = [-100, -25, -10, -5, -20, -300, -300, -300, -300, -300];
    for (case, minute) in cases.iter_mut().zip(minutes) {
        case.created_at = at(minute);
    }
    let index = SimilarityIndex::from_cases(&cases);
    let settings = GroupingSettings::default();
    let groups = index.group(&settings, &NotDuplicates::new());
    let created =
        |case_id: &CaseId| cases.iter().find(|case| &case.id == case_id).map(|case| case.created_at);

    let surges = detect_surges(&groups, created, &settings, at(0));
    assert!(surges.is_empty(), "the checkout group has only 2 members in the last 30 minutes");

    let wider = GroupingSettings { surge_window_minutes: 120, ..settings.clone() };
    let surges = detect_surges(&groups, created, &wider, at(0));
    assert_eq!(surges.len(), 1);
    assert_eq!(surges[0].group_id, "g-c01");
    assert_eq!(surges[0].recent, [id("c01"), id("c02"), id("c03")], "oldest first");

    let two = GroupingSettings { surge_count: 2, ..settings };
    let surges = detect_surges(&groups, created, &two, at(0));
    assert_eq!(surges.iter().map(|surge| surge.group_id.as_str()).collect::<Vec<_>>(), ["g-c01", "g-c04"]);
}

#[test]
fn settings_fill_missing_fields_with_defaults() {
    let settings: GroupingSettings = serde_json::from_str(r#"{"threshold": 0.7}"#).unwrap();
    assert_eq!(settings.threshold, 0.7);
    assert_eq!((settings.surge_count, settings.surge_window_minutes), (3, 30));
    let pairs: NotDuplicates = serde_json::from_str(r#"[["b", "a"]]"#).unwrap();
    assert!(pairs.contains(&id("a"), &id("b")));
}

#[test]
fn a_run_searched_a_few_cases_at_a_time_gives_the_same_groups_and_notices_a_changed_index() {
    let cases: Vec<Case> = (0..300)
        .map(|i| {
            let topic =
                ["checkout card declined", "password reset email", "결제 카드 오류", "付款失敗 信用卡"]
                    [i % 4];
            case(
                &format!("c{i:03}"),
                &format!("{topic} report {}", i % 7),
                &format!("{topic} again, case {i}"),
            )
        })
        .collect();
    let settings = GroupingSettings::default();
    let none = NotDuplicates::new();
    let mut index = SimilarityIndex::from_cases(&cases);
    let whole = index.group(&settings, &none);
    assert!(!whole.is_empty());

    let mut run = index.start_grouping(settings.threshold);
    let mut slices = 1;
    while !run.search(|| true) {
        slices += 1;
    }
    assert!(slices > 1, "searched in {slices} slices");
    assert_eq!(index.finish_grouping(run, &none), Some(whole));

    let mut run = index.start_grouping(settings.threshold);
    run.search(|| false);
    index.upsert(&id("c000"), "Dark mode toggle missing", "");
    assert_eq!(index.finish_grouping(run, &none), None, "a run is for the index it started on");
}
