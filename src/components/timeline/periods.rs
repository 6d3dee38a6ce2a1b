//! The periods a reader moves between on the timeline: the calendar's months, quarters
//! and years to choose from, the period "Zoom out" shows, and how a period's name starts.

use dossier_engine::{DateRange, timeline::Interval};

/// The calendar periods a reader may choose over `span`, whatever the bars' width, with
/// their names: its months, quarters and years (each only when there are few enough).
pub fn calendar_periods(span: DateRange) -> Vec<(String, DateRange)> {
    let mut periods = Vec::new();
    for (interval, most) in [(Interval::Month, 60), (Interval::Quarter, 40), (Interval::Year, 40)] {
        let mut start = Some(interval.start_of(span.start)).filter(|_| interval.bar_count(span) <= most);
        while let Some(day) = start.filter(|&day| day <= span.end) {
            periods.push((interval.describe(day), interval.period_of(day)));
            start = interval.next_start(day);
        }
    }
    periods
}

/// The period shown after "Zoom out" from `zoom`: the periods of the next coarser
/// intervals around it, until the chart's interval changes; `None` once that covers the
/// whole collection.
pub fn zoomed_out(zoom: DateRange, extent: Option<DateRange>) -> Option<DateRange> {
    let shown = Interval::for_span(zoom);
    let mut interval = shown;
    let mut wider = zoom;
    while Interval::for_span(wider) == shown && interval != Interval::Decade {
        interval = interval.coarser();
        wider = interval.period_of(zoom.start).span(&interval.period_of(zoom.end));
    }
    let extent = extent?;
    let covers = wider.start <= extent.start && wider.end >= extent.end;
    let clamped = DateRange { start: wider.start.max(extent.start), end: wider.end.min(extent.end) };
    (!covers && clamped.start <= clamped.end).then_some(clamped)
}

/// `text` with its first letter a capital; periods start with an ASCII word ("from", a
/// digit, a month), and `char::to_uppercase` would add Unicode's case tables (tens of KB)
/// to the download.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| std::iter::once(first.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}
