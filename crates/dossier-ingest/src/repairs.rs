//! Repairs of the names the tagger reads in one paragraph, before any is filed: each pass
//! takes the paragraph's names, in reading order, and gives them back joined, split or
//! given another kind where general knowledge of how names are written says the tagger
//! cut them wrongly. The passes run in the order of [`REPAIRS`].

use std::ops::Range;

use crate::{
    candidates::Paragraph,
    lists::List,
    passes::Pass,
    tagger::{Name, NameKind},
    words::Word,
};

/// A repair: the paragraph's names in, the repaired names out, in reading order.
type Repair = fn(&Paragraph<'_, '_>, Vec<Name>) -> Vec<Name>;

/// The repairs, in the order they run.
pub(crate) const REPAIRS: &[(Pass, Repair)] = &[
    (Pass::FirmOwnerBeforeAnd, firm_owner_before_and),
    (Pass::FirmsAcrossAnd, firms_across_and),
    (Pass::PartnersBeforeAndCo, partners_before_and_co),
    (Pass::OrganizationHeads, organization_heads),
    (Pass::OrganizationsAfterPlaces, organizations_after_places),
    (Pass::PeopleAfterTitles, people_after_titles),
    (Pass::Particles, particles),
];

/// The tagger's names with every repair that runs applied, in order.
pub(crate) fn repair(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    REPAIRS.iter().filter(|(pass, _)| paragraph.runs(*pass)).fold(names, |names, (_, repair)| repair(paragraph, names))
}

/// Where a name ending before word `end` ends once the legal forms written after it are
/// taken in ("Kidder Peabody | and Co Inc").
fn through_suffixes(words: &[Word<'_>], end: usize) -> usize {
    (end..words.len())
        .take_while(|&at| words[at].joined && words[at].is(List::CompanySuffixes))
        .last()
        .map_or(end, |last| last + 1)
}

/// "Standard and Poor's" where only "Poor" was taken for a name: a capitalized word the
/// tagger left out, "and", then a name that owns or ends in a legal form are one firm.
fn firm_owner_before_and(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
    let mut repaired: Vec<Name> = Vec::with_capacity(names.len());
    for mut name in names {
        let start = name.words.start;
        if start >= 2 && words[start - 1].bare() == "and" && words[start].joined {
            let first = &words[start - 2];
            let untagged = repaired.last().is_none_or(|before| before.words.end < start - 1);
            let suffixes = through_suffixes(words, name.words.end);
            let owns = words[name.words.end - 1].possessive || suffixes > name.words.end;
            if untagged && owns && first.capitalized() && !first.all_capitals() {
                name = Name { words: start - 2..suffixes, kind: NameKind::Organization };
            }
        }
        repaired.push(name);
    }
    repaired
}

/// Company names the tagger cut at "and": "Kidder Peabody | and Co", "Standard | and |
/// Poor's Corp": a name, "and", then a name or words ending in a legal form are one
/// organization; so are two names joined by "and" when the second owns ("rated AA by
/// Standard | and | Poor's"), but not two known places ("Britain and France's") or two
/// people ("Reagan and Shultz's"), nor two firms ("Ford Motor Co and Chrysler Corp").
fn firms_across_and(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
    let mut repaired: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(mut name) = names.next() {
        let and = name.words.end;
        let after_and = words.get(and).filter(|word| word.bare() == "and").and(words.get(and + 1));
        if !after_and.is_some_and(|word| word.joined && word.capitalized()) {
            repaired.push(name);
            continue;
        }
        let next = names.peek().filter(|next| next.words.start == and + 1).cloned();
        // "Standard and Poor's Corp" whatever the tagger took each part for.
        let end = through_suffixes(words, next.as_ref().map_or(and + 1, |next| next.words.end));
        // The second may be taken for a person: "Standard and Poor's 500"; the first, when
        // each is one word, for anything but a known place or, with the second, a person.
        let one_word_each = |next: &Name| {
            name.words.len() == 1
                && next.words.len() == 1
                && !(name.kind == NameKind::Person && next.kind == NameKind::Person)
                && !paragraph.is_known_place(name.words.clone())
                && !paragraph.is_known_place(next.words.clone())
        };
        let owning_pair = next.as_ref().is_some_and(|next| {
            matches!(next.kind, NameKind::Organization | NameKind::Person)
                && words[next.words.end - 1].possessive
                && (name.kind == NameKind::Organization || one_word_each(next))
        }) && !words[name.words.clone()].iter().chain(&words[and + 1..end]).any(Word::all_capitals);
        // One word at most before the legal form: "Ford Motor Co and Chrysler Corp",
        // "Merrill Lynch Capital Markets and Salomon Brothers Inc" are two firms.
        let legal_forms = words[and + 1..end].iter().rev().take_while(|word| word.is(List::CompanySuffixes)).count();
        let one_firm = end - (and + 1) - legal_forms <= 1 && !words[name.words.end - 1].is(List::CompanySuffixes);
        if end > and + 1 && one_firm && (words[end - 1].is(List::CompanySuffixes) || owning_pair) {
            if next.is_some() {
                names.next();
            }
            name = Name { words: name.words.start..end, kind: NameKind::Organization };
        }
        repaired.push(name);
    }
    repaired
}

/// "Goldman, Sachs and Co", "Kidder, Peabody and Co": one word and a comma before a firm
/// named "Sachs and Co" are the first of its partners.
fn partners_before_and_co(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let (words, text) = (paragraph.words, paragraph.text);
    let mut repaired: Vec<Name> = Vec::with_capacity(names.len());
    for mut name in names {
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
            if repaired.last().is_some_and(|before| before.words == (start - 1..start)) {
                repaired.pop();
            }
            if repaired.last().is_none_or(|before| before.words.end < start) {
                name = Name { words: start - 1..name.words.end, kind: NameKind::Organization };
            }
        }
        repaired.push(name);
    }
    repaired
}

