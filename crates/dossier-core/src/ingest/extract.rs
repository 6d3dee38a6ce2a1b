//! Entity extraction: finds the people, organizations and places a collection's articles
//! name, merges the ways each is written ("Sheinbaum" is "Claudia Sheinbaum" seen
//! elsewhere, "U.S." is the United States, "the Times" is The New York Times seen before),
//! and records every mention with its offsets.
//!
//! It works on capitalized name sequences and the cues around them, in two passes:
//! 1. each paragraph is cut into name candidates (runs of capitalized words, initials and
//!    connectors such as "of"), split at titles ("U.S. | President | Donald J. Trump"),
//!    stripped of sentence-initial common words, and classified by a gazetteer of
//!    well-known names, organization and place words ("Times", "County"), titles, given
//!    names and the verbs that follow ("said" for people, "reported" for outlets);
//! 2. across the collection, full names absorb their short forms and candidates that
//!    stayed unclassified join an entity seen elsewhere or are dropped.

use std::{
    collections::{HashMap, HashSet},
    ops::Range,
};

use unicode_segmentation::UnicodeSegmentation;

use crate::{
    Article, Entity, EntityKind, Mention,
    entity::slug,
    ingest::gazetteer::{
        GIVEN_NAMES, Gazetteer, NEWSPAPER_WORDS, NOT_NAMES, ORGANIZATION_HEADS, ORGANIZATION_WORDS, PLACE_HEADS,
        PLACE_WORDS, REPORTING_VERBS, SPEECH_VERBS, TITLES,
    },
    ingest::parse::{ABBREVIATIONS, sentence_ends_at},
    tokenize::{fold, strip_possessive},
};

/// Lowercase words that may join capitalized words inside one name ("Bank *of* America").
const CONNECTORS: &[&str] =
    &["of", "de", "del", "da", "dos", "das", "la", "le", "van", "von", "der", "den", "bin", "al", "el"];

/// Nationality and party adjectives: never a name on their own, never part of a person's.
const ADJECTIVES: &[&str] = &[
    "American",
    "British",
    "English",
    "French",
    "German",
    "Italian",
    "Spanish",
    "Portuguese",
    "Dutch",
    "Belgian",
    "Swiss",
    "Austrian",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Irish",
    "Scottish",
    "Welsh",
    "Polish",
    "Czech",
    "Hungarian",
    "Greek",
    "Turkish",
    "Russian",
    "Soviet",
    "Ukrainian",
    "Israeli",
    "Palestinian",
    "Arab",
    "Iranian",
    "Iraqi",
    "Syrian",
    "Lebanese",
    "Saudi",
    "Egyptian",
    "Libyan",
    "Afghan",
    "Pakistani",
    "Indian",
    "Chinese",
    "Japanese",
    "Korean",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Filipino",
    "Malaysian",
    "Australian",
    "Canadian",
    "Mexican",
    "Cuban",
    "Venezuelan",
    "Colombian",
    "Brazilian",
    "Argentine",
    "Argentinian",
    "Chilean",
    "Peruvian",
    "Nigerian",
    "Kenyan",
    "Ethiopian",
    "African",
    "European",
    "Asian",
    "Latin",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Republican",
    "Democratic",
    "Democrat",
    "Conservative",
    "Liberal",
    "Socialist",
    "Communist",
    "Labour",
    "Christian",
    "Muslim",
    "Islamic",
    "Jewish",
    "Catholic",
    "Protestant",
    "Federal",
    "National",
    "International",
    "Central",
    "State",
    "Officials",
];

/// Words of picture captions that end a name ("Elizabeth Warren Image: ...").
const CAPTION_WORDS: &[&str] = &["Image", "Photo", "Photograph", "Picture", "Video", "Credit", "Caption"];

/// Words after a surname that are not the surname ("Jr.", "III").
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// Other last words of organizations that the text may later use alone, after "the"
/// ("the Court" for the Supreme Court), besides the newspaper words.
const SHORT_NAME_WORDS: &[&str] = &["Court", "Senate", "Pentagon", "Kremlin"];

