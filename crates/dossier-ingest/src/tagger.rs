//! The learned name tagger: an averaged perceptron that reads a paragraph's words left to
//! right and tags each as outside any name, or as the beginning, inside, last word or
//! unit (a one-word name) of a person, organization, place or other name (BILOU).
//!
//! Its features are the word and its neighbours (folded, shape, prefixes and suffixes,
//! the punctuation between them), the two tags before it, membership of the word lists
//! and the gazetteer, and evidence from the collection (is the word mostly written in
//! lowercase; is it capitalized elsewhere in the article, away from a sentence start).
//! Features are hashed to 32 bits (FNV-1a, fixed so a model file means the same on every
//! build). The weights ship as a compact file (`model/ner.bin`), made by
//! `dossier train-ner` and read once.

use std::{collections::HashSet, ops::Range, sync::OnceLock};

use rustc_hash::FxHashMap;

use dossier_format::EntityKind;
use dossier_text::fold;

use crate::{
    gazetteer::Gazetteer,
    lists::{List, Lists},
    words::{Vocabulary, Word},
};

/// The kinds of name the tagger tells apart. `Other` (CoNLL's MISC: events, nationalities,
/// works) is learned so that such names are not forced into one of the other three; the
/// extractor drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place.
    Place,
    /// Any other name.
    Other,
}

impl NameKind {
    const ALL: [NameKind; 4] = [NameKind::Person, NameKind::Organization, NameKind::Place, NameKind::Other];

    /// The entity kind Dossier keeps, if any.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            NameKind::Person => Some(EntityKind::Person),
            NameKind::Organization => Some(EntityKind::Organization),
            NameKind::Place => Some(EntityKind::Place),
            NameKind::Other => None,
        }
    }
}

/// O, then B, I, L, U for each of the four kinds.
const CLASSES: usize = 1 + 4 * NameKind::ALL.len();
const OUTSIDE: u8 = 0;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

fn class(kind: NameKind, part: Part) -> u8 {
    let kind = NameKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8;
    1 + kind * 4 + part as u8
}

fn part(class: u8) -> Option<(NameKind, Part)> {
    let index = class.checked_sub(1)?;
    let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][usize::from(index % 4)];
    Some((NameKind::ALL[usize::from(index / 4)], part))
}

/// The part of a name of `length` words that its word at `position` is.
fn part_at(position: usize, length: usize) -> Part {
    match (position == 0, position + 1 == length) {
        (true, true) => Part::Unit,
        (true, false) => Part::Begin,
        (false, true) => Part::Last,
        (false, false) => Part::Inside,
    }
}

/// Whether `next` may follow `previous` in a well-formed BILOU sequence.
fn allowed(previous: u8, next: u8) -> bool {
    match (part(previous), part(next)) {
        (Some((kind, Part::Begin | Part::Inside)), Some((next_kind, Part::Inside | Part::Last))) => kind == next_kind,
        (Some((_, Part::Begin | Part::Inside)), _) => false,
        (_, None | Some((_, Part::Begin | Part::Unit))) => true,
        _ => false,
    }
}

/// Short names of the classes, for the features that read the tags before a word.
const CLASS_NAMES: [&str; CLASSES] =
    ["O", "BP", "IP", "LP", "UP", "BO", "IO", "LO", "UO", "BL", "IL", "LL", "UL", "BM", "IM", "LM", "UM"];

/// A name found by the tagger: the words it spans (indices into the paragraph's words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The words, as indices into the tagged words.
    pub words: Range<usize>,
    /// What it names.
    pub kind: NameKind,
}

