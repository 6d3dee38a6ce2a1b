//! Full-text search: a parsed [`Query`] is resolved against the [`SearchIndex`]'s
//! dictionary (each typed word expands to the words it matches exactly, by stem, as a
//! prefix, with a typo, or joined with the next word), each weighed by how likely the
//! reader meant it (a typo is kept only when it is the likeliest reading); then every
//! article holding all clauses is ranked after Meilisearch: by how many words it matches
//! only through a less likely reading (a rarer word the letters spell, a completion of a
//! word typed in full), then by how close the words stand (proximity), then by BM25F
//! score over title, body, entity names and source.
//!
//! The viewer and the command line reach it through [`crate::Corpus::select`], which
//! parses the search box text, [resolves](SearchIndex::resolve) it and
//! [runs](SearchIndex::run) it before filtering by entities and dates;
//! [`SearchIndex::explain`] says why one article matched. Search never fails: any text
//! gives results or none.
//!
//! # How a typed word is read and results ranked
//!
//! Every reading of a typed word is weighed, never dropped for being rare (`SearchIndex::rank`),
//! by a noisy channel: **likelihood = prior × channel**.
//! - **Prior**: the articles holding the word, each that names it in an entity the
//!   extractor found counting 3 (`NAME_WEIGHT` 2 more: `yeuter` reads as Yeutter), times
//!   min(1, 3 × IDF / IDF of a word in one article) (`COMMON_BELOW`): a word in nearly every
//!   article (`reuter`, every article's source) tells nothing and cannot win for being common.
//! - **Channel**: 1/20 (`SLIP_ODDS`) for each slip between what was typed and the word: a
//!   typo (a changed first letter counts two), a finished word that is only the start of
//!   the word (stopped short), a form of a word the collection does not hold (`nickle`,
//!   `nickles`). The word as typed, when the collection holds it, is likelier the more
//!   established it is: × (1 + its articles / 10) (`ESTABLISHED`), so a misspelling the text
//!   itself contains stays weak (`suger`) and a real word is not read as a slip for a
//!   commoner one (`corn`, not `corp`).
//! - **Context**: when a typed word has corrections, the word as typed and each correction
//!   are also weighed beside the words typed next to it (`SearchIndex::context`: a bigram
//!   of the collection interpolated with the word alone, [`CONTEXT_SHARE`] 0.5):
//!   `industrial roduction` reads as production, side by side with industrial in 86
//!   articles, rather than reduction, commoner alone but never after industrial.
//!
//! Readings are of two sorts, what the letters spell (the word, its forms, related words,
//! completions) and corrections; the sort holding the likeliest reading ranks first, the
//! other after:
//! - a correction is likeliest (`suger`): corrections within 4× of it rank first, the word
//!   as typed and its forms after (the two articles that misspell sugar come last);
//! - the letters spell the likeliest: the word and its forms rank first, completions after
//!   (with them while the word is typed and implausible: `pro` for production); corrections
//!   to a finished word within 4× of it rank after, those further off, or any while the word
//!   is typed, are left out, since they would only add noise to the count, the timeline and
//!   the facets (`rice` does not find `price`, `corn` not `corp`).
//!
//! **Forms and related words.** Snowball's stem groups a word with different words
//! (`housing`, `house`; `university`, `universe`). A stem-mate is a *form* of the typed word
//! (`search::same_word`) when it adds or takes off a plural or verb ending without changing
//! the letters before it (`raid`, `raids`, `raided`; `earning`, `earnings`; `country`,
//! `countries`), and what the typed word is a form of is a word of the collection in its own
//! right (in 3 articles and a hundredth of the typed word's: a stray `hous` does not make
//! `houses` a form of `housing`); every other stem-mate is a *related word*. While a word is
//! typed, a stem-mate it starts is a completion (`nation` typing national). The names an
//! article mentions count for a reading only when it is not a related word: `housing` takes
//! nothing from the House of Representatives.
//!
//! **Ranking rules**, in order (`SearchHit::rules`; `dossier search --explain` names the one
//! that ordered two results): articles must hold every clause and no exclusion, then
//! 1. *readings*: clauses matched only through a reading ranked after (a rare word the
//!    letters spell when a correction is likelier, a completion of a word typed in full);
//! 2. *exactness*: clauses matched only through a related word (`house` for `housing`),
//!    since a reader who types a word means it;
//! 3. *proximity*: for each pair of neighbouring query words, the words between their
//!    nearest occurrences in title or body (reversed order one more, at most 7 a pair,
//!    15 in all), from the word that stands for each clause in that article (the one it
//!    scores best with, a related word or a reading ranked after only where nothing better
//!    is held);
//! 4. *score*: BM25F (k1 1.2; boosts title 3, body 1, entity names 0.5, source 0.5; length
//!    normalisation `b` 0.5 for bodies and 0.2 for headlines, chosen on the tuning half).
//!    The forms of one typed word share one IDF, so a rare form cannot outrank the word
//!    typed for being rare; so do the corrections kept.
//!
//! The order follows Meilisearch's (words, typo, proximity, attribute, exactness), with the
//! typo rule generalised to readings and exactness moved before proximity, because a related
//! word changes the meaning (`house prices` is not `housing prices`) where Meilisearch,
//! without stemming, never meets one. Titles count through the BM25F boost, not as a rule of
//! their own: a hard attribute rule measured worse on the tune half (see git log). Hits are sorted as packed `u64` keys (4 bits a rule, then the score);
//! facets by a counting sort over entities in name order. The corpus keeps each entity's
//! articles newest first in one array: choosing an entity (with no query) starts from its
//! articles, and its timeline strip counts them, instead of testing every article. Every
//! tunable is a documented constant.
//!
//! A query no article holds as typed gets the likeliest query within reach that matches
//! (`SearchIndex::suggest`): a word in no article becomes the likeliest word within two
//! typos (one up to four letters), weighed as readings are, shown capitalized when most of
//! its articles name it; words that each match but never together get one replaced by the
//! word in its reach that stands beside the others most (`fuel oll`: fuel oil). The
//! selection shows that query's results instead of an empty page, and says so
//! (`SelectionView::corrected`); where it finds nothing in the period chosen, it is offered
//! ("Did you mean Dauster?"). "Find a name"
//! reads its text with the same readings (`search::NameFinder`): `Nakasoni` finds Yasuhiro
//! Nakasone, `thacher ` Margaret Thatcher. `cargo run --release -p dossier-cli --example
//! readings -- BUNDLE "suger "` prints every reading of a query with its slips, likelihood,
//! rank and articles.

use std::sync::OnceLock;

use levenshtein_automata::LevenshteinAutomatonBuilder;

use crate::{
    ArticleId,
    index::{Field, Posting, SearchIndex, WordId},
    order,
    query::{Phrase, Query},
};

/// Weight of a word that shares the typed word's stem (`raids` for `raid`), against 1 for
/// the word itself. Lower it to favour the exact form more.
pub const STEM_WEIGHT: f32 = 0.7;

/// Weight of a completion of the word being typed. Completions share one rarity (IDF),
/// that of all of them together, so a rare completion (`cofab`) does not outrank the
/// common one meant (`coffee`) just for being rare. Only orders articles within a tier.
pub const PREFIX_WEIGHT: f32 = 0.8;

/// Weight of a word one edit away from the typed word; two edits (a changed first letter
/// counts two) weigh half as much.
pub const TYPO_WEIGHT: f32 = 0.5;

/// Typed words of at least this many characters tolerate one typo (a character inserted,
/// deleted, replaced, or two swapped).
pub const ONE_TYPO_FROM: usize = 4;

/// Typed words of at least this many characters tolerate two typos.
pub const TWO_TYPOS_FROM: usize = 8;

/// Typed words longer than this tolerate no typo: no word is that long, and the automaton
/// for a pasted wall of text would be large for nothing.
pub const NO_TYPOS_BEYOND: usize = 40;

/// How much less likely the reader meant a word for each typo between it and what they
/// typed (a changed first letter counts two): the noisy channel's cost of a slip. A
/// correction held by this many times more articles than a rare form the letters spell
/// is the likelier reading (`suger`, in 2 articles, is sugar, in 283). Lower finds more
/// corrections (and more noise); higher, fewer.
pub const SLIP_ODDS: f32 = 20.0;

/// The share of the bigram in the context of a reading (`SearchIndex::context`): 0 reads
/// every word alone, 1 only beside its neighbours.
pub const CONTEXT_SHARE: f32 = 0.5;

/// How many words within reach of one typed word a suggestion tries in place of it when
/// every word matched something but not together (each try runs the query once).
pub const CONTEXT_CANDIDATES: usize = 6;

/// A word the collection holds in this many articles is an established word of it: the
/// odds against reading what was typed as a slip for another word grow by one more
/// [`SLIP_ODDS`] for each this many articles that hold it as typed. A misspelling in the
/// text (`goverment`, 8 articles) stays a weak reading; a real word (`corn`, in 275) is
/// not read as a slip for a commoner one (`corp`, in 5,225).
pub const ESTABLISHED: f32 = 10.0;