/// Finds the entities of a collection, sets each article's [`Article::mentions`] and
/// returns the entity table (sorted by kind, then by how many articles mention each).
pub fn annotate(articles: &mut [Article]) -> Vec<Entity> {
    let gazetteer = Gazetteer::get();
    let vocabulary = Vocabulary::of(articles);
    let candidates: Vec<Vec<Candidate>> =
        articles.iter().map(|article| find_candidates(article, gazetteer, &vocabulary)).collect();
    let resolved = Resolver::resolve(&candidates, gazetteer);
    let mut entities = resolved.entities;
    for (article, mentions) in articles.iter_mut().zip(resolved.mentions) {
        article.mentions = mentions
            .into_iter()
            .map(|(entity, paragraph, range)| {
                let text = &article.body[paragraph];
                Mention {
                    entity: entities[entity].id.clone(),
                    paragraph: paragraph as u32,
                    start: text[..range.start].chars().count() as u32,
                    end: text[..range.end].chars().count() as u32,
                }
            })
            .collect();
    }
    let mut article_counts: HashMap<&str, usize> = HashMap::new();
    for article in articles.iter() {
        let mut seen: HashSet<&str> = HashSet::new();
        for mention in &article.mentions {
            if seen.insert(&mention.entity) {
                *article_counts.entry(&mention.entity).or_default() += 1;
            }
        }
    }
    entities.sort_by(|a, b| {
        let count = |entity: &Entity| article_counts.get(entity.id.as_str()).copied().unwrap_or(0);
        a.kind.cmp(&b.kind).then(count(b).cmp(&count(a))).then_with(|| a.name.cmp(&b.name))
    });
    entities
}

/// How often each folded word is written in lowercase and capitalized (outside sentence
/// starts) across the collection: a capitalized word that is mostly written in lowercase
/// ("Despite", "Securities", "Agreement") is a common word, not a name.
#[derive(Default)]
struct Vocabulary {
    lowercase: HashMap<String, u32>,
    capitalized: HashMap<String, u32>,
}

impl Vocabulary {
    fn of(articles: &[Article]) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for paragraph in articles.iter().flat_map(|article| &article.body) {
            for word in words(paragraph) {
                let counts = if word.text.chars().next().is_some_and(char::is_lowercase) {
                    &mut vocabulary.lowercase
                } else if !word.sentence_start && word.capitalized() && !word.all_capitals() {
                    &mut vocabulary.capitalized
                } else {
                    continue;
                };
                *counts.entry(fold(word.bare())).or_default() += 1;
            }
        }
        vocabulary
    }

    /// Whether `word` is mostly a common word in this collection.
    fn is_common(&self, word: &str) -> bool {
        let folded = fold(word.trim_end_matches('.'));
        let lowercase = self.lowercase.get(&folded).copied().unwrap_or(0);
        let capitalized = self.capitalized.get(&folded).copied().unwrap_or(0);
        lowercase > 0 && lowercase * 2 >= capitalized
    }
}

/// One word of a paragraph, as the extractor sees it.
#[derive(Debug)]
struct Word<'t> {
    /// The word without a possessive `’s`, with the dot of an initial or abbreviation.
    text: &'t str,
    range: Range<usize>,
    possessive: bool,
    sentence_start: bool,
    /// Whether it may continue the name before it (only white space, a hyphen or `&` between).
    joined: bool,
}

impl Word<'_> {
    fn bare(&self) -> &str {
        self.text.trim_end_matches('.')
    }

    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn all_capitals(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic());
        letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
    }

    /// Whether the word is a plural ("Americans") of a word in `list`.
    fn is_plural_of(&self, list: &[&str]) -> bool {
        let bare = self.bare();
        bare.strip_suffix('s').is_some_and(|singular| list.iter().any(|item| item.eq_ignore_ascii_case(singular)))
    }

    /// Whether the word (without a final dot, ignoring ASCII case) is in `list`.
    fn is(&self, list: &[&str]) -> bool {
        let bare = self.bare();
        list.iter().any(|item| item.eq_ignore_ascii_case(bare))
    }
}

