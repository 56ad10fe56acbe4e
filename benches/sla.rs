//! SLA clocks at desk scale: computing clocks for 10,000 cases, and one 1 Hz tick over them.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{DateTime, TimeDelta};
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use triage_desk::domain::case::{Case, CaseDraft, CaseId, NoteKind, Status, Tier, Timestamp};
    use triage_desk::domain::sla::{SlaEngine, SlaSettings, TargetClock};

    const CASES: usize = 10_000;

    /// 2026-03-16T02:00:00Z, a Monday morning in Taipei.
    fn now() -> Timestamp {
        DateTime::from_timestamp(1_773_626_400, 0).unwrap()
    }

    /// A small deterministic generator, so every run measures the same desk.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, bound: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % bound
        }
    }

    /// Cases opened over the last 30 days with a few contacts, waits and resolutions each;
    /// about four in five still open, some reopened.
    fn desk() -> Vec<Case> {
        let mut random = Lcg(7);
        (0..CASES)
            .map(|index| {
                let tier = Tier::ALL[random.below(4) as usize];
                let created = now() - TimeDelta::minutes(random.below(30 * 24 * 60) as i64);
                let draft = CaseDraft { title: format!("Case {index}"), tier, ..CaseDraft::default() };
                let mut case = Case::create(CaseId(format!("c{index}")), draft, "Mina", created);
                let mut at = created;
                for _ in 0..random.below(9) {
                    at += TimeDelta::minutes(random.below(6 * 60) as i64 + 1);
                    if at >= now() {
                        break;
                    }
                    match random.below(10) {
                        0..=3 => case.add_note(NoteKind::Contact, "Update", "Mina", at),
                        4 => case.add_note(NoteKind::Internal, "Looked", "Mina", at),
                        5..=6 => case.set_status(Status::WaitingOnCustomer, "Mina", at),
                        7..=8 => case.set_status(Status::InProgress, "Mina", at),
                        _ => case.set_status(Status::Resolved, "Mina", at),
                    };
                }
                case
            })
            .collect()
    }

    fn sla(c: &mut Criterion) {
        let cases = desk();
        let engine = SlaEngine::new(&SlaSettings::default());
        c.bench_function("compute_clocks 10k cases", |b| {
            b.iter(|| cases.iter().map(|case| engine.compute_clocks(black_box(case))).collect::<Vec<_>>())
        });
        let all = cases.iter().map(|case| engine.compute_clocks(case)).collect::<Vec<_>>();
        // The clock a queue row shows: the running or latest one of each case.
        let shown: Vec<&TargetClock> = all
            .iter()
            .filter_map(|clocks| {
                clocks.clocks.iter().find(|clock| clock.is_running()).or(clocks.clocks.last())
            })
            .collect();
        assert_eq!(shown.len(), CASES);
        let mut second = 0;
        c.bench_function("tick + status of 10k clocks", |b| {
            b.iter(|| {
                second += 1;
                let tick = engine.tick(now() + TimeDelta::seconds(second % 3600));
                shown.iter().map(|clock| clock.status(&tick).remaining.num_milliseconds()).sum::<i64>()
            })
        });
        let tick = engine.tick(now());
        c.bench_function("status of 10k clocks, tick ready", |b| {
            b.iter(|| {
                shown
                    .iter()
                    .map(|clock| clock.status(black_box(&tick)).remaining.num_milliseconds())
                    .sum::<i64>()
            })
        });
    }

    /// A case created at `created` and worked on an hour before `now`, as a wrong date in an
    /// imported file leaves it: 9999-12-31 and 0001-01-01 used to walk the calendar through
    /// the millennia in between on every load and tick.
    fn dated(created: Timestamp) -> Case {
        let draft = CaseDraft { title: "Dated".into(), tier: Tier::Standard, ..CaseDraft::default() };
        let mut case = Case::create(CaseId("dated".into()), draft, "Mina", created);
        case.set_status(Status::InProgress, "Mina", now() - TimeDelta::hours(1));
        case.add_note(NoteKind::Contact, "Called back", "Mina", now() - TimeDelta::minutes(30));
        case
    }

    fn far_dates(c: &mut Criterion) {
        let settings = SlaSettings::default();
        let engine = SlaEngine::new(&settings);
        let date = |text: &str| DateTime::parse_from_rfc3339(text).unwrap().to_utc();
        for (name, created) in [
            ("3 hours before now", now() - TimeDelta::hours(3)),
            ("9999-12-31", date("9999-12-31T23:00:00Z")),
            ("0001-01-01", date("0001-01-01T00:00:00Z")),
        ] {
            let case = dated(created);
            c.bench_function(&format!("compute_clocks, case created {name}"), |b| {
                b.iter(|| engine.compute_clocks(black_box(&case)))
            });
            // A fresh engine has no spans remembered: the first tick of a day, or of a load.
            c.bench_function(&format!("clocks + first reading, case created {name}"), |b| {
                b.iter(|| {
                    let engine = SlaEngine::new(&settings);
                    let clocks = engine.compute_clocks(black_box(&case));
                    let tick = engine.tick(now());
                    clocks
                        .clocks
                        .iter()
                        .map(|clock| clock.status(&tick).remaining.num_milliseconds())
                        .sum::<i64>()
                })
            });
            let clocks = engine.compute_clocks(&case);
            let tick = engine.tick(now());
            c.bench_function(&format!("reading its clocks, tick ready, case created {name}"), |b| {
                b.iter(|| {
                    clocks
                        .clocks
                        .iter()
                        .map(|clock| clock.status(black_box(&tick)).used_fraction)
                        .sum::<f64>()
                })
            });
        }
    }

    criterion_group!(benches, sla, far_dates);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
