//! Tokens: the words of a text, folded for matching (case and accents removed) and
//! remembering where they stand in the original so that matches can be highlighted.

use std::ops::Range;

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded form used for matching (`México’s` gives `mexico`).
    pub term: String,
    /// Byte range of the word in the original text (without a possessive `’s`).
    pub range: Range<usize>,
}

/// Splits `text` into words by Unicode word boundaries (UAX #29) and folds each.
///
/// A possessive `'s` or `’s` is left out of the word, so `Mexico’s` matches `mexico`.
/// Dots inside abbreviations are dropped, so `U.S.` gives `us`.
pub fn tokenize(text: &str) -> Vec<Token> {
    text.unicode_word_indices()
        .filter_map(|(start, word)| {
            let word = strip_possessive(word);
            let term = fold(word);
            if term.is_empty() {
                return None;
            }
            Some(Token { term, range: start..start + word.len() })
        })
        .collect()
}

/// Drops a trailing `'s` / `’s` from a word.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// The matching form of a word: canonical decomposition, combining marks removed,
/// lowercased, abbreviation dots removed, and the typographic apostrophe made plain.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for character in word.nfd() {
        if is_combining_mark(character) || character == '.' {
            continue;
        }
        if character == '’' {
            folded.push('\'');
            continue;
        }
        folded.extend(character.to_lowercase());
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let tokens = tokenize(text);
        let actual: Vec<(&str, &str)> =
            tokens.iter().map(|token| (token.term.as_str(), &text[token.range.clone()])).collect();
        assert_eq!(actual, expected, "text {text:?}");
    }

    #[test]
    fn folds_case_and_accents() {
        check("México, Nicolás!", &[("mexico", "México"), ("nicolas", "Nicolás")]);
        check("ÉCOLE Straße", &[("ecole", "ÉCOLE"), ("straße", "Straße")]);
    }

    #[test]
    fn keeps_original_ranges_and_drops_possessives() {
        check("Mexico’s President", &[("mexico", "Mexico"), ("president", "President")]);
        check("the U.S. government", &[("the", "the"), ("us", "U.S"), ("government", "government")]);
        check("don’t", &[("don't", "don’t")]);
    }

    #[test]
    fn punctuation_and_empty_text_give_no_tokens() {
        check("", &[]);
        check(" — … !!! ", &[]);
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        assert_eq!(fold("Me\u{301}xico"), fold("México"));
    }
}
