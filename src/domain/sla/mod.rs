//! Service-level agreements: per-tier policies, business calendars, and the clocks of a case.
//!
//! Clocks are computed in two steps so that a 1 Hz tick over thousands of cases stays cheap:
//! [`SlaEngine::compute_clocks`] walks a case's timeline once, when the case or the settings
//! change, and [`TargetClock::status`] turns a clock into a countdown for one `now` (via a
//! [`Tick`] shared by every clock of that second). The exact semantics are in docs/sla.md.

pub mod alerts;
pub mod board;
mod calendar;
mod clock;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod far_dates;
pub mod form;
mod report;

pub use calendar::{time_zone_names, BusinessCalendar, Calendar, ClockTime, WeekSchedule, WorkInterval};
pub(crate) use clock::implied_entries;
pub use clock::{CaseClocks, Pause, PauseReason, SlaEngine, Stop, StopReason, TargetClock, Tick};
pub use report::{calendar_name, compliance, Compliance, Explanation, Tally};

use crate::domain::case::Tier;
use crate::i18n::{Message, Text};
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::fmt;

use calendar::{HOUR_MS, MINUTE_MS};

/// The three promises a policy can make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    FirstResponse,
    NextUpdate,
    Resolution,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::FirstResponse, Target::NextUpdate, Target::Resolution];

    pub fn label(self) -> &'static str {
        match self {
            Target::FirstResponse => "First response",
            Target::NextUpdate => "Next update",
            Target::Resolution => "Resolution",
        }
    }

    /// The label as the page shows it, in any language.
    pub fn text(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Target::FirstResponse => Text::SlaFirstResponse,
            Target::NextUpdate => Text::SlaNextUpdate,
            Target::Resolution => Text::SlaResolution,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanUnit {
    Minutes,
    Hours,
    /// One business day of the policy's calendar: see [`BusinessCalendar::business_day`].
    BusinessDays,
}

/// A target's size in business time of the policy's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub amount: u32,
    pub unit: SpanUnit,
}

impl Span {
    /// Larger amounts are read as this many, so a typo cannot make deadline arithmetic run
    /// for ages.
    pub const MAX_AMOUNT: u32 = 10_000;

    pub fn minutes(amount: u32) -> Span {
        Span { amount, unit: SpanUnit::Minutes }
    }

    pub fn hours(amount: u32) -> Span {
        Span { amount, unit: SpanUnit::Hours }
    }

    pub fn business_days(amount: u32) -> Span {
        Span { amount, unit: SpanUnit::BusinessDays }
    }

    pub fn on(self, calendar: &BusinessCalendar) -> TimeDelta {
        let unit_ms = match self.unit {
            SpanUnit::Minutes => MINUTE_MS,
            SpanUnit::Hours => HOUR_MS,
            SpanUnit::BusinessDays => calendar.business_day_ms(),
        };
        TimeDelta::milliseconds(i64::from(self.amount.min(Span::MAX_AMOUNT)) * unit_ms)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.unit, self.amount) {
            (SpanUnit::Minutes, amount) => write!(f, "{amount} min"),
            (SpanUnit::Hours, amount) => write!(f, "{amount} h"),
            (SpanUnit::BusinessDays, 1) => write!(f, "1 business day"),
            (SpanUnit::BusinessDays, amount) => write!(f, "{amount} business days"),
        }
    }
}

/// What one tier is promised; `None` means the tier has no such target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// Name of a calendar in [`SlaSettings::calendars`].
    pub calendar: String,
    pub first_response: Option<Span>,
    pub next_update: Option<Span>,
    pub resolution: Option<Span>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            calendar: Calendar::BUSINESS_HOURS.into(),
            first_response: None,
            next_update: None,
            resolution: None,
        }
    }
}

