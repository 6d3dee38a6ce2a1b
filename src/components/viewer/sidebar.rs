//! The sidebar beside the results: the timeline and the entity filters. It may follow
//! the results a moment later: while the first view drawn at build time stands in for
//! the app, and while the reader types on a large collection.

use std::rc::Rc;

use dossier_engine::{DateRange, EntityId, Selection};
use yew::prelude::*;

use super::address::TYPING_PAUSE_MS;
use crate::{
    components::{
        corrections::{CorrectionsBar, CorrectionsHandle},
        entity_filters::{Chosen, EntityCallbacks, EntityFilters},
        timeline::{EntitySeries, TimelineView},
    },
    platform,
    state::{CorpusHandle, ViewHandle},
    words::number,
};

/// Collections of at least this many articles update the sidebar after the results
/// (below, a keystroke costs too little for it to matter, and everything updates at once).
const DEFER_SIDEBAR_FROM: usize = 2_000;

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The current selection's view.
    pub view: ViewHandle,
    /// The chosen period.
    pub range: Option<DateRange>,
    /// The period the timeline is zoomed to.
    pub zoom: Option<DateRange>,
    /// The entity filters set.
    pub chosen: Chosen,
    /// The view changed because the query did (the sidebar may follow a frame later).
    pub typing: bool,
    /// The chosen entities' presence over time.
    pub series: Rc<Vec<EntitySeries>>,
    /// Chooses a period, or lets it go.
    pub on_select_range: Callback<Option<DateRange>>,
    /// Chooses, leaves out and opens entities.
    pub on_entities: EntityCallbacks,
    /// The reader's corrections.
    pub corrections: CorrectionsHandle,
    /// A bar of the timeline clicked.
    pub on_bar: Callback<DateRange>,
    /// Whether a bar clicked chooses its period (not when the results are sorted by date:
    /// it turns their pages).
    pub bar_chooses_period: bool,
    /// Zooms the timeline.
    pub on_zoom: Callback<Option<DateRange>>,
}

/// The timeline and the entity filters. On a large collection, while the reader types,
/// they follow the view once typing pauses ([`TYPING_PAUSE_MS`]): the results the reader
/// watches update in the keystroke's frame, and the next keystroke never waits for the
/// sidebar of the one before.
///
/// On a narrow screen the timeline is a strip the reader can expand, and the filters a
/// sheet behind a "Filters (n)" button, so the results come right after the search.
#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    // Only keystrokes are deferred: a reader who presses a filter or a bar is looking at
    // the sidebar, so it follows in the same frame.
    let defer = props.corpus.article_count() >= DEFER_SIDEBAR_FROM && props.typing;
    let view = use_view_drawn(&props.view, defer);
    // The sheet covers the status line: it says how many articles the filters leave, live.
    let sheet_count = format!("{} of {} articles", number(props.view.hits.len()), number(props.view.collection_size));
    let timeline_open = use_state_eq(|| false);
    let filters_open = use_state_eq(|| false);
    let everything = props.corpus.select(&Selection::default());
    // The front layer differs from the back one when the query or entities leave articles
    // out (the period does not change either layer).
    let narrowed = view.timeline.total() != everything.timeline.total();
    let toggle = |open: &UseStateHandle<bool>| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(false))
    };
    let close_on_escape = {
        let filters_open = filters_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                filters_open.set(false);
            }
        })
    };
    html! {
        <aside
            class={classes!("sidebar", timeline_open.then_some("timeline-open"), filters_open.then_some("filters-open"))}
            aria-label="Filters"
        >
            <div class="narrow-bar">
                <button type="button" aria-expanded={timeline_open.to_string()} onclick={toggle(&timeline_open)}>{ "Timeline" }</button>
                <button type="button" aria-expanded={filters_open.to_string()} aria-controls="filters-sheet" onclick={toggle(&filters_open)}>
                    { format!("Filters ({})", props.chosen.len()) }
                </button>
            </div>
            <TimelineView
                all={everything.timeline.clone()}
                matching={view.timeline.clone()}
                {narrowed}
                range={props.range}
                in_range={view.hits.len()}
                zoom={props.zoom}
                series={props.series.clone()}
                on_select_range={props.on_select_range.clone()}
                on_bar={props.on_bar.clone()}
                bar_chooses_period={props.bar_chooses_period}
                on_zoom={props.on_zoom.clone()}
            />
            <div id="filters-sheet" class="filters-sheet" onkeydown={close_on_escape}>
                <div class="sheet-head">
                    <p class="sheet-count" aria-live="polite">{ sheet_count }</p>
                    <button type="button" class="sheet-close" onclick={close_filters}>{ "Done" }</button>
                </div>
                <EntityFilters corpus={props.corpus.clone()} {view} chosen={props.chosen.clone()} on={props.on_entities.clone()} />
                <CorrectionsBar handle={props.corrections.clone()} />
            </div>
        </aside>
    }
}

/// The view the sidebar draws: `view`, or while `defer`, the one last drawn until typing
/// pauses. That one is kept without a render of its own: noting it as a state drew the
/// whole sidebar a second time after every change.
#[hook]
fn use_view_drawn(view: &ViewHandle, defer: bool) -> ViewHandle {
    let shown = use_mut_ref(|| view.clone());
    let pending = use_memo((), |_| platform::LastOnly::default());
    let redraw = use_force_update();
    {
        let shown = shown.clone();
        use_effect_with(view.clone(), move |view| {
            if defer {
                let view = view.clone();
                pending.after_pause(TYPING_PAUSE_MS, move || {
                    *shown.borrow_mut() = view;
                    redraw.force_update();
                });
            } else {
                // Whatever a keystroke left pending is older than this view.
                pending.cancel();
                *shown.borrow_mut() = view.clone();
            }
        });
    }
    if defer { shown.borrow().clone() } else { view.clone() }
}

/// Whether the sidebar waits: while the first view drawn at build time stands in for the
/// app, the sidebar is drawn a task after the rest (drawing all at once would block input
/// twice as long on a slow phone); that view goes once the app's is whole.
#[hook]
pub fn use_staged() -> bool {
    let staged = use_state_eq(platform::prerendered_shown);
    {
        let handle = staged.clone();
        use_effect_with(*staged, move |&staged| {
            if staged {
                platform::soon(move || handle.set(false));
            } else {
                platform::drop_prerendered();
            }
        });
    }
    *staged
}

/// The chosen entities' presence over time, for the timeline's strips.
#[hook]
pub fn use_series(corpus: &CorpusHandle, entities: &[EntityId]) -> Rc<Vec<EntitySeries>> {
    use_memo((corpus.clone(), entities.to_vec()), |(corpus, entities)| {
        entities
            .iter()
            .map(|&entity| EntitySeries {
                name: corpus.entity(entity).name.clone(),
                presence: corpus.entity_timeline(entity),
            })
            .collect::<Vec<_>>()
    })
}

/// Whether this render follows a change of the `selection`'s query (a keystroke).
#[hook]
pub fn use_query_changed(selection: &Selection) -> bool {
    let last_query = use_mut_ref(String::new);
    let typing = *last_query.borrow() != selection.query;
    last_query.borrow_mut().clone_from(&selection.query);
    typing
}
