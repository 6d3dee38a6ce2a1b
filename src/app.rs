//! The root component: loads the bundle and renders the loading state, the error panel
//! or the viewer.

use std::rc::Rc;

use dossier_core::Corpus;
use yew::prelude::*;

use crate::{
    components::{error_panel::ErrorPanel, viewer::Viewer},
    platform,
    state::CorpusHandle,
};

/// Where loading the collection stands.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(CorpusHandle),
    Failed { url: AttrValue, reason: AttrValue },
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            let embedded = platform::embedded_bundle();
            let url = if embedded.is_some() { "this file".to_owned() } else { platform::data_url() };
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = match embedded {
                    Some(text) => Ok(text),
                    None => platform::fetch_text(&url).await,
                };
                platform::mark("dossier:fetched");
                let loaded = match fetched {
                    Ok(text) => Corpus::from_json(&text).map_err(|error| error.to_string()),
                    Err(reason) => Err(reason),
                };
                platform::mark("dossier:corpus-ready");
                load.set(match loaded {
                    Ok(corpus) => Load::Ready(CorpusHandle(Rc::new(corpus))),
                    Err(reason) => Load::Failed { url: url.into(), reason: reason.into() },
                });
            });
        });
    }
    match &*load {
        Load::Loading => html! {
            <main class="loading">
                <p role="status" aria-busy="true">{ "Loading the collection…" }</p>
            </main>
        },
        Load::Failed { url, reason } => html! { <ErrorPanel url={url.clone()} reason={reason.clone()} /> },
        Load::Ready(corpus) => html! { <Viewer corpus={corpus.clone()} /> },
    }
}