/// Turns a tag sequence into names; a sequence broken by the greedy decoder (a `B` with no
/// `L`) still gives a name up to where it breaks.
fn names(tags: &[u8]) -> Vec<Name> {
    let mut names = Vec::new();
    let mut open: Option<(usize, NameKind)> = None;
    for (index, &tag) in tags.iter().enumerate() {
        let parsed = part(tag);
        if let Some((start, kind)) = open {
            match parsed {
                Some((next, Part::Inside)) if next == kind => continue,
                Some((next, Part::Last)) if next == kind => {
                    names.push(Name { words: start..index + 1, kind });
                    open = None;
                    continue;
                }
                _ => {
                    names.push(Name { words: start..index, kind });
                    open = None;
                }
            }
        }
        match parsed {
            // A stray `L` stands alone, as a `U` does.
            Some((kind, Part::Unit | Part::Last)) => names.push(Name { words: index..index + 1, kind }),
            Some((kind, Part::Begin | Part::Inside)) => open = Some((index, kind)),
            None => {}
        }
    }
    if let Some((start, kind)) = open {
        names.push(Name { words: start..tags.len(), kind });
    }
    names
}

/// What the tagger knows beyond the paragraph: the collection's common words and the
/// words the article capitalizes away from a sentence start.
pub(crate) struct Evidence<'a> {
    pub vocabulary: &'a Vocabulary,
    pub gazetteer: &'a Gazetteer,
    pub lists: &'a Lists,
    /// Folded words the article writes capitalized, not at a sentence start.
    pub capitalized_in_article: &'a HashSet<String>,
}

/// An article's paragraphs cut into words, and the folded words it capitalizes away from
/// sentence starts (the tagger's evidence from the article).
pub(crate) fn read_article<'t>(paragraphs: impl IntoIterator<Item = &'t str>) -> (Vec<Vec<Word<'t>>>, HashSet<String>) {
    let paragraphs: Vec<Vec<Word<'t>>> = paragraphs.into_iter().map(crate::words::words).collect();
    let mut capitalized = HashSet::new();
    for word in paragraphs.iter().flatten() {
        if !word.sentence_start && word.capitalized() {
            capitalized.insert(fold(word.bare()));
        }
    }
    (paragraphs, capitalized)
}

/// A paragraph's words with what the features read from each.
struct Sentence<'p> {
    folded: Vec<String>,
    exact: Vec<&'p str>,
    shapes: Vec<String>,
    /// The punctuation between a word and the one before (white space left out).
    gaps: Vec<String>,
    possessive: Vec<bool>,
    sentence_start: Vec<bool>,
    /// Starts with a capital or a digit, as a name does.
    capitalized: Vec<bool>,
    /// No name goes on from the word before to this one: a sentence starts, or
    /// punctuation other than `&` stands between.
    boundary: Vec<bool>,
    /// The run of capitalized words (joined, with connectors such as "of" inside) each
    /// word is part of, if any.
    runs: Vec<Option<Range<usize>>>,
    /// The whole paragraph is written in capitals (a headline).
    headline: bool,
    /// Where a gazetteer name covers each word: (kind, BILOU part).
    gazetteer: Vec<Option<(EntityKind, Part)>>,
}

