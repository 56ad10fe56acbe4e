//! From mapped rows to cases: the preview of what an import would do, and doing it.

use super::mapping::{ColumnRole, Mapping};
use super::{values, Format, ImportJob, Row, RowError, RowRef};
use crate::domain::case::{
    changed_fields, Case, CaseDraft, CaseId, EngineeringDetails, Event, Field, FieldValue, Priority, Rating,
    Satisfaction, Status, Surface, Tier, TimelineEntry, Timestamp, Urgency, EARLIEST_SANE,
    MAX_CUSTOMERS_AFFECTED, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::csv_format::Target;
use crate::domain::desk::{Desk, DeskRecords, UndoneMerge};
use crate::domain::sort;
use crate::i18n::{Message, Text};
use chrono::{Datelike, Months, SecondsFormat};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Something the user should know before confirming, and how many rows it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub message: Message,
    pub rows: usize,
}

/// Warnings by their English text (one entry however many rows share it), with their rows.
pub(super) type Notes = BTreeMap<String, (Message, usize)>;

pub(super) fn note(notes: &mut Notes, message: impl Into<Message>) {
    set_note(notes, message.into(), 1);
}

/// Adds `rows` to the warning `message`.
pub(super) fn set_note(notes: &mut Notes, message: Message, rows: usize) {
    notes.entry(message.to_string()).or_insert((message, 0)).1 += rows;
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
    /// A priority pinned in this app, from its JSON export.
    pub priority_pin: Option<Priority>,
    /// The customer's satisfaction rating, from a survey column or this app's export, and
    /// what they said (kept apart: the two may come in either column order).
    pub rating: Option<Rating>,
    pub rating_comment: String,
    /// Reproduction details for the engineering hand-off; a blank cell says nothing.
    pub engineering: EngineeringDetails,
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
    /// This app's own JSON file's records besides the cases (its `cases` empty): settings,
    /// incidents, merges, undone merges and not-duplicate pairs.
    pub records: Option<Desk>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The preview's row errors and any row the desk refused while applying.
    pub errors: Vec<RowError>,
}

/// How far a stepped preview or apply has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Steps {
    pub done: usize,
    pub total: usize,
}

impl Steps {
    pub fn finished(self) -> bool {
        self.done >= self.total
    }
}

impl ImportJob {
    /// Starts a preview of the rows read so far, to be worked out by [`Planning::step`].
    pub fn plan(&self, desk: &Desk) -> Planning {
        Planning {
            next: 0,
            execution: Execution::new(desk, self.records.as_ref()),
            notes: self.warnings.clone(),
            errors: self.errors.clone(),
            planned: Vec::new(),
            mapped: 0,
            seen_ids: HashSet::new(),
            placeholders: 0,
        }
    }

    /// Maps the rows read so far with the current mapping and works out what importing them
    /// would do, in one go. `now` dates rows that have no created date.
    pub fn preview(&self, desk: &Desk, now: Timestamp) -> Preview {
        let mut planning = self.plan(desk);
        planning.step(self, desk, now, usize::MAX);
        planning.finish(self)
    }

    fn row_count(&self) -> usize {
        self.rows.len() + self.cases.len()
    }

    /// Row `i` of the file as case values: CSV and GitHub rows first, then whole cases.
    fn incoming(&self, i: usize, notes: &mut Notes) -> (RowRef, Result<Incoming, Message>) {
        match self.rows.get(i) {
            Some(row) => (row.at, map_row(row, &self.mapping, self.format, notes)),
            None => {
                let (at, case) = &self.cases[i - self.rows.len()];
                (*at, Ok(Incoming::from(case)))
            }
        }
    }

    fn note_mapping_gaps(&self, rows: usize, notes: &mut Notes) {
        if matches!(self.format, Format::TriageDeskJson | Format::TriageDeskBackup | Format::Pasted)
            || rows == 0
        {
            return;
        }
        let mapped = |target| self.mapping.column_for(target).is_some();
        if !mapped(Target::ExternalId) && !mapped(Target::CaseId) {
            set_note(notes, Text::ImportNoIdColumn.into(), rows);
        }
        if !mapped(Target::CreatedAt) {
            set_note(notes, Text::ImportNoCreatedColumn.into(), rows);
        }
    }
}

