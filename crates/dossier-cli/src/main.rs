//! `dossier`: the command line that turns raw articles into a corpus bundle for the
//! viewer, and searches or lists a bundle's entities from a terminal.

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use dossier_engine::{ArticleDate, Bundle, Collection, Corpus, Corrections, EntityKind, Selection, SelectionView};
use dossier_ingest::{
    dedup::{Folded, fold_duplicates},
    extract::annotate_with,
    passes::Passes,
    tagger::Model,
};

mod export;
mod fetch;
mod ingest;
mod ner;

/// Build and query Dossier corpus bundles.
#[derive(Parser)]
#[command(name = "dossier", version, about, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles from files and folders, fold copies of one story together, find their
    /// entities and write a bundle. Reads saved web pages (.html: the main text, headline,
    /// author, date and outlet), feeds (RSS, Atom, JSON Feed: .xml .rss .atom, or .json),
    /// Markdown with YAML or TOML front matter (.md), JSON Lines records (.jsonl) and the
    /// hand-written text form (a `date YYYY-MM-DD` line, then paragraphs: .txt). Every
    /// rejected input is reported as `file:line: reason`; the rest is written.
    Ingest {
        /// Files or folders (read recursively, on every core) to ingest.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the bundle JSON (with --into, the bundle added to, unless given).
        #[arg(short, long, required_unless_present = "into")]
        output: Option<PathBuf>,
        /// Add the inputs to this bundle: its articles and entity ids stay, articles it
        /// already holds (by id, its folded copies' too) are left as they are, copies of
        /// one story fold again and entities are found again over the whole collection
        /// (give the same --corrections again). Running it twice changes nothing.
        #[arg(long, value_name = "BUNDLE")]
        into: Option<PathBuf>,
        /// The collection's name, shown in the viewer's header (default: the first input's name).
        #[arg(long)]
        name: Option<String>,
        /// One sentence on what the collection is about.
        #[arg(long)]
        description: Option<String>,
        /// The source (outlet) of articles that do not name one.
        #[arg(long, default_value = "")]
        source: String,
        /// A reader's corrections to apply to the entities found (hide, merge, rename,
        /// change a kind), as the app exports them; edits that no longer apply are
        /// reported and the rest are applied.
        #[arg(long)]
        corrections: Option<PathBuf>,
        /// Find the entities with this pass of the extractor switched off (repeatable;
        /// `dossier ner eval --passes` lists them), to measure what it earns.
        #[arg(long, value_name = "PASS")]
        without: Vec<String>,
        /// The date of saved pages and feed items that give none (YYYY-MM-DD); without it
        /// they are rejected.
        #[arg(long, value_name = "YYYY-MM-DD")]
        default_date: Option<ArticleDate>,
        /// Keep copies of one story as separate articles instead of folding them into one
        /// that lists them.
        #[arg(long)]
        keep_duplicates: bool,
        /// The inputs are lists of links (a text file of URLs, one a line, or a browser's
        /// bookmarks export): download each page politely (two at a time per host, retries
        /// with back-off, what robots.txt disallows skipped and its Crawl-delay kept, up to
        /// 30 s) and read it as a saved page. Failures are reported per link.
        #[arg(long)]
        fetch: bool,
        /// Where --fetch keeps the pages it downloaded, so that a second run downloads
        /// nothing it already has.
        #[arg(long, value_name = "DIR", default_value = ".dossier-cache")]
        cache: PathBuf,
    },
    /// Search a bundle; prints the best matches first. When nothing holds the words as
    /// typed, prints the matches of the likeliest query within reach, as the viewer shows
    /// them ("No article matches \"fuel oll\"; showing fuel oil instead"), or offers it. Exits
    /// with 1 when nothing matches the query as typed.
    Search {
        /// The bundle to search.
        #[arg(long)]
        data: PathBuf,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// One JSON object per line: {"id", "score", "title", "date", "matched", "rank"},
        /// where "rank" holds each ranking rule's value and "decided_by" the rule that put
        /// it after the result before it.
        #[arg(long)]
        json: bool,
        /// Under each result, the ranking rule that put it after the one before, with
        /// both values (readings, exactness, proximity, then score).
        #[arg(long)]
        explain: bool,
        /// The query, as in the viewer's search box, with the same results: every word
        /// required, "quoted phrases", -excluded words, OR between alternatives (options
        /// go before it). The last word is taken as still being typed (it also matches
        /// longer words) unless a space follows it: `palm o` finds palm oil; `"oil "`
        /// means the word oil.
        #[arg(required = true, allow_hyphen_values = true, trailing_var_arg = true)]
        query: Vec<String>,
    },
    /// Write a dossier as one self-contained HTML file (the app and the collection,
    /// compressed), which opens from disk with no network.
    Export {
        /// The bundle to put in it.
        #[arg(long)]
        data: PathBuf,
        /// The app's release build (`./x build` makes it).
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Where to write the HTML file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Train the name tagger, or score the entity extractor, on annotated text
    /// (CoNLL-2003 as JSON Lines: {"id", "text", "entities": [{"start", "end", "label"}]}).
    #[command(subcommand)]
    Ner(NerCommand),
    /// List a bundle's entities with the number of articles that mention each.
    Entities {
        /// The bundle to read.
        #[arg(long)]
        data: PathBuf,
        /// One JSON object per line: {"id", "kind", "name", "aliases", "articles"}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum NerCommand {
    /// Learn a model from annotated documents and write it. The same documents and
    /// options always give the same file.
    Train {
        /// Annotated documents to learn from.
        data: PathBuf,
        /// Where to write the model (the one Dossier ships is
        /// crates/dossier-ingest/src/model/ner.bin).
        #[arg(short, long)]
        output: PathBuf,
        /// Passes over the documents.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Keep this share of the documents (the last ones) out of training, and score
        /// the model on them at the end.
        #[arg(long)]
        hold_out: Option<f64>,
    },
    /// Score the extractor against annotated documents: precision, recall and F1 per
    /// kind, by exact span and kind.
    Eval {
        /// Annotated documents to score on.
        #[arg(required_unless_present = "passes")]
        data: Option<PathBuf>,
        /// A model written by `dossier ner train` (default: the one Dossier ships).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Score the tagger's own names, before they are merged across the collection.
        #[arg(long)]
        tagger_only: bool,
        /// Also list every name found wrongly and every name missed, with its sentence.
        #[arg(long)]
        show_errors: bool,
        /// Score the extractor with this pass switched off (repeatable), to measure what
        /// it earns.
        #[arg(long, value_name = "PASS")]
        without: Vec<String>,
        /// List the extractor's passes in the order they run, and stop.
        #[arg(long)]
        passes: bool,
    },
    /// Print the names the tagger reads in text from standard input, one paragraph a
    /// line, each name as `[kind name]`: a way to see what the extractor starts from.
    Tag {
        /// A model written by `dossier ner train` (default: the one Dossier ships).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

/// What the exit status means, as grep and ripgrep have it.
const EXIT_STATUS: &str = "Exit status: 0 on success; 1 when `search` finds no article; \
2 on an error (an unreadable bundle, a bundle of another version, no usable article to ingest, \
wrong arguments).";

/// The exit status of `search` when no article matches.
const NO_MATCH: u8 = 1;

/// The exit status of every error.
const ERROR: u8 = 2;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("dossier: error: {error:#}");
            ExitCode::from(ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            inputs,
            output,
            into,
            name,
            description,
            source,
            corrections,
            without,
            default_date,
            keep_duplicates,
            fetch,
            cache,
        } => {
            let steps = Steps { passes: Passes::without_named(&without)?, fold_duplicates: !keep_duplicates };
            let settings = ingest::Settings {
                default_source: source,
                default_date,
                progress: true,
                fetch: fetch.then_some(cache),
            };
            let target = Target { output: output.or_else(|| into.clone()).context("no output given")?, into };
            ingest_command(&inputs, &target, Named { name, description }, &settings, corrections.as_deref(), steps)
        }
        // The words as the search box would hold them: the last is still being typed
        // (a prefix, typos forgiven) unless a space follows it, as in `"palm oil "`.
        Command::Search { data, limit, json, explain, query } => {
            search_command(&data, limit, json, explain, &query.join(" "))
        }
        Command::Entities { data, json } => entities_command(&data, json),
        Command::Ner(NerCommand::Train { data, output, epochs, hold_out }) => {
            let mut documents = ner::read(&data)?;
            let held_out = match hold_out {
                Some(share) if (0.0..1.0).contains(&share) => {
                    let keep = documents.len() - (documents.len() as f64 * share).round() as usize;
                    documents.split_off(keep)
                }
                Some(share) => bail!("--hold-out must be at least 0 and below 1, not {share}"),
                None => Vec::new(),
            };
            let started = std::time::Instant::now();
            let model = ner::train(&documents, epochs);
            let bytes = model.to_bytes();
            fs::write(&output, &bytes).with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "trained on {} documents in {:.1} s; wrote {} ({} bytes, {} features)",
                documents.len(),
                started.elapsed().as_secs_f64(),
                output.display(),
                bytes.len(),
                model.features()
            );
            if !held_out.is_empty() {
                let model = dossier_ingest::tagger::Model::from_bytes(&bytes)?;
                println!("held out:\n{}", ner::score(&held_out, &model, false, Passes::all()).table());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ner(NerCommand::Eval { data, model, tagger_only, show_errors, without, passes }) => {
            if passes {
                print!("{}", dossier_ingest::passes::table());
                return Ok(ExitCode::SUCCESS);
            }
            let passes = Passes::without_named(&without)?;
            let documents = ner::read(data.as_deref().context("no annotated documents to score")?)?;
            let model = ner::model(model.as_deref())?;
            let scored = ner::score(&documents, &model, tagger_only, passes);
            let mut out = io::stdout().lock();
            if show_errors {
                write!(out, "{}", scored.errors(&documents))?;
            }
            write!(out, "{}", scored.table())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ner(NerCommand::Tag { model }) => {
            let model = ner::model(model.as_deref())?;
            let text = io::read_to_string(io::stdin()).context("reading standard input")?;
            print!("{}", ner::tag(&model, &text));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { data, dist, output } => {
            let text = fs::read_to_string(&data).with_context(|| format!("reading {}", data.display()))?;
            let size =
                export::export(&text, &dist, &output).with_context(|| format!("exporting {}", data.display()))?;
            eprintln!("wrote {}: {size} bytes", output.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Where ingest writes, and the bundle it adds to.
struct Target {
    output: PathBuf,
    into: Option<PathBuf>,
}

/// The steps of ingest that can be switched off.
struct Steps {
    /// The extractor's passes.
    passes: Passes,
    /// Fold copies of one story into one article (`dossier_ingest::dedup`).
    fold_duplicates: bool,
}

/// Drops from `new` the articles whose id `existing` already holds, as an article or as a
/// folded copy; returns how many.
fn keep_new(existing: &[dossier_engine::Article], new: &mut Vec<dossier_engine::Article>) -> usize {
    let held: std::collections::HashSet<&str> = existing
        .iter()
        .flat_map(|article| {
            std::iter::once(article.id.as_str()).chain(article.copies.iter().map(|copy| copy.id.as_str()))
        })
        .collect();
    let before = new.len();
    new.retain(|article| !held.contains(article.id.as_str()));
    before - new.len()
}

/// What the reader calls the collection.
struct Named {
    name: Option<String>,
    description: Option<String>,
}

fn ingest_command(
    inputs: &[PathBuf],
    Target { output, into }: &Target,
    Named { name, description }: Named,
    settings: &ingest::Settings,
    corrections_path: Option<&Path>,
    steps: Steps,
) -> anyhow::Result<ExitCode> {
    // A bad corrections file stops before the articles are read.
    let corrections = match corrections_path {
        Some(path) => {
            let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Some(Corrections::from_json(&text).with_context(|| format!("reading {}", path.display()))?)
        }
        None => None,
    };
    // The bundle added to is read before the inputs: a bad one stops here too.
    let mut bundle = match into {
        Some(path) => {
            let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Bundle::from_json(&text).with_context(|| format!("reading {}", path.display()))?
        }
        None => Bundle::new(Collection { name: default_collection_name(inputs), description: None }),
    };
    bundle.format_version = dossier_engine::FORMAT_VERSION;
    if let Some(name) = name {
        bundle.collection.name = name;
    }
    if let Some(description) = description {
        bundle.collection.description = Some(description);
    }
    let mut report = ingest::read_inputs(inputs, settings);
    let stderr = io::stderr();
    let mut stderr = stderr.lock();
    for rejection in &report.rejections {
        writeln!(stderr, "{rejection}")?;
    }
    let read = report.articles.len() + report.rejections.len();
    let already = keep_new(&bundle.articles, &mut report.articles);
    if report.articles.is_empty() && bundle.articles.is_empty() {
        bail!(
            "no usable articles in {} file(s) ({} rejected): nothing written to {}",
            report.files_read,
            report.rejections.len(),
            output.display()
        );
    }
    let added = report.articles.len();
    let mut articles = std::mem::take(&mut bundle.articles);
    articles.append(&mut report.articles);
    let (articles, folded) =
        if steps.fold_duplicates { fold_duplicates(articles) } else { (articles, Folded::default()) };
    bundle.articles = articles;
    bundle.entities = annotate_with(&mut bundle.articles, Model::builtin(), steps.passes);
    if let (Some(corrections), Some(path)) = (&corrections, corrections_path) {
        let skipped = corrections.apply(&mut bundle);
        for skip in &skipped {
            writeln!(stderr, "{}: edit {}: {}", path.display(), skip.edit + 1, skip.reason)?;
        }
        writeln!(
            stderr,
            "applied {} of {} corrections from {}",
            corrections.edits.len() - skipped.len(),
            corrections.edits.len(),
            path.display()
        )?;
    }
    let json = bundle.to_json().context("turning the bundle into JSON")?;
    fs::write(output, &json).with_context(|| format!("writing the bundle to {}", output.display()))?;
    let count = |kind: EntityKind| bundle.entities.iter().filter(|entity| entity.kind == kind).count();
    writeln!(
        stderr,
        "read {read} articles from {} file(s): {} written, {} rejected, {} folded into copies of the same story \
         ({} exact, {} near){}",
        report.files_read,
        added.saturating_sub(folded.total()),
        report.rejections.len(),
        folded.total(),
        folded.exact,
        folded.near,
        if into.is_some() { format!(", {already} already in the bundle") } else { String::new() },
    )?;
    writeln!(
        stderr,
        "wrote {}: {} articles; {} entities ({} people, {} organizations, {} places); {} bytes",
        output.display(),
        bundle.articles.len(),
        bundle.entities.len(),
        count(EntityKind::Person),
        count(EntityKind::Organization),
        count(EntityKind::Place),
        json.len(),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn default_collection_name(inputs: &[PathBuf]) -> String {
    inputs
        .first()
        .and_then(|path| fs::canonicalize(path).ok())
        .and_then(|path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Dossier collection".to_owned())
}

fn load(data: &Path) -> anyhow::Result<Corpus> {
    let text = fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    Corpus::from_json(&text).with_context(|| format!("loading {}", data.display()))
}

fn search_command(data: &Path, limit: usize, json: bool, explain: bool, query: &str) -> anyhow::Result<ExitCode> {
    let corpus = load(data)?;
    let view = corpus.select(&Selection { query: query.to_owned(), ..Selection::default() });
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let Some(corrected) = &view.corrected {
        if json {
            let line = serde_json::json!({ "no_match_for": query, "showing": corrected.text.trim_end(), "shown": corrected.shown });
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "No article matches {query:?}; showing {} instead", corrected.shown)?;
        }
    }
    let mut before: Option<&dossier_engine::search::SearchHit> = None;
    for hit in view.hits.iter().take(limit) {
        let decided_by = before.and_then(|before| hit.ranked_after_by(before));
        before = Some(hit);
        print_hit(&mut out, &corpus, &view, hit, decided_by, Style { json, explain })?;
    }
    if !json {
        writeln!(out, "{} of {} articles match", view.hits.len(), view.collection_size)?;
    }
    if let Some(suggestion) = &view.suggestion {
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({ "did_you_mean": suggestion.text.trim_end(), "shown": suggestion.shown })
            )?;
        } else {
            writeln!(out, "Did you mean {}?  (dossier search {:?})", suggestion.shown, suggestion.text)?;
        }
    }
    let matched_as_typed = !view.hits.is_empty() && view.corrected.is_none();
    Ok(if matched_as_typed { ExitCode::SUCCESS } else { ExitCode::from(NO_MATCH) })
}

/// How `search` prints: JSON lines or text, and with the deciding rule under each result.
#[derive(Clone, Copy)]
struct Style {
    json: bool,
    explain: bool,
}

/// One result of `search`: its line (or JSON object), why it matched, and with
/// `--explain` the rule that put it after the one before (`decided_by`).
fn print_hit(
    out: &mut impl Write,
    corpus: &Corpus,
    view: &SelectionView,
    hit: &dossier_engine::search::SearchHit,
    decided_by: Option<(&'static str, f32, f32)>,
    Style { json, explain }: Style,
) -> anyhow::Result<()> {
    let article = corpus.article(hit.article);
    let reasons = corpus.index().explain(&view.query, hit.article);
    if json {
        let matched: Vec<serde_json::Value> = reasons
            .iter()
            .map(|reason| {
                serde_json::json!({
                    "typed": reason.typed,
                    "matched": reason.matched,
                    "kind": reason.kind.as_str(),
                    "fields": reason.fields.iter().map(|field| field.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let rank: serde_json::Map<String, serde_json::Value> =
            hit.rules().into_iter().map(|(rule, value)| (rule.to_owned(), serde_json::json!(value))).collect();
        let line = serde_json::json!({
            "id": article.id,
            "score": hit.score,
            "title": article.title,
            "date": article.date.as_str(),
            "matched": matched,
            "rank": rank,
            "decided_by": decided_by.map(|(rule, _, _)| rule),
        });
        writeln!(out, "{line}")?;
    } else {
        writeln!(out, "{:>7.3}  {}  {}  [{}]", hit.score, article.date.day(), article.title, article.id)?;
        let why: Vec<String> = reasons
            .iter()
            .map(|reason| {
                let fields: Vec<&str> = reason.fields.iter().map(|field| field.as_str()).collect();
                format!("{} → {} ({}, {})", reason.typed, reason.matched, reason.kind.as_str(), fields.join("+"))
            })
            .collect();
        if !why.is_empty() {
            writeln!(out, "         {}", why.join("; "))?;
        }
        if explain {
            match decided_by {
                Some((rule, theirs, mine)) => {
                    writeln!(out, "         ranked after the one above by {rule}: {theirs} then {mine}")?
                }
                None if view.hits.first() == Some(hit) => {
                    let rules: Vec<String> =
                        hit.rules().iter().map(|(rule, value)| format!("{rule} {value}")).collect();
                    writeln!(out, "         ranked first: {}", rules.join(", "))?
                }
                None => writeln!(out, "         ties with the one above on every rule")?,
            }
        }
    }
    Ok(())
}

fn entities_command(data: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let corpus = load(data)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (index, entity) in corpus.entities().iter().enumerate() {
        let articles = corpus.entity_article_count(dossier_engine::EntityId(index as u32));
        if json {
            let line = serde_json::json!({
                "id": entity.id,
                "kind": entity.kind,
                "name": entity.name,
                "aliases": entity.aliases,
                "articles": articles,
            });
            writeln!(out, "{line}")?;
        } else {
            let aliases =
                if entity.aliases.is_empty() { String::new() } else { format!(" ({})", entity.aliases.join(", ")) };
            writeln!(out, "{:<12} {:>5}  {}{}", entity.kind, articles, entity.name, aliases)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
