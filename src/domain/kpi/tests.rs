//! Every KPI on a small desk whose answers are worked out by hand in the comments.

use super::series::{axis_top, AgeBands};
use super::*;
use crate::domain::case::{CaseDraft, CaseId, NoteKind, Satisfaction, Status};
use crate::domain::desk::MergeRecord;
use crate::domain::sla::{SlaEngine, SlaSettings, Target};
use crate::zone::Zone;
use chrono::DateTime;
use std::collections::HashMap;

fn utc(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// 2 Mar 2026 (a Monday) 00:00 UTC plus `hours`.
fn h(hours: f64) -> Timestamp {
    utc("2026-03-02T00:00:00Z") + TimeDelta::milliseconds((hours * 3_600_000.0) as i64)
}

fn new_case(id: &str, tier: Tier, category: &str, created: Timestamp) -> Case {
    let draft = CaseDraft {
        title: format!("Case {id}"),
        tier,
        category: category.into(),
        customer: format!("Customer {id}"),
        ..CaseDraft::default()
    };
    Case::create(CaseId(id.into()), draft, "Mina", created)
}

/// The week of 2 to 9 March, seen on 10 March.
fn week() -> Period {
    Period { from: h(0.0), to: h(7.0 * 24.0) }
}

fn now() -> Timestamp {
    h(8.0 * 24.0)
}

fn desk() -> Vec<Case> {
    let contact = |c: &mut Case, at| c.add_note(NoteKind::Contact, "Replied", "Mina", at);
    let status = |c: &mut Case, to, at| c.set_status(to, "Mina", at);
    // A: first response 60 min, waits on the customer 120 min, resolved after 360 min; rated good.
    let mut a = new_case("A", Tier::Standard, "Payments", h(9.0));
    contact(&mut a, h(10.0));
    status(&mut a, Status::WaitingOnCustomer, h(10.0));
    status(&mut a, Status::InProgress, h(12.0));
    status(&mut a, Status::Resolved, h(15.0));
    a.rate(Some(Satisfaction { rating: Rating::Good, comment: "Quick".into() }), "Mina", h(16.0));
    // B: first response 30 min, waits on engineering 24 h, resolved, reopened, resolved again
    // 50 h after it was created (3,000 min); two contacts; rated bad.
    let mut b = new_case("B", Tier::Standard, "Payments", h(24.0));
    contact(&mut b, h(24.5));
    status(&mut b, Status::WaitingOnEngineering, h(25.0));
    status(&mut b, Status::Resolved, h(49.0));
    status(&mut b, Status::InProgress, h(72.0));
    contact(&mut b, h(73.0));
    status(&mut b, Status::Resolved, h(74.0));
    b.rate(Some(Satisfaction { rating: Rating::Bad, comment: String::new() }), "Mina", h(75.0));
    // C: opened ten days before the week, never answered, still open: old backlog.
    let mut c = new_case("C", Tier::Premium, "Login", h(-240.0));
    status(&mut c, Status::InProgress, h(-200.0));
    // D: opened 12 h before the week ends, answered after 120 min, open.
    let mut d = new_case("D", Tier::Standard, "Login", h(156.0));
    contact(&mut d, h(158.0));
    // E: imported with only its fields: opened the day before, first response after 6 h,
    // resolved on 6 March (120 h after it was created: 7,200 min).
    let mut e = new_case("E", Tier::Free, "", h(-24.0));
    e.status = Status::Resolved;
    e.first_response_at = Some(h(-18.0));
    e.resolved_at = Some(h(96.0));
    // F: after the week.
    let f = new_case("F", Tier::Standard, "Payments", h(174.0));
    vec![a, b, c, d, e, f]
}

fn lives(cases: &[Case]) -> Vec<Life> {
    cases.iter().map(Life::of).collect()
}

/// What the desk tells about `period`, its cases fed `slice` at a time (with their SLA
/// clocks when `clocks`), read on a UTC clock.
fn figures_sliced(
    cases: &[Case],
    incidents: &[Incident],
    filters: &Filters,
    period: Period,
    clocks: bool,
    slice: usize,
) -> Figures {
    let lives = lives(cases);
    let engine = SlaEngine::new(&SlaSettings::default());
    let clocks: Vec<CaseClocks> =
        if clocks { cases.iter().map(|c| engine.compute_clocks(c)).collect() } else { Vec::new() };
    let by_id: HashMap<&CaseId, &Case> = cases.iter().map(|c| (&c.id, c)).collect();
    let mut pass = Pass::new(period, filters.clone(), Zone::parse("UTC").unwrap(), now());
    for start in (0..cases.len()).step_by(slice.max(1)) {
        let end = (start + slice.max(1)).min(cases.len());
        pass.add(&cases[start..end], &lives[start..end], clocks.get(start..end).unwrap_or(&[]));
    }
    assert_eq!(pass.done(), cases.len());
    pass.finish(cases, incidents, &[], &[], |id| by_id.get(id).copied())
}

fn figures(cases: &[Case], incidents: &[Incident], filters: &Filters, period: Period) -> Figures {
    figures_sliced(cases, incidents, filters, period, true, usize::MAX)
}

fn compute(cases: &[Case], filters: &Filters, period: Period) -> Metrics {
    figures(cases, &[], filters, period).now
}

#[test]
fn every_figure_of_the_week_matches_the_hand_count() {
    let m = compute(&desk(), &Filters::default(), week());
    // Created in the week: A, B, D (C and E before it, F after it).
    assert_eq!(m.cases_created, 3);
    // First responses 30, 60 and 120 min: the middle is 60; 90 % of three is the third.
    assert_eq!(m.first_response, Spread { median: Some(60.0), p90: Some(120.0), count: 3 });
    // Resolved in the week: A (360 min), B (3,000 min), E (7,200 min).
    assert_eq!(m.cases_resolved, 3);
    assert_eq!(m.resolution, Spread { median: Some(3_000.0), p90: Some(7_200.0), count: 3 });
    // Waiting: A 120 min on the customer, B 1,440 min on engineering, E none.
    assert_eq!(m.waiting_on_customer.median, Some(0.0));
    assert_eq!(m.waiting_on_engineering.median, Some(0.0));
    let shares = m.time_shares.unwrap();
    assert!((shares.waiting_on_customer - 120.0 / 10_560.0).abs() < 1e-9);
    assert!((shares.waiting_on_engineering - 1_440.0 / 10_560.0).abs() < 1e-9);
    assert!((shares.working - 9_000.0 / 10_560.0).abs() < 1e-9);
    // B was reopened; A and E were resolved with at most one contact and never reopened.
    assert_eq!(m.reopen_percent.map(|p| (p * 100.0).round()), Some(3_333.0));
    assert_eq!(m.one_touch_percent.map(|p| (p * 100.0).round()), Some(6_667.0));
    // Rated: A good, B bad.
    assert_eq!((m.csat_rated, m.csat_percent), (2, Some(50.0)));
    // Open when the week ends: C (since 10 days) and D (since 12 h).
    assert_eq!((m.backlog_open, m.backlog_older_than_72h), (2, 1));
}

#[test]
fn filters_count_only_their_cases() {
    let payments = Filters { category: Some(" payments ".into()), ..Filters::default() };
    let m = compute(&desk(), &payments, week());
    assert_eq!((m.cases_created, m.cases_resolved, m.backlog_open), (2, 2, 0));
    let premium = Filters { tier: Some(Tier::Premium), ..Filters::default() };
    let m = compute(&desk(), &premium, week());
    assert_eq!((m.cases_created, m.cases_resolved, m.backlog_open, m.backlog_older_than_72h), (0, 0, 1, 1));
}

#[test]
fn an_empty_period_has_counts_of_zero_and_no_times() {
    let quiet = Period { from: h(-2_000.0), to: h(-1_000.0) };
    let m = compute(&desk(), &Filters::default(), quiet);
    assert_eq!((m.cases_created, m.cases_resolved, m.backlog_open), (0, 0, 0));
    assert_eq!(m.first_response, Spread::default());
    assert_eq!((m.reopen_percent, m.csat_percent, m.time_shares), (None, None, None));
    let csv = m.to_csv();
    assert!(csv.contains("\r\nresolution_median_minutes,,"), "{csv}");
}

#[test]
fn sla_achievement_counts_targets_settled_in_the_period() {
    // Two Enterprise cases (24x7, first response within 30 min): one answered after 20 min,
    // one after 60 min, so its target breached at its 30-minute deadline.
    let mut quick = new_case("Q", Tier::Enterprise, "", h(1.0));
    quick.add_note(NoteKind::Contact, "On it", "Mina", h(1.0 + 20.0 / 60.0));
    let mut slow = new_case("S", Tier::Enterprise, "", h(2.0));
    slow.add_note(NoteKind::Contact, "Sorry", "Mina", h(3.0));
    let cases = vec![quick, slow];
    let f = figures(&cases, &[], &Filters::default(), week());
    let m = f.now;
    assert_eq!(m.sla.get(Tier::Enterprise, Target::FirstResponse), Tally { met: 1, breached: 1 });
    let row = m.rows().into_iter().find(|(key, _)| *key == "sla_achievement_percent").unwrap();
    let overall = m.sla_overall();
    assert_eq!(row.1, Some(overall.met as f64 * 100.0 / overall.total() as f64));
    // Nothing settles in a period before the cases existed.
    assert_eq!(f.before.sla_overall().total(), 0);
}

#[test]
fn incidents_count_their_reach_and_duration() {
    let cases = desk();
    let ids = vec![CaseId("A".into()), CaseId("B".into())];
    let mut incident = Incident::promote("INC-1".into(), "Payments down", "g1", ids, "Mina", h(10.0));
    incident.set_status(IncidentStatus::Resolved, "Mina", h(14.0));
    incident.set_impact(Impact::Major, &Default::default(), "Mina", h(11.0));
    let open =
        Incident::promote("INC-2".into(), "Login slow", "g2", vec![CaseId("D".into())], "Mina", h(160.0));
    let incidents = [incident, open];
    let f = figures(&cases, &incidents, &Filters::default(), week());
    let m = &f.now;
    assert_eq!((m.incidents, m.incident_customers, m.incident_people), (2, 3, 3));
    assert_eq!(m.incident_duration.median, Some(240.0));
    // The report's rows: the most severe first, each with its impact, duration and reach;
    // the open one runs until now.
    let row = |i: usize| {
        let r = &f.incidents[i];
        (r.id.as_str(), r.impact, r.open, r.duration, r.customers, r.people)
    };
    assert_eq!(row(0), ("INC-1", Impact::Major, false, TimeDelta::hours(4), 2, 2));
    assert_eq!(row(1), ("INC-2", Impact::None, true, TimeDelta::hours(8 * 24 - 160), 1, 1));
    // A filter that reaches none of an incident's cases leaves it out.
    let login = Filters { category: Some("Login".into()), ..Filters::default() };
    let f = figures(&cases, &incidents, &login, week());
    assert_eq!((f.now.incidents, f.incidents.len(), f.incidents[0].id.as_str()), (1, 1, "INC-2"));
}

#[test]
fn changes_say_which_way_is_better() {
    let now_m = compute(&desk(), &Filters::default(), week());
    let before = compute(&desk(), &Filters::default(), week().previous());
    let changes = changes(&now_m, &before);
    let of = |key: &str| *changes.iter().find(|c| c.key == key).unwrap();
    // The week before: only E was created in it (C ten days before); nothing was resolved.
    assert_eq!((of("cases_created").before, of("cases_created").improved()), (Some(1.0), None));
    assert_eq!(of("cases_resolved").improved(), Some(true));
    assert_eq!(of("resolution_median_minutes").delta(), None);
    assert_eq!(of("backlog_open").better, Better::Lower);
}

#[test]
fn the_metrics_export_has_one_row_per_key() {
    let csv = compute(&desk(), &Filters::default(), week()).to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "metric,value,period_from,period_to");
    assert_eq!(lines[1], "cases_created,3,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z");
    assert!(lines.contains(&"reopen_percent,33.33,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z"));
    assert!(lines.contains(&"first_response_median_minutes,60,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z"));
    assert_eq!(lines.len(), 19);
}

