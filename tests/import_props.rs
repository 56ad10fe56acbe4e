#![cfg(not(target_arch = "wasm32"))]
//! Any text survives an export to CSV and an import back: quotes, line breaks, formula
//! characters, Hangul and Han alike; and any desk survives an export to JSON and an import
//! back, every record of it.

mod support;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use triage_desk::domain::case::{Case, CaseDraft, CaseId, NoteKind, Priority, Status};
use triage_desk::domain::csv_export::{export_csv, Computed};
use triage_desk::domain::csv_format::{neutralise, unneutralise};
use triage_desk::domain::desk::{Desk, Settings};
use triage_desk::domain::import::{apply, Applying, ImportJob, RowRef};
use triage_desk::domain::persist::export_json;

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("['=+@\\-\\t\\r\\n\" ,;a-z결제付款]{0,12}").unwrap()
}

fn case(i: usize, title: String, description: String, extra: String) -> Case {
    let at = DateTime::from_timestamp(1_600_000_000 + i as i64 * 61, 0).unwrap();
    let title = format!("{}{i}", title.trim());
    let draft = CaseDraft { title, description, customer: extra.trim().to_string(), ..CaseDraft::default() };
    let mut case = support::case(&format!("c{i}"), draft, at);
    case.set_status(Status::Resolved, "Mina", at);
    if !extra.trim().is_empty() {
        case.extra = BTreeMap::from([("note".to_string(), extra)]);
    }
    case
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn neutralising_is_undone_exactly(cell in text()) {
        let written = neutralise(&cell);
        prop_assert_eq!(unneutralise(&written), cell.as_str());
    }

    #[test]
    fn csv_round_trip_keeps_every_field(rows in proptest::collection::vec((text(), text(), text()), 1..6)) {
        let cases: Vec<Case> =
            rows.into_iter().enumerate().map(|(i, (title, description, extra))| case(i, title, description, extra)).collect();
        let mut job = ImportJob::start(export_csv(&cases, |_| Computed::default())).unwrap();
        while !job.step(3).finished {}
        let mut desk = Desk::default();
        let now: DateTime<Utc> = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let preview = job.preview(&desk, now);
        prop_assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        apply(&preview, &mut desk, "Mina", now, || CaseId("unused".into()));
        let strip = |case: &Case| Case { timeline: Vec::new(), ..case.clone() };
        prop_assert_eq!(desk.cases.iter().map(strip).collect::<Vec<_>>(), cases.iter().map(strip).collect::<Vec<_>>());
    }
}

/// One thing a person does on the desk, by index into its cases (taken modulo their count).
#[derive(Clone, Debug)]
enum Act {
    Note(usize, String, bool),
    Status(usize, usize),
    Pin(usize, usize),
    NotDuplicate(usize, usize),
    Merge(usize, usize),
    Unmerge(usize),
    Promote(usize, usize, String),
    IncidentNote(usize, String),
}

fn act() -> impl Strategy<Value = Act> {
    let i = || 0..8usize;
    prop_oneof![
        (i(), text(), any::<bool>()).prop_map(|(c, t, contact)| Act::Note(c, t, contact)),
        (i(), 0..Status::ALL.len()).prop_map(|(c, s)| Act::Status(c, s)),
        (i(), 0..4usize).prop_map(|(c, p)| Act::Pin(c, p)),
        (i(), i()).prop_map(|(a, b)| Act::NotDuplicate(a, b)),
        (i(), i()).prop_map(|(a, b)| Act::Merge(a, b)),
        i().prop_map(Act::Unmerge),
        (i(), i(), text()).prop_map(|(a, b, t)| Act::Promote(a, b, t)),
        (0..3usize, text()).prop_map(|(n, t)| Act::IncidentNote(n, t)),
    ]
}

