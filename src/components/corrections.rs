//! The reader's corrections: a form on each entity's page (hide it, rename it, change its
//! kind, merge it into another), and a bar that counts them with Undo, Export (a small
//! JSON file the command line can fold into the next bundle) and Import.

use std::rc::Rc;

use dossier_engine::{Corrections, Edit, EntityId, EntityKind};
use dossier_text::fold;
use yew::prelude::*;

use crate::{
    platform,
    route::{self, Page, Route},
    state::CorpusHandle,
    words::{kind_name, plural},
};

/// What the reader can do with corrections.
#[derive(Clone, PartialEq)]
pub struct CorrectionsHandle {
    /// The corrections so far.
    pub corrections: Rc<Corrections>,
    /// What they should know about them (edits that no longer apply...).
    pub notes: Rc<Vec<String>>,
    /// Replaces the corrections (the collection is read again with them).
    pub on_correct: Callback<Corrections>,
}

impl CorrectionsHandle {
    /// The corrections with `edit` made too.
    fn with(&self, edit: Edit) -> Corrections {
        let mut corrections = (*self.corrections).clone();
        corrections.edits.push(edit);
        corrections
    }
}

/// Props of [`CorrectEntity`].
#[derive(Properties, PartialEq)]
pub struct CorrectEntityProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The entity to correct.
    pub entity: EntityId,
    /// The corrections.
    pub handle: CorrectionsHandle,
    /// The result list's part of the address (where hiding the entity leads).
    pub list_parameters: AttrValue,
}

/// The form that corrects one entity.
#[component]
pub fn CorrectEntity(props: &CorrectEntityProps) -> Html {
    let corpus = &props.corpus;
    let entity = corpus.entity(props.entity);
    let name = use_state(|| entity.name.clone());
    let same_as = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let id = entity.id.clone();
    let here = Route::entity_link(corpus, props.entity, &props.list_parameters);
    let list = Route::link(Page::List, &props.list_parameters);
    let hide = {
        let (handle, id, list) = (props.handle.clone(), id.clone(), list.clone());
        Callback::from(move |_: MouseEvent| correct(&handle, Edit::Hide { entity: id.clone() }, &list))
    };
    let rename = {
        let (handle, id, here, name) = (props.handle.clone(), id.clone(), here.clone(), name.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            correct(&handle, Edit::Rename { entity: id.clone(), name: (*name).clone() }, &here);
        })
    };
    let merge = {
        let (handle, id, corpus, same_as, problem, parameters) = (
            props.handle.clone(),
            id.clone(),
            corpus.clone(),
            same_as.clone(),
            problem.clone(),
            props.list_parameters.clone(),
        );
        let entity = props.entity;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match find(&corpus, &same_as, entity) {
                Some(into) => {
                    let edit = Edit::Merge { entity: id.clone(), into: corpus.entity(into).id.clone() };
                    correct(&handle, edit, &Route::entity_link(&corpus, into, &parameters));
                }
                None => problem.set(Some(format!("No other entity is named “{}”.", same_as.trim()))),
            }
        })
    };
    let set_kind = |kind: EntityKind| {
        let (handle, id, here) = (props.handle.clone(), id.clone(), here.clone());
        Callback::from(move |_: Event| correct(&handle, Edit::Kind { entity: id.clone(), kind }, &here))
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| state.set(platform::field_value(&event)))
    };
    html! {
        <details class="correct">
            <summary>{ "Correct this entity" }</summary>
            <p class="muted">{ "Corrections are kept in this browser and hold everywhere: filters, pages, marks in articles and search." }</p>
            <button type="button" onclick={hide}>{ format!("Hide {}: it is not an entity", entity.name) }</button>
            <form onsubmit={rename}>
                <label>{ "Name " }<input type="text" value={(*name).clone()} oninput={typed(&name)} /></label>
                <button type="submit">{ "Rename" }</button>
            </form>
            <fieldset>
                <legend>{ "Kind" }</legend>
                { for EntityKind::ALL.iter().map(|&kind| html! {
                    <label>
                        <input type="radio" name="entity-kind" checked={entity.kind == kind} onchange={set_kind(kind)} />
                        { format!(" {}", kind_name(kind)) }
                    </label>
                }) }
            </fieldset>
            <form onsubmit={merge}>
                <label>{ "Same as " }<input type="text" placeholder="another entity's name" value={(*same_as).clone()} oninput={typed(&same_as)} /></label>
                <button type="submit">{ "Merge" }</button>
            </form>
            if let Some(problem) = &*problem {
                <p role="alert" class="problem">{ problem.clone() }</p>
            }
        </details>
    }
}

