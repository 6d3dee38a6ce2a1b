//! The corpus bundle: the versioned JSON file the command-line tool writes and the app
//! loads. The schema is the serde derive of [`Bundle`] and the types it holds
//! ([`Article`] and [`crate::Mention`] in `article.rs`, [`Entity`] in `entity.rs`): both
//! the reader and the writer here go through those derives, so a field added to any of
//! them is read and written with no other change.

use std::io;

use serde::{Deserialize, Serialize, ser::Error as _};
use serde_json::ser::Formatter;

use crate::{Article, Entity};

/// The bundle format this build writes. Raise it when an older reader could misread a
/// newer bundle. Version 2 added feed summaries and folded copies (`Article::summary`,
/// `Article::copies`).
pub const FORMAT_VERSION: u32 = 2;

/// The largest bundle the viewer opens in one browser tab, and `dossier export` puts in one
/// file: the engine holds about five times a bundle's size in the tab's memory
/// (Reuters-21578: 32 MB of JSON, about 150 MB) and a tab's WebAssembly memory ends at
/// 4 GB; a 1.5 GB bundle (a million articles) failed a gigabyte into its download.
pub const MAX_ONE_TAB_BYTES: u64 = 256 * 1024 * 1024;

/// The oldest format this build still reads: every version from it to [`FORMAT_VERSION`]
/// is read (a field a version lacks takes its default).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

fn readable(version: u64) -> bool {
    (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&version)
}

/// A whole collection: metadata, entity table and articles.
///
/// ```
/// use dossier_format::{Bundle, BundleError, Collection};
///
/// let bundle = Bundle::new(Collection { name: "Empty".into(), description: None });
/// let text = bundle.to_json()?;
/// assert!(text.starts_with(r#"{"format_version":2,"#), "the version comes first");
/// assert_eq!(Bundle::from_json(&text)?, bundle);
/// // A version 1 bundle is still read; a newer version is refused, naming both.
/// let older = text.replacen(r#""format_version":2"#, r#""format_version":1"#, 1);
/// assert_eq!(Bundle::from_json(&older)?.articles, bundle.articles);
/// let newer = text.replacen(r#""format_version":2"#, r#""format_version":3"#, 1);
/// let error = Bundle::from_json(&newer).unwrap_err();
/// assert!(matches!(error, BundleError::Version { expected: 2, found: 3 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// [`FORMAT_VERSION`] when written by this build; any version from
    /// [`OLDEST_FORMAT_VERSION`] on is read.
    pub format_version: u32,
    /// What the collection is.
    pub collection: Collection,
    /// Every entity any article mentions.
    pub entities: Vec<Entity>,
    /// The articles, in any order.
    pub articles: Vec<Article>,
}

/// Collection metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    /// The name shown in the viewer's header.
    pub name: String,
    /// A sentence on what the collection is about, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Why a bundle could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The text is not JSON, or not JSON of the bundle's shape.
    #[error("not a valid Dossier bundle: {message} (line {line}, column {column})")]
    Json {
        /// What serde_json reported.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// The bundle was written by another format version.
    #[error("unsupported bundle format version {found}: this viewer reads versions 1 to {expected}")]
    Version {
        /// The newest version this build reads.
        expected: u32,
        /// The version the bundle declares.
        found: u64,
    },
}

impl From<serde_json::Error> for BundleError {
    fn from(error: serde_json::Error) -> BundleError {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the fields carry that already.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        BundleError::Json { message, line: error.line(), column: error.column() }
    }
}

/// Only the version field: read when a bundle does not parse, so that a bundle from
/// another version is reported as such and not as a confusing shape error.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<serde_json::Value>,
}

impl Bundle {
    /// An empty bundle of the current version.
    pub fn new(collection: Collection) -> Bundle {
        Bundle { format_version: FORMAT_VERSION, collection, entities: Vec::new(), articles: Vec::new() }
    }

    /// Reads a bundle from JSON text. The text is parsed once; only when that fails, or
    /// the version is not one this build reads, is the version looked at to say why.
    pub fn from_json(text: &str) -> Result<Bundle, BundleError> {
        match serde_json::from_str::<Bundle>(text) {
            Ok(bundle) if readable(u64::from(bundle.format_version)) => Ok(bundle),
            Ok(bundle) => {
                Err(BundleError::Version { expected: FORMAT_VERSION, found: u64::from(bundle.format_version) })
            }
            Err(error) => Err(version_error(text).unwrap_or_else(|| error.into())),
        }
    }

    /// Writes the bundle as compact JSON with one top-level field, entity or article per
    /// line, so that diffs of a committed bundle stay readable. Fails only if a value
    /// cannot be written as JSON.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut out = Vec::new();
        self.serialize(&mut serde_json::Serializer::with_formatter(&mut out, LinePerItem::default()))?;
        out.push(b'\n');
        String::from_utf8(out).map_err(serde_json::Error::custom)
    }
}

