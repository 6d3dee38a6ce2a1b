//! The search index: a term dictionary (every folded word, sorted, for exact, prefix and
//! typo-tolerant look-ups: the `dictionary` module), Snowball stems grouping the words that share one,
//! and postings (which articles hold a word, how often in each [`Field`], at which
//! positions, for phrases).
//!
//! Built once when a collection loads; queried by [`crate::search`].

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use dossier_text::for_each_word;

use crate::{dictionary::Dictionary, order};

/// A part of an article that is searched, each with its own weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The headline.
    Title = 0,
    /// The names of the entities the article mentions.
    Entities = 1,
    /// The paragraphs.
    Body = 2,
    /// The outlet.
    Source = 3,
}

/// How many [`Field`]s there are.
pub const FIELD_COUNT: usize = 4;

impl Field {
    /// Every field, in index order.
    pub const ALL: [Field; FIELD_COUNT] = [Field::Title, Field::Entities, Field::Body, Field::Source];

    /// A lowercase name for people and for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Entities => "entities",
            Field::Body => "body",
            Field::Source => "source",
        }
    }

    /// How much one occurrence here counts against one in the body (BM25F's field boost).
    /// Raising a field's boost pushes articles that have the query words there up.
    pub fn boost(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Entities => 0.5,
            Field::Body => 1.0,
            Field::Source => 0.5,
        }
    }

    /// BM25's `b` for the field, from 0 (a long field counts like a short one) to 1 (an
    /// occurrence in a field twice the average length counts about half). The body's is
    /// below the usual 0.75: news runs from two-line briefs and price tables to long
    /// reports, and a brief that names a word once is rarely more about it (on the tuning
    /// half of the judged queries, 0.5 raised P@10 in every class by 0.02 to 0.03). A
    /// headline's length says even less: a word in a headline and the body outranks one
    /// in a shorter headline alone.
    pub fn length_normalisation(self) -> f32 {
        match self {
            Field::Title => 0.2,
            Field::Entities => 0.3,
            Field::Body => 0.5,
            Field::Source => 0.0,
        }
    }
}

/// The searchable text of one article.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The headline.
    pub title: &'a str,
    /// The paragraphs.
    pub body: &'a [String],
    /// Names of the entities it mentions.
    pub entity_names: &'a [&'a str],
    /// The outlet.
    pub source: &'a str,
}

/// One word's postings while building, before words are numbered.
#[derive(Default)]
struct WordPostings {
    articles: Vec<u32>,
    frequencies: Vec<[u8; FIELD_COUNT]>,
    position_starts: Vec<u32>,
    positions: Vec<u8>,
}

/// Positions between paragraphs (and after the title) that no phrase spans.
const PARAGRAPH_GAP: u32 = 16;

/// How many of the most frequent words the index lists apart, to complete short prefixes
/// without walking the dictionary.
pub const FREQUENT_WORDS: usize = 4096;

/// A word of the dictionary: its position in byte order.
pub type WordId = u32;

