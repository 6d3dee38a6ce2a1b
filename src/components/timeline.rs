//! The timeline: a histogram of article counts over the visible span, the collection
//! faint behind and the current selection in front, with a brush to choose a period (by
//! mouse, touch or keyboard), zoom, the chosen entities' presence over time, and a table
//! of the same numbers for screen readers.

use std::rc::Rc;

use dossier_core::{
    DateRange,
    timeline::{Histogram, Interval, Timeline},
};
use time::Date;
use yew::prelude::*;

use crate::{
    platform,
    words::{number, plural},
};

/// The DOM id of the chart the brush is drawn on.
const CHART_ID: &str = "timeline-chart";

/// The narrowest the chart is drawn (a phone's width less margins), in pixels: axis
/// labels are chosen to fit it, so they fit any wider chart too.
const NARROWEST_CHART_PX: f64 = 280.0;

/// How many bars Shift+arrow moves a brush handle.
const FAST_STEP: usize = 10;

/// One chosen entity's presence over time.
#[derive(Clone, Debug, PartialEq)]
pub struct EntitySeries {
    /// The entity's name.
    pub name: String,
    /// The articles mentioning it, by day.
    pub presence: Timeline,
}

/// Props of [`TimelineView`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Days of the whole collection (drawn faint, behind).
    pub all: Timeline,
    /// Days of the articles matching the query and entity filters (drawn in front).
    pub matching: Timeline,
    /// Whether a query or entity narrows the articles (else the front layer is the back).
    pub narrowed: bool,
    /// The chosen period, if any.
    pub range: Option<DateRange>,
    /// Articles shown for the chosen period (for the brush's summary).
    pub in_range: usize,
    /// The period the chart is zoomed to (`None`: the whole collection).
    pub zoom: Option<DateRange>,
    /// The chosen entities' presence, one strip each.
    #[prop_or_default]
    pub series: Rc<Vec<EntitySeries>>,
    /// Called with a new period, or `None` for all dates.
    pub on_select_range: Callback<Option<DateRange>>,
    /// Called with a bar's period when it is clicked.
    pub on_bar: Callback<DateRange>,
    /// Called with the period to zoom to, or `None` to show the whole collection.
    pub on_zoom: Callback<Option<DateRange>>,
}

/// A brush drag in progress: the bar it started on and the bars it covers now.
#[derive(Clone, Copy, Debug)]
struct Drag {
    anchor: usize,
    covered: (usize, usize),
    moved: bool,
}

