//! The in-memory store: one bundle read whole (one JSON file), checked for consistency
//! and indexed, with mentions resolved to entity ids and byte ranges.

use std::{collections::HashMap, ops::Range};

use crate::{
    Article, ArticleId, Bundle, BundleError, Collection, Entity, EntityId, EntityKind,
    index::{Document, SearchIndex},
    order,
    store::Store,
};

/// A bundle held whole in memory: what one JSON file gives.
#[derive(Debug)]
pub struct InMemory {
    collection: Collection,
    articles: Vec<Article>,
    entities: Vec<Entity>,
    mentions: Vec<Vec<ResolvedMention>>,
    article_entities: Vec<Vec<EntityId>>,
    /// The articles mentioning each entity, newest first, every entity's in one array
    /// (`entity_articles[entity_articles_at[e]..entity_articles_at[e + 1]]`): choosing an
    /// entity starts from its articles instead of testing every article.
    entity_articles: Vec<ArticleId>,
    entity_articles_at: Vec<u32>,
    /// The entities in alphabetical order of names.
    entities_by_name: Vec<EntityId>,
    /// Each entity's kind, apart from its record: facets count the kinds of thousands of
    /// entities in a compact array.
    entity_kinds: Vec<EntityKind>,
    newest_first: Vec<ArticleId>,
    /// The distinct days articles are dated, oldest first.
    days: Vec<time::Date>,
    /// Each article's day, as a position in `days` (timelines count into an array).
    article_days: Vec<u32>,
    index: SearchIndex,
}

/// A [`crate::Mention`] resolved for rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedMention {
    /// The entity named.
    pub entity: EntityId,
    /// Index of the paragraph in the article's body.
    pub paragraph: usize,
    /// Byte range inside that paragraph.
    pub range: Range<usize>,
}

/// Why a bundle's content is inconsistent.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The bundle could not be read at all.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// Two articles share an id.
    #[error("two articles have the id {id:?}")]
    DuplicateArticle {
        /// The repeated id.
        id: String,
    },
    /// Two entities share an id.
    #[error("two entities have the id {id:?}")]
    DuplicateEntity {
        /// The repeated id.
        id: String,
    },
    /// A mention names an entity missing from the entity table.
    #[error("article {article:?} mentions unknown entity {entity:?}")]
    UnknownEntity {
        /// The article's id.
        article: String,
        /// The missing entity id.
        entity: String,
    },
    /// A mention's offsets fall outside its paragraph.
    #[error("article {article:?} has a mention outside its text (paragraph {paragraph}, characters {start}..{end})")]
    MentionOutOfRange {
        /// The article's id.
        article: String,
        /// The paragraph index given.
        paragraph: u32,
        /// The start offset given.
        start: u32,
        /// The end offset given.
        end: u32,
    },
}

impl InMemory {
    /// Reads and checks a bundle's JSON text.
    pub fn from_json(text: &str) -> Result<InMemory, CorpusError> {
        InMemory::from_bundle(Bundle::from_json(text)?)
    }

