//! Resolving candidates across the collection into entities, in two passes:
//! 1. every classified candidate is filed under a typed [`Key`] (a gazetteer entry; a
//!    person's folded first and last name, so "Donald J. Trump" meets "Donald Trump"; a
//!    kind and folded name), and each way it is written becomes an alias; an acronym
//!    defined next to a name it stands for ("(IBM)") joins that name;
//! 2. deferred and unknown candidates join what they are another way of writing: an
//!    alias or acronym seen anywhere, a surname of a person, "the Times" for a newspaper
//!    named in full in the same article. A deferred candidate that joins nothing becomes
//!    an entity of its own; an unknown one is dropped.
//!
//! Then drafts of one name merge (a company's short name, a rare kind), and within each
//! article an acronym stands for what the article defines it as, and one way of writing
//! names one entity.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    ops::Range,
};

use unicode_segmentation::UnicodeSegmentation;

use dossier_format::{Entity, EntityKind, entity::slug};
use dossier_text::{fold, strip_possessive};

use crate::{
    candidates::{Candidate, Class, Knowledge},
    gazetteer::Gazetteer,
    lists::{List, Lists},
    passes::Pass,
};

/// A name's rarer kind joins its commoner one when it has at most this share (1/n) of
/// the mentions.
const MINOR_KIND_SHARE: usize = 4;

/// What an entity is filed under while the collection is read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer entry.
    Known(usize),
    /// A person, by folded first and last name.
    Person { first: String, last: String },
    /// A person known by one name only ("President Trump" with no full name anywhere).
    Surname(String),
    /// Any other name, by kind and folded name.
    Name(EntityKind, String),
}

/// An entity being assembled across the collection.
#[derive(Debug)]
struct Draft {
    kind: EntityKind,
    fixed_name: Option<&'static str>,
    /// The name a company had before its short forms joined it.
    full_name: Option<String>,
    surfaces: HashMap<String, usize>,
    /// Ways of writing that joined as the short form of a name in the same article ("the
    /// Chamber"): they name the entity only when nothing else does.
    short_forms: HashSet<String>,
}

impl Draft {
    /// How many times the draft is mentioned, in all its ways of writing.
    fn mentions(&self) -> usize {
        self.surfaces.values().sum()
    }

    /// The name the entity is shown under: the gazetteer's, a company's full name, or its
    /// commonest way of writing (a person's fullest; a short form only if nothing else).
    fn name(&self, lists: &Lists) -> String {
        if let Some(name) = self.fixed_name {
            return name.to_owned();
        }
        if let Some(name) = &self.full_name {
            return name.clone();
        }
        // A person is named by their fullest common form, never by a surname alone (with
        // its particles or not: "De Croo" of Herman De Croo).
        let full_name = |surface: &str| surface.contains(' ') && particle_surname(surface, lists).is_none();
        let full_names = self.kind == EntityKind::Person && self.surfaces.keys().any(|surface| full_name(surface));
        let long = self.surfaces.keys().any(|surface| !self.short_forms.contains(surface));
        let mut surfaces: Vec<(&String, &usize)> = self
            .surfaces
            .iter()
            .filter(|(surface, _)| !full_names || full_name(surface))
            .filter(|(surface, _)| !long || !self.short_forms.contains(*surface))
            .collect();
        surfaces.sort_by(|a, b| b.1.cmp(a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(b.0)));
        surfaces.first().map(|(surface, _)| (*surface).clone()).unwrap_or_default()
    }
}

/// A deferred or unknown candidate, as [`Resolver::short_form`] looks it up.
struct Lone<'c> {
    candidate: &'c Candidate,
    folded: String,
    /// The kind the tagger took it for, if any.
    tagged: Option<EntityKind>,
    one_word: bool,
    /// The drafts its article names.
    in_article: &'c HashSet<usize>,
}

pub(crate) struct Resolved {
    pub entities: Vec<Entity>,
    /// Per article: (index into `entities`, paragraph, byte range).
    pub mentions: Vec<Vec<(usize, usize, Range<usize>)>>,
}

pub(crate) struct Resolver<'k> {
    /// The gazetteer, the word lists and which passes run.
    knowledge: &'k Knowledge<'k>,
    drafts: Vec<Draft>,
    by_key: HashMap<Key, usize>,
    /// Folded ways of writing an entity, and acronyms defined next to one.
    aliases: HashMap<String, usize>,
    /// Drafts merged into another after the collection was read: where each went.
    moved: HashMap<usize, usize>,
    /// Folded first words of companies' names ("salomon" of "Salomon Brothers Inc").
    firm_words: HashSet<String>,
    /// Per folded word left to the collection: how often the tagger took it for a person,
    /// and for a place.
    lone_readings: HashMap<String, (usize, usize)>,
}

