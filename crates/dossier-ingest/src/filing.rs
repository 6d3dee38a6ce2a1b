//! Filing one name the tagger found (repaired): its ends trimmed, then the rules of
//! [`RULES`] in order, each of which may split the name and file the parts anew, drop it,
//! keep it only as another way of writing a name ([`Class::Unknown`]), or change its
//! words or kind and let the next rule see it; what is left is classified and filed.

use std::ops::Range;

use dossier_format::EntityKind;
use dossier_text::fold;

use crate::{
    candidates::{Candidate, Class, Paragraph},
    lists::List,
    passes::Pass,
    words::Word,
};

/// A name being filed: its words and the kind it is taken for.
#[derive(Clone, Debug)]
pub(crate) struct Filing {
    pub span: Range<usize>,
    pub kind: EntityKind,
    /// A cue has decided the kind: the cues after it are not asked.
    pub cued: bool,
}

/// What a rule did with a name: the next rule sees it, or it is settled (filed, split
/// and its parts filed, or dropped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Next,
    Done,
}

/// A filing rule.
type Rule = fn(&Paragraph<'_, '_>, &mut Filing, &mut Vec<Candidate>) -> Flow;

/// The filing rules, in the order they run; [`Paragraph::classify`] files what is left.
pub(crate) const RULES: &[(Pass, Rule)] = &[
    (Pass::Units, units),
    (Pass::Tickers, tickers),
    (Pass::TimeZones, time_zones),
    (Pass::AndTheSplits, and_the_splits),
    (Pass::WorksAndVessels, works_and_vessels),
    (Pass::Illnesses, illnesses),
    (Pass::PlaceThenPerson, place_then_person),
    (Pass::SpeakerLabels, speaker_labels),
    (Pass::CommonWordsBeforePeople, common_words_before_people),
    (Pass::PortfoliosBeforeTitles, portfolios_before_titles),
    (Pass::ReportingVerbs, reporting_verbs),
    (Pass::OrganizationLastWords, organization_last_words),
    (Pass::PlaceLastWords, place_last_words),
    (Pass::Facilities, facilities),
    (Pass::OrganizationsOfKnownPlaces, organizations_of_known_places),
    (Pass::AdjectivesBeforeFirms, adjectives_before_firms),
    (Pass::Events, events),
    (Pass::LoneNonNames, lone_non_names),
    (Pass::SentenceOpeningWords, sentence_opening_words),
    (Pass::Contractions, contractions),
];

impl Paragraph<'_, '_> {
    /// Files a name the tagger found as `kind`: the rules that run, in order, then
    /// [`Paragraph::classify`].
    pub(crate) fn file(&self, span: Range<usize>, kind: EntityKind, out: &mut Vec<Candidate>) {
        let mut name = Filing { span, kind, cued: false };
        for &(pass, rule) in RULES {
            if self.runs(pass) && rule(self, &mut name, out) == Flow::Done {
                return;
            }
        }
        self.classify(name, out);
    }

    /// Files two parts of a name anew, each through every rule.
    fn file_apart(&self, parts: [(Range<usize>, EntityKind); 2], out: &mut Vec<Candidate>) -> Flow {
        for (span, kind) in parts {
            self.file(span, kind, out);
        }
        Flow::Done
    }

    /// Keeps the words only as another way of writing a name found elsewhere.
    fn file_unknown(&self, span: Range<usize>, out: &mut Vec<Candidate>) -> Flow {
        self.push(span, Class::Unknown, out);
        Flow::Done
    }

    /// The gazetteer's entry for the name, whatever its kind.
    fn entry(&self, span: &Range<usize>) -> Option<usize> {
        self.knowledge.gazetteer.lookup(self.surface(span))
    }

    /// The gazetteer's entry for the name if it is of the name's kind.
    fn known(&self, name: &Filing) -> Option<usize> {
        let gazetteer = self.knowledge.gazetteer;
        self.entry(&name.span).filter(|&known| gazetteer.known[known].kind == name.kind)
    }

