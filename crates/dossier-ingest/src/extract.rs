//! Entity extraction: finds the people, organizations and places a collection's articles
//! name, merges the ways each is written ("Sheinbaum" is "Claudia Sheinbaum" seen
//! elsewhere, "U.S." is the United States, "the Times" is The New York Times seen before),
//! and records every mention with its offsets.
//!
//! The recipe, whose passes [`Pass::ALL`](crate::passes::Pass::ALL) lists in order (`dossier ner eval --passes`):
//! 1. read: each paragraph is cut into words and the learned [`tagger`](crate::tagger)
//!    reads its names, with the gazetteer and the collection's word statistics among its
//!    evidence;
//! 2. repair, trim, file ([`candidates`](crate::candidates)): the tagger's names are
//!    repaired, trimmed and filed one by one as candidates, split, dropped or given
//!    another kind where general knowledge of names says so;
//! 3. resolve ([`resolve`](crate::resolve)): across the collection, full names absorb
//!    their short forms, acronyms join what they abbreviate, and every way of writing an
//!    entity becomes one of its aliases;
//! 4. merge: mentions get character offsets, and entities are sorted.
//!
//! The model, the gazetteer and the word lists are built here, once, and passed down.

use std::collections::{HashMap, HashSet};

use dossier_format::{Article, Entity, Mention};
use rayon::prelude::*;

use crate::{
    candidates::{Candidate, Knowledge},
    gazetteer::Gazetteer,
    lists::Lists,
    passes::Passes,
    resolve::{Resolved, Resolver},
    tagger::Model,
    words::Vocabulary,
};

/// Finds the entities of a collection, sets each article's [`Article::mentions`] and
/// returns the entity table (sorted by kind, then by how many articles mention each).
pub fn annotate(articles: &mut [Article]) -> Vec<Entity> {
    annotate_with(articles, Model::builtin(), Passes::all())
}

/// [`annotate`] with another name-tagger model, and only the passes that `passes` runs.
pub fn annotate_with(articles: &mut [Article], model: &Model, passes: Passes) -> Vec<Entity> {
    let (gazetteer, lists) = (Gazetteer::builtin(), Lists::builtin());
    let vocabulary = model.vocabulary(Vocabulary::of(articles));
    let knowledge = Knowledge { gazetteer: &gazetteer, lists: &lists, vocabulary: &vocabulary, passes };
    // Each article is read on its own, on every core; `collect` keeps their order.
    let candidates: Vec<Vec<Candidate>> =
        articles.par_iter().map(|article| knowledge.candidates(model, article)).collect();
    merge(articles, Resolver::resolve(&candidates, &knowledge))
}

