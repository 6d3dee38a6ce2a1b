//! Markdown notes: front matter for the metadata, `pulldown-cmark` for the text.
//!
//! ```text
//! ---
//! title: Talks resume in Geneva
//! date: 2026-01-16 10:00
//! author: [Ana Ruiz, Bo Lee]
//! source: The Daily
//! url: https://news.example/geneva
//! tags: [diplomacy]
//! ---
//! The talks *resumed* on Friday, [the agency said](https://agency.example).
//! ```
//!
//! Front matter is YAML between `---` lines (the closing one may be `...`) or TOML between
//! `+++` lines, at the very start of the file. Its keys: `title`, `date` (`2026-01-16`,
//! `2026-01-16T10:00:00Z`, `2026-01-16 10:00`, or a native YAML / TOML date), `author`
//! (a name, a list of names, joined with commas, or a table with a `name`), `source`,
//! `url` (or `link`); others (`tags`…) are ignored. A file without front matter is read in
//! the hand-written form of [`parse_text_article`] when it has its `date YYYY-MM-DD` line,
//! so older notes keep working; its paragraphs are then read as Markdown too.
//!
//! The body is plain paragraphs: the text of links and emphasis is kept and their URLs and
//! markup dropped; headings, list items (ordered ones keep their number), table rows and
//! each blank-line-separated part of a code block are paragraphs of their own; images and
//! raw HTML are dropped (the text is untrusted), and so is the text between an inline
//! `<script>` or `<style>` and its end. A first `# Heading` is the title when the front
//! matter gives none (and is dropped when it repeats the title it gives).
//!
//! Crates: `toml` (the TOML parser of Cargo itself) and `yaml-rust2`, a pure-Rust YAML 1.2
//! parser that keeps a stable API under its maintainers (who develop `saphyr` as its
//! successor, not yet stable), without serde: front matter is read as a tree of values,
//! so `title: 2026` or `date: 2026-01-16` (a YAML 1.1 timestamp, a string in YAML 1.2) are
//! taken as text without a schema. `serde_yaml` is deprecated; `serde_yaml_ng` and
//! `serde_norway` are forks of it on libyaml translated to unsafe Rust. Measured compile
//! cost (debug, on the 2-core machine): pulldown-cmark 1.4 s and unicase 0.2 s; toml
//! 2.2 s with its parser and datetime crates; yaml-rust2 0.8 s and 0.9 s for its hash map
//! crates.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use dossier_format::{Article, ArticleDate};

use super::feed::ParagraphWriter;
use super::{ParseError, Read, ReadOptions, new_article};
use crate::parse::{derive_title, paragraphs, parse_text_article};

/// Reads a Markdown note into one article, or one rejection with its line and reason:
/// front matter that is not closed, not valid YAML / TOML (at the line the parser names)
/// or has a date that does not parse (at the `date` line); no date anywhere without
/// [`ReadOptions::default_date`]; no text. The id is [`ReadOptions::id`], the source the
/// front matter's else [`ReadOptions::default_source`]. See the module documentation for
/// the rest.
pub fn read_markdown(text: &str, options: &ReadOptions) -> Read {
    match read_note(text, options) {
        Ok(article) => Read::one(article),
        Err(error) => Read { articles: Vec::new(), rejected: vec![error] },
    }
}