impl<'p> Sentence<'p> {
    fn new(paragraph: &'p str, words: &[Word<'p>], evidence: &Evidence<'_>) -> Sentence<'p> {
        let mut previous_end = 0;
        let mut sentence = Sentence {
            folded: Vec::with_capacity(words.len()),
            exact: Vec::with_capacity(words.len()),
            shapes: Vec::with_capacity(words.len()),
            gaps: Vec::with_capacity(words.len()),
            possessive: Vec::with_capacity(words.len()),
            sentence_start: Vec::with_capacity(words.len()),
            capitalized: Vec::with_capacity(words.len()),
            boundary: Vec::with_capacity(words.len()),
            runs: vec![None; words.len()],
            headline: false,
            gazetteer: vec![None; words.len()],
        };
        for word in words {
            let gap: String = paragraph[previous_end.min(word.range.start)..word.range.start]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            previous_end = word.range.end;
            sentence.folded.push(fold(word.bare()));
            sentence.exact.push(paragraph[word.range.clone()].trim_end_matches('.'));
            sentence.shapes.push(shape(word.text));
            sentence.gaps.push(gap);
            sentence.possessive.push(word.possessive);
            sentence.sentence_start.push(word.sentence_start);
            sentence.capitalized.push(word.capitalized() || word.text.starts_with(|c: char| c.is_ascii_digit()));
            sentence.boundary.push(word.sentence_start || !word.joined);
        }
        let mut at = 0;
        while at < words.len() {
            if !words[at].capitalized() {
                at += 1;
                continue;
            }
            let mut end = at + 1;
            while end < words.len() && !sentence.boundary[end] {
                if words[end].capitalized() {
                    end += 1;
                } else if evidence.lists.contains(List::Connectors, words[end].text)
                    && words.get(end + 1).is_some_and(|next| next.capitalized() && !sentence.boundary[end + 1])
                {
                    end += 2;
                } else {
                    break;
                }
            }
            for run in &mut sentence.runs[at..end] {
                *run = Some(at..end);
            }
            at = end;
        }
        let letters = paragraph.chars().filter(|c| c.is_alphabetic());
        sentence.headline = letters.clone().count() >= 4 && letters.clone().all(char::is_uppercase);
        // Gazetteer names, longest first, from capitalized words.
        let mut at = 0;
        while at < words.len() {
            if !words[at].capitalized() {
                at += 1;
                continue;
            }
            let longest = (at + 1..=(at + 6).min(words.len())).rev().find_map(|end| {
                let surface = &paragraph[words[at].range.start..words[end - 1].range.end];
                let known = evidence.gazetteer.lookup(surface)?;
                Some((end, evidence.gazetteer.known[known].kind))
            });
            match longest {
                Some((end, kind)) => {
                    for index in at..end {
                        sentence.gazetteer[index] = Some((kind, part_at(index - at, end - at)));
                    }
                    at = end;
                }
                None => at += 1,
            }
        }
        sentence
    }

    fn len(&self) -> usize {
        self.folded.len()
    }

    /// The features of word `index` that do not depend on the tags before it.
    fn features(&self, index: usize, evidence: &Evidence<'_>, out: &mut Vec<u32>) {
        let word = |offset: isize| -> &str {
            let at = index as isize + offset;
            if at < 0 { "<s>" } else { self.folded.get(at as usize).map_or("</s>", String::as_str) }
        };
        let shape_at = |offset: isize| -> &str {
            let at = index as isize + offset;
            if at < 0 { "<s>" } else { self.shapes.get(at as usize).map_or("</s>", String::as_str) }
        };
        let folded = &self.folded[index];
        let mut push = |template: u8, parts: &[&str]| out.push(hash(template, parts));
        push(0, &[]);
        push(1, &[folded]);
        push(2, &[self.exact[index]]);
        push(3, &[word(-1)]);
        push(4, &[word(1)]);
        push(5, &[word(-2)]);
        push(6, &[word(2)]);
        push(7, &[word(-1), folded]);
        push(8, &[folded, word(1)]);
        push(9, &[shape_at(0)]);
        push(10, &[shape_at(-1), shape_at(0)]);
        push(11, &[shape_at(0), shape_at(1)]);
        push(12, &[shape_at(-1), shape_at(0), shape_at(1)]);
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        for length in 1..=4.min(chars.len()) {
            push(13, &[&folded[..chars.get(length).map_or(folded.len(), |c| c.0)]]);
            push(14, &[&folded[chars[chars.len() - length].0..]]);
        }
        push(15, &[&self.gaps[index]]);
        push(16, &[self.gaps.get(index + 1).map_or("</s>", String::as_str)]);
        push(17, &[&self.gaps[index], shape_at(0)]);
        let start = if self.sentence_start[index] { "start" } else { "inside" };
        push(18, &[start, shape_at(0)]);
        if self.possessive[index] {
            push(19, &["this"]);
        }
        if index > 0 && self.possessive[index - 1] {
            push(19, &["before"]);
        }
        if self.headline {
            push(20, &[folded]);
            push(20, &[]);
        }
        for (offset, template) in [(-1isize, 21u8), (0, 22), (1, 23)] {
            let at = index as isize + offset;
            if at < 0 || at as usize >= self.len() {
                continue;
            }
            let exact = self.exact[at as usize];
            for list in evidence.lists.features_of(exact) {
                push(template, &[list.name()]);
            }
        }
        if let Some(run) = &self.runs[index] {
            let position = match (index == run.start, index + 1 == run.end) {
                (true, true) => "single",
                (true, false) => "first",
                (false, true) => "last",
                (false, false) => "inside",
            };
            push(28, &[position, ["1", "2", "3", "4+"][(run.len() - 1).min(3)]]);
            for list in evidence.lists.features_of(self.exact[run.end - 1]) {
                push(29, &[list.name(), position]);
            }
            for list in evidence.lists.features_of(self.exact[run.start]) {
                push(30, &[list.name(), position]);
            }
        }
        if let Some((kind, part)) = self.gazetteer[index] {
            push(24, &[kind.as_str(), ["B", "I", "L", "U"][part as usize]]);
            push(24, &[kind.as_str()]);
        }
        let common = evidence.vocabulary.is_common(self.exact[index]);
        let elsewhere = evidence.capitalized_in_article.contains(folded.as_str());
        push(25, &[if common { "common" } else { "rare" }, start]);
        push(26, &[if elsewhere { "capitalized" } else { "not" }, start]);
        push(27, &[if common { "common" } else { "rare" }, if elsewhere { "capitalized" } else { "not" }, start]);
    }
}

