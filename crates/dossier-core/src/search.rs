//! Full-text search: a parsed [`Query`] is resolved against the [`SearchIndex`]'s
//! dictionary (each typed word expands to the words it matches exactly, by stem, as a
//! prefix or with a typo), then every article holding all clauses is scored with BM25F
//! and ranked: fewer typo-matched words first, then fewer prefix-only words, then score.
//!
//! The viewer and the command line reach it through [`crate::Corpus::select`], which
//! parses the search box text, [resolves](SearchIndex::resolve) it and
//! [runs](SearchIndex::run) it before filtering by entities and dates;
//! [`SearchIndex::explain`] says why one article matched. Search never fails: any text
//! gives results or none.

use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;

use crate::{
    ArticleId,
    index::{Field, Posting, SearchIndex, WordId},
    query::{Phrase, Query},
};

/// Weight of a word that shares the typed word's stem (`raids` for `raid`), against 1 for
/// the word itself. Lower it to favour the exact form more.
pub const STEM_WEIGHT: f32 = 0.7;

/// Weight of a completion of the word being typed. Completions share one rarity (IDF),
/// that of all of them together, so a rare completion (`cofab`) does not outrank the
/// common one meant (`coffee`) just for being rare. Only orders articles within a tier.
pub const PREFIX_WEIGHT: f32 = 0.8;

/// Weight of a word one edit away from the typed word; two edits weigh half as much.
pub const TYPO_WEIGHT: f32 = 0.5;

/// Typed words of at least this many characters tolerate one typo (a character inserted,
/// deleted, replaced, or two swapped).
pub const ONE_TYPO_FROM: usize = 4;

/// Typed words of at least this many characters tolerate two typos.
pub const TWO_TYPOS_FROM: usize = 8;

/// Typed words longer than this tolerate no typo: no word is that long, and the automaton
/// for a pasted wall of text would be large for nothing.
pub const NO_TYPOS_BEYOND: usize = 40;

/// How many times more articles must hold a word within reach of a typed word that is
/// itself in the collection for the typed word to be taken for a typo of it. Lower finds
/// more corrections of real words (and more noise: `rice` → `price`); higher, fewer.
pub const TYPO_DOMINANCE: u32 = 20;

/// At most this many dictionary words stand for one typed prefix or typo (the most
/// frequent ones), so a short prefix stays fast. A prefix of one letter stands for a
/// eighth as many, of two letters half as many: those are passing states of typing.
pub const MAX_EXPANSIONS: usize = 64;

/// How a dictionary word matched a typed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The same word (after folding case and accents).
    Exact,
    /// A word with the same Snowball stem.
    Stem,
    /// A completion of the word being typed.
    Prefix,
    /// A word within one or two edits.
    Typo,
    /// A quoted phrase, word for word in order.
    Phrase,
}

impl MatchKind {
    /// A lowercase name for people and for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Stem => "stem",
            MatchKind::Prefix => "prefix",
            MatchKind::Typo => "typo",
            MatchKind::Phrase => "phrase",
        }
    }
}

/// One dictionary word standing for a typed word.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    /// The dictionary word.
    pub word: WordId,
    /// How it matched.
    pub kind: MatchKind,
    /// Its weight against an exact match.
    pub weight: f32,
    /// The document frequency its rarity (IDF) is computed from: its own, or for
    /// completions of a prefix, that of all completions together.
    pub rarity_from: u32,
}

/// A typed word (or phrase) with the dictionary words it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedPhrase {
    /// What was typed, folded (words joined by spaces for a phrase).
    pub typed: String,
    /// One list of expansions per word; more than one for a phrase.
    pub words: Vec<Vec<Expansion>>,
}

/// A parsed query whose words are resolved against the dictionary: what the index runs,
/// and what the viewer highlights and explains.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolvedQuery {
    /// Required clauses, each a list of alternatives.
    pub clauses: Vec<Vec<ResolvedPhrase>>,
    /// Excluded words and phrases.
    pub excluded: Vec<ResolvedPhrase>,
    /// Every dictionary word a result may be highlighted for, sorted.
    pub highlights: Vec<String>,
}