/// The histogram, its brush and its table.
#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let extent = props.all.extent();
    // The bars and their labels change with the selection's articles and the zoom, not with
    // the period being chosen.
    let drawn = use_memo((props.all.clone(), props.matching.clone(), props.zoom), |(all, matching, zoom)| {
        zoom.or(all.extent()).map(|span| {
            let histogram = Histogram::new(span, all, matching);
            let ticks = histogram.ticks(NARROWEST_CHART_PX);
            let periods = calendar_periods(histogram.span);
            (histogram, ticks, periods)
        })
    });
    let table_open = use_state_eq(|| false);
    let drag = use_mut_ref(|| None::<Drag>);
    let Some((histogram, ticks, periods)) = drawn.as_ref() else {
        return html! {
            <section class="timeline" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <p class="muted">{ "No dates to show." }</p>
            </section>
        };
    };
    let bars = histogram.bins.len();
    // A period outside the zoomed span is not drawn (the handles rest at the ends).
    let brushed =
        props.range.filter(|range| range.overlaps(&histogram.span)).map(|range| covered_bars(histogram, range));
    let (first, last) = brushed.unwrap_or((0, bars - 1));
    let select_bars = {
        let on_select_range = props.on_select_range.clone();
        let bins: Vec<DateRange> = histogram.bins.iter().map(|bin| bin.period).collect();
        let whole = props.zoom.is_none();
        move |from: usize, to: usize| {
            let (from, to) = (from.min(to), from.max(to));
            let range = DateRange { start: bins[from].start, end: bins[to].end };
            // The whole collection chosen is no period chosen.
            let everything = whole && from == 0 && to == bins.len() - 1;
            on_select_range.emit((!everything).then_some(range));
        }
    };
    let select_bars = Rc::new(select_bars);

    let on_pointer_down = {
        let drag = drag.clone();
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(bar) = bar_at(event.client_x(), bars) else { return };
            event.prevent_default();
            platform::capture_pointer(CHART_ID, event.pointer_id());
            *drag.borrow_mut() = Some(Drag { anchor: bar, covered: (bar, bar), moved: false });
        })
    };
    let on_pointer_move = {
        let drag = drag.clone();
        let select_bars = select_bars.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(mut current) = *drag.borrow() else { return };
            let Some(bar) = bar_at(event.client_x(), bars) else { return };
            let covered = (current.anchor.min(bar), current.anchor.max(bar));
            if covered == current.covered {
                return;
            }
            current.covered = covered;
            current.moved = true;
            *drag.borrow_mut() = Some(current);
            select_bars(covered.0, covered.1);
        })
    };
    let on_pointer_up = {
        let drag = drag.clone();
        let on_bar = props.on_bar.clone();
        let periods: Vec<DateRange> = histogram.bins.iter().map(|bin| bin.period).collect();
        Callback::from(move |_: PointerEvent| {
            let Some(done) = drag.borrow_mut().take() else { return };
            if !done.moved {
                on_bar.emit(periods[done.anchor]);
            }
        })
    };
    let on_pointer_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    let handle = |end: End| {
        // The bar the handle stands on, its name, its place (the bar's left or right
        // edge) and the day it stands for.
        let (at, label, left, day) = match end {
            End::Start => (first, "Start of period", first, histogram.bins[first].period.start),
            End::Finish => (last, "End of period", last + 1, histogram.bins[last].period.end),
        };
        let select_bars = select_bars.clone();
        let on_select_range = props.on_select_range.clone();
        let on_zoom = props.on_zoom.clone();
        let range = props.range;
        let onkeydown = Callback::from(move |event: KeyboardEvent| {
            let step = if event.shift_key() { FAST_STEP } else { 1 };
            let moved = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => Some(at.saturating_sub(step)),
                "ArrowRight" | "ArrowUp" => Some((at + step).min(bars - 1)),
                "PageDown" => Some(at.saturating_sub(FAST_STEP)),
                "PageUp" => Some((at + FAST_STEP).min(bars - 1)),
                "Home" => Some(0),
                "End" => Some(bars - 1),
                "Enter" => {
                    if range.is_some() {
                        on_zoom.emit(range);
                    }
                    None
                }
                "Escape" => {
                    on_select_range.emit(None);
                    None
                }
                _ => return,
            };
            event.prevent_default();
            if let Some(to) = moved {
                // A handle stops at the other one.
                match end {
                    End::Start => select_bars(to.min(last), last),
                    End::Finish => select_bars(first, to.max(first)),
                }
            }
        });
        html! {
            <div
                class={classes!("handle", end.class())}
                role="slider"
                tabindex="0"
                aria-label={label}
                aria-valuemin="1"
                aria-valuemax={bars.to_string()}
                aria-valuenow={(at + 1).to_string()}
                aria-valuetext={DateRange::day(day).human()}
                aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End Enter Escape"
                style={format!("left: {}%", percent(left, bars))}
                {onkeydown}
            ></div>
        }
    };

    let max = histogram.max_total();
    // With a query or names, the matches are drawn on their own scale (the tallest reaches
    // the top, however few they are) and the collection behind as an outline on its own:
    // the counts above the chart give both tallest bars.
    let most_matching = histogram.bins.iter().map(|bin| bin.matching).max().unwrap_or(0).max(1);
    let span_text = histogram.span.human();
    let period_select = {
        let (on_select_range, drawn) = (props.on_select_range.clone(), drawn.clone());
        let onchange = Callback::from(move |event: Event| {
            let at = platform::chosen_value(&event).parse::<usize>().ok();
            let periods = drawn.as_ref().as_ref().map(|(_, _, periods)| periods);
            on_select_range.emit(at.zip(periods).and_then(|(at, periods)| periods.get(at)).map(|(_, period)| *period));
        });
        // A period dragged or typed in the address is shown as it is, first (the chip or
        // Escape let it go).
        let unlisted = props.range.filter(|range| !periods.iter().any(|(_, period)| period == range));
        let first = unlisted.map_or_else(|| "All dates".to_owned(), |range| capitalized(&range.human()));
        html! {
            <label class="period-choice">
                { "Period " }
                <select {onchange}>
                    <option value="" selected={props.range.is_none() || unlisted.is_some()}>{ first }</option>
                    { for periods.iter().enumerate().map(|(at, (label, period))| html! {
                        <option value={at.to_string()} selected={props.range == Some(*period)}>{ label.clone() }</option>
                    }) }
                </select>
            </label>
        }
    };
    let zoom_out = props.zoom.map(|zoom| {
        let on_zoom = props.on_zoom.clone();
        let wider = zoomed_out(zoom, extent);
        html! {
            <button type="button" class="zoom" onclick={Callback::from(move |_: MouseEvent| on_zoom.emit(wider))}>{ "Zoom out" }</button>
        }
    });
    let zoom_in = props.range.filter(|range| Some(*range) != props.zoom).map(|range| {
        let on_zoom = props.on_zoom.clone();
        html! {
            <button type="button" class="zoom" onclick={Callback::from(move |_: MouseEvent| on_zoom.emit(Some(range)))}>{ "Zoom in" }</button>
        }
    });
    let toggle_table = {
        let table_open = table_open.clone();
        Callback::from(move |_: MouseEvent| table_open.set(!*table_open))
    };
    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <span class="interval">{ format!("by {}", histogram.interval.name()) }</span>
                { for zoom_in }
                { for zoom_out }
            </div>
            <div
                id={CHART_ID}
                class="chart"
                onpointerdown={on_pointer_down}
                onpointermove={on_pointer_move}
                onpointerup={on_pointer_up}
                onpointercancel={on_pointer_cancel}
            >
                // The counts the chart's top stands for (the dashed line).
                <p class="y-max">
                    if props.narrowed {
                        <span class="visually-hidden">{ "Tallest bars: " }</span>
                        <span class="most-matching">{ format!("{} matching", number(most_matching as usize)) }</span>
                        { format!(" · {} in all", number(max as usize)) }
                    } else {
                        <span class="visually-hidden">{ "Tallest bar: " }</span>
                        { plural(max as usize, "article", "articles") }
                    }
                </p>
                <svg
                    class={classes!("bars", props.narrowed.then_some("narrowed"))}
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
                    <path class="match" d={if props.narrowed { bars_path(histogram.bins.iter().map(|bin| bin.matching), most_matching) } else { String::new() }} />
                    { for histogram.bins.iter().enumerate().map(|(at, bin)| {
                        let label = bar_label(histogram.interval, bin.period.start, bin.total, bin.matching, props.narrowed);
                        html! {
                            // Named by its title (also the tooltip), read once.
                            <rect class="hit" x={at.to_string()} width="1" y="0" height="100" role="img">
                                <title>{ label }</title>
                            </rect>
                        }
                    }) }
                    if brushed.is_some() {
                        <rect class="brush" x={first.to_string()} width={(last + 1 - first).to_string()} y="0" height="100" />
                    }
                </svg>
                { handle(End::Start) }
                { handle(End::Finish) }
            </div>
            <div class="axis" aria-hidden="true">
                { for ticks.iter().map(|tick| html! {
                    <span class="tick" style={format!("left: {}%", percent(tick.bin, bars))}>{ tick.label.clone() }</span>
                }) }
            </div>
            <div class="timeline-tools">{ period_select }</div>
            // In an element of their own: Yew pairs a list's children from its end, so a
            // strip added among the section's children would have it redraw the chart.
            <div class="series-list">
                { for props.series.iter().map(|series| series_strip(histogram, series)) }
            </div>
            if let Some(range) = props.range {
                <p class="brush-summary" aria-live="polite">{ format!("{}: {}", capitalized(&range.human()), plural(props.in_range, "article", "articles")) }</p>
                <button
                    type="button"
                    class="chip"
                    aria-label={format!("Remove the period {}", range.human())}
                    onclick={props.on_select_range.reform(|_: MouseEvent| None)}
                >
                    { capitalized(&range.human()) }<span aria-hidden="true">{ " ✕" }</span>
                </button>
            } else {
                <p class="hint">{ "Drag across the bars, or move the handles with the arrow keys, to choose a period; Enter zooms into it." }</p>
            }
            <button type="button" class="table-toggle" aria-expanded={table_open.to_string()} aria-controls="timeline-table" onclick={toggle_table}>
                { if *table_open { "Hide the table" } else { "Show as a table" } }
            </button>
            if *table_open {
                { table(histogram, props) }
            }
        </section>
    }
}