/// How much an article naming a word in an entity the extractor found counts towards how
/// likely the word is meant, against 1 for an article that only holds it (`yeuter` reads
/// as Yeutter, a name in 90 articles).
pub const NAME_WEIGHT: f32 = 2.0;

/// A word held by so many articles that its rarity (IDF) is under this share of a word
/// held by one is less likely meant in proportion: a reading that matches nearly every
/// article tells the reader nothing and does not win for being common (`yeuter` is not
/// `reuter`, in every article's source).
pub const COMMON_BELOW: f32 = 1.0 / 3.0;

/// Weight of the word two typed words make together, against 1 for the words themselves.
pub const JOINED_WEIGHT: f32 = 0.8;

/// At most this many words complete two typed words joined while the second is typed.
pub const MAX_JOINED: usize = 8;

/// How much less likely than the likeliest reading of a typed word another may be and
/// still rank with it (see [`SearchIndex::rank`]). Higher mixes in more unlikely words;
/// lower trusts the likeliest alone.
pub const PLAUSIBLE_WITHIN: f32 = 4.0;

/// At most this many dictionary words stand for one typed prefix or typo (the most
/// frequent ones), so a short prefix stays fast. A prefix of one letter stands for a
/// eighth as many, of two letters a quarter as many: those are passing states of typing.
pub const MAX_EXPANSIONS: usize = 64;

/// How a dictionary word matched a typed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The same word (after folding case and accents).
    Exact,
    /// Another form of the same word: a plural or a verb ending (`raids` for `raid`,
    /// `cartel` for `cartels`).
    Stem,
    /// A different word that shares the Snowball stem (`house` for `housing`, `universe`
    /// for `university`): a weaker reading than the word as typed.
    Related,
    /// A completion of the word being typed.
    Prefix,
    /// A word within one or two edits.
    Typo,
    /// A quoted phrase, word for word in order.
    Phrase,
    /// The word two typed words make together (`petro chemicals`: petrochemicals).
    Joined,
}

impl MatchKind {
    /// A lowercase name for people and for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Stem => "stem",
            MatchKind::Related => "related",
            MatchKind::Prefix => "prefix",
            MatchKind::Typo => "typo",
            MatchKind::Phrase => "phrase",
            MatchKind::Joined => "joined",
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
    /// Where articles matched through it rank: 0 with the likeliest readings of the typed
    /// word, 1 after them (a less likely word or completion).
    pub rank: u8,
    /// Slips between what was typed and this word, for the noisy channel: each typo (a
    /// changed first letter counting two), a word stopped short (a completion of a word
    /// typed in full), or a form of a word the collection does not hold.
    pub edits: u8,
    /// How likely the reader meant this word, against the likeliest reading of what they
    /// typed (1 for that one): the noisy channel's estimate, see [`SearchIndex::rank`].
    pub likelihood: f32,
}

impl Expansion {
    /// A dictionary word standing for a typed word, ranked with the likeliest readings
    /// until [`SearchIndex::rank`] says otherwise.
    fn new(word: WordId, kind: MatchKind, weight: f32, rarity_from: u32) -> Expansion {
        Expansion { word, kind, weight, rarity_from, rank: 0, edits: 0, likelihood: 1.0 }
    }
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
    /// Rule 1, readings: clauses this article matched only through a less likely reading
    /// of what was typed (a completion of a word typed in full, a rare word the letters
    /// happen to spell when a correction is likelier): it ranks after those with fewer.
    pub unlikely: u8,
    /// Rule 2, exactness: clauses matched only through a different word sharing the
    /// typed word's stem (`house` for `housing`).
    pub inexact: u8,
    /// Rule 3, proximity: how far apart the article holds the query's words (0 when side
    /// by side, as typed), see [`MAX_PAIR_DISTANCE`].
    pub proximity: u8,
}

impl SearchHit {
    /// A hit for an article shown without a query.
    pub fn unranked(article: ArticleId) -> SearchHit {
        SearchHit { article, score: 0.0, unlikely: 0, inexact: 0, proximity: 0 }
    }

