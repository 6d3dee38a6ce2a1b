//! Dossier's reading engine: what the browser runs on a loaded collection, with no IO.
//!
//! A [`Corpus`] reads a collection through a [`Store`] (a checked [`Bundle`] held
//! whole in [`memory`], with its [`index`] built); it answers a reader's
//! [`Selection`] (a [`query`], entities, a date range) with ranked [`search`] hits, entity
//! facet counts, a [`timeline`] and [`snippet`]s. The web app, the command-line tool's
//! `search` and the browser benchmark all call it, in the types of `dossier-format`
//! (re-exported here).
//!
//! ```
//! use dossier_engine::{Corpus, Selection};
//!
//! let json = r#"{"format_version":1,"collection":{"name":"Sugar"},
//! "entities":[{"id":"cuba","kind":"place","name":"Cuba","aliases":[]}],
//! "articles":[
//! {"id":"a","title":"Cuba sugar harvest falls","date":"1987-03-02","source":"Wire",
//!  "body":["Cuba's sugar harvest fell short."],"mentions":[{"entity":"cuba","paragraph":0,"start":0,"end":4}]},
//! {"id":"b","title":"Coffee prices steady","date":"1987-04-10","source":"Wire",
//!  "body":["Coffee prices held."],"mentions":[]}]}"#;
//! let corpus = Corpus::from_json(json)?;
//! // Typed with a slip, the last word still being typed: as in the search box.
//! let view = corpus.select(&Selection { query: "suger harv".into(), ..Selection::default() });
//! assert_eq!(view.hits.len(), 1);
//! assert_eq!(corpus.article(view.hits[0].article).id, "a");
//! # Ok::<(), dossier_engine::CorpusError>(())
//! ```

pub mod corpus;
mod dictionary;
pub mod duplicates;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod index;
pub mod memory;
mod order;
pub mod query;
pub mod search;
pub mod selection;
pub mod snippet;
pub mod store;
pub mod timeline;

pub use corpus::Corpus;
pub use dossier_format::{
    Article, ArticleDate, ArticleId, Bundle, BundleError, Collection, Corrections, Edit, Entity, EntityId, EntityKind,
    FORMAT_VERSION, MAX_ONE_TAB_BYTES, Mention, article, bundle, corrections, entity,
};
pub use memory::{CorpusError, InMemory, ResolvedMention};
pub use selection::{DateOrder, DateRange, EntityMatch, Memo, Selection, SelectionView};
pub use store::Store;
