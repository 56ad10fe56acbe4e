//! Incidents: one problem behind many customers' cases, promoted from a duplicate group, with
//! its own status and timeline and a blast radius read from the cases it links.

use super::case::{Case, CaseId, Choice, Surface, Tier, Timestamp};
use crate::i18n::{tr, Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl IncidentStatus {
    pub const ALL: &'static [IncidentStatus] = &[
        IncidentStatus::Investigating,
        IncidentStatus::Identified,
        IncidentStatus::Monitoring,
        IncidentStatus::Resolved,
    ];

    pub fn is_open(self) -> bool {
        self != IncidentStatus::Resolved
    }
}

impl Choice for IncidentStatus {
    fn all() -> &'static [Self] {
        Self::ALL
    }

    fn key(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Identified => "identified",
            IncidentStatus::Monitoring => "monitoring",
            IncidentStatus::Resolved => "resolved",
        }
    }

    fn label(self) -> &'static str {
        tr(Lang::En, self.text())
    }

    fn text(self) -> Text {
        match self {
            IncidentStatus::Investigating => Text::IncidentInvestigating,
            IncidentStatus::Identified => Text::IncidentIdentified,
            IncidentStatus::Monitoring => Text::IncidentMonitoring,
            IncidentStatus::Resolved => Text::IncidentResolved,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|s| s.key().eq_ignore_ascii_case(wanted) || s.label().eq_ignore_ascii_case(wanted))
    }
}

impl fmt::Display for IncidentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum IncidentEvent {
    /// Promoted from the duplicate group `group_id` with `cases` linked.
    Promoted {
        group_id: String,
        cases: Vec<CaseId>,
    },
    StatusChanged {
        from: IncidentStatus,
        to: IncidentStatus,
    },
    Note {
        text: String,
    },
}

/// Stored as one flat object, like a case's timeline entry (see `case::StoredEntry` for why).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredIncidentEntry", try_from = "StoredIncidentEntry")]
pub struct IncidentEntry {
    pub at: Timestamp,
    pub author: String,
    pub event: IncidentEvent,
}

#[derive(Serialize, Deserialize)]
struct StoredIncidentEntry {
    at: Timestamp,
    author: String,
    event: IncidentEventName,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cases: Option<Vec<CaseId>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<IncidentStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<IncidentStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum IncidentEventName {
    Promoted,
    StatusChanged,
    Note,
}

impl From<IncidentEntry> for StoredIncidentEntry {
    fn from(entry: IncidentEntry) -> Self {
        let stored = StoredIncidentEntry {
            at: entry.at,
            author: entry.author,
            event: IncidentEventName::Note,
            group_id: None,
            cases: None,
            from: None,
            to: None,
            text: None,
        };
        match entry.event {
            IncidentEvent::Promoted { group_id, cases } => StoredIncidentEntry {
                event: IncidentEventName::Promoted,
                group_id: Some(group_id),
                cases: Some(cases),
                ..stored
            },
            IncidentEvent::StatusChanged { from, to } => StoredIncidentEntry {
                event: IncidentEventName::StatusChanged,
                from: Some(from),
                to: Some(to),
                ..stored
            },
            IncidentEvent::Note { text } => StoredIncidentEntry { text: Some(text), ..stored },
        }
    }
}

impl TryFrom<StoredIncidentEntry> for IncidentEntry {
    type Error = String;