/// A preview worked out a bounded number of rows per step, so a big file never freezes the
/// page. Each step reads the desk as it is then; nothing in the desk changes.
pub struct Planning {
    next: usize,
    execution: Execution,
    notes: Notes,
    errors: Vec<RowError>,
    planned: Vec<PlannedRow>,
    /// Rows whose cells could all be read.
    mapped: usize,
    seen_ids: HashSet<String>,
    placeholders: usize,
}

impl Planning {
    /// Maps and matches up to `max_rows` more rows.
    pub fn step(&mut self, job: &ImportJob, desk: &Desk, now: Timestamp, max_rows: usize) -> Steps {
        let end = job.row_count().min(self.next.saturating_add(max_rows));
        let author = desk.settings.author();
        for i in self.next..end {
            let (at, incoming) = job.incoming(i, &mut self.notes);
            let outcome = incoming.and_then(|incoming| {
                self.mapped += 1;
                incoming.check(now)?;
                let key = incoming.id.as_ref().map_or(incoming.external_id.as_str(), |id| id.0.as_str());
                if !key.is_empty() && !self.seen_ids.insert(key.to_string()) {
                    note(&mut self.notes, Text::ImportRepeatedId);
                }
                let placeholders = &mut self.placeholders;
                let mut make_id = || {
                    *placeholders += 1;
                    CaseId(format!("preview-{placeholders}"))
                };
                let action = self.execution.run(&incoming, &desk.cases, author, now, &mut make_id)?;
                Ok(PlannedRow { at, incoming, action })
            });
            match outcome {
                Ok(row) => self.planned.push(row),
                Err(reason) => self.errors.push(RowError { at, reason }),
            }
        }
        self.next = end;
        Steps { done: end, total: job.row_count() }
    }

    /// The preview of the rows stepped through.
    pub fn finish(mut self, job: &ImportJob) -> Preview {
        job.note_mapping_gaps(self.mapped, &mut self.notes);
        sort::sort_by_key(&mut self.errors, |error| error.at);
        let planned = self.planned;
        let count = |wanted: fn(&Action) -> bool| planned.iter().filter(|row| wanted(&row.action)).count();
        Preview {
            format: job.format,
            mapping: job.mapping.clone(),
            complete: job.progress().finished && self.next == job.row_count(),
            to_add: count(|action| matches!(action, Action::Add)),
            to_update: count(|action| matches!(action, Action::Update { .. })),
            unchanged: count(|action| matches!(action, Action::Unchanged { .. })),
            rows: planned,
            errors: self.errors,
            warnings: self.notes.into_values().map(|(message, rows)| Warning { message, rows }).collect(),
            records: job.records.clone(),
        }
    }
}

/// Writes the previewed rows into the desk, in one go: new rows become cases (created at
/// their source time, with `make_id` ids unless the file carries this app's ids) and rows
/// matching a case update it through the case's own setters, so its timeline shows what the
/// import changed. The desk is matched again here, so changes made since the preview count.
/// The records of this app's own file join too, but not its settings (see
/// [`Applying::use_settings`]).
pub fn apply(
    preview: &Preview,
    desk: &mut Desk,
    author: &str,
    now: Timestamp,
    mut make_id: impl FnMut() -> CaseId,
) -> ImportSummary {
    let mut applying = Applying::new(preview, desk);
    applying.step(preview, desk, author, now, &mut make_id, usize::MAX);
    applying.commit(preview, desk, author, now, &mut make_id)
}

/// [`apply`] a bounded number of rows per step, so a big file never freezes the page. The
/// steps only read the desk; it changes once, in [`Applying::commit`].
pub struct Applying {
    next: usize,
    execution: Execution,
    summary: ImportSummary,
    use_settings: bool,
}

impl Applying {
    pub fn new(preview: &Preview, desk: &Desk) -> Applying {
        Applying {
            next: 0,
            execution: Execution::new(desk, preview.records.as_ref()),
            summary: ImportSummary { errors: preview.errors.clone(), ..ImportSummary::default() },
            use_settings: false,
        }
    }

