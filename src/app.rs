//! The root component: loads the bundle, applies the reader's corrections kept in this
//! browser, and renders the loading state, the error panel or the viewer.

use std::rc::Rc;

use dossier_engine::{Bundle, Corpus, Corrections, corrections::Skipped};
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
    Ready(Loaded),
    Failed { url: AttrValue, reason: AttrValue },
}

/// A collection with the reader's corrections applied.
#[derive(Clone)]
pub struct Loaded {
    /// The collection's text as it came, to apply corrections to again.
    original: Rc<str>,
    /// Where the corrections are kept in this browser.
    key: Rc<str>,
    /// The corrections, in the order made.
    pub corrections: Rc<Corrections>,
    /// The collection with them applied.
    pub corpus: CorpusHandle,
    /// What the reader should know about them: edits that no longer apply, a stored
    /// file that cannot be read, a browser that would not keep them.
    pub notes: Rc<Vec<String>>,
    /// Counts the corrections applied since loading: a new one starts the viewer afresh
    /// (its entities are numbered anew).
    generation: u32,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        self.generation == other.generation && self.corpus == other.corpus
    }
}

impl Loaded {
    /// `bundle` (read from `original`) with `corrections` applied.
    fn build(
        original: Rc<str>,
        mut bundle: Bundle,
        corrections: Corrections,
        generation: u32,
        mut notes: Vec<String>,
    ) -> Result<Loaded, String> {
        let key = storage_key(&bundle);
        let skipped = corrections.apply(&mut bundle);
        notes.extend(skipped.iter().map(|Skipped { edit, reason }| format!("Correction {}: {reason}.", edit + 1)));
        let corpus = Corpus::from_bundle(bundle).map_err(|error| error.to_string())?;
        Ok(Loaded {
            original,
            key,
            corrections: Rc::new(corrections),
            corpus: CorpusHandle::new(corpus),
            notes: Rc::new(notes),
            generation,
        })
    }

    /// The collection as first loaded, with the corrections kept in this browser.
    fn first(text: String) -> Result<Loaded, String> {
        let bundle = Bundle::from_json(&text).map_err(|error| error.to_string())?;
        let (corrections, notes) = match platform::stored(&storage_key(&bundle)) {
            None => (Corrections::default(), Vec::new()),
            Some(stored) => match Corrections::from_json(&stored) {
                Ok(corrections) => (corrections, Vec::new()),
                Err(error) => (
                    Corrections::default(),
                    vec![format!("The corrections kept in this browser were not applied: {error}.")],
                ),
            },
        };
        Loaded::build(text.into(), bundle, corrections, 0, notes)
    }

    /// The collection with `corrections` instead, kept in this browser.
    pub fn corrected(&self, corrections: Corrections) -> Result<Loaded, String> {
        let bundle = Bundle::from_json(&self.original).map_err(|error| error.to_string())?;
        let text = (!corrections.edits.is_empty()).then(|| corrections.to_json());
        let mut notes = Vec::new();
        if !platform::store(&self.key, text.as_deref()) {
            notes.push("This browser would not keep the corrections: they hold until the page is closed.".to_owned());
        }
        Loaded::build(self.original.clone(), bundle, corrections, self.generation + 1, notes)
    }
}

/// Where a collection's corrections are kept in this browser: by its name and size, so
/// two collections opened on one site keep theirs apart.
fn storage_key(bundle: &Bundle) -> Rc<str> {
    format!("dossier:corrections:{}:{}", bundle.collection.name, bundle.articles.len()).into()
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
                let loaded = fetched.and_then(Loaded::first);
                platform::mark("dossier:corpus-ready");
                // Drawn in a task of its own: reading and drawing in one would block input
                // for twice as long on a slow phone. The viewer removes the first view drawn
                // at build time once it has drawn its own; a failure removes it here.
                platform::soon(move || {
                    if loaded.is_err() {
                        platform::drop_prerendered();
                    }
                    load.set(match loaded {
                        Ok(loaded) => Load::Ready(loaded),
                        Err(reason) => Load::Failed { url: url.into(), reason: reason.into() },
                    });
                });
            });
        });
    }
    let on_correct = {
        let load = load.clone();
        Callback::from(move |corrections: Corrections| {
            if let Load::Ready(loaded) = &*load {
                match loaded.corrected(corrections) {
                    Ok(corrected) => load.set(Load::Ready(corrected)),
                    Err(reason) => load.set(Load::Failed { url: "the corrections".into(), reason: reason.into() }),
                }
            }
        })
    };
    match &*load {
        Load::Loading => html! {
            <main class="loading">
                <p role="status" aria-busy="true">{ "Loading the collection…" }</p>
            </main>
        },
        Load::Failed { url, reason } => html! { <ErrorPanel url={url.clone()} reason={reason.clone()} /> },
        Load::Ready(loaded) => html! {
            <Viewer
                key={loaded.generation.to_string()}
                corpus={loaded.corpus.clone()}
                corrections={loaded.corrections.clone()}
                notes={loaded.notes.clone()}
                {on_correct}
            />
        },
    }
}
