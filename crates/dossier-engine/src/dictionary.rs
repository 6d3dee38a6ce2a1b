//! The term dictionary: every folded word of a collection in byte order, a word's
//! [`WordId`] being its position. Looked up whole and by prefix with binary searches, and
//! walked with a Levenshtein automaton for typo-tolerant look-ups.
//!
//! The walk is the one an FST does, over the sorted list the index keeps anyway: the
//! automaton's state after each byte of the current word is kept, so the next word only
//! runs the bytes after the prefix it shares with it, and once the automaton rejects a
//! prefix every word under it is skipped with one binary search.

use std::ops::Range;

use levenshtein_automata::{DFA, Distance, SINK_STATE};

use crate::index::WordId;

/// The folded words of a collection, sorted by their bytes, without repeats, laid end to
/// end in one string (a walk reads them in order, from memory side by side).
#[derive(Default)]
pub(crate) struct Dictionary {
    text: String,
    /// Where each word starts in `text`, and one more entry for where the last one ends.
    starts: Vec<u32>,
}

impl Dictionary {
    /// A dictionary of `words`, which must be sorted by their bytes and distinct.
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut text = String::new();
        let mut starts = vec![0];
        for word in words {
            debug_assert!(starts.len() < 2 || text[starts[starts.len() - 2] as usize..] < *word, "sorted and distinct");
            text.push_str(word);
            starts.push(text.len() as u32);
        }
        Dictionary { text, starts }
    }

    /// How many words it holds.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The text of a word.
    pub(crate) fn word(&self, id: WordId) -> &str {
        let id = id as usize;
        &self.text[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The words, in order.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as WordId).map(|id| self.word(id))
    }

    /// Bytes of memory it holds.
    pub(crate) fn heap_size(&self) -> usize {
        self.text.len() + self.starts.len() * 4
    }

    /// The id of `word`, if the dictionary holds it.
    pub(crate) fn get(&self, word: &str) -> Option<WordId> {
        let at = self.first_where(0..self.len(), |probe| probe >= word);
        (at < self.len() && self.word(at as WordId) == word).then_some(at as WordId)
    }

    /// The ids of the words starting with `prefix` (every word for an empty one).
    pub(crate) fn starting_with(&self, prefix: &str) -> Range<WordId> {
        let start = self.first_where(0..self.len(), |word| word >= prefix);
        let end = self.first_where(start..self.len(), |word| !word.starts_with(prefix));
        start as WordId..end as WordId
    }

    /// The first position in `range` whose word is `past` (or its end), the words being
    /// past from some point on (a binary search).
    fn first_where(&self, range: Range<usize>, past: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (range.start, range.end);
        while low < high {
            let middle = low + (high - low) / 2;
            if past(self.word(middle as WordId)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        low
    }

    /// Calls `found` with each word `automaton` accepts, in order.
    pub(crate) fn accepted_by(&self, automaton: &DFA, mut found: impl FnMut(WordId, &str)) {
        // `states[i]`: the automaton's state after the first `i` bytes of `path`, the
        // prefix that the word last read shares with the next.
        let mut states = vec![automaton.initial_state()];
        let mut path: &[u8] = &[];
        let mut at = 0;
        while at < self.len() {
            let word = self.word(at as WordId);
            let bytes = word.as_bytes();
            let shared = path.iter().zip(bytes).take_while(|(a, b)| a == b).count();
            states.truncate(shared + 1);
            let mut rejected_after = None;
            for (offset, &byte) in bytes[shared..].iter().enumerate() {
                let state = automaton.transition(states[states.len() - 1], byte);
                if state == SINK_STATE {
                    rejected_after = Some(shared + offset);
                    break;
                }
                states.push(state);
            }
            match rejected_after {
                None => {
                    if let Distance::Exact(_) = automaton.distance(states[states.len() - 1]) {
                        found(at as WordId, word);
                    }
                    path = bytes;
                    at += 1;
                }
                Some(length) => {
                    // No word starting with these bytes can be accepted: skip them all.
                    let rejected = &bytes[..=length];
                    at = self.end_of_run(at, |word| word.as_bytes().starts_with(rejected));
                    path = &bytes[..length];
                }
            }
        }
    }

    /// The first position after `start` whose word is not `in_run`, the words from `start`
    /// on being in the run up to some point and out of it after. Galloping: the runs the
    /// walk skips are mostly a few words long, so it probes 1, 2, 4... words ahead before
    /// a binary search, rather than binary searching all the words left.
    fn end_of_run(&self, start: usize, in_run: impl Fn(&str) -> bool) -> usize {
        let mut step = 1;
        while start + step < self.len() && in_run(self.word((start + step) as WordId)) {
            step *= 2;
        }
        let last_known = start + step / 2;
        self.first_where(last_known + 1..(start + step).min(self.len()), |word| !in_run(word))
    }
}

#[cfg(test)]
mod tests {
    use levenshtein_automata::LevenshteinAutomatonBuilder;

    use super::*;

    fn dictionary(words: &[&str]) -> Dictionary {
        let mut words = words.to_vec();
        words.sort_unstable();
        words.dedup();
        Dictionary::new(words)
    }

    /// Every word the automaton accepts, found by running it on each word alone.
    fn accepted_one_by_one(dictionary: &Dictionary, automaton: &DFA) -> Vec<String> {
        let words = dictionary.words();
        words
            .filter(|word| matches!(automaton.eval(word.as_bytes()), Distance::Exact(_)))
            .map(|word| word.to_string())
            .collect()
    }

    fn accepted(dictionary: &Dictionary, automaton: &DFA) -> Vec<String> {
        let mut words = Vec::new();
        dictionary.accepted_by(automaton, |id, word| {
            assert_eq!(dictionary.word(id), word);
            words.push(word.to_owned());
        });
        words
    }

    #[test]
    fn looks_words_up_whole_and_by_prefix() {
        let dictionary = dictionary(&["sugar", "sugarcane", "suger", "sum", "ruble", "rubber", "été"]);
        assert_eq!(dictionary.get("suger").map(|id| dictionary.word(id)), Some("suger"));
        assert_eq!(dictionary.get("sug"), None);
        let words = |range: Range<WordId>| range.map(|id| dictionary.word(id).to_owned()).collect::<Vec<_>>();
        assert_eq!(words(dictionary.starting_with("sug")), ["sugar", "sugarcane", "suger"]);
        assert_eq!(words(dictionary.starting_with("ét")), ["été"]);
        assert_eq!(words(dictionary.starting_with("x")), Vec::<String>::new());
        assert_eq!(dictionary.starting_with("").len(), dictionary.len());
    }

    #[test]
    fn walks_the_words_an_automaton_accepts() {
        let dictionary = dictionary(&[
            "sugar",
            "sugarcane",
            "suger",
            "sugared",
            "sum",
            "ruble",
            "rubber",
            "rubbers",
            "nickel",
            "nickles",
            "a",
            "ab",
            "abc",
            "b",
            "été",
            "ete",
            "zzz",
        ]);
        for distance in [1, 2] {
            let builder = LevenshteinAutomatonBuilder::new(distance, true);
            for typed in ["suger", "rubbr", "nickle", "ete", "a", "sugarc", "zz", "q"] {
                for automaton in [builder.build_dfa(typed), builder.build_prefix_dfa(typed)] {
                    assert_eq!(
                        accepted(&dictionary, &automaton),
                        accepted_one_by_one(&dictionary, &automaton),
                        "{typed}"
                    );
                }
            }
        }
        let exact = LevenshteinAutomatonBuilder::new(1, true).build_dfa("suger");
        assert_eq!(accepted(&dictionary, &exact), ["sugar", "suger"]);
    }

    proptest::proptest! {
        /// On any words (a small alphabet, so that words share prefixes and fall within
        /// reach), the walk accepts exactly the words the automaton accepts one by one.
        #[test]
        fn the_walk_agrees_with_the_automaton(
            words in proptest::collection::vec("[abé]{0,6}", 0..40),
            typed in "[abé]{1,5}",
            distance in 1u8..=2,
            prefix: bool,
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let dictionary = dictionary(&words);
            let builder = LevenshteinAutomatonBuilder::new(distance, true);
            let automaton = if prefix { builder.build_prefix_dfa(&typed) } else { builder.build_dfa(&typed) };
            proptest::prop_assert_eq!(accepted(&dictionary, &automaton), accepted_one_by_one(&dictionary, &automaton));
        }
    }
}