/// The [`Pass::Merge`](crate::passes::Pass::Merge) pass: each article's mentions, with character offsets, and the
/// entity table sorted by kind, then by how many articles mention each.
fn merge(articles: &mut [Article], resolved: Resolved) -> Vec<Entity> {
    let mut entities = resolved.entities;
    for (article, mentions) in articles.iter_mut().zip(resolved.mentions) {
        // Byte offsets to character offsets, counting on from the mention before (they
        // come in reading order), so a paragraph of 10,000 names is read once.
        let mut counted = (usize::MAX, 0, 0);
        let mut chars = |paragraph: usize, byte: usize| {
            let text = &article.body[paragraph];
            let (last_paragraph, last_byte, last_char) = counted;
            let (from_byte, from_char) =
                if last_paragraph == paragraph && last_byte <= byte { (last_byte, last_char) } else { (0, 0) };
            let count = from_char + text[from_byte..byte].chars().count();
            counted = (paragraph, byte, count);
            count as u32
        };
        article.mentions = mentions
            .into_iter()
            .map(|(entity, paragraph, range)| Mention {
                entity: entities[entity].id.clone(),
                paragraph: paragraph as u32,
                start: chars(paragraph, range.start),
                end: chars(paragraph, range.end),
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

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_format::fixtures;

    use crate::parse::parse_text_article;

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

    /// Asserts that every expected "kind name" line is among the summary's.
    fn assert_found(names: &[String], expected: &[&str]) {
        for name in expected {
            assert!(names.iter().any(|found| found == name), "{name}: {names:?}");
        }
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
    fn two_organizations_joined_by_and_where_the_second_owns_are_one_firm() {
        let (entities, _) = extract(&["The bond was rated AA by Standard and Poor's, the agency said."]);
        assert_eq!(summary(&entities), ["organization Standard and Poor"]);
        // Acronyms stay apart: "the EC and GATT's rules" names two bodies.
        let (entities, _) = extract(&["Talks between the EC and GATT's officials went on."]);
        let names = summary(&entities);
        assert!(names.iter().all(|name| !name.contains(" and ")), "{names:?}");
    }

    #[test]
    fn units_tickers_and_acronyms_that_spell_a_month_are_no_names() {
        let (entities, articles) = extract(&[
            "Retail sales totalled 6.17 billion N.Z. Dlrs in the quarter, Wardley Ltd <WAIA.HK> said.",
            "Societe Europeenne de Propulsion (SEP) will build the engine.",
            "COCOA VOLUME MAY 820 JLY 1081 SEP 39 DEC 63",
        ]);
        let names = summary(&entities);
        assert!(names.iter().all(|name| !name.contains("Dlrs") && !name.contains("HK")), "{names:?}");
        assert!(articles[2].mentions.is_empty(), "{names:?}");
    }

    #[test]
    fn a_persons_name_starts_after_common_words_and_never_ends_in_an_organization_word() {
        let (entities, _) = extract(&[
            "Energy prices and energy demand rose, Minister of Mines and Energy Subroto told the Australian \
             Petroleum Exploration Association on Monday.",
        ]);
        let names = summary(&entities);
        assert!(names.contains(&"person Subroto".to_owned()), "{names:?}");
        assert!(
            names.iter().any(|name| name.starts_with("organization") && name.ends_with("Association")),
            "{names:?}"
        );
    }

    #[test]
    fn a_company_written_without_its_legal_form_is_that_company() {
        let (entities, _) = extract(&[
            "In a rare move, Standard and Poor's Corp downgraded the debt of the utility.",
            "The notes are rated AA by Standard and Poor's, the agency said.",
        ]);
        assert_eq!(summary(&entities), ["organization Standard and Poor's Corp (Standard and Poor)"]);
    }

    #[test]
    fn a_company_named_in_full_keeps_its_short_name_from_a_person_named_elsewhere() {
        // "Company" ends a firm's name as "Co" does: the Ford that said things is the
        // carmaker of its article, not the president of another.
        let (entities, articles) = extract(&[
            "He was nominated to the Supreme Court in 1975 by President Gerald Ford.",
            "On Friday Ford Motor Company announced an investigation. Ford said in a filing that it \
             disclosed the matter.",
        ]);
        let named = |article: usize| -> Vec<String> {
            let mut names: Vec<String> = articles[article]
                .mentions
                .iter()
                .map(|mention| entities.iter().find(|entity| entity.id == mention.entity).expect("known").name.clone())
                .collect();
            names.dedup();
            names
        };
        assert_eq!(named(1), ["Ford Motor Company"], "{:?}", summary(&entities));
        assert!(named(0).contains(&"Gerald Ford".to_owned()), "{:?}", summary(&entities));
    }

    #[test]
    fn one_name_in_one_article_names_one_thing() {
        // Alone, the tagger reads one "Varity" here as a place.
        let (entities, articles) = extract(&[
            "Varity Corp said Perkins Engines, Varity's British-based diesel engine subsidiary, introduced \
             three families of new industrial diesels, ranging from 37 to 400 horsepower.\n\nThe new models \
             include four and six cylinder units, two to 12 liters in displacement, Varity said.",
        ]);
        let mut named: HashMap<String, HashSet<String>> = HashMap::new();
        for mention in &articles[0].mentions {
            let paragraph: Vec<char> = articles[0].body[mention.paragraph as usize].chars().collect();
            let written: String = paragraph[mention.start as usize..mention.end as usize].iter().collect();
            let entity = entities.iter().find(|entity| entity.id == mention.entity).expect("known");
            named.entry(written).or_default().insert(format!("{} {}", entity.kind, entity.name));
        }
        assert_eq!(named["Varity"], HashSet::from(["organization Varity Corp".to_owned()]), "{named:?}");
        assert!(named.values().all(|entities| entities.len() == 1), "{named:?}");
    }

    #[test]
    fn an_acronym_is_one_entity_with_the_name_it_stands_for_named_in_full() {
        let (entities, articles) = extract(&[
            "International Business Machines Corp (IBM) said its profit rose. IBM shares gained.",
            "IBM said it would cut prices of its personal computers.",
        ]);
        let names = summary(&entities);
        assert_found(&names, &["organization International Business Machines Corp (IBM)"]);
        let ibm = entities.iter().find(|entity| entity.name == "International Business Machines Corp").expect("named");
        assert!(articles[..2].iter().all(|article| article.mentions.iter().all(|m| m.entity == ibm.id)), "{names:?}");
        // The acronym goes along when its name is a company's short name.
        let (entities, _) = extract(&[
            "General Motors Corp said it would close a plant in Michigan.",
            "The carmaker General Motors (GM) cut prices. GM shares fell.",
        ]);
        assert_found(&summary(&entities), &["organization General Motors Corp (GM, General Motors)"]);
    }

    #[test]
    fn vessels_works_and_illnesses_are_no_names_in_their_whole_article() {
        let (entities, _) = extract(&[
            "The boat, Conception, caught fire overnight off Santa Cruz Island. The Conception was owned by \
             Truth Aquatics.",
            "The Tambor-class submarine U.S.S. Grayback was found near Okinawa. The Grayback was short on \
             torpedoes, Tim Taylor said.",
            "Tony Mendez posed as a producer of a supposed movie called Argo. The Argo rescue stayed secret. \
             He later titled his memoir The Master of Disguise, and died of Parkinson's disease.",
        ]);
        let names = summary(&entities);
        assert_found(&names, &["organization Truth Aquatics", "place Okinawa", "person Tony Mendez"]);
        assert!(
            names.iter().all(|name| !["Conception", "Grayback", "Argo", "Disguise", "Parkinson"]
                .iter()
                .any(|work| name.contains(work))),
            "{names:?}"
        );
        // Not the verb, nor USX's steel arm, nor the person a film is named after.
        let (entities, _) = extract(&[
            "Egypt plans to ship U.S. wheat next month, while USS Chemicals said it would close a plant.",
            "Bob Lazar worked near Area 51. A 2018 documentary film titled Bob Lazar: Area 51 & Flying \
             Saucers tells his story.",
        ]);
        assert_found(
            &summary(&entities),
            &["place United States (U.S.)", "organization USS Chemicals", "person Bob Lazar"],
        );
    }

    #[test]
    fn a_known_place_before_a_persons_name_is_a_place_and_a_person() {
        let (entities, _) =
            extract(&["Yesterday, United States Senator from Vermont Bernie Sanders won the Democratic Party's \
             Nevada caucus."]);
        let names = summary(&entities);
        assert_found(
            &names,
            &["person Bernie Sanders", "place Vermont", "organization Democratic Party", "place Nevada"],
        );
        assert!(names.iter().all(|name| !name.contains("Vermont Bernie") && !name.contains("'s Nevada")), "{names:?}");
        // And a known place that owns the rest of a name.
        let (entities, _) =
            extract(&["Scientists from China's Tsinghua University and West Germany's Siemens AG reported it."]);
        let names = summary(&entities);
        assert_found(&names, &["organization Tsinghua University", "organization Siemens AG", "place China"]);
        assert!(names.iter().all(|name| !name.contains("'s ")), "{names:?}");
    }

    #[test]
    fn a_common_word_opening_a_sentence_stays_before_a_word_naming_a_kind() {
        // "sky" is a common word here; "News" alone names nothing.
        let (entities, _) =
            extract(&["The sky was clear over the sea. Sky News said the crash was the fourth this year."]);
        assert_found(&summary(&entities), &["organization Sky News"]);
    }

    #[test]
    fn a_chamber_heads_a_name_as_a_ministry_does() {
        let (entities, _) = extract(&[
            "The talks matter, said American Chamber of Commerce president George Drysdale.",
            "Younger told a U.S. Chamber of Commerce meeting that legislators erred.",
            "The Japan Chamber of Commerce and Industry said exports fell.",
        ]);
        assert_found(
            &summary(&entities),
            &[
                "organization American Chamber of Commerce",
                "organization U.S. Chamber of Commerce",
                "organization Japan Chamber of Commerce and Industry",
            ],
        );
    }

    #[test]
    fn the_commission_is_the_commission_named_in_full_and_never_names_it() {
        // Written alone three times to once in full, it still is not the entity's name.
        let (entities, _) =
            extract(&["The ruling came from the National Arbitration Commission on Monday. The Commission said it \
             would meet again, and the Commission added that talks would go on. Later the Commission \
             repeated it."]);
        assert_eq!(summary(&entities), ["organization National Arbitration Commission (Commission)"]);
    }

    #[test]
    fn two_complete_firms_joined_by_and_are_two() {
        let (entities, _) = extract(&[
            "The notes were offered through Merrill Lynch Capital Markets and Salomon Brothers Inc, the bank said.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().all(|name| !name.contains(" and ")), "{names:?}");
    }

    #[test]
    fn a_portfolio_before_a_title_is_no_name_of_its_own() {
        let (entities, _) = extract(&["U.S. Agriculture Secretary Richard Lyng said exports would rise."]);
        let names = summary(&entities);
        assert!(names.contains(&"person Richard Lyng".to_owned()), "{names:?}");
        assert!(names.iter().all(|name| !name.ends_with(" Agriculture")), "{names:?}");
    }

    #[test]
    fn time_zones_sentence_openers_and_names_glued_to_a_number_are_no_names() {
        let (entities, articles) = extract(&[
            "At 2:45 a.m. local time (0645 UTC), his office said, he had left.",
            "Additionally, the council met in private. Sadly some were never found.",
            "COVID-19 was previously announced to be a pandemic by the health minister.",
            "Мечта стать врачом осталась. После того, как у нее случился инсульт, она ушла.",
        ]);
        let names = summary(&entities);
        assert!(articles.iter().all(|article| article.mentions.is_empty()), "{names:?}");
    }

    #[test]
    fn a_hyphen_holds_a_name_together() {
        let (entities, _) = extract(&[
            "Canadian artist Paul Sun-Hyung Lee spoke on Tuesday. She met Monica Schoch-Spana of Johns Hopkins University, and Schoch-Spana said more.",
        ]);
        let names = summary(&entities);
        assert_found(
            &names,
            &[
                "person Paul Sun-Hyung Lee",
                "person Monica Schoch-Spana (Schoch-Spana)",
                "organization Johns Hopkins University",
            ],
        );
    }

    #[test]
    fn a_firm_named_by_two_words_and_and_keeps_its_first_word() {
        let (entities, _) = extract(&[
            "The standard rate is the standard one, a standard of standards.",
            "Standard and Poor's yesterday lowered the rating on Danish debt.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().any(|name| name.starts_with("organization Standard and Poor")), "{names:?}");
        assert!(names.iter().all(|name| name != "organization Poor"), "{names:?}");
    }

    #[test]
    fn partners_before_and_co_are_one_firm() {
        let (entities, _) = extract(&[
            "The sale is being co-managed by Goldman, Sachs and Co and Montgomery Securities.",
            "Goldman, Sachs and Co is lead underwriter for the offering.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().any(|name| name.starts_with("organization Goldman, Sachs and Co")), "{names:?}");
        assert!(
            names.iter().all(|name| name != "organization Goldman" && !name.starts_with("organization Sachs")),
            "{names:?}"
        );
    }

    #[test]
    fn and_the_inside_a_name_joins_two_names() {
        let (entities, _) = extract(&[
            "Already strained relations between the U.S. And the European Community are likely to get worse.",
            "The Ministry of Health and the Ministry of Foreign Affairs of Cuba said on Monday that travel was banned.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().all(|name| !name.to_lowercase().contains("and the")), "{names:?}");
        assert!(names.iter().any(|name| name.ends_with(" European Community")), "{names:?}");
        assert!(names.iter().any(|name| name.ends_with(" Ministry of Foreign Affairs of Cuba")), "{names:?}");
    }

    #[test]
    fn a_title_between_an_office_and_a_persons_name_ends_the_office() {
        let (entities, _) = extract(&[
            "Former Vice President of the United States Joe Biden won the primary, and Biden thanked voters.",
            "Supreme Court Justice Ruth Bader Ginsburg wrote the opinion.",
            "Chancellor of the Exchequer Nigel Lawson said sterling was firm.",
            "Rudy Giuliani, the former Mayor of New York City, gave them a copy.",
        ]);
        let names = summary(&entities);
        assert!(names.contains(&"person Joe Biden (Biden)".to_owned()), "{names:?}");
        assert!(names.contains(&"person Ruth Bader Ginsburg".to_owned()), "{names:?}");
        assert!(names.contains(&"person Nigel Lawson".to_owned()), "{names:?}");
        assert!(names.contains(&"place New York City".to_owned()), "{names:?}");
        assert!(names.iter().all(|name| !name.contains("States Joe") && !name.contains("Justice")), "{names:?}");
    }

    #[test]
    fn a_department_of_something_is_one_organization() {
        let (entities, _) = extract(&[
            "The family left on advice from the United States Department of State, officials said.",
            "United States House of Representatives Speaker Nancy Pelosi called the vote.",
        ]);
        let names = summary(&entities);
        assert!(names.contains(&"organization United States Department of State".to_owned()), "{names:?}");
        assert!(names.contains(&"person Nancy Pelosi".to_owned()), "{names:?}");
        assert!(names.iter().all(|name| !name.contains("Speaker")), "{names:?}");
    }

    #[test]
    fn an_institution_of_or_for_something_is_named_in_full() {
        let (entities, _) = extract(&[
            "Officials at the Centers for Disease Control and Prevention said the virus spread.",
            "Yesterday evening, the Bavarian State Ministry of Public Health and Health Care in Munich confirmed a case.",
            "The suit was filed in U.S. District Court for the Southern District of New York on Monday.",
            "\"We will do our utmost,\" Ministry of International Trade and Industry officials said.",
        ]);
        let names = summary(&entities);
        assert_found(
            &names,
            &[
                "organization Centers for Disease Control and Prevention",
                "organization Bavarian State Ministry of Public Health and Health Care",
                "organization U.S. District Court for the Southern District of New York",
                "organization Ministry of International Trade and Industry",
            ],
        );
    }

    #[test]
    fn an_institution_ends_before_another_name_after_and() {
        let (entities, _) = extract(&[
            "The shares were placed by Union Bank of Switzerland and Morgan Stanley International in London.",
            "The study was led by the University of Miami and Chris Fallows, a photographer.",
            "Republican members of the House of Representatives Adam Kinzinger and Mike Bost voted no.",
            "Scientists from the University of Washington and Center for Ecosystem Sentinels examine it.",
            "It was funded by the Department of Energy, and Office of Naval Research.",
            "The Ministry of Health, and Public Works engineers, agreed on the plan.",
            "The Bank of Iron County and Summit Savings agreed to merge.",
        ]);
        let names = summary(&entities);
        assert_found(
            &names,
            &["organization Union Bank of Switzerland", "person Chris Fallows", "person Adam Kinzinger"],
        );
        assert!(names.iter().all(|name| !name.contains(" and ")), "{names:?}");
    }

    #[test]
    fn a_place_and_a_word_that_ends_organizations_names_are_one_organization() {
        let (entities, _) = extract(&[
            "The United States Postal Service does not cover most of the reservation.",
            "The case went to the United States Supreme Court last year.",
        ]);
        let names = summary(&entities);
        assert_found(
            &names,
            &["organization United States Postal Service", "organization United States Supreme Court"],
        );
    }

    #[test]
    fn laws_agreements_prizes_and_contests_are_no_names() {
        let (entities, articles) = extract(&[
            "The Voting Rights Act was passed in 1965.",
            "Finance ministers met to review the Louvre Accord in Paris.",
            "She won the Nobel Peace Prize and later the Chicago Marathon.",
            "Delegates at the Libertarian National Convention nominated her.",
            "Leaders meet at the Venice Economic Summit next week.",
            "Adam Kokesh, an Iraq War veteran, spoke.",
        ]);
        let names = summary(&entities);
        assert!(
            names.iter().all(|name| !["Act", "Accord", "Prize", "Marathon", "Convention", "Summit"]
                .iter()
                .any(|word| name.ends_with(word))),
            "{names:?}"
        );
        assert!(names.contains(&"place Paris".to_owned()), "{names:?}");
        assert!(names.iter().all(|name| !name.contains("Iraq")), "{names:?}");
        assert!(articles.iter().all(|article| article.mentions.len() <= 1), "{names:?}");
    }

    #[test]
    fn abbreviations_of_common_nouns_are_no_names() {
        let (entities, articles) = extract(&[
            "Gross National Product (GNP) rose 1.2 pct, and GNP is seen rising again.",
            "The DNA samples were sent to the lab, and LGBT groups welcomed the CEOs.",
        ]);
        let names = summary(&entities);
        assert!(articles.iter().all(|article| article.mentions.is_empty()), "{names:?}");
    }

    #[test]
    fn a_facility_is_a_place_and_a_countrys_navy_an_organization() {
        let (entities, _) = extract(&[
            "He was found at a hostel near LaGuardia Airport.",
            "The storm hit tourist attractions such as the Kalibo International Airport.",
            "The United States Navy announced the discovery of the submarine.",
            "The United States Coast Guard said it had found the boat.",
            "The United States Department of Justice is investigating the company.",
            "The plaintiffs were Western Native Voice, Blackfeet Nation, Confederated Salish and Kootenai Tribes, and Crow Tribe.",
        ]);
        let names = summary(&entities);
        assert_found(
            &names,
            &[
                "place LaGuardia Airport",
                "place Kalibo International Airport",
                "organization United States Navy",
                "organization United States Coast Guard",
                "organization United States Department of Justice",
                "organization Blackfeet Nation",
            ],
        );
    }

    #[test]
    fn a_given_name_alone_is_the_person_of_the_same_article_named_with_it() {
        let (entities, articles) = extract(&[
            "Chinese leader Zhao Ziyang met the delegation. Zhao said trade would grow.",
            "Former agent Tony Mendez died on Saturday. Tony was 78.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().any(|name| name.starts_with("person Zhao Ziyang")), "{names:?}");
        assert!(names.iter().any(|name| name.starts_with("person Tony Mendez")), "{names:?}");
        assert!(names.iter().all(|name| name != "person Zhao" && name != "person Tony"), "{names:?}");
        assert!(articles.iter().all(|article| article.mentions.len() == 2), "{names:?}");
    }

    #[test]
    fn a_particle_after_a_persons_name_goes_on_with_it() {
        let (entities, _) = extract(&[
            "He was prime minister under President Valéry Giscard d'Estaing in the seventies.",
            "U.N. Secretary-General Javier Perez de Cuellar said talks would resume.",
            "One of South Sudan's Vice Presidents, Rebecca Nyandeng De Mabior, also commented.",
        ]);
        let names = summary(&entities);
        for name in
            ["person Valéry Giscard d'Estaing", "person Javier Perez de Cuellar", "person Rebecca Nyandeng De Mabior"]
        {
            assert!(names.contains(&name.to_owned()), "{name}: {names:?}");
        }
    }

    #[test]
    fn a_surname_with_its_particles_is_the_person_named_in_full() {
        let (entities, articles) = extract(&[
            "EC External Affairs Commissioner Willy de Clercq arrived on Monday. De Clercq said talks would go on.",
            "Belgian Finance Minister Herman De Croo spoke. De Croo said taxes would fall. De Croo said so twice.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().any(|name| name.starts_with("person Willy de Clercq")), "{names:?}");
        assert!(names.contains(&"person Herman De Croo (De Croo)".to_owned()), "{names:?}");
        let people: HashSet<&String> = articles[1].mentions.iter().map(|mention| &mention.entity).collect();
        assert_eq!(people.len(), 1, "{names:?}");
    }

    #[test]
    fn an_organization_named_after_its_country_meets_its_other_spellings() {
        let (entities, _) = extract(&[
            "The United States Navy confirmed the discovery on Monday.",
            "A U.S. Navy spokesman said the wreck would be left in place.",
        ]);
        let names = summary(&entities);
        let navies: Vec<&String> = names.iter().filter(|name| name.contains("Navy")).collect();
        assert_eq!(navies.len(), 1, "{names:?}");
    }

    #[test]
    fn a_speaker_label_in_initials_is_no_name() {
        let (entities, _) = extract(&[
            "An interview with the author.",
            "((WN)) How did you start writing?",
            "((Zara Kay)) I was born in Tanzania.",
        ]);
        let names = summary(&entities);
        assert!(names.iter().all(|name| !name.contains("WN")), "{names:?}");
        assert!(names.contains(&"place Tanzania".to_owned()), "{names:?}");
    }

    #[test]
    fn a_persons_name_goes_on_after_a_particle() {
        let (entities, _) =
            extract(&["In party news, businessman Rocky De La Fuente, already the nominee, spoke in Reno."]);
        let names = summary(&entities);
        assert!(names.contains(&"person Rocky De La Fuente".to_owned()), "{names:?}");
    }

    #[test]
    fn a_persons_name_does_not_end_in_a_place_word() {
        let (entities, _) = extract(&["He flew into Kennedy Airport on Monday."]);
        assert_eq!(summary(&entities), ["place Kennedy Airport"]);
    }

    #[test]
    fn a_surname_that_starts_a_companys_name_is_not_a_person_named_elsewhere() {
        let (entities, articles) = extract(&[
            "Robert Salomon, a managing director, spoke to reporters.",
            "Salomon Brothers Inc led the issue of notes.",
            "The issue was priced at par, Salomon said.",
        ]);
        let person = entities.iter().find(|entity| entity.name == "Robert Salomon").expect("the person");
        assert!(articles[2].mentions.iter().all(|mention| mention.entity != person.id), "{:?}", summary(&entities));
    }

    #[test]
    fn names_filed_out_of_reading_order_are_read_without_harm() {
        // Found in Wikinews: a name filed after the one that follows it in the text once
        // made the "place, state" rule slice the paragraph backwards.
        let (entities, _) = extract(&[
            "In findings published on Thursday in PLoS Computational Biology, scientists from China's Tsinghua \
             University and the Chinese Academy of Sciences reported bird flight may have evolved.",
        ]);
        assert!(!entities.is_empty());
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
             As Daily Courier reported, the Acme Widget Corporation left town."]);
        assert_eq!(
            summary(&entities),
            [
                "person Abbott",
                "person Ana Torres",
                "organization Acme Widget Corporation",
                "organization Daily Courier",
                "organization Federal Security Service (FSB)",
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
    fn a_name_not_taken_for_a_person_is_a_surname_only_inside_its_article() {
        let (entities, articles) = extract(&[
            "The crowd cheered Phil Simmons on Friday. Later Simmons took four.",
            "Elsewhere, the Simmons report was filed.",
        ]);
        let phil = entities.iter().find(|entity| entity.name == "Phil Simmons").expect("Phil Simmons is found");
        assert_eq!(phil.aliases, ["Simmons"]);
        let of = |article: &Article| article.mentions.iter().filter(|mention| mention.entity == phil.id).count();
        assert_eq!((of(&articles[0]), of(&articles[1])), (2, 0));
    }

    #[test]
    fn a_person_whose_full_names_start_a_company_is_that_company() {
        let (entities, _) = extract(&[
            "Shares of E.F. Hutton Group Inc rose on Monday, traders said.",
            "Analysts at E.F. Hutton said the stock was cheap. Hutton expects a rise.",
        ]);
        let hutton = entities.iter().find(|entity| entity.aliases.iter().any(|alias| alias == "E.F. Hutton"));
        let hutton = hutton.unwrap_or_else(|| panic!("E.F. Hutton joins a company: {:?}", summary(&entities)));
        assert_eq!(
            (hutton.kind, hutton.name.as_str()),
            (dossier_format::EntityKind::Organization, "E.F. Hutton Group Inc")
        );
        assert!(
            !entities.iter().any(|entity| entity.kind == dossier_format::EntityKind::Person),
            "{:?}",
            summary(&entities)
        );
    }

    #[test]
    fn a_short_name_that_fits_two_full_names_joins_the_most_mentioned() {
        for _ in 0..8 {
            let (entities, _) = extract(&["The Federal Home Loan Bank Board and the Federal Reserve Board met. \
                 The Federal Home Loan Bank Board said rates would rise. Later the Board agreed."]);
            let with_board: Vec<&str> = entities
                .iter()
                .filter(|entity| entity.aliases.iter().any(|alias| alias == "Board"))
                .map(|entity| entity.name.as_str())
                .collect();
            assert_eq!(with_board, ["Federal Home Loan Bank Board"], "{:?}", summary(&entities));
        }
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
mod bad_input {
    use super::*;
    use dossier_format::{ArticleDate, EntityKind};

    /// An article of `body`, with nothing else known.
    pub(super) fn article(body: Vec<String>) -> Article {
        let date = "2026-01-01".parse::<ArticleDate>().expect("valid");
        crate::formats::new_article("a".into(), String::new(), date, String::new(), body)
    }

    fn mentioned(article: &Article) -> Vec<String> {
        article
            .mentions
            .iter()
            .map(|mention| {
                let paragraph = &article.body[mention.paragraph as usize];
                assert!(mention.start < mention.end && mention.end as usize <= paragraph.chars().count());
                paragraph.chars().skip(mention.start as usize).take((mention.end - mention.start) as usize).collect()
            })
            .collect()
    }

    #[test]
    fn names_in_other_scripts_are_read_without_harm() {
        let mut articles = vec![article(vec![
            "Владимир Путин встретился с Си Цзиньпином в Москве.".into(),
            "习近平在北京会见了普京。".into(),
            "التقى محمد بن سلمان مع بايدن في جدة.".into(),
            "Θεσσαλονίκη: ο Κυριάκος Μητσοτάκης μίλησε.".into(),
        ])];
        let entities = annotate(&mut articles);
        for text in mentioned(&articles[0]) {
            assert!(articles[0].body.iter().any(|paragraph| paragraph.contains(&text)));
        }
        for entity in &entities {
            assert!(!entity.name.is_empty() && !entity.id.is_empty(), "{entity:?}");
        }
    }

    #[test]
    fn a_long_paragraph_with_no_capital_letter_names_nothing() {
        let paragraph = "the market was quiet and prices held steady, ".repeat(2_300);
        assert!(paragraph.len() > 100_000);
        let mut articles = vec![article(vec![paragraph])];
        assert!(annotate(&mut articles).is_empty());
        assert!(articles[0].mentions.is_empty());
    }

    #[test]
    fn an_article_naming_five_thousand_people_keeps_them_apart() {
        let given = ["Maria", "Tom", "Anna", "Luis", "Hannah", "Omar", "Clara", "Peter", "Jussi", "Ingrid"];
        let mut sentences = Vec::new();
        for number in 0..5_000 {
            let family = format!("Kowal{}", letters(number));
            sentences.push(format!("{} {family} said the vote was close.", given[number % given.len()]));
        }
        let mut articles = vec![article(vec![sentences.join(" ")])];
        let entities = annotate(&mut articles);
        let people = entities.iter().filter(|entity| entity.kind == EntityKind::Person).count();
        assert!(people >= 4_500, "{people} people of 5,000");
        assert_eq!(mentioned(&articles[0]).len(), articles[0].mentions.len());
    }

    /// A family-name ending from a number: 0 is "a", 26 is "ba".
    fn letters(mut number: usize) -> String {
        let mut text = String::new();
        loop {
            text.insert(0, char::from(b'a' + (number % 26) as u8));
            number /= 26;
            if number == 0 {
                return text;
            }
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Whatever the text, extraction finishes and every mention lies inside its paragraph.
        /// Besides any characters, the text is made of what the rules read: capitalized words,
        /// initials, "of", "and", commas, legal forms, tickers, acronyms, titles and units.
        #[test]
        fn any_text_gives_mentions_inside_the_text(paragraphs in prop::collection::vec(
            "(\\PC|[A-Z]\\. |’s |U\\.S\\. |–|[A-Z][a-z]{1,6} |of |and |, |\\. |Corp |Inc\\. |\\.HK |\\(SEP\\) |Secretary |Dlrs )*",
            1..4,
        )) {
            let mut articles = vec![super::bad_input::article(paragraphs)];
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