fn read_note(text: &str, options: &ReadOptions) -> Result<Article, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(front) = split_front_matter(text)? else {
        return read_without_front_matter(text, options);
    };
    let fields = match front.kind {
        Kind::Yaml => yaml_fields(front.text, front.first_line)?,
        Kind::Toml => toml_fields(front.text, front.first_line)?,
    };
    let date = match &fields.date {
        Some(date) => parse_date(date).map_err(|reason| {
            ParseError::new(key_line(front.text, "date").map_or(1, |line| front.first_line + line - 1), reason)
        })?,
        None => options.default_date.clone().ok_or_else(|| {
            ParseError::new(1, "missing date: give the front matter a `date:` (or --default-date YYYY-MM-DD)")
        })?,
    };
    let mut blocks = markdown_blocks(front.body);
    let title = match fields.title {
        Some(title) => {
            if blocks.first_is_h1 && blocks.paragraphs.first().is_some_and(|first| first.eq_ignore_ascii_case(&title)) {
                blocks.paragraphs.remove(0);
            }
            Some(title)
        }
        None if blocks.first_is_h1 => Some(blocks.paragraphs.remove(0)),
        None => None,
    };
    let body = blocks.paragraphs;
    let Some(first) = body.first() else {
        return Err(ParseError::new(front.body_line, "no text after the front matter"));
    };
    let title = title.unwrap_or_else(|| derive_title(first));
    let source = fields.source.unwrap_or_else(|| options.default_source.clone());
    let mut article = new_article(options.id.clone(), title, date, source, body);
    article.url = fields.url;
    article.author = fields.author;
    Ok(article)
}

/// A note with no front matter: the hand-written form, its paragraphs read as Markdown;
/// without its date line, the whole text as Markdown on the default date, if there is one.
fn read_without_front_matter(text: &str, options: &ReadOptions) -> Result<Article, ParseError> {
    match parse_text_article(&options.id, text, &options.default_source) {
        Ok(mut article) => {
            let derived = article.body.first().is_some_and(|first| article.title == derive_title(first));
            let body: Vec<String> =
                article.body.iter().flat_map(|paragraph| markdown_blocks(paragraph).paragraphs).collect();
            let Some(first) = body.first() else {
                let line = text.lines().position(date_line).map_or(1, |index| index + 1);
                return Err(ParseError::new(line, "no text after the date line"));
            };
            if derived {
                article.title = derive_title(first);
            }
            article.body = body;
            Ok(article)
        }
        Err(error) if error.reason.starts_with("missing date") => {
            let Some(date) = options.default_date.clone() else {
                return Err(error);
            };
            let mut blocks = markdown_blocks(text);
            let title = blocks.first_is_h1.then(|| blocks.paragraphs.remove(0));
            let body = blocks.paragraphs;
            let Some(first) = body.first() else {
                return Err(ParseError::new(1, "no text"));
            };
            let title = title.unwrap_or_else(|| derive_title(first));
            Ok(new_article(options.id.clone(), title, date, options.default_source.clone(), body))
        }
        Err(error) => Err(error),
    }
}

/// Whether a line is the hand-written form's `date` line.
fn date_line(line: &str) -> bool {
    let line = line.trim_start();
    line.get(..4).is_some_and(|head| head.eq_ignore_ascii_case("date"))
        && line[4..].trim_start_matches(':').starts_with(char::is_whitespace)
}

/// The language of front matter.
#[derive(Clone, Copy)]
enum Kind {
    Yaml,
    Toml,
}

/// Front matter found at the start of a note.
struct FrontMatter<'a> {
    kind: Kind,
    /// Its text, without the fences.
    text: &'a str,
    /// The file's line its text starts on.
    first_line: usize,
    /// What follows the closing fence.
    body: &'a str,
    /// The file's line the body starts on.
    body_line: usize,
}

/// The front matter when the text opens with `---` or `+++`; an error when it is never
/// closed.
fn split_front_matter(text: &str) -> Result<Option<FrontMatter<'_>>, ParseError> {
    let mut lines = text.split_inclusive('\n');
    let Some(opening) = lines.next() else {
        return Ok(None);
    };
    let (kind, fence) = match opening.trim_end() {
        "---" => (Kind::Yaml, "---"),
        "+++" => (Kind::Toml, "+++"),
        _ => return Ok(None),
    };
    let start = opening.len();
    let mut at = start;
    for (index, line) in lines.enumerate() {
        let closing = line.trim_end();
        if closing == fence || (matches!(kind, Kind::Yaml) && closing == "...") {
            return Ok(Some(FrontMatter {
                kind,
                text: &text[start..at],
                first_line: 2,
                body: &text[at + line.len()..],
                body_line: index + 3,
            }));
        }
        at += line.len();
    }
    Err(ParseError::new(1, format!("front matter is never closed: expected a `{fence}` line after it")))
}

