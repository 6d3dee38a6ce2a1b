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
//! `dossier ner train`; the file names the feature templates ([`Template`]) and word
//! lists it was learned with, and a build that reads other ones refuses it.

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

/// The feature templates: what the tagger reads around a word. Each feature is hashed
/// with its template's number, so a number means the same in every model file: a new
/// template takes a new number, and the model file names the templates it was trained
/// with (see [`Model::from_bytes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    /// Always on: the class's prior.
    Bias = 0,
    /// The word, folded.
    Word = 1,
    /// The word as written (without a final dot).
    Exact = 2,
    /// The word before, folded.
    WordBefore = 3,
    /// The word after, folded.
    WordAfter = 4,
    /// The word two before, folded.
    SecondWordBefore = 5,
    /// The word two after, folded.
    SecondWordAfter = 6,
    /// The word before and the word.
    WordBeforeAndWord = 7,
    /// The word and the word after.
    WordAndWordAfter = 8,
    /// The word's shape ("Xx", "X.X.").
    Shape = 9,
    /// The shapes of the word before and the word.
    ShapeBeforeAndShape = 10,
    /// The shapes of the word and the word after.
    ShapeAndShapeAfter = 11,
    /// The shapes of the words before, at and after.
    ShapesAround = 12,
    /// The word's first one to four characters.
    Prefix = 13,
    /// The word's last one to four characters.
    Suffix = 14,
    /// The punctuation between the word before and the word.
    GapBefore = 15,
    /// The punctuation between the word and the word after.
    GapAfter = 16,
    /// The punctuation before the word, with its shape.
    GapBeforeAndShape = 17,
    /// Whether a sentence starts at the word, with its shape.
    SentenceStartAndShape = 18,
    /// The word, or the word before, owns ("'s").
    Possessive = 19,
    /// The paragraph is written in capitals, alone and with the word.
    Headline = 20,
    /// The word lists that hold the word before.
    ListsOfWordBefore = 21,
    /// The word lists that hold the word.
    ListsOfWord = 22,
    /// The word lists that hold the word after.
    ListsOfWordAfter = 23,
    /// The kind of a gazetteer name covering the word, and the word's part of it.
    Gazetteer = 24,
    /// The collection mostly writes the word in lowercase, with whether a sentence starts there.
    Common = 25,
    /// The article capitalizes the word away from a sentence start.
    CapitalizedElsewhere = 26,
    /// The two above together.
    CommonAndCapitalizedElsewhere = 27,
    /// The word's place in its run of capitalized words, and the run's length.
    Run = 28,
    /// The word lists that hold the last word of the word's run.
    ListsOfRunsLastWord = 29,
    /// The word lists that hold the first word of the word's run.
    ListsOfRunsFirstWord = 30,
    /// The tag of the word before.
    TagBefore = 40,
    /// The tags of the two words before.
    TwoTagsBefore = 41,
    /// The tag before, with the word.
    TagBeforeAndWord = 42,
    /// The tag before, with the word's shape.
    TagBeforeAndShape = 43,
}

impl Template {
    /// Every template, in order of number.
    pub const ALL: [Template; 35] = [
        Template::Bias,
        Template::Word,
        Template::Exact,
        Template::WordBefore,
        Template::WordAfter,
        Template::SecondWordBefore,
        Template::SecondWordAfter,
        Template::WordBeforeAndWord,
        Template::WordAndWordAfter,
        Template::Shape,
        Template::ShapeBeforeAndShape,
        Template::ShapeAndShapeAfter,
        Template::ShapesAround,
        Template::Prefix,
        Template::Suffix,
        Template::GapBefore,
        Template::GapAfter,
        Template::GapBeforeAndShape,
        Template::SentenceStartAndShape,
        Template::Possessive,
        Template::Headline,
        Template::ListsOfWordBefore,
        Template::ListsOfWord,
        Template::ListsOfWordAfter,
        Template::Gazetteer,
        Template::Common,
        Template::CapitalizedElsewhere,
        Template::CommonAndCapitalizedElsewhere,
        Template::Run,
        Template::ListsOfRunsLastWord,
        Template::ListsOfRunsFirstWord,
        Template::TagBefore,
        Template::TwoTagsBefore,
        Template::TagBeforeAndWord,
        Template::TagBeforeAndShape,
    ];