/// The word's shape, runs of one kind of character written once: "Xx", "X.X.", "d-d".
fn shape(word: &str) -> String {
    let mut shape = String::new();
    let mut last = None;
    for c in word.chars() {
        let kind = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(kind) {
            shape.push(kind);
            last = Some(kind);
        }
    }
    if word.chars().count() >= 2 && shape == "X" {
        shape.push('X'); // an acronym, not an initial
    }
    shape
}

/// FNV-1a over the template number and the parts, each part closed by 0xff.
fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut eat = |byte: u8| {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for part in parts {
        part.bytes().for_each(&mut eat);
        eat(0xff);
    }
    hash
}

/// The features that read the tags before word `index`.
fn history_features(folded: &str, shape: &str, previous: u8, before: u8, out: &mut Vec<u32>) {
    let (previous, before) = (CLASS_NAMES[usize::from(previous)], CLASS_NAMES[usize::from(before)]);
    out.push(hash(40, &[previous]));
    out.push(hash(41, &[before, previous]));
    out.push(hash(42, &[previous, folded]));
    out.push(hash(43, &[previous, shape]));
}

/// Learned weights: for each feature, one weight per class.
#[derive(Clone)]
pub struct Model {
    weights: FxHashMap<u32, [f32; CLASSES]>,
    /// The counts of the common words of the text it learned from.
    background: Vocabulary,
}

