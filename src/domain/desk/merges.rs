//! What a person does with likely duplicates across the desk: link two cases, merge a group
//! into one primary case (and undo that, on the record), and promote a group to an incident.

use super::Desk;
use crate::domain::case::{Case, CaseId, Event, Status, Timestamp};
use crate::domain::incident::{next_incident_id, Incident};
use serde::{Deserialize, Serialize};

/// One merge, kept so that Unmerge can put every duplicate back as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    pub primary: CaseId,
    pub at: Timestamp,
    pub author: String,
    /// Every duplicate exactly as it was before the merge.
    pub before: Vec<Case>,
}

impl MergeRecord {
    pub fn duplicates(&self) -> impl Iterator<Item = &CaseId> {
        self.before.iter().map(|case| &case.id)
    }
}

/// A merge that was undone, kept so that another tab's copy still holding its record does
/// not make it stand again (see `Desk::merge`). The cases need no such help: the unmerge is
/// on their timelines, later than the merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UndoneMerge {
    pub primary: CaseId,
    /// The time of the merge, which names it.
    pub merged_at: Timestamp,
}

impl UndoneMerge {
    pub fn undoes(&self, merge: &MergeRecord) -> bool {
        merge.primary == self.primary && merge.at == self.merged_at
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Fewer than one case besides the primary.
    NothingToMerge,
    UnknownCase(CaseId),
    /// The case is already a duplicate merged into another.
    AlreadyMerged(CaseId),
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::NothingToMerge => f.write_str("Choose at least one case besides the primary."),
            MergeError::UnknownCase(id) => write!(f, "There is no case {id}."),
            MergeError::AlreadyMerged(id) => write!(f, "Case {id} is already merged into another case."),
        }
    }
}

impl Case {
    /// The cases linked to this one, in the order they were linked.
    pub fn linked(&self) -> impl Iterator<Item = &CaseId> {
        self.timeline.iter().filter_map(|entry| match &entry.event {
            Event::Linked { case } => Some(case),
            _ => None,
        })
    }
}

impl Desk {
    /// Links two cases; both timelines record it. False if they are one case, unknown, or already linked.
    pub fn link_cases(&mut self, a: &CaseId, b: &CaseId, author: &str, now: Timestamp) -> bool {
        if a == b
            || self.scan_case(b).is_none()
            || self.scan_case(a).is_none_or(|case| case.linked().any(|id| id == b))
        {
            return false;
        }
        for (from, to) in [(a, b), (b, a)] {
            if let Some(case) = self.case_mut(from) {
                case.log(author, now, Event::Linked { case: to.clone() });
            }
        }
        true
    }

    /// The primary case that `id` was merged into, while that merge stands.
    pub fn duplicate_of(&self, id: &CaseId) -> Option<&CaseId> {
        self.merges.iter().find(|merge| merge.duplicates().any(|d| d == id)).map(|merge| &merge.primary)
    }

