//! Dossier's core behind a small JavaScript API, so `bench/run.mjs` can time it in the
//! same Chromium page as MiniSearch and FlexSearch: load a bundle, run selections (hits,
//! entity facet counts and timeline, as the viewer does on each keystroke), rebuild the
//! index alone, and report top results for the quality benchmark.

use dossier_engine::{Corpus, Selection};
use wasm_bindgen::prelude::*;

/// A loaded collection.
#[wasm_bindgen]
pub struct Engine {
    corpus: Corpus,
}

#[wasm_bindgen]
impl Engine {
    /// Parses, checks and indexes a bundle's JSON text; throws the error message.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle_json: &str) -> Result<Engine, JsError> {
        let corpus = Corpus::from_json(bundle_json).map_err(|error| JsError::new(&error.to_string()))?;
        Ok(Engine { corpus })
    }

    /// Builds the search index again from the loaded articles (to time it alone) and
    /// returns its estimated size in bytes.
    #[wasm_bindgen(js_name = rebuildIndex)]
    pub fn rebuild_index(&self) -> usize {
        self.corpus.build_index().heap_size()
    }

    /// The index's estimated size in bytes.
    #[wasm_bindgen(js_name = indexBytes)]
    pub fn index_bytes(&self) -> usize {
        self.corpus.index().heap_size()
    }

    /// Runs a full selection for `query` and returns how many articles match (the facet
    /// counts and timeline are computed too, as in the viewer).
    pub fn select(&self, query: &str) -> usize {
        let view = self.corpus.select(&Selection { query: query.to_owned(), ..Selection::default() });
        std::hint::black_box(self.corpus.facets_of(&view));
        view.hits.len()
    }

    /// The ids of the first `limit` results for `query`, best first.
    pub fn top(&self, query: &str, limit: usize) -> Vec<String> {
        let view = self.corpus.select(&Selection { query: query.to_owned(), ..Selection::default() });
        view.hits.iter().take(limit).map(|hit| self.corpus.article(hit.article).id.clone()).collect()
    }
}
