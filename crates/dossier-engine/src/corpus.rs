//! The corpus: a collection in a [`Store`], ready for selections. It holds nothing but
//! the store: what a reader's session remembers between selections (the views kept for
//! the first letters, the last narrowing) is a [`crate::Memo`] its caller owns.

use crate::{
    Article, ArticleId, Collection, Entity, EntityId, EntityKind,
    index::SearchIndex,
    memory::{CorpusError, InMemory, ResolvedMention},
    store::Store,
};

/// A checked, indexed collection, ready for selections, read through its [`Store`]
/// (by default a bundle held whole in memory).
///
/// A bundle whose mentions point at a missing entity, or outside their text, is refused
/// with the evidence:
///
/// ```
/// use dossier_engine::{Corpus, CorpusError};
///
/// let json = r#"{"format_version":1,"collection":{"name":"Bad"},"entities":[],
/// "articles":[{"id":"a","title":"T","date":"2026-01-16","source":"S","body":["Text."],
/// "mentions":[{"entity":"ghost","paragraph":0,"start":0,"end":4}]}]}"#;
/// let error = Corpus::from_json(json).unwrap_err();
/// assert!(matches!(error, CorpusError::UnknownEntity { .. }));
/// assert_eq!(error.to_string(), r#"article "a" mentions unknown entity "ghost""#);
/// ```
#[derive(Debug)]
pub struct Corpus<S = InMemory> {
    store: S,
}

impl Corpus {
    /// Reads and checks a bundle's JSON text, held whole in memory.
    pub fn from_json(text: &str) -> Result<Corpus, CorpusError> {
        Ok(Corpus::new(InMemory::from_json(text)?))
    }

    /// Checks a bundle (unique ids, mentions that point at real entities and text) and
    /// indexes it, held whole in memory.
    pub fn from_bundle(bundle: crate::Bundle) -> Result<Corpus, CorpusError> {
        Ok(Corpus::new(InMemory::from_bundle(bundle)?))
    }

    /// Builds the full-text index anew from the loaded articles, as loading did (for
    /// benchmarks that time the build apart from parsing).
    pub fn build_index(&self) -> SearchIndex {
        self.store.build_index()
    }
}

impl<S: Store> Corpus<S> {
    /// The corpus of a collection in `store`.
    pub fn new(store: S) -> Corpus<S> {
        Corpus { store }
    }

    /// Collection metadata.
    pub fn collection(&self) -> &Collection {
        self.store.collection()
    }

    /// How many articles the collection holds ([`ArticleId`] is below it).
    pub fn article_count(&self) -> usize {
        self.store.article_count()
    }

    /// One article.
    pub fn article(&self, id: ArticleId) -> &Article {
        self.store.article(id)
    }

    /// Finds an article by its stable id; the id of a copy de-duplication folded into an
    /// article finds that article.
    pub fn article_by_key(&self, key: &str) -> Option<ArticleId> {
        let ids = (0..self.article_count() as u32).map(ArticleId);
        ids.clone()
            .find(|&id| self.article(id).id == key)
            .or_else(|| ids.into_iter().find(|&id| self.article(id).copies.iter().any(|copy| copy.id == key)))
    }

    /// The entity table ([`EntityId`] is the position).
    pub fn entities(&self) -> &[Entity] {
        self.store.entities()
    }

    /// One entity.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities()[id.index()]
    }

    /// Finds an entity by its stable id.
    pub fn entity_by_key(&self, key: &str) -> Option<EntityId> {
        self.entities().iter().position(|entity| entity.id == key).map(|index| EntityId(index as u32))
    }

    /// How many articles of the whole collection mention an entity.
    pub fn entity_article_count(&self, id: EntityId) -> u32 {
        self.articles_naming(id).len() as u32
    }

    /// The articles that mention an entity, newest first (ties in collection order).
    pub fn articles_naming(&self, id: EntityId) -> &[ArticleId] {
        self.store.articles_naming(id)
    }

    /// Every entity, in alphabetical order of names.
    pub fn entities_by_name(&self) -> &[EntityId] {
        self.store.entities_by_name()
    }

    /// An entity's kind.
    pub fn entity_kind(&self, id: EntityId) -> EntityKind {
        self.store.entity_kind(id)
    }

    /// An article's mentions with byte ranges, in reading order.
    pub fn mentions(&self, id: ArticleId) -> &[ResolvedMention] {
        self.store.mentions(id)
    }

    /// The distinct entities an article mentions, sorted by id.
    pub fn article_entities(&self, id: ArticleId) -> &[EntityId] {
        self.store.article_entities(id)
    }

    /// All articles, newest first (ties in collection order).
    pub fn newest_first(&self) -> &[ArticleId] {
        self.store.newest_first()
    }

    /// The distinct days articles are dated, oldest first.
    pub fn days(&self) -> &[time::Date] {
        self.store.days()
    }

    /// An article's day as a position in [`Corpus::days`].
    pub fn day_position(&self, id: ArticleId) -> usize {
        self.store.day_position(id)
    }

    /// The full-text index.
    pub fn index(&self) -> &SearchIndex {
        self.store.index()
    }
}
