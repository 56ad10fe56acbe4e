//! The clocks of one case, computed from its timeline, and reading them at a given `now`.

use super::calendar::{from_ms, to_ms, BusinessCalendar, Calendar, Window, HOUR_MS};
use super::{Policies, SlaSettings, Target, TargetState, TargetStatus};
use crate::domain::case::{Case, Event, NoteKind, Status, Tier, TimelineEntry, Timestamp};
use crate::domain::sort;
use crate::i18n::{Message, Text};
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    WaitingOnCustomer,
    /// Between a resolution and the reopening that undid it (Resolution clock only).
    Resolved,
}

impl PauseReason {
    pub fn text(self) -> crate::i18n::Text {
        match self {
            PauseReason::WaitingOnCustomer => crate::i18n::Text::StatusWaitingOnCustomer,
            PauseReason::Resolved => crate::i18n::Text::SlaResolvedUntilReopened,
        }
    }
}

/// A stretch during which a clock did not use its budget; `end` is `None` while it lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    pub start: Timestamp,
    pub end: Option<Timestamp>,
    pub reason: PauseReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// A customer contact was logged.
    Contact,
    /// The case was resolved or closed.
    Resolved,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    pub at: Timestamp,
    pub reason: StopReason,
}

/// Where a clock stands at the end of the case's history.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Remaining business time at `now` is `left` plus the signed business time from `now` to
    /// `anchor`. The anchor is the deadline, except after a breach that a pause interrupted,
    /// when it is the resumption (the deadline would count the pause).
    Running {
        anchor: i64,
        left: i64,
    },
    Paused {
        left: i64,
        breached: bool,
    },
    Stopped {
        left: i64,
        breached: bool,
    },
}

/// One run of one target: a case has at most one First response and one Resolution clock, and
/// a Next update clock per cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetClock {
    pub target: Target,
    pub start: Timestamp,
    /// The business time allowed.
    pub budget: TimeDelta,
    /// Index into [`SlaEngine::calendars`] of the engine that computed this clock.
    pub calendar: usize,
    /// When the budget runs out or ran out. `None` while paused (or stopped while paused) with
    /// budget left, because it depends on when the clock resumes.
    pub deadline: Option<Timestamp>,
    pub pauses: Vec<Pause>,
    pub stop: Option<Stop>,
    phase: Phase,
}

impl TargetClock {
    /// Reads this clock for the second `tick` stands for; cheap enough for every clock per tick.
    pub fn status(&self, tick: &Tick) -> TargetStatus {
        self.read(tick.now, tick.engine.at_risk, |anchor| tick.until(self.calendar, anchor))
    }

    /// Reads this clock at any `now`, e.g. a what-if time; slower than [`TargetClock::status`]
    /// for many clocks.
    pub fn status_at(&self, now: Timestamp, engine: &SlaEngine) -> TargetStatus {
        let calendar = &engine.calendars[self.calendar];
        let now = to_ms(now);
        self.read(now, engine.at_risk, |anchor| calendar.span_ms(now, anchor))
    }

    pub fn is_running(&self) -> bool {
        matches!(self.phase, Phase::Running { .. })
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.phase, Phase::Paused { .. })
    }

    /// Met or Breached once that is settled at `now`, with the instant it was settled (the stop
    /// for Met, the deadline for Breached).
    pub fn outcome(&self, now: Timestamp) -> Option<(TargetState, Timestamp)> {
        let breached_at = || self.deadline.map(|deadline| (TargetState::Breached, deadline));
        match self.phase {
            Phase::Stopped { breached: false, .. } => self.stop.map(|stop| (TargetState::Met, stop.at)),
            Phase::Stopped { breached: true, .. } | Phase::Paused { breached: true, .. } => breached_at(),
            Phase::Running { .. } => breached_at().filter(|&(_, deadline)| now > deadline),
            Phase::Paused { breached: false, .. } => None,
        }
    }

    /// `until(anchor)` is the signed business time from `now` to `anchor`.
    fn read(&self, now: i64, at_risk: f64, until: impl Fn(i64) -> i64) -> TargetStatus {
        let budget = self.budget.num_milliseconds();
        let fraction =
            |remaining: i64| if budget > 0 { (budget - remaining) as f64 / budget as f64 } else { 1.0 };
        let (remaining, state) = match self.phase {
            Phase::Running { anchor, left } => {
                let remaining = left + until(anchor);
                let state = if self.deadline.is_some_and(|deadline| now > to_ms(deadline)) {
                    TargetState::Breached
                } else if fraction(remaining) >= at_risk {
                    TargetState::AtRisk
                } else {
                    TargetState::OnTrack
                };
                (remaining, state)
            }
            Phase::Paused { left, breached } => {
                (left, if breached { TargetState::Breached } else { TargetState::Paused })
            }
            Phase::Stopped { left, breached } => {
                (left, if breached { TargetState::Breached } else { TargetState::Met })
            }
        };
        TargetStatus {
            remaining: TimeDelta::milliseconds(remaining),
            state,
            used_fraction: fraction(remaining),
            finished: matches!(self.phase, Phase::Stopped { .. }),
        }
    }
}

