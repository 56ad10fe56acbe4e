//! From mapped rows to cases: the preview of what an import would do, and doing it.

use super::mapping::{ColumnRole, Mapping, Target};
use super::{values, Format, ImportJob, Row, RowError, RowRef};
use crate::domain::case::{
    Case, CaseDraft, CaseId, Event, Field, FieldValue, Status, Surface, Tier, TimelineEntry, Timestamp,
    Urgency, MAX_CUSTOMERS_AFFECTED, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::desk::{Desk, Settings};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Something the user should know before confirming, and how many rows it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub message: String,
    pub rows: usize,
}

pub(super) type Notes = BTreeMap<String, usize>;

pub(super) fn note(notes: &mut Notes, message: &str) {
    *notes.entry(message.to_string()).or_default() += 1;
}

/// One row read as case values. `None` means the file does not say (the column is not
/// mapped, or the cell is blank): a new case gets the default and an existing case keeps
/// what it has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// This app's own case id, from its own exports.
    pub id: Option<CaseId>,
    pub external_id: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub customer: Option<String>,
    pub tier: Option<Tier>,
    pub surface: Option<Surface>,
    pub category: Option<String>,
    pub customers_affected: Option<u32>,
    pub urgency: Option<Urgency>,
    pub status: Option<Status>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    pub first_response_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub extra: BTreeMap<String, String>,
    /// The whole history of a case from this app's JSON export; empty for other sources.
    pub timeline: Vec<TimelineEntry>,
}

/// What a field change would do, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Add,
    Update {
        case: CaseId,
        changes: Vec<FieldChange>,
    },
    /// The row matches a case that already has all its values.
    Unchanged {
        case: CaseId,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlannedRow {
    pub at: RowRef,
    pub incoming: Incoming,
    pub action: Action,
}

/// What an import would do, computed against the desk as it was when previewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub format: Format,
    pub mapping: Mapping,
    /// False while the file is still being read: the counts cover the rows read so far.
    pub complete: bool,
    /// Every row that can be imported, in file order; the first few make the preview table.
    pub rows: Vec<PlannedRow>,
    /// Rows that will not be imported, in file order.
    pub errors: Vec<RowError>,
    pub warnings: Vec<Warning>,
    pub to_add: usize,
    pub to_update: usize,
    pub unchanged: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The preview's row errors and any row the desk refused while applying.
    pub errors: Vec<RowError>,
}

impl ImportJob {
    /// Maps the rows read so far with the current mapping and works out, on a copy of the
    /// desk, what importing them would do. `now` dates rows that have no created date.
    pub fn preview(&self, desk: &Desk, now: Timestamp) -> Preview {
        let mut notes = self.warnings.clone();
        let mut errors = self.errors.clone();
        let mut rows = Vec::with_capacity(self.rows.len() + self.cases.len());
        for row in &self.rows {
            match map_row(row, &self.mapping, self.format, &mut notes) {
                Ok(incoming) => rows.push((row.at, incoming)),
                Err(reason) => errors.push(RowError { at: row.at, reason }),
            }
        }
        rows.extend(
            self.cases.iter().enumerate().map(|(i, case)| (RowRef::Item(i + 1), Incoming::from(case))),
        );
        self.note_mapping_gaps(rows.len(), &mut notes);
        note_repeated_ids(&rows, &mut notes);

        let mut scratch = desk.clone();
        let mut placeholders = 0;
        let mut make_id = || {
            placeholders += 1;
            CaseId(format!("preview-{placeholders}"))
        };
        let outcomes = execute(
            rows.iter().map(|(_, incoming)| incoming),
            &mut scratch,
            desk.settings.author(),
            now,
            &mut make_id,
        );
        let mut planned = Vec::with_capacity(rows.len());
        for ((at, incoming), outcome) in rows.into_iter().zip(outcomes) {
            match outcome {
                Ok(action) => planned.push(PlannedRow { at, incoming, action }),
                Err(reason) => errors.push(RowError { at, reason }),
            }
        }
        errors.sort_by_key(|error| error.at);
        let count = |wanted: fn(&Action) -> bool| planned.iter().filter(|row| wanted(&row.action)).count();
        Preview {
            format: self.format,
            mapping: self.mapping.clone(),
            complete: self.progress().finished,
            to_add: count(|action| matches!(action, Action::Add)),
            to_update: count(|action| matches!(action, Action::Update { .. })),
            unchanged: count(|action| matches!(action, Action::Unchanged { .. })),
            rows: planned,
            errors,
            warnings: notes.into_iter().map(|(message, rows)| Warning { message, rows }).collect(),
        }
    }

