//! Stable sorting through one compiled copy of the standard sort.
//!
//! Every `sort_by` closure compiles the whole standard sort again, about 1.5 KB of wasm per
//! call site and 120 KB in all. Here a slice is ordered by sorting its positions with the
//! comparison behind `dyn`, then moving each item once, so every call site shares one sort
//! (and one small in-place sort per element type for short lists). That costs an indirect
//! call per comparison and a list of positions: fine for the lists of
//! the page and of one case. The grouping engine's sorts over hundreds of thousands of items,
//! the score order and the order of cases read on load keep the standard sort.

use std::cmp::Ordering;

/// Lists up to this long are sorted by insertion, in place, without the list of positions.
const SHORT: usize = 16;

pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    sort_dyn(items, &mut compare);
}

pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Computes each item's key once, for keys that are costly to compute.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// One copy per element type, whatever the comparison.
#[inline(never)]
fn sort_dyn<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if items.len() <= SHORT {
        // In place: most lists sorted per case (its timeline, its clocks) are this short.
        for i in 1..items.len() {
            let mut at = i;
            while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
                items.swap(at - 1, at);
                at -= 1;
            }
        }
        return;
    }
    let order = positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

#[inline(never)]
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[i]` to `i`, following each cycle of the permutation once.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const PLACED: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != PLACED {
            let from = std::mem::replace(&mut order[at], PLACED);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}
