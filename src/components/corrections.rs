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

/// The form that corrects one entity: hide it, rename it, change its kind, or merge it
/// with another (see [`use_merge`]).
#[component]
pub fn CorrectEntity(props: &CorrectEntityProps) -> Html {
    let corpus = &props.corpus;
    let entity = corpus.entity(props.entity);
    let name = use_state(|| entity.name.clone());
    let merge = use_merge(props);
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
    let set_kind = |kind: EntityKind| {
        let (handle, id, here) = (props.handle.clone(), id.clone(), here.clone());
        Callback::from(move |_: Event| correct(&handle, Edit::Kind { entity: id.clone(), kind }, &here))
    };
    let typed = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| name.set(platform::field_value(&event)))
    };
    html! {
        <details class="correct">
            <summary>{ "Correct this entity" }</summary>
            <p class="muted">{ "Corrections are kept in this browser and hold everywhere: filters, pages, marks in articles and search." }</p>
            <button type="button" onclick={hide}>{ format!("Hide {}: it is not an entity", entity.name) }</button>
            <form onsubmit={rename}>
                <label>{ "Name " }<input type="text" value={(*name).clone()} oninput={typed} /></label>
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
            { same_as_form(&merge, corpus) }
            { name_kept(&merge, corpus, props.entity) }
            if let Some(problem) = &*merge.state.problem {
                <p role="alert" class="problem">{ problem.clone() }</p>
            }
        </details>
    }
}

/// A merge being made: what "Same as" holds and offers, and the merge waiting for the
/// name to keep, with what the reader's gestures do to them.
struct Merge {
    state: MergeState,
    /// The names offered (none while the list is closed).
    suggested: Vec<EntityId>,
    /// The other entity of the merge waiting for the name to keep.
    pending: Option<EntityId>,
    choose: Callback<EntityId>,
    keys: Callback<KeyboardEvent>,
    typed: Callback<InputEvent>,
    close: Callback<FocusEvent>,
    submit: Callback<SubmitEvent>,
    confirm: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
}

/// What a merge being made holds.
#[derive(Clone)]
struct MergeState {
    /// The text of "Same as".
    same_as: UseStateHandle<String>,
    /// The suggestion chosen, by id (cleared by typing).
    chosen: UseStateHandle<Option<String>>,
    /// The suggestion the arrow keys are on.
    active: UseStateHandle<Option<usize>>,
    /// Whether the suggestions show.
    open: UseStateHandle<bool>,
    /// The other entity of the merge waiting for the name to keep, by id.
    pending: UseStateHandle<Option<String>>,
    /// Whether this page's name is the one to keep.
    keep_this: UseStateHandle<bool>,
    problem: UseStateHandle<Option<String>>,
}

/// The state and gestures of merging the entity with another: "Same as" offers names as
/// they are typed (a combobox), Merge asks which name stays, and Confirm records it.
#[hook]
fn use_merge(props: &CorrectEntityProps) -> Merge {
    let state = MergeState {
        same_as: use_state(String::new),
        chosen: use_state(|| None),
        active: use_state(|| None),
        open: use_state(|| false),
        pending: use_state(|| None),
        keep_this: use_state(|| false),
        problem: use_state(|| None),
    };
    {
        // Another entity, or the collection read again: nothing chosen or waiting holds.
        let state = state.clone();
        use_effect_with((props.corpus.clone(), props.entity), move |_| {
            state.chosen.set(None);
            state.pending.set(None);
            state.open.set(false);
        });
    }
    let suggested = if *state.open { suggestions(&props.corpus, &state.same_as, props.entity) } else { Vec::new() };
    let (choose, keys, typed, close) = combobox_gestures(&state, &props.corpus, &suggested);
    let (submit, confirm, cancel) = merge_gestures(&state, props);
    Merge {
        pending: other_entity(&props.corpus, props.entity, &state.pending),
        state,
        suggested,
        choose,
        keys,
        typed,
        close,
        submit,
        confirm,
        cancel,
    }
}

/// The entity (other than `this`) named by a stable id kept in the state.
fn other_entity(corpus: &CorpusHandle, this: EntityId, id: &Option<String>) -> Option<EntityId> {
    id.as_deref().and_then(|id| corpus.entity_by_key(id)).filter(|&other| other != this)
}

