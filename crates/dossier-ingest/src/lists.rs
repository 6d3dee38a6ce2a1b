//! The extractor's word lists, kept as data files in `lists/` (one word a line, `#`
//! comments) and read once: titles, given names, the words that mark organizations and
//! places, the verbs that follow names, and words that are never names. The rules read
//! them as cues and the tagger as features.

use rustc_hash::FxHashMap;

/// One word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// Words that, placed before a name, say a person follows ("President", "Gov.").
    Titles,
    /// Last words of newspapers ("The New York *Times*").
    NewspaperWords,
    /// Other last words that make a name an organization ("Bank", "Ministry", "AG").
    OrganizationWords,
    /// First words that make a name an organization ("*Ministry* of Health").
    OrganizationHeads,
    /// Last words that make a name a place ("Cook *County*").
    PlaceWords,
    /// First words that make a name a place ("*County* Kerry").
    PlaceHeads,
    /// Words that follow a person's name ("Sheinbaum *said*").
    SpeechVerbs,
    /// Words that follow a news organization's name ("Breitbart Texas *reported*").
    ReportingVerbs,
    /// Capitalized words that are never names on their own.
    NotNames,
    /// Given names from many languages.
    GivenNames,
    /// Lowercase words that may join capitalized words inside one name ("Bank *of* America").
    Connectors,
    /// Nationality and party adjectives.
    Adjectives,
    /// Words of picture captions that end a name ("Image", "Photo").
    CaptionWords,
    /// Words after a surname that are not the surname ("Jr.", "III").
    NameSuffixes,
    /// Last words of organizations the text may later use alone ("the Court").
    ShortNameWords,
    /// Legal forms that end a company's name ("Corp", "Ltd", "AG").
    CompanySuffixes,
    /// Units and trade terms of wire copy ("Dlrs", "Pct", "FOB"): never part of a name.
    Units,
    /// Adverbs that open a sentence ("Additionally", "Sadly"): no name there. Not one of
    /// the tagger's features (the model was trained without it).
    Openers,
    /// Time zones ("UTC", "EST"): never a name. Not one of the tagger's features.
    TimeZones,
    /// More first words of organizations' names before "of" or "for" ("*Centers* for
    /// Disease Control"), beside [`List::OrganizationHeads`]. Not one of the tagger's
    /// features.
    InstitutionHeads,
    /// Last words of laws, agreements, prizes, contests and wars ("Voting Rights *Act*"):
    /// no person, organization or place. Not one of the tagger's features.
    EventWords,
    /// Abbreviations of common nouns ("GNP", "DNA", "CEO"): never a name on their own.
    /// Not one of the tagger's features.
    CommonAcronyms,
    /// Last words of facilities and natural features ("LaGuardia *Airport*"): a place.
    /// Not one of the tagger's features.
    FacilityWords,
    /// Nouns a vessel's or a work's name follows ("the dive boat Conception", "the film
    /// Argo") and ships' prefixes ("USS"). Not one of the tagger's features.
    WorkWords,
}

impl List {
    pub(crate) const ALL: [List; 24] = [
        List::Titles,
        List::NewspaperWords,
        List::OrganizationWords,
        List::OrganizationHeads,
        List::PlaceWords,
        List::PlaceHeads,
        List::SpeechVerbs,
        List::ReportingVerbs,
        List::NotNames,
        List::GivenNames,
        List::Connectors,
        List::Adjectives,
        List::CaptionWords,
        List::NameSuffixes,
        List::ShortNameWords,
        List::CompanySuffixes,
        List::Units,
        List::Openers,
        List::TimeZones,
        List::InstitutionHeads,
        List::EventWords,
        List::CommonAcronyms,
        List::FacilityWords,
        List::WorkWords,
    ];

    /// Whether the tagger reads the list as a feature: lists added after the model was
    /// trained are read by the rules alone, so the shipped weights stay what training
    /// writes.
    pub(crate) fn is_feature(self) -> bool {
        !matches!(
            self,
            List::Openers
                | List::TimeZones
                | List::InstitutionHeads
                | List::EventWords
                | List::CommonAcronyms
                | List::FacilityWords
                | List::WorkWords
        )
    }

