//! The result list: each matching article's title, date, source and best passage with
//! the query's words highlighted; an empty state when nothing matches.

use dossier_core::{search::SearchHit, snippet::best_snippet};
use yew::prelude::*;

use super::{highlight::highlighted, viewer::result_link_id};
use crate::{platform, state::CorpusHandle};

/// Results rendered at first and added per "Show more".
pub const PAGE_SIZE: usize = 50;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// Matching articles, in order.
    pub hits: Vec<SearchHit>,
    /// Folded query terms to highlight.
    pub terms: Vec<String>,
    /// Called when the reader asks to drop every filter.
    pub on_clear: Callback<()>,
}

/// The ordered list of results.
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let shown = use_state(|| PAGE_SIZE);
    {
        // A new result set starts from the first page again.
        let shown = shown.clone();
        use_effect_with(props.hits.clone(), move |_| shown.set(PAGE_SIZE));
    }
    if props.hits.is_empty() {
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
                { for props.hits.iter().take(*shown).map(|hit| result_item(&props.corpus, hit, &props.terms)) }
            </ol>
            if props.hits.len() > *shown {
                <button type="button" class="more" onclick={more}>
                    { format!("Show {} more", (props.hits.len() - *shown).min(PAGE_SIZE)) }
                </button>
            }
        </>
    }
}

fn result_item(corpus: &CorpusHandle, hit: &SearchHit, terms: &[String]) -> Html {
    let article = corpus.article(hit.article);
    let title_ranges = dossier_core::snippet::match_ranges(&article.title, terms);
    let snippet = best_snippet(&article.body, terms);
    html! {
        <li class="result">
            <article>
                <h3><a id={result_link_id(hit.article)} href={platform::article_href(&article.id)}>{ highlighted(&article.title, &title_ranges, "match") }</a></h3>
                <p class="meta">
                    <time datetime={article.date.as_str().to_owned()}>{ article.date.human() }</time>
                    if !article.source.is_empty() {
                        <span class="source">{ article.source.clone() }</span>
                    }
                </p>
                <p class="snippet">{ highlighted(&snippet.text, &snippet.highlights, "match") }</p>
            </article>
        </li>
    }
}