fn words(paragraph: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut previous_end = 0;
    for (start, raw) in paragraph.unicode_word_indices().flat_map(split_run_on) {
        let core = strip_possessive(raw);
        let possessive = core.len() < raw.len();
        let mut end = start + core.len();
        let is_initial = core.chars().count() == 1 && core.chars().all(char::is_uppercase);
        let is_dotted = core.contains('.') && !core.ends_with('.');
        let is_abbreviation = ABBREVIATIONS.contains(&core.to_lowercase().as_str());
        if !possessive && (is_initial || is_dotted || is_abbreviation) && paragraph[end..].starts_with('.') {
            end += 1;
        }
        let gap = &paragraph[previous_end.min(start)..start];
        let sentence_start = words.is_empty()
            || gap.contains(['“', '"', ':', '(', '['])
            || gap.char_indices().any(|(at, _)| sentence_ends_at(paragraph, previous_end + at));
        let joined = matches!(gap, " " | "-" | "&" | " & " | "\u{a0}");
        words.push(Word { text: &paragraph[start..end], range: start..end, possessive, sentence_start, joined });
        previous_end = end;
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

/// How a candidate was classified in its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A gazetteer entry.
    Known(usize),
    /// Classified by cues.
    Kind(EntityKind),
    /// Taken for a person for want of any other cue (two or three rare capitalized
    /// words): such a person does not lend its last name to one-word mentions.
    GuessedPerson,
    /// A capitalized name with no cue: kept only if it matches an entity found elsewhere.
    Unknown,
}

/// A name found in one paragraph.
#[derive(Clone, Debug)]
struct Candidate {
    paragraph: usize,
    range: Range<usize>,
    surface: String,
    class: Class,
    /// The candidate came after "the" (so "the Times" may be a newspaper's short name).
    after_the: bool,
    /// A one-word candidate that the collection mostly writes in lowercase.
    common: bool,
    /// An acronym defined right after this name: "Federal Security Service (FSB)".
    acronym: Option<String>,
}

fn find_candidates(article: &Article, gazetteer: &Gazetteer, vocabulary: &Vocabulary) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (paragraph_index, paragraph) in article.body.iter().enumerate() {
        let words = words(paragraph);
        let mut at = 0;
        while at < words.len() {
            if !words[at].capitalized() || words[at].is(CAPTION_WORDS) {
                at += 1;
                continue;
            }
            let mut end = at + 1;
            while end < words.len() && words[end].joined && !words[end - 1].possessive {
                if words[end].is(CAPTION_WORDS) {
                    break;
                } else if words[end].capitalized() {
                    end += 1;
                } else if (words[end].is(CONNECTORS) || words[end].bare() == "and")
                    && words.get(end + 1).is_some_and(|next| next.joined && next.capitalized())
                {
                    end += 2;
                } else {
                    break;
                }
            }
            // "and" joins only inside an organization's name ("Securities and Exchange
            // Commission"), never two names ("Sheinbaum and Trump").
            let joins_names = !(words[end - 1].is(ORGANIZATION_WORDS) || words[end - 1].is(NEWSPAPER_WORDS));
            if joins_names {
                if let Some(and) = (at..end).find(|&index| words[index].bare() == "and") {
                    end = and;
                }
            }
            let run = Run { paragraph, paragraph_index, words: &words, vocabulary, gazetteer };
            run.candidates(at..end, &mut candidates);
            at = end;
        }
    }
    candidates
}

/// One run of capitalized words and what it knows to cut it into candidates.
struct Run<'a, 't> {
    paragraph: &'t str,
    paragraph_index: usize,
    words: &'a [Word<'t>],
    vocabulary: &'a Vocabulary,
    gazetteer: &'a Gazetteer,
}