    /// The list's file name without `.txt`; also its name in the tagger's features.
    pub(crate) fn name(self) -> &'static str {
        match self {
            List::Titles => "titles",
            List::NewspaperWords => "newspaper-words",
            List::OrganizationWords => "organization-words",
            List::OrganizationHeads => "organization-heads",
            List::PlaceWords => "place-words",
            List::PlaceHeads => "place-heads",
            List::SpeechVerbs => "speech-verbs",
            List::ReportingVerbs => "reporting-verbs",
            List::NotNames => "not-names",
            List::GivenNames => "given-names",
            List::Connectors => "connectors",
            List::Adjectives => "adjectives",
            List::CaptionWords => "caption-words",
            List::NameSuffixes => "name-suffixes",
            List::ShortNameWords => "short-name-words",
            List::CompanySuffixes => "company-suffixes",
            List::Units => "units",
            List::Openers => "openers",
            List::TimeZones => "time-zones",
            List::InstitutionHeads => "institution-heads",
            List::EventWords => "event-words",
            List::CommonAcronyms => "common-acronyms",
            List::FacilityWords => "facility-words",
            List::WorkWords => "work-words",
        }
    }

    fn text(self) -> &'static str {
        match self {
            List::Titles => include_str!("lists/titles.txt"),
            List::NewspaperWords => include_str!("lists/newspaper-words.txt"),
            List::OrganizationWords => include_str!("lists/organization-words.txt"),
            List::OrganizationHeads => include_str!("lists/organization-heads.txt"),
            List::PlaceWords => include_str!("lists/place-words.txt"),
            List::PlaceHeads => include_str!("lists/place-heads.txt"),
            List::SpeechVerbs => include_str!("lists/speech-verbs.txt"),
            List::ReportingVerbs => include_str!("lists/reporting-verbs.txt"),
            List::NotNames => include_str!("lists/not-names.txt"),
            List::GivenNames => include_str!("lists/given-names.txt"),
            List::Connectors => include_str!("lists/connectors.txt"),
            List::Adjectives => include_str!("lists/adjectives.txt"),
            List::CaptionWords => include_str!("lists/caption-words.txt"),
            List::NameSuffixes => include_str!("lists/name-suffixes.txt"),
            List::ShortNameWords => include_str!("lists/short-name-words.txt"),
            List::CompanySuffixes => include_str!("lists/company-suffixes.txt"),
            List::Units => include_str!("lists/units.txt"),
            List::Openers => include_str!("lists/openers.txt"),
            List::TimeZones => include_str!("lists/time-zones.txt"),
            List::InstitutionHeads => include_str!("lists/institution-heads.txt"),
            List::EventWords => include_str!("lists/event-words.txt"),
            List::CommonAcronyms => include_str!("lists/common-acronyms.txt"),
            List::FacilityWords => include_str!("lists/facility-words.txt"),
            List::WorkWords => include_str!("lists/work-words.txt"),
        }
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The lists among `marks` (as [`Lists::marks`] gives them) that the tagger reads as
    /// features, in order.
    pub(crate) fn features_in(marks: u32) -> impl Iterator<Item = List> {
        List::ALL.into_iter().filter(move |list| list.is_feature() && marks & list.bit() != 0)
    }

    /// Whether `marks` (as [`Lists::marks`] gives them) hold this list.
    pub(crate) fn marked(self, marks: u32) -> bool {
        marks & self.bit() != 0
    }
}

/// Every list, as one lookup from a word (ASCII-lowercased) to the lists that hold it.
#[derive(Debug)]
pub(crate) struct Lists {
    by_word: FxHashMap<String, u32>,
}

impl Lists {
    /// The lists Dossier ships, read from their files: the entry points read them once
    /// and pass them down.
    pub(crate) fn builtin() -> Lists {
        Lists::read(List::ALL.map(|list| (list, list.text())))
    }

