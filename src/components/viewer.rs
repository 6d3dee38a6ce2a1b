//! The viewer of a loaded collection: header, search, timeline, entity filters and
//! results, or the reader when an article is open. Holds the one reducer of the app.

use std::{rc::Rc, sync::Arc};

use dossier_core::{Corrections, DateRange, EntityId, EntityMatch, Selection};
use yew::prelude::*;

use super::{
    copy_link::CopyLink,
    corrections::{CorrectionsBar, CorrectionsHandle},
    entity_filters::{Chosen, EntityCallbacks, EntityFilters},
    entity_page::{ENTITY_HEADING_ID, EntityPage},
    header::Header,
    reader::{READER_HEADING_ID, Reader},
    result_list::{OrderedHits, PAGE_SIZE, ResultList, ordered, page_count, result_link_id},
    search_box::{SEARCH_INPUT_ID, SearchBox},
    timeline::{EntitySeries, TimelineView},
};
use crate::{
    platform::{self, FocusStep},
    route::Route,
    state::{Action, CorpusHandle, SortOrder, ViewHandle, ViewState},
    words::number,
};

/// Props of [`Viewer`].
#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    /// The loaded collection.
    pub corpus: CorpusHandle,
    /// The reader's corrections, already applied to it.
    #[prop_or_default]
    pub corrections: Rc<Corrections>,
    /// What the reader should know about them.
    #[prop_or_default]
    pub notes: Rc<Vec<String>>,
    /// Replaces the corrections (the collection is read again with them).
    #[prop_or_default]
    pub on_correct: Callback<Corrections>,
}

impl ViewerProps {
    /// A collection with no corrections.
    pub fn new(corpus: CorpusHandle) -> ViewerProps {
        ViewerProps { corpus, corrections: Rc::default(), notes: Rc::default(), on_correct: Callback::noop() }
    }
}