/// All clocks of one case, grouped by target (First response, Next update cycles in order,
/// Resolution).
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClocks {
    pub tier: Tier,
    pub clocks: Vec<TargetClock>,
}

impl CaseClocks {
    /// The latest clock of a target; `None` when the tier has no such target or it has not
    /// started (Next update before the first response).
    pub fn current(&self, target: Target) -> Option<&TargetClock> {
        self.clocks.iter().rev().find(|clock| clock.target == target)
    }

    pub fn status(&self, target: Target, tick: &Tick) -> TargetStatus {
        self.current(target).map_or(TargetStatus::NOT_APPLICABLE, |clock| clock.status(tick))
    }

    /// The soonest deadline of a running clock, for sorting a queue by urgency.
    pub fn next_deadline(&self) -> Option<Timestamp> {
        self.clocks.iter().filter(|clock| clock.is_running()).filter_map(|clock| clock.deadline).min()
    }
}

/// The settings made ready for arithmetic. Build one when the settings change and keep it.
#[derive(Clone, Debug)]
pub struct SlaEngine {
    calendars: Vec<BusinessCalendar>,
    policies: Policies,
    /// Calendar index per tier, in `Tier::ALL` order.
    tier_calendars: Vec<usize>,
    at_risk: f64,
    problems: Vec<Message>,
    far: Arc<Mutex<FarSpans>>,
}

/// Business time between anchors outside a tick's window (deadlines breached long ago, or far
/// ahead) and the window's nearer edge. The edges move once a day, so such an anchor costs
/// one calendar walk a day instead of one every tick.
#[derive(Debug, Default)]
struct FarSpans {
    edges: (i64, i64),
    spans: HashMap<(usize, i64), i64>,
}

impl SlaEngine {
    /// A calendar that cannot be used (unknown zone, never open) or a policy naming a missing
    /// calendar falls back to 24x7 in UTC, and [`SlaEngine::problems`] says so.
    pub fn new(settings: &SlaSettings) -> SlaEngine {
        let mut problems = Vec::new();
        let always_open = |name: &str| {
            let calendar = Calendar { name: name.to_string(), ..Calendar::always_open() };
            calendar.compile().expect("the 24x7 calendar is valid")
        };
        let mut calendars: Vec<BusinessCalendar> = settings
            .calendars
            .iter()
            .map(|calendar| {
                calendar.compile().unwrap_or_else(|problem| {
                    problems.push(Message::new(Text::CalendarFallsBack).arg_message("problem", problem));
                    always_open(&calendar.name)
                })
            })
            .collect();
        let tier_calendars = Tier::ALL
            .iter()
            .map(|&tier| {
                let name = &settings.policies.get(tier).calendar;
                calendars.iter().position(|calendar| calendar.name() == name).unwrap_or_else(|| {
                    problems.push(
                        Message::new(Text::TierCalendarMissing)
                            .arg_text("tier", tier.text())
                            .arg("name", name),
                    );
                    calendars.push(always_open(name));
                    calendars.len() - 1
                })
            })
            .collect();
        let at_risk = settings.at_risk_threshold;
        SlaEngine {
            calendars,
            policies: settings.policies.clone(),
            tier_calendars,
            at_risk: if at_risk.is_finite() { at_risk.clamp(0.0, 1.0) } else { 0.75 },
            problems,
            far: Arc::default(),
        }
    }

