//! What the screen shows of one case's clocks at one `now`: every target's status, the most
//! urgent running one, and the keys the inbox sorts and filters by.

use super::clock::{CaseClocks, Tick};
use super::{duration, rest, with_state, Target, TargetState, TargetStatus};
use crate::domain::case::{Case, Timestamp};
use crate::domain::triage::TimePressure;
use crate::i18n::{Message, Text};
use chrono::TimeDelta;

/// The three targets of one case read at one `now`, in [`Target::ALL`] order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaseSla {
    pub statuses: [TargetStatus; 3],
    /// How close the case is to a breach, for the triage score: the live target (running or
    /// paused) that has used the largest share of its budget. `None` when no target is live.
    pub pressure: Option<TimePressure>,
}

impl CaseSla {
    pub fn read(clocks: &CaseClocks, tick: &Tick) -> CaseSla {
        let statuses = Target::ALL.map(|target| clocks.status(target, tick));
        let pressure = Target::ALL
            .into_iter()
            .filter_map(|target| clocks.current(target).map(|clock| (clock, statuses[target as usize])))
            .filter(|(_, status)| is_live(status))
            .max_by(|(_, a), (_, b)| a.used_fraction.total_cmp(&b.used_fraction))
            .map(|(clock, status)| TimePressure::Sla { remaining: status.remaining, target: clock.budget });
        CaseSla { statuses, pressure }
    }

    pub fn get(&self, target: Target) -> TargetStatus {
        self.statuses[target as usize]
    }

    /// Targets still counting or waiting to count: running (on track, at risk, breached and
    /// not yet finished) or paused.
    pub fn running(&self) -> impl Iterator<Item = (Target, TargetStatus)> + '_ {
        Target::ALL.into_iter().map(|target| (target, self.get(target))).filter(|(_, status)| is_live(status))
    }

    /// The running target with the least time left; a paused one only when none is counting.
    pub fn most_urgent(&self) -> Option<(Target, TargetStatus)> {
        let counting = self.running().filter(|(_, status)| status.state != TargetState::Paused);
        counting
            .min_by_key(|(_, status)| status.remaining)
            .or_else(|| self.running().min_by_key(|(_, status)| status.remaining))
    }

    /// Milliseconds of business time left on the most urgent counting target (negative once
    /// breached); `None` when nothing is counting.
    pub fn time_left_ms(&self) -> Option<i64> {
        self.running()
            .filter(|(_, status)| status.state != TargetState::Paused)
            .map(|(_, status)| status.remaining.num_milliseconds())
            .min()
    }

    /// The worst state among the running targets: Breached, At risk, On track, then Paused.
    pub fn worst_state(&self) -> Option<TargetState> {
        self.running().map(|(_, status)| status.state).max_by_key(|&state| severity(state))
    }
}

fn is_live(status: &TargetStatus) -> bool {
    !status.finished
        && matches!(
            status.state,
            TargetState::OnTrack | TargetState::AtRisk | TargetState::Breached | TargetState::Paused
        )
}

/// How much a state needs attention; higher is worse.
pub fn severity(state: TargetState) -> u8 {
    match state {
        TargetState::Breached => 4,
        TargetState::AtRisk => 3,
        TargetState::OnTrack => 2,
        TargetState::Paused => 1,
        TargetState::Met | TargetState::NotApplicable => 0,
    }
}

/// The time a badge shows: like [`duration`], with seconds in the last hour so that a
/// countdown visibly moves ("12 m 05 s").
fn countdown(status: &TargetStatus) -> Message {
    let counting = matches!(status.state, TargetState::OnTrack | TargetState::AtRisk) && !status.finished;
    let seconds = status.remaining.num_seconds();
    if counting && (0..3600).contains(&seconds) {
        Message::new(Text::DurMinutesSeconds).arg("m", seconds / 60).arg("s", format!("{:02}", seconds % 60))
    } else {
        duration(status.remaining)
    }
}

/// What a timer's badge says at one `now`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimerBadge {
    /// The state shown: Paused while closed hours hold a clock that would otherwise count.
    pub state: TargetState,
    /// The time without the state, for a timer that names the state beside it: "29 m 05 s
    /// left", "opens Mon 09:00, 1 h left", "20 m ago".
    pub rest: Message,
    /// The time alone, for a badge that shows the state by its colour and the target by a
    /// short name: "29 m 05 s", "20 m late", "paused", "met".
    pub short: Message,
}