impl ResolvedQuery {
    /// Whether there is nothing to search for: every article is shown.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excluded.is_empty()
    }
}

/// One article that matches a query, with its relevance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchHit {
    /// The matching article.
    pub article: ArticleId,
    /// BM25F relevance; higher is better, only comparable within one query and tier.
    pub score: f32,
    /// Clauses this article matched only through a typo (ranks after those with fewer).
    pub typos: u8,
    /// Clauses this article matched only through a completion of the word being typed.
    pub prefixes: u8,
}

impl SearchHit {
    /// A hit for an article shown without a query.
    pub fn unranked(article: ArticleId) -> SearchHit {
        SearchHit { article, score: 0.0, typos: 0, prefixes: 0 }
    }
}

/// Why an article matched one typed word: which word it holds and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchReason {
    /// The typed word or phrase, folded.
    pub typed: String,
    /// The word of the article that matched (the phrase itself for phrases).
    pub matched: String,
    /// How it matched.
    pub kind: MatchKind,
    /// Where the article has it.
    pub fields: Vec<Field>,
}

/// Per-article match state of one clause while scoring.
const NO_MATCH: u8 = u8::MAX;

impl SearchIndex {
    /// Expands each typed word into the dictionary words it stands for.
    pub fn resolve(&self, query: &Query) -> ResolvedQuery {
        let clauses: Vec<Vec<ResolvedPhrase>> = query
            .clauses
            .iter()
            .map(|clause| clause.alternatives.iter().map(|phrase| self.resolve_phrase(phrase, true)).collect())
            .collect();
        let excluded = query.excluded.iter().map(|phrase| self.resolve_phrase(phrase, false)).collect();
        let mut highlights: Vec<String> = clauses
            .iter()
            .flatten()
            .flat_map(|phrase| phrase.words.iter().flatten())
            .map(|expansion| self.word(expansion.word).to_owned())
            .collect();
        highlights.sort_unstable();
        highlights.dedup();
        ResolvedQuery { clauses, excluded, highlights }
    }

    fn resolve_phrase(&self, phrase: &Phrase, tolerant: bool) -> ResolvedPhrase {
        let last = phrase.words.len() - 1;
        let words = phrase
            .words
            .iter()
            .enumerate()
            .map(|(position, word)| {
                let prefix = phrase.prefix && position == last;
                // Typos only for single words: a quoted phrase means those words.
                self.expand(word, prefix, tolerant && phrase.is_word())
            })
            .collect();
        ResolvedPhrase { typed: phrase.words.join(" "), words }
    }