    fn note_mapping_gaps(&self, rows: usize, notes: &mut Notes) {
        if matches!(self.format, Format::TriageDeskJson | Format::Pasted) || rows == 0 {
            return;
        }
        let mapped = |target| self.mapping.column_for(target).is_some();
        if !mapped(Target::ExternalId) && !mapped(Target::CaseId) {
            notes.insert(
                "No column gives an id, so importing this file again will add its rows again.".into(),
                rows,
            );
        }
        if !mapped(Target::CreatedAt) {
            notes.insert(
                "No column gives the created date; new cases are dated at the import time.".into(),
                rows,
            );
        }
    }
}

/// Writes the previewed rows into the desk: new rows become cases (created at their source
/// time, with `make_id` ids unless the file carries this app's ids) and rows matching a
/// case update it through the case's own setters, so its timeline shows what the import
/// changed. The desk is matched again here, so changes made since the preview count.
pub fn apply(
    preview: &Preview,
    desk: &mut Desk,
    author: &str,
    now: Timestamp,
    mut make_id: impl FnMut() -> CaseId,
) -> ImportSummary {
    let outcomes = execute(preview.rows.iter().map(|row| &row.incoming), desk, author, now, &mut make_id);
    let mut summary = ImportSummary { errors: preview.errors.clone(), ..ImportSummary::default() };
    for (row, outcome) in preview.rows.iter().zip(outcomes) {
        match outcome {
            Ok(Action::Add) => summary.added += 1,
            Ok(Action::Update { .. }) => summary.updated += 1,
            Ok(Action::Unchanged { .. }) => summary.unchanged += 1,
            Err(reason) => summary.errors.push(RowError { at: row.at, reason }),
        }
    }
    summary
}

/// Adds or updates one case per row, matching on the case id and then on the external id.
fn execute<'a>(
    rows: impl Iterator<Item = &'a Incoming>,
    desk: &mut Desk,
    author: &str,
    now: Timestamp,
    make_id: &mut dyn FnMut() -> CaseId,
) -> Vec<Result<Action, String>> {
    let mut by_id: HashMap<CaseId, usize> =
        desk.cases.iter().enumerate().map(|(i, case)| (case.id.clone(), i)).collect();
    let mut by_external: HashMap<String, usize> = HashMap::new();
    for (i, case) in desk.cases.iter().enumerate() {
        if !case.external_id.is_empty() {
            by_external.entry(case.external_id.clone()).or_insert(i);
        }
    }
    let mut outcomes = Vec::new();
    for incoming in rows {
        let by_case_id = incoming.id.as_ref().and_then(|id| by_id.get(id));
        // A whole case from a JSON export is one of this app's cases: only its id names it.
        let by_source_id = || {
            let usable = incoming.timeline.is_empty() && !incoming.external_id.is_empty();
            usable.then(|| by_external.get(&incoming.external_id)).flatten()
        };
        let outcome = match by_case_id.or_else(by_source_id).copied() {
            Some(i) => incoming.update(&mut desk.cases[i], author, now),
            None if incoming.title.as_deref().is_none_or(str::is_empty) => {
                Err("has no title, so it cannot become a new case".into())
            }
            None => incoming.id.clone().map_or_else(|| fresh_id(&by_id, make_id), Ok).map(|id| {
                let case = incoming.to_case(id, author, now);
                by_id.insert(case.id.clone(), desk.cases.len());
                if !case.external_id.is_empty() {
                    by_external.entry(case.external_id.clone()).or_insert(desk.cases.len());
                }
                desk.cases.push(case);
                Action::Add
            }),
        };
        outcomes.push(outcome);
    }
    outcomes
}

