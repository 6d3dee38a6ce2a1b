//! The viewer of a loaded collection: header, search, timeline, entity filters and
//! results, or the reader when an article is open. Holds the one reducer of the app.

use std::sync::Arc;

use dossier_core::{ArticleDate, ArticleId, DateRange, EntityId, Selection, article::month_name};
use yew::prelude::*;

use super::{
    copy_link::CopyLink,
    entity_filters::EntityFilters,
    header::Header,
    reader::{READER_HEADING_ID, Reader},
    result_list::{ResultList, result_link_id},
    search_box::{SEARCH_INPUT_ID, SearchBox},
    timeline::TimelineView,
};
use crate::{
    platform,
    route::Route,
    state::{Action, CorpusHandle, ViewHandle, ViewState},
};

/// Props of [`Viewer`].
#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    /// The loaded collection.
    pub corpus: CorpusHandle,
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
        let last_write = use_mut_ref(|| (f64::NEG_INFINITY, Selection::default()));
        use_effect_with((state.selection.clone(), state.open), move |(selection, open)| {
            let route = route_of(&corpus, selection, *open);
            if Route::parse(&platform::location_hash()) == route {
                return;
            }
            // Keystrokes within SETTLE_MS of the last rewrite the entry the query is
            // typed in: Back goes to the query before, not to its last letter.
            let now = platform::now_ms();
            let typing = {
                let (then, before) = &*last_write.borrow();
                selection.query != before.query
                    && selection.entities == before.entities
                    && selection.range == before.range
                    && now - then < SETTLE_MS
            };
            platform::write_hash(&route.to_fragment(), !typing);
            *last_write.borrow_mut() = (now, selection.clone());
        });
    }
    {
        use_effect_with((), |_| {
            let listener = platform::focus_on_slash(SEARCH_INPUT_ID);
            move || drop(listener)
        });
    }
    // The first letter typed is the slowest keystroke (it matches the most articles):
    // its views are computed ahead, one letter a task, while the reader looks.
    use_effect_with(corpus.clone(), |corpus| warm_first_letters(corpus.clone(), FIRST_LETTERS.chars()));
    // Focus the article's heading when one opens, so screen readers start there; on the
    // way back, focus the link of the article just read, so the reader keeps their place.
    let last_open = use_mut_ref(|| None);
    use_effect_with(state.open, move |open| {
        match open {
            Some(_) => platform::focus(READER_HEADING_ID),
            None => {
                if let Some(article) = *last_open.borrow() {
                    platform::focus(&result_link_id(article));
                }
            }
        }
        *last_open.borrow_mut() = *open;
    });

    let view = use_memo((corpus.clone(), state.selection.clone()), |(corpus, selection)| corpus.select(selection));
    let view = ViewHandle(Arc::clone(&view));
    let on_search: Callback<String> = dispatcher(&state, Action::SetQuery);
    let on_toggle_entity: Callback<EntityId> = dispatcher(&state, Action::ToggleEntity);
    let on_select_range: Callback<Option<DateRange>> = dispatcher(&state, Action::SetRange);
    let on_clear: Callback<()> = dispatcher(&state, |()| Action::ClearFilters);
    let list = route_of(&corpus, &state.selection, None);
    let on_close = {
        let fragment = list.to_fragment();
        Callback::from(move |()| platform::go_to(&fragment))
    };
    let collection = corpus.collection();

    html! {
        <div class="app">
            <a class="skip-link" href={format!("#{SEARCH_INPUT_ID}")}>{ "Skip to search" }</a>
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
                    <Reader corpus={corpus.clone()} {article} terms={view.query.highlights.clone()} {on_close} />
                </main>
            } else {
                <SearchBox query={state.selection.query.clone()} {on_search} />
                <div class="layout">
                    <main id="main" class="results-pane">
                        <div class="status-row">
                            <p class="status" role="status" aria-live="polite">{ status_line(&state.selection, view.hits.len(), view.collection_size, &corpus) }</p>
                            <CopyLink />
                            if state.selection != Selection::default() {
                                <button type="button" class="clear-all" onclick={on_clear.reform(|_: MouseEvent| ())}>{ "Clear all filters" }</button>
                            }
                        </div>
                        <ResultList corpus={corpus.clone()} view={view.clone()} on_clear={on_clear.clone()} list_parameters={list.list_parameters()} />
                    </main>
                    <Sidebar corpus={corpus.clone()} view={view.clone()} range={state.selection.range} chosen={state.selection.entities.clone()} {on_select_range} {on_toggle_entity} />
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
    let entities: Vec<EntityId> = route.entities.iter().filter_map(|id| corpus.entity_by_key(id)).collect();
    ViewState {
        selection: Selection { query: route.query, entities, range: route.range },
        open: route.article.and_then(|id| corpus.article_by_key(&id)),
    }
}