/// The inverted index of a collection.
///
/// ```
/// use dossier_engine::{index::{Document, SearchIndex}, query::parse, search::MatchKind};
///
/// let nickel = ["Nickel output rose.".to_owned()];
/// let senator = ["Senator Nickles spoke.".to_owned()];
/// let document = |title, body| Document { title, body, entity_names: &[], source: "Wire" };
/// let other = ["Wheat fell.".to_owned()];
/// let mut documents = vec![document("Nickel", &nickel), document("Senate", &senator)];
/// documents.extend([document("Metals", &nickel), document("Mining", &nickel)]);
/// documents.extend(std::iter::repeat_n(document("Grain", &other), 16));
/// let index = SearchIndex::build(&documents);
/// // `nickle`, finished (a space follows), is read first as nickel, in three articles,
/// // before Nickles, in one; each is a slip away.
/// let query = index.resolve(&parse("nickle "));
/// let readings = &query.clauses[0][0].words[0];
/// let likeliest = readings.iter().find(|reading| reading.likelihood == 1.0).unwrap();
/// assert_eq!((index.word_text(likeliest.word), likeliest.kind), ("nickel", MatchKind::Typo));
/// let hits: Vec<usize> = index.run(&query).iter().map(|hit| hit.article.index()).collect();
/// assert_eq!(hits, [0, 2, 3, 1], "the nickel articles first, then Senator Nickles");
/// ```
pub struct SearchIndex {
    /// The folded words in byte order, a [`WordId`] being a word's position.
    pub(crate) dictionary: Dictionary,
    /// Stem -> the words sharing it.
    pub(crate) stems: HashMap<Box<str>, Vec<WordId>>,
    /// The [`FREQUENT_WORDS`] words held by the most articles, most first.
    frequent_words: Vec<WordId>,
    /// For each word: how many articles have it in the name of an entity they mention
    /// (`yeutter` in "Clayton Yeutter"): how often the extractor found it as a name.
    name_frequencies: Vec<u32>,
    /// Where each word's postings start in the posting arrays (one more entry than words).
    posting_starts: Vec<u32>,
    /// For each posting: the article.
    posting_articles: Vec<u32>,
    /// For each posting: occurrences in each field (saturating at 255).
    posting_frequencies: Vec<[u8; FIELD_COUNT]>,
    /// For each posting: where its positions start in `positions` (one more entry).
    position_starts: Vec<u32>,
    /// Title and body positions of each posting, delta-encoded as LEB128 varints.
    positions: Vec<u8>,
    /// For each article and field: what one occurrence there weighs, the field's boost
    /// over its length normalisation (BM25F), computed once here rather than per query.
    field_weights: Vec<[f32; FIELD_COUNT]>,
    stemmer: Stemmer,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SearchIndex")
            .field("articles", &self.field_weights.len())
            .field("words", &self.dictionary.len())
            .field("postings", &self.posting_articles.len())
            .finish_non_exhaustive()
    }
}

/// One article's entry in a word's postings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting<'i> {
    pub(crate) article: u32,
    pub(crate) frequencies: [u8; FIELD_COUNT],
    positions: &'i [u8],
}

impl<'i> Posting<'i> {
    /// Title and body positions, ascending.
    pub(crate) fn positions(self) -> impl Iterator<Item = u32> + 'i {
        let mut bytes = self.positions.iter();
        let mut last = 0u32;
        std::iter::from_fn(move || {
            let mut value = 0u32;
            let mut shift = 0;
            loop {
                let byte = *bytes.next()?;
                value |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            last = last.wrapping_add(value);
            Some(last)
        })
    }
}

/// Pass 1 of building: words interned in order of appearance, each with its postings.
#[derive(Default)]
struct Gathered {
    interned: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    postings: Vec<WordPostings>,
    /// For each article, how many words each field holds.
    field_lengths: Vec<[u32; FIELD_COUNT]>,
    /// The article being read: one u64 per occurrence, word above position, so that
    /// sorting groups them by word.
    occurrences: Vec<u64>,
}

