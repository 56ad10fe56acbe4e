//! Fixtures shared by the native tests, so that no test file makes its own clock or cases.
//! Times are minutes on one clock, [`at`]; a test about wall-clock dates (an SLA worked
//! example, a value in an imported file) names those dates itself.

// Each test file is a crate of its own and uses only some of these.
#![allow(dead_code)]

use chrono::{Duration, TimeZone, Utc};
use triage_desk::domain::case::{Case, CaseDraft, CaseId, Timestamp};

/// `minutes` after Monday 2 November 2026, 09:00 UTC: the tests' one clock.
pub fn at(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

pub fn id(text: &str) -> CaseId {
    CaseId(text.into())
}

/// The case `draft` makes when Mina creates it as `id` at `created`.
pub fn case(id: &str, draft: CaseDraft, created: Timestamp) -> Case {
    Case::create(CaseId(id.into()), draft, "Mina", created)
}
