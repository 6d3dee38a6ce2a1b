//! Dossier's bundle format: what a collection is on disk and on the wire.
//!
//! An [`Article`] holds its text and the [`Mention`]s of the [`Entity`]s it names; a
//! versioned [`Bundle`] holds a collection's articles and entities as one JSON file,
//! read and checked with [`Bundle::from_json`] (another version is a typed error naming
//! both). A reader's [`Corrections`] (hide, merge, rename, change kind) are a file of
//! their own, applied to a bundle when it loads.
//!
//! The ingest pipeline writes this format and the reading engine reads it; neither knows
//! the other.

pub mod article;
pub mod bundle;
pub mod corrections;
pub mod entity;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;

pub use article::{Article, ArticleDate, ArticleId, FoldedCopy, Mention};
pub use bundle::{Bundle, BundleError, Collection, FORMAT_VERSION, MAX_ONE_TAB_BYTES, OLDEST_FORMAT_VERSION};
pub use corrections::{Corrections, Edit};
pub use entity::{Entity, EntityId, EntityKind};