/// "Same as" as a combobox: choosing a name, the keys that walk the names offered, typing,
/// and leaving the field.
fn combobox_gestures(
    state: &MergeState,
    corpus: &CorpusHandle,
    suggested: &[EntityId],
) -> (Callback<EntityId>, Callback<KeyboardEvent>, Callback<InputEvent>, Callback<FocusEvent>) {
    let choose = {
        let (state, corpus) = (state.clone(), corpus.clone());
        Callback::from(move |entity: EntityId| {
            state.same_as.set(corpus.entity(entity).name.clone());
            state.chosen.set(Some(corpus.entity(entity).id.clone()));
            state.open.set(false);
            state.active.set(None);
        })
    };
    let keys = {
        let (state, choose, suggested) = (state.clone(), choose.clone(), suggested.to_vec());
        Callback::from(move |event: KeyboardEvent| {
            let (active, open) = (&state.active, *state.open);
            let last = suggested.len().checked_sub(1);
            match event.key().as_str() {
                "ArrowDown" if !open => state.open.set(true),
                "ArrowDown" => active.set(last.map(|last| active.map_or(0, |at| (at + 1).min(last)))),
                "ArrowUp" => active.set(active.and_then(|at| at.checked_sub(1))),
                "Escape" if open => state.open.set(false),
                "Enter" => match active.and_then(|at| suggested.get(at)) {
                    Some(&entity) if open => choose.emit(entity),
                    _ => return,
                },
                _ => return,
            }
            event.prevent_default();
        })
    };
    let typed = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.same_as.set(platform::field_value(&event));
            state.chosen.set(None);
            state.active.set(None);
            state.open.set(true);
        })
    };
    let close = {
        let open = state.open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    (choose, keys, typed, close)
}

/// Merge (which asks for the name to keep), Confirm (which records the merge) and Cancel.
fn merge_gestures(
    state: &MergeState,
    props: &CorrectEntityProps,
) -> (Callback<SubmitEvent>, Callback<MouseEvent>, Callback<MouseEvent>) {
    let entity = props.entity;
    let submit = {
        let (state, corpus) = (state.clone(), props.corpus.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let other = other_entity(&corpus, entity, &state.chosen).or_else(|| find(&corpus, &state.same_as, entity));
            match other {
                Some(into) => {
                    state.problem.set(None);
                    state.keep_this.set(false);
                    state.pending.set(Some(corpus.entity(into).id.clone()));
                }
                None => state.problem.set(Some(format!("No other entity is named “{}”.", state.same_as.trim()))),
            }
        })
    };
    let confirm = {
        let (state, corpus, handle, parameters) =
            (state.clone(), props.corpus.clone(), props.handle.clone(), props.list_parameters.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(other) = other_entity(&corpus, entity, &state.pending) else { return };
            // The name kept is the entity that stays: the other one merges into it.
            let (gone, stays) = if *state.keep_this { (other, entity) } else { (entity, other) };
            let edit = Edit::Merge { entity: corpus.entity(gone).id.clone(), into: corpus.entity(stays).id.clone() };
            correct(&handle, edit, &Route::entity_link(&corpus, stays, &parameters));
        })
    };
    let cancel = {
        let pending = state.pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    (submit, confirm, cancel)
}

/// "Same as": a field that offers the collection's names as they are typed, and Merge.
fn same_as_form(merge: &Merge, corpus: &CorpusHandle) -> Html {
    let expanded = !merge.suggested.is_empty();
    let option_id = |at: usize| format!("same-as-{at}");
    let active = *merge.state.active;
    html! {
        <form onsubmit={merge.submit.clone()} class="same-as">
            <label>{ "Same as " }
                <input type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
                    aria-expanded={expanded.to_string()}
                    aria-controls={expanded.then_some("same-as-names")}
                    aria-activedescendant={active.filter(|&at| at < merge.suggested.len()).map(option_id)}
                    placeholder="another entity's name" value={(*merge.state.same_as).clone()}
                    oninput={merge.typed.clone()} onkeydown={merge.keys.clone()} onblur={merge.close.clone()} />
            </label>
            <button type="submit">{ "Merge" }</button>
            if expanded {
                <ul role="listbox" id="same-as-names" aria-label="Entities by that name">
                    { for merge.suggested.iter().enumerate().map(|(at, &other)| {
                        let record = corpus.entity(other);
                        let pick = merge.choose.reform(move |event: MouseEvent| { event.prevent_default(); other });
                        html! {
                            <li role="option" id={option_id(at)} aria-selected={(active == Some(at)).to_string()} onmousedown={pick}>
                                { record.name.clone() }
                                <span class="count">{ format!(" {} · {}", kind_name(record.kind), plural(corpus.entity_article_count(other) as usize, "article", "articles")) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </form>
    }
}

/// The merge waiting for the name to keep: the two names, Confirm and Cancel.
fn name_kept(merge: &Merge, corpus: &CorpusHandle, entity: EntityId) -> Html {
    let Some(other) = merge.pending else { return Html::default() };
    let (this, that) = (corpus.entity(entity).name.clone(), corpus.entity(other).name.clone());
    let keep = |keep_this: bool, label: &str| {
        let state = merge.state.keep_this.clone();
        html! {
            <label>
                <input type="radio" name="name-kept" checked={*state == keep_this} onchange={Callback::from(move |_: Event| state.set(keep_this))} />
                { format!(" {label}") }
            </label>
        }
    };
    html! {
        <fieldset class="name-kept">
            <legend>{ format!("Merge {this} with {that}: the name to keep") }</legend>
            { keep(false, &that) }
            { keep(true, &this) }
            <button type="button" onclick={merge.confirm.clone()}>{ "Confirm merge" }</button>
            <button type="button" onclick={merge.cancel.clone()}>{ "Cancel" }</button>
        </fieldset>
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
