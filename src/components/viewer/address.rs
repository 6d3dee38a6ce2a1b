//! The view and the address bar kept in step: the view starts from the address and
//! follows it (a reload, Back and Forward, a pasted link), and the address follows the view,
//! a query typed or a period dragged rewriting one history entry rather than adding one a
//! keystroke.

use std::cell::RefCell;

use dossier_engine::{EntityId, EntityMatch, Selection};
use yew::prelude::*;

use crate::{
    platform,
    route::Route,
    state::{Action, CorpusHandle, ViewState},
};

/// How long after the last keystroke a query counts as settled: the next change to it
/// makes a new history entry instead of rewriting the current one.
const SETTLE_MS: f64 = 1_000.0;

/// How long typing must pause before the sidebar follows the query, in milliseconds.
/// Shorter than the time between a fast typist's keys (about 120 ms at 100 words a
/// minute), so at a reader's pace it follows every key, a moment later; drawing it after
/// every key of faster typing (a paste, key repeat, a benchmark) delayed the next key's
/// results by a frame.
pub const TYPING_PAUSE_MS: i32 = 100;

/// How long typing or dragging must pause before the address follows, in milliseconds:
/// longer than the gaps within a gesture (keys at a typist's pace, a drag held still for a
/// moment), so the address is rewritten once the reader stops rather than at every gap.
/// Each write costs more than the history call: Chromium downloads and decodes the
/// page's icon again on the page's thread after it, which at 100 ms landed in the next
/// key's or pointer move's frame (a trace of a drag on Reuters: one icon fetch a move).
pub const ADDRESS_PAUSE_MS: i32 = 400;

/// The viewer's one reducer, started from the address and kept in step with it both ways.
#[hook]
pub fn use_view_in_address(corpus: &CorpusHandle) -> UseReducerHandle<ViewState> {
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
        use_effect_with((*state).clone(), move |view| write_address(&corpus, view, &last_write));
    }
    state
}

/// Writes `view`'s address, unless the address already names it. `last_write` holds when
/// the last view was written, what changed then and that view.
fn write_address(corpus: &CorpusHandle, view: &ViewState, last_write: &RefCell<(f64, Change, ViewState)>) {
    let pending = platform::address_writes();
    let route = route_of(corpus, view);
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
        pending.after_pause(ADDRESS_PAUSE_MS, move || platform::write_hash(&fragment, false));
    } else {
        pending.flush();
        // Once the frame is painted: pushState takes 1 to 3 ms in Chromium, which a
        // click on a filter or a bar would otherwise wait for to be drawn.
        pending.after_next_paint(move || platform::write_hash(&fragment, true));
    }
}

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
pub fn route_of(corpus: &CorpusHandle, view: &ViewState) -> Route {
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
