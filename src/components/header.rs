//! The masthead: the collection's name and size.

use yew::prelude::*;

use crate::words::plural;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The collection's name.
    pub name: AttrValue,
    /// Its description, when it has one.
    #[prop_or_default]
    pub description: Option<AttrValue>,
    /// Articles in the collection.
    pub articles: usize,
    /// Entities in the collection.
    pub entities: usize,
}

/// The page header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let articles = plural(props.articles, "article", "articles");
    let entities = plural(props.entities, "entity", "entities");
    html! {
        <header class="masthead">
            <p class="brand">{ "Dossier" }</p>
            <h1>{ props.name.clone() }</h1>
            if let Some(description) = &props.description {
                <p class="description">{ description.clone() }</p>
            }
            <p class="counts">{ format!("{articles} · {entities}") }</p>
        </header>
    }
}