    /// Checks a bundle (unique ids, mentions that point at real entities and text) and
    /// indexes it.
    pub fn from_bundle(bundle: Bundle) -> Result<InMemory, CorpusError> {
        let Bundle { collection, entities, articles, .. } = bundle;
        let mut entity_ids: HashMap<&str, EntityId> = HashMap::with_capacity(entities.len());
        for (index, entity) in entities.iter().enumerate() {
            let id = EntityId(position(index));
            if entity_ids.insert(entity.id.as_str(), id).is_some() {
                return Err(CorpusError::DuplicateEntity { id: entity.id.clone() });
            }
        }
        let mut article_ids: HashMap<&str, ()> = HashMap::with_capacity(articles.len());
        let mut mentions = Vec::with_capacity(articles.len());
        let mut article_entities = Vec::with_capacity(articles.len());
        for article in &articles {
            if article_ids.insert(article.id.as_str(), ()).is_some() {
                return Err(CorpusError::DuplicateArticle { id: article.id.clone() });
            }
            let resolved = resolve_mentions(article, &entity_ids)?;
            let mut named: Vec<u32> = resolved.iter().map(|mention| mention.entity.0).collect();
            named.sort_unstable();
            named.dedup();
            mentions.push(resolved);
            article_entities.push(named.into_iter().map(EntityId).collect());
        }
        let mut newest_first: Vec<u32> = (0..position(articles.len())).collect();
        let date = |article: u32| &articles[article as usize].date;
        order::sort_by(&mut newest_first, &|a, b| date(b).cmp(date(a)).then(a.cmp(&b)));
        let newest_first: Vec<ArticleId> = newest_first.into_iter().map(ArticleId).collect();
        let index = build_index(&articles, &entities, &article_entities);
        let (entity_articles, entity_articles_at) =
            articles_by_entity(entities.len(), &newest_first, &article_entities);
        let mut by_name: Vec<u32> = (0..position(entities.len())).collect();
        let name = |entity: u32| &entities[entity as usize].name;
        order::sort_by(&mut by_name, &|a, b| name(a).cmp(name(b)).then(a.cmp(&b)));
        let entities_by_name = by_name.into_iter().map(EntityId).collect();
        let entity_kinds = entities.iter().map(|entity| entity.kind).collect();
        // As Julian day numbers (positive since 4713 BC): plain numbers sort without a
        // comparator of their own.
        let mut days: Vec<u32> = articles.iter().map(|article| article.date.day().to_julian_day() as u32).collect();
        days.sort_unstable();
        days.dedup();
        let days: Vec<time::Date> =
            days.into_iter().filter_map(|day| time::Date::from_julian_day(day as i32).ok()).collect();
        let article_days = articles
            .iter()
            .map(|article| position(days.binary_search(&article.date.day()).unwrap_or_default()))
            .collect();
        Ok(InMemory {
            collection,
            articles,
            entities,
            mentions,
            article_entities,
            entity_articles,
            entity_articles_at,
            entities_by_name,
            entity_kinds,
            newest_first,
            days,
            article_days,
            index,
        })
    }

    /// Builds the full-text index anew from the loaded articles, as loading did (for
    /// benchmarks that time the build apart from parsing).
    pub fn build_index(&self) -> SearchIndex {
        build_index(&self.articles, &self.entities, &self.article_entities)
    }
}

impl Store for InMemory {
    fn collection(&self) -> &Collection {
        &self.collection
    }

    fn article_count(&self) -> usize {
        self.articles.len()
    }

    fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }

    fn entities(&self) -> &[Entity] {
        &self.entities
    }

    fn mentions(&self, id: ArticleId) -> &[ResolvedMention] {
        &self.mentions[id.index()]
    }

    fn article_entities(&self, id: ArticleId) -> &[EntityId] {
        &self.article_entities[id.index()]
    }

    fn articles_naming(&self, id: EntityId) -> &[ArticleId] {
        let (start, end) = (self.entity_articles_at[id.index()], self.entity_articles_at[id.index() + 1]);
        &self.entity_articles[start as usize..end as usize]
    }

    fn entities_by_name(&self) -> &[EntityId] {
        &self.entities_by_name
    }

    fn entity_kind(&self, id: EntityId) -> EntityKind {
        self.entity_kinds[id.index()]
    }

    fn newest_first(&self) -> &[ArticleId] {
        &self.newest_first
    }

    fn days(&self) -> &[time::Date] {
        &self.days
    }

    fn day_position(&self, id: ArticleId) -> usize {
        self.article_days[id.index()] as usize
    }

    fn index(&self) -> &SearchIndex {
        &self.index
    }
}

/// Each entity's articles in the order of `newest_first`, all in one array, and where
/// each entity's start (one more than there are entities: the last is the end).
fn articles_by_entity(
    entities: usize,
    newest_first: &[ArticleId],
    article_entities: &[Vec<EntityId>],
) -> (Vec<ArticleId>, Vec<u32>) {
    let mut at = vec![0u32; entities + 1];
    for named in article_entities {
        for entity in named {
            at[entity.index() + 1] += 1;
        }
    }
    for entity in 0..entities {
        at[entity + 1] += at[entity];
    }
    let mut next = at.clone();
    let mut articles = vec![ArticleId(0); at[entities] as usize];
    for &article in newest_first {
        for entity in &article_entities[article.index()] {
            articles[next[entity.index()] as usize] = article;
            next[entity.index()] += 1;
        }
    }
    (articles, at)
}