impl Run<'_, '_> {
    fn candidates(&self, run: Range<usize>, out: &mut Vec<Candidate>) {
        let words = self.words;
        let mut start = run.start;
        // Drop leading words that are not names: "The", "Despite", a sentence-initial
        // word also used in lowercase.
        while start < run.end {
            let rest = start..run.end;
            let word = &words[start];
            let named_whole = self.gazetteer.lookup(self.surface(&rest)).is_some()
                || (self.organization_or_place(&rest).is_some() && !word.is(NOT_NAMES));
            if named_whole {
                break;
            }
            let common = word.is(NOT_NAMES) && !word.is(TITLES)
                || (word.sentence_start
                    && !word.all_capitals()
                    && self.vocabulary.is_common(word.text)
                    && self.gazetteer.lookup(word.text).is_none()
                    && !word.is(TITLES));
            if !common {
                break;
            }
            start += 1;
        }
        if start >= run.end {
            return;
        }
        // "Larry Eckenfelder of Prudential-Bache Securities": a person, then an organization.
        if words[start].is(GIVEN_NAMES) {
            let of = (start + 2..run.end).find(|&index| words[index].bare() == "of");
            if let Some(of) = of {
                self.push(start..of, false, out);
                self.candidates(of + 1..run.end, out);
                return;
            }
        }
        let whole = start..run.end;
        // A whole run that names an organization or place by its last word is kept whole,
        // so "General Motors" is not split at the title "General".
        if self.gazetteer.lookup(self.surface(&whole)).is_some() || self.organization_or_place(&whole).is_some() {
            self.push(whole, false, out);
            return;
        }
        let last_title = (start..run.end).rev().find(|&index| words[index].is(TITLES) && index + 1 < run.end);
        match last_title {
            Some(title) => {
                self.push_known_parts(start..title, out);
                let mut name_start = title + 1;
                // "Secretary of State Mike Pompeo": skip the portfolio.
                if words[name_start].bare() == "of" && name_start + 2 < run.end {
                    name_start += 2;
                }
                let name = &words[name_start..run.end];
                let is_name = name.iter().all(|word| word.capitalized() && !word.is(TITLES))
                    && !name.first().is_some_and(|word| word.is(NAME_SUFFIXES));
                if is_name {
                    self.push(name_start..run.end, true, out);
                }
            }
            None => self.push(whole, false, out),
        }
    }

    fn surface(&self, words: &Range<usize>) -> &str {
        &self.paragraph[self.words[words.start].range.start..self.words[words.end - 1].range.end]
    }

    /// Organization or place by the words a name starts or ends with.
    fn organization_or_place(&self, span: &Range<usize>) -> Option<EntityKind> {
        if span.len() < 2 {
            return None;
        }
        let (first, last) = (&self.words[span.start], &self.words[span.end - 1]);
        if last.is(ORGANIZATION_WORDS) || last.is(NEWSPAPER_WORDS) || first.is(ORGANIZATION_HEADS) {
            Some(EntityKind::Organization)
        } else if last.is(PLACE_WORDS) || first.is(PLACE_HEADS) || last.is(&["North", "South", "East", "West"]) {
            Some(EntityKind::Place)
        } else {
            None
        }
    }

    /// Gazetteer names inside a stretch before a title ("U.S." in "U.S. Agriculture
    /// Secretary"), longest first.
    fn push_known_parts(&self, span: Range<usize>, out: &mut Vec<Candidate>) {
        let mut start = span.start;
        while start < span.end {
            let found =
                (start + 1..=span.end).rev().find(|&end| self.gazetteer.lookup(self.surface(&(start..end))).is_some());
            match found {
                Some(end) => {
                    self.push(start..end, false, out);
                    start = end;
                }
                None => start += 1,
            }
        }
    }

