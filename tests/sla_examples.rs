#![cfg(not(target_arch = "wasm32"))]
// Native only: the expected wall times come from chrono-tz, which the browser build leaves out.
//! The worked examples of docs/sla.md, one test each, plus calendar edge cases.

mod support;

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use triage_desk::domain::case::{Case, CaseDraft, Field, FieldValue, NoteKind, Status, Tier, Timestamp};
use triage_desk::domain::sla::{
    compliance, format_duration, time_zone_names, Calendar, ClockTime, PauseReason, SlaEngine, SlaSettings,
    Span, StopReason, Target, TargetState, WeekSchedule, WorkInterval,
};

fn wall(zone: &str, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
    let tz: Tz = zone.parse().unwrap();
    tz.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().with_timezone(&Utc)
}

fn taipei(mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
    wall("Asia/Taipei", 2026, mo, d, h, mi)
}

fn utc(mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, mo, d, h, mi, 0).unwrap()
}

fn new_case(tier: Tier, at: Timestamp) -> Case {
    let draft = CaseDraft { title: "Checkout fails".into(), tier, ..CaseDraft::default() };
    support::case("c1", draft, at)
}

fn hm(hours: i64, minutes: i64) -> TimeDelta {
    TimeDelta::hours(hours) + TimeDelta::minutes(minutes)
}

fn engine() -> SlaEngine {
    SlaEngine::new(&SlaSettings::default())
}

fn hours(open: u16, close: u16) -> WorkInterval {
    WorkInterval::new(ClockTime::new(open, 0).unwrap(), ClockTime::new(close, 0).unwrap())
}

/// Premium runs on a Los Angeles office calendar, Monday to Friday 09:00-17:00.
fn los_angeles_settings() -> SlaSettings {
    let mut settings = SlaSettings::default();
    let workdays = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
    settings.calendars.push(Calendar {
        name: "LA office".into(),
        time_zone: "America/Los_Angeles".into(),
        week: WeekSchedule::on(&workdays, &[hours(9, 17)]),
        holidays: Vec::new(),
    });
    settings.policies.premium.calendar = "LA office".into();
    settings
}

fn calendar_in(zone: &str, days: &[Weekday], intervals: &[WorkInterval]) -> Calendar {
    Calendar {
        name: "test".into(),
        time_zone: zone.into(),
        week: WeekSchedule::on(days, intervals),
        holidays: Vec::new(),
    }
}

const EVERY_DAY: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

#[test]
fn example_1_premium_first_response_skips_lunch() {
    let engine = engine();
    let mut case = new_case(Tier::Premium, taipei(3, 2, 11, 30));
    let clocks = engine.compute_clocks(&case);
    let first = clocks.current(Target::FirstResponse).unwrap();
    assert_eq!(first.deadline, Some(taipei(3, 2, 13, 30)));
    assert_eq!(first.budget, TimeDelta::hours(1));

    let at_1310 = first.status(&engine.tick(taipei(3, 2, 13, 10)));
    assert_eq!((at_1310.state, at_1310.remaining), (TargetState::OnTrack, TimeDelta::minutes(20)));
    let at_1320 = first.status(&engine.tick(taipei(3, 2, 13, 20)));
    assert_eq!((at_1320.state, at_1320.remaining), (TargetState::AtRisk, TimeDelta::minutes(10)));
    assert_eq!(at_1320.describe(), "10 m left");

    case.add_note(NoteKind::Contact, "Replied by email", "Mina", taipei(3, 2, 13, 25));
    let clocks = engine.compute_clocks(&case);
    let first = clocks.current(Target::FirstResponse).unwrap();
    let status = first.status_at(taipei(3, 2, 16, 0), &engine);
    assert_eq!((status.state, status.remaining), (TargetState::Met, TimeDelta::minutes(5)));
    assert_eq!(first.stop.unwrap().reason, StopReason::Contact);
    let update = clocks.current(Target::NextUpdate).unwrap();
    assert_eq!((update.start, update.deadline), (taipei(3, 2, 13, 25), Some(taipei(3, 2, 17, 25))));
}