impl Gathered {
    /// Reads every document.
    fn of(documents: &[Document<'_>]) -> Gathered {
        let mut gathered = Gathered { field_lengths: Vec::with_capacity(documents.len()), ..Gathered::default() };
        for (article, document) in documents.iter().enumerate() {
            gathered.add_document(u32::try_from(article).unwrap_or(u32::MAX), document);
        }
        gathered
    }

    /// Reads one document's fields in order, then files its occurrences under their words.
    fn add_document(&mut self, article: u32, document: &Document<'_>) {
        self.occurrences.clear();
        let mut position = 0u32;
        // Where each field ends in the article's positions.
        let mut ends = [0u32; FIELD_COUNT];
        self.add_text(document.title, &mut position);
        ends[Field::Title as usize] = position;
        for paragraph in document.body {
            position += PARAGRAPH_GAP;
            self.add_text(paragraph, &mut position);
        }
        ends[Field::Body as usize] = position;
        for name in document.entity_names {
            self.add_text(name, &mut position);
        }
        ends[Field::Entities as usize] = position;
        self.add_text(document.source, &mut position);
        ends[Field::Source as usize] = position;
        let lengths = self.file_occurrences(article, &ends);
        self.field_lengths.push(lengths);
    }

    /// Notes every word of `text`, from `position` on.
    fn add_text(&mut self, text: &str, position: &mut u32) {
        for_each_word(text, |word, _| {
            let id = match self.interned.get(word) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
                    self.words.push(word.into());
                    self.postings.push(WordPostings::default());
                    self.interned.insert(word.into(), id);
                    id
                }
            };
            self.occurrences.push(u64::from(id) << 32 | u64::from(*position));
            *position += 1;
        });
    }

    /// Adds the article's occurrences to their words' postings (how often in each field,
    /// title and body positions delta-encoded); returns how many words each field holds.
    fn file_occurrences(&mut self, article: u32, ends: &[u32; FIELD_COUNT]) -> [u32; FIELD_COUNT] {
        // The fields in the order they were read.
        let in_order = [Field::Title, Field::Body, Field::Entities];
        let field_of = |position: u32| {
            in_order.into_iter().find(|&field| position < ends[field as usize]).unwrap_or(Field::Source)
        };
        let mut lengths = [0u32; FIELD_COUNT];
        self.occurrences.sort_unstable();
        for group in self.occurrences.chunk_by(|a, b| a >> 32 == b >> 32) {
            let postings = &mut self.postings[(group[0] >> 32) as usize];
            postings.position_starts.push(postings.positions.len() as u32);
            let mut frequencies = [0u8; FIELD_COUNT];
            let mut last = 0;
            for &occurrence in group {
                let position = occurrence as u32;
                let field = field_of(position);
                lengths[field as usize] += 1;
                let slot = &mut frequencies[field as usize];
                *slot = slot.saturating_add(1);
                if matches!(field, Field::Title | Field::Body) {
                    write_varint(&mut postings.positions, position - last);
                    last = position;
                }
            }
            postings.articles.push(article);
            postings.frequencies.push(frequencies);
        }
        lengths
    }
}

/// Pass 2 of building: the postings laid out word by word, words in byte order (a word's
/// id is its place in the dictionary), articles ascending.
struct LaidOut {
    words: Vec<Box<str>>,
    posting_starts: Vec<u32>,
    posting_articles: Vec<u32>,
    posting_frequencies: Vec<[u8; FIELD_COUNT]>,
    position_starts: Vec<u32>,
    positions: Vec<u8>,
}

impl LaidOut {
    fn of(gathered: Gathered) -> LaidOut {
        let Gathered { words: raw_words, postings: mut raw_postings, .. } = gathered;
        let mut order: Vec<u32> = (0..raw_words.len() as u32).collect();
        order::sort_by(&mut order, &|a, b| raw_words[a as usize].as_bytes().cmp(raw_words[b as usize].as_bytes()));
        let total: usize = raw_postings.iter().map(|postings| postings.articles.len()).sum();
        let total_positions: usize = raw_postings.iter().map(|postings| postings.positions.len()).sum();
        let mut laid = LaidOut {
            words: Vec::with_capacity(raw_words.len()),
            posting_starts: Vec::with_capacity(raw_words.len() + 1),
            posting_articles: Vec::with_capacity(total),
            posting_frequencies: Vec::with_capacity(total),
            position_starts: Vec::with_capacity(total + 1),
            positions: Vec::with_capacity(total_positions),
        };
        let mut raw_words: Vec<Option<Box<str>>> = raw_words.into_iter().map(Some).collect();
        for &raw in &order {
            let postings = std::mem::take(&mut raw_postings[raw as usize]);
            laid.words.extend(raw_words[raw as usize].take());
            laid.posting_starts.push(laid.posting_articles.len() as u32);
            let base = laid.positions.len() as u32;
            laid.position_starts.extend(postings.position_starts.iter().map(|start| base + start));
            laid.posting_articles.extend_from_slice(&postings.articles);
            laid.posting_frequencies.extend_from_slice(&postings.frequencies);
            laid.positions.extend_from_slice(&postings.positions);
        }
        laid.posting_starts.push(laid.posting_articles.len() as u32);
        laid.position_starts.push(laid.positions.len() as u32);
        laid
    }

    /// How many articles hold a word.
    fn document_frequency(&self, id: WordId) -> u32 {
        self.posting_starts[id as usize + 1] - self.posting_starts[id as usize]
    }

