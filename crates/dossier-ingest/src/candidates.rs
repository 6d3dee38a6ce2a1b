//! Finding names in one article: the tagger reads each paragraph and its names become
//! candidates, classified by kind or, when the gazetteer agrees on the kind, as a
//! well-known entity (so "U.S." and "United States" meet). Some candidates wait for the
//! whole collection before they are filed ([`Class::Deferred`]): a one-word person may be
//! a surname of a full name seen elsewhere, "the Times" a newspaper named in full before,
//! "(FSB)" the acronym of the name it follows. Capitalized words the tagger left out are
//! kept as [`Class::Unknown`]: they count only as another way of writing an entity found
//! elsewhere.

use std::{collections::HashSet, ops::Range};

use dossier_format::{Article, EntityKind};
use dossier_text::{fold, strip_possessive};

use crate::{
    gazetteer::Gazetteer,
    lists::{List, Lists},
    tagger::{Evidence, Model, Name, NameKind, read_article},
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
        let (paragraphs, capitalized) = read_article(article.body.iter().map(String::as_str));
        let evidence = Evidence {
            vocabulary: self.vocabulary,
            gazetteer: self.gazetteer,
            lists: self.lists,
            capitalized_in_article: &capitalized,
        };
        let mut candidates = Vec::new();
        for (index, (paragraph, words)) in article.body.iter().zip(&paragraphs).enumerate() {
            let found = Paragraph { index, text: paragraph, words, finder: self, capitalized: &capitalized };
            let mut covered = vec![false; words.len()];
            let names = companies(self.model.tag(paragraph, words, &evidence), words, paragraph, self.gazetteer);
            let names = heads_of(names, words, self.vocabulary);
            let names = organizations_after_places(names, words);
            let names = particles_joined(people_after_titles(names, words, paragraph, self.gazetteer), words);
            let names = administrations(names, words);
            for name in names {
                let span = found.trimmed(name.words);
                if let (Some(kind), false) = (name.kind.entity_kind(), span.is_empty()) {
                    covered[span.clone()].iter_mut().for_each(|covered| *covered = true);
                    found.push_name(span, kind, &mut candidates);
                } else if !span.is_empty() {
                    // "U.S.S. Grayback" taken for a name of no kind: still a title for the
                    // rest of the article.
                    found.push_title(&span, &mut candidates);
                }
            }
            for (at, word) in words.iter().enumerate() {
                // "WHO" is an acronym where "Who" is a function word.
                let plain = word.capitalized()
                    && !word.sentence_start
                    && !word.is(List::Units)
                    && !word.is_time_zone()
                    && !word.is_common_acronym()
                    && !found.glued(at)
                    && (word.all_capitals() || !word.is(List::NotNames))
                    && !word.is(List::Adjectives)
                    && !word.is(List::Titles);
                if !covered[at] && plain {
                    found.push(at..at + 1, Class::Unknown, &mut candidates);
                }
            }
        }
        candidates.sort_by_key(|candidate| (candidate.paragraph, candidate.range.start));
        // A vessel's or a work's name is one wherever its article writes it ("the Conception
        // was owned by", "the Argo rescue").
        let titles: HashSet<String> = candidates
            .iter()
            .filter(|candidate| candidate.title)
            .map(|candidate| fold(strip_possessive(&candidate.surface)))
            .collect();
        if !titles.is_empty() {
            for candidate in &mut candidates {
                if titles.contains(&fold(strip_possessive(&candidate.surface))) {
                    candidate.class = Class::Unknown;
                    candidate.title = true;
                }
            }
        }
        candidates
    }
}

