//! Grouping: candidate pairs from the index, then merges that keep every group coherent.
//!
//! Single-link grouping (union-find over all similar pairs) chains unrelated cases together
//! through intermediaries. Here two groups merge only if their *average* pairwise similarity
//! reaches the threshold (average linkage), tried in order of the most similar pair first.
//! With unit vectors the average over all cross pairs is the dot product of the two groups'
//! summed vectors divided by the sizes, so pairs the candidate search skipped still count.

use super::index::{best, shared, Accumulator, Entry, FastMap, QueryTerm, SimilarityIndex};
use super::{Group, GroupingSettings, NotDuplicates};

/// Postings read per case when looking for its neighbours; see `index::SIMILAR_BUDGET`.
const GROUP_BUDGET: usize = 1_000;
/// Nearest candidates per case rescored exactly; enough to connect any group, as a group
/// only needs each member linked to some other member.
const GROUP_NEIGHBOURS: usize = 10;
const TOP_TERMS: usize = 5;

/// A candidate pair of cases, by rank (position in case-id order).
struct Edge {
    similarity: f32,
    low: u32,
    high: u32,
}

/// What a grouping run needs to know about every case, indexed by rank.
struct Vectors<'a> {
    index: &'a SimilarityIndex,
    slots: Vec<u32>,
    /// Slot to rank, the inverse of `slots`.
    rank: Vec<u32>,
    idf: Vec<f32>,
    inv_norm: Vec<f32>,
}

impl Vectors<'_> {
    fn entries(&self, rank: u32) -> &[Entry] {
        &self.index.doc(self.slots[rank as usize]).entries
    }

    /// Exact cosine similarity of two cases.
    fn similarity(&self, a: u32, b: u32) -> f32 {
        let dot: f32 = shared(self.entries(a), self.entries(b))
            .map(|(x, y)| x.value * y.value * self.idf[x.term as usize].powi(2))
            .sum();
        dot * self.inv_norm[a as usize] * self.inv_norm[b as usize]
    }

    /// The case's TF-IDF vector scaled to length one.
    fn unit(&self, rank: u32) -> Vec<Entry> {
        let scale = self.inv_norm[rank as usize];
        self.entries(rank)
            .iter()
            .map(|entry| Entry { value: entry.value * self.idf[entry.term as usize] * scale, ..*entry })
            .collect()
    }
}

fn dot(a: &[Entry], b: &[Entry]) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A case joining a large group: look its few terms up instead of walking the group's
    // whole vector. Both ways sum the same products in key order, so results are identical.
    if small.len() * 16 < large.len() {
        small
            .iter()
            .filter_map(|x| {
                large.binary_search_by(|y| y.order().cmp(&x.order())).ok().map(|at| x.value * large[at].value)
            })
            .sum()
    } else {
        shared(small, large).map(|(x, y)| x.value * y.value).sum()
    }
}