    /// The [`FREQUENT_WORDS`] words held by the most articles, most first (ties in
    /// dictionary order).
    fn frequent_words(&self) -> Vec<WordId> {
        let mut frequent_words: Vec<WordId> = (0..self.words.len() as WordId).collect();
        let frequency = |id: WordId| self.document_frequency(id);
        order::keep_most(&mut frequent_words, FREQUENT_WORDS, &frequency);
        order::sort_by(&mut frequent_words, &|a, b| frequency(b).cmp(&frequency(a)).then(a.cmp(&b)));
        frequent_words
    }

    /// For each word, how many articles hold it in the name of an entity they mention.
    fn name_frequencies(&self) -> Vec<u32> {
        let entities = Field::Entities as usize;
        self.posting_starts
            .windows(2)
            .map(|range| {
                let postings = &self.posting_frequencies[range[0] as usize..range[1] as usize];
                postings.iter().filter(|frequencies| frequencies[entities] > 0).count() as u32
            })
            .collect()
    }
}

/// Each article's weight of one occurrence in each field: the field's boost over its
/// length normalisation (BM25F), against the collection's average length of the field.
fn field_weights(field_lengths: &[[u32; FIELD_COUNT]]) -> Vec<[f32; FIELD_COUNT]> {
    let mut totals = [0f64; FIELD_COUNT];
    for lengths in field_lengths {
        for (total, &length) in totals.iter_mut().zip(lengths) {
            *total += f64::from(length);
        }
    }
    let count = field_lengths.len().max(1) as f64;
    let average_field_lengths = totals.map(|total| ((total / count) as f32).max(1.0));
    field_lengths
        .iter()
        .map(|lengths| {
            Field::ALL.map(|field| {
                let index = field as usize;
                let b = field.length_normalisation();
                let relative = lengths[index] as f32 / average_field_lengths[index];
                field.boost() / (1.0 - b + b * relative)
            })
        })
        .collect()
}

impl SearchIndex {
    /// Indexes `documents`; an article's id is its position in the slice.
    pub fn build(documents: &[Document<'_>]) -> SearchIndex {
        let gathered = Gathered::of(documents);
        let field_weights = field_weights(&gathered.field_lengths);
        let laid = LaidOut::of(gathered);
        let stemmer = Stemmer::create(Algorithm::English);
        let mut stems: HashMap<Box<str>, Vec<WordId>> = HashMap::new();
        for (id, word) in laid.words.iter().enumerate() {
            stems.entry(stemmer.stem(word).into()).or_default().push(id as WordId);
        }
        let frequent_words = laid.frequent_words();
        let name_frequencies = laid.name_frequencies();
        SearchIndex {
            dictionary: Dictionary::new(laid.words.iter().map(|word| &**word)),
            stems,
            frequent_words,
            name_frequencies,
            posting_starts: laid.posting_starts,
            posting_articles: laid.posting_articles,
            posting_frequencies: laid.posting_frequencies,
            position_starts: laid.position_starts,
            positions: laid.positions,
            field_weights,
            stemmer,
        }
    }

    /// How many articles are indexed.
    pub fn article_count(&self) -> usize {
        self.field_weights.len()
    }

    /// How many distinct words the dictionary holds.
    pub fn word_count(&self) -> usize {
        self.dictionary.len()
    }

    /// Bytes of memory the index holds, roughly (for benchmarks).
    pub fn heap_size(&self) -> usize {
        self.dictionary.heap_size()
            + self.stems.iter().map(|(stem, words)| stem.len() + 16 + 24 + words.len() * 4).sum::<usize>()
            + self.frequent_words.len() * 4
            + self.name_frequencies.len() * 4
            + self.posting_starts.len() * 4
            + self.posting_articles.len() * 4
            + self.posting_frequencies.len() * FIELD_COUNT
            + self.position_starts.len() * 4
            + self.positions.len()
            + self.field_weights.len() * 4 * FIELD_COUNT
    }

    /// The Snowball (English) stem of a folded word.
    pub fn stem<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        self.stemmer.stem(word)
    }

    /// The most frequent words, most first (ties in dictionary order).
    pub(crate) fn frequent_words(&self) -> &[WordId] {
        &self.frequent_words
    }

    /// The id of a folded word, if any article has it.
    pub(crate) fn word_id(&self, word: &str) -> Option<WordId> {
        self.dictionary.get(word)
    }

