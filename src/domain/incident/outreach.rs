//! Customer outreach: one row per customer across an incident's cases, Enterprise first,
//! and logging a contact with a customer on each of their open cases.

use super::{Incident, IncidentEvent};
use crate::domain::case::{Case, CaseId, NoteKind, Tier, Timestamp};
use crate::domain::sort;
use crate::i18n::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutreachState {
    #[default]
    NotContacted,
    Contacted,
    Replied,
    NoResponse,
}

impl OutreachState {
    pub const ALL: [OutreachState; 4] = [
        OutreachState::NotContacted,
        OutreachState::Contacted,
        OutreachState::Replied,
        OutreachState::NoResponse,
    ];

    pub fn text(self) -> Text {
        match self {
            OutreachState::NotContacted => Text::OutreachNotContacted,
            OutreachState::Contacted => Text::OutreachContacted,
            OutreachState::Replied => Text::OutreachReplied,
            OutreachState::NoResponse => Text::OutreachNoResponse,
        }
    }
}

/// The row key and label of cases without a customer name: they are one row, not lost.
pub const UNNAMED_CUSTOMER: &str = "Customer not named";

/// One affected customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutreachRow {
    pub customer: String,
    /// The highest tier among the customer's cases.
    pub tier: Tier,
    pub cases: usize,
    /// The customer's open cases in the incident, which a logged contact is written on.
    pub open_cases: Vec<CaseId>,
    /// The sum of the cases' customers-affected counts.
    pub people: u64,
    pub state: OutreachState,
}

fn customer_key(case: &Case) -> &str {
    match case.customer.trim() {
        "" => UNNAMED_CUSTOMER,
        name => name,
    }
}

impl Incident {
    /// One row per customer among `cases` (the incident's cases, as found by the caller):
    /// Enterprise first, then by tier, most people, then name.
    pub fn outreach_rows<'a>(&self, cases: impl IntoIterator<Item = &'a Case>) -> Vec<OutreachRow> {
        let mut rows: BTreeMap<&str, OutreachRow> = BTreeMap::new();
        for case in cases.into_iter().filter(|case| self.holds(&case.id)) {
            let key = customer_key(case);
            let row = rows.entry(key).or_insert_with(|| OutreachRow {
                customer: key.to_string(),
                tier: case.tier,
                cases: 0,
                open_cases: Vec::new(),
                people: 0,
                state: self.outreach.get(key).copied().unwrap_or_default(),
            });
            row.tier = row.tier.min(case.tier);
            row.cases += 1;
            row.people += u64::from(case.customers_affected);
            if case.is_open() {
                row.open_cases.push(case.id.clone());
            }
        }
        let mut rows: Vec<OutreachRow> = rows.into_values().collect();
        sort::sort_by(&mut rows, |a, b| {
            a.tier.cmp(&b.tier).then(b.people.cmp(&a.people)).then_with(|| a.customer.cmp(&b.customer))
        });
        rows
    }

    /// Sets a customer's outreach state, logged; false when unchanged.
    pub fn set_outreach(
        &mut self,
        customer: &str,
        state: OutreachState,
        text: &str,
        author: &str,
        now: Timestamp,
    ) -> bool {
        let customer = customer.trim();
        if customer.is_empty() || self.outreach.get(customer).copied().unwrap_or_default() == state {
            return false;
        }
        if state == OutreachState::NotContacted {
            self.outreach.remove(customer);
        } else {
            self.outreach.insert(customer.to_string(), state);
        }
        let event = IncidentEvent::Outreach { customer: customer.into(), state, text: text.trim().into() };
        self.log(author, now, event);
        true
    }

    /// Logs a contact with `customer`: a customer-contact note on each of `cases` that is
    /// theirs, open and in the incident (so their first-response and next-update clocks count
    /// it), and the customer marked Contacted (unless they already replied). Returns how many
    /// cases got the note.
    pub fn log_contact<'a>(
        &mut self,
        customer: &str,
        text: &str,
        cases: impl IntoIterator<Item = &'a mut Case>,
        author: &str,
        now: Timestamp,
    ) -> usize {
        let text = text.trim();
        if text.is_empty() {
            return 0;
        }
        let customer = customer.trim();
        let mut noted = 0;
        for case in cases {
            if self.holds(&case.id) && case.is_open() && customer_key(case) == customer {
                let note = format!("{text} (incident {})", self.id);
                noted += usize::from(case.add_note(NoteKind::Contact, &note, author, now));
            }
        }
        if self.outreach.get(customer) != Some(&OutreachState::Replied) {
            self.set_outreach(customer, OutreachState::Contacted, text, author, now);
        }
        noted
    }
}