/// What the front matter says, each value as text.
#[derive(Default)]
struct Fields {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

impl Fields {
    /// Keeps a value under its key, if the key is one this reader knows (any case).
    fn set(&mut self, key: &str, value: Option<String>) {
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut self.title,
            "date" => &mut self.date,
            "author" | "authors" => &mut self.author,
            "source" => &mut self.source,
            "url" => &mut self.url,
            "link" => {
                if self.url.is_none() {
                    self.url = value.filter(|value| !value.is_empty());
                }
                return;
            }
            _ => return,
        };
        let value = value.map(|value| value.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            *slot = Some(value);
        }
    }
}

/// The fields of YAML front matter whose text starts on `first_line`.
fn yaml_fields(text: &str, first_line: usize) -> Result<Fields, ParseError> {
    let documents = YamlLoader::load_from_str(text).map_err(|error| {
        // At the end of the text, the parser names the line after it: the closing fence.
        let last_line = first_line + text.lines().count().saturating_sub(1);
        let line = (first_line + error.marker().line().saturating_sub(1)).min(last_line);
        ParseError::new(line, format!("invalid YAML front matter: {}", error.info()))
    })?;
    let mut fields = Fields::default();
    match documents.into_iter().next() {
        None | Some(Yaml::Null) => {}
        Some(Yaml::Hash(hash)) => {
            for (key, value) in &hash {
                if let Some(key) = yaml_text(key) {
                    fields.set(&key, yaml_text(value));
                }
            }
        }
        Some(_) => return Err(ParseError::new(first_line, "front matter is not a set of `key: value` lines")),
    }
    Ok(fields)
}

/// A YAML value as text: scalars as written, lists joined with commas, a table by its
/// `name`.
fn yaml_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(text) | Yaml::Real(text) => Some(text.trim().to_owned()),
        Yaml::Integer(number) => Some(number.to_string()),
        Yaml::Boolean(flag) => Some(flag.to_string()),
        Yaml::Array(items) => join(items.iter().filter_map(yaml_text)),
        Yaml::Hash(hash) => hash.get(&Yaml::String("name".to_owned())).and_then(yaml_text),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => None,
    }
}

/// The fields of TOML front matter whose text starts on `first_line`.
fn toml_fields(text: &str, first_line: usize) -> Result<Fields, ParseError> {
    let table = text.parse::<toml::Table>().map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let line = first_line + text.as_bytes()[..offset.min(text.len())].iter().filter(|&&byte| byte == b'\n').count();
        ParseError::new(line, format!("invalid TOML front matter: {}", error.message().trim()))
    })?;
    let mut fields = Fields::default();
    for (key, value) in &table {
        fields.set(key, toml_text(value));
    }
    Ok(fields)
}

/// A TOML value as text: scalars and dates as written, arrays joined with commas, a
/// table by its `name`.
fn toml_text(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(text) => Some(text.trim().to_owned()),
        toml::Value::Integer(number) => Some(number.to_string()),
        toml::Value::Float(number) => Some(number.to_string()),
        toml::Value::Boolean(flag) => Some(flag.to_string()),
        toml::Value::Datetime(moment) => Some(moment.to_string()),
        toml::Value::Array(items) => join(items.iter().filter_map(toml_text)),
        toml::Value::Table(table) => table.get("name").and_then(toml_text),
    }
}