#[test]
fn example_2_standard_over_the_weekend_then_breached() {
    let engine = engine();
    let case = new_case(Tier::Standard, taipei(3, 6, 17, 0));
    let clocks = engine.compute_clocks(&case);
    let first = clocks.current(Target::FirstResponse).unwrap();
    assert_eq!(first.deadline, Some(taipei(3, 9, 12, 0)));
    let read = |at| first.status(&engine.tick(at));
    assert_eq!(read(taipei(3, 7, 15, 0)).remaining, TimeDelta::hours(3), "the weekend uses nothing");
    assert_eq!(read(taipei(3, 9, 10, 0)).state, TargetState::OnTrack);
    let at_risk = read(taipei(3, 9, 11, 0));
    assert_eq!((at_risk.state, at_risk.used_fraction), (TargetState::AtRisk, 0.75));
    let lunch = read(taipei(3, 9, 12, 30));
    assert_eq!(
        (lunch.state, lunch.remaining, lunch.describe().as_str()),
        (TargetState::Breached, TimeDelta::zero(), "breached")
    );
    let late = read(taipei(3, 9, 14, 20));
    assert_eq!((late.state, late.remaining), (TargetState::Breached, -hm(1, 20)));
    assert_eq!(late.describe(), "breached 1 h 20 m ago");
    assert!(late.used_fraction > 1.0);

    let resolution = clocks.current(Target::Resolution).unwrap();
    assert_eq!(resolution.budget, TimeDelta::hours(24), "3 business days of 8 h");
    assert_eq!(resolution.deadline, Some(taipei(3, 11, 17, 0)));
}

#[test]
fn example_3_enterprise_pauses_contacts_and_reopening() {
    let engine = engine();
    let mut case = new_case(Tier::Enterprise, utc(3, 2, 8, 0));
    case.add_note(NoteKind::Contact, "On it", "Mina", utc(3, 2, 8, 20));
    case.set_status(Status::WaitingOnCustomer, "Mina", utc(3, 2, 9, 0));
    case.set_status(Status::InProgress, "Mina", utc(3, 2, 12, 0));
    case.add_note(NoteKind::Internal, "Not a contact", "Mina", utc(3, 2, 12, 10));
    case.add_note(NoteKind::Contact, "Found the cause", "Mina", utc(3, 2, 12, 30));
    case.set_status(Status::Resolved, "Mina", utc(3, 2, 15, 0));

    let clocks = engine.compute_clocks(&case);
    let updates: Vec<_> = clocks.clocks.iter().filter(|clock| clock.target == Target::NextUpdate).collect();
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].deadline, Some(utc(3, 2, 13, 20)), "40 m used before the pause");
    assert_eq!(updates[0].pauses.len(), 1);
    let later = utc(3, 2, 16, 0);
    assert_eq!(updates[0].status_at(later, &engine).state, TargetState::Met);
    let second = updates[1].status_at(later, &engine);
    assert_eq!((second.state, second.describe().as_str()), (TargetState::Breached, "breached by 30 m"));
    assert_eq!(updates[1].stop.unwrap().reason, StopReason::Resolved);
    let resolution = clocks.current(Target::Resolution).unwrap();
    assert_eq!(resolution.deadline, Some(utc(3, 2, 19, 0)));
    let resolved = resolution.status_at(later, &engine);
    assert_eq!((resolved.state, resolved.remaining), (TargetState::Met, TimeDelta::hours(4)));

    case.set_status(Status::InProgress, "Mina", utc(3, 3, 9, 0));
    let clocks = engine.compute_clocks(&case);
    let resolution = clocks.current(Target::Resolution).unwrap();
    assert_eq!(resolution.deadline, Some(utc(3, 3, 13, 0)));
    let reasons: Vec<_> =
        resolution.pauses.iter().map(|pause| (pause.start, pause.end, pause.reason)).collect();
    assert_eq!(
        reasons,
        [
            (utc(3, 2, 9, 0), Some(utc(3, 2, 12, 0)), PauseReason::WaitingOnCustomer),
            (utc(3, 2, 15, 0), Some(utc(3, 3, 9, 0)), PauseReason::Resolved),
        ]
    );
    let status = clocks.status(Target::Resolution, &engine.tick(utc(3, 3, 10, 0)));
    assert_eq!((status.state, status.remaining), (TargetState::OnTrack, TimeDelta::hours(3)));
    let third = clocks.current(Target::NextUpdate).unwrap();
    assert_eq!((third.start, third.deadline), (utc(3, 3, 9, 0), Some(utc(3, 3, 11, 0))));
}