    /// The dictionary words standing for one typed word.
    fn expand(&self, typed: &str, prefix: bool, tolerant: bool) -> Vec<Expansion> {
        let mut expansions: Vec<Expansion> = Vec::new();
        let exact = self.word_id(typed);
        // A word still being typed has a stem only when it is already a word: the stem of
        // `intere` (`inter`) says nothing of `interest`, which its completions find.
        let stems = if prefix && exact.is_none() { None } else { self.stems.get(&*self.stem(typed)) };
        // The word and its other forms share one rarity, so a rare form (`corning`, which
        // Snowball stems to `corn`) does not outrank the word typed for being rare.
        let forms: Vec<WordId> = exact.into_iter().chain(stems.into_iter().flatten().copied()).collect();
        let rarity_from = self.together(forms.iter().copied());
        if let Some(word) = exact {
            expansions.push(Expansion { word, kind: MatchKind::Exact, weight: 1.0, rarity_from });
        }
        for &word in forms.iter().filter(|&&word| Some(word) != exact) {
            expansions.push(Expansion { word, kind: MatchKind::Stem, weight: STEM_WEIGHT, rarity_from });
        }
        // A finished word that is in no article is looked up as a prefix too (`alum `
        // finds `aluminium`) before typos are.
        let typing = prefix;
        let prefix = prefix || expansions.is_empty();
        let typed_chars = typed.chars().count();
        if prefix {
            let limit = match typed_chars {
                1 => MAX_EXPANSIONS / 8,
                2 => MAX_EXPANSIONS / 2,
                _ => MAX_EXPANSIONS,
            };
            let known = |id: WordId| expansions.iter().any(|expansion| expansion.word == id);
            // The most frequent completions of a short prefix are among the collection's
            // most frequent words, which are listed most frequent first: walking that
            // list is far cheaper than the thousands of words the dictionary holds under
            // `s`. When the list holds too few, the dictionary is walked.
            let mut completions: Vec<(WordId, ())> = if typed_chars <= 2 {
                self.frequent_words()
                    .iter()
                    .filter(|&&id| self.word(id).starts_with(typed) && !known(id))
                    .take(limit)
                    .map(|&id| (id, ()))
                    .collect()
            } else {
                Vec::new()
            };
            if completions.len() < limit {
                completions.clear();
                let automaton = fst::automaton::Str::new(typed).starts_with();
                let mut stream = self.dictionary.search(automaton).into_stream();
                while let Some((_, id)) = stream.next() {
                    let id = id as WordId;
                    if !known(id) {
                        completions.push((id, ()));
                    }
                }
                completions = keep_most_frequent(self, completions, limit);
            }
            let rarity_from = self.together(completions.iter().map(|&(id, ())| id));
            for (id, ()) in completions {
                expansions.push(Expansion { word: id, kind: MatchKind::Prefix, weight: PREFIX_WEIGHT, rarity_from });
            }
        }
        let distance = match typed_chars {
            n if n > NO_TYPOS_BEYOND => 0,
            n if n >= TWO_TYPOS_FROM => 2,
            n if n >= ONE_TYPO_FROM => 1,
            _ => 0,
        };
        let has_digit = typed.chars().any(|c| c.is_ascii_digit());
        if tolerant && distance > 0 && !has_digit {
            // A typo is much rarer than the word meant: a word within reach counts only
            // when [`TYPO_DOMINANCE`] times more articles hold it than hold anything the
            // typed word already matched (`goverment `, misspelt in 9 articles, still
            // finds `government`; `rice` does not find `price`, nor `said` `sad`).
            // A word still being typed looks for typos only when nothing completes it,
            // and then as the start of a word within reach (`sheimb` finds `sheinbaum`):
            // otherwise `coff` would also find `off`.
            let known = expansions.iter().map(|expansion| self.document_frequency(expansion.word)).max();
            if typing && known.is_some() {
                return expansions;
            }
            let floor = known.map_or(0, |known| known.saturating_mul(TYPO_DOMINANCE));
            if floor >= self.highest_document_frequency() {
                // No word is held by enough articles: skip building the automaton.
                return expansions;
            }
            let builder = levenshtein_builder(distance);
            let automaton = if typing { builder.build_prefix_dfa(typed) } else { builder.build_dfa(typed) };
            let mut candidates: Vec<(WordId, u8)> = Vec::new();
            let mut stream = self.dictionary.search(&automaton).into_stream();
            while let Some((word, id)) = stream.next() {
                let id = id as WordId;
                if self.document_frequency(id) > floor && !expansions.iter().any(|e| e.word == id) {
                    let edits = match automaton.eval(word) {
                        levenshtein_automata::Distance::Exact(edits)
                        | levenshtein_automata::Distance::AtLeast(edits) => edits.max(1),
                    };
                    candidates.push((id, edits));
                }
            }
            // Only the nearest: `petroleom` is `petroleum`, not also `petroleums`.
            let nearest = candidates.iter().map(|&(_, edits)| edits).min().unwrap_or(0);
            candidates.retain(|&(_, edits)| edits == nearest);
            let candidates = keep_most_frequent(self, candidates, MAX_EXPANSIONS);
            let rarity_from = self.together(candidates.iter().map(|&(id, _)| id));
            for (id, edits) in candidates {
                let weight = TYPO_WEIGHT / f32::from(edits);
                expansions.push(Expansion { word: id, kind: MatchKind::Typo, weight, rarity_from });
            }
        }
        expansions
    }