    /// Business time between `at` and the nearer edge of `window` on a calendar (`at` lies
    /// outside it), remembered until the window moves.
    fn far_span(&self, calendar: usize, at: i64, window: &Window) -> i64 {
        let mut far = self.far.lock().unwrap_or_else(PoisonError::into_inner);
        let edges = (window.start(), window.end());
        if far.edges != edges {
            far.edges = edges;
            far.spans.clear();
        }
        let (from, to) = if at < edges.0 { (at, edges.0) } else { (edges.1, at) };
        *far.spans.entry((calendar, at)).or_insert_with(|| self.calendars[calendar].between_ms(from, to))
    }

    pub fn calendars(&self) -> &[BusinessCalendar] {
        &self.calendars
    }

    pub fn calendar_for(&self, tier: Tier) -> &BusinessCalendar {
        &self.calendars[self.tier_calendars[tier as usize]]
    }

    /// Settings that could not be used as written, in words for the settings page.
    pub fn problems(&self) -> &[Message] {
        &self.problems
    }

    pub fn at_risk_threshold(&self) -> f64 {
        self.at_risk
    }

    /// Walks the case's timeline under the policy of its current tier.
    pub fn compute_clocks(&self, case: &Case) -> CaseClocks {
        let policy = self.policies.get(case.tier);
        let index = self.tier_calendars[case.tier as usize];
        let calendar = &self.calendars[index];
        let budget = |target| policy.target(target).map(|span| span.on(calendar).num_milliseconds());
        let created = to_ms(case.created_at);
        let start =
            |target| budget(target).map(|budget| Running::new(target, created, budget, None, calendar));
        let mut walk = Walk {
            calendar,
            index,
            next_update_budget: budget(Target::NextUpdate),
            status: Status::New,
            resolved_at: None,
            first_response: start(Target::FirstResponse),
            next_update: None,
            resolution: start(Target::Resolution),
            clocks: Vec::new(),
        };
        let fill_ins = implied_entries(case);
        let mut entries: Vec<&TimelineEntry> = case.timeline.iter().chain(&fill_ins).collect();
        sort::sort_by_key(&mut entries, |entry| entry.at);
        let mut last = created;
        for entry in entries {
            last = last.max(to_ms(entry.at));
            match entry.event {
                Event::StatusChanged { to, .. } | Event::Reopened { to, .. } => walk.change_status(to, last),
                Event::Note { kind: NoteKind::Contact, .. } => walk.contact(last),
                _ => {}
            }
        }
        walk.finish(case.tier)
    }

    /// Prepares reading every clock at `now` (a real or a what-if time).
    pub fn tick(&self, now: Timestamp) -> Tick<'_> {
        let now = to_ms(now);
        let windows = self
            .calendars
            .iter()
            .map(|calendar| {
                // Edges on day boundaries stay fixed all day, and so does `far`.
                let start = (now - TICK_WINDOW_MS).div_euclid(DAY_MS) * DAY_MS;
                let end = (now + TICK_WINDOW_MS).div_euclid(DAY_MS) * DAY_MS + DAY_MS;
                let window = Window::new(calendar, start, end);
                let now_position = window.position(now);
                (window, now_position)
            })
            .collect();
        Tick { engine: self, now, windows }
    }
}

/// Events that cases migrated from the old format imply by their fields but lack in their
/// timeline: the first contact, and reaching the current status.
pub(crate) fn implied_entries(case: &Case) -> Vec<TimelineEntry> {
    let mut implied = Vec::new();
    let mut logged_status = Status::New;
    let mut contacted = false;
    for entry in &case.timeline {
        match entry.event {
            Event::StatusChanged { to, .. } | Event::Reopened { to, .. } => logged_status = to,
            Event::Note { kind: NoteKind::Contact, .. } => contacted = true,
            _ => {}
        }
    }
    let entry = |at, event| TimelineEntry { at, author: String::new(), event };
    if let Some(at) = case.first_response_at.filter(|_| !contacted) {
        implied.push(entry(at, Event::Note { kind: NoteKind::Contact, text: String::new() }));
    }
    if logged_status != case.status {
        let at = case.resolved_at.filter(|_| !case.status.is_open()).unwrap_or(case.updated_at);
        implied.push(entry(at, Event::StatusChanged { from: logged_status, to: case.status }));
    }
    implied
}

