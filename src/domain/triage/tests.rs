use super::*;
use crate::domain::case::{CaseDraft, CaseId};
use chrono::{TimeZone, Utc};

fn at(hour: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, hour, 0, 0).unwrap()
}

fn case(title: &str, description: &str) -> Case {
    let draft = CaseDraft { title: title.into(), description: description.into(), ..CaseDraft::default() };
    Case::create(CaseId("c1".into()), draft, "Mina", at(0))
}

fn signals(title: &str, description: &str) -> TextSignals {
    TextSignals::analyze(&case(title, description), &CompiledRules::new(&TriageRules::default()))
}

/// The matched text of each keyword hit, in order.
fn hits(title: &str) -> Vec<String> {
    signals(title, "")
        .matches
        .iter()
        .filter(|m| matches!(m.cue, Cue::Keyword { .. }))
        .map(|m| title[m.range.clone()].to_string())
        .collect()
}

#[test]
fn default_matrix_is_the_itil_table() {
    use Level::{High as H, Low as L, Medium as M};
    use Priority::*;
    let table = [
        (H, H, P1),
        (H, M, P2),
        (M, H, P2),
        (H, L, P3),
        (M, M, P3),
        (L, H, P3),
        (M, L, P4),
        (L, M, P4),
        (L, L, P4),
    ];
    let matrix = PriorityMatrix::default();
    for (impact, urgency, expected) in table {
        assert_eq!(matrix.get(impact, urgency), expected, "impact {impact:?}, urgency {urgency:?}");
    }
}

#[test]
fn matrix_cells_can_be_edited_and_round_trip_through_json() {
    let mut rules = TriageRules::default();
    rules.matrix.set(Level::Low, Level::High, Priority::P2);
    assert_eq!(rules.matrix.get(Level::Low, Level::High), Priority::P2);
    let json = serde_json::to_string(&rules).unwrap();
    assert!(json.contains("\"p2\""));
    assert_eq!(serde_json::from_str::<TriageRules>(&json).unwrap(), rules);
}

#[test]
fn impact_comes_from_tier_and_customers() {
    let table = [
        (Tier::Free, 1, Level::Low),
        (Tier::Standard, 9, Level::Low),
        (Tier::Standard, 10, Level::Medium),
        (Tier::Premium, 1, Level::Medium),
        (Tier::Premium, 99, Level::Medium),
        (Tier::Free, 100, Level::High),
        (Tier::Enterprise, 1, Level::High),
    ];
    for (tier, customers, expected) in table {
        assert_eq!(impact(tier, customers), expected, "{tier:?} with {customers}");
    }
}

#[test]
fn urgency_is_raised_one_step_by_risk_keywords() {
    assert_eq!(urgency(Urgency::Low, 0), Level::Low);
    assert_eq!(urgency(Urgency::Low, 1), Level::Medium);
    assert_eq!(urgency(Urgency::Medium, 1), Level::High);
    assert_eq!(urgency(Urgency::High, 1), Level::High);
    assert_eq!(signals("Checkout outage and refund", "").urgency_boost, 1);
    assert_eq!(signals("Typo on the FAQ page", "").urgency_boost, 0);
}

#[test]
fn english_keywords_match_whole_words_ignoring_case() {
    assert_eq!(hits("Site is DOWN."), ["DOWN"]);
    assert!(hits("The download button is grey").is_empty());
    assert_eq!(hits("I cannot  log\nin today"), ["cannot  log\nin"]);
    assert_eq!(hits("Can’t log in"), ["Can’t log in"], "curly apostrophe");
    assert_eq!(hits("App crashing at start"), ["crashing"], "crash* takes any ending");
    assert_eq!(hits("網站down了"), ["down"], "Latin next to Han is a word edge");
}

#[test]
fn full_width_letters_match_and_report_original_bytes() {
    let title = "サイトＤＯＷＮ";
    let found = signals(title, "");
    let range = found.matches[0].range.clone();
    assert_eq!(&title[range], "ＤＯＷＮ");
}