/// Everything a reader sees once the collection is loaded.
#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let corpus = props.corpus.clone();
    // The view follows the address (a reload, Back and Forward, a pasted link) from the
    // first render on, and the address follows the view.
    let state = {
        let corpus = corpus.clone();
        use_reducer(move || view_at(&corpus, &platform::location_hash()))
    };
    {
        let state = state.clone();
        use_effect_with(corpus.clone(), move |corpus| {
            let corpus = corpus.clone();
            tidy_address(&corpus, &state);
            let listener = platform::on_hash_change(move || {
                let view = view_at(&corpus, &platform::location_hash());
                tidy_address(&corpus, &view);
                state.dispatch(Action::Restore(view));
            });
            move || drop(listener)
        });
    }
    {
        let corpus = corpus.clone();
        let last_write = use_mut_ref(|| (f64::NEG_INFINITY, Change::Other, ViewState::default()));
        use_effect_with((*state).clone(), move |view| {
            let pending = platform::address_writes();
            let route = route_of(&corpus, view);
            if Route::parse(&platform::location_hash()) == route {
                // Back, Forward or a link brought this view (or the reader undid, within a
                // frame, a change not yet written): nothing older is written.
                pending.cancel();
                return;
            }
            // A query typed, or a period dragged, within SETTLE_MS of the last change of
            // its kind rewrites that history entry: Back goes to the view before, not to
            // its last letter or pointer move. Such rewrites wait for a pause (browsers
            // throttle a page that writes history too often: Chromium, 200 times in 10
            // seconds); a new entry is written once the frame is painted, after any
            // rewrite still waiting.
            let now = platform::now_ms();
            let (settling, change) = {
                let (then, last_change, before) = &*last_write.borrow();
                let change = Change::between(before, view);
                (now - then < SETTLE_MS && change != Change::Other && change == *last_change, change)
            };
            *last_write.borrow_mut() = (now, change, view.clone());
            let fragment = route.to_fragment();
            if settling {
                // (A new entry still waiting for its frame is written first: a rewrite
                // never takes its place.)
                pending.after_pause(TYPING_PAUSE_MS, move || platform::write_hash(&fragment, false));
            } else {
                pending.flush();
                // Once the frame is painted: pushState takes 1 to 3 ms in Chromium, which a
                // click on a filter or a bar would otherwise wait for to be drawn.
                pending.after_next_paint(move || platform::write_hash(&fragment, true));
            }
        });
    }
    let view = use_memo((corpus.clone(), state.selection.clone()), |(corpus, selection)| corpus.select(selection));
    let view = ViewHandle(Arc::clone(&view));
    let order = state.order();
    let hits = use_memo((view.clone(), order), |(view, order)| ordered(&corpus, view, *order));
    let pages = page_count(hits.as_slice().len());
    {
        // The shortcuts read the page they are pressed on, not the one of the first render.
        let paging = use_mut_ref(|| Paging { page: 0, pages: 1, reading: false });
        *paging.borrow_mut() = Paging {
            page: state.page.min(pages - 1),
            pages,
            reading: state.open.is_some() || state.entity_page.is_some(),
        };
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listeners = (
                platform::on_shortcut(move |key| shortcut(key, &dispatch, *paging.borrow())),
                platform::flush_address_on_click(),
            );
            move || drop(listeners)
        });
    }
    // While the first view drawn at build time stands in for the app, the sidebar is drawn
    // a task after the rest (drawing all at once would block input twice as long on a slow
    // phone); that view goes once the app's is whole.
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
    // The first letter typed is the slowest keystroke (it matches the most articles):
    // its views are computed ahead, one letter a task, while the reader looks.
    use_effect_with(corpus.clone(), |corpus| warm_first_letters(corpus.clone(), FIRST_LETTERS.chars()));
    // Focus the article's heading when one opens, so screen readers start there; on the
    // way back, focus the link of the article just read, so the reader keeps their place.
    let last_open = use_mut_ref(|| None);
    use_effect_with((state.open, state.entity_page), move |(open, entity_page)| {
        match (open, entity_page) {
            (Some(_), _) => platform::focus(READER_HEADING_ID),
            (None, Some(_)) => platform::focus(ENTITY_HEADING_ID),
            (None, None) => {
                if let Some(article) = *last_open.borrow() {
                    platform::focus(&result_link_id(article));
                }
            }
        }
        *last_open.borrow_mut() = *open;
    });

    // The callbacks stay the same from render to render (they hold the reducer's
    // dispatcher, not its state), so a component whose data did not change (the timeline,
    // the entity filters while the reader types) is not drawn again.
    let dispatch = state.dispatcher();
    let on_search = use_action(&dispatch, Action::SetQuery);
    let on_toggle_entity = use_action(&dispatch, Action::ToggleEntity);
    let on_exclude_entity = use_action(&dispatch, Action::ExcludeEntity);
    let on_entity_match = use_action(&dispatch, Action::SetEntityMatch);
    let on_show_entity = use_action(&dispatch, |entity| Action::ShowEntity(Some(entity)));
    let on_entities = EntityCallbacks {
        toggle: on_toggle_entity,
        exclude: on_exclude_entity,
        set_match: on_entity_match,
        about: on_show_entity,
    };
    let on_select_range = use_action(&dispatch, Action::SetRange);
    let on_zoom = use_action(&dispatch, Action::SetZoom);
    let on_sort = use_action(&dispatch, Action::SetSort);
    let on_clear = use_action(&dispatch, |()| Action::ClearFilters);
    let on_page = use_callback(dispatch.clone(), |page, dispatch| turn_page(dispatch, page, FocusStep::First));
    // A bar click reads the results, the order and the period of the render it lands in.
    let bar_context = use_mut_ref(|| None::<(OrderedHits, Option<SortOrder>, Option<DateRange>)>);
    *bar_context.borrow_mut() = Some(((*hits).clone(), state.sort, state.selection.range));
    let on_bar = use_callback((corpus.clone(), dispatch.clone()), move |period, (corpus, dispatch)| {
        let context = bar_context.borrow().clone();
        if let Some((hits, sort, range)) = context {
            on_bar(corpus, dispatch, BarContext { hits: hits.as_slice(), sort, range }, period);
        }
    });
    let series = use_memo((corpus.clone(), state.selection.entities.clone()), |(corpus, entities)| {
        entities
            .iter()
            .map(|&entity| EntitySeries {
                name: corpus.entity(entity).name.clone(),
                presence: corpus.entity_timeline(entity),
            })
            .collect::<Vec<_>>()
    });
    let list = route_of(&corpus, &ViewState { open: None, entity_page: None, ..(*state).clone() });
    // Whether this render follows a change of the query (a keystroke).
    let last_query = use_mut_ref(String::new);
    let typing = *last_query.borrow() != state.selection.query;
    last_query.borrow_mut().clone_from(&state.selection.query);
    let on_filter_by = use_action(&dispatch, Action::FilterBy);
    let corrections = CorrectionsHandle {
        corrections: props.corrections.clone(),
        notes: props.notes.clone(),
        on_correct: props.on_correct.clone(),
    };
    let on_close = {
        let fragment = list.to_fragment();
        Callback::from(move |()| platform::go_to(&fragment))
    };
    let collection = corpus.collection();
    // The link does what `/` does rather than going to `#search`, which the address would
    // read as a view of its own (the whole collection, the query dropped).
    let skip_to_search = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        platform::focus_and_select(SEARCH_INPUT_ID);
    });

    html! {
        <div class="app">
            // Only where there is a search box to skip to.
            if !corpus.articles().is_empty() && state.open.is_none() && state.entity_page.is_none() {
                <a class="skip-link" href={format!("#{SEARCH_INPUT_ID}")} onclick={skip_to_search}>{ "Skip to search" }</a>
            }
            <Header
                name={collection.name.clone()}
                description={collection.description.clone().map(AttrValue::from)}
                articles={corpus.articles().len()}
                entities={corpus.entities().len()}
            />
            if corpus.articles().is_empty() {
                <main id="main" class="empty-collection">
                    <div class="empty-state">
                        <h2>{ "This collection has no articles" }</h2>
                        <p>{ "There is nothing to search or read yet. Add articles with the dossier command line (dossier ingest) and open the bundle it writes." }</p>
                    </div>
                </main>
            } else if let Some(article) = state.open {
                <main id="main">
                    <Reader corpus={corpus.clone()} {article} terms={view.query.highlights.clone()} {on_close} list_parameters={list.list_parameters()} />
                </main>
            } else if let Some(entity) = state.entity_page {
                <main id="main">
                    <EntityPage
                        corpus={corpus.clone()}
                        {entity}
                        view={view.clone()}
                        narrowed={view.hits.len() != view.collection_size}
                        list_parameters={list.list_parameters()}
                        {on_close}
                        on_filter={on_filter_by}
                        corrections={corrections.clone()}
                    />
                </main>
            } else {
                <SearchBox query={state.selection.query.clone()} on_search={on_search.clone()} />
                <div class="status-row">
                    <p class="status" role="status" aria-live="polite">{ status_line(&state.selection, view.hits.len(), view.collection_size, &corpus) }</p>
                    // Copy link last, at the row's end: what comes and goes before it never
                    // moves it.
                    if state.selection != Selection::default() {
                        <button type="button" class="clear-all" onclick={on_clear.reform(|_: MouseEvent| ())}>{ "Clear all filters" }</button>
                    }
                    <CopyLink />
                </div>
                <div class="layout">
                    <main id="main" class="results-pane">
                        <ResultList
                            corpus={corpus.clone()}
                            view={view.clone()}
                            hits={(*hits).clone()}
                            {order}
                            page={state.page}
                            {on_page}
                            {on_sort}
                            on_clear={on_clear.clone()}
                            on_search={on_search.clone()}
                            list_parameters={list.list_parameters()}
                        />
                    </main>
                    if !*staged {
                        <Sidebar
                            corpus={corpus.clone()}
                            view={view.clone()}
                            range={state.selection.range}
                            zoom={state.zoom}
                            chosen={Chosen::of(&state.selection)}
                            {typing}
                            series={series.clone()}
                            {on_select_range}
                            {on_entities}
                            corrections={corrections.clone()}
                            {on_bar}
                            {on_zoom}
                        />
                    }
                </div>
            }
        </div>
    }
}

