//! Reading raw article files from disk: walks folders (`walkdir`: symlinks followed,
//! loops reported), picks a reader by file type, reads the files on every core (`rayon`)
//! with a progress bar on a terminal (`indicatif`), and collects every rejected input with
//! its file, line and reason instead of stopping. The articles come out in the order of
//! the files and of the articles in each, whatever the number of threads.

use std::{
    collections::HashMap,
    fmt, fs,
    io::IsTerminal,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
    time::Duration,
};

use dossier_engine::{Article, ArticleDate};
use dossier_ingest::{
    formats::{Read, ReadOptions, feed::read_feed, html::read_html, markdown::read_markdown},
    parse::{ParseError, parse_json_lines, parse_text_article},
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::fetch;

/// One input that could not be used, printed as `file:line: reason`.
#[derive(Debug)]
pub struct Rejection {
    pub file: PathBuf,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.reason)
    }
}

/// What reading the inputs gave.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub articles: Vec<Article>,
    /// Every article, file or folder that could not be used; each counts as one article
    /// read and rejected.
    pub rejections: Vec<Rejection>,
    pub files_read: usize,
}

/// What the reader of every file is told.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The outlet of articles that name none.
    pub default_source: String,
    /// The date of articles (saved pages, feed items) that have none.
    pub default_date: Option<ArticleDate>,
    /// Draw a progress bar (on a terminal only).
    pub progress: bool,
    /// Read the inputs as lists of links and download the pages, cached in this folder.
    pub fetch: Option<PathBuf>,
}

impl Settings {
    /// What the reader of the file at `path` is told: its id is `prefix` and the file's stem.
    fn options(&self, path: &Path, prefix: &str) -> ReadOptions {
        ReadOptions {
            id: path.file_stem().map_or_else(String::new, |stem| format!("{prefix}{}", stem.to_string_lossy())),
            default_source: self.default_source.clone(),
            default_date: self.default_date.clone(),
        }
    }
}

/// The kinds of file ingest reads, by ending; anything else inside a folder is skipped,
/// and a file named on the command line is read by what it starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    /// The hand-written form: a `date YYYY-MM-DD` line, then paragraphs.
    Text,
    /// Markdown, with YAML or TOML front matter or the hand-written header.
    Markdown,
    /// One JSON object a line (a `.json` file holding a JSON Feed is a feed).
    JsonLines,
    /// A saved web page.
    Html,
    /// RSS, Atom or JSON Feed.
    Feed,
}

const KINDS: &[(&str, FileKind)] = &[
    ("txt", FileKind::Text),
    ("text", FileKind::Text),
    ("md", FileKind::Markdown),
    ("markdown", FileKind::Markdown),
    ("jsonl", FileKind::JsonLines),
    ("ndjson", FileKind::JsonLines),
    ("json", FileKind::JsonLines),
    ("html", FileKind::Html),
    ("htm", FileKind::Html),
    ("xhtml", FileKind::Html),
    ("shtml", FileKind::Html),
    ("xml", FileKind::Feed),
    ("rss", FileKind::Feed),
    ("atom", FileKind::Feed),
    ("rdf", FileKind::Feed),
];

/// Reads every input file (folders recursively, in name order).
pub fn read_inputs(inputs: &[PathBuf], settings: &Settings) -> IngestReport {
    let mut report = IngestReport::default();
    let (files, reads) = match &settings.fetch {
        Some(cache) => fetch_links(inputs, cache, settings, &mut report.rejections),
        None => read_files(inputs, settings, &mut report.rejections),
    };
    report.files_read = files.len();
    let mut first_seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (at, (file, read)) in files.iter().zip(reads).enumerate() {
        report.rejections.extend(read.rejected.into_iter().map(|ParseError { line, reason }| Rejection {
            file: file.clone(),
            line,
            reason,
        }));
        for (line, article) in read.articles {
            if let Some(&(first_file, first_line)) = first_seen.get(&article.id) {
                let reason = format!(
                    "duplicate article id {:?} (first seen at {}:{first_line})",
                    article.id,
                    files[first_file].display()
                );
                report.rejections.push(Rejection { file: file.clone(), line, reason });
                continue;
            }
            first_seen.insert(article.id.clone(), (at, line));
            report.articles.push(article);
        }
    }
    report
}

