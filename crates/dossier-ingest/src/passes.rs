//! The extractor as a recipe: an ordered table of named passes, from cutting words to
//! merging what the collection names into entities. [`Pass::ALL`] is the order they run
//! in; each optional pass can be switched off ([`Passes::without`]) to measure what it
//! earns (`dossier ner eval --without NAME`, `dossier ingest --without NAME`).
//!
//! Each pass is a function of its own, in the module of its stage, with a doc comment
//! saying what it fixes and a test of its own:
//! - [`Stage::Read`]: the words and the learned tagger's names (`tagger`);
//! - [`Stage::Repair`]: repairs of the tagger's names in a paragraph (`repairs`);
//! - [`Stage::Trim`]: words cut from a name's ends (`filing`);
//! - [`Stage::File`]: each name split, dropped, re-kinded or filed (`filing`);
//! - [`Stage::Article`]: what one article's names say of each other (`candidates`);
//! - [`Stage::Resolve`]: across the collection, the ways of writing an entity meet
//!   (`resolve`);
//! - [`Stage::Merge`]: mentions and entities written out (`extract`).

use std::fmt;

/// The stages of the recipe, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Cutting paragraphs into words, and the tagger's reading of them.
    Read,
    /// Repairs of the tagger's names in a paragraph, before any is filed.
    Repair,
    /// Words cut from a name's ends.
    Trim,
    /// Each name, one at a time: split, dropped, given another kind, or filed.
    File,
    /// What an article's names say of each other.
    Article,
    /// Across the collection: the ways of writing an entity meet.
    Resolve,
    /// Mentions and the entity table written out.
    Merge,
}

impl Stage {
    /// The stage's name, as `dossier ner eval --passes` lists it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Repair => "repair",
            Stage::Trim => "trim",
            Stage::File => "file",
            Stage::Article => "article",
            Stage::Resolve => "resolve",
            Stage::Merge => "merge",
        }
    }
}