impl Policy {
    pub fn target(&self, target: Target) -> Option<Span> {
        match target {
            Target::FirstResponse => self.first_response,
            Target::NextUpdate => self.next_update,
            Target::Resolution => self.resolution,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policies {
    pub enterprise: Policy,
    pub premium: Policy,
    pub standard: Policy,
    pub free: Policy,
}

impl Default for Policies {
    fn default() -> Self {
        let policy = |calendar: &str, first, next, resolution| Policy {
            calendar: calendar.into(),
            first_response: Some(first),
            next_update: next,
            resolution: Some(resolution),
        };
        Policies {
            enterprise: policy(
                Calendar::ALWAYS_OPEN,
                Span::minutes(30),
                Some(Span::hours(2)),
                Span::hours(8),
            ),
            premium: policy(Calendar::BUSINESS_HOURS, Span::hours(1), Some(Span::hours(4)), Span::hours(24)),
            standard: policy(
                Calendar::BUSINESS_HOURS,
                Span::hours(4),
                Some(Span::hours(8)),
                Span::business_days(3),
            ),
            free: policy(Calendar::BUSINESS_HOURS, Span::business_days(1), None, Span::business_days(5)),
        }
    }
}

impl Policies {
    pub fn get(&self, tier: Tier) -> &Policy {
        match tier {
            Tier::Enterprise => &self.enterprise,
            Tier::Premium => &self.premium,
            Tier::Standard => &self.standard,
            Tier::Free => &self.free,
        }
    }

    pub fn get_mut(&mut self, tier: Tier) -> &mut Policy {
        match tier {
            Tier::Enterprise => &mut self.enterprise,
            Tier::Premium => &mut self.premium,
            Tier::Standard => &mut self.standard,
            Tier::Free => &mut self.free,
        }
    }
}

/// Everything about SLAs the user can edit; persisted and exported with the desk settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlaSettings {
    pub calendars: Vec<Calendar>,
    pub policies: Policies,
    /// A running target is At risk once this share of its budget is used (0.0 to 1.0).
    pub at_risk_threshold: f64,
}

impl Default for SlaSettings {
    fn default() -> Self {
        SlaSettings {
            calendars: vec![Calendar::always_open(), Calendar::business_hours()],
            policies: Policies::default(),
            at_risk_threshold: 0.75,
        }
    }
}

impl SlaSettings {
    /// Adds a business-hours calendar under a name no other calendar has; returns its index.
    pub fn add_calendar(&mut self) -> usize {
        let name = (self.calendars.len() + 1..)
            .map(|n| format!("Calendar {n}"))
            .find(|name| self.calendars.iter().all(|c| &c.name != name))
            .expect("some number is free");
        self.calendars.push(Calendar { name, ..Calendar::business_hours() });
        self.calendars.len() - 1
    }

    /// Renames a calendar and the policies that use it, keeping names unique and non-empty.
    pub fn rename_calendar(&mut self, index: usize, name: &str) -> Result<(), Message> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Text::CalendarNeedsName.into());
        }
        if self.calendars.iter().enumerate().any(|(i, c)| i != index && c.name == name) {
            return Err(Message::new(Text::CalendarNameTaken).arg("name", name));
        }
        let calendar = self.calendars.get_mut(index).ok_or(Text::CalendarGone)?;
        let old = std::mem::replace(&mut calendar.name, name.to_string());
        for tier in Tier::ALL {
            let policy = self.policies.get_mut(*tier);
            if policy.calendar == old {
                policy.calendar = name.to_string();
            }
        }
        Ok(())
    }

    /// Removes a calendar no tier uses; one in use is refused with the tiers that use it.
    pub fn remove_calendar(&mut self, index: usize) -> Result<(), Message> {
        let name = &self.calendars.get(index).ok_or(Text::CalendarGone)?.name;
        // The tiers as one message, "Premium, Standard, Free", built from the last.
        let users = Tier::ALL.iter().rev().filter(|tier| &self.policies.get(**tier).calendar == name).fold(
            None,
            |rest: Option<Message>, tier| {
                let tier = Message::new(tier.text());
                Some(match rest {
                    None => tier,
                    Some(rest) => {
                        Message::new(Text::ListJoin).arg_message("first", tier).arg_message("rest", rest)
                    }
                })
            },
        );
        if let Some(users) = users {
            return Err(Message::new(Text::CalendarInUse).arg_message("tiers", users));
        }
        self.calendars.remove(index);
        Ok(())
    }
}

#[cfg(test)]
mod settings_tests {
    use super::*;

    #[test]
    fn calendars_are_added_renamed_with_their_policies_and_removed_only_when_unused() {
        let mut sla = SlaSettings::default();
        let added = sla.add_calendar();
        assert_eq!(sla.calendars[added].name, "Calendar 3");
        assert_eq!(sla.add_calendar(), 3);
        assert_eq!(sla.calendars[3].name, "Calendar 4");

        assert!(sla.rename_calendar(added, "24x7").unwrap_err().to_string().contains("already called"));
        assert!(sla.rename_calendar(added, "  ").is_err());
        sla.rename_calendar(1, "Taipei office").unwrap();
        assert_eq!(sla.policies.get(Tier::Premium).calendar, "Taipei office");
        assert_eq!(sla.policies.get(Tier::Enterprise).calendar, Calendar::ALWAYS_OPEN);

        let refused = sla.remove_calendar(1).unwrap_err().to_string();
        assert_eq!(refused, "Premium, Standard, Free still use this calendar; pick another for them first.");
        sla.remove_calendar(added).unwrap();
        assert_eq!(sla.calendars.len(), 3);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    OnTrack,
    AtRisk,
    Breached,
    Met,
    Paused,
    NotApplicable,
}

impl TargetState {
    pub fn label(self) -> &'static str {
        crate::i18n::tr(crate::i18n::Lang::En, self.text())
    }