const MAGIC: &[u8; 8] = b"DNER\x01\x00\x00\x00";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a Dossier name-tagger model: {0}")]
pub struct ModelError(&'static str);

impl Model {
    /// The model that ships with Dossier, read once.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(include_bytes!("model/ner.bin")).expect("the shipped model reads"))
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError("wrong header or version"))?;
        let mut reader = Reader { bytes: rest };
        let scale = f32::from_bits(reader.fixed()?);
        let count = reader.varint()? as usize;
        let mut weights = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let mut key: u32 = 0;
        for _ in 0..count {
            key = key.checked_add(reader.varint()? as u32).ok_or(ModelError("keys out of order"))?;
            let mask = reader.varint()?;
            let mut row = [0f32; CLASSES];
            for (class, weight) in row.iter_mut().enumerate() {
                if mask & (1 << class) != 0 {
                    let zigzag = reader.varint()?;
                    let value = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
                    *weight = value as f32 * scale;
                }
            }
            weights.insert(key, row);
        }
        let mut background = Vocabulary::default();
        for _ in 0..reader.varint()? {
            let length = reader.varint()? as usize;
            if reader.bytes.len() < length {
                return Err(ModelError("cut short"));
            }
            let (word, rest) = reader.bytes.split_at(length);
            reader.bytes = rest;
            let word = std::str::from_utf8(word).map_err(|_| ModelError("a word that is not UTF-8"))?;
            let (lowercase, capitalized) = (reader.varint()? as u32, reader.varint()? as u32);
            background.insert(word.to_owned(), lowercase, capitalized);
        }
        if !reader.bytes.is_empty() {
            return Err(ModelError("trailing bytes"));
        }
        Ok(Model { weights, background })
    }

    /// The weights, each rounded to a multiple of a common step (1/256 of the largest
    /// needed to keep weights under 2^15 steps); features whose weights all round to 0
    /// are left out. Keys are written in order, so the same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let largest = self.weights.values().flatten().fold(0f32, |max, weight| max.max(weight.abs()));
        let scale = if largest > 0.0 { largest / 32_000.0 } else { 1.0 };
        let mut rows: Vec<(u32, Vec<(usize, i64)>)> = self
            .weights
            .iter()
            .map(|(key, row)| {
                let quantized = row
                    .iter()
                    .enumerate()
                    .map(|(class, weight)| (class, (weight / scale).round() as i64))
                    .filter(|(_, value)| value.abs() >= MINIMUM_STEPS)
                    .collect();
                (*key, quantized)
            })
            .filter(|(_, row): &(u32, Vec<(usize, i64)>)| !row.is_empty())
            .collect();
        rows.sort_by_key(|(key, _)| *key);
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        write_varint(&mut out, rows.len() as u64);
        let mut previous = 0;
        for (key, row) in rows {
            write_varint(&mut out, u64::from(key - previous));
            previous = key;
            write_varint(&mut out, row.iter().fold(0u64, |mask, (class, _)| mask | 1 << class));
            for (_, value) in row {
                write_varint(&mut out, ((value << 1) ^ (value >> 63)) as u64);
            }
        }
        let words = self.background.common_entries();
        write_varint(&mut out, words.len() as u64);
        for (word, lowercase, capitalized) in words {
            write_varint(&mut out, word.len() as u64);
            out.extend_from_slice(word.as_bytes());
            write_varint(&mut out, u64::from(lowercase));
            write_varint(&mut out, u64::from(capitalized));
        }
        out
    }

    /// A collection's word counts with the model's own added.
    pub(crate) fn vocabulary(&self, collection: Vocabulary) -> Vocabulary {
        let mut vocabulary = collection;
        vocabulary.add(&self.background);
        vocabulary
    }

    /// How many features the model weighs.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    fn scores(&self, features: &[u32]) -> [f32; CLASSES] {
        let mut scores = [0f32; CLASSES];
        for feature in features {
            if let Some(row) = self.weights.get(feature) {
                for (score, weight) in scores.iter_mut().zip(row) {
                    *score += weight;
                }
            }
        }
        scores
    }

    /// The names in one paragraph's words.
    pub(crate) fn tag(&self, paragraph: &str, words: &[Word<'_>], evidence: &Evidence<'_>) -> Vec<Name> {
        let sentence = Sentence::new(paragraph, words, evidence);
        let tags = decode(
            &sentence,
            |index, features| sentence.features(index, evidence, features),
            |_, features, allowed| best(&self.scores(features), allowed),
        );
        // A name ends on a capitalized word ("Bank of England", never "Bank of").
        names(&tags)
            .into_iter()
            .filter_map(|mut name| {
                while !name.words.is_empty() && !sentence.capitalized[name.words.end - 1] {
                    name.words.end -= 1;
                }
                (!name.words.is_empty()).then_some(name)
            })
            .collect()
    }
}