/// Non-empty values joined with commas, or nothing.
fn join(values: impl Iterator<Item = String>) -> Option<String> {
    let values: Vec<String> = values.filter(|value| !value.is_empty()).collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// A front-matter date: ISO 8601, with a space allowed between the day and the time and
/// between the time and its offset (`2026-01-16 10:00:00 +02:00`, as YAML writes it).
fn parse_date(text: &str) -> Result<ArticleDate, String> {
    let text = text.trim();
    let joined;
    let text = match text.rsplit_once(' ') {
        Some((moment, offset))
            if moment.contains([' ', 'T']) && offset.starts_with(['+', '-', 'Z']) && offset.len() <= 6 =>
        {
            joined = format!("{moment}{offset}");
            joined.as_str()
        }
        _ => text,
    };
    text.parse::<ArticleDate>().map_err(|error| error.to_string())
}

/// The 1-based line (in `front`) of the top-level `key` of YAML or TOML front matter.
fn key_line(front: &str, key: &str) -> Option<usize> {
    front
        .lines()
        .position(|line| {
            line.get(..key.len()).is_some_and(|head| head.eq_ignore_ascii_case(key))
                && line[key.len()..].trim_start().starts_with([':', '='])
        })
        .map(|index| index + 1)
}

/// The paragraphs of a Markdown text, and whether the first is a level-1 heading.
struct Blocks {
    paragraphs: Vec<String>,
    first_is_h1: bool,
}

/// Markdown as plain paragraphs (see the module documentation).
fn markdown_blocks(text: &str) -> Blocks {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = ParagraphWriter::default();
    let mut written = 0;
    let mut first_is_h1 = false;
    let mut heading_first = false;
    let mut numbers: Vec<Option<u64>> = Vec::new();
    let mut item_number: Option<String> = None;
    let mut code: Option<String> = None;
    let mut image_depth = 0usize;
    let mut in_script = false;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Image { .. } => {
                        image_depth += 1;
                        continue;
                    }
                    Tag::TableCell => {
                        out.space();
                        continue;
                    }
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript
                    | Tag::Link { .. } => continue,
                    _ => {}
                }
                written += out.end_paragraph();
                in_script = false;
                match tag {
                    Tag::Heading { level, .. } => heading_first = level == HeadingLevel::H1 && written == 0,
                    Tag::CodeBlock(_) => code = Some(String::new()),
                    Tag::List(start) => {
                        numbers.push(start);
                        item_number = None;
                    }
                    Tag::Item => {
                        if let Some(Some(number)) = numbers.last_mut() {
                            item_number = Some(format!("{number}. "));
                            *number = number.saturating_add(1);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(tag) => match tag {
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::TableCell => out.space(),
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link => {}
                _ => {
                    if let Some(code) = code.take() {
                        for paragraph in paragraphs(&code) {
                            out.push(&paragraph);
                            written += out.end_paragraph();
                        }
                    }
                    let heading = matches!(tag, TagEnd::Heading(_));
                    let added = out.end_paragraph();
                    if heading && heading_first && added == 1 && written == 0 {
                        first_is_h1 = true;
                    }
                    written += added;
                    heading_first = false;
                    in_script = false;
                    match tag {
                        TagEnd::List(_) => {
                            numbers.pop();
                        }
                        TagEnd::Item => item_number = None,
                        _ => {}
                    }
                }
            },
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                if image_depth > 0 || in_script {
                    continue;
                }
                match &mut code {
                    Some(code) => code.push_str(&text),
                    None => {
                        if let Some(number) = item_number.take() {
                            out.push(&number);
                        }
                        out.push(&text);
                    }
                }
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_script = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_script = false;
                }
            }
            Event::SoftBreak | Event::HardBreak => out.space(),
            Event::Rule => written += out.end_paragraph(),
            Event::Html(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    Blocks { paragraphs: out.finish(), first_is_h1 }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn options() -> ReadOptions {
        ReadOptions { id: "note".to_owned(), default_source: "notes".to_owned(), default_date: None }
    }

    fn read(text: &str) -> Result<Article, ParseError> {
        let mut read = read_markdown(text, &options());
        assert_eq!(read.articles.len() + read.rejected.len(), 1);
        match read.rejected.pop() {
            Some(error) => Err(error),
            None => {
                let (line, article) = read.articles.remove(0);
                assert_eq!(line, 1);
                Ok(article)
            }
        }
    }

    fn rejection(text: &str) -> String {
        read(text).expect_err("rejected").to_string()
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: Talks resume\ndate: 2026-01-16 10:00\nauthor: [Ana Ruiz, Bo Lee]\nsource: The Daily\nlink: https://news.example/a\ntags:\n  - one\n  - two\nextra: {a: 1}\n---\n\nThe talks *resumed* on **Friday**, [the agency said](https://agency.example/x).\n\nSecond paragraph\nwrapped.\n";
        let article = read(text).expect("read");
        assert_eq!(article.id, "note");
        assert_eq!(article.title, "Talks resume");
        assert_eq!(article.date.as_str(), "2026-01-16 10:00");
        assert_eq!(article.date.time().map(|time| time.hour()), Some(10));
        assert_eq!(article.author.as_deref(), Some("Ana Ruiz, Bo Lee"));
        assert_eq!(article.source, "The Daily");
        assert_eq!(article.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(article.body, ["The talks resumed on Friday, the agency said.", "Second paragraph wrapped."]);
        assert!(!article.summary);
    }

    #[test]
    fn yaml_dates_and_authors_in_other_forms() {
        let check = |front: &str, date: &str, author: Option<&str>| {
            let article = read(&format!("---\n{front}\n---\nText.")).expect("read");
            assert_eq!(article.date.as_str(), date, "{front}");
            assert_eq!(article.author.as_deref(), author, "{front}");
        };
        check("date: 2026-01-16", "2026-01-16", None);
        check("date: 2026-01-16T10:00:00Z\nauthor: Solo", "2026-01-16T10:00:00Z", Some("Solo"));
        check("Date: '2026-01-16'\nauthor:\n  name: Named", "2026-01-16", Some("Named"));
        check("date: 2026-01-16 10:00:00 +02:00", "2026-01-16 10:00:00+02:00", None);
        let article = read("---\ndate: 2026-01-16\n...\n# Heading title\n\nBody.").expect("read");
        assert_eq!(article.title, "Heading title");
        assert_eq!(article.body, ["Body."]);
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Budget passes\"\ndate = 2026-01-16T10:00:00Z\nauthors = [\"Cy Doe\"]\nurl = \"https://news.example/b\"\ntags = [\"a\"]\n[extra]\nx = 1\n+++\n# Budget passes\n\nThe budget passed.\n";
        let article = read(text).expect("read");
        assert_eq!(article.title, "Budget passes");
        assert_eq!(article.date.as_str(), "2026-01-16T10:00:00Z");
        assert_eq!(article.author.as_deref(), Some("Cy Doe"));
        assert_eq!(article.url.as_deref(), Some("https://news.example/b"));
        assert_eq!(article.source, "notes");
        assert_eq!(article.body, ["The budget passed."], "a heading repeating the title is dropped");
        let article = read("+++\ndate = 2026-01-16\n+++\nText.").expect("read");
        assert_eq!(article.date.as_str(), "2026-01-16");
        assert_eq!(article.title, "Text");
    }

    #[test]
    fn body_keeps_text_and_drops_markup() {
        let text = "---\ndate: 2026-01-16\n---\n# The title\n\nIntro with [link text](https://drop.example/url \"t\") and <https://auto.example>.\n\n## Section\n\n- first item\n- second *item*\n\n3. three\n4. four\n\n```rust\nlet x = 1;\n\nlet y = 2;\n```\n\n> quoted `code`\n\n![alt text](https://img.example/a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\nLast.";
        let article = read(text).expect("read");
        assert_eq!(article.title, "The title");
        assert_eq!(
            article.body,
            [
                "Intro with link text and https://auto.example.",
                "Section",
                "first item",
                "second item",
                "3. three",
                "4. four",
                "let x = 1;",
                "let y = 2;",
                "quoted code",
                "a b",
                "1 2",
                "Last.",
            ]
        );
        assert!(article.body.iter().all(|paragraph| !paragraph.contains("drop.example")));
    }

    #[test]
    fn raw_html_and_scripts_are_dropped() {
        let text = "---\ndate: 2026-01-16\n---\n<script>\nalert('block');\n</script>\n\nText <script>alert('inline')</script>with <b>bold</b> and <!-- a comment --> end.\n\n<div class=\"x\">\nhidden html block\n</div>\n\n<style>p{}</style>\n\nAfter.";
        let article = read(text).expect("read");
        assert_eq!(article.body, ["Text with bold and end.", "After."]);
    }

    #[test]
    fn malformed_front_matter_is_rejected_with_a_line() {
        assert_eq!(
            rejection("---\ntitle: t\ndate: 2026-01-16\nbad: [unclosed\n---\nText."),
            "4: invalid YAML front matter: while parsing a flow sequence, expected ',' or ']'"
        );
        let message = rejection("---\ntitle: t\n  - x: :\n---\nText.");
        assert!(message.starts_with("3: invalid YAML front matter: "), "{message}");
        let message = rejection("+++\ntitle = \"t\"\ndate = \n+++\nText.");
        assert!(message.starts_with("3: invalid TOML front matter: "), "{message}");
        assert_eq!(
            rejection("---\ntitle: t\ndate: 16/01/2026\n---\nText."),
            "3: invalid date \"16/01/2026\": expected ISO 8601 such as 2026-01-16 or 2026-01-16T09:30:00"
        );
        assert_eq!(
            rejection("---\ntitle: t\ndate: 2026-01-16\nText."),
            "1: front matter is never closed: expected a `---` line after it"
        );
        assert_eq!(rejection("---\n- a\n- b\n---\nText."), "2: front matter is not a set of `key: value` lines");
        assert_eq!(
            rejection("---\ntitle: t\n---\nText."),
            "1: missing date: give the front matter a `date:` (or --default-date YYYY-MM-DD)"
        );
        assert_eq!(
            rejection("---\ndate: 2026-01-16\n---\n\n<div>only html</div>\n"),
            "4: no text after the front matter"
        );
    }

    #[test]
    fn default_date_fills_in() {
        let options = ReadOptions { default_date: "2025-12-31".parse().ok(), ..options() };
        let read = read_markdown("---\ntitle: t\n---\nText.", &options);
        assert_eq!(read.articles[0].1.date.as_str(), "2025-12-31");
        let read = read_markdown("# A heading\n\nJust *text*, no date line.", &options);
        let article = &read.articles[0].1;
        assert_eq!(article.title, "A heading");
        assert_eq!(article.body, ["Just text, no date line."]);
        assert_eq!(article.source, "notes");
    }

    #[test]
    fn without_front_matter_the_date_line_still_works() {
        let article = read("# Old note\nsource: Paper\ndate 2025-01-02\n\nSome **bold** text with [a link](https://x.example).\n\n- a list").expect("read");
        assert_eq!(article.title, "Old note");
        assert_eq!(article.source, "Paper");
        assert_eq!(article.date.as_str(), "2025-01-02");
        assert_eq!(article.body, ["Some bold text with a link.", "a list"]);
        let article = read("date 2025-01-02 The *first* sentence. More.").expect("read");
        assert_eq!(article.title, "The first sentence", "derived again from the rendered text");
        assert_eq!(rejection("No date here."), "1: missing date: expected a line `date YYYY-MM-DD` before the text");
        assert_eq!(rejection("title: t\n\ndate 2025-01-02\n\n<div>x</div>"), "3: no text after the date line");
    }

    proptest! {
        #[test]
        fn arbitrary_text_gives_one_article_or_one_rejection(text in "\\PC{0,300}", fence in 0..3u8, dated: bool) {
            let prefix = match fence { 0 => "", 1 => "---\n", _ => "+++\n" };
            let text = format!("{prefix}{text}");
            let default_date = if dated { "2026-01-16".parse().ok() } else { None };
            let read = read_markdown(&text, &ReadOptions { default_date, ..options() });
            prop_assert_eq!(read.articles.len() + read.rejected.len(), 1);
            for (_, article) in &read.articles {
                prop_assert!(!article.body.is_empty() && !article.title.is_empty());
                prop_assert!(article.body.iter().all(|paragraph| !paragraph.is_empty()));
            }
        }

        #[test]
        fn markdownish_text_gives_one_article_or_one_rejection(text in "[-+#*_`>\\[\\]()<>/!|:= a-z0-9\n]{0,300}", dated: bool) {
            let default_date = if dated { "2026-01-16".parse().ok() } else { None };
            let read = read_markdown(&text, &ReadOptions { default_date, ..options() });
            prop_assert_eq!(read.articles.len() + read.rejected.len(), 1);
        }
    }
}