    /// Files what the rules left: a known entity of the gazetteer; a one-word name (or a
    /// surname with its particles, "De Clercq") to be looked up first among the
    /// collection's names ("Sheinbaum" is the Claudia Sheinbaum of the same article); or a
    /// name of its kind.
    fn classify(&self, Filing { span, kind, .. }: Filing, out: &mut Vec<Candidate>) {
        let words = self.words;
        let gazetteer = self.knowledge.gazetteer;
        let entry = self.entry(&span);
        let known = entry.filter(|&known| gazetteer.known[known].kind == kind);
        let particles_first = span.len() >= 2 && words[span.start..span.end - 1].iter().all(Word::is_particle);
        let class = match known {
            Some(known) => Class::Known(known),
            None if span.len() == 1 || (kind == EntityKind::Person && particles_first) => Class::Deferred(kind),
            None => Class::Kind(kind),
        };
        let generic = span.len() == 1 && self.is_generic(&words[span.start]);
        self.push(span, class, out);
        if let Some(candidate) = out.last_mut() {
            candidate.generic = generic;
            candidate.known_as_other = entry.filter(|_| known.is_none());
        }
    }

    /// A name without the words at its start that are not part of it (the trimming
    /// pass), unless the gazetteer knows the whole ("The Hague") or it is a company's
    /// ("First Boston Corp").
    pub(crate) fn trimmed(&self, mut span: Range<usize>) -> Range<usize> {
        if !self.runs(Pass::TrimNameStart) {
            return span;
        }
        let company = self.words[span.end - 1].is(List::CompanySuffixes);
        while span.len() > 1 && !company && self.entry(&span).is_none() {
            // "Standard and Poor's yesterday lowered": no name starts with "and", so the
            // word before it stays.
            let before_and = self.words.get(span.start + 1).is_some_and(|next| next.bare() == "and");
            if before_and || !starts_no_name(&self.words[span.start]) {
                break;
            }
            span.start += 1;
        }
        span
    }
}

/// "A Reuter survey", "I emailed FIDE", "Chrysler Corp. REUTER": a function word, a word in
/// lowercase or a legal form starts no name.
fn starts_no_name(word: &Word<'_>) -> bool {
    (word.is(List::NotNames) && !word.text.ends_with('.')) || !word.capitalized() || word.is(List::CompanySuffixes)
}

/// "6.17 billion N.Z. Dlrs", "FOB Singapore": a unit is no name, nor part of one.
fn units(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    if p.words[name.span.clone()].iter().any(|word| word.is(List::Units)) { Flow::Done } else { Flow::Next }
}

/// "Wardley Ltd <WAIA.HK>": the exchange glued to a ticker by a period is no name.
fn tickers(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    if p.glued(name.span.start) { Flow::Done } else { Flow::Next }
}

/// "At 2:45 a.m. local time (0645 UTC)": a time zone is no name, nor part of one.
fn time_zones(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    if p.words[name.span.clone()].iter().any(Word::is_time_zone) { Flow::Done } else { Flow::Next }
}

/// "between the U.S. And the European Community", "the Ministry of Health and the
/// Ministry of Foreign Affairs": "and the" inside a name joins two names (a known place
/// is a place).
fn and_the_splits(p: &Paragraph<'_, '_>, name: &mut Filing, out: &mut Vec<Candidate>) -> Flow {
    let (words, span) = (p.words, name.span.clone());
    let and_the = (span.start + 1..span.end.saturating_sub(2))
        .find(|&at| words[at].bare().eq_ignore_ascii_case("and") && words[at + 1].bare().eq_ignore_ascii_case("the"));
    let Some(and) = and_the else { return Flow::Next };
    let kind_of = |part: &Range<usize>| if p.is_known_place(part.clone()) { EntityKind::Place } else { name.kind };
    let (first, second) = (span.start..and, and + 2..span.end);
    p.file_apart([(first.clone(), kind_of(&first)), (second.clone(), kind_of(&second))], out)
}

/// "the dive boat Conception", "U.S.S. Grayback", "a movie called Argo": a vessel's or a
/// work's name is no entity (see [`Paragraph::title_start`]).
fn works_and_vessels(p: &Paragraph<'_, '_>, name: &mut Filing, out: &mut Vec<Candidate>) -> Flow {
    if p.push_title(&name.span, out) { Flow::Done } else { Flow::Next }
}

/// "Parkinson's disease", "Down syndrome": an illness named after someone is no person.
fn illnesses(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let span = &name.span;
    let next = p.words.get(span.end).filter(|next| next.joined || p.words[span.end - 1].possessive);
    let illness = next.is_some_and(|next| matches!(next.text, "disease" | "syndrome" | "lymphoma" | "palsy"));
    if illness { Flow::Done } else { Flow::Next }
}

