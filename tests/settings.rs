//! The settings Settings edits beyond the engines' own: the update cadence, the plan and
//! status-update templates, and the support glossary. They travel in the JSON export, older
//! files without them read with the defaults, and an edited glossary changes what groups.

use chrono::{TimeZone, Utc};
use std::sync::Arc;
use triage_desk::domain::case::{Case, CaseDraft, CaseId, Timestamp};
use triage_desk::domain::desk::{Desk, Settings};
use triage_desk::domain::grouping::glossary::{builtin_lines, Glossary};
use triage_desk::domain::grouping::{NotDuplicates, SimilarityIndex};
use triage_desk::domain::import::read_import;
use triage_desk::domain::incident::plan::TemplateStep;
use triage_desk::domain::incident::templates::{Audience, Lang};
use triage_desk::domain::incident::IncidentStatus;
use triage_desk::domain::persist::export_json;

fn at(minute: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
}

fn case(id: &str, title: &str) -> Case {
    let draft = CaseDraft { title: title.into(), ..CaseDraft::default() };
    Case::create(CaseId(id.into()), draft, "Mina", at(0))
}

#[test]
fn defaults_are_the_documented_ones() {
    let settings = Settings::default();
    let cadence = &settings.incidents.cadence;
    assert_eq!((cadence.critical_minutes, cadence.major_minutes, cadence.minor_minutes), (30, 60, 240));
    assert_eq!(settings.incidents.plan.steps.len(), 8);
    assert_eq!(settings.glossary, None, "the built-in glossary until edited");
}

#[test]
fn cadence_plan_templates_and_glossary_travel_in_the_export_and_older_files_read_unchanged() {
    let mut desk = Desk { cases: vec![case("a", "Checkout fails")], ..Desk::default() };
    let settings = &mut desk.settings;
    settings.incidents.cadence.minor_minutes = 120;
    settings.incidents.plan.steps.swap(0, 1);
    settings.incidents.plan.steps.push(TemplateStep { label: "고객 보상 안내".into(), required: true });
    let library = &mut settings.incidents.templates;
    let mut edited = library.for_stage(Audience::Customers, IncidentStatus::Investigating, Lang::Ko).unwrap();
    edited.body.push_str("\n감사합니다.");
    library.save(edited.clone());
    let own = library.new_from(&edited, Lang::Ko);
    library.save(own);
    let mut lines = builtin_lines();
    lines.push("widgetpay | 위젯페이 | 威捷支付".into());
    settings.glossary = Some(lines);

    let exported = export_json(&desk, &[], at(10));
    let back = read_import(&exported).unwrap().into_desk();
    assert_eq!(back.settings, desk.settings);

    // A file from before these settings reads with the defaults.
    let mut old: serde_json::Value = serde_json::from_str(&exported).unwrap();
    let stored = old["settings"].as_object_mut().unwrap();
    stored.remove("incidents");
    stored.remove("glossary");
    let older = read_import(&old.to_string()).unwrap().into_desk();
    assert_eq!(older.settings.incidents, Default::default());
    assert_eq!(older.settings.glossary, None);
    assert!(
        !serde_json::to_string(&Settings::default()).unwrap().contains("glossary"),
        "omitted while built-in"
    );
}

#[test]
fn a_concept_added_to_the_glossary_makes_reports_in_two_languages_similar() {
    let cases = [
        case("en", "Widgetpay keeps spinning"),
        case("ko", "위젯페이 로딩만 계속됨"),
        case("x", "Dark mode colours"),
    ];
    let similar = |index: &SimilarityIndex| {
        index.similar_to_case(&cases[0], 3, &NotDuplicates::new()).iter().any(|found| found.id.0 == "ko")
    };
    assert!(!similar(&SimilarityIndex::from_cases(&cases)), "nothing links them in the built-in glossary");

    let mut lines = builtin_lines();
    lines.push("widgetpay | 위젯페이 | 威捷支付".into());
    let mut index = SimilarityIndex::with_glossary(Arc::new(Glossary::from_lines(&lines)));
    cases.iter().for_each(|case| index.upsert_case(case));
    assert!(similar(&index));
    let found = index.similar_to_case(&cases[0], 1, &NotDuplicates::new());
    assert_eq!(found[0].glossary[0].concept, "widgetpay");
    assert!(found[0].highlight_words().contains(&"위젯페이".to_string()));
}
