//! The timeline: a histogram of article counts over the visible span, the collection
//! faint behind and the current selection in front, with a brush to choose a period (by
//! mouse, touch or keyboard), zoom, the chosen entities' presence over time, and a table
//! of the same numbers for screen readers. Its parts are in the files beside this one.

mod bars;
mod brush;
mod periods;
mod strip;
mod table;

use std::{cell::RefCell, rc::Rc};

use dossier_engine::{
    DateRange,
    timeline::{AxisRoom, Histogram, Tick, Timeline},
};
use yew::prelude::*;

pub use self::strip::{EntitySeries, series_strip};
use self::{
    bars::{bars_svg, left_at, y_max},
    brush::{CHART_ID, Drag, End, SelectBars, covered_bars, handle, pointer_handlers},
    periods::{calendar_periods, capitalized, zoomed_out},
    table::table,
};
use crate::{
    components::ahead::{Changes, use_ahead},
    platform,
    words::plural,
};

/// The room of the axis labels: the narrowest the chart is drawn (a phone's width less
/// margins), in pixels, so that labels chosen to fit it fit any wider chart too; 7 px a
/// character of the 11 px label font (wide enough for digits and capitals); 8 px between
/// two labels at least.
const AXIS: AxisRoom = AxisRoom { width: 280.0, char_width: 7.0, gap: 8.0 };

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
    /// Whether a bar clicked chooses its period, or lets it go when chosen (else it acts
    /// on the results, and the brush waits for what it did).
    #[prop_or(true)]
    pub bar_chooses_period: bool,
    /// Called with the period to zoom to, or `None` to show the whole collection.
    pub on_zoom: Callback<Option<DateRange>>,
}

/// What the chart draws, kept while only the chosen period changes: the histogram, its
/// axis labels and the calendar periods listed to choose from.
type Drawn = Option<(Histogram, Vec<Tick>, Vec<(String, DateRange)>)>;

/// The histogram, its brush and its table.
#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let extent = props.all.extent();
    // The bars and their labels change with the selection's articles and the zoom, not with
    // the period being chosen.
    let drawn = use_memo((props.all.clone(), props.matching.clone(), props.zoom), |(all, matching, zoom)| {
        zoom.or(all.extent()).map(|span| {
            let histogram = Histogram::new(span, all, matching);
            let ticks = histogram.ticks(AXIS);
            let periods = calendar_periods(histogram.span);
            (histogram, ticks, periods)
        })
    });
    let table_open = use_state_eq(|| false);
    let drag = use_mut_ref(|| None::<Drag>);
    // The period the brush shows ahead of the results: a drag's move, a bar clicked or a
    // handle moved is drawn in a frame of its own (a few elements), and the results, counts
    // and bars follow in the frame after, at most once a frame, the latest period winning.
    let ahead = use_ahead::<Option<DateRange>>();
    let range = ahead.shown().copied().unwrap_or(props.range);
    let choose = {
        let (ahead, on_select_range) = (ahead.clone(), props.on_select_range.clone());
        Callback::from(move |chosen: Option<DateRange>| {
            let on_select_range = on_select_range.clone();
            ahead.draw(Some(chosen), Changes::Latest, move || on_select_range.emit(chosen));
        })
    };
    let click_bar = {
        let (ahead, on_bar, chooses) = (ahead.clone(), props.on_bar.clone(), props.bar_chooses_period);
        Callback::from(move |period: DateRange| {
            let on_bar = on_bar.clone();
            // The bar chosen, or let go when it is the period already.
            let shown = chooses.then(|| (range != Some(period)).then_some(period));
            ahead.draw(shown, Changes::Latest, move || on_bar.emit(period));
        })
    };
    let Some((histogram, ticks, periods)) = drawn.as_ref() else {
        return html! {
            <section class="timeline" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <p class="muted">{ "No dates to show." }</p>
            </section>
        };
    };
    let bars = histogram.bins.len();
    let toggle_table = {
        let table_open = table_open.clone();
        Callback::from(move |_: MouseEvent| table_open.set(!*table_open))
    };
    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <span class="interval">{ format!("by {}", histogram.interval.name()) }</span>
                { for zoom_in(props) }
                { for zoom_out(props, extent) }
            </div>
            { chart(histogram, props, Brush { range, choose, click_bar }, &drag) }
            { axis(ticks, bars) }
            <div class="timeline-tools">{ period_select(props, &drawn, periods) }</div>
            // In an element of their own: Yew pairs a list's children from its end, so a
            // strip added among the section's children would have it redraw the chart.
            <div class="series-list">
                { for props.series.iter().map(|series| series_strip(histogram, series)) }
            </div>
            { brush_summary(props) }
            <button type="button" class="table-toggle" aria-expanded={table_open.to_string()} aria-controls="timeline-table" onclick={toggle_table}>
                { if *table_open { "Hide the table" } else { "Show as a table" } }
            </button>
            if *table_open {
                { table(histogram, &props.series, props.narrowed, &props.on_select_range) }
            }
        </section>
    }
}

