//! The reader's selection (query, chosen entities, date range) and what it shows: the
//! matching articles, entity facet counts and timeline buckets, from one call.

use std::sync::{Arc, Mutex, OnceLock};

use time::{Date, Month};

use crate::{
    ArticleId, Corpus, EntityId, EntityKind,
    article::month_name,
    query,
    search::{ResolvedQuery, SearchHit, Suggestion},
    store::Store,
    timeline::Timeline,
};

/// An inclusive range of days.
///
/// ```
/// use dossier_engine::DateRange;
/// use time::{Date, Month};
///
/// let march = DateRange::month(1987, Month::March).unwrap();
/// assert!(march.is_month());
/// assert_eq!(march.human(), "March 1987");
/// let day = Date::from_calendar_date(1987, Month::March, 2).unwrap();
/// assert!(march.contains(day));
/// let span = march.span(&DateRange::day(Date::from_calendar_date(1987, Month::April, 10).unwrap()));
/// assert_eq!(span.human(), "from 1 March to 10 April 1987");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day included.
    pub start: Date,
    /// Last day included.
    pub end: Date,
}

impl DateRange {
    /// One day.
    pub fn day(day: Date) -> DateRange {
        DateRange { start: day, end: day }
    }

    /// A whole calendar month (`None` for an impossible year).
    pub fn month(year: i32, month: Month) -> Option<DateRange> {
        let start = Date::from_calendar_date(year, month, 1).ok()?;
        let end = Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
        Some(DateRange { start, end })
    }

    /// Whether `day` falls inside.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the two ranges share a day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The smallest range covering both (a period extended to another month).
    pub fn span(&self, other: &DateRange) -> DateRange {
        DateRange { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The period as a reader says it, after "in", "on" or on its own: "16 January 2026",
    /// "January 2026", "from 2 to 14 March 1987", "from January to March 2026", "from 28
    /// December 1986 to 3 January 1987". The year is said once when both ends share it.
    pub fn human(&self) -> String {
        let (start, end) = (self.start, self.end);
        let month = |date: Date| month_name(date.month());
        if start == end {
            return format!("{} {} {}", start.day(), month(start), start.year());
        }
        let whole_months = start.day() == 1 && end.next_day().is_none_or(|next| next.day() == 1);
        if whole_months && (start.year(), start.month()) == (end.year(), end.month()) {
            return format!("{} {}", month(start), start.year());
        }
        let same_year = start.year() == end.year();
        if whole_months {
            return match same_year {
                true => format!("from {} to {} {}", month(start), month(end), end.year()),
                false => format!("from {} {} to {} {}", month(start), start.year(), month(end), end.year()),
            };
        }
        let first = match (same_year, start.month() == end.month()) {
            (true, true) => start.day().to_string(),
            (true, false) => format!("{} {}", start.day(), month(start)),
            (false, _) => format!("{} {} {}", start.day(), month(start), start.year()),
        };
        format!("from {first} to {} {} {}", end.day(), month(end), end.year())
    }

    /// Whether the range is exactly one calendar month.
    pub fn is_month(&self) -> bool {
        DateRange::month(self.start.year(), self.start.month()) == Some(*self)
    }
}

/// The letter of a selection that is one letter or digit typed and nothing else (any
/// case: `C` and `c` search alike), as a [`Memo`] keeps those views.
fn first_letter(selection: &Selection) -> Option<char> {
    let mut chars = selection.query.chars();
    let letter = chars.next().filter(char::is_ascii_alphanumeric)?;
    let alone = chars.next().is_none() && !selection.names_entities() && selection.range.is_none();
    alone.then(|| letter.to_ascii_lowercase())
}

/// What the reader has asked for. The empty selection shows everything.
///
/// ```
/// use dossier_engine::{Corpus, DateRange, EntityMatch, Selection};
/// use time::Month;
///
/// let json = r#"{"format_version":1,"collection":{"name":"Sugar"},
/// "entities":[{"id":"cuba","kind":"place","name":"Cuba","aliases":[]}],
/// "articles":[
/// {"id":"a","title":"Cuba sugar harvest falls","date":"1987-03-02","source":"Wire",
///  "body":["Cuba's sugar harvest fell short."],"mentions":[{"entity":"cuba","paragraph":0,"start":0,"end":4}]},
/// {"id":"b","title":"Coffee prices steady","date":"1987-04-10","source":"Wire",
///  "body":["Coffee prices held."],"mentions":[]}]}"#;
/// let corpus = Corpus::from_json(json)?;
/// let cuba = corpus.entity_by_key("cuba").unwrap();
/// // Articles naming Cuba, in March 1987.
/// let selection = Selection {
///     entities: vec![cuba],
///     entity_match: EntityMatch::All,
///     range: DateRange::month(1987, Month::March),
///     ..Selection::default()
/// };
/// assert_eq!(corpus.select(&selection).hits.len(), 1);
/// // Everything but the articles naming Cuba.
/// let others = corpus.select(&Selection { excluded: vec![cuba], ..Selection::default() });
/// assert_eq!(corpus.article(others.hits[0].article).id, "b");
/// # Ok::<(), dossier_engine::CorpusError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Search box text, in the [`crate::query`] language: every word must match.
    pub query: String,
    /// Entities the shown articles must mention: all of them, or any one
    /// ([`Selection::entity_match`]).
    pub entities: Vec<EntityId>,
    /// Entities no shown article may mention.
    pub excluded: Vec<EntityId>,
    /// Whether an article must mention all of [`Selection::entities`] or any one.
    pub entity_match: EntityMatch,
    /// Period the articles must fall in.
    pub range: Option<DateRange>,
}

/// How the chosen entities combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EntityMatch {
    /// An article must mention every chosen entity.
    #[default]
    All,
    /// An article must mention at least one.
    Any,
}

