//! Marks the tests that read the shared corpus (`../shared/corpus/`, beside the
//! repository) as ignored when it is absent, so that a run without it reports them as
//! ignored instead of passing them unrun. `./x test` fails in CI when any test was ignored.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let corpus = manifest.join("../../../shared/corpus/wikinews_2019_2021.jsonl");
    println!("cargo::rustc-check-cfg=cfg(shared_corpus_absent)");
    // Cargo runs this again when the file changes, or when it is added to or removed
    // from its folder (a file moved in keeps its old time; the folder's changes).
    println!("cargo::rerun-if-changed={}", corpus.display());
    if let Some(folder) = corpus.parent().filter(|folder| folder.is_dir()) {
        println!("cargo::rerun-if-changed={}", folder.display());
    }
    if !corpus.is_file() {
        println!("cargo::rustc-cfg=shared_corpus_absent");
    }
}
