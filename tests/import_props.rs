#![cfg(not(target_arch = "wasm32"))]
//! Any text survives an export to CSV and an import back: quotes, line breaks, formula
//! characters, Hangul and Han alike.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use triage_desk::domain::case::{Case, CaseDraft, CaseId, Status};
use triage_desk::domain::csv_export::{export_csv, neutralise, unneutralise};
use triage_desk::domain::desk::Desk;
use triage_desk::domain::import::{apply, ImportJob};

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("['=+@\\-\\t\\r\\n\" ,;a-z결제付款]{0,12}").unwrap()
}

fn case(i: usize, title: String, description: String, extra: String) -> Case {
    let at = DateTime::from_timestamp(1_600_000_000 + i as i64 * 61, 0).unwrap();
    let title = format!("{}{i}", title.trim());
    let draft = CaseDraft { title, description, customer: extra.trim().to_string(), ..CaseDraft::default() };
    let mut case = Case::create(CaseId(format!("c{i}")), draft, "Mina", at);
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
        let mut job = ImportJob::start(export_csv(&cases)).unwrap();
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