    /// Whether the commit also puts in the settings of this app's own file (the user's
    /// choice in the review), replacing the desk's.
    pub fn use_settings(mut self, use_settings: bool) -> Applying {
        self.use_settings = use_settings;
        self
    }

    /// Matches and applies up to `max_rows` more rows, to copies of the cases.
    pub fn step(
        &mut self,
        preview: &Preview,
        desk: &Desk,
        author: &str,
        now: Timestamp,
        make_id: &mut dyn FnMut() -> CaseId,
        max_rows: usize,
    ) -> Steps {
        let end = preview.rows.len().min(self.next.saturating_add(max_rows));
        for row in &preview.rows[self.next..end] {
            match self.execution.run(&row.incoming, &desk.cases, author, now, make_id) {
                Ok(Action::Add) => self.summary.added += 1,
                Ok(Action::Update { .. }) => self.summary.updated += 1,
                Ok(Action::Unchanged { .. }) => self.summary.unchanged += 1,
                Err(reason) => self.summary.errors.push(RowError { at: row.at, reason }),
            }
        }
        self.next = end;
        Steps { done: end, total: preview.rows.len() }
    }

    /// The new cases made so far, in order; they join the desk at [`Applying::commit`].
    pub fn added(&self) -> &[Case] {
        &self.execution.added
    }

    /// Writes the rows stepped through into the desk, then merges in the file's other
    /// records as another tab's copy is merged. If the desk gained cases or one of the
    /// changed cases was edited meanwhile, writing the copies would double a case or undo
    /// that edit, so every row is applied again, in one go, to the desk as it is now.
    pub fn commit(
        self,
        preview: &Preview,
        desk: &mut Desk,
        author: &str,
        now: Timestamp,
        make_id: &mut dyn FnMut() -> CaseId,
    ) -> ImportSummary {
        let use_settings = self.use_settings;
        let summary = if self.execution.commit(desk) {
            self.summary
        } else {
            let mut again = Applying::new(preview, desk);
            again.step(preview, desk, author, now, make_id, usize::MAX);
            let written = again.execution.commit(desk);
            debug_assert!(written, "nothing changes the desk between matching and writing");
            again.summary
        };
        if let Some(records) = &preview.records {
            merge_records(desk, records, use_settings);
        }
        summary
    }
}

/// Merges the records of this app's own file (no cases: those are in by now) into the desk
/// by the rules two tabs' copies are merged by. The settings are taken whole when the user
/// asked for them, and otherwise left as they are.
fn merge_records(desk: &mut Desk, records: &Desk, use_settings: bool) {
    let mut theirs = Desk { cases: Vec::new(), ..records.clone() };
    if use_settings {
        desk.settings = records.settings.clone();
    }
    theirs.settings = desk.settings.clone();
    *desk = std::mem::take(desk).merge(theirs);
}

/// Rows matched against the desk and applied to copies: a case a row changes is copied
/// aside and new cases are collected, so the desk is only read until [`Execution::commit`].
struct Execution {
    /// Merges undone on the desk or in the file, which a case merged in must not bring back.
    undone: Vec<UndoneMerge>,
    by_id: HashMap<CaseId, usize>,
    by_external: HashMap<String, usize>,
    /// How many cases the desk had at the start. Cases are only ever appended, never removed
    /// or reordered, so these keep their places.
    base_len: usize,
    /// Existing cases that rows changed, by place: as they were, and as they will be.
    changed: BTreeMap<usize, (Case, Case)>,
    added: Vec<Case>,
}

impl Execution {
    fn new(desk: &Desk, records: Option<&Desk>) -> Execution {
        let base = &desk.cases;
        let mut undone = desk.undone_merges.clone();
        for merge in records.iter().flat_map(|records| &records.undone_merges) {
            if !undone.contains(merge) {
                undone.push(merge.clone());
            }
        }
        let by_id = base.iter().enumerate().map(|(i, case)| (case.id.clone(), i)).collect();
        let mut by_external = HashMap::new();
        for (i, case) in base.iter().enumerate() {
            if !case.external_id.is_empty() {
                by_external.entry(case.external_id.clone()).or_insert(i);
            }
        }
        Execution {
            undone,
            by_id,
            by_external,
            base_len: base.len(),
            changed: BTreeMap::new(),
            added: Vec::new(),
        }
    }

