//! The result list: each matching article's title, date, source and best passage with
//! the query's words highlighted, and why it matched; an empty state when nothing matches.

use std::rc::Rc;

use dossier_engine::{
    ArticleId, DateOrder,
    article::month_name,
    index::Field,
    search::{MatchKind, MatchReason, ResolvedQuery, SearchHit, Suggestion},
    snippet::{best_snippet, match_ranges},
};
use yew::prelude::*;

use super::highlight::highlighted;
use crate::{
    platform,
    route::{Page, Route},
    state::{CorpusHandle, SortOrder, ViewHandle},
    words::number,
};

/// Results on a page. Each result costs a snippet and its layout on every keystroke: 10,
/// as search engines show, keeps typing near one frame on large collections.
pub const PAGE_SIZE: usize = 10;

/// The DOM id of an article's link in the result list (focused again when the reader
/// comes back from that article).
pub fn result_link_id(article: ArticleId) -> String {
    format!("result-{}", article.0)
}

/// A view's hits in the order the reader chose: the view's own (ranked, or newest first
/// without a query) shared as they are, or a copy in date order.
#[derive(Clone)]
pub struct OrderedHits {
    view: ViewHandle,
    by_date: Option<Rc<Vec<SearchHit>>>,
}

impl OrderedHits {
    /// The hits, in order.
    pub fn as_slice(&self) -> &[SearchHit] {
        self.by_date.as_deref().map_or(&self.view.hits, Vec::as_slice)
    }
}

impl PartialEq for OrderedHits {
    fn eq(&self, other: &OrderedHits) -> bool {
        let same_copy = match (&self.by_date, &other.by_date) {
            (Some(one), Some(other)) => Rc::ptr_eq(one, other),
            (None, None) => true,
            _ => false,
        };
        self.view == other.view && same_copy
    }
}

/// `view`'s hits in `order`. The view's own order is relevance, which is newest first
/// without a query, so only the other orders make a copy.
pub fn ordered(corpus: &CorpusHandle, view: &ViewHandle, order: SortOrder) -> OrderedHits {
    let by_date = match order {
        SortOrder::Relevance => None,
        SortOrder::Newest if view.query.is_empty() => None,
        SortOrder::Newest => Some(corpus.in_date_order(&view.hits, DateOrder::NewestFirst)),
        SortOrder::Oldest => Some(corpus.in_date_order(&view.hits, DateOrder::OldestFirst)),
    };
    OrderedHits { view: view.clone(), by_date: by_date.map(Rc::new) }
}

/// The number of pages `count` results fill (at least one).
pub fn page_count(count: usize) -> usize {
    count.div_ceil(PAGE_SIZE).max(1)
}

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The selection's view: its hits and the resolved query.
    pub view: ViewHandle,
    /// The hits in the order shown.
    pub hits: OrderedHits,
    /// That order.
    pub order: SortOrder,
    /// The page shown, from 0.
    pub page: usize,
    /// Called with the page to show.
    pub on_page: Callback<usize>,
    /// Called with the order the reader chose.
    pub on_sort: Callback<SortOrder>,
    /// Called when the reader asks to drop every filter.
    pub on_clear: Callback<()>,
    /// Called with the search box text the reader takes from "Did you mean …?".
    pub on_search: Callback<String>,
    /// The search box text, as typed.
    pub typed: AttrValue,
    /// The list's part of the address (`?q=…`), which article links carry so that the
    /// reader comes back to these results.
    pub list_parameters: AttrValue,
}

/// The ordered list of results, a page at a time, under month headings when sorted by
/// date (and a heading only screen readers show when ranked).
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let hits = props.hits.as_slice();
    // A query within reach, as a button that puts it in the search box.
    let offered = |suggestion: &Suggestion| {
        let (on_search, text) = (props.on_search.clone(), suggestion.text.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_search.emit(text.clone()));
        html! { <button type="button" class="link-button" {onclick}>{ suggestion.shown.clone() }</button> }
    };
    if hits.is_empty() {
        let on_clear = props.on_clear.clone();
        let suggestion = props.view.suggestion.as_ref().map(|suggestion| {
            html! { <p class="suggestion">{ "Did you mean " }{ offered(suggestion) }{ "?" }</p> }
        });
        return html! {
            <div class="empty-state">
                <h2>{ "No articles match" }</h2>
                { for suggestion }
                <p>{ "Try fewer or different words, another period, or fewer entity filters." }</p>
                <button type="button" onclick={Callback::from(move |_: MouseEvent| on_clear.emit(()))}>
                    { "Clear search and filters" }
                </button>
            </div>
        };
    }
    let pages = page_count(hits.len());
    let page = props.page.min(pages - 1);
    let shown = &hits[page * PAGE_SIZE..((page + 1) * PAGE_SIZE).min(hits.len())];
    let by_date = props.order != SortOrder::Relevance;
    // Each month's first result carries the month's heading (the list holds results
    // alone: "10 items"). Ranked, the first result carries a heading for the eye of a
    // screen reader only: every result is then the same item in every order, its heading
    // the only part that comes and goes, and a first letter typed (which turns the
    // newest-first list into a ranked one) rewrites their text instead of rebuilding each
    // of them.
    let mut last_month = None;
    let items = shown.iter().enumerate().map(|(at, hit)| {
        let heading = if by_date {
            let date = props.corpus.article(hit.article).date.day();
            let month = (date.year(), date.month());
            (last_month != Some(month)).then(|| {
                last_month = Some(month);
                Heading { text: format!("{} {}", month_name(month.1), month.0), shown: true }
            })
        } else {
            (at == 0).then(|| Heading { text: "Best matches first".to_owned(), shown: false })
        };
        result_item(&props.corpus, hit, heading, &props.view.query, &props.list_parameters)
    });
    // The words as typed matched nothing: the results are the likeliest query's, and
    // say so.
    let corrected = props.view.corrected.as_ref().map(|corrected| {
        html! {
            <p class="corrected">
                { format!("No article matches “{}”. Showing results for ", props.typed.trim()) }
                { offered(corrected) }{ "." }
            </p>
        }
    });
    html! {
        <>
            { for corrected }
            <div class="sort" role="group" aria-label="Sort results">
                <span class="sort-label" aria-hidden="true">{ "Sort:" }</span>
                { for SortOrder::ALL.iter().map(|&order| {
                    let on_sort = props.on_sort.clone();
                    html! {
                        <button type="button" aria-pressed={(order == props.order).to_string()} onclick={Callback::from(move |_: MouseEvent| on_sort.emit(order))}>
                            { order_name(order) }
                        </button>
                    }
                }) }
            </div>
            <ol class="results" aria-label="Matching articles" start={(page > 0).then(|| (page * PAGE_SIZE + 1).to_string())}>
                { for items }
            </ol>
            if pages > 1 {
                { pager(page, pages, &props.on_page) }
            }
        </>
    }
}

