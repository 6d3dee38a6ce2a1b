//! The reader's state: one reducer holding the selection (query, entities, date range)
//! and the open article. Actions are user intents; the reducer does no IO.

use std::{rc::Rc, sync::Arc};

use dossier_core::{ArticleId, Corpus, DateRange, EntityId, Selection, SelectionView};
use yew::Reducible;

/// A loaded corpus shared by components; equal when it is the same corpus.
#[derive(Clone)]
pub struct CorpusHandle(pub Rc<Corpus>);

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &CorpusHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CorpusHandle {
    type Target = Corpus;

    fn deref(&self) -> &Corpus {
        &self.0
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

/// What the viewer shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// Query, entity filters and date range.
    pub selection: Selection,
    /// The article open in the reader, if any.
    pub open: Option<ArticleId>,
}

/// Something the reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed in the search box.
    SetQuery(String),
    /// Pressed an entity filter.
    ToggleEntity(EntityId),
    /// Chose a period on the timeline (or cleared it).
    SetRange(Option<DateRange>),
    /// Asked to see everything again.
    ClearFilters,
    /// Opened an article (or went back to the results).
    Open(Option<ArticleId>),
    /// Arrived at a view from the address: a reload, Back or Forward, a pasted link.
    Restore(ViewState),
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<ViewState>, action: Action) -> Rc<ViewState> {
        let mut next = (*self).clone();
        match action {
            Action::SetQuery(query) => next.selection.query = query,
            Action::ToggleEntity(entity) => {
                let entities = &mut next.selection.entities;
                match entities.iter().position(|&chosen| chosen == entity) {
                    Some(at) => {
                        entities.remove(at);
                    }
                    None => entities.push(entity),
                }
            }
            Action::SetRange(range) => next.selection.range = range,
            Action::ClearFilters => next.selection = Selection::default(),
            Action::Open(article) => next.open = article,
            Action::Restore(view) => next = view,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