/// "Senator from Vermont Bernie Sanders": a known place, then a given name and more
/// capitalized words, taken as one place or organization, are that place and a person.
fn place_then_person(p: &Paragraph<'_, '_>, name: &mut Filing, out: &mut Vec<Candidate>) -> Flow {
    let (words, span) = (p.words, name.span.clone());
    if name.kind == EntityKind::Person {
        return Flow::Next;
    }
    let person_from = (span.start + 1..span.end.saturating_sub(1)).find(|&at| {
        words[at].is(List::GivenNames)
            && words[at..span.end].iter().all(|word| word.capitalized() && !word.all_capitals())
            && p.is_known_place(span.start..at)
    });
    match person_from {
        Some(at) => p.file_apart([(span.start..at, EntityKind::Place), (at..span.end, EntityKind::Person)], out),
        None => Flow::Next,
    }
}

/// "((WN)) How did you...": a transcript's speaker label in initials stands for someone
/// named in full elsewhere, or for the interviewer; no name of its own.
fn speaker_labels(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let span = &name.span;
    let label = span.len() == 1 && p.words[span.start].all_capitals() && {
        let before = p.text[..p.words[span.start].range.start].trim();
        matches!(before, "(" | "((") && p.text[p.words[span.end - 1].range.end..].starts_with(')')
    };
    if label { Flow::Done } else { Flow::Next }
}

/// "Minister of Mines and Energy Subroto": right after another name, a word the
/// collection mostly writes in lowercase, and that is no given name, does not start a
/// person's name (and alone names no person).
fn common_words_before_people(p: &Paragraph<'_, '_>, name: &mut Filing, out: &mut Vec<Candidate>) -> Flow {
    let words = p.words;
    let after_name = name.span.start > 0 && {
        let before = &words[name.span.start - 1];
        before.capitalized() || matches!(before.bare(), "and" | "of")
    };
    if name.kind != EntityKind::Person || !after_name {
        return Flow::Next;
    }
    let vocabulary = p.knowledge.vocabulary;
    let common = |word: &Word<'_>| vocabulary.is_common(word.text) && !word.is(List::GivenNames);
    while name.span.len() > 1 && common(&words[name.span.start]) {
        name.span.start += 1;
    }
    if name.span.len() == 1 && common(&words[name.span.start]) {
        return p.file_unknown(name.span.clone(), out);
    }
    Flow::Next
}

/// The word after the name, unless the name owns something.
fn word_after<'p, 't>(p: &'p Paragraph<'_, 't>, span: &Range<usize>) -> Option<&'p Word<'t>> {
    p.words.get(span.end).filter(|_| !p.words[span.end - 1].possessive)
}

/// "Agriculture Secretary Richard Lyng": a lone word before a title is a portfolio, not a
/// name of its own (it may still be another way of writing one).
fn portfolios_before_titles(p: &Paragraph<'_, '_>, name: &mut Filing, out: &mut Vec<Candidate>) -> Flow {
    let span = &name.span;
    let before_title = word_after(p, span).is_some_and(|next| next.joined && next.is(List::Titles));
    if span.len() == 1 && !p.words[span.start].all_capitals() && before_title {
        return p.file_unknown(span.clone(), out);
    }
    Flow::Next
}

/// Gives the name `kind` if no cue has decided its kind yet and `fits`; a cue that fits
/// decides.
fn cue(name: &mut Filing, fits: impl FnOnce(&Filing) -> bool, kind: EntityKind) -> Flow {
    if !name.cued && fits(name) {
        name.kind = kind;
        name.cued = true;
    }
    Flow::Next
}

/// "Breitbart Texas reported": whatever the name looks like, before a reporting verb it
/// names an outlet.
fn reporting_verbs(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let fits = |name: &Filing| word_after(p, &name.span).is_some_and(|next| next.is(List::ReportingVerbs));
    cue(name, fits, EntityKind::Organization)
}

/// "General Motors Corp", "Australian Petroleum Exploration Association": a name ending
/// in a legal form is an organization, and so is a person's name ending in an
/// organization word, "Bank", "Airport" or "News".
fn organization_last_words(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let fits = |name: &Filing| {
        let last = &p.words[name.span.end - 1];
        let person_as_organization = name.kind == EntityKind::Person
            && (last.is(List::OrganizationWords) || last.is(List::InstitutionHeads) || last.is(List::NewspaperWords));
        name.span.len() >= 2 && (last.is(List::CompanySuffixes) || person_as_organization)
    };
    cue(name, fits, EntityKind::Organization)
}

