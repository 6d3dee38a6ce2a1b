//! Full-text search: an inverted index over titles and bodies, queried with every term
//! required and ranked so that title matches come before body matches.
//!
//! This is the one entry point the viewer and the command line call ([`SearchIndex::search`]);
//! a stronger engine can replace what is behind it without touching them.

use std::collections::HashMap;

use crate::{Article, ArticleId, tokenize::tokenize};

/// How much a title occurrence counts against a body occurrence. Raising it pushes
/// articles whose headline names the query further up; 1.0 would treat both alike.
pub const TITLE_WEIGHT: f32 = 3.0;

/// Body term-frequency saturation (BM25's `k1`): lower values make the fifth repeat of a
/// word count for less; higher values reward repetition.
pub const BODY_SATURATION: f32 = 1.2;

/// Body length normalisation (BM25's `b`), from 0 (length ignored) to 1 (fully normalised).
pub const LENGTH_NORMALISATION: f32 = 0.75;

/// How often one term occurs in one article.
#[derive(Clone, Copy, Debug)]
struct Posting {
    article: u32,
    title: u16,
    body: u32,
}

/// The inverted index of a collection.
#[derive(Debug, Default)]
pub struct SearchIndex {
    postings: HashMap<String, Vec<Posting>>,
    body_lengths: Vec<u32>,
    average_body_length: f32,
}

/// One article that matches a query, with its relevance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchHit {
    /// The matching article.
    pub article: ArticleId,
    /// Higher is more relevant; only comparable within one query.
    pub score: f32,
}

/// The folded, de-duplicated terms of a query, in the order typed.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for token in tokenize(query) {
        if !terms.contains(&token.term) {
            terms.push(token.term);
        }
    }
    terms
}

impl SearchIndex {
    /// Indexes the titles and bodies of `articles`; [`ArticleId`]s are their positions.
    pub fn build(articles: &[Article]) -> SearchIndex {
        let mut postings: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut body_lengths = Vec::with_capacity(articles.len());
        for (index, article) in articles.iter().enumerate() {
            let mut counts: HashMap<String, (u16, u32)> = HashMap::new();
            for token in tokenize(&article.title) {
                let count = counts.entry(token.term).or_default();
                count.0 = count.0.saturating_add(1);
            }
            let mut length = 0u32;
            for paragraph in &article.body {
                for token in tokenize(paragraph) {
                    counts.entry(token.term).or_default().1 += 1;
                    length += 1;
                }
            }
            body_lengths.push(length);
            let article_index = u32::try_from(index).unwrap_or(u32::MAX);
            for (term, (title, body)) in counts {
                postings.entry(term).or_default().push(Posting { article: article_index, title, body });
            }
        }
        let total: u64 = body_lengths.iter().map(|&length| u64::from(length)).sum();
        let average_body_length = (total as f32 / body_lengths.len().max(1) as f32).max(1.0);
        SearchIndex { postings, body_lengths, average_body_length }
    }

    /// Articles containing every term of `query` (in title or body), most relevant first.
    /// A query with no words matches nothing here; callers treat it as "no text filter".
    /// Never fails: an odd query simply matches nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        self.search_terms(&query_terms(query))
    }

    /// [`SearchIndex::search`] for terms already folded by [`query_terms`].
    pub fn search_terms(&self, terms: &[String]) -> Vec<SearchHit> {
        let mut lists: Vec<&Vec<Posting>> = Vec::with_capacity(terms.len());
        for term in terms {
            match self.postings.get(term) {
                Some(list) => lists.push(list),
                None => return Vec::new(),
            }
        }
        let Some(shortest) = lists.iter().min_by_key(|list| list.len()) else { return Vec::new() };
        let document_count = self.body_lengths.len() as f32;
        let mut scores: HashMap<u32, f32> = shortest.iter().map(|posting| (posting.article, 0.0)).collect();
        for list in &lists {
            let idf = (1.0 + (document_count - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5)).ln();
            let mut seen: HashMap<u32, f32> = HashMap::with_capacity(scores.len());
            for posting in list.iter() {
                if let Some(score) = scores.get(&posting.article) {
                    seen.insert(posting.article, score + idf * self.term_weight(posting));
                }
            }
            scores = seen;
        }
        let mut hits: Vec<SearchHit> =
            scores.into_iter().map(|(article, score)| SearchHit { article: ArticleId(article), score }).collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        hits
    }

    /// One term's weight in one article: saturated body frequency plus title occurrences.
    fn term_weight(&self, posting: &Posting) -> f32 {
        let length = self.body_lengths.get(posting.article as usize).copied().unwrap_or(0) as f32;
        let body = posting.body as f32;
        let norm =
            BODY_SATURATION * (1.0 - LENGTH_NORMALISATION + LENGTH_NORMALISATION * length / self.average_body_length);
        let body_weight = body * (BODY_SATURATION + 1.0) / (body + norm);
        let title = f32::from(posting.title);
        body_weight + TITLE_WEIGHT * title / (title + 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::tests::fixture_articles;

    fn check(query: &str, expected_ids: &[&str]) {
        let articles = fixture_articles();
        let index = SearchIndex::build(&articles);
        let ids: Vec<&str> = index.search(query).iter().map(|hit| articles[hit.article.index()].id.as_str()).collect();
        assert_eq!(ids, expected_ids, "query {query:?}");
    }

    #[test]
    fn every_term_is_required() {
        check("cartel", &["cartel-banks", "mexico-cartels"]);
        check("cartel sheinbaum", &["mexico-cartels"]);
        check("cartel zapata", &[]);
    }

    #[test]
    fn folds_case_and_accents_both_ways() {
        let articles = fixture_articles();
        let index = SearchIndex::build(&articles);
        let found = |query: &str| index.search(query).iter().map(|hit| hit.article).collect::<Vec<_>>();
        assert_eq!(found("México").len(), 2);
        for (a, b) in [("México", "mexico"), ("MEXICO", "mexico"), ("Nicolás", "nicolas"), ("NICOLÁS", "nicolas")] {
            assert_eq!(found(a), found(b), "{a} = {b}");
        }
        check("nicolas", &["venezuela"]);
    }

    #[test]
    fn title_matches_rank_above_body_matches() {
        check("banks", &["cartel-banks", "mexico-cartels"]);
    }

    #[test]
    fn odd_queries_match_nothing_and_never_fail() {
        for query in ["", "   ", "!!!", "\u{0}", "\"", "-", "\u{301}\u{301}\u{301}", &"x".repeat(10_000)] {
            check(query, &[]);
        }
    }
}