    fn try_from(stored: StoredIncidentEntry) -> Result<Self, String> {
        fn need<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        let event = match stored.event {
            IncidentEventName::Promoted => IncidentEvent::Promoted {
                group_id: need(stored.group_id, "group_id")?,
                cases: need(stored.cases, "cases")?,
            },
            IncidentEventName::StatusChanged => {
                IncidentEvent::StatusChanged { from: need(stored.from, "from")?, to: need(stored.to, "to")? }
            }
            IncidentEventName::Note => IncidentEvent::Note { text: need(stored.text, "text")? },
        };
        Ok(IncidentEntry { at: stored.at, author: stored.author, event })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// "INC-1", "INC-2", …
    pub id: String,
    pub title: String,
    pub status: IncidentStatus,
    pub created_at: Timestamp,
    /// Last change; two tabs keep the newer copy of an incident.
    pub updated_at: Timestamp,
    /// The cases in the blast radius, in the order they were linked.
    pub cases: Vec<CaseId>,
    pub timeline: Vec<IncidentEntry>,
}

/// How far an incident reaches, counted from its linked cases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlastRadius {
    pub cases: usize,
    /// Distinct customer names, sorted.
    pub customers: Vec<String>,
    /// Distinct tiers, highest first.
    pub tiers: Vec<Tier>,
    pub surfaces: Vec<Surface>,
    /// The sum of each case's customers-affected count.
    pub customers_affected: u64,
}

/// Counts what these cases reach.
pub fn radius_of<'a>(reached: impl IntoIterator<Item = &'a Case>) -> BlastRadius {
    let mut customers = BTreeSet::new();
    let mut tiers = BTreeSet::new();
    let mut surfaces = BTreeSet::new();
    let mut radius = BlastRadius::default();
    for case in reached {
        radius.cases += 1;
        radius.customers_affected += u64::from(case.customers_affected);
        let customer = case.customer.trim();
        if !customer.is_empty() {
            customers.insert(customer.to_string());
        }
        tiers.insert(case.tier);
        surfaces.insert(case.surface);
    }
    radius.customers = customers.into_iter().collect();
    radius.tiers = tiers.into_iter().collect();
    radius.surfaces = surfaces.into_iter().collect();
    radius
}

impl Incident {
    /// A new incident in Investigating with the group's cases linked.
    pub fn promote(
        id: String,
        title: &str,
        group_id: &str,
        cases: Vec<CaseId>,
        author: &str,
        now: Timestamp,
    ) -> Incident {
        let entry = IncidentEntry {
            at: now,
            author: author.to_string(),
            event: IncidentEvent::Promoted { group_id: group_id.to_string(), cases: cases.clone() },
        };
        Incident {
            id,
            title: title.trim().to_string(),
            status: IncidentStatus::Investigating,
            created_at: now,
            updated_at: now,
            cases,
            timeline: vec![entry],
        }
    }

    pub fn set_status(&mut self, to: IncidentStatus, author: &str, now: Timestamp) -> bool {
        let from = self.status;
        if from == to {
            return false;
        }
        self.status = to;
        self.log(author, now, IncidentEvent::StatusChanged { from, to });
        true
    }

    pub fn add_note(&mut self, text: &str, author: &str, now: Timestamp) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.log(author, now, IncidentEvent::Note { text: text.to_string() });
        true
    }

    fn log(&mut self, author: &str, now: Timestamp, event: IncidentEvent) {
        self.updated_at = now;
        self.timeline.push(IncidentEntry { at: now, author: author.to_string(), event });
    }
}

