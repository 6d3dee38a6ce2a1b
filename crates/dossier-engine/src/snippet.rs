//! Snippets and highlights: which parts of a text match the query, and the short passage
//! of an article shown in the result list.

use std::ops::Range;

use dossier_text::{for_each_word, sentence_ends_at};

use crate::order;

/// Characters (roughly) of body text a result-list snippet shows.
pub const SNIPPET_CHARS: usize = 220;

/// Byte ranges of the words of `text` whose folded form is one of `words` (sorted, as
/// [`crate::search::ResolvedQuery::highlights`] is).
pub fn match_ranges(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for_each_match(text, words, &mut |_, range| ranges.push(range));
    ranges
}

/// Calls `visit` with the position in `words` and the byte range of each word of `text`
/// whose folded form is one of `words`.
fn for_each_match(text: &str, words: &[String], visit: &mut dyn FnMut(usize, Range<usize>)) {
    if words.is_empty() {
        return;
    }
    for_each_word(text, |word, range| {
        if let Ok(at) = words.binary_search_by(|probe| probe.as_str().cmp(word)) {
            visit(at, range);
        }
    });
}

/// A piece of text split into plain and highlighted runs, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, possibly with a leading and trailing `…`.
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The text cut into `(piece, highlighted)` runs, covering all of it in order.
    pub fn segments(&self) -> Vec<(&str, bool)> {
        segments(&self.text, &self.highlights)
    }
}

/// Splits `text` into `(piece, highlighted)` runs given sorted, disjoint byte ranges.
/// Ranges that overlap, run past the end or split a character are skipped.
pub fn segments<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let marks: Vec<(Range<usize>, ())> = ranges.iter().map(|range| (range.clone(), ())).collect();
    segments_by(text, &marks).into_iter().map(|(piece, mark)| (piece, mark.is_some())).collect()
}

/// Splits `text` into runs, each with the label of the mark covering it (or `None`).
/// Marks are taken in order of their start; one that overlaps an earlier one, runs past
/// the end or splits a character is skipped.
pub fn segments_by<'t, L: Copy>(text: &'t str, marks: &[(Range<usize>, L)]) -> Vec<(&'t str, Option<L>)> {
    let start = |at: u32| marks[at as usize].0.start;
    let by_start = order::stable_positions(marks.len(), &|a, b| start(a).cmp(&start(b)));
    let mut pieces = Vec::with_capacity(marks.len() * 2 + 1);
    let marks = by_start.into_iter().map(|at| &marks[at as usize]);
    let mut at = 0;
    for (range, label) in marks {
        let valid = range.start >= at
            && range.start < range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            pieces.push((&text[at..range.start], None));
        }
        pieces.push((&text[range.clone()], Some(*label)));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], None));
    }
    pieces
}

/// The best passage of an article's body for `terms`: the paragraph with the most
/// distinct matched terms (then the most matches), cut to about [`SNIPPET_CHARS`] around
/// its first match at word boundaries. Without terms, the opening of the first paragraph.
pub fn best_snippet(paragraphs: &[String], terms: &[String]) -> Snippet {
    let mut best: Option<(usize, usize, usize, Vec<Range<usize>>)> = None;
    // Which terms the paragraph holds: counted without a string per match, since a long
    // article can hold a term 200,000 times.
    let mut seen = vec![false; terms.len()];
    for (index, paragraph) in paragraphs.iter().enumerate() {
        seen.fill(false);
        let mut ranges = Vec::new();
        for_each_match(paragraph, terms, &mut |term, range| {
            seen[term] = true;
            ranges.push(range);
        });
        if ranges.is_empty() {
            continue;
        }
        let distinct = seen.iter().filter(|&&seen| seen).count();
        let better = best.as_ref().is_none_or(|(_, d, n, _)| (distinct, ranges.len()) > (*d, *n));
        if better {
            best = Some((index, distinct, ranges.len(), ranges));
        }
    }
    let (paragraph, ranges) = match best {
        Some((index, _, _, ranges)) => (&paragraphs[index], ranges),
        None => match paragraphs.first() {
            Some(first) => (first, Vec::new()),
            None => return Snippet { text: String::new(), highlights: Vec::new() },
        },
    };
    window(paragraph, &ranges)
}

