//! Where keyboard focus goes: the page's shortcuts (`/`, `j`, `k`), the heading of an
//! article or entity page that opens, and the link of the article just read on the way
//! back to the results.

use dossier_engine::{ArticleId, EntityId};
use yew::prelude::*;

use crate::{
    components::{
        entity_page::ENTITY_HEADING_ID, reader::READER_HEADING_ID, result_list::result_link_id,
        search_box::SEARCH_INPUT_ID,
    },
    platform::{self, FocusStep},
    state::{Action, ViewState},
};

/// The links of the results on the page, in order (what `j` and `k` move between).
const RESULT_LINKS: &str = ".results .result a[id^=result-]";

/// Where the reader is, as the keyboard shortcuts need it (read when a key is pressed:
/// the listener is the first render's).
#[derive(Clone, Copy)]
struct Paging {
    page: usize,
    pages: usize,
    reading: bool,
}

/// Listens for the page's keyboard shortcuts (and flushes the address before a click
/// leaves the page), on the page of `pages` the reader is on.
#[hook]
pub fn use_shortcuts(state: &UseReducerHandle<ViewState>, pages: usize) {
    // The shortcuts read the page they are pressed on, not the one of the first render.
    let paging = use_mut_ref(|| Paging { page: 0, pages: 1, reading: false });
    *paging.borrow_mut() =
        Paging { page: state.page.min(pages - 1), pages, reading: state.open.is_some() || state.entity_page.is_some() };
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listeners = (
            platform::on_shortcut(move |key| shortcut(key, &dispatch, *paging.borrow())),
            platform::flush_address_on_click(),
        );
        move || drop(listeners)
    });
}

/// Focuses the article's heading when one opens, so screen readers start there (or the
/// entity page's); on the way back, the link of the article just read, so the reader
/// keeps their place.
#[hook]
pub fn use_focus_on_open(open: Option<ArticleId>, entity_page: Option<EntityId>) {
    let last_open = use_mut_ref(|| None);
    use_effect_with((open, entity_page), move |(open, entity_page)| {
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
}

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
pub fn turn_page(dispatch: &UseReducerDispatcher<ViewState>, page: usize, lands_on: FocusStep) {
    dispatch.dispatch(Action::SetPage(page));
    platform::after_paint(move || {
        platform::focus_among(RESULT_LINKS, lands_on);
    });
}
