//! The first letter typed is the slowest keystroke (it matches the most articles): its
//! views are computed ahead, one letter a task, while the reader looks.

use yew::prelude::*;

use crate::{platform, state::CorpusHandle};

/// The letters and digits whose views are computed ahead, most common first letters of
/// English words first.
const FIRST_LETTERS: &str = "scpatmbdrfihewglnoukvjyqzx0123456789";

/// Warms the views of [`FIRST_LETTERS`] once `corpus` is drawn, and again for another.
#[hook]
pub fn use_warm_first_letters(corpus: &CorpusHandle) {
    use_effect_with(corpus.clone(), |corpus| warm_first_letters(corpus.clone(), FIRST_LETTERS.chars()));
}

/// Warms the view of each letter in `letters`, each in a task of its own; marks
/// "dossier:warmed" on the performance timeline when done (benchmarks wait for it).
fn warm_first_letters(corpus: CorpusHandle, mut letters: std::str::Chars<'static>) {
    let Some(letter) = letters.next() else {
        platform::mark("dossier:warmed");
        return;
    };
    platform::soon(move || {
        corpus.warm_first_letter(letter);
        warm_first_letters(corpus, letters);
    });
}
