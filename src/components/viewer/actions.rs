//! What the reader's clicks and keys do to the view: the callbacks the viewer hands its
//! components, each turning what was done into an action on the reducer.

use dossier_engine::{DateRange, EntityId, search::SearchHit};
use yew::prelude::*;

use super::focus::turn_page;
use crate::{
    components::{
        entity_filters::EntityCallbacks,
        result_list::{OrderedHits, PAGE_SIZE, result_link_id},
    },
    platform::{self, FocusStep},
    state::{Action, CorpusHandle, SortOrder, ViewState},
};

/// The viewer's callbacks. They stay the same from render to render (they hold the
/// reducer's dispatcher, not its state), so a component whose data did not change (the
/// timeline, the entity filters while the reader types) is not drawn again.
pub struct Actions {
    /// Takes the search box's text.
    pub on_search: Callback<String>,
    /// Chooses, leaves out and opens entities.
    pub on_entities: EntityCallbacks,
    /// Chooses a period, or lets it go.
    pub on_select_range: Callback<Option<DateRange>>,
    /// Zooms the timeline to a period, or all the way out.
    pub on_zoom: Callback<Option<DateRange>>,
    /// Chooses the results' order.
    pub on_sort: Callback<SortOrder>,
    /// Drops every filter.
    pub on_clear: Callback<()>,
    /// Shows a page of results, focusing its first.
    pub on_page: Callback<usize>,
    /// A bar of the timeline clicked (see [`on_bar`]).
    pub on_bar: Callback<DateRange>,
    /// Keeps the articles mentioning an entity, closing its page.
    pub on_filter_by: Callback<EntityId>,
}

/// The viewer's callbacks for the view in `state`, whose results are `hits`.
#[hook]
pub fn use_actions(corpus: &CorpusHandle, state: &UseReducerHandle<ViewState>, hits: &OrderedHits) -> Actions {
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
    *bar_context.borrow_mut() = Some((hits.clone(), state.sort, state.selection.range));
    let on_bar = use_callback((corpus.clone(), dispatch.clone()), move |period, (corpus, dispatch)| {
        let context = bar_context.borrow().clone();
        if let Some((hits, sort, range)) = context {
            on_bar(corpus, dispatch, BarContext { hits: hits.as_slice(), sort, range }, period);
        }
    });
    let on_filter_by = use_action(&dispatch, Action::FilterBy);
    Actions { on_search, on_entities, on_select_range, on_zoom, on_sort, on_clear, on_page, on_bar, on_filter_by }
}

/// A callback that turns its value into an action on the reducer, the same one on every
/// render.
#[hook]
fn use_action<T: 'static>(dispatch: &UseReducerDispatcher<ViewState>, make: fn(T) -> Action) -> Callback<T> {
    use_callback((dispatch.clone(), make), |value, (dispatch, make)| dispatch.dispatch(make(value)))
}

/// What a bar click acts on: the results in their order, the order the reader chose and
/// the period chosen.
struct BarContext<'a> {
    hits: &'a [SearchHit],
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
