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
fn near_duplicates_group_across_languages_and_unrelated_cases_stay_alone() {
    // The Korean and the Chinese reports of a failing card payment meet through the glossary
    // (결제 and 付款 are "payment", 오류 and 失敗 "error"); the English ones say "declined".
    let groups = grouped(&desk(), &NotDuplicates::new());
    let expected: Vec<Vec<CaseId>> = vec![
        vec![id("c06"), id("c07"), id("c08"), id("c09")],
        vec![id("c01"), id("c02"), id("c03")],
        vec![id("c04"), id("c05")],
    ];
    assert_eq!(groups, expected);
}

#[test]
fn group_ids_come_from_the_smallest_member_and_summaries_name_the_group() {
    let cases = desk();
    let index = SimilarityIndex::from_cases(&cases);
    let mut groups = index.group(&GroupingSettings::default(), &NotDuplicates::new());
    groups.retain(|group| group.members.contains(&id("c01")));
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
    // A~B, B~C and C~D each share half their words, A and C or D share none (nor any
    // glossary concept): single-link grouping would put all four in one group.
    let cases = vec![
        case("a", "spooler jammed tray misfeed", ""),
        case("b", "tray misfeed toner smudge", ""),
        case("c", "toner smudge duplex skew", ""),
        case("d", "duplex skew roller squeak", ""),
    ];
    let settings = GroupingSettings::default();
    let index = SimilarityIndex::from_cases(&cases);
    let similarity = |from: usize, to: &str| {
        let found = index.similar_to_case(&cases[from], 3, &NotDuplicates::new());
        found.iter().find(|similar| similar.id.0 == to).map_or(0.0, |similar| similar.similarity)
    };
    // Each link is similar enough to pair on its own (0.3 is the least any pair needs).
    for (from, to) in [(0, "b"), (1, "c"), (2, "d")] {
        assert!(similarity(from, to) >= 0.3, "{from} {to}: {}", similarity(from, to));
    }
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

#[test]
fn a_long_stack_trace_does_not_outrank_a_matching_title() {
    let trace: String = (0..40)
        .map(|i| {
            format!("at com.shop.checkout.PaymentForm.submit(PaymentForm.java:{i}) NullPointerException\n")
        })
        .collect();
    let cases = vec![
        case("title", "Checkout payment form crashes on submit", "Happens for every customer since noon."),
        case("trace", "Nightly export job slow", &format!("Log attached:\n{trace}")),
        case("other", "Dark mode toggle missing", "Cannot find the dark theme option"),
    ];
    let index = SimilarityIndex::from_cases(&cases);
    let found = index.similar_to_text(
        "Payment form crashes at checkout",
        "NullPointerException in PaymentForm.submit when customers pay",
        SIMILAR_COUNT,
    );
    assert_eq!(found[0].id, id("title"), "{found:?}");
}

#[test]
fn a_typo_still_finds_the_cases_that_spell_it_right() {
    let cases = vec![
        case("right", "Password reset email never arrives", "No reset link after forgot password"),
        case("other", "Invoice totals are wrong", "VAT added twice on the invoice"),
    ];
    let index = SimilarityIndex::from_cases(&cases);
    let found = index.similar_to_text("Pasword reset emial not arriving", "", SIMILAR_COUNT);
    assert_eq!(found[0].id, id("right"), "{found:?}");
    // The matched words are the other case's spelling, so highlighting finds them there.
    assert!(found[0].matched.iter().any(|word| word == "password"), "{:?}", found[0].matched);
    assert!(found[0].matched.iter().any(|word| word == "email"), "{:?}", found[0].matched);
}

#[test]
fn full_width_and_ascii_identifiers_match_across_languages_and_say_so() {
    let cases = vec![
        case("ko", "카드 결제 시 PAY-502 오류", "결제 단계에서 승인 실패"),
        case("other", "배송 조회가 안 됩니다", "택배 위치가 안 나와요"),
    ];
    let index = SimilarityIndex::from_cases(&cases);
    let found = index.similar_to_text("信用卡付款失敗 ＰＡＹ－５０２", "", SIMILAR_COUNT);
    assert_eq!(found[0].id, id("ko"), "{found:?}");
    assert_eq!(found[0].matched, ["PAY-502"], "the code as one word, not its parts");
    let through: Vec<(&str, &str)> =
        found[0].glossary.iter().map(|m| (m.word.as_str(), m.concept.as_str())).collect();
    assert!(through.contains(&("付款", "payment")) && through.contains(&("信用卡", "card")), "{through:?}");
    let marked = found[0].highlight_words();
    assert!(
        marked.iter().any(|word| word == "결제") && marked.iter().any(|word| word == "카드"),
        "{marked:?}"
    );
}

/// Reports of `problems` distinct problems, each told `copies` times in other words, plus
/// one-off cases on the same products; ids say which problem a report is about.
fn desk_with_density(copies: usize) -> Vec<Case> {
    const PROBLEMS: &[(&str, &[&str])] = &[
        (
            "card",
            &[
                "Card payment declined at checkout",
                "Customers' cards refused on the last step",
                "Checkout rejects every credit card",
                "카드 결제가 승인 거절됩니다",
                "結帳時信用卡付款被拒絕",
            ],
        ),
        (
            "login",
            &[
                "Staff cannot log in after SSO change",
                "Login broken for the whole team since SSO update",
                "SSO sign in fails with AUTH-1103",
                "회사 계정으로 로그인이 안 됩니다",
                "SSO 變更後無法登入",
            ],
        ),
        (
            "refund",
            &[
                "Refund not received after cancelling",
                "Cancelled order still not refunded",
                "Where is my refund for the cancelled order",
                "주문 취소 후 환불이 안 들어왔어요",
                "取消訂單後沒有收到退款",
            ],
        ),
        (
            "crash",
            &[
                "App crashes on launch after update 5.2.0",
                "iOS app closes right after opening since update",
                "5.2.0 update makes the app crash at start",
                "업데이트 후 앱이 바로 종료됩니다",
                "更新後App一打開就閃退",
            ],
        ),
    ];
    const ONE_OFFS: &[&str] = &[
        "Dark mode toggle missing in settings",
        "Invoice PDF shows the wrong company name",
        "Add PayPal as a payment method",
        "How do I change the email on my account",
        "Search results are sorted oddly",
        "배송 예정일을 알고 싶어요",
        "會員點數什麼時候到期",
        "Prices shown in dollars instead of won",
    ];
    let mut cases = Vec::new();
    for (name, reports) in PROBLEMS {
        for copy in 0..copies {
            let text = reports[copy % reports.len()];
            cases.push(case(&format!("{name}-{copy:02}"), text, &format!("Reported by customer {copy}.")));
        }
    }
    for (at, text) in ONE_OFFS.iter().enumerate() {
        cases.push(case(&format!("one-off-{at}"), text, ""));
    }
    cases
}

#[test]
fn the_same_desk_at_any_duplicate_density_keeps_its_groups_coherent() {
    for copies in [2, 5, 20] {
        let cases = desk_with_density(copies);
        let groups = grouped(&cases, &NotDuplicates::new());
        for group in &groups {
            let problem = |id: &CaseId| id.0.split('-').next().unwrap().to_string();
            assert!(
                group.iter().all(|id| problem(id) == problem(&group[0]) && !id.0.starts_with("one-off")),
                "{copies} copies: a group mixes problems: {group:?}"
            );
        }
        let grouped_cases: usize = groups.iter().map(Vec::len).sum();
        // Most reports of the four problems find their group, at every density.
        assert!(
            grouped_cases * 10 >= 6 * 4 * copies,
            "{copies} copies: only {grouped_cases} grouped: {groups:?}"
        );
    }
}

/// An incident reported by many customers is one big group: grouping exists to show that
/// blast radius. The synthetic desk plants incidents of up to 30 reports, each in its own
/// words; a merge bar rising with group size once cut its largest group from 20 to 8.
#[test]
fn a_big_incident_stays_one_group() {
    let cases = synthetic::synthetic_cases(10_000);
    let groups =
        SimilarityIndex::from_cases(&cases).group(&GroupingSettings::default(), &NotDuplicates::new());
    let largest = groups.iter().map(|group| group.size()).max().unwrap_or(0);
    assert!(largest >= 15, "the largest group holds {largest} cases");
}

#[path = "../benches/support/scoring.rs"]
mod scoring;

#[test]
fn both_cross_language_benchmark_sets_group_with_pairwise_f1_above_0_6() {
    // The tuning set, and the check set written after the engine was tuned.
    for (name, json) in [("tuning", scoring::CROSS_LANGUAGE), ("check", scoring::CROSS_LANGUAGE_CHECK)] {
        let set = scoring::read_cross_language(json);
        let cases: Vec<Case> =
            set.items.iter().map(|item| case(&item.id, &item.title, &item.description)).collect();
        let index = SimilarityIndex::from_cases(&cases);
        let mut labels: Vec<usize> = (0..cases.len()).collect();
        for group in index.group(&GroupingSettings::default(), &NotDuplicates::new()) {
            let first = cases.iter().position(|case| case.id == group.members[0]).unwrap();
            for member in &group.members {
                labels[cases.iter().position(|case| &case.id == member).unwrap()] = first;
            }
        }
        let scores = scoring::score(&labels, &set.gold);
        assert!(
            scores.f1 >= 0.6,
            "{name}: pairwise F1 {:.3} (P {:.3}, R {:.3})",
            scores.f1,
            scores.precision,
            scores.recall
        );
    }
}

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

/// The groups (at three slider positions) and the similar lists of the 10,000 synthetic cases
/// of the speed benchmark, folded into one number. Speed work on the index and the candidate
/// search must leave it as it is; a change meant to group differently updates it, saying why.
#[test]
fn the_synthetic_desk_groups_as_before_the_speed_work() {
    let cases = synthetic::synthetic_cases(10_000);
    let index = SimilarityIndex::from_cases(&cases);
    let none = NotDuplicates::new();
    let mut fingerprint = 0xcbf2_9ce4_8422_2325u64;
    let mut fold = |text: &str| {
        for byte in text.bytes().chain([0]) {
            fingerprint = (fingerprint ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
    };
    let mut groups = 0;
    for threshold in [0.3, 0.5, 0.7] {
        for group in index.group(&GroupingSettings { threshold, ..GroupingSettings::default() }, &none) {
            groups += 1;
            group.members.iter().for_each(|member| fold(&member.0));
            fold(&group.medoid.0);
            group.top_terms.iter().for_each(|term| fold(term));
        }
    }
    for case in cases.iter().step_by(97) {
        for similar in index.similar_to_case(case, 10, &none) {
            fold(&similar.id.0);
            similar.matched.iter().for_each(|word| fold(word));
        }
    }
    assert_eq!((groups, fingerprint), (2477, 3_472_986_417_272_888_399));
}