    /// The template's name, as model files write it.
    pub fn name(self) -> &'static str {
        match self {
            Template::Bias => "bias",
            Template::Word => "word",
            Template::Exact => "exact",
            Template::WordBefore => "word-before",
            Template::WordAfter => "word-after",
            Template::SecondWordBefore => "second-word-before",
            Template::SecondWordAfter => "second-word-after",
            Template::WordBeforeAndWord => "word-before-and-word",
            Template::WordAndWordAfter => "word-and-word-after",
            Template::Shape => "shape",
            Template::ShapeBeforeAndShape => "shape-before-and-shape",
            Template::ShapeAndShapeAfter => "shape-and-shape-after",
            Template::ShapesAround => "shapes-around",
            Template::Prefix => "prefix",
            Template::Suffix => "suffix",
            Template::GapBefore => "gap-before",
            Template::GapAfter => "gap-after",
            Template::GapBeforeAndShape => "gap-before-and-shape",
            Template::SentenceStartAndShape => "sentence-start-and-shape",
            Template::Possessive => "possessive",
            Template::Headline => "headline",
            Template::ListsOfWordBefore => "lists-of-word-before",
            Template::ListsOfWord => "lists-of-word",
            Template::ListsOfWordAfter => "lists-of-word-after",
            Template::Gazetteer => "gazetteer",
            Template::Common => "common",
            Template::CapitalizedElsewhere => "capitalized-elsewhere",
            Template::CommonAndCapitalizedElsewhere => "common-and-capitalized-elsewhere",
            Template::Run => "run",
            Template::ListsOfRunsLastWord => "lists-of-runs-last-word",
            Template::ListsOfRunsFirstWord => "lists-of-runs-first-word",
            Template::TagBefore => "tag-before",
            Template::TwoTagsBefore => "two-tags-before",
            Template::TagBeforeAndWord => "tag-before-and-word",
            Template::TagBeforeAndShape => "tag-before-and-shape",
        }
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
    /// Folded words the article writes capitalized, not at a sentence start.
    pub capitalized_in_article: &'a HashSet<String>,
}

/// An article's paragraphs cut into words, and the folded words it capitalizes away from
/// sentence starts (the tagger's evidence from the article).
pub(crate) fn read_article<'t>(
    paragraphs: impl IntoIterator<Item = &'t str>,
    lists: &Lists,
) -> (Vec<Vec<Word<'t>>>, HashSet<String>) {
    let paragraphs: Vec<Vec<Word<'t>>> =
        paragraphs.into_iter().map(|paragraph| crate::words::words(paragraph, lists)).collect();
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
    /// The word lists that hold each word.
    marks: Vec<u32>,
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
            marks: Vec::with_capacity(words.len()),
            sentence_start: Vec::with_capacity(words.len()),
            capitalized: Vec::with_capacity(words.len()),
            boundary: Vec::with_capacity(words.len()),
            runs: Vec::new(),
            headline: false,
            gazetteer: Vec::new(),
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
            sentence.marks.push(word.marks());
            sentence.sentence_start.push(word.sentence_start);
            sentence.capitalized.push(word.capitalized() || word.text.starts_with(|c: char| c.is_ascii_digit()));
            sentence.boundary.push(word.sentence_start || !word.joined);
        }
        sentence.runs = runs(words, &sentence.boundary);
        sentence.headline = dossier_text::in_capitals(paragraph, 4);
        sentence.gazetteer = gazetteer_names(paragraph, words, evidence.gazetteer);
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
        let mut push = |template: Template, parts: &[&str]| out.push(hash(template, parts));
        push(Template::Bias, &[]);
        push(Template::Word, &[folded]);
        push(Template::Exact, &[self.exact[index]]);
        push(Template::WordBefore, &[word(-1)]);
        push(Template::WordAfter, &[word(1)]);
        push(Template::SecondWordBefore, &[word(-2)]);
        push(Template::SecondWordAfter, &[word(2)]);
        push(Template::WordBeforeAndWord, &[word(-1), folded]);
        push(Template::WordAndWordAfter, &[folded, word(1)]);
        push(Template::Shape, &[shape_at(0)]);
        push(Template::ShapeBeforeAndShape, &[shape_at(-1), shape_at(0)]);
        push(Template::ShapeAndShapeAfter, &[shape_at(0), shape_at(1)]);
        push(Template::ShapesAround, &[shape_at(-1), shape_at(0), shape_at(1)]);
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        for length in 1..=4.min(chars.len()) {
            push(Template::Prefix, &[&folded[..chars.get(length).map_or(folded.len(), |c| c.0)]]);
            push(Template::Suffix, &[&folded[chars[chars.len() - length].0..]]);
        }
        push(Template::GapBefore, &[&self.gaps[index]]);
        push(Template::GapAfter, &[self.gaps.get(index + 1).map_or("</s>", String::as_str)]);
        push(Template::GapBeforeAndShape, &[&self.gaps[index], shape_at(0)]);
        let start = if self.sentence_start[index] { "start" } else { "inside" };
        push(Template::SentenceStartAndShape, &[start, shape_at(0)]);
        if self.possessive[index] {
            push(Template::Possessive, &["this"]);
        }
        if index > 0 && self.possessive[index - 1] {
            push(Template::Possessive, &["before"]);
        }
        if self.headline {
            push(Template::Headline, &[folded]);
            push(Template::Headline, &[]);
        }
        self.list_features(index, out);
        let common = evidence.vocabulary.is_common(self.exact[index]);
        let elsewhere = evidence.capitalized_in_article.contains(folded.as_str());
        let mut push = |template: Template, parts: &[&str]| out.push(hash(template, parts));
        push(Template::Common, &[if common { "common" } else { "rare" }, start]);
        push(Template::CapitalizedElsewhere, &[if elsewhere { "capitalized" } else { "not" }, start]);
        push(
            Template::CommonAndCapitalizedElsewhere,
            &[if common { "common" } else { "rare" }, if elsewhere { "capitalized" } else { "not" }, start],
        );
    }

    /// The features of word `index` that read the word lists and the gazetteer: the
    /// lists of the word and its neighbours, of its run's ends, and the gazetteer name
    /// over it.
    fn list_features(&self, index: usize, out: &mut Vec<u32>) {
        let mut push = |template: Template, parts: &[&str]| out.push(hash(template, parts));
        for (offset, template) in
            [(-1isize, Template::ListsOfWordBefore), (0, Template::ListsOfWord), (1, Template::ListsOfWordAfter)]
        {
            let at = index as isize + offset;
            if at < 0 || at as usize >= self.len() {
                continue;
            }
            for list in List::features_in(self.marks[at as usize]) {
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
            push(Template::Run, &[position, ["1", "2", "3", "4+"][(run.len() - 1).min(3)]]);
            for list in List::features_in(self.marks[run.end - 1]) {
                push(Template::ListsOfRunsLastWord, &[list.name(), position]);
            }
            for list in List::features_in(self.marks[run.start]) {
                push(Template::ListsOfRunsFirstWord, &[list.name(), position]);
            }
        }
        if let Some((kind, part)) = self.gazetteer[index] {
            push(Template::Gazetteer, &[kind.as_str(), ["B", "I", "L", "U"][part as usize]]);
            push(Template::Gazetteer, &[kind.as_str()]);
        }
    }
}