/// Reads every file of the inputs on every core, in name order.
fn read_files(inputs: &[PathBuf], settings: &Settings, rejections: &mut Vec<Rejection>) -> (Vec<PathBuf>, Vec<Read>) {
    let mut files = Vec::new();
    for input in inputs {
        walk(input, &mut files, rejections);
    }
    let progress = Progress::new(files.len(), "files", settings.progress);
    let reads: Vec<Read> = files
        .par_iter()
        .map(|file| {
            let read = read_file(file, settings);
            progress.add(&read);
            read
        })
        .collect();
    progress.finish();
    (files, reads)
}

/// Reads the inputs as lists of links (URLs a line, or a browser's bookmarks), downloads
/// the pages politely into the cache (`fetch`) and reads each as a saved page. Every
/// link that fails is rejected at its list's line; an article's id is its address's hash
/// (the name of its file in the cache), so a second run gives the same ids.
fn fetch_links(
    inputs: &[PathBuf],
    cache: &Path,
    settings: &Settings,
    rejections: &mut Vec<Rejection>,
) -> (Vec<PathBuf>, Vec<Read>) {
    let mut links = Vec::new();
    for input in inputs {
        match fs::read(input) {
            Ok(bytes) => {
                let (found, bad) = fetch::read_links(&String::from_utf8_lossy(&bytes));
                rejections.extend(bad.into_iter().map(|(line, reason)| Rejection {
                    file: input.clone(),
                    line,
                    reason,
                }));
                links.extend(found.into_iter().map(|link| (input.clone(), link)));
            }
            Err(error) => {
                rejections.push(Rejection { file: input.clone(), line: 1, reason: format!("cannot read: {error}") })
            }
        }
    }
    let list: Vec<fetch::Link> = links.iter().map(|(_, link)| link.clone()).collect();
    let progress = Progress::new(list.len(), "pages", settings.progress);
    let fetch_settings = fetch::FetchSettings::new(cache.to_owned());
    let fetched = fetch::fetch_all(&list, &fetch_settings, &|_| progress.inc(), &|notice| progress.say(notice));
    progress.finish();
    let reads: Vec<Read> = fetched
        .par_iter()
        .zip(&links)
        .map(|(fetched, (_, link))| match fetched {
            fetch::Fetched::Page { final_url, path, .. } => {
                let read = read_cached_page(path, final_url, settings);
                // Rejections name the link's line in its list, and the link.
                let rejected = read
                    .rejected
                    .into_iter()
                    .map(|error| ParseError::new(link.line, format!("{}: {}", link.url, error.reason)));
                Read {
                    articles: read.articles.into_iter().map(|(_, article)| (link.line, article)).collect(),
                    rejected: rejected.collect(),
                }
            }
            fetch::Fetched::Failed { url, reason } => Read::rejected(link.line, format!("{url}: {reason}")),
        })
        .collect();
    (links.into_iter().map(|(file, _)| file).collect(), reads)
}

fn read_cached_page(path: &Path, url: &str, settings: &Settings) -> Read {
    let Ok(bytes) = fs::read(path) else { return Read::rejected(1, "the downloaded page could not be read back") };
    let options = settings.options(path, "web-");
    let mut read = read_html(&bytes, &options);
    for (_, article) in &mut read.articles {
        article.url.get_or_insert_with(|| url.to_owned());
    }
    read
}