/// Clocks whose anchors lie within this of `now` are read from the tick's precomputed window.
const TICK_WINDOW_MS: i64 = 6 * 7 * DAY_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// One `now` with each calendar's business time around it worked out once, so reading a clock
/// is a lookup rather than a walk over days.
#[derive(Clone, Debug)]
pub struct Tick<'a> {
    engine: &'a SlaEngine,
    now: i64,
    /// Per calendar, the window around `now` and the business time from its start to `now`.
    windows: Vec<(Window, i64)>,
}

impl Tick<'_> {
    pub fn now(&self) -> Timestamp {
        from_ms(self.now)
    }

    /// Signed business time from `now` to `at`.
    fn until(&self, calendar: usize, at: i64) -> i64 {
        let (window, now_position) = &self.windows[calendar];
        if window.contains(at) {
            window.position(at) - now_position
        } else if at < window.start() {
            // Business time is additive: anchor to window start, then start to now.
            -(self.engine.far_span(calendar, at, window) + now_position)
        } else {
            // Now to the window's end, then the end to the anchor.
            window.position(window.end()) - now_position + self.engine.far_span(calendar, at, window)
        }
    }
}

/// A clock while the timeline is being walked.
struct Running {
    target: Target,
    start: i64,
    budget: i64,
    /// Business time used before `resumed`.
    used: i64,
    /// When the clock last started counting; `None` while paused.
    resumed: Option<i64>,
    /// The current deadline, or once breached, the instant of the breach.
    deadline: i64,
    breached: bool,
    pauses: Vec<Pause>,
}

impl Running {
    fn new(
        target: Target,
        start: i64,
        budget: i64,
        paused: Option<PauseReason>,
        calendar: &BusinessCalendar,
    ) -> Running {
        let mut clock = Running {
            target,
            start,
            budget,
            used: 0,
            resumed: Some(start),
            deadline: calendar.add_ms(start, budget),
            breached: false,
            pauses: Vec::new(),
        };
        if let Some(reason) = paused {
            clock.pause(start, reason, calendar);
        }
        clock
    }

    /// Stops counting at `at`; when already paused, only the reason changes from `at` on.
    fn pause(&mut self, at: i64, reason: PauseReason, calendar: &BusinessCalendar) {
        self.halt(at, calendar);
        self.pauses.push(Pause { start: from_ms(at), end: None, reason });
    }

    fn resume(&mut self, at: i64, calendar: &BusinessCalendar) {
        if self.resumed.is_some() {
            return;
        }
        self.halt(at, calendar);
        self.resumed = Some(at);
        if !self.breached {
            self.deadline = calendar.add_ms(at, self.budget - self.used);
        }
    }

    /// Ends counting or the open pause at `at`.
    fn halt(&mut self, at: i64, calendar: &BusinessCalendar) {
        match self.resumed.take() {
            Some(resumed) => {
                self.used += calendar.between_ms(resumed, at);
                self.breached |= at > self.deadline;
            }
            None => {
                if let Some(open) = self.pauses.last_mut().filter(|pause| pause.end.is_none()) {
                    open.end = Some(from_ms(at));
                }
            }
        }
    }

    fn into_clock(mut self, stop: Option<Stop>, index: usize, calendar: &BusinessCalendar) -> TargetClock {
        let counting = self.resumed.is_some();
        let left = self.budget - self.used;
        let phase = match (stop, self.resumed) {
            (Some(stop), _) => {
                self.halt(to_ms(stop.at), calendar);
                Phase::Stopped { left: self.budget - self.used, breached: self.breached }
            }
            (None, Some(resumed)) if self.breached => Phase::Running { anchor: resumed, left },
            (None, Some(_)) => Phase::Running { anchor: self.deadline, left: 0 },
            (None, None) => Phase::Paused { left, breached: self.breached },
        };
        TargetClock {
            target: self.target,
            start: from_ms(self.start),
            budget: TimeDelta::milliseconds(self.budget),
            calendar: index,
            deadline: (counting || self.breached).then(|| from_ms(self.deadline)),
            pauses: self.pauses,
            stop,
            phase,
        }
    }
}

