//! Draws the app's first view of a collection as HTML, for `public/release.mjs` to put in
//! `index.html`: the page then shows the collection before the wasm has arrived (the
//! first paint waits for nothing but the HTML and the stylesheet), and the app replaces
//! the drawing with the live view once it has read the collection.
//!
//!   cargo run -p dossier-app --example prerender -- dist/data/bundle.json > first-view.html
//!
//! The view is the one an address with no fragment opens: every article, newest first.
//! Yew's server renderer is a dev-dependency, so none of this reaches the app's download.

use std::process::ExitCode;

use dossier_app::{
    components::viewer::{Viewer, ViewerProps},
    state::CorpusHandle,
};
use dossier_engine::{Bundle, Corpus};
use yew::ServerRenderer;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <bundle.json>");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("prerender: cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let corpus = match Bundle::from_json(&text)
        .map_err(|e| e.to_string())
        .and_then(|b| Corpus::from_bundle(b).map_err(|e| e.to_string()))
    {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let renderer = ServerRenderer::<Viewer>::with_props(move || ViewerProps::new(CorpusHandle::new(corpus)))
        // Without Yew's hydration markers: the app draws its own view, it does not adopt this one.
        .hydratable(false);
    print!("{}", futures::executor::block_on(renderer.render()));
    ExitCode::SUCCESS
}