impl Selection {
    /// Whether the selection filters by entity at all.
    pub fn names_entities(&self) -> bool {
        !self.entities.is_empty() || !self.excluded.is_empty()
    }
}

/// The articles matching a query and entities before any period is applied: what a
/// change of period alone starts from.
#[derive(Debug)]
pub(crate) struct Narrowed {
    query_text: String,
    entities: (Vec<EntityId>, Vec<EntityId>, EntityMatch),
    query: ResolvedQuery,
    hits: Vec<SearchHit>,
    timeline: Timeline,
    /// The query the hits are for when the one typed matched no article.
    corrected: Option<Suggestion>,
    /// The likeliest query within reach when the one typed matched no article (it is
    /// [`Self::corrected`] too when it matches under the entity filters).
    offer: Option<Suggestion>,
}

/// What a view's hits were taken from: the articles narrowed by query and entities, and
/// the period applied to them. Two views of one narrowing differ only in their period.
#[derive(Clone, Debug)]
struct Origin {
    narrowed: Arc<Narrowed>,
    range: Option<DateRange>,
    /// Where the counts of the last view of the memo it was made with are kept.
    counted: Arc<Mutex<Option<Counted>>>,
}

/// Entity counts over a view's hits, kept so that the next view of the same narrowing
/// (a period dragged along the timeline) is counted from the articles entering and
/// leaving the period instead of from every article in it.
#[derive(Debug)]
pub(crate) struct Counted {
    origin: Origin,
    counts: Vec<u32>,
}

/// What a reader's session remembers between selections, so that the next one is
/// quicker: the view of everything and of each first letter typed, computed once; the
/// articles of the last query and entities, which a period dragged along the timeline
/// starts from; and the last facet counts, which it moves instead of counting afresh.
///
/// Owned by whoever asks for selections in a row (the app keeps one per loaded
/// collection) and passed to [`Corpus::select_in`]; the corpus itself remembers nothing.
#[derive(Debug, Default)]
pub struct Memo {
    /// The view of the empty selection, once asked for.
    everything: OnceLock<Arc<SelectionView>>,
    /// Views of the one-letter queries asked for or warmed so far.
    first_letters: Mutex<Vec<(char, Arc<SelectionView>)>>,
    /// The articles of the last query and entities asked for, before any period.
    last_narrowed: Mutex<Option<Arc<Narrowed>>>,
    /// The entity counts of the last view whose facets were asked for.
    last_counted: Arc<Mutex<Option<Counted>>>,
}

impl Memo {
    /// The view of a one-letter query (lowercase ASCII), computed once: the first letter
    /// typed matches the most articles, so it is the slowest state of typing and the most
    /// common one.
    fn first_letter(&self, letter: char, compute: impl FnOnce() -> SelectionView) -> Arc<SelectionView> {
        let cached = |views: &[(char, Arc<SelectionView>)]| {
            views.iter().find(|(cached, _)| *cached == letter).map(|(_, view)| Arc::clone(view))
        };
        if let Some(view) = self.first_letters.lock().ok().and_then(|views| cached(&views)) {
            return view;
        }
        let view = Arc::new(compute());
        if let Ok(mut views) = self.first_letters.lock() {
            if cached(&views).is_none() {
                views.push((letter, Arc::clone(&view)));
            }
        }
        view
    }

    /// The last query and entities narrowed, if `matches` says they are the ones asked for.
    fn last_narrowed(&self, matches: impl Fn(&Narrowed) -> bool) -> Option<Arc<Narrowed>> {
        self.last_narrowed.lock().ok()?.as_ref().filter(|narrowed| matches(narrowed)).cloned()
    }

    /// Keeps `narrowed` as the last query and entities narrowed.
    fn keep_narrowed(&self, narrowed: &Arc<Narrowed>) {
        if let Ok(mut last) = self.last_narrowed.lock() {
            *last = Some(Arc::clone(narrowed));
        }
    }
}

/// Which end of time a date-sorted result list starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// The latest articles first.
    NewestFirst,
    /// The earliest articles first.
    OldestFirst,
}

/// How many of the selected articles mention one entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityFacet {
    /// The entity.
    pub entity: EntityId,
    /// Selected articles that mention it.
    pub count: u32,
}

/// What an entity's page shows within a view: the view's articles that mention it, and
/// the entities those articles mention with it, most often first.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityProfile {
    /// The view's hits that mention the entity, in the view's order.
    pub articles: Vec<SearchHit>,
    /// Other entities those articles mention, with how many of them do.
    pub co_occurring: Vec<EntityFacet>,
}

/// A view's facets, counted once.
#[derive(Clone, Debug, PartialEq)]
struct Facets {
    /// Most frequent first, then by name.
    sorted: Vec<EntityFacet>,
    /// How many of them are of each kind.
    per_kind: [usize; EntityKind::ALL.len()],
}

