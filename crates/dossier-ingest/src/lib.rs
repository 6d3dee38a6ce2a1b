//! Dossier's ingest pipeline: turning raw articles into a collection (`dossier-format`'s
//! bundle). Native only: the command-line tool calls it; the web app's dependency tree
//! never holds it (`./x test` checks), so none of it, the word lists or the model
//! weights reach the browser.
//!
//! Text goes in through [`parse`]; [`extract`] finds the entities the articles name,
//! leaning on the [`gazetteer`] of well-known names and word lists.

mod candidates;
pub mod extract;
pub(crate) mod gazetteer;
mod lists;
pub mod parse;
mod resolve;
pub mod tagger;
mod words;
