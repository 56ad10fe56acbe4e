//! Scoring duplicate detection against gold groups, and the plain TF-IDF baseline it is
//! compared with; shared by the quality benchmark and the native tests.

#![allow(dead_code)] // Each user takes the parts it needs.

use std::collections::HashMap;
use triage_desk::domain::grouping::tokenize::is_english_stop_word;

pub struct Item {
    pub id: String,
    pub title: String,
    pub description: String,
}

/// Items and their gold group labels (equal labels are duplicates).
pub struct Dataset {
    pub items: Vec<Item>,
    pub gold: Vec<usize>,
}

#[derive(serde::Deserialize)]
struct Report {
    id: String,
    /// Reports of one problem share a group; a report alone in its group has no duplicate.
    group: String,
    title: String,
    description: String,
}

/// The cross-language support set the engine was tuned on.
pub const CROSS_LANGUAGE: &str = include_str!("../data/cross_language.json");
/// A second one, written after the engine was tuned and never tuned on: other problems and
/// other customers' words.
pub const CROSS_LANGUAGE_CHECK: &str = include_str!("../data/cross_language_check.json");

/// A cross-language support set written for the benchmark: the same problems reported in
/// English, Korean and Traditional Chinese by different customers in their own words.
pub fn read_cross_language(json: &str) -> Dataset {
    let reports: Vec<Report> = serde_json::from_str(json).expect("a cross-language set is valid JSON");
    let mut labels: HashMap<String, usize> = HashMap::new();
    let mut set = Dataset { items: Vec::new(), gold: Vec::new() };
    for report in reports {
        let next = labels.len();
        set.gold.push(*labels.entry(report.group).or_insert(next));
        set.items.push(Item { id: report.id, title: report.title, description: report.description });
    }
    set
}

pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub bcubed_f1: f64,
    pub largest: usize,
}

/// Recall@1/5/10 and mean average precision over the first [`RANKED`] results of a ranking.
pub struct Retrieval {
    pub at_1: f64,
    pub at_5: f64,
    pub at_10: f64,
    pub map: f64,
}

/// How many results per query the retrieval figures read.
pub const RANKED: usize = 10;

/// Whether each item has a gold group-mate.
pub fn in_groups(labels: &[usize]) -> Vec<bool> {
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &label in labels {
        *sizes.entry(label).or_default() += 1;
    }
    labels.iter().map(|label| sizes[label] > 1).collect()
}

/// `ranked[i]` lists item `i`'s results best first (empty for items without a group-mate).
pub fn retrieval(ranked: &[Vec<usize>], gold: &[usize]) -> Retrieval {
    let mut mates: HashMap<usize, usize> = HashMap::new();
    for &label in gold {
        *mates.entry(label).or_default() += 1;
    }
    let queries: Vec<usize> = (0..gold.len()).filter(|&i| mates[&gold[i]] > 1).collect();
    let hit = |i: usize, k: usize| ranked[i].iter().take(k).any(|&j| gold[j] == gold[i]);
    let share = |k: usize| queries.iter().filter(|&&i| hit(i, k)).count() as f64 / queries.len() as f64;
    let average_precision = |i: usize| {
        let (mut found, mut sum) = (0.0, 0.0);
        for (at, &j) in ranked[i].iter().take(RANKED).enumerate() {
            if gold[j] == gold[i] {
                found += 1.0;
                sum += found / (at + 1) as f64;
            }
        }
        sum / (mates[&gold[i]] - 1) as f64
    };
    let map = queries.iter().map(|&i| average_precision(i)).sum::<f64>() / queries.len() as f64;
    Retrieval { at_1: share(1), at_5: share(5), at_10: share(10), map }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Pairwise precision/recall/F1 and B-cubed F1 (over all items, singletons included).
pub fn score(predicted: &[usize], gold: &[usize]) -> Scores {
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

pub struct UnionFind(Vec<usize>);

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.0[a.max(b)] = a.min(b);
    }

    pub fn labels(mut self) -> Vec<usize> {
        (0..self.0.len()).map(|x| self.find(x)).collect()
    }
}

/// Plain TF-IDF as common libraries do it (words of 2+ word characters, lower case, English
/// stop words, sublinear tf, smoothed idf, unit length, title and description as one text)
/// with all-pairs cosine.
pub struct Baseline {
    similarity: Vec<Vec<f32>>,
}

impl Baseline {
    pub fn new<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> Baseline {
        let docs: Vec<HashMap<String, f32>> = texts
            .into_iter()
            .map(|(title, description)| {
                let mut counts: HashMap<String, f32> = HashMap::new();
                let text = format!("{title} {description}").to_lowercase();
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

    pub fn ranked(&self, i: usize, k: usize) -> Vec<usize> {
        let mut others: Vec<usize> = (0..self.similarity.len()).filter(|&j| j != i).collect();
        others.sort_by(|&a, &b| self.similarity[i][b].total_cmp(&self.similarity[i][a]).then(a.cmp(&b)));
        others.truncate(k);
        others
    }

    /// Union-find over every pair at or above `threshold`.
    pub fn single_link(&self, threshold: f32) -> Vec<usize> {
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
