//! The inbox at desk scale: choosing which of 50,000 cases to show as the lead types in the
//! search box or changes a filter (budget in the browser: 100 ms from the last keystroke).

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::synthetic::synthetic_cases;
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use triage_desk::domain::case::Tier;
    use triage_desk::domain::inbox::{InboxQuery, SearchCache, SortOrder};

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

    criterion_group!(benches, inbox);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