/// How long after the last keystroke a query counts as settled: the next change to it
/// makes a new history entry instead of rewriting the current one.
const SETTLE_MS: f64 = 1_000.0;

/// The view a location fragment describes (what it names that this collection lacks is
/// left out).
fn view_at(corpus: &CorpusHandle, fragment: &str) -> ViewState {
    let route = Route::parse(fragment);
    let ids = |ids: &[String]| -> Vec<EntityId> { ids.iter().filter_map(|id| corpus.entity_by_key(id)).collect() };
    let entity_match = if route.any_entity { EntityMatch::Any } else { EntityMatch::All };
    ViewState {
        selection: Selection {
            query: route.query.clone(),
            entities: ids(&route.entities),
            excluded: ids(&route.excluded),
            entity_match,
            range: route.range,
        },
        open: route.article.and_then(|id| corpus.article_by_key(&id)),
        entity_page: route.entity.and_then(|id| corpus.entity_by_key(&id)),
        sort: route.sort,
        page: route.page,
        zoom: route.zoom,
    }
}

/// What changed from one view to the next, for history: a query typed on, or a period
/// dragged on, rewrites its entry when it comes soon after a change of the same kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Query,
    Range,
    Other,
}

impl Change {
    fn between(before: &ViewState, now: &ViewState) -> Change {
        let same = before.open == now.open
            && before.entity_page == now.entity_page
            && before.sort == now.sort
            && before.zoom == now.zoom;
        let (was, is) = (&before.selection, &now.selection);
        let same_entities =
            was.entities == is.entities && was.excluded == is.excluded && was.entity_match == is.entity_match;
        match (same && same_entities, was.query == is.query, was.range == is.range) {
            (true, false, true) => Change::Query,
            (true, true, false) => Change::Range,
            _ => Change::Other,
        }
    }
}

