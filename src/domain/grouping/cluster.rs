//! Grouping: candidate pairs from the index, then merges that keep every group coherent.
//!
//! One fixed similarity cannot fit every desk: long bug reports share many words with
//! unrelated reports, short or mixed-language ones few even with their duplicates. So a pair
//! counts when it stands out from both cases' background (see [`backgrounds`]) and each case
//! is among the other's few nearest (mutual neighbours).
//!
//! Single-link grouping (union-find over all such pairs) chains unrelated cases together
//! through intermediaries. Here two groups merge only if their *average* pairwise similarity
//! also stands out (average linkage), tried in order of the most similar pair first. With
//! unit vectors the average over all cross pairs is the dot product of the two groups'
//! summed vectors divided by the sizes, so pairs the candidate search skipped still count.

use super::glossary::Glossary;
use super::index::{best, kind_weight, shared, Entry, FastMap, SimilarityIndex};
use super::tokenize::Kind;
use super::{Group, GroupingSettings, NotDuplicates, VIA_GLOSSARY};
use crate::domain::sort;

const TOP_TERMS: usize = 5;
/// A pair joins only when each case is among the other's this many most similar cases.
const MUTUAL_NEIGHBOURS: usize = 3;
/// Candidates per case checked exactly; enough to connect any group, as a group only needs
/// each member linked to some other member.
const GROUP_NEIGHBOURS: usize = 10;
/// At most this many of a case's rarest shared terms are posted for the candidate search.
/// Past them come ever more common words, whose posting lists grow with the desk, so reading
/// them made the search grow with the square of the cases (50,000 cases: 0.41 to 0.29 s
/// native) while the pairs found only through them were almost never duplicates: on the
/// labelled reports every figure stays the same, and 2 % fewer synthetic cases are grouped.
const HEAD_TERMS: usize = 12;

/// The slider's default.
pub const NEUTRAL: f32 = 0.5;
/// Candidate pairs are searched for down to this share of the slider's value.
const SEARCH_FLOOR: f32 = 0.2;
/// A case's background similarity is that of its this-many-th nearest case.
const BACKGROUND_RANK: usize = 8;
/// At the default, a pair must be this many times as similar as either case's background.
const CONTRAST: f32 = 2.5;
/// At the default, a pair at least this similar counts without being mutual neighbours...
const STRONG: f32 = 0.5;
/// ...and no pair or group counts below this, however quiet its background.
const LEAST: f32 = 0.26;
/// Two cases written in different scripts share only identifiers and glossary concepts, so
/// the same problem scores lower between them: their bar is scaled by this when they share
/// two terms or more. Chosen on the
/// tuning cross-language set (pairwise F1 0.72 at 1.0, 0.88 at 0.8, 0.90 at 0.7); a pair in
/// one script, so every English-only desk, is unaffected.
const ACROSS_SCRIPTS: f32 = 0.7;

/// How similar each case is to cases that are merely alike: its [`BACKGROUND_RANK`]-th
/// best match, or the search floor if it has fewer. Long bug reports share many words with
/// unrelated reports and short chat-like or mixed-language ones few, so a pair is judged
/// against its own cases' background rather than one fixed similarity (local scaling, as
/// in Zelnik-Manor and Perona, 2004).
fn backgrounds(edges: &[Edge], count: usize, floor: f32) -> Vec<f32> {
    let rank = BACKGROUND_RANK as u32;
    let mut seen = vec![(0u32, floor); count];
    // Edges come most similar first.
    for edge in edges {
        for end in [edge.low, edge.high] {
            let (count, at) = &mut seen[end as usize];
            *count += 1;
            if *count == rank {
                *at = edge.similarity.max(floor);
            }
        }
    }
    seen.into_iter().map(|(_, at)| at).collect()
}

/// A candidate pair of cases, by rank (position in the order of the ids' hashes).
struct Edge {
    similarity: f32,
    low: u32,
    high: u32,
}

/// What a grouping run needs to know about every case, indexed by rank.
struct Vectors {
    slots: Vec<u32>,
    /// Slot to rank, the inverse of `slots`.
    rank: Vec<u32>,
    idf: Vec<f32>,
    inv_norm: Vec<f32>,
}