/// Why a bundle that did not parse (as this version) could not: another version, or an
/// odd `format_version`. `None` when the version is fine or unreadable, so the parse
/// error itself is the reason.
fn version_error(text: &str) -> Option<BundleError> {
    let probe: VersionProbe = serde_json::from_str(text).ok()?;
    match probe.format_version? {
        serde_json::Value::Number(number) => match number.as_u64() {
            Some(found) if readable(found) => None,
            Some(found) => Some(BundleError::Version { expected: FORMAT_VERSION, found }),
            None => Some(whole_number_error(&number)),
        },
        other => Some(whole_number_error(&other)),
    }
}

fn whole_number_error(found: &dyn std::fmt::Display) -> BundleError {
    BundleError::Json { message: format!("format_version must be a whole number, found {found}"), line: 1, column: 1 }
}

/// serde_json's compact output, with a line break before each field of the top-level
/// object and around each item of a top-level list.
#[derive(Default)]
struct LinePerItem {
    /// How many objects and arrays are open: 1 inside the bundle, 2 inside its lists.
    depth: usize,
}

impl Formatter for LinePerItem {
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        match (first, self.depth) {
            (true, _) => Ok(()),
            (false, 1) => writer.write_all(b",\n"),
            (false, _) => writer.write_all(b","),
        }
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        writer.write_all(if self.depth == 1 { b"\n]" } else { b"]" })
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        if self.depth == 2 { writer.write_all(b"\n") } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, Mention};

    fn sample() -> Bundle {
        let mut bundle = Bundle::new(Collection { name: "Sample".into(), description: None });
        bundle.entities.push(Entity {
            id: "claudia-sheinbaum".into(),
            kind: EntityKind::Person,
            name: "Claudia Sheinbaum".into(),
            aliases: vec!["Sheinbaum".into()],
        });
        bundle.articles.push(Article {
            id: "a1".into(),
            title: "Sheinbaum speaks".into(),
            date: "2026-01-16".parse().expect("valid date"),
            source: "Test".into(),
            url: None,
            author: None,
            body: vec!["Sheinbaum spoke.".into()],
            mentions: vec![Mention { entity: "claudia-sheinbaum".into(), paragraph: 0, start: 0, end: 9 }],
            summary: false,
            copies: Vec::new(),
        });
        bundle
    }

    #[test]
    fn round_trips_through_json() {
        let bundle = sample();
        let text = bundle.to_json().expect("writable");
        assert_eq!(Bundle::from_json(&text).expect("readable"), bundle);
        assert!(text.starts_with("{\"format_version\":2,"));
        assert_eq!(text.lines().count(), 8, "one line per entity and per article:\n{text}");
        let empty = Bundle::new(Collection { name: "Empty".into(), description: None }).to_json().expect("writable");
        assert_eq!(
            empty,
            "{\"format_version\":2,\n\"collection\":{\"name\":\"Empty\"},\n\"entities\":[\n],\n\"articles\":[\n]}\n"
        );
    }

    #[test]
    fn another_version_is_a_typed_error_naming_both() {
        let text = sample().to_json().expect("writable").replacen("\"format_version\":2", "\"format_version\":7", 1);
        let error = Bundle::from_json(&text).expect_err("version 7 is not readable");
        assert!(matches!(error, BundleError::Version { expected: 2, found: 7 }));
        assert_eq!(error.to_string(), "unsupported bundle format version 7: this viewer reads versions 1 to 2");
    }

    #[test]
    fn another_version_of_another_shape_is_still_a_version_error() {
        let error = Bundle::from_json("{\"format_version\":3,\"chapters\":[]}").expect_err("version 3");
        assert!(matches!(error, BundleError::Version { expected: 2, found: 3 }), "{error}");
        let error = Bundle::from_json("{\"format_version\":1,\"chapters\":[]}").expect_err("version 1, wrong shape");
        assert!(error.to_string().contains("missing field `collection`"), "{error}");
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let error = Bundle::from_json("{\"format_version\":1,\n\"collection\": nope}").expect_err("malformed");
        let BundleError::Json { line, column, .. } = &error else { panic!("expected Json, got {error:?}") };
        assert_eq!((*line, *column), (2, 16));
        assert_eq!(error.to_string(), "not a valid Dossier bundle: expected ident (line 2, column 16)");
    }

    #[test]
    fn missing_or_odd_version_is_reported() {
        let error = Bundle::from_json("{\"articles\":[]}").expect_err("no version");
        assert!(error.to_string().contains("missing field `format_version`"), "{error}");
        let error = Bundle::from_json("{\"format_version\":\"1\"}").expect_err("string version");
        assert!(error.to_string().contains("whole number"), "{error}");
        let error = Bundle::from_json("{\"format_version\":1.5}").expect_err("fractional version");
        assert!(error.to_string().contains("whole number, found 1.5"), "{error}");
        let error = Bundle::from_json("[1,2]").expect_err("not an object");
        assert!(matches!(error, BundleError::Json { .. }), "{error}");
    }

    #[test]
    fn a_bad_date_inside_an_article_is_reported_with_its_position() {
        let text = sample().to_json().expect("writable").replace("2026-01-16", "16/01/2026");
        let error = Bundle::from_json(&text).expect_err("bad date");
        assert!(error.to_string().contains("invalid date \"16/01/2026\""), "{error}");
    }
}