/// Rewrites the address in place when it names what the view left out (an entity or
/// article this collection lacks, a broken date): Back then skips no copy of it.
fn tidy_address(corpus: &CorpusHandle, view: &ViewState) {
    let route = route_of(corpus, view);
    if Route::parse(&platform::location_hash()) != route {
        platform::write_hash(&route.to_fragment(), false);
    }
}

/// The route of a view, with the stable ids of its entities and article.
fn route_of(corpus: &CorpusHandle, view: &ViewState) -> Route {
    let selection = &view.selection;
    let ids = |entities: &[EntityId]| -> Vec<String> {
        entities.iter().map(|&entity| corpus.entity(entity).id.clone()).collect()
    };
    Route {
        article: view.open.map(|article| corpus.article(article).id.clone()),
        entity: view.entity_page.map(|entity| corpus.entity(entity).id.clone()),
        query: selection.query.clone(),
        entities: ids(&selection.entities),
        excluded: ids(&selection.excluded),
        any_entity: selection.entity_match == EntityMatch::Any,
        range: selection.range,
        sort: view.sort,
        page: view.page,
        zoom: view.zoom,
    }
}

/// Where the reader is, as the keyboard shortcuts need it (read when a key is pressed:
/// the listener is the first render's).
#[derive(Clone, Copy)]
struct Paging {
    page: usize,
    pages: usize,
    reading: bool,
}

/// The links of the results on the page, in order (what `j` and `k` move between).
const RESULT_LINKS: &str = ".results .result a[id^=result-]";

