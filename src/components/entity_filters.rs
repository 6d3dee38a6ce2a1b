//! Entity filters: the people, organizations and places the selected articles mention,
//! with counts, as toggle buttons grouped by kind.

use std::rc::Rc;

use dossier_engine::{EntityId, EntityKind, EntityMatch, Selection, search::NameFinder};
use yew::prelude::*;

use crate::{
    components::ahead::{Changes, use_ahead},
    platform,
    state::{self, CorpusHandle, ViewHandle},
    words::number,
};

/// How many entities of one kind are listed before "Show all".
pub const SHOWN_PER_KIND: usize = 12;

/// A row of a list shown whole, in pixels: every row is as tall, so the list draws only
/// the rows in view, however many thousands it holds.
const ROW_PX: usize = 36;

/// The rows a list shown whole has in view.
const ROWS_IN_VIEW: usize = 10;

/// Rows drawn beyond the view on either side, so a quick scroll shows no gap.
const ROWS_AROUND: usize = 6;

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

    /// These filters with `entity` chosen, or let go ([`state::toggle_entity`]).
    fn toggled(&self, entity: EntityId) -> Chosen {
        let mut next = self.clone();
        state::toggle_entity(&mut next.entities, &mut next.excluded, entity);
        next
    }

    /// These filters with `entity` left out, or taken back ([`state::exclude_entity`]).
    fn excluding(&self, entity: EntityId) -> Chosen {
        let mut next = self.clone();
        state::exclude_entity(&mut next.entities, &mut next.excluded, entity);
        next
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
    // The filters drawn ahead of the results: a name chosen, left out or let go shows so in
    // a frame of its own (its button and chip), and the results, counts and timeline follow
    // in the frame after.
    let ahead = use_ahead::<Chosen>();
    let chosen = ahead.shown().cloned().unwrap_or_else(|| props.chosen.clone());
    let ahead_of = |emit: &Callback<EntityId>, change: fn(&Chosen, EntityId) -> Chosen| {
        let (ahead, emit, chosen) = (ahead.clone(), emit.clone(), chosen.clone());
        Callback::from(move |entity: EntityId| {
            let emit = emit.clone();
            ahead.draw(Some(change(&chosen, entity)), Changes::Each, move || emit.emit(entity));
        })
    };
    let on = EntityCallbacks {
        toggle: ahead_of(&props.on.toggle, Chosen::toggled),
        exclude: ahead_of(&props.on.exclude, Chosen::excluding),
        ..props.on.clone()
    };
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
        let (name_filter, toggle, chosen) = (name_filter.clone(), on.toggle.clone(), chosen.entities.clone());
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
            <ChosenList corpus={props.corpus.clone()} chosen={chosen.clone()} on={on.clone()} />
            if empty && chosen.is_empty() {
                <p class="muted">{ "No names to show." }</p>
            }
            { for EntityKind::ALL.iter().map(|&kind| html! {
                <EntityGroup
                    {kind}
                    corpus={props.corpus.clone()}
                    view={props.view.clone()}
                    wanted={wanted.clone()}
                    listed={per_kind[kind.position()]}
                    chosen={chosen.clone()}
                    on={on.clone()}
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
    let of = RowOf { corpus, chosen: &props.chosen, on: &props.on };
    html! {
        <div class="entity-group" role="group" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id.clone()}>{ props.kind.plural_label() }<span class="group-count">{ format!(" ({})", number(total)) }</span></h3>
            if *expanded {
                <EntityWindow
                    id={format!("entities-{}-all", props.kind.as_str())}
                    labelled_by={heading_id}
                    corpus={corpus.clone()}
                    rows={Rc::new(rows.collect::<Vec<_>>())}
                    chosen={props.chosen.clone()}
                    on={props.on.clone()}
                />
            } else {
                <ul>
                    { for rows.take(shown).map(|(entity, count)| entity_row(&of, entity, count, None)) }
                </ul>
            }
            if total > SHOWN_PER_KIND {
                <button type="button" class="more" aria-expanded={expanded.to_string()} onclick={toggle_expanded}>
                    { if *expanded { "Show fewer".to_owned() } else { format!("Show all {}", number(total)) } }
                </button>
            }
        </div>
    }
}

/// What a row is drawn from: the collection, the filters set and what pressing does.
struct RowOf<'a> {
    corpus: &'a CorpusHandle,
    chosen: &'a Chosen,
    on: &'a EntityCallbacks,
}

/// Where a row sits in a list shown whole, which the keyboard walks as one tab stop.
struct Walk<'a> {
    /// The row's place in the list, from 0.
    at: usize,
    /// The list's length.
    size: usize,
    /// The row's button holding the list's one tab stop, if one of its does.
    tab_stop: Option<usize>,
    /// The list's id, which the buttons' ids start with.
    id: &'a str,
    /// A key pressed on a button: its row, its place in the row, the key.
    on_key: &'a Callback<(usize, usize, KeyboardEvent)>,
    /// A button focused: its row and place in the row.
    on_focus: &'a Callback<(usize, usize)>,
}

