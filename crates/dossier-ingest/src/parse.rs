//! Parsers for the raw article formats the command-line tool ingests: the plain-text form
//! people write by hand (a `date YYYY-MM-DD` line, then paragraphs) and JSON Lines records.

use serde::Deserialize;

use dossier_format::{Article, ArticleDate};
use dossier_text::sentence_ends_at;

use crate::formats::new_article;

/// Longest derived title, in characters, before it is cut at a word boundary.
pub const TITLE_MAX_CHARS: usize = 90;

/// Why one input (a file, or one line of a JSON Lines file) was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {reason}")]
pub struct ParseError {
    /// 1-based line where the problem is.
    pub line: usize,
    /// What is wrong, in a reader's words.
    pub reason: String,
}

impl ParseError {
    /// A rejection at `line` for `reason`.
    pub fn new(line: usize, reason: impl Into<String>) -> ParseError {
        ParseError { line, reason: reason.into() }
    }
}

/// Parses the hand-written plain-text (or Markdown) form:
///
/// ```text
/// title: Optional headline
/// source: Optional outlet
/// url: https://optional.example/link
/// date 2026-01-16
/// First paragraph...
///
/// Second paragraph...
/// ```
///
/// Header lines (`title:`, `source:`, `url:`, `author:`, or a Markdown `# Heading` as the
/// title) may come in any order before the date marker; the body may start on the date
/// line itself. Paragraphs are separated by blank lines; hard-wrapped lines are joined.
/// Without a title, one is derived from the first sentence ([`derive_title`]).
pub fn parse_text_article(id: &str, text: &str, default_source: &str) -> Result<Article, ParseError> {
    let mut title = None;
    let mut source = None;
    let mut url = None;
    let mut author = None;
    let mut date = None;
    let mut body_lines: Vec<&str> = Vec::new();
    let mut body_start_line = 0;

    let mut lines = text.lines().enumerate();
    for (index, raw_line) in lines.by_ref() {
        let line_number = index + 1;
        let line = raw_line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        if let Some(heading) = line.strip_prefix("# ") {
            title = Some(heading.trim().to_owned());
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" => Some(&mut title),
                "source" => Some(&mut source),
                "url" => Some(&mut url),
                "author" => Some(&mut author),
                _ => None,
            };
            if let Some(slot) = slot {
                *slot = Some(value.trim().to_owned());
                continue;
            }
        }
        if let Some(rest) = date_marker(line) {
            let (date_text, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let parsed =
                date_text.parse::<ArticleDate>().map_err(|error| ParseError::new(line_number, error.to_string()))?;
            date = Some(parsed);
            if !rest.trim().is_empty() {
                body_lines.push(rest.trim());
            }
            body_start_line = line_number;
            break;
        }
        return Err(ParseError::new(line_number, "missing date: expected a line `date YYYY-MM-DD` before the text"));
    }
    let Some(date) = date else {
        return Err(ParseError::new(1, "missing date: expected a line `date YYYY-MM-DD` before the text"));
    };
    body_lines.extend(lines.map(|(_, line)| line));
    let body = paragraphs(&body_lines.join("\n"));
    if body.is_empty() {
        return Err(ParseError::new(body_start_line, "no text after the date line"));
    }
    let title = title.filter(|title| !title.is_empty()).unwrap_or_else(|| derive_title(&body[0]));
    let mut article =
        new_article(id.to_owned(), title, date, source.unwrap_or_else(|| default_source.to_owned()), body);
    article.url = url;
    article.author = author;
    Ok(article)
}

