//! Renders text with some byte ranges marked, as text nodes and `<mark>` elements: the
//! article text is never parsed as HTML.

use std::ops::Range;

use dossier_engine::snippet::segments_by;
use yew::prelude::*;

/// `text` with `ranges` (byte ranges) wrapped in `<mark class={class}>`.
pub fn highlighted(text: &str, ranges: &[Range<usize>], class: &'static str) -> Html {
    let marks: Vec<(Range<usize>, &'static str)> = ranges.iter().map(|range| (range.clone(), class)).collect();
    marked(text, &marks)
}

/// `text` with each mark's range wrapped in `<mark>` of that mark's class; where marks
/// overlap, the one starting first wins.
pub fn marked(text: &str, marks: &[(Range<usize>, &'static str)]) -> Html {
    html! {
        { for segments_by(text, marks).into_iter().map(|(piece, class)| match class {
            Some(class) => html! { <mark class={class}>{ piece.to_owned() }</mark> },
            None => html! { { piece.to_owned() } },
        }) }
    }
}