    /// Adds or updates one case for the row, matching on the case id, then the external id.
    fn run(
        &mut self,
        incoming: &Incoming,
        base: &[Case],
        author: &str,
        now: Timestamp,
        make_id: &mut dyn FnMut() -> CaseId,
    ) -> Result<Action, Message> {
        let by_case_id = incoming.id.as_ref().and_then(|id| self.by_id.get(id));
        // A whole case from a JSON export is one of this app's cases: only its id names it.
        let by_source_id = || {
            let usable = incoming.timeline.is_empty() && !incoming.external_id.is_empty();
            usable.then(|| self.by_external.get(&incoming.external_id)).flatten()
        };
        match by_case_id.or_else(by_source_id).copied() {
            Some(place) => self.update(place, incoming, base, author, now),
            None if incoming.title.as_deref().is_none_or(str::is_empty) => Err(Text::ImportNoTitle.into()),
            None => {
                let id = match incoming.id.clone() {
                    Some(id) => id,
                    None => fresh_id(&self.by_id, make_id)?,
                };
                let case = incoming.to_case(id, author, now);
                let place = self.base_len + self.added.len();
                self.by_id.insert(case.id.clone(), place);
                if !case.external_id.is_empty() {
                    self.by_external.entry(case.external_id.clone()).or_insert(place);
                }
                self.added.push(case);
                Ok(Action::Add)
            }
        }
    }

    fn update(
        &mut self,
        place: usize,
        incoming: &Incoming,
        base: &[Case],
        author: &str,
        now: Timestamp,
    ) -> Result<Action, Message> {
        if let Some(added) = place.checked_sub(self.base_len) {
            return incoming.update(&mut self.added[added], author, now, &self.undone);
        }
        let original = base.get(place).ok_or(Text::ImportCaseGone)?;
        let copied_before = self.changed.contains_key(&place);
        let (_, copy) = self.changed.entry(place).or_insert_with(|| (original.clone(), original.clone()));
        let action = incoming.update(copy, author, now, &self.undone);
        // A copy nothing changed need not be kept or written back.
        if !copied_before && !matches!(action, Ok(Action::Update { .. })) {
            self.changed.remove(&place);
        }
        action
    }

    /// Writes the changed and new cases into the desk; refuses (and leaves the desk as it
    /// is) when the desk gained cases or a changed case was edited since the start.
    fn commit(self, desk: &mut Desk) -> bool {
        let edited = self.changed.iter().any(|(&place, (before, _))| desk.cases.get(place) != Some(before));
        if desk.cases.len() != self.base_len || edited {
            return false;
        }
        for (place, (_, after)) in self.changed {
            desk.cases[place] = after;
        }
        desk.cases.extend(self.added);
        true
    }
}

/// An id no case has yet. Ids made from the time and a few random bits can repeat when
/// thousands are made in one millisecond, and a repeated id would merge two cases.
fn fresh_id(taken: &HashMap<CaseId, usize>, make_id: &mut dyn FnMut() -> CaseId) -> Result<CaseId, Message> {
    (0..64).map(|_| make_id()).find(|id| !taken.contains_key(id)).ok_or_else(|| Text::ImportNoFreshId.into())
}