/// Declares the passes once: the enum, its order, and each pass's name, stage, whether it
/// can be switched off, and what it does.
macro_rules! passes {
    ($($(#[doc = $doc:literal])+ $pass:ident = $name:literal, $stage:ident, $optional:literal;)+) => {
        /// One step of the extractor. The variants are in the order the passes run.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Pass {
            $($(#[doc = $doc])+ $pass,)+
        }

        impl Pass {
            /// Every pass, in the order they run.
            pub const ALL: &[Pass] = &[$(Pass::$pass),+];

            /// The pass's name, as `--without` takes it.
            pub fn name(self) -> &'static str {
                match self { $(Pass::$pass => $name,)+ }
            }

            /// The stage the pass belongs to.
            pub fn stage(self) -> Stage {
                match self { $(Pass::$pass => Stage::$stage,)+ }
            }

            /// Whether the pass can be switched off (the others are the extractor's frame).
            pub fn is_optional(self) -> bool {
                match self { $(Pass::$pass => $optional,)+ }
            }

            /// What the pass does, in one line with an example.
            pub fn summary(self) -> &'static str {
                match self { $(Pass::$pass => first_line(concat!($($doc, "\n"),+)),)+ }
            }
        }
    };
}

/// The first line of a doc comment, without its leading space.
fn first_line(doc: &'static str) -> &'static str {
    doc.lines().next().unwrap_or_default().trim_start()
}

passes! {
    /// Cuts each paragraph into words, each marked with the word lists that hold it.
    Tokenize = "tokenize", Read, false;
    /// The learned tagger reads each paragraph's names ("[person Claudia Sheinbaum]").
    Tag = "tag", Read, false;
    /// A capitalized word, "and", then an owning name is one firm: "Standard and Poor's".
    FirmOwnerBeforeAnd = "firm-owner-before-and", Repair, true;
    /// Names joined by "and" before a legal form or an owner are one firm: "Kidder Peabody and Co".
    FirmsAcrossAnd = "firms-across-and", Repair, true;
    /// A word and a comma before a firm "X and Co" are its first partner: "Goldman, Sachs and Co".
    PartnersBeforeAndCo = "partners-before-and-co", Repair, true;
    /// A head word, "of" or "for" and capitalized words are one organization: "Department of State".
    OrganizationHeads = "organization-heads", Repair, true;
    /// A place and words ending in an organization word are one: "United States Postal Service".
    OrganizationsAfterPlaces = "organizations-after-places", Repair, true;
    /// An office and a given name are split there: "Vice President of the United States | Joe Biden".
    PeopleAfterTitles = "people-after-titles", Repair, true;
    /// A person's name goes on over a particle: "Rocky De La Fuente", "Valéry Giscard d'Estaing".
    Particles = "particles", Repair, true;
    /// Function words, lowercase words and legal forms start no name: "A Reuter survey".
    TrimNameStart = "trim-name-start", Trim, true;
    /// A unit or trade term is no name nor part of one: "6.17 billion N.Z. Dlrs".
    Units = "units", File, true;
    /// An exchange glued to a ticker by a period is no name: "<WAIA.HK>".
    Tickers = "tickers", File, true;
    /// A time zone is no name: "(0645 UTC)".
    TimeZones = "time-zones", File, true;
    /// "and the" inside a name joins two names: "the U.S. And the European Community".
    AndTheSplits = "and-the-splits", File, true;
    /// A name after a kind of vessel or work is no entity: "the dive boat Conception".
    WorksAndVessels = "works-and-vessels", File, true;
    /// An illness named after someone is no person: "Parkinson's disease".
    Illnesses = "illnesses", File, true;
    /// A known place then a person's name are two: "Senator from Vermont Bernie Sanders".
    PlaceThenPerson = "place-then-person", File, true;
    /// A transcript's speaker label in initials is no name: "((WN)) How did you start?".
    SpeakerLabels = "speaker-labels", File, true;
    /// After another name, a common word starts no person: "Minister of Mines and Energy Subroto".
    CommonWordsBeforePeople = "common-words-before-people", File, true;
    /// A lone word before a title is a portfolio: "Agriculture Secretary Richard Lyng".
    PortfoliosBeforeTitles = "portfolios-before-titles", File, true;
    /// A name before a reporting verb is an outlet: "Breitbart Texas reported".
    ReportingVerbs = "reporting-verbs", File, true;
    /// A name ending in a legal form or an organization word is an organization: "Motors Corp".
    OrganizationLastWords = "organization-last-words", File, true;
    /// A person's name ending in a place word is a place: "Kennedy Airport".
    PlaceLastWords = "place-last-words", File, true;
    /// An organization ending in a facility word is a place: "LaGuardia Airport".
    Facilities = "facilities", File, true;
    /// A known place and an organization word are an organization: "United States Navy".
    OrganizationsOfKnownPlaces = "organizations-of-known-places", File, true;
    /// A firm takes in the title or adjective before it: "General Motors Corp".
    AdjectivesBeforeFirms = "adjectives-before-firms", File, true;
    /// Laws, agreements, prizes and wars are no names: "Voting Rights Act", "an Iraq War veteran".
    Events = "events", File, true;
    /// A lone letter, weekday, title, nationality or suffix is no name: "Kuwaiti", "Jr.".
    LoneNonNames = "lone-non-names", File, true;
    /// A lone common word opening a sentence is no name: "Us and them".
    SentenceOpeningWords = "sentence-opening-words", File, true;
    /// A contraction is no name: "I'm", "Don't".
    Contractions = "contractions", File, true;
    /// Files each name as a known entity, a kind, or a lone word to look up across the collection.
    Classify = "classify", File, false;
    /// Capitalized words the tagger left out may be another way of writing a name: "IBM".
    LeftoverCapitals = "leftover-capitals", Article, true;
    /// A vessel's or work's name is none anywhere in its article: "The Conception was owned by".
    WorksEverywhere = "works-everywhere", Article, true;
    /// Names meet under a key: a known entity, a person's first and last name, or a kind and name.
    FileByKey = "file-by-key", Resolve, false;
    /// An acronym defined after a name is one entity with it: "European Community (EC)".
    AcronymsJoinExpansions = "acronyms-join-expansions", Resolve, true;
    /// A lone word or left-out word joins the entity it is another way of writing: "U.S.".
    Aliases = "aliases", Resolve, false;
    /// A surname alone is the person named in full: "Sheinbaum" of Claudia Sheinbaum.
    Surnames = "surnames", Resolve, true;
    /// A given name alone is the one person of its article named with it: "Zhao" of Zhao Ziyang.
    GivenNamesAlone = "given-names-alone", Resolve, true;
    /// "the" and a last word is the name of its article that ends so: "the Times".
    ShortNamesAfterThe = "short-names-after-the", Resolve, true;
    /// A lone word naming a kind of organization is no entity of its own: "the Commission".
    GenericWords = "generic-words", Resolve, true;
    /// A lone person's name the gazetteer knows as a place is that place: "Fla", "Denver".
    KnownAsOther = "known-as-other", Resolve, true;
    /// A lone word the collection mostly writes in lowercase is no entity: "Energy".
    CommonLoneWords = "common-lone-words", Resolve, true;
    /// A name that starts a company's name is that company: "Salomon" of Salomon Brothers Inc.
    CompaniesAbsorbShortForms = "companies-absorb-short-forms", Resolve, true;
    /// A name filed under two kinds goes to its commoner one: "United States" once an organization.
    MinorKinds = "minor-kinds", Resolve, true;
    /// One name written in one article names one thing: "Varity" of Varity Corp.
    OneKindPerName = "one-kind-per-name", Resolve, true;
    /// Mentions get character offsets; entities are sorted by kind and article count.
    Merge = "merge", Merge, false;
}

/// Which passes run: all of them but those switched off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Passes {
    off: u128,
}

/// Why a pass could not be switched off.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassError {
    /// No pass has the name.
    #[error("no pass is named {0:?} (`dossier ner eval --passes` lists them)")]
    Unknown(String),
    /// The pass is part of the extractor's frame.
    #[error("the pass {0:?} cannot be switched off: the extractor has no names without it")]
    Required(&'static str),
}

impl Passes {
    /// Every pass.
    pub fn all() -> Passes {
        Passes::default()
    }

    /// These passes with one more switched off.
    pub fn without(self, pass: Pass) -> Result<Passes, PassError> {
        if !pass.is_optional() {
            return Err(PassError::Required(pass.name()));
        }
        Ok(Passes { off: self.off | 1 << Pass::index(pass) })
    }

    /// Every pass but those named.
    pub fn without_named<S: AsRef<str>>(names: &[S]) -> Result<Passes, PassError> {
        names.iter().try_fold(Passes::all(), |passes, name| {
            let name = name.as_ref();
            let pass = Pass::named(name).ok_or_else(|| PassError::Unknown(name.to_owned()))?;
            passes.without(pass)
        })
    }

    /// Whether the pass runs.
    pub fn runs(&self, pass: Pass) -> bool {
        self.off & 1 << Pass::index(pass) == 0
    }
}

impl Pass {
    /// The pass of this name, if any.
    pub fn named(name: &str) -> Option<Pass> {
        Pass::ALL.iter().copied().find(|pass| pass.name() == name)
    }

    fn index(self) -> usize {
        Pass::ALL.iter().position(|&pass| pass == self).unwrap_or(0)
    }
}

impl fmt::Display for Pass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The passes as `dossier ner eval --passes` prints them: one a line, in order, with the
/// stage, whether it can be switched off, and what it does.
pub fn table() -> String {
    let mut out = String::new();
    for (number, pass) in Pass::ALL.iter().enumerate() {
        let optional = if pass.is_optional() { "" } else { " (always)" };
        out.push_str(&format!(
            "{:>2}  {:<8} {:<32} {}{optional}\n",
            number + 1,
            pass.stage().name(),
            pass.name(),
            pass.summary()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_stages_run_in_order() {
        for (index, pass) in Pass::ALL.iter().enumerate() {
            assert_eq!(Pass::named(pass.name()), Some(*pass), "{pass}");
            assert!(!pass.summary().is_empty() && !pass.summary().contains('\n'), "{pass}");
            if let Some(next) = Pass::ALL.get(index + 1) {
                assert!(pass.stage() as u8 <= next.stage() as u8, "{pass} before {next}");
            }
        }
        assert!(Pass::ALL.len() <= 128, "the switches hold 128 passes");
    }

    #[test]
    fn passes_are_switched_off_by_name_and_the_frame_stays() {
        let optional = Pass::ALL.iter().copied().find(|pass| pass.is_optional()).expect("an optional pass");
        let passes = Passes::without_named(&[optional.name()]).expect("switched off");
        assert!(!passes.runs(optional) && passes.runs(Pass::Tag));
        assert_eq!(Passes::without_named(&["tag"]), Err(PassError::Required("tag")));
        assert_eq!(Passes::without_named(&["no-such-pass"]), Err(PassError::Unknown("no-such-pass".to_owned())));
    }
}