impl<'k> Resolver<'k> {
    /// The collection's entities, and each article's mentions of them, from the
    /// candidates of each article.
    pub(crate) fn resolve(candidates: &[Vec<Candidate>], knowledge: &'k Knowledge<'k>) -> Resolved {
        let mut resolver = Resolver {
            knowledge,
            drafts: Vec::new(),
            by_key: HashMap::new(),
            aliases: HashMap::new(),
            moved: HashMap::new(),
            firm_words: HashSet::new(),
            lone_readings: HashMap::new(),
        };
        let gazetteer = knowledge.gazetteer;
        // Pass 1: everything that was classified, keyed so that variants meet.
        let mut assigned: Vec<Vec<Option<usize>>> = candidates
            .iter()
            .map(|article| article.iter().map(|candidate| resolver.classified(candidate, gazetteer)).collect())
            .collect();
        if resolver.runs(Pass::AcronymsJoinExpansions) {
            resolver.acronyms_join_what_they_stand_for(candidates, &assigned);
        }
        // Pass 2: short forms and unclassified names join what they match.
        let surnames = resolver.surnames();
        for candidate in candidates.iter().flatten() {
            if let Class::Deferred(kind @ (EntityKind::Person | EntityKind::Place)) = candidate.class {
                let readings = resolver.lone_readings.entry(fold(&candidate.surface)).or_default();
                if kind == EntityKind::Person { readings.0 += 1 } else { readings.1 += 1 }
            }
        }
        resolver.firm_words = resolver.firm_words();
        for (article_index, article) in candidates.iter().enumerate() {
            let in_article: HashSet<usize> = assigned[article_index].iter().flatten().copied().collect();
            for (candidate_index, candidate) in article.iter().enumerate() {
                // A vessel's or a work's name is not even another way of writing one.
                if assigned[article_index][candidate_index].is_some() || candidate.title {
                    continue;
                }
                let draft = resolver.short_form(candidate, &surnames, &in_article);
                if let Some(draft) = draft {
                    *resolver.drafts[draft].surfaces.entry(candidate.surface.clone()).or_default() += 1;
                }
                assigned[article_index][candidate_index] = draft;
            }
        }
        if resolver.runs(Pass::CompaniesAbsorbShortForms) {
            resolver.short_forms_of_companies(&assigned);
        }
        let merged = resolver.merge_minor_kinds();
        for slot in assigned.iter_mut().flatten() {
            *slot = slot.map(|draft| merged[draft]);
        }
        for (article, slots) in candidates.iter().zip(&mut assigned) {
            if resolver.runs(Pass::OneKindPerName) {
                resolver.one_kind_per_name(article, slots);
            }
        }
        resolver.finish(candidates, assigned)
    }

    /// Whether the pass runs.
    fn runs(&self, pass: Pass) -> bool {
        self.knowledge.passes.runs(pass)
    }

    /// The name draft `draft` is shown under.
    fn name_of(&self, draft: usize) -> String {
        self.drafts[draft].name(self.knowledge.lists)
    }

