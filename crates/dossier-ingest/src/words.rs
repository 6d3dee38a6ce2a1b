//! Words as the extractor sees them: a paragraph cut into words with the facts about
//! each that names depend on (capitals, a possessive, a sentence start, what joins it to
//! the word before), and the collection's own evidence of which words are common.

use std::ops::Range;

use rustc_hash::FxHashMap;

use unicode_segmentation::UnicodeSegmentation;

use dossier_format::Article;
use dossier_text::{fold, is_abbreviation, sentence_ends_at, strip_possessive};

use crate::lists::{self, List, Lists};

/// How often each folded word is written in lowercase and capitalized (outside sentence
/// starts) across the collection: a capitalized word that is mostly written in lowercase
/// ("Despite", "Securities", "Agreement") is a common word, not a name. The model adds
/// the counts of the text it learned from, so a small collection still knows that
/// "Later" or "Nobody" opening a sentence is not a name.
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Vocabulary {
    /// Folded word -> (lowercase, capitalized) counts.
    counts: FxHashMap<String, (u32, u32)>,
}

impl Vocabulary {
    pub(crate) fn of(articles: &[Article]) -> Vocabulary {
        Vocabulary::of_paragraphs(articles.iter().flat_map(|article| &article.body).map(String::as_str))
    }

    /// The counts over any paragraphs.
    pub(crate) fn of_paragraphs<'p>(paragraphs: impl Iterator<Item = &'p str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for paragraph in paragraphs {
            for word in cut(paragraph) {
                let lowercase = word.text.chars().next().is_some_and(char::is_lowercase);
                if !lowercase && (word.sentence_start || !word.capitalized() || word.all_capitals()) {
                    continue;
                }
                let counts = vocabulary.counts.entry(fold(word.bare())).or_default();
                if lowercase {
                    counts.0 += 1;
                } else {
                    counts.1 += 1;
                }
            }
        }
        vocabulary
    }

    /// Adds another vocabulary's counts.
    pub(crate) fn add(&mut self, other: &Vocabulary) {
        for (word, (lowercase, capitalized)) in &other.counts {
            let counts = self.counts.entry(word.clone()).or_default();
            counts.0 += lowercase;
            counts.1 += capitalized;
        }
    }

    /// The common words (mostly written in lowercase), in order, with their counts.
    pub(crate) fn common_entries(&self) -> Vec<(&str, u32, u32)> {
        let mut entries: Vec<(&str, u32, u32)> = self
            .counts
            .iter()
            .filter(|(_, (lowercase, capitalized))| *lowercase > 0 && lowercase * 2 >= *capitalized)
            .map(|(word, (lowercase, capitalized))| (word.as_str(), *lowercase, *capitalized))
            .collect();
        entries.sort_unstable();
        entries
    }

    /// Sets a word's counts.
    pub(crate) fn insert(&mut self, word: String, lowercase: u32, capitalized: u32) {
        self.counts.insert(word, (lowercase, capitalized));
    }

    /// Whether `word` is mostly a common word in this collection.
    pub(crate) fn is_common(&self, word: &str) -> bool {
        let folded = fold(word.trim_end_matches('.'));
        let (lowercase, capitalized) = self.counts.get(&folded).copied().unwrap_or((0, 0));
        lowercase > 0 && lowercase * 2 >= capitalized
    }
}

/// One word of a paragraph, as the extractor sees it.
#[derive(Debug)]
pub(crate) struct Word<'t> {
    /// The word without a possessive `’s`, with the dot of an initial or abbreviation.
    pub(crate) text: &'t str,
    pub(crate) range: Range<usize>,
    pub(crate) possessive: bool,
    pub(crate) sentence_start: bool,
    /// Whether it may continue the name before it (only white space or `&` between; words a
    /// hyphen joins are one word).
    pub(crate) joined: bool,
    /// Where the word ends with its possessive.
    raw_end: usize,
    /// The word lists that hold it ([`Lists::marks`]).
    marks: u32,
}