/// Cuts `paragraph` to about [`SNIPPET_CHARS`] starting a little before the first range.
fn window(paragraph: &str, ranges: &[Range<usize>]) -> Snippet {
    let first = ranges.first().map_or(0, |range| range.start);
    let lead = SNIPPET_CHARS / 4;
    let mut start = floor_char_boundary(paragraph, first.saturating_sub(lead));
    if start > 0 {
        // Start at a word: after the last space before `start`, or the match itself.
        start = paragraph[..start].rfind(' ').map_or(0, |space| space + 1);
        if first - start > lead * 2 {
            start = paragraph[start..first].find(' ').map_or(first, |space| start + space + 1);
        }
    }
    let mut end = floor_char_boundary(paragraph, (start + SNIPPET_CHARS).min(paragraph.len()));
    if end < paragraph.len() {
        end = paragraph[..end].rfind(' ').filter(|&space| space > start).unwrap_or(end);
    }
    let mut text = String::new();
    let offset = if start > 0 {
        text.push('…');
        '…'.len_utf8()
    } else {
        0
    };
    text.push_str(paragraph[start..end].trim_end());
    let body_end = text.len();
    if end < paragraph.len() {
        text.push('…');
    }
    let highlights = ranges
        .iter()
        .filter(|range| range.start >= start && range.end <= end)
        .map(|range| range.start - start + offset..range.end - start + offset)
        .filter(|range| range.end <= body_end)
        .collect();
    Snippet { text, highlights }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The sentence of `text` that holds `range` (byte offsets): from the end of the
/// sentence before to the end of its own, as [`sentence_ends_at`] finds sentence ends.
/// Only the sentence and its neighbourhood are read, not the whole text: a paragraph of
/// megabytes is quoted as fast as a short one.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let end_of = |(at, character): (usize, char)| sentence_ends_at(text, at).then_some(at + character.len_utf8());
    let start = text[..range.start].char_indices().rev().find_map(end_of).unwrap_or(0);
    // From the character that ends at `range.end`: the first sentence end at or after it.
    let from = text[..range.end].char_indices().next_back().map_or(range.end, |(at, _)| at);
    let end =
        text[from..].char_indices().find_map(|(at, character)| end_of((from + at, character))).unwrap_or(text.len());
    let sentence = &text[start..end];
    start + (sentence.len() - sentence.trim_start().len())..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_mention() {
        let text = "Rain fell. Gov. Abbott and Donald J. Trump met in the U.S. Senate today! Then they left.";
        let at = |word: &str| text.find(word).map(|start| start..start + word.len()).expect("in the text");
        let sentence = |word: &str| &text[sentence_around(text, at(word))];
        assert_eq!(sentence("Trump"), "Gov. Abbott and Donald J. Trump met in the U.S. Senate today!");
        assert_eq!(sentence("Rain"), "Rain fell.");
        assert_eq!(sentence("left"), "Then they left.");
        assert_eq!(sentence_around("", 0..0), 0..0);
        assert_eq!(&"One sentence, no end"[sentence_around("One sentence, no end", 4..12)], "One sentence, no end");
    }

    fn terms(words: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = words.iter().map(|word| word.to_string()).collect();
        words.sort();
        words
    }

    fn marked(snippet: &Snippet) -> String {
        snippet
            .segments()
            .into_iter()
            .map(|(piece, highlighted)| if highlighted { format!("[{piece}]") } else { piece.to_owned() })
            .collect()
    }

    #[test]
    fn highlights_every_matched_word() {
        let text = "Sheinbaum said Mexico’s sovereignty matters; México agrees.";
        let ranges = match_ranges(text, &terms(&["mexico", "sheinbaum"]));
        let snippet = Snippet { text: text.to_owned(), highlights: ranges };
        assert_eq!(marked(&snippet), "[Sheinbaum] said [Mexico]’s sovereignty matters; [México] agrees.");
    }

    #[test]
    fn picks_the_paragraph_with_most_distinct_terms() {
        let paragraphs = vec!["Only cartel here. cartel cartel.".to_owned(), "A cartel and a raid.".to_owned()];
        let snippet = best_snippet(&paragraphs, &terms(&["cartel", "raid"]));
        assert_eq!(marked(&snippet), "A [cartel] and a [raid].");
    }

    #[test]
    fn long_paragraphs_are_windowed_around_the_first_match() {
        let paragraph = format!("{} needle {}", "lead ".repeat(100), "tail ".repeat(100));
        let snippet = best_snippet(&[paragraph], &terms(&["needle"]));
        assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'), "{}", snippet.text);
        assert!(snippet.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(snippet.highlights.len(), 1);
        assert_eq!(&snippet.text[snippet.highlights[0].clone()], "needle");
    }

    #[test]
    fn without_terms_the_opening_is_shown() {
        let snippet = best_snippet(&["Opening words.".to_owned()], &[]);
        assert_eq!(marked(&snippet), "Opening words.");
        assert_eq!(best_snippet(&[], &terms(&["x"])).text, "");
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        let paragraph = format!("{} ñandú {}", "é".repeat(150), "ü ".repeat(300));
        let snippet = best_snippet(&[paragraph], &terms(&["nandu"]));
        assert_eq!(snippet.highlights.len(), 1);
        assert_eq!(&snippet.text[snippet.highlights[0].clone()], "ñandú");
    }

    #[test]
    fn invalid_ranges_are_skipped_not_panicked_on() {
        let text = "héllo";
        let pieces = segments(text, &[2..3, 0..1, 0..99]);
        assert_eq!(pieces, [("h", true), ("éllo", false)]);
        let labelled = segments_by("a mention and a match", &[(16..21, "match"), (2..9, "mention"), (4..12, "match")]);
        assert_eq!(labelled, [("a ", None), ("mention", Some("mention")), (" and a ", None), ("match", Some("match"))]);
    }
}