/// How many customers have not been contacted yet: the count on the incident page.
pub fn not_contacted(rows: &[OutreachRow]) -> usize {
    rows.iter().filter(|row| row.state == OutreachState::NotContacted).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseDraft, Event, Status};
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    fn case(id: &str, customer: &str, tier: Tier, people: u32) -> Case {
        let draft = CaseDraft {
            title: "Checkout fails".into(),
            customer: customer.into(),
            tier,
            customers_affected: people,
            ..CaseDraft::default()
        };
        Case::create(CaseId(id.into()), draft, "Me", at(0))
    }

    fn fixture() -> (Incident, Vec<Case>) {
        let mut cases = vec![
            case("a", "Kumo", Tier::Standard, 30),
            case("b", "Harborline", Tier::Premium, 5),
            case("c", "Harborline", Tier::Enterprise, 2),
            case("d", "Lumen", Tier::Standard, 80),
            case("e", "", Tier::Free, 1),
            case("x", "Kumo", Tier::Standard, 1000),
        ];
        cases[1].set_status(Status::Resolved, "Me", at(1));
        let ids = ["a", "b", "c", "d", "e"].map(|id| CaseId(id.into())).to_vec();
        (Incident::promote("INC-1".into(), "Checkout down", "g-a", ids, "Mina", at(1)), cases)
    }

    #[test]
    fn rows_are_one_per_customer_enterprise_first_then_most_people() {
        let (incident, cases) = fixture();
        let rows = incident.outreach_rows(&cases);
        let summary: Vec<(&str, Tier, usize, usize, u64)> = rows
            .iter()
            .map(|r| (r.customer.as_str(), r.tier, r.cases, r.open_cases.len(), r.people))
            .collect();
        assert_eq!(
            summary,
            [
                ("Harborline", Tier::Enterprise, 2, 1, 7),
                ("Lumen", Tier::Standard, 1, 1, 80),
                ("Kumo", Tier::Standard, 1, 1, 30),
                (UNNAMED_CUSTOMER, Tier::Free, 1, 1, 1),
            ],
            "case x is not in the incident"
        );
        assert_eq!(not_contacted(&rows), 4);
    }

    #[test]
    fn logging_a_contact_notes_each_open_case_of_that_customer_and_marks_them_contacted() {
        let (mut incident, mut cases) = fixture();
        assert_eq!(incident.log_contact("Harborline", "  ", cases.iter_mut(), "Mina", at(5)), 0);
        assert_eq!(
            incident.log_contact("Harborline", "Called their IT lead", cases.iter_mut(), "Mina", at(5)),
            1
        );
        assert_eq!(cases[2].first_response_at, Some(at(5)));
        assert_eq!(
            cases[2].timeline.last().unwrap().event,
            Event::Note { kind: NoteKind::Contact, text: "Called their IT lead (incident INC-1)".into() }
        );
        assert_eq!(cases[1].timeline.len(), 2, "the resolved case gets no note");
        assert_eq!(incident.outreach["Harborline"], OutreachState::Contacted);
        assert!(incident.set_outreach("Harborline", OutreachState::Replied, "", "Mina", at(6)));
        incident.log_contact("Harborline", "Follow-up", cases.iter_mut(), "Mina", at(7));
        assert_eq!(incident.outreach["Harborline"], OutreachState::Replied, "a reply is not overwritten");
        let rows = incident.outreach_rows(&cases);
        assert_eq!(not_contacted(&rows), 3);
        assert!(incident.set_outreach("Harborline", OutreachState::NotContacted, "", "Mina", at(8)));
        assert!(incident.outreach.is_empty());
    }
}