/// The run of capitalized words (joined, with connectors such as "of" inside, no
/// `boundary` within) each word is part of, if any.
fn runs(words: &[Word<'_>], boundary: &[bool]) -> Vec<Option<Range<usize>>> {
    let mut runs = vec![None; words.len()];
    let mut at = 0;
    while at < words.len() {
        if !words[at].capitalized() {
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < words.len() && !boundary[end] {
            if words[end].capitalized() {
                end += 1;
            } else if words[end].is(List::Connectors)
                && words.get(end + 1).is_some_and(|next| next.capitalized() && !boundary[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        for run in &mut runs[at..end] {
            *run = Some(at..end);
        }
        at = end;
    }
    runs
}

/// Where a gazetteer name covers each word, as (kind, BILOU part): the longest names
/// first, from capitalized words.
fn gazetteer_names(paragraph: &str, words: &[Word<'_>], gazetteer: &Gazetteer) -> Vec<Option<(EntityKind, Part)>> {
    let mut names = vec![None; words.len()];
    let mut at = 0;
    while at < words.len() {
        if !words[at].capitalized() {
            at += 1;
            continue;
        }
        let longest = (at + 1..=(at + 6).min(words.len())).rev().find_map(|end| {
            let surface = &paragraph[words[at].range.start..words[end - 1].range.end];
            let known = gazetteer.lookup(surface)?;
            Some((end, gazetteer.known[known].kind))
        });
        match longest {
            Some((end, kind)) => {
                for (index, name) in names.iter_mut().enumerate().take(end).skip(at) {
                    *name = Some((kind, part_at(index - at, end - at)));
                }
                at = end;
            }
            None => at += 1,
        }
    }
    names
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

/// FNV-1a over the template's number and the parts, each part closed by 0xff.
fn hash(template: Template, parts: &[&str]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut eat = |byte: u8| {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    };
    eat(template as u8);
    for part in parts {
        part.bytes().for_each(&mut eat);
        eat(0xff);
    }
    hash
}

/// The features that read the tags before word `index`.
fn history_features(folded: &str, shape: &str, previous: u8, before: u8, out: &mut Vec<u32>) {
    let (previous, before) = (CLASS_NAMES[usize::from(previous)], CLASS_NAMES[usize::from(before)]);
    out.push(hash(Template::TagBefore, &[previous]));
    out.push(hash(Template::TwoTagsBefore, &[before, previous]));
    out.push(hash(Template::TagBeforeAndWord, &[previous, folded]));
    out.push(hash(Template::TagBeforeAndShape, &[previous, shape]));
}

/// Learned weights: for each feature, one weight per class.
#[derive(Clone)]
pub struct Model {
    weights: FxHashMap<u32, [f32; CLASSES]>,
    /// The counts of the common words of the text it learned from.
    background: Vocabulary,
}

/// A model file's first bytes, before its format version.
const MAGIC: &[u8; 4] = b"DNER";

/// The format this build reads and writes: version 2 added the header that names the
/// feature templates and word lists the weights were learned with.
const FORMAT_VERSION: u32 = 2;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a model file, or are cut short or damaged.
    #[error("not a Dossier name-tagger model: {0}")]
    Malformed(&'static str),
    /// A model file of another format version.
    #[error(
        "a name-tagger model of format version {found}, and this build reads version {expected}: \
         retrain it with `dossier ner train`"
    )]
    Version {
        /// The file's version.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// A model learned with other feature templates or word lists than this build reads:
    /// its weights would be read as other features.
    #[error(
        "a name-tagger model learned with other features: the model has {model}, where this build has \
         {build}; retrain it with `dossier ner train`"
    )]
    Features {
        /// The model's templates and lists that this build does not have.
        model: String,
        /// This build's templates and lists that the model does not have.
        build: String,
    },
}

/// What a model file says its weights were learned with: the feature templates (number
/// and name) and the word lists read as features.
#[derive(Debug, PartialEq, Eq)]
struct Header {
    templates: Vec<(u8, String)>,
    lists: Vec<String>,
}

impl Header {
    /// The templates and lists this build reads.
    fn this_build() -> Header {
        Header {
            templates: Template::ALL.iter().map(|&template| (template as u8, template.name().to_owned())).collect(),
            lists: List::ALL.iter().filter(|list| list.is_feature()).map(|list| list.name().to_owned()).collect(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        let write_name = |out: &mut Vec<u8>, name: &str| {
            write_varint(out, name.len() as u64);
            out.extend_from_slice(name.as_bytes());
        };
        write_varint(out, self.templates.len() as u64);
        for (number, name) in &self.templates {
            out.push(*number);
            write_name(out, name);
        }
        write_varint(out, self.lists.len() as u64);
        for name in &self.lists {
            write_name(out, name);
        }
    }

    fn read(reader: &mut Reader<'_>) -> Result<Header, ModelError> {
        let mut templates = Vec::new();
        for _ in 0..reader.varint()? {
            let number = reader.byte()?;
            templates.push((number, reader.name()?));
        }
        let mut lists = Vec::new();
        for _ in 0..reader.varint()? {
            lists.push(reader.name()?);
        }
        Ok(Header { templates, lists })
    }

    /// Refuses a model whose header is not this build's, naming what differs on each side.
    fn check(self) -> Result<(), ModelError> {
        let build = Header::this_build();
        if self == build {
            return Ok(());
        }
        let entries = |header: &Header| -> Vec<String> {
            let templates = header.templates.iter().map(|(number, name)| format!("template {number} {name}"));
            templates.chain(header.lists.iter().map(|name| format!("list {name}"))).collect()
        };
        let (ours, theirs) = (entries(&build), entries(&self));
        let only = |these: &[String], others: &[String]| {
            let only: Vec<&str> = these.iter().filter(|entry| !others.contains(entry)).map(String::as_str).collect();
            if only.is_empty() { "nothing else".to_owned() } else { only.join(", ") }
        };
        Err(ModelError::Features { model: only(&theirs, &ours), build: only(&ours, &theirs) })
    }
}

impl Model {
    /// The model that ships with Dossier, read once.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(include_bytes!("model/ner.bin")).expect("the shipped model reads"))
    }

    /// Reads a model written by [`Model::to_bytes`]. The file starts with `DNER`, its
    /// format version (a 32-bit little-endian number) and a header naming the feature
    /// templates (number and name) and the word lists its weights were learned with; a
    /// file of another version, or whose header is not this build's, is refused with a
    /// message naming what differs.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Malformed("wrong header or version"))?;
        let mut reader = Reader { bytes: rest };
        let version = reader.fixed()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version { found: version, expected: FORMAT_VERSION });
        }
        Header::read(&mut reader)?.check()?;
        let scale = f32::from_bits(reader.fixed()?);
        let count = reader.varint()? as usize;
        let mut weights = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let mut key: u32 = 0;
        for _ in 0..count {
            key = key.checked_add(reader.varint()? as u32).ok_or(ModelError::Malformed("keys out of order"))?;
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
            let word = reader.name()?;
            let (lowercase, capitalized) = (reader.varint()? as u32, reader.varint()? as u32);
            background.insert(word, lowercase, capitalized);
        }
        if !reader.bytes.is_empty() {
            return Err(ModelError::Malformed("trailing bytes"));
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
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        Header::this_build().write(&mut out);
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
        let (head, rest) = self.bytes.split_first_chunk::<4>().ok_or(ModelError::Malformed("cut short"))?;
        self.bytes = rest;
        Ok(u32::from_le_bytes(*head))
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        let (&byte, rest) = self.bytes.split_first().ok_or(ModelError::Malformed("cut short"))?;
        self.bytes = rest;
        Ok(byte)
    }

    /// A name or word written as its length and its UTF-8 bytes.
    fn name(&mut self) -> Result<String, ModelError> {
        let length = self.varint()? as usize;
        if self.bytes.len() < length {
            return Err(ModelError::Malformed("cut short"));
        }
        let (name, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        String::from_utf8(name.to_vec()).map_err(|_| ModelError::Malformed("text that is not UTF-8"))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first().ok_or(ModelError::Malformed("cut short"))?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Malformed("a number too long"))
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
    let (gazetteer, lists) = (&Gazetteer::builtin(), &Lists::builtin());
    documents
        .iter()
        .map(|paragraphs| {
            let (words, capitalized) = read_article(paragraphs.iter().map(String::as_str), lists);
            let evidence = Evidence { vocabulary: &vocabulary, gazetteer, capitalized_in_article: &capitalized };
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
    let (gazetteer, lists) = (&Gazetteer::builtin(), &Lists::builtin());
    let vocabulary = Vocabulary::of_paragraphs(documents.iter().flatten().map(|example| example.text.as_str()));
    // Every word's features and gold tag, computed once.
    struct Prepared<'d> {
        sentence: Sentence<'d>,
        features: Vec<Vec<u32>>,
        gold: Vec<u8>,
    }
    let mut sentences: Vec<Prepared<'_>> = Vec::new();
    for document in documents {
        let (words, capitalized) = read_article(document.iter().map(|example| example.text.as_str()), lists);
        let evidence = Evidence { vocabulary: &vocabulary, gazetteer, capitalized_in_article: &capitalized };
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
    fn templates_have_one_number_and_one_name_each() {
        for (index, template) in Template::ALL.iter().enumerate() {
            for other in &Template::ALL[index + 1..] {
                assert!(*template as u8 != *other as u8 && template.name() != other.name(), "{template:?} {other:?}");
            }
        }
    }

    /// A file's bytes with its header replaced by `header`.
    fn with_header(bytes: &[u8], header: &Header) -> Vec<u8> {
        let mut ours = Vec::new();
        Header::this_build().write(&mut ours);
        let mut forged = bytes[..8].to_vec();
        header.write(&mut forged);
        forged.extend_from_slice(&bytes[8 + ours.len()..]);
        forged
    }

    #[test]
    fn a_model_of_other_feature_templates_or_another_version_is_refused_naming_both() {
        let bytes = Model { weights: FxHashMap::default(), background: Vocabulary::default() }.to_bytes();
        assert!(bytes.starts_with(b"DNER\x02\x00\x00\x00"), "format version 2");
        assert!(Model::from_bytes(&with_header(&bytes, &Header::this_build())).is_ok());
        // Template 13 renamed, as when a template is renumbered or its meaning changes.
        let mut other = Header::this_build();
        other.templates[13].1 = "prefix-of-five".to_owned();
        other.lists.retain(|list| list != "units");
        let message = Model::from_bytes(&with_header(&bytes, &other)).err().map(|error| error.to_string());
        assert_eq!(
            message.as_deref(),
            Some(
                "a name-tagger model learned with other features: the model has template 13 prefix-of-five, \
                 where this build has template 13 prefix, list units; retrain it with `dossier ner train`"
            )
        );
        let mut first_version = bytes.clone();
        first_version[4] = 1;
        let message = Model::from_bytes(&first_version).err().map(|error| error.to_string());
        assert_eq!(
            message.as_deref(),
            Some(
                "a name-tagger model of format version 1, and this build reads version 2: retrain it with \
                 `dossier ner train`"
            )
        );
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