    /// The label as the page shows it, in any language.
    pub fn text(self) -> Text {
        match self {
            TargetState::OnTrack => Text::SlaOnTrack,
            TargetState::AtRisk => Text::SlaAtRisk,
            TargetState::Breached => Text::SlaBreached,
            TargetState::Met => Text::SlaMet,
            TargetState::Paused => Text::SlaPaused,
            TargetState::NotApplicable => Text::SlaNotApplicable,
        }
    }
}

/// A clock read at one `now`. `remaining` is business time: negative once breached, and for a
/// finished target it is what was left (or overrun) when it finished.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetStatus {
    pub remaining: TimeDelta,
    pub state: TargetState,
    /// Share of the budget used; above 1.0 once breached.
    pub used_fraction: f64,
    /// The target was met, or ended breached, and no longer counts down.
    pub finished: bool,
}

impl TargetStatus {
    pub const NOT_APPLICABLE: TargetStatus = TargetStatus {
        remaining: TimeDelta::zero(),
        state: TargetState::NotApplicable,
        used_fraction: 0.0,
        finished: false,
    };

    /// The time without the state: "1 h 20 m left", "1 h 20 m ago" (breached), "by 20 m"
    /// (finished late), or nothing (met, no target, breached with no business time since).
    pub fn rest(&self) -> Message {
        rest(self, duration(self.remaining))
    }

    /// Short English words, as the hand-off writes them: "1 h 20 m left", "breached 1 h 20 m
    /// ago", "breached by 20 m" (finished late), "paused, 40 m left", "met", "no target".
    pub fn describe(&self) -> String {
        match self.state {
            TargetState::OnTrack | TargetState::AtRisk => self.rest().to_string(),
            _ => {
                let summary = self.summary().to_string();
                summary[..1].to_lowercase() + &summary[1..]
            }
        }
    }

    /// The state and its time in one phrase that names the state once: "On track, 1 h left",
    /// "Paused, 40 m left", "Met", "Breached 1 h 20 m ago", "Breached by 20 m".
    pub fn summary(&self) -> Message {
        with_state(self.state, self.rest())
    }
}

/// The words after a state for `status`, its remaining time said as `time`.
pub(crate) fn rest(status: &TargetStatus, time: Message) -> Message {
    let text = match status.state {
        TargetState::OnTrack | TargetState::AtRisk | TargetState::Paused => Text::SlaLeft,
        TargetState::Breached if status.finished => Text::SlaOverBy,
        // Past the deadline but no business time since, e.g. over a weekend.
        TargetState::Breached if status.remaining.is_zero() => return Text::Nothing.into(),
        TargetState::Breached => Text::SlaAgo,
        TargetState::Met | TargetState::NotApplicable => return Text::Nothing.into(),
    };
    Message::new(text).arg_message("time", time)
}

/// `rest` (from [`TargetStatus::rest`]) after the state's label, or the label alone.
pub(crate) fn with_state(state: TargetState, rest: Message) -> Message {
    let state_text = if state == TargetState::NotApplicable { Text::SlaNoTarget } else { state.text() };
    let text = match (state, rest.text) {
        (_, Text::Nothing) => return state_text.into(),
        (TargetState::Breached, _) => Text::SlaBreachedRest,
        _ => Text::SlaStateRest,
    };
    Message::new(text).arg_text("state", state_text).arg_message("rest", rest)
}

/// "1 h 20 m", "45 m", "26 h 5 m", or "< 1 m" in the reader's language; the sign is
/// dropped and seconds are cut.
pub fn duration(duration: TimeDelta) -> Message {
    let minutes = duration.num_minutes().unsigned_abs();
    let text = match (minutes / 60, minutes % 60) {
        (0, 0) => Text::DurUnderMinute,
        (0, _) => Text::DurMinutes,
        (_, 0) => Text::DurHours,
        _ => Text::DurHoursMinutes,
    };
    Message::new(text).arg("h", minutes / 60).arg("m", minutes % 60)
}

/// [`duration`] in English, as files and reports write it.
pub fn format_duration(d: TimeDelta) -> String {
    duration(d).to_string()
}
