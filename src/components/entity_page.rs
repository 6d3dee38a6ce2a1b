//! An entity's page: its name, kind and aliases; its mentions over time; the entities
//! that come with it most in the current selection, each a link to its own page; and its
//! articles there, with the sentences that mention it.

use std::ops::Range;

use dossier_engine::{
    DateOrder, EntityId, Selection,
    search::SearchHit,
    selection::EntityFacet,
    snippet::sentence_around,
    timeline::{Histogram, Interval},
};
use yew::prelude::*;

use super::{
    back_to_results::BackToResults,
    corrections::{CorrectEntity, CorrectionsBar, CorrectionsHandle, LikelyDuplicates},
    highlight::highlighted,
    timeline::{EntitySeries, series_strip, time_axis},
};
use crate::{
    route::{Page, Route},
    state::{CorpusHandle, ViewHandle},
    words::{kind_name, number, plural},
};

/// The page's heading id (focused when the page opens).
pub const ENTITY_HEADING_ID: &str = "entity-title";

/// Articles listed on the page; the rest are a click away as a filter.
const ARTICLES_SHOWN: usize = 20;

/// Companions listed.
const COMPANIONS_SHOWN: usize = 12;

/// Sentences quoted from one article.
const SENTENCES_SHOWN: usize = 2;

/// Props of [`EntityPage`].
#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    /// The collection.
    pub corpus: CorpusHandle,
    /// The entity shown.
    pub entity: EntityId,
    /// The current selection's view: the page lists what it holds.
    pub view: ViewHandle,
    /// Whether the current selection narrows the collection.
    pub narrowed: bool,
    /// The result list's part of the address, carried by the page's links.
    pub list_parameters: AttrValue,
    /// Back to the results.
    pub on_close: Callback<()>,
    /// Keep only the articles that mention the entity.
    pub on_filter: Callback<EntityId>,
    /// The reader's corrections.
    pub corrections: CorrectionsHandle,
}

/// One entity's page.
#[component]
pub fn EntityPage(props: &EntityPageProps) -> Html {
    let corpus = &props.corpus;
    let entity = corpus.entity(props.entity);
    // Its articles tell a story: in date order, whatever order the results are in.
    let profile = use_memo((corpus.clone(), props.entity, props.view.clone()), |(corpus, entity, view)| {
        let mut profile = corpus.entity_profile(*entity, &view.hits);
        profile.articles = corpus.in_date_order(&profile.articles, DateOrder::NewestFirst);
        profile
    });
    let strip = mentions_over_time(corpus, props.entity);
    let in_collection = corpus.entity_article_count(props.entity) as usize;
    let here = profile.articles.len();
    let filter = {
        let (on_filter, id) = (props.on_filter.clone(), props.entity);
        Callback::from(move |_: MouseEvent| on_filter.emit(id))
    };
    let parameters = props.list_parameters.as_str();
    html! {
        <article class="entity-page" aria-labelledby={ENTITY_HEADING_ID}>
            <BackToResults on_close={props.on_close.clone()} />
            <p class={classes!("kind", entity.kind.as_str())}>{ kind_name(entity.kind) }</p>
            <h2 id={ENTITY_HEADING_ID} tabindex="-1">{ entity.name.clone() }</h2>
            if !entity.aliases.is_empty() {
                <p class="aliases">{ format!("Also written: {}", entity.aliases.join(", ")) }</p>
            }
            <p class="entity-counts">
                { format!("Mentioned in {}", plural(in_collection, "article", "articles")) }
                if props.narrowed {
                    { format!(", {} of them in the current selection", number(here)) }
                }
                { "." }
            </p>
            <LikelyDuplicates
                corpus={corpus.clone()}
                entity={props.entity}
                handle={props.corrections.clone()}
                list_parameters={props.list_parameters.clone()}
            />
            <CorrectEntity
                corpus={corpus.clone()}
                entity={props.entity}
                handle={props.corrections.clone()}
                list_parameters={props.list_parameters.clone()}
            />
            <CorrectionsBar handle={props.corrections.clone()} />
            <button type="button" class="filter-by" onclick={filter}>{ format!("Show only articles mentioning {}", entity.name) }</button>
            if let Some(strip) = strip {
                <section class="entity-section" aria-labelledby="entity-time">
                    <h3 id="entity-time">{ "Mentions over time" }</h3>
                    { strip }
                </section>
            }
            if !profile.co_occurring.is_empty() {
                { companions(corpus, &profile.co_occurring, here, props.narrowed, parameters) }
            }
            { its_articles(props, &profile.articles) }
        </article>
    }
}