/// The page's keyboard shortcuts: `/` focuses the search box and selects its text; `j` and `k` move to the
/// next and previous result, on to the next or previous page at either end.
fn shortcut(key: &str, dispatch: &UseReducerDispatcher<ViewState>, Paging { page, pages, reading }: Paging) -> bool {
    if reading {
        return false;
    }
    match key {
        "/" => {
            // Its text selected: what is typed next is a new query.
            platform::focus_and_select(SEARCH_INPUT_ID);
            true
        }
        "j" | "k" => {
            let forward = key == "j";
            let (step, turned, lands_on) = match forward {
                true => (FocusStep::Next, (page + 1 < pages).then_some(page + 1), FocusStep::First),
                false => (FocusStep::Previous, page.checked_sub(1), FocusStep::Last),
            };
            if !platform::focus_among(RESULT_LINKS, step) {
                if let Some(turned) = turned {
                    turn_page(dispatch, turned, lands_on);
                }
            }
            true
        }
        _ => false,
    }
}

/// Shows page `page` of the results and, once it is drawn, focuses its first or last
/// result.
fn turn_page(dispatch: &UseReducerDispatcher<ViewState>, page: usize, lands_on: FocusStep) {
    dispatch.dispatch(Action::SetPage(page));
    platform::after_paint(move || {
        platform::focus_among(RESULT_LINKS, lands_on);
    });
}

/// What a bar click acts on: the results in their order, the order the reader chose and
/// the period chosen.
struct BarContext<'a> {
    hits: &'a [dossier_core::search::SearchHit],
    sort: Option<SortOrder>,
    range: Option<DateRange>,
}

/// A bar of the timeline clicked: when the reader sorted the results by date, the list
/// turns to the period's first result; else the period is chosen (or, chosen already,
/// let go).
fn on_bar(corpus: &CorpusHandle, dispatch: &UseReducerDispatcher<ViewState>, at: BarContext, period: DateRange) {
    if at.sort.is_some_and(|order| order != SortOrder::Relevance) {
        let first = at.hits.iter().position(|hit| period.contains(corpus.article(hit.article).date.day()));
        if let Some(first) = first {
            dispatch.dispatch(Action::SetPage(first / PAGE_SIZE));
            let link = result_link_id(at.hits[first].article);
            platform::after_paint(move || platform::focus(&link));
            return;
        }
    }
    let chosen = at.range == Some(period);
    dispatch.dispatch(Action::SetRange((!chosen).then_some(period)));
}

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
struct SidebarProps {
    corpus: CorpusHandle,
    view: ViewHandle,
    range: Option<DateRange>,
    zoom: Option<DateRange>,
    chosen: Chosen,
    /// The view changed because the query did (the sidebar may follow a frame later).
    typing: bool,
    series: Rc<Vec<EntitySeries>>,
    on_select_range: Callback<Option<DateRange>>,
    on_entities: EntityCallbacks,
    corrections: CorrectionsHandle,
    on_bar: Callback<DateRange>,
    on_zoom: Callback<Option<DateRange>>,
}