fn add(a: &[Entry], b: &[Entry]) -> Vec<Entry> {
    let mut sum = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.order().cmp(&y.order()),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                sum.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                sum.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                sum.push(Entry { value: a[i].value + b[j].value, ..a[i] });
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Union-find whose roots carry their group's summed unit vector and its "not duplicate" partners.
struct Clusters {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Empty until a case first joins a group; a lone case's sum is its own unit vector.
    sum: Vec<Vec<Entry>>,
    forbidden: Vec<Vec<u32>>,
}

impl Clusters {
    fn find(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }

    fn compress(&mut self, x: u32) -> u32 {
        let root = self.find(x);
        let mut at = x;
        while self.parent[at as usize] != root {
            at = std::mem::replace(&mut self.parent[at as usize], root);
        }
        root
    }

    fn may_join(&self, x: u32, y: u32) -> bool {
        !self.forbidden[x as usize].iter().any(|&partner| self.find(partner) == y)
    }

    fn sum(&mut self, root: u32, vectors: &Vectors) -> &[Entry] {
        if self.sum[root as usize].is_empty() {
            self.sum[root as usize] = vectors.unit(root);
        }
        &self.sum[root as usize]
    }

    fn linkage(&mut self, x: u32, y: u32, vectors: &Vectors) -> f32 {
        self.sum(x, vectors);
        self.sum(y, vectors);
        let cross = dot(&self.sum[x as usize], &self.sum[y as usize]);
        cross / (self.size[x as usize] * self.size[y as usize]) as f32
    }

    fn union(&mut self, x: u32, y: u32, vectors: &Vectors) {
        self.sum(x, vectors);
        self.sum(y, vectors);
        let (big, small) = if self.size[x as usize] >= self.size[y as usize] { (x, y) } else { (y, x) };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        self.sum[big as usize] = add(&self.sum[big as usize], &self.sum[small as usize]);
        self.sum[small as usize] = Vec::new();
        let moved = std::mem::take(&mut self.forbidden[small as usize]);
        self.forbidden[big as usize].extend(moved);
    }
}

impl SimilarityIndex {
    /// Groups the indexed cases: every group has two or more members whose average pairwise
    /// similarity reached `settings.threshold` when it formed, and no group holds a pair
    /// marked as not duplicates. Largest groups first.
    pub fn group(&self, settings: &GroupingSettings, not_duplicates: &NotDuplicates) -> Vec<Group> {
        let vectors = self.vectors();
        let edges = self.candidate_edges(&vectors, settings.threshold);
        let count = vectors.slots.len();
        let mut clusters = Clusters {
            parent: (0..count as u32).collect(),
            size: vec![1; count],
            sum: vec![Vec::new(); count],
            forbidden: vec![Vec::new(); count],
        };
        for (a, b) in not_duplicates.iter() {
            if let (Some(a), Some(b)) = (self.slot_of(a), self.slot_of(b)) {
                let (a, b) = (vectors.rank[a as usize], vectors.rank[b as usize]);
                clusters.forbidden[a as usize].push(b);
                clusters.forbidden[b as usize].push(a);
            }
        }

        // A root's group changes only by growing, so (root, size) names its content: a pair
        // refused once is not recomputed until one side has grown.
        let mut refused: FastMap<(u32, u32), (u32, u32)> = FastMap::default();
        for edge in &edges {
            let (x, y) = (clusters.compress(edge.low), clusters.compress(edge.high));
            if x == y || !clusters.may_join(x, y) {
                continue;
            }
            let (x, y) = (x.min(y), x.max(y));
            let sizes = (clusters.size[x as usize], clusters.size[y as usize]);
            if refused.get(&(x, y)) == Some(&sizes) {
                continue;
            }
            let linkage = if sizes == (1, 1) { edge.similarity } else { clusters.linkage(x, y, &vectors) };
            if linkage >= settings.threshold {
                clusters.union(x, y, &vectors);
            } else {
                refused.insert((x, y), sizes);
            }
        }

        let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
        for at in 0..count as u32 {
            members[clusters.find(at) as usize].push(at);
        }
        let mut groups: Vec<Group> = members
            .iter()
            .enumerate()
            .filter(|(_, members)| members.len() >= 2)
            .map(|(root, members)| self.describe(&vectors, &clusters.sum[root], members))
            .collect();
        groups.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| a.id.cmp(&b.id)));
        groups
    }

    fn vectors(&self) -> Vectors<'_> {
        let slots = self.slots_by_id();
        let mut rank = vec![u32::MAX; self.slot_count()];
        for (at, &slot) in slots.iter().enumerate() {
            rank[slot as usize] = at as u32;
        }
        let idf = self.idf_table();
        let inv_norm = slots
            .iter()
            .map(|&slot| {
                let entries = &self.doc(slot).entries;
                let squared: f32 = entries.iter().map(|e| (e.value * idf[e.term as usize]).powi(2)).sum();
                if squared > 0.0 {
                    1.0 / squared.sqrt()
                } else {
                    0.0
                }
            })
            .collect();
        Vectors { index: self, slots, rank, idf, inv_norm }
    }

    /// Each case's nearest candidates that reach the threshold, each pair once, most similar first.
    fn candidate_edges(&self, vectors: &Vectors, threshold: f32) -> Vec<Edge> {
        let mut acc = Accumulator::new(self.slot_count());
        let mut query: Vec<QueryTerm> = Vec::new();
        let mut edges = Vec::new();
        for (a, &slot) in vectors.slots.iter().enumerate() {
            let a = a as u32;
            query.clear();
            query.extend(vectors.entries(a).iter().map(|entry| QueryTerm {
                term: entry.term,
                weight: entry.value * vectors.idf[entry.term as usize],
                df: self.df(entry.term),
                key: entry.key,
            }));
            query.sort_unstable_by_key(|term| (term.df, term.key, term.term));
            self.gather(&query, GROUP_BUDGET, |term| vectors.idf[term.term as usize], &mut acc);
            let candidates = best(
                acc.touched.iter().filter(|&&other| other != slot).map(|&other| {
                    let b = vectors.rank[other as usize];
                    (acc.score(other) * vectors.inv_norm[b as usize], b)
                }),
                GROUP_NEIGHBOURS,
                u32::cmp,
            );
            acc.clear();
            for (_, b) in candidates {
                let similarity = vectors.similarity(a, b);
                if similarity >= threshold {
                    edges.push(Edge { similarity, low: a.min(b), high: a.max(b) });
                }
            }
        }
        edges.sort_unstable_by(|x, y| {
            y.similarity.total_cmp(&x.similarity).then(x.low.cmp(&y.low)).then(x.high.cmp(&y.high))
        });
        edges.dedup_by_key(|edge| (edge.low, edge.high));
        edges
    }

    /// Names a group after its smallest member id, so the id survives regrouping as long as
    /// that case stays in the group, and finds its most central case and strongest terms.
    fn describe(&self, vectors: &Vectors, sum: &[Entry], members: &[u32]) -> Group {
        let size = members.len() as f32;
        let medoid =
            best(members.iter().map(|&member| (dot(&vectors.unit(member), sum), member)), 1, u32::cmp)[0].1;
        let strongest =
            best(sum.iter().map(|entry| (entry.value, entry)), TOP_TERMS, |a, b| a.order().cmp(&b.order()));
        let id_of = |rank: u32| self.doc(vectors.slots[rank as usize]).id.clone();
        let members: Vec<_> = members.iter().map(|&member| id_of(member)).collect();
        Group {
            id: format!("g-{}", members[0]),
            cohesion: ((dot(sum, sum) - size) / (size * (size - 1.0))).clamp(0.0, 1.0),
            medoid: id_of(medoid),
            top_terms: strongest
                .into_iter()
                .map(|(_, entry)| self.term_text(entry.term).to_string())
                .collect(),
            members,
        }
    }
}