/// A desk built by people's actions, a minute apart: cases with timelines, pinned
/// priorities, not-duplicate pairs, merges (some undone) and incidents with notes.
fn desk_from(titles: Vec<String>, acts: Vec<Act>) -> Desk {
    let start = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
    let minute = |n: usize| start + chrono::Duration::minutes(n as i64);
    let mut desk = Desk::default();
    for (i, title) in titles.into_iter().enumerate() {
        let draft = CaseDraft { title: format!("Case {i} {}", title.trim()), ..CaseDraft::default() };
        desk.cases.push(support::case(&format!("c{i}"), draft, minute(i)));
    }
    let count = desk.cases.len();
    let id = |i: usize| CaseId(format!("c{}", i % count));
    for (n, act) in acts.into_iter().enumerate() {
        let at = minute(100 + n);
        match act {
            Act::Note(c, text, contact) => {
                let kind = if contact { NoteKind::Contact } else { NoteKind::Internal };
                desk.cases[c % count].add_note(kind, &format!("note {n} {text}"), "Mina", at);
            }
            Act::Status(c, s) => {
                desk.cases[c % count].set_status(Status::ALL[s], "Jun", at);
            }
            Act::Pin(c, p) => desk.cases[c % count].priority_pin = Some(Priority::ALL[p]),
            Act::NotDuplicate(a, b) if a % count != b % count => {
                desk.not_duplicates.insert(&id(a), &id(b));
            }
            Act::NotDuplicate(..) => {}
            Act::Merge(a, b) => {
                let _ = desk.merge_into(&id(a), &[id(b)], "Mina", at);
            }
            Act::Unmerge(a) => {
                desk.unmerge(&id(a), "Mina", at);
            }
            Act::Promote(a, b, title) => {
                desk.promote_to_incident(&format!("Incident {title}"), "g", &[id(a), id(b)], "Mina", at);
            }
            Act::IncidentNote(i, text) => {
                if let Some(incident) = desk.incidents.get_mut(i) {
                    incident.add_note(&format!("update {text}"), "Mina", at);
                }
            }
        }
    }
    desk.settings =
        Settings { display_name: "Mina".into(), updated_at: Some(minute(1)), ..Settings::default() };
    desk
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Export, import into an empty desk through the page's steps (start, read, preview,
    /// apply, commit with the file's settings), export again: the same document.
    #[test]
    fn json_round_trip_restores_every_record(
        titles in proptest::collection::vec(text(), 1..7),
        acts in proptest::collection::vec(act(), 0..24),
    ) {
        let desk = desk_from(titles, acts);
        let now: DateTime<Utc> = DateTime::from_timestamp(1_770_000_000, 0).unwrap();
        let exported = export_json(&desk, &[], now);
        let mut job = ImportJob::start(exported.clone().into_bytes()).unwrap();
        while !job.step(2).finished {}
        let mut copy = Desk::default();
        let preview = job.preview(&copy, now);
        prop_assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        let mut make_id = || CaseId("unused".into());
        let mut applying = Applying::new(&preview, &copy).use_settings(true);
        while !applying.step(&preview, &copy, "Mina", now, &mut make_id, 3).finished() {}
        applying.commit(&preview, &mut copy, "Mina", now, &mut make_id);
        prop_assert_eq!(export_json(&copy, &[], now), exported);
        prop_assert_eq!(copy, desk);
    }
}

/// Values no case field of the given name can hold.
fn bad_value() -> impl Strategy<Value = (&'static str, serde_json::Value)> {
    use serde_json::json;
    prop_oneof![
        Just(("customers_affected", json!(-3))),
        Just(("customers_affected", json!(1.5))),
        Just(("customers_affected", json!("12"))),
        Just(("customers_affected", json!(5_000_000_000u64))),
        Just(("created_at", json!("yesterday"))),
        Just(("created_at", json!(1_700_000_000))),
        Just(("updated_at", json!(null))),
        Just(("resolved_at", json!("2026-02-30T00:00:00Z"))),
        Just(("tier", json!("gold"))),
        Just(("status", json!(3))),
        Just(("title", json!(null))),
        Just(("title", json!(["a"]))),
        Just(("timeline", json!("none"))),
        Just(("timeline", json!([{ "at": "2026-01-01T00:00:00Z" }]))),
        Just(("extra", json!({ "a": 1 }))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One case with a bad value in a JSON export is listed with its item number and field,
    /// and every other case still imports.
    #[test]
    fn one_bad_value_costs_only_its_case(
        titles in proptest::collection::vec(text(), 1..7),
        acts in proptest::collection::vec(act(), 0..12),
        pick in any::<proptest::sample::Index>(),
        (field, value) in bad_value(),
    ) {
        let desk = desk_from(titles, acts);
        let now: DateTime<Utc> = DateTime::from_timestamp(1_770_000_000, 0).unwrap();
        let mut file: serde_json::Value = serde_json::from_str(&export_json(&desk, &[], now)).unwrap();
        let bad = pick.index(desk.cases.len());
        file["cases"][bad][field] = value;
        let mut job = ImportJob::start(serde_json::to_vec(&file).unwrap()).unwrap();
        while !job.step(2).finished {}
        let mut copy = Desk::default();
        let preview = job.preview(&copy, now);
        prop_assert_eq!(preview.errors.len(), 1);
        prop_assert_eq!(preview.errors[0].at, RowRef::Item(bad + 1));
        prop_assert!(preview.errors[0].reason.to_string().starts_with(&format!("{field}: ")), "{}", preview.errors[0]);
        apply(&preview, &mut copy, "Mina", now, || CaseId("unused".into()));
        let mut expected = desk.cases.clone();
        expected.remove(bad);
        prop_assert_eq!(copy.cases, expected);
    }
}