impl Incoming {
    /// The case this row becomes when it matches none: created at its source time by
    /// `author` (or at `now` when the source has no date), in the source's status.
    pub fn to_case(&self, id: CaseId, author: &str, now: Timestamp) -> Case {
        if let Some(case) = self.own_case(&id) {
            return case;
        }
        let created_at = self.created_at.unwrap_or(now);
        let mut case = Case::create(id, self.draft(), author, created_at);
        case.external_id = self.external_id.clone();
        case.extra = self.extra.clone();
        if let Some(status) = self.status {
            // The source rarely says when its status was reached; its resolution or last
            // update time is the best known bound.
            let closing = !status.is_open();
            let at = if closing { self.resolved_at.or(self.updated_at) } else { self.updated_at };
            case.set_status(status, author, at.unwrap_or(created_at).max(created_at));
        }
        if let Some(satisfaction) = self.satisfaction() {
            case.rate(Some(satisfaction), author, case.updated_at);
        }
        self.set_engineering(&mut case, author, created_at);
        case.updated_at = self.updated_at.unwrap_or(case.updated_at);
        case.first_response_at = self.first_response_at;
        if !case.status.is_open() && self.resolved_at.is_some() {
            case.resolved_at = self.resolved_at;
        }
        case
    }

    /// Sets the engineering fields the row gives, each logged; values were checked on reading.
    fn set_engineering(&self, case: &mut Case, author: &str, now: Timestamp) {
        for (field, value) in self.engineering.filled() {
            // Cannot fail: `read_cell` refused values over the length limit.
            let _ = case.set_field(field, FieldValue::Text(value.to_string()), author, now);
        }
    }

    /// The customer's rating with their comment, when the row rates the case.
    fn satisfaction(&self) -> Option<Satisfaction> {
        self.rating.map(|rating| Satisfaction { rating, comment: self.rating_comment.trim().to_string() })
    }

    /// The row's fields, with what a case takes where the source says nothing.
    fn draft(&self) -> CaseDraft {
        CaseDraft {
            title: self.title.clone().unwrap_or_default(),
            description: self.description.clone().unwrap_or_default(),
            customer: self.customer.clone().unwrap_or_default(),
            tier: self.tier.unwrap_or(Tier::Standard),
            // Unlike a person filling the form, a file that does not say was not on the website.
            surface: self.surface.unwrap_or(Surface::Other),
            category: self.category.clone().unwrap_or_default(),
            customers_affected: self.customers_affected.unwrap_or(1),
            urgency: self.urgency.unwrap_or(Urgency::Medium),
        }
    }

    /// A case of this app's own JSON file, exactly as the file has it (untrimmed, unlike a new
    /// case): it carries its whole history, so nothing is made up for it.
    fn own_case(&self, id: &CaseId) -> Option<Case> {
        if self.timeline.is_empty() {
            return None;
        }
        let CaseDraft { title, description, customer, tier, surface, category, customers_affected, urgency } =
            self.draft();
        Some(Case {
            id: id.clone(),
            external_id: self.external_id.clone(),
            title,
            description,
            customer,
            tier,
            surface,
            category,
            customers_affected,
            urgency,
            status: self.status.unwrap_or(Status::New),
            created_at: self.created_at?,
            updated_at: self.updated_at.or(self.created_at)?,
            first_response_at: self.first_response_at,
            resolved_at: self.resolved_at,
            timeline: self.timeline.clone(),
            priority_pin: self.priority_pin,
            extra: self.extra.clone(),
            satisfaction: self.satisfaction(),
            engineering: self.engineering.clone(),
        })
    }

    /// Refuses what the desk must never take in: an id whose case page could never be
    /// opened, a count out of range, and times before [`EARLIEST_SANE`] or more than a year
    /// ahead of `now` (a far date would also cost every SLA clock dear on each load).
    fn check(&self, now: Timestamp) -> Result<(), Message> {
        if let Some(id) = &self.id {
            check_id(id)?;
        }
        if let Some(count) =
            self.customers_affected.filter(|count| !(1..=MAX_CUSTOMERS_AFFECTED).contains(count))
        {
            return Err(count_out_of_range(count));
        }
        let earliest = EARLIEST_SANE;
        let latest = now.checked_add_months(Months::new(12)).unwrap_or(now);
        let times = [
            (Target::CreatedAt.text(), self.created_at),
            (Target::UpdatedAt.text(), self.updated_at),
            (Target::FirstResponseAt.text(), self.first_response_at),
            (Target::ResolvedAt.text(), self.resolved_at),
        ];
        let entries = self.timeline.iter().enumerate().map(|(i, entry)| (i, entry.at));
        let bad = times
            .into_iter()
            .filter_map(|(text, at)| Some((Message::new(text), at?)))
            .chain(entries.map(|(i, at)| (Message::new(Text::ImportTimelineEntry).arg("n", i + 1), at)))
            .find(|(_, at)| *at < earliest || *at > latest);
        let shown = |at: Timestamp| at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        match bad {
            Some((what, at)) => {
                let text = if at < earliest { Text::ImportTimeTooEarly } else { Text::ImportTimeTooLate };
                Err(Message::new(text)
                    .arg_message("what", what)
                    .arg("time", shown(at))
                    .arg("year", earliest.year()))
            }
            None => Ok(()),
        }
    }

