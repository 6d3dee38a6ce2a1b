//! Scores Dossier natively on the judged query set of `bench/judged.mjs` (written as JSON
//! by `bench/judged-dump.mjs`): for each class of one half, precision at min(10, relevant)
//! (`p`), precision at 10 and mean reciprocal rank (first relevant result in the top 100).
//! A quick loop for tuning on the `tune` half; `report` is for notes.
//!
//! cargo run --release -p dossier-cli --example judged -- target/bench/judged.json target/bench/reuters.json tune [--show CLASS]

use std::{collections::HashSet, fs};

use anyhow::Context;
use dossier_engine::{Corpus, Selection};
use serde::Deserialize;

#[derive(Deserialize)]
struct Query {
    text: String,
    topic: String,
    relevant: Vec<String>,
}

/// The classes printed first, in this order; any other class of the file follows, by name.
const CLASSES: [&str; 9] = [
    "plain",
    "twoWords",
    "misspelled",
    "misspelledCollides",
    "unfinished",
    "asTyped",
    "wordsMisspelled",
    "wordsCollide",
    "stemCollision",
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [judged, bundle, half, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: judged <judged.json> <bundle.json> <tune|report> [--show CLASS]");
    };
    let show = rest.iter().position(|arg| arg == "--show").and_then(|at| rest.get(at + 1));
    let judged: serde_json::Value = serde_json::from_str(&fs::read_to_string(judged).context("reading judged.json")?)?;
    let corpus = Corpus::from_json(&fs::read_to_string(bundle).context("reading the bundle")?)?;
    let Some(classes) = judged[half.as_str()].as_object() else {
        anyhow::bail!("judged.json has no half {half:?} (tune or report)");
    };
    let mut names: Vec<&str> = CLASSES.iter().copied().filter(|name| classes.contains_key(*name)).collect();
    let mut others: Vec<&str> = classes.keys().map(String::as_str).filter(|name| !CLASSES.contains(name)).collect();
    others.sort_unstable();
    names.extend(others);
    println!("{half} half: class              queries      p   P@10    MRR");
    for class in names {
        let queries: Vec<Query> = serde_json::from_value(classes[class].clone())?;
        let (mut precision, mut precision10, mut reciprocal) = (0.0, 0.0, 0.0);
        for query in &queries {
            let relevant: HashSet<&str> = query.relevant.iter().map(String::as_str).collect();
            let view = corpus.select(&Selection { query: query.text.clone(), ..Selection::default() });
            let ids: Vec<&str> =
                view.hits.iter().take(100).map(|hit| corpus.article(hit.article).id.as_str()).collect();
            let cut = relevant.len().clamp(1, 10);
            let good = ids.iter().take(cut).filter(|id| relevant.contains(*id)).count();
            let good10 = ids.iter().take(10).filter(|id| relevant.contains(*id)).count();
            precision += good as f64 / cut as f64;
            precision10 += good10 as f64 / 10.0;
            let first = ids.iter().position(|id| relevant.contains(id));
            reciprocal += first.map_or(0.0, |rank| 1.0 / (rank as f64 + 1.0));
            if show.is_some_and(|shown| shown == class) {
                println!(
                    "  {:<28} {:<20} {good:>2}/{cut:<2}  first {first:?}  of {}",
                    query.text,
                    query.topic,
                    view.hits.len()
                );
            }
        }
        let n = queries.len().max(1) as f64;
        println!(
            "{:>28} {:>9} {:>6.3} {:>6.3} {:>6.3}",
            class,
            queries.len(),
            precision / n,
            precision10 / n,
            reciprocal / n
        );
    }
    Ok(())
}
