//! Scores Dossier natively on the judged query set of `bench/judged.mjs` (written as JSON
//! by `bench/judged-dump.mjs`): precision at 10 and mean reciprocal rank per class, for one
//! half of the topics. A quick loop for tuning on the `tune` half; the browser benchmark
//! (`./x bench`) reports both halves beside the peers.
//!
//! cargo run --release -p dossier-cli --example judged -- target/bench/judged.json target/bench/reuters.json tune

use std::{collections::HashSet, fs};

use anyhow::Context;
use dossier_core::{Corpus, Selection};
use serde::Deserialize;

#[derive(Deserialize)]
struct Query {
    text: String,
    topic: String,
    relevant: Vec<String>,
}

/// The classes in the order they are printed.
const CLASSES: [&str; 5] = ["plain", "twoWords", "misspelled", "unfinished", "asTyped"];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [judged, bundle, half, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: judged <judged.json> <bundle.json> <tune|report> [--show CLASS]");
    };
    let show = rest.iter().position(|arg| arg == "--show").and_then(|at| rest.get(at + 1));
    let judged: serde_json::Value = serde_json::from_str(&fs::read_to_string(judged).context("reading judged.json")?)?;
    let corpus = Corpus::from_json(&fs::read_to_string(bundle).context("reading the bundle")?)?;
    println!("{half} half: class          queries   P@10    MRR");
    for class in CLASSES {
        let queries: Vec<Query> = serde_json::from_value(judged[half.as_str()][class].clone())?;
        let (mut precision, mut reciprocal) = (0.0, 0.0);
        for query in &queries {
            let relevant: HashSet<&str> = query.relevant.iter().map(String::as_str).collect();
            let view = corpus.select(&Selection { query: query.text.clone(), ..Selection::default() });
            let ids: Vec<&str> =
                view.hits.iter().take(100).map(|hit| corpus.article(hit.article).id.as_str()).collect();
            let good = ids.iter().take(10).filter(|id| relevant.contains(*id)).count();
            precision += good as f64 / 10.0;
            let first = ids.iter().position(|id| relevant.contains(id));
            reciprocal += first.map_or(0.0, |rank| 1.0 / (rank as f64 + 1.0));
            if show.is_some_and(|shown| shown == class) {
                println!(
                    "  {:<28} {:<12} {good:>2}/10  first {first:?}  of {}",
                    query.text,
                    query.topic,
                    view.hits.len()
                );
            }
        }
        let n = queries.len().max(1) as f64;
        println!("{:>24} {:>9} {:>6.3} {:>6.3}", class, queries.len(), precision / n, reciprocal / n);
    }
    Ok(())
}