    /// "Kidder Peabody", "E.F. Hutton", "Moody" taken for people, or "Moody" and
    /// "Chrysler" filed as organizations of their own, while the collection also names
    /// "Kidder Peabody and Co Inc", "Moody's Investors Service Inc", "Chrysler Corp": a
    /// name whose every way of writing (a person's every full name) starts a company's
    /// name (one ending in a legal form) is that company. A person is taken for the company on that alone; an
    /// organization only if it shares at least half its articles with the company.
    fn short_forms_of_companies(&mut self, assigned: &[Vec<Option<usize>>]) {
        let lists = self.knowledge.lists;
        let mut companies: HashMap<String, usize> = HashMap::new();
        // Names of several words that are a company's name without its legal form.
        let mut bare_names: HashSet<String> = HashSet::new();
        for (index, words) in self.company_names() {
            let bare = words.iter().rposition(|word| !lists.contains(List::CompanySuffixes, word));
            for end in 1..words.len() {
                let prefix = fold(strip_possessive(&words[..end].join(" ")));
                if end >= 2 && bare == Some(end - 1) {
                    bare_names.insert(prefix.clone());
                }
                let company = companies.entry(prefix).or_insert(index);
                if self.drafts[*company].mentions() < self.drafts[index].mentions() {
                    *company = index;
                }
            }
        }
        let mut articles: Vec<HashSet<usize>> = vec![HashSet::new(); self.drafts.len()];
        for (article, slots) in assigned.iter().enumerate() {
            for draft in slots.iter().flatten() {
                articles[*draft].insert(article);
            }
        }
        for index in 0..self.drafts.len() {
            let draft = &self.drafts[index];
            if draft.fixed_name.is_some() || !matches!(draft.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            // A person's full names decide ("J.P. Morgan"); the surname alone ("Morgan") is
            // theirs whatever it is.
            let full = draft.kind == EntityKind::Person && draft.surfaces.keys().any(|surface| surface.contains(' '));
            // (Its acronym, "GM" of "General Motors (GM)", goes along.)
            let names = || draft.surfaces.keys().filter(|surface| !draft.short_forms.contains(*surface));
            let mut targets = names()
                .filter(|surface| !full || surface.contains(' '))
                .map(|surface| companies.get(&fold(strip_possessive(surface))).copied());
            let Some(Some(company)) = targets.next() else { continue };
            // "Standard and Poor" is "Standard and Poor's Corp" wherever it is written.
            let bare = names().all(|surface| bare_names.contains(&fold(strip_possessive(surface))));
            let shared = articles[index].intersection(&articles[company]).count();
            let together = draft.kind == EntityKind::Person || bare || shared * 2 >= articles[index].len();
            if company != index && together && targets.all(|target| target == Some(company)) {
                // The company keeps its full name, however often the short one is written.
                if self.drafts[company].fixed_name.is_none() && self.drafts[company].full_name.is_none() {
                    self.drafts[company].full_name = Some(self.name_of(company));
                }
                self.absorb(index, company);
                self.moved.insert(index, company);
            }
        }
    }

    /// Where each draft went: the drafts merged after the collection was read (see
    /// [`Resolver::minor_kinds`]) join their target's, through chains of merges.
    fn merge_minor_kinds(&mut self) -> Vec<usize> {
        let mut target: Vec<usize> =
            (0..self.drafts.len()).map(|index| self.moved.get(&index).copied().unwrap_or(index)).collect();
        if self.runs(Pass::MinorKinds) {
            self.minor_kinds(&mut target);
        }
        // A company a person joined may itself have joined another draft.
        for index in 0..target.len() {
            let mut main = target[index];
            while target[main] != main {
                main = target[main];
            }
            target[index] = main;
        }
        for (index, &main) in target.iter().enumerate() {
            if main != index {
                self.absorb(index, main);
            }
        }
        target
    }

    /// The same name filed under two kinds ("United States" once taken for an
    /// organization, 160 times for the place) is one entity when one kind is rare: the
    /// rarer draft joins the commoner (in `target`).
    fn minor_kinds(&self, target: &mut [usize]) {
        let lists = self.knowledge.lists;
        let mut by_name: HashMap<String, usize> = HashMap::new();
        // Each name once (naming a draft sorts its ways of writing).
        let names: Vec<Option<String>> =
            self.drafts.iter().map(|draft| (!draft.surfaces.is_empty()).then(|| fold(&draft.name(lists)))).collect();
        for (index, name) in names.iter().enumerate() {
            let Some(name) = name else { continue };
            let main = by_name.entry(name.clone()).or_insert(index);
            if self.drafts[*main].mentions() < self.drafts[index].mentions() {
                *main = index;
            }
        }
        for (index, name) in names.iter().enumerate() {
            let Some(name) = name else { continue };
            let main = by_name[name];
            if main != index && self.drafts[index].mentions() * MINOR_KIND_SHARE <= self.drafts[main].mentions() {
                target[index] = main;
            }
        }
    }

    /// Acronyms defined in the text ("European Community (EC)") are aliases of what they
    /// follow, and one entity with it: "EC" written alone elsewhere, filed under its own
    /// name, joins the European Community. Where the collection defines an acronym for
    /// several names, it stands for the one it is defined for most often.
    fn acronyms_join_what_they_stand_for(&mut self, candidates: &[Vec<Candidate>], assigned: &[Vec<Option<usize>>]) {
        /// How an acronym is defined across the collection.
        struct Definitions {
            /// How often each draft is defined by it.
            counts: HashMap<usize, usize>,
            /// The first draft defined by it.
            first: usize,
            /// How it is written.
            written: Vec<String>,
        }
        let mut definitions: HashMap<String, Definitions> = HashMap::new();
        for (article, slots) in candidates.iter().zip(assigned) {
            for (candidate, slot) in article.iter().zip(slots) {
                if let (Some(acronym), Some(draft)) = (&candidate.acronym, slot) {
                    let defined = definitions.entry(alias_key(acronym)).or_insert_with(|| Definitions {
                        counts: HashMap::new(),
                        first: *draft,
                        written: Vec::new(),
                    });
                    *defined.counts.entry(*draft).or_default() += 1;
                    defined.written.push(acronym.clone());
                }
            }
        }
        // In order, so that the same collection always gives the same entities.
        let mut definitions: Vec<(String, usize, usize, Vec<String>)> = definitions
            .into_iter()
            .filter_map(|(acronym, defined)| {
                let most =
                    defined.counts.into_iter().max_by_key(|&(draft, count)| (count, std::cmp::Reverse(draft)))?;
                Some((acronym, most.0, defined.first, defined.written))
            })
            .collect();
        definitions.sort_unstable();
        for (acronym, expansion, first, written) in definitions {
            // Only a name the acronym's letters stand for is one entity with it, and named
            // in full ("International Business Machines Corp", not "IBM") however often the
            // acronym is written: not "Drug Administration" of a "Food and Drug
            // Administration (FDA)" the tagger cut, nor a company and its ticker. Another
            // ("Federal Security Service (FSB)") is only an alias, of the first name
            // defined so.
            let full_name = self.name_of(expansion);
            let stands = written.iter().any(|acronym| stands_for(acronym, &full_name));
            if !stands {
                self.aliases.entry(acronym).or_insert(first);
                continue;
            }
            if self.drafts[expansion].fixed_name.is_none() {
                self.drafts[expansion].short_forms.extend(written);
            }
            let Some(&own) = self.aliases.get(&acronym) else {
                self.aliases.insert(acronym, expansion);
                continue;
            };
            let (own_draft, full) = (&self.drafts[own], &self.drafts[expansion]);
            let person = own_draft.kind == EntityKind::Person || full.kind == EntityKind::Person;
            if own == expansion || person || self.moved.contains_key(&own) || self.moved.contains_key(&expansion) {
                continue;
            }
            // The gazetteer's entry keeps its name, whichever of the two it is.
            match (own_draft.fixed_name.is_some(), full.fixed_name.is_some()) {
                (false, _) => {
                    let acronyms: Vec<String> = own_draft.surfaces.keys().cloned().collect();
                    self.absorb(own, expansion);
                    self.drafts[expansion].short_forms.extend(acronyms);
                    self.moved.insert(own, expansion);
                    self.aliases.insert(acronym, expansion);
                }
                (true, false) if own_draft.kind == full.kind => {
                    self.absorb(expansion, own);
                    self.moved.insert(expansion, own);
                }
                (true, _) => {}
            }
        }
    }

    /// One mention written `surface` goes from draft `from` to draft `to`.
    fn reassign(&mut self, surface: &str, from: usize, to: usize) {
        if let Some(count) = self.drafts[from].surfaces.get_mut(surface) {
            *count -= 1;
            if *count == 0 {
                self.drafts[from].surfaces.remove(surface);
            }
        }
        *self.drafts[to].surfaces.entry(surface.to_owned()).or_default() += 1;
    }

    /// One name written in one article names one thing: "USAir" is not the company three
    /// times and a place twice, "Earth" not a place and an organization. Where the same
    /// way of writing went to entities of different kinds, all its mentions go to the one
    /// the article names in full ("USAir Group Inc"); else to any but a person the
    /// collection never names in full ("Petrobras" read as a person); else to the one it
    /// went to most often here; else to the one the collection mentions most, unless the
    /// gazetteer knows one of them. (Entities of one kind stay apart: "Citicorp" and
    /// "Citicorp Investment Bank Ltd" are two companies.)
    fn one_kind_per_name(&mut self, article: &[Candidate], slots: &mut [Option<usize>]) {
        let key = |candidate: &Candidate| alias_key(strip_possessive(&candidate.surface));
        // In order, so that the same collection always gives the same entities.
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, slot) in slots.iter().enumerate() {
            if slot.is_some() {
                by_name.entry(key(&article[index])).or_default().push(index);
            }
        }
        for (name, indices) in by_name {
            let drafts: HashSet<usize> = indices.iter().filter_map(|&index| slots[index]).collect();
            let kinds: HashSet<EntityKind> = drafts.iter().map(|&draft| self.drafts[draft].kind).collect();
            if kinds.len() < 2 {
                continue;
            }
            // A longer way of writing the same draft, in this article, holding the name.
            let named_in_full = |draft: usize| {
                slots.iter().zip(article).any(|(slot, candidate)| {
                    let other = key(candidate);
                    *slot == Some(draft) && other.len() > name.len() && holds_words(&other, &name)
                })
            };
            let here = |draft: usize| indices.iter().filter(|&&index| slots[index] == Some(draft)).count();
            // A person the collection never names by more than one word ("Petrobras",
            // "Swissair" taken for people) is the weakest reading.
            let named_fully = |draft: usize| {
                let draft = &self.drafts[draft];
                draft.kind != EntityKind::Person || draft.surfaces.keys().any(|surface| surface.contains(' '))
            };
            let mut evidence: Vec<((bool, bool, usize), usize)> =
                drafts.iter().map(|&draft| ((named_in_full(draft), named_fully(draft), here(draft)), draft)).collect();
            evidence.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let tied: Vec<usize> =
                evidence.iter().take_while(|(seen, _)| *seen == evidence[0].0).map(|&(_, draft)| draft).collect();
            // ("CALIFORNIA 62 72" of a table of teams beside "at CALIFORNIA": evidence even.)
            if tied.len() > 1 && tied.iter().any(|&draft| self.drafts[draft].fixed_name.is_some()) {
                continue;
            }
            let best = tied
                .iter()
                .copied()
                .max_by_key(|&draft| (self.drafts[draft].mentions(), std::cmp::Reverse(draft)))
                .expect("evidence for two drafts at least");
            for index in indices {
                let Some(draft) = slots[index] else { continue };
                if draft == best {
                    continue;
                }
                self.reassign(&article[index].surface, draft, best);
                slots[index] = Some(best);
            }
        }
    }