    /// The ranking rules in the order they apply, as (name, value): lower ranks first,
    /// but for the last, the BM25F score (where titles weigh three times the body), where
    /// higher does.
    pub fn rules(&self) -> [(&'static str, f32); 4] {
        [
            ("readings", f32::from(self.unlikely)),
            ("exactness", f32::from(self.inexact)),
            ("proximity", f32::from(self.proximity)),
            ("score", self.score),
        ]
    }

    /// The first ranking rule that puts `self` after `before` (its name, and the values of
    /// `before` and `self`), or `None` when they tie on every rule: what
    /// `dossier search --explain` prints.
    pub fn ranked_after_by(&self, before: &SearchHit) -> Option<(&'static str, f32, f32)> {
        self.rules()
            .into_iter()
            .zip(before.rules())
            .find(|((_, mine), (_, theirs))| mine != theirs)
            .map(|((name, mine), (_, theirs))| (name, theirs, mine))
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
        // Each word typed alone in its clause, as the collection holds it (the word being
        // typed too, once it is one): the context its neighbours' readings are weighed in.
        let held: Vec<Option<WordId>> = query
            .clauses
            .iter()
            .map(|clause| match clause.alternatives.as_slice() {
                [phrase] if phrase.is_word() => self.word_id(&phrase.words[0]),
                _ => None,
            })
            .collect();
        let mut clauses: Vec<Vec<ResolvedPhrase>> = query
            .clauses
            .iter()
            .enumerate()
            .map(|(at, clause)| {
                // Only a single word is read in context: a quoted phrase means those words.
                let beside = match clause.alternatives.as_slice() {
                    [phrase] if phrase.is_word() => {
                        [at.checked_sub(1).and_then(|before| held[before]), held.get(at + 1).copied().flatten()]
                    }
                    _ => [None, None],
                };
                clause.alternatives.iter().map(|phrase| self.resolve_phrase(phrase, true, beside)).collect()
            })
            .collect();
        self.join_neighbours(query, &mut clauses);
        let excluded = query.excluded.iter().map(|phrase| self.resolve_phrase(phrase, false, [None, None])).collect();
        // In word id order, which is the words' byte order.
        let mut words: Vec<WordId> = clauses
            .iter()
            .flatten()
            .flat_map(|phrase| phrase.words.iter().flatten())
            .map(|expansion| expansion.word)
            .collect();
        words.sort_unstable();
        words.dedup();
        let highlights = words.into_iter().map(|word| self.word(word).to_owned()).collect();
        ResolvedQuery { clauses, excluded, highlights }
    }

    /// Two words typed one after the other also stand for the word they make together
    /// (`petro chemicals` finds petrochemicals; `news pap`, while typed, newspaper):
    /// the joined word is added to both, so an article holding it holds both.
    fn join_neighbours(&self, query: &Query, clauses: &mut [Vec<ResolvedPhrase>]) {
        for at in 1..query.clauses.len() {
            let ([first], [second]) = (&query.clauses[at - 1].alternatives[..], &query.clauses[at].alternatives[..])
            else {
                continue;
            };
            if !first.is_word() || !second.is_word() || first.prefix {
                continue;
            }
            let joined = format!("{}{}", first.words[0], second.words[0]);
            // While the second word is typed, the joined word's completions; once it is a
            // word of the collection, its other forms too (`petro chemicals` also finds
            // petrochemical), as for any word typed.
            let mut words: Vec<WordId> = self.forms(&joined, true);
            if second.prefix {
                let completions = self.most_frequent_completions(&joined, MAX_JOINED, |word| words.contains(&word));
                words.extend(completions);
            }
            words.sort_unstable();
            let rarity_from = self.together(words.iter().copied());
            for clause in [at - 1, at] {
                let expansions = &mut clauses[clause][0].words[0];
                for &word in &words {
                    if !expansions.iter().any(|expansion| expansion.word == word) {
                        expansions.push(Expansion::new(word, MatchKind::Joined, JOINED_WEIGHT, rarity_from));
                    }
                }
            }
        }
    }

    /// `beside`: the words typed before and after a single word, for the context of its
    /// readings (none for a quoted phrase).
    fn resolve_phrase(&self, phrase: &Phrase, tolerant: bool, beside: [Option<WordId>; 2]) -> ResolvedPhrase {
        let last = phrase.words.len() - 1;
        let words = phrase
            .words
            .iter()
            .enumerate()
            .map(|(position, word)| {
                let prefix = phrase.prefix && position == last;
                // Typos only for single words: a quoted phrase means those words.
                self.expand(word, prefix, tolerant && phrase.is_word(), beside)
            })
            .collect();
        ResolvedPhrase { typed: phrase.words.join(" "), words }
    }

    /// The dictionary words standing for one typed word: its forms, completions while it
    /// is typed (or when a finished word is in no article), and corrections within reach,
    /// each weighed by how likely the reader meant it ([`SearchIndex::rank`]).
    fn expand(&self, typed: &str, prefix: bool, tolerant: bool, beside: [Option<WordId>; 2]) -> Vec<Expansion> {
        let mut expansions = self.forms_of(typed, prefix);
        // A finished word that is in no article is looked up as a prefix too (`alum `
        // finds `aluminium`): a word stopped short, one slip.
        let finished = !prefix;
        let prefix = prefix || expansions.is_empty();
        let typed_chars = typed.chars().count();
        if prefix {
            let completions = self.completions(typed, finished, &expansions);
            expansions.extend(completions);
        }
        let distance = match typed_chars {
            n if n > NO_TYPOS_BEYOND => 0,
            n if n >= TWO_TYPOS_FROM => 2,
            n if n >= ONE_TYPO_FROM => 1,
            _ => 0,
        };
        let has_digit = typed.chars().any(|c| c.is_ascii_digit());
        if tolerant && distance > 0 && !has_digit {
            let corrections = self.corrections(typed, distance, prefix, finished, &expansions);
            expansions.extend(corrections);
        }
        self.rank(&mut expansions, finished, beside);
        expansions
    }

    /// The typed word and the words sharing its stem, as forms or related words.
    fn forms_of(&self, typed: &str, prefix: bool) -> Vec<Expansion> {
        let mut expansions: Vec<Expansion> = Vec::new();
        let exact = self.word_id(typed);
        // A word still being typed has a stem only when it is already a word: the stem of
        // `intere` (`inter`) says nothing of `interest`, which its completions find.
        let forms = self.forms(typed, prefix);
        // The word and its other forms share one rarity, so a rare form (`corning`, which
        // Snowball stems to `corn`) does not outrank the word typed for being rare. The
        // word itself counts twice there, as it always has (once as typed, once in its
        // stem group); counting it once moves the judged scores, so it waits for a
        // measured change of its own.
        let rarity_from = self.together(exact.into_iter().chain(forms.iter().copied()));
        for &word in &forms {
            let (kind, weight) = if Some(word) == exact {
                (MatchKind::Exact, 1.0)
            } else if same_word(typed, self.word(word), |base| self.established_beside(base, exact))
                || (prefix && self.word(word).starts_with(typed))
            {
                // While a word is typed, a longer word of its stem is a completion of it
                // (`nation` typing national), not a different word.
                (MatchKind::Stem, STEM_WEIGHT)
            } else {
                (MatchKind::Related, STEM_WEIGHT)
            };
            // A form of a word the collection does not hold is one slip away from it
            // (`nickle` typed, `nickles` held).
            let edits = u8::from(exact.is_none());
            expansions.push(Expansion { edits, ..Expansion::new(word, kind, weight, rarity_from) });
        }
        expansions
    }

    /// The most frequent words starting with `typed` that are not among `expansions`
    /// already; a finished word's are one slip away (stopped short).
    fn completions(&self, typed: &str, finished: bool, expansions: &[Expansion]) -> Vec<Expansion> {
        let typed_chars = typed.chars().count();
        let limit = match typed_chars {
            1 => MAX_EXPANSIONS / 8,
            2 => MAX_EXPANSIONS / 4,
            _ => MAX_EXPANSIONS,
        };
        let known = |id: WordId| expansions.iter().any(|expansion| expansion.word == id);
        // The most frequent completions of a short prefix are among the collection's
        // most frequent words, which are listed most frequent first: walking that
        // list is far cheaper than the thousands of words the dictionary holds under
        // `s`. When the list holds too few, the dictionary is walked.
        let mut completions: Vec<WordId> = if typed_chars <= 2 {
            self.frequent_words()
                .iter()
                .copied()
                .filter(|&id| self.word(id).starts_with(typed) && !known(id))
                .take(limit)
                .collect()
        } else {
            Vec::new()
        };
        if completions.len() < limit {
            completions = self.most_frequent_completions(typed, limit, known);
        }
        let rarity_from = self.together(completions.iter().copied());
        let edits = u8::from(finished);
        let completion = |id| Expansion { edits, ..Expansion::new(id, MatchKind::Prefix, PREFIX_WEIGHT, rarity_from) };
        completions.into_iter().map(completion).collect()
    }

    /// Words within `distance` typos of what was typed that are not among `expansions`
    /// already, the [`MAX_EXPANSIONS`] likeliest.
    fn corrections(
        &self,
        typed: &str,
        distance: u8,
        prefix: bool,
        finished: bool,
        expansions: &[Expansion],
    ) -> Vec<Expansion> {
        // Words within reach of what was typed; for a word still being typed (or a
        // finished word found nowhere), words whose start is within reach, so that
        // `aluminim` finds aluminium though the rare `aluminimum` completes it. They
        // are weighed below by how likely the reader meant each. A plausible word typed
        // in full is looked up whole: `zinc` is not the start of `since` mistyped.
        let builder = levenshtein_builder(distance);
        let start_only = prefix && !self.word_meant(expansions);
        let whole = builder.build_dfa(typed);
        let starts = start_only.then(|| builder.build_prefix_dfa(typed));
        let automaton = starts.as_ref().unwrap_or(&whole);
        let mut candidates: Vec<(WordId, u8)> = Vec::new();
        self.dictionary.accepted_by(automaton, |id, word| {
            if !expansions.iter().any(|expansion| expansion.word == id) {
                // While a word is typed, what counts is how far its start is from what
                // was typed; once finished, how far the whole word is, or its start and
                // one slip more for stopping short.
                let start = edits(automaton, word).max(1);
                let (edits, stopped_short) = match whole.eval(word) {
                    levenshtein_automata::Distance::Exact(edits) if finished => (edits.max(1), false),
                    _ if finished => (start, true),
                    _ => (start, false),
                };
                // A finished word that is only the start of this one mistyped stopped
                // short too.
                let first_changed = first_letter_changed(typed, word);
                candidates.push((id, edits + u8::from(first_changed) + u8::from(stopped_short)));
            }
        });
        let likelier = |a: u32, b: u32| {
            let (a, b) = (candidates[a as usize], candidates[b as usize]);
            self.prior(b.0).total_cmp(&self.prior(a.0)).then(a.1.cmp(&b.1))
        };
        if let Some(kept) = order::first_positions(candidates.len(), MAX_EXPANSIONS, &likelier) {
            candidates = order::take(candidates, &kept);
        }
        let rarity_from = self.together(candidates.iter().map(|&(id, _)| id));
        let correction = |(id, edits)| {
            let weight = TYPO_WEIGHT / f32::from(edits);
            Expansion { edits, ..Expansion::new(id, MatchKind::Typo, weight, rarity_from) }
        };
        candidates.into_iter().map(correction).collect()
    }

    /// Whether `base` is a word of the collection in its own right beside `typed`: held by
    /// a few articles at least, and by a hundredth as many as `typed` (a stray `hous`, in
    /// 2 articles, does not make `housing` a form of it).
    fn established_beside(&self, base: &str, typed: Option<WordId>) -> bool {
        let typed = typed.map_or(0, |typed| self.document_frequency(typed));
        self.word_id(base).is_some_and(|base| self.document_frequency(base) >= (typed / 100).max(3))
    }

    /// A word and the words sharing its stem, the word first when the dictionary has it.
    /// With `only_if_present`, a word the dictionary lacks has no forms (the stem of a
    /// word still being typed says nothing of the words it will be).
    fn forms(&self, word: &str, only_if_present: bool) -> Vec<WordId> {
        let exact = self.word_id(word);
        if only_if_present && exact.is_none() {
            return Vec::new();
        }
        let stems = self.stems.get(&*self.stem(word)).into_iter().flatten().copied();
        exact.into_iter().chain(stems.filter(|&id| Some(id) != exact)).collect()
    }

    /// The `limit` words starting with `prefix` that most articles hold, but those `skip`
    /// names, walking the dictionary.
    fn most_frequent_completions(&self, prefix: &str, limit: usize, skip: impl Fn(WordId) -> bool) -> Vec<WordId> {
        let mut completions: Vec<WordId> = self.dictionary.starting_with(prefix).filter(|&id| !skip(id)).collect();
        order::keep_most(&mut completions, limit, &|id| self.document_frequency(id));
        completions
    }

    /// Whether the letters typed spell a plausible word among `expansions` (the word itself
    /// or its stem, within [`PLAUSIBLE_WITHIN`] of the likeliest of them).
    fn word_meant<'e>(&self, expansions: impl IntoIterator<Item = &'e Expansion>) -> bool {
        let mut likeliest = 0;
        let mut spelled = 0;
        for expansion in expansions {
            let articles = self.document_frequency(expansion.word);
            likeliest = likeliest.max(articles);
            if matches!(expansion.kind, MatchKind::Exact | MatchKind::Stem | MatchKind::Related) {
                spelled = spelled.max(articles);
            }
        }
        spelled > 0 && spelled as f32 * PLAUSIBLE_WITHIN >= likeliest as f32
    }