    fn push(&self, span: Range<usize>, after_title: bool, out: &mut Vec<Candidate>) {
        let words = self.words;
        let surface = self.surface(&span);
        let (first, last) = (&words[span.start], &words[span.end - 1]);
        let next = words.get(span.end).filter(|_| !last.possessive);
        let acronym = self.acronym_after(span.end);
        let defined_acronym = span.len() == 1 && span.start > 0 && self.acronym_after(span.start).is_some();
        let class = if defined_acronym {
            Class::Unknown // an alias of the name before it, resolved with the collection
        } else if let Some(known) = self.gazetteer.lookup(surface) {
            Class::Known(known)
        } else if span.len() == 1
            && (first.bare().chars().count() == 1
                || first.is(NAME_SUFFIXES)
                || (first.is(ORGANIZATION_WORDS) && !first.is(SHORT_NAME_WORDS))
                || first.is(PLACE_WORDS))
        {
            return; // "J.", "Jr.", "Corp", "Gulf" alone name nothing ("the Times" may)
        } else if let Some(kind) = self.organization_or_place(&span) {
            Class::Kind(kind)
        } else if self.words[span.clone()].iter().any(|word| word.is(ADJECTIVES) || word.is_plural_of(ADJECTIVES))
            || (span.len() == 1 && self.vocabulary.is_common(first.text))
        {
            // "Christian Democratic", "German", "Agreement": not a person's name.
            Class::Unknown
        } else if after_title || (span.len() >= 2 && first.is(GIVEN_NAMES)) {
            Class::Kind(EntityKind::Person)
        } else if next.is_some_and(|next| next.is(REPORTING_VERBS)) || acronym.is_some() {
            Class::Kind(EntityKind::Organization)
        } else if (2..=3).contains(&span.len())
            && next.is_some_and(|next| next.is(SPEECH_VERBS))
            && self.words[span.clone()].iter().all(|word| {
                !self.vocabulary.is_common(word.text)
                    && !word.all_capitals()
                    && self.gazetteer.lookup(word.text).is_none()
                    && !word.is(ORGANIZATION_HEADS)
            })
        {
            // "Ana Torres said", but not "Presidential Debates said": names are not common words.
            Class::Kind(EntityKind::Person)
        } else if (2..=3).contains(&span.len())
            && self.words[span.clone()].iter().all(|word| {
                word.capitalized()
                    && !word.all_capitals()
                    && !self.vocabulary.is_common(word.text)
                    && self.gazetteer.lookup(word.text).is_none()
                    && !word.is(NOT_NAMES)
                    && !word.is(ORGANIZATION_HEADS)
            })
            && (span.start + 2..span.end).all(|end| self.gazetteer.lookup(self.surface(&(span.start..end))).is_none())
        {
            // Two or three rare capitalized words with nothing else known: most often a person.
            Class::GuessedPerson
        } else {
            Class::Unknown
        };
        let range = first.range.start..last.range.end;
        let before = self.paragraph[..range.start].trim_end();
        let after_the = before.len() >= 3
            && before.get(before.len() - 3..).is_some_and(|word| word.eq_ignore_ascii_case("the"))
            && !before[..before.len() - 3].ends_with(char::is_alphanumeric);
        out.push(Candidate {
            paragraph: self.paragraph_index,
            range,
            surface: surface.to_owned(),
            class,
            after_the,
            common: span.len() == 1 && self.vocabulary.is_common(first.text),
            acronym,
        });
    }

    /// `(ABC)` right after a name.
    fn acronym_after(&self, index: usize) -> Option<String> {
        let word = self.words.get(index)?;
        if index == 0 || !self.words[index - 1].capitalized() {
            return None;
        }
        let before = &self.paragraph[self.words[index - 1].range.end..word.range.start];
        let after = &self.paragraph[word.range.end..];
        (before.trim() == "(" && after.starts_with(')') && word.all_capitals()).then(|| word.text.to_owned())
    }
}

/// An entity being assembled across the collection.
#[derive(Debug)]
struct Draft {
    kind: EntityKind,
    fixed_name: Option<&'static str>,
    surfaces: HashMap<String, usize>,
    /// Some mention was classified by a real cue, not only guessed.
    attested: bool,
}

impl Draft {
    fn name(&self) -> String {
        if let Some(name) = self.fixed_name {
            return name.to_owned();
        }
        // A person is named by their fullest common form, never by a surname alone.
        let full_names = self.kind == EntityKind::Person && self.surfaces.keys().any(|s| s.contains(' '));
        let mut surfaces: Vec<(&String, &usize)> =
            self.surfaces.iter().filter(|(surface, _)| !full_names || surface.contains(' ')).collect();
        surfaces.sort_by(|a, b| b.1.cmp(a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(b.0)));
        surfaces.first().map(|(surface, _)| (*surface).clone()).unwrap_or_default()
    }
}

struct Resolved {
    entities: Vec<Entity>,
    /// Per article: (index into `entities`, paragraph, byte range).
    mentions: Vec<Vec<(usize, usize, Range<usize>)>>,
}

#[derive(Default)]
struct Resolver {
    drafts: Vec<Draft>,
    by_key: HashMap<String, usize>,
}

