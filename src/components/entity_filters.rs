//! Entity filters: the people, organizations and places the selected articles mention,
//! with counts, as toggle buttons grouped by kind.

use std::rc::Rc;

use dossier_engine::{EntityId, EntityKind, EntityMatch, Selection, search::NameFinder};
use yew::prelude::*;

use crate::{
    platform,
    state::{CorpusHandle, ViewHandle},
    words::number,
};

/// How many entities of one kind are listed before "Show all".
pub const SHOWN_PER_KIND: usize = 12;

/// The entity filters the reader has set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chosen {
    /// Entities the articles must mention (all, or any one).
    pub entities: Vec<EntityId>,
    /// Entities the articles must not mention.
    pub excluded: Vec<EntityId>,
    /// All of [`Chosen::entities`], or any one.
    pub entity_match: EntityMatch,
}

impl Chosen {
    /// The entity filters of a selection.
    pub fn of(selection: &Selection) -> Chosen {
        Chosen {
            entities: selection.entities.clone(),
            excluded: selection.excluded.clone(),
            entity_match: selection.entity_match,
        }
    }

    /// How many filters are set.
    pub fn len(&self) -> usize {
        self.entities.len() + self.excluded.len()
    }

    /// Whether none is set.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the reader does with entity filters.
#[derive(Clone, PartialEq)]
pub struct EntityCallbacks {
    /// Chooses an entity, or lets it go.
    pub toggle: Callback<EntityId>,
    /// Leaves an entity out, or takes it back.
    pub exclude: Callback<EntityId>,
    /// All of the chosen entities, or any one.
    pub set_match: Callback<EntityMatch>,
    /// Opens an entity's page.
    pub about: Callback<EntityId>,
}

/// Props of [`EntityFilters`].
#[derive(Properties, PartialEq)]
pub struct EntityFiltersProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The current selection's view, whose facets (most frequent first) are listed.
    pub view: ViewHandle,
    /// The filters the reader has set.
    pub chosen: Chosen,
    /// What pressing them does.
    pub on: EntityCallbacks,
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
    // The name box reads what is typed as the search box does: typos forgiven.
    let wanted: Rc<NameFinder> = {
        let corpus = props.corpus.clone();
        (*use_memo((*name_filter).clone(), move |text| Rc::new(NameFinder::new(corpus.index(), text)))).clone()
    };
    // Without a name to find, the core knows how many of each kind there are: the groups
    // then go through the few facets they show, not thousands.
    // The one name found, if only one is: Enter chooses it.
    let mut found = None;
    let per_kind = if wanted.is_empty() {
        props.corpus.facets_per_kind(&props.view)
    } else {
        let mut per_kind = [0; EntityKind::ALL.len()];
        for facet in props.corpus.facets_of(&props.view) {
            if names_match(&props.corpus, facet.entity, &wanted) {
                per_kind[props.corpus.entity_kind(facet.entity).position()] += 1;
                found = Some(facet.entity);
            }
        }
        per_kind
    };
    let empty = per_kind.iter().all(|&listed| listed == 0);
    // Enter chooses the one name found (unless chosen already), and clears the box for
    // the next.
    let only = found.filter(|_| per_kind.iter().sum::<usize>() == 1);
    let on_filter_key = {
        let (name_filter, toggle, chosen) =
            (name_filter.clone(), props.on.toggle.clone(), props.chosen.entities.clone());
        Callback::from(move |event: KeyboardEvent| {
            if let Some(entity) = only.filter(|_| event.key() == "Enter") {
                event.prevent_default();
                if !chosen.contains(&entity) {
                    toggle.emit(entity);
                }
                name_filter.set(String::new());
            }
        })
    };
    let example = example_name(&props.corpus);
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
                onkeydown={on_filter_key}
                placeholder={example}
                autocomplete="off"
            />
            <ChosenList corpus={props.corpus.clone()} chosen={props.chosen.clone()} on={props.on.clone()} />
            if empty && props.chosen.is_empty() {
                <p class="muted">{ "No names to show." }</p>
            }
            { for EntityKind::ALL.iter().map(|&kind| html! {
                <EntityGroup
                    {kind}
                    corpus={props.corpus.clone()}
                    view={props.view.clone()}
                    wanted={wanted.clone()}
                    listed={per_kind[kind.position()]}
                    chosen={props.chosen.clone()}
                    on={props.on.clone()}
                />
            }) }
        </section>
    }
}