    /// How likely a reader means a word, before looking at what they typed: the articles
    /// holding it, those naming it in an entity counting [`NAME_WEIGHT`] more, less in
    /// proportion for a word so common it tells nothing ([`COMMON_BELOW`]).
    pub(crate) fn prior(&self, word: WordId) -> f32 {
        let articles = self.document_frequency(word);
        let held = articles as f32 + NAME_WEIGHT * self.name_frequency(word) as f32;
        let telling = self.idf(articles) / self.idf(1).max(f32::MIN_POSITIVE);
        held * (telling / COMMON_BELOW).min(1.0)
    }

    /// How likely the reader meant `word` when it is `slips` slips from what they typed:
    /// its [`prior`](Self::prior) divided by [`SLIP_ODDS`] for each.
    fn slipped(&self, word: WordId, slips: u8) -> f32 {
        self.prior(word) / SLIP_ODDS.powi(i32::from(slips))
    }

    /// How likely the reader meant an expansion (the noisy channel, unnormalised): its
    /// [`prior`](Self::prior) divided by [`SLIP_ODDS`] for each slip between it and what
    /// was typed; the word as typed, when the collection holds it, is likelier the more
    /// established it is ([`ESTABLISHED`]).
    fn channel(&self, expansion: &Expansion) -> f32 {
        let prior = self.slipped(expansion.word, expansion.edits);
        if expansion.kind == MatchKind::Exact {
            prior * (1.0 + self.document_frequency(expansion.word) as f32 / ESTABLISHED)
        } else {
            prior
        }
    }

    /// How much likelier a reading is beside the words typed next to it than alone: the
    /// language model of the noisy channel, a bigram interpolated with the word's own
    /// frequency, as the ratio of the two: (1 − [`CONTEXT_SHARE`]) + [`CONTEXT_SHARE`] ×
    /// (articles with the two side by side × articles) / (articles of each), for the word
    /// before and the word after. `industrial roduction` reads as production (side by side
    /// with industrial in 86 Reuters articles) rather than reduction, likelier alone. Only
    /// for the word as typed and its corrections, when it has any: the choice they make.
    fn context(&self, expansion: &Expansion, beside: [Option<WordId>; 2]) -> f32 {
        if !matches!(expansion.kind, MatchKind::Exact | MatchKind::Typo) {
            return 1.0;
        }
        let word = expansion.word;
        let articles = self.article_count() as f32;
        let [before, after] = beside;
        let pairs = [before.map(|before| (before, word, before)), after.map(|after| (word, after, after))];
        pairs.into_iter().flatten().fold(1.0, |factor, (left, right, neighbour)| {
            let together = self.side_by_side(left, right) as f32;
            let apart = self.document_frequency(neighbour) as f32 * self.document_frequency(word) as f32;
            factor * ((1.0 - CONTEXT_SHARE) + CONTEXT_SHARE * together * articles / apart.max(1.0))
        })
    }