/// How a sort order reads on its button.
fn order_name(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Relevance => "Best match",
        SortOrder::Newest => "Newest",
        SortOrder::Oldest => "Oldest",
    }
}

/// First, previous, next and last page, and a box to go to any page.
fn pager(page: usize, pages: usize, on_page: &Callback<usize>) -> Html {
    let go = |to: usize, label: &'static str, text: &'static str, enabled: bool| {
        let on_page = on_page.clone();
        html! {
            <button type="button" aria-label={label} disabled={!enabled} onclick={Callback::from(move |_: MouseEvent| on_page.emit(to))}>{ text }</button>
        }
    };
    // A page number is taken when the field is left, or on Enter.
    let go_to_typed = {
        let on_page = on_page.clone();
        move |event: &Event| {
            if let Ok(wanted) = platform::field_value(event).trim().parse::<usize>() {
                on_page.emit(wanted.clamp(1, pages) - 1);
            }
        }
    };
    let on_change = {
        let go_to_typed = go_to_typed.clone();
        Callback::from(move |event: Event| go_to_typed(&event))
    };
    let on_key = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            go_to_typed(&event);
        }
    });
    html! {
        <nav class="pager" aria-label="Pages of results">
            { go(0, "First page", "«", page > 0) }
            { go(page.saturating_sub(1), "Previous page", "‹ Previous", page > 0) }
            <label class="page-of">
                { "Page " }
                <input type="number" inputmode="numeric" min="1" max={pages.to_string()} value={(page + 1).to_string()} onchange={on_change} onkeydown={on_key} aria-label={format!("Page, of {}", number(pages))} />
                { format!(" of {}", number(pages)) }
            </label>
            { go((page + 1).min(pages - 1), "Next page", "Next ›", page + 1 < pages) }
            { go(pages - 1, "Last page", "»", page + 1 < pages) }
        </nav>
    }
}

/// The heading a result's item opens with, the first of its group: the month of the
/// results from here on when sorted by date, else "Best matches first".
struct Heading {
    text: String,
    /// False for a heading only screen readers read.
    shown: bool,
}

fn result_item(
    corpus: &CorpusHandle,
    hit: &SearchHit,
    heading: Option<Heading>,
    query: &ResolvedQuery,
    list_parameters: &str,
) -> Html {
    let article = corpus.article(hit.article);
    let terms = &query.highlights;
    let title_ranges = match_ranges(&article.title, terms);
    let snippet = best_snippet(&article.body, terms);
    let reasons = corpus.index().explain(query, hit.article);
    let link = html! {
        <a id={result_link_id(hit.article)} href={Route::link(Page::Article(&article.id), list_parameters)}>{ highlighted(&article.title, &title_ranges, "match") }</a>
    };
    html! {
        <li class="result">
            if let Some(Heading { text, shown }) = heading {
                <h2 class={if shown { "period-heading" } else { "period-heading visually-hidden" }}>{ text }</h2>
            }
            <article>
                <h3>{ link }</h3>
                <p class="meta">
                    <time datetime={article.date.as_str().to_owned()}>{ article.date.human() }</time>
                    if !article.source.is_empty() {
                        <span class="source">{ article.source.clone() }</span>
                    }
                </p>
                <p class="snippet">{ highlighted(&snippet.text, &snippet.highlights, "match") }</p>
                // Hidden rather than left out without a query, for the same reason.
                <p class="why" hidden={reasons.is_empty()}>
                    <span class="why-label">{ "Matched: " }</span>
                    { reasons.iter().map(reason_text).collect::<Vec<_>>().join("; ") }
                </p>
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
        MatchKind::Related => format!("{} as {} (related word)", reason.typed, reason.matched),
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
