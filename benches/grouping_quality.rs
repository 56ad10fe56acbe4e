//! Duplicate-grouping quality on real labelled bug reports (see the data folder's README):
//! the default engine beside a plain baseline, TF-IDF cosine + single-link union-find at the
//! baseline's best threshold. Run with `cargo bench --bench grouping_quality`.

#[cfg(not(target_arch = "wasm32"))]
mod quality {
    use chrono::{TimeZone, Utc};
    use std::collections::HashMap;
    use std::path::Path;
    use triage_desk::domain::case::{Case, CaseDraft, CaseId};
    use triage_desk::domain::grouping::tokenize::is_english_stop_word;
    use triage_desk::domain::grouping::{GroupingSettings, NotDuplicates, SimilarityIndex, SIMILAR_COUNT};

    const SETS: &[(&str, &str, &str)] = &[
        ("hadoop", "hadoop/hadoop_bugs.csv", "hadoop/hadoop_bugs-combined.csv"),
        ("seamonkey", "seamonkey/SeaMonkey_bugs.csv", "seamonkey/SeaMonkey_bugs-combined.csv"),
    ];
    const SWEEP: &[f32] = &[0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

    struct Scores {
        precision: f64,
        recall: f64,
        f1: f64,
        bcubed_f1: f64,
        largest: usize,
    }

    struct Row {
        method: String,
        threshold: f32,
        scores: Scores,
        recall_at_1: f64,
        recall_at_5: f64,
    }

    pub fn run() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/duplicates");
        if !root.is_dir() {
            println!("grouping_quality: no labelled data at {}; skipped.", root.display());
            return;
        }
        println!(
            "{:<10} {:<28} {:>5} {:>6} {:>6} {:>6} {:>8} {:>7} {:>5} {:>5}",
            "set", "method", "thr", "P", "R", "F1", "B3-F1", "largest", "R@1", "R@5"
        );
        for &(name, bugs, pairs) in SETS {
            match evaluate(&root.join(bugs), &root.join(pairs)) {
                Ok((rows, sweep)) => {
                    for row in rows {
                        println!(
                            "{:<10} {:<28} {:>5.2} {:>6.3} {:>6.3} {:>6.3} {:>8.4} {:>7} {:>5.2} {:>5.2}",
                            name,
                            row.method,
                            row.threshold,
                            row.scores.precision,
                            row.scores.recall,
                            row.scores.f1,
                            row.scores.bcubed_f1,
                            row.scores.largest,
                            row.recall_at_1,
                            row.recall_at_5,
                        );
                    }
                    println!("{:<10} pairwise F1 by threshold (engine / baseline):", "");
                    for (threshold, engine, baseline) in sweep {
                        println!("{:<10}   {threshold:.2}: {engine:.3} / {baseline:.3}", "");
                    }
                }
                Err(error) => println!("{name}: could not read the data ({error}); skipped."),
            }
        }
    }

    /// Threshold, engine pairwise F1, baseline pairwise F1.
    type SweepPoint = (f32, f64, f64);

    struct Item {
        id: String,
        title: String,
        description: String,
    }

    fn read_items(path: &Path) -> Result<Vec<Item>, Box<dyn std::error::Error>> {
        let mut reader = csv::Reader::from_path(path)?;
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
        Ok(items)
    }

    /// Gold group label per item (connected components of the labelled pairs); singletons
    /// get a label of their own.
    fn gold_labels(items: &[Item], path: &Path) -> Result<Vec<usize>, Box<dyn std::error::Error>> {
        let position: HashMap<&str, usize> =
            items.iter().enumerate().map(|(i, item)| (item.id.as_str(), i)).collect();
        let mut links = UnionFind::new(items.len());
        let mut reader = csv::Reader::from_path(path)?;
        for record in reader.records() {
            let record = record?;
            let Some(&from) = record.get(0).and_then(|id| position.get(id.trim())) else { continue };
            for other in record.get(1).unwrap_or_default().split(',') {
                if let Some(&to) = position.get(other.trim()) {
                    links.union(from, to);
                }
            }
        }
        Ok(links.labels())
    }