impl Word<'_> {
    pub(crate) fn bare(&self) -> &str {
        self.text.trim_end_matches('.')
    }

    pub(crate) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(crate) fn all_capitals(&self) -> bool {
        dossier_text::in_capitals(self.text, 2)
    }

    /// Whether the word (without a final dot, ignoring ASCII case) is in `list`.
    pub(crate) fn is(&self, list: List) -> bool {
        list.marked(self.marks)
    }

    /// The word lists that hold the word, one bit a list ([`Lists::marks`]).
    pub(crate) fn marks(&self) -> u32 {
        self.marks
    }

    /// "UTC", "EST" written in capitals ("Est" and "Cet" may be words of other languages).
    pub(crate) fn is_time_zone(&self) -> bool {
        self.all_capitals() && self.is(List::TimeZones)
    }

    /// Whether the word is a particle of a person's name ("de", "Van", "al").
    pub(crate) fn is_particle(&self) -> bool {
        lists::is_particle(self.marks, self.text)
    }

    /// "GNP", "DNA", "CEOs", "PhD": an abbreviation of common nouns (not "Aids" or "Tv").
    pub(crate) fn is_common_acronym(&self) -> bool {
        self.is(List::CommonAcronyms) && self.text.chars().filter(|c| c.is_uppercase()).count() >= 2
    }

    /// "d'Estaing", "d’Alema": a name with its particle written onto it.
    pub(crate) fn has_elided_particle(&self) -> bool {
        ["d'", "d’"]
            .iter()
            .any(|particle| self.text.strip_prefix(particle).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
    }

    /// Whether the word is in Latin script ("После", a Russian sentence's first word, is
    /// not: the collection's lowercase counts, which tell a capitalized common word from a
    /// name, are too thin to judge it).
    pub(crate) fn is_latin(&self) -> bool {
        self.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c))
    }
}

/// A paragraph cut into words, each marked with the word lists that hold it.
pub(crate) fn words<'t>(paragraph: &'t str, lists: &Lists) -> Vec<Word<'t>> {
    let mut words = cut(paragraph);
    for word in &mut words {
        word.marks = lists.marks(word.text);
    }
    words
}

/// A paragraph cut into words, unmarked (no word is in any list): enough to count which
/// words are common.
fn cut(paragraph: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut previous_end = 0;
    for (start, raw) in hyphenated(paragraph, paragraph.unicode_word_indices().flat_map(split_run_on)) {
        let core = strip_possessive(raw);
        let possessive = core.len() < raw.len();
        let mut end = start + core.len();
        let is_initial = core.chars().count() == 1 && dossier_text::in_capitals(core, 1);
        let is_dotted = core.contains('.') && !core.ends_with('.');
        if !possessive && (is_initial || is_dotted || is_abbreviation(core)) && paragraph[end..].starts_with('.') {
            end += 1;
        }
        let gap = &paragraph[previous_end.min(start)..start];
        let sentence_start = words.is_empty()
            || gap.contains(['“', '"', ':', '(', '['])
            || gap.char_indices().any(|(at, _)| sentence_ends_at(paragraph, previous_end + at));
        // After a possessive, what follows its `'s` ("Moody's Investors Service").
        let after_possessive = words.last().map_or(previous_end, |word: &Word<'_>| word.raw_end).min(start);
        let joined = matches!(&paragraph[after_possessive..start], " " | "&" | " & " | "\u{a0}");
        let raw_end = (start + raw.len()).max(end);
        words.push(Word {
            text: &paragraph[start..end],
            range: start..end,
            possessive,
            sentence_start,
            joined,
            raw_end,
            marks: 0,
        });
        previous_end = end;
    }
    words
}

/// Joins the words a hyphen holds together with no space ("Schoch-Spana", "al-Aqsa",
/// "Mercedes-Benz", "New York-based"), which Unicode splits: one word, as CoNLL-2003 (which
/// the tagger learns from) writes them.
fn hyphenated<'t>(paragraph: &'t str, pieces: impl Iterator<Item = (usize, &'t str)>) -> Vec<(usize, &'t str)> {
    let mut words: Vec<(usize, &'t str)> = Vec::new();
    for (start, piece) in pieces {
        if let Some((first, word)) = words.last_mut() {
            let end = *first + word.len();
            if matches!(&paragraph[end..start], "-" | "\u{2010}" | "\u{2011}") {
                *word = &paragraph[*first..start + piece.len()];
                continue;
            }
        }
        words.push((start, piece));
    }
    words
}

/// Splits words that Unicode joins across a period with no space after it ("Snowden.Image"
/// in a caption) unless they look like an abbreviation ("U.S", "Ph.D").
fn split_run_on((start, word): (usize, &str)) -> Vec<(usize, &str)> {
    let abbreviation = word.split('.').all(|piece| piece.chars().count() <= 3);
    if !word.contains('.') || abbreviation {
        return vec![(start, word)];
    }
    let mut pieces = Vec::new();
    let mut offset = 0;
    for piece in word.split('.') {
        if !piece.is_empty() {
            pieces.push((start + offset, piece));
        }
        offset += piece.len() + 1;
    }
    pieces
}
