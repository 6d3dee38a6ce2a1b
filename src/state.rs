//! The reader's state: one reducer holding the selection (query, entities, date range)
//! and the open article. Actions are user intents; the reducer does no IO.

use std::{rc::Rc, sync::Arc};

use dossier_engine::{ArticleId, Corpus, DateRange, EntityId, EntityMatch, Memo, Selection, SelectionView};
use yew::Reducible;

/// A loaded corpus shared by components, with what the reader's session remembers
/// between selections (the views of everything and of each first letter, the last
/// narrowing and facet counts: the engine's [`Memo`], kept here, not in the corpus);
/// equal when it is the same corpus.
#[derive(Clone)]
pub struct CorpusHandle {
    corpus: Rc<Corpus>,
    memo: Rc<Memo>,
}

impl CorpusHandle {
    /// A newly loaded corpus, with nothing remembered yet.
    pub fn new(corpus: Corpus) -> CorpusHandle {
        CorpusHandle { corpus: Rc::new(corpus), memo: Rc::default() }
    }

    /// The view of a selection, remembering what the next selections can start from.
    pub fn select(&self, selection: &Selection) -> Arc<SelectionView> {
        self.corpus.select_in(selection, &self.memo)
    }

    /// Computes and keeps the view of a one-letter query ahead of the reader typing it.
    pub fn warm_first_letter(&self, letter: char) {
        self.corpus.warm_first_letter(letter, &self.memo);
    }
}

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &CorpusHandle) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus)
    }
}

impl std::ops::Deref for CorpusHandle {
    type Target = Corpus;

    fn deref(&self) -> &Corpus {
        &self.corpus
    }
}

/// The view of the current selection shared by components; equal when it is the same
/// computation (comparing thousands of hits on every render would cost more), as the
/// views the corpus keeps are when asked for again.
#[derive(Clone)]
pub struct ViewHandle(pub Arc<SelectionView>);

impl PartialEq for ViewHandle {
    fn eq(&self, other: &ViewHandle) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ViewHandle {
    type Target = SelectionView;

    fn deref(&self) -> &SelectionView {
        &self.0
    }
}

/// The order of the result list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best match first (with no query, newest first).
    Relevance,
    /// Latest first, grouped by month.
    Newest,
    /// Earliest first, grouped by month.
    Oldest,
}

impl SortOrder {
    /// The orders, as the sort control lists them.
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest];

    /// The order's name in the address.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
        }
    }

    /// The order named `name` in an address.
    pub fn from_name(name: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|order| order.name() == name)
    }

    /// The order a reader gets without choosing: relevance for a query, else newest.
    pub fn default_for(query: &str) -> SortOrder {
        if query.trim().is_empty() { SortOrder::Newest } else { SortOrder::Relevance }
    }
}

/// What the viewer shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// Query, entity filters and date range.
    pub selection: Selection,
    /// The article open in the reader, if any.
    pub open: Option<ArticleId>,
    /// The entity whose page is open, if any (under an open article).
    pub entity_page: Option<EntityId>,
    /// The order the reader chose for the results, if they chose one.
    pub sort: Option<SortOrder>,
    /// The page of results shown, from 0.
    pub page: usize,
    /// The period the timeline is zoomed to (`None`: the whole collection).
    pub zoom: Option<DateRange>,
}

impl ViewState {
    /// The order the results are shown in.
    pub fn order(&self) -> SortOrder {
        self.sort.unwrap_or_else(|| SortOrder::default_for(&self.selection.query))
    }
}