/// The entity's mentions over the whole collection's span, as a strip on the timeline's
/// time axis, with a caption saying the span and the days of its first and last mention
/// (none when the collection has no dates).
fn mentions_over_time(corpus: &CorpusHandle, entity: EntityId) -> Option<Html> {
    let everything = corpus.select(&Selection::default());
    let presence = corpus.entity_timeline(entity);
    let span = everything.timeline.extent()?;
    let histogram = Histogram::new(span, &everything.timeline, &presence);
    let day = |date| Interval::Day.describe(date);
    let mentioned = match presence.extent() {
        Some(range) if range.start == range.end => format!(" Mentioned only on {}.", day(range.start)),
        Some(range) => format!(" First mentioned on {}, last on {}.", day(range.start), day(range.end)),
        None => String::new(),
    };
    let caption =
        format!("By {}, {} (the whole collection).{mentioned}", histogram.interval.name(), histogram.span.human());
    let strip = series_strip(
        &histogram,
        &EntitySeries { name: corpus.entity(entity).name.clone(), presence: presence.clone() },
    );
    Some(html! {
        <figure class="entity-chart">
            { strip }
            { time_axis(&histogram) }
            <figcaption>{ caption }</figcaption>
        </figure>
    })
}

/// The entities mentioned most with it in its `here` articles (of the current selection
/// when `narrowed`), each a link to its own page.
fn companions(
    corpus: &CorpusHandle,
    co_occurring: &[EntityFacet],
    here: usize,
    narrowed: bool,
    parameters: &str,
) -> Html {
    let its = plural(here, "article", "articles");
    let covered = if narrowed {
        format!("Counted in its {its} in the current selection.")
    } else {
        format!("Counted in its {its}.")
    };
    html! {
        <section class="entity-section" aria-labelledby="entity-with">
            <h3 id="entity-with">{ "Often mentioned with it" }</h3>
            <p class="muted">{ covered }</p>
            <ul class="companions">
                { for co_occurring.iter().take(COMPANIONS_SHOWN).map(|facet| {
                    let other = corpus.entity(facet.entity);
                    html! {
                        <li>
                            <a href={Route::entity_link(corpus, facet.entity, parameters)}>{ other.name.clone() }</a>
                            <span class="count">{ format!(" {}", plural(facet.count as usize, "article", "articles")) }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The articles of the current selection that mention it, the first few listed with
/// their sentences that do, the rest a click away as a filter.
fn its_articles(props: &EntityPageProps, articles: &[SearchHit]) -> Html {
    let here = articles.len();
    let parameters = props.list_parameters.as_str();
    html! {
        <section class="entity-section" aria-labelledby="entity-articles">
            <h3 id="entity-articles">{ if props.narrowed { "Its articles in the current selection, newest first" } else { "Its articles, newest first" } }</h3>
            if here == 0 {
                <p class="muted">{ "None in the current selection." }</p>
            }
            <ul class="entity-articles">
                { for articles.iter().take(ARTICLES_SHOWN).map(|hit| article_item(&props.corpus, hit, props.entity, parameters)) }
            </ul>
            if here > ARTICLES_SHOWN {
                <p>{ format!("{} more: ", number(here - ARTICLES_SHOWN)) }
                    <button type="button" class="link-button" onclick={props.on_filter.reform({ let id = props.entity; move |_: MouseEvent| id })}>{ "show them all in the results" }</button>
                </p>
            }
        </section>
    }
}

/// One of its articles: a link to it, its date and the sentences that mention it.
fn article_item(corpus: &CorpusHandle, hit: &SearchHit, entity: EntityId, parameters: &str) -> Html {
    let article = corpus.article(hit.article);
    let sentences = quotes(corpus, hit, entity).into_iter().map(|(paragraph, sentence, range)| {
        let local = range.start - sentence.start..range.end - sentence.start;
        html! { <p class="quote">{ highlighted(&article.body[paragraph][sentence], &[local], "mention") }</p> }
    });
    html! {
        <li>
            <a href={Route::link(Page::Article(&article.id), parameters)}>{ article.title.clone() }</a>
            <time datetime={article.date.as_str().to_owned()}>{ format!(" · {}", article.date.human()) }</time>
            { for sentences }
        </li>
    }
}

/// The sentences of an article quoted for `entity`, at most [`SENTENCES_SHOWN`]: each
/// as its paragraph, its byte range there and the mention's.
fn quotes(corpus: &CorpusHandle, hit: &SearchHit, entity: EntityId) -> Vec<(usize, Range<usize>, Range<usize>)> {
    let article = corpus.article(hit.article);
    // Mentions come in order, so a sentence naming it twice is quoted once by skipping
    // the mentions inside the last one quoted; and the walk stops at the sentences shown,
    // however many it names.
    let mut quotes: Vec<(usize, Range<usize>, Range<usize>)> = Vec::new();
    for mention in corpus.mentions(hit.article).iter().filter(|mention| mention.entity == entity) {
        if quotes.len() == SENTENCES_SHOWN {
            break;
        }
        if quotes.last().is_some_and(|(paragraph, sentence, _)| {
            *paragraph == mention.paragraph && mention.range.start < sentence.end
        }) {
            continue;
        }
        let sentence = sentence_around(&article.body[mention.paragraph], mention.range.clone());
        quotes.push((mention.paragraph, sentence, mention.range.clone()));
    }
    quotes
}
