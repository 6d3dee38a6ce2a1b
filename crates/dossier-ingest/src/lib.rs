//! Dossier's ingest pipeline: turning raw articles into a collection (`dossier-format`'s
//! bundle). Native only: the command-line tool calls it; the web app's dependency tree
//! never holds it (`./x test` checks), so none of it, the word lists or the model
//! weights reach the browser.
//!
//! Text goes in through [`parse`]; [`extract`] finds the entities the articles name,
//! leaning on the [`gazetteer`] of well-known names and word lists, in the order of
//! named [`passes`] that can each be switched off to measure what it earns.

mod candidates;
pub mod dedup;
pub mod extract;
mod filing;
pub mod formats;
pub(crate) mod gazetteer;
mod lists;
pub mod parse;
pub mod passes;
mod repairs;
mod resolve;
pub mod tagger;
#[cfg(test)]
mod testing;
mod words;
