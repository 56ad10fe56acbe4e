//! Dates anywhere in chrono's range cost a bounded number of calendar steps: no SLA arithmetic
//! walks the years between two instants. Counted with the cursor's step counter, not timed.

use super::calendar::steps;
use super::{
    BusinessCalendar, Calendar, ClockTime, SlaEngine, SlaSettings, Target, WeekSchedule, WorkInterval,
};
use crate::domain::case::{Case, CaseDraft, CaseId, NoteKind, Status, Tier, Timestamp};
use crate::zone::{TRACKED_FROM_MS, TRACKED_UNTIL_MS};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use proptest::prelude::*;

/// The weeks of the tracked years, walked one at a time at worst, with the days of up to four
/// weeks a year that change the UTC offset, of each holiday week, and of a few partial weeks at
/// the ends. Walking the years between instants would take millions.
fn call_bound(holidays: usize) -> u64 {
    let tracked_weeks = (TRACKED_UNTIL_MS - TRACKED_FROM_MS) as u64 / (7 * 86_400_000);
    tracked_weeks + 7 * 4 * (tracked_weeks / 52) + 8 * holidays as u64 + 64
}

fn year(year: i32) -> Timestamp {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap().and_hms_opt(12, 0, 0).unwrap().and_utc()
}

/// The full range, with the named years and both limits drawn often.
fn instant() -> impl Strategy<Value = Timestamp> {
    let (min, max) = (DateTime::<Utc>::MIN_UTC.timestamp(), DateTime::<Utc>::MAX_UTC.timestamp());
    prop_oneof![
        (min..=max).prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap()),
        prop::sample::select(vec![
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            year(1),
            year(9999),
            year(262_142),
            year(2026),
            year(1969),
            year(2099),
        ]),
        // Within a few years of the tracked ones, where walking and counting meet.
        (-40i64 * 365..170 * 365).prop_map(|days| DateTime::UNIX_EPOCH + TimeDelta::days(days)),
    ]
}