impl Vectors {
    /// The case's TF-IDF vector scaled to length one.
    fn unit(&self, index: &SimilarityIndex, rank: u32) -> Vec<Entry> {
        let scale = self.inv_norm[rank as usize];
        index
            .doc(self.slots[rank as usize])
            .entries
            .iter()
            .map(|entry| Entry { value: entry.value * self.idf[entry.term as usize] * scale, ..*entry })
            .collect()
    }
}

/// The cases' unit vectors for the candidate search, each with its heaviest terms first, split
/// as in all-pairs similarity search (Bayardo, Ma and Srikant, 2007): a case's *tail* is its
/// longest run of most common terms whose length is under the threshold, so a case reaching
/// the threshold with it must share a term outside its tail, its *head*. Only heads are
/// posted, and candidates are cases sharing a head term with each other, so the long posting
/// lists of words like "error" are never read. A head is also cut to its [`HEAD_TERMS`]
/// heaviest terms, so a pair alike only in common words can be missed. Terms are numbered by
/// kind and weight (identifiers first, then by idf times the weight of their kind, then by
/// key), so the result does not depend on the order cases were added in.
///
/// Flat arrays indexed by rank and position rather than a vector per case: the candidate
/// search reads them tens of millions of times at 50,000 cases.
struct Rarest {
    /// Case `r`'s terms that some other case has too are `positions[start[r]..start[r + 1]]`,
    /// with the same range of `weights` and `reach`.
    start: Vec<u32>,
    positions: Vec<u32>,
    weights: Vec<f32>,
    /// The length of the rest of the case's vector from this term on (this term included).
    reach: Vec<f32>,
    /// Where each case's tail starts, as an index into `positions`.
    tail_start: Vec<u32>,
    /// The head postings of term position `p` are `postings[heads[p]..heads[p + 1]]`, by rank.
    heads: Vec<u32>,
    postings: Vec<HeadPosting>,
}

#[derive(Clone, Copy)]
struct HeadPosting {
    rank: u32,
    weight: f32,
    reach: f32,
}

