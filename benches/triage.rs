//! Triage at desk scale: text analysis of 50,000 cases (done when cases or rules change) and
//! scoring plus sorting of 50,000 cases with cached signals (done as time passes; the budget
//! in the browser is 30 ms).

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::synthetic::{start, synthetic_cases};
    use chrono::Duration;
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use triage_desk::domain::triage::{
        rank, CompiledRules, ScoreInput, TextSignals, TimePressure, TriageRules,
    };

    const CASES: usize = 50_000;

    fn triage(c: &mut Criterion) {
        let cases = synthetic_cases(CASES);
        let json_chars: usize =
            cases.iter().map(|case| serde_json::to_string(case).unwrap().chars().count()).sum();
        eprintln!(
            "{} synthetic cases, {} chars of JSON each on average",
            cases.len(),
            json_chars / cases.len()
        );
        let rules = TriageRules::default();
        let compiled = CompiledRules::new(&rules);
        let now = start() + Duration::days(6);

        let mut group = c.benchmark_group("triage");
        group.sample_size(10);
        group.bench_function("analyze 50k cases", |b| {
            b.iter(|| {
                cases.iter().map(|case| TextSignals::analyze(case, black_box(&compiled))).collect::<Vec<_>>()
            })
        });
        let signals: Vec<TextSignals> =
            cases.iter().map(|case| TextSignals::analyze(case, &compiled)).collect();
        group.bench_function("score and rank 50k cases", |b| {
            b.iter(|| {
                let inputs = cases.iter().zip(&signals).map(|(case, signals)| ScoreInput {
                    case,
                    signals,
                    pressure: TimePressure::since_created(case, now),
                    group_size: 1,
                });
                rank(inputs, black_box(&rules))
            })
        });
        group.finish();
    }

    criterion_group!(benches, triage);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