/// Something the reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed in the search box.
    SetQuery(String),
    /// Pressed an entity filter: chooses it, or lets it go (chosen or left out).
    ToggleEntity(EntityId),
    /// Asked to leave an entity out (or to take it back).
    ExcludeEntity(EntityId),
    /// Chose whether articles must mention all the chosen entities or any one.
    SetEntityMatch(EntityMatch),
    /// Chose a period on the timeline (or cleared it).
    SetRange(Option<DateRange>),
    /// Chose the order of the results.
    SetSort(SortOrder),
    /// Went to a page of results.
    SetPage(usize),
    /// Zoomed the timeline to a period, or all the way out.
    SetZoom(Option<DateRange>),
    /// Asked to see everything again.
    ClearFilters,
    /// Opened an article (or went back to the results).
    Open(Option<ArticleId>),
    /// Opened an entity's page (or went back to the results).
    ShowEntity(Option<EntityId>),
    /// Asked for only the articles mentioning an entity ("Show only articles mentioning
    /// X"): the list keeps its query and period and holds no article without X, so X is
    /// chosen alongside entities that must all be mentioned, and instead of entities any
    /// of which may be (adding X to those would let in articles without it); its page
    /// closes.
    FilterBy(EntityId),
    /// Arrived at a view from the address: a reload, Back or Forward, a pasted link.
    Restore(ViewState),
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<ViewState>, action: Action) -> Rc<ViewState> {
        let mut next = (*self).clone();
        let restoring = matches!(action, Action::Restore(_));
        match action {
            Action::SetQuery(query) => next.selection.query = query,
            Action::ToggleEntity(entity) => {
                let selection = &mut next.selection;
                toggle_entity(&mut selection.entities, &mut selection.excluded, entity);
            }
            Action::ExcludeEntity(entity) => {
                let selection = &mut next.selection;
                exclude_entity(&mut selection.entities, &mut selection.excluded, entity);
            }
            Action::SetEntityMatch(entity_match) => next.selection.entity_match = entity_match,
            Action::SetRange(range) => next.selection.range = range,
            Action::SetSort(order) => {
                next.sort = (order != SortOrder::default_for(&next.selection.query)).then_some(order)
            }
            Action::SetPage(page) => next.page = page,
            Action::SetZoom(zoom) => next.zoom = zoom,
            Action::ClearFilters => next.selection = Selection::default(),
            Action::Open(article) => next.open = article,
            Action::ShowEntity(entity) => {
                next.entity_page = entity;
                next.open = None;
            }
            Action::FilterBy(entity) => {
                let selection = &mut next.selection;
                remove(&mut selection.excluded, entity);
                if selection.entity_match == EntityMatch::Any {
                    selection.entities.clear();
                    selection.entity_match = EntityMatch::All;
                }
                if !selection.entities.contains(&entity) {
                    selection.entities.push(entity);
                }
                next.entity_page = None;
            }
            Action::Restore(view) => next = view,
        }
        // Other results, or another order, start again from their first page.
        if !restoring && (next.selection != self.selection || next.order() != self.order()) {
            next.page = 0;
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// Chooses `entity` (among `entities` the articles must mention), or lets it go, chosen or
/// left out (`excluded`): [`Action::ToggleEntity`], and the filters drawn ahead of it.
pub fn toggle_entity(entities: &mut Vec<EntityId>, excluded: &mut Vec<EntityId>, entity: EntityId) {
    if !remove(entities, entity) && !remove(excluded, entity) {
        entities.push(entity);
    }
}

/// Leaves `entity` out (chosen, it is let go first), or takes it back when left out:
/// [`Action::ExcludeEntity`], and the filters drawn ahead of it.
pub fn exclude_entity(entities: &mut Vec<EntityId>, excluded: &mut Vec<EntityId>, entity: EntityId) {
    remove(entities, entity);
    if !remove(excluded, entity) {
        excluded.push(entity);
    }
}

/// Removes `entity` from `list`; whether it was there.
fn remove(list: &mut Vec<EntityId>, entity: EntityId) -> bool {
    let before = list.len();
    list.retain(|&other| other != entity);
    list.len() < before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_page_opens_over_the_list_and_filtering_by_it_closes_it() {
        let state = apply(vec![Action::Open(Some(ArticleId(1))), Action::ShowEntity(Some(EntityId(4)))]);
        assert_eq!((state.open, state.entity_page), (None, Some(EntityId(4))));
        let state = apply(vec![
            Action::ExcludeEntity(EntityId(4)),
            Action::ShowEntity(Some(EntityId(4))),
            Action::FilterBy(EntityId(4)),
            Action::FilterBy(EntityId(4)),
        ]);
        assert_eq!(state.selection.entities, [EntityId(4)]);
        assert!(state.selection.excluded.is_empty() && state.entity_page.is_none());
    }

    #[test]
    fn showing_only_an_entitys_articles_never_lets_in_articles_without_it() {
        // With entities that must all be mentioned, it is one more.
        let all = apply(vec![Action::ToggleEntity(EntityId(1)), Action::FilterBy(EntityId(4))]);
        assert_eq!(
            (all.selection.entities.as_slice(), all.selection.entity_match),
            (&[EntityId(1), EntityId(4)][..], EntityMatch::All)
        );
        // With entities any of which may be mentioned, adding it would widen the list:
        // it takes their place, the query and period stay.
        let any = apply(vec![
            Action::SetQuery("coffee".into()),
            Action::ToggleEntity(EntityId(1)),
            Action::ToggleEntity(EntityId(2)),
            Action::SetEntityMatch(EntityMatch::Any),
            Action::FilterBy(EntityId(4)),
        ]);
        assert_eq!(
            (any.selection.entities.as_slice(), any.selection.entity_match),
            (&[EntityId(4)][..], EntityMatch::All)
        );
        assert_eq!(any.selection.query, "coffee");
    }

    #[test]
    fn an_entity_is_chosen_left_out_or_let_go() {
        let state = apply(vec![Action::ToggleEntity(EntityId(3)), Action::ExcludeEntity(EntityId(3))]);
        assert_eq!((state.selection.entities.len(), state.selection.excluded.as_slice()), (0, &[EntityId(3)][..]));
        let state = apply(vec![Action::ExcludeEntity(EntityId(3)), Action::ToggleEntity(EntityId(3))]);
        assert!(!state.selection.names_entities(), "pressing a left-out entity lets it go");
        let state = apply(vec![Action::ExcludeEntity(EntityId(3)), Action::ExcludeEntity(EntityId(3))]);
        assert!(!state.selection.names_entities(), "leaving it out again takes it back");
        let state = apply(vec![Action::SetPage(2), Action::SetEntityMatch(EntityMatch::Any)]);
        assert_eq!((state.selection.entity_match, state.page), (EntityMatch::Any, 0));
    }

    fn apply(actions: Vec<Action>) -> ViewState {
        let mut state = Rc::new(ViewState::default());
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn toggling_an_entity_twice_removes_it() {
        let state = apply(vec![
            Action::ToggleEntity(EntityId(3)),
            Action::ToggleEntity(EntityId(5)),
            Action::ToggleEntity(EntityId(3)),
        ]);
        assert_eq!(state.selection.entities, [EntityId(5)]);
    }

    #[test]
    fn new_results_or_a_new_order_start_at_the_first_page() {
        let state = apply(vec![Action::SetQuery("gold".into()), Action::SetPage(4)]);
        assert_eq!((state.page, state.order()), (4, SortOrder::Relevance));
        let sorted =
            apply(vec![Action::SetQuery("gold".into()), Action::SetPage(4), Action::SetSort(SortOrder::Oldest)]);
        assert_eq!((sorted.page, sorted.sort), (0, Some(SortOrder::Oldest)));
        let narrowed = apply(vec![Action::SetPage(4), Action::SetRange(Some(DateRange::day(time::Date::MIN)))]);
        assert_eq!(narrowed.page, 0);
        let zoomed = apply(vec![Action::SetPage(4), Action::SetZoom(None), Action::Open(Some(ArticleId(1)))]);
        assert_eq!(zoomed.page, 4, "zooming and reading keep the page");
        let restored = apply(vec![Action::Restore(ViewState {
            page: 3,
            selection: Selection { query: "x".into(), ..Selection::default() },
            ..ViewState::default()
        })]);
        assert_eq!(restored.page, 3, "an address keeps its page");
        let default = apply(vec![Action::SetSort(SortOrder::Newest)]);
        assert_eq!(default.sort, None, "choosing the default order is not a choice kept in the address");
    }

    #[test]
    fn clearing_filters_keeps_the_open_article() {
        let state = apply(vec![
            Action::SetQuery("cartel".into()),
            Action::ToggleEntity(EntityId(1)),
            Action::Open(Some(ArticleId(2))),
            Action::ClearFilters,
        ]);
        assert_eq!(state.selection, Selection::default());
        assert_eq!(state.open, Some(ArticleId(2)));
    }
}