    /// Draft `from`'s ways of writing become `into`'s; `from` is left empty (and makes no
    /// entity).
    fn absorb(&mut self, from: usize, into: usize) {
        for (surface, count) in std::mem::take(&mut self.drafts[from].surfaces) {
            *self.drafts[into].surfaces.entry(surface).or_default() += count;
        }
        let short_forms = std::mem::take(&mut self.drafts[from].short_forms);
        self.drafts[into].short_forms.extend(short_forms);
    }

    fn draft(&mut self, key: Key, kind: EntityKind, fixed_name: Option<&'static str>) -> usize {
        *self.by_key.entry(key).or_insert_with(|| {
            self.drafts.push(Draft {
                kind,
                fixed_name,
                full_name: None,
                surfaces: HashMap::new(),
                short_forms: HashSet::new(),
            });
            self.drafts.len() - 1
        })
    }

    /// Files a classified candidate under its entity, creating it when new.
    fn classified(&mut self, candidate: &Candidate, gazetteer: &Gazetteer) -> Option<usize> {
        let (key, kind, fixed_name) = match candidate.class {
            Class::Known(known) => {
                let entry = &gazetteer.known[known];
                (Key::Known(known), entry.kind, Some(entry.name))
            }
            Class::Kind(EntityKind::Person) => {
                (person_key(&candidate.surface, self.knowledge.lists)?, EntityKind::Person, None)
            }
            Class::Kind(kind) => (Key::Name(kind, name_key(&candidate.surface, gazetteer)), kind, None),
            Class::Deferred(_) | Class::Unknown => return None,
        };
        let draft = self.draft(key, kind, fixed_name);
        *self.drafts[draft].surfaces.entry(candidate.surface.clone()).or_default() += 1;
        self.aliases.entry(alias_key(&candidate.surface)).or_insert(draft);
        Some(draft)
    }

