//! The reader view: one article in full, with its entity mentions and the query's words
//! marked, and a way back to the results.

use dossier_core::{ArticleId, snippet::match_ranges};
use yew::prelude::*;

use std::ops::Range;

use super::highlight::{highlighted, marked};
use crate::{platform, state::CorpusHandle};

/// The reader's heading id (focused when an article opens).
pub const READER_HEADING_ID: &str = "reader-title";

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The article to show.
    pub article: ArticleId,
    /// Folded query terms to mark.
    pub terms: Vec<String>,
    /// Called when the reader wants the results back.
    pub on_close: Callback<()>,
}

/// One article in full.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let corpus = &props.corpus;
    let article = corpus.article(props.article);
    let mentions = corpus.mentions(props.article);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    {
        // Escape also goes back to the results.
        let on_close = props.on_close.clone();
        use_effect_with((), move |_| {
            let listener = platform::on_escape(move || on_close.emit(()));
            move || drop(listener)
        });
    }
    let entities: Vec<Html> = corpus
        .article_entities(props.article)
        .iter()
        .map(|&entity| {
            let record = corpus.entity(entity);
            html! { <li class={classes!("entity-chip", record.kind.as_str())}>{ record.name.clone() }</li> }
        })
        .collect();
    html! {
        <article class="reader" aria-labelledby={READER_HEADING_ID}>
            <button type="button" class="back" onclick={close} aria-keyshortcuts="Escape">{ "← Back to results" }</button>
            <h2 id={READER_HEADING_ID} tabindex="-1">{ highlighted(&article.title, &match_ranges(&article.title, &props.terms), "match") }</h2>
            <p class="meta">
                <time datetime={article.date.as_str().to_owned()}>{ article.date.human() }</time>
                if !article.source.is_empty() {
                    <span class="source">{ article.source.clone() }</span>
                }
                if let Some(author) = &article.author {
                    <span class="author">{ author.clone() }</span>
                }
                if let Some(url) = article.url.as_ref().filter(|url| url.starts_with("https://") || url.starts_with("http://")) {
                    <a class="original" href={url.clone()} rel="noopener noreferrer">{ "Original" }</a>
                }
            </p>
            if !entities.is_empty() {
                <ul class="article-entities" aria-label="Mentioned in this article">{ for entities }</ul>
            }
            <div class="body">
                { for article.body.iter().enumerate().map(|(index, paragraph)| {
                    // Entity mentions first, so a query word inside a mention stays a mention.
                    let mut marks: Vec<(Range<usize>, &'static str)> = mentions
                        .iter()
                        .filter(|mention| mention.paragraph == index)
                        .map(|mention| (mention.range.clone(), "mention"))
                        .collect();
                    marks.extend(match_ranges(paragraph, &props.terms).into_iter().map(|range| (range, "match")));
                    html! { <p>{ marked(paragraph, &marks) }</p> }
                }) }
            </div>
        </article>
    }
}
