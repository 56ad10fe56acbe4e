//! Reading clocks for people: the hover explanation of one clock, and compliance over many.

use super::clock::{CaseClocks, Pause, SlaEngine, Stop, StopReason, TargetClock};
use super::{duration, Calendar, Target, TargetState, TargetStatus};
use crate::domain::case::{Tier, Timestamp};
use crate::i18n::{Message, Text};
use crate::zone::{offset_label, Zone};
use chrono::TimeDelta;

/// At most this many closed stretches are listed in an explanation.
const CLOSED_LISTED: usize = 6;

/// Everything behind one clock's countdown, for a tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub target: Target,
    pub calendar: String,
    pub time_zone: Zone,
    pub start: Timestamp,
    pub budget: TimeDelta,
    pub pauses: Vec<Pause>,
    /// Closed hours of the calendar that the clock skipped, from the start to the stop, or to
    /// the later of the deadline and `now`.
    pub closed: Vec<(Timestamp, Timestamp)>,
    /// More closed stretches followed than are listed.
    pub more_closed: bool,
    pub deadline: Option<Timestamp>,
    pub stop: Option<Stop>,
    pub status: TargetStatus,
}

impl SlaEngine {
    pub fn explain(&self, clock: &TargetClock, now: Timestamp) -> Explanation {
        let calendar = &self.calendars()[clock.calendar];
        let until = match (clock.stop, clock.deadline) {
            (Some(stop), _) => stop.at,
            (None, Some(deadline)) => deadline.max(now),
            (None, None) => now,
        };
        let (closed, more_closed) = calendar.closed_periods(clock.start, until, CLOSED_LISTED);
        Explanation {
            target: clock.target,
            calendar: calendar.name().to_string(),
            time_zone: calendar.time_zone().clone(),
            start: clock.start,
            budget: clock.budget,
            pauses: clock.pauses.clone(),
            closed,
            more_closed,
            deadline: clock.deadline,
            stop: clock.stop,
            status: clock.status_at(now, self),
        }
    }
}

impl Explanation {
    /// The explanation as short lines in any language; `time` writes a moment (the page's
    /// locale, on the calendar's wall clock) and `zone` names the calendar's time zone.
    pub fn lines(&self, time: impl Fn(Timestamp) -> String, zone: &str) -> Vec<Message> {
        let stretch = |from: Timestamp, to: Option<Timestamp>| match to {
            Some(to) => Message::new(Text::SlaFromTo).arg("from", time(from)).arg("to", time(to)),
            None => Message::new(Text::SlaSince).arg("from", time(from)),
        };
        let mut lines = vec![
            Message::new(Text::SlaExplainBudget)
                .arg_text("target", self.target.text())
                .arg_message("budget", duration(self.budget))
                .arg_message("calendar", calendar_name(&self.calendar))
                .arg("zone", zone),
            Message::new(Text::SlaStarted).arg("time", time(self.start)),
        ];
        for pause in &self.pauses {
            lines.push(
                Message::new(Text::SlaPausedStretch)
                    .arg_message("stretch", stretch(pause.start, pause.end))
                    .arg_text("reason", pause.reason.text()),
            );
        }
        if !self.closed.is_empty() {
            let mut stretches = self.closed.iter().map(|&(from, to)| stretch(from, Some(to)));
            let first = stretches.next().unwrap_or_else(|| Text::Nothing.into());
            let list = stretches.fold(first, |list, next| {
                Message::new(Text::SlaListJoin).arg_message("a", list).arg_message("b", next)
            });
            let closed = Message::new(Text::SlaClosedSkipped).arg_message("list", list);
            let more = if self.more_closed { Text::SlaAndMore } else { Text::Nothing };
            lines.push(closed.arg_text("more", more));
        }
        lines.push(match self.deadline {
            Some(deadline) => Message::new(Text::SlaDeadline).arg("time", time(deadline)),
            None => Text::SlaNoDeadlinePaused.into(),
        });
        if let Some(stop) = self.stop {
            let text = match stop.reason {
                StopReason::Contact => Text::SlaEndedByContact,
                StopReason::Resolved => Text::SlaEndedByResolution,
            };
            lines.push(Message::new(text).arg("time", time(stop.at)));
        }
        lines.push(Message::new(Text::Sentence).arg_message("text", self.status.summary()));
        lines
    }

    /// `at` on the calendar's wall clock in English ("Fri 6 Mar 17:00 UTC+8"), for tests and logs.
    pub fn wall_time(&self, at: Timestamp) -> String {
        let offset = self.time_zone.offset_ms(at.timestamp_millis());
        // At the very end of chrono's range the wall time may not exist; UTC's stands in.
        let wall = at.checked_add_signed(TimeDelta::milliseconds(offset)).unwrap_or(at);
        format!("{} {}", wall.format("%a %-d %b %H:%M"), offset_label(offset))
    }
}

/// A calendar's name as shown: the two built-in names in the reader's language, others as written.
pub fn calendar_name(name: &str) -> Message {
    match name {
        Calendar::BUSINESS_HOURS => Text::CalendarBusinessHours.into(),
        Calendar::ALWAYS_OPEN => Text::CalendarAlwaysOpen.into(),
        _ => Message::new(Text::Verbatim).arg("text", name),
    }
}

/// Targets met and breached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub breached: usize,
}

impl Tally {
    pub fn total(self) -> usize {
        self.met + self.breached
    }

    /// Share met, 0.0 to 1.0; `None` when nothing was decided.
    pub fn share_met(self) -> Option<f64> {
        (self.total() > 0).then(|| self.met as f64 / self.total() as f64)
    }

    fn plus(self, other: Tally) -> Tally {
        Tally { met: self.met + other.met, breached: self.breached + other.breached }
    }
}

/// SLA compliance per tier and target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compliance {
    /// In `Tier::ALL` and `Target::ALL` order.
    cells: [[Tally; 3]; 4],
}

impl Compliance {
    pub fn get(&self, tier: Tier, target: Target) -> Tally {
        self.cells[tier as usize][target as usize]
    }

    /// All targets of one tier.
    pub fn tier(&self, tier: Tier) -> Tally {
        self.cells[tier as usize].iter().fold(Tally::default(), |sum, &cell| sum.plus(cell))
    }

    /// One target over all tiers.
    pub fn target(&self, target: Target) -> Tally {
        self.cells.iter().fold(Tally::default(), |sum, row| sum.plus(row[target as usize]))
    }
}

/// Counts every target settled (met at its stop, or breached at its deadline) in
/// `from..to` and by `now`; running targets that have not breached are not counted yet.
pub fn compliance<'a>(
    cases: impl IntoIterator<Item = &'a CaseClocks>,
    from: Timestamp,
    to: Timestamp,
    now: Timestamp,
) -> Compliance {
    let mut result = Compliance::default();
    for case in cases {
        result.count(case, from, to, now);
    }
    result
}

impl Compliance {
    /// Adds the targets of one case that [`compliance`] would count, so the KPIs can count
    /// a slice of cases at a time.
    pub fn count(&mut self, case: &CaseClocks, from: Timestamp, to: Timestamp, now: Timestamp) {
        for clock in &case.clocks {
            let Some((state, at)) = clock.outcome(now) else { continue };
            if from <= at && at < to && at <= now {
                let cell = &mut self.cells[case.tier as usize][clock.target as usize];
                match state {
                    TargetState::Met => cell.met += 1,
                    _ => cell.breached += 1,
                }
            }
        }
    }
}
