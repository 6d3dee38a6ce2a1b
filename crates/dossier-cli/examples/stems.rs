//! Prints the Snowball (English) stem that Dossier's index gives each word read on standard
//! input (whitespace-separated), one `word<TAB>stem` line per word, for the judged query
//! set's stem-collision class (`bench/judged.mjs`).
//!
//! printf 'housing\nhouse\n' | cargo run --release -p dossier-cli --example stems

use std::io::{BufRead, BufWriter, Write};

use dossier_engine::index::SearchIndex;

fn main() -> anyhow::Result<()> {
    // An empty index still holds the stemmer the index uses for every collection.
    let index = SearchIndex::build(&[]);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        for word in line?.split_whitespace() {
            writeln!(out, "{word}\t{}", index.stem(word))?;
        }
    }
    out.flush()?;
    Ok(())
}
