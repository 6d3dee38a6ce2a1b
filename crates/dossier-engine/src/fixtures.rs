//! The committed fixture collection (`dossier_format::fixtures`) loaded as a corpus, for
//! this crate's tests and, through the `fixtures` feature, the app's and the CLI's.

pub use dossier_format::fixtures::*;

use crate::Corpus;

/// The fixture collection loaded, checked and indexed.
pub fn corpus() -> Corpus {
    Corpus::from_bundle(bundle()).expect("the fixture collection is consistent")
}