impl TimerBadge {
    /// The state and its time, the state named once: "On track, 29 m 05 s left", "Paused,
    /// opens Mon 09:00, 1 h left", "Met", "Breached 20 m ago".
    pub fn summary(&self) -> Message {
        with_state(self.state, self.rest.clone())
    }
}

/// The badge of a target's status; `opens` is when its calendar next opens (as "Mon 09:00")
/// while it is closed, from [`BusinessCalendar::closed_until`](super::BusinessCalendar::closed_until).
pub fn timer_badge(status: &TargetStatus, opens: Option<&str>) -> TimerBadge {
    let counting = matches!(status.state, TargetState::OnTrack | TargetState::AtRisk) && !status.finished;
    if let Some(opens) = opens.filter(|_| counting) {
        return TimerBadge {
            state: TargetState::Paused,
            rest: Message::new(Text::SlaOpensLeft)
                .arg("opens", opens)
                .arg_message("time", duration(status.remaining)),
            short: Text::SlaShortPaused.into(),
        };
    }
    let time = countdown(status);
    let short = match status.state {
        TargetState::OnTrack | TargetState::AtRisk => time.clone(),
        TargetState::Paused => Text::SlaShortPaused.into(),
        TargetState::Met => Text::SlaShortMet.into(),
        TargetState::Breached if status.remaining.is_zero() => Text::SlaShortLate.into(),
        // Whole hours past the first: "13 h late" fits a badge where "13 h 39 m late" does not.
        TargetState::Breached => {
            Message::new(Text::SlaLate).arg_message("time", duration(whole_hours(status.remaining)))
        }
        TargetState::NotApplicable => Text::SlaShortNoTarget.into(),
    };
    TimerBadge { state: status.state, rest: rest(status, time), short }
}

/// `duration` cut to whole hours once it is an hour or more.
fn whole_hours(duration: TimeDelta) -> TimeDelta {
    match duration.num_hours() {
        0 => duration,
        hours => TimeDelta::hours(hours),
    }
}

