//! Finding names in one article: the tagger reads each paragraph and its names become
//! candidates, classified by kind or, when the gazetteer agrees on the kind, as a
//! well-known entity (so "U.S." and "United States" meet). Some candidates wait for the
//! whole collection before they are filed ([`Class::Deferred`]): a one-word person may be
//! a surname of a full name seen elsewhere, "the Times" a newspaper named in full before,
//! "(FSB)" the acronym of the name it follows. Capitalized words the tagger left out are
//! kept as [`Class::Unknown`]: they count only as another way of writing an entity found
//! elsewhere.

use std::ops::Range;

use crate::{
    Article, EntityKind,
    ingest::{
        gazetteer::Gazetteer,
        lists::{List, Lists},
        tagger::{Evidence, Model, capitalized_in},
        words::{Vocabulary, Word, words},
    },
};

/// How a candidate was classified in its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A gazetteer entry.
    Known(usize),
    /// A name of this kind, filed under its own name.
    Kind(EntityKind),
    /// A name of this kind that is first looked up among the collection's other names.
    Deferred(EntityKind),
    /// A capitalized word the tagger did not take for a name: kept only if it is another
    /// way of writing an entity found elsewhere.
    Unknown,
}

/// A name found in one paragraph.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub paragraph: usize,
    /// Byte range in the paragraph.
    pub range: Range<usize>,
    pub surface: String,
    pub class: Class,
    /// The candidate came after "the" (so "the Times" may be a newspaper's short name).
    pub after_the: bool,
    /// A one-word candidate that the collection mostly writes in lowercase.
    pub common: bool,
    /// An acronym defined right after this name: "Federal Security Service (FSB)".
    pub acronym: Option<String>,
}

/// What finding candidates needs from the collection.
pub(crate) struct Finder<'a> {
    pub model: &'a Model,
    pub gazetteer: &'a Gazetteer,
    pub lists: &'a Lists,
    pub vocabulary: &'a Vocabulary,
}

impl Finder<'_> {
    /// The candidates of one article, in reading order.
    pub(crate) fn candidates(&self, article: &Article) -> Vec<Candidate> {
        let paragraphs: Vec<Vec<Word<'_>>> = article.body.iter().map(|paragraph| words(paragraph)).collect();
        let capitalized = capitalized_in(paragraphs.iter().map(Vec::as_slice));
        let evidence = Evidence {
            vocabulary: self.vocabulary,
            gazetteer: self.gazetteer,
            lists: self.lists,
            capitalized_in_article: &capitalized,
        };
        let mut candidates = Vec::new();
        for (index, (paragraph, words)) in article.body.iter().zip(&paragraphs).enumerate() {
            let found = Paragraph { index, text: paragraph, words, finder: self };
            let mut covered = vec![false; words.len()];
            for name in self.model.tag(paragraph, words, &evidence) {
                covered[name.words.clone()].iter_mut().for_each(|covered| *covered = true);
                if let Some(kind) = name.kind.entity_kind() {
                    found.push_name(name.words, kind, &mut candidates);
                }
            }
            for (at, word) in words.iter().enumerate() {
                // "WHO" is an acronym where "Who" is a function word.
                let plain = word.capitalized()
                    && !word.sentence_start
                    && (word.all_capitals() || !word.is(List::NotNames))
                    && !word.is(List::Adjectives)
                    && !word.is(List::Titles);
                if !covered[at] && plain {
                    found.push(at..at + 1, Class::Unknown, &mut candidates);
                }
            }
        }
        candidates.sort_by_key(|candidate| (candidate.paragraph, candidate.range.start));
        candidates
    }
}

/// One paragraph being read.
struct Paragraph<'a, 't> {
    index: usize,
    text: &'t str,
    words: &'a [Word<'t>],
    finder: &'a Finder<'a>,
}

impl Paragraph<'_, '_> {
    fn surface(&self, span: &Range<usize>) -> &str {
        &self.text[self.words[span.start].range.start..self.words[span.end - 1].range.end]
    }

    /// Files a name the tagger found, unless it is one of the words that are never a name
    /// alone (a weekday, "January", "Jr.", "President").
    fn push_name(&self, span: Range<usize>, kind: EntityKind, out: &mut Vec<Candidate>) {
        let (first, last) = (&self.words[span.start], &self.words[span.end - 1]);
        if span.len() == 1 && (first.is(List::NotNames) || first.is(List::NameSuffixes) || first.is(List::Titles)) {
            return;
        }
        // A sentence's first word that the collection mostly writes in lowercase ("Us and
        // them") is that word, unless the gazetteer knows it as written.
        let surface = self.surface(&span);
        if span.len() == 1
            && first.sentence_start
            && self.finder.vocabulary.is_common(first.text)
            && self.finder.gazetteer.lookup(surface).is_none()
        {
            return;
        }
        // "Breitbart Texas reported": whatever the name looks like, it names an outlet.
        let next = self.words.get(span.end).filter(|_| !last.possessive);
        let kind = if next.is_some_and(|next| next.is(List::ReportingVerbs)) { EntityKind::Organization } else { kind };
        let gazetteer = self.finder.gazetteer;
        // A one-word name is first looked up among the collection's names: "Sheinbaum" is
        // the Claudia Sheinbaum of the same article whatever the tagger took it for.
        let class = match gazetteer.lookup(surface) {
            Some(known) if gazetteer.known[known].kind == kind => Class::Known(known),
            _ if span.len() == 1 => Class::Deferred(kind),
            _ => Class::Kind(kind),
        };
        self.push(span, class, out);
    }

    fn push(&self, span: Range<usize>, class: Class, out: &mut Vec<Candidate>) {
        let (first, last) = (&self.words[span.start], &self.words[span.end - 1]);
        let range = first.range.start..last.range.end;
        let before = self.text[..range.start].trim_end();
        let after_the = before.len() >= 3
            && before.get(before.len() - 3..).is_some_and(|word| word.eq_ignore_ascii_case("the"))
            && !before[..before.len() - 3].ends_with(char::is_alphanumeric);
        out.push(Candidate {
            paragraph: self.index,
            range,
            surface: self.surface(&span).to_owned(),
            class,
            after_the,
            common: span.len() == 1 && self.finder.vocabulary.is_common(first.text),
            acronym: self.acronym_after(span.end),
        });
    }

    /// `(ABC)` right after a name.
    fn acronym_after(&self, index: usize) -> Option<String> {
        let word = self.words.get(index)?;
        if index == 0 || !self.words[index - 1].capitalized() {
            return None;
        }
        let before = &self.text[self.words[index - 1].range.end..word.range.start];
        let after = &self.text[word.range.end..];
        (before.trim() == "(" && after.starts_with(')') && word.all_capitals()).then(|| word.text.to_owned())
    }
}