impl Resolver {
    fn resolve(candidates: &[Vec<Candidate>], gazetteer: &Gazetteer) -> Resolved {
        let mut resolver = Resolver::default();
        // Pass 1: everything that was classified, keyed so that variants meet.
        let mut assigned: Vec<Vec<Option<usize>>> = candidates
            .iter()
            .map(|article| article.iter().map(|candidate| resolver.classified(candidate, gazetteer)).collect())
            .collect();
        // Acronyms defined in the text are aliases of what they follow.
        for (article, slots) in candidates.iter().zip(&assigned) {
            for (candidate, slot) in article.iter().zip(slots) {
                if let (Some(acronym), Some(draft)) = (&candidate.acronym, slot) {
                    resolver.by_key.entry(format!("alias:{}", fold(acronym))).or_insert(*draft);
                }
            }
        }
        // Pass 2: short forms and unclassified names join what they match.
        let surnames = resolver.surnames();
        for (article_index, article) in candidates.iter().enumerate() {
            let in_article: HashSet<usize> = assigned[article_index].iter().flatten().copied().collect();
            for (candidate_index, candidate) in article.iter().enumerate() {
                if assigned[article_index][candidate_index].is_some() {
                    continue;
                }
                let draft = resolver.short_form(candidate, &surnames, &in_article);
                if let Some(draft) = draft {
                    *resolver.drafts[draft].surfaces.entry(candidate.surface.clone()).or_default() += 1;
                }
                assigned[article_index][candidate_index] = draft;
            }
        }
        resolver.finish(candidates, assigned)
    }

    /// Files a classified candidate under its entity, creating it when new.
    fn classified(&mut self, candidate: &Candidate, gazetteer: &Gazetteer) -> Option<usize> {
        let (key, kind, fixed_name) = match candidate.class {
            Class::Known(known) => {
                let entry = &gazetteer.known[known];
                (format!("known:{known}"), entry.kind, Some(entry.name))
            }
            Class::Kind(EntityKind::Person) | Class::GuessedPerson => {
                let words: Vec<String> =
                    candidate.surface.unicode_words().filter(|word| !NAME_SUFFIXES.contains(word)).map(fold).collect();
                match (words.first(), words.last()) {
                    (Some(first), Some(last)) if words.len() >= 2 => {
                        (format!("person:{first}|{last}"), EntityKind::Person, None)
                    }
                    (Some(last), _) => (format!("surname:{last}"), EntityKind::Person, None),
                    _ => return None,
                }
            }
            Class::Kind(kind) => (format!("{kind}:{}", fold(&candidate.surface)), kind, None),
            Class::Unknown => return None,
        };
        if key.starts_with("surname:") {
            return None; // resolved in pass 2, once every full name is known
        }
        let draft = *self.by_key.entry(key).or_insert_with(|| {
            self.drafts.push(Draft { kind, fixed_name, surfaces: HashMap::new(), attested: false });
            self.drafts.len() - 1
        });
        *self.drafts[draft].surfaces.entry(candidate.surface.clone()).or_default() += 1;
        self.drafts[draft].attested |= candidate.class != Class::GuessedPerson;
        self.by_key.entry(format!("alias:{}", fold(&candidate.surface))).or_insert(draft);
        Some(draft)
    }