/// The brush as the chart draws it: the period it shows (ahead of the results while they
/// follow), and what choosing a period and clicking a bar do.
struct Brush {
    range: Option<DateRange>,
    choose: Callback<Option<DateRange>>,
    click_bar: Callback<DateRange>,
}

/// The chart: the counts its top stands for, the bars, and the brush with its handles.
fn chart(histogram: &Histogram, props: &TimelineProps, brush: Brush, drag: &Rc<RefCell<Option<Drag>>>) -> Html {
    let bars = histogram.bins.len();
    // A period outside the zoomed span is not drawn (the handles rest at the ends).
    let brushed =
        brush.range.filter(|range| range.overlaps(&histogram.span)).map(|range| covered_bars(histogram, range));
    let ends = brushed.unwrap_or((0, bars - 1));
    let select_bars = Rc::new(SelectBars::new(histogram, props.zoom.is_none(), brush.choose));
    let [on_pointer_down, on_pointer_move, on_pointer_up, on_pointer_cancel] =
        pointer_handlers(drag, bars, &select_bars, &brush.click_bar);
    let max = histogram.max_total();
    // With a query or names, the matches are drawn on their own scale (the tallest reaches
    // the top, however few they are) and the collection behind as an outline on its own:
    // the counts above the chart give both tallest bars.
    let most_matching = histogram.bins.iter().map(|bin| bin.matching).max().unwrap_or(0).max(1);
    html! {
        <div
            id={CHART_ID}
            class="chart"
            onpointerdown={on_pointer_down}
            onpointermove={on_pointer_move}
            onpointerup={on_pointer_up}
            onpointercancel={on_pointer_cancel}
        >
            { y_max(props.narrowed, most_matching, max) }
            { bars_svg(histogram, props.narrowed, (max, most_matching), brushed) }
            { handle(End::Start, ends, histogram, &select_bars, &props.on_zoom, brush.range) }
            { handle(End::Finish, ends, histogram, &select_bars, &props.on_zoom, brush.range) }
        </div>
    }
}

/// The time axis under a chart of `bars` bars: its labels, on the bars they name (seen,
/// not read: the chart's bars and text alternatives say the same).
fn axis(ticks: &[Tick], bars: usize) -> Html {
    html! {
        <div class="axis" aria-hidden="true">
            { for ticks.iter().map(|tick| html! {
                <span class="tick" style={left_at(tick.bin, bars)}>{ tick.label.clone() }</span>
            }) }
        </div>
    }
}

/// The timeline's time axis for another chart of `histogram` (an entity's mentions on its
/// page): the same labels as the timeline's, for the same room.
pub fn time_axis(histogram: &Histogram) -> Html {
    axis(&histogram.ticks(AXIS), histogram.bins.len())
}

/// "Zoom in", to the chosen period, when one is chosen and not already the zoom.
fn zoom_in(props: &TimelineProps) -> Option<Html> {
    props.range.filter(|range| Some(*range) != props.zoom).map(|range| {
        let on_zoom = props.on_zoom.clone();
        html! {
            <button type="button" class="zoom" onclick={Callback::from(move |_: MouseEvent| on_zoom.emit(Some(range)))}>{ "Zoom in" }</button>
        }
    })
}

/// "Zoom out", to the next coarser periods around the zoom (or the whole collection,
/// `extent`), when zoomed.
fn zoom_out(props: &TimelineProps, extent: Option<DateRange>) -> Option<Html> {
    props.zoom.map(|zoom| {
        let on_zoom = props.on_zoom.clone();
        let wider = zoomed_out(zoom, extent);
        html! {
            <button type="button" class="zoom" onclick={Callback::from(move |_: MouseEvent| on_zoom.emit(wider))}>{ "Zoom out" }</button>
        }
    })
}

/// The list of calendar `periods` to choose from ("All dates" first), `drawn` read again
/// when one is chosen.
fn period_select(props: &TimelineProps, drawn: &Rc<Drawn>, periods: &[(String, DateRange)]) -> Html {
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
}

/// The chosen period and how many articles it holds, with a chip that lets it go; or,
/// with none chosen, how to choose one.
fn brush_summary(props: &TimelineProps) -> Html {
    html! {
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
    }
}