impl Rarest {
    fn new(index: &SimilarityIndex, vectors: &Vectors, threshold: f32) -> Rarest {
        // A term of one case only adds nothing to any dot product (most terms are such, and
        // they are the rarest), so it is left out; the lengths below stay exact, as they add
        // up the terms after each in this order, and terms of one case add nothing.
        // Identifiers first, as an error code shared across languages is the strongest
        // evidence and their posting lists are short; then the heaviest terms: for words the
        // rarest, while Han bigrams, weighed less, come after the glossary concepts a Chinese
        // report shares with a Korean or English one; then by key. Positive floats order as
        // their bits do, so all four make one integer, which sorts several times faster than
        // a tuple (term ids stay far below 2^31).
        let mut by_rarity: Vec<u128> = (0..vectors.idf.len() as u32)
            .filter(|&term| index.df(term) > 1)
            .map(|term| {
                let kind = index.term_kind(term);
                let weight = vectors.idf[term as usize] * kind_weight(kind);
                let class =
                    u128::from(kind != Kind::Identifier) << 32 | u128::from(u32::MAX - weight.to_bits());
                class << 95 | u128::from(index.term_key(term)) << 31 | u128::from(term)
            })
            .collect();
        by_rarity.sort_unstable();
        let terms = || by_rarity.iter().map(|&order| order as u32 & (u32::MAX >> 1));
        let count = vectors.slots.len();
        let rank_of = &vectors.rank[..];
        // Slices, not vectors, in the loops: indexing a Vec is a call in the size-optimised build.
        let mut start_list = vec![0u32; count + 1];
        let start = &mut start_list[..];
        for term in terms() {
            for posting in index.postings(term) {
                start[rank_of[posting.doc as usize] as usize + 1] += 1;
            }
        }
        for rank in 0..count {
            start[rank + 1] += start[rank];
        }
        // Walking the posting lists in rarity order lays out every case's vector already
        // sorted, instead of sorting each one.
        let total = start[count] as usize;
        let mut next_list = start[..count].to_vec();
        let next = &mut next_list[..];
        let (mut position_list, mut weight_list) = (vec![0u32; total], vec![0f32; total]);
        let (positions, weights, idfs) = (&mut position_list[..], &mut weight_list[..], &vectors.idf[..]);
        let inv_norm = &vectors.inv_norm[..];
        for (at, term) in terms().enumerate() {
            let idf = idfs[term as usize];
            for posting in index.postings(term) {
                let rank = rank_of[posting.doc as usize] as usize;
                let slot = next[rank] as usize;
                positions[slot] = at as u32;
                weights[slot] = posting.tf * idf * inv_norm[rank];
                next[rank] += 1;
            }
        }

        let mut reach_list = vec![0f32; total];
        let mut tail_start = vec![0u32; count];
        let mut head_list = vec![0u32; by_rarity.len() + 1];
        let (reach, heads, tails) = (&mut reach_list[..], &mut head_list[..], &mut tail_start[..]);
        let floor = threshold * threshold;
        for rank in 0..count {
            let (from, to) = (start[rank] as usize, start[rank + 1] as usize);
            let (mut suffix, mut cut) = (0.0f32, to);
            for at in (from..to).rev() {
                suffix += weights[at] * weights[at];
                reach[at] = suffix.sqrt();
                if suffix < floor {
                    cut = at;
                }
            }
            let cut = cut.min(from + HEAD_TERMS);
            for &position in &positions[from..cut] {
                heads[position as usize + 1] += 1;
            }
            tails[rank] = cut as u32;
        }
        for at in 1..heads.len() {
            heads[at] += heads[at - 1];
        }
        let mut next_list = heads.to_vec();
        let next = &mut next_list[..];
        let mut posting_list =
            vec![HeadPosting { rank: 0, weight: 0.0, reach: 0.0 }; heads[by_rarity.len()] as usize];
        let postings = &mut posting_list[..];
        for rank in 0..count {
            for at in start[rank] as usize..tails[rank] as usize {
                let slot = &mut next[positions[at] as usize];
                postings[*slot as usize] =
                    HeadPosting { rank: rank as u32, weight: weights[at], reach: reach[at] };
                *slot += 1;
            }
        }
        Rarest {
            start: start_list,
            positions: position_list,
            weights: weight_list,
            reach: reach_list,
            tail_start,
            heads: head_list,
            postings: posting_list,
        }
    }

    fn range(&self, rank: u32) -> std::ops::Range<usize> {
        self.start[rank as usize] as usize..self.start[rank as usize + 1] as usize
    }