/// Indexes titles, bodies, sources and the names of the entities each article mentions.
fn build_index(articles: &[Article], entities: &[Entity], article_entities: &[Vec<EntityId>]) -> SearchIndex {
    let names: Vec<Vec<&str>> = article_entities
        .iter()
        .map(|named| named.iter().map(|entity| entities[entity.index()].name.as_str()).collect())
        .collect();
    let documents: Vec<Document<'_>> = articles
        .iter()
        .zip(&names)
        .map(|(article, names)| Document {
            title: &article.title,
            body: &article.body,
            entity_names: names,
            source: &article.source,
        })
        .collect();
    SearchIndex::build(&documents)
}

/// An index as the `u32` inside ids (a bundle cannot hold 4 billion articles in memory).
fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Converts an article's character-offset mentions to byte ranges, checking each. They
/// are sorted first, so that each paragraph is walked once to find the starts however
/// many mentions it holds (walking it from its start for each mention took minutes over
/// a paragraph naming someone 100,000 times), and each end from its start.
fn resolve_mentions(
    article: &Article,
    entity_ids: &HashMap<&str, EntityId>,
) -> Result<Vec<ResolvedMention>, CorpusError> {
    let out_of_range = |paragraph: usize, range: &Range<usize>| CorpusError::MentionOutOfRange {
        article: article.id.clone(),
        paragraph: paragraph as u32,
        start: range.start as u32,
        end: range.end as u32,
    };
    let mut resolved = Vec::with_capacity(article.mentions.len());
    for mention in &article.mentions {
        let Some(&entity) = entity_ids.get(mention.entity.as_str()) else {
            return Err(CorpusError::UnknownEntity { article: article.id.clone(), entity: mention.entity.clone() });
        };
        // Character offsets until the walk below.
        let mention = ResolvedMention {
            entity,
            paragraph: mention.paragraph as usize,
            range: mention.start as usize..mention.end as usize,
        };
        if mention.paragraph >= article.body.len() || mention.range.is_empty() {
            return Err(out_of_range(mention.paragraph, &mention.range));
        }
        resolved.push(mention);
    }
    let key = |at: u32| {
        let mention: &ResolvedMention = &resolved[at as usize];
        (mention.paragraph, mention.range.start, mention.range.end, mention.entity)
    };
    let mut reading_order: Vec<u32> = (0..position(resolved.len())).collect();
    order::sort_by(&mut reading_order, &|a, b| key(a).cmp(&key(b)));
    let mut resolved = order::take(resolved, &reading_order);
    // Where the walk is: paragraph, characters passed, byte offset.
    let (mut paragraph, mut chars, mut at) = (usize::MAX, 0, 0);
    for mention in &mut resolved {
        let text = &article.body[mention.paragraph];
        if mention.paragraph != paragraph {
            (paragraph, chars, at) = (mention.paragraph, 0, 0);
        }
        let start = advance(text, at, mention.range.start - chars);
        let end = start.and_then(|start| advance(text, start, mention.range.len()));
        let (Some(start), Some(end)) = (start, end) else {
            return Err(out_of_range(mention.paragraph, &mention.range));
        };
        (chars, at) = (mention.range.start, start);
        mention.range = start..end;
    }
    Ok(resolved)
}

