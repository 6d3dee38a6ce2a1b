//! The timeline: article counts by month as a bar chart; choosing a month narrows the
//! selection to it and shows its days, which can be chosen in turn.

use dossier_core::{
    DateRange,
    article::month_name,
    timeline::{MonthBucket, Timeline},
};
use yew::prelude::*;

use crate::words::plural;

/// Props of [`TimelineView`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Buckets of the articles matching the query and entity filters.
    pub timeline: Timeline,
    /// The chosen period, if any.
    pub range: Option<DateRange>,
    /// Called with a new period, or `None` for all dates.
    pub on_select_range: Callback<Option<DateRange>>,
}

/// The month and day histogram.
#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let max = props.timeline.max_month_count();
    // Days are shown for a period inside one month (the month, or one of its days).
    let open_month = props
        .range
        .filter(|range| (range.start.year(), range.start.month()) == (range.end.year(), range.end.month()))
        .and_then(|range| {
            props
                .timeline
                .months
                .iter()
                .find(|month| month.year == range.start.year() && month.month == range.start.month())
        });
    let clear = {
        let on_select_range = props.on_select_range.clone();
        Callback::from(move |_: MouseEvent| on_select_range.emit(None))
    };
    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ "Timeline" }</h2>
            if props.timeline.months.is_empty() {
                <p class="muted">{ "No dates to show." }</p>
            } else {
                <ol class="months" aria-label="Articles by month">
                    { for props.timeline.months.iter().map(|month| month_bar(month, max, props)) }
                </ol>
                if props.timeline.months.len() > 1 {
                    <p class="hint">{ "Choose a month; Shift-click (or Shift+Enter) another to extend the period." }</p>
                }
            }
            if let Some(month) = open_month {
                <ol class="days" aria-label={format!("Articles by day in {} {}", month_name(month.month), month.year)}>
                    { for month.days.iter().map(|day| {
                        let range = DateRange::day(day.day);
                        let pressed = props.range == Some(range);
                        let on_select_range = props.on_select_range.clone();
                        let label = format!("{} {} {}: {}", day.day.day(), month_name(day.day.month()), day.day.year(), plural(day.count as usize, "article", "articles"));
                        html! {
                            <li>
                                <button type="button" class="day" aria-pressed={pressed.to_string()} aria-label={label.clone()} title={label}
                                    onclick={Callback::from(move |_: MouseEvent| on_select_range.emit(Some(range)))}>
                                    <span class="day-number">{ day.day.day() }</span>
                                    <span class="day-count" aria-hidden="true">{ day.count }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
            if props.range.is_some() {
                <button type="button" class="clear-range" onclick={clear}>{ "All dates" }</button>
            }
        </section>
    }
}

fn month_bar(month: &MonthBucket, max: u32, props: &TimelineProps) -> Html {
    let Some(range) = DateRange::month(month.year, month.month) else { return html! {} };
    let chosen = props.range;
    let pressed = chosen == Some(range);
    let within = chosen.is_some_and(|chosen| chosen.overlaps(&range));
    let on_select_range = props.on_select_range.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        let next = match chosen {
            Some(chosen) if event.shift_key() => Some(chosen.span(&range)),
            _ if pressed => None,
            _ => Some(range),
        };
        on_select_range.emit(next);
    });
    let label =
        format!("{} {}: {}", month_name(month.month), month.year, plural(month.count as usize, "article", "articles"));
    let height = 12 + (88 * month.count / max.max(1));
    html! {
        <li>
            <button
                type="button"
                class={classes!("month", within.then_some("within"))}
                aria-pressed={pressed.to_string()}
                title={label.clone()}
                {onclick}
            >
                <span class="bar" style={format!("height: {height}%")} aria-hidden="true"></span>
                // The short label is what shows; the full one is the button's name (from its
                // content, so the name is not a label that leaves out the visible text).
                <span class="month-label" aria-hidden="true">{ format!("{} {}", &month_name(month.month)[..3], month.year % 100) }</span>
                <span class="visually-hidden">{ label }</span>
            </button>
        </li>
    }
}