#[test]
fn example_4_tier_change_recomputes_from_creation_keeping_pauses() {
    let engine = engine();
    let mut case = new_case(Tier::Standard, taipei(3, 2, 9, 0));
    assert_eq!(
        engine.compute_clocks(&case).current(Target::FirstResponse).unwrap().deadline,
        Some(taipei(3, 2, 14, 0))
    );
    case.set_status(Status::WaitingOnCustomer, "Mina", taipei(3, 2, 9, 20));
    case.set_status(Status::InProgress, "Mina", taipei(3, 2, 10, 0));
    case.set_field(Field::Tier, FieldValue::Tier(Tier::Enterprise), "Mina", taipei(3, 2, 10, 5)).unwrap();
    let clocks = engine.compute_clocks(&case);
    assert_eq!(clocks.tier, Tier::Enterprise);
    assert_eq!(clocks.current(Target::FirstResponse).unwrap().deadline, Some(taipei(3, 2, 9, 30)));
    let resolution = clocks.current(Target::Resolution).unwrap();
    assert_eq!(resolution.deadline, Some(taipei(3, 2, 17, 40)));
    assert_eq!(resolution.pauses.len(), 1);
    let status = clocks.status(Target::FirstResponse, &engine.tick(taipei(3, 2, 10, 5)));
    assert_eq!((status.state, status.remaining), (TargetState::Breached, -TimeDelta::minutes(35)));
}

#[test]
fn example_5_free_tier_over_a_holiday() {
    let mut settings = SlaSettings::default();
    settings.calendars[1].holidays.push(NaiveDate::from_ymd_opt(2026, 4, 3).unwrap());
    let engine = SlaEngine::new(&settings);
    let mut case = new_case(Tier::Free, taipei(4, 2, 10, 0));
    let clocks = engine.compute_clocks(&case);
    assert_eq!(clocks.current(Target::FirstResponse).unwrap().deadline, Some(taipei(4, 6, 10, 0)));
    assert_eq!(clocks.current(Target::Resolution).unwrap().deadline, Some(taipei(4, 10, 10, 0)));
    case.add_note(NoteKind::Contact, "Hello", "Mina", taipei(4, 2, 11, 0));
    let clocks = engine.compute_clocks(&case);
    assert!(clocks.current(Target::NextUpdate).is_none());
    assert_eq!(
        clocks.status(Target::NextUpdate, &engine.tick(taipei(4, 2, 12, 0))).state,
        TargetState::NotApplicable
    );
}

#[test]
fn example_6_los_angeles_dst_in_spring_and_autumn() {
    let engine = SlaEngine::new(&los_angeles_settings());
    let la = |mo, d, h, mi| wall("America/Los_Angeles", 2026, mo, d, h, mi);
    let spring = engine.compute_clocks(&new_case(Tier::Premium, la(3, 6, 16, 0)));
    assert_eq!(spring.current(Target::FirstResponse).unwrap().deadline, Some(la(3, 6, 17, 0)));
    let deadline = spring.current(Target::Resolution).unwrap().deadline.unwrap();
    assert_eq!(deadline, la(3, 11, 16, 0));
    assert_eq!(deadline, utc(3, 11, 23, 0), "16:00 PDT is UTC-7");
    let autumn = engine.compute_clocks(&new_case(Tier::Premium, la(10, 30, 16, 0)));
    let deadline = autumn.current(Target::Resolution).unwrap().deadline.unwrap();
    assert_eq!(deadline, utc(11, 5, 0, 0), "Wed 4 Nov 16:00 PST is UTC-8");
}

#[test]
fn around_the_clock_in_los_angeles_counts_real_hours_on_dst_days() {
    let calendar = calendar_in("America/Los_Angeles", &EVERY_DAY, &[hours(0, 24)]).compile().unwrap();
    let la = |mo, d| wall("America/Los_Angeles", 2026, mo, d, 0, 0);
    assert_eq!(calendar.between(la(3, 8), la(3, 9)), TimeDelta::hours(23));
    assert_eq!(calendar.between(la(11, 1), la(11, 2)), TimeDelta::hours(25));
    assert_eq!(calendar.between(la(3, 2), la(3, 16)), TimeDelta::hours(14 * 24 - 1));
    assert_eq!(calendar.add(la(3, 7) + TimeDelta::hours(22), TimeDelta::hours(8)), utc(3, 8, 14, 0));
    assert_eq!(calendar.between(la(1, 5), la(12, 28)), TimeDelta::hours(357 * 24), "offsets back to PST");
}

