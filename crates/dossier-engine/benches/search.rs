//! Criterion benchmarks of the reading engine on the Reuters-21578 collection (19,779
//! articles, with the entities the CLI extracts): building the index, and running each
//! class of query through a selection, as the viewer does on each keystroke.
//!
//! Reads the bundle `./x bench` writes first (`target/bench/reuters.json`, from
//! `dossier ingest ../shared/corpus/reuters21578.jsonl`); skipped with a message when it is
//! absent. `./x bench` runs it, or `cargo bench -p dossier-engine --bench search` once the
//! bundle is there.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::{hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};
use dossier_engine::{Corpus, Selection};

const REUTERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench/reuters.json");

/// Query classes and their queries, the same ones `bench/` runs in the browser (but for
/// "corrected").
const QUERIES: &[(&str, &[&str])] = &[
    ("plain", &["coffee", "oil prices", "bank of japan", "trade deficit"]),
    ("prefix", &["cof", "petrol", "intere", "tr"]),
    ("typo", &["cofee", "petroleom", "goverment", "interst"]),
    ("phrase", &["\"interest rates\"", "\"trade deficit\"", "\"bank of japan\""]),
    ("operators", &["oil -gulf", "coffee OR cocoa", "wheat -\"soviet union\""]),
    // Nothing holds the words as typed: the likeliest query within reach is searched.
    ("corrected", &["fuel oll", "veg oll", "dowster "]),
];

fn benches(criterion: &mut Criterion) {
    let Ok(text) = std::fs::read_to_string(Path::new(REUTERS)) else {
        eprintln!("skipping: {REUTERS} not found (`./x bench` writes it with the CLI)");
        return;
    };
    let corpus = Corpus::from_json(&text).expect("the Reuters bundle loads");
    let mut group = criterion.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build reuters", |bench| bench.iter(|| black_box(corpus.build_index())));
    group.finish();

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