/// Rewrites the address in place when it names what the view left out (an entity or
/// article this collection lacks, a broken date): Back then skips no copy of it.
fn tidy_address(corpus: &CorpusHandle, view: &ViewState) {
    let route = route_of(corpus, &view.selection, view.open);
    if Route::parse(&platform::location_hash()) != route {
        platform::write_hash(&route.to_fragment(), false);
    }
}

/// The route of a view, with the stable ids of its entities and article.
fn route_of(corpus: &CorpusHandle, selection: &Selection, open: Option<ArticleId>) -> Route {
    Route {
        article: open.map(|article| corpus.article(article).id.clone()),
        query: selection.query.clone(),
        entities: selection.entities.iter().map(|&entity| corpus.entity(entity).id.clone()).collect(),
        range: selection.range,
    }
}

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
struct SidebarProps {
    corpus: CorpusHandle,
    view: ViewHandle,
    range: Option<DateRange>,
    chosen: Vec<EntityId>,
    on_select_range: Callback<Option<DateRange>>,
    on_toggle_entity: Callback<EntityId>,
}

/// The timeline and the entity filters. On a large collection they follow the view a
/// frame after the results, so the results the reader watches update in the keystroke's
/// frame; keystrokes faster than frames update them once, with the latest view.
#[component]
fn Sidebar(props: &SidebarProps) -> Html {
    let large = props.corpus.articles().len() >= DEFER_SIDEBAR_FROM;
    let shown = use_state_eq(|| props.view.clone());
    let latest = use_mut_ref(|| None::<ViewHandle>);
    {
        let shown = shown.clone();
        use_effect_with(props.view.clone(), move |view| {
            if large && latest.borrow_mut().replace(view.clone()).is_none() {
                platform::after_paint(move || {
                    if let Some(view) = latest.borrow_mut().take() {
                        shown.set(view);
                    }
                });
            }
        });
    }
    let view = if large { (*shown).clone() } else { props.view.clone() };
    html! {
        <aside class="sidebar" aria-label="Filters">
            <TimelineView timeline={view.timeline.clone()} range={props.range} on_select_range={props.on_select_range.clone()} />
            <EntityFilters corpus={props.corpus.clone()} {view} chosen={props.chosen.clone()} on_toggle_entity={props.on_toggle_entity.clone()} />
        </aside>
    }
}

/// Collections of at least this many articles update the sidebar a frame after the
/// results (below, a keystroke costs too little for it to matter, and everything updates
/// at once).
const DEFER_SIDEBAR_FROM: usize = 2_000;

/// The letters and digits whose views are computed ahead, most common first letters of
/// English words first.
const FIRST_LETTERS: &str = "scpatmbdrfihewglnoukvjyqzx0123456789";

/// Warms the view of each letter in `letters`, each in a task of its own.
fn warm_first_letters(corpus: CorpusHandle, mut letters: std::str::Chars<'static>) {
    let Some(letter) = letters.next() else { return };
    platform::soon(move || {
        corpus.warm_first_letter(letter);
        warm_first_letters(corpus, letters);
    });
}

/// A callback that turns its value into an action on the reducer.
fn dispatcher<T: 'static>(state: &UseReducerHandle<ViewState>, make: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(make(value)))
}

/// "3 of 120 articles", plus what narrows them.
fn status_line(selection: &Selection, shown: usize, total: usize, corpus: &CorpusHandle) -> String {
    // "1 of 1 articles": the noun counts the collection, as in "3 of 120 articles".
    let mut line = format!("{shown} of {total} articles");
    let mut narrowed = Vec::new();
    if !selection.query.trim().is_empty() {
        narrowed.push(format!("matching “{}”", selection.query.trim()));
    }
    if !selection.entities.is_empty() {
        let names: Vec<&str> = selection.entities.iter().map(|&entity| corpus.entity(entity).name.as_str()).collect();
        narrowed.push(format!("mentioning {}", names.join(" and ")));
    }
    if let Some(range) = selection.range {
        let day = |date| ArticleDate::from_day(date).human();
        if range.start == range.end {
            narrowed.push(format!("on {}", day(range.start)));
        } else if range.is_month() {
            narrowed.push(format!("in {} {}", month_name(range.start.month()), range.start.year()));
        } else {
            narrowed.push(format!("from {} to {}", day(range.start), day(range.end)));
        }
    }
    if !narrowed.is_empty() {
        line.push_str(", ");
        line.push_str(&narrowed.join(", "));
    }
    line
}