#[test]
fn korean_keywords_match_with_particles_attached() {
    assert_eq!(hits("결제가 안 됩니다"), ["결제"]);
    assert_eq!(hits("결제를 못 해요"), ["결제"]);
    assert_eq!(hits("결제오류 발생"), ["결제"], "오류 does not start the word");
    assert!(hits("카드결제").is_empty(), "the keyword must start a word");
    let cue = |text: &str| signals(text, "").distress_cues;
    assert_eq!(cue("또 안 됩니다"), 1, "one-syllable 또 on its own");
    assert_eq!(cue("전화 또는 메일"), 0, "but not inside 또는");
}

#[test]
fn chinese_keywords_match_anywhere() {
    assert_eq!(hits("我無法登入系統"), ["無法", "登入"]);
    assert_eq!(hits("信用卡被重複扣款"), ["重複扣款", "扣款"]);
}

#[test]
fn matches_name_the_text_the_list_and_the_keyword() {
    let found = signals("Checkout broken", "결제 실패");
    let places: Vec<_> = found
        .matches
        .iter()
        .map(|m| match &m.cue {
            Cue::Keyword { list, keyword, .. } => {
                (m.field, m.range.clone(), list.language, keyword.to_string())
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        places,
        [
            (TextField::Title, 0..8, Language::English, "checkout".to_string()),
            (TextField::Description, 0..6, Language::Korean, "결제".to_string()),
        ]
    );
    assert_eq!(found.risk_keywords, 2);
}

#[test]
fn still_is_distress_only_before_a_negative() {
    let cues = |text: &str| signals(text, "").distress_cues;
    assert_eq!(cues("PayPal still goes through"), 0);
    assert_eq!(cues("Card payments still not working"), 1);
    assert_eq!(cues("Checkout is still failing for everyone"), 1);
    assert_eq!(cues("The API is still down"), 1);
    assert_eq!(cues("Login still doesn\u{2019}t work"), 1, "curly apostrophe");
    assert_eq!(cues("We still use the old app. Nothing works"), 0, "not past the sentence");
    assert_eq!(cues("아직 결제가 안 돼요"), 1);
    assert_eq!(cues("여전히 로그인이 되지 않습니다"), 1);
    assert_eq!(cues("아직 정상적으로 결제됩니다"), 0);
    assert_eq!(cues("仍然無法付款"), 1);
    assert_eq!(cues("還是可以正常付款"), 0);
    assert_eq!(cues("依然没有收到退款"), 1);
}

#[test]
fn distress_cues_are_counted_once_each() {
    assert_eq!(signals("Urgent: still broken", "urgent please").distress_cues, 2);
    assert_eq!(signals("Help!!!", "").distress_cues, 1);
    assert_eq!(signals("Help！！！", "").distress_cues, 1, "full-width marks");
    assert_eq!(signals("Help!!", "").distress_cues, 0);
    assert_eq!(signals("緊急！仍然無法付款", "").distress_cues, 2);
    assert_eq!(signals("아직도 안 돼요 제발", "").distress_cues, 2);
}

#[test]
fn shouting_needs_a_run_of_capitals_not_an_acronym() {
    let shouting = |text: &str| {
        signals(text, "")
            .matches
            .iter()
            .filter(|m| m.cue == Cue::Shouting)
            .map(|m| (m.range.start, m.range.end))
            .collect::<Vec<_>>()
    };
    assert_eq!(shouting("Why is THE SITE BROKEN for us"), [(7, 22)]);
    assert_eq!(shouting("NOTHINGWORKSNOW"), [(0, 15)], "twelve capitals in one word");
    assert_eq!(shouting("PAYMENT REJECTED"), [(0, 16)], "two long words");
    assert!(shouting("The API and SDK fail on iOS").is_empty());
    assert!(shouting("PLEASE HELP").is_empty());
    assert_eq!(shouting("I AM SO ANGRY"), [(2, 13)], "one-letter words neither count nor break");
}

#[test]
fn keyword_validation_names_the_entry() {
    let mut rules = TriageRules::default();
    rules.risk_keywords.english = vec!["Outage".into(), "  ".into(), "outage".into()];
    rules.risk_keywords.korean.push("OUTAGE".into());
    rules.distress_words.english.push("x".repeat(61));
    let english = ListId { kind: KeywordKind::Risk, language: Language::English };
    let korean = ListId { kind: KeywordKind::Risk, language: Language::Korean };
    let errors = rules.validate();
    let message = |field: RuleField| errors.iter().find(|e| e.field == field).map(|e| e.message.to_string());
    assert_eq!(
        message(RuleField::Keyword { list: english, index: 1 }),
        Some("Entry 2 is empty; type a word or remove it.".into())
    );
    assert_eq!(
        message(RuleField::Keyword { list: english, index: 2 }),
        Some("\"outage\" is already entry 1 of this list.".into())
    );
    let last_korean = rules.risk_keywords.korean.len() - 1;
    assert_eq!(
        message(RuleField::Keyword { list: korean, index: last_korean }),
        Some("\"OUTAGE\" is already entry 1 of the English list.".into())
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors[3].message.to_string().contains("too long"));
}

#[test]
fn a_wildcard_is_a_different_keyword_but_a_bare_star_is_empty() {
    let mut rules = TriageRules::default();
    rules.risk_keywords.english = vec!["crash".into(), "crash*".into(), "*".into()];
    let errors = rules.validate();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.to_string().contains("empty"));
}

#[test]
fn weight_and_matrix_validation() {
    assert_eq!(TriageRules::default().validate(), []);
    let mut rules = TriageRules::default();
    rules.weights.tier = 51;
    rules.matrix.set(Level::High, Level::High, Priority::P3);
    let errors = rules.validate();
    assert_eq!(errors[0].field, RuleField::Weight(Factor::Tier));
    assert_eq!(errors[0].message.to_string(), "Tier weight is 51; use 0 to 50.");
    assert_eq!(errors[1].field, RuleField::MatrixCell { impact: Level::High, urgency: Level::High });
    assert_eq!(
        errors[1].message.to_string(),
        "High impact / High urgency is P3, less urgent than P2 for Medium impact / High urgency; \
         a higher impact or urgency should not get a lower priority."
    );

    let mut zero = TriageRules::default();
    Factor::ALL.iter().for_each(|&factor| zero.weights.set(factor, 0));
    assert_eq!(zero.validate()[0].field, RuleField::Weights);
    let score =
        score(&case("Outage", ""), &signals("Outage", ""), TimePressure::Age(Duration::zero()), 1, &zero);
    assert_eq!(score.total, 0);
}

#[test]
fn older_stored_rules_load_with_defaults_for_missing_fields() {
    let rules: TriageRules = serde_json::from_str(r#"{"weights":{"matrix":20}}"#).unwrap();
    assert_eq!(rules.weights.matrix, 20);
    assert_eq!(rules.weights.tier, Weights::default().tier);
    assert_eq!(rules.risk_keywords, TriageRules::default().risk_keywords);
    assert_eq!(serde_json::from_str::<TriageRules>("{}").unwrap(), TriageRules::default());
}

#[test]
fn default_weights_are_the_maximum_points() {
    let weights = Weights::default();
    let max = weights.max_points();
    for factor in Factor::ALL {
        assert_eq!(max.get(factor), weights.get(factor));
    }
    assert_eq!(max.total(), 100);
}

#[test]
fn uneven_weights_still_split_exactly_100_points() {
    let mut weights = Weights::default();
    Factor::ALL.iter().for_each(|&factor| weights.set(factor, 1));
    let max = weights.max_points();
    assert_eq!(max.total(), 100);
    assert_eq!(max.iter().map(|(_, points)| points).collect::<Vec<_>>(), [15, 15, 14, 14, 14, 14, 14]);
}

#[test]
fn time_pressure_rises_with_age_and_toward_the_sla_target() {
    let hours = Duration::hours;
    assert_eq!(TimePressure::Age(hours(36)).fraction(), 0.5);
    assert_eq!(TimePressure::Age(hours(500)).fraction(), 1.0);
    assert_eq!(TimePressure::Age(hours(-2)).fraction(), 0.0, "clock skew is no pressure");
    assert_eq!(TimePressure::Sla { remaining: hours(3), target: hours(4) }.fraction(), 0.25);
    assert_eq!(TimePressure::Sla { remaining: hours(-1), target: hours(4) }.fraction(), 1.0);
    assert_eq!(TimePressure::Sla { remaining: hours(9), target: hours(4) }.fraction(), 0.0);
    let created = case("x", "");
    assert_eq!(TimePressure::since_created(&created, at(12)), TimePressure::Age(hours(12)));
}

#[test]
fn a_big_checkout_outage_outranks_a_faq_typo() {
    let rules = TriageRules::default();
    let compiled = CompiledRules::new(&rules);
    let mut outage = case("Checkout payment outage", "Orders fail at the pay step for all stores.");
    outage.tier = Tier::Enterprise;
    outage.customers_affected = 500;
    outage.urgency = Urgency::Medium;
    let mut typo = case("typo on the FAQ page", "\"recieve\" should be \"receive\".");
    typo.tier = Tier::Free;
    typo.urgency = Urgency::Low;
    let now = at(2);
    let score_of = |case: &Case| {
        score(case, &TextSignals::analyze(case, &compiled), TimePressure::since_created(case, now), 1, &rules)
    };
    let (big, small) = (score_of(&outage), score_of(&typo));
    assert_eq!((big.impact, big.urgency, big.priority), (Level::High, Level::High, Priority::P1));
    assert_eq!(small.priority, Priority::P4);
    assert!(big.total >= 60 && small.total <= 5, "{} vs {}", big.total, small.total);
    assert_eq!(big.points.total(), big.total);
    assert_eq!(big.points.get(Factor::Matrix), 30);
    assert_eq!(big.points.get(Factor::Keywords), 10);
}

#[test]
fn rank_orders_by_score_then_priority_then_age_then_id_hash() {
    let rules = TriageRules::default();
    let quiet = TextSignals::default();
    let mut cases: Vec<Case> = ["b", "a", "c", "d"]
        .iter()
        .map(|id| Case { id: CaseId(id.to_string()), ..case("Question", "") })
        .collect();
    cases[2].created_at = at(1); // newer than the others, same score
    cases[3].tier = Tier::Enterprise;
    let inputs = cases.iter().map(|case| ScoreInput {
        case,
        signals: &quiet,
        pressure: TimePressure::Age(Duration::zero()),
        group_size: 1,
    });
    let order: Vec<usize> = rank(inputs, &rules).iter().map(|r| r.index).collect();
    assert_eq!(order, [3, 1, 0, 2]);
}

#[test]
fn a_pin_overrides_the_priority_but_keeps_the_computed_one() {
    let computed = score(
        &case("x", ""),
        &TextSignals::default(),
        TimePressure::Age(Duration::zero()),
        1,
        &TriageRules::default(),
    );
    assert_eq!(computed.priority, Priority::P4);
    let pinned = computed.with_pin(Some(Priority::P1));
    assert_eq!(
        (pinned.effective(), pinned.computed, pinned.is_overridden()),
        (Priority::P1, Priority::P4, true)
    );
    assert!(!computed.with_pin(Some(Priority::P4)).is_overridden());
    assert_eq!(computed.with_pin(None).effective(), Priority::P4);
}

#[test]
fn cluster_points_grow_on_a_log_scale() {
    let rules = TriageRules::default();
    let points = |group| {
        score(&case("x", ""), &TextSignals::default(), TimePressure::Age(Duration::zero()), group, &rules)
            .points
            .get(Factor::Cluster)
    };
    assert_eq!([points(1), points(2), points(4), points(16), points(500)], [0, 3, 5, 10, 10]);
}

#[test]
fn characters_that_fold_to_several_map_back_to_the_original_bytes() {
    // İ lower-cases to two characters and ﬁ decomposes to two letters: offsets shift.
    assert_eq!(hits("İİ ﬁ DOWN, ﬁ refunds"), ["DOWN", "refunds"]);
}