#[test]
fn an_interval_across_the_dst_change_is_as_long_as_it_really_is() {
    let calendar = calendar_in("America/Los_Angeles", &[Weekday::Sun], &[hours(1, 4)]).compile().unwrap();
    let day = |mo, d| {
        (wall("America/Los_Angeles", 2026, mo, d, 0, 0), wall("America/Los_Angeles", 2026, mo, d, 23, 0))
    };
    let (start, end) = day(3, 8);
    assert_eq!(calendar.between(start, end), TimeDelta::hours(2));
    let (start, end) = day(11, 1);
    assert_eq!(calendar.between(start, end), TimeDelta::hours(4));
    let (start, end) = day(3, 1);
    assert_eq!(calendar.between(start, end), TimeDelta::hours(3));
    let gap_opening = calendar_in("America/Los_Angeles", &[Weekday::Sun], &[hours(2, 5)]).compile().unwrap();
    let (start, _) = day(3, 8);
    assert_eq!(
        gap_opening.add(start, TimeDelta::minutes(1)),
        utc(3, 8, 10, 1),
        "opens when 03:00 PDT begins"
    );
}

#[test]
fn lunch_breaks_holidays_and_long_spans() {
    let mut calendar = Calendar::business_hours();
    calendar.holidays =
        vec![NaiveDate::from_ymd_opt(2026, 2, 16).unwrap(), NaiveDate::from_ymd_opt(2026, 2, 17).unwrap()];
    let calendar = calendar.compile().unwrap();
    assert_eq!(calendar.business_day(), TimeDelta::hours(8));
    assert_eq!(calendar.between(taipei(3, 2, 11, 0), taipei(3, 2, 14, 0)), TimeDelta::hours(2));
    assert_eq!(calendar.between(taipei(3, 2, 12, 0), taipei(3, 2, 13, 0)), TimeDelta::zero());
    assert!(!calendar.is_open(taipei(3, 2, 12, 30)) && calendar.is_open(taipei(3, 2, 13, 0)));
    // 2026: 261 weekdays, less the two holidays, 8 h each.
    let year = calendar.between(taipei(1, 1, 0, 0), wall("Asia/Taipei", 2027, 1, 1, 0, 0));
    assert_eq!(year, TimeDelta::hours(259 * 8));
    assert_eq!(calendar.add(taipei(2, 13, 17, 0), TimeDelta::hours(2)), taipei(2, 18, 10, 0));
    assert_eq!(calendar.add(taipei(1, 1, 0, 0), TimeDelta::hours(259 * 8)), taipei(12, 31, 18, 0));
}

#[test]
fn end_of_business_day_for_what_if_planning() {
    let mut calendar = Calendar::business_hours();
    calendar.holidays = vec![NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()];
    let calendar = calendar.compile().unwrap();
    assert_eq!(calendar.end_of_business_day(taipei(3, 5, 8, 0)), taipei(3, 5, 18, 0));
    assert_eq!(calendar.end_of_business_day(taipei(3, 5, 12, 30)), taipei(3, 5, 18, 0));
    assert_eq!(calendar.end_of_business_day(taipei(3, 5, 18, 30)), taipei(3, 6, 18, 0));
    assert_eq!(
        calendar.end_of_business_day(taipei(3, 6, 19, 0)),
        taipei(3, 10, 18, 0),
        "weekend and holiday"
    );
}

