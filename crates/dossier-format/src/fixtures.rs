//! Test support shared by every layer: the small collection in `tests/fixtures/collection/`
//! as the command-line tool writes it (`tests/fixtures/collection.json`, committed, so
//! that no test but the extractor's runs the extractor; the CLI's tests fail when it is
//! stale), and the one list of the entities the seed article must give.
//!
//! Compiled for this crate's tests and, through the `fixtures` feature, for the other
//! crates' tests; never into the app or the CLI.

use serde::Deserialize;

use crate::{Article, Bundle, EntityKind};

/// The fixture collection as `dossier ingest tests/fixtures/collection --name Fixture`
/// writes it: six short articles from November 2025 to March 2026 about cartels, banks,
/// Sheinbaum, Maduro and the weather, with accents (`México`, `Nicolás`), words that share
/// a stem (`raid`, `raids`) or a prefix (`cart`, `cartel`, `cartography`), and the entities
/// the extractor finds in them.
pub const BUNDLE_JSON: &str = include_str!("../../../tests/fixtures/collection.json");

/// Where [`BUNDLE_JSON`] is, from the workspace's root.
pub const BUNDLE_PATH: &str = "tests/fixtures/collection.json";

/// The fixture collection's name, as the end-to-end tests also give it to the CLI.
pub const COLLECTION_NAME: &str = "Fixture";

/// The seed article the app ships with (`data/seed/`): its id and text.
pub const SEED: (&str, &str) = ("000_bfbec4599a23c53e", include_str!("../../../data/seed/000_bfbec4599a23c53e.txt"));

/// The fixture collection, read from [`BUNDLE_JSON`].
pub fn bundle() -> Bundle {
    Bundle::from_json(BUNDLE_JSON).expect("tests/fixtures/collection.json is a bundle")
}

/// The fixture articles without their mentions.
pub fn articles() -> Vec<Article> {
    let mut articles = bundle().articles;
    for article in &mut articles {
        article.mentions.clear();
    }
    articles
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