    /// Whether the tagger took the word alone for a person at least as often as for a place.
    fn mostly_a_person(&self, folded: &str) -> bool {
        self.lone_readings.get(folded).is_some_and(|(person, place)| person >= place)
    }

    /// Whether a way of writing the person starts with a given name ("Joe Biden").
    fn given_name_first(&self, draft: usize) -> bool {
        let lists = self.knowledge.lists;
        self.drafts[draft]
            .surfaces
            .keys()
            .any(|surface| surface.split_once(' ').is_some_and(|(first, _)| lists.contains(List::GivenNames, first)))
    }

    /// Folded first words of companies' names (those ending in a legal form).
    fn firm_words(&self) -> HashSet<String> {
        self.company_names()
            .filter(|(_, words)| words.len() >= 2)
            .map(|(_, words)| fold(strip_possessive(words[0])))
            .collect()
    }

    /// The ways of writing an organization that end in a legal form ("Salomon Brothers
    /// Inc"), cut into words, with the draft each belongs to.
    fn company_names(&self) -> impl Iterator<Item = (usize, Vec<&str>)> {
        let lists = self.knowledge.lists;
        let organizations = self.drafts.iter().enumerate().filter(|(_, draft)| draft.kind == EntityKind::Organization);
        organizations
            .flat_map(|(index, draft)| draft.surfaces.keys().map(move |surface| (index, surface.split(' ').collect())))
            .filter(move |(_, words): &(usize, Vec<&str>)| {
                words.last().is_some_and(|last| lists.contains(List::CompanySuffixes, last))
            })
    }

