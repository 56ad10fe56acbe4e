//! What the desk does with incidents across their cases: growing an open incident instead of
//! promoting a second one, taking a case out, suggesting new members of its group, and
//! logging a contact with a customer on their cases. Beside `desk` and `incident`, since it
//! uses both (the desk holds incidents, so `incident` must not use `desk`).

use super::case::{CaseId, Event, Timestamp};
use super::desk::Desk;
use super::grouping::Group;
use super::incident::Incident;
use super::sort;
use crate::i18n::Lang;

/// What promoting a group did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Promotion {
    /// A new incident with this id.
    Created(String),
    /// Some of the group's cases are already in this open incident (the newest such): no new
    /// incident was made. `new_cases` are the group's cases not in it yet, for "Add the new
    /// cases to INC-n".
    AlreadyIn { incident: String, new_cases: Vec<CaseId> },
}

impl Desk {
    /// Promotes a group to an incident, unless its cases already belong to an open incident:
    /// then nothing changes and the caller offers to add the new cases to that one. A new
    /// incident starts its recovery plan from the settings' plan template, its built-in steps
    /// in `lang` (the desk's language).
    pub fn promote_group(
        &mut self,
        title: &str,
        group_id: &str,
        cases: &[CaseId],
        lang: Lang,
        author: &str,
        now: Timestamp,
    ) -> Promotion {
        if let Some(incident) = self.open_incidents_holding(cases).first() {
            let new_cases = cases.iter().filter(|id| !incident.holds(id)).cloned().collect();
            return Promotion::AlreadyIn { incident: incident.id.clone(), new_cases };
        }
        let id = self.promote_to_incident(title, group_id, cases, author, now);
        let template = self.settings.incidents.plan.in_lang(lang);
        if let Some(incident) = self.incident_mut(&id) {
            incident.start_plan(&template, author, now);
        }
        Promotion::Created(id)
    }

    /// The open incidents holding any of `cases`, most recent first.
    pub fn open_incidents_holding(&self, cases: &[CaseId]) -> Vec<&Incident> {
        let mut found = self.open_incidents();
        found.retain(|incident| cases.iter().any(|id| incident.holds(id)));
        found
    }

    /// The open incidents to offer under "Add to incident", most recent first.
    pub fn open_incidents(&self) -> Vec<&Incident> {
        let mut open: Vec<&Incident> = self.incidents.iter().filter(|incident| incident.is_open()).collect();
        sort::sort_by(&mut open, |a, b| b.created_at.cmp(&a.created_at).then_with(|| b.id.cmp(&a.id)));
        open
    }

    /// Adds cases to an open incident; each added case's timeline notes it. Returns the cases
    /// added (none for an unknown or resolved incident, or cases already in it or unknown).
    pub fn add_to_incident(
        &mut self,
        incident_id: &str,
        cases: &[CaseId],
        author: &str,
        now: Timestamp,
    ) -> Vec<CaseId> {
        let known: Vec<CaseId> = cases.iter().filter(|id| self.scan_case(id).is_some()).cloned().collect();
        let Some(incident) = self.incident_mut(incident_id).filter(|incident| incident.is_open()) else {
            return Vec::new();
        };
        let added = incident.add_cases(&known, author, now);
        let (id, title) = (incident.id.clone(), incident.title.clone());
        for case_id in &added {
            if let Some(case) = self.case_mut(case_id) {
                case.log(author, now, Event::IncidentLinked { incident: id.clone(), title: title.clone() });
            }
        }
        added
    }

    /// Takes a case out of an incident, logged on both timelines; false if it was not in it.
    pub fn remove_from_incident(
        &mut self,
        incident_id: &str,
        case_id: &CaseId,
        author: &str,
        now: Timestamp,
    ) -> bool {
        let Some(incident) = self.incident_mut(incident_id) else { return false };
        if !incident.remove_case(case_id, author, now) {
            return false;
        }
        let (id, title) = (incident.id.clone(), incident.title.clone());
        if let Some(case) = self.case_mut(case_id) {
            case.log(author, now, Event::IncidentUnlinked { incident: id, title });
        }
        true
    }

    /// Members of the groups the incident's cases are in that are not in the incident yet:
    /// the suggestions on the incident page, in group order.
    pub fn incident_suggestions(&self, incident_id: &str, groups: &[Group]) -> Vec<CaseId> {
        let Some(incident) = self.incident(incident_id) else { return Vec::new() };
        let mut suggested: Vec<CaseId> = Vec::new();
        let related = groups.iter().filter(|group| {
            Some(group.id.as_str()) == incident.group_id()
                || group.members.iter().any(|id| incident.holds(id))
        });
        for id in related.flat_map(|group| &group.members) {
            if !incident.holds(id) && !suggested.contains(id) {
                suggested.push(id.clone());
            }
        }
        suggested
    }

