//! The reader's corrections: a form on each entity's page (hide it, rename it, change its
//! kind, merge it into another), and a bar that counts them with Undo, Export (a small
//! JSON file the command line can fold into the next bundle) and Import.

use std::rc::Rc;

use dossier_engine::{Corrections, Edit, EntityId, EntityKind, duplicates::likely_duplicates};
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

/// Names offered as the reader types in "Same as".
const SUGGESTIONS_SHOWN: usize = 8;

/// The form that corrects one entity.
#[component]
pub fn CorrectEntity(props: &CorrectEntityProps) -> Html {
    let corpus = &props.corpus;
    let entity = corpus.entity(props.entity);
    let name = use_state(|| entity.name.clone());
    let same_as = use_state(String::new);
    // The suggestion chosen (cleared by typing), the one the arrow keys are on, whether
    // the suggestions show, and the merge waiting for the name to keep.
    let chosen = use_state(|| None::<String>);
    let active = use_state(|| None::<usize>);
    let open = use_state(|| false);
    let pending = use_state(|| None::<String>);
    let keep_this = use_state(|| false);
    let problem = use_state(|| None::<String>);
    {
        // Another entity, or the collection read again: nothing chosen or waiting holds.
        let (chosen, pending, open) = (chosen.clone(), pending.clone(), open.clone());
        use_effect_with((corpus.clone(), props.entity), move |_| {
            chosen.set(None);
            pending.set(None);
            open.set(false);
        });
    }
    // The entity (other than this one) named by a stable id kept in the state.
    let resolve = {
        let (corpus, entity) = (corpus.clone(), props.entity);
        move |id: &Option<String>| {
            id.as_deref().and_then(|id| corpus.entity_by_key(id)).filter(|&other| other != entity)
        }
    };
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
    let suggested = if *open { suggestions(corpus, &same_as, props.entity) } else { Vec::new() };
    let choose = {
        let (same_as, chosen, open, active, corpus) =
            (same_as.clone(), chosen.clone(), open.clone(), active.clone(), corpus.clone());
        Callback::from(move |entity: EntityId| {
            same_as.set(corpus.entity(entity).name.clone());
            chosen.set(Some(corpus.entity(entity).id.clone()));
            open.set(false);
            active.set(None);
        })
    };
    let merge = {
        let (corpus, same_as, chosen, pending, keep_this, problem, resolve) = (
            corpus.clone(),
            same_as.clone(),
            chosen.clone(),
            pending.clone(),
            keep_this.clone(),
            problem.clone(),
            resolve.clone(),
        );
        let entity = props.entity;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match resolve(&chosen).or_else(|| find(&corpus, &same_as, entity)) {
                Some(into) => {
                    problem.set(None);
                    keep_this.set(false);
                    pending.set(Some(corpus.entity(into).id.clone()));
                }
                None => problem.set(Some(format!("No other entity is named “{}”.", same_as.trim()))),
            }
        })
    };
    let confirm = {
        let (handle, corpus, pending, keep_this, parameters, resolve) = (
            props.handle.clone(),
            corpus.clone(),
            pending.clone(),
            keep_this.clone(),
            props.list_parameters.clone(),
            resolve.clone(),
        );
        let entity = props.entity;
        Callback::from(move |_: MouseEvent| {
            let Some(other) = resolve(&pending) else { return };
            // The name kept is the entity that stays: the other one merges into it.
            let (gone, stays) = if *keep_this { (other, entity) } else { (entity, other) };
            let edit = Edit::Merge { entity: corpus.entity(gone).id.clone(), into: corpus.entity(stays).id.clone() };
            correct(&handle, edit, &Route::entity_link(&corpus, stays, &parameters));
        })
    };
    let keys = {
        let (active, open, choose, suggested) = (active.clone(), open.clone(), choose.clone(), suggested.clone());
        Callback::from(move |event: KeyboardEvent| {
            let last = suggested.len().checked_sub(1);
            match event.key().as_str() {
                "ArrowDown" if !*open => open.set(true),
                "ArrowDown" => active.set(last.map(|last| active.map_or(0, |at| (at + 1).min(last)))),
                "ArrowUp" => active.set(active.and_then(|at| at.checked_sub(1))),
                "Escape" if *open => open.set(false),
                "Enter" => match active.and_then(|at| suggested.get(at)) {
                    Some(&entity) if *open => choose.emit(entity),
                    _ => return,
                },
                _ => return,
            }
            event.prevent_default();
        })
    };
    let type_same_as = {
        let (same_as, chosen, open, active) = (same_as.clone(), chosen.clone(), open.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            same_as.set(platform::field_value(&event));
            chosen.set(None);
            active.set(None);
            open.set(true);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let set_kind = |kind: EntityKind| {
        let (handle, id, here) = (props.handle.clone(), id.clone(), here.clone());
        Callback::from(move |_: Event| correct(&handle, Edit::Kind { entity: id.clone(), kind }, &here))
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| state.set(platform::field_value(&event)))
    };
    let expanded = !suggested.is_empty();
    let option_id = |at: usize| format!("same-as-{at}");
    let keep = |this: bool, label: String| {
        let keep_this = keep_this.clone();
        html! {
            <label>
                <input type="radio" name="name-kept" checked={*keep_this == this} onchange={Callback::from(move |_: Event| keep_this.set(this))} />
                { format!(" {label}") }
            </label>
        }
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
            <form onsubmit={merge} class="same-as">
                <label>{ "Same as " }
                    <input type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
                        aria-expanded={expanded.to_string()}
                        aria-controls={expanded.then_some("same-as-names")}
                        aria-activedescendant={active.filter(|&at| at < suggested.len()).map(option_id)}
                        placeholder="another entity's name" value={(*same_as).clone()}
                        oninput={type_same_as} onkeydown={keys} onblur={close} />
                </label>
                <button type="submit">{ "Merge" }</button>
                if expanded {
                    <ul role="listbox" id="same-as-names" aria-label="Entities by that name">
                        { for suggested.iter().enumerate().map(|(at, &other)| {
                            let record = corpus.entity(other);
                            let pick = choose.reform(move |event: MouseEvent| { event.prevent_default(); other });
                            html! {
                                <li role="option" id={option_id(at)} aria-selected={(*active == Some(at)).to_string()} onmousedown={pick}>
                                    { record.name.clone() }
                                    <span class="count">{ format!(" {} · {}", kind_name(record.kind), plural(corpus.entity_article_count(other) as usize, "article", "articles")) }</span>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </form>
            if let Some(other) = resolve(&pending) {
                <fieldset class="name-kept">
                    <legend>{ format!("Merge {} with {}: the name to keep", entity.name, corpus.entity(other).name) }</legend>
                    { keep(false, corpus.entity(other).name.clone()) }
                    { keep(true, entity.name.clone()) }
                    <button type="button" onclick={confirm}>{ "Confirm merge" }</button>
                    <button type="button" onclick={{ let pending = pending.clone(); move |_: MouseEvent| pending.set(None) }}>{ "Cancel" }</button>
                </fieldset>
            }
            if let Some(problem) = &*problem {
                <p role="alert" class="problem">{ problem.clone() }</p>
            }
        </details>
    }
}

/// The entities (other than `not`) whose name or an alias holds `text`, case and accents
/// aside: those of its kind first, then the most mentioned.
fn suggestions(corpus: &CorpusHandle, text: &str, not: EntityId) -> Vec<EntityId> {
    let wanted = fold(text.trim());
    if wanted.is_empty() {
        return Vec::new();
    }
    let kind = corpus.entity(not).kind;
    // Sorted as plain numbers, which shares the wasm's one copy of that sort: another
    // kind last, then the most mentioned, then the table's order.
    let mut found: Vec<u64> = (0..corpus.entities().len() as u32)
        .map(EntityId)
        .filter(|&entity| entity != not)
        .filter_map(|entity| {
            let record = corpus.entity(entity);
            std::iter::once(&record.name).chain(&record.aliases).any(|name| fold(name).contains(&wanted)).then(|| {
                let fewer = u32::MAX - corpus.entity_article_count(entity);
                (u64::from(record.kind != kind) << 63) | (u64::from(fewer) << 31) | u64::from(entity.0)
            })
        })
        .collect();
    found.sort_unstable();
    found.into_iter().take(SUGGESTIONS_SHOWN).map(|key| EntityId((key & 0x7fff_ffff) as u32)).collect()
}

/// Props of [`LikelyDuplicates`].
#[derive(Properties, PartialEq)]
pub struct LikelyDuplicatesProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The entity shown.
    pub entity: EntityId,
    /// The corrections.
    pub handle: CorrectionsHandle,
    /// The result list's part of the address.
    pub list_parameters: AttrValue,
}

/// The entities likely the same as the one shown, each with its article count and a
/// button that merges it into this one.
#[component]
pub fn LikelyDuplicates(props: &LikelyDuplicatesProps) -> Html {
    let duplicates = use_memo((props.corpus.clone(), props.entity), |(corpus, entity)| {
        likely_duplicates(corpus.entities(), *entity)
    });
    if duplicates.is_empty() {
        return Html::default();
    }
    let corpus = &props.corpus;
    let here = Route::entity_link(corpus, props.entity, &props.list_parameters);
    let into = corpus.entity(props.entity).id.clone();
    html! {
        <section class="entity-section" aria-labelledby="entity-duplicates">
            <h3 id="entity-duplicates">{ "Likely the same" }</h3>
            <ul class="companions">
                { for duplicates.iter().map(|&other| {
                    let record = corpus.entity(other);
                    let edit = Edit::Merge { entity: record.id.clone(), into: into.clone() };
                    let (handle, here) = (props.handle.clone(), here.clone());
                    html! {
                        <li>
                            <a href={Route::entity_link(corpus, other, &props.list_parameters)}>{ record.name.clone() }</a>
                            <span class="count">{ format!(" {} ", plural(corpus.entity_article_count(other) as usize, "article", "articles")) }</span>
                            <button type="button" class="merge-here" onclick={move |_: MouseEvent| correct(&handle, edit.clone(), &here)}>{ "Merge into this page" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
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