/// An id no case has yet. Ids made from the time and a few random bits can repeat when
/// thousands are made in one millisecond, and a repeated id would merge two cases.
fn fresh_id(taken: &HashMap<CaseId, usize>, make_id: &mut dyn FnMut() -> CaseId) -> Result<CaseId, String> {
    (0..64)
        .map(|_| make_id())
        .find(|id| !taken.contains_key(id))
        .ok_or_else(|| "no unused case id could be made for it".to_string())
}

impl Incoming {
    /// The case this row becomes when it matches none: created at its source time by
    /// `author` (or at `now` when the source has no date), in the source's status.
    pub fn to_case(&self, id: CaseId, author: &str, now: Timestamp) -> Case {
        let created_at = self.created_at.unwrap_or(now);
        let draft = CaseDraft {
            title: self.title.clone().unwrap_or_default(),
            description: self.description.clone().unwrap_or_default(),
            customer: self.customer.clone().unwrap_or_default(),
            tier: self.tier.unwrap_or(Tier::Standard),
            // Unlike a person filling the form, a file that does not say was not on the website.
            surface: self.surface.unwrap_or(Surface::Other),
            category: self.category.clone().unwrap_or_default(),
            customers_affected: self.customers_affected.unwrap_or(1),
            urgency: self.urgency.unwrap_or(Urgency::Medium),
        };
        let mut case = Case::create(id, draft, author, created_at);
        case.external_id = self.external_id.clone();
        case.extra = self.extra.clone();
        if !self.timeline.is_empty() {
            case.timeline = self.timeline.clone();
            case.status = self.status.unwrap_or(Status::New);
        } else if let Some(status) = self.status {
            // The source rarely says when its status was reached; its resolution or last
            // update time is the best known bound.
            let closing = !status.is_open();
            let at = if closing { self.resolved_at.or(self.updated_at) } else { self.updated_at };
            case.set_status(status, author, at.unwrap_or(created_at).max(created_at));
        }
        case.updated_at = self.updated_at.unwrap_or(case.updated_at);
        case.first_response_at = self.first_response_at;
        if !case.status.is_open() && self.resolved_at.is_some() {
            case.resolved_at = self.resolved_at;
        }
        case
    }

    /// Brings an existing case up to this row, logging each change; returns what changed.
    fn update(&self, case: &mut Case, author: &str, now: Timestamp) -> Result<Action, String> {
        let changes = if self.timeline.is_empty() {
            // The setters log exactly what they change, so the new entries are the changes.
            let logged = case.timeline.len();
            let extra = self.set_fields(case, author, now).map_err(|error| error.message)?;
            let fields = case.timeline[logged..].iter().filter_map(|entry| logged_change(&entry.event));
            fields.chain(extra).collect()
        } else {
            // This app's own copy of the case: merge it as two tabs would, losing no note.
            let before = case.clone();
            let ours = Desk { cases: vec![before.clone()], settings: Settings::default(), ..Desk::default() };
            let theirs = Desk { cases: vec![self.to_case(case.id.clone(), author, now)], ..Desk::default() };
            *case = ours.merge(theirs).cases.remove(0);
            merged_changes(&before, case)
        };
        let id = case.id.clone();
        Ok(if changes.is_empty() {
            Action::Unchanged { case: id }
        } else {
            Action::Update { case: id, changes }
        })
    }

