//! Finding names in one article: the tagger reads each paragraph, its names are repaired
//! ([`repairs`](crate::repairs)) and filed ([`filing`](crate::filing)) as candidates,
//! classified by kind or, when the gazetteer agrees on the kind, as a well-known entity
//! (so "U.S." and "United States" meet). Some candidates wait for the whole collection
//! before they are filed ([`Class::Deferred`]): a one-word person may be a surname of a
//! full name seen elsewhere, "the Times" a newspaper named in full before, "(FSB)" the
//! acronym of the name it follows. Capitalized words the tagger left out are kept as
//! [`Class::Unknown`]: they count only as another way of writing an entity found
//! elsewhere.

use std::{collections::HashSet, ops::Range};

use dossier_format::{Article, EntityKind};
use dossier_text::{fold, strip_possessive};

use crate::{
    gazetteer::Gazetteer,
    lists::{List, Lists},
    passes::{Pass, Passes},
    repairs,
    tagger::{Evidence, Model, read_article},
    words::{Vocabulary, Word},
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
    /// A lone word naming a kind of organization or place ("the Commission"): it joins a
    /// full name or is dropped.
    pub generic: bool,
    /// The gazetteer's entry for this name when the tagger took it for another kind
    /// ("Fla" taken for a person).
    pub known_as_other: Option<usize>,
    /// A vessel's or a work's name ("the dive boat Conception", "U.S.S. Grayback"): in its
    /// whole article, no entity of its own.
    pub title: bool,
}

/// What reading names needs besides the model, built once by the entry point and passed
/// down: the gazetteer, the word lists, the collection's word counts, and which passes run.
pub(crate) struct Knowledge<'a> {
    pub gazetteer: &'a Gazetteer,
    pub lists: &'a Lists,
    pub vocabulary: &'a Vocabulary,
    pub passes: Passes,
}

impl Knowledge<'_> {
    /// The candidates of one article, in reading order: its paragraphs cut into words and
    /// tagged by `model`, then the names repaired and filed paragraph by paragraph, then
    /// the article's passes.
    pub(crate) fn candidates(&self, model: &Model, article: &Article) -> Vec<Candidate> {
        let (paragraphs, capitalized) = read_article(article.body.iter().map(String::as_str), self.lists);
        let evidence =
            Evidence { vocabulary: self.vocabulary, gazetteer: self.gazetteer, capitalized_in_article: &capitalized };
        let mut candidates = Vec::new();
        for (index, (text, words)) in article.body.iter().zip(&paragraphs).enumerate() {
            let paragraph = Paragraph { index, text, words, knowledge: self, capitalized: &capitalized };
            paragraph.read(model.tag(text, words, &evidence), &mut candidates);
        }
        candidates.sort_by_key(|candidate| (candidate.paragraph, candidate.range.start));
        if self.passes.runs(Pass::WorksEverywhere) {
            works_everywhere(&mut candidates);
        }
        candidates
    }
}

/// One paragraph being read.
pub(crate) struct Paragraph<'a, 't> {
    pub index: usize,
    pub text: &'t str,
    pub words: &'a [Word<'t>],
    pub knowledge: &'a Knowledge<'a>,
    /// The folded words the article capitalizes away from sentence starts.
    pub capitalized: &'a HashSet<String>,
}

impl Paragraph<'_, '_> {
    /// Files the paragraph's names, as the tagger read them: repaired, trimmed and filed
    /// one by one; then the capitalized words none of them covers.
    pub(crate) fn read(&self, names: Vec<crate::tagger::Name>, out: &mut Vec<Candidate>) {
        let mut covered = vec![false; self.words.len()];
        for name in repairs::repair(self, names) {
            let span = self.trimmed(name.words);
            if let (Some(kind), false) = (name.kind.entity_kind(), span.is_empty()) {
                covered[span.clone()].iter_mut().for_each(|covered| *covered = true);
                self.file(span, kind, out);
            } else if !span.is_empty() && self.runs(Pass::WorksAndVessels) {
                // "U.S.S. Grayback" taken for a name of no kind: still a title for the
                // rest of the article.
                self.push_title(&span, out);
            }
        }
        if self.runs(Pass::LeftoverCapitals) {
            self.leftover_capitals(&covered, out);
        }
    }

    /// Whether the pass runs.
    pub(crate) fn runs(&self, pass: Pass) -> bool {
        self.knowledge.passes.runs(pass)
    }

