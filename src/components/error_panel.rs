//! The panel shown when the collection cannot be loaded: what failed and why.

use yew::prelude::*;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// The bundle that was asked for.
    pub url: AttrValue,
    /// Why it could not be used, in a reader's words.
    pub reason: AttrValue,
    /// Whether it is larger than one tab can hold (the advice is then other tools).
    #[prop_or_default]
    pub too_large: bool,
}

/// A readable error in place of the viewer.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <main class="error-page">
            <div class="error-panel" role="alert">
                <h1>{ "This collection could not be opened" }</h1>
                <p class="reason">{ props.reason.clone() }</p>
                <p>{ "Collection file: " }<code>{ props.url.clone() }</code></p>
                if props.too_large {
                    <p>{ "Search it with " }<code>{ "dossier search --data" }</code>
                       { ", or make smaller collections of it with " }<code>{ "dossier ingest" }</code>{ "." }</p>
                } else {
                    <p>{ "Check that the file is a bundle written by " }<code>{ "dossier ingest" }</code>
                       { ", or open the viewer without " }<code>{ "?data=" }</code>{ " to see the bundled collection." }</p>
                }
            </div>
        </main>
    }
}
