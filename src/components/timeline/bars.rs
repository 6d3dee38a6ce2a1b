//! The chart's bars: the counts its top stands for, the bars of the collection behind and
//! of the matches in front, each bar's text alternative, and the numbers written into the
//! drawing.

use std::fmt::Write;

use dossier_engine::timeline::{Histogram, Interval};
use time::Date;
use yew::prelude::*;

use crate::words::{number, plural};

/// The counts the chart's top stands for (the dashed line): the tallest bar's, or with
/// a query or names (`narrowed`) the tallest match's and the tallest bar's.
pub fn y_max(narrowed: bool, most_matching: u32, max: u32) -> Html {
    html! {
        <p class="y-max">
            if narrowed {
                <span class="visually-hidden">{ "Tallest bars: " }</span>
                <span class="most-matching">{ format!("{} matching", number(most_matching as usize)) }</span>
                { format!(" · {} in all", number(max as usize)) }
            } else {
                <span class="visually-hidden">{ "Tallest bar: " }</span>
                { plural(max as usize, "article", "articles") }
            }
        </p>
    }
}

/// The bars: the collection's behind, `max` reaching the top; the matches' in front, on
/// their own scale (`most_matching` reaching the top); a named target for each bar; and
/// the brush over the bars it covers, from `first` to `last`.
pub fn bars_svg(
    histogram: &Histogram,
    narrowed: bool,
    (max, most_matching): (u32, u32),
    brushed: Option<(usize, usize)>,
) -> Html {
    let bars = histogram.bins.len();
    let span_text = histogram.span.human();
    html! {
        <svg
            class={classes!("bars", narrowed.then_some("narrowed"))}
            viewBox={format!("0 0 {bars} 100")}
            preserveAspectRatio="none"
            role="group"
            aria-label={format!("Articles by {}, {span_text}", histogram.interval.name())}
        >
            // Each layer one path: a change of selection rewrites one attribute,
            // not a rectangle per bar.
            <path class="all" d={bars_path(histogram.bins.iter().map(|bin| bin.total), max)} />
            // Empty when nothing narrows: always there, so the bars after it keep
            // their places in the diff.
            <path class="match" d={if narrowed { bars_path(histogram.bins.iter().map(|bin| bin.matching), most_matching) } else { String::new() }} />
            { for histogram.bins.iter().enumerate().map(|(at, bin)| {
                let label = bar_label(histogram.interval, bin.period.start, bin.total, bin.matching, narrowed);
                html! {
                    // Named by its title (also the tooltip), read once.
                    <rect class="hit" x={at.to_string()} width="1" y="0" height="100" role="img">
                        <title>{ label }</title>
                    </rect>
                }
            }) }
            if let Some((first, last)) = brushed {
                <rect class="brush" x={first.to_string()} width={(last + 1 - first).to_string()} y="0" height="100" />
            }
        </svg>
    }
}

/// A bar's text alternative: "March 1987: 10,589 articles, 312 match".
fn bar_label(interval: Interval, start: Date, total: u32, matching: u32, narrowed: bool) -> String {
    let mut label = format!("{}: {}", interval.describe(start), plural(total as usize, "article", "articles"));
    if narrowed {
        label.push_str(", ");
        label.push_str(&number(matching as usize));
        label.push_str(" match");
    }
    label
}

/// A path drawing a bar for each count (none for 0), `max` reaching the top: bar `at`
/// stands 0.8 wide from `at + 0.1`, in a 100-high box.
pub fn bars_path(counts: impl Iterator<Item = u32>, max: u32) -> String {
    let mut path = String::new();
    for (at, count) in counts.enumerate().filter(|&(_, count)| count > 0) {
        // The bar's top, in tenths of the box.
        let top = 1000 - height(count, max);
        // Written straight into the path (a `String` cannot fail to take it).
        let _ = write!(path, "M{at}.1 {}.{}h.8V100h-.8z", top / 10, top % 10);
    }
    path
}

// Coordinates are written with integers only: formatting floats would add the float
// printing machinery to the download.

/// A bar's height in tenths of the chart (out of 1000): even one article shows (30), so
/// it is not lost.
fn height(count: u32, max: u32) -> u64 {
    if count == 0 { 0 } else { (u64::from(count) * 970 / u64::from(max.max(1)) + 30).min(1000) }
}

/// The style placing an element at `at` of `of` across the chart: its `left` as a
/// percentage with three decimals.
pub fn left_at(at: usize, of: usize) -> String {
    let thousandths = at as u64 * 100_000 / of.max(1) as u64;
    format!("left: {}.{:03}%", thousandths / 1000, thousandths % 1000)
}