#[test]
fn days_reconstruct_the_backlog_from_the_timelines() {
    let f = figures(&desk(), &[], &Filters::default(), week());
    let days = &f.days;
    assert_eq!(days.len(), 7);
    // Monday: A created and resolved; open at its end: C (old), E (24 h to 72 h).
    assert_eq!((days[0].created, days[0].resolved), (1, 1));
    assert_eq!(days[0].backlog, AgeBands { under_24h: 0, from_24h_to_72h: 1, over_72h: 1 });
    // Tuesday: B created; open at its end: B (just under 24 h), E (just under 72 h), C.
    assert_eq!(days[1].backlog, AgeBands { under_24h: 1, from_24h_to_72h: 1, over_72h: 1 });
    // Wednesday: B resolved (first time) and counted as resolved on Thursday, its last resolution.
    assert_eq!(days[2].resolved, 0);
    assert_eq!(days[3].resolved, 1);
    // Sunday: D created; open at the end: C and D.
    assert_eq!(days[6].backlog.total(), 2);
    assert_eq!(f.weeks.len(), 1);
    assert_eq!(f.weeks[0].resolution.median, Some(3_000.0));
}

/// Each day's backlog as a direct count: every case open at the day's end, by its age then.
#[test]
fn days_count_the_backlog_as_each_days_end_sees_it() {
    let mut cases = desk();
    // Stretches that end exactly at a day's end, or turn 24 or 72 hours old exactly then, and
    // one opened after now.
    let end = |day: f64| h(24.0 * day) - TimeDelta::milliseconds(1);
    for (i, (opened, closed, reopened)) in [
        (end(1.0), Some(end(2.0)), None),
        (end(0.0) - TimeDelta::hours(24), None, None),
        (end(3.0) - TimeDelta::hours(72), Some(end(5.0)), Some(end(5.0) + TimeDelta::hours(1))),
        (h(-30.0), Some(h(30.0)), Some(h(60.0))),
        (h(100.5), None, None),
        (now() + TimeDelta::hours(1), None, None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut case = new_case(&format!("B{i}"), Tier::Standard, "Payments", opened);
        if let Some(at) = closed {
            case.set_status(Status::Resolved, "Mina", at);
        }
        if let Some(at) = reopened {
            case.set_status(Status::InProgress, "Mina", at);
        }
        cases.push(case);
    }
    let all = lives(&cases);
    // A period that ends in the middle of its last day, as a preset's does, and one that runs
    // past now (days begun after now have no backlog).
    for to in [h(6.0 * 24.0 + 5.0), h(9.0 * 24.0 + 14.0)] {
        let f = figures(&cases, &[], &Filters::default(), Period { from: h(-24.0), to });
        assert!(f.days.len() >= 8);
        for day in &f.days {
            let at = day.period.to.min(now()) - TimeDelta::milliseconds(1);
            let mut expected = AgeBands::default();
            let begun = day.period.from <= now();
            for since in all.iter().filter_map(|life| life.open_since(at)).filter(|_| begun) {
                match at - since {
                    age if age > OLD_BACKLOG => expected.over_72h += 1,
                    age if age > TimeDelta::hours(24) => expected.from_24h_to_72h += 1,
                    _ => expected.under_24h += 1,
                }
            }
            assert_eq!(day.backlog, expected, "{:?}", day.period);
        }
    }
}

#[test]
fn top_categories_rank_by_customers_then_cases() {
    let top = figures(&desk(), &[], &Filters::default(), week()).categories;
    let names: Vec<&str> = top.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Payments", "Login"]);
    assert_eq!(top[0].examples, ["Case A", "Case B"]);
}

#[test]
fn chart_axes_end_on_round_numbers() {
    assert_eq!(axis_top(0.0), 1.0);
    assert_eq!(axis_top(7.0), 10.0);
    assert_eq!(axis_top(180.0), 200.0);
    assert_eq!(axis_top(2_100.0), 2_500.0);
    assert_eq!(axis_top(f64::NAN), 1.0);
}

#[test]
fn prompts_state_what_the_data_supports() {
    let mut cases = desk();
    // Six more Payments cases this week, each waiting 10 h on engineering of its 20 h, and
    // one the week before.
    for i in 0..6 {
        let created = h(30.0 + i as f64);
        let mut case = new_case(&format!("P{i}"), Tier::Standard, "Payments", created);
        case.set_status(Status::WaitingOnEngineering, "Mina", created + TimeDelta::hours(5));
        case.set_status(Status::InProgress, "Mina", created + TimeDelta::hours(15));
        case.set_status(Status::Resolved, "Mina", created + TimeDelta::hours(20));
        cases.push(case);
    }
    cases.push(new_case("P-old", Tier::Standard, "payments", h(-30.0)));
    let found = figures(&cases, &[], &Filters::default(), week()).prompts;
    // Payments: A, B and the six new ones against P-old; of the resolved Payments cases'
    // 360 + 3,000 + 6 x 1,200 minutes, B's 1,440 and 6 x 600 waited on engineering.
    let Prompt::CategoryRose { category, before, now, engineering_share } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!((category.as_str(), *before, *now), ("Payments", 1, 8));
    let expected = (1_440.0 + 3_600.0) / (360.0 + 3_000.0 + 7_200.0);
    assert!((engineering_share.unwrap() - expected).abs() < 1e-9, "{engineering_share:?}");
    assert!(found.iter().any(|p| matches!(p, Prompt::Reopened { .. })), "{found:?}");
}

#[test]
fn sliced_passes_give_exactly_the_whole_pass() {
    let mut cases = desk();
    for i in 0..9 {
        let mut case = new_case(&format!("S{i}"), Tier::ALL[i % 4], "Payments", h(20.0 * i as f64 - 30.0));
        case.set_status(Status::WaitingOnCustomer, "Mina", h(20.0 * i as f64 - 20.0));
        if i % 3 != 0 {
            case.set_status(Status::Resolved, "Mina", h(20.0 * i as f64));
        }
        cases.push(case);
    }
    let ids = vec![CaseId("A".into()), CaseId("S4".into())];
    let incidents = [Incident::promote("INC-1".into(), "Payments down", "g1", ids, "Mina", h(50.0))];
    for filters in [Filters::default(), Filters { tier: Some(Tier::Standard), ..Filters::default() }] {
        let whole = figures_sliced(&cases, &incidents, &filters, week(), true, usize::MAX);
        assert!(whole.now.cases_created > 0 && !whole.oldest.is_empty());
        for slice in [1, 2, 3, 7] {
            assert_eq!(figures_sliced(&cases, &incidents, &filters, week(), true, slice), whole, "{slice}");
        }
    }
}

#[test]
fn largest_groups_count_the_cases_created_in_the_period_and_their_merges() {
    use super::series::largest_groups;
    let mut cases = desk();
    for (id, customers) in [("X1", 5), ("X2", 5), ("Y1", 1)] {
        let mut case = new_case(id, Tier::Standard, "Payments", h(30.0));
        case.customers_affected = customers;
        cases.push(case);
    }
    let by_id: HashMap<&CaseId, &Case> = cases.iter().map(|c| (&c.id, c)).collect();
    let ids = |names: &[&str]| names.iter().map(|n| CaseId((*n).into())).collect::<Vec<_>>();
    let group = |id: &str, members: &[&str]| crate::domain::grouping::Group {
        id: id.into(),
        members: ids(members),
        medoid: ids(members)[0].clone(),
        top_terms: Vec::new(),
        cohesion: 1.0,
    };
    // A, B and D were created in the week; C (before it) with Y1 leaves one: no group.
    let groups = [group("g-A", &["A", "B", "D"]), group("g-C", &["C", "Y1"])];
    // X1 and X2 were merged into E (created before the week): their merge is a group too.
    let duplicates = |names: &[&str]| names.iter().map(|n| by_id[&CaseId((*n).into())].clone()).collect();
    let merge = MergeRecord {
        primary: CaseId("E".into()),
        at: h(40.0),
        author: "Mina".into(),
        before: duplicates(&["X1", "X2"]),
    };
    let find = |id: &CaseId| by_id.get(id).copied();
    let top = largest_groups(&groups, &[merge], week(), &Filters::default(), find, 8);
    let seen: Vec<(&str, usize, u64)> =
        top.iter().map(|g| (g.name.as_str(), g.cases, g.customers_affected)).collect();
    assert_eq!(seen, [("Case E", 2, 10), ("Case A", 3, 3)]);
    assert_eq!(top[1].examples, ["Case A", "Case B"]);
}

#[test]
fn spreads_by_selection_match_a_sorted_list() {
    for n in 1..40 {
        let values: Vec<f64> = (0..n).map(|i| ((i * 37 + 11) % 17) as f64 * 1.5).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        let p90 = sorted[(n * 9).div_ceil(10) - 1];
        assert_eq!(Spread::of(values), Spread { median: Some(median), p90: Some(p90), count: n }, "{n}");
    }
}
