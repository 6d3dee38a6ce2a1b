//! The brush that chooses a period on the chart: dragged across the bars with a mouse,
//! a finger or a pen (a click on one bar is that bar's), or moved by its two handles with
//! the keyboard.

use std::{cell::RefCell, rc::Rc};

use dossier_engine::{DateRange, timeline::Histogram};
use time::Date;
use yew::prelude::*;

use super::bars::left_at;
use crate::platform;

/// The DOM id of the chart the brush is drawn on.
pub const CHART_ID: &str = "timeline-chart";

/// How many bars Shift+arrow moves a brush handle.
const FAST_STEP: usize = 10;

/// A brush drag in progress: the bar it started on and the bars it covers now.
#[derive(Clone, Copy, Debug)]
pub struct Drag {
    anchor: usize,
    covered: (usize, usize),
    moved: bool,
}

/// Chooses the period some bars cover.
pub struct SelectBars {
    /// Called with the period, or `None` for all dates.
    pub on_select_range: Callback<Option<DateRange>>,
    /// Each bar's period.
    bins: Vec<DateRange>,
    /// The chart shows the whole collection (it is not zoomed).
    whole: bool,
}

impl SelectBars {
    /// Chooses the periods of `histogram`'s bars; `whole` when the chart is not zoomed.
    pub fn new(histogram: &Histogram, whole: bool, on_select_range: Callback<Option<DateRange>>) -> SelectBars {
        SelectBars { on_select_range, bins: histogram.bins.iter().map(|bin| bin.period).collect(), whole }
    }

    /// Chooses the period from bar `from` to bar `to` (in either order).
    fn select(&self, from: usize, to: usize) {
        let bins = &self.bins;
        let (from, to) = (from.min(to), from.max(to));
        let range = DateRange { start: bins[from].start, end: bins[to].end };
        // The whole collection chosen is no period chosen.
        let everything = self.whole && from == 0 && to == bins.len() - 1;
        self.on_select_range.emit((!everything).then_some(range));
    }
}

/// The bars a period covers in the chart (clamped to it).
pub fn covered_bars(histogram: &Histogram, range: DateRange) -> (usize, usize) {
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

/// The chart's pointer down, move, up and cancel handlers: a drag across `bars` bars
/// chooses the bars it covers as it goes; a press and release on one bar without moving
/// is a click on it (`on_bar`, with the bar's period).
pub fn pointer_handlers(
    drag: &Rc<RefCell<Option<Drag>>>,
    bars: usize,
    select_bars: &Rc<SelectBars>,
    on_bar: &Callback<DateRange>,
) -> [Callback<PointerEvent>; 4] {
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
            select_bars.select(covered.0, covered.1);
        })
    };
    let on_pointer_up = {
        let drag = drag.clone();
        let (on_bar, select_bars) = (on_bar.clone(), select_bars.clone());
        Callback::from(move |_: PointerEvent| {
            let Some(done) = drag.borrow_mut().take() else { return };
            if !done.moved {
                on_bar.emit(select_bars.bins[done.anchor]);
            }
        })
    };
    let on_pointer_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    [on_pointer_down, on_pointer_move, on_pointer_up, on_pointer_cancel]
}

/// Which handle of the brush.
#[derive(Clone, Copy)]
pub enum End {
    /// The handle at the period's start.
    Start,
    /// The handle at the period's end.
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

/// One handle of the brush, which stands on bar `first` (the start) or `last` (the end)
/// of `histogram`: a slider the arrow keys move (a handle stops at the other one), Enter
/// zooms into the chosen `range` (with `on_zoom`) and Escape lets it go.
pub fn handle(
    end: End,
    (first, last): (usize, usize),
    histogram: &Histogram,
    select_bars: &Rc<SelectBars>,
    on_zoom: &Callback<Option<DateRange>>,
    range: Option<DateRange>,
) -> Html {
    let bars = histogram.bins.len();
    // The bar the handle stands on, its name, its place (the bar's left or right
    // edge) and the day it stands for.
    let (at, label, left, day) = match end {
        End::Start => (first, "Start of period", first, histogram.bins[first].period.start),
        End::Finish => (last, "End of period", last + 1, histogram.bins[last].period.end),
    };
    let select_bars = select_bars.clone();
    let on_zoom = on_zoom.clone();
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
                select_bars.on_select_range.emit(None);
                None
            }
            _ => return,
        };
        event.prevent_default();
        if let Some(to) = moved {
            // A handle stops at the other one.
            match end {
                End::Start => select_bars.select(to.min(last), last),
                End::Finish => select_bars.select(first, to.max(first)),
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
            style={left_at(left, bars)}
            {onkeydown}
        ></div>
    }
}