    /// Folded last name -> people with that last name.
    fn surnames(&self) -> HashMap<String, Vec<usize>> {
        let lists = self.knowledge.lists;
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
                        .find(|word| word.chars().count() > 1 && !lists.contains(List::NameSuffixes, word))
                        .map(fold)
                })
                .collect();
            // A hyphenated surname is written whole: "Schoch-Spana".
            last_names.extend(draft.surfaces.keys().filter_map(|surface| {
                let last = surface.split_whitespace().next_back()?.trim_matches(|c: char| !c.is_alphanumeric());
                last.contains('-').then(|| fold(last))
            }));
            last_names.sort();
            last_names.dedup();
            for last in last_names {
                surnames.entry(last).or_default().push(index);
            }
        }
        surnames
    }

    /// The entity a deferred or unknown candidate is another way of writing, if any; a
    /// deferred one that is none becomes an entity of its own. The ways are tried in
    /// order: an alias, a surname, a given name, "the" and a short name; then a lone word
    /// that is a kind's, a known entity's or a common word's names nothing of its own.
    fn short_form(
        &mut self,
        candidate: &Candidate,
        surnames: &HashMap<String, Vec<usize>>,
        in_article: &HashSet<usize>,
    ) -> Option<usize> {
        let lone = Lone {
            candidate,
            folded: fold(&candidate.surface),
            tagged: match candidate.class {
                Class::Deferred(kind) => Some(kind),
                _ => None,
            },
            one_word: !candidate.surface.contains(char::is_whitespace),
            in_article,
        };
        let found = self
            .alias(&lone)
            .or_else(|| self.runs(Pass::Surnames).then(|| self.surname(&lone, surnames)).flatten())
            .or_else(|| self.runs(Pass::GivenNamesAlone).then(|| self.given_name(&lone)).flatten())
            .or_else(|| self.runs(Pass::ShortNamesAfterThe).then(|| self.short_name_after_the(&lone)).flatten());
        if found.is_some() {
            return found;
        }
        if candidate.generic && self.runs(Pass::GenericWords) {
            return None;
        }
        // A lone name taken for a person that is nobody's surname, and that the gazetteer
        // knows as a place or organization ("Fla", "Denver"), is that. (Not for other
        // kinds: CoNLL tags teams named after countries as organizations.)
        if let (Some(EntityKind::Person), Some(known), true) =
            (lone.tagged, candidate.known_as_other, self.runs(Pass::KnownAsOther))
        {
            let entry = &self.knowledge.gazetteer.known[known];
            return Some(self.draft(Key::Known(known), entry.kind, Some(entry.name)));
        }
        // "Energy" at a sentence's start: a word the collection mostly writes in lowercase
        // names nothing of its own (an acronym still may: "EC" is not the "ec" of a table).
        let common = candidate.common && !alias_key(&candidate.surface).starts_with('^');
        if common && self.runs(Pass::CommonLoneWords) {
            return None;
        }
        let kind = lone.tagged?;
        let key = if kind == EntityKind::Person { Key::Surname(lone.folded) } else { Key::Name(kind, lone.folded) };
        Some(self.draft(key, kind, None))
    }

    /// Another way of writing a name of the same kind (or, for a word the tagger left out,
    /// of any kind): "U.S." of the United States.
    fn alias(&self, lone: &Lone<'_>) -> Option<usize> {
        [alias_key(&lone.candidate.surface), lone.folded.clone()]
            .into_iter()
            .filter_map(|key| self.aliases.get(&key).copied())
            .find(|&draft| lone.tagged.is_none_or(|kind| self.drafts[draft].kind == kind))
    }

    /// "Sheinbaum" of Claudia Sheinbaum, "De Clercq" of Willy de Clercq: the person a lone
    /// word (or a surname with its particles) is the surname of. Of someone named in the
    /// same article; of someone named elsewhere only if the tagger took the word for a
    /// person, the word starts no firm's name ("Salomon said" is Salomon Brothers', not
    /// Robert Salomon's), and the collection does not name something else so more often
    /// ("Shell" the company, not the "Norske Shell" taken for a person). Where the tagger
    /// saw a place, only of someone named in the same article by a given name ("Joe Biden
    /// ... Biden") or by a word the collection takes alone for a person at least as often
    /// as for a place (not "Chechnya" after a "Lebed Chechnya" of a headline).
    fn surname(&self, lone: &Lone<'_>, surnames: &HashMap<String, Vec<usize>>) -> Option<usize> {
        let candidate = lone.candidate;
        let surname = if lone.one_word {
            Some(lone.folded.clone())
        } else {
            particle_surname(&candidate.surface, self.knowledge.lists)
        };
        let people = surnames.get(&surname.filter(|_| !candidate.common)?)?;
        let mentions = |draft: &usize| self.drafts[*draft].mentions();
        let elsewhere = lone.tagged == Some(EntityKind::Person) && !self.firm_words.contains(&lone.folded);
        let place = lone.tagged == Some(EntityKind::Place);
        let person_here = |draft: &usize| {
            lone.in_article.contains(draft)
                && (!place || self.mostly_a_person(&lone.folded) || self.given_name_first(*draft))
        };
        let person = people
            .iter()
            .filter(|draft| elsewhere || person_here(draft))
            .max_by_key(|draft| (lone.in_article.contains(draft), mentions(draft), std::cmp::Reverse(**draft)))
            .copied()?;
        let other = [EntityKind::Organization, EntityKind::Place]
            .into_iter()
            .filter_map(|kind| self.by_key.get(&Key::Name(kind, lone.folded.clone())).copied())
            .max_by_key(mentions);
        match other {
            Some(other) if !lone.in_article.contains(&person) && mentions(&other) > mentions(&person) => Some(other),
            _ => Some(person),
        }
    }

    /// "Brigid Kosgei ... Brigid", "Zhao Ziyang ... Zhao": a lone word taken for a person
    /// is the one person of the same article whose name it starts, unless the collection
    /// files the word as an organization or place, or a company's name starts with it
    /// ("Pirelli SpA" beside a "Pirelli Cables" taken for a person).
    fn given_name(&self, lone: &Lone<'_>) -> Option<usize> {
        let named_otherwise = || {
            self.firm_words.contains(&lone.folded)
                || [EntityKind::Organization, EntityKind::Place]
                    .into_iter()
                    .any(|kind| self.by_key.contains_key(&Key::Name(kind, lone.folded.clone())))
        };
        if !lone.one_word || lone.tagged != Some(EntityKind::Person) || named_otherwise() {
            return None;
        }
        let mut named = lone.in_article.iter().copied().filter(|&draft| {
            let name = self.name_of(draft);
            self.drafts[draft].kind == EntityKind::Person
                && name.split(' ').count() >= 2
                && name.split(' ').next().is_some_and(|given| fold(given) == lone.folded)
        });
        match (named.next(), named.next()) {
            (Some(person), None) => Some(person),
            _ => None,
        }
    }

    /// "the Times" for The New York Times, "the Commission" for the European Commission,
    /// "the Bank" for the Bank of England, named in the same article: its last word, or
    /// the word before its "of". Where several fit ("the Board"), the most mentioned, then
    /// the first filed: the same collection always gives the same entities.
    fn short_name_after_the(&mut self, lone: &Lone<'_>) -> Option<usize> {
        let candidate = lone.candidate;
        let short_name = candidate.generic || self.knowledge.lists.contains(List::ShortNameWords, &candidate.surface);
        if !(lone.one_word && candidate.after_the && short_name) {
            return None;
        }
        let mentions = |draft: usize| self.drafts[draft].mentions();
        let full = lone
            .in_article
            .iter()
            .copied()
            .filter(|&draft| {
                let name = self.name_of(draft);
                let head = name.split_once(" of ").and_then(|(before, _)| before.rsplit(' ').next());
                self.drafts[draft].kind == EntityKind::Organization
                    && name.contains(' ')
                    && (name.rsplit(' ').next().into_iter().chain(head)).any(|word| fold(word) == lone.folded)
            })
            .max_by_key(|&draft| (mentions(draft), std::cmp::Reverse(draft)))?;
        // However often "the Chamber" is written, it does not name the Chamber of Mines.
        self.drafts[full].short_forms.insert(candidate.surface.clone());
        Some(full)
    }

    fn finish(self, candidates: &[Vec<Candidate>], assigned: Vec<Vec<Option<usize>>>) -> Resolved {
        let mut ids: HashSet<String> = HashSet::new();
        let mut entities = Vec::with_capacity(self.drafts.len());
        // Drafts merged into another are left empty and make no entity.
        let mut numbers: Vec<usize> = Vec::with_capacity(self.drafts.len());
        for draft in &self.drafts {
            numbers.push(entities.len());
            if draft.surfaces.is_empty() {
                continue;
            }
            let name = draft.name(self.knowledge.lists);
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
                    .filter_map(|(candidate, slot)| {
                        Some((numbers[slot?], candidate.paragraph, candidate.range.clone()))
                    })
                    .collect()
            })
            .collect();
        Resolved { entities, mentions }
    }
}

