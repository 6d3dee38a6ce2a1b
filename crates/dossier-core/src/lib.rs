//! Dossier's core: everything the viewer knows about articles, with no IO and no browser.
//!
//! Raw text goes in ([`ingest`], only for the command-line tool), a versioned [`bundle`]
//! comes out with the entities the articles mention; a loaded [`corpus::Corpus`] answers a reader's
//! [`selection::Selection`] (a [`query`], entities, date range) with ranked [`search`] hits
//! from its [`index`],
//! entity facet counts and [`timeline`] buckets. The command-line tool and the web app
//! both call this crate and share its types.

pub mod article;
pub mod bundle;
pub mod corpus;
pub mod corrections;
mod dictionary;
pub mod entity;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod index;
#[cfg(any(test, feature = "ingest"))]
pub mod ingest;
pub mod query;
pub mod search;
pub mod selection;
pub mod snippet;
pub mod timeline;
pub mod tokenize;

pub use article::{Article, ArticleDate, ArticleId, Mention};
pub use bundle::{Bundle, BundleError, Collection, FORMAT_VERSION};
pub use corpus::{Corpus, CorpusError};
pub use corrections::{Corrections, Edit};
pub use entity::{Entity, EntityId, EntityKind};
pub use selection::{DateOrder, DateRange, EntityMatch, Selection, SelectionView};