/// The text after a `date` / `Date:` marker, when the line starts with one.
fn date_marker(line: &str) -> Option<&str> {
    let head = line.get(..4)?;
    if !head.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = &line[4..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    rest.starts_with(char::is_whitespace).then(|| rest.trim_start())
}

/// Splits text into paragraphs at blank lines, joining the lines inside each.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// A headline for an article that has none: its first sentence without the final
/// period (kept when it is all there is: a title is never empty), cut at the last word
/// boundary before [`TITLE_MAX_CHARS`] characters (with an ellipsis) when longer.
pub fn derive_title(first_paragraph: &str) -> String {
    let sentence = first_sentence(first_paragraph).trim();
    let sentence = sentence.strip_suffix('.').filter(|rest| !rest.trim().is_empty()).unwrap_or(sentence);
    if sentence.chars().count() <= TITLE_MAX_CHARS {
        return sentence.to_owned();
    }
    let limit = sentence.char_indices().nth(TITLE_MAX_CHARS).map_or(sentence.len(), |(at, _)| at);
    let cut = if sentence[limit..].starts_with(char::is_whitespace) {
        limit
    } else {
        sentence[..limit].rfind(char::is_whitespace).unwrap_or(limit)
    };
    let head = sentence[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
    format!("{head}…")
}

/// The first sentence of a paragraph (the whole paragraph when no end is found).
pub fn first_sentence(paragraph: &str) -> &str {
    paragraph
        .char_indices()
        .find(|&(at, _)| sentence_ends_at(paragraph, at))
        .map_or(paragraph, |(at, character)| &paragraph[..at + character.len_utf8()])
}

/// One record of a JSON Lines collection, as in `shared/corpus/`.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    date: Option<String>,
    body: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

/// Parses JSON Lines text: one object per line with `id`, `date`, `body` and optionally
/// `title`, `source`, `url`, `author`. Returns the good articles, each with its 1-based
/// line, and one error per rejected line; blank lines are skipped.
pub fn parse_json_lines(text: &str, default_source: &str) -> (Vec<(usize, Article)>, Vec<ParseError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_record(line, default_source) {
            Ok(article) => articles.push((index + 1, article)),
            Err(reason) => errors.push(ParseError::new(index + 1, reason)),
        }
    }
    (articles, errors)
}

fn parse_record(line: &str, default_source: &str) -> Result<Article, String> {
    // serde would say "invalid length 3, expected struct Record with 7 elements" of an
    // array: name what the line holds instead.
    let found = match line.as_bytes().first() {
        Some(b'[') => Some("an array"),
        Some(b'"') => Some("a string"),
        Some(b'-' | b'0'..=b'9') => Some("a number"),
        Some(b't' | b'f') if line == "true" || line == "false" => Some("a boolean"),
        Some(b'n') if line == "null" => Some("null"),
        _ => None,
    };
    if let Some(found) = found {
        return Err(format!("expected an object (one JSON object a line), found {found}"));
    }
    let record: Record = serde_json::from_str(line).map_err(|error| {
        let message = error.to_string();
        match message.rfind(" at line ") {
            Some(at) => format!("invalid JSON: {}", &message[..at]),
            None => format!("invalid JSON: {message}"),
        }
    })?;
    let id = match record.id {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id,
        Some(serde_json::Value::Number(number)) => number.to_string(),
        _ => return Err("missing id: each record needs a non-empty `id`".to_owned()),
    };
    let date_text = record.date.filter(|date| !date.trim().is_empty()).ok_or("missing date")?;
    let date = date_text.parse::<ArticleDate>().map_err(|error| error.to_string())?;
    let body = paragraphs(record.body.as_deref().unwrap_or_default());
    if body.is_empty() {
        return Err("empty body".to_owned());
    }
    let title = record
        .title
        .map(|title| title.trim().to_owned())
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| derive_title(&body[0]));
    let source = record.source.filter(|source| !source.is_empty()).unwrap_or_else(|| default_source.to_owned());
    let mut article = new_article(id, title, date, source, body);
    article.url = record.url.filter(|url| !url.is_empty());
    article.author = record.author.filter(|author| !author.is_empty());
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_LIKE: &str = " date 2026-01-16 The U.S. government continues to pressure Mexico into allowing military forces to enter the country and target drug cartel labs and key figures. Despite it.\n\nSecond paragraph\nwrapped here.\n";

    #[test]
    fn seed_format_with_body_on_the_date_line() {
        let article = parse_text_article("seed", SEED_LIKE, "file.txt").expect("parses");
        assert_eq!(article.date.as_str(), "2026-01-16");
        assert_eq!(article.body.len(), 2);
        assert!(article.body[0].starts_with("The U.S. government"));
        assert_eq!(article.body[1], "Second paragraph wrapped here.");
        assert_eq!(article.source, "file.txt");
        assert_eq!(
            article.title,
            "The U.S. government continues to pressure Mexico into allowing military forces to enter…"
        );
        assert!(article.title.chars().count() <= TITLE_MAX_CHARS + 1);
    }

    #[test]
    fn headers_are_read_in_any_order() {
        let text = "Source: The Paper\ntitle: A headline\nurl: https://example.org/a\nauthor: A. Writer\n\nDate: 2025-12-31\n\nBody.";
        let article = parse_text_article("x", text, "default").expect("parses");
        assert_eq!(article.title, "A headline");
        assert_eq!(article.source, "The Paper");
        assert_eq!(article.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(article.author.as_deref(), Some("A. Writer"));
        assert_eq!(article.body, ["Body."]);
    }

    #[test]
    fn markdown_heading_is_the_title() {
        let article = parse_text_article("x", "# Big news\ndate 2025-01-02\n\nText here.", "d").expect("parses");
        assert_eq!(article.title, "Big news");
    }

    #[test]
    fn rejections_name_the_line_and_reason() {
        let check = |text: &str, expected: &str| {
            let error = parse_text_article("x", text, "d").expect_err("rejected");
            assert_eq!(error.to_string(), expected, "text {text:?}");
        };
        check("Just some text.\n", "1: missing date: expected a line `date YYYY-MM-DD` before the text");
        check("", "1: missing date: expected a line `date YYYY-MM-DD` before the text");
        check(
            "title: t\n\ndate 2026-02-30\nBody",
            "3: invalid date \"2026-02-30\": expected ISO 8601 such as 2026-01-16 or 2026-01-16T09:30:00",
        );
        check("date 2026-01-01\n\n  \n", "1: no text after the date line");
    }

    #[test]
    fn derived_titles_respect_abbreviations() {
        let check = |paragraph: &str, expected: &str| assert_eq!(derive_title(paragraph), expected);
        check("Short one. Then more.", "Short one");
        check("U.S. President Donald J. Trump spoke. Then more.", "U.S. President Donald J. Trump spoke");
        check("Gov. Abbott said no! Later.", "Gov. Abbott said no!");
        check("No end at all", "No end at all");
        check(".", ".");
        check(" . Then more.", ".");
        check("Prices rose 5.5 pct in March. Then.", "Prices rose 5.5 pct in March");
        let long = "word ".repeat(40);
        let title = derive_title(&long);
        assert!(title.ends_with("word…") && title.chars().count() <= TITLE_MAX_CHARS + 1, "{title}");
        let unbroken = "x".repeat(200);
        assert_eq!(derive_title(&unbroken).chars().count(), TITLE_MAX_CHARS + 1);
    }

    #[test]
    fn a_line_that_is_not_an_object_says_so() {
        let (articles, errors) = parse_json_lines("[1, 2, 3]\n42\n\"text\"\nnull\n", "");
        assert!(articles.is_empty());
        let reasons: Vec<&str> = errors.iter().map(|error| error.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "expected an object (one JSON object a line), found an array",
                "expected an object (one JSON object a line), found a number",
                "expected an object (one JSON object a line), found a string",
                "expected an object (one JSON object a line), found null",
            ]
        );
    }

    #[test]
    fn json_lines_keep_good_records_and_report_bad_ones() {
        let text = [
            r#"{"id": "a", "title": "", "date": "1987-02-26T15:01:01", "body": "First para.\n\nSecond para.", "source": "Reuters"}"#,
            "",
            r#"{"id": "b", "title": "T", "body": "x", "source": "S"}"#,
            r#"{"id": "c", "title": "T", "date": "soon", "body": "x"}"#,
            r#"{"id": 4, "title": "T", "date": "2020-01-01", "body": "   "}"#,
            r#"{"title": "T", "date": "2020-01-01", "body": "x"}"#,
            r#"{"id": "d", "date": "#,
            r#"{"id": 5, "title": "<b>T</b>", "date": "2020-01-01", "body": "x <script>alert(1)</script>", "url": "u"}"#,
        ]
        .join("\n");
        let (articles, errors) = parse_json_lines(&text, "default");
        let ids: Vec<(usize, &str)> = articles.iter().map(|(line, article)| (*line, article.id.as_str())).collect();
        assert_eq!(ids, [(1, "a"), (8, "5")]);
        let articles: Vec<Article> = articles.into_iter().map(|(_, article)| article).collect();
        assert_eq!(articles[0].title, "First para");
        assert_eq!(articles[0].body.len(), 2);
        assert_eq!(articles[1].body, ["x <script>alert(1)</script>"], "text is kept as text");
        assert_eq!(articles[1].source, "default");
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "3: missing date",
                "4: invalid date \"soon\": expected ISO 8601 such as 2026-01-16 or 2026-01-16T09:30:00",
                "5: empty body",
                "6: missing id: each record needs a non-empty `id`",
                "7: invalid JSON: EOF while parsing a value",
            ]
        );
    }
}