#[test]
fn explanation_lists_start_pauses_closed_hours_and_target() {
    let engine = engine();
    let mut case = new_case(Tier::Standard, taipei(3, 6, 17, 0));
    case.set_status(Status::WaitingOnCustomer, "Mina", taipei(3, 6, 17, 30));
    case.set_status(Status::InProgress, "Mina", taipei(3, 9, 9, 30));
    let clocks = engine.compute_clocks(&case);
    let explanation = engine.explain(clocks.current(Target::Resolution).unwrap(), taipei(3, 9, 10, 0));
    assert_eq!(explanation.closed[0], (taipei(3, 6, 18, 0), taipei(3, 9, 9, 0)));
    assert_eq!(explanation.closed[1], (taipei(3, 9, 12, 0), taipei(3, 9, 13, 0)));
    let lines: Vec<String> = explanation
        .lines(|at| explanation.wall_time(at), explanation.time_zone.name())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines[0], "Resolution: 24 h of business time on \"Business hours\" (Asia/Taipei).");
    assert_eq!(lines[1], "Started Fri 6 Mar 17:00 UTC+8.");
    assert_eq!(lines[2], "Paused Fri 6 Mar 17:30 UTC+8 to Mon 9 Mar 09:30 UTC+8: Waiting on customer.");
    assert!(lines[3].starts_with("Closed hours skipped: Fri 6 Mar 18:00 UTC+8 to Mon 9 Mar 09:00 UTC+8;"));
    assert_eq!(lines[4], "Deadline Wed 11 Mar 18:00 UTC+8.");
    assert_eq!(lines[5], "On track, 23 h left.");
}

#[test]
fn compliance_counts_targets_settled_in_the_range() {
    let engine = engine();
    let mut met = new_case(Tier::Premium, taipei(3, 2, 9, 0));
    met.add_note(NoteKind::Contact, "Hi", "Mina", taipei(3, 2, 9, 30));
    let late = new_case(Tier::Premium, taipei(3, 2, 9, 0));
    let clocks = [engine.compute_clocks(&met), engine.compute_clocks(&late)];
    let report = compliance(&clocks, taipei(3, 1, 0, 0), taipei(3, 8, 0, 0), taipei(3, 2, 12, 0));
    let first = report.get(Tier::Premium, Target::FirstResponse);
    assert_eq!((first.met, first.breached, first.share_met()), (1, 1, Some(0.5)));
    assert_eq!(report.tier(Tier::Premium).total(), 2, "updates and resolutions are still running");
    assert_eq!(report.target(Target::Resolution).total(), 0);
    let before = compliance(&clocks, taipei(3, 1, 0, 0), taipei(3, 2, 9, 45), taipei(3, 2, 12, 0));
    assert_eq!(before.get(Tier::Premium, Target::FirstResponse).total(), 1, "the breach came at 10:00");
    let next_day = compliance(&clocks, taipei(3, 1, 0, 0), taipei(3, 8, 0, 0), taipei(3, 3, 9, 0));
    assert_eq!(next_day.get(Tier::Premium, Target::NextUpdate).breached, 1, "due at 14:30");
}

#[test]
fn tick_and_one_off_reads_agree_far_from_now() {
    let engine = engine();
    let old = new_case(Tier::Premium, taipei(1, 5, 9, 0));
    let clocks = engine.compute_clocks(&old);
    let now = taipei(6, 1, 10, 0);
    let tick = engine.tick(now);
    for clock in &clocks.clocks {
        assert_eq!(clock.status(&tick), clock.status_at(now, &engine));
    }
    let first = clocks.current(Target::FirstResponse).unwrap().status(&tick);
    assert_eq!(first.state, TargetState::Breached);
    assert!(first.remaining < -TimeDelta::hours(700));
    // Later ticks the same day reuse the remembered old stretch and must still be exact.
    for later in [now + TimeDelta::hours(3), now + TimeDelta::days(2)] {
        let tick = engine.tick(later);
        for clock in &clocks.clocks {
            assert_eq!(clock.status(&tick), clock.status_at(later, &engine));
        }
    }
}

#[test]
fn migrated_cases_without_status_events_still_stop() {
    let engine = engine();
    let mut case = new_case(Tier::Enterprise, utc(3, 2, 8, 0));
    case.status = Status::Resolved;
    case.resolved_at = Some(utc(3, 2, 9, 0));
    case.updated_at = utc(3, 2, 9, 0);
    case.first_response_at = Some(utc(3, 2, 8, 10));
    let clocks = engine.compute_clocks(&case);
    let resolution = clocks.current(Target::Resolution).unwrap();
    assert_eq!(resolution.stop.map(|stop| stop.at), Some(utc(3, 2, 9, 0)));
    assert_eq!(
        clocks.current(Target::FirstResponse).unwrap().stop.map(|stop| stop.at),
        Some(utc(3, 2, 8, 10))
    );
}