    /// The standing merges whose primary is `id`.
    pub fn merges_into<'a>(&'a self, id: &'a CaseId) -> impl Iterator<Item = &'a MergeRecord> + 'a {
        self.merges.iter().filter(move |merge| &merge.primary == id)
    }

    /// Closes `duplicates` as duplicates of `primary`; each keeps its own timeline and notes
    /// which case it went into, and the primary lists them.
    pub fn merge_into(
        &mut self,
        primary: &CaseId,
        duplicates: &[CaseId],
        author: &str,
        now: Timestamp,
    ) -> Result<(), MergeError> {
        let duplicates: Vec<&CaseId> = duplicates.iter().filter(|id| *id != primary).collect();
        if duplicates.is_empty() {
            return Err(MergeError::NothingToMerge);
        }
        for id in duplicates.iter().copied().chain([primary]) {
            if self.scan_case(id).is_none() {
                return Err(MergeError::UnknownCase(id.clone()));
            }
            if self.duplicate_of(id).is_some() {
                return Err(MergeError::AlreadyMerged(id.clone()));
            }
        }
        let before: Vec<Case> = duplicates.iter().filter_map(|id| self.scan_case(id).cloned()).collect();
        for id in &duplicates {
            let case = self.case_mut(id).expect("checked above");
            case.set_status(Status::Closed, author, now);
            case.log(author, now, Event::MergedInto { primary: primary.clone() });
        }
        let main = self.case_mut(primary).expect("checked above");
        main.log(author, now, Event::MergedDuplicates { cases: duplicates.into_iter().cloned().collect() });
        self.merges.push(MergeRecord {
            primary: primary.clone(),
            at: now,
            author: author.to_string(),
            before,
        });
        Ok(())
    }

    /// Undoes every standing merge into `primary`. Nothing is taken off a timeline: each
    /// duplicate logs that it was unmerged and then gets back its status and every field as
    /// they were before the merge (each change logged), and the primary logs which came back.
    /// Returns how many cases came back.
    pub fn unmerge(&mut self, primary: &CaseId, author: &str, now: Timestamp) -> usize {
        let (undone, kept): (Vec<MergeRecord>, Vec<MergeRecord>) =
            std::mem::take(&mut self.merges).into_iter().partition(|merge| &merge.primary == primary);
        self.merges = kept;
        self.undone_merges
            .extend(undone.iter().map(|merge| UndoneMerge { primary: primary.clone(), merged_at: merge.at }));
        let mut restored = 0;
        for merge in undone.iter().rev() {
            for before in &merge.before {
                let Some(case) = self.case_mut(&before.id) else { continue };
                case.log(author, now, Event::Unmerged { primary: primary.clone() });
                case.restore(before, author, now);
                restored += 1;
            }
            if let Some(main) = self.case_mut(primary) {
                main.log(
                    author,
                    now,
                    Event::UnmergedDuplicates { cases: merge.duplicates().cloned().collect() },
                );
            }
        }
        restored
    }

    /// Makes an incident of a group: links its cases (each timeline notes it) and returns its id.
    pub fn promote_to_incident(
        &mut self,
        title: &str,
        group_id: &str,
        cases: &[CaseId],
        author: &str,
        now: Timestamp,
    ) -> String {
        let id = next_incident_id(&self.incidents);
        let incident = Incident::promote(id.clone(), title, group_id, cases.to_vec(), author, now);
        for case_id in cases {
            if let Some(case) = self.case_mut(case_id) {
                case.log(
                    author,
                    now,
                    Event::IncidentLinked { incident: id.clone(), title: incident.title.clone() },
                );
            }
        }
        self.incidents.push(incident);
        id
    }

    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.incidents.iter().find(|incident| incident.id == id)
    }

    pub fn incident_mut(&mut self, id: &str) -> Option<&mut Incident> {
        self.incidents.iter_mut().find(|incident| incident.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, Field, FieldValue, NoteKind, Priority, Tier};
    use crate::domain::duplicates::{group_of, groupable, overview};
    use crate::domain::grouping::{GroupingSettings, SimilarityIndex};
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn id(text: &str) -> CaseId {
        CaseId(text.into())
    }

    fn case(key: &str, title: &str, customer: &str, tier: Tier, minute: u32) -> Case {
        let draft =
            CaseDraft { title: title.into(), customer: customer.into(), tier, ..CaseDraft::default() };
        Case::create(id(key), draft, "Me", at(minute))
    }

    fn desk() -> Desk {
        let mut a = case("a", "Payment declined at checkout PAY-502", "Harborline", Tier::Enterprise, 0);
        a.add_note(NoteKind::Contact, "Called them", "Mina", at(1));
        let mut b = case("b", "Checkout payment declined PAY-502 for all cards", "Kumo", Tier::Standard, 2);
        b.set_status(Status::InProgress, "Jun", at(3));
        b.pin_priority(Some(Priority::P1), "Jun", at(4));
        b.extra.insert("Via".into(), "email".into());
        b.external_id = "ZD-9".into();
        let c = case("c", "PAY-502 payment declined on checkout page", "Lumen", Tier::Premium, 5);
        let d = case("d", "Cannot log in with SSO AUTH-1103", "Kumo", Tier::Standard, 6);
        Desk { cases: vec![a, b, c, d], ..Desk::default() }
    }

    /// The case without its history: what an unmerge must give back.
    fn fields(case: &Case) -> Case {
        Case { timeline: Vec::new(), updated_at: at(0), ..case.clone() }
    }

    fn events_since(case: &Case, minute: u32) -> Vec<Event> {
        case.timeline.iter().filter(|entry| entry.at >= at(minute)).map(|entry| entry.event.clone()).collect()
    }

    #[test]
    fn merge_closes_duplicates_and_unmerge_restores_every_field_on_the_record() {
        let original = desk();
        let mut merged = original.clone();
        merged.merge_into(&id("a"), &[id("a"), id("b"), id("c")], "Mina", at(10)).unwrap();
        for dup in ["b", "c"] {
            let case = merged.scan_case(&id(dup)).unwrap();
            assert_eq!(case.status, Status::Closed);
            assert_eq!(merged.duplicate_of(&id(dup)), Some(&id("a")));
            assert!(
                case.timeline.starts_with(&original.scan_case(&id(dup)).unwrap().timeline),
                "keeps its timeline"
            );
            assert_eq!(case.timeline.last().unwrap().event, Event::MergedInto { primary: id("a") });
        }
        let primary = merged.scan_case(&id("a")).unwrap();
        assert_eq!(primary.status, Status::New);
        assert_eq!(
            primary.timeline.last().unwrap().event,
            Event::MergedDuplicates { cases: vec![id("b"), id("c")] }
        );
        assert_eq!(
            merged.merge_into(&id("d"), &[id("b")], "Mina", at(11)),
            Err(MergeError::AlreadyMerged(id("b")))
        );
        let while_merged = merged.clone();

        assert_eq!(merged.unmerge(&id("a"), "Jun", at(15)), 2);
        assert!(merged.merges.is_empty());
        assert_eq!(merged.duplicate_of(&id("b")), None);
        for (now, then) in merged.cases.iter().zip(&original.cases) {
            assert_eq!(fields(now), fields(then), "every field of {}", now.id);
            let kept = &while_merged.scan_case(&now.id).unwrap().timeline;
            assert!(now.timeline.starts_with(kept), "{} keeps the merge on its timeline", now.id);
        }
        let b = merged.scan_case(&id("b")).unwrap();
        assert_eq!(
            events_since(b, 10),
            vec![
                Event::StatusChanged { from: Status::InProgress, to: Status::Closed },
                Event::MergedInto { primary: id("a") },
                Event::Unmerged { primary: id("a") },
                Event::Reopened { from: Status::Closed, to: Status::InProgress },
            ]
        );
        assert!(b.timeline.iter().rev().take(2).all(|entry| entry.author == "Jun" && entry.at == at(15)));
        assert_eq!(
            events_since(merged.scan_case(&id("a")).unwrap(), 10),
            vec![
                Event::MergedDuplicates { cases: vec![id("b"), id("c")] },
                Event::UnmergedDuplicates { cases: vec![id("b"), id("c")] },
            ]
        );
        assert_eq!(merged.scan_case(&id("d")), original.scan_case(&id("d")), "untouched");
    }

    #[test]
    fn unmerge_puts_back_fields_changed_while_merged_and_logs_each() {
        let mut desk = desk();
        let before = desk.scan_case(&id("b")).unwrap().clone();
        desk.merge_into(&id("a"), &[id("b")], "Mina", at(10)).unwrap();
        let b = desk.case_mut(&id("b")).unwrap();
        b.set_field(Field::Customer, FieldValue::Text("Harborline".into()), "Jun", at(11)).unwrap();
        b.pin_priority(None, "Jun", at(12));
        desk.unmerge(&id("a"), "Mina", at(13));
        let b = desk.scan_case(&id("b")).unwrap();
        assert_eq!(fields(b), fields(&before));
        assert_eq!(
            events_since(b, 13)[1..],
            [
                Event::Reopened { from: Status::Closed, to: Status::InProgress },
                Event::PriorityPinned { from: None, to: Some(Priority::P1) },
                Event::FieldChanged { field: Field::Customer, from: "Harborline".into(), to: "Kumo".into() },
            ]
        );
    }

    #[test]
    fn an_unmerge_survives_another_tabs_copy_that_still_shows_the_merge() {
        let original = desk();
        let mut tab_a = original.clone();
        tab_a.merge_into(&id("a"), &[id("b"), id("c")], "Mina", at(10)).unwrap();
        let mut tab_b = tab_a.clone();
        tab_a.unmerge(&id("a"), "Mina", at(11));
        // Tab B, not yet aware of the unmerge, logs a note on a merged duplicate.
        tab_b.case_mut(&id("b")).unwrap().add_note(NoteKind::Internal, "Same as a", "Jun", at(12));

        // Tab B takes in tab A's write: the merge is gone, both acts are on the timelines,
        // and B's note stays.
        let b_now = tab_b.merge(tab_a.clone());
        assert!(b_now.merges.is_empty());
        assert_eq!(b_now.scan_case(&id("c")), tab_a.scan_case(&id("c")));
        assert_eq!(b_now.scan_case(&id("a")), tab_a.scan_case(&id("a")));
        let b = b_now.scan_case(&id("b")).unwrap();
        assert_eq!(fields(b), fields(original.scan_case(&id("b")).unwrap()), "open as it was");
        let events: Vec<&Event> = b.timeline.iter().map(|entry| &entry.event).collect();
        assert!(events.contains(&&Event::MergedInto { primary: id("a") }));
        assert!(events.contains(&&Event::Unmerged { primary: id("a") }));
        assert!(matches!(events.last().unwrap(), Event::Note { text, .. } if text == "Same as a"));

        // And tab A, taking in B's later write, keeps the unmerge and gains the note.
        let a_now = tab_a.merge(b_now.clone());
        assert_eq!(a_now.cases, b_now.cases);
        assert!(a_now.merges.is_empty());

        // Merging the same cases again later is a new merge, which the old unmerge leaves be.
        let mut again = a_now.clone();
        again.merge_into(&id("a"), &[id("b")], "Mina", at(20)).unwrap();
        let combined = again.clone().merge(a_now);
        assert_eq!(combined.merges.len(), 1);
        assert_eq!(combined.scan_case(&id("b")).unwrap().status, Status::Closed);
    }

    #[test]
    fn unmerge_keeps_what_was_logged_on_a_duplicate_after_the_merge() {
        let mut desk = desk();
        desk.merge_into(&id("a"), &[id("b")], "Mina", at(10)).unwrap();
        desk.case_mut(&id("b")).unwrap().add_note(NoteKind::Internal, "Same root cause", "Jun", at(12));
        desk.unmerge(&id("a"), "Mina", at(13));
        let b = desk.scan_case(&id("b")).unwrap();
        assert_eq!(b.status, Status::InProgress);
        assert_eq!(b.priority_pin, Some(Priority::P1));
        assert_eq!(b.updated_at, at(13));
        assert!(b
            .timeline
            .iter()
            .any(|e| matches!(&e.event, Event::Note { text, .. } if text == "Same root cause")));
        assert_eq!(
            b.timeline.last().unwrap().event,
            Event::Reopened { from: Status::Closed, to: Status::InProgress }
        );
    }

    #[test]
    fn merge_needs_a_second_known_case() {
        let mut desk = desk();
        assert_eq!(desk.merge_into(&id("a"), &[id("a")], "M", at(9)), Err(MergeError::NothingToMerge));
        assert_eq!(
            desk.merge_into(&id("a"), &[id("zz")], "M", at(9)),
            Err(MergeError::UnknownCase(id("zz")))
        );
        assert_eq!(desk, self::desk());
    }

    #[test]
    fn links_are_recorded_on_both_cases_once() {
        let mut desk = desk();
        assert!(desk.link_cases(&id("a"), &id("d"), "Mina", at(20)));
        assert!(!desk.link_cases(&id("d"), &id("a"), "Mina", at(21)), "already linked");
        assert!(!desk.link_cases(&id("a"), &id("a"), "Mina", at(21)));
        assert_eq!(desk.scan_case(&id("a")).unwrap().linked().collect::<Vec<_>>(), vec![&id("d")]);
        assert_eq!(desk.scan_case(&id("d")).unwrap().linked().collect::<Vec<_>>(), vec![&id("a")]);
    }

    #[test]
    fn promoting_links_every_case_to_the_incident() {
        let mut desk = desk();
        let first = desk.promote_to_incident("Checkout down", "g-a", &[id("a"), id("b")], "Mina", at(30));
        assert_eq!(first, "INC-1");
        assert_eq!(desk.promote_to_incident("Again", "g-a", &[id("c")], "Mina", at(31)), "INC-2");
        let incident = desk.incident("INC-1").unwrap();
        assert_eq!(incident.cases, vec![id("a"), id("b")]);
        assert!(matches!(
            &desk.scan_case(&id("b")).unwrap().timeline.last().unwrap().event,
            Event::IncidentLinked { incident, .. } if incident == "INC-1"
        ));
    }

    #[test]
    fn not_duplicate_pairs_never_regroup_and_groups_sort_by_size() {
        let mut desk = desk();
        desk.cases.push(case("e", "Cannot log in SSO AUTH-1103 error", "Lumen", Tier::Free, 7));
        let index = SimilarityIndex::from_cases(desk.cases.iter().filter(|c| groupable(c)));
        let settings = GroupingSettings::default();
        let groups = index.group(&settings, &desk.not_duplicates);
        let shown = overview(&groups, &desk.cases);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(shown[0].summary.members, vec![id("a"), id("b"), id("c")]);
        assert_eq!(shown[0].radius.customers.len(), 3);
        assert_eq!((shown[0].first_seen, shown[0].last_seen), (at(0), at(5)));

        desk.not_duplicates.insert(&id("e"), &id("d"));
        for member in ["a", "c"] {
            desk.not_duplicates.insert(&id("b"), &id(member));
        }
        let groups = index.group(&settings, &desk.not_duplicates);
        for group in &groups {
            for (x, y) in desk.not_duplicates.iter() {
                assert!(
                    !(group.members.contains(x) && group.members.contains(y)),
                    "{x} and {y} in {group:?}"
                );
            }
        }
        assert_eq!(group_of(&groups).get(&id("b")), None);
        assert_eq!(group_of(&groups).get(&id("a")).map(|g| g.1), Some(2));
    }
}
