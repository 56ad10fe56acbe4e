//! Duplicate-detection quality: the engine at its default settings beside a plain TF-IDF
//! cosine baseline computed in the same run, on real labelled bug reports (see the data
//! folder's README) and on a cross-language support set written for this benchmark
//! (benches/data/cross_language.json). Run with `cargo bench --bench grouping_quality`.
//!
//! The real sets are split in two by id: a gold group (or a lone report) belongs to the
//! tuning half when its smallest id is even, to the checking half when it is odd, so no
//! group is cut in two. Engine constants are chosen on tuning halves only; the checking
//! halves say whether they hold. Each half is indexed as a desk of its own. The baseline's
//! grouping threshold is likewise the best of a sweep on the tuning half, used as it is on
//! the checking half (its best on the checking half itself is shown too, as a ceiling).
//! The cross-language sets are paired the same way: `cross_language.json` tunes,
//! `cross_language_check.json` (written later, never tuned on) checks.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/scoring.rs"]
mod scoring;

#[cfg(not(target_arch = "wasm32"))]
mod quality {
    use super::scoring::{
        in_groups, read_cross_language, retrieval, score, Baseline, Dataset, Item, Retrieval, Scores,
        UnionFind, CROSS_LANGUAGE, CROSS_LANGUAGE_CHECK, RANKED,
    };
    use chrono::{TimeZone, Utc};
    use std::collections::HashMap;
    use std::path::Path;
    use triage_desk::domain::case::{Case, CaseDraft, CaseId};
    use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex};

    const SETS: &[(&str, &str, &str)] = &[
        ("hadoop", "hadoop/hadoop_bugs.csv", "hadoop/hadoop_bugs-combined.csv"),
        ("seamonkey", "seamonkey/SeaMonkey_bugs.csv", "seamonkey/SeaMonkey_bugs-combined.csv"),
    ];
    /// Thresholds tried for the baseline's single-link grouping; its best is reported.
    const SWEEP: &[f32] = &[0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
    /// Slider positions shown for the engine, to see that the slider still works.
    const SLIDER: &[f32] = &[0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    pub fn run() {
        println!(
            "{:<10} {:<8} {:<9} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>6} {:>6} {:>6} {:>6} {:>7}",
            "set", "half", "method", "R@1", "R@5", "R@10", "MAP", "thr", "P", "R", "F1", "B3-F1", "largest"
        );
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/duplicates");
        for &(name, bugs, pairs) in SETS {
            match read_set(&root.join(bugs), &root.join(pairs)) {
                Ok(set) => {
                    let (tuning, checking) = halves(set);
                    let tuned = evaluate(name, "tuning", &tuning, None);
                    evaluate(name, "checking", &checking, Some(tuned));
                }
                Err(error) => println!("{name}: could not read the data ({error}); skipped."),
            }
        }
        let tuned = evaluate("cross-lang", "tuning", &read_cross_language(CROSS_LANGUAGE), None);
        evaluate("cross-lang", "checking", &read_cross_language(CROSS_LANGUAGE_CHECK), Some(tuned));
    }

    fn read_set(bugs: &Path, pairs: &Path) -> Result<Dataset, Box<dyn std::error::Error>> {
        let mut reader = csv::Reader::from_path(bugs)?;
        let headers = reader.headers()?.clone();
        let column =
            |name: &str| headers.iter().position(|h| h.trim() == name).ok_or(format!("no {name} column"));
        let (summary, id, description) = (column("Summary")?, column("Issue id")?, column("Description")?);
        let mut items = Vec::new();
        for record in reader.records() {
            let record = record?;
            let field = |at: usize| record.get(at).unwrap_or_default().to_string();
            items.push(Item {
                id: field(id).trim().to_string(),
                title: field(summary),
                description: field(description),
            });
        }
        // Gold groups are the connected components of the labelled pairs.
        let position: HashMap<&str, usize> =
            items.iter().enumerate().map(|(i, item)| (item.id.as_str(), i)).collect();
        let mut links = UnionFind::new(items.len());
        let mut reader = csv::Reader::from_path(pairs)?;
        for record in reader.records() {
            let record = record?;
            let Some(&from) = record.get(0).and_then(|id| position.get(id.trim())) else { continue };
            for other in record.get(1).unwrap_or_default().split(',') {
                if let Some(&to) = position.get(other.trim()) {
                    links.union(from, to);
                }
            }
        }
        let gold = links.labels();
        Ok(Dataset { items, gold })
    }

    /// The tuning half (groups whose smallest id is even) and the checking half.
    fn halves(set: Dataset) -> (Dataset, Dataset) {
        let number = |item: &Item| item.id.parse::<u64>().unwrap_or(0);
        let mut smallest: HashMap<usize, u64> = HashMap::new();
        for (item, &label) in set.items.iter().zip(&set.gold) {
            let id = number(item);
            smallest.entry(label).and_modify(|known| *known = (*known).min(id)).or_insert(id);
        }
        let (mut tuning, mut checking) = (
            Dataset { items: Vec::new(), gold: Vec::new() },
            Dataset { items: Vec::new(), gold: Vec::new() },
        );
        for (item, label) in set.items.into_iter().zip(set.gold) {
            let half = if smallest[&label].is_multiple_of(2) { &mut tuning } else { &mut checking };
            half.items.push(item);
            half.gold.push(label);
        }
        (tuning, checking)
    }

    fn print_row(name: &str, half: &str, method: &str, found: &Retrieval, threshold: f32, scores: &Scores) {
        println!(
            "{:<10} {:<8} {:<9} {:>5.3} {:>5.3} {:>5.3} {:>5.3} | {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>7}",
            name,
            half,
            method,
            found.at_1,
            found.at_5,
            found.at_10,
            found.map,
            if threshold.is_nan() { "dflt".to_string() } else { format!("{threshold:.2}") },
            scores.precision,
            scores.recall,
            scores.f1,
            scores.bcubed_f1,
            scores.largest,
        );
    }

    /// Prints the engine's and the baseline's figures; returns the baseline's best grouping
    /// threshold, used as it is on the checking half when `tuned` gives it.
    fn evaluate(name: &str, half: &str, set: &Dataset, tuned: Option<f32>) -> f32 {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let cases: Vec<Case> = set
            .items
            .iter()
            .map(|item| {
                let draft = CaseDraft {
                    title: item.title.clone(),
                    description: item.description.clone(),
                    ..CaseDraft::default()
                };
                Case::create(CaseId(item.id.clone()), draft, "bench", now)
            })
            .collect();
        let queries = in_groups(&set.gold);
        let index = SimilarityIndex::from_cases(&cases);
        let position: HashMap<&CaseId, usize> =
            cases.iter().enumerate().map(|(i, case)| (&case.id, i)).collect();
        let engine_labels = |settings: &GroupingSettings| {
            let mut labels: Vec<usize> = (0..cases.len()).collect();
            for group in index.group(settings, &NotDuplicates::new()) {
                let first = position[&group.members[0]];
                for member in &group.members {
                    labels[position[member]] = first;
                }
            }
            labels
        };
        let engine_ranked: Vec<Vec<usize>> = cases
            .iter()
            .zip(&queries)
            .map(|(case, &query)| {
                if !query {
                    return Vec::new();
                }
                let found = index.similar_to_case(case, RANKED, &NotDuplicates::new());
                found.iter().map(|similar| position[&similar.id]).collect()
            })
            .collect();
        let default = GroupingSettings::default();
        print_row(
            name,
            half,
            "engine",
            &retrieval(&engine_ranked, &set.gold),
            f32::NAN,
            &score(&engine_labels(&default), &set.gold),
        );

        let baseline = Baseline::new(set.items.iter().map(|item| (&item.title[..], &item.description[..])));
        let baseline_ranked: Vec<Vec<usize>> = (0..cases.len())
            .map(|i| if queries[i] { baseline.ranked(i, RANKED) } else { Vec::new() })
            .collect();
        let sweep: Vec<(f32, Scores)> = SWEEP
            .iter()
            .map(|&threshold| (threshold, score(&baseline.single_link(threshold), &set.gold)))
            .collect();
        let best = sweep
            .iter()
            .fold(None, |best: Option<&(f32, Scores)>, found| match best {
                Some(best) if best.1.f1 >= found.1.f1 => Some(best),
                _ => Some(found),
            })
            .expect("a sweep has thresholds");
        let threshold = tuned.unwrap_or(best.0);
        let scores = score(&baseline.single_link(threshold), &set.gold);
        let baseline_found = retrieval(&baseline_ranked, &set.gold);
        print_row(name, half, "tf-idf", &baseline_found, threshold, &scores);
        let engine_scores = score(&engine_labels(&default), &set.gold);
        let engine_found = retrieval(&engine_ranked, &set.gold);
        let ratio = |base: f64| {
            if base > 0.0 {
                format!("x{:.2}", engine_scores.f1 / base)
            } else {
                "x-".to_string()
            }
        };
        if tuned.is_some() {
            println!(
                "{:<19} tf-idf at its best threshold for this half itself ({:.2}): F1 {:.3}, largest {}; engine {}",
                "",
                best.0,
                best.1.f1,
                best.1.largest,
                ratio(best.1.f1)
            );
        }
        println!(
            "{:<19} goals: R@5 {:+.3} (>= +0.05 {}), F1 {} (>= x1.3 {}), largest {} vs {} ({}; gold's {})",
            "",
            engine_found.at_5 - baseline_found.at_5,
            verdict(engine_found.at_5 >= baseline_found.at_5 + 0.05),
            ratio(scores.f1),
            verdict(engine_scores.f1 >= 1.3 * scores.f1),
            engine_scores.largest,
            scores.largest,
            verdict(engine_scores.largest <= scores.largest),
            score(&set.gold, &set.gold).largest,
        );
        let slider: Vec<String> = SLIDER
            .iter()
            .map(|&threshold| {
                let scores =
                    score(&engine_labels(&GroupingSettings { threshold, ..default.clone() }), &set.gold);
                format!("{threshold:.1}: {:.3}/{}", scores.f1, scores.largest)
            })
            .collect();
        println!("{:<19} engine F1/largest by slider: {}", "", slider.join("  "));
        threshold
    }

    fn verdict(met: bool) -> &'static str {
        if met {
            "met"
        } else {
            "MISSED"
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    quality::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
