//! The status row above the results: how many articles the selection holds and what
//! narrows them, "Clear all filters" while any filter is set, and "Copy link".

use dossier_engine::{EntityId, EntityMatch, Selection};
use yew::prelude::*;

use crate::{
    components::copy_link::CopyLink,
    state::{CorpusHandle, ViewHandle},
    words::number,
};

/// The row: the status line, "Clear all filters" and "Copy link".
pub fn status_row(corpus: &CorpusHandle, selection: &Selection, view: &ViewHandle, on_clear: &Callback<()>) -> Html {
    html! {
        <div class="status-row">
            <p class="status" role="status" aria-live="polite">{ status_line(selection, view, corpus) }</p>
            // Copy link last, at the row's end: what comes and goes before it never
            // moves it.
            if *selection != Selection::default() {
                <button type="button" class="clear-all" onclick={on_clear.reform(|_: MouseEvent| ())}>{ "Clear all filters" }</button>
            }
            <CopyLink />
        </div>
    }
}

/// "3 of 120 articles", plus what narrows them.
fn status_line(selection: &Selection, view: &ViewHandle, corpus: &CorpusHandle) -> String {
    // "1 of 1 articles": the noun counts the collection, as in "3 of 120 articles".
    let mut line = format!("{} of {} articles", number(view.hits.len()), number(view.collection_size));
    let mut narrowed = Vec::new();
    match &view.corrected {
        // The words as typed matched nothing; these are the likeliest query's articles.
        Some(corrected) => {
            narrowed.push(format!("matching “{}” (none match “{}”)", corrected.shown, selection.query.trim()))
        }
        None if !selection.query.trim().is_empty() => narrowed.push(format!("matching “{}”", selection.query.trim())),
        None => {}
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