    /// Weighs the readings of one typed word by how likely the reader meant each (a noisy
    /// channel: [`channel`](Self::channel)), sets each one's
    /// [`likelihood`](Expansion::likelihood) against the likeliest, and ranks them. The
    /// readings are of two sorts: what the letters spell (the word, its forms, related
    /// words, completions) and corrections (typos). The sort holding the likeliest
    /// reading ranks first:
    /// - when the letters spell it, the word and its forms rank first (while it is typed,
    ///   only when plausible), completions with them only when the word is implausible
    ///   (`pro` while typing production); corrections to a word typed in full rank after
    ///   when within [`PLAUSIBLE_WITHIN`] of it, and are left out when far less likely
    ///   (`rice` does not find `price`, nor `corn` `corp`) or while the word is typed;
    /// - when a correction is likeliest, the corrections within [`PLAUSIBLE_WITHIN`] of
    ///   it rank first, and what the letters spell after (`suger` finds sugar first, then
    ///   the two articles that misspell it).
    fn rank(&self, expansions: &mut Vec<Expansion>, finished: bool, beside: [Option<WordId>; 2]) {
        let in_context = expansions.iter().any(|expansion| expansion.kind == MatchKind::Typo);
        let likelihoods: Vec<f32> = expansions
            .iter()
            .map(|expansion| {
                let context = if in_context { self.context(expansion, beside) } else { 1.0 };
                self.channel(expansion) * context
            })
            .collect();
        let likeliest = likelihoods.iter().copied().fold(0.0, f32::max);
        let best_of = |typo: bool| {
            expansions
                .iter()
                .zip(&likelihoods)
                .filter(|(expansion, _)| (expansion.kind == MatchKind::Typo) == typo)
                .map(|(_, &likelihood)| likelihood)
                .fold(0.0, f32::max)
        };
        let typo_leads = best_of(true) > best_of(false);
        // Among what the letters spell, whether a word is plausible against the others is
        // a matter of how many articles hold each (`pro` against production, while typed);
        // the word's establishment only weighs against corrections.
        let held = |expansion: &Expansion| self.document_frequency(expansion.word) as f32;
        let most_held =
            expansions.iter().filter(|expansion| expansion.kind != MatchKind::Typo).map(held).fold(0.0, f32::max);
        // Typos are weighed apart: whether the letters spell a meant word is a matter of
        // what they spell.
        let word_meant = self.word_meant(expansions.iter().filter(|expansion| expansion.kind != MatchKind::Typo));
        // The word and its forms are one word: while it is typed, they are plausible
        // together against its completions (`starts` and `start` against `startup`).
        let word_held: f32 = expansions
            .iter()
            .filter(|expansion| matches!(expansion.kind, MatchKind::Exact | MatchKind::Stem))
            .map(held)
            .sum();
        let mut kept = Vec::with_capacity(expansions.len());
        for (mut expansion, likelihood) in expansions.drain(..).zip(likelihoods) {
            let own = match expansion.kind {
                MatchKind::Exact | MatchKind::Stem => word_held,
                _ => held(&expansion),
            };
            let plausible = own * PLAUSIBLE_WITHIN >= most_held;
            let likely = match expansion.kind {
                // Corrections far less likely than the likeliest reading would only add
                // noise to the results, their timeline and counts (`corn` is not `corp`),
                // and so would any while a word the letters spell is still typed.
                MatchKind::Typo if likelihood * PLAUSIBLE_WITHIN < likeliest || (!typo_leads && !finished) => {
                    continue;
                }
                MatchKind::Typo => typo_leads,
                MatchKind::Prefix => plausible && !word_meant && !typo_leads,
                // A word typed in full means itself and its forms; while it is typed, a
                // rare word it spells ranks after its plausible completions.
                _ => !typo_leads && (finished || plausible),
            };
            expansion.rank = u8::from(!likely);
            expansion.likelihood = if likeliest > 0.0 { likelihood / likeliest } else { 1.0 };
            kept.push(expansion);
        }
        // The corrections left share the rarity of them all, not of those left out
        // (`reuter`, in every article, would make `yeutter` tell nothing).
        let typos = kept.iter().filter(|expansion| expansion.kind == MatchKind::Typo).map(|expansion| expansion.word);
        let rarity_from = self.together(typos);
        for expansion in kept.iter_mut().filter(|expansion| expansion.kind == MatchKind::Typo) {
            expansion.rarity_from = rarity_from;
        }
        *expansions = kept;
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
            let PhraseMatches { kinds, .. } = self.match_phrase(phrase);
            for (flag, kind) in excluded.iter_mut().zip(kinds) {
                *flag |= kind != NO_MATCH;
            }
        }
        let mut totals = vec![0f32; articles];
        let mut unlikely = vec![0u8; articles];
        let mut inexact = vec![0u8; articles];
        let mut alive: Vec<bool> = excluded.iter().map(|&flag| !flag).collect();
        // For each clause and article, the word that stands for the clause there (the
        // likeliest reading it holds), for proximity.
        let mut clause_words: Vec<Vec<WordId>> = Vec::with_capacity(query.clauses.len());
        for clause in &query.clauses {
            let matches = self.match_clause(clause, articles);
            for article in 0..articles {
                match matches.kinds[article] {
                    NO_MATCH => alive[article] = false,
                    kind => {
                        totals[article] += matches.scores[article];
                        unlikely[article] = unlikely[article].saturating_add(kind);
                        inexact[article] = inexact[article].saturating_add(u8::from(!matches.exact[article]));
                    }
                }
            }
            clause_words.push(matches.words);
        }
        let proximity = |article: usize| -> u8 {
            if clause_words.len() < 2 {
                return 0;
            }
            self.proximity(article as u32, clause_words.iter().map(|words| words[article])) as u8
        };
        // Sorted as one integer each, the ranking rules in order, four bits each (readings,
        // exactness, proximity), then the score descending and the article; decoded after.
        // Far cheaper than comparing structs.
        let nibble = |value: u8| u64::from(value.min(15));
        let mut keys: Vec<u64> = (0..articles)
            .filter(|&article| alive[article])
            .map(|article| {
                let score = u64::from((u32::MAX - ordered_bits(totals[article])) >> 4);
                nibble(unlikely[article]) << 60
                    | nibble(inexact[article]) << 56
                    | nibble(proximity(article)) << 52
                    | score << 24
                    | article as u64
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let article = (key & 0xFF_FFFF) as usize;
                SearchHit {
                    article: ArticleId(article as u32),
                    score: totals[article],
                    unlikely: unlikely[article],
                    inexact: inexact[article],
                    proximity: (key >> 52 & 0xF) as u8,
                }
            })
            .collect()
    }

    /// A clause's alternatives taken together, for every article: the best kind of match
    /// among them, their scores summed, the word of the likeliest alternative found there
    /// (for proximity), and whether any matched exactly.
    fn match_clause(&self, clause: &[ResolvedPhrase], articles: usize) -> PhraseMatches {
        let mut clause = clause.iter().map(|phrase| self.match_phrase(phrase));
        let Some(mut best) = clause.next() else {
            return PhraseMatches::none(articles);
        };
        for matches in clause {
            for article in 0..articles {
                if matches.kinds[article] == NO_MATCH {
                    continue;
                }
                best.kinds[article] = best.kinds[article].min(matches.kinds[article]);
                best.scores[article] += matches.scores[article];
                if best.words[article] == NO_WORD || matches.picks[article] > best.picks[article] {
                    best.words[article] = matches.words[article];
                    best.picks[article] = matches.picks[article];
                }
                best.exact[article] |= matches.exact[article];
            }
        }
        best
    }

    /// For every article: the best [`MatchKind`] of the phrase in it (as a `u8`, or
    /// [`NO_MATCH`]), its score, the word that stands for it there (for proximity; the
    /// phrase's first word for a phrase, [`NO_WORD`] where none), and whether it holds
    /// the phrase as typed (not only a related word).
    fn match_phrase(&self, phrase: &ResolvedPhrase) -> PhraseMatches {
        let articles = self.article_count();
        let mut matches = PhraseMatches::none(articles);
        if let [expansions] = phrase.words.as_slice() {
            for expansion in expansions {
                let kind = expansion.rank;
                let weighted_idf = expansion.weight * self.idf(expansion.rarity_from);
                let related = expansion.kind == MatchKind::Related;
                // The word that stands for the typed one in an article is the one it scores
                // best with (the completion it uses most), but a less likely reading, or a
                // different word sharing the stem, only where nothing better is held.
                let demoted = if related { 0.1 } else { 1.0 } / f32::from(1 + kind);
                for (article, frequencies) in self.field_counts(expansion.word) {
                    // A different word that shares the stem is not the name the extractor
                    // found: its entity names do not count.
                    let score = if related {
                        let mut frequencies = *frequencies;
                        frequencies[Field::Entities as usize] = 0;
                        self.bm25f(article, &frequencies, weighted_idf)
                    } else {
                        self.bm25f(article, frequencies, weighted_idf)
                    };
                    let article = article as usize;
                    if kind < matches.kinds[article] {
                        matches.kinds[article] = kind;
                    }
                    if score > matches.scores[article] {
                        matches.scores[article] = score;
                    }
                    let pick = score * demoted;
                    if matches.words[article] == NO_WORD || pick > matches.picks[article] {
                        matches.words[article] = expansion.word;
                        matches.picks[article] = pick;
                    }
                    matches.exact[article] |= !related;
                }
            }
            return matches;
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
        for (article, &held) in holders.iter().enumerate() {
            if held as usize == phrase.words.len() && self.phrase_at(phrase, article as u32) {
                // A phrase found word for word ranks like exact words.
                matches.kinds[article] = 0;
                matches.words[article] = phrase.words[0].first().map_or(NO_WORD, |expansion| expansion.word);
                matches.picks[article] = 1.0;
                matches.exact[article] = true;
                matches.scores[article] = phrase
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
        matches
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
                // The reading the article was ranked by (the best rank it holds), of those
                // the likeliest kind of match, and every field it is in.
                let mut found: Option<(ReasonOrder, &str, Vec<Field>)> = None;
                for expansion in expansions {
                    let Some(posting) = self.posting_for(expansion.word, article.0) else { continue };
                    let fields: Vec<Field> =
                        Field::ALL.into_iter().filter(|&field| posting.frequencies[field as usize] > 0).collect();
                    let order = (expansion.rank, expansion.kind, -expansion.weight);
                    if found.as_ref().is_none_or(|(best, _, _)| order < *best) {
                        found = Some((order, self.word(expansion.word), fields));
                    }
                }
                if let Some(((_, kind, _), matched, fields)) = found {
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

/// What to offer a reader whose query matched nothing: the query with each word that
/// matched nothing read as the likeliest word within a wider reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The search box text to search for instead (every word finished).
    pub text: String,
    /// The same for people to read: words that are mostly names capitalized ("Did you
    /// mean Dauster?").
    pub shown: String,
}

impl SearchIndex {
    /// A query likelier to be what was meant, when the query matched no article. Each
    /// typed word that matched nothing becomes the likeliest word within two typos (one
    /// for words of up to four letters), weighed as readings are ([`SearchIndex::prior`]
    /// over [`SLIP_ODDS`] for each typo). When that finds nothing either, or every word
    /// matched something but no article holds them all (`fuel oll`: `oll` reads as the
    /// name Olle), one word is replaced instead: by the word within its reach that makes
    /// the query match, the likeliest weighed by the articles where the words then stand
    /// side by side (`fuel oil`, not `fuel all`). `None` when no such query matches.
    pub fn suggest(&self, query: &ResolvedQuery) -> Option<Suggestion> {
        let unmatched = self.written_with(query, |_, phrase| match phrase.words.as_slice() {
            [expansions] if expansions.is_empty() => self.likeliest_within_reach(&phrase.typed),
            _ => None,
        });
        unmatched.filter(|suggestion| !self.hits_of(suggestion).is_empty()).or_else(|| self.suggest_in_context(query))
    }

    /// What a suggestion finds.
    fn hits_of(&self, suggestion: &Suggestion) -> Vec<SearchHit> {
        self.run(&self.resolve(&crate::query::parse(&suggestion.text)))
    }

    /// The one word whose replacement makes a query of two or more words match, as
    /// [`SearchIndex::suggest`] says.
    fn suggest_in_context(&self, query: &ResolvedQuery) -> Option<Suggestion> {
        if query.clauses.len() < 2 {
            return None;
        }
        let mut best: Option<(f32, Suggestion)> = None;
        for (at, clause) in query.clauses.iter().enumerate() {
            let [ResolvedPhrase { typed, words }] = clause.as_slice() else { continue };
            let [expansions] = words.as_slice() else { continue };
            for (likelihood, word) in self.within_reach(typed).into_iter().take(CONTEXT_CANDIDATES) {
                if expansions.iter().any(|expansion| expansion.word == word) {
                    continue;
                }
                let Some(suggestion) = self.written_with(query, |clause, _| (clause == at).then_some(word)) else {
                    continue;
                };
                let hits = self.hits_of(&suggestion);
                if hits.is_empty() {
                    continue;
                }
                let side_by_side = hits.iter().filter(|hit| hit.proximity == 0).count();
                let weighed = likelihood * (1 + side_by_side) as f32;
                if best.as_ref().is_none_or(|(most, _)| weighed > *most) {
                    best = Some((weighed, suggestion));
                }
            }
        }
        best.map(|(_, suggestion)| suggestion)
    }

    /// The query written out with the words `replace` gives (by clause index and phrase)
    /// in place of the typed ones; `None` when it replaces none.
    fn written_with(
        &self,
        query: &ResolvedQuery,
        replace: impl Fn(usize, &ResolvedPhrase) -> Option<WordId>,
    ) -> Option<Suggestion> {
        let mut changed = false;
        let (mut text, mut shown) = (Vec::new(), Vec::new());
        for (at, clause) in query.clauses.iter().enumerate() {
            let (mut typed, mut read) = (Vec::new(), Vec::new());
            for phrase in clause {
                let written =
                    if phrase.words.len() > 1 { format!("\"{}\"", phrase.typed) } else { phrase.typed.clone() };
                match replace(at, phrase) {
                    Some(word) => {
                        changed = true;
                        read.push(self.as_written(word));
                        typed.push(self.word(word).to_owned());
                    }
                    None => {
                        read.push(written.clone());
                        typed.push(written);
                    }
                }
            }
            text.push(typed.join(" OR "));
            shown.push(read.join(" OR "));
        }
        for phrase in &query.excluded {
            let written =
                if phrase.words.len() > 1 { format!("-\"{}\"", phrase.typed) } else { format!("-{}", phrase.typed) };
            text.push(written.clone());
            shown.push(written);
        }
        changed.then(|| Suggestion { text: text.join(" ") + " ", shown: shown.join(" ") })
    }

    /// The likeliest dictionary word within two typos of `typed` (one up to four letters).
    fn likeliest_within_reach(&self, typed: &str) -> Option<WordId> {
        self.within_reach(typed).first().map(|&(_, word)| word)
    }

    /// The dictionary words within two typos of `typed` (one up to four letters, none up
    /// to two), each with how likely it is meant, likeliest first.
    fn within_reach(&self, typed: &str) -> Vec<(f32, WordId)> {
        let distance = match typed.chars().count() {
            0..=2 => return Vec::new(),
            3 | 4 => 1,
            count if count > NO_TYPOS_BEYOND => return Vec::new(),
            _ => 2,
        };
        let automaton = levenshtein_builder(distance).build_dfa(typed);
        let mut reach = Vec::new();
        self.dictionary.accepted_by(&automaton, |id, word| {
            let edits = edits(&automaton, word) + u8::from(first_letter_changed(typed, word));
            reach.push((self.slipped(id, edits), id));
        });
        let order = order::stable_positions(reach.len(), &|a, b| reach[b as usize].0.total_cmp(&reach[a as usize].0));
        order::take(reach, &order)
    }

    /// A word as people write it: capitalized when most articles holding it name it in an
    /// entity (`dauster` is Dauster).
    fn as_written(&self, word: WordId) -> String {
        let text = self.word(word);
        if self.name_frequency(word) * 2 >= self.document_frequency(word).max(1) {
            // ASCII only: Unicode's case tables would add 7 KB to the app's download. A word
            // whose first letter is not ASCII stays as it is.
            let mut written = text.to_owned();
            if let Some(first) = written.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            written
        } else {
            text.to_owned()
        }
    }
}

/// What "Find a name" looks for: the typed text, and for each typed word the words the
/// search box would read it as (the word, its forms, completions of the word being
/// typed, likely corrections), so that `Nakasoni` finds Yasuhiro Nakasone as the search
/// box finds his articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameFinder {
    /// The text, folded and trimmed.
    wanted: String,
    /// For each typed word, the words it reads as.
    readings: Vec<Vec<Box<str>>>,
}

impl NameFinder {
    /// Reads `text` as the search box would (the last word is being typed unless a space
    /// follows it).
    pub fn new(index: &SearchIndex, text: &str) -> NameFinder {
        let wanted = dossier_text::fold(text.trim());
        let resolved = index.resolve(&crate::query::parse(text));
        let readings = resolved
            .clauses
            .iter()
            .flatten()
            .flat_map(|phrase| &phrase.words)
            .map(|expansions| expansions.iter().map(|expansion| index.word(expansion.word).into()).collect())
            .collect();
        NameFinder { wanted, readings }
    }

    /// Whether nothing was typed (every name is found).
    pub fn is_empty(&self) -> bool {
        self.wanted.is_empty()
    }

    /// Whether `name` is found: it holds the typed text as written, or each typed word
    /// reads as one of its words.
    pub fn finds(&self, name: &str) -> bool {
        let folded = dossier_text::fold(name);
        if folded.contains(&self.wanted) {
            return true;
        }
        // Most names hold none of the readings anywhere: told apart without splitting them.
        let may_hold = |readings: &Vec<Box<str>>| readings.iter().any(|reading| folded.contains(&**reading));
        if self.readings.is_empty() || !self.readings.iter().all(may_hold) {
            return false;
        }
        let words: Vec<String> = dossier_text::tokenize(name).into_iter().map(|token| token.term).collect();
        self.readings.iter().all(|readings| words.iter().any(|word| readings.iter().any(|reading| **reading == **word)))
    }
}

/// How [`SearchIndex::explain`] chooses the reading it names: the best rank, then the
/// likeliest kind of match, then the heaviest weight (negated).
type ReasonOrder = (u8, MatchKind, f32);

/// What [`SearchIndex::match_phrase`] finds, per article.
struct PhraseMatches {
    kinds: Vec<u8>,
    scores: Vec<f32>,
    words: Vec<WordId>,
    /// How strongly [`Self::words`] stands for the phrase (its weight and likelihood).
    picks: Vec<f32>,
    exact: Vec<bool>,
}

impl PhraseMatches {
    /// No article matches.
    fn none(articles: usize) -> Self {
        PhraseMatches {
            kinds: vec![NO_MATCH; articles],
            scores: vec![0.0; articles],
            words: vec![NO_WORD; articles],
            picks: vec![0.0; articles],
            exact: vec![false; articles],
        }
    }
}

/// No word matched (in [`PhraseMatches::words`]).
const NO_WORD: WordId = WordId::MAX;

/// The most one pair of neighbouring query words adds to an article's distance: words
/// this far apart, or further, or in different paragraphs, count as unrelated.
pub const MAX_PAIR_DISTANCE: u32 = 7;

impl SearchIndex {
    /// How far apart an article holds the query's words, in order: for each pair of
    /// neighbouring clauses, the words between their nearest occurrences (0 when they
    /// stand together, as typed; one more when reversed), at most [`MAX_PAIR_DISTANCE`]
    /// a pair and 15 in all. Lower ranks first (Meilisearch's proximity rule).
    fn proximity(&self, article: u32, words: impl Iterator<Item = WordId>) -> u32 {
        let positions = |word: WordId| -> Vec<u32> {
            if word == NO_WORD {
                return Vec::new();
            }
            self.posting_for(word, article).map(|posting| posting.positions().collect()).unwrap_or_default()
        };
        let mut total = 0;
        let mut previous: Option<(WordId, Vec<u32>)> = None;
        for word in words {
            let current = positions(word);
            if let Some((before_word, before)) = &previous {
                // One word standing for both (joined) is as close as they come.
                total += if *before_word == word && word != NO_WORD { 0 } else { pair_distance(before, &current) };
            }
            previous = Some((word, current));
        }
        total.min(15)
    }
}

/// Whether `form` is another form of the word `typed` rather than a different word
/// that Snowball stems alike: a plural or singular, or a verb ending added or taken off
/// without changing the letters before it (`raid`, `raids`, `raided`, `raiding`;
/// `earning`, `earnings`; `country`, `countries`). A word that `typed` is a form of must
/// be a word (`is_word`): `housing` is not `hous` with an ending, so `house` and
/// `houses` are not forms of it, nor `universe` of `university`.
pub fn same_word(typed: &str, form: &str, is_word: impl Fn(&str) -> bool) -> bool {
    const ENDINGS: [&str; 6] = ["s", "es", "ed", "d", "ing", "ings"];
    let mut bases: Vec<std::borrow::Cow<'_, str>> = vec![typed.into()];
    for ending in ENDINGS {
        if let Some(base) = typed.strip_suffix(ending).filter(|&base| base.chars().count() >= 2 && is_word(base)) {
            bases.push(base.into());
        }
    }
    for ending in ["ies", "ied"] {
        if let Some(base) = typed.strip_suffix(ending).map(|base| format!("{base}y")).filter(|base| is_word(base)) {
            bases.push(base.into());
        }
    }
    bases.iter().any(|base| {
        form == base
            || form
                .strip_prefix(&**base)
                .is_some_and(|ending| ENDINGS.contains(&ending) && (ending != "d" || base.ends_with('e')))
            || base
                .strip_suffix('y')
                .is_some_and(|stem| form.strip_prefix(stem).is_some_and(|ending| ending == "ies" || ending == "ied"))
    })
}

/// The distance of the nearest occurrences of two words (positions ascending): the words
/// between `first` and a following `second`, or one more than that when `second` comes
/// first; at most [`MAX_PAIR_DISTANCE`], which is also the distance when either is absent.
fn pair_distance(first: &[u32], second: &[u32]) -> u32 {
    let mut best = MAX_PAIR_DISTANCE;
    let (mut i, mut j) = (0, 0);
    while i < first.len() && j < second.len() && best > 0 {
        let (a, b) = (first[i], second[j]);
        let distance = if b > a { b - a - 1 } else { a - b + 1 };
        best = best.min(distance);
        if a < b { i += 1 } else { j += 1 }
    }
    best
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

/// The typos between what an automaton was built for and a `word` it reached.
fn edits(automaton: &levenshtein_automata::DFA, word: &str) -> u8 {
    match automaton.eval(word) {
        levenshtein_automata::Distance::Exact(edits) | levenshtein_automata::Distance::AtLeast(edits) => edits,
    }
}

/// Whether `word` starts with another letter than `typed`: readers seldom get the first
/// letter wrong, so changing it counts as a second typo (`zinc` is not `inc`, nor `rice`
/// `price`).
fn first_letter_changed(typed: &str, word: &str) -> bool {
    word.chars().next() != typed.chars().next()
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
    use crate::{Corpus, fixtures, index::Document, query::parse};

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
        assert!(hits[0].unlikely == 0 && hits[1..].iter().all(|hit| hit.unlikely == 1));
        check("banks car", &["Banks launder cartel money", "Cartels and banks"]);
    }

    #[test]
    fn typos_are_forgiven_by_length() {
        check("sheinbuam ", &["Cartels and banks"]);
        check("fentanil ", &["Fentanyl seizures"]);
        check("madur ", &["Maduro arrested"]);
        check("mexcio ", &["Maduro arrested", "Cartels and banks"]);
        check("rian ", &["Weather"]);
        check("cra ", &[]);
        check("1986 ", &[]);
        // Nothing the letters spell is in the collection: the correction is the likeliest
        // reading and ranks as such.
        let hits = search(fixtures::corpus().index(), "sheinbuam");
        assert_eq!((hits.len(), hits[0].unlikely), (1, 0));
    }

    /// An index of hand-made articles: `(title, body, how many such articles)`, among a
    /// thousand others about nothing the tests search for, as in a real collection, where
    /// no word but the commonest is in nearly every article (here `reuter`, the source of
    /// every article).
    fn engine(articles: &[(&str, &str, usize)]) -> (SearchIndex, Vec<&'static str>) {
        let named: Vec<(&str, &str, &[&str], usize)> =
            articles.iter().map(|&(title, body, copies)| (title, body, &[][..], copies)).collect();
        named_engine(&named)
    }

    /// [`engine`] with the names of the entities each article mentions.
    fn named_engine(articles: &[(&str, &str, &[&str], usize)]) -> (SearchIndex, Vec<&'static str>) {
        let filler: [(&str, &str, &[&str], usize); 1] = [("Other news", "Markets were quiet.", &[], 1000)];
        let articles: Vec<(&str, &str, &[&str], usize)> = articles.iter().chain(&filler).copied().collect();
        let expanded: Vec<(&str, Vec<String>, &[&str])> = articles
            .iter()
            .flat_map(|&(title, body, names, copies)| {
                std::iter::repeat_n((title, vec![body.to_owned()], names), copies)
            })
            .collect();
        let documents: Vec<Document<'_>> = expanded
            .iter()
            .map(|(title, body, names)| Document { title, body, entity_names: names, source: "Reuter" })
            .collect();
        let titles = expanded.iter().map(|(title, _, _)| &*String::from(*title).leak()).collect();
        (SearchIndex::build(&documents), titles)
    }

    /// The titles of the first `n` hits for `query` in an [`engine`].
    fn first(engine: &(SearchIndex, Vec<&'static str>), query: &str, n: usize) -> Vec<&'static str> {
        search(&engine.0, query).iter().take(n).map(|hit| engine.1[hit.article.index()]).collect()
    }

    #[test]
    fn a_misspelled_last_word_that_starts_a_rare_word_is_still_corrected() {
        let engine = engine(&[
            ("Aluminium output", "Aluminium smelters raised output.", 100),
            ("Odd spelling", "A trader wrote aluminimum by mistake.", 1),
        ]);
        assert_eq!(first(&engine, "aluminim", 3), ["Aluminium output"; 3]);
        assert_eq!(search(&engine.0, "aluminim").len(), 101, "the rare word still matches, after");
    }

    #[test]
    fn a_stem_of_a_rare_name_does_not_block_a_far_more_common_correction() {
        let engine = engine(&[
            ("Petroleum prices", "Petroleum rose in London.", 2000),
            ("Petrolem speaks", "Mr Petrolem spoke.", 3),
        ]);
        // `petrolems` (two typos from petroleum) shares its stem with the rare name;
        // `petrolem` (one typo) is the name itself. Thousands of articles against three.
        for typed in ["petrolems ", "petrolem "] {
            assert_eq!(first(&engine, typed, 2), ["Petroleum prices"; 2], "{typed:?}");
        }
    }

    #[test]
    fn a_real_word_typed_in_full_is_not_read_as_a_typo_of_a_commoner_one() {
        // 500 articles hold `corp`, 25 times those holding `corn`: a typo's odds alone
        // would read `corn` as `corp` mistyped; a word typed exactly costs one typo more.
        let engine = engine(&[("Corn harvest", "Corn yields rose.", 20), ("Acme Corp", "Acme Corp said.", 500)]);
        for typed in ["corn", "corn "] {
            assert_eq!(first(&engine, typed, 20), ["Corn harvest"; 20], "{typed:?}");
        }
        assert_eq!(search(&engine.0, "corn ").len(), 20, "the correction is dropped");
    }

    #[test]
    fn equal_distance_corrections_favour_the_likelier_word() {
        let engine =
            engine(&[("Bally buys casino", "Bally Manufacturing bought it.", 2), ("Barley", "Barley crops grew.", 30)]);
        assert_eq!(first(&engine, "barly ", 30), ["Barley"; 30]);
        assert_eq!(search(&engine.0, "barly ").len(), 30, "the unlikely correction is dropped");
    }

    #[test]
    fn a_known_word_is_not_read_as_a_typo_of_a_common_one() {
        let engine = engine(&[
            ("Zinc", "Zinc output fell.", 3),
            ("Results", "Acme Inc said profits rose.", 200),
            ("Rice", "Rice harvests.", 3),
            ("Prices", "Prices rose at Acme Inc.", 200),
        ]);
        assert_eq!(first(&engine, "zinc", 10), ["Zinc"; 3], "the first letter is seldom the typo");
        assert_eq!(first(&engine, "rice ", 10), ["Rice"; 3]);
    }

    #[test]
    fn a_rare_exact_form_does_not_hide_a_far_commoner_correction() {
        // The collection itself misspells sugar twice: a reader typing `suger` still means
        // sugar, and the two articles that misspell it take part after.
        let engine = engine(&[("Sugar", "Sugar prices rose.", 280), ("Typo", "The suger crop grew.", 2)]);
        assert_eq!(first(&engine, "suger ", 10), ["Sugar"; 10]);
        assert_eq!(first(&engine, "suger", 10), ["Sugar"; 10], "while it is typed too");
        let hits = search(&engine.0, "suger ");
        assert_eq!(hits.len(), 282, "both readings take part");
        assert_eq!(hits.iter().rev().take(2).map(|hit| engine.1[hit.article.index()]).collect::<Vec<_>>(), ["Typo"; 2]);
        let resolved = engine.0.resolve(&parse("suger "));
        let readings: Vec<(&str, MatchKind, u8)> = resolved.clauses[0][0].words[0]
            .iter()
            .map(|reading| (engine.0.word(reading.word), reading.kind, reading.rank))
            .collect();
        assert_eq!(readings, [("suger", MatchKind::Exact, 1), ("sugar", MatchKind::Typo, 0)]);
    }

    #[test]
    fn an_established_word_is_not_read_as_a_slip_for_a_commoner_one() {
        // `corn` in 275 articles, `corp` in 5,225: the reader typing corn means corn.
        let engine = engine(&[("Corn", "Corn yields rose.", 275), ("Acme Corp", "Acme Corp said.", 5225)]);
        assert_eq!(search(&engine.0, "corn ").len(), 275);
    }

    #[test]
    fn a_form_of_a_word_the_collection_lacks_is_one_slip_like_a_typo() {
        // `nickle` is in no article; `nickles` (a senator) shares its stem, `nickel` is one
        // typo away and held by far more articles.
        let engine = named_engine(&[
            ("Nickel output", "Nickel output rose.", &[], 43),
            ("Senator", "Senator Nickles spoke.", &["Don Nickles"], 3),
        ]);
        assert_eq!(first(&engine, "nickle ", 10), ["Nickel output"; 10]);
        assert_eq!(search(&engine.0, "nickle ").len(), 46);
    }

    #[test]
    fn a_reading_in_nearly_every_article_does_not_win_for_being_common() {
        // `reuter` (in every article's source) and `yeutter` (a name) are both one typo
        // from `yeuter`; only the name tells anything.
        let engine = named_engine(&[("Trade talks", "Clayton Yeutter spoke.", &["Clayton Yeutter"], 90)]);
        let hits = search(&engine.0, "yeuter ");
        assert_eq!(hits.len(), 90);
        assert!(hits.iter().all(|hit| hit.score > 0.0), "the name keeps its rarity");
    }

    #[test]
    fn a_name_the_extractor_found_is_a_likelier_reading_than_a_rare_word() {
        let engine = named_engine(&[
            ("Fed", "Paul Volcker spoke.", &["Paul Volcker"], 110),
            ("Firm", "Volker Corp said.", &["Volker Corp"], 1),
        ]);
        assert_eq!(first(&engine, "volker ", 10), ["Fed"; 10]);
        assert_eq!(search(&engine.0, "volker ").last().map(|hit| engine.1[hit.article.index()]), Some("Firm"));
    }

    #[test]
    fn the_word_as_typed_ranks_above_a_different_word_sharing_its_stem() {
        // Snowball stems housing and house alike; the House's articles say house often.
        let homes = engine(&[
            ("Congress", "The House voted. The house bill passed the House.", 50),
            ("Homes", "Housing sales rose.", 10),
        ]);
        assert_eq!(first(&homes, "housing ", 10), ["Homes"; 10]);
        let hits = search(&homes.0, "housing ");
        assert_eq!(hits.len(), 60, "the related word still takes part");
        assert_eq!((hits[0].inexact, hits[59].inexact), (0, 1));
        // Plurals and verb endings are the same word: exact.
        let raids = engine(&[("Raids", "Police raids.", 5), ("Raid", "A raid.", 5)]);
        assert!(search(&raids.0, "raid ").iter().all(|hit| hit.inexact == 0));
    }

    #[test]
    fn entity_names_count_only_for_the_reading_that_is_that_name() {
        // The same article with and without the House among its entities: for `housing`,
        // whose reading `house` is a different word, the name adds nothing.
        let engine = named_engine(&[
            ("Vote", "Lawmakers debated housing.", &["House"], 1),
            ("Vote", "Lawmakers debated housing.", &[], 1),
        ]);
        let hits = search(&engine.0, "housing ");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].score, hits[1].score);
    }

    #[test]
    fn adjacent_words_as_typed_rank_first_even_among_stems_of_them() {
        let engine = engine(&[
            ("Builders", "Housing starts rose in May.", 3),
            ("Debate", "The House starts a debate on housing and house prices; work starts.", 20),
        ]);
        assert_eq!(first(&engine, "housing starts ", 3), ["Builders"; 3]);
        assert!(search(&engine.0, "housing starts ")[..3].iter().all(|hit| hit.proximity == 0));
    }

    #[test]
    fn titles_come_first_among_equals() {
        let engine = engine(&[("Coffee", "Prices rose on coffee.", 3), ("Markets", "Prices of coffee rose.", 3)]);
        assert_eq!(first(&engine, "coffee ", 3), ["Coffee"; 3]);
        let hits = search(&engine.0, "coffee ");
        assert_eq!(hits[3].ranked_after_by(&hits[2]).map(|(rule, _, _)| rule), Some("score"));
    }

    #[test]
    fn the_ranking_rules_apply_in_their_order() {
        let hit = |unlikely, inexact, proximity, score| SearchHit {
            article: ArticleId(0),
            score,
            unlikely,
            inexact,
            proximity,
        };
        let best = hit(0, 0, 0, 1.0);
        assert_eq!(hit(1, 0, 0, 9.0).ranked_after_by(&best), Some(("readings", 0.0, 1.0)));
        assert_eq!(hit(0, 1, 0, 9.0).ranked_after_by(&best), Some(("exactness", 0.0, 1.0)));
        assert_eq!(hit(0, 0, 2, 9.0).ranked_after_by(&best), Some(("proximity", 0.0, 2.0)));
        assert_eq!(hit(0, 0, 0, 0.5).ranked_after_by(&best), Some(("score", 1.0, 0.5)));
        assert_eq!(best.ranked_after_by(&best), None);
    }

    #[test]
    fn a_word_in_no_article_gets_the_likeliest_word_in_wider_reach_as_a_suggestion() {
        let engine = named_engine(&[("Brazil", "Jorio Dauster said.", &["Jorio Dauster"], 19)]);
        // Two typos from a seven-letter word: beyond what searching forgives.
        assert!(search(&engine.0, "dowster ").is_empty());
        let suggestion = engine.0.suggest(&engine.0.resolve(&parse("dowster ")));
        assert_eq!(suggestion, Some(Suggestion { text: "dauster ".to_owned(), shown: "Dauster".to_owned() }),);
        assert_eq!(search(&engine.0, &suggestion.map(|found| found.text).unwrap_or_default()).len(), 19);
        // Words that matched keep what was typed; nothing to offer when all matched, nor
        // a query that would find nothing either.
        let suggestion = engine.0.suggest(&engine.0.resolve(&parse("said dowster -\"were quiet\"")));
        assert_eq!(suggestion.map(|found| found.text), Some("said dauster -\"were quiet\" ".to_owned()));
        assert_eq!(engine.0.suggest(&engine.0.resolve(&parse("dauster "))), None);
        assert_eq!(engine.0.suggest(&engine.0.resolve(&parse("markets dowster "))), None);
    }

    #[test]
    fn a_correction_is_weighed_beside_the_words_typed_next_to_it() {
        let (index, titles) = named_engine(&[
            ("Output", "Industrial production rose in March.", &[], 10),
            ("Tariffs", "Trade protection was debated again.", &[], 60),
        ]);
        // Alone, protection is six times likelier than production (60 articles against
        // 10, one typo each): production would be left out, and industrial with protection
        // is in no article. Beside industrial, production is the reading.
        let query = index.resolve(&parse("industrial prodection "));
        let readings = &query.clauses[1][0].words[0];
        let likeliest =
            readings.iter().find(|reading| reading.likelihood == 1.0).map(|reading| index.word(reading.word));
        assert_eq!(likeliest, Some("production"), "{readings:?}");
        let hits = search(&index, "industrial prodection ");
        assert_eq!(hits.len(), 10);
        assert!(hits.iter().all(|hit| titles[hit.article.index()] == "Output"));
        // Alone, the commoner word still wins; and a word the collection holds is read as
        // typed whatever stands beside it.
        let alone = index.resolve(&parse("prodection "));
        let likeliest = alone.clauses[0][0].words[0].iter().find(|reading| reading.likelihood == 1.0);
        assert_eq!(likeliest.map(|reading| index.word(reading.word)), Some("protection"));
        let typed = index.resolve(&parse("industrial protection "));
        let readings = &typed.clauses[1][0].words[0];
        assert!(readings.iter().all(|reading| reading.kind != MatchKind::Typo), "{readings:?}");
    }

    #[test]
    fn words_that_match_only_apart_get_the_word_in_reach_that_stands_beside_the_others() {
        let engine = named_engine(&[
            ("Prices", "Fuel oil prices rose.", &[], 30),
            ("Sales", "All the fuel was sold, all of it.", &[], 60),
            ("Sweden", "Olle Svensson said.", &["Olle Svensson"], 2),
        ]);
        // `oll` reads as the name Olle, never beside fuel; `all` is likelier alone.
        assert!(search(&engine.0, "fuel oll").is_empty());
        let suggestion = engine.0.suggest(&engine.0.resolve(&parse("fuel oll")));
        assert_eq!(suggestion.map(|found| found.text), Some("fuel oil ".to_owned()));
    }

    #[test]
    fn the_name_finder_takes_the_search_boxs_readings() {
        let engine = named_engine(&[
            ("Tokyo", "Yasuhiro Nakasone spoke.", &["Yasuhiro Nakasone"], 30),
            ("London", "Margaret Thatcher spoke.", &["Margaret Thatcher"], 30),
        ]);
        let finds = |typed: &str, name: &str| NameFinder::new(&engine.0, typed).finds(name);
        assert!(finds("Nakasoni", "Yasuhiro Nakasone"), "a typo, still typed");
        assert!(finds("thacher ", "Margaret Thatcher"), "a typo, finished");
        assert!(finds("marg thatch", "Margaret Thatcher"), "words in any order, the last typed");
        assert!(finds("t thatch", "Margaret Thatcher"), "as written, inside the name");
        assert!(!finds("Nakasoni", "Margaret Thatcher"));
        assert!(!finds("zzzz", "Margaret Thatcher"));
        assert!(NameFinder::new(&engine.0, "  ").is_empty());
    }

    #[test]
    fn forms_of_one_word_are_told_from_different_words_sharing_a_stem() {
        for (typed, form) in [
            ("raid", "raids"),
            ("raid", "raided"),
            ("raids", "raiding"),
            ("earnings", "earning"),
            ("earn", "earnings"),
            ("country", "countries"),
            ("countries", "country"),
            ("house", "housed"),
            ("cartels", "cartel"),
        ] {
            assert!(same_word(typed, form, |_| true), "{typed} {form}");
        }
        // What `typed` is a form of must be a word.
        let words = ["raid", "earning", "country", "house", "trade"];
        let is_word = |word: &str| words.contains(&word);
        assert!(same_word("raiding", "raids", is_word));
        for (typed, form) in [
            ("housing", "house"),
            ("housing", "houses"),
            ("house", "housing"),
            ("university", "universe"),
            ("trading", "trade"),
        ] {
            assert!(!same_word(typed, form, is_word), "{typed} {form}");
        }
    }

    #[test]
    fn two_words_standing_together_outrank_words_apart() {
        let engine = engine(&[
            ("Energy", "The natural choice for heating is oil, not gas from the pipeline.", 1),
            ("Pipeline", "Natural gas flows through the pipeline.", 1),
        ]);
        assert_eq!(first(&engine, "natural gas ", 2), ["Pipeline", "Energy"]);
        assert_eq!(first(&engine, "gas natural ", 2), ["Pipeline", "Energy"], "reversed, still nearer");
    }

    #[test]
    fn two_typed_words_also_find_the_word_they_make_together() {
        let engine = engine(&[("Plastics", "Petrochemicals makers expanded.", 1), ("Petro", "Petro bank lends.", 1)]);
        assert_eq!(first(&engine, "petro chemicals ", 5), ["Plastics"]);
        assert_eq!(first(&engine, "petro chem", 5), ["Plastics"], "while the second is typed");
    }

    #[test]
    fn two_words_joined_while_typed_also_find_the_joined_words_other_forms() {
        // The joined word is in the collection, and so is its singular: the last word typed
        // in full finds both, as a single word typed does.
        let engine = engine(&[
            ("Plastics", "Petrochemicals makers expanded.", 1),
            ("Refinery", "A petrochemical plant opened.", 1),
            ("Petro", "Petro bank lends.", 1),
        ]);
        let mut found = first(&engine, "petro chemicals", 5);
        found.sort_unstable();
        assert_eq!(found, ["Plastics", "Refinery"]);
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
                prop_assert!(pair[0].unlikely <= pair[1].unlikely);
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