    /// The text of a word.
    pub(crate) fn word(&self, id: WordId) -> &str {
        self.dictionary.word(id)
    }

    /// How many articles hold a word.
    pub(crate) fn document_frequency(&self, id: WordId) -> u32 {
        self.posting_starts[id as usize + 1] - self.posting_starts[id as usize]
    }

    /// The text of a dictionary word (what a [`crate::search::Expansion`] stands for).
    pub fn word_text(&self, id: WordId) -> &str {
        self.word(id)
    }

    /// How many articles hold a dictionary word.
    pub fn articles_holding(&self, id: WordId) -> u32 {
        self.document_frequency(id)
    }

    /// How many articles hold a word in the name of an entity they mention.
    pub(crate) fn name_frequency(&self, id: WordId) -> u32 {
        self.name_frequencies[id as usize]
    }

    /// The articles holding a word, ascending, with positions (what the tests inspect).
    #[cfg(test)]
    pub(crate) fn postings(&self, id: WordId) -> impl ExactSizeIterator<Item = Posting<'_>> + '_ {
        let start = self.posting_starts[id as usize] as usize;
        let end = self.posting_starts[id as usize + 1] as usize;
        (start..end).map(move |index| self.posting(index))
    }

    /// The articles holding a word, ascending, with their field counts: the postings
    /// without positions, which scoring a single word does not need.
    pub(crate) fn field_counts(&self, id: WordId) -> impl Iterator<Item = (u32, &[u8; FIELD_COUNT])> + '_ {
        let start = self.posting_starts[id as usize] as usize;
        let end = self.posting_starts[id as usize + 1] as usize;
        self.posting_articles[start..end].iter().copied().zip(&self.posting_frequencies[start..end])
    }

    /// A word's posting for one article, if it has the word.
    pub(crate) fn posting_for(&self, id: WordId, article: u32) -> Option<Posting<'_>> {
        let start = self.posting_starts[id as usize] as usize;
        let end = self.posting_starts[id as usize + 1] as usize;
        let offset = self.posting_articles[start..end].binary_search(&article).ok()?;
        Some(self.posting(start + offset))
    }

    /// How many articles hold `left` immediately before `right` in a title or body (the
    /// same positions a quoted phrase reads).
    pub(crate) fn side_by_side(&self, left: WordId, right: WordId) -> u32 {
        let range =
            |id: WordId| self.posting_starts[id as usize] as usize..self.posting_starts[id as usize + 1] as usize;
        let (lefts, rights) = (range(left), range(right));
        let left_is_short = lefts.len() <= rights.len();
        let (short, long) = if left_is_short { (lefts, rights) } else { (rights, lefts) };
        let mut count = 0;
        let mut from = long.start;
        for index in short {
            let article = self.posting_articles[index];
            let other = match self.posting_articles[from..long.end].binary_search(&article) {
                Ok(offset) => from + offset,
                Err(offset) => {
                    from += offset;
                    continue;
                }
            };
            from = other + 1;
            let (at_left, at_right) = if left_is_short { (index, other) } else { (other, index) };
            // Both ascending: one walk over the two, nothing allocated.
            let mut after = self.posting(at_right).positions().peekable();
            let beside = self.posting(at_left).positions().any(|position| {
                while after.next_if(|&next| next <= position).is_some() {}
                after.peek() == Some(&(position + 1))
            });
            count += u32::from(beside);
        }
        count
    }

    fn posting(&self, index: usize) -> Posting<'_> {
        let positions = &self.positions[self.position_starts[index] as usize..self.position_starts[index + 1] as usize];
        Posting { article: self.posting_articles[index], frequencies: self.posting_frequencies[index], positions }
    }

    /// The rarity (IDF) of a word held by `document_frequency` articles.
    pub(crate) fn idf(&self, document_frequency: u32) -> f32 {
        let articles = self.article_count() as f32;
        let df = document_frequency as f32;
        (1.0 + (articles - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25F: the weight of one posting of a word of rarity `idf`. Field occurrences are
    /// boosted and length-normalised per field, summed, then saturated once with
    /// [`SATURATION`], and multiplied by the rarity.
    pub(crate) fn bm25f(&self, article: u32, frequencies: &[u8; FIELD_COUNT], idf: f32) -> f32 {
        let weights = &self.field_weights[article as usize];
        let weighted: f32 =
            frequencies.iter().zip(weights).map(|(&occurrences, weight)| f32::from(occurrences) * weight).sum();
        idf * weighted * (SATURATION + 1.0) / (weighted + SATURATION)
    }
}

/// Term-frequency saturation (BM25's `k1`): lower makes the fifth repeat of a word add
/// little; higher rewards repetition more.
pub const SATURATION: f32 = 1.2;

fn write_varint(bytes: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(texts: &[(&str, &str)]) -> (SearchIndex, Vec<Vec<String>>) {
        let bodies: Vec<Vec<String>> = texts.iter().map(|(_, body)| vec![(*body).to_owned()]).collect();
        let documents: Vec<Document<'_>> = texts
            .iter()
            .zip(&bodies)
            .map(|((title, _), body)| Document { title, body, entity_names: &[], source: "" })
            .collect();
        let index = SearchIndex::build(&documents);
        (index, bodies)
    }

    #[test]
    fn words_are_numbered_in_order_and_stems_group_them() {
        let (index, _) = index_of(&[("Raids", "A raid, then raids."), ("", "Raiding the raider")]);
        let words: Vec<&str> = index.dictionary.words().collect();
        assert_eq!(words, ["a", "raid", "raider", "raiding", "raids", "the", "then"]);
        let raid = index.stems.get("raid").expect("stem raid");
        let grouped: Vec<&str> = raid.iter().map(|&id| index.word(id)).collect();
        assert_eq!(grouped, ["raid", "raiding", "raids"]);
        assert_eq!(index.word_id("raids"), Some(4));
        assert_eq!(index.document_frequency(4), 1);
    }

    #[test]
    fn side_by_side_counts_articles_with_one_word_right_before_the_other() {
        let (index, _) = index_of(&[
            ("Harbour", "Industrial production rose."),
            ("Output", "Production, industrial and farm, fell."),
            ("Plants", "Industrial plants and production halls; industrial production."),
            ("Other", "Nothing here."),
        ]);
        let id = |word: &str| index.word_id(word).expect(word);
        let (industrial, production) = (id("industrial"), id("production"));
        assert_eq!(index.side_by_side(industrial, production), 2, "in that order, adjacent");
        assert_eq!(index.side_by_side(production, industrial), 1, "production, industrial");
        assert_eq!(index.side_by_side(industrial, id("rose")), 0);
        assert_eq!(index.side_by_side(id("nothing"), id("here")), 1);
    }

    #[test]
    fn postings_keep_field_counts_and_positions() {
        let (index, _) = index_of(&[("Raids", "A raid, then raids."), ("", "raids raids")]);
        let raids = index.word_id("raids").expect("indexed");
        let postings: Vec<(u32, [u8; FIELD_COUNT], Vec<u32>)> = index
            .postings(raids)
            .map(|posting| (posting.article, posting.frequencies, posting.positions().collect()))
            .collect();
        let body = 1 + PARAGRAPH_GAP;
        assert_eq!(
            postings,
            [(0, [1, 0, 1, 0], vec![0, body + 3]), (1, [0, 0, 2, 0], vec![PARAGRAPH_GAP, PARAGRAPH_GAP + 1])]
        );
        assert!(
            index.posting_for(raids, 1).is_some() && index.posting_for(index.word_id("a").expect("a"), 1).is_none()
        );
    }

    #[test]
    fn varints_round_trip() {
        let mut bytes = Vec::new();
        let values = [0u32, 1, 127, 128, 300, 16_384, u32::MAX];
        for value in values {
            write_varint(&mut bytes, value);
        }
        let posting = Posting { article: 0, frequencies: [0; FIELD_COUNT], positions: &bytes };
        let decoded: Vec<u32> = posting.positions().collect();
        let expected: Vec<u32> = values
            .iter()
            .scan(0u32, |sum, &value| {
                *sum = sum.wrapping_add(value);
                Some(*sum)
            })
            .collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn an_empty_collection_builds() {
        let index = SearchIndex::build(&[]);
        assert_eq!((index.article_count(), index.word_count()), (0, 0));
        assert_eq!(index.word_id("x"), None);
    }
}
