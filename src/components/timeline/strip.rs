//! A chosen entity's presence over time: a strip of its mentions per bar, under the chart
//! and on the entity's page.

use dossier_engine::timeline::{Histogram, Timeline};
use yew::prelude::*;

use super::bars::bars_path;
use crate::words::plural;

/// One chosen entity's presence over time.
#[derive(Clone, Debug, PartialEq)]
pub struct EntitySeries {
    /// The entity's name.
    pub name: String,
    /// The articles mentioning it, by day.
    pub presence: Timeline,
}

/// One chosen entity's strip: its mentions per bar, with its name beside it.
pub fn series_strip(histogram: &Histogram, series: &EntitySeries) -> Html {
    let counts = histogram.count(series.presence.days());
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars = counts.len();
    let total: u32 = counts.iter().sum();
    // The starts of the bars that mention it (one count a bar), for the first and last.
    let mentioned =
        || histogram.bins.iter().zip(&counts).filter(|&(_, &count)| count > 0).map(|(bin, _)| bin.period.start);
    let (shown_first, shown_last) = (mentioned().next(), mentioned().next_back());
    let summary = match (shown_first, shown_last) {
        (Some(first), Some(last)) => format!(
            "{}: {}, from {} to {}",
            series.name,
            plural(total as usize, "article", "articles"),
            histogram.interval.describe(first),
            histogram.interval.describe(last)
        ),
        _ => format!("{}: not mentioned in this period", series.name),
    };
    html! {
        <div class="series">
            <span class="series-name" aria-hidden="true">{ series.name.clone() }</span>
            <svg viewBox={format!("0 0 {bars} 100")} preserveAspectRatio="none" role="img" aria-label={summary}>
                <path d={bars_path(counts.iter().copied(), max)} />
            </svg>
        </div>
    }
}