/// Everything the viewer shows for a selection.
///
/// ```
/// use dossier_engine::{Corpus, Selection};
///
/// let json = r#"{"format_version":1,"collection":{"name":"Sugar"},
/// "entities":[{"id":"cuba","kind":"place","name":"Cuba","aliases":[]}],
/// "articles":[
/// {"id":"a","title":"Cuba sugar harvest falls","date":"1987-03-02","source":"Wire",
///  "body":["Cuba's sugar harvest fell short."],"mentions":[{"entity":"cuba","paragraph":0,"start":0,"end":4}]},
/// {"id":"b","title":"Coffee prices steady","date":"1987-04-10","source":"Wire",
///  "body":["Coffee prices held."],"mentions":[]}]}"#;
/// let corpus = Corpus::from_json(json)?;
/// let view = corpus.select(&Selection::default());
/// assert_eq!(view.hits.len(), 2);
/// // Newest first without a query.
/// assert_eq!(corpus.article(view.hits[0].article).id, "b");
/// // The entities the shown articles name, counted when first asked for.
/// let facets = corpus.facets_of(&view);
/// assert_eq!((corpus.entity(facets[0].entity).name.as_str(), facets[0].count), ("Cuba", 1));
/// # Ok::<(), dossier_engine::CorpusError>(())
/// ```
#[derive(Clone, Debug)]
pub struct SelectionView {
    /// Matching articles: by relevance with a query, else newest first.
    pub hits: Vec<SearchHit>,
    /// The query resolved against the dictionary: its [`ResolvedQuery::highlights`] are
    /// the words to mark, and [`crate::index::SearchIndex::explain`] takes it.
    pub query: ResolvedQuery,
    /// Entities mentioned by the matching articles, most frequent first (then by name):
    /// counted when first asked for ([`Corpus::facets_of`]), which a viewer can do after
    /// it has shown the hits.
    facets: OnceLock<Facets>,
    /// Buckets of the articles matching query and entities, ignoring the date range so
    /// the reader sees every period they could move to.
    pub timeline: Timeline,
    /// Articles in the whole collection.
    pub collection_size: usize,
    /// When nothing matches, not even the likeliest query within reach of the one typed
    /// (only in the period chosen, say): that query ("Did you mean Dauster?").
    pub suggestion: Option<Suggestion>,
    /// When the query as typed matched no article, whatever the period, and a likelier
    /// one does ([`crate::index::SearchIndex::suggest`]): the query these hits, this
    /// timeline and [`Self::query`] are for ("No article has fuel oll; showing fuel oil").
    pub corrected: Option<Suggestion>,
    origin: Origin,
}

/// Two views are equal when what they show is: their hits, query, timeline and
/// suggestion (facets follow from the hits), wherever they were taken from.
impl PartialEq for SelectionView {
    fn eq(&self, other: &SelectionView) -> bool {
        self.hits == other.hits
            && self.query == other.query
            && self.timeline == other.timeline
            && self.collection_size == other.collection_size
            && self.suggestion == other.suggestion
            && self.corrected == other.corrected
    }
}

impl<S: Store> Corpus<S> {
    /// Applies a selection: the query, then the entity filters, then the date range,
    /// remembering nothing (one search from the command line).
    pub fn select(&self, selection: &Selection) -> Arc<SelectionView> {
        self.select_in(selection, &Memo::default())
    }

    /// [`Corpus::select`] in a reader's session: the views asked for most (everything;
    /// one letter) are kept in `memo` and handed out again without a copy, and a change
    /// of period alone starts from the articles of the one before.
    pub fn select_in(&self, selection: &Selection, memo: &Memo) -> Arc<SelectionView> {
        let parsed = query::parse(&selection.query);
        let everything = parsed.is_empty() && !selection.names_entities() && selection.range.is_none();
        if everything {
            // The view of the whole collection, shown first and after every "clear",
            // never changes: computed once.
            return Arc::clone(memo.everything.get_or_init(|| Arc::new(self.compute(selection, parsed, memo))));
        }
        if let Some(letter) = first_letter(selection) {
            return memo.first_letter(letter, || self.compute(selection, parsed, memo));
        }
        Arc::new(self.compute(selection, parsed, memo))
    }