    /// Brings an existing case up to this row, logging each change; returns what changed.
    fn update(
        &self,
        case: &mut Case,
        author: &str,
        now: Timestamp,
        undone: &[UndoneMerge],
    ) -> Result<Action, Message> {
        let changes = if self.timeline.is_empty() {
            // The setters log exactly what they change, so the new entries are the changes.
            let logged = case.timeline.len();
            let extra = self.set_fields(case, author, now).map_err(|error| error.message)?;
            let fields = case.timeline[logged..].iter().filter_map(|entry| logged_change(&entry.event));
            fields.chain(extra).collect()
        } else {
            // This app's own copy of the case: merge it as two tabs would, losing no note.
            let before = case.clone();
            let ours = Desk {
                cases: vec![before.clone()],
                records: DeskRecords { undone_merges: undone.to_vec(), ..DeskRecords::default() },
                ..Desk::default()
            };
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
        // A survey column left blank says nothing; it never removes a rating.
        if let Some(satisfaction) = self.satisfaction() {
            case.rate(Some(satisfaction), author, now);
        }
        self.set_engineering(case, author, now);
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
        Event::Rated { rating, .. } => Some(change("Satisfaction", "", rating.map_or("", |r| r.label()))),
        _ => None,
    }
}

/// What a merge changed, field by field; a change elsewhere (notes, times) shows as history.
fn merged_changes(before: &Case, after: &Case) -> Vec<FieldChange> {
    let change = |field: &str, from: String, to: String| FieldChange { field: field.to_string(), from, to };
    let mut changes: Vec<FieldChange> = changed_fields(before, after)
        .into_iter()
        .map(|field| change(field.label(), before.field_text(field), after.field_text(field)))
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
            priority_pin: case.priority_pin,
            rating: case.satisfaction.as_ref().map(|s| s.rating),
            rating_comment: case.satisfaction.as_ref().map(|s| s.comment.clone()).unwrap_or_default(),
            engineering: case.engineering.clone(),
        }
    }
}

/// The longest case id an import takes; ids are made here in 16 characters.
const MAX_ID_CHARS: usize = 200;

/// A case id must name a page that can be opened: not blank, not absurdly long, no control
/// characters.
fn check_id(id: &CaseId) -> Result<(), Message> {
    let text = id.0.as_str();
    if text.trim().is_empty() {
        Err(Text::ImportIdEmpty.into())
    } else if text.chars().count() > MAX_ID_CHARS {
        Err(Message::new(Text::ImportIdTooLong).arg("max", MAX_ID_CHARS))
    } else if text.chars().any(char::is_control) {
        Err(Text::ImportIdControl.into())
    } else {
        Ok(())
    }
}

/// "customers affected 0 is not a number from 1 to 10000000".
fn count_out_of_range(value: impl std::fmt::Display) -> Message {
    Message::new(Text::ImportCountOutOfRange).arg("value", value).arg("max", MAX_CUSTOMERS_AFFECTED)
}

/// Reads one row's cells into case values. A cell that cannot be read makes the row an
/// error (never a guessed value); a choice that is not known is left out with a warning.
fn map_row(row: &Row, mapping: &Mapping, format: Format, notes: &mut Notes) -> Result<Incoming, Message> {
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
    let mut problems = problems.into_iter();
    match problems.next() {
        None => Ok(incoming),
        Some(first) => Err(problems.fold(first, |all, next| {
            Message::new(Text::SlaListJoin).arg_message("a", all).arg_message("b", next)
        })),
    }
}

