//! The reader view: one article in full, with its entity mentions and the query's words
//! marked, and a way back to the results.

use std::ops::Range;

use dossier_engine::{
    Article, ArticleId, EntityId, ResolvedMention,
    snippet::{match_ranges, segments_by},
};
use yew::prelude::*;

use super::{back_to_results::BackToResults, highlight::highlighted};
use crate::{
    route::Route,
    state::CorpusHandle,
    words::{kind_name, number},
};

/// What a stretch of the article is marked as.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// A mention of an entity: a link to its page.
    Mention(EntityId),
    /// A word of the query.
    Match,
}

/// The reader's heading id (focused when an article opens).
pub const READER_HEADING_ID: &str = "reader-title";

/// Marks (mentions and query words) drawn in one article; the rest of a longer one is
/// plain text, with a note saying so. Each mark is an element, and an article naming
/// someone 200,000 times took 9 s to draw with all of them.
pub const MARKS_SHOWN: usize = 5_000;

/// The address to link the original at, when the article's `url` is a web address
/// (`http://` or `https://`, in any case). Anything else is shown no link: article text is
/// untrusted, and a `javascript:` or `data:` URL would run or show what the collection
/// chose, a relative one would open inside the app.
pub fn original_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    (web && rest.starts_with("//") && rest.len() > 2).then_some(url)
}

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
    /// The result list's part of the address, carried by the links to entity pages.
    pub list_parameters: AttrValue,
}

/// One article in full.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let corpus = &props.corpus;
    let article = corpus.article(props.article);
    let parameters = props.list_parameters.as_str();
    let entities: Vec<Html> =
        corpus.article_entities(props.article).iter().map(|&entity| entity_chip(corpus, entity, parameters)).collect();
    let (paragraphs, note) = body(corpus, props.article, &props.terms, parameters);
    html! {
        <article class="reader" aria-labelledby={READER_HEADING_ID}>
            <BackToResults on_close={props.on_close.clone()} />
            <h2 id={READER_HEADING_ID} tabindex="-1">{ highlighted(&article.title, &match_ranges(&article.title, &props.terms), "match") }</h2>
            <p class="meta">
                <time datetime={article.date.as_str().to_owned()}>{ article.date.human() }</time>
                if !article.source.is_empty() {
                    <span class="source">{ article.source.clone() }</span>
                }
                if let Some(author) = &article.author {
                    <span class="author">{ author.clone() }</span>
                }
                if let Some(url) = article.url.as_deref().and_then(original_link) {
                    <a class="original" href={url.to_owned()} rel="noopener noreferrer">{ "Original" }</a>
                }
            </p>
            if article.summary {
                <p class="muted summary-note">{ "This is only part of the article: the summary its feed gave, or the opening its page showed before a paywall." }</p>
            }
            if !article.copies.is_empty() {
                { copies(article) }
            }
            if !entities.is_empty() {
                <ul class="article-entities" aria-label="Mentioned in this article">{ for entities }</ul>
            }
            if let Some(note) = note {
                <p class="muted marks-note">{ note }</p>
            }
            <div class="body">{ for paragraphs }</div>
        </article>
    }
}

