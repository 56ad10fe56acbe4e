//! The inbox and the dashboard at desk scale: choosing which of 50,000 cases to show as the
//! lead types in the search box or changes a filter (budget in the browser: 100 ms from the
//! last keystroke), and the dashboard's figures of 50,000 cases (budget in the browser: 200 ms).

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::synthetic::{start, synthetic_cases};
    use chrono::TimeDelta;
    use criterion::{criterion_group, Criterion};
    use std::collections::HashMap;
    use std::hint::black_box;
    use triage_desk::domain::case::{Case, CaseId, NoteKind, Status, Tier};
    use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex};
    use triage_desk::domain::inbox::{InboxQuery, SearchCache, SortOrder};
    use triage_desk::domain::kpi::{Filters, Life, Pass, Period, Preset};
    use triage_desk::domain::sla::{CaseClocks, SlaEngine, SlaSettings};
    use triage_desk::zone::Zone;

    const CASES: usize = 50_000;

    fn inbox(c: &mut Criterion) {
        let cases = synthetic_cases(CASES);
        let texts = SearchCache::default().refresh(&cases, 0);
        let query = |text: &str| InboxQuery { text: text.into(), ..InboxQuery::default() };
        let mut group = c.benchmark_group("inbox");
        group.sample_size(10);
        group.bench_function("select 50k, no search", |b| b.iter(|| black_box(query("")).select(&cases)));
        group.bench_function("select 50k, search without the cache", |b| {
            b.iter(|| black_box(query("checkout")).select(&cases))
        });
        group.bench_function("search text cache, first fill of 50k", |b| {
            b.iter(|| SearchCache::default().refresh(black_box(&cases), 0))
        });
        let order = query("").order(&cases, &[]);
        for text in ["c", "checkout", "결제", "no such words"] {
            group.bench_function(format!("filter 50k, cached text, search {text:?}"), |b| {
                b.iter(|| black_box(query(text)).filter(&cases, &texts, &[], order.iter().copied()))
            });
        }
        let tier = InboxQuery { tier: Some(Tier::Enterprise), ..InboxQuery::default() };
        group.bench_function("filter 50k by tier", |b| {
            b.iter(|| black_box(&tier).filter(&cases, &texts, &[], order.iter().copied()))
        });
        let newest = InboxQuery { sort: SortOrder::Newest, ..InboxQuery::default() };
        group.bench_function("order 50k newest first", |b| b.iter(|| black_box(&newest).order(&cases, &[])));
        group.finish();
    }

    /// The synthetic cases given a month of history after they were opened: contacts, waits
    /// on the customer and on engineering, resolutions and reopens, about a third left open.
    fn with_histories(mut cases: Vec<Case>) -> Vec<Case> {
        for (i, case) in cases.iter_mut().enumerate() {
            let step = |n: i64| case.created_at + TimeDelta::minutes(n * (37 + (i % 500) as i64 * 11));
            let (a, b, c, d, e) = (step(1), step(2), step(3), step(4), step(5));
            match i % 6 {
                0 | 1 => {}
                2 => {
                    case.add_note(NoteKind::Contact, "Asked for logs", "Mina", a);
                    case.set_status(Status::WaitingOnCustomer, "Mina", a);
                    case.set_status(Status::InProgress, "Mina", b);
                    case.set_status(Status::Resolved, "Mina", c);
                }
                3 => {
                    case.add_note(NoteKind::Contact, "Looking", "Mina", a);
                    case.set_status(Status::WaitingOnEngineering, "Mina", b);
                    case.set_status(Status::Resolved, "Mina", d);
                }
                4 => {
                    case.add_note(NoteKind::Contact, "Fixed", "Mina", a);
                    case.set_status(Status::Resolved, "Mina", a);
                    case.set_status(Status::InProgress, "Mina", c);
                    case.add_note(NoteKind::Contact, "Back again", "Mina", d);
                    case.set_status(Status::Resolved, "Mina", e);
                }
                _ => {
                    case.set_status(Status::WaitingOnEngineering, "Mina", b);
                }
            }
        }
        cases
    }

    /// The dashboard's figures of 50,000 cases for a month and a quarter: the cases as the
    /// browser benchmark imports them (all open, opened in the first days of November), and
    /// with histories; each case's life read once, then the pass over all of them.
    fn kpi(c: &mut Criterion) {
        let now = start() + TimeDelta::days(34) + TimeDelta::hours(12);
        let zone = Zone::parse("Asia/Taipei").expect("a zone");
        let engine = SlaEngine::new(&SlaSettings::default());
        let mut group = c.benchmark_group("kpi");
        group.sample_size(10);
        let opened = synthetic_cases(CASES);
        let groups =
            SimilarityIndex::from_cases(&opened).group(&GroupingSettings::default(), &NotDuplicates::new());
        for (desk, cases) in [("as imported", opened.clone()), ("with histories", with_histories(opened))] {
            let lives: Vec<Life> = cases.iter().map(Life::of).collect();
            let clocks: Vec<CaseClocks> = cases.iter().map(|case| engine.compute_clocks(case)).collect();
            let places: HashMap<&CaseId, usize> = cases.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
            let find = |id: &CaseId| places.get(id).map(|&i| &cases[i]);
            group.bench_function(format!("lives of 50k, {desk}"), |b| {
                b.iter(|| black_box(&cases).iter().map(Life::of).collect::<Vec<_>>())
            });
            for preset in [Preset::Last30Days, Preset::ThisQuarter] {
                let period = Period::preset(preset, now, &zone);
                group.bench_function(format!("figures of 50k, {desk}, {}", preset.key()), |b| {
                    b.iter(|| {
                        let mut pass = Pass::new(period, Filters::default(), zone.clone(), now);
                        pass.add(black_box(&cases), &lives, &clocks);
                        pass.finish(&cases, &[], &groups, &[], find)
                    })
                });
            }
        }
        group.finish();
    }

    criterion_group!(benches, inbox, kpi);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