    /// "WHO", "IBM": capitalized words the tagger left out (away from a sentence start,
    /// and none of the words that are never names) are kept as [`Class::Unknown`], another
    /// way of writing a name found elsewhere if the collection has one.
    fn leftover_capitals(&self, covered: &[bool], out: &mut Vec<Candidate>) {
        for (at, word) in self.words.iter().enumerate() {
            // "WHO" is an acronym where "Who" is a function word.
            let plain = word.capitalized()
                && !word.sentence_start
                && !word.is(List::Units)
                && !word.is_time_zone()
                && !word.is_common_acronym()
                && !self.glued(at)
                && (word.all_capitals() || !word.is(List::NotNames))
                && !word.is(List::Adjectives)
                && !word.is(List::Titles);
            if !covered[at] && plain {
                self.push(at..at + 1, Class::Unknown, out);
            }
        }
    }

    /// The words as the paragraph writes them.
    pub(crate) fn surface(&self, span: &Range<usize>) -> &str {
        &self.text[self.words[span.start].range.start..self.words[span.end - 1].range.end]
    }

    /// Files the words as a candidate of `class`.
    pub(crate) fn push(&self, span: Range<usize>, class: Class, out: &mut Vec<Candidate>) {
        let (first, last) = (&self.words[span.start], &self.words[span.end - 1]);
        let range = first.range.start..last.range.end;
        let after_the = self.after_the(range.start);
        out.push(Candidate {
            paragraph: self.index,
            range,
            surface: self.surface(&span).to_owned(),
            class,
            after_the,
            common: span.len() == 1 && self.knowledge.vocabulary.is_common(first.text),
            acronym: self.acronym_after(span.end),
            generic: false,
            known_as_other: None,
            title: false,
        });
    }

    /// Whether the words are a place the gazetteer knows.
    pub(crate) fn is_known_place(&self, span: Range<usize>) -> bool {
        self.knowledge.gazetteer.place(self.surface(&span)).is_some()
    }

    /// Whether the word "the" comes right before byte `start`.
    pub(crate) fn after_the(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        before.len() >= 3
            && before.get(before.len() - 3..).is_some_and(|word| word.eq_ignore_ascii_case("the"))
            && !before[..before.len() - 3].ends_with(char::is_alphanumeric)
    }

    /// Whether word `at` is glued to the one before by a period ("WAIA.HK").
    pub(crate) fn glued(&self, at: usize) -> bool {
        at > 0 && self.text.get(self.words[at - 1].range.end..self.words[at].range.start) == Some(".")
    }

    /// `(ABC)` right after a name, unless it spells a word that is never a name ("(SEP)").
    pub(crate) fn acronym_after(&self, index: usize) -> Option<String> {
        let word = self.words.get(index)?;
        if index == 0
            || !self.words[index - 1].capitalized()
            || word.is(List::NotNames)
            || word.is(List::Units)
            || word.is_time_zone()
        {
            return None;
        }
        let before = &self.text[self.words[index - 1].range.end..word.range.start];
        let after = &self.text[word.range.end..];
        (before.trim() == "(" && after.starts_with(')') && word.all_capitals()).then(|| word.text.to_owned())
    }

    /// A lone word that names a kind of organization or place ("Commission", "Bank",
    /// "Gulf"): it names an entity only as the short form of a full name.
    pub(crate) fn is_generic(&self, word: &Word<'_>) -> bool {
        (word.is(List::OrganizationWords)
            || word.is(List::InstitutionHeads)
            || word.is(List::PlaceWords)
            || word.is(List::NewspaperWords))
            && !word.is(List::ShortNameWords)
    }
}

/// "The Conception was owned by", "the Argo rescue": a vessel's or a work's name is one
/// wherever its article writes it, so no mention of it is an entity.
fn works_everywhere(candidates: &mut [Candidate]) {
    let titles: HashSet<String> = candidates
        .iter()
        .filter(|candidate| candidate.title)
        .map(|candidate| fold(strip_possessive(&candidate.surface)))
        .collect();
    if titles.is_empty() {
        return;
    }
    for candidate in candidates {
        if titles.contains(&fold(strip_possessive(&candidate.surface))) {
            candidate.class = Class::Unknown;
            candidate.title = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::candidate;

    #[test]
    fn works_everywhere_makes_every_mention_of_a_title_one() {
        // "The boat, Conception, caught fire. The Conception was owned by Truth Aquatics."
        let mut candidates = vec![
            candidate("Conception", Class::Unknown, true),
            candidate("Conception", Class::Deferred(EntityKind::Organization), false),
            candidate("Truth Aquatics", Class::Kind(EntityKind::Organization), false),
        ];
        works_everywhere(&mut candidates);
        let titles: Vec<(Class, bool)> =
            candidates.iter().map(|candidate| (candidate.class, candidate.title)).collect();
        assert_eq!(
            titles,
            [(Class::Unknown, true), (Class::Unknown, true), (Class::Kind(EntityKind::Organization), false)]
        );
    }
}