    /// Sets every field the row gives; returns the extra columns that changed, which have
    /// no timeline entry of their own.
    fn set_fields(
        &self,
        case: &mut Case,
        author: &str,
        now: Timestamp,
    ) -> Result<Vec<FieldChange>, crate::domain::case::FieldError> {
        let text = |value: &Option<String>| value.clone().map(FieldValue::Text);
        let external = (!self.external_id.is_empty()).then(|| FieldValue::Text(self.external_id.clone()));
        let values = [
            (Field::Title, text(&self.title)),
            (Field::Description, text(&self.description)),
            (Field::Customer, text(&self.customer)),
            (Field::Tier, self.tier.map(FieldValue::Tier)),
            (Field::Surface, self.surface.map(FieldValue::Surface)),
            (Field::Category, text(&self.category)),
            (Field::CustomersAffected, self.customers_affected.map(FieldValue::Count)),
            (Field::Urgency, self.urgency.map(FieldValue::Urgency)),
            (Field::ExternalId, external),
        ];
        for (field, value) in values {
            if let Some(value) = value {
                case.set_field(field, value, author, now)?;
            }
        }
        if let Some(status) = self.status {
            case.set_status(status, author, now);
        }
        let mut changes = Vec::new();
        for (key, value) in &self.extra {
            if case.extra.get(key) != Some(value) {
                let from = case.extra.insert(key.clone(), value.clone()).unwrap_or_default();
                changes.push(FieldChange { field: key.clone(), from, to: value.clone() });
            }
        }
        // Other tabs merge on the update time, so they must see extra columns change too.
        if !changes.is_empty() {
            case.updated_at = case.updated_at.max(now);
        }
        Ok(changes)
    }
}

fn logged_change(event: &Event) -> Option<FieldChange> {
    let change = |field: &str, from: &str, to: &str| FieldChange {
        field: field.into(),
        from: from.into(),
        to: to.into(),
    };
    match event {
        Event::FieldChanged { field, from, to } => Some(change(field.label(), from, to)),
        Event::StatusChanged { from, to } | Event::Reopened { from, to } => {
            Some(change("Status", from.label(), to.label()))
        }
        _ => None,
    }
}

/// What a merge changed, field by field; a change elsewhere (notes, times) shows as history.
fn merged_changes(before: &Case, after: &Case) -> Vec<FieldChange> {
    let change = |field: &str, from: String, to: String| FieldChange { field: field.to_string(), from, to };
    let mut changes: Vec<FieldChange> = Field::ALL
        .iter()
        .map(|&field| (field, before.field_text(field), after.field_text(field)))
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| change(field.label(), from, to))
        .collect();
    if before.status != after.status {
        changes.push(change("Status", before.status.label().into(), after.status.label().into()));
    }
    for (key, to) in &after.extra {
        let from = before.extra.get(key).cloned().unwrap_or_default();
        if &from != to {
            changes.push(change(key, from, to.clone()));
        }
    }
    if changes.is_empty() && before != after {
        let entries = |case: &Case| format!("{} entries", case.timeline.len());
        changes.push(change("Timeline", entries(before), entries(after)));
    }
    changes
}

impl From<&Case> for Incoming {
    fn from(case: &Case) -> Incoming {
        Incoming {
            id: Some(case.id.clone()),
            external_id: case.external_id.clone(),
            title: Some(case.title.clone()),
            description: Some(case.description.clone()),
            customer: Some(case.customer.clone()),
            tier: Some(case.tier),
            surface: Some(case.surface),
            category: Some(case.category.clone()),
            customers_affected: Some(case.customers_affected),
            urgency: Some(case.urgency),
            status: Some(case.status),
            created_at: Some(case.created_at),
            updated_at: Some(case.updated_at),
            first_response_at: case.first_response_at,
            resolved_at: case.resolved_at,
            extra: case.extra.clone(),
            timeline: case.timeline.clone(),
        }
    }
}

