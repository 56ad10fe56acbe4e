//! Everything the user keeps: the cases and the settings, and how two copies of it merge.

use super::case::{Case, CaseId, Event, Field, TimelineEntry, Timestamp};
use super::grouping::{GroupingSettings, NotDuplicates};
use super::incident::{Incident, IncidentSettings};
use super::sla::SlaSettings;
use super::triage::TriageRules;
use crate::domain::sort;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

mod merges;
pub use merges::{MergeError, MergeRecord, UndoneMerge};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The author name written on every timeline entry.
    pub display_name: String,
    /// When these settings last changed; two tabs keep the newer settings.
    pub updated_at: Option<Timestamp>,
    /// Weights, keywords and the priority matrix behind the triage score.
    pub triage: TriageRules,
    /// Targets per tier, business calendars and the at-risk threshold.
    pub sla: SlaSettings,
    /// Similarity threshold and surge alert for duplicate groups.
    pub grouping: GroupingSettings,
    /// The language the desk speaks, once chosen; until then the browser's (see `i18n`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Update cadence, status-update templates and the recovery plan template.
    pub incidents: IncidentSettings,
    /// The support glossary as edited in Settings, one concept per line; None is the
    /// built-in (`grouping::glossary`), so a new release's concepts reach unedited desks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glossary: Option<Vec<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            display_name: "Me".into(),
            updated_at: None,
            triage: TriageRules::default(),
            sla: SlaSettings::default(),
            grouping: GroupingSettings::default(),
            language: None,
            incidents: IncidentSettings::default(),
            glossary: None,
        }
    }
}

