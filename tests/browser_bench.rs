//! In-browser timings of the engines on the release build, in headless Chromium:
//! `./scripts/bench.sh` runs it. It prints figures and asserts nothing about time; the
//! budgets live in docs/benchmarks.md, not in a pass/fail test.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use chrono::Duration;
use std::sync::Arc;
use synthetic::{start, synthetic_cases};
use triage_desk::domain::case::{Case, Tier, Timestamp};
use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};
use triage_desk::domain::inbox::{InboxQuery, SearchCache, SortOrder};
use triage_desk::domain::sla::{SlaEngine, SlaSettings};
use triage_desk::domain::triage::{
    rank, Ranked, ScoreInput, SignalCache, TextSignals, TimePressure, TriageRules,
};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 5;

fn millis() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Lets the browser run its own tasks: the test driver gives up on a page that stays busy
/// for 30 seconds, which the 50,000-case runs together would.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        window.set_timeout_with_callback(&resolve).expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("setTimeout resolves");
}

/// Median of `RUNS` timings of `work`, in milliseconds.
async fn median_ms<T>(mut work: impl FnMut() -> T) -> f64 {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        next_task().await;
        let began = millis();
        std::hint::black_box(work());
        times.push(millis() - began);
    }
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

/// Scores and sorts every case, as the inbox's score order does.
fn rank_all(
    cases: &[Case],
    signals: &[Arc<TextSignals>],
    rules: &TriageRules,
    now: Timestamp,
) -> Vec<Ranked> {
    let inputs = cases.iter().zip(signals).map(|(case, signals)| ScoreInput {
        case,
        signals,
        pressure: TimePressure::since_created(case, now),
        group_size: 1,
    });
    rank(inputs, rules)
}

#[wasm_bindgen_test]
async fn triage_score_and_sort() {
    let cases = synthetic_cases(50_000);
    let rules = TriageRules::default();
    let now = start() + Duration::days(6);
    let analyse = median_ms(|| SignalCache::new(&rules).refresh(&cases, 0, &rules)).await;
    let signals = SignalCache::new(&rules).refresh(&cases, 0, &rules);
    let ranking = median_ms(|| rank_all(&cases, &signals, &rules, now)).await;
    console_log!("triage, 50,000 cases: analyse text {analyse:.1} ms (once per change); score and sort {ranking:.1} ms");
}

#[wasm_bindgen_test]
async fn sla_clocks_and_tick() {
    let cases = synthetic_cases(10_000);
    let engine = SlaEngine::new(&SlaSettings::default());
    let compute =
        median_ms(|| cases.iter().map(|case| engine.compute_clocks(case)).collect::<Vec<_>>()).await;
    let clocks: Vec<_> = cases.iter().map(|case| engine.compute_clocks(case)).collect();
    let now = start() + Duration::days(6);
    let tick = median_ms(|| {
        let tick = engine.tick(now);
        clocks.iter().flat_map(|c| c.clocks.iter().map(|t| t.status(&tick).used_fraction)).sum::<f64>()
    })
    .await;
    console_log!(
        "SLA, 10,000 open cases: compute clocks {compute:.1} ms (once per change); one tick {tick:.2} ms"
    );
}

#[wasm_bindgen_test]
async fn grouping_and_similar_cases() {
    for count in [10_000, 50_000] {
        let cases = synthetic_cases(count);
        let settings = GroupingSettings::default();
        let none = NotDuplicates::new();
        let build = median_ms(|| SimilarityIndex::from_cases(&cases)).await;
        let index = SimilarityIndex::from_cases(&cases);
        let group = median_ms(|| index.group(&settings, &none)).await;
        let largest = index.group(&settings, &none).iter().map(|g| g.size()).max().unwrap_or(0);
        console_log!("grouping, {count} cases: build index {build:.0} ms, group {group:.0} ms, largest group {largest}");
        if count == 10_000 {
            let similar = median_ms(|| {
                index.similar_to_text("Checkout payment fails", "card declined at checkout", SIMILAR_COUNT)
            })
            .await;
            console_log!("similar cases for one new case at {count}: {similar:.2} ms");
        }
    }
}

/// The engines behind the inbox at the scale benchmark's sizes (`scripts/bench-scale.sh`).
#[wasm_bindgen_test]
async fn engines_at_scale() {
    let rules = TriageRules::default();
    let settings = GroupingSettings::default();
    let none = NotDuplicates::new();
    for count in [1_000, 10_000, 50_000] {
        let cases = synthetic_cases(count);
        let now = start() + Duration::days(6);
        let signals = SignalCache::new(&rules).refresh(&cases, 0, &rules);
        let ranking = median_ms(|| rank_all(&cases, &signals, &rules, now)).await;
        let group = median_ms(|| SimilarityIndex::from_cases(&cases).group(&settings, &none)).await;
        console_log!("{count} cases: score and sort {ranking:.1} ms; index and group {group:.0} ms");
    }
}

#[wasm_bindgen_test]
async fn inbox_filter_and_search() {
    let cases = synthetic_cases(50_000);
    let query = |text: &str| InboxQuery { text: text.into(), ..InboxQuery::default() };
    let fill = median_ms(|| SearchCache::default().refresh(&cases, 0)).await;
    let texts = SearchCache::default().refresh(&cases, 0);
    let order = query("").order(&cases, &[]);
    let filter = |query: InboxQuery| {
        let (cases, texts, order) = (&cases, &texts, &order);
        async move { median_ms(|| query.filter(cases, texts, &[], order.iter().copied())).await }
    };
    let plain = filter(query("")).await;
    let tier = filter(InboxQuery { tier: Some(Tier::Enterprise), ..InboxQuery::default() }).await;
    let mut words = Vec::new();
    for text in ["c", "checkout", "결제", "no such words"] {
        words.push(format!("{text:?} {:.1} ms", filter(query(text)).await));
    }
    let before = query("che").filter(&cases, &texts, &[], order.iter().copied());
    let typing_on = median_ms(|| query("chec").filter(&cases, &texts, &[], before.iter().copied())).await;
    let newest =
        median_ms(|| InboxQuery { sort: SortOrder::Newest, ..InboxQuery::default() }.order(&cases, &[]))
            .await;
    console_log!(
        "inbox, 50,000 cases: search text first made {fill:.0} ms (then per changed case); filter {plain:.1} ms, by tier {tier:.1} ms; search {}; typing on (\"che\" to \"chec\") {typing_on:.1} ms; order newest first {newest:.1} ms",
        words.join(", ")
    );
}