/// The name box's example: the collection's most mentioned person (or, without people,
/// its most mentioned name).
fn example_name(corpus: &CorpusHandle) -> Option<String> {
    // People rank above the rest, then the most articles.
    let entity = (0..corpus.entities().len() as u32).map(EntityId).max_by_key(|&entity| {
        (corpus.entity_kind(entity) == EntityKind::Person, corpus.entity_article_count(entity))
    })?;
    Some(format!("e.g. {}", corpus.entity(entity).name))
}

/// Whether `wanted` finds an entity's name or one of its aliases (everything matches an
/// empty one).
fn names_match(corpus: &CorpusHandle, entity: EntityId, wanted: &NameFinder) -> bool {
    let entity = corpus.entity(entity);
    wanted.is_empty() || wanted.finds(&entity.name) || entity.aliases.iter().any(|alias| wanted.finds(alias))
}

/// Props of [`ChosenList`].
#[derive(Properties, PartialEq)]
struct ChosenListProps {
    corpus: CorpusHandle,
    chosen: Chosen,
    on: EntityCallbacks,
}

/// The filters set, each a chip that says what it does ("Mexico", "not CIA") with a
/// button to turn it into the other and one to remove it; with two names or more, the
/// choice between articles mentioning all of them or any one.
#[component]
fn ChosenList(props: &ChosenListProps) -> Html {
    let chosen = &props.chosen;
    if chosen.is_empty() {
        return html! {};
    }
    let chip = |entity: EntityId, excluded: bool| {
        let name = props.corpus.entity(entity).name.clone();
        let (switch, switch_label) = match excluded {
            true => (props.on.toggle.reform(move |_: MouseEvent| entity), format!("Mention {name} instead")),
            false => (props.on.exclude.reform(move |_: MouseEvent| entity), format!("Leave out {name}")),
        };
        let remove = match excluded {
            true => props.on.exclude.reform(move |_: MouseEvent| entity),
            false => props.on.toggle.reform(move |_: MouseEvent| entity),
        };
        html! {
            <li class={classes!("name-chip", excluded.then_some("excluded"))}>
                if excluded {
                    <span class="not">{ "not " }</span>
                }
                <span class="name">{ name.clone() }</span>
                <button type="button" class="switch" aria-label={switch_label} onclick={switch}>{ if excluded { "+" } else { "−" } }</button>
                <button type="button" class="remove" aria-label={format!("Remove {name}")} onclick={remove}>{ "×" }</button>
            </li>
        }
    };
    let set_match = |entity_match: EntityMatch| props.on.set_match.reform(move |_: Event| entity_match);
    let any = chosen.entity_match == EntityMatch::Any;
    html! {
        <div class="chosen">
            <ul class="chips" aria-label="Names chosen">
                { for chosen.entities.iter().map(|&entity| chip(entity, false)) }
                { for chosen.excluded.iter().map(|&entity| chip(entity, true)) }
            </ul>
            if chosen.entities.len() >= 2 {
                <fieldset class="entity-match">
                    <legend>{ "Articles mention" }</legend>
                    <label><input type="radio" name="entity-match" checked={!any} onchange={set_match(EntityMatch::All)} />{ " all of them" }</label>
                    <label><input type="radio" name="entity-match" checked={any} onchange={set_match(EntityMatch::Any)} />{ " any of them" }</label>
                </fieldset>
            }
        </div>
    }
}

