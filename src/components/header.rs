//! The masthead: the collection's name and size.

use yew::prelude::*;

use crate::{platform, words::plural};

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
    // Whether the collection is saved for offline reading, as the service worker's
    // registration (public/register.js) reports it.
    let offline = use_state(|| None::<String>);
    {
        let offline = offline.clone();
        use_effect_with((), move |_| {
            if let Some(text) = platform::offline_status() {
                offline.set(Some(text));
            }
            let listener = platform::on_offline_status(move |text| offline.set(Some(text)));
            move || drop(listener)
        });
    }
    html! {
        <header class="masthead">
            // Beside the brand, on one line that never grows: the note arrives after the
            // page is drawn, and must not push it down. Always there, so it is announced.
            <p class="brand">
                { "Dossier" }
                <span class="offline" aria-live="polite">{ offline.as_deref().unwrap_or_default().to_owned() }</span>
            </p>
            <h1>{ props.name.clone() }</h1>
            if let Some(description) = &props.description {
                <p class="description">{ description.clone() }</p>
            }
            <p class="counts">
                { format!("{articles} · {entities}") }
            </p>
        </header>
    }
}