/// "United States Department | of State", "Centers for | Disease Control | and |
/// Prevention": a word that heads organizations' names, followed by "of" or "for" and
/// capitalized words (through "and": "Department of Health and Human Services"; after
/// "the": "Department of the Interior"), is one organization with them and with the
/// capitalized words before it, whatever the tagger took each part for, or left out.
fn organization_heads(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
    let heads = Heads::new(paragraph, &names);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match heads.organization(at) {
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
    let mut extended: Vec<Name> = names.iter().filter(|name| !inside(name)).cloned().collect();
    extended.extend(spans.into_iter().map(|words| Name { words, kind: NameKind::Organization }));
    extended.sort_by_key(|name| name.words.start);
    extended
}

/// The paragraph's names as [`organization_heads`] reads them around a head word.
struct Heads<'p, 'a, 't> {
    paragraph: &'p Paragraph<'a, 't>,
    names: &'p [Name],
    /// The tagger's name holding each word, if any (names do not overlap).
    owners: Vec<Option<usize>>,
}

impl<'p, 'a, 't> Heads<'p, 'a, 't> {
    fn new(paragraph: &'p Paragraph<'a, 't>, names: &'p [Name]) -> Self {
        let mut owners: Vec<Option<usize>> = vec![None; paragraph.words.len()];
        for (index, name) in names.iter().enumerate() {
            owners[name.words.clone()].iter_mut().for_each(|owner| *owner = Some(index));
        }
        Heads { paragraph, names, owners }
    }

    fn name_at(&self, at: usize) -> Option<&Name> {
        self.owners.get(at).copied().flatten().map(|index| &self.names[index])
    }

    fn name_from(&self, at: usize) -> Option<&Name> {
        self.name_at(at).filter(|name| name.words.start == at)
    }

    /// Capitalized words written in lowercase elsewhere in the collection: "Infectious
    /// Disease", "Human Services" are no person's or firm's name, whatever the tagger says.
    fn all_common(&self, name: &Name) -> bool {
        let vocabulary = self.paragraph.knowledge.vocabulary;
        self.paragraph.words[name.words.clone()].iter().all(|word| vocabulary.is_common(word.text))
    }

