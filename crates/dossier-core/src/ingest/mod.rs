//! The ingest side of the core: turning raw articles into a collection. Only the
//! command-line tool calls it (behind the `ingest` feature); the web app never does, so
//! none of it, the word lists or the model weights reach the browser.
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