/// The calendar periods a reader may choose over `span`, whatever the bars' width, with
/// their names: its months, quarters and years (each only when there are few enough).
fn calendar_periods(span: DateRange) -> Vec<(String, DateRange)> {
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

/// Which handle of the brush.
#[derive(Clone, Copy)]
enum End {
    Start,
    Finish,
}

impl End {
    fn class(self) -> &'static str {
        match self {
            End::Start => "start",
            End::Finish => "end",
        }
    }
}

/// The bars a period covers in the chart (clamped to it).
fn covered_bars(histogram: &Histogram, range: DateRange) -> (usize, usize) {
    let last = histogram.bins.len() - 1;
    let at = |day: Date, outside: usize| histogram.bin_of(day).unwrap_or(outside);
    let first = if range.start < histogram.span.start { 0 } else { at(range.start, last) };
    let end = if range.end > histogram.span.end { last } else { at(range.end, 0) };
    (first.min(end), end.max(first))
}

/// The bar under the pointer at `client_x`.
fn bar_at(client_x: i32, bars: usize) -> Option<usize> {
    let fraction = platform::fraction_across(CHART_ID, f64::from(client_x))?;
    Some(((fraction * bars as f64).floor().max(0.0) as usize).min(bars - 1))
}

/// The period shown after "Zoom out" from `zoom`: the periods of the next coarser
/// intervals around it, until the chart's interval changes; `None` once that covers the
/// whole collection.
fn zoomed_out(zoom: DateRange, extent: Option<DateRange>) -> Option<DateRange> {
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

/// One chosen entity's strip: its mentions per bar, with its name beside it.
pub fn series_strip(histogram: &Histogram, series: &EntitySeries) -> Html {
    let counts = histogram.count(series.presence.days());
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars = counts.len();
    let total: u32 = counts.iter().sum();
    let shown_first = counts.iter().position(|&count| count > 0);
    let shown_last = counts.iter().rposition(|&count| count > 0);
    let summary = match (shown_first, shown_last) {
        (Some(first), Some(last)) => format!(
            "{}: {}, from {} to {}",
            series.name,
            plural(total as usize, "article", "articles"),
            histogram.interval.describe(histogram.bins[first].period.start),
            histogram.interval.describe(histogram.bins[last].period.start)
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

/// The histogram's numbers as a table, each period a button that chooses it.
fn table(histogram: &Histogram, props: &TimelineProps) -> Html {
    let series: Vec<(String, Vec<u32>)> =
        props.series.iter().map(|series| (series.name.clone(), histogram.count(series.presence.days()))).collect();
    html! {
        <div class="table-wrap">
            <table id="timeline-table">
                <caption>{ format!("Articles by {}", histogram.interval.name()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Period" }</th>
                        <th scope="col">{ "Articles" }</th>
                        if props.narrowed {
                            <th scope="col">{ "Matching" }</th>
                        }
                        { for series.iter().map(|(name, _)| html! { <th scope="col">{ name.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for histogram.bins.iter().enumerate().map(|(at, bin)| {
                        let period = bin.period;
                        let on_select_range = props.on_select_range.clone();
                        html! {
                            <tr>
                                <th scope="row">
                                    <button type="button" class="link-button" onclick={Callback::from(move |_: MouseEvent| on_select_range.emit(Some(period)))}>
                                        { histogram.interval.describe(period.start) }
                                    </button>
                                </th>
                                <td>{ number(bin.total as usize) }</td>
                                if props.narrowed {
                                    <td>{ number(bin.matching as usize) }</td>
                                }
                                { for series.iter().map(|(_, counts)| html! { <td>{ number(counts[at] as usize) }</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A bar's text alternative: "March 1987: 10,589 articles, 312 match".
fn bar_label(interval: Interval, start: Date, total: u32, matching: u32, narrowed: bool) -> String {
    let articles = if total == 1 { "1 article".to_owned() } else { format!("{} articles", number(total as usize)) };
    let mut label = format!("{}: {articles}", interval.describe(start));
    if narrowed {
        label.push_str(&format!(", {} match", number(matching as usize)));
    }
    label
}

/// A path drawing a bar for each count (none for 0), `max` reaching the top: bar `at`
/// stands 0.8 wide from `at + 0.1`, in a 100-high box.
fn bars_path(counts: impl Iterator<Item = u32>, max: u32) -> String {
    let mut path = String::new();
    for (at, count) in counts.enumerate().filter(|&(_, count)| count > 0) {
        path.push_str(&format!("M{at}.1 {}h.8V100h-.8z", tenths(1000 - height(count, max))));
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

fn tenths(value: u64) -> String {
    format!("{}.{}", value / 10, value % 10)
}

/// `at` of `of` as a percentage with three decimals.
fn percent(at: usize, of: usize) -> String {
    let thousandths = at as u64 * 100_000 / of.max(1) as u64;
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// `text` with its first letter a capital; periods start with an ASCII word ("from", a
/// digit, a month), and `char::to_uppercase` would add Unicode's case tables (tens of KB)
/// to the download.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| std::iter::once(first.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}
