//! The search box: a labelled `<input type="search">`; `/` focuses it from anywhere.

use yew::prelude::*;

use crate::platform;

/// The search input's id (the `/` shortcut and the label point at it).
pub const SEARCH_INPUT_ID: &str = "search";

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The current query.
    pub query: AttrValue,
    /// Called with the new text on every keystroke.
    pub on_search: Callback<String>,
}

/// The labelled search field.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let on_search = props.on_search.clone();
    let oninput = Callback::from(move |event: InputEvent| on_search.emit(platform::field_value(&event)));
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <label for={SEARCH_INPUT_ID}>{ "Search articles" }</label>
            <input
                id={SEARCH_INPUT_ID}
                type="search"
                value={props.query.clone()}
                {oninput}
                placeholder="Words or names to find"
                autocomplete="off"
                spellcheck="false"
                aria-keyshortcuts="/"
                aria-describedby="search-hint"
            />
            <p class="hint" id="search-hint">
                // A keyboard's shortcut: hidden on touch screens, where it means nothing.
                <span class="keys">{ "Press " }<kbd>{ "/" }</kbd>{ " to search from anywhere. " }</span>
                <kbd>{ "\"two words\"" }</kbd>{ " for a phrase, " }<kbd>{ "-word" }</kbd>{ " to leave out, " }
                <kbd>{ "OR" }</kbd>{ " for either; typos are forgiven." }
            </p>
        </form>
    }
}