/// The byte offset `chars` characters after byte `at` of `text` (`None` past its end).
fn advance(text: &str, at: usize, chars: usize) -> Option<usize> {
    text[at..].char_indices().map(|(offset, _)| at + offset).chain(std::iter::once(text.len())).nth(chars)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{Corpus, EntityKind, Mention, fixtures};

    /// Each entity of the shared fixture collection as `kind name (aliases): articles`.
    fn entity_summary(corpus: &Corpus) -> Vec<String> {
        (0..corpus.entities().len())
            .map(|index| {
                let id = EntityId(index as u32);
                let entity = corpus.entity(id);
                let aliases =
                    if entity.aliases.is_empty() { String::new() } else { format!(" ({})", entity.aliases.join(", ")) };
                format!("{} {}{aliases}: {}", entity.kind, entity.name, corpus.entity_article_count(id))
            })
            .collect()
    }

    #[test]
    fn the_fixture_collection_has_the_entities_the_extractor_finds() {
        expect_test::expect![[r#"
            [
                "person Claudia Sheinbaum: 1",
                "person Nicolás Maduro: 1",
                "place Mexico (México): 2",
                "place Texas: 1",
                "place United States (U.S.): 1",
                "place Venezuela: 1",
            ]
        "#]]
        .assert_debug_eq(&entity_summary(&fixtures::corpus()));
    }

    #[test]
    fn a_folded_copys_id_finds_the_article_it_was_folded_into() {
        let json = r#"{"format_version":2,"collection":{"name":"Wire"},"entities":[],
            "articles":[{"id":"kept","title":"Rates rise","date":"2026-01-16","body":["Rates rose."],
            "copies":[{"id":"copy","title":"Rates up","date":"2026-01-16","source":"Other"}]},
            {"id":"other","title":"Wheat","date":"2026-01-17","body":["Wheat fell."],"summary":true}]}"#;
        let corpus = Corpus::from_json(json).expect("a version 2 bundle");
        let kept = corpus.article_by_key("kept").expect("the kept article");
        assert_eq!(corpus.article_by_key("copy"), Some(kept));
        assert_eq!(corpus.article_by_key("missing"), None);
        let other = corpus.article_by_key("other").expect("its own id");
        assert!(corpus.article(other).summary && !corpus.article(kept).summary);
    }

    #[test]
    fn mentions_become_byte_ranges_over_multibyte_text() {
        let corpus = fixtures::corpus();
        let article = corpus.article_by_key("mexico-cartels").expect("fixture article");
        let body = &corpus.article(article).body;
        let ranges: Vec<&str> =
            corpus.mentions(article).iter().map(|mention| &body[mention.paragraph][mention.range.clone()]).collect();
        assert_eq!(ranges, ["Claudia Sheinbaum", "U.S.", "México"]);
        let mexico = corpus.entity_by_key("mexico").expect("Mexico is an entity");
        assert_eq!(corpus.entity_article_count(mexico), 2);
        let maduro = corpus.article_by_key("maduro-arrested").expect("fixture article");
        let named: Vec<&str> =
            corpus.article_entities(maduro).iter().map(|&entity| corpus.entity(entity).name.as_str()).collect();
        assert_eq!(named, ["Nicolás Maduro", "Mexico", "Venezuela"]);
    }

    #[test]
    fn newest_first_orders_by_date() {
        let corpus = fixtures::corpus();
        let order: Vec<&str> = corpus.newest_first().iter().map(|&id| corpus.article(id).id.as_str()).collect();
        assert_eq!(
            order,
            ["cartography", "fentanyl-seizures", "mexico-cartels", "maduro-arrested", "cartel-banks", "weather"]
        );
    }

    #[test]
    fn inconsistent_bundles_are_rejected_with_the_evidence() {
        let check = |bundle: Bundle, expected: &str| {
            let error = Corpus::from_bundle(bundle).expect_err("inconsistent");
            assert_eq!(error.to_string(), expected);
        };
        let mut duplicate = fixtures::bundle();
        duplicate.articles[1].id = "cartel-banks".into();
        check(duplicate, "two articles have the id \"cartel-banks\"");
        let mut twice = fixtures::bundle();
        let first = twice.entities[0].clone();
        twice.entities.push(first.clone());
        check(twice, &format!("two entities have the id {:?}", first.id));
        let mut unknown = fixtures::bundle();
        unknown.articles[0].mentions = vec![Mention { entity: "ghost".into(), paragraph: 0, start: 0, end: 1 }];
        check(unknown, "article \"cartel-banks\" mentions unknown entity \"ghost\"");
        let mut outside = Bundle::new(Collection::default());
        outside.articles = fixtures::articles();
        outside.entities = one_place();
        outside.articles[5].mentions = vec![Mention { entity: "e".into(), paragraph: 0, start: 5, end: 500 }];
        check(outside.clone(), "article \"weather\" has a mention outside its text (paragraph 0, characters 5..500)");
        let mut no_paragraph = outside.clone();
        no_paragraph.articles[5].mentions = vec![Mention { entity: "e".into(), paragraph: 3, start: 0, end: 1 }];
        check(no_paragraph, "article \"weather\" has a mention outside its text (paragraph 3, characters 0..1)");
    }

    /// An entity table of one place, `e`.
    fn one_place() -> Vec<Entity> {
        vec![Entity { id: "e".into(), kind: EntityKind::Place, name: "E".into(), aliases: vec![] }]
    }
}
