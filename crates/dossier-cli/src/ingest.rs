//! Reading raw article files from disk: walks folders, picks a parser by file type and
//! collects every rejected input with its file, line and reason instead of stopping.

use std::{
    collections::HashMap,
    fmt, fs,
    path::{Path, PathBuf},
};

use dossier_engine::Article;
use dossier_ingest::parse::{ParseError, parse_json_lines, parse_text_article};

/// File endings read as hand-written text articles.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];
/// File endings read as JSON Lines collections.
const JSON_LINES_EXTENSIONS: &[&str] = &["jsonl", "ndjson", "json"];

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
    pub rejections: Vec<Rejection>,
    pub files_read: usize,
}

/// Reads every input file (folders recursively, in name order); articles that name no
/// source get `default_source`.
pub fn read_inputs(inputs: &[PathBuf], default_source: &str) -> IngestReport {
    let mut report = IngestReport::default();
    let mut first_seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for input in inputs {
        let mut files = Vec::new();
        if let Err(reason) = collect_files(input, true, &mut files) {
            report.rejections.push(Rejection { file: input.clone(), line: 1, reason });
            continue;
        }
        for file in files {
            report.files_read += 1;
            let (articles, errors) = read_file(&file, default_source);
            report.rejections.extend(errors.into_iter().map(|ParseError { line, reason }| Rejection {
                file: file.clone(),
                line,
                reason,
            }));
            for (line, article) in articles {
                if let Some((first_file, first_line)) = first_seen.get(&article.id) {
                    report.rejections.push(Rejection {
                        file: file.clone(),
                        line,
                        reason: format!(
                            "duplicate article id {:?} (first seen at {}:{first_line})",
                            article.id,
                            first_file.display()
                        ),
                    });
                    continue;
                }
                first_seen.insert(article.id.clone(), (file.clone(), line));
                report.articles.push(article);
            }
        }
    }
    report
}

/// Adds `path`'s readable files to `files`; unknown file types inside folders are
/// skipped, a named file of unknown type is read as text.
fn collect_files(path: &Path, named: bool, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let metadata = fs::metadata(path).map_err(|error| format!("cannot read: {error}"))?;
    if metadata.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .map_err(|error| format!("cannot list folder: {error}"))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| !path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.')))
            .collect();
        entries.sort();
        for entry in entries {
            // A broken entry inside a folder is skipped rather than failing the folder.
            let _ = collect_files(&entry, false, files);
        }
    } else if named || file_kind(path).is_some() {
        files.push(path.to_owned());
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    JsonLines,
}

fn file_kind(path: &Path) -> Option<FileKind> {
    let extension = path.extension()?.to_string_lossy().to_lowercase();
    if TEXT_EXTENSIONS.contains(&extension.as_str()) {
        Some(FileKind::Text)
    } else if JSON_LINES_EXTENSIONS.contains(&extension.as_str()) {
        Some(FileKind::JsonLines)
    } else {
        None
    }
}

/// Parses one file; each article comes with the line it starts on.
fn read_file(path: &Path, default_source: &str) -> (Vec<(usize, Article)>, Vec<ParseError>) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return (Vec::new(), vec![ParseError { line: 1, reason: format!("cannot read: {error}") }]),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
            return (Vec::new(), vec![ParseError { line, reason: "not UTF-8 text".to_owned() }]);
        }
    };
    match file_kind(path).unwrap_or(FileKind::Text) {
        FileKind::Text => {
            let id = path.file_stem().map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
            match parse_text_article(&id, &text, default_source) {
                Ok(article) => (vec![(1, article)], Vec::new()),
                Err(error) => (Vec::new(), vec![error]),
            }
        }
        FileKind::JsonLines => parse_json_lines(&text, default_source),
    }
}