/// The id of the `column`-th button of row `at` of the list `id`.
fn button_id(id: &str, at: usize, column: usize) -> String {
    format!("{id}-{at}-{column}")
}

/// One entity of the group: a button that chooses it (or lets it go), with its count of
/// articles, one that leaves it out and one that opens its page; in a list shown whole,
/// placed in it for screen readers and walked by the keyboard (`walk`).
fn entity_row(of: &RowOf, entity: EntityId, count: u32, walk: Option<Walk>) -> Html {
    let pressed = of.chosen.entities.contains(&entity);
    let excluded = of.chosen.excluded.contains(&entity);
    let on_toggle = of.on.toggle.clone();
    let on_exclude = of.on.exclude.reform(move |_: MouseEvent| entity);
    let on_about = of.on.about.reform(move |_: MouseEvent| entity);
    let record = of.corpus.entity(entity);
    let aliases =
        if record.aliases.is_empty() { String::new() } else { format!("Also written: {}", record.aliases.join(", ")) };
    // In a list shown whole: each button's id, tab index and key and focus handlers.
    let walked = |column: usize| {
        walk.as_ref().map(|walk| {
            let at = walk.at;
            Walked {
                id: button_id(walk.id, at, column),
                tabindex: if walk.tab_stop == Some(column) { "0" } else { "-1" },
                on_key: walk.on_key.reform(move |event: KeyboardEvent| (at, column, event)),
                on_focus: walk.on_focus.reform(move |_: FocusEvent| (at, column)),
            }
        })
    };
    // The count's words are hidden text, not a label: a new count rewrites one text node
    // ("Mexico 312 articles" to a reader).
    let choose = RowButton {
        class: "entity",
        label: None,
        title: Some(aliases),
        pressed,
        onclick: Callback::from(move |_: MouseEvent| on_toggle.emit(entity)),
        content: html! {
            <>
                <span class="name">{ record.name.clone() }</span>{ " " }
                <span class="count">{ number(count as usize) }<span class="visually-hidden">{ if count == 1 { " article" } else { " articles" } }</span></span>
            </>
        },
    };
    let leave_out = RowButton {
        class: "exclude",
        label: Some(format!("Leave out {}", record.name)),
        title: None,
        pressed: excluded,
        onclick: on_exclude,
        content: html! { "−" },
    };
    html! {
        <li
            key={entity.0}
            class={classes!(excluded.then_some("excluded"))}
            aria-setsize={walk.as_ref().map(|walk| walk.size.to_string())}
            aria-posinset={walk.as_ref().map(|walk| (walk.at + 1).to_string())}
        >
            { row_button(choose, walked(0), true) }
            { row_button(leave_out, walked(1), true) }
            { row_button(
                RowButton {
                    class: "about",
                    label: Some(format!("About {}", record.name)),
                    title: Some("About".to_owned()),
                    pressed: false,
                    onclick: on_about,
                    content: html! { "i" },
                },
                walked(2),
                false,
            ) }
        </li>
    }
}

/// A row's button's place in the keyboard's walk of a list shown whole.
struct Walked {
    id: String,
    tabindex: &'static str,
    on_key: Callback<KeyboardEvent>,
    on_focus: Callback<FocusEvent>,
}

/// One button of an entity's row.
struct RowButton {
    class: &'static str,
    label: Option<String>,
    title: Option<String>,
    pressed: bool,
    onclick: Callback<MouseEvent>,
    content: Html,
}

/// Draws a row's button, placed in the keyboard's walk when the list is shown whole; a
/// toggle says whether it is pressed.
fn row_button(button: RowButton, walked: Option<Walked>, toggle: bool) -> Html {
    let (id, tabindex, onkeydown, onfocus) = match walked {
        Some(Walked { id, tabindex, on_key, on_focus }) => (Some(id), Some(tabindex), Some(on_key), Some(on_focus)),
        None => (None, None, None, None),
    };
    html! {
        <button
            type="button"
            class={button.class}
            {id}
            {tabindex}
            {onkeydown}
            {onfocus}
            aria-label={button.label}
            aria-pressed={toggle.then(|| button.pressed.to_string())}
            title={button.title}
            onclick={button.onclick}
        >{ button.content }</button>
    }
}

