//! Test support shared by every layer: the small hand-written collection in
//! `tests/fixtures/collection/` (core unit tests, CLI tests and the app's component tests
//! read it from here; the end-to-end tests ingest the same files with the CLI), and the
//! one list of the entities the seed article must give.
//!
//! Compiled for the core's own tests and, through the `fixtures` feature, for the other
//! crates' tests; never into the app.

use serde::Deserialize;

use crate::{
    Article, Bundle, Collection, Corpus, EntityKind,
    ingest::{extract::annotate, parse::parse_text_article},
};

/// The fixture collection's files as (article id, text), in file-name order as the CLI
/// reads the folder: six short articles from November 2025 to March 2026 about cartels,
/// banks, Sheinbaum, Maduro and the weather, with accents (`México`, `Nicolás`), words
/// that share a stem (`raid`, `raids`) or a prefix (`cart`, `cartel`, `cartography`).
pub const ARTICLES: [(&str, &str); 6] = [
    ("cartel-banks", include_str!("../../../tests/fixtures/collection/cartel-banks.txt")),
    ("cartography", include_str!("../../../tests/fixtures/collection/cartography.txt")),
    ("fentanyl-seizures", include_str!("../../../tests/fixtures/collection/fentanyl-seizures.txt")),
    ("maduro-arrested", include_str!("../../../tests/fixtures/collection/maduro-arrested.txt")),
    ("mexico-cartels", include_str!("../../../tests/fixtures/collection/mexico-cartels.txt")),
    ("weather", include_str!("../../../tests/fixtures/collection/weather.txt")),
];

/// The fixture collection's name, as the end-to-end tests also give it to the CLI.
pub const COLLECTION_NAME: &str = "Fixture";

/// The seed article the app ships with (`data/seed/`): its id and text.
pub const SEED: (&str, &str) = ("000_bfbec4599a23c53e", include_str!("../../../data/seed/000_bfbec4599a23c53e.txt"));

/// The fixture articles, parsed, without entities.
pub fn articles() -> Vec<Article> {
    ARTICLES.iter().map(|(id, text)| parse_text_article(id, text, "").expect("fixture article parses")).collect()
}

/// The fixture collection as the CLI would write it: articles and the entities the
/// extractor finds in them.
pub fn bundle() -> Bundle {
    let mut bundle = Bundle::new(Collection { name: COLLECTION_NAME.into(), description: None });
    bundle.articles = articles();
    bundle.entities = annotate(&mut bundle.articles);
    bundle
}

/// The fixture collection loaded, checked and indexed.
pub fn corpus() -> Corpus {
    Corpus::from_bundle(bundle()).expect("the fixture collection is consistent")
}

/// An entity the seed article must give, as listed in `tests/fixtures/seed-entities.json`
/// (which the end-to-end tests read too).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ExpectedEntity {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// The name shown.
    pub name: String,
    /// Other ways the article writes it.
    pub aliases: Vec<String>,
}

/// The seed's nine entities, in the order the extractor lists them (by kind, then name).
pub fn seed_entities() -> Vec<ExpectedEntity> {
    serde_json::from_str(include_str!("../../../tests/fixtures/seed-entities.json"))
        .expect("tests/fixtures/seed-entities.json is a list of entities")
}