/// The timeline and the entity filters. On a large collection, while the reader types,
/// they follow the view once typing pauses ([`TYPING_PAUSE_MS`]): the results the reader
/// watches update in the keystroke's frame, and the next keystroke never waits for the
/// sidebar of the one before.
///
/// On a narrow screen the timeline is a strip the reader can expand, and the filters a
/// sheet behind a "Filters (n)" button, so the results come right after the search.
#[component]
fn Sidebar(props: &SidebarProps) -> Html {
    // Only keystrokes are deferred: a reader who presses a filter or a bar is looking at
    // the sidebar, so it follows in the same frame.
    let defer = props.corpus.articles().len() >= DEFER_SIDEBAR_FROM && props.typing;
    // The view last drawn, kept without a render of its own: noting it as a state drew the
    // whole sidebar a second time after every change.
    let shown = use_mut_ref(|| props.view.clone());
    let pending = use_memo((), |_| platform::LastOnly::default());
    let redraw = use_force_update();
    let timeline_open = use_state_eq(|| false);
    let filters_open = use_state_eq(|| false);
    {
        let shown = shown.clone();
        use_effect_with(props.view.clone(), move |view| {
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
    let view = if defer { shown.borrow().clone() } else { props.view.clone() };
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
                on_zoom={props.on_zoom.clone()}
            />
            <div id="filters-sheet" class="filters-sheet" onkeydown={close_on_escape}>
                <button type="button" class="sheet-close" onclick={close_filters}>{ "Done" }</button>
                <EntityFilters corpus={props.corpus.clone()} {view} chosen={props.chosen.clone()} on={props.on_entities.clone()} />
                <CorrectionsBar handle={props.corrections.clone()} />
            </div>
        </aside>
    }
}

/// Collections of at least this many articles update the sidebar after the results
/// (below, a keystroke costs too little for it to matter, and everything updates at once).
const DEFER_SIDEBAR_FROM: usize = 2_000;

/// How long typing must pause before the sidebar follows the query, and typing or dragging
/// before the address follows, in milliseconds.
/// Shorter than the time between a fast typist's keys (about 120 ms at 100 words a
/// minute), so at a reader's pace it follows every key, a moment later; drawing it after
/// every key of faster typing (a paste, key repeat, a benchmark) delayed the next key's
/// results by a frame.
const TYPING_PAUSE_MS: i32 = 100;

/// The letters and digits whose views are computed ahead, most common first letters of
/// English words first.
const FIRST_LETTERS: &str = "scpatmbdrfihewglnoukvjyqzx0123456789";

/// Warms the view of each letter in `letters`, each in a task of its own; marks
/// "dossier:warmed" on the performance timeline when done (benchmarks wait for it).
fn warm_first_letters(corpus: CorpusHandle, mut letters: std::str::Chars<'static>) {
    let Some(letter) = letters.next() else {
        platform::mark("dossier:warmed");
        return;
    };
    platform::soon(move || {
        corpus.warm_first_letter(letter);
        warm_first_letters(corpus, letters);
    });
}

/// A callback that turns its value into an action on the reducer, the same one on every
/// render.
#[hook]
fn use_action<T: 'static>(dispatch: &UseReducerDispatcher<ViewState>, make: fn(T) -> Action) -> Callback<T> {
    use_callback((dispatch.clone(), make), |value, (dispatch, make)| dispatch.dispatch(make(value)))
}

/// "3 of 120 articles", plus what narrows them.
fn status_line(selection: &Selection, shown: usize, total: usize, corpus: &CorpusHandle) -> String {
    // "1 of 1 articles": the noun counts the collection, as in "3 of 120 articles".
    let mut line = format!("{} of {} articles", number(shown), number(total));
    let mut narrowed = Vec::new();
    if !selection.query.trim().is_empty() {
        narrowed.push(format!("matching “{}”", selection.query.trim()));
    }
    let names = |entities: &[EntityId], joint: &str| -> String {
        let names: Vec<&str> = entities.iter().map(|&entity| corpus.entity(entity).name.as_str()).collect();
        names.join(joint)
    };
    if !selection.entities.is_empty() {
        let joint = if selection.entity_match == EntityMatch::Any { " or " } else { " and " };
        narrowed.push(format!("mentioning {}", names(&selection.entities, joint)));
    }
    if !selection.excluded.is_empty() {
        narrowed.push(format!("not mentioning {}", names(&selection.excluded, " or ")));
    }
    if let Some(range) = selection.range {
        let whole_month = range.is_month();
        let prefix = if range.start == range.end {
            "on "
        } else if whole_month {
            "in "
        } else {
            ""
        };
        narrowed.push(format!("{prefix}{}", range.human()));
    }
    if !narrowed.is_empty() {
        line.push_str(", ");
        line.push_str(&narrowed.join(", "));
    }
    line
}