    /// Folded last name -> people with that last name.
    fn surnames(&self) -> HashMap<String, Vec<usize>> {
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, draft) in self.drafts.iter().enumerate() {
            if draft.kind != EntityKind::Person {
                continue;
            }
            let mut last_names: Vec<String> = draft
                .surfaces
                .keys()
                .filter_map(|surface| {
                    surface
                        .unicode_words()
                        .rev()
                        .find(|word| word.chars().count() > 1 && !NAME_SUFFIXES.contains(word))
                        .map(fold)
                })
                .collect();
            last_names.sort();
            last_names.dedup();
            for last in last_names {
                surnames.entry(last).or_default().push(index);
            }
        }
        surnames
    }

    /// The entity an unclassified or one-word candidate is a short form of, if any.
    fn short_form(
        &mut self,
        candidate: &Candidate,
        surnames: &HashMap<String, Vec<usize>>,
        in_article: &HashSet<usize>,
    ) -> Option<usize> {
        let folded = fold(&candidate.surface);
        if let Some(&draft) = self.by_key.get(&format!("alias:{folded}")) {
            return Some(draft);
        }
        let one_word = !candidate.surface.contains(char::is_whitespace);
        if one_word && !candidate.common {
            if let Some(people) = surnames.get(&folded) {
                // A guessed person lends its last name only inside its own article.
                let mentions = |draft: &usize| self.drafts[*draft].surfaces.values().sum::<usize>();
                let person = people
                    .iter()
                    .filter(|draft| self.drafts[**draft].attested || in_article.contains(draft))
                    .max_by_key(|draft| (in_article.contains(draft), mentions(draft), std::cmp::Reverse(**draft)))
                    .copied();
                if person.is_some() {
                    return person;
                }
            }
            if candidate.after_the {
                let newspaper = in_article.iter().copied().find(|&draft| {
                    let name = self.drafts[draft].name();
                    self.drafts[draft].kind == EntityKind::Organization
                        && name.contains(' ')
                        && name.rsplit(' ').next().is_some_and(|last| fold(last) == folded)
                        && (NEWSPAPER_WORDS.contains(&candidate.surface.as_str())
                            || SHORT_NAME_WORDS.contains(&candidate.surface.as_str()))
                });
                if newspaper.is_some() {
                    return newspaper;
                }
            }
        }
        if candidate.class == Class::Kind(EntityKind::Person) {
            // "President Trump" with no full name anywhere: a person known by one name.
            let key = format!("surname:{folded}");
            let draft = *self.by_key.entry(key).or_insert_with(|| {
                self.drafts.push(Draft {
                    kind: EntityKind::Person,
                    fixed_name: None,
                    surfaces: HashMap::new(),
                    attested: true,
                });
                self.drafts.len() - 1
            });
            return Some(draft);
        }
        None
    }

    fn finish(self, candidates: &[Vec<Candidate>], assigned: Vec<Vec<Option<usize>>>) -> Resolved {
        let mut ids: HashSet<String> = HashSet::new();
        let mut entities = Vec::with_capacity(self.drafts.len());
        for draft in &self.drafts {
            let name = draft.name();
            let mut id = slug(&name);
            if id.is_empty() || ids.contains(&id) {
                id = format!("{}-{}", draft.kind, if id.is_empty() { "entity" } else { &id });
            }
            let mut suffix = 2;
            let base = id.clone();
            while ids.contains(&id) {
                id = format!("{base}-{suffix}");
                suffix += 1;
            }
            ids.insert(id.clone());
            let mut aliases: Vec<(&String, &usize)> =
                draft.surfaces.iter().filter(|(surface, _)| **surface != name).collect();
            aliases.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            entities.push(Entity {
                id,
                kind: draft.kind,
                name,
                aliases: aliases.into_iter().map(|(surface, _)| surface.clone()).collect(),
            });
        }
        let mentions = candidates
            .iter()
            .zip(assigned)
            .map(|(article, slots)| {
                article
                    .iter()
                    .zip(slots)
                    .filter_map(|(candidate, slot)| Some((slot?, candidate.paragraph, candidate.range.clone())))
                    .collect()
            })
            .collect();
        Resolved { entities, mentions }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixtures, ingest::parse::parse_text_article};

    fn extract(texts: &[&str]) -> (Vec<Entity>, Vec<Article>) {
        let mut articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| {
                parse_text_article(&index.to_string(), &format!("date 2026-01-01\n{text}"), "test").expect("parses")
            })
            .collect();
        let entities = annotate(&mut articles);
        (entities, articles)
    }

    fn summary(entities: &[Entity]) -> Vec<String> {
        entities
            .iter()
            .map(|entity| {
                let mut line = format!("{} {}", entity.kind, entity.name);
                if !entity.aliases.is_empty() {
                    line.push_str(&format!(" ({})", entity.aliases.join(", ")));
                }
                line
            })
            .collect()
    }

    #[test]
    fn seed_entities_are_found_once_each_with_aliases_merged() {
        let (id, text) = fixtures::SEED;
        let mut articles = vec![parse_text_article(id, text, "seed").expect("seed parses")];
        let found: Vec<fixtures::ExpectedEntity> = annotate(&mut articles)
            .into_iter()
            .map(|entity| fixtures::ExpectedEntity { kind: entity.kind, name: entity.name, aliases: entity.aliases })
            .collect();
        assert_eq!(found, fixtures::seed_entities());
    }

    #[test]
    fn mentions_carry_character_offsets() {
        let (entities, articles) = extract(&["Mexico’s President Claudia Sheinbaum spoke. Later Sheinbaum left."]);
        let body = &articles[0].body[0];
        let mentioned: Vec<(String, String)> = articles[0]
            .mentions
            .iter()
            .map(|mention| {
                let text: String =
                    body.chars().skip(mention.start as usize).take((mention.end - mention.start) as usize).collect();
                let entity = entities.iter().find(|entity| entity.id == mention.entity).expect("known entity");
                (text, entity.name.clone())
            })
            .collect();
        assert_eq!(
            mentioned,
            [
                ("Mexico".to_owned(), "Mexico".to_owned()),
                ("Claudia Sheinbaum".to_owned(), "Claudia Sheinbaum".to_owned()),
                ("Sheinbaum".to_owned(), "Claudia Sheinbaum".to_owned()),
            ]
        );
    }

    #[test]
    fn short_forms_join_full_names_across_articles() {
        let (entities, articles) =
            extract(&["Sen. Elizabeth Warren spoke in Boston.", "Later, Warren said the bill would pass."]);
        assert_eq!(summary(&entities), ["person Elizabeth Warren (Warren)", "place Boston"]);
        assert_eq!(articles[1].mentions.len(), 1);
    }

    #[test]
    fn cues_classify_unknown_names() {
        let (entities, _) = extract(&["The Federal Security Service (FSB) said Gov. Abbott met Ana Torres. \
             As Daily Courier reported, the Acme Widget Corporation left Cook County."]);
        assert_eq!(
            summary(&entities),
            [
                "person Abbott",
                "person Ana Torres",
                "organization Acme Widget Corporation",
                "organization Daily Courier",
                "organization Federal Security Service (FSB)",
                "place Cook County",
            ]
        );
    }

    #[test]
    fn rare_capitalized_pairs_are_people_unless_a_place_word_says_otherwise() {
        let (entities, _) = extract(&[
            "The match ended when Phil Simmons took four wickets. Fans came from County Kerry and North Karnataka.",
        ]);
        assert_eq!(summary(&entities), ["person Phil Simmons", "place County Kerry", "place North Karnataka"]);
    }

    #[test]
    fn a_guessed_person_lends_its_last_name_only_inside_its_article() {
        let (entities, articles) = extract(&[
            "The crowd cheered Phil Simmons on Friday. Later Simmons took four.",
            "Elsewhere, the Simmons report was filed.",
        ]);
        assert_eq!(summary(&entities), ["person Phil Simmons (Simmons)"]);
        assert_eq!((articles[0].mentions.len(), articles[1].mentions.len()), (2, 0));
    }

    #[test]
    fn sentence_initial_common_words_are_not_entities() {
        let (entities, _) =
            extract(&["Despite the rain, nothing happened. Opposition leaders complained. This week was calm. \
             Nobody knows. However, the opposition said little."]);
        assert_eq!(summary(&entities), Vec::<String>::new());
    }

    #[test]
    fn words_glued_by_a_period_are_separate_names() {
        let (entities, _) = extract(&["A photo of Edward Snowden.Image by Laura Poitras. Gary Johnson Image: a fan."]);
        assert_eq!(summary(&entities), ["person Edward Snowden", "person Gary Johnson", "person Laura Poitras"]);
    }

    #[test]
    fn acronyms_written_in_lowercase_are_not_countries() {
        let (entities, _) = extract(&["Us and them. They told us about the US economy."]);
        assert_eq!(summary(&entities), ["place United States (US)"]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::ArticleDate;

    proptest! {
        /// Whatever the text, extraction finishes and every mention lies inside its paragraph.
        #[test]
        fn any_text_gives_mentions_inside_the_text(paragraphs in prop::collection::vec("(\\PC|[A-Z]\\. |’s |U\\.S\\. |–)*", 1..4)) {
            let mut articles = vec![Article {
                id: "a".into(),
                title: String::new(),
                date: "2026-01-01".parse::<ArticleDate>().expect("valid"),
                source: String::new(),
                url: None,
                author: None,
                body: paragraphs,
                mentions: Vec::new(),
            }];
            let entities = annotate(&mut articles);
            for mention in &articles[0].mentions {
                let paragraph = &articles[0].body[mention.paragraph as usize];
                prop_assert!(mention.start < mention.end);
                prop_assert!(mention.end as usize <= paragraph.chars().count());
                prop_assert!(entities.iter().any(|entity| entity.id == mention.entity));
            }
        }
    }
}
