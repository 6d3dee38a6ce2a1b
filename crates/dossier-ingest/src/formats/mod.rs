//! Readers of the formats people collect articles in, one module each: saved web pages
//! (`html`), feeds (`feed`: RSS, Atom, JSON Feed) and Markdown notes with front matter
//! (`markdown`); the hand-written text form and JSON Lines are in [`crate::parse`].
//!
//! Every reader takes a file's bytes and gives what it could read and, for everything it
//! could not, a [`ParseError`] with the line and a reason a reader understands. A reader
//! never panics and never loses the count: each article of the input is either in
//! [`Read::articles`] or named in [`Read::rejected`].

use dossier_format::{Article, ArticleDate};

pub use crate::parse::ParseError;

pub mod feed;
pub mod html;
pub mod markdown;

/// What a reader is told besides the bytes.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The id of an article that brings none: the file's stem. Readers of several
    /// articles a file (feeds) derive each id from it and the item.
    pub id: String,
    /// The outlet of an article that names none.
    pub default_source: String,
    /// The date of an article that has none; without it such an article is rejected.
    pub default_date: Option<ArticleDate>,
}

/// What reading one file gave: articles with the line each starts on, and rejections.
#[derive(Debug, Default)]
pub struct Read {
    /// The articles read, each with the 1-based line it starts on.
    pub articles: Vec<(usize, Article)>,
    /// Every article or part that could not be read, with its line and why.
    pub rejected: Vec<ParseError>,
}

impl Read {
    /// One article from line 1.
    pub fn one(article: Article) -> Read {
        Read { articles: vec![(1, article)], rejected: Vec::new() }
    }

    /// One rejection.
    pub fn rejected(line: usize, reason: impl Into<String>) -> Read {
        Read { articles: Vec::new(), rejected: vec![ParseError { line, reason: reason.into() }] }
    }
}

/// An article with no entity mentions yet, not a summary, with no folded copies: what
/// every reader builds.
pub fn new_article(id: String, title: String, date: ArticleDate, source: String, body: Vec<String>) -> Article {
    Article {
        id,
        title,
        date,
        source,
        url: None,
        author: None,
        body,
        mentions: Vec::new(),
        summary: false,
        copies: Vec::new(),
    }
}
