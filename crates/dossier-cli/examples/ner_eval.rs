//! Scores the entity extractor against CoNLL-2003 gold annotations: precision, recall
//! and F1 by exact span and type (PER = person, ORG = organization, LOC = place; MISC is
//! not a kind Dossier extracts and is left out), the measure by which spaCy's published
//! CoNLL-2003 scores are given, so the two can be set side by side.
//!
//! cargo run --release -p dossier-cli --example ner_eval -- ../shared/corpus/ner/conll2003_dev.jsonl

use std::{collections::HashSet, fs};

use anyhow::Context;
use dossier_core::{Article, EntityKind, ingest::extract::annotate};
use serde::Deserialize;

#[derive(Deserialize)]
struct Document {
    id: String,
    text: String,
    entities: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    label: String,
}

/// (document, start, end, kind), offsets in characters of the document text.
type Span = (usize, usize, usize, EntityKind);

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).context("usage: ner_eval <conll2003 .jsonl>")?;
    let text = fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let documents: Vec<Document> =
        text.lines().filter(|line| !line.trim().is_empty()).map(serde_json::from_str).collect::<Result<_, _>>()?;

    let mut gold: HashSet<Span> = HashSet::new();
    let mut articles = Vec::with_capacity(documents.len());
    let mut line_starts: Vec<Vec<usize>> = Vec::with_capacity(documents.len());
    for (index, document) in documents.iter().enumerate() {
        for entity in &document.entities {
            let kind = match entity.label.as_str() {
                "PER" => EntityKind::Person,
                "ORG" => EntityKind::Organization,
                "LOC" => EntityKind::Place,
                _ => continue,
            };
            gold.insert((index, entity.start, entity.end, kind));
        }
        // One sentence a line: each becomes a paragraph; remember where each starts.
        let mut starts = Vec::new();
        let mut at = 0;
        let mut body = Vec::new();
        for line in document.text.split('\n') {
            starts.push(at);
            body.push(line.to_owned());
            at += line.chars().count() + 1;
        }
        line_starts.push(starts);
        articles.push(Article {
            id: document.id.clone(),
            title: String::new(),
            date: "1996-08-30".parse()?,
            source: String::new(),
            url: None,
            author: None,
            body,
            mentions: Vec::new(),
        });
    }

    let entities = annotate(&mut articles);
    let mut predicted: HashSet<Span> = HashSet::new();
    for (index, article) in articles.iter().enumerate() {
        for mention in &article.mentions {
            let kind = entities.iter().find(|entity| entity.id == mention.entity).map(|entity| entity.kind);
            let offset = line_starts[index][mention.paragraph as usize];
            if let Some(kind) = kind {
                predicted.insert((index, offset + mention.start as usize, offset + mention.end as usize, kind));
            }
        }
    }

    println!("{} documents, {} gold spans (PER, ORG, LOC), {} predicted", documents.len(), gold.len(), predicted.len());
    println!("{:<14} {:>9} {:>9} {:>9} {:>7} {:>7}", "type", "precision", "recall", "F1", "gold", "found");
    let kinds: [(&str, Option<EntityKind>); 4] = [
        ("person", Some(EntityKind::Person)),
        ("organization", Some(EntityKind::Organization)),
        ("place", Some(EntityKind::Place)),
        ("all", None),
    ];
    for (name, kind) in kinds {
        let keep = |span: &&Span| kind.is_none_or(|kind| span.3 == kind);
        let gold_kind: HashSet<&Span> = gold.iter().filter(keep).collect();
        let found: HashSet<&Span> = predicted.iter().filter(keep).collect();
        let correct = found.intersection(&gold_kind).count() as f64;
        let precision = correct / (found.len().max(1) as f64);
        let recall = correct / (gold_kind.len().max(1) as f64);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        println!("{name:<14} {precision:>9.3} {recall:>9.3} {f1:>9.3} {:>7} {:>7}", gold_kind.len(), found.len());
    }
    Ok(())
}
