//! The root component: loads the bundle, applies the reader's corrections kept in this
//! browser, and renders the loading state, the error panel or the viewer.

use std::rc::Rc;

use dossier_engine::{Bundle, Corpus, Corrections, DateRange, corrections::Skipped};
use yew::prelude::*;

use crate::{
    components::{error_panel::ErrorPanel, viewer::Viewer},
    platform,
    state::CorpusHandle,
    words::{number, plural},
};

/// Where loading the collection stands.
#[derive(Clone, PartialEq)]
enum Load {
    Loading(Progress),
    Ready(Loaded),
    Failed { url: AttrValue, error: platform::LoadError },
}

/// How far loading has gone, shown while the reader waits for a large collection.
#[derive(Clone, Default, PartialEq)]
struct Progress {
    /// The step under way.
    step: Step,
    /// The collection's name, article count and dates, once read.
    facts: Option<(String, usize, Option<DateRange>)>,
}

/// A step of loading.
#[derive(Clone, Copy, Default, PartialEq)]
enum Step {
    /// Not begun.
    #[default]
    Starting,
    /// Bytes downloaded, of the whole size when the server says it.
    Downloading(u64, Option<u64>),
    /// The collection's text being read.
    Reading,
    /// The search index being built.
    Indexing,
}

impl Progress {
    /// The facts of `bundle`: its name, how many articles, from which day to which.
    fn facts_of(bundle: &Bundle) -> (String, usize, Option<DateRange>) {
        let days = || bundle.articles.iter().map(|article| article.date.day());
        let dates = days().min().zip(days().max()).map(|(start, end)| DateRange { start, end });
        (bundle.collection.name.clone(), bundle.articles.len(), dates)
    }
}

/// A size in bytes as a reader reads it: "640 KB", "31.7 MB" (integers only: printing
/// floats would add to the download).
fn size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        let tenths = bytes / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What the reader sees while the collection loads: the step under way, and the
/// collection's facts as soon as they are known.
fn loading(progress: &Progress) -> Html {
    let step = match progress.step {
        Step::Starting => None,
        // A server compressing the file gives the compressed size: the count then passes it.
        Step::Downloading(read, Some(total)) if read <= total => {
            Some(format!("Downloading: {} of {}", size(read), size(total)))
        }
        Step::Downloading(read, _) => Some(format!("Downloading: {}", size(read))),
        Step::Reading => Some("Reading the articles…".to_owned()),
        Step::Indexing => Some("Building the search index…".to_owned()),
    };
    let fraction = match progress.step {
        Step::Downloading(read, Some(total)) if read <= total && total > 0 => Some(read * 1000 / total),
        _ => None,
    };
    html! {
        <main class="loading">
            <p role="status" aria-busy="true">{ "Loading the collection…" }</p>
            if let Some((name, articles, dates)) = &progress.facts {
                <h1 class="loading-name">{ name.clone() }</h1>
                <p class="loading-facts">
                    { plural(*articles, "article", "articles") }
                    if let Some(dates) = dates {
                        { format!(", {}", dates.human()) }
                    }
                </p>
            }
            if let Some(step) = step {
                <p class="loading-step">{ step }</p>
            }
            if let Some(fraction) = fraction {
                <progress max="1000" value={fraction.to_string()} aria-label="Downloaded">{ format!("{}%", number(fraction as usize / 10)) }</progress>
            }
        </main>
    }
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

    /// The collection as first loaded (`bundle`, read from `text`), with the corrections
    /// kept in this browser.
    fn first(text: String, bundle: Bundle) -> Result<Loaded, String> {
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
    let load = use_state(|| Load::Loading(Progress::default()));
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            let embedded = platform::embedded_bundle();
            let url = if embedded.is_some() { "this file".to_owned() } else { platform::data_url() };
            wasm_bindgen_futures::spawn_local(async move {
                let at =
                    |step: Step, facts: &Option<_>| load.set(Load::Loading(Progress { step, facts: facts.clone() }));
                let fetched = match embedded {
                    Some(text) => Ok(text),
                    None => platform::fetch_text(&url, |read, total| at(Step::Downloading(read, total), &None)).await,
                };
                platform::mark("dossier:fetched");
                // Each step is shown before it runs: reading and indexing a large
                // collection take seconds in which the page cannot paint.
                at(Step::Reading, &None);
                platform::painted().await;
                let read = fetched.and_then(|text| match Bundle::from_json(&text) {
                    Ok(bundle) => Ok((text, bundle)),
                    Err(error) => Err(error.to_string().into()),
                });
                let loaded = match read {
                    Ok((text, bundle)) => {
                        at(Step::Indexing, &Some(Progress::facts_of(&bundle)));
                        platform::painted().await;
                        Loaded::first(text, bundle).map_err(platform::LoadError::from)
                    }
                    Err(error) => Err(error),
                };
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
                        Err(error) => Load::Failed { url: url.into(), error },
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
                    Err(reason) => load.set(Load::Failed { url: "the corrections".into(), error: reason.into() }),
                }
            }
        })
    };
    match &*load {
        Load::Loading(progress) => loading(progress),
        Load::Failed { url, error } => html! {
            <ErrorPanel
                url={url.clone()}
                reason={AttrValue::from(error.reason().to_owned())}
                too_large={matches!(error, platform::LoadError::TooLarge(_))}
            />
        },
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