/// "Kennedy Airport" taken for a person: a person's name ending in a place word is a place.
fn place_last_words(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let fits = |name: &Filing| {
        name.kind == EntityKind::Person && name.span.len() >= 2 && p.words[name.span.end - 1].is(List::PlaceWords)
    };
    cue(name, fits, EntityKind::Place)
}

/// "LaGuardia Airport", "Trafalgar Square": an organization ending in a facility word is
/// a place (not "Savings and Loan Association of Fountain Valley", nor a name the
/// gazetteer knows).
fn facilities(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let fits = |name: &Filing| {
        let words = &p.words[name.span.clone()];
        name.kind == EntityKind::Organization
            && name.span.len() >= 2
            && p.words[name.span.end - 1].is(List::FacilityWords)
            && !words.iter().any(|word| matches!(word.bare(), "of" | "for"))
            && p.entry(&name.span).is_none()
    };
    cue(name, fits, EntityKind::Place)
}

/// "United States Navy", "United States Democratic Party": a known place followed by
/// words ending in an organization word is an organization (not "West Bank", "Russian
/// Federation").
fn organizations_of_known_places(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let fits = |name: &Filing| {
        let span = &name.span;
        name.kind == EntityKind::Place
            && p.words[span.end - 1].is(List::OrganizationWords)
            && (span.start + 1..span.end).any(|end| p.is_known_place(span.start..end))
    };
    cue(name, fits, EntityKind::Organization)
}

/// "General Motors Corp", "Canadian Pacific Ltd": a company takes in the title or
/// adjective the tagger left before it.
fn adjectives_before_firms(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let (words, span) = (p.words, &name.span);
    let first = &words[span.start];
    let firm = name.kind == EntityKind::Organization && words[span.end - 1].is(List::CompanySuffixes);
    if firm && span.start > 0 && first.joined && !first.sentence_start {
        let before = &words[span.start - 1];
        if before.capitalized() && (before.is(List::Titles) || before.is(List::Adjectives)) {
            name.span.start -= 1;
        }
    }
    Flow::Next
}

/// "Voting Rights Act", "Louvre Accord", "Nobel Peace Prize": a law, an agreement, a
/// prize, a contest or a war is no name; nor are the words before the word of one ("an
/// Iraq War veteran", "the Baker Plan"), even a known place.
fn events(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    let (words, span) = (p.words, &name.span);
    let event_word = |word: &Word<'_>| !word.all_capitals() && word.is(List::EventWords);
    let starts_an_event = !words[span.end - 1].possessive
        && words.get(span.end).is_some_and(|next| next.joined && next.capitalized() && event_word(next));
    let ends_in_an_event = span.len() > 1 && event_word(&words[span.end - 1]) && p.known(name).is_none();
    if starts_an_event || ends_in_an_event { Flow::Done } else { Flow::Next }
}

/// Drops the name if the gazetteer does not know it as its kind and `not_a_name` says it
/// is none.
fn unless_known(p: &Paragraph<'_, '_>, name: &Filing, not_a_name: impl FnOnce(&[Word<'_>]) -> bool) -> Flow {
    if p.known(name).is_none() && not_a_name(&p.words[name.span.clone()]) { Flow::Done } else { Flow::Next }
}

/// "E", "Monday", "Jr.", "President", "Kuwaiti", "GNP": one word that is a letter, a word
/// that is never a name, a suffix, a title, a nationality or a common acronym.
fn lone_non_names(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    unless_known(p, name, |words| {
        let [word] = words else { return false };
        word.bare().chars().count() == 1
            || word.is(List::NotNames)
            || word.is(List::NameSuffixes)
            || word.is(List::Titles)
            || word.is(List::Adjectives)
            || word.is_common_acronym()
    })
}

/// "Us and them", "Sadly some were never found", "После того": one word opening a
/// sentence that the collection mostly writes in lowercase, that opens sentences, or that
/// is in another script and capitalized nowhere else in the article.
fn sentence_opening_words(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    unless_known(p, name, |words| {
        let [word] = words else { return false };
        word.sentence_start
            && (p.knowledge.vocabulary.is_common(word.text)
                || word.is(List::Openers)
                || (!word.is_latin() && !p.capitalized.contains(&fold(word.bare()))))
    })
}

/// "I'm", "Don't": a contraction.
fn contractions(p: &Paragraph<'_, '_>, name: &mut Filing, _: &mut Vec<Candidate>) -> Flow {
    unless_known(p, name, |words| {
        let [word] = words else { return false };
        word.text.split(['\'', '’']).nth(1).is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_lowercase))
    })
}