/// Adds `input`'s readable files to `files` in name order, and a rejection for every
/// file or folder that cannot be read, every symlink loop and every named pipe, socket or
/// device inside a folder. Hidden files and folders (`.git`) inside folders are skipped;
/// files of unknown type inside folders too.
fn walk(input: &Path, files: &mut Vec<PathBuf>, rejections: &mut Vec<Rejection>) {
    let hidden = |name: &std::ffi::OsStr| name.to_string_lossy().starts_with('.');
    let entries = WalkDir::new(input)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !hidden(entry.file_name()));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            // A named pipe, socket or device in a folder would never end (or never start):
            // only one named on the command line is read (`<(curl …)`).
            Ok(entry) if entry.depth() > 0 && !entry.file_type().is_file() && kind_by_name(entry.path()).is_some() => {
                let reason = "not a regular file (a named pipe, socket or device): not read".to_owned();
                rejections.push(Rejection { file: entry.into_path(), line: 1, reason });
            }
            Ok(entry) if entry.depth() == 0 || kind_by_name(entry.path()).is_some() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let file = error.path().unwrap_or(input).to_owned();
                let reason = match error.loop_ancestor() {
                    Some(ancestor) => format!("symlink loop: leads back to {}", ancestor.display()),
                    None => match error.io_error() {
                        Some(io) if error.path().is_some_and(Path::is_dir) => format!("cannot read folder: {io}"),
                        Some(io) => format!("cannot read: {io}"),
                        None => error.to_string(),
                    },
                };
                rejections.push(Rejection { file, line: 1, reason });
            }
        }
    }
}

fn kind_by_name(path: &Path) -> Option<FileKind> {
    let extension = path.extension()?.to_string_lossy().to_lowercase();
    KINDS.iter().find(|(ending, _)| *ending == extension).map(|&(_, kind)| kind)
}

/// What a file holds, by its ending, else by how it starts; a `.json` file that is a JSON
/// Feed is a feed.
fn kind_of(path: &Path, bytes: &[u8]) -> FileKind {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_lowercase();
    match kind_by_name(path) {
        Some(FileKind::JsonLines) if head.starts_with('{') && head.contains("jsonfeed.org/version") => FileKind::Feed,
        Some(kind) => kind,
        None if ["<?xml", "<rss", "<feed", "<rdf"].iter().any(|start| head.starts_with(start)) => FileKind::Feed,
        None if head.starts_with("<!doctype html") || head.starts_with("<html") => FileKind::Html,
        None => FileKind::Text,
    }
}

/// Reads one file with the reader of its kind; each article comes with the line it starts on.
fn read_file(path: &Path, settings: &Settings) -> Read {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return Read::rejected(1, format!("cannot read: {error}")),
    };
    let options = settings.options(path, "");
    let kind = kind_of(path, &bytes);
    match kind {
        FileKind::Html => return read_html(&bytes, &options),
        FileKind::Feed => return read_feed(&bytes, &options),
        FileKind::Text | FileKind::Markdown | FileKind::JsonLines => {}
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
            return Read::rejected(line, "not UTF-8 text");
        }
    };
    match kind {
        FileKind::Markdown => read_markdown(&text, &options),
        FileKind::JsonLines => {
            let (articles, rejected) = parse_json_lines(&text, &settings.default_source);
            Read { articles, rejected }
        }
        _ => match parse_text_article(&options.id, &text, &settings.default_source) {
            Ok(article) => Read::one(article),
            Err(error) => Read { articles: Vec::new(), rejected: vec![error] },
        },
    }
}

/// The progress bar: files read, articles kept and rejected, time left; drawn only on a
/// terminal, so nothing is written when the output is piped.
struct Progress {
    bar: ProgressBar,
    kept: AtomicUsize,
    rejected: AtomicUsize,
}

impl Progress {
    fn new(count: usize, things: &str, wanted: bool) -> Progress {
        let shown = wanted && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(
            Some(count as u64),
            if shown { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
        );
        if let Ok(style) =
            ProgressStyle::with_template(&format!("{{bar:30}} {{pos}}/{{len}} {things} · {{msg}} · {{eta}} left"))
        {
            bar.set_style(style);
        }
        if shown {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Progress { bar, kept: AtomicUsize::new(0), rejected: AtomicUsize::new(0) }
    }

    fn add(&self, read: &Read) {
        let kept = self.kept.fetch_add(read.articles.len(), Ordering::Relaxed) + read.articles.len();
        let rejected = self.rejected.fetch_add(read.rejected.len(), Ordering::Relaxed) + read.rejected.len();
        if !self.bar.is_hidden() {
            self.bar.set_message(format!("{kept} articles kept, {rejected} rejected"));
        }
        self.bar.inc(1);
    }

    fn inc(&self) {
        self.bar.inc(1);
    }

    /// Writes `line` to stderr, above the bar if one is drawn.
    fn say(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