/// Which classes word `index` may take: those that may follow the tag before it (and,
/// for a lowercase word, only going on with a name or standing outside one).
#[derive(Clone, Copy)]
struct Allowed {
    previous: u8,
    lowercase: bool,
}

/// Tags a sentence's words left to right, the way both reading and learning do:
/// `own_features` gives a word's features, to which the tags before it are added, and
/// `choose` picks its class among the allowed ones. A lowercase word outside a name is
/// not read (names start with a capital or a digit); a name that cannot go on past a
/// word is closed there.
fn decode(
    sentence: &Sentence<'_>,
    mut own_features: impl FnMut(usize, &mut Vec<u32>),
    mut choose: impl FnMut(usize, &[u32], Allowed) -> u8,
) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; sentence.len()];
    let mut features = Vec::with_capacity(64);
    for index in 0..sentence.len() {
        let previous = previous_tag(&mut tags, &sentence.boundary, index);
        let inside = matches!(part(previous), Some((_, Part::Begin | Part::Inside)));
        let lowercase = !sentence.capitalized[index];
        if !inside && lowercase {
            continue;
        }
        features.clear();
        own_features(index, &mut features);
        let before = if index > 1 { tags[index - 2] } else { OUTSIDE };
        history_features(&sentence.folded[index], &sentence.shapes[index], previous, before, &mut features);
        tags[index] = choose(index, &features, Allowed { previous, lowercase });
        if tags[index] == OUTSIDE && index > 0 {
            tags[index - 1] = closed(previous);
        }
    }
    close(tags)
}

/// Words with weights below this many steps are dropped from the file.
const MINIMUM_STEPS: i64 = 8;

/// The best class that may follow `previous`. A word in lowercase ("of", "said") may
/// only go on with the name before it or stand outside any name, which ends that name.
fn best(scores: &[f32; CLASSES], Allowed { previous, lowercase }: Allowed) -> u8 {
    let mut best = OUTSIDE;
    let mut best_score = f32::NEG_INFINITY;
    for (class, &score) in scores.iter().enumerate() {
        let class = class as u8;
        let fits = if lowercase {
            class == OUTSIDE || (allowed(previous, class) && matches!(part(class), Some((_, Part::Inside))))
        } else {
            allowed(previous, class)
        };
        if fits && score > best_score {
            best = class;
            best_score = score;
        }
    }
    best
}

/// A name still open at the end of the paragraph ends at its last word.
fn close(mut tags: Vec<u8>) -> Vec<u8> {
    if let Some(last) = tags.last_mut() {
        *last = closed(*last);
    }
    tags
}

/// The tag of a name's last word, when a name cannot go on past it.
fn closed(tag: u8) -> u8 {
    match part(tag) {
        Some((kind, Part::Begin)) => class(kind, Part::Unit),
        Some((kind, Part::Inside)) => class(kind, Part::Last),
        _ => tag,
    }
}

/// The tag before word `index`, with a name that cannot go on to it closed there.
fn previous_tag(tags: &mut [u8], boundary: &[bool], index: usize) -> u8 {
    if index == 0 {
        return OUTSIDE;
    }
    if boundary[index] {
        tags[index - 1] = closed(tags[index - 1]);
    }
    tags[index - 1]
}

struct Reader<'b> {
    bytes: &'b [u8],
}

impl Reader<'_> {
    fn fixed(&mut self) -> Result<u32, ModelError> {
        let (head, rest) = self.bytes.split_first_chunk::<4>().ok_or(ModelError("cut short"))?;
        self.bytes = rest;
        Ok(u32::from_le_bytes(*head))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first().ok_or(ModelError("cut short"))?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError("a number too long"))
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A name found in a paragraph: its byte range and kind.
pub type Tagged = (Range<usize>, NameKind);