/// Office hours in a zone with DST, with holidays near and far (and an hour open at night, when
/// London's clocks change).
fn london() -> Calendar {
    let time = |hour| ClockTime::new(hour, 0).unwrap();
    let days = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
    let hours = [WorkInterval::new(time(1), time(3)), WorkInterval::new(time(9), time(17))];
    Calendar {
        name: "London".into(),
        time_zone: "Europe/London".into(),
        week: WeekSchedule::on(&days, &hours),
        holidays: [(1, 1, 3), (1969, 12, 29), (2026, 12, 25), (9999, 12, 30), (262_142, 6, 1)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
            .to_vec(),
    }
}

fn calendars() -> Vec<BusinessCalendar> {
    [london(), Calendar::business_hours(), Calendar::always_open()].map(|c| c.compile().unwrap()).to_vec()
}

/// Runs `work` and checks it took at most `bound` cursor steps.
fn bounded<T>(what: &str, bound: u64, work: impl FnOnce() -> T) -> T {
    let before = steps();
    let result = work();
    let taken = steps() - before;
    assert!(taken <= bound, "{what} took {taken} steps, more than {bound}");
    result
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn calendar_arithmetic_is_bounded_over_the_full_range(
        a in instant(), b in instant(), budget_hours in 0i64..10_000 * 24,
    ) {
        for calendar in calendars() {
            let bound = call_bound(5);
            let (from, to) = (a.min(b), a.max(b));
            let between = bounded("between", bound, || calendar.between(from, to));
            prop_assert!(between >= TimeDelta::zero() && between <= to - from);
            let deadline = bounded("add", bound, || calendar.add(a, TimeDelta::hours(budget_hours)));
            prop_assert!(deadline.timestamp_millis() >= a.timestamp_millis());
            bounded("end of day", bound, || calendar.end_of_business_day(a));
            bounded("is open", bound, || calendar.is_open(a));
            bounded("closed periods", bound, || calendar.closed_periods(from, to, 40));
        }
    }

    #[test]
    fn counting_weeks_gives_what_walking_them_would(
        a in instant(), b in instant(), c in instant(), budget_hours in 1i64..2_000,
    ) {
        let mut instants = [a, b, c];
        instants.sort();
        let [a, b, c] = instants;
        for calendar in calendars() {
            // Additive across the edges of the tracked years and far beyond them.
            prop_assert_eq!(calendar.between(a, c), calendar.between(a, b) + calendar.between(b, c));
            let budget = TimeDelta::hours(budget_hours);
            let deadline = calendar.add(a, budget);
            if deadline < year(262_142) {
                prop_assert_eq!(calendar.between(a, deadline), budget);
            }
        }
    }

    #[test]
    fn all_clocks_of_a_case_are_bounded(
        created in instant(),
        events in prop::collection::vec((instant(), 0u8..5), 0..6),
        now in instant(),
        tier in 0..Tier::ALL.len(),
    ) {
        let mut settings = SlaSettings::default();
        settings.calendars.push(london());
        settings.policies.get_mut(Tier::ALL[tier]).calendar = "London".into();
        let engine = SlaEngine::new(&settings);
        let draft = CaseDraft { title: "Far".into(), tier: Tier::ALL[tier], ..CaseDraft::default() };
        let mut case = Case::create(CaseId("far".into()), draft, "Mina", created);
        for (at, kind) in &events {
            match kind {
                0 => case.set_status(Status::WaitingOnCustomer, "Mina", *at),
                1 => case.set_status(Status::InProgress, "Mina", *at),
                2 => case.set_status(Status::Resolved, "Mina", *at),
                3 => case.set_status(Status::Triaged, "Mina", *at),
                _ => case.add_note(NoteKind::Contact, "Called", "Mina", *at),
            };
        }
        // Each event halts and resumes at most three clocks, each a calendar call or two.
        let calls = 6 * (case.timeline.len() as u64 + 2);
        let clocks = bounded("clocks", calls * call_bound(5), || engine.compute_clocks(&case));
        let tick = bounded("tick", 4 * call_bound(5), || engine.tick(now));
        for clock in &clocks.clocks {
            let by_tick = bounded("status", 2 * call_bound(5), || clock.status(&tick));
            let at_now = bounded("status at", 2 * call_bound(5), || clock.status_at(now, &engine));
            prop_assert_eq!(by_tick, at_now);
            bounded("explain", 4 * call_bound(5), || {
                let explanation = engine.explain(clock, now);
                explanation.lines(|at| explanation.wall_time(at), "")
            });
        }
        for target in Target::ALL {
            clocks.status(target, &tick);
        }
    }
}

#[test]
fn long_spans_inside_the_tracked_years_are_looked_up_once_indexed() {
    for calendar in calendars() {
        // The first long span builds the calendar's week index.
        calendar.between(year(1970), year(2098));
        let (from, to) = (year(1975), year(2090));
        let walked = bounded("between", 64, || calendar.between(from, to));
        assert_eq!(walked, calendar.between(from, year(2030)) + calendar.between(year(2030), to));
        let budget = TimeDelta::days(3000);
        let deadline = bounded("add", 64, || calendar.add(from, budget));
        assert_eq!(calendar.between(from, deadline), budget);
    }
}

#[test]
fn cases_at_either_end_of_the_range_explain_their_clocks() {
    let engine = SlaEngine::new(&SlaSettings::default());
    let ends = [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC];
    for (created, tier) in ends.into_iter().flat_map(|end| Tier::ALL.iter().map(move |&tier| (end, tier))) {
        let draft = CaseDraft { title: "Far".into(), tier, ..CaseDraft::default() };
        let case = Case::create(CaseId("far".into()), draft, "Mina", created);
        for clock in engine.compute_clocks(&case).clocks {
            for now in [created, year(2026)] {
                let explanation = engine.explain(&clock, now);
                assert!(!explanation.lines(|at| explanation.wall_time(at), "").is_empty());
            }
        }
    }
}
