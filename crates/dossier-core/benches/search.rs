//! Criterion benchmarks of the core on the Reuters-21578 collection (19,779 articles):
//! building the index, and running each class of query through a full selection (hits,
//! facet counts, timeline), as the viewer does on each keystroke.
//!
//! `cargo bench -p dossier-core --bench search`; skipped with a message when
//! `../shared/corpus/` is absent. Entities are not extracted here (the CLI's job), so
//! facets are empty; the browser harness in `bench/` measures with them.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::{hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};
use dossier_core::{
    Bundle, Collection, Corpus, Selection,
    index::{Document, SearchIndex},
    ingest::parse::parse_json_lines,
};

const REUTERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/reuters21578.jsonl");

/// Query classes and their queries, the same ones `bench/` runs in the browser.
const QUERIES: &[(&str, &[&str])] = &[
    ("plain", &["coffee", "oil prices", "bank of japan", "trade deficit"]),
    ("prefix", &["cof", "petrol", "intere", "tr"]),
    ("typo", &["cofee", "petroleom", "goverment", "interst"]),
    ("phrase", &["\"interest rates\"", "\"trade deficit\"", "\"bank of japan\""]),
    ("operators", &["oil -gulf", "coffee OR cocoa", "wheat -\"soviet union\""]),
];

fn reuters() -> Option<Vec<dossier_core::Article>> {
    let text = std::fs::read_to_string(Path::new(REUTERS)).ok()?;
    let (articles, _) = parse_json_lines(&text, "Reuters");
    Some(articles.into_iter().map(|(_, article)| article).collect())
}

fn benches(criterion: &mut Criterion) {
    let Some(articles) = reuters() else {
        eprintln!("skipping: {REUTERS} not found (the shared corpus is absent)");
        return;
    };
    let documents: Vec<Document<'_>> = articles
        .iter()
        .map(|article| Document {
            title: &article.title,
            body: &article.body,
            entity_names: &[],
            source: &article.source,
        })
        .collect();
    let mut group = criterion.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build reuters", |bench| bench.iter(|| SearchIndex::build(black_box(&documents))));
    group.finish();

    let mut bundle = Bundle::new(Collection::default());
    bundle.articles = articles.clone();
    let corpus = Corpus::from_bundle(bundle).expect("reuters loads");
    let mut group = criterion.benchmark_group("select");
    for (class, queries) in QUERIES {
        group.bench_function(*class, |bench| {
            bench.iter(|| {
                for query in *queries {
                    let selection = Selection { query: (*query).to_owned(), ..Selection::default() };
                    black_box(corpus.select(&selection));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(search, benches);
criterion_main!(search);