    /// The entities `view`'s articles mention, with how many of them do, most frequent
    /// first (then by name). Counted on the first call, kept for the next ones.
    pub fn facets_of<'view>(&self, view: &'view SelectionView) -> &'view [EntityFacet] {
        &self.counted_facets(view).sorted
    }

    /// How many entities of each kind (in [`EntityKind::ALL`]'s order) [`Corpus::facets_of`]
    /// lists: a viewer showing the first few of each kind knows the rest without going
    /// through thousands.
    pub fn facets_per_kind(&self, view: &SelectionView) -> [usize; EntityKind::ALL.len()] {
        self.counted_facets(view).per_kind
    }

    fn counted_facets<'view>(&self, view: &'view SelectionView) -> &'view Facets {
        view.facets.get_or_init(|| {
            let mut last = view.origin.counted.lock().ok();
            let kept = last.as_mut().and_then(|last| last.take());
            let counts = match kept {
                // Moving the counts costs the articles entering or leaving the period,
                // counting afresh the articles in it: the cheaper is taken (a first bar
                // clicked on a collection of years leaves almost every article out).
                Some(Counted { origin, mut counts })
                    if Arc::ptr_eq(&origin.narrowed, &view.origin.narrowed)
                        && self.crossing(&origin.narrowed.hits, origin.range, view.origin.range).count()
                            <= view.hits.len() =>
                {
                    self.move_period(&mut counts, &origin.narrowed.hits, origin.range, view.origin.range);
                    counts
                }
                _ => self.counts(&view.hits),
            };
            let facets = self.sorted_facets(&counts);
            if let Some(last) = last.as_mut() {
                **last = Some(Counted { origin: view.origin.clone(), counts });
            }
            facets
        })
    }

    /// Computes and keeps in `memo` the view of a one-letter query ahead of the reader
    /// typing it (the app does every letter and digit while idle after loading). Other
    /// characters are ignored.
    pub fn warm_first_letter(&self, letter: char, memo: &Memo) {
        if letter.is_ascii_alphanumeric() {
            let query = letter.to_ascii_lowercase().to_string();
            self.select_in(&Selection { query, ..Selection::default() }, memo);
        }
    }

    fn compute(&self, selection: &Selection, parsed: query::Query, memo: &Memo) -> SelectionView {
        let same = |narrowed: &Narrowed| {
            let (entities, excluded, entity_match) = &narrowed.entities;
            narrowed.query_text == selection.query
                && *entities == selection.entities
                && *excluded == selection.excluded
                && *entity_match == selection.entity_match
        };
        let narrowed = match memo.last_narrowed(same) {
            Some(narrowed) => narrowed,
            None => {
                let narrowed = Arc::new(self.narrow(selection, parsed));
                memo.keep_narrowed(&narrowed);
                narrowed
            }
        };
        let hits: Vec<SearchHit> = match selection.range {
            Some(range) => {
                let days = self.day_positions(Some(range));
                narrowed.hits.iter().filter(|hit| days.contains(&self.day_position(hit.article))).copied().collect()
            }
            None => narrowed.hits.clone(),
        };
        let suggestion = if hits.is_empty() { narrowed.offer.clone() } else { None };
        SelectionView {
            hits,
            suggestion,
            corrected: narrowed.corrected.clone(),
            query: narrowed.query.clone(),
            facets: OnceLock::new(),
            timeline: narrowed.timeline.clone(),
            collection_size: self.article_count(),
            origin: Origin { narrowed, range: selection.range, counted: Arc::clone(&memo.last_counted) },
        }
    }

    /// The articles matching the query and entities, whatever the period, and their
    /// timeline.
    fn narrow(&self, selection: &Selection, parsed: query::Query) -> Narrowed {
        let narrowed = self.narrow_by(selection, self.index().resolve(&parsed));
        // Only a query no article holds gets another: one the entity filters (or, in
        // `compute`, the period) leave empty keeps its words and its empty page.
        let filtered = !selection.entities.is_empty() || !selection.excluded.is_empty();
        if !narrowed.hits.is_empty()
            || narrowed.query.clauses.is_empty()
            || (filtered && !self.index().run(&narrowed.query).is_empty())
        {
            return narrowed;
        }
        // Nothing holds the words as typed: the likeliest query within reach, if it
        // matches, rather than an empty page; else it is offered.
        let Some(suggestion) = self.index().suggest(&narrowed.query) else { return narrowed };
        let corrected = self.narrow_by(selection, self.index().resolve(&query::parse(&suggestion.text)));
        if corrected.hits.is_empty() {
            return Narrowed { offer: Some(suggestion), ..narrowed };
        }
        Narrowed {
            query_text: narrowed.query_text,
            corrected: Some(suggestion.clone()),
            offer: Some(suggestion),
            ..corrected
        }
    }

    /// [`Self::narrow`] for a query already resolved.
    fn narrow_by(&self, selection: &Selection, query: ResolvedQuery) -> Narrowed {
        // Without a query, articles that must name an entity are among that entity's,
        // which are in the same newest-first order as all of them.
        let must_name = match selection.entity_match {
            EntityMatch::All => selection.entities.first(),
            EntityMatch::Any => None,
        };
        let candidates: Vec<SearchHit> = if query.is_empty() {
            let articles = must_name.map_or(self.newest_first(), |&entity| self.articles_naming(entity));
            articles.iter().map(|&article| SearchHit::unranked(article)).collect()
        } else if query.clauses.is_empty() {
            // Only exclusions: everything else, newest first.
            let left: Vec<bool> = {
                let mut left = vec![false; self.article_count()];
                for hit in self.index().run(&query) {
                    left[hit.article.index()] = true;
                }
                left
            };
            self.newest_first()
                .iter()
                .filter(|article| left[article.index()])
                .map(|&a| SearchHit::unranked(a))
                .collect()
        } else {
            self.index().run(&query)
        };
        let hits: Vec<SearchHit> =
            candidates.into_iter().filter(|hit| self.passes_entity_filters(hit.article, selection)).collect();
        let timeline = self.timeline_of(hits.iter().map(|hit| hit.article));
        let entities = (selection.entities.clone(), selection.excluded.clone(), selection.entity_match);
        Narrowed { query_text: selection.query.clone(), entities, query, hits, timeline, corrected: None, offer: None }
    }

    /// `hits` in date order, newest or oldest first (one the exact reverse of the other),
    /// for a reader who sorts the results by date.
    pub fn in_date_order(&self, hits: &[SearchHit], order: DateOrder) -> Vec<SearchHit> {
        let mut hit_of: Vec<Option<SearchHit>> = vec![None; self.article_count()];
        for &hit in hits {
            hit_of[hit.article.index()] = Some(hit);
        }
        let newest = self.newest_first().iter();
        let ordered: Box<dyn Iterator<Item = &ArticleId>> = match order {
            DateOrder::NewestFirst => Box::new(newest),
            DateOrder::OldestFirst => Box::new(newest.rev()),
        };
        ordered.filter_map(|article| hit_of[article.index()]).collect()
    }

    /// The timeline of the articles mentioning `entity`: its presence over time.
    pub fn entity_timeline(&self, entity: EntityId) -> Timeline {
        self.timeline_of(self.articles_naming(entity).iter().copied())
    }

    /// How many of `articles` fall on each day.
    fn timeline_of(&self, articles: impl Iterator<Item = ArticleId>) -> Timeline {
        let mut day_counts = vec![0u32; self.days().len()];
        for article in articles {
            day_counts[self.day_position(article)] += 1;
        }
        Timeline::from_day_counts(self.days().iter().copied().zip(day_counts))
    }

    /// The page of `entity` within a view's `hits`.
    pub fn entity_profile(&self, entity: EntityId, hits: &[SearchHit]) -> EntityProfile {
        let articles: Vec<SearchHit> = hits.iter().filter(|hit| self.names(hit.article, entity)).copied().collect();
        let co_occurring = self.facets(&articles).sorted.into_iter().filter(|facet| facet.entity != entity).collect();
        EntityProfile { articles, co_occurring }
    }

    fn names(&self, article: ArticleId, entity: EntityId) -> bool {
        self.article_entities(article).binary_search(&entity).is_ok()
    }

    /// Whether `article` mentions all (or any) of the chosen entities and none of the
    /// excluded ones.
    fn passes_entity_filters(&self, article: ArticleId, selection: &Selection) -> bool {
        let chosen = match selection.entity_match {
            EntityMatch::All => selection.entities.iter().all(|&entity| self.names(article, entity)),
            EntityMatch::Any => {
                selection.entities.is_empty() || selection.entities.iter().any(|&entity| self.names(article, entity))
            }
        };
        chosen && !selection.excluded.iter().any(|&entity| self.names(article, entity))
    }

    fn facets(&self, hits: &[SearchHit]) -> Facets {
        self.sorted_facets(&self.counts(hits))
    }

    /// How many of `hits` mention each entity.
    fn counts(&self, hits: &[SearchHit]) -> Vec<u32> {
        let mut counts = vec![0u32; self.entities().len()];
        for hit in hits {
            for &entity in self.article_entities(hit.article) {
                counts[entity.index()] += 1;
            }
        }
        counts
    }

    /// Turns counts over `narrowed`'s articles in period `from` into counts over those in
    /// period `to`: only the articles in one and not the other change them.
    fn move_period(&self, counts: &mut [u32], narrowed: &[SearchHit], from: Option<DateRange>, to: Option<DateRange>) {
        for (article, entering) in self.crossing(narrowed, from, to) {
            for entity in self.article_entities(article) {
                let count = &mut counts[entity.index()];
                *count = if entering { *count + 1 } else { *count - 1 };
            }
        }
    }

    /// `narrowed`'s articles in one of periods `from` and `to` and not in the other, each
    /// with whether it is in `to` (entering it) or in `from` (leaving it).
    fn crossing<'c>(
        &'c self,
        narrowed: &'c [SearchHit],
        from: Option<DateRange>,
        to: Option<DateRange>,
    ) -> impl Iterator<Item = (ArticleId, bool)> + 'c {
        let (from, to) = (self.day_positions(from), self.day_positions(to));
        narrowed.iter().filter_map(move |hit| {
            let day = self.day_position(hit.article);
            let entering = to.contains(&day);
            (from.contains(&day) != entering).then_some((hit.article, entering))
        })
    }

    /// The positions in [`Corpus::days`] of the days in `range` (all of them without one):
    /// whether an article falls in a period is then one compare of its day's position.
    fn day_positions(&self, range: Option<DateRange>) -> std::ops::Range<usize> {
        let days = self.days();
        range.map_or(0..days.len(), |range| {
            days.partition_point(|&day| day < range.start)..days.partition_point(|&day| day <= range.end)
        })
    }

    /// Entities with a count, most frequent first, then by name.
    fn sorted_facets(&self, counts: &[u32]) -> Facets {
        // Most frequent first, then by name: a counting sort by count of the entities
        // taken in name order, which keeps name order within each count.
        let highest = counts.iter().copied().max().unwrap_or(0) as usize;
        let mut starts = vec![0usize; highest + 1];
        for &count in counts.iter().filter(|&&count| count > 0) {
            starts[count as usize] += 1;
        }
        let mut next = 0;
        for count in (1..=highest).rev() {
            let size = starts[count];
            starts[count] = next;
            next += size;
        }
        let mut sorted = vec![EntityFacet { entity: EntityId(0), count: 0 }; next];
        let mut per_kind = [0; EntityKind::ALL.len()];
        for &entity in self.entities_by_name() {
            let count = counts[entity.index()];
            if count > 0 {
                sorted[starts[count as usize]] = EntityFacet { entity, count };
                starts[count as usize] += 1;
                per_kind[self.entity_kind(entity).position()] += 1;
            }
        }
        Facets { sorted, per_kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use time::macros::date;

    fn ids(corpus: &Corpus, view: &SelectionView) -> Vec<String> {
        view.hits.iter().map(|hit| corpus.article(hit.article).id.clone()).collect()
    }

    /// The facets as `name count`, in the order the viewer lists them.
    fn facets(corpus: &Corpus, view: &SelectionView) -> Vec<String> {
        corpus
            .facets_of(view)
            .iter()
            .map(|facet| format!("{} {}", corpus.entity(facet.entity).name, facet.count))
            .collect()
    }

    fn entity(corpus: &Corpus, key: &str) -> EntityId {
        corpus.entity_by_key(key).unwrap_or_else(|| panic!("no entity {key:?}"))
    }

    /// A period before every article of the fixture.
    fn before_range() -> Option<DateRange> {
        Some(DateRange { start: date!(1900 - 01 - 01), end: date!(1900 - 01 - 02) })
    }

    #[test]
    fn a_query_that_matches_nothing_shows_the_likeliest_query_that_does() {
        let corpus = fixtures::corpus();
        // Two typos in a word of six letters: beyond what searching forgives.
        let view = corpus.select(&Selection { query: "weather tecsas".to_owned(), ..Selection::default() });
        assert_eq!(ids(&corpus, &view), ["weather"]);
        assert_eq!(view.corrected.as_ref().map(|found| found.text.as_str()), Some("weather texas "));
        assert_eq!(view.query.highlights, ["texas", "weather"]);
        assert_eq!(view.suggestion, None);
        // Within a period where the corrected query finds nothing, it is offered instead.
        let before = corpus.select(&Selection {
            query: "weather tecsas".to_owned(),
            range: before_range(),
            ..Selection::default()
        });
        assert!(before.hits.is_empty());
        assert_eq!(before.corrected, view.corrected);
        assert_eq!(before.suggestion, view.corrected);
        // A query that matches keeps its own results, and its empty page where the period
        // or the entity filters leave nothing: no other words are offered.
        let typed = corpus.select(&Selection { query: "weather texas".to_owned(), ..Selection::default() });
        assert_eq!((ids(&corpus, &typed), typed.corrected.clone()), (vec!["weather".to_owned()], None));
        let mexico = entity(&corpus, "mexico");
        for selection in [
            Selection { query: "rain fell".to_owned(), range: before_range(), ..Selection::default() },
            Selection { query: "rain fell".to_owned(), entities: vec![mexico], ..Selection::default() },
        ] {
            let view = corpus.select(&selection);
            assert!(view.hits.is_empty(), "{selection:?}");
            assert_eq!((view.corrected.clone(), view.suggestion.clone()), (None, None), "{selection:?}");
        }
    }

    #[test]
    fn chosen_entities_combine_by_all_any_or_not_and_facets_follow() {
        let corpus = fixtures::corpus();
        let (mexico, venezuela, texas) =
            (entity(&corpus, "mexico"), entity(&corpus, "venezuela"), entity(&corpus, "texas"));
        let all = corpus.select(&Selection { entities: vec![mexico, venezuela], ..Selection::default() });
        assert_eq!(ids(&corpus, &all), ["maduro-arrested"]);
        let any =
            Selection { entities: vec![venezuela, texas], entity_match: EntityMatch::Any, ..Selection::default() };
        assert_eq!(ids(&corpus, &corpus.select(&any)), ["maduro-arrested", "weather"]);
        let not = corpus.select(&Selection { excluded: vec![mexico], ..Selection::default() });
        assert_eq!(ids(&corpus, &not), ["cartography", "fentanyl-seizures", "cartel-banks", "weather"]);
        assert!(corpus.facets_of(&not).iter().all(|facet| facet.entity != mexico), "an excluded entity counts nothing");
        assert_eq!(not.timeline.total(), 4);
        let any_but = Selection {
            entities: vec![mexico, texas],
            excluded: vec![venezuela],
            entity_match: EntityMatch::Any,
            ..Selection::default()
        };
        assert_eq!(ids(&corpus, &corpus.select(&any_but)), ["mexico-cartels", "weather"]);
        // With a query and a period too, and the same answer computed afresh.
        let narrowed = Selection { query: "cartel".into(), ..any_but.clone() };
        assert_eq!(ids(&corpus, &corpus.select(&narrowed)), ["mexico-cartels"]);
        let fresh = fixtures::corpus();
        assert_eq!(ids(&fresh, &fresh.select(&narrowed)), ["mexico-cartels"]);
    }

    #[test]
    fn an_entity_page_lists_its_articles_and_who_comes_with_it() {
        let corpus = fixtures::corpus();
        let mexico = entity(&corpus, "mexico");
        let everything = corpus.select(&Selection::default());
        let profile = corpus.entity_profile(mexico, &everything.hits);
        let titles: Vec<&str> = profile.articles.iter().map(|hit| corpus.article(hit.article).title.as_str()).collect();
        assert_eq!(titles, ["Cartels and banks", "Maduro arrested"]);
        let with: Vec<(&str, u32)> =
            profile.co_occurring.iter().map(|facet| (corpus.entity(facet.entity).name.as_str(), facet.count)).collect();
        assert_eq!(
            with,
            [("Claudia Sheinbaum", 1), ("Nicolás Maduro", 1), ("United States", 1), ("Venezuela", 1)],
            "itself left out; by count, then name"
        );
        let narrowed = corpus.select(&Selection { query: "arrested".into(), ..Selection::default() });
        assert_eq!(corpus.entity_profile(mexico, &narrowed.hits).articles.len(), 1, "within the current selection");
    }

    #[test]
    fn empty_selection_shows_everything_newest_first() {
        let corpus = fixtures::corpus();
        let view = corpus.select(&Selection::default());
        assert_eq!(
            ids(&corpus, &view),
            ["cartography", "fentanyl-seizures", "mexico-cartels", "maduro-arrested", "cartel-banks", "weather"]
        );
        assert_eq!(view.timeline.total(), 6);
        assert_eq!(view.collection_size, 6);
        expect_test::expect![[r#"
            [
                "Mexico 2",
                "Claudia Sheinbaum 1",
                "Nicolás Maduro 1",
                "Texas 1",
                "United States 1",
                "Venezuela 1",
            ]
        "#]]
        .assert_debug_eq(&facets(&corpus, &view));
    }

    #[test]
    fn entities_and_query_combine_and_facets_follow() {
        let corpus = fixtures::corpus();
        let mexico = entity(&corpus, "mexico");
        let view = corpus.select(&Selection { entities: vec![mexico], ..Selection::default() });
        assert_eq!(ids(&corpus, &view), ["mexico-cartels", "maduro-arrested"]);
        let view = corpus.select(&Selection { query: "cartel".into(), entities: vec![mexico], ..Selection::default() });
        assert_eq!(ids(&corpus, &view), ["mexico-cartels"]);
        expect_test::expect![[r#"
            [
                "Claudia Sheinbaum 1",
                "Mexico 1",
                "United States 1",
            ]
        "#]]
        .assert_debug_eq(&facets(&corpus, &view));
        assert_eq!(view.query.highlights, ["cartel", "cartels"]);
    }

    #[test]
    fn date_range_filters_hits_but_not_the_timeline() {
        let corpus = fixtures::corpus();
        let january = DateRange::month(2026, Month::January).expect("valid month");
        let view = corpus.select(&Selection { range: Some(january), ..Selection::default() });
        assert_eq!(ids(&corpus, &view), ["mexico-cartels", "maduro-arrested"]);
        assert_eq!(view.timeline.total(), 6, "the timeline still shows every period");
        let one_day = DateRange::day(date!(2025 - 12 - 20));
        let view = corpus.select(&Selection { range: Some(one_day), ..Selection::default() });
        assert_eq!(ids(&corpus, &view), ["cartel-banks"]);
    }

    #[test]
    fn nothing_matching_gives_empty_hits_and_facets() {
        let corpus = fixtures::corpus();
        let view = corpus.select(&Selection { query: "Zapata".into(), ..Selection::default() });
        assert!(view.hits.is_empty() && corpus.facets_of(&view).is_empty() && view.timeline.months.is_empty());
    }

    #[test]
    fn one_letter_views_are_kept_and_equal_to_computing_them() {
        let corpus = fixtures::corpus();
        let typed = |query: &str| Selection { query: query.into(), ..Selection::default() };
        let fresh = corpus.select(&typed("c"));
        let memo = Memo::default();
        corpus.warm_first_letter('C', &memo);
        let kept = corpus.select_in(&typed("c"), &memo);
        assert_eq!(*kept, *fresh);
        assert!(Arc::ptr_eq(&kept, &corpus.select_in(&typed("C"), &memo)), "kept, any case");
        assert!(!Arc::ptr_eq(&kept, &corpus.select_in(&typed("c"), &Memo::default())), "kept by its memo only");
        let with_entity = Selection { entities: vec![entity(&corpus, "mexico")], ..typed("c") };
        assert_ne!(*corpus.select_in(&with_entity, &memo), *fresh, "a letter with filters is its own view");
    }

    #[test]
    fn an_empty_collection_gives_an_empty_view() {
        let corpus = Corpus::from_bundle(crate::Bundle::new(crate::Collection::default())).expect("consistent");
        for query in ["", "cartel"] {
            let view = corpus.select(&Selection { query: query.into(), ..Selection::default() });
            assert!(view.hits.is_empty() && corpus.facets_of(&view).is_empty() && view.timeline.months.is_empty());
            assert_eq!(view.collection_size, 0);
        }
    }

    #[test]
    fn ranges_extend_and_know_what_they_are() {
        let january = DateRange::month(2026, Month::January).expect("valid");
        let march = DateRange::month(2026, Month::March).expect("valid");
        let quarter = january.span(&march);
        assert_eq!((quarter.start, quarter.end), (date!(2026 - 01 - 01), date!(2026 - 03 - 31)));
        assert_eq!(march.span(&january), quarter);
        assert!(january.is_month() && !quarter.is_month() && !DateRange::day(date!(2026 - 01 - 05)).is_month());
        assert!(quarter.overlaps(&january) && !january.overlaps(&march));
    }

    proptest::proptest! {
        /// Any text in the search box gives a view, never a panic: hits are distinct
        /// articles of the collection, facets count no more than the hits, and the facets
        /// per kind are the facets of each kind.
        #[test]
        fn any_query_gives_a_view(query in "\\PC{0,60}|[a-z \"\\-]{0,40}") {
            let corpus = fixtures::corpus();
            let view = corpus.select(&Selection { query: query.clone(), ..Selection::default() });
            let mut seen: Vec<u32> = view.hits.iter().map(|hit| hit.article.0).collect();
            seen.sort_unstable();
            seen.dedup();
            proptest::prop_assert_eq!(seen.len(), view.hits.len());
            proptest::prop_assert!(view.hits.len() <= corpus.article_count());
            proptest::prop_assert!(corpus.facets_of(&view).iter().all(|facet| facet.count as usize <= view.hits.len()));
            let per_kind = EntityKind::ALL
                .map(|kind| corpus.facets_of(&view).iter().filter(|facet| corpus.entity(facet.entity).kind == kind).count());
            proptest::prop_assert_eq!(corpus.facets_per_kind(&view), per_kind);
        }

        /// Any entity filters (all, any, not) give the articles, newest first, that
        /// testing each article of the collection against them gives, and each entity's
        /// timeline counts the articles that mention it.
        #[test]
        fn entity_filters_give_what_testing_every_article_gives(
            chosen in proptest::collection::vec(0u32..6, 0..3),
            excluded in proptest::collection::vec(0u32..6, 0..2),
            any in proptest::bool::ANY,
        ) {
            let corpus = fixtures::corpus();
            let ids = |raw: &[u32]| -> Vec<EntityId> { raw.iter().map(|&id| EntityId(id % corpus.entities().len() as u32)).collect() };
            let selection = Selection {
                entities: ids(&chosen),
                excluded: ids(&excluded),
                entity_match: if any { EntityMatch::Any } else { EntityMatch::All },
                ..Selection::default()
            };
            let names = |article: ArticleId, entity: &EntityId| corpus.article_entities(article).contains(entity);
            let expected: Vec<ArticleId> = corpus
                .newest_first()
                .iter()
                .copied()
                .filter(|&article| {
                    let chosen = if any {
                        selection.entities.is_empty() || selection.entities.iter().any(|entity| names(article, entity))
                    } else {
                        selection.entities.iter().all(|entity| names(article, entity))
                    };
                    chosen && !selection.excluded.iter().any(|entity| names(article, entity))
                })
                .collect();
            let found: Vec<ArticleId> = corpus.select(&selection).hits.iter().map(|hit| hit.article).collect();
            proptest::prop_assert_eq!(found, expected);
            for entity in selection.entities {
                let mentioning = corpus.newest_first().iter().filter(|&&article| names(article, &entity)).count();
                proptest::prop_assert_eq!(corpus.entity_timeline(entity).total() as usize, mentioning);
            }
        }
    }

    proptest::proptest! {
        /// Facets counted as a period moves (from the articles entering and leaving it) are
        /// the facets counted afresh over the view's articles, whatever the periods, in
        /// whatever order, with queries and entity filters changing between them.
        #[test]
        fn facets_of_a_moving_period_are_the_facets_counted_afresh(
            steps in proptest::collection::vec((0usize..3, 0usize..40, 0usize..40, proptest::bool::ANY), 1..12),
        ) {
            let corpus = fixtures::corpus();
            let memo = Memo::default();
            let days = corpus.days().to_vec();
            let queries = ["", "cartel", "mexico"];
            for (query, first, last, whole) in steps {
                let (first, last) = (days[first % days.len()], days[last % days.len()]);
                let range = (!whole).then(|| DateRange { start: first.min(last), end: first.max(last) });
                let selection = Selection { query: queries[query].into(), range, ..Selection::default() };
                let view = corpus.select_in(&selection, &memo);
                let afresh = corpus.facets(&view.hits);
                proptest::prop_assert_eq!(corpus.facets_of(&view), afresh.sorted.as_slice());
                proptest::prop_assert_eq!(corpus.facets_per_kind(&view), afresh.per_kind);
            }
        }
    }

    #[test]
    fn a_new_period_reuses_the_query_and_gives_what_computing_afresh_gives() {
        let corpus = fixtures::corpus();
        let january = DateRange::month(2026, Month::January);
        let selections = [
            Selection { query: "cartel".into(), ..Selection::default() },
            Selection { query: "cartel".into(), range: january, ..Selection::default() },
            Selection {
                query: "cartel".into(),
                range: Some(DateRange::day(date!(2025 - 12 - 20))),
                ..Selection::default()
            },
            Selection { query: "cartels".into(), range: january, ..Selection::default() },
            Selection {
                query: "cartels".into(),
                entities: vec![entity(&corpus, "mexico")],
                range: january,
                ..Selection::default()
            },
        ];
        let memo = Memo::default();
        for selection in &selections {
            let kept = corpus.select_in(selection, &memo);
            let fresh = corpus.select(selection);
            assert_eq!(*kept, *fresh, "{selection:?}");
        }
    }

    #[test]
    fn results_sort_by_date_either_way() {
        let corpus = fixtures::corpus();
        let view = corpus.select(&Selection { query: "cartel OR weather".into(), ..Selection::default() });
        let dates = |order| -> Vec<String> {
            corpus
                .in_date_order(&view.hits, order)
                .iter()
                .map(|hit| corpus.article(hit.article).date.as_str().to_owned())
                .collect()
        };
        let newest = dates(DateOrder::NewestFirst);
        let mut oldest = dates(DateOrder::OldestFirst);
        assert_eq!(newest.len(), view.hits.len());
        assert!(newest.windows(2).all(|pair| pair[0] >= pair[1]), "{newest:?}");
        oldest.reverse();
        assert_eq!(oldest, newest);
    }

    #[test]
    fn an_entity_is_counted_on_the_days_that_mention_it() {
        let corpus = fixtures::corpus();
        let mexico = entity(&corpus, "mexico");
        let presence = corpus.entity_timeline(mexico);
        let view = corpus.select(&Selection { entities: vec![mexico], ..Selection::default() });
        assert_eq!(presence, view.timeline);
        assert_eq!(presence.days().map(|(_, count)| count).sum::<u32>(), 2);
    }

    #[test]
    fn periods_read_as_a_person_says_them() {
        let said = |start, end| DateRange { start, end }.human();
        assert_eq!(said(date!(2026 - 01 - 16), date!(2026 - 01 - 16)), "16 January 2026");
        assert_eq!(said(date!(2024 - 02 - 01), date!(2024 - 02 - 29)), "February 2024");
        assert_eq!(said(date!(1987 - 03 - 02), date!(1987 - 03 - 14)), "from 2 to 14 March 1987");
        assert_eq!(said(date!(1987 - 02 - 28), date!(1987 - 03 - 03)), "from 28 February to 3 March 1987");
        assert_eq!(said(date!(2026 - 01 - 01), date!(2026 - 03 - 31)), "from January to March 2026");
        assert_eq!(said(date!(1986 - 12 - 01), date!(1987 - 01 - 31)), "from December 1986 to January 1987");
        assert_eq!(said(date!(1986 - 12 - 28), date!(1987 - 01 - 03)), "from 28 December 1986 to 3 January 1987");
    }

    #[test]
    fn months_know_their_length() {
        let february = DateRange::month(2024, Month::February).expect("valid");
        assert_eq!(february.end, date!(2024 - 02 - 29));
        assert!(february.contains(date!(2024 - 02 - 01)) && !february.contains(date!(2024 - 03 - 01)));
    }
}
