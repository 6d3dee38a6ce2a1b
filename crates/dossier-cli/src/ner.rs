//! `dossier ner`: trains the name tagger on annotated text and scores the extractor
//! against gold annotations, by exact span and type as CoNLL-2003 scores are given (PER
//! = person, ORG = organization, LOC = place; MISC is learned as "other" and not scored,
//! since Dossier does not keep it).
//!
//! The annotated format is CoNLL-2003 as JSON Lines (`../shared/corpus/ner/`): one
//! document a line, `{"id", "text", "entities": [{"start", "end", "label"}]}`, one
//! sentence a line of `text`, offsets in characters of `text`.

use std::{
    collections::{HashMap, HashSet},
    fmt::Write as _,
    fs,
    path::Path,
};

use anyhow::{Context, bail};
use dossier_engine::{Article, EntityKind};
use dossier_ingest::{
    extract::annotate_with,
    passes::Passes,
    tagger::{self, Example, Model, NameKind},
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    entities: Vec<GoldRecord>,
}

#[derive(Deserialize)]
struct GoldRecord {
    start: usize,
    end: usize,
    label: String,
}

/// One annotated document: its sentences, and its names per sentence as byte ranges.
pub struct Annotated {
    id: String,
    sentences: Vec<String>,
    names: Vec<Vec<(std::ops::Range<usize>, NameKind)>>,
}

/// Reads annotated documents; a line that is not a valid record is reported with its
/// number and the reading stops.
pub fn read(path: &Path) -> anyhow::Result<Vec<Annotated>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut documents = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let record: Record =
            serde_json::from_str(line).with_context(|| format!("{}:{}: not a record", path.display(), number + 1))?;
        documents.push(annotated(record).with_context(|| format!("{}:{}", path.display(), number + 1))?);
    }
    Ok(documents)
}

fn annotated(record: Record) -> anyhow::Result<Annotated> {
    // Each sentence's first character in the document, and the sentence as it would be
    // written (see `written`).
    let lines: Vec<&str> = record.text.split('\n').collect();
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for line in &lines {
        starts.push(at);
        at += line.chars().count() + 1;
    }
    let written: Vec<(String, Vec<usize>)> = lines.iter().map(|line| written(line)).collect();
    let mut names = vec![Vec::new(); lines.len()];
    for gold in &record.entities {
        let kind = match gold.label.as_str() {
            "PER" => NameKind::Person,
            "ORG" => NameKind::Organization,
            "LOC" => NameKind::Place,
            "MISC" => NameKind::Other,
            other => bail!("unknown label {other:?}"),
        };
        let line = starts.partition_point(|&start| start <= gold.start).saturating_sub(1);
        let (sentence, moved) = &written[line];
        let byte = |char_offset: usize| byte_offset(sentence, *moved.get(char_offset.checked_sub(starts[line])?)?);
        match (byte(gold.start), byte(gold.end)) {
            (Some(start), Some(end)) if start < end => names[line].push((start..end, kind)),
            _ => bail!("entity {}..{} is not inside one sentence", gold.start, gold.end),
        }
    }
    let sentences = written.into_iter().map(|(sentence, _)| sentence).collect();
    Ok(Annotated { id: record.id, sentences, names })
}

/// The byte offset of the character at `chars` in `text` (its end for the count of its
/// characters), if there is one.
fn byte_offset(text: &str, chars: usize) -> Option<usize> {
    text.char_indices().map(|(byte, _)| byte).chain([text.len()]).nth(chars)
}

/// A CoNLL sentence (tokens joined by spaces) as it would be written: a clitic joins the
/// word before it ("Moody 's" is "Moody's", "do n't" is "don't"), as the extractor reads
/// real text. Also where each character of the sentence went.
fn written(line: &str) -> (String, Vec<usize>) {
    let tokens: Vec<&str> = line.split(' ').collect();
    let mut text = String::with_capacity(line.len());
    let mut moved = Vec::with_capacity(line.chars().count() + 1);
    for (index, token) in tokens.iter().enumerate() {
        let clitic = matches!(token.to_ascii_lowercase().as_str(), "'s" | "'re" | "'m" | "'ve" | "'ll" | "'d" | "n't");
        if index > 0 {
            // The space before this token: dropped before a clitic.
            moved.push(text.chars().count());
            if !clitic || text.is_empty() {
                text.push(' ');
            }
        }
        for character in token.chars() {
            moved.push(text.chars().count());
            text.push(character);
        }
    }
    moved.push(text.chars().count());
    (text, moved)
}

/// The model in `path`, or the one Dossier ships.
pub fn model(path: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    Ok(match path {
        Some(path) => {
            let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            std::borrow::Cow::Owned(Model::from_bytes(&bytes).with_context(|| format!("reading {}", path.display()))?)
        }
        None => std::borrow::Cow::Borrowed(Model::builtin()),
    })
}

/// The text, one paragraph a line, with each name the tagger reads marked `[kind name]`.
pub fn tag(model: &Model, text: &str) -> String {
    let paragraphs: Vec<String> = text.lines().map(str::to_owned).collect();
    let tagged = tagger::tag_documents(model, std::slice::from_ref(&paragraphs));
    let mut out = String::new();
    for (paragraph, names) in paragraphs.iter().zip(&tagged[0]) {
        let mut at = 0;
        for (range, kind) in names {
            let kind = kind.entity_kind().map_or("other", |kind| kind.as_str());
            let _ = write!(out, "{}[{kind} {}]", &paragraph[at..range.start], &paragraph[range.clone()]);
            at = range.end;
        }
        let _ = writeln!(out, "{}", &paragraph[at..]);
    }
    out
}