/// Words after which a noun of `work-words.txt` is a verb ("to ship", "they ferry").
const BEFORE_A_VERB: &[&str] =
    &["to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "we", "they", "i", "you"];

impl Paragraph<'_, '_> {
    /// Files the words as a vessel's or a work's name if they are one (see
    /// [`Paragraph::title_start`]); returns whether they are.
    pub(crate) fn push_title(&self, span: &Range<usize>, out: &mut Vec<Candidate>) -> bool {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{tagger::NameKind, testing::assert_pass};
    use NameKind::{Organization, Person, Place};

    #[test]
    fn time_zones() {
        let text = "At 2:45 a.m. local time (0645 UTC), his office said.";
        assert_pass(Pass::TimeZones, text, &[("UTC", Organization)], &[], &[], &["organization UTC"]);
    }

    #[test]
    fn works_and_vessels() {
        let text = "The boat, Conception, caught fire overnight.";
        assert_pass(
            Pass::WorksAndVessels,
            text,
            &[("Conception", Place)],
            &[],
            &["title Conception"],
            &["place Conception"],
        );
    }

    #[test]
    fn illnesses() {
        let text = "He died of Parkinson's disease in 2019.";
        assert_pass(Pass::Illnesses, text, &[("Parkinson", Person)], &[], &[], &["person Parkinson"]);
    }

    #[test]
    fn place_then_person() {
        assert_pass(
            Pass::PlaceThenPerson,
            "Yesterday, United States Senator from Vermont Bernie Sanders won the caucus.",
            &[("United States", Place), ("Vermont Bernie Sanders", Organization)],
            &[],
            &["place United States", "place Vermont", "person Bernie Sanders"],
            &["place United States", "organization Vermont Bernie Sanders"],
        );
    }

    #[test]
    fn speaker_labels() {
        let text = "((WN)) How did you start writing?";
        assert_pass(Pass::SpeakerLabels, text, &[("WN", Organization)], &[], &[], &["organization WN"]);
    }

    #[test]
    fn organization_last_words() {
        let text = "The offering was led by Kidder Peabody Inc on Monday.";
        assert_pass(
            Pass::OrganizationLastWords,
            text,
            &[("Kidder Peabody Inc", Person)],
            &[],
            &["organization Kidder Peabody Inc"],
            &["person Kidder Peabody Inc"],
        );
    }

    #[test]
    fn place_last_words() {
        let text = "He flew into Kennedy Airport on Monday.";
        assert_pass(
            Pass::PlaceLastWords,
            text,
            &[("Kennedy Airport", Person)],
            &[],
            &["place Kennedy Airport"],
            &["person Kennedy Airport"],
        );
    }

    #[test]
    fn organizations_of_known_places() {
        let text = "The United States Navy confirmed the discovery.";
        assert_pass(
            Pass::OrganizationsOfKnownPlaces,
            text,
            &[("United States Navy", Place)],
            &[],
            &["organization United States Navy"],
            &["place United States Navy"],
        );
    }

    #[test]
    fn events() {
        let text = "The Voting Rights Act was passed in 1965.";
        assert_pass(
            Pass::Events,
            text,
            &[("Voting Rights Act", Organization)],
            &[],
            &[],
            &["organization Voting Rights Act"],
        );
    }

    #[test]
    fn lone_non_names() {
        let text = "The talks, Kuwaiti officials said, went on.";
        assert_pass(Pass::LoneNonNames, text, &[("Kuwaiti", Place)], &[], &[], &["place Kuwaiti"]);
    }

    #[test]
    fn sentence_opening_words() {
        let text = "Opposition leaders complained.";
        let counted = ["the opposition said little"];
        assert_pass(Pass::SentenceOpeningWords, text, &[("Opposition", Person)], &counted, &[], &["person Opposition"]);
    }

    #[test]
    fn contractions() {
        let text = "Then I'm told the vote went on.";
        assert_pass(Pass::Contractions, text, &[("I'm", Person)], &[], &[], &["person I'm"]);
    }
}