/// The next free "INC-n" among `incidents`.
pub fn next_incident_id(incidents: &[Incident]) -> String {
    let highest =
        incidents.iter().filter_map(|incident| incident.id.strip_prefix("INC-")?.parse::<u32>().ok()).max();
    format!("INC-{}", highest.unwrap_or(0) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseDraft;
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    #[test]
    fn incident_entries_read_the_shape_earlier_builds_wrote_and_write_it_back() {
        let written = r#"[
            {"at":"2026-11-02T09:00:00Z","author":"Mina","event":"promoted","group_id":"g-1","cases":["c1","c2"]},
            {"at":"2026-11-02T09:01:00Z","author":"Mina","event":"status_changed","from":"investigating","to":"identified"},
            {"at":"2026-11-02T09:02:00Z","author":"Jun","event":"note","text":"Rolled back the gateway"}
        ]"#;
        let entries: Vec<IncidentEntry> = serde_json::from_str(written).unwrap();
        let events: Vec<IncidentEvent> = entries.iter().map(|entry| entry.event.clone()).collect();
        assert_eq!(
            events,
            vec![
                IncidentEvent::Promoted {
                    group_id: "g-1".into(),
                    cases: vec![CaseId("c1".into()), CaseId("c2".into())]
                },
                IncidentEvent::StatusChanged {
                    from: IncidentStatus::Investigating,
                    to: IncidentStatus::Identified
                },
                IncidentEvent::Note { text: "Rolled back the gateway".into() },
            ]
        );
        assert_eq!((entries[2].at, entries[2].author.as_str()), (at(2), "Jun"));
        let text = serde_json::to_string(&entries).unwrap();
        assert_eq!(serde_json::from_str::<Vec<IncidentEntry>>(&text).unwrap(), entries);
        assert!(text.contains(r#""event":"note","text":"Rolled back the gateway"}"#), "{text}");
        let missing = r#"{"at":"2026-11-02T09:00:00Z","author":"Mina","event":"promoted","cases":[]}"#;
        assert!(serde_json::from_str::<IncidentEntry>(missing)
            .unwrap_err()
            .to_string()
            .contains("missing field `group_id`"));
    }

    fn case(id: &str, customer: &str, tier: Tier, surface: Surface, affected: u32) -> Case {
        let draft = CaseDraft {
            title: "Checkout fails".into(),
            customer: customer.into(),
            tier,
            surface,
            customers_affected: affected,
            ..CaseDraft::default()
        };
        Case::create(CaseId(id.into()), draft, "Me", at(0))
    }

    #[test]
    fn radius_counts_distinct_customers_tiers_and_surfaces() {
        let cases = [
            case("a", "Harborline", Tier::Standard, Surface::Website, 10),
            case("b", "Harborline", Tier::Enterprise, Surface::App, 5),
            case("c", "Kumo", Tier::Standard, Surface::Website, 1),
            case("d", "Elsewhere", Tier::Free, Surface::Api, 1),
        ];
        let radius = radius_of(&cases[..3]);
        assert_eq!(radius.cases, 3);
        assert_eq!(radius.customers, vec!["Harborline".to_string(), "Kumo".to_string()]);
        assert_eq!(radius.tiers, vec![Tier::Enterprise, Tier::Standard]);
        assert_eq!(radius.surfaces, vec![Surface::Website, Surface::App]);
        assert_eq!(radius.customers_affected, 16);
    }

    #[test]
    fn promoted_incident_investigates_and_logs_status_changes_once() {
        let mut incident = Incident::promote(
            "INC-1".into(),
            " Checkout down ",
            "g-a",
            vec![CaseId("a".into())],
            "Mina",
            at(1),
        );
        assert_eq!(incident.title, "Checkout down");
        assert_eq!(incident.status, IncidentStatus::Investigating);
        assert!(incident.set_status(IncidentStatus::Identified, "Mina", at(2)));
        assert!(!incident.set_status(IncidentStatus::Identified, "Mina", at(3)));
        assert!(incident.add_note("Rolled back 5.2.0", "Mina", at(4)));
        assert!(!incident.add_note("  ", "Mina", at(5)));
        assert_eq!(incident.timeline.len(), 3);
        assert_eq!(incident.updated_at, at(4));
    }

    #[test]
    fn incident_ids_count_up() {
        assert_eq!(next_incident_id(&[]), "INC-1");
        let first = Incident::promote("INC-7".into(), "x", "g", vec![], "Me", at(0));
        assert_eq!(next_incident_id(&[first]), "INC-8");
    }

    #[test]
    fn statuses_parse_from_key_or_label() {
        for status in IncidentStatus::ALL {
            assert_eq!(IncidentStatus::parse(status.key()), Some(*status));
            assert_eq!(IncidentStatus::parse(status.label()), Some(*status));
        }
        assert!(!IncidentStatus::Resolved.is_open());
    }
}
