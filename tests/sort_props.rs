#![cfg(not(target_arch = "wasm32"))]
//! The shared sort orders exactly like the standard stable sort.

use proptest::prelude::*;
use triage_desk::domain::sort;

proptest! {
    #[test]
    fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        let mut ours = items.clone();
        let mut standard = items.clone();
        sort::sort_by_key(&mut ours, |item| item.0);
        standard.sort_by_key(|item| item.0);
        prop_assert_eq!(&ours, &standard);
        sort::sort_by_cached_key(&mut ours, |item| std::cmp::Reverse(item.1));
        standard.sort_by_cached_key(|item| std::cmp::Reverse(item.1));
        prop_assert_eq!(&ours, &standard);
        sort::sort(&mut ours);
        standard.sort();
        prop_assert_eq!(ours, standard);
    }
}
