//! Export of cases as CSV for spreadsheets: RFC 4180 with CRLF line ends, UTF-8 with a byte
//! order mark (so Excel reads Korean and Chinese text correctly), and a fixed header:
//!
//! `id, external_id, title, description, customer, tier, surface, category,
//! customers_affected, urgency, status, created_at, updated_at, first_response_at,
//! resolved_at, satisfaction, satisfaction_comment, steps_to_reproduce, expected, actual,
//! app_version, platform, browser, reference_ids, tried`, then the columns computed at export
//! (`priority, score, sla_state`: what the desk showed for the case then, ignored when the file
//! is imported again), then every `extra` key of the exported cases in sorted order.
//!
//! Choices are written as their labels ("In progress"), times as RFC 3339 in UTC with as
//! many fraction digits as they have, so that importing the file gives the same values back.
//! The timeline is not in the CSV; the JSON export carries it. Control characters other than
//! tab and line breaks (a NUL pasted into a case) are left out: spreadsheets and other tools
//! take them for a binary file, and they show as nothing. The JSON export keeps them.

use super::case::Priority;
use super::case::{Case, Timestamp};
use super::csv_format::{neutralise, Target};
use super::sla::TargetState;
use chrono::SecondsFormat;
use std::collections::BTreeSet;

/// The columns written after the fixed ones, computed when the file is made; an import of this
/// app's CSV ignores them (the desk computes them again).
pub const COMPUTED_COLUMNS: [&str; 3] = ["priority", "score", "sla_state"];

/// What the desk computes for one case at export time; `None` writes an empty cell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Computed {
    /// The priority shown: the pin if there is one, else the computed one.
    pub priority: Option<Priority>,
    pub score: Option<u8>,
    /// The worst state of the case's running SLA targets.
    pub sla_state: Option<TargetState>,
}

impl Computed {
    fn cells(self) -> [String; 3] {
        let state = self.sla_state.map(|state| match state {
            TargetState::OnTrack => "on_track",
            TargetState::AtRisk => "at_risk",
            TargetState::Breached => "breached",
            TargetState::Met => "met",
            TargetState::Paused => "paused",
            TargetState::NotApplicable => "",
        });
        [
            self.priority.map(|p| p.label().to_string()).unwrap_or_default(),
            self.score.map(|s| s.to_string()).unwrap_or_default(),
            state.unwrap_or_default().to_string(),
        ]
    }
}

/// Writes the cases, in the given order, as a CSV file's bytes, with what `computed` says
/// of each.
pub fn export_csv<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    computed: impl Fn(&Case) -> Computed,
) -> Vec<u8> {
    let cases: Vec<&Case> = cases.into_iter().collect();
    // An extra column named like one of this file's own (a `priority` column kept from an
    // import) would appear twice; the computed value stands, and the kept one stays in JSON.
    let own = |key: &str| COMPUTED_COLUMNS.contains(&key) || Target::ALL.iter().any(|t| t.key() == key);
    let extra_keys: BTreeSet<&str> =
        cases.iter().flat_map(|case| case.extra.keys().map(String::as_str)).filter(|key| !own(key)).collect();
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = Target::ALL
        .iter()
        .map(|target| target.key())
        .chain(COMPUTED_COLUMNS)
        .chain(extra_keys.iter().copied())
        .collect();
    write_row(&mut out, header);
    for case in cases {
        let fixed = Target::ALL.iter().map(|&target| cell(case, target));
        let extra = extra_keys.iter().map(|key| case.extra.get(*key).cloned().unwrap_or_default());
        write_row(&mut out, fixed.chain(computed(case).cells()).chain(extra).collect());
    }
    out.into_bytes()
}

/// One record as the csv crate's writer writes it by default: a field with a comma, a quote
/// or a line break is quoted with its quotes doubled, and the record ends with CRLF. Written
/// by hand, as the csv crate's writer would be in the download only for this. (Its one other
/// rule, quoting a record of a single empty field, cannot apply: every row has many columns.)
fn write_row<T: AsRef<str>>(out: &mut String, cells: Vec<T>) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let clean = without_controls(cell.as_ref());
        let cell = neutralise(&clean);
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

fn cell(case: &Case, target: Target) -> String {
    let time = |at: Option<Timestamp>| at.map(|at| at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    match target {
        Target::CaseId => case.id.0.clone(),
        Target::ExternalId => case.external_id.clone(),
        Target::Title => case.title.clone(),
        Target::Description => case.description.clone(),
        Target::Customer => case.customer.clone(),
        Target::Tier => case.tier.label().to_string(),
        Target::Surface => case.surface.label().to_string(),
        Target::Category => case.category.clone(),
        Target::CustomersAffected => case.customers_affected.to_string(),
        Target::Urgency => case.urgency.label().to_string(),
        Target::Status => case.status.label().to_string(),
        Target::CreatedAt => time(Some(case.created_at)).unwrap_or_default(),
        Target::UpdatedAt => time(Some(case.updated_at)).unwrap_or_default(),
        Target::FirstResponseAt => time(case.first_response_at).unwrap_or_default(),
        Target::ResolvedAt => time(case.resolved_at).unwrap_or_default(),
        Target::Satisfaction => case.satisfaction.as_ref().map_or("", |s| s.rating.label()).to_string(),
        Target::SatisfactionComment => {
            case.satisfaction.as_ref().map(|s| s.comment.clone()).unwrap_or_default()
        }
        Target::Engineering(field) => case.field_text(field),
    }
}

fn is_stray_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}') && !matches!(c, '\t' | '\n' | '\r')
}

/// The cell without C0 control characters other than tab and line breaks.
fn without_controls(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains(is_stray_control) {
        cell.chars().filter(|&c| !is_stray_control(c)).collect::<String>().into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let rows = [
            vec!["a", "b,c", "say \"hi\"", "two\nlines", "cr\rx", "", "결제", "=1+2", "\"", ","],
            vec!["", "", "", "", "", "", "", "", "", ""],
        ];
        let mut ours = String::new();
        let mut theirs = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        for row in rows {
            write_row(&mut ours, row.clone());
            theirs.write_record(row.iter().map(|cell| neutralise(cell).into_owned())).unwrap();
        }
        assert_eq!(ours.as_bytes(), theirs.into_inner().unwrap());
    }

    #[test]
    fn stray_control_characters_are_left_out_but_tabs_and_line_breaks_kept() {
        assert_eq!(without_controls("a\0b\u{1}c\u{1b}[31m\td\r\ne\u{7f}"), "abc[31m\td\r\ne\u{7f}");
        assert!(matches!(without_controls("결제 오류\n"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn an_extra_column_named_like_an_own_column_is_written_once() {
        let draft = crate::domain::case::CaseDraft { title: "Refund late".into(), ..Default::default() };
        let at = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut case = Case::create(crate::domain::case::CaseId("c1".into()), draft, "Mina", at);
        case.extra.insert("priority".into(), "Urgent".into());
        case.extra.insert("title".into(), "Old title".into());
        case.extra.insert("Assignee".into(), "Mina".into());
        let text = String::from_utf8(export_csv([&case], |_| Computed::default())).unwrap();
        let header = text.trim_start_matches('\u{feff}').lines().next().unwrap().to_string();
        assert_eq!(header.matches(",priority,").count(), 1, "{header}");
        assert_eq!(header.split(',').filter(|c| *c == "title").count(), 1, "{header}");
        assert!(header.ends_with(",Assignee"), "{header}");
    }
}