    fn evaluate(
        bugs: &Path,
        pairs: &Path,
    ) -> Result<(Vec<Row>, Vec<SweepPoint>), Box<dyn std::error::Error>> {
        let items = read_items(bugs)?;
        let gold = gold_labels(&items, pairs)?;
        let in_gold_group = in_groups(&gold);

        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let cases: Vec<Case> = items
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
        let index = SimilarityIndex::from_cases(&cases);
        let position: HashMap<&CaseId, usize> =
            cases.iter().enumerate().map(|(i, case)| (&case.id, i)).collect();
        let engine_labels = |threshold: f32| {
            let settings = GroupingSettings { threshold, ..GroupingSettings::default() };
            let mut labels: Vec<usize> = (0..items.len()).collect();
            for group in index.group(&settings, &NotDuplicates::new()) {
                let first = position[&group.members[0]];
                for member in &group.members {
                    labels[position[member]] = first;
                }
            }
            labels
        };
        let engine_ranked: Vec<Vec<usize>> = cases
            .iter()
            .enumerate()
            .map(|(i, case)| {
                if !in_gold_group[i] {
                    return Vec::new();
                }
                let found = index.similar_to_case(case, SIMILAR_COUNT, &NotDuplicates::new());
                found.iter().map(|similar| position[&similar.id]).collect()
            })
            .collect();
        let (engine_r1, engine_r5) = recall_at(&engine_ranked, &gold, &in_gold_group);
        let default = GroupingSettings::default().threshold;
        let mut rows = vec![Row {
            method: "engine: avg-link, default".into(),
            threshold: default,
            scores: score(&engine_labels(default), &gold),
            recall_at_1: engine_r1,
            recall_at_5: engine_r5,
        }];

        let baseline = Baseline::new(&items);
        let baseline_ranked: Vec<Vec<usize>> = (0..items.len())
            .map(|i| if in_gold_group[i] { baseline.ranked(i, SIMILAR_COUNT) } else { Vec::new() })
            .collect();
        let (baseline_r1, baseline_r5) = recall_at(&baseline_ranked, &gold, &in_gold_group);
        let mut sweep = Vec::new();
        let mut best: Option<(f32, Scores)> = None;
        for &threshold in SWEEP {
            let scores = score(&baseline.single_link(threshold), &gold);
            sweep.push((threshold, score(&engine_labels(threshold), &gold).f1, scores.f1));
            if best.as_ref().is_none_or(|(_, best)| scores.f1 > best.f1) {
                best = Some((threshold, scores));
            }
        }
        let (threshold, scores) = best.expect("a sweep has thresholds");
        rows.push(Row {
            method: "baseline: single-link, best".into(),
            threshold,
            scores,
            recall_at_1: baseline_r1,
            recall_at_5: baseline_r5,
        });
        Ok((rows, sweep))
    }

    fn in_groups(labels: &[usize]) -> Vec<bool> {
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for &label in labels {
            *sizes.entry(label).or_default() += 1;
        }
        labels.iter().map(|label| sizes[label] > 1).collect()
    }

    /// Share of items in a gold group with a group-mate among their first 1 and 5 results.
    fn recall_at(ranked: &[Vec<usize>], gold: &[usize], in_gold_group: &[bool]) -> (f64, f64) {
        let queries: Vec<usize> = (0..gold.len()).filter(|&i| in_gold_group[i]).collect();
        let hit = |i: usize, k: usize| ranked[i].iter().take(k).any(|&j| gold[j] == gold[i]);
        let share = |k: usize| queries.iter().filter(|&&i| hit(i, k)).count() as f64 / queries.len() as f64;
        (share(1), share(5))
    }