/// Company names the tagger cut at "and": "Standard | and | Poor's Corp", "Kidder
/// Peabody | and Co": a name, "and", then a name or words ending in a company suffix are
/// one organization; so are two organizations joined by "and" when the second owns
/// ("rated AA by Standard | and | Poor's").
fn companies(names: Vec<Name>, words: &[Word<'_>], text: &str, gazetteer: &Gazetteer) -> Vec<Name> {
    let mut joined: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    // Where a name ends once the legal forms written after it are taken in.
    let through_suffixes = |end: usize| {
        (end..words.len())
            .take_while(|&at| words[at].joined && words[at].is(List::CompanySuffixes))
            .last()
            .map_or(end, |last| last + 1)
    };
    while let Some(mut name) = names.next() {
        // "Standard and Poor's" where only "Poor" was taken for a name: a capitalized word
        // the tagger left out, "and", then a name that owns or ends in a legal form.
        let start = name.words.start;
        if start >= 2 && words[start - 1].bare() == "and" && words[start].joined {
            let first = &words[start - 2];
            let untagged = joined.last().is_none_or(|before: &Name| before.words.end < start - 1);
            let suffixes = through_suffixes(name.words.end);
            let owns = words[name.words.end - 1].possessive || suffixes > name.words.end;
            if untagged && owns && first.capitalized() && !first.all_capitals() {
                name = Name { words: start - 2..suffixes, kind: NameKind::Organization };
            }
        }
        let and = name.words.end;
        let after_and = words.get(and).filter(|word| word.bare() == "and").and(words.get(and + 1));
        if after_and.is_some_and(|word| word.joined && word.capitalized()) {
            let end = match names.peek() {
                // "Standard and Poor's Corp" whatever the tagger took each part for.
                Some(next) if next.words.start == and + 1 => through_suffixes(next.words.end),
                _ => through_suffixes(and + 1),
            };
            // The second may be taken for a person: "Standard and Poor's 500"; the first,
            // when each is one word, for anything but a place the gazetteer knows ("by
            // Standard | and | Poor's", not "Britain and France's") or, with the second, a
            // person ("Reagan and Shultz's").
            let one_word_each = |next: &Name| {
                name.words.len() == 1
                    && next.words.len() == 1
                    && !(name.kind == NameKind::Person && next.kind == NameKind::Person)
                    && !known_place(gazetteer, text, words, name.words.clone())
                    && !known_place(gazetteer, text, words, next.words.clone())
            };
            let owning_pair =
                names.peek().is_some_and(|next| {
                    next.words.start == and + 1
                        && matches!(next.kind, NameKind::Organization | NameKind::Person)
                        && words[next.words.end - 1].possessive
                        && (name.kind == NameKind::Organization || one_word_each(next))
                }) && !words[name.words.clone()].iter().chain(&words[and + 1..end]).any(Word::all_capitals);
            // "Kidder Peabody and Co", "Standard and Poor's Corp": one word at most before
            // the legal form; "Ford Motor Co and Chrysler Corp", "Merrill Lynch Capital
            // Markets and Salomon Brothers Inc" are two firms.
            let legal_forms =
                words[and + 1..end].iter().rev().take_while(|word| word.is(List::CompanySuffixes)).count();
            let one_firm = end - (and + 1) - legal_forms <= 1 && !words[name.words.end - 1].is(List::CompanySuffixes);
            if end > and + 1 && one_firm && (words[end - 1].is(List::CompanySuffixes) || owning_pair) {
                if names.peek().is_some_and(|next| next.words.start == and + 1) {
                    names.next();
                }
                name = Name { words: name.words.start..end, kind: NameKind::Organization };
            }
        }
        // "Goldman, Sachs and Co", "Kidder, Peabody and Co": one word and a comma before
        // a firm named "Sachs and Co" are the first of its partners.
        let start = name.words.start;
        let partners = name.kind == NameKind::Organization
            && name.words.len() >= 3
            && words[start + 1].bare() == "and"
            && words[name.words.end - 1].is(List::CompanySuffixes)
            && start >= 1
            && text[words[start - 1].range.end..words[start].range.start] == *", "
            && words[start - 1].capitalized()
            && !words[start - 1].all_capitals()
            && (start < 2 || !words[start - 1].joined || !words[start - 2].capitalized());
        if partners {
            if joined.last().is_some_and(|before: &Name| before.words == (start - 1..start)) {
                joined.pop();
            }
            if joined.last().is_none_or(|before| before.words.end < start) {
                name = Name { words: start - 1..name.words.end, kind: NameKind::Organization };
            }
        }
        joined.push(name);
    }
    joined
}

/// "United States Department | of State", "Centers for | Disease Control | and | Prevention",
/// "Bavarian State Ministry of Public | Health | and | Health Care": a word that heads
/// organizations' names, followed by "of" or "for" and capitalized words (through "and":
/// "Department of Health and Human Services"; after "the": "Department of the Interior"),
/// is one organization with them and with the capitalized words before it, whatever the
/// tagger took each part for, or left out.
fn heads_of(names: Vec<Name>, words: &[Word<'_>], vocabulary: &Vocabulary) -> Vec<Name> {
    // The tagger's name holding each word, if any (names do not overlap).
    let mut owners: Vec<Option<usize>> = vec![None; words.len()];
    for (index, name) in names.iter().enumerate() {
        owners[name.words.clone()].iter_mut().for_each(|owner| *owner = Some(index));
    }
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match organization_from_head(at, &names, &owners, words, vocabulary) {
            Some(span) => {
                at = span.end;
                spans.push(span);
            }
            None => at += 1,
        }
    }
    if spans.is_empty() {
        return names;
    }
    let inside = |name: &Name| spans.iter().any(|span| span.start <= name.words.start && name.words.end <= span.end);
    let mut extended: Vec<Name> = names.into_iter().filter(|name| !inside(name)).collect();
    extended.extend(spans.into_iter().map(|words| Name { words, kind: NameKind::Organization }));
    extended.sort_by_key(|name| name.words.start);
    extended
}

/// The organization [`heads_of`] reads around the word at `head`, if that word heads one.
fn organization_from_head(
    head: usize,
    names: &[Name],
    owners: &[Option<usize>],
    words: &[Word<'_>],
    vocabulary: &Vocabulary,
) -> Option<Range<usize>> {
    let word = &words[head];
    if !word.capitalized()
        || word.all_capitals()
        || !(word.is(List::OrganizationHeads) || word.is(List::InstitutionHeads))
    {
        return None;
    }
    let name_at = |at: usize| owners.get(at).copied().flatten().map(|index| &names[index]);
    let name_from = |at: usize| name_at(at).filter(|name| name.words.start == at);
    // "John Church of ..." is a person's name.
    let a_person = |name: &Name| name.kind == NameKind::Person && name.words.len() > 1;
    if name_at(head).is_some_and(a_person) {
        return None;
    }
    let connector = words.get(head + 1)?;
    if !matches!(connector.bare(), "of" | "for") || !connector.joined || connector.sentence_start {
        return None;
    }
    let mut first = head + 2;
    if words.get(first).is_some_and(|word| word.bare() == "the" && word.joined && !word.sentence_start) {
        first += 1;
    }
    // Capitalized words written in lowercase elsewhere in the collection: "Infectious
    // Disease", "Human Services" are no person's or firm's name, whatever the tagger says.
    let all_common = |name: &Name| words[name.words.clone()].iter().all(|word| vocabulary.is_common(word.text));
    // A person starts here: a given name and another capitalized word ("House of
    // Representatives Adam Kinzinger"), or a person's name the tagger found ("Darin LaHood").
    let person_at = |at: usize| {
        let given =
            words[at].is(List::GivenNames) && words.get(at + 1).is_some_and(|next| next.capitalized() && next.joined);
        given || name_from(at).is_some_and(|name| a_person(name) && !all_common(name))
    };
    // Another name starts here: "Union Bank of Switzerland and | Morgan Stanley International",
    // "Bank of Japan and | European"; not "Marine and | Atmospheric Science" (common words)
    // or "Volcanology and | Seismology" (one word taken for a person).
    let another_name_at = |at: usize| {
        let one_word_person = |name: &Name| name.kind == NameKind::Person && name.words.len() == 1;
        name_from(at).is_some_and(|name| !(one_word_person(name) || all_common(name)))
    };
    let mut end = first;
    // "Port Authority of New York | and New Jersey", "Bank of Iron County | and Summit
    // Savings": once a place is taken in, "and" ends the name.
    let mut place_before = false;
    while let Some(word) = words.get(end) {
        // "House of Representatives Speaker Nancy Pelosi": a title before a name ends it
        // ("Department of Justice" goes on).
        let title = word.is(List::Titles) && words.get(end + 1).is_some_and(|next| next.capitalized() && next.joined);
        let capital =
            word.capitalized() && word.joined && !word.sentence_start && !title && !(end > first && person_at(end));
        // "Department of Health and Human Services", but not "Department of Energy, and
        // Office of Naval Research", "University of Miami and Chris Fallows".
        let and = word.bare() == "and"
            && word.joined
            && end > first
            && !place_before
            && goes_on_after_and(end + 1, words)
            && !person_at(end + 1)
            && !another_name_at(end + 1);
        // "District Court for the District of Columbia", "Council of Ex-Muslims of Britain".
        let of = word.bare() == "of"
            && word.joined
            && end > first
            && words.get(end + 1).is_some_and(|next| next.capitalized() && !next.sentence_start);
        if !(capital || and || of) {
            break;
        }
        place_before |= word.is(List::PlaceWords) || name_at(end).is_some_and(|name| name.kind == NameKind::Place);
        end += 1;
        if capital && word.possessive {
            break;
        }
    }
    if end == first {
        return None;
    }
    // Back over the capitalized words before the head: "Bavarian State Ministry",
    // "Massachusetts Institute", whatever the tagger took them for (but not a person's name,
    // a title, an owner, or a sentence's first word it did not take for a name).
    let mut start = name_at(head).map_or(head, |name| name.words.start);
    while start > 0 && words[start].joined && !words[start].sentence_start {
        let before = &words[start - 1];
        if !before.capitalized() || before.possessive || before.is(List::Titles) {
            break;
        }
        match name_at(start - 1) {
            Some(name) if a_person(name) => break,
            Some(name) => start = name.words.start,
            None if before.sentence_start => break,
            None => start -= 1,
        }
    }
    // A name the tagger found that runs on past the organization is left whole.
    let crossing = owners.get(end).copied().flatten().is_some_and(|owner| owners[end - 1] == Some(owner));
    (!crossing).then_some(start..end)
}

/// Whether the capitalized words from `at` may go on an organization's name after "and"
/// ("Health and *Human Services*"), rather than start another name: no acronym ("UC
/// Davis"), no word that heads an organization's name ("Stanford University", "Center
/// for Food Safety", "Bank of France"), and not one word that names one ("Senate").
fn goes_on_after_and(at: usize, words: &[Word<'_>]) -> bool {
    let run = words[at.min(words.len())..]
        .iter()
        .enumerate()
        .take_while(|&(offset, word)| word.capitalized() && (offset == 0 || word.joined) && !word.sentence_start)
        .map(|(_, word)| word);
    let mut count = 0;
    for word in run {
        if word.all_capitals() || word.is(List::OrganizationHeads) || word.is(List::InstitutionHeads) {
            return false;
        }
        count += 1;
    }
    // "the House of Representatives and Senate": one word naming an organization alone.
    count > 1 || (count == 1 && !words[at].is(List::OrganizationWords))
}

/// "United States Postal | Service", "United States Supreme | Court": a place followed by
/// capitalized words the tagger left out, the last of which ends organizations' names, is
/// one organization with them.
fn organizations_after_places(names: Vec<Name>, words: &[Word<'_>]) -> Vec<Name> {
    let mut extended: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(mut name) = names.next() {
        let from = name.words.end;
        // "United States Coast | Guard", the last word taken for an organization of its own.
        if let Some(next) = names.peek().filter(|next| {
            name.kind == NameKind::Place
                && next.words.start == from
                && next.words.len() == 1
                && words[from].joined
                && !words[from - 1].possessive
                && words[from].is(List::OrganizationWords)
        }) {
            name = Name { words: name.words.start..next.words.end, kind: NameKind::Organization };
            names.next();
            extended.push(name);
            continue;
        }
        let next_name = names.peek().map_or(words.len(), |next| next.words.start);
        let run = (from..next_name.min(from + 3))
            .take_while(|&at| {
                let word = &words[at];
                word.capitalized() && word.joined && !word.sentence_start && !words[at - 1].possessive
            })
            .last()
            .map_or(from, |last| last + 1);
        let ends_run = words.get(run).is_none_or(|after| !(after.capitalized() && after.joined));
        if name.kind == NameKind::Place && run > from && ends_run && words[run - 1].is(List::OrganizationWords) {
            name = Name { words: name.words.start..run, kind: NameKind::Organization };
        }
        extended.push(name);
    }
    extended
}

/// "Vice President of the United States Joe | Biden", "Supreme Court Justice Ruth | Bader
/// Ginsburg": a place or organization of two words or more and a given name, followed by
/// a capitalized word, ends before that given name, and a person starts there; a title
/// left at the end of the first name is neither's. ("San Jose Mercury News" and "St.
/// Louis Cardinals" keep their one word before the given name.)
fn people_after_titles(names: Vec<Name>, words: &[Word<'_>], text: &str, gazetteer: &Gazetteer) -> Vec<Name> {
    let mut split: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(name) = names.next() {
        let next = words.get(name.words.end).filter(|word| word.joined && word.capitalized() && !word.all_capitals());
        // The given name ends the name, and a capitalized word follows; or a title and a
        // given name stand inside it ("Supreme Court Justice Ruth Bader | Ginsburg"), or
        // an office named after a title does ("Chancellor of the | Exchequer Nigel Lawson").
        // (Only in what the tagger took for an organization, and not in a place the
        // gazetteer knows: "Mayor of New York City" names no person "York City".)
        let office = |at: usize| {
            let of = if at >= 3 && words[at - 2].bare() == "the" { at - 3 } else { at.saturating_sub(2) };
            name.kind == NameKind::Organization
                && of >= 1
                && words[of].bare() == "of"
                && words[of - 1].is(List::Titles)
                && !known_place(gazetteer, text, words, at - 1..name.words.end)
        };
        let after_title = (name.words.start + 1..name.words.end.saturating_sub(1)).find(|&at| {
            ((words[at - 1].is(List::Titles) && words[at].is(List::GivenNames)) || office(at))
                && words[at..name.words.end]
                    .iter()
                    .all(|word| word.capitalized() && !word.all_capitals() && !word.possessive)
        });
        let given = after_title.unwrap_or(name.words.end - 1);
        let split_here = matches!(name.kind, NameKind::Organization | NameKind::Place)
            && name.words.len() >= 3
            && (words[given].is(List::GivenNames) || after_title.is_some())
            && !words[given].possessive
            && (next.is_some() || after_title.is_some());
        if !split_here {
            split.push(name);
            continue;
        }
        let mut before = name.words.start..given;
        while !before.is_empty() && words[before.end - 1].is(List::Titles) {
            before.end -= 1;
        }
        if !before.is_empty() {
            split.push(Name { words: before, kind: name.kind });
        }
        let mut end = match names.peek() {
            Some(next) if next.words.start == name.words.end => names.next().map_or(given + 1, |next| next.words.end),
            _ => (given + 1..words.len())
                .take_while(|&at| words[at].joined && words[at].capitalized())
                .last()
                .map_or(given + 1, |last| last + 1),
        };
        // A name the tagger found among the words taken in ("Justice Ruth | Bader |
        // Ginsburg") is part of this one, not a second name over the same words.
        while names.peek().is_some_and(|next| next.words.start < end) {
            if let Some(next) = names.next() {
                end = end.max(next.words.end);
            }
        }
        split.push(Name { words: given..end, kind: NameKind::Person });
    }
    split
}

/// "the Reagan administration", "the Clinton administration": one capitalized word before
/// "administration" is the person who leads it, whatever else the tagger took it for.
fn administrations(mut names: Vec<Name>, words: &[Word<'_>]) -> Vec<Name> {
    for name in &mut names {
        let next = words.get(name.words.end).filter(|next| next.joined && next.text == "administration");
        let word = &words[name.words.start];
        if name.kind == NameKind::Other && name.words.len() == 1 && next.is_some() && !word.all_capitals() {
            name.kind = NameKind::Person;
        }
    }
    names
}

/// "Rocky De La | Fuente", "Rebecca Nyandeng | De Mabior", "Valéry Giscard | d'Estaing": a
/// person's name that ends in a particle ("De", "Van", "Al"), or that a particle and a
/// capitalized word follow, goes on with them.
fn particles_joined(names: Vec<Name>, words: &[Word<'_>]) -> Vec<Name> {
    let capitalized_name = |word: &Word<'_>| word.joined && word.capitalized() && !word.all_capitals();
    let mut joined: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(mut name) = names.next() {
        let mut end = name.words.end;
        if name.kind == NameKind::Person && name.words.len() >= 2 {
            let elided = words.get(end).is_some_and(|next| next.joined && next.has_elided_particle());
            let particle_next = words.get(end).is_some_and(|next| next.joined && next.is_particle())
                && words.get(end + 1).is_some_and(capitalized_name)
                && names.peek().is_none_or(|next| next.words.start > end);
            // "Rebecca Nyandeng | De Mabior": the particle and the rest taken for a person.
            let particle_person = names.peek().is_some_and(|next| {
                next.kind == NameKind::Person
                    && next.words.start == end
                    && next.words.len() >= 2
                    && words[end].joined
                    && words[end].is_particle()
            });
            if particle_person {
                end = names.next().map_or(end, |next| next.words.end);
                name.words.end = end;
            } else if elided || particle_next {
                end += 1;
                name.words.end = end;
            }
        }
        let particle = name.kind == NameKind::Person && name.words.len() >= 2 && words[end - 1].is_particle();
        if particle && words.get(end).is_some_and(capitalized_name) {
            let through = match names.peek() {
                Some(next) if next.words.start == end => names.next().map_or(end + 1, |next| next.words.end),
                _ => end + 1,
            };
            name = Name { words: name.words.start..through, kind: NameKind::Person };
        }
        joined.push(name);
    }
    joined
}

/// Words after which a noun of `work-words.txt` is a verb ("to ship", "they ferry").
const BEFORE_A_VERB: &[&str] =
    &["to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "we", "they", "i", "you"];

/// One paragraph being read.
struct Paragraph<'a, 't> {
    index: usize,
    text: &'t str,
    words: &'a [Word<'t>],
    finder: &'a Finder<'a>,
    /// The folded words the article capitalizes away from sentence starts.
    capitalized: &'a HashSet<String>,
}

impl Paragraph<'_, '_> {
    fn surface(&self, span: &Range<usize>) -> &str {
        &self.text[self.words[span.start].range.start..self.words[span.end - 1].range.end]
    }

    /// Files a name the tagger found, with the repairs general knowledge of names allows:
    /// words that are never names are trimmed or dropped, a person does not run on into
    /// their employer, a name ending in an organization word is an organization.
    fn push_name(&self, mut span: Range<usize>, kind: EntityKind, out: &mut Vec<Candidate>) {
        let words = self.words;
        // "Merrill Lynch Capital Markets and Salomon Brothers Inc", "Ford Motor Co and
        // Chrysler Corp": two firms, where the first is complete (a legal form, or two
        // words or more) and so is the second (two words or more, then a legal form).
        if kind == EntityKind::Organization {
            if let Some(and) = (span.start + 1..span.end).find(|&at| words[at].bare() == "and") {
                let names =
                    |range: Range<usize>| words[range].iter().filter(|word| !word.is(List::CompanySuffixes)).count();
                let first_complete = words[and - 1].is(List::CompanySuffixes) || and - span.start >= 2;
                let second_complete = names(and + 1..span.end) >= 2 && words[span.end - 1].is(List::CompanySuffixes);
                if first_complete && second_complete && names(span.start..and) >= 1 {
                    self.push_name(span.start..and, kind, out);
                    return self.push_name(and + 1..span.end, kind, out);
                }
            }
        }
        // "6.17 billion N.Z. Dlrs", "FOB Singapore": a unit is no name, nor part of one;
        // "<WAIA.HK>": nor is the exchange glued to a ticker.
        if words[span.clone()].iter().any(|word| word.is(List::Units) || word.is_time_zone()) || self.glued(span.start)
        {
            return;
        }
        // "between the U.S. And the European Community", "the Ministry of Health and the
        // Ministry of Foreign Affairs": "and the" inside a name joins two names.
        let and_the = (span.start + 1..span.end.saturating_sub(2)).find(|&at| {
            words[at].bare().eq_ignore_ascii_case("and") && words[at + 1].bare().eq_ignore_ascii_case("the")
        });
        if let Some(and) = and_the {
            let kind_of =
                |part: &Range<usize>| if self.is_known_place(part.clone()) { EntityKind::Place } else { kind };
            let (first, second) = (span.start..and, and + 2..span.end);
            self.push_name(first.clone(), kind_of(&first), out);
            return self.push_name(second.clone(), kind_of(&second), out);
        }
        // "the films \"Platoon\" and \"Hoosiers\"", "nicknamed \"Ripley\"", "the \"Star Wars\"
        // system": a name in quotation marks is a title, a nickname or a term, another way
        // of writing a name only if the collection names it so elsewhere.
        if self.quoted(&span) {
            return self.push(span, Class::Unknown, out);
        }
        if self.push_title(&span, out) {
            return;
        }
        // "Parkinson's disease", "Down syndrome": an illness named after someone.
        let next = self.words.get(span.end).filter(|next| next.joined || words[span.end - 1].possessive);
        if next.is_some_and(|next| matches!(next.text, "disease" | "syndrome" | "lymphoma" | "palsy")) {
            return;
        }
        // "Senator from Vermont Bernie Sanders": a place the gazetteer knows, then a given
        // name and more capitalized words, taken as one place or organization, is that
        // place and a person.
        if kind != EntityKind::Person {
            let person_from = (span.start + 1..span.end.saturating_sub(1)).find(|&at| {
                words[at].is(List::GivenNames)
                    && words[at..span.end].iter().all(|word| word.capitalized() && !word.all_capitals())
                    && self.is_known_place(span.start..at)
            });
            if let Some(at) = person_from {
                self.push_name(span.start..at, EntityKind::Place, out);
                return self.push_name(at..span.end, EntityKind::Person, out);
            }
            // "the Democratic Party's Nevada caucus": a name and a place it owns something
            // in are two names ("Moody's Investors Service" stays one).
            let owner_end =
                (span.start..span.end - 1).find(|&at| words[at].possessive && self.is_known_place(at + 1..span.end));
            if let Some(owner_end) = owner_end {
                self.push_name(span.start..owner_end + 1, kind, out);
                return self.push_name(owner_end + 1..span.end, EntityKind::Place, out);
            }
        }
        // "China's Tsinghua University", "Britain's Labour Party": a known place that owns
        // the rest of the name is a place, and the rest is the name.
        let place_end = (span.start..span.end - 1)
            .find(|&at| words[at].possessive && self.is_known_place(span.start..at + 1) && words[at + 1].capitalized());
        if let Some(place_end) = place_end {
            self.push_name(span.start..place_end + 1, EntityKind::Place, out);
            return self.push_name(place_end + 1..span.end, kind, out);
        }
        // "((WN)) How did you...": a transcript's speaker label in initials stands for
        // someone named in full elsewhere, or for the interviewer; no name of its own.
        if span.len() == 1 && words[span.start].all_capitals() && self.speaker_label(&span) {
            return;
        }
        // "COVID-19", "F-35": a name glued to a number by a hyphen is a disease's, a
        // model's or a product's, none of the kinds kept.
        let last = words[span.end - 1].text;
        if last.split('-').skip(1).any(|part| part.starts_with(|c: char| c.is_ascii_digit())) {
            return;
        }
        // "Senator Patrick Leahy (D-Vt.)": a party's letter and a state's abbreviation.
        if span.len() == 1 && is_party_and_state(words[span.start].bare()) {
            return;
        }
        // "West German", "South Korean": a point of the compass and a nationality make an
        // adjective, not a name.
        if span.len() == 2
            && matches!(fold(words[span.start].bare()).as_str(), "north" | "south" | "east" | "west")
            && words[span.end - 1].is(List::Adjectives)
        {
            return;
        }
        // "Mayor Adamowicz": a title is not part of a person's name.
        if kind == EntityKind::Person {
            while span.len() > 1 && words[span.start].is(List::Titles) {
                span.start += 1;
            }
        }
        // "Minister of Mines and Energy Subroto": right after another name, a word the
        // collection mostly writes in lowercase, and that is no given name, does not start
        // a person's name.
        let after_name = span.start > 0 && {
            let before = &words[span.start - 1];
            before.capitalized() || matches!(before.bare(), "and" | "of")
        };
        if kind == EntityKind::Person && after_name {
            let vocabulary = self.finder.vocabulary;
            let common = |word: &Word<'_>| vocabulary.is_common(word.text) && !word.is(List::GivenNames);
            while span.len() > 1 && common(&words[span.start]) {
                span.start += 1;
            }
            if span.len() == 1 && common(&words[span.start]) {
                return self.push(span, Class::Unknown, out);
            }
        }
        // "Anne Mills of Shearson": a person ends before "of" or "and".
        if kind == EntityKind::Person {
            if let Some(cut) = (span.start + 1..span.end).find(|&at| matches!(words[at].bare(), "of" | "and")) {
                if cut + 1 < span.end {
                    self.push(cut + 1..span.end, Class::Unknown, out);
                }
                span.end = cut;
            }
        }
        // "Cheung Kong (Holdings) Ltd": the words in parentheses and the legal form are part
        // of the company's name.
        let parenthesized = self.parenthesized_legal_form(span.end);
        if let Some(end) = parenthesized {
            span.end = end;
        }
        let (first, last) = (&words[span.start], &words[span.end - 1]);
        // "Breitbart Texas reported": whatever the name looks like, it names an outlet; a
        // name ending in an organization word ("Motors Corp") is an organization, and
        // takes in the title or adjective the tagger left before it ("General", "Canadian").
        let next = words.get(span.end).filter(|_| !last.possessive);
        // "Agriculture Secretary Richard Lyng": a lone word before a title is a portfolio,
        // not a name of its own (it may still be another way of writing one).
        if span.len() == 1 && !first.all_capitals() && next.is_some_and(|next| next.joined && next.is(List::Titles)) {
            return self.push(span, Class::Unknown, out);
        }
        let organization_word = last.is(List::CompanySuffixes);
        // No person's name ends in "Association" or "Bank" either, nor in "Airport" or
        // "News".
        let person_as_organization = kind == EntityKind::Person
            && (last.is(List::OrganizationWords) || last.is(List::InstitutionHeads) || last.is(List::NewspaperWords));
        let known_whole = || self.finder.gazetteer.lookup(self.surface(&span)).is_some();
        let kind = if next.is_some_and(|next| next.is(List::ReportingVerbs))
            || parenthesized.is_some()
            || (span.len() >= 2 && (organization_word || person_as_organization))
        {
            EntityKind::Organization
        } else if kind == EntityKind::Person && span.len() >= 2 && last.is(List::PlaceWords) {
            EntityKind::Place
        } else if kind == EntityKind::Organization
            && span.len() >= 2
            && last.is(List::FacilityWords)
            && !words[span.clone()].iter().any(|word| matches!(word.bare(), "of" | "for"))
            && !known_whole()
        {
            // "LaGuardia Airport", "Trafalgar Square" (not "Savings and Loan Association
            // of Fountain Valley").
            EntityKind::Place
        } else if kind == EntityKind::Place && last.is(List::OrganizationWords) && self.after_a_known_place(&span) {
            // "United States Navy", "United States Democratic Party" (not "West Bank",
            // "Russian Federation", "Central Clinical Hospital").
            EntityKind::Organization
        } else {
            kind
        };
        if kind == EntityKind::Organization
            && organization_word
            && span.start > 0
            && first.joined
            && !first.sentence_start
        {
            let before = &words[span.start - 1];
            if before.capitalized() && (before.is(List::Titles) || before.is(List::Adjectives)) {
                span.start -= 1;
            }
        }
        // "in Syracuse, Ind.", "DeMotte, Ind, the FDIC said": a lone word between a place
        // and a comma or the sentence's end is the state or country it lies in.
        let kind = if span.len() == 1 && kind != EntityKind::Place && self.follows_a_place(span.start, out) {
            EntityKind::Place
        } else {
            kind
        };
        // "G7": no person's name has a digit; it may still be another way of writing a
        // name found elsewhere.
        if kind == EntityKind::Person
            && words[span.clone()].iter().any(|word| word.text.contains(|c: char| c.is_ascii_digit()))
        {
            return self.push(span, Class::Unknown, out);
        }
        let first = &words[span.start];
        let surface = self.surface(&span);
        let gazetteer = self.finder.gazetteer;
        let entry = gazetteer.lookup(surface);
        // "the Philippines", "the Netherlands" taken for an organization: a place the
        // gazetteer knows, written after "the", is that place (a team named after its
        // country, which CoNLL tags as an organization, is written without "the").
        let kind = match entry {
            Some(known)
                if kind == EntityKind::Organization
                    && gazetteer.known[known].kind == EntityKind::Place
                    && self.after_the(first.range.start) =>
            {
                EntityKind::Place
            }
            _ => kind,
        };
        let known = entry.filter(|&known| gazetteer.known[known].kind == kind);
        // "Gross National Product (GNP)" names no entity either.
        let common_acronym =
            self.words.get(span.end).is_some_and(Word::is_common_acronym) && self.acronym_after(span.end).is_some();
        if self.starts_an_event(&span)
            || known.is_none()
                && (self.is_not_a_name(&span)
                    || common_acronym
                    || (kind != EntityKind::Organization && self.is_a_people(&span)))
        {
            return;
        }
        // A one-word name is first looked up among the collection's names: "Sheinbaum" is
        // the Claudia Sheinbaum of the same article whatever the tagger took it for; so is
        // a surname with its particles ("De Clercq" of Willy de Clercq).
        let particles_first = span.len() >= 2 && words[span.start..span.end - 1].iter().all(Word::is_particle);
        let class = match known {
            Some(known) => Class::Known(known),
            None if span.len() == 1 || (kind == EntityKind::Person && particles_first) => Class::Deferred(kind),
            None => Class::Kind(kind),
        };
        self.push(span.clone(), class, out);
        if let Some(candidate) = out.last_mut() {
            candidate.generic = span.len() == 1 && self.is_generic(first);
            candidate.known_as_other = entry.filter(|_| known.is_none());
        }
    }

    /// A name without the words before it that are not part of it: "A Reuter survey", a
    /// sentence's first word the collection mostly writes in lowercase ("Later Simmons
    /// took four"), a word in lowercase left first ("I emailed FIDE"), unless the gazetteer knows the whole ("The Hague") or it is a
    /// company's ("First Boston Corp").
    fn trimmed(&self, mut span: Range<usize>) -> Range<usize> {
        // "REUTER E": a lone capital with no period ends no name; nor does a word in
        // lowercase ("the Iranian Chess Federation and I moved"), nor a caption's label
        // ("Kamala Harris Image: U.S. Senate").
        while span.len() > 1 && {
            let last = &self.words[span.end - 1];
            let label = last.is(List::CaptionWords) && self.text[last.range.end..].starts_with(':');
            last.text.chars().count() == 1
                || (last.text.starts_with(char::is_lowercase) && !last.has_elided_particle())
                || label
        } {
            span.end -= 1;
        }
        let company = self.words[span.end - 1].is(List::CompanySuffixes);
        while span.len() > 1 && !company && self.finder.gazetteer.lookup(self.surface(&span)).is_none() {
            let first = &self.words[span.start];
            let function_word = first.is(List::NotNames) && !first.text.ends_with('.');
            // "Ministry of International Trade" opening a quotation is a name's head.
            let head = (first.is(List::OrganizationHeads) || first.is(List::InstitutionHeads))
                && self.words.get(span.start + 1).is_some_and(|next| matches!(next.bare(), "of" | "for"));
            // "Sky News said": a common word opening the sentence stays when all that
            // would be left is a word that names a kind of organization or place.
            let leaves_a_kind = span.len() == 2 && self.is_generic(&self.words[span.start + 1]);
            let common_opening = first.sentence_start
                && !head
                && !leaves_a_kind
                && self.finder.vocabulary.is_common(first.text)
                && !self.capitalized.contains(&fold(first.bare()));
            let lowercase = !first.capitalized();
            // "Chrysler Corp. REUTER": a legal form ends a name, never starts one.
            let legal_form = first.is(List::CompanySuffixes);
            let opener = first.sentence_start && first.is(List::Openers);
            // "Standard and Poor's yesterday lowered": no name starts with "and", so the word
            // before it stays.
            let before_and = self.words.get(span.start + 1).is_some_and(|next| next.bare() == "and");
            if before_and || !(function_word || common_opening || lowercase || legal_form || opener) {
                break;
            }
            span.start += 1;
        }
        span
    }

    /// Whether the words, with the word of an event after them, name a law, a plan or a
    /// war ("an Iraq War veteran", "the Baker Plan"): then, taken alone, they name nothing
    /// either, even a place the gazetteer knows.
    fn starts_an_event(&self, span: &Range<usize>) -> bool {
        !self.words[span.end - 1].possessive
            && self.words.get(span.end).is_some_and(|next| {
                next.joined && next.capitalized() && !next.all_capitals() && next.is(List::EventWords)
            })
    }

    /// Words that are no name by themselves: a letter, a weekday, "Jr.", "President",
    /// "Kuwaiti", a sentence's first word the collection mostly writes in lowercase ("Us
    /// and them"), a contraction ("I'm"), nothing but company suffixes ("Co Ltd"), or no letter.
    fn is_not_a_name(&self, span: &Range<usize>) -> bool {
        let first = &self.words[span.start];
        let one_word = span.len() == 1
            && (first.bare().chars().count() == 1
                || first.is(List::NotNames)
                || first.is(List::NameSuffixes)
                || first.is(List::Titles)
                || first.is(List::Adjectives)
                || first.is_common_acronym()
                || (first.sentence_start && self.finder.vocabulary.is_common(first.text))
                || (first.sentence_start && first.is(List::Openers))
                || (first.sentence_start && !first.is_latin() && !self.capitalized.contains(&fold(first.bare()))));
        let suffixes_only = self.words[span.clone()].iter().all(|word| word.is(List::CompanySuffixes));
        // "Voting Rights Act", "Louvre Accord", "Nobel Peace Prize": a law, an agreement, a
        // prize, a contest or a war.
        let last = &self.words[span.end - 1];
        let event = span.len() > 1 && !last.all_capitals() && last.is(List::EventWords);
        // "100%": no letter at all.
        let no_letter = !self.words[span.clone()].iter().any(|word| word.text.contains(char::is_alphabetic));
        // "I'm", "Don't": a contraction.
        let contraction = span.len() == 1
            && first
                .text
                .split(['\'', '’'])
                .nth(1)
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_lowercase));
        one_word || suffixes_only || contraction || no_letter || event
    }

    /// A people, a faith's or a party's followers, named in the plural: "Azerbaijanis",
    /// "Sunnis", "Native Americans", "Indigenous Australians" (the words before it written
    /// in lowercase elsewhere in the collection, unlike the "Christian" of "Christian
    /// Democrats"). The caller keeps names taken for organizations ("Liberal Democrats").
    fn is_a_people(&self, span: &Range<usize>) -> bool {
        let words = &self.words[span.clone()];
        let Some((last, before)) = words.split_last() else { return false };
        let singular = |suffix: &str| {
            last.text
                .strip_suffix(suffix)
                .is_some_and(|stem| !stem.is_empty() && Lists::get().contains(List::Adjectives, stem))
        };
        let plural = !last.possessive && (singular("s") || singular("es"));
        plural && before.iter().all(|word| self.finder.vocabulary.is_common(word.text))
    }

    /// Where a company's name ends when words in parentheses, then a legal form, follow
    /// the name ending before word `end` ("Cheung Kong (Holdings) Ltd", "Yamaichi
    /// International (Europe) Ltd"): after the legal form.
    fn parenthesized_legal_form(&self, end: usize) -> Option<usize> {
        let words = self.words;
        let opening = self.text[words[end - 1].range.end..words.get(end)?.range.start].trim();
        if opening != "(" {
            return None;
        }
        // At most three words inside, capitalized, then ")" and the legal form.
        (end..(end + 3).min(words.len() - 1)).find_map(|inside_end| {
            let closing = self.text[words[inside_end].range.end..words[inside_end + 1].range.start].trim();
            let capitalized = words[end..=inside_end].iter().all(|word| word.capitalized());
            (closing == ")" && capitalized && words[inside_end + 1].is(List::CompanySuffixes)).then_some(inside_end + 2)
        })
    }

    /// Files the words as a vessel's or a work's name if they are one (see
    /// [`Paragraph::title_start`]); returns whether they are.
    fn push_title(&self, span: &Range<usize>, out: &mut Vec<Candidate>) -> bool {
        let Some(start) = self.title_start(span) else { return false };
        if start < span.end {
            self.push(start..span.end, Class::Unknown, out);
            if let Some(title) = out.last_mut() {
                title.title = true;
            }
        }
        true
    }

    /// Where a vessel's or a work's name starts, if the words are one: after a ship's prefix
    /// ("U.S.S. Grayback"), or right after a noun naming a kind of vessel or work, alone, with
    /// a comma or with "called" between ("the dive boat Conception", "The boat,
    /// Conception,", "a movie called Argo", "his memoir The Master of Disguise").
    fn title_start(&self, span: &Range<usize>) -> Option<usize> {
        let first = &self.words[span.start];
        // Not "USS Chemicals", "USS Division of USX Corp": USX's steel arm.
        let ship = |rest: &[Word<'_>]| {
            !rest.is_empty()
                && rest.iter().all(|word| {
                    word.capitalized()
                        && !word.is(List::OrganizationWords)
                        && !word.is(List::OrganizationHeads)
                        && !word.is(List::CompanySuffixes)
                })
        };
        if first.all_capitals() && first.is(List::WorkWords) && ship(&self.words[span.start + 1..span.end]) {
            return Some(span.start + 1);
        }
        let gap = |before: &Word<'_>, after: &Word<'_>| {
            self.text[before.range.end..after.range.start].chars().all(|c| c.is_whitespace() || c == ',')
        };
        let mut at = span.start;
        // "his memoir The Master of Disguise": an article between.
        if at >= 1 && self.after_the(self.words[at].range.start) {
            at -= 1;
        }
        let called = |word: &Word<'_>| matches!(word.text, "called" | "named" | "titled" | "entitled" | "dubbed");
        if at >= 1 && called(&self.words[at - 1]) && gap(&self.words[at - 1], &self.words[at]) {
            at -= 1;
        }
        let noun = self.words.get(at.checked_sub(1)?)?;
        // Not the verbs: "to ship U.S. grain", "they ferry Afghan refugees".
        let verb = at >= 2 && BEFORE_A_VERB.contains(&self.words[at - 2].text.to_ascii_lowercase().as_str());
        let kind_of_work = noun.is(List::WorkWords) && (!noun.capitalized() || noun.all_capitals()) && !verb;
        // "the documentary film titled Bob Lazar: Area 51": a person's name is theirs.
        let person = span.len() >= 2 && first.is(List::GivenNames) && !first.possessive;
        (kind_of_work && !person && gap(noun, &self.words[at])).then_some(span.start)
    }

    /// Whether double quotation marks (or typographic single ones) enclose the name and
    /// nothing else.
    fn quoted(&self, span: &Range<usize>) -> bool {
        let before = self.text[..self.words[span.start].range.start].chars().next_back();
        let mut after = self.text[self.words[span.end - 1].range.end..].chars();
        match (before, after.next()) {
            (Some('"'), Some('"')) | (Some('“'), Some('”')) => true,
            // Not "‘Argentina’s problems’": an apostrophe is no closing mark.
            (Some('‘'), Some('’')) => !after.next().is_some_and(char::is_alphanumeric),
            _ => false,
        }
    }

    /// Whether the name is a place the gazetteer knows ("United States") followed by more
    /// words ("Navy").
    fn after_a_known_place(&self, span: &Range<usize>) -> bool {
        (span.start + 1..span.end).any(|end| self.is_known_place(span.start..end))
    }

    /// Whether the words are a place the gazetteer knows.
    fn is_known_place(&self, span: Range<usize>) -> bool {
        known_place(self.finder.gazetteer, self.text, self.words, span)
    }

    /// A lone word that names a kind of organization or place ("Commission", "Bank",
    /// "Gulf"): it names an entity only as the short form of a full name.
    fn is_generic(&self, word: &Word<'_>) -> bool {
        (word.is(List::OrganizationWords)
            || word.is(List::InstitutionHeads)
            || word.is(List::PlaceWords)
            || word.is(List::NewspaperWords))
            && !word.is(List::ShortNameWords)
    }

    fn push(&self, span: Range<usize>, class: Class, out: &mut Vec<Candidate>) {
        let (first, last) = (&self.words[span.start], &self.words[span.end - 1]);
        let range = first.range.start..last.range.end;
        let after_the = self.after_the(range.start);
        out.push(Candidate {
            paragraph: self.index,
            range,
            surface: self.surface(&span).to_owned(),
            class,
            after_the,
            common: span.len() == 1 && self.finder.vocabulary.is_common(first.text),
            acronym: self.acronym_after(span.end),
            generic: false,
            known_as_other: None,
            title: false,
        });
    }

    /// Whether the words open the paragraph in parentheses, as a transcript's speaker
    /// label: "((WN))", "(Q)".
    fn speaker_label(&self, span: &Range<usize>) -> bool {
        let before = self.text[..self.words[span.start].range.start].trim();
        let after = &self.text[self.words[span.end - 1].range.end..];
        matches!(before, "(" | "((") && after.starts_with(')')
    }

    /// Whether the word "the" comes right before byte `start`.
    fn after_the(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        before.len() >= 3
            && before.get(before.len() - 3..).is_some_and(|word| word.eq_ignore_ascii_case("the"))
            && !before[..before.len() - 3].ends_with(char::is_alphanumeric)
    }

    /// Whether the one word at `at` follows a place and a comma, and ends a clause
    /// ("Syracuse, Ind." but not "In Paris, Smith said").
    fn follows_a_place(&self, at: usize, found: &[Candidate]) -> bool {
        let start = self.words[at].range.start;
        // The last name filed may lie after this word ("Mills" of "Anne Mills of Shearson"
        // is filed after "Shearson").
        let before = found.last().filter(|candidate| candidate.paragraph == self.index && candidate.range.end <= start);
        let Some(before) = before else { return false };
        let gazetteer = self.finder.gazetteer;
        let place = match before.class {
            Class::Known(known) => gazetteer.known[known].kind == EntityKind::Place,
            Class::Kind(kind) | Class::Deferred(kind) => kind == EntityKind::Place,
            Class::Unknown => false,
        };
        let comma_between = self.text[before.range.end..start].trim() == ",";
        let after = self.text[self.words[at].range.end..].trim_start();
        let ends = self.words[at].text.ends_with('.') || after.is_empty() || after.starts_with(['.', ',', ';', ')']);
        place && comma_between && ends
    }

    /// Whether word `at` is glued to the one before by a period ("WAIA.HK").
    fn glued(&self, at: usize) -> bool {
        at > 0 && self.text.get(self.words[at - 1].range.end..self.words[at].range.start) == Some(".")
    }

    /// `(ABC)` right after a name, unless it spells a word that is never a name ("(SEP)").
    fn acronym_after(&self, index: usize) -> Option<String> {
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
}

/// Whether `words[span]`, as `text` writes them, name a place the gazetteer knows.
fn known_place(gazetteer: &Gazetteer, text: &str, words: &[Word<'_>], span: Range<usize>) -> bool {
    gazetteer.place(&text[words[span.start].range.start..words[span.end - 1].range.end]).is_some()
}

/// "D-Vt", "R-Minn", "I-Calif": a member of Congress's party and state, written together.
fn is_party_and_state(word: &str) -> bool {
    let Some((party, state)) = word.split_once('-') else { return false };
    matches!(party, "D" | "R" | "I")
        && (1..=5).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().skip(1).all(|c| c.is_ascii_lowercase() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    /// The names `companies` makes of the tagger's `tagged` (word ranges and kinds).
    fn firms(text: &str, tagged: &[(Range<usize>, NameKind)]) -> Vec<String> {
        let words = words(text);
        let names = tagged.iter().map(|(range, kind)| Name { words: range.clone(), kind: *kind }).collect();
        companies(names, &words, text, Gazetteer::get())
            .into_iter()
            .map(|name| text[words[name.words.start].range.start..words[name.words.end - 1].range.end].to_owned())
            .collect()
    }

    #[test]
    fn one_word_each_side_of_and_owning_is_one_firm_whatever_the_first_was_taken_for() {
        // "Standard" taken for a place, "Poor's" for an organization.
        let text = "It is rated B by Standard and Poor's today.";
        assert_eq!(firms(text, &[(5..6, NameKind::Place), (7..8, NameKind::Organization)]), ["Standard and Poor"]);
        // Not two known places, nor two people.
        let text = "Talks between Britain and France's envoys went on.";
        assert_eq!(firms(text, &[(2..3, NameKind::Place), (4..5, NameKind::Organization)]), ["Britain", "France"]);
        let text = "It was Reagan and Shultz's plan.";
        assert_eq!(firms(text, &[(2..3, NameKind::Person), (4..5, NameKind::Person)]), ["Reagan", "Shultz"]);
    }
}
