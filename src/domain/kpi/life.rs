//! One case's life read from its timeline: when it was open, how long it sat in each waiting
//! status, how often the customer was contacted, and whether it was reopened. Cases imported
//! with only their fields (a status and a resolution time, no history) are read through the
//! same entries their fields imply as the SLA clocks use, so both count them alike.

use crate::domain::case::{Case, Event, NoteKind, Status, TimelineEntry, Timestamp};
use crate::domain::sla::implied_entries;
use crate::domain::sort;
use chrono::TimeDelta;

/// What the KPIs need of one case, read once per computation.
#[derive(Clone, Debug, PartialEq)]
pub struct Life {
    /// Stretches of time the case was open, in order; the last one has no end while it is open.
    pub open: Vec<(Timestamp, Option<Timestamp>)>,
    /// Time spent waiting on the customer, up to the last resolution (a case open now counts
    /// up to its last status change: the KPIs read waiting time of resolved cases only, and
    /// so a life never changes until its case does, and can be kept per case).
    pub waiting_on_customer: TimeDelta,
    pub waiting_on_engineering: TimeDelta,
    /// Customer contacts logged (the first response counts as one when only its time is known).
    pub contacts: usize,
    pub reopened: bool,
}

impl Life {
    /// The life of `case` as its timeline tells it.
    pub fn of(case: &Case) -> Life {
        let implied = implied_entries(case);
        let timeline = &case.timeline;
        // Most timelines are already in order with nothing implied: read them as they are.
        if implied.is_empty() && timeline.is_sorted_by_key(|entry| entry.at) {
            return Life::read(case, &mut timeline.iter());
        }
        let mut entries: Vec<&TimelineEntry> = timeline.iter().chain(&implied).collect();
        sort::sort_by_key(&mut entries, |entry| entry.at);
        Life::read(case, &mut entries.into_iter())
    }

    /// The life told by `entries`, in order of time (behind `dyn`, so one copy serves both).
    fn read(case: &Case, entries: &mut dyn Iterator<Item = &TimelineEntry>) -> Life {
        let mut life = Life {
            open: vec![(case.created_at, None)],
            waiting_on_customer: TimeDelta::zero(),
            waiting_on_engineering: TimeDelta::zero(),
            contacts: 0,
            reopened: false,
        };
        let mut status = Status::New;
        let mut since = case.created_at;
        for entry in entries {
            let at = entry.at.max(case.created_at);
            match &entry.event {
                Event::StatusChanged { to, .. } | Event::Reopened { to, .. } => {
                    life.spend(status, since, at);
                    if status.is_open() && !to.is_open() {
                        if let Some(last) = life.open.last_mut() {
                            last.1 = Some(at);
                        }
                    } else if !status.is_open() && to.is_open() {
                        life.open.push((at, None));
                    }
                    life.reopened |= matches!(entry.event, Event::Reopened { .. });
                    status = *to;
                    since = at;
                }
                Event::Note { kind: NoteKind::Contact, .. } => life.contacts += 1,
                _ => {}
            }
        }
        life
    }

    fn spend(&mut self, status: Status, from: Timestamp, to: Timestamp) {
        let spent = to - from;
        match status {
            Status::WaitingOnCustomer => self.waiting_on_customer += spent,
            Status::WaitingOnEngineering => self.waiting_on_engineering += spent,
            _ => {}
        }
    }

    /// Whether the case was open at the instant `at`.
    pub fn open_at(&self, at: Timestamp) -> bool {
        self.open.iter().any(|&(from, until)| from <= at && until.is_none_or(|until| at < until))
    }

    /// When the case was last resolved or closed, if it is not open now.
    pub fn resolved_at(&self) -> Option<Timestamp> {
        self.open.last().and_then(|&(_, until)| until)
    }

    /// Since when the case has been open at `at`, if it was open then: the start of that stretch.
    pub fn open_since(&self, at: Timestamp) -> Option<Timestamp> {
        self.open
            .iter()
            .find(|&&(from, until)| from <= at && until.is_none_or(|until| at < until))
            .map(|&(from, _)| from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, CaseId};
    use chrono::DateTime;

    fn at(minutes: i64) -> Timestamp {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + TimeDelta::minutes(minutes)
    }

    fn case() -> Case {
        let draft = CaseDraft { title: "Checkout fails".into(), ..CaseDraft::default() };
        Case::create(CaseId("c1".into()), draft, "Mina", at(0))
    }

    #[test]
    fn reads_open_stretches_waiting_time_contacts_and_reopens() {
        let mut c = case();
        c.add_note(NoteKind::Contact, "Asked for logs", "Mina", at(10));
        c.set_status(Status::WaitingOnCustomer, "Mina", at(10));
        c.set_status(Status::InProgress, "Mina", at(70));
        c.set_status(Status::WaitingOnEngineering, "Mina", at(80));
        c.set_status(Status::Resolved, "Mina", at(200));
        c.set_status(Status::InProgress, "Mina", at(300));
        c.add_note(NoteKind::Contact, "Sorry, it is back", "Mina", at(310));
        c.set_status(Status::Resolved, "Mina", at(400));
        let life = Life::of(&c);
        assert_eq!(life.open, vec![(at(0), Some(at(200))), (at(300), Some(at(400)))]);
        assert_eq!(life.waiting_on_customer, TimeDelta::minutes(60));
        assert_eq!(life.waiting_on_engineering, TimeDelta::minutes(120));
        assert_eq!(life.contacts, 2);
        assert!(life.reopened);
        assert_eq!(life.resolved_at(), Some(at(400)));
        assert!(life.open_at(at(199)) && !life.open_at(at(200)) && !life.open_at(at(250)));
        assert_eq!(life.open_since(at(350)), Some(at(300)));
    }

    #[test]
    fn an_open_case_is_open_until_now() {
        let mut c = case();
        c.set_status(Status::WaitingOnEngineering, "Mina", at(30));
        let life = Life::of(&c);
        assert_eq!(life.open, vec![(at(0), None)]);
        assert_eq!(life.resolved_at(), None);
        assert!(life.open_at(at(10_000)));
    }

    #[test]
    fn an_imported_case_without_history_is_read_from_its_fields() {
        let mut c = case();
        c.status = Status::Resolved;
        c.resolved_at = Some(at(240));
        c.first_response_at = Some(at(20));
        let life = Life::of(&c);
        assert_eq!(life.open, vec![(at(0), Some(at(240)))]);
        assert_eq!(life.contacts, 1);
        assert!(!life.reopened);
    }
}