    fn head_len(&self, rank: u32) -> usize {
        (self.tail_start[rank as usize] - self.start[rank as usize]) as usize
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
        // A merge written out: through the `shared` iterator it cost twice as much.
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < small.len() && j < large.len() {
            match small[i].order().cmp(&large[j].order()) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += small[i].value * large[j].value;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
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
    /// A root's members besides itself.
    others: Vec<Vec<u32>>,
}

/// Groups this small are also checked pair by pair before they merge.
const CHECKED_PAIRS: u32 = 64;

impl Clusters {
    fn members(&self, root: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(root).chain(self.others[root as usize].iter().copied())
    }

    /// Whether some case of one group shares no word at all with some case of the other:
    /// average similarity alone lets a case in through one member while it has nothing to
    /// do with another (A~B and B~C, while A and C share nothing).
    fn strangers(&self, x: u32, y: u32, index: &SimilarityIndex, vectors: &Vectors) -> bool {
        if self.size[x as usize] * self.size[y as usize] > CHECKED_PAIRS {
            return false;
        }
        let entries = |rank: u32| &index.doc(vectors.slots[rank as usize]).entries;
        self.members(x).any(|a| self.members(y).any(|b| shared(entries(a), entries(b)).next().is_none()))
    }

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

    fn sum(&mut self, root: u32, index: &SimilarityIndex, vectors: &Vectors) -> &[Entry] {
        if self.sum[root as usize].is_empty() {
            self.sum[root as usize] = vectors.unit(index, root);
        }
        &self.sum[root as usize]
    }

    fn linkage(&mut self, x: u32, y: u32, index: &SimilarityIndex, vectors: &Vectors) -> f32 {
        self.sum(x, index, vectors);
        self.sum(y, index, vectors);
        let cross = dot(&self.sum[x as usize], &self.sum[y as usize]);
        cross / (self.size[x as usize] * self.size[y as usize]) as f32
    }

    fn union(&mut self, x: u32, y: u32, index: &SimilarityIndex, vectors: &Vectors) {
        self.sum(x, index, vectors);
        self.sum(y, index, vectors);
        let (big, small) = if self.size[x as usize] >= self.size[y as usize] { (x, y) } else { (y, x) };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        self.sum[big as usize] = add(&self.sum[big as usize], &self.sum[small as usize]);
        self.sum[small as usize] = Vec::new();
        let moved = std::mem::take(&mut self.forbidden[small as usize]);
        self.forbidden[big as usize].extend(moved);
        let moved = std::mem::take(&mut self.others[small as usize]);
        self.others[big as usize].push(small);
        self.others[big as usize].extend(moved);
    }
}

/// A grouping under way: the candidate search, the long part, advances a few cases at a time
/// ([`GroupingRun::search`]), so a page can run it between frames; see
/// [`SimilarityIndex::start_grouping`].
pub struct GroupingRun {
    /// The index's change count when the run started; the run is for that index only.
    generation: u64,
    /// The slider's setting, and the lowest similarity searched for.
    threshold: f32,
    floor: f32,
    vectors: Vectors,
    rarest: Rarest,
    /// Per case: the head weight it shares with the case being searched for, and which
    /// cases have some; both cleared after each case.
    acc: Vec<f32>,
    touched: Vec<u32>,
    /// The searched case's weights by term position, so each exact check is a walk of the
    /// other case's terms.
    dense: Vec<f32>,
    /// The next case (by rank) to search for.
    next: u32,
    edges: Vec<Edge>,
}

impl GroupingRun {
    /// Whether the run is still about `index`, unchanged since the run started.
    pub fn is_for(&self, index: &SimilarityIndex) -> bool {
        self.generation == index.generation()
    }

    /// Searches for the candidates of further cases until `enough` says so (asked every 64
    /// cases); true once every case is done.
    pub fn search(&mut self, mut enough: impl FnMut() -> bool) -> bool {
        let count = self.vectors.slots.len() as u32;
        while self.next < count {
            let until = (self.next + 64).min(count);
            for x in self.next..until {
                self.candidates_of(x);
            }
            self.next = until;
            if self.next < count && enough() {
                return false;
            }
        }
        true
    }

    /// Adds the pairs of case `x` with the earlier cases sharing the most weight in head
    /// terms with it (see [`Rarest`]), checked exactly, that reach the search floor.
    fn candidates_of(&mut self, x: u32) {
        let (rarest, threshold) = (&self.rarest, self.floor);
        // Slices, not vectors, in the loops below: indexing a Vec is a call in the size-optimised
        // build, and these run for every posting read.
        let (heads, postings) = (&rarest.heads[..], &rarest.postings[..]);
        let (all_positions, all_weights) = (&rarest.positions[..], &rarest.weights[..]);
        let (acc, touched, dense) = (&mut self.acc[..], &mut self.touched[..], &mut self.dense[..]);
        let range = rarest.range(x);
        let (positions, weights) = (&all_positions[range.clone()], &all_weights[range.clone()]);
        let reach = &rarest.reach[range];
        for at in 0..positions.len() {
            dense[positions[at] as usize] = weights[at];
        }
        let mut touches = 0;
        for at in 0..rarest.head_len(x) {
            let (position, weight, mine) = (positions[at] as usize, weights[at], reach[at]);
            // Postings are in rank order: only earlier cases, so each pair is seen once.
            for posting in &postings[heads[position] as usize..heads[position + 1] as usize] {
                let y = posting.rank;
                if y >= x {
                    break;
                }
                let score = &mut acc[y as usize];
                if *score == 0.0 {
                    // First met here, so no earlier term is shared: what is shared is at
                    // most the product of both lengths from here on (Cauchy-Schwarz). Under
                    // the threshold, the pair can never reach it, and later terms only
                    // lower the bound.
                    if mine * posting.reach < threshold {
                        continue;
                    }
                    touched[touches] = y;
                    touches += 1;
                }
                *score += weight * posting.weight;
            }
        }
        // The cases sharing the most head weight, ties to the earlier: as keys of the score's
        // bits (positive floats order as their bits do) and the rank reversed, the largest
        // kept in place of the smallest. Only which cases matter, as edges are sorted later;
        // most cases lose to the smallest kept after one comparison of integers.
        let mut nearest = [0u64; GROUP_NEIGHBOURS];
        let (mut kept, mut smallest) = (0, 0);
        for &y in &touched[..touches] {
            let key = u64::from(acc[y as usize].to_bits()) << 32 | u64::from(u32::MAX - y);
            acc[y as usize] = 0.0;
            if kept < GROUP_NEIGHBOURS {
                nearest[kept] = key;
                kept += 1;
            } else if key > nearest[smallest] {
                nearest[smallest] = key;
            } else {
                continue;
            }
            if kept == GROUP_NEIGHBOURS {
                smallest = (0..GROUP_NEIGHBOURS)
                    .fold(0, |min, at| if nearest[at] < nearest[min] { at } else { min });
            }
        }
        for key in &nearest[..kept] {
            let y = u32::MAX - *key as u32;
            let range = rarest.range(y);
            let (other_positions, other_weights) = (&all_positions[range.clone()], &all_weights[range]);
            let mut similarity = 0.0f32;
            for at in 0..other_positions.len() {
                similarity += dense[other_positions[at] as usize] * other_weights[at];
            }
            if similarity >= threshold {
                self.edges.push(Edge { similarity, low: y, high: x });
            }
        }
        for &position in positions {
            dense[position as usize] = 0.0;
        }
    }
}

impl SimilarityIndex {
    /// Groups the indexed cases: every group has two or more members whose average pairwise
    /// similarity stood out from their background when it formed, by a margin that
    /// `settings.threshold` scales (higher is stricter, [`NEUTRAL`] the default), and no
    /// group holds a pair marked as not duplicates. Largest groups first.
    pub fn group(&self, settings: &GroupingSettings, not_duplicates: &NotDuplicates) -> Vec<Group> {
        let mut run = self.start_grouping(settings.threshold);
        run.search(|| false);
        self.finish_grouping(run, not_duplicates).expect("the index did not change")
    }

    /// Starts grouping the indexed cases at `threshold`: [`GroupingRun::search`] until it is
    /// done, then [`finish_grouping`](Self::finish_grouping) gives what [`group`](Self::group)
    /// would have.
    pub fn start_grouping(&self, threshold: f32) -> GroupingRun {
        let vectors = self.vectors();
        // Pairs are searched for well below the threshold: where it lands depends on how
        // similar this desk's cases are to their nearest neighbours (see `finish_grouping`).
        let floor = threshold * SEARCH_FLOOR;
        let rarest = Rarest::new(self, &vectors, floor);
        let count = vectors.slots.len();
        GroupingRun {
            generation: self.generation(),
            threshold,
            floor,
            acc: vec![0.0; count],
            touched: vec![0; count],
            dense: vec![0.0; rarest.heads.len()],
            vectors,
            rarest,
            next: 0,
            edges: Vec::new(),
        }
    }

    /// The groups of a run whose search is done; None if the index changed since the run
    /// started (start again then).
    pub fn finish_grouping(&self, run: GroupingRun, not_duplicates: &NotDuplicates) -> Option<Vec<Group>> {
        if !run.is_for(self) || run.next < run.vectors.slots.len() as u32 {
            return None;
        }
        let GroupingRun { vectors, edges, threshold, floor, .. } = run;
        // Most similar first, then by rank. Similarities are positive (at least the floor), so
        // their bits order as they do: a key of plain integers sorts several times faster.
        let mut order: Vec<u128> = edges
            .iter()
            .map(|edge| {
                u128::from(u32::MAX - edge.similarity.to_bits()) << 64
                    | u128::from(edge.low) << 32
                    | u128::from(edge.high)
            })
            .collect();
        order.sort_unstable();
        let edges: Vec<Edge> = order
            .into_iter()
            .map(|order| Edge {
                similarity: f32::from_bits(u32::MAX - (order >> 64) as u32),
                low: (order >> 32) as u32,
                high: order as u32,
            })
            .collect();
        let count = vectors.slots.len();
        let background = backgrounds(&edges, count, floor);
        let contrast = CONTRAST * threshold / NEUTRAL;
        // A pair this similar counts whatever its background, so a burst of many near-identical
        // reports (each other's background) still groups.
        let strong = STRONG * threshold / NEUTRAL;
        let least = LEAST * threshold / NEUTRAL;
        let doc = |rank: u32| self.doc(vectors.slots[rank as usize]);
        let bar = |edge: &Edge| {
            let bar = (contrast * background[edge.low as usize].max(background[edge.high as usize]))
                .clamp(least, strong);
            let (low, high) = (doc(edge.low), doc(edge.high));
            // One shared concept ("account") is too little to go on at the lower bar.
            if low.script != high.script && shared(&low.entries, &high.entries).nth(1).is_some() {
                bar * ACROSS_SCRIPTS
            } else {
                bar
            }
        };
        let mut clusters = Clusters {
            parent: (0..count as u32).collect(),
            size: vec![1; count],
            sum: vec![Vec::new(); count],
            forbidden: vec![Vec::new(); count],
            others: vec![Vec::new(); count],
        };
        for (a, b) in not_duplicates.iter() {
            if let (Some(a), Some(b)) = (self.slot_of(a), self.slot_of(b)) {
                let (a, b) = (vectors.rank[a as usize], vectors.rank[b as usize]);
                clusters.forbidden[a as usize].push(b);
                clusters.forbidden[b as usize].push(a);
            }
        }

        // Each case's K-th best similarity: a pair below it is not among the case's nearest.
        let k = MUTUAL_NEIGHBOURS;
        let mut kth: Vec<(u32, f32)> = vec![(0, f32::NEG_INFINITY); count];
        for edge in &edges {
            for end in [edge.low, edge.high] {
                let (seen, at) = &mut kth[end as usize];
                *seen += 1;
                if *seen as usize == k {
                    *at = edge.similarity;
                }
            }
        }
        let near = |edge: &Edge, end: u32| {
            let (seen, at) = kth[end as usize];
            (seen as usize) < k || edge.similarity >= at
        };

        // A root's group changes only by growing, so (root, size) names its content: a pair
        // refused once is not recomputed until one side has grown or a pair with a lower bar
        // links them.
        let mut refused: FastMap<(u32, u32), ((u32, u32), f32)> = FastMap::default();
        for edge in &edges {
            let bar = bar(edge);
            if edge.similarity < bar {
                continue;
            }
            let (x, y) = (clusters.compress(edge.low), clusters.compress(edge.high));
            if x == y || !clusters.may_join(x, y) {
                continue;
            }
            let (x, y) = (x.min(y), x.max(y));
            let sizes = (clusters.size[x as usize], clusters.size[y as usize]);
            // Two lone cases pair only as mutual neighbours or as a strong match; a group may
            // take a lone case among whose nearest it is, and meet another group through any
            // pair, as their average similarity is checked: that is how a Korean pair and a
            // Chinese pair of one outage become one group.
            let lone = |end: u32| clusters.size[clusters.find(end) as usize] == 1;
            let admitted = match (lone(edge.low), lone(edge.high)) {
                (true, true) => edge.similarity >= strong || (near(edge, edge.low) && near(edge, edge.high)),
                (true, false) => near(edge, edge.low),
                (false, true) => near(edge, edge.high),
                (false, false) => true,
            };
            if !admitted || refused.get(&(x, y)).is_some_and(|&(known, at)| known == sizes && at <= bar) {
                continue;
            }
            let linkage =
                if sizes == (1, 1) { edge.similarity } else { clusters.linkage(x, y, self, &vectors) };
            if linkage >= bar && !clusters.strangers(x, y, self, &vectors) {
                clusters.union(x, y, self, &vectors);
            } else {
                refused.insert((x, y), (sizes, bar));
            }
        }

        let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
        for at in 0..count as u32 {
            // Most cases stay alone: no list for them.
            let root = clusters.find(at) as usize;
            if clusters.size[root] >= 2 {
                members[root].push(at);
            }
        }
        let mut dense = vec![0f32; vectors.idf.len()];
        let mut groups: Vec<Group> = members
            .iter()
            .enumerate()
            .filter(|(_, members)| members.len() >= 2)
            .map(|(root, members)| self.describe(&vectors, &clusters.sum[root], members, &mut dense))
            .collect();
        sort::sort_by(&mut groups, |a, b| {
            b.members.len().cmp(&a.members.len()).then_with(|| a.id.cmp(&b.id))
        });
        Some(groups)
    }

    fn vectors(&self) -> Vectors {
        let slots = self.slots_in_hash_order();
        let mut rank = vec![u32::MAX; self.slot_count()];
        for (at, &slot) in slots.iter().enumerate() {
            rank[slot as usize] = at as u32;
        }
        let idf = self.idf_table();
        let idfs = &idf[..];
        let inv_norm = slots
            .iter()
            .map(|&slot| {
                let entries = &self.doc(slot).entries;
                let squared: f32 = entries.iter().map(|e| (e.value * idfs[e.term as usize]).powi(2)).sum();
                if squared > 0.0 {
                    1.0 / squared.sqrt()
                } else {
                    0.0
                }
            })
            .collect();
        Vectors { slots, rank, idf, inv_norm }
    }

    /// Names a group after its smallest member id, so the id survives regrouping as long as
    /// that case stays in the group, and finds its most central case and strongest terms.
    fn describe(&self, vectors: &Vectors, sum: &[Entry], members: &[u32], dense: &mut [f32]) -> Group {
        let size = members.len() as f32;
        // The group's sum by term, so each member's dot product with it is a walk of the
        // member's own terms (all in the sum): the same products, in the same key order, as
        // `dot` of its unit vector, without making that vector.
        for entry in sum {
            dense[entry.term as usize] = entry.value;
        }
        let centrality = |member: u32| {
            let scale = vectors.inv_norm[member as usize];
            let entries = &self.doc(vectors.slots[member as usize]).entries;
            entries.iter().fold(0.0, |total, entry| {
                total + entry.value * vectors.idf[entry.term as usize] * scale * dense[entry.term as usize]
            })
        };
        let medoid = best(members.iter().map(|&member| (centrality(member), member)), 1, u32::cmp)[0].1;
        // `dot(sum, sum)`, summed in the same order.
        let squared = sum.iter().fold(0.0, |total, entry| total + entry.value * entry.value);
        for entry in sum {
            dense[entry.term as usize] = 0.0;
        }
        // Twice as many as shown, as a concept whose own word is among them is dropped.
        let strongest = best(sum.iter().map(|entry| (entry.value, entry)), 2 * TOP_TERMS, |a, b| {
            a.order().cmp(&b.order())
        });
        let words: Vec<&str> = strongest.iter().map(|(_, entry)| self.term_text(entry.term)).collect();
        let id_of = |rank: u32| self.doc(vectors.slots[rank as usize]).id.clone();
        let mut members: Vec<_> = members.iter().map(|&member| id_of(member)).collect();
        sort::sort(&mut members);
        Group {
            id: format!("g-{}", members[0]),
            cohesion: ((squared - size) / (size * (size - 1.0))).clamp(0.0, 1.0),
            medoid: id_of(medoid),
            top_terms: words
                .iter()
                .filter_map(|&term| match Glossary::name(term) {
                    None => Some(term.to_string()),
                    Some(name) => {
                        let forms = self.glossary.forms_of(term);
                        let shown = words.iter().any(|word| forms.iter().any(|form| form == word));
                        (!shown).then(|| format!("{name}{VIA_GLOSSARY}"))
                    }
                })
                .take(TOP_TERMS)
                .collect(),
            members,
        }
    }
}