    /// Runs a resolved query: articles holding every clause and no exclusion, best first.
    pub fn run(&self, query: &ResolvedQuery) -> Vec<SearchHit> {
        // Hits are sorted by a 64-bit key holding the article in its low 24 bits.
        let articles = self.article_count().min(1 << 24);
        if query.is_empty() {
            return Vec::new();
        }
        let mut excluded = vec![false; articles];
        for phrase in &query.excluded {
            let (kinds, _) = self.match_phrase(phrase);
            for (flag, kind) in excluded.iter_mut().zip(kinds) {
                *flag |= kind != NO_MATCH;
            }
        }
        let mut totals = vec![0f32; articles];
        let mut typos = vec![0u8; articles];
        let mut prefixes = vec![0u8; articles];
        let mut alive: Vec<bool> = excluded.iter().map(|&flag| !flag).collect();
        for clause in &query.clauses {
            let mut best_kind = vec![NO_MATCH; articles];
            let mut clause_score = vec![0f32; articles];
            for phrase in clause {
                let (kinds, scores) = self.match_phrase(phrase);
                for article in 0..articles {
                    if kinds[article] != NO_MATCH {
                        best_kind[article] = best_kind[article].min(kinds[article]);
                        clause_score[article] += scores[article];
                    }
                }
            }
            for article in 0..articles {
                match best_kind[article] {
                    NO_MATCH => alive[article] = false,
                    kind => {
                        totals[article] += clause_score[article];
                        typos[article] = typos[article].saturating_add(u8::from(kind == MatchKind::Typo as u8));
                        prefixes[article] = prefixes[article].saturating_add(u8::from(kind == MatchKind::Prefix as u8));
                    }
                }
            }
        }
        // Sorted as one integer each: tier (typos, then prefixes), score descending,
        // article; decoded after. Far cheaper than comparing structs.
        let mut keys: Vec<u64> = (0..articles)
            .filter(|&article| alive[article])
            .map(|article| {
                let tier = u64::from(typos[article].min(15)) << 4 | u64::from(prefixes[article].min(15));
                let score = u64::from(u32::MAX - ordered_bits(totals[article]));
                tier << 56 | score << 24 | article as u64
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let article = (key & 0xFF_FFFF) as usize;
                SearchHit {
                    article: ArticleId(article as u32),
                    score: totals[article],
                    typos: typos[article],
                    prefixes: prefixes[article],
                }
            })
            .collect()
    }

    /// For every article: the best [`MatchKind`] of the phrase in it (as a `u8`, or
    /// [`NO_MATCH`]) and its score.
    fn match_phrase(&self, phrase: &ResolvedPhrase) -> (Vec<u8>, Vec<f32>) {
        let articles = self.article_count();
        let mut kinds = vec![NO_MATCH; articles];
        let mut scores = vec![0f32; articles];
        if let [expansions] = phrase.words.as_slice() {
            for expansion in expansions {
                let kind = expansion.kind as u8;
                let weighted_idf = expansion.weight * self.idf(expansion.rarity_from);
                for (article, frequencies) in self.field_counts(expansion.word) {
                    let score = self.bm25f(article, frequencies, weighted_idf);
                    let article = article as usize;
                    if kind < kinds[article] {
                        kinds[article] = kind;
                    }
                    scores[article] = scores[article].max(score);
                }
            }
            return (kinds, scores);
        }
        // A phrase: articles holding every word, then checked for the words in a row.
        let mut holders = vec![0u32; articles];
        for (index, expansions) in phrase.words.iter().enumerate() {
            for expansion in expansions {
                for (article, _) in self.field_counts(expansion.word) {
                    let slot = &mut holders[article as usize];
                    if *slot as usize == index {
                        *slot += 1;
                    }
                }
            }
        }
        for article in 0..articles {
            if holders[article] as usize == phrase.words.len() && self.phrase_at(phrase, article as u32) {
                // A phrase found word for word ranks like exact words.
                kinds[article] = MatchKind::Exact as u8;
                scores[article] = phrase
                    .words
                    .iter()
                    .flat_map(|expansions| {
                        expansions.iter().filter_map(|expansion| {
                            let posting = self.posting_for(expansion.word, article as u32)?;
                            let idf = expansion.weight * self.idf(expansion.rarity_from);
                            Some(self.bm25f(posting.article, &posting.frequencies, idf))
                        })
                    })
                    .sum();
            }
        }
        (kinds, scores)
    }

