//! The storage boundary: everything the engine reads of a collection, through one narrow
//! interface. [`crate::memory::InMemory`] holds one bundle read whole from a JSON file;
//! a collection split into pieces for static hosting is another implementation, holding
//! the pieces fetched so far (tantivy's `Directory` plays this part there).
//!
//! What a store gives is read-only and already checked: ids are positions, every
//! mention points at an entity of the table and at text of its article.

use crate::{
    Article, ArticleId, Collection, Entity, EntityId, EntityKind, index::SearchIndex, memory::ResolvedMention,
};

/// Where the engine reads a collection's articles, entities, mentions (the facets) and
/// postings (the index) from.
pub trait Store {
    /// Collection metadata.
    fn collection(&self) -> &Collection;
    /// How many articles it holds; an [`ArticleId`] is below it.
    fn article_count(&self) -> usize;
    /// One article.
    fn article(&self, id: ArticleId) -> &Article;
    /// The entity table ([`EntityId`] is the position).
    fn entities(&self) -> &[Entity];
    /// An article's mentions with byte ranges, in reading order.
    fn mentions(&self, id: ArticleId) -> &[ResolvedMention];
    /// The distinct entities an article mentions, sorted by id.
    fn article_entities(&self, id: ArticleId) -> &[EntityId];
    /// The articles that mention an entity, newest first (ties in collection order).
    fn articles_naming(&self, id: EntityId) -> &[ArticleId];
    /// Every entity, in alphabetical order of names.
    fn entities_by_name(&self) -> &[EntityId];
    /// An entity's kind (read from a compact array: facets count thousands).
    fn entity_kind(&self, id: EntityId) -> EntityKind;
    /// All articles, newest first (ties in collection order).
    fn newest_first(&self) -> &[ArticleId];
    /// The distinct days articles are dated, oldest first.
    fn days(&self) -> &[time::Date];
    /// An article's day as a position in [`Store::days`].
    fn day_position(&self, id: ArticleId) -> usize;
    /// The full-text index: the dictionary and the postings.
    fn index(&self) -> &SearchIndex;
}
