//! Speed of duplicate grouping on synthetic support cases in English, Korean and Chinese with
//! planted near-duplicates. Run with
//! `cargo bench --bench grouping -- --warm-up-time 1 --measurement-time 3`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod speed {
    use super::synthetic::synthetic_cases;
    use criterion::{criterion_group, BatchSize, Criterion};
    use std::hint::black_box;
    use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};

    fn grouping(c: &mut Criterion) {
        let settings = GroupingSettings::default();
        let none = NotDuplicates::new();
        for count in [10_000, 50_000] {
            let cases = synthetic_cases(count);
            let index = SimilarityIndex::from_cases(&cases);
            let groups = index.group(&settings, &none);
            println!(
                "{count} cases: {} groups, largest {}, {} cases grouped",
                groups.len(),
                groups.first().map_or(0, |group| group.size()),
                groups.iter().map(|group| group.size()).sum::<usize>()
            );
            let mut bench = c.benchmark_group(format!("grouping_{count}"));
            bench.sample_size(10);
            bench
                .bench_function("build_index", |b| b.iter(|| SimilarityIndex::from_cases(black_box(&cases))));
            bench.bench_function("group", |b| b.iter(|| index.group(black_box(&settings), &none)));
            bench.bench_function("build_and_group", |b| {
                b.iter(|| SimilarityIndex::from_cases(black_box(&cases)).group(&settings, &none))
            });
            bench.finish();
        }
    }

    fn one_case(c: &mut Criterion) {
        // The case after the first 10,000: like a new case typed at a desk of 10,000.
        let mut cases = synthetic_cases(10_001);
        let typed = cases.pop().expect("10,001 cases");
        let index = SimilarityIndex::from_cases(&cases);
        let mut bench = c.benchmark_group("one_case_10000");
        bench.bench_function("similar_top5_typed", |b| {
            b.iter(|| index.similar_to_text(black_box(&typed.title), &typed.description, SIMILAR_COUNT))
        });
        bench.bench_function("upsert_edit", |b| {
            b.iter_batched_ref(
                || index.clone(),
                |index| index.upsert(&cases[17].id, black_box(&typed.title), &typed.description),
                BatchSize::LargeInput,
            )
        });
        bench.finish();
    }

    criterion_group!(benches, grouping, one_case);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(speed::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
