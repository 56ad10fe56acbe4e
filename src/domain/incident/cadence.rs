//! How bad an incident is, and how often its status updates are owed: the cadence follows
//! the impact, and posting an update restarts it.

use super::templates::Audience;
use super::{DataLoss, Incident, IncidentEvent, IncidentField};
use crate::domain::case::{Choice, Timestamp};
use crate::i18n::Text;
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// Not assessed, or no customer impact: no updates are owed.
    #[default]
    None,
    Minor,
    Major,
    Critical,
}

impl Impact {
    pub const ALL: [Impact; 4] = [Impact::None, Impact::Minor, Impact::Major, Impact::Critical];

    pub fn label(self) -> &'static str {
        match self {
            Impact::None => "None",
            Impact::Minor => "Minor",
            Impact::Major => "Major",
            Impact::Critical => "Critical",
        }
    }
}

impl Choice for Impact {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn key(self) -> &'static str {
        match self {
            Impact::None => "none",
            Impact::Minor => "minor",
            Impact::Major => "major",
            Impact::Critical => "critical",
        }
    }

    fn label(self) -> &'static str {
        Impact::label(self)
    }

    fn text(self) -> Text {
        match self {
            Impact::None => Text::ImpactLevelNone,
            Impact::Minor => Text::ImpactLevelMinor,
            Impact::Major => Text::ImpactLevelMajor,
            Impact::Critical => Text::ImpactLevelCritical,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|impact| impact.key() == text.trim())
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Minutes between status updates per impact; set in Settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cadence {
    pub critical_minutes: u32,
    pub major_minutes: u32,
    pub minor_minutes: u32,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence { critical_minutes: 30, major_minutes: 60, minor_minutes: 240 }
    }
}

impl Cadence {
    /// Time between updates at `impact`; None when no updates are owed. A zero setting is
    /// read as one minute, so a typo cannot make every update overdue at once.
    pub fn interval(&self, impact: Impact) -> Option<TimeDelta> {
        let minutes = match impact {
            Impact::None => return None,
            Impact::Minor => self.minor_minutes,
            Impact::Major => self.major_minutes,
            Impact::Critical => self.critical_minutes,
        };
        Some(TimeDelta::minutes(i64::from(minutes.max(1))))
    }
}

impl Incident {
    /// When the next update would be due if one were posted at `now`: what a message
    /// composed now promises, and what [`Incident::post_update`] sets.
    pub fn due_after_update(&self, cadence: &Cadence, now: Timestamp) -> Option<Timestamp> {
        if !self.is_open() {
            return None;
        }
        cadence.interval(self.impact).map(|interval| now + interval)
    }

    /// True once the next update is past due (shown like a breached SLA).
    pub fn overdue(&self, now: Timestamp) -> bool {
        self.next_update_due.is_some_and(|due| now > due)
    }

    /// Time until the next update is due, negative once overdue.
    pub fn update_countdown(&self, now: Timestamp) -> Option<TimeDelta> {
        self.next_update_due.map(|due| due - now)
    }

    /// The time of the last posted update, if any.
    pub fn last_update_at(&self) -> Option<Timestamp> {
        self.timeline.iter().rev().find_map(|entry| match entry.event {
            IncidentEvent::UpdatePosted { .. } => Some(entry.at),
            _ => None,
        })
    }

    /// Sets the impact and moves the due time to the new cadence, counted from the last
    /// update (or from now, when none was posted yet): raising impact can make an update
    /// due sooner, even at once.
    pub fn set_impact(&mut self, impact: Impact, cadence: &Cadence, author: &str, now: Timestamp) -> bool {
        let from = self.impact;
        if from == impact {
            return false;
        }
        self.impact = impact;
        let since = self.last_update_at().unwrap_or(now);
        self.next_update_due =
            if self.is_open() { cadence.interval(impact).map(|interval| since + interval) } else { None };
        self.log_change(IncidentField::Impact, from.label().into(), impact.label().into(), author, now)
    }

    /// Sets the affected surfaces (trimmed, empty ones dropped, each once).
    pub fn set_surfaces(&mut self, surfaces: &[String], author: &str, now: Timestamp) -> bool {
        let mut cleaned: Vec<String> = Vec::new();
        for surface in surfaces.iter().map(|surface| surface.trim()).filter(|surface| !surface.is_empty()) {
            if !cleaned.iter().any(|kept| kept == surface) {
                cleaned.push(surface.to_string());
            }
        }
        if cleaned == self.surfaces {
            return false;
        }
        let from = std::mem::replace(&mut self.surfaces, cleaned).join(", ");
        let to = self.surfaces.join(", ");
        self.log_change(IncidentField::Surfaces, from, to, author, now)
    }

    pub fn set_workaround(&mut self, text: &str, author: &str, now: Timestamp) -> bool {
        let text = text.trim();
        if text == self.workaround {
            return false;
        }
        let from = std::mem::replace(&mut self.workaround, text.to_string());
        self.log_change(IncidentField::Workaround, from, text.to_string(), author, now)
    }