/// How hard the clock presses on a case for the triage score: its nearest SLA breach while
/// a target is live, its age when none is (or when its clocks have not been read).
pub fn time_pressure(case: &Case, sla: Option<&CaseSla>, now: Timestamp) -> TimePressure {
    sla.and_then(|sla| sla.pressure).unwrap_or_else(|| TimePressure::since_created(case, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn status(state: TargetState, minutes: i64, finished: bool) -> TargetStatus {
        TargetStatus { remaining: TimeDelta::minutes(minutes), state, used_fraction: 0.5, finished }
    }

    #[test]
    fn most_urgent_prefers_counting_targets_and_the_least_time_left() {
        let sla = CaseSla {
            statuses: [
                status(TargetState::Met, 5, true),
                status(TargetState::Paused, 3, false),
                status(TargetState::AtRisk, 40, false),
            ],
            pressure: None,
        };
        assert_eq!(sla.most_urgent().map(|(t, _)| t), Some(Target::Resolution));
        assert_eq!(sla.time_left_ms(), Some(40 * 60_000));
        assert_eq!(sla.worst_state(), Some(TargetState::AtRisk));
        assert_eq!(sla.running().count(), 2);
    }

    #[test]
    fn breached_running_targets_sort_first_and_finished_ones_do_not_count() {
        let sla = CaseSla {
            statuses: [
                status(TargetState::Breached, -80, false),
                status(TargetState::Breached, -10, true),
                status(TargetState::OnTrack, 300, false),
            ],
            pressure: None,
        };
        assert_eq!(sla.most_urgent().map(|(t, _)| t), Some(Target::FirstResponse));
        assert_eq!(sla.time_left_ms(), Some(-80 * 60_000));
        assert_eq!(sla.worst_state(), Some(TargetState::Breached));
        let paused_only = CaseSla {
            statuses: [
                status(TargetState::Met, 5, true),
                status(TargetState::NotApplicable, 0, false),
                status(TargetState::Paused, 30, false),
            ],
            pressure: None,
        };
        assert_eq!(paused_only.most_urgent().map(|(t, _)| t), Some(Target::Resolution));
        assert_eq!(paused_only.time_left_ms(), None);
        assert_eq!(paused_only.worst_state(), Some(TargetState::Paused));
    }

    #[test]
    fn pressure_comes_from_the_live_target_nearest_its_budget() {
        use crate::domain::case::{Case, CaseDraft, CaseId, NoteKind, Tier};
        use crate::domain::sla::{SlaEngine, SlaSettings};
        use chrono::{TimeZone, Utc};
        let opened = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let draft =
            CaseDraft { title: "Checkout down".into(), tier: Tier::Enterprise, ..CaseDraft::default() };
        let mut case = Case::create(CaseId("a".into()), draft, "Me", opened);
        let engine = SlaEngine::new(&SlaSettings::default());
        let read = |case: &Case, minutes| {
            CaseSla::read(&engine.compute_clocks(case), &engine.tick(opened + TimeDelta::minutes(minutes)))
                .pressure
        };
        // Enterprise: first response 30 min is half used after 15 min, resolution 8 h barely.
        assert_eq!(
            read(&case, 15),
            Some(TimePressure::Sla { remaining: TimeDelta::minutes(15), target: TimeDelta::minutes(30) })
        );
        case.add_note(NoteKind::Contact, "Called", "Me", opened + TimeDelta::minutes(20));
        // Next update (2 h) started at the contact; resolution has used 60 of 480 minutes.
        assert_eq!(
            read(&case, 80),
            Some(TimePressure::Sla { remaining: TimeDelta::minutes(60), target: TimeDelta::minutes(120) })
        );
        case.set_status(crate::domain::case::Status::Resolved, "Me", opened + TimeDelta::minutes(90));
        assert_eq!(read(&case, 100), None, "nothing is live once resolved");
    }

    #[test]
    fn countdown_shows_seconds_in_the_last_hour() {
        let mut s = status(TargetState::OnTrack, 29, false);
        s.remaining += TimeDelta::seconds(5);
        assert_eq!(timer_badge(&s, None).rest.to_string(), "29 m 05 s left");
        let rest = |state, minutes| timer_badge(&status(state, minutes, false), None).rest.to_string();
        assert_eq!(rest(TargetState::OnTrack, 80), "1 h 20 m left");
        assert_eq!(rest(TargetState::Breached, -80), "1 h 20 m ago");
        assert_eq!(rest(TargetState::Paused, 40), "40 m left");
    }

    #[test]
    fn badges_name_the_state_once_and_say_when_closed_hours_hold_the_clock() {
        let badge = |state, minutes, finished, opens| timer_badge(&status(state, minutes, finished), opens);
        let words = |badge: &TimerBadge| (badge.summary().to_string(), badge.short.to_string());
        let on_track = badge(TargetState::OnTrack, 60, false, None);
        assert_eq!(words(&on_track), ("On track, 1 h left".into(), "1 h".into()));
        assert_eq!(words(&badge(TargetState::Met, 5, true, None)).0, "Met");
        assert_eq!(words(&badge(TargetState::Paused, 40, false, None)).0, "Paused, 40 m left");
        let late = badge(TargetState::Breached, -80, false, None);
        assert_eq!(words(&late), ("Breached 1 h 20 m ago".into(), "1 h late".into()));
        assert_eq!(words(&badge(TargetState::Breached, -25, false, None)).1, "25 m late");
        assert_eq!(words(&badge(TargetState::Breached, 20, true, None)).0, "Breached by 20 m");
        // A Premium clock on a Saturday: held until the calendar opens, whatever is left.
        let weekend = badge(TargetState::OnTrack, 60, false, Some("Mon 09:00"));
        assert_eq!(weekend.state, TargetState::Paused);
        assert_eq!(words(&weekend), ("Paused, opens Mon 09:00, 1 h left".into(), "paused".into()));
        // Only a counting clock is held; a breached one stays breached.
        assert_eq!(badge(TargetState::Breached, -5, false, Some("Mon 09:00")).state, TargetState::Breached);
        // The same badge in Korean and Chinese.
        assert_eq!(late.summary().in_lang(crate::i18n::Lang::Ko), "위반, 1시간 20분 경과");
        assert_eq!(on_track.short.in_lang(crate::i18n::Lang::ZhTw), "1 小時");
    }

    #[test]
    fn time_pressure_is_the_live_target_and_else_the_age() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let draft = crate::domain::case::CaseDraft { title: "Checkout fails".into(), ..Default::default() };
        let case =
            Case::create(crate::domain::case::CaseId("c1".into()), draft, "Mina", now - TimeDelta::hours(5));
        let live = TimePressure::Sla { remaining: TimeDelta::minutes(15), target: TimeDelta::minutes(30) };
        let reading = |pressure| CaseSla { statuses: [status(TargetState::OnTrack, 15, false); 3], pressure };
        assert_eq!(time_pressure(&case, Some(&reading(Some(live))), now), live);
        assert_eq!(time_pressure(&case, Some(&reading(None)), now), TimePressure::Age(TimeDelta::hours(5)));
        assert_eq!(time_pressure(&case, None, now), TimePressure::Age(TimeDelta::hours(5)));
    }
}