    /// Whether the article has the phrase's words at consecutive positions.
    fn phrase_at(&self, phrase: &ResolvedPhrase, article: u32) -> bool {
        let positions: Vec<Vec<u32>> = phrase
            .words
            .iter()
            .map(|expansions| {
                let mut all: Vec<u32> = expansions
                    .iter()
                    .filter_map(|expansion| self.posting_for(expansion.word, article))
                    .flat_map(Posting::positions)
                    .collect();
                all.sort_unstable();
                all
            })
            .collect();
        let Some((first, rest)) = positions.split_first() else { return false };
        first.iter().any(|&start| {
            rest.iter().enumerate().all(|(offset, list)| list.binary_search(&(start + offset as u32 + 1)).is_ok())
        })
    }

    /// Why `article` matches `query`: for each typed word or phrase it holds, the word it
    /// holds, how that matched and in which fields. Empty when nothing matched.
    pub fn explain(&self, query: &ResolvedQuery, article: ArticleId) -> Vec<MatchReason> {
        let mut reasons = Vec::new();
        for phrase in query.clauses.iter().flatten() {
            if let [expansions] = phrase.words.as_slice() {
                // The best-ranked kind of match the article has, and every field it is in.
                let mut found: Option<(MatchKind, f32, &str, Vec<Field>)> = None;
                for expansion in expansions {
                    let Some(posting) = self.posting_for(expansion.word, article.0) else { continue };
                    let fields: Vec<Field> =
                        Field::ALL.into_iter().filter(|&field| posting.frequencies[field as usize] > 0).collect();
                    let better = found
                        .as_ref()
                        .is_none_or(|(kind, weight, _, _)| (expansion.kind, -expansion.weight) < (*kind, -*weight));
                    if better {
                        found = Some((expansion.kind, expansion.weight, self.word(expansion.word), fields));
                    }
                }
                if let Some((kind, _, matched, fields)) = found {
                    reasons.push(MatchReason {
                        typed: phrase.typed.clone(),
                        matched: matched.to_owned(),
                        kind,
                        fields,
                    });
                }
            } else if self.phrase_at(phrase, article.0) {
                let fields = [Field::Title, Field::Body]
                    .into_iter()
                    .filter(|&field| self.phrase_in_field(phrase, article.0, field))
                    .collect();
                reasons.push(MatchReason {
                    typed: phrase.typed.clone(),
                    matched: phrase.typed.clone(),
                    kind: MatchKind::Phrase,
                    fields,
                });
            }
        }
        reasons
    }

    /// Whether every word of the phrase occurs in the field (titles and bodies are the
    /// positional fields the phrase was found in).
    fn phrase_in_field(&self, phrase: &ResolvedPhrase, article: u32, field: Field) -> bool {
        phrase.words.iter().all(|expansions| {
            expansions.iter().any(|expansion| {
                self.posting_for(expansion.word, article).is_some_and(|posting| posting.frequencies[field as usize] > 0)
            })
        })
    }
}

/// The bits of a float, as an integer that sorts like the float does.
fn ordered_bits(value: f32) -> u32 {
    let bits = value.to_bits();
    if bits >> 31 == 1 { !bits } else { bits | 1 << 31 }
}

impl SearchIndex {
    /// The document frequency that words standing for one typed word share: the sum of
    /// theirs, at most the collection's size.
    fn together(&self, words: impl Iterator<Item = WordId>) -> u32 {
        let sum: u64 = words.map(|word| u64::from(self.document_frequency(word))).sum();
        sum.min(self.article_count() as u64) as u32
    }
}