    /// Logs a contact with `customer` on each of their open cases in the incident (their SLA
    /// clocks count it) and marks them Contacted; returns how many cases got the note.
    pub fn log_incident_contact(
        &mut self,
        incident_id: &str,
        customer: &str,
        text: &str,
        author: &str,
        now: Timestamp,
    ) -> usize {
        let Some(place) = self.incidents.iter().position(|incident| incident.id == incident_id) else {
            return 0;
        };
        // Borrowed field by field: the incident from the records, the cases beside them.
        // `log_contact` checks membership itself, so every case is offered.
        let incident = &mut self.records.incidents[place];
        incident.log_contact(customer, text, self.cases.iter_mut(), author, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Case, CaseDraft};
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn id(text: &str) -> CaseId {
        CaseId(text.into())
    }

    fn desk() -> Desk {
        let case = |name: &str| {
            let draft = CaseDraft {
                title: "Checkout fails".into(),
                customer: format!("Customer {name}"),
                ..CaseDraft::default()
            };
            Case::create(id(name), draft, "Me", at(0))
        };
        Desk { cases: ["a", "b", "c", "d"].map(case).to_vec(), ..Desk::default() }
    }

    fn last(desk: &Desk, case: &str) -> Event {
        desk.scan_case(&id(case)).unwrap().timeline.last().unwrap().event.clone()
    }

    #[test]
    fn promoting_a_grown_group_offers_the_open_incident_instead_of_a_second_one() {
        let mut desk = desk();
        assert_eq!(
            desk.promote_group("Checkout down", "g-a", &[id("a"), id("b")], Lang::En, "Mina", at(1)),
            Promotion::Created("INC-1".into())
        );
        assert_eq!(desk.incident("INC-1").unwrap().plan.len(), 8, "the plan starts from the template");
        let again =
            desk.promote_group("Checkout down", "g-a", &[id("a"), id("b"), id("c")], Lang::En, "Mina", at(2));
        assert_eq!(again, Promotion::AlreadyIn { incident: "INC-1".into(), new_cases: vec![id("c")] });
        assert_eq!(desk.incidents.len(), 1);
        assert_eq!(desk.open_incidents_holding(&[id("c"), id("b")]).len(), 1);
        assert!(desk.open_incidents_holding(&[id("c")]).is_empty());

        assert_eq!(
            desk.add_to_incident("INC-1", &[id("c"), id("a"), id("zz")], "Mina", at(3)),
            vec![id("c")]
        );
        assert!(matches!(last(&desk, "c"), Event::IncidentLinked { incident, .. } if incident == "INC-1"));
        assert!(desk.remove_from_incident("INC-1", &id("b"), "Mina", at(4)));
        assert!(!desk.remove_from_incident("INC-1", &id("b"), "Mina", at(5)));
        assert_eq!(
            last(&desk, "b"),
            Event::IncidentUnlinked { incident: "INC-1".into(), title: "Checkout down".into() }
        );
        let incident = desk.incident("INC-1").unwrap();
        assert_eq!(incident.cases, vec![id("a"), id("c")]);
        assert_eq!(incident.timeline.last().unwrap().event.describe(), "Case b removed");

        desk.incident_mut("INC-1").unwrap().set_status(
            crate::domain::incident::IncidentStatus::Resolved,
            "Mina",
            at(6),
        );
        assert!(
            desk.add_to_incident("INC-1", &[id("d")], "Mina", at(7)).is_empty(),
            "a resolved incident does not grow"
        );
        assert_eq!(
            desk.promote_group("Again", "g-a", &[id("a")], Lang::En, "Mina", at(8)),
            Promotion::Created("INC-2".into())
        );
        assert_eq!(desk.open_incidents().iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["INC-2"]);
    }

    #[test]
    fn new_members_of_the_incidents_group_are_suggested() {
        let mut desk = desk();
        desk.promote_group("Checkout down", "g-a", &[id("a"), id("b")], Lang::En, "Mina", at(1));
        let group = |gid: &str, members: &[&str]| Group {
            id: gid.into(),
            members: members.iter().map(|m| id(m)).collect(),
            medoid: id(members[0]),
            top_terms: vec![],
            cohesion: 0.5,
        };
        // The group was renamed by a new smallest member; its members still tie it to the incident.
        let groups = [group("g-0", &["a", "b", "c"]), group("g-x", &["d", "zz"])];
        assert_eq!(desk.incident_suggestions("INC-1", &groups), vec![id("c")]);
        assert!(desk.incident_suggestions("INC-9", &groups).is_empty());
    }

    #[test]
    fn a_contact_logged_for_a_customer_goes_on_their_open_cases_in_the_incident() {
        let mut desk = desk();
        desk.promote_group("Checkout down", "g-a", &[id("a"), id("b")], Lang::En, "Mina", at(1));
        assert_eq!(desk.log_incident_contact("INC-1", "Customer a", "Emailed the admin", "Mina", at(2)), 1);
        assert_eq!(desk.scan_case(&id("a")).unwrap().first_response_at, Some(at(2)));
        assert_eq!(desk.scan_case(&id("b")).unwrap().first_response_at, None);
        assert_eq!(
            desk.log_incident_contact("INC-1", "Customer d", "Called", "Mina", at(3)),
            0,
            "d is not in the incident"
        );
    }
}
