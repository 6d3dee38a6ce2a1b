//! The corpus bundle: the versioned JSON file the command-line tool writes and the app
//! loads. Its serde types live here and nowhere else.

use serde::{Deserialize, Serialize};

use crate::{Article, Entity};

/// The bundle format this build reads and writes. Raise it when an older reader could
/// misread a newer bundle.
pub const FORMAT_VERSION: u32 = 1;

/// A whole collection: metadata, entity table and articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`FORMAT_VERSION`] when written by this build; checked first when read.
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
    #[error("unsupported bundle format version {found}: this viewer reads version {expected}")]
    Version {
        /// The version this build reads.
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

/// Only the version field, read before anything else so that a bundle from another
/// version is reported as such and not as a confusing shape error.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<serde_json::Value>,
}

impl Bundle {
    /// An empty bundle of the current version.
    pub fn new(collection: Collection) -> Bundle {
        Bundle { format_version: FORMAT_VERSION, collection, entities: Vec::new(), articles: Vec::new() }
    }

    /// Reads a bundle from JSON text, checking the format version first.
    pub fn from_json(text: &str) -> Result<Bundle, BundleError> {
        let probe: VersionProbe = serde_json::from_str(text)?;
        match probe.format_version {
            Some(serde_json::Value::Number(number)) if number.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
            Some(serde_json::Value::Number(number)) if number.as_u64().is_some() => {
                let found = number.as_u64().unwrap_or_default();
                return Err(BundleError::Version { expected: FORMAT_VERSION, found });
            }
            Some(other) => {
                return Err(BundleError::Json {
                    message: format!("format_version must be a whole number, found {other}"),
                    line: 1,
                    column: 1,
                });
            }
            None => {
                return Err(BundleError::Json {
                    message: "missing field `format_version`".to_owned(),
                    line: 1,
                    column: 1,
                });
            }
        }
        Ok(serde_json::from_str(text)?)
    }

    /// Writes the bundle as compact JSON with one entity or article per line, so that
    /// diffs of a committed bundle stay readable.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"format_version\":{},\n\"collection\":", self.format_version);
        out.push_str(&compact(&self.collection));
        out.push_str(",\n\"entities\":[");
        push_lines(&mut out, self.entities.iter().map(compact));
        out.push_str("],\n\"articles\":[");
        push_lines(&mut out, self.articles.iter().map(compact));
        out.push_str("]}\n");
        out
    }
}

/// Compact JSON of one bundle part (serializing these plain structs cannot fail).
fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn push_lines(out: &mut String, items: impl Iterator<Item = String>) {
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&item);
    }
    out.push('\n');
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
        });
        bundle
    }

    #[test]
    fn round_trips_through_json() {
        let bundle = sample();
        let text = bundle.to_json();
        assert_eq!(Bundle::from_json(&text).expect("readable"), bundle);
        assert!(text.starts_with("{\"format_version\":1,"));
        assert_eq!(text.lines().count(), 8, "one line per entity and per article:\n{text}");
    }

    #[test]
    fn another_version_is_a_typed_error_naming_both() {
        let text = sample().to_json().replacen("\"format_version\":1", "\"format_version\":7", 1);
        let error = Bundle::from_json(&text).expect_err("version 7 is not readable");
        assert!(matches!(error, BundleError::Version { expected: 1, found: 7 }));
        assert_eq!(error.to_string(), "unsupported bundle format version 7: this viewer reads version 1");
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
        let error = Bundle::from_json("[1,2]").expect_err("not an object");
        assert!(matches!(error, BundleError::Json { .. }), "{error}");
    }

    #[test]
    fn a_bad_date_inside_an_article_is_reported_with_its_position() {
        let text = sample().to_json().replace("2026-01-16", "16/01/2026");
        let error = Bundle::from_json(&text).expect_err("bad date");
        assert!(error.to_string().contains("invalid date \"16/01/2026\""), "{error}");
    }
}