    fn f1(precision: f64, recall: f64) -> f64 {
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    /// Pairwise precision/recall/F1 and B-cubed F1 (over all items, singletons included).
    fn score(predicted: &[usize], gold: &[usize]) -> Scores {
        let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
        let mut predicted_sizes: HashMap<usize, usize> = HashMap::new();
        let mut gold_sizes: HashMap<usize, usize> = HashMap::new();
        for (&p, &g) in predicted.iter().zip(gold) {
            *cells.entry((p, g)).or_default() += 1;
            *predicted_sizes.entry(p).or_default() += 1;
            *gold_sizes.entry(g).or_default() += 1;
        }
        let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
        let true_pairs: f64 = cells.values().map(|&n| pairs(n)).sum();
        let predicted_pairs: f64 = predicted_sizes.values().map(|&n| pairs(n)).sum();
        let gold_pairs: f64 = gold_sizes.values().map(|&n| pairs(n)).sum();
        let precision = if predicted_pairs > 0.0 { true_pairs / predicted_pairs } else { 0.0 };
        let recall = true_pairs / gold_pairs;
        let (mut b_precision, mut b_recall) = (0.0, 0.0);
        for ((p, g), &n) in &cells {
            b_precision += (n * n) as f64 / predicted_sizes[p] as f64;
            b_recall += (n * n) as f64 / gold_sizes[g] as f64;
        }
        let items = predicted.len() as f64;
        Scores {
            precision,
            recall,
            f1: f1(precision, recall),
            bcubed_f1: f1(b_precision / items, b_recall / items),
            largest: predicted_sizes.values().copied().max().unwrap_or(0),
        }
    }

    struct UnionFind(Vec<usize>);

    impl UnionFind {
        fn new(n: usize) -> UnionFind {
            UnionFind((0..n).collect())
        }

        fn find(&mut self, mut x: usize) -> usize {
            while self.0[x] != x {
                self.0[x] = self.0[self.0[x]];
                x = self.0[x];
            }
            x
        }

        fn union(&mut self, a: usize, b: usize) {
            let (a, b) = (self.find(a), self.find(b));
            self.0[a.max(b)] = a.min(b);
        }

        fn labels(mut self) -> Vec<usize> {
            (0..self.0.len()).map(|x| self.find(x)).collect()
        }
    }

    /// Plain TF-IDF as common libraries do it (words of 2+ word characters, lower case,
    /// English stop words, sublinear tf, smoothed idf, unit length) with all-pairs cosine.
    struct Baseline {
        similarity: Vec<Vec<f32>>,
    }

    impl Baseline {
        fn new(items: &[Item]) -> Baseline {
            let docs: Vec<HashMap<String, f32>> = items
                .iter()
                .map(|item| {
                    let mut counts: HashMap<String, f32> = HashMap::new();
                    let text = format!("{} {}", item.title, item.description).to_lowercase();
                    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                        if word.chars().count() >= 2 && !is_english_stop_word(word) {
                            *counts.entry(word.to_string()).or_default() += 1.0;
                        }
                    }
                    counts
                })
                .collect();
            let mut df: HashMap<&str, usize> = HashMap::new();
            for doc in &docs {
                for word in doc.keys() {
                    *df.entry(word).or_default() += 1;
                }
            }
            let n = docs.len() as f32;
            let mut ids: HashMap<&str, usize> = HashMap::new();
            let mut postings: Vec<Vec<(usize, f32)>> = Vec::new();
            for (i, doc) in docs.iter().enumerate() {
                let mut vector: Vec<(&str, f32)> = doc
                    .iter()
                    .map(|(word, &count)| {
                        let idf = ((1.0 + n) / (1.0 + df[word.as_str()] as f32)).ln() + 1.0;
                        (word.as_str(), (1.0 + count.ln()) * idf)
                    })
                    .collect();
                // Hash maps iterate in a random order; sorting keeps sums, and so ties, repeatable.
                vector.sort_by(|a, b| a.0.cmp(b.0));
                let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                for (word, weight) in &mut vector {
                    let next = ids.len();
                    let id = *ids.entry(word).or_insert(next);
                    if id == postings.len() {
                        postings.push(Vec::new());
                    }
                    postings[id].push((i, *weight / norm));
                }
            }
            let mut similarity = vec![vec![0.0f32; docs.len()]; docs.len()];
            for list in &postings {
                for &(a, wa) in list {
                    for &(b, wb) in list {
                        if a != b {
                            similarity[a][b] += wa * wb;
                        }
                    }
                }
            }
            Baseline { similarity }
        }

        fn ranked(&self, i: usize, k: usize) -> Vec<usize> {
            let mut others: Vec<usize> = (0..self.similarity.len()).filter(|&j| j != i).collect();
            others.sort_by(|&a, &b| self.similarity[i][b].total_cmp(&self.similarity[i][a]).then(a.cmp(&b)));
            others.truncate(k);
            others
        }

        fn single_link(&self, threshold: f32) -> Vec<usize> {
            let mut links = UnionFind::new(self.similarity.len());
            for (a, row) in self.similarity.iter().enumerate() {
                for (b, &similarity) in row.iter().enumerate().skip(a + 1) {
                    if similarity >= threshold {
                        links.union(a, b);
                    }
                }
            }
            links.labels()
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    quality::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