    fn read(sources: impl IntoIterator<Item = (List, &'static str)>) -> Lists {
        let mut by_word: FxHashMap<String, u32> = FxHashMap::default();
        for (list, text) in sources {
            for word in entries(text) {
                *by_word.entry(word.to_ascii_lowercase()).or_default() |= list.bit();
            }
        }
        Lists { by_word }
    }

    /// Whether `word` (without a final dot, ignoring ASCII case) is in `list`.
    pub(crate) fn contains(&self, list: List, word: &str) -> bool {
        list.marked(self.marks(word))
    }

    /// Whether `word` is a particle of a person's name ("de", "Van", "al"): a connector
    /// other than "of".
    pub(crate) fn is_particle(&self, word: &str) -> bool {
        is_particle(self.marks(word), word)
    }

    /// The lists that hold `word` (without a final dot, ignoring ASCII case), one bit a
    /// list: a word is looked up once and asked about any list after.
    pub(crate) fn marks(&self, word: &str) -> u32 {
        let bare = word.trim_end_matches('.');
        if bare.bytes().any(|byte| byte.is_ascii_uppercase()) {
            self.by_word.get(&bare.to_ascii_lowercase()).copied().unwrap_or(0)
        } else {
            self.by_word.get(bare).copied().unwrap_or(0)
        }
    }
}

/// Whether a word in the lists `marks` is a particle of a person's name: a connector
/// other than "of".
pub(crate) fn is_particle(marks: u32, word: &str) -> bool {
    List::Connectors.marked(marks) && !word.trim_end_matches('.').eq_ignore_ascii_case("of")
}

/// The words of a list file: one a line, blank lines and `#` comments left out.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs of lists that must not share a word: a word in both would be read as two
    /// opposite cues ("Jan" a month and a given name, "Christian" an adjective and a name).
    const EXCLUSIVE: &[(List, List)] = &[
        (List::GivenNames, List::NotNames),
        (List::GivenNames, List::Adjectives),
        (List::GivenNames, List::Titles),
        (List::GivenNames, List::OrganizationWords),
        (List::GivenNames, List::PlaceWords),
        (List::Titles, List::NotNames),
        (List::Adjectives, List::NotNames),
        (List::OrganizationWords, List::PlaceWords),
        (List::SpeechVerbs, List::GivenNames),
        (List::CompanySuffixes, List::GivenNames),
        (List::CompanySuffixes, List::PlaceWords),
        (List::Units, List::GivenNames),
        (List::Units, List::CompanySuffixes),
        (List::Openers, List::GivenNames),
        (List::TimeZones, List::GivenNames),
        (List::InstitutionHeads, List::GivenNames),
        (List::InstitutionHeads, List::NotNames),
        (List::EventWords, List::GivenNames),
        (List::EventWords, List::OrganizationWords),
        (List::EventWords, List::PlaceWords),
        (List::CommonAcronyms, List::GivenNames),
        (List::CommonAcronyms, List::CompanySuffixes),
        (List::FacilityWords, List::OrganizationWords),
        (List::FacilityWords, List::GivenNames),
        (List::WorkWords, List::GivenNames),
        (List::WorkWords, List::OrganizationWords),
    ];

    fn contradictions(sources: &[(List, &'static str)]) -> Vec<String> {
        let lists = Lists::read(sources.iter().copied());
        let mut found = Vec::new();
        for (list, text) in sources {
            for word in entries(text) {
                for &(a, b) in EXCLUSIVE {
                    if a == *list && lists.contains(b, word) {
                        found.push(format!("{word:?} is in {} and {}", a.name(), b.name()));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn the_lists_do_not_contradict_each_other() {
        let sources: Vec<(List, &'static str)> = List::ALL.iter().map(|list| (*list, list.text())).collect();
        assert_eq!(contradictions(&sources), Vec::<String>::new());
    }

    #[test]
    fn a_contradiction_is_found() {
        let sources = [(List::GivenNames, "# names\nJan\nAna\n"), (List::NotNames, "January\njan\n")];
        assert_eq!(contradictions(&sources), ["\"Jan\" is in given-names and not-names"]);
    }

    #[test]
    fn every_list_has_words_and_lookups_ignore_case_and_a_final_dot() {
        for list in List::ALL {
            assert!(entries(list.text()).next().is_some(), "{} is empty", list.name());
        }
        let lists = Lists::builtin();
        assert!(lists.contains(List::Titles, "Gov."));
        assert!(lists.contains(List::Titles, "PRESIDENT"));
        assert!(!lists.contains(List::Titles, "Sheinbaum"));
        assert_eq!(
            List::features_in(lists.marks("Bank")).collect::<Vec<_>>(),
            [List::OrganizationWords, List::OrganizationHeads]
        );
        assert!(lists.is_particle("De") && !lists.is_particle("of"));
    }
}