/// How a way of writing an entity is looked up: folded, except that a name written in
/// capitals ("US") is told apart from the same letters in lowercase ("Us", "us").
fn alias_key(surface: &str) -> String {
    if dossier_text::in_capitals(surface, 2) { format!("^{}", fold(surface)) } else { fold(surface) }
}

/// Whether an acronym's letters are initials of a name of two words or more, in any order
/// ("USDA" of "U.S. Agriculture Department", "IBM" of "International Business Machines
/// Corp").
fn stands_for(acronym: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split([' ', '-']).filter(|word| !word.is_empty()).collect();
    // "U.S." gives both its letters.
    let initials: HashSet<char> = words
        .iter()
        .flat_map(|word| {
            let dotted = word.contains('.');
            word.split('.').filter_map(|part| part.chars().next()).take(if dotted { usize::MAX } else { 1 })
        })
        .flat_map(char::to_uppercase)
        .collect();
    words.len() >= 2
        && acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).all(|c| initials.contains(&c))
}

/// Whether `words` stand whole within `text` ("usair" within "usair group inc", not within
/// "usairways"); both are lookup keys as [`alias_key`] makes them.
fn holds_words(text: &str, words: &str) -> bool {
    let (text, words) = (text.trim_start_matches('^'), words.trim_start_matches('^'));
    let boundary = |at: usize| text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(words).any(|(at, _)| {
        let end = at + words.len();
        boundary(at) && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The folded name of an organization or place, a known place it starts with written as
/// the gazetteer names it: "U.S. Navy" and "United States Navy" meet.
fn name_key(surface: &str, gazetteer: &Gazetteer) -> String {
    let words: Vec<&str> = surface.split(' ').collect();
    for length in (1..words.len().min(4)).rev() {
        let prefix = words[..length].join(" ");
        if let Some(known) = gazetteer.place(&prefix) {
            return fold(&format!("{} {}", gazetteer.known[known].name, words[length..].join(" ")));
        }
    }
    fold(surface)
}

/// "De Clercq", "van der Klugt": the folded last word of a name whose other words are all
/// particles.
fn particle_surname(surface: &str, lists: &Lists) -> Option<String> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let (last, particles) = words.split_last()?;
    let all_particles = !particles.is_empty() && particles.iter().all(|word| lists.is_particle(word));
    all_particles.then(|| fold(last))
}

/// A person's key: folded first and last name, leaving out "Jr." and the like; a name of
/// one word is a surname.
fn person_key(surface: &str, lists: &Lists) -> Option<Key> {
    let words: Vec<String> =
        surface.unicode_words().filter(|word| !lists.contains(List::NameSuffixes, word)).map(fold).collect();
    match words.as_slice() {
        [] => None,
        [only] => Some(Key::Surname(only.clone())),
        [first, .., last] => Some(Key::Person { first: first.clone(), last: last.clone() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::Passes;

    /// A candidate of `class` spanning all of `surface`.
    fn candidate(surface: &str, class: Class) -> Candidate {
        crate::testing::candidate(surface, class, false)
    }

    /// "kind name" of the entity each candidate of the one article went to.
    fn resolved(article: Vec<Candidate>) -> Vec<String> {
        resolved_with(article, Passes::all())
    }

    /// [`resolved`] with the passes that `passes` runs.
    fn resolved_with(article: Vec<Candidate>, passes: Passes) -> Vec<String> {
        let built = crate::testing::Built::new(&[]);
        let Resolved { entities, mentions } = Resolver::resolve(&[article], &built.knowledge(passes));
        mentions[0]
            .iter()
            .map(|(entity, _, _)| format!("{} {}", entities[*entity].kind, entities[*entity].name))
            .collect()
    }

    /// Asserts what the candidates of one article go to with the pass and without it.
    #[track_caller]
    fn assert_pass(pass: Pass, article: &[Candidate], with: &[&str], without: &[&str]) {
        let off = Passes::all().without(pass).expect("an optional pass");
        assert_eq!(resolved(article.to_vec()), with, "{pass} on");
        assert_eq!(resolved_with(article.to_vec(), off), without, "{pass} off");
    }

    #[test]
    fn one_kind_per_name() {
        let article = [
            candidate("Varity Corp", Class::Kind(EntityKind::Organization)),
            candidate("Varity", Class::Kind(EntityKind::Place)),
            candidate("Varity", Class::Kind(EntityKind::Place)),
            candidate("Varity", Class::Kind(EntityKind::Organization)),
        ];
        // (The organization "Varity" is still the company's short form.)
        let without = ["organization Varity Corp", "place Varity", "place Varity", "organization Varity Corp"];
        assert_pass(Pass::OneKindPerName, &article, &["organization Varity Corp"; 4], &without);
    }

    #[test]
    fn surnames() {
        let article = [
            candidate("Claudia Sheinbaum", Class::Kind(EntityKind::Person)),
            candidate("Sheinbaum", Class::Deferred(EntityKind::Person)),
        ];
        let without = ["person Claudia Sheinbaum", "person Sheinbaum"];
        assert_pass(Pass::Surnames, &article, &["person Claudia Sheinbaum"; 2], &without);
    }

    #[test]
    fn given_names_alone() {
        let article = [
            candidate("Zhao Ziyang", Class::Kind(EntityKind::Person)),
            candidate("Zhao", Class::Deferred(EntityKind::Person)),
        ];
        assert_pass(
            Pass::GivenNamesAlone,
            &article,
            &["person Zhao Ziyang"; 2],
            &["person Zhao Ziyang", "person Zhao"],
        );
    }

    #[test]
    fn common_lone_words() {
        let energy = Candidate { common: true, ..candidate("Energy", Class::Deferred(EntityKind::Organization)) };
        assert_pass(Pass::CommonLoneWords, &[energy], &[], &["organization Energy"]);
    }

    #[test]
    fn companies_absorb_short_forms() {
        let article = [
            candidate("Salomon Brothers Inc", Class::Kind(EntityKind::Organization)),
            candidate("Salomon", Class::Deferred(EntityKind::Organization)),
        ];
        let without = ["organization Salomon Brothers Inc", "organization Salomon"];
        assert_pass(Pass::CompaniesAbsorbShortForms, &article, &["organization Salomon Brothers Inc"; 2], &without);
    }

    #[test]
    fn a_name_read_as_two_kinds_goes_to_its_commoner_reading_a_lone_word_person_last() {
        let found = resolved(vec![
            candidate("Venice", Class::Kind(EntityKind::Organization)),
            candidate("Venice", Class::Kind(EntityKind::Place)),
            candidate("Venice", Class::Kind(EntityKind::Place)),
        ]);
        assert_eq!(found, ["place Venice"; 3]);
        // Read twice as a person, but no one is ever named so in full.
        let found = resolved(vec![
            candidate("Tanjug", Class::Kind(EntityKind::Person)),
            candidate("Tanjug", Class::Kind(EntityKind::Organization)),
            candidate("Tanjug", Class::Kind(EntityKind::Person)),
        ]);
        assert_eq!(found, ["organization Tanjug"; 3]);
    }

    #[test]
    fn an_acronym_stands_for_a_name_whose_initials_it_holds() {
        assert!(stands_for("USDA", "U.S. Agriculture Department"));
        assert!(stands_for("IBM", "International Business Machines Corp"));
        assert!(stands_for("EC", "European Community"));
        // A name the tagger cut, a ticker, a lone word.
        assert!(!stands_for("FDA", "Drug Administration"));
        assert!(!stands_for("CMB", "Chase Manhattan Corp"));
        assert!(!stands_for("SA", "SA"));
    }

    #[test]
    fn even_readings_of_a_name_the_gazetteer_knows_stay_apart() {
        // "CALIFORNIA 62 72" in a table of teams, beside "at CALIFORNIA".
        let known = Gazetteer::builtin().place("California").expect("the gazetteer knows California");
        let found = resolved(vec![
            candidate("California", Class::Kind(EntityKind::Organization)),
            candidate("California", Class::Known(known)),
        ]);
        assert_eq!(found, ["organization California", "place California"]);
    }
}