    /// A person starts here: a given name and another capitalized word ("House of
    /// Representatives Adam Kinzinger"), or a person's name the tagger found ("Darin LaHood").
    fn person_at(&self, at: usize) -> bool {
        let words = self.paragraph.words;
        let given =
            words[at].is(List::GivenNames) && words.get(at + 1).is_some_and(|next| next.capitalized() && next.joined);
        given || self.name_from(at).is_some_and(|name| is_a_person(name) && !self.all_common(name))
    }

    /// Another name starts here: "Union Bank of Switzerland and | Morgan Stanley
    /// International"; not "Marine and | Atmospheric Science" (common words) or
    /// "Volcanology and | Seismology" (one word taken for a person).
    fn another_name_at(&self, at: usize) -> bool {
        let one_word_person = |name: &Name| name.kind == NameKind::Person && name.words.len() == 1;
        self.name_from(at).is_some_and(|name| !(one_word_person(name) || self.all_common(name)))
    }

    /// The organization around the word at `head`, if that word heads one.
    fn organization(&self, head: usize) -> Option<Range<usize>> {
        let words = self.paragraph.words;
        let word = &words[head];
        let head_word = word.is(List::OrganizationHeads) || word.is(List::InstitutionHeads);
        // "John Church of ..." is a person's name.
        if !word.capitalized() || word.all_capitals() || !head_word || self.name_at(head).is_some_and(is_a_person) {
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
        let end = self.end_after_head(first);
        if end == first {
            return None;
        }
        // A name the tagger found that runs on past the organization is left whole.
        let crossing = self.owners.get(end).copied().flatten().is_some_and(|owner| self.owners[end - 1] == Some(owner));
        (!crossing).then_some(self.start_before_head(head)..end)
    }

    /// Where the words after a head's "of" end: capitalized words, "and" before more that
    /// go on the name, "of" before a capitalized word; not a title before a person's name
    /// ("House of Representatives Speaker Nancy Pelosi") nor, once a place is taken in,
    /// "and" ("Port Authority of New York | and New Jersey").
    fn end_after_head(&self, first: usize) -> usize {
        let words = self.paragraph.words;
        let mut end = first;
        let mut place_before = false;
        while let Some(word) = words.get(end) {
            let title =
                word.is(List::Titles) && words.get(end + 1).is_some_and(|next| next.capitalized() && next.joined);
            let capital = word.capitalized()
                && word.joined
                && !word.sentence_start
                && !title
                && !(end > first && self.person_at(end));
            // "Department of Health and Human Services", but not "Department of Energy, and
            // Office of Naval Research", "University of Miami and Chris Fallows".
            let and = word.bare() == "and"
                && word.joined
                && end > first
                && !place_before
                && goes_on_after_and(end + 1, words)
                && !self.person_at(end + 1)
                && !self.another_name_at(end + 1);
            // "District Court for the District of Columbia", "Council of Ex-Muslims of Britain".
            let of = word.bare() == "of"
                && word.joined
                && end > first
                && words.get(end + 1).is_some_and(|next| next.capitalized() && !next.sentence_start);
            if !(capital || and || of) {
                break;
            }
            place_before |=
                word.is(List::PlaceWords) || self.name_at(end).is_some_and(|name| name.kind == NameKind::Place);
            end += 1;
            if capital && word.possessive {
                break;
            }
        }
        end
    }

    /// Back over the capitalized words before the head: "Bavarian State Ministry",
    /// "Massachusetts Institute", whatever the tagger took them for (but not a person's
    /// name, a title, an owner, or a sentence's first word it did not take for a name).
    fn start_before_head(&self, head: usize) -> usize {
        let words = self.paragraph.words;
        let mut start = self.name_at(head).map_or(head, |name| name.words.start);
        while start > 0 && words[start].joined && !words[start].sentence_start {
            let before = &words[start - 1];
            if !before.capitalized() || before.possessive || before.is(List::Titles) {
                break;
            }
            match self.name_at(start - 1) {
                Some(name) if is_a_person(name) => break,
                Some(name) => start = name.words.start,
                None if before.sentence_start => break,
                None => start -= 1,
            }
        }
        start
    }
}

/// A person's name of two words or more.
fn is_a_person(name: &Name) -> bool {
    name.kind == NameKind::Person && name.words.len() > 1
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

/// "United States Postal | Service", "United States Supreme | Court", "United States Coast
/// | Guard": a place followed by capitalized words the tagger left out (or one word it
/// took for an organization), the last of which ends organizations' names, is one
/// organization with them.
fn organizations_after_places(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
    let mut extended: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(mut name) = names.next() {
        let from = name.words.end;
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
fn people_after_titles(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
    let mut split: Vec<Name> = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(name) = names.next() {
        let Some(given) = person_inside(paragraph, &name) else {
            split.push(name);
            continue;
        };
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

/// Where a person starts inside a place's or organization's name, for
/// [`people_after_titles`]: at a given name that ends it before a capitalized word, or at
/// a given name after a title ("Supreme Court Justice Ruth Bader | Ginsburg"), or after an
/// office named after a title ("Chancellor of the | Exchequer Nigel Lawson"). (Only in
/// what the tagger took for an organization, and not in a known place: "Mayor of New York
/// City" names no person "York City".)
fn person_inside(paragraph: &Paragraph<'_, '_>, name: &Name) -> Option<usize> {
    let words = paragraph.words;
    let next = words.get(name.words.end).filter(|word| word.joined && word.capitalized() && !word.all_capitals());
    let office = |at: usize| {
        let of = if at >= 3 && words[at - 2].bare() == "the" { at - 3 } else { at.saturating_sub(2) };
        name.kind == NameKind::Organization
            && of >= 1
            && words[of].bare() == "of"
            && words[of - 1].is(List::Titles)
            && !paragraph.is_known_place(at - 1..name.words.end)
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
    split_here.then_some(given)
}

/// "Rocky De La | Fuente", "Rebecca Nyandeng | De Mabior", "Valéry Giscard | d'Estaing": a
/// person's name that ends in a particle ("De", "Van", "Al"), or that a particle and a
/// capitalized word follow, goes on with them.
fn particles(paragraph: &Paragraph<'_, '_>, names: Vec<Name>) -> Vec<Name> {
    let words = paragraph.words;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_pass;
    use NameKind::{Organization, Person, Place};

    #[test]
    fn organization_heads() {
        assert_pass(
            Pass::OrganizationHeads,
            "The family left on advice from the United States Department of State, officials said.",
            &[("United States", Place), ("State", Organization)],
            &[],
            &["organization United States Department of State"],
            &["organization United States Department"],
        );
    }

    #[test]
    fn organizations_after_places() {
        assert_pass(
            Pass::OrganizationsAfterPlaces,
            "The United States Postal Service does not cover most of the reservation.",
            &[("United States", Place)],
            &[],
            &["organization United States Postal Service"],
            &["place United States", "unknown Postal", "unknown Service"],
        );
    }

    #[test]
    fn people_after_titles() {
        assert_pass(
            Pass::PeopleAfterTitles,
            "Supreme Court Justice Ruth Bader Ginsburg wrote the opinion.",
            &[("Supreme Court Justice Ruth Bader", Organization), ("Ginsburg", Place)],
            &[],
            &["organization Supreme Court", "person Ruth Bader Ginsburg"],
            &["organization Supreme Court Justice Ruth Bader", "place Ginsburg"],
        );
    }

    #[test]
    fn particles() {
        assert_pass(
            Pass::Particles,
            "In party news, businessman Rocky De La Fuente, already the nominee, spoke in Reno.",
            &[("Rocky De La", Person), ("Reno", Place)],
            &[],
            &["person Rocky De La Fuente", "place Reno"],
            &["person Rocky De La", "unknown Fuente", "place Reno"],
        );
    }
}
