//! What the passes' tests share: the shipped gazetteer and word lists, a collection's word
//! counts, and a paragraph read with names given by hand, so that a pass is tested
//! without the model.

use dossier_format::EntityKind;

use crate::{
    candidates::{Candidate, Class, Knowledge, Paragraph},
    gazetteer::Gazetteer,
    lists::Lists,
    passes::{Pass, Passes},
    tagger::{Name, NameKind, read_article},
    words::Vocabulary,
};

/// The shipped gazetteer and lists, and the word counts of some text.
pub(crate) struct Built {
    pub gazetteer: Gazetteer,
    pub lists: Lists,
    pub vocabulary: Vocabulary,
}

impl Built {
    /// The shipped knowledge, with the words of `texts` counted as a collection's.
    pub(crate) fn new(texts: &[&str]) -> Built {
        Built {
            gazetteer: Gazetteer::builtin(),
            lists: Lists::builtin(),
            vocabulary: Vocabulary::of_paragraphs(texts.iter().copied()),
        }
    }

    /// The knowledge with the passes that `passes` runs.
    pub(crate) fn knowledge(&self, passes: Passes) -> Knowledge<'_> {
        Knowledge { gazetteer: &self.gazetteer, lists: &self.lists, vocabulary: &self.vocabulary, passes }
    }
}

/// The word range of each name, given as the text it is written as and the kind the
/// tagger took it for, in reading order.
fn names_in(paragraph: &Paragraph<'_, '_>, tagged: &[(&str, NameKind)]) -> Vec<Name> {
    let mut from = 0;
    tagged
        .iter()
        .map(|&(surface, kind)| {
            let start =
                from + paragraph.text[from..].find(surface).unwrap_or_else(|| panic!("{surface:?} in the text"));
            from = start + surface.len();
            let words = |at: usize| paragraph.words.iter().position(|word| word.range.start == at);
            let first = words(start).unwrap_or_else(|| panic!("{surface:?} starts a word"));
            let last = paragraph.words.iter().rposition(|word| word.range.end <= from).unwrap_or(first);
            Name { words: first..last + 1, kind }
        })
        .collect()
}

/// How a candidate reads in a test: "kind surface", "unknown surface", "title surface".
fn summary(candidate: &Candidate, gazetteer: &Gazetteer) -> String {
    let kind = |kind: EntityKind| kind.as_str().to_owned();
    let class = match candidate.class {
        _ if candidate.title => "title".to_owned(),
        Class::Known(known) => kind(gazetteer.known[known].kind),
        Class::Kind(kinded) | Class::Deferred(kinded) => kind(kinded),
        Class::Unknown => "unknown".to_owned(),
    };
    format!("{class} {}", candidate.surface)
}

/// The candidates one paragraph gives when the tagger reads `tagged` in it, with the
/// passes that `passes` runs (the words of `counted` are the collection's), as
/// [`summary`] writes them, in reading order.
pub(crate) fn filed(text: &str, tagged: &[(&str, NameKind)], counted: &[&str], passes: Passes) -> Vec<String> {
    let built = Built::new(&[&[text], counted].concat());
    let knowledge = built.knowledge(passes);
    let (paragraphs, capitalized) = read_article([text], &built.lists);
    let paragraph =
        Paragraph { index: 0, text, words: &paragraphs[0], knowledge: &knowledge, capitalized: &capitalized };
    let mut out = Vec::new();
    paragraph.read(names_in(&paragraph, tagged), &mut out);
    out.sort_by_key(|candidate| candidate.range.start);
    out.iter().map(|candidate| summary(candidate, &built.gazetteer)).collect()
}

/// Asserts that the pass turns what the paragraph gives without it into what it gives
/// with it (both in full, so a change elsewhere shows).
#[track_caller]
pub(crate) fn assert_pass(
    pass: Pass,
    text: &str,
    tagged: &[(&str, NameKind)],
    counted: &[&str],
    with: &[&str],
    without: &[&str],
) {
    let all = Passes::all();
    let off = all.without(pass).expect("an optional pass");
    assert_eq!(filed(text, tagged, counted, all), with, "{pass} on: {text}");
    assert_eq!(filed(text, tagged, counted, off), without, "{pass} off: {text}");
}

/// A candidate of `class` spanning all of `surface`, in paragraph 0, with nothing else known.
pub(crate) fn candidate(surface: &str, class: Class, title: bool) -> Candidate {
    Candidate {
        paragraph: 0,
        range: 0..surface.len(),
        surface: surface.to_owned(),
        class,
        after_the: false,
        common: false,
        acronym: None,
        generic: false,
        known_as_other: None,
        title,
    }
}