/// Makes `edit`. The view comes back from `fragment` once the collection is read again:
/// the list when the entity goes, the entity it joined on a merge, else its own page.
fn correct(handle: &CorrectionsHandle, edit: Edit, fragment: &str) {
    platform::write_hash(fragment, false);
    handle.on_correct.emit(handle.with(edit));
}

/// The entity (other than `not`) named `text`, by name, alias or id, the most mentioned
/// first.
fn find(corpus: &CorpusHandle, text: &str, not: EntityId) -> Option<EntityId> {
    let wanted = fold(text.trim());
    if wanted.is_empty() {
        return None;
    }
    (0..corpus.entities().len() as u32)
        .map(EntityId)
        .filter(|&entity| entity != not)
        .filter(|&entity| {
            let record = corpus.entity(entity);
            fold(&record.name) == wanted
                || record.id == text.trim()
                || record.aliases.iter().any(|alias| fold(alias) == wanted)
        })
        .max_by_key(|&entity| corpus.entity_article_count(entity))
}

/// Props of [`CorrectionsBar`].
#[derive(Properties, PartialEq)]
pub struct CorrectionsBarProps {
    /// The corrections.
    pub handle: CorrectionsHandle,
}

/// How many corrections there are, with Undo, Export and Import, and what the reader
/// should know about them.
#[component]
pub fn CorrectionsBar(props: &CorrectionsBarProps) -> Html {
    let problem = use_state(|| None::<String>);
    let handle = &props.handle;
    let count = handle.corrections.edits.len();
    let undo = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            let mut corrections = (*handle.corrections).clone();
            corrections.edits.pop();
            handle.on_correct.emit(corrections);
        })
    };
    let import = {
        let (handle, problem) = (handle.clone(), problem.clone());
        Callback::from(move |event: Event| {
            let (handle, problem) = (handle.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = platform::picked_file_text(&event).await;
                let imported = match read {
                    None => return,
                    Some(text) => {
                        text.and_then(|text| Corrections::from_json(&text).map_err(|error| error.to_string()))
                    }
                };
                match imported {
                    Ok(imported) => {
                        problem.set(None);
                        let mut corrections = (*handle.corrections).clone();
                        corrections.edits.extend(imported.edits);
                        handle.on_correct.emit(corrections);
                    }
                    Err(reason) => problem.set(Some(format!("Not imported: {reason}."))),
                }
            });
        })
    };
    let export = route::json_file(&handle.corrections.to_json());
    html! {
        <section class="corrections-bar" aria-label="Corrections">
            if count > 0 {
                <p>{ format!("{} kept in this browser.", plural(count, "correction", "corrections")) }</p>
                <button type="button" onclick={undo}>{ "Undo last correction" }</button>
                <a class="export" href={export} download="dossier-corrections.json">{ "Export corrections" }</a>
            }
            <label class="import">
                { "Import corrections " }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            { for handle.notes.iter().map(|note| html! { <p class="note" role="status">{ note.clone() }</p> }) }
            if let Some(problem) = &*problem {
                <p role="alert" class="problem">{ problem.clone() }</p>
            }
        </section>
    }
}