/// Props of [`EntityGroup`].
#[derive(Properties, PartialEq)]
struct EntityGroupProps {
    kind: EntityKind,
    corpus: CorpusHandle,
    /// The view whose facets of this kind are listed.
    view: ViewHandle,
    /// The name the reader looks for (empty: every name).
    wanted: Rc<NameFinder>,
    /// How many of the view's facets are of this kind and match `wanted`.
    listed: usize,
    chosen: Chosen,
    on: EntityCallbacks,
}

/// One kind's entities (People, Organizations or Places), the most mentioned first, the
/// first [`SHOWN_PER_KIND`] until "Show all".
#[component]
fn EntityGroup(props: &EntityGroupProps) -> Html {
    let expanded = use_state(|| false);
    let heading_id = format!("entities-{}", props.kind.as_str());
    let corpus = &props.corpus;
    let facets = corpus.facets_of(&props.view);
    // Chosen entities stay visible (to be unchosen) even when no article matches, and
    // left-out ones (which no shown article mentions).
    let unmatched: Vec<(EntityId, u32)> = props
        .chosen
        .entities
        .iter()
        .chain(&props.chosen.excluded)
        .filter(|&&chosen| corpus.entity(chosen).kind == props.kind)
        .filter(|&&chosen| !facets.iter().any(|facet| facet.entity == chosen))
        .map(|&chosen| (chosen, 0))
        .collect();
    let total = unmatched.len() + props.listed;
    if total == 0 {
        return html! {};
    }
    let shown = if *expanded { total } else { total.min(SHOWN_PER_KIND) };
    // Most frequent first: the first rows of a kind come early in the facets, and the walk
    // stops at the last one shown.
    let listed = facets
        .iter()
        .filter(|facet| {
            corpus.entity_kind(facet.entity) == props.kind && names_match(corpus, facet.entity, &props.wanted)
        })
        .map(|facet| (facet.entity, facet.count));
    let rows = unmatched.iter().copied().chain(listed);
    let toggle_expanded = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <div class="entity-group" role="group" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ props.kind.plural_label() }<span class="group-count">{ format!(" ({})", number(total)) }</span></h3>
            <ul>
                { for rows.take(shown).map(|(entity, count)| entity_row(props, entity, count)) }
            </ul>
            if total > SHOWN_PER_KIND {
                <button type="button" class="more" aria-expanded={expanded.to_string()} onclick={toggle_expanded}>
                    { if *expanded { "Show fewer".to_owned() } else { format!("Show all {}", number(total)) } }
                </button>
            }
        </div>
    }
}

/// One entity of the group: a button that chooses it (or lets it go), with its count of
/// articles, one that leaves it out and one that opens its page.
fn entity_row(props: &EntityGroupProps, entity: EntityId, count: u32) -> Html {
    let pressed = props.chosen.entities.contains(&entity);
    let excluded = props.chosen.excluded.contains(&entity);
    let on_toggle = props.on.toggle.clone();
    let on_exclude = props.on.exclude.reform(move |_: MouseEvent| entity);
    let on_about = props.on.about.reform(move |_: MouseEvent| entity);
    let record = props.corpus.entity(entity);
    let aliases =
        if record.aliases.is_empty() { String::new() } else { format!("Also written: {}", record.aliases.join(", ")) };
    html! {
        <li class={classes!(excluded.then_some("excluded"))}>
            <button
                type="button"
                class="entity"
                aria-pressed={pressed.to_string()}
                title={aliases}
                onclick={Callback::from(move |_: MouseEvent| on_toggle.emit(entity))}
            >
                // The count's words are hidden text, not a label: a new count
                // rewrites one text node ("Mexico 312 articles" to a reader).
                <span class="name">{ record.name.clone() }</span>{ " " }
                <span class="count">{ number(count as usize) }<span class="visually-hidden">{ if count == 1 { " article" } else { " articles" } }</span></span>
            </button>
            <button
                type="button"
                class="exclude"
                aria-label={format!("Leave out {}", record.name)}
                aria-pressed={excluded.to_string()}
                onclick={on_exclude}
            >{ "−" }</button>
            <button type="button" class="about" aria-label={format!("About {}", record.name)} title="About" onclick={on_about}>{ "i" }</button>
        </li>
    }
}