    pub fn set_data_loss(&mut self, to: DataLoss, author: &str, now: Timestamp) -> bool {
        let from = self.data_loss;
        if from == to {
            return false;
        }
        self.data_loss = to;
        self.log_change(IncidentField::DataLoss, from.label().into(), to.label().into(), author, now)
    }

    /// Logs a status update sent to `audience` and restarts the cadence from `now`.
    /// Refuses an empty message.
    pub fn post_update(
        &mut self,
        audience: Audience,
        subject: &str,
        text: &str,
        cadence: &Cadence,
        author: &str,
        now: Timestamp,
    ) -> bool {
        let (subject, text) = (subject.trim(), text.trim());
        if subject.is_empty() && text.is_empty() {
            return false;
        }
        let next_due = self.due_after_update(cadence, now);
        self.next_update_due = next_due;
        let event =
            IncidentEvent::UpdatePosted { audience, subject: subject.into(), text: text.into(), next_due };
        self.log(author, now, event);
        true
    }

    fn log_change(
        &mut self,
        field: IncidentField,
        from: String,
        to: String,
        author: &str,
        now: Timestamp,
    ) -> bool {
        self.log(author, now, IncidentEvent::Changed { field, from, to });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::IncidentStatus;
    use chrono::{TimeZone, Utc};

    fn at(minute: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + TimeDelta::minutes(minute)
    }

    fn incident() -> Incident {
        Incident::promote("INC-1".into(), "Checkout down", "g-a", vec![], "Mina", at(0))
    }

    #[test]
    fn cadence_follows_impact_and_posting_restarts_it() {
        let cadence = Cadence::default();
        let mut incident = incident();
        assert_eq!(incident.next_update_due, None, "no impact, no updates owed");
        assert!(!incident.overdue(at(1000)));
        assert!(incident.set_impact(Impact::Major, &cadence, "Mina", at(5)));
        assert_eq!(incident.next_update_due, Some(at(65)));
        assert!(incident.set_impact(Impact::Critical, &cadence, "Mina", at(10)));
        assert_eq!(incident.next_update_due, Some(at(40)), "counted from now: no update yet");
        assert!(!incident.overdue(at(40)));
        assert!(incident.overdue(at(41)));
        assert_eq!(incident.update_countdown(at(45)), Some(TimeDelta::minutes(-5)));
        assert!(incident.post_update(
            Audience::Customers,
            "Investigating",
            "We are on it",
            &cadence,
            "Mina",
            at(45)
        ));
        assert_eq!(incident.next_update_due, Some(at(75)));
        assert!(incident.set_impact(Impact::Minor, &cadence, "Mina", at(50)));
        assert_eq!(incident.next_update_due, Some(at(45 + 240)), "counted from the last update");
        assert!(!incident.post_update(Audience::Customers, " ", "", &cadence, "Mina", at(51)));
    }

    #[test]
    fn resolving_stops_the_cadence_and_reopening_owes_an_update_at_once() {
        let cadence = Cadence { critical_minutes: 15, ..Cadence::default() };
        let mut incident = incident();
        incident.set_impact(Impact::Critical, &cadence, "Mina", at(0));
        assert_eq!(incident.next_update_due, Some(at(15)));
        incident.set_status(IncidentStatus::Resolved, "Mina", at(5));
        assert_eq!(incident.next_update_due, None);
        assert_eq!(incident.due_after_update(&cadence, at(6)), None);
        incident.set_status(IncidentStatus::Investigating, "Mina", at(7));
        assert_eq!(incident.next_update_due, Some(at(7)));
        assert_eq!(
            Cadence { minor_minutes: 0, ..cadence }.interval(Impact::Minor),
            Some(TimeDelta::minutes(1))
        );
    }

    #[test]
    fn field_changes_are_logged_once_with_old_and_new_values() {
        let mut incident = incident();
        let surfaces = vec![" iOS app ".to_string(), "".into(), "Checkout".into(), "iOS app".into()];
        assert!(incident.set_surfaces(&surfaces, "Mina", at(1)));
        assert!(!incident.set_surfaces(&incident.surfaces.clone(), "Mina", at(2)));
        assert_eq!(incident.surfaces, ["iOS app", "Checkout"]);
        assert!(incident.set_workaround(" Pay by bank transfer ", "Mina", at(3)));
        assert!(!incident.set_workaround("Pay by bank transfer", "Mina", at(4)));
        assert!(incident.set_data_loss(DataLoss::NoneLost, "Mina", at(5)));
        let described: Vec<String> =
            incident.timeline[1..].iter().map(|entry| entry.event.describe()).collect();
        assert_eq!(
            described,
            [
                "Affected surfaces changed from (empty) to \u{201c}iOS app, Checkout\u{201d}",
                "Workaround changed from (empty) to \u{201c}Pay by bank transfer\u{201d}",
                "Data loss changed from \u{201c}Not known yet\u{201d} to \u{201c}No data lost\u{201d}",
            ]
        );
    }
}