/// The state of a timeline walk: which clocks run, and the status reached so far.
struct Walk<'a> {
    calendar: &'a BusinessCalendar,
    index: usize,
    next_update_budget: Option<i64>,
    status: Status,
    /// When the case was last resolved or closed, while it still is.
    resolved_at: Option<i64>,
    first_response: Option<Running>,
    next_update: Option<Running>,
    resolution: Option<Running>,
    clocks: Vec<TargetClock>,
}

impl Walk<'_> {
    fn change_status(&mut self, to: Status, at: i64) {
        let from = std::mem::replace(&mut self.status, to);
        let waiting = (to == Status::WaitingOnCustomer).then_some(PauseReason::WaitingOnCustomer);
        match (from.is_open(), to.is_open()) {
            (true, false) => {
                self.stop(Target::FirstResponse, at, StopReason::Resolved);
                self.stop(Target::NextUpdate, at, StopReason::Resolved);
                // A reopening may undo this; until then nothing can touch the Resolution clock.
                self.resolved_at = Some(at);
            }
            (false, true) => {
                if let (Some(resolved_at), Some(clock)) = (self.resolved_at.take(), &mut self.resolution) {
                    clock.pause(resolved_at, PauseReason::Resolved, self.calendar);
                }
                self.hold(Target::Resolution, at, waiting);
                self.start_next_update(at);
            }
            (true, true) if (from == Status::WaitingOnCustomer) != waiting.is_some() => {
                self.hold(Target::NextUpdate, at, waiting);
                self.hold(Target::Resolution, at, waiting);
            }
            _ => {}
        }
    }

    /// A customer contact answers the first response and the running update, and opens the
    /// next update cycle.
    fn contact(&mut self, at: i64) {
        if self.status.is_open() {
            self.stop(Target::FirstResponse, at, StopReason::Contact);
            self.stop(Target::NextUpdate, at, StopReason::Contact);
            self.start_next_update(at);
        }
    }

    fn start_next_update(&mut self, at: i64) {
        let waiting = (self.status == Status::WaitingOnCustomer).then_some(PauseReason::WaitingOnCustomer);
        self.next_update = self
            .next_update_budget
            .map(|budget| Running::new(Target::NextUpdate, at, budget, waiting, self.calendar));
    }

    fn slot(&mut self, target: Target) -> &mut Option<Running> {
        match target {
            Target::FirstResponse => &mut self.first_response,
            Target::NextUpdate => &mut self.next_update,
            Target::Resolution => &mut self.resolution,
        }
    }

    /// Pauses a clock for `reason`, or resumes it when there is none.
    fn hold(&mut self, target: Target, at: i64, reason: Option<PauseReason>) {
        let calendar = self.calendar;
        if let Some(clock) = self.slot(target) {
            match reason {
                Some(reason) => clock.pause(at, reason, calendar),
                None => clock.resume(at, calendar),
            }
        }
    }

    fn stop(&mut self, target: Target, at: i64, reason: StopReason) {
        if let Some(clock) = self.slot(target).take() {
            let stop = Stop { at: from_ms(at), reason };
            self.clocks.push(clock.into_clock(Some(stop), self.index, self.calendar));
        }
    }

    fn finish(mut self, tier: Tier) -> CaseClocks {
        if let Some(resolved_at) = self.resolved_at {
            self.stop(Target::Resolution, resolved_at, StopReason::Resolved);
        }
        for target in Target::ALL {
            if let Some(clock) = self.slot(target).take() {
                self.clocks.push(clock.into_clock(None, self.index, self.calendar));
            }
        }
        sort::sort_by_key(&mut self.clocks, |clock| (clock.target, clock.start));
        CaseClocks { tier, clocks: self.clocks }
    }
}