impl Settings {
    pub fn author(&self) -> &str {
        let name = self.display_name.trim();
        if name.is_empty() {
            "Me"
        } else {
            name
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredDesk")]
pub struct Desk {
    pub cases: Vec<Case>,
    #[serde(default)]
    pub settings: Settings,
    // Written flattened; read through `StoredDesk` (see `RecordFields`).
    #[serde(flatten)]
    pub records: DeskRecords,
}

/// The desk records as fields beside others, for reading a stored shape that has them at its
/// top level. serde's `flatten` would read such a shape by buffering all of it (every case of
/// a desk) in a generic tree first, and its reading code is about 12 KB of the download; so
/// each stored shape lists these fields instead, and [`RecordFields::records`] makes them one
/// [`DeskRecords`] (a record added there is a compile error here until it is read).
macro_rules! record_fields {
    ($(#[$meta:meta])* $vis:vis struct $name:ident $(<$life:lifetime>)? { $($(#[$field_meta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        $vis struct $name $(<$life>)? {
            $($(#[$field_meta])* $field: $ty,)*
            #[serde(default)]
            not_duplicates: $crate::domain::grouping::NotDuplicates,
            #[serde(default)]
            merges: Vec<$crate::domain::desk::MergeRecord>,
            #[serde(default)]
            undone_merges: Vec<$crate::domain::desk::UndoneMerge>,
            #[serde(default)]
            incidents: Vec<$crate::domain::incident::Incident>,
        }

        impl $(<$life>)? $name $(<$life>)? {
            /// The desk records this shape read.
            fn records(&mut self) -> $crate::domain::desk::DeskRecords {
                $crate::domain::desk::DeskRecords {
                    not_duplicates: std::mem::take(&mut self.not_duplicates),
                    merges: std::mem::take(&mut self.merges),
                    undone_merges: std::mem::take(&mut self.undone_merges),
                    incidents: std::mem::take(&mut self.incidents),
                }
            }
        }
    };
}
pub(crate) use record_fields;

record_fields! {
    /// A [`Desk`] as stored and exported.
    #[derive(Deserialize)]
    struct StoredDesk {
        cases: Vec<Case>,
        #[serde(default)]
        settings: Settings,
    }
}

impl From<StoredDesk> for Desk {
    fn from(mut stored: StoredDesk) -> Desk {
        let records = stored.records();
        Desk { cases: stored.cases, settings: stored.settings, records }
    }
}

/// What the desk keeps besides its cases and settings: the record of what people decided
/// about duplicates and incidents. The desk and the stored meta record both hold this one
/// struct (flattened, so the stored JSON keeps its shape), so a new kind of record is added
/// here, in [`DeskRecords::merge`] and in `record_fields!`, which reads it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DeskRecords {
    /// Pairs a person said are not duplicates; grouping never puts them together.
    #[serde(skip_serializing_if = "NotDuplicates::is_empty")]
    pub not_duplicates: NotDuplicates,
    /// Standing merges, each able to put its duplicates back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<MergeRecord>,
    /// Merges undone, so that no other tab's copy brings them back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undone_merges: Vec<UndoneMerge>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
}

// The records read as the desk's own (`desk.merges`), as they did before they were grouped.
impl std::ops::Deref for Desk {
    type Target = DeskRecords;

    fn deref(&self) -> &DeskRecords {
        &self.records
    }
}

impl std::ops::DerefMut for Desk {
    fn deref_mut(&mut self) -> &mut DeskRecords {
        &mut self.records
    }
}

impl DeskRecords {
    /// Takes in another tab's records without losing either's: see [`Desk::merge`].
    fn merge(&mut self, theirs: DeskRecords) {
        // A merge undone in either copy stays undone, even where the other still holds it.
        for undone in theirs.undone_merges {
            if !self.undone_merges.contains(&undone) {
                self.undone_merges.push(undone);
            }
        }
        for (a, b) in theirs.not_duplicates.iter() {
            self.not_duplicates.insert(a, b);
        }
        for merge in theirs.merges {
            if !self.merges.iter().any(|ours| ours.primary == merge.primary && ours.at == merge.at) {
                self.merges.push(merge);
            }
        }
        let undone_merges = &self.undone_merges;
        self.merges.retain(|merge| !undone_merges.iter().any(|undone| undone.undoes(merge)));
        for incident in theirs.incidents {
            // The same incident has the same id and creation time, or only the same creation
            // time once a clash renumbered one copy (it can arrive again under its first
            // number: from a tab that had not heard yet, or from a closed page's rescue).
            let same = self
                .incidents
                .iter()
                .position(|ours| ours.id == incident.id && ours.created_at == incident.created_at)
                .or_else(|| self.incidents.iter().position(|ours| ours.created_at == incident.created_at));
            match same {
                // The newer copy wins whole (under the number this desk knows it by), but for
                // the postmortem, kept field by field.
                Some(at) if incident.updated_at > self.incidents[at].updated_at => {
                    let ours = &mut self.incidents[at];
                    let mine = ours.postmortem.take();
                    *ours = Incident { id: std::mem::take(&mut ours.id), ..incident };
                    ours.merge_postmortem(mine);
                }
                Some(at) => self.incidents[at].merge_postmortem(incident.postmortem),
                // Both tabs promoted a different group under the same next number: keep both.
                None if self.incidents.iter().any(|ours| ours.id == incident.id) => {
                    let id = super::incident::next_incident_id(&self.incidents);
                    self.incidents.push(Incident { id, ..incident });
                }
                None => self.incidents.push(incident),
            }
        }
    }
}

impl Desk {
    /// The case `id`, found by looking at every case: for tests and one-off operations. The
    /// page finds a case through its store's index (`DeskStore::find`), never by a scan.
    pub fn scan_case(&self, id: &CaseId) -> Option<&Case> {
        self.cases.iter().find(|case| &case.id == id)
    }

    /// The case `id` to change, by a scan: for a user's action on a few cases.
    pub fn case_mut(&mut self, id: &CaseId) -> Option<&mut Case> {
        self.cases.iter_mut().find(|case| &case.id == id)
    }

    /// Distinct categories already used, for suggestions, most used first.
    pub fn categories(&self) -> Vec<String> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for case in &self.cases {
            let category = case.category.trim();
            if !category.is_empty() {
                *counts.entry(category).or_default() += 1;
            }
        }
        let mut categories: Vec<(&str, usize)> = counts.into_iter().collect();
        sort::sort_by(&mut categories, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        categories.into_iter().map(|(name, _)| name.to_string()).collect()
    }

    /// Adds cases whose ids are new and replaces those whose ids exist; returns (added, replaced).
    pub fn upsert(&mut self, incoming: Vec<Case>) -> (usize, usize) {
        let mut index: HashMap<CaseId, usize> =
            self.cases.iter().enumerate().map(|(i, case)| (case.id.clone(), i)).collect();
        let (mut added, mut replaced) = (0, 0);
        for case in incoming {
            match index.get(&case.id) {
                Some(&i) => {
                    self.cases[i] = case;
                    replaced += 1;
                }
                None => {
                    index.insert(case.id.clone(), self.cases.len());
                    self.cases.push(case);
                    added += 1;
                }
            }
        }
        (added, replaced)
    }

    /// Combines this tab's copy with another tab's newer copy without losing either's work.
    ///
    /// Cases are never deleted, so the union of both is safe. Where both hold a case, see
    /// [`merge_case`]: each field is taken from the copy that changed it last.
    pub fn merge(mut self, theirs: Desk) -> Desk {
        let mut index: HashMap<CaseId, usize> =
            self.cases.iter().enumerate().map(|(i, case)| (case.id.clone(), i)).collect();
        for their_case in theirs.cases {
            match index.get(&their_case.id) {
                None => {
                    index.insert(their_case.id.clone(), self.cases.len());
                    self.cases.push(their_case);
                }
                Some(&i) => {
                    let ours = &mut self.cases[i];
                    if ours != &their_case {
                        merge_case(ours, their_case);
                    }
                }
            }
        }
        if theirs.settings.updated_at > self.settings.updated_at {
            self.settings = theirs.settings;
        }
        self.records.merge(theirs.records);
        self
    }
}

/// What of a case a timeline entry sets, for telling which copy changed it last.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Field(Field),
    /// The status, and with it the resolution time.
    Status,
    PriorityPin,
    Satisfaction,
}

impl Part {
    fn all() -> impl Iterator<Item = Part> {
        Field::ALL.map(Part::Field).into_iter().chain([Part::Status, Part::PriorityPin, Part::Satisfaction])
    }

    fn set_by(event: &Event) -> Option<Part> {
        match event {
            Event::FieldChanged { field, .. } => Some(Part::Field(*field)),
            Event::StatusChanged { .. } | Event::Reopened { .. } => Some(Part::Status),
            Event::PriorityPinned { .. } => Some(Part::PriorityPin),
            Event::Rated { .. } => Some(Part::Satisfaction),
            _ => None,
        }
    }

    /// The last entry of `timeline` that set this part.
    fn last_set_in(self, timeline: &[TimelineEntry]) -> Option<&TimelineEntry> {
        timeline.iter().rev().find(|entry| Part::set_by(&entry.event) == Some(self))
    }
}

/// Two copies of one case made one, field by field, so that two tabs editing different
/// fields at once both keep their edit. The timelines are unioned; then each field, the
/// status (with the resolution time) and the priority pin come from the copy whose own
/// timeline holds the last entry that set it, ours where no entry tells. The first customer
/// contact is the earlier one and the change time the later one; the extra columns, which
/// have no entries, come with the copy changed last. So the merged case matches its merged
/// timeline, and whatever the entries tell is the same whichever copy is ours.
fn merge_case(ours: &mut Case, theirs: Case) {
    let timeline = union_timelines(&ours.timeline, &theirs.timeline);
    for part in Part::all() {
        let Some(last) = part.last_set_in(&timeline) else { continue };
        if part.last_set_in(&theirs.timeline) != Some(last) || part.last_set_in(&ours.timeline) == Some(last)
        {
            continue;
        }
        match part {
            Part::Field(field) => ours.copy_field(field, &theirs),
            Part::Status => (ours.status, ours.resolved_at) = (theirs.status, theirs.resolved_at),
            Part::PriorityPin => ours.priority_pin = theirs.priority_pin,
            Part::Satisfaction => ours.satisfaction.clone_from(&theirs.satisfaction),
        }
    }
    ours.first_response_at = match (ours.first_response_at, theirs.first_response_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if theirs.updated_at > ours.updated_at {
        ours.updated_at = theirs.updated_at;
        ours.extra = theirs.extra;
    }
    ours.timeline = timeline;
}

/// Every entry of both timelines once, in time order. Each copy's entries at one time keep
/// their order; where both copies logged different entries at the same time, the run whose
/// stored form sorts first goes first, so that both tabs end with the same timeline.
fn union_timelines(ours: &[TimelineEntry], theirs: &[TimelineEntry]) -> Vec<TimelineEntry> {
    fn in_time_order(timeline: &[TimelineEntry]) -> Vec<&TimelineEntry> {
        let mut entries: Vec<&TimelineEntry> = timeline.iter().collect();
        sort::sort_by_key(&mut entries, |entry| entry.at);
        entries
    }
    let (ours, theirs) = (in_time_order(ours), in_time_order(theirs));
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    let (mut i, mut j) = (0, 0);
    while i < ours.len() || j < theirs.len() {
        let at = match (ours.get(i), theirs.get(j)) {
            (Some(a), Some(b)) => a.at.min(b.at),
            (a, b) => a.or(b).expect("one list has entries left").at,
        };
        let run = |entries: &[&'_ TimelineEntry], from: usize| {
            from + entries[from..].iter().take_while(|entry| entry.at == at).count()
        };
        let (our_run, their_run) = (&ours[i..run(&ours, i)], &theirs[j..run(&theirs, j)]);
        (i, j) = (i + our_run.len(), j + their_run.len());
        let stored = |run: &[&TimelineEntry]| serde_json::to_string(run).unwrap_or_default();
        let ours_first = their_run.is_empty()
            || our_run == their_run
            || (!our_run.is_empty() && stored(our_run) <= stored(their_run));
        let (first, second) = if ours_first { (our_run, their_run) } else { (their_run, our_run) };
        merged.extend(first.iter().copied().cloned());
        merged.extend(second.iter().filter(|entry| !first.contains(entry)).copied().cloned());
    }
    merged
}

/// Makes a case id that no other tab or import will also make: the time plus random bits.
pub fn new_case_id(now: Timestamp, random: u32) -> CaseId {
    CaseId(format!("c{}-{:06x}", to_base36(now.timestamp_millis().max(0) as u64), random & 0xff_ffff))
}

fn to_base36(mut value: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{changed_fields, CaseDraft, FieldValue, NoteKind, Status};
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn case(id: &str, title: &str) -> Case {
        let draft = CaseDraft { title: title.into(), category: "Payments".into(), ..CaseDraft::default() };
        Case::create(CaseId(id.into()), draft, "Me", at(0))
    }

    #[test]
    fn ids_are_distinct_for_same_millisecond_with_different_random_bits() {
        assert_ne!(new_case_id(at(0), 1), new_case_id(at(0), 2));
        assert!(new_case_id(at(0), 0xffff_ffff).0.starts_with('c'));
    }

    #[test]
    fn categories_are_suggested_most_used_first() {
        let mut desk =
            Desk { cases: vec![case("a", "x"), case("b", "y"), case("c", "z")], ..Desk::default() };
        desk.cases[2].category = "Login".into();
        assert_eq!(desk.categories(), vec!["Payments".to_string(), "Login".to_string()]);
    }

    #[test]
    fn merge_keeps_both_tabs_new_cases_and_both_notes() {
        let base = Desk { cases: vec![case("a", "Shared")], ..Desk::default() };
        let mut ours = base.clone();
        let mut theirs = base;
        ours.cases[0].add_note(NoteKind::Internal, "ours", "A", at(5));
        theirs.cases[0].add_note(NoteKind::Contact, "theirs", "B", at(6));
        theirs.cases[0].set_status(Status::InProgress, "B", at(7));
        theirs.cases.push(case("b", "Only theirs"));
        ours.cases.push(case("c", "Only ours"));

        let merged = ours.merge(theirs);
        assert_eq!(merged.cases.len(), 3);
        let shared = merged.scan_case(&CaseId("a".into())).unwrap();
        assert_eq!(shared.status, Status::InProgress, "the later change wins the fields");
        assert_eq!(shared.timeline.len(), 4, "created + both notes + status");
        assert_eq!(shared.first_response_at, Some(at(6)));
    }

    fn edit(case: &mut Case, field: Field, text: &str, author: &str, minute: u32) {
        case.set_field(field, FieldValue::Text(text.into()), author, at(minute)).unwrap();
    }

    #[test]
    fn two_tabs_changing_different_fields_at_the_same_minute_both_keep_their_change() {
        let base = Desk { cases: vec![case("a", "Shared")], ..Desk::default() };
        let (mut ours, mut theirs) = (base.clone(), base);
        edit(&mut ours.cases[0], Field::Customer, "Harborline", "A", 5);
        edit(&mut theirs.cases[0], Field::Category, "Refunds", "B", 5);
        theirs.cases[0].set_status(Status::InProgress, "B", at(5));

        for merged in [ours.clone().merge(theirs.clone()), theirs.merge(ours)] {
            let shared = &merged.cases[0];
            assert_eq!((shared.customer.as_str(), shared.category.as_str()), ("Harborline", "Refunds"));
            assert_eq!(shared.status, Status::InProgress);
            assert_eq!(shared.timeline.len(), 4, "created + both edits + status");
            assert_eq!(shared.updated_at, at(5));
        }
    }

    #[test]
    fn the_same_field_changed_in_both_tabs_takes_the_later_change_and_logs_both() {
        let base = Desk { cases: vec![case("a", "Shared")], ..Desk::default() };
        let (mut ours, mut theirs) = (base.clone(), base);
        edit(&mut ours.cases[0], Field::Customer, "Later", "A", 7);
        edit(&mut theirs.cases[0], Field::Customer, "Earlier", "B", 6);
        // Their copy changed last overall, but not this field.
        theirs.cases[0].add_note(NoteKind::Internal, "checked", "B", at(8));

        let merged = ours.clone().merge(theirs.clone());
        let shared = &merged.cases[0];
        assert_eq!(shared.customer, "Later");
        let customers: Vec<&str> = shared
            .timeline
            .iter()
            .filter_map(|entry| match &entry.event {
                Event::FieldChanged { field: Field::Customer, to, .. } => Some(to.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(customers, ["Earlier", "Later"]);
        assert_eq!(shared.updated_at, at(8));
        assert_eq!(theirs.merge(ours).cases, merged.cases, "the same whichever tab merges");
        assert_eq!(merged.clone().merge(merged.clone()), merged);
    }

    #[test]
    fn changed_fields_names_what_another_copy_changed() {
        let before = case("a", "Shared");
        let mut after = before.clone();
        edit(&mut after, Field::Customer, "Harborline", "B", 5);
        after.set_status(Status::InProgress, "B", at(6));
        after
            .set_field(Field::CreatedAt, FieldValue::Time(at(0) - chrono::Duration::days(1)), "B", at(7))
            .unwrap();
        assert_eq!(changed_fields(&before, &after), [Field::Customer, Field::CreatedAt]);
        assert_eq!(changed_fields(&after, &after), []);
    }

    #[test]
    fn merge_keeps_newer_settings() {
        let ours = Desk::default();
        let theirs = Desk {
            cases: vec![],
            settings: Settings { display_name: "Jun".into(), updated_at: Some(at(3)), ..Settings::default() },
            ..Desk::default()
        };
        assert_eq!(ours.merge(theirs).settings.display_name, "Jun");
    }

    #[test]
    fn merge_unions_not_duplicates_merges_and_keeps_both_tabs_incidents() {
        let base =
            Desk { cases: vec![case("a", "One"), case("b", "Two"), case("c", "Three")], ..Desk::default() };
        let (mut ours, mut theirs) = (base.clone(), base);
        let id = |text: &str| CaseId(text.into());
        ours.not_duplicates.insert(&id("a"), &id("b"));
        theirs.not_duplicates.insert(&id("c"), &id("b"));
        ours.promote_to_incident("Ours", "g-a", &[id("a")], "A", at(1));
        theirs.promote_to_incident("Theirs", "g-c", &[id("c")], "B", at(2));
        theirs.merge_into(&id("b"), &[id("c")], "B", at(3)).unwrap();
        let merged = ours.merge(theirs);
        assert_eq!(merged.not_duplicates.len(), 2);
        assert_eq!(merged.merges.len(), 1);
        let titles: Vec<(&str, &str)> =
            merged.incidents.iter().map(|i| (i.id.as_str(), i.title.as_str())).collect();
        assert_eq!(titles, vec![("INC-1", "Ours"), ("INC-2", "Theirs")]);
    }

    #[test]
    fn an_incident_renumbered_by_a_clash_is_not_added_again_when_its_first_copy_returns() {
        let (mut ours, mut theirs) = (Desk::default(), Desk::default());
        ours.promote_to_incident("Ours", "g-a", &[], "A", at(1));
        theirs.promote_to_incident("Theirs", "g-c", &[], "B", at(2));
        let merged = ours.merge(theirs.clone());
        // Their copy arrives again as INC-1, once unchanged and once with a later note.
        let again = merged.clone().merge(theirs.clone());
        theirs.incident_mut("INC-1").unwrap().add_note("Later", "B", at(4));
        let later = again.clone().merge(theirs);
        for desk in [&again, &later] {
            let titles: Vec<(&str, &str)> =
                desk.incidents.iter().map(|i| (i.id.as_str(), i.title.as_str())).collect();
            assert_eq!(titles, vec![("INC-1", "Ours"), ("INC-2", "Theirs")]);
        }
        let kept = later.incident("INC-2").unwrap();
        assert!(kept.timeline.iter().any(|e| e.event.describe() == "Update: Later"), "the newer copy wins");
    }

    #[test]
    fn a_newer_copy_of_an_incident_keeps_the_postmortem_written_in_the_other_tab() {
        let mut base = Desk::default();
        base.promote_to_incident("Down", "g-a", &[], "A", at(1));
        let (mut ours, mut theirs) = (base.clone(), base);
        ours.incident_mut("INC-1").unwrap().set_postmortem("# Written here", "A", at(2));
        theirs.incident_mut("INC-1").unwrap().add_note("Ticked later elsewhere", "B", at(3));
        for merged in [ours.clone().merge(theirs.clone()), theirs.merge(ours)] {
            let incident = merged.incident("INC-1").unwrap();
            assert_eq!(incident.postmortem.as_ref().map(|p| p.text.as_str()), Some("# Written here"));
            assert!(incident.timeline.iter().any(|e| e.event.describe() == "Update: Ticked later elsewhere"));
        }
    }

    #[test]
    fn upsert_replaces_by_id() {
        let mut desk = Desk { cases: vec![case("a", "One")], ..Desk::default() };
        let (added, replaced) = desk.upsert(vec![case("a", "One again"), case("b", "Two")]);
        assert_eq!((added, replaced), (1, 1));
        assert_eq!(desk.cases[0].title, "One again");
    }
}