/// Reads one row's cells into case values. A cell that cannot be read makes the row an
/// error (never a guessed value); a choice that is not known is left out with a warning.
fn map_row(row: &Row, mapping: &Mapping, format: Format, notes: &mut Notes) -> Result<Incoming, String> {
    let mut incoming = Incoming::default();
    let mut problems = Vec::new();
    for ((role, cell), name) in mapping.roles().iter().zip(&row.cells).zip(mapping.columns()) {
        match role {
            ColumnRole::Ignore => {}
            ColumnRole::Extra if cell.trim().is_empty() => {}
            // Jira repeats a column name once per value (Labels, Watchers, Sprint).
            ColumnRole::Extra => {
                incoming
                    .extra
                    .entry(name.clone())
                    .and_modify(|value| {
                        value.push_str(", ");
                        value.push_str(cell);
                    })
                    .or_insert_with(|| cell.clone());
            }
            ColumnRole::Field(target) => {
                if let Err(problem) = read_cell(&mut incoming, *target, cell, format, notes) {
                    problems.push(problem);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(incoming)
    } else {
        Err(problems.join("; "))
    }
}

fn read_cell(
    incoming: &mut Incoming,
    target: Target,
    cell: &str,
    format: Format,
    notes: &mut Notes,
) -> Result<(), String> {
    let value = cell.trim();
    let blank = values::is_blank(value);
    // An unknown choice is left out: a new case gets the default, an existing one keeps its own.
    let unknown = |notes: &mut Notes, known: bool, default: &str| {
        if !known && !blank {
            let field = target.label();
            note(
                notes,
                &format!("{field} \"{value}\" is not known and was left out (new cases get {default})."),
            );
        }
    };
    let time = |notes: &mut Notes| {
        if blank {
            if target == Target::CreatedAt {
                note(notes, "Rows without a created date are dated at the import time.");
            }
            return Ok(None);
        }
        values::timestamp(value).map(Some).ok_or_else(|| {
            format!("{} \"{value}\" is not a date and time this importer reads", target.label())
        })
    };
    match target {
        Target::CaseId => incoming.id = (!value.is_empty()).then(|| CaseId(value.to_string())),
        Target::ExternalId => incoming.external_id = value.to_string(),
        Target::Title if value.is_empty() => return Err("the title is empty".into()),
        Target::Title if value.chars().count() > MAX_TITLE_CHARS => {
            return Err(format!("the title is longer than {MAX_TITLE_CHARS} characters"))
        }
        Target::Title => incoming.title = Some(value.to_string()),
        Target::Description => {
            let mut text = cell.to_string();
            if let Some((cut, _)) = text.char_indices().nth(MAX_DESCRIPTION_CHARS) {
                text.truncate(cut);
                note(
                    notes,
                    &format!("Descriptions longer than {MAX_DESCRIPTION_CHARS} characters were cut to fit."),
                );
            }
            incoming.description = Some(text);
        }
        Target::Customer => incoming.customer = Some(value.to_string()),
        Target::Category => incoming.category = Some(value.to_string()),
        Target::Tier => {
            incoming.tier = values::tier(value);
            unknown(notes, incoming.tier.is_some(), "Standard");
        }
        Target::Surface => {
            incoming.surface = values::surface(value);
            unknown(notes, incoming.surface.is_some(), "Other");
        }
        Target::Urgency => {
            incoming.urgency = values::urgency(value, format);
            unknown(notes, incoming.urgency.is_some(), "Medium");
        }
        Target::Status => {
            incoming.status = values::status(value, format);
            unknown(notes, incoming.status.is_some(), "New");
        }
        Target::CustomersAffected if blank => {}
        Target::CustomersAffected => match values::count(value) {
            Some(count) if (1..=MAX_CUSTOMERS_AFFECTED).contains(&count) => {
                incoming.customers_affected = Some(count)
            }
            _ => {
                return Err(format!(
                    "customers affected \"{value}\" is not a number from 1 to {MAX_CUSTOMERS_AFFECTED}"
                ))
            }
        },
        Target::CreatedAt => incoming.created_at = time(notes)?,
        Target::UpdatedAt => incoming.updated_at = time(notes)?,
        Target::FirstResponseAt => incoming.first_response_at = time(notes)?,
        Target::ResolvedAt => incoming.resolved_at = time(notes)?,
    }
    Ok(())
}

fn note_repeated_ids(rows: &[(RowRef, Incoming)], notes: &mut Notes) {
    let mut seen = HashSet::new();
    for (_, incoming) in rows {
        let key = incoming.id.as_ref().map_or(incoming.external_id.as_str(), |id| id.0.as_str());
        if !key.is_empty() && !seen.insert(key) {
            note(notes, "Rows repeat an id seen earlier in the file; the later row updates the earlier one.");
        }
    }
}
