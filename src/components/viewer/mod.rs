//! The viewer of a loaded collection: header, search, timeline, entity filters and
//! results, or the reader when an article is open. Holds the one reducer of the app; its
//! parts are in the files beside this one.

mod actions;
mod address;
mod focus;
mod sidebar;
mod status;
mod warm;

use std::{rc::Rc, sync::Arc};

use dossier_engine::Corrections;
use yew::prelude::*;

use self::{
    actions::{Actions, use_actions},
    address::{route_of, use_view_in_address},
    focus::{use_focus_on_open, use_shortcuts},
    sidebar::{Sidebar, use_query_changed, use_series, use_staged},
    status::status_row,
    warm::use_warm_first_letters,
};
use super::{
    corrections::CorrectionsHandle,
    entity_filters::Chosen,
    entity_page::EntityPage,
    header::Header,
    reader::Reader,
    result_list::{OrderedHits, ResultList, ordered, page_count},
    search_box::{SEARCH_INPUT_ID, SearchBox},
    timeline::EntitySeries,
};
use crate::{
    platform,
    route::Route,
    state::{CorpusHandle, SortOrder, ViewHandle, ViewState},
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
    let state = use_view_in_address(&corpus);
    let view = use_memo((corpus.clone(), state.selection.clone()), |(corpus, selection)| corpus.select(selection));
    let view = ViewHandle(Arc::clone(&view));
    let order = state.order();
    let hits = use_memo((view.clone(), order), |(view, order)| ordered(&corpus, view, *order));
    use_shortcuts(&state, page_count(hits.as_slice().len()));
    let staged = use_staged();
    use_warm_first_letters(&corpus);
    use_focus_on_open(state.open, state.entity_page);
    let actions = use_actions(&corpus, &state, &hits);
    let series = use_series(&corpus, &state.selection.entities);
    let list = route_of(&corpus, &ViewState { open: None, entity_page: None, ..(*state).clone() });
    let typing = use_query_changed(&state.selection);
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
    let page = if corpus.article_count() == 0 {
        empty_collection()
    } else if let Some(article) = state.open {
        html! {
            <main id="main">
                <Reader corpus={corpus.clone()} {article} terms={view.query.highlights.clone()} {on_close} list_parameters={list.list_parameters()} />
            </main>
        }
    } else if let Some(entity) = state.entity_page {
        html! {
            <main id="main">
                <EntityPage
                    corpus={corpus.clone()}
                    {entity}
                    view={view.clone()}
                    narrowed={view.hits.len() != view.collection_size}
                    list_parameters={list.list_parameters()}
                    {on_close}
                    on_filter={actions.on_filter_by.clone()}
                    {corrections}
                />
            </main>
        }
    } else {
        let page = ListPage { corpus: &corpus, state: &state, view: &view, hits: &hits, order, list: &list };
        list_page(page, Beside { staged, typing, series, corrections }, actions)
    };
    html! {
        <div class="app">
            // Only where there is a search box to skip to.
            if corpus.article_count() > 0 && state.open.is_none() && state.entity_page.is_none() {
                <a class="skip-link" href={Route::element_link(SEARCH_INPUT_ID)} onclick={skip_to_search}>{ "Skip to search" }</a>
            }
            <Header
                name={collection.name.clone()}
                description={collection.description.clone().map(AttrValue::from)}
                articles={corpus.article_count()}
                entities={corpus.entities().len()}
            />
            { page }
        </div>
    }
}

/// What a collection with no articles shows instead of the search.
fn empty_collection() -> Html {
    html! {
        <main id="main" class="empty-collection">
            <div class="empty-state">
                <h2>{ "This collection has no articles" }</h2>
                <p>{ "There is nothing to search or read yet. Add articles with the dossier command line (dossier ingest) and open the bundle it writes." }</p>
            </div>
        </main>
    }
}

/// What the result list is drawn from.
struct ListPage<'a> {
    corpus: &'a CorpusHandle,
    state: &'a ViewState,
    view: &'a ViewHandle,
    hits: &'a OrderedHits,
    /// The order the results are shown in.
    order: SortOrder,
    /// The route of the list (no article or entity page open).
    list: &'a Route,
}

/// What the sidebar beside the results is drawn from, besides the list's.
struct Beside {
    /// The sidebar waits for the next task (see [`use_staged`]).
    staged: bool,
    /// This render follows a keystroke.
    typing: bool,
    /// The chosen entities' presence over time.
    series: Rc<Vec<EntitySeries>>,
    /// The reader's corrections.
    corrections: CorrectionsHandle,
}

/// The search box, the status row, the results and, beside them, the sidebar.
fn list_page(page: ListPage, beside: Beside, actions: Actions) -> Html {
    let ListPage { corpus, state, view, hits, order, list } = page;
    let Beside { staged, typing, series, corrections } = beside;
    html! {
        <>
            <SearchBox query={state.selection.query.clone()} on_search={actions.on_search.clone()} />
            { status_row(corpus, &state.selection, view, &actions.on_clear) }
            <div class="layout">
                <main id="main" class="results-pane">
                    <ResultList
                        corpus={corpus.clone()}
                        view={view.clone()}
                        hits={hits.clone()}
                        {order}
                        page={state.page}
                        on_page={actions.on_page}
                        on_sort={actions.on_sort}
                        on_clear={actions.on_clear}
                        on_search={actions.on_search}
                        typed={AttrValue::from(state.selection.query.clone())}
                        list_parameters={list.list_parameters()}
                    />
                </main>
                if !staged {
                    <Sidebar
                        corpus={corpus.clone()}
                        view={view.clone()}
                        range={state.selection.range}
                        zoom={state.zoom}
                        chosen={Chosen::of(&state.selection)}
                        {typing}
                        {series}
                        on_select_range={actions.on_select_range}
                        on_entities={actions.on_entities}
                        {corrections}
                        on_bar={actions.on_bar}
                        bar_chooses_period={state.sort.is_none_or(|order| order == SortOrder::Relevance)}
                        on_zoom={actions.on_zoom}
                    />
                }
            </div>
        </>
    }
}