/// Keeps the `limit` candidates held by the most articles.
fn keep_most_frequent<T>(index: &SearchIndex, mut candidates: Vec<(WordId, T)>, limit: usize) -> Vec<(WordId, T)> {
    if candidates.len() > limit && limit > 0 {
        candidates.select_nth_unstable_by_key(limit - 1, |(id, _)| std::cmp::Reverse(index.document_frequency(*id)));
        candidates.truncate(limit);
    }
    candidates
}

/// The Levenshtein automaton builder for a distance, counting a swap of two neighbouring
/// characters as one edit; built once (its tables take a moment).
fn levenshtein_builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance >= 2 { &TWO } else { &ONE };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.min(2), true))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{Corpus, fixtures, query::parse};

    /// Runs the search box text as [`crate::Corpus::select`] does, hits only.
    fn search(index: &SearchIndex, text: &str) -> Vec<SearchHit> {
        index.run(&index.resolve(&parse(text)))
    }

    /// Titles of the hits in the shared fixture collection, best first.
    fn titles(corpus: &Corpus, query: &str) -> Vec<String> {
        search(corpus.index(), query).iter().map(|hit| corpus.article(hit.article).title.clone()).collect()
    }

    fn check(query: &str, expected: &[&str]) {
        assert_eq!(titles(&fixtures::corpus(), query), expected, "query {query:?}");
    }

    #[test]
    fn every_word_is_required_and_case_and_accents_fold() {
        check("cartel sheinbaum ", &["Cartels and banks"]);
        check("mexico ", &["Maduro arrested", "Cartels and banks"]); // the shorter text first
        check("NICOLÁS ", &["Maduro arrested"]);
        check("cartel zapata ", &[]);
    }

    #[test]
    fn stems_match_other_forms() {
        check("raid ", &["Cartography", "Banks launder cartel money", "Fentanyl seizures"]);
        check("seizure ", &["Fentanyl seizures"]);
    }

    #[test]
    fn the_word_being_typed_is_a_prefix_and_exact_ranks_first() {
        let corpus = fixtures::corpus();
        let found = titles(&corpus, "car");
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(titles(&corpus, "cart")[0], "Weather", "the word `cart` itself before its completions");
        let hits = search(corpus.index(), "cart");
        assert!(hits[0].prefixes == 0 && hits[1..].iter().all(|hit| hit.prefixes == 1));
        check("banks car", &["Banks launder cartel money", "Cartels and banks"]);
    }

    #[test]
    fn typos_are_forgiven_by_length_and_rank_last() {
        check("sheinbuam ", &["Cartels and banks"]);
        check("fentanil ", &["Fentanyl seizures"]);
        check("madur ", &["Maduro arrested"]);
        check("mexcio ", &["Maduro arrested", "Cartels and banks"]);
        check("rian ", &["Weather"]);
        check("cra ", &[]);
        check("1986 ", &[]);
        let hits = search(fixtures::corpus().index(), "sheinbuam");
        assert_eq!(hits[0].typos, 1);
    }

    #[test]
    fn quoted_phrases_need_the_words_in_a_row() {
        check("\"drug cartels\"", &["Banks launder cartel money"]);
        check("\"cartels drug\"", &[]);
        check("\"drug cartel\"", &["Banks launder cartel money"]);
        check("\"rain texas\"", &[]);
    }

    #[test]
    fn exclusions_and_alternatives() {
        check("cartel -drug ", &["Cartels and banks"]);
        check("maduro OR sheinbaum ", &["Maduro arrested", "Cartels and banks"]);
        check("maduro OR sheinbaum -venezuela ", &["Cartels and banks"]);
    }

    #[test]
    fn titles_weigh_more_than_bodies() {
        check("banks ", &["Banks launder cartel money", "Cartels and banks"]);
    }

    #[test]
    fn explanations_name_the_word_the_kind_and_the_fields() {
        let corpus = fixtures::corpus();
        let index = corpus.index();
        let query = index.resolve(&parse("banks sheinbuam \"the cartel\" car"));
        let article = corpus.article_by_key("mexico-cartels").expect("fixture article");
        let reasons: Vec<String> = index
            .explain(&query, article)
            .iter()
            .map(|reason| {
                let fields: Vec<&str> = reason.fields.iter().map(|field| field.as_str()).collect();
                format!("{} → {} ({}) in {}", reason.typed, reason.matched, reason.kind.as_str(), fields.join("+"))
            })
            .collect();
        assert_eq!(
            reasons,
            [
                "banks → banks (exact) in title+body",
                "sheinbuam → sheinbaum (typo) in entities+body",
                "the cartel → the cartel (phrase) in body",
                "car → cartel (prefix) in body",
            ]
        );
        assert!(query.highlights.contains(&"sheinbaum".to_owned()) && query.highlights.contains(&"cartel".to_owned()));
    }

    #[test]
    fn odd_queries_match_nothing_and_never_fail() {
        let many_words: String = (0..2_000).map(|n| format!("cartel{n} ")).collect();
        let wall = "sheinbaumcartelsmexico".repeat(500);
        // More words than a u16 counts, all held by the same articles.
        let long_phrase = format!("\"{}\"", "a ".repeat(70_000));
        for query in [
            "",
            "   ",
            "!!!",
            "\u{0}",
            "\"",
            "-",
            "OR",
            "\u{301}\u{301}",
            &"x".repeat(10_000),
            &many_words,
            &wall,
            &long_phrase,
        ] {
            check(query, &[]);
        }
    }

    /// Queries made of the fixture collection's words, typos and phrases, some excluded,
    /// some as alternatives, finished or still being typed: random text rarely matches.
    fn fixture_words() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "cartel",
            "cartels",
            "banks",
            "mexico",
            "méxico",
            "raid",
            "sheinbuam",
            "car",
            "drug",
            "the",
            "rain",
            "maduro",
            "zapata",
            "1987",
            "\"drug cartels\"",
            "\"the cartel\"",
        ]);
        let part =
            (prop::sample::select(vec!["", "", "-", "OR "]), word).prop_map(|(how, word)| format!("{how}{word}"));
        (prop::collection::vec(part, 1..5), any::<bool>()).prop_map(|(parts, finished)| {
            let text = parts.join(" ");
            if finished { text + " " } else { text }
        })
    }

    proptest! {
        /// Any text is a query: it never panics, hits are distinct articles ranked in tier
        /// order, each hit holds every clause (one of its alternatives, as `explain` finds
        /// it: a word in its postings, a phrase word for word) and no excluded word or
        /// phrase.
        #[test]
        fn any_text_is_a_query(text in prop_oneof!["\\PC{0,40}|[a-zA-Zé \"\\-]{0,30}( OR [a-z]{1,8})?", fixture_words()]) {
            let corpus = fixtures::corpus();
            let index = corpus.index();
            let query = index.resolve(&parse(&text));
            let hits = index.run(&query);
            let mut seen: Vec<u32> = hits.iter().map(|hit| hit.article.0).collect();
            seen.sort_unstable();
            seen.dedup();
            prop_assert_eq!(seen.len(), hits.len());
            for pair in hits.windows(2) {
                prop_assert!((pair[0].typos, pair[0].prefixes) <= (pair[1].typos, pair[1].prefixes));
            }
            // The excluded phrases asked for as clauses: `explain` must find none in a hit.
            let excluded = ResolvedQuery {
                clauses: query.excluded.iter().map(|phrase| vec![phrase.clone()]).collect(),
                ..ResolvedQuery::default()
            };
            for hit in &hits {
                let reasons = index.explain(&query, hit.article);
                for clause in &query.clauses {
                    prop_assert!(
                        clause.iter().any(|phrase| reasons.iter().any(|reason| reason.typed == phrase.typed)),
                        "{:?} does not hold {:?} of {:?}", hit, clause, text
                    );
                }
                prop_assert_eq!(index.explain(&excluded, hit.article), Vec::new(), "{:?} holds an excluded word", hit);
            }
        }
    }
}