/// The names the model finds in each paragraph of each document, as byte ranges; the
/// documents are the collection its evidence is counted over.
pub fn tag_documents(model: &Model, documents: &[Vec<String>]) -> Vec<Vec<Vec<Tagged>>> {
    let vocabulary = model.vocabulary(Vocabulary::of_paragraphs(documents.iter().flatten().map(String::as_str)));
    let (gazetteer, lists) = (Gazetteer::get(), Lists::get());
    documents
        .iter()
        .map(|paragraphs| {
            let (words, capitalized) = read_article(paragraphs.iter().map(String::as_str));
            let evidence = Evidence { vocabulary: &vocabulary, gazetteer, lists, capitalized_in_article: &capitalized };
            paragraphs
                .iter()
                .zip(&words)
                .map(|(text, words)| {
                    model
                        .tag(text, words, &evidence)
                        .into_iter()
                        .map(|name| {
                            (words[name.words.start].range.start..words[name.words.end - 1].range.end, name.kind)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// One annotated paragraph to learn from: its text and its names as byte ranges.
pub struct Example {
    /// The paragraph.
    pub text: String,
    /// The names in it: byte range and kind.
    pub names: Vec<(Range<usize>, NameKind)>,
}

/// An article of examples (the collection evidence is counted per article).
pub type Document = Vec<Example>;

/// Trains a model on annotated documents: `epochs` passes in an order shuffled by a fixed
/// seed, so the same documents always give the same model.
pub fn train(documents: &[Document], epochs: usize, mut progress: impl FnMut(usize, f64)) -> Model {
    let gazetteer = Gazetteer::get();
    let lists = Lists::get();
    let vocabulary = Vocabulary::of_paragraphs(documents.iter().flatten().map(|example| example.text.as_str()));
    // Every word's features and gold tag, computed once.
    struct Prepared<'d> {
        sentence: Sentence<'d>,
        features: Vec<Vec<u32>>,
        gold: Vec<u8>,
    }
    let mut sentences: Vec<Prepared<'_>> = Vec::new();
    for document in documents {
        let (words, capitalized) = read_article(document.iter().map(|example| example.text.as_str()));
        let evidence = Evidence { vocabulary: &vocabulary, gazetteer, lists, capitalized_in_article: &capitalized };
        for (example, words) in document.iter().zip(&words) {
            let sentence = Sentence::new(&example.text, words, &evidence);
            let mut gold = vec![OUTSIDE; words.len()];
            for (range, kind) in &example.names {
                let inside: Vec<usize> = (0..words.len())
                    .filter(|&index| words[index].range.start >= range.start && words[index].range.end <= range.end)
                    .collect();
                for (position, &index) in inside.iter().enumerate() {
                    gold[index] = class(*kind, part_at(position, inside.len()));
                }
            }
            let mut features = Vec::with_capacity(words.len());
            for index in 0..words.len() {
                let mut own = Vec::new();
                sentence.features(index, &evidence, &mut own);
                features.push(own);
            }
            sentences.push(Prepared { sentence, features, gold });
        }
    }
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for epoch in 0..epochs {
        // Fisher-Yates with xorshift64*.
        for index in (1..order.len()).rev() {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            let pick = (seed.wrapping_mul(0x2545_f491_4f6c_dd1d) % (index as u64 + 1)) as usize;
            order.swap(index, pick);
        }
        let (mut wrong, mut seen) = (0usize, 0usize);
        for &sentence_index in &order {
            let prepared = &sentences[sentence_index];
            decode(
                &prepared.sentence,
                |index, features| features.extend_from_slice(&prepared.features[index]),
                |index, features, allowed| {
                    let guess = best(&trainer.scores(features), allowed);
                    let gold = prepared.gold[index];
                    trainer.step += 1;
                    seen += 1;
                    if guess != gold {
                        wrong += 1;
                        trainer.update(features, gold, guess);
                    }
                    guess
                },
            );
        }
        progress(epoch + 1, wrong as f64 / seen.max(1) as f64);
    }
    let mut model = trainer.average();
    model.background = vocabulary;
    model
}

#[derive(Default)]
struct Trainer {
    rows: FxHashMap<u32, Row>,
    step: u32,
}

struct Row {
    weights: [f32; CLASSES],
    totals: [f64; CLASSES],
    since: [u32; CLASSES],
}

impl Trainer {
    fn scores(&self, features: &[u32]) -> [f32; CLASSES] {
        let mut scores = [0f32; CLASSES];
        for feature in features {
            if let Some(row) = self.rows.get(feature) {
                for (score, weight) in scores.iter_mut().zip(&row.weights) {
                    *score += weight;
                }
            }
        }
        scores
    }

    fn update(&mut self, features: &[u32], gold: u8, guess: u8) {
        let step = self.step;
        for &feature in features {
            let row = self.rows.entry(feature).or_insert_with(|| Row {
                weights: [0.0; CLASSES],
                totals: [0.0; CLASSES],
                since: [step; CLASSES],
            });
            for (class, change) in [(gold, 1.0f32), (guess, -1.0)] {
                let class = usize::from(class);
                row.totals[class] += f64::from(step - row.since[class]) * f64::from(row.weights[class]);
                row.since[class] = step;
                row.weights[class] += change;
            }
        }
    }

    fn average(self) -> Model {
        let step = self.step.max(1);
        let weights = self
            .rows
            .into_iter()
            .map(|(feature, row)| {
                let mut averaged = [0f32; CLASSES];
                for (class, averaged) in averaged.iter_mut().enumerate() {
                    let total = row.totals[class] + f64::from(step - row.since[class]) * f64::from(row.weights[class]);
                    *averaged = (total / f64::from(step)) as f32;
                }
                (feature, averaged)
            })
            .collect();
        Model { weights, background: Vocabulary::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_sequences_become_names_even_when_broken() {
        let person = |part| class(NameKind::Person, part);
        let place = |part| class(NameKind::Place, part);
        let tags = [OUTSIDE, person(Part::Begin), person(Part::Last), place(Part::Unit), person(Part::Begin)];
        assert_eq!(
            names(&close(tags.to_vec())),
            [
                Name { words: 1..3, kind: NameKind::Person },
                Name { words: 3..4, kind: NameKind::Place },
                Name { words: 4..5, kind: NameKind::Person },
            ]
        );
        assert!(!allowed(person(Part::Begin), place(Part::Last)));
        assert!(!allowed(OUTSIDE, person(Part::Inside)));
        assert!(allowed(person(Part::Inside), person(Part::Last)));
    }

    #[test]
    fn the_shipped_model_loads_and_writes_back_the_same_bytes() {
        let bytes = include_bytes!("model/ner.bin");
        let model = Model::from_bytes(bytes).expect("the shipped model reads");
        assert!(model.features() > 10_000, "{} features", model.features());
        assert!(model.background.is_common("Later") && !model.background.is_common("Sheinbaum"));
        assert_eq!(model.to_bytes(), bytes, "reading and writing changes nothing");
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err(), "a cut file is refused");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Sheinbaum"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("CIA"), "XX");
        assert_eq!(shape("J"), "X");
        assert_eq!(shape("1996-08-30"), "d-d-d");
    }

    #[test]
    fn a_model_survives_its_file() {
        let mut weights = FxHashMap::default();
        let mut row = [0f32; CLASSES];
        row[3] = 2.5;
        row[7] = -1.25;
        weights.insert(42, row);
        weights.insert(7, [0.0; CLASSES]);
        let model = Model { weights, background: Vocabulary::default() };
        let bytes = model.to_bytes();
        let read = Model::from_bytes(&bytes).expect("reads");
        assert_eq!(read.features(), 1, "a feature with no weight is not written");
        let read_row = read.weights[&42];
        assert!((read_row[3] - 2.5).abs() < 1e-3 && (read_row[7] + 1.25).abs() < 1e-3);
        assert_eq!(read.to_bytes(), bytes, "the same model gives the same bytes");
        assert!(Model::from_bytes(b"DNER\x02\x00\x00\x00").is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
