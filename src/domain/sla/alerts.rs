//! Which SLA changes deserve a browser notification, and how often: a case is announced when
//! it becomes At risk or Breached; when many change together (or within the quiet gap after a
//! notification) they are folded into one summary.

use super::board::severity;
use super::TargetState;
use crate::domain::case::Timestamp;
use crate::i18n::{Message, Text};
use chrono::TimeDelta;
use std::collections::HashMap;

/// At most one notification per this long; changes in between wait for one summary.
pub const QUIET_GAP: TimeDelta = TimeDelta::seconds(60);

/// One case's worst running state, as observed at one tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    pub case_id: String,
    pub title: String,
    pub state: Option<TargetState>,
}

/// What to show in a notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub title: Message,
    pub body: Message,
    /// Lets the browser replace an older notification of the same kind.
    pub tag: String,
}

#[derive(Clone, Debug, PartialEq)]
struct Change {
    case_id: String,
    title: String,
    state: TargetState,
}

/// Remembers the last state of every case and decides what to announce.
#[derive(Clone, Debug, Default)]
pub struct AlertTracker {
    last: HashMap<String, TargetState>,
    primed: bool,
    pending: Vec<Change>,
    last_sent: Option<Timestamp>,
}

impl AlertTracker {
    /// Compares `cases` with the previous observation. The first observation only records
    /// where things stand: turning alerts on must not announce every old breach.
    pub fn observe(&mut self, now: Timestamp, cases: &[Observed]) -> Option<Alert> {
        let mut next = HashMap::with_capacity(cases.len());
        for case in cases {
            let Some(state) = case.state else { continue };
            let before = self.last.get(&case.case_id).copied();
            let worse = before.is_none_or(|before| severity(state) > severity(before));
            if self.primed && worse && matches!(state, TargetState::AtRisk | TargetState::Breached) {
                self.pending.retain(|change| change.case_id != case.case_id);
                self.pending.push(Change { case_id: case.case_id.clone(), title: case.title.clone(), state });
            }
            next.insert(case.case_id.clone(), state);
        }
        self.last = next;
        self.primed = true;
        if self.pending.is_empty() || self.last_sent.is_some_and(|sent| now - sent < QUIET_GAP) {
            return None;
        }
        self.last_sent = Some(now);
        Some(summarize(&std::mem::take(&mut self.pending)))
    }
}

fn summarize(changes: &[Change]) -> Alert {
    if let [change] = changes {
        let body = match change.state {
            TargetState::Breached => Text::AlertNowBreached,
            _ => Text::AlertNowAtRisk,
        };
        return Alert {
            title: Message::new(Text::AlertState)
                .arg_text("state", change.state.text())
                .arg("title", &change.title),
            body: body.into(),
            tag: format!("sla-{}", change.case_id),
        };
    }
    let breached = changes.iter().filter(|c| c.state == TargetState::Breached).count();
    let at_risk = changes.len() - breached;
    let count = |text, n| (n > 0).then(|| Message::new(text).arg("n", n));
    let counts = match (count(Text::AlertBreachedCount, breached), count(Text::AlertAtRiskCount, at_risk)) {
        (Some(a), Some(b)) => Message::new(Text::SlaListJoinComma).arg_message("a", a).arg_message("b", b),
        (a, b) => a.or(b).unwrap_or_else(|| Text::Nothing.into()),
    };
    const LISTED: usize = 3;
    let mut names: Vec<&str> = changes.iter().take(LISTED).map(|c| c.title.as_str()).collect();
    names.dedup();
    let more = changes.len().saturating_sub(LISTED);
    let more = if more > 0 { Message::new(Text::AlertAndMore).arg("n", more) } else { Text::Nothing.into() };
    Alert {
        title: Message::new(Text::AlertMany).arg("n", changes.len()),
        body: Message::new(Text::AlertBody)
            .arg_message("counts", counts)
            .arg("names", names.join(", "))
            .arg_message("more", more),
        tag: "sla-summary".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at(seconds: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap() + TimeDelta::seconds(seconds)
    }

    fn case(id: &str, state: TargetState) -> Observed {
        Observed { case_id: id.into(), title: format!("Case {id}"), state: Some(state) }
    }

    #[test]
    fn the_first_observation_announces_nothing() {
        let mut tracker = AlertTracker::default();
        assert_eq!(tracker.observe(at(0), &[case("a", TargetState::Breached)]), None);
        assert_eq!(tracker.observe(at(1), &[case("a", TargetState::Breached)]), None);
    }

    #[test]
    fn one_case_becoming_at_risk_then_breached_is_announced_each_time_after_the_gap() {
        let mut tracker = AlertTracker::default();
        tracker.observe(at(0), &[case("a", TargetState::OnTrack)]);
        let alert = tracker.observe(at(1), &[case("a", TargetState::AtRisk)]).unwrap();
        assert_eq!(alert.title.to_string(), "At risk: Case a");
        assert_eq!(alert.body.to_string(), "This case is now at risk on its SLA.");
        // Within the quiet gap the breach waits...
        assert_eq!(tracker.observe(at(30), &[case("a", TargetState::Breached)]), None);
        // ...and comes once the gap has passed.
        let alert = tracker.observe(at(61), &[case("a", TargetState::Breached)]).unwrap();
        assert_eq!(alert.title.to_string(), "Breached: Case a");
        assert_eq!(tracker.observe(at(200), &[case("a", TargetState::Breached)]), None);
    }

    #[test]
    fn improvements_and_paused_cases_are_not_announced() {
        let mut tracker = AlertTracker::default();
        tracker.observe(at(0), &[case("a", TargetState::AtRisk), case("b", TargetState::OnTrack)]);
        assert_eq!(
            tracker.observe(at(1), &[case("a", TargetState::OnTrack), case("b", TargetState::Paused)]),
            None
        );
    }

    #[test]
    fn many_changes_together_make_one_summary() {
        let mut tracker = AlertTracker::default();
        let ids = ["a", "b", "c", "d", "e"];
        tracker.observe(at(0), &ids.map(|id| case(id, TargetState::OnTrack)));
        let now: Vec<Observed> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| case(id, if i < 2 { TargetState::Breached } else { TargetState::AtRisk }))
            .collect();
        let alert = tracker.observe(at(1), &now).unwrap();
        assert_eq!(alert.title.to_string(), "5 cases need attention");
        assert_eq!(alert.body.to_string(), "2 breached, 3 at risk: Case a, Case b, Case c and 2 more.");
        assert_eq!(alert.tag, "sla-summary");
    }

    #[test]
    fn a_new_case_already_breached_is_announced_once_primed() {
        let mut tracker = AlertTracker::default();
        tracker.observe(at(0), &[]);
        let alert = tracker.observe(at(1), &[case("n", TargetState::Breached)]).unwrap();
        assert_eq!(alert.title.to_string(), "Breached: Case n");
    }
}
