//! Sorting through one comparator type. The standard library's sort is generic over its
//! comparator, so each `sort_by` with a closure of its own is another copy of it in the
//! app's wasm (about 3 KB before `wasm-opt`; sorting was 61 KB of the 976 KB build).
//! The engine sorts `u32`s (ids and positions) with a `&dyn` comparator here instead,
//! and things that are not ids by sorting their positions. Sorting plain `u32` and `u64`
//! values needs no comparator and shares the one copy for each.

use std::cmp::Ordering;

/// A comparison of two `u32`s (ids or positions in a slice).
pub(crate) type Compare<'c> = &'c dyn Fn(u32, u32) -> Ordering;

/// Sorts `items` by `compare`, unstable (equal items may swap).
pub(crate) fn sort_by(items: &mut [u32], compare: Compare<'_>) {
    items.sort_unstable_by(|&a, &b| compare(a, b));
}

/// Puts the item that `compare` ranks `nth` at `nth`, the ones before it ahead of it and
/// the ones after it behind, each side in no order (`slice::select_nth_unstable_by`).
pub(crate) fn select_nth_by(items: &mut [u32], nth: usize, compare: Compare<'_>) {
    items.select_nth_unstable_by(nth, |&a, &b| compare(a, b));
}

/// Keeps in `ids` the `limit` that `frequency` gives most (articles holding a word), in no
/// order: the index's list of frequent words and the completions of a prefix both do.
pub(crate) fn keep_most(ids: &mut Vec<u32>, limit: usize, frequency: &dyn Fn(u32) -> u32) {
    if ids.len() > limit && limit > 0 {
        select_nth_by(ids, limit - 1, &|a, b| frequency(b).cmp(&frequency(a)));
        ids.truncate(limit);
    }
}

/// The positions of `count` items in the order `compare` (comparing two positions) gives
/// them, equal items in their own order (a stable sort).
pub(crate) fn stable_positions(count: usize, compare: Compare<'_>) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..count as u32).collect();
    sort_by(&mut positions, &|a, b| compare(a, b).then(a.cmp(&b)));
    positions
}

/// The positions of the `limit` items `compare` (comparing two positions) ranks first,
/// in the order `select_nth_unstable_by` on the items themselves would leave them; `None`
/// when there are no more than `limit`.
pub(crate) fn first_positions(count: usize, limit: usize, compare: Compare<'_>) -> Option<Vec<u32>> {
    if count <= limit || limit == 0 {
        return None;
    }
    let mut positions: Vec<u32> = (0..count as u32).collect();
    select_nth_by(&mut positions, limit - 1, compare);
    positions.truncate(limit);
    Some(positions)
}

/// The items at `positions`, in that order (each position at most once).
pub(crate) fn take<T>(items: Vec<T>, positions: &[u32]) -> Vec<T> {
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    positions.iter().filter_map(|&at| items[at as usize].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Selecting through positions leaves the items as selecting the items does.
        #[test]
        fn first_positions_are_select_nth_on_the_items(values in proptest::collection::vec(0u8..20, 0..60), limit in 1usize..70) {
            let by_value = |a: &(u8, usize), b: &(u8, usize)| b.0.cmp(&a.0);
            let items: Vec<(u8, usize)> = values.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            if expected.len() > limit {
                expected.select_nth_unstable_by(limit - 1, by_value);
                expected.truncate(limit);
            }
            let positions = first_positions(items.len(), limit, &|a, b| by_value(&items[a as usize], &items[b as usize]));
            let kept = match positions {
                Some(positions) => take(items.clone(), &positions),
                None => items.clone(),
            };
            proptest::prop_assert_eq!(kept, expected);
        }

        /// Stable positions are a stable sort's.
        #[test]
        fn stable_positions_are_a_stable_sort(values in proptest::collection::vec(0u8..5, 0..60)) {
            let mut expected: Vec<u32> = (0..values.len() as u32).collect();
            expected.sort_by_key(|&at| values[at as usize]);
            let positions = stable_positions(values.len(), &|a, b| values[a as usize].cmp(&values[b as usize]));
            proptest::prop_assert_eq!(positions, expected);
        }
    }
}