fn read_cell(
    incoming: &mut Incoming,
    target: Target,
    cell: &str,
    format: Format,
    notes: &mut Notes,
) -> Result<(), Message> {
    let value = cell.trim();
    let blank = values::is_blank(value);
    // An unknown choice is left out: a new case gets the default, an existing one keeps its own.
    let unknown = |notes: &mut Notes, known: bool, default: Text| {
        if !known && !blank {
            let message = Message::new(Text::ImportUnknownValue)
                .arg_text("field", target.text())
                .arg("value", value)
                .arg_text("default", default);
            note(notes, message);
        }
    };
    let time = |notes: &mut Notes| {
        if blank {
            if target == Target::CreatedAt {
                note(notes, Text::ImportNoCreatedDate);
            }
            return Ok(None);
        }
        values::timestamp(value).map(Some).ok_or_else(|| {
            Message::new(Text::ImportNotATime).arg_text("field", target.text()).arg("value", value)
        })
    };
    match target {
        Target::CaseId => incoming.id = (!value.is_empty()).then(|| CaseId(value.to_string())),
        Target::ExternalId => incoming.external_id = value.to_string(),
        Target::Title if value.is_empty() => return Err(Text::ImportTitleEmpty.into()),
        Target::Title if value.chars().count() > MAX_TITLE_CHARS => {
            return Err(Message::new(Text::ImportTitleTooLong).arg("max", MAX_TITLE_CHARS))
        }
        Target::Title => incoming.title = Some(value.to_string()),
        Target::Description => {
            let mut text = cell.to_string();
            if let Some((cut, _)) = text.char_indices().nth(MAX_DESCRIPTION_CHARS) {
                text.truncate(cut);
                note(notes, Message::new(Text::ImportDescriptionsCut).arg("max", MAX_DESCRIPTION_CHARS));
            }
            incoming.description = Some(text);
        }
        Target::Customer => incoming.customer = Some(value.to_string()),
        Target::Category => incoming.category = Some(value.to_string()),
        Target::Tier => {
            incoming.tier = values::tier(value);
            unknown(notes, incoming.tier.is_some(), Text::TierStandard);
        }
        Target::Surface => {
            incoming.surface = values::surface(value);
            unknown(notes, incoming.surface.is_some(), Text::SurfaceOther);
        }
        Target::Urgency => {
            incoming.urgency = values::urgency(value, format);
            unknown(notes, incoming.urgency.is_some(), Text::UrgencyMedium);
        }
        Target::Status => {
            incoming.status = values::status(value, format);
            unknown(notes, incoming.status.is_some(), Text::StatusNew);
        }
        Target::CustomersAffected if blank => {}
        Target::CustomersAffected => match values::count(value) {
            Some(count) if (1..=MAX_CUSTOMERS_AFFECTED).contains(&count) => {
                incoming.customers_affected = Some(count)
            }
            _ => return Err(count_out_of_range(format!("\"{value}\""))),
        },
        Target::CreatedAt => incoming.created_at = time(notes)?,
        Target::UpdatedAt => incoming.updated_at = time(notes)?,
        Target::FirstResponseAt => incoming.first_response_at = time(notes)?,
        Target::ResolvedAt => incoming.resolved_at = time(notes)?,
        // "Offered" or "Unoffered" (Zendesk) or a neutral answer is no rating.
        Target::Satisfaction => incoming.rating = values::rating(value),
        Target::SatisfactionComment => incoming.rating_comment = value.to_string(),
        Target::Engineering(_) if blank => {}
        Target::Engineering(field) if value.chars().count() > MAX_DESCRIPTION_CHARS => {
            return Err(Message::new(Text::ImportFieldTooLong)
                .arg_text("field", field.text())
                .arg("max", MAX_DESCRIPTION_CHARS))
        }
        Target::Engineering(field) => {
            if let Some(slot) = incoming.engineering.slot(field) {
                *slot = value.to_string();
            }
        }
    }
    Ok(())
}