#[test]
fn settings_round_trip_and_fill_gaps_with_defaults() {
    let settings = SlaSettings::default();
    let json = serde_json::to_string(&settings).unwrap();
    assert!(json.contains("\"start\":\"09:00\"") && json.contains("\"end\":\"24:00\""));
    assert_eq!(serde_json::from_str::<SlaSettings>(&json).unwrap(), settings);
    let partial: SlaSettings = serde_json::from_str(r#"{"at_risk_threshold": 0.5}"#).unwrap();
    assert_eq!(partial.policies, settings.policies);
    assert_eq!(partial.at_risk_threshold, 0.5);
    assert!(serde_json::from_str::<WorkInterval>(r#"{"start":"25:00","end":"26:00"}"#).is_err());
    assert_eq!(settings.policies.free.next_update, None);
    assert_eq!(settings.policies.standard.resolution, Some(Span::business_days(3)));
}

#[test]
fn unusable_settings_fall_back_to_around_the_clock() {
    let mut settings = SlaSettings::default();
    settings.calendars[1].time_zone = "Mars/Olympus".into();
    settings.policies.free.calendar = "Gone".into();
    let engine = SlaEngine::new(&settings);
    assert_eq!(engine.problems().len(), 2);
    assert_eq!(engine.calendar_for(Tier::Free).business_day(), TimeDelta::hours(24));
    assert!(Calendar { week: WeekSchedule::default(), ..Calendar::always_open() }.compile().is_err());
}

#[test]
fn the_desk_offers_zones_for_an_international_team_and_names_the_rest() {
    let offered = time_zone_names();
    for zone in [
        "UTC",
        "America/New_York",
        "Europe/London",
        "Asia/Seoul",
        "Asia/Taipei",
        "Asia/Tokyo",
        "Asia/Shanghai",
    ] {
        assert!(offered.iter().any(|name| name == zone), "{zone} is offered");
    }
    assert!(!offered.iter().any(|name| name == "US/Eastern"), "legacy aliases are not suggested");
    for zone in offered.iter().map(String::as_str).chain(["US/Eastern"]) {
        let calendar = Calendar { time_zone: zone.into(), ..Calendar::business_hours() };
        assert!(calendar.compile().is_ok(), "{zone} compiles");
    }
    // A mistyped zone is refused with a message, not a panic.
    let calendar = Calendar { time_zone: "Mars/Olympus".into(), ..Calendar::business_hours() };
    let problem = calendar.compile().unwrap_err().to_string();
    assert!(problem.contains("\"Mars/Olympus\" is not a time zone this browser knows"), "{problem}");
}

#[test]
fn durations_read_like_a_person_would_say_them() {
    assert_eq!(format_duration(hm(1, 20)), "1 h 20 m");
    assert_eq!(format_duration(-hm(1, 20)), "1 h 20 m");
    assert_eq!(format_duration(TimeDelta::minutes(45)), "45 m");
    assert_eq!(format_duration(hm(26, 5)), "26 h 5 m");
    assert_eq!(format_duration(TimeDelta::hours(2)), "2 h");
    assert_eq!(format_duration(TimeDelta::seconds(59)), "< 1 m");
    assert_eq!(Span::business_days(3).to_string(), "3 business days");
    assert_eq!(ClockTime::parse("9:30").unwrap().to_string(), "09:30");
}

/// A clock stopped by closed hours says when the calendar opens again (the badge's
/// "Paused, opens Mon 09:00"), read on the calendar's own wall clock.
#[test]
fn closed_hours_say_when_the_calendar_opens() {
    let engine = engine();
    let business = engine.calendar_for(Tier::Premium);
    // Saturday 14 March 2026 in Taipei: closed until Monday 09:00.
    let saturday = taipei(3, 14, 11, 0);
    let opens = business.closed_until(saturday).expect("closed on a Saturday");
    assert_eq!(opens, taipei(3, 16, 9, 0));
    // Lunch is closed too; the morning is open.
    assert_eq!(business.closed_until(taipei(3, 16, 12, 30)), Some(taipei(3, 16, 13, 0)));
    assert_eq!(business.closed_until(taipei(3, 16, 10, 0)), None);
    assert_eq!(engine.calendar_for(Tier::Enterprise).closed_until(saturday), None, "24x7 never closes");
}