/// Props of [`EntityWindow`].
#[derive(Properties, PartialEq)]
struct EntityWindowProps {
    /// The scrolling box's id.
    id: AttrValue,
    /// The id of the heading naming the list.
    labelled_by: String,
    corpus: CorpusHandle,
    /// Every row of the list: an entity and its count of articles.
    rows: Rc<Vec<(EntityId, u32)>>,
    chosen: Chosen,
    on: EntityCallbacks,
}

/// A kind's list shown whole: a box of [`ROWS_IN_VIEW`] rows that scrolls, drawing only
/// the rows in view (thousands of rows would be thousands of buttons), each row placed
/// in the whole list for screen readers (`aria-setsize`, `aria-posinset`). The list is one
/// tab stop: the arrow keys go up and down the rows and along a row's buttons, Page Up
/// and Page Down a view, Home and End to the ends; Enter or Space presses a button.
#[component]
fn EntityWindow(props: &EntityWindowProps) -> Html {
    let size = props.rows.len();
    // The first row in view, and the row and button holding the tab stop.
    let first = use_state_eq(|| 0_usize);
    let active = use_state_eq(|| (0_usize, 0_usize));
    // The button the keyboard moved to, focused once it is drawn.
    let to_focus = use_mut_ref(|| None::<(usize, usize)>);
    let id = props.id.clone();
    {
        let (to_focus, id) = (to_focus.clone(), id.clone());
        use_effect(move || {
            if let Some((at, column)) = to_focus.borrow_mut().take() {
                platform::focus(&button_id(&id, at, column));
            }
        });
    }
    let last = size.saturating_sub(1);
    let drawn = first.saturating_sub(ROWS_AROUND)..(*first + ROWS_IN_VIEW + ROWS_AROUND).min(size);
    // The tab stop stays where the reader left it while drawn, else goes to the first row
    // in view: the list always has one.
    let tab_stop = match (active.0.min(last), active.1) {
        (at, column) if drawn.contains(&at) => (at, column),
        _ => ((*first).min(last), 0),
    };
    let on_key = {
        let (first, active, id) = (first.clone(), active.clone(), id.clone());
        Callback::from(move |(at, column, event): (usize, usize, KeyboardEvent)| {
            let (at, column) = match event.key().as_str() {
                "ArrowDown" => ((at + 1).min(last), column),
                "ArrowUp" => (at.saturating_sub(1), column),
                "PageDown" => ((at + ROWS_IN_VIEW).min(last), column),
                "PageUp" => (at.saturating_sub(ROWS_IN_VIEW), column),
                "Home" => (0, column),
                "End" => (last, column),
                "ArrowRight" => (at, (column + 1).min(2)),
                "ArrowLeft" => (at, column.saturating_sub(1)),
                _ => return,
            };
            event.prevent_default();
            let scrolled = platform::scroll_to_show(&id, (at * ROW_PX) as f64, ((at + 1) * ROW_PX) as f64);
            first.set(scrolled as usize / ROW_PX);
            active.set((at, column));
            *to_focus.borrow_mut() = Some((at, column));
            // Already drawn: focused now (a render may not follow).
            platform::focus(&button_id(&id, at, column));
        })
    };
    let on_focus = {
        let active = active.clone();
        Callback::from(move |at_column: (usize, usize)| active.set(at_column))
    };
    let on_scroll = {
        let first = first.clone();
        Callback::from(move |event: Event| first.set(platform::scrolled_top(&event) as usize / ROW_PX))
    };
    let of = RowOf { corpus: &props.corpus, chosen: &props.chosen, on: &props.on };
    let rows = drawn.clone().map(|at| {
        let (entity, count) = props.rows[at];
        let walk = Walk {
            at,
            size,
            tab_stop: (tab_stop.0 == at).then_some(tab_stop.1),
            id: &id,
            on_key: &on_key,
            on_focus: &on_focus,
        };
        entity_row(&of, entity, count, Some(walk))
    });
    html! {
        <div
            id={id.clone()}
            class="entity-window"
            style={format!("height: {}px", size.min(ROWS_IN_VIEW) * ROW_PX)}
            onscroll={on_scroll}
        >
            <div style={format!("height: {}px", size * ROW_PX)}>
                <ul aria-labelledby={props.labelled_by.clone()} style={format!("top: {}px", drawn.start * ROW_PX)}>
                    { for rows }
                </ul>
            </div>
        </div>
    }
}