/// The copies of the story de-duplication folded into this article: when, where and
/// under which headline each was published, with a link to its original.
fn copies(article: &Article) -> Html {
    let count = article.copies.len();
    html! {
        <details class="copies">
            <summary>{ format!("{count} more cop{} of this story, folded in", if count == 1 { "y" } else { "ies" }) }</summary>
            <ul>
                { for article.copies.iter().map(|copy| html! {
                    <li>
                        <time datetime={copy.date.as_str().to_owned()}>{ copy.date.human() }</time>
                        if !copy.source.is_empty() {
                            { " · " }<span class="source">{ copy.source.clone() }</span>
                        }
                        { " · " }
                        if let Some(url) = copy.url.as_deref().and_then(original_link) {
                            <a href={url.to_owned()} rel="noopener noreferrer">{ copy.title.clone() }</a>
                        } else {
                            <span>{ copy.title.clone() }</span>
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// An entity the article mentions, as a link to its page.
fn entity_chip(corpus: &CorpusHandle, entity: EntityId, parameters: &str) -> Html {
    let record = corpus.entity(entity);
    html! {
        <li class={classes!("entity-chip", record.kind.as_str())}>
            <a href={Route::entity_link(corpus, entity, parameters)}>
                <span class="kind">{ kind_name(record.kind) }</span>{ " " }{ record.name.clone() }
            </a>
        </li>
    }
}

/// The article's paragraphs with their marks, and the note saying where marks stop when
/// the article has more than [`MARKS_SHOWN`].
fn body(corpus: &CorpusHandle, id: ArticleId, terms: &[String], parameters: &str) -> (Vec<Html>, Option<String>) {
    let article = corpus.article(id);
    let mentions = corpus.mentions(id);
    // Mentions are sorted by paragraph: each paragraph takes its own from where the last
    // one stopped, and marks are drawn until `MARKS_SHOWN` are.
    let (mut next, mut left, mut marked_mentions, mut cut) = (0, MARKS_SHOWN, 0, None);
    let paragraphs: Vec<Html> = article
        .body
        .iter()
        .enumerate()
        .map(|(index, paragraph)| {
            let end = next + mentions[next..].partition_point(|mention| mention.paragraph == index);
            let own = &mentions[next..end];
            next = end;
            // The first marks by position, up to those left to draw.
            let matches = if left > 0 { match_ranges(paragraph, terms) } else { Vec::new() };
            let (mentioned, matched) = first_marks(own, &matches, left);
            if mentioned + matched < own.len() + matches.len() {
                cut = cut.or(Some(index));
            }
            left -= mentioned + matched;
            marked_mentions += mentioned;
            // Entity mentions first, so a query word inside a mention stays a mention.
            let marks: Vec<(Range<usize>, Mark)> = own[..mentioned]
                .iter()
                .map(|mention| (mention.range.clone(), Mark::Mention(mention.entity)))
                .chain(matches.into_iter().take(matched).map(|range| (range, Mark::Match)))
                .collect();
            marked_paragraph(corpus, paragraph, &marks, parameters)
        })
        .collect();
    let note = cut.map(|index| {
        format!(
            "Marks shown for the first {} of {} mentions, up to paragraph {} of {}: the rest of this long article is plain text.",
            number(marked_mentions),
            number(mentions.len()),
            number(index + 1),
            number(article.body.len())
        )
    });
    (paragraphs, note)
}

/// How many of a paragraph's mentions and query matches are marked when `left` marks
/// are left to draw: all of them if they fit, else the first `left` by position.
fn first_marks(own: &[ResolvedMention], matches: &[Range<usize>], left: usize) -> (usize, usize) {
    let (mut mentioned, mut matched) = (own.len(), matches.len());
    if mentioned + matched > left {
        (mentioned, matched) = (0, 0);
        while mentioned + matched < left {
            if matched == matches.len()
                || (mentioned < own.len() && own[mentioned].range.start <= matches[matched].start)
            {
                mentioned += 1;
            } else {
                matched += 1;
            }
        }
    }
    (mentioned, matched)
}

/// One paragraph, its mentions links to the entities' pages and the query's words marked.
fn marked_paragraph(corpus: &CorpusHandle, paragraph: &str, marks: &[(Range<usize>, Mark)], parameters: &str) -> Html {
    html! {
        <p>
            { for segments_by(paragraph, marks).into_iter().map(|(piece, mark)| match mark {
                Some(Mark::Mention(entity)) => {
                    let record = corpus.entity(entity);
                    // Told apart by kind in the underline's style and the title, not only by colour.
                    html! {
                        <a
                            class={classes!("mention", record.kind.as_str())}
                            href={Route::entity_link(corpus, entity, parameters)}
                            title={format!("{}: {}", kind_name(record.kind), record.name)}
                        >{ piece.to_owned() }</a>
                    }
                }
                Some(Mark::Match) => html! { <mark class="match">{ piece.to_owned() }</mark> },
                None => html! { { piece.to_owned() } },
            }) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::original_link;

    #[test]
    fn only_web_addresses_link_to_the_original() {
        for (url, linked) in [
            ("https://fixture.example/a", Some("https://fixture.example/a")),
            ("http://fixture.example/a?b=c#d", Some("http://fixture.example/a?b=c#d")),
            ("  HTTPS://fixture.example/a ", Some("HTTPS://fixture.example/a")),
            ("javascript:alert(1)", None),
            ("JavaScript://%0aalert(1)", None),
            (" javascript:alert(1)", None),
            ("data:text/html,<script>alert(1)</script>", None),
            ("vbscript:msgbox(1)", None),
            ("/article/evil", None),
            ("article.html", None),
            ("//evil.example/x", None),
            ("https:", None),
            ("https://", None),
            ("", None),
        ] {
            assert_eq!(original_link(url), linked, "{url:?}");
        }
    }
}
