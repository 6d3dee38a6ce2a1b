//! The result list: each matching article's title, date, source and best passage with
//! the query's words highlighted, and why it matched; an empty state when nothing matches.

use dossier_core::{
    ArticleId,
    index::Field,
    search::{MatchKind, MatchReason, ResolvedQuery, SearchHit},
    snippet::{best_snippet, match_ranges},
};
use yew::prelude::*;

use super::highlight::highlighted;
use crate::{
    route,
    state::{CorpusHandle, ViewHandle},
};

/// Results rendered at first and added per "Show more". Each result costs a snippet and
/// its layout on every keystroke: 10, as search engines show, keeps typing near one frame
/// on large collections.
pub const PAGE_SIZE: usize = 10;

/// The DOM id of an article's link in the result list (focused again when the reader
/// comes back from that article).
pub fn result_link_id(article: ArticleId) -> String {
    format!("result-{}", article.0)
}

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The selection's view: its hits in order and the resolved query.
    pub view: ViewHandle,
    /// Called when the reader asks to drop every filter.
    pub on_clear: Callback<()>,
    /// The list's part of the address (`?q=…`), which article links carry so that the
    /// reader comes back to these results.
    pub list_parameters: AttrValue,
}

/// The ordered list of results.
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let shown = use_state_eq(|| PAGE_SIZE);
    {
        // A new result set starts from the first page again.
        let shown = shown.clone();
        use_effect_with(props.view.clone(), move |_| shown.set(PAGE_SIZE));
    }
    let hits = &props.view.hits;
    if hits.is_empty() {
        let on_clear = props.on_clear.clone();
        return html! {
            <div class="empty-state">
                <h2>{ "No articles match" }</h2>
                <p>{ "Try fewer or different words, another period, or fewer entity filters." }</p>
                <button type="button" onclick={Callback::from(move |_: MouseEvent| on_clear.emit(()))}>
                    { "Clear search and filters" }
                </button>
            </div>
        };
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE_SIZE))
    };
    html! {
        <>
            <ol class="results" aria-label="Matching articles">
                { for hits.iter().take(*shown).map(|hit| result_item(&props.corpus, hit, &props.view.query, &props.list_parameters)) }
            </ol>
            if hits.len() > *shown {
                <button type="button" class="more" onclick={more}>
                    { format!("Show {} more", (hits.len() - *shown).min(PAGE_SIZE)) }
                </button>
            }
        </>
    }
}

fn result_item(corpus: &CorpusHandle, hit: &SearchHit, query: &ResolvedQuery, list_parameters: &str) -> Html {
    let article = corpus.article(hit.article);
    let terms = &query.highlights;
    let title_ranges = match_ranges(&article.title, terms);
    let snippet = best_snippet(&article.body, terms);
    let reasons = corpus.index().explain(query, hit.article);
    html! {
        <li class="result">
            <article>
                <h2><a id={result_link_id(hit.article)} href={format!("#/article/{}{list_parameters}", route::encode(&article.id))}>{ highlighted(&article.title, &title_ranges, "match") }</a></h2>
                <p class="meta">
                    <time datetime={article.date.as_str().to_owned()}>{ article.date.human() }</time>
                    if !article.source.is_empty() {
                        <span class="source">{ article.source.clone() }</span>
                    }
                </p>
                <p class="snippet">{ highlighted(&snippet.text, &snippet.highlights, "match") }</p>
                if !reasons.is_empty() {
                    <p class="why">
                        <span class="why-label">{ "Matched: " }</span>
                        { reasons.iter().map(reason_text).collect::<Vec<_>>().join("; ") }
                    </p>
                }
            </article>
        </li>
    }
}

/// One reason in words: `raid as raids in title and body`, `sheinbuam as sheinbaum (typo)
/// in body`, `“drug cartels” in body`.
fn reason_text(reason: &MatchReason) -> String {
    let what = match reason.kind {
        MatchKind::Exact => reason.matched.clone(),
        MatchKind::Stem => format!("{} as {}", reason.typed, reason.matched),
        MatchKind::Prefix => format!("{}… as {}", reason.typed, reason.matched),
        MatchKind::Typo => format!("{} as {} (typo)", reason.typed, reason.matched),
        MatchKind::Phrase => format!("“{}”", reason.matched),
        MatchKind::Joined => format!("{} as {} (joined)", reason.typed, reason.matched),
    };
    let fields: Vec<&str> = reason
        .fields
        .iter()
        .map(|field| match field {
            Field::Entities => "entity names",
            other => other.as_str(),
        })
        .collect();
    match fields.as_slice() {
        [] => what,
        [one] => format!("{what} in {one}"),
        [init @ .., last] => format!("{what} in {} and {last}", init.join(", ")),
    }
}