/// Trains a model on `documents`.
pub fn train(documents: &[Annotated], epochs: usize) -> Model {
    let examples: Vec<tagger::Document> = documents
        .iter()
        .map(|document| {
            document
                .sentences
                .iter()
                .zip(&document.names)
                .map(|(text, names)| Example { text: text.clone(), names: names.clone() })
                .collect()
        })
        .collect();
    tagger::train(&examples, epochs, |epoch, error| {
        eprintln!("epoch {epoch}: {:.2}% of words read wrongly", error * 100.0);
    })
}

/// (document, sentence, byte range, kind)
type Span = (usize, usize, usize, usize, EntityKind);

/// The names annotated and the names found in the same documents.
pub struct Scored {
    documents: usize,
    gold: HashSet<Span>,
    found: HashSet<Span>,
}

/// Runs the whole extractor (the tagger, then merging across the collection) with `model`
/// and the passes `passes` runs on `documents`; with `tagger_only`, only the tagger, before
/// merging.
pub fn score(documents: &[Annotated], model: &Model, tagger_only: bool, passes: Passes) -> Scored {
    let mut gold: HashSet<Span> = HashSet::new();
    for (index, document) in documents.iter().enumerate() {
        for (line, names) in document.names.iter().enumerate() {
            for (range, kind) in names {
                if let Some(kind) = kind.entity_kind() {
                    gold.insert((index, line, range.start, range.end, kind));
                }
            }
        }
    }
    let mut found: HashSet<Span> = HashSet::new();
    if tagger_only {
        let paragraphs: Vec<Vec<String>> = documents.iter().map(|document| document.sentences.clone()).collect();
        for (index, document) in tagger::tag_documents(model, &paragraphs).into_iter().enumerate() {
            for (line, names) in document.into_iter().enumerate() {
                for (range, kind) in names {
                    if let Some(kind) = kind.entity_kind() {
                        found.insert((index, line, range.start, range.end, kind));
                    }
                }
            }
        }
    } else {
        let mut articles: Vec<Article> = documents
            .iter()
            .map(|document| Article {
                id: document.id.clone(),
                title: String::new(),
                date: "1996-08-30".parse().expect("a valid date"),
                source: String::new(),
                url: None,
                author: None,
                body: document.sentences.clone(),
                mentions: Vec::new(),
                summary: false,
                copies: Vec::new(),
            })
            .collect();
        let entities = annotate_with(&mut articles, model, passes);
        let kinds: HashMap<&str, EntityKind> =
            entities.iter().map(|entity| (entity.id.as_str(), entity.kind)).collect();
        for (index, article) in articles.iter().enumerate() {
            for mention in &article.mentions {
                let Some(&kind) = kinds.get(mention.entity.as_str()) else { continue };
                let sentence = &article.body[mention.paragraph as usize];
                let byte = |offset: u32| byte_offset(sentence, offset as usize);
                if let (Some(start), Some(end)) = (byte(mention.start), byte(mention.end)) {
                    found.insert((index, mention.paragraph as usize, start, end, kind));
                }
            }
        }
    }
    Scored { documents: documents.len(), gold, found }
}

impl Scored {
    /// Every name found that is not annotated ("wrong") and every annotated name not found
    /// ("missed"), in reading order, each with its sentence.
    pub fn errors(&self, documents: &[Annotated]) -> String {
        let mut errors: Vec<(&Span, &str)> = self
            .found
            .difference(&self.gold)
            .map(|span| (span, "wrong"))
            .chain(self.gold.difference(&self.found).map(|span| (span, "missed")))
            .collect();
        errors.sort_by_key(|&(&(document, sentence, start, end, _), what)| (document, sentence, start, end, what));
        let mut out = String::new();
        for (&(document, sentence, start, end, kind), what) in errors {
            let text = &documents[document].sentences[sentence];
            let _ = writeln!(
                out,
                "{what:<6} {:<12} {:?} in {}: {}",
                kind.as_str(),
                &text[start..end],
                documents[document].id,
                text.trim()
            );
        }
        out
    }

    /// Precision, recall and F1 per kind, as a table, with the counts they come from (the
    /// names annotated, found, and found right).
    pub fn table(&self) -> String {
        let (gold, found) = (&self.gold, &self.found);
        let mut table = String::new();
        let _ = writeln!(
            table,
            "{} documents, {} gold names (PER, ORG, LOC), {} found",
            self.documents,
            gold.len(),
            found.len()
        );
        let _ = writeln!(
            table,
            "{:<14} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "kind", "precision", "recall", "F1", "gold", "found", "right"
        );
        let kinds = [
            ("person", Some(EntityKind::Person)),
            ("organization", Some(EntityKind::Organization)),
            ("place", Some(EntityKind::Place)),
            ("all", None),
        ];
        for (name, kind) in kinds {
            let keep = |span: &&Span| kind.is_none_or(|kind| span.4 == kind);
            let gold_kind: HashSet<&Span> = gold.iter().filter(keep).collect();
            let found_kind: HashSet<&Span> = found.iter().filter(keep).collect();
            let right = found_kind.intersection(&gold_kind).count();
            let correct = right as f64;
            let precision = correct / (found_kind.len().max(1) as f64);
            let recall = correct / (gold_kind.len().max(1) as f64);
            let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
            let _ = writeln!(
                table,
                "{name:<14} {precision:>9.3} {recall:>9.3} {f1:>9.3} {:>7} {:>7} {right:>7}",
                gold_kind.len(),
                found_kind.len()
            );
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_join_the_word_before_and_offsets_follow() {
        let (text, moved) = written("Moody 's Investors Service said");
        assert_eq!(text, "Moody's Investors Service said");
        let (start, end) = (moved[0], moved["Moody 's Investors Service".len()]);
        assert_eq!(&text[start..end], "Moody's Investors Service");
        assert_eq!(&text[moved[9]..moved[18]], "Investors");
    }
}
