//! Prints how the search engine reads each typed word of a query: every reading (the word,
//! its forms, related words, completions, corrections), how it matched, its slips, its
//! likelihood against the likeliest reading, its rank (0 first) and how many articles hold
//! it. The quick way to see why a query ranks as it does.
//!
//! cargo run --release -p dossier-cli --example readings -- target/bench/reuters.json "suger "

use std::fs;

use anyhow::Context;
use dossier_engine::{Corpus, query::parse};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bundle, queries @ ..] = args.as_slice() else {
        anyhow::bail!("usage: readings <bundle.json> <query>...");
    };
    let corpus = Corpus::from_json(&fs::read_to_string(bundle).context("reading the bundle")?)?;
    let index = corpus.index();
    for text in queries {
        println!("{text:?}");
        let resolved = index.resolve(&parse(text));
        for phrase in resolved.clauses.iter().flatten() {
            for (position, readings) in phrase.words.iter().enumerate() {
                println!("  {} (word {position})", phrase.typed);
                for reading in readings {
                    println!(
                        "    {:<20} {:<8} slips {} likelihood {:.4} rank {} articles {}",
                        index.word_text(reading.word),
                        reading.kind.as_str(),
                        reading.edits,
                        reading.likelihood,
                        reading.rank,
                        index.articles_holding(reading.word),
                    );
                }
            }
        }
    }
    Ok(())
}
