#![cfg(not(target_arch = "wasm32"))]
//! Properties of business time and clocks over random calendars, zones and histories.

mod support;

use chrono::{DateTime, NaiveDate, TimeDelta, Weekday};
use proptest::prelude::*;
use triage_desk::domain::case::{Case, CaseDraft, NoteKind, Status, Tier, Timestamp};
use triage_desk::domain::sla::{
    BusinessCalendar, Calendar, ClockTime, SlaEngine, SlaSettings, Target, WeekSchedule, WorkInterval,
};

const ZONES: [&str; 5] = ["UTC", "Asia/Taipei", "Asia/Seoul", "America/Los_Angeles", "Europe/London"];
const DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
/// 2026-01-01T00:00:00Z; instants range over the two years around it, DST changes included.
const BASE_SECONDS: i64 = 1_767_225_600;
const SPAN_SECONDS: i64 = 2 * 365 * 86_400;

fn instant(seconds: i64) -> Timestamp {
    DateTime::from_timestamp(BASE_SECONDS - SPAN_SECONDS / 2 + seconds, 0).unwrap()
}

fn interval() -> impl Strategy<Value = WorkInterval> {
    (0u16..=24 * 60, 0u16..=24 * 60).prop_map(|(a, b)| {
        let time = |minutes: u16| ClockTime::new(minutes / 60, minutes % 60).unwrap();
        WorkInterval::new(time(a.min(b)), time(a.max(b)))
    })
}

fn calendar() -> impl Strategy<Value = BusinessCalendar> {
    (
        0..ZONES.len(),
        proptest::collection::vec(proptest::collection::vec(interval(), 0..4), 7),
        proptest::collection::vec(0u32..730, 0..12),
        interval(),
    )
        .prop_map(|(zone, days, holidays, monday)| {
            let mut week = WeekSchedule::default();
            for (day, intervals) in DAYS.iter().zip(days) {
                *week.day_mut(*day) = intervals;
            }
            // Something must be open: Monday keeps at least an hour.
            let start = monday.start.minutes().min(23 * 60);
            let end = ClockTime::new((start + 60) / 60, (start + 60) % 60).unwrap();
            week.mon.push(WorkInterval::new(ClockTime::new(start / 60, start % 60).unwrap(), end));
            let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let holidays = holidays.into_iter().map(|day| first + chrono::Days::new(day.into())).collect();
            let calendar = Calendar { name: "random".into(), time_zone: ZONES[zone].into(), week, holidays };
            calendar.compile().unwrap()
        })
}

fn case_with(history: &[(i64, Option<bool>)], tier: Tier) -> Case {
    let draft = CaseDraft { title: "Random".into(), tier, ..CaseDraft::default() };
    let mut case = support::case("p", draft, instant(0));
    let mut at = 0;
    for &(gap, waiting) in history {
        at += gap;
        match waiting {
            Some(true) => case.set_status(Status::WaitingOnCustomer, "Mina", instant(at)),
            Some(false) => case.set_status(Status::InProgress, "Mina", instant(at)),
            None => case.add_note(NoteKind::Contact, "Update", "Mina", instant(at)),
        };
    }
    case
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn business_time_is_additive_and_never_negative(
        calendar in calendar(),
        mut points in proptest::collection::vec(0..SPAN_SECONDS, 3),
    ) {
        points.sort_unstable();
        let [a, b, c] = [instant(points[0]), instant(points[1]), instant(points[2])];
        let (ab, bc, ac) = (calendar.between(a, b), calendar.between(b, c), calendar.between(a, c));
        prop_assert!(ab >= TimeDelta::zero() && bc >= TimeDelta::zero());
        prop_assert_eq!(ab + bc, ac);
        prop_assert!(ac <= c - a);
        prop_assert_eq!(calendar.between(c, a), TimeDelta::zero());
    }

    #[test]
    fn adding_business_time_lands_no_earlier_than_real_time_and_measures_back(
        calendar in calendar(),
        start in 0..SPAN_SECONDS,
        minutes in 0i64..60 * 24 * 30,
    ) {
        let (start, budget) = (instant(start), TimeDelta::minutes(minutes));
        let deadline = calendar.add(start, budget);
        prop_assert!(deadline >= start + budget);
        prop_assert_eq!(calendar.between(start, deadline), budget);
    }

    #[test]
    fn clocks_respect_targets_and_pauses_only_delay(
        history in proptest::collection::vec((60i64..3 * 86_400, proptest::option::of(any::<bool>())), 0..12),
        tier in prop::sample::select(vec![Tier::Enterprise, Tier::Premium, Tier::Standard, Tier::Free]),
        now in 0i64..60 * 86_400,
    ) {
        let engine = SlaEngine::new(&SlaSettings::default());
        let case = case_with(&history, tier);
        let clocks = engine.compute_clocks(&case);
        for clock in &clocks.clocks {
            if let Some(deadline) = clock.deadline {
                prop_assert!(deadline >= clock.start + clock.budget);
            }
        }
        // The same history without its status changes has no pauses.
        let contacts_only: Vec<_> = history.iter().map(|&(gap, waiting)| (gap, waiting.filter(|_| false))).collect();
        let unpaused = engine.compute_clocks(&case_with(&contacts_only, tier));
        let deadline = |clocks: &triage_desk::domain::sla::CaseClocks| {
            clocks.current(Target::Resolution).and_then(|clock| clock.deadline)
        };
        if let (Some(paused), Some(plain)) = (deadline(&clocks), deadline(&unpaused)) {
            prop_assert!(paused >= plain);
        }
        let now = instant(now);
        let tick = engine.tick(now);
        for clock in &clocks.clocks {
            prop_assert_eq!(clock.status(&tick), clock.status_at(now, &engine));
        }
    }
}
