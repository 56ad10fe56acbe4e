//! In-browser timings of the engines on the release build, in headless Chromium:
//! `./scripts/bench.sh` runs it. It prints figures and asserts nothing about time; the
//! budgets live in the closing notes and the README, not in a pass/fail test.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use chrono::Duration;
use synthetic::{start, synthetic_cases};
use triage_desk::domain::case::Tier;
use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};
use triage_desk::domain::inbox::{InboxQuery, SearchCache, SortOrder};
use triage_desk::domain::sla::{SlaEngine, SlaSettings};
use triage_desk::domain::triage::{rank, ScoreInput, SignalCache, TimePressure, TriageRules};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 5;

fn millis() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Median of `RUNS` timings of `work`, in milliseconds.
fn median_ms<T>(mut work: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let began = millis();
            std::hint::black_box(work());
            millis() - began
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

#[wasm_bindgen_test]
fn triage_score_and_sort() {
    let cases = synthetic_cases(50_000);
    let rules = TriageRules::default();
    let now = start() + Duration::days(6);
    let analyse = median_ms(|| SignalCache::new(&rules).refresh(&cases, &rules));
    let signals = SignalCache::new(&rules).refresh(&cases, &rules);
    let ranking = median_ms(|| {
        let inputs = cases.iter().zip(&signals).map(|(case, signals)| ScoreInput {
            case,
            signals,
            pressure: TimePressure::since_created(case, now),
            group_size: 1,
        });
        rank(inputs, &rules)
    });
    console_log!("triage, 50,000 cases: analyse text {analyse:.1} ms (once per change); score and sort {ranking:.1} ms");
}

#[wasm_bindgen_test]
fn sla_clocks_and_tick() {
    let cases = synthetic_cases(10_000);
    let engine = SlaEngine::new(&SlaSettings::default());
    let compute = median_ms(|| cases.iter().map(|case| engine.compute_clocks(case)).collect::<Vec<_>>());
    let clocks: Vec<_> = cases.iter().map(|case| engine.compute_clocks(case)).collect();
    let now = start() + Duration::days(6);
    let tick = median_ms(|| {
        let tick = engine.tick(now);
        clocks.iter().flat_map(|c| c.clocks.iter().map(|t| t.status(&tick).used_fraction)).sum::<f64>()
    });
    console_log!(
        "SLA, 10,000 open cases: compute clocks {compute:.1} ms (once per change); one tick {tick:.2} ms"
    );
}

#[wasm_bindgen_test]
fn grouping_and_similar_cases() {
    for count in [10_000, 50_000] {
        let cases = synthetic_cases(count);
        let settings = GroupingSettings::default();
        let none = NotDuplicates::new();
        let build = median_ms(|| SimilarityIndex::from_cases(&cases));
        let index = SimilarityIndex::from_cases(&cases);
        let group = median_ms(|| index.group(&settings, &none));
        let largest = index.group(&settings, &none).iter().map(|g| g.size()).max().unwrap_or(0);
        console_log!("grouping, {count} cases: build index {build:.0} ms, group {group:.0} ms, largest group {largest}");
        if count == 10_000 {
            let similar = median_ms(|| {
                index.similar_to_text("Checkout payment fails", "card declined at checkout", SIMILAR_COUNT)
            });
            console_log!("similar cases for one new case at {count}: {similar:.2} ms");
        }
    }
}

#[wasm_bindgen_test]
fn inbox_filter_and_search() {
    let cases = synthetic_cases(50_000);
    let query = |text: &str| InboxQuery { text: text.into(), ..InboxQuery::default() };
    let fill = median_ms(|| SearchCache::default().refresh(&cases));
    let texts = SearchCache::default().refresh(&cases);
    let order = query("").order(&cases, &[]);
    let filter = |query: &InboxQuery| median_ms(|| query.filter(&cases, &texts, &[], order.iter().copied()));
    let plain = filter(&query(""));
    let tier = filter(&InboxQuery { tier: Some(Tier::Enterprise), ..InboxQuery::default() });
    let words: Vec<String> = ["c", "checkout", "결제", "no such words"]
        .iter()
        .map(|text| format!("{text:?} {:.1} ms", filter(&query(text))))
        .collect();
    let before = query("che").filter(&cases, &texts, &[], order.iter().copied());
    let typing_on = median_ms(|| query("chec").filter(&cases, &texts, &[], before.iter().copied()));
    let newest =
        median_ms(|| InboxQuery { sort: SortOrder::Newest, ..InboxQuery::default() }.order(&cases, &[]));
    console_log!(
        "inbox, 50,000 cases: search text first made {fill:.0} ms (then per changed case); filter {plain:.1} ms, by tier {tier:.1} ms; search {}; typing on (\"che\" to \"chec\") {typing_on:.1} ms; order newest first {newest:.1} ms",
        words.join(", ")
    );
}
