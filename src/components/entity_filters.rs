//! Entity filters: the people, organizations and places the selected articles mention,
//! with counts, as toggle buttons grouped by kind.

use std::rc::Rc;

use dossier_core::{EntityId, EntityKind, selection::EntityFacet, tokenize::fold};
use yew::prelude::*;

use crate::{
    platform,
    state::{CorpusHandle, ViewHandle},
    words::plural,
};

/// How many entities of one kind are listed before "Show all".
pub const SHOWN_PER_KIND: usize = 12;

/// Props of [`EntityFilters`].
#[derive(Properties, PartialEq)]
pub struct EntityFiltersProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The current selection's view, whose facets (most frequent first) are listed.
    pub view: ViewHandle,
    /// Entities the reader has chosen.
    pub chosen: Vec<EntityId>,
    /// Called with an entity to add it to or remove it from the filters.
    pub on_toggle_entity: Callback<EntityId>,
}

/// Filters grouped as People, Organizations, Places, with a box that narrows the lists
/// to names (or aliases) containing what is typed.
#[component]
pub fn EntityFilters(props: &EntityFiltersProps) -> Html {
    let name_filter = use_state(String::new);
    let on_filter_input = {
        let name_filter = name_filter.clone();
        Callback::from(move |event: InputEvent| name_filter.set(platform::field_value(&event)))
    };
    let wanted = fold(name_filter.trim());
    let matches = |facet: &EntityFacet| {
        let entity = props.corpus.entity(facet.entity);
        wanted.is_empty()
            || fold(&entity.name).contains(&wanted)
            || entity.aliases.iter().any(|alias| fold(alias).contains(&wanted))
    };
    // One pass over the facets (thousands on a large collection) sorts them by kind.
    let mut by_kind: [Vec<EntityFacet>; EntityKind::ALL.len()] = EntityKind::ALL.map(|_| Vec::new());
    for facet in props.view.facets.iter().filter(|facet| matches(facet)) {
        let kind = props.corpus.entity(facet.entity).kind;
        if let Some(slot) = EntityKind::ALL.iter().position(|&other| other == kind) {
            by_kind[slot].push(*facet);
        }
    }
    let empty = by_kind.iter().all(Vec::is_empty);
    html! {
        <section class="entity-filters" aria-labelledby="entities-heading">
            <h2 id="entities-heading">{ "Mentioned" }</h2>
            <label class="entity-filter-label" for="entity-filter">{ "Find a name" }</label>
            <input
                id="entity-filter"
                class="entity-filter"
                type="search"
                value={(*name_filter).clone()}
                oninput={on_filter_input}
                placeholder="e.g. Sheinbaum"
                autocomplete="off"
            />
            if empty && props.chosen.is_empty() {
                <p class="muted">{ "No names to show." }</p>
            }
            { for EntityKind::ALL.iter().zip(by_kind).map(|(&kind, facets)| html! {
                <EntityGroup
                    {kind}
                    corpus={props.corpus.clone()}
                    facets={Rc::new(facets)}
                    chosen={props.chosen.clone()}
                    on_toggle_entity={props.on_toggle_entity.clone()}
                />
            }) }
        </section>
    }
}

/// Props of [`EntityGroup`].
#[derive(Properties, PartialEq)]
struct EntityGroupProps {
    kind: EntityKind,
    corpus: CorpusHandle,
    facets: Rc<Vec<EntityFacet>>,
    chosen: Vec<EntityId>,
    on_toggle_entity: Callback<EntityId>,
}

#[component]
fn EntityGroup(props: &EntityGroupProps) -> Html {
    let expanded = use_state(|| false);
    let heading_id = format!("entities-{}", props.kind.as_str());
    // Chosen entities stay visible (to be unchosen) even when no article matches.
    let unmatched: Vec<(EntityId, u32)> = props
        .chosen
        .iter()
        .filter(|&&chosen| props.corpus.entity(chosen).kind == props.kind)
        .filter(|&&chosen| !props.facets.iter().any(|facet| facet.entity == chosen))
        .map(|&chosen| (chosen, 0))
        .collect();
    let total = unmatched.len() + props.facets.len();
    if total == 0 {
        return html! {};
    }
    let shown = if *expanded { total } else { total.min(SHOWN_PER_KIND) };
    let rows = unmatched.iter().copied().chain(props.facets.iter().map(|facet| (facet.entity, facet.count)));
    let toggle_expanded = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <div class="entity-group" role="group" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ props.kind.plural_label() }<span class="group-count">{ format!(" ({total})") }</span></h3>
            <ul>
                { for rows.take(shown).map(|(entity, count)| {
                    let pressed = props.chosen.contains(&entity);
                    let on_toggle = props.on_toggle_entity.clone();
                    let record = props.corpus.entity(entity);
                    let aliases = if record.aliases.is_empty() {
                        String::new()
                    } else {
                        format!("Also written: {}", record.aliases.join(", "))
                    };
                    html! {
                        <li>
                            <button
                                type="button"
                                class="entity"
                                aria-pressed={pressed.to_string()}
                                title={aliases}
                                onclick={Callback::from(move |_: MouseEvent| on_toggle.emit(entity))}
                            >
                                <span class="name">{ record.name.clone() }</span>
                                <span class="count" aria-label={plural(count as usize, "article", "articles")}>{ count }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if total > SHOWN_PER_KIND {
                <button type="button" class="more" aria-expanded={expanded.to_string()} onclick={toggle_expanded}>
                    { if *expanded { "Show fewer".to_owned() } else { format!("Show all {total}") } }
                </button>
            }
        </div>
    }
}
