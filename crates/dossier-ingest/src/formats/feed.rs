//! Feeds: RSS 0.9x, 1.0 (RDF) and 2.0, Atom and JSON Feed, read with `feed-rs`; each item
//! is an article.
//!
//! What an item gives:
//!
//! - **Body**: its full content (`content:encoded`, Atom `content`, JSON Feed
//!   `content_html` / `content_text`) when it has any text, else its summary (RSS
//!   `description`, Atom `summary`, JSON Feed `summary`) with [`Article::summary`] set; an
//!   item with only a title has the title as its body, also marked a summary. HTML becomes
//!   plain-text paragraphs (`html_paragraphs`); plain text is split at blank lines.
//! - **Title**: the item's, as text, else derived from the first sentence
//!   ([`derive_title`]).
//! - **Date**: published, else updated, in UTC (`2026-01-16T09:30:00Z`; a moment at
//!   midnight UTC is written as the day alone, since feeds that only know the day give
//!   midnight); else [`ReadOptions::default_date`]; else the item is rejected.
//! - **Source**: the feed's title, else [`ReadOptions::default_source`]; **url**: the
//!   item's link, else its guid when that is a web address; **author**: its first
//!   author's name.
//! - **Id**: [`ReadOptions::id`], a dash and 16 hex digits of FNV-1a 64 over the item's
//!   guid / id, else its link, else its title and date: stable when the feed gains,
//!   loses or reorders items (a position number would not be). A second item with the same
//!   key (a feed that repeats a guid) gets `-2`, `-3`… after it.
//! - **Line**: where the item's `<item>` / `<entry>` tag starts, found by a pass of
//!   `quick-xml` (the XML parser feed-rs is built on, so it costs no compile time) that
//!   also gives the line of broken XML; 1 for JSON Feed items.
//!
//! Turning HTML into text uses `scraper` (html5ever, the browser-grade HTML5 parser of
//! Servo, and a tree of the nodes), already a dependency of this crate for saved pages
//! (`formats::html`), so it adds no compile time; its tree is walked with `ego-tree`, also
//! already built for `scraper`. `html2text` was the alternative: it brings the same
//! html5ever plus its own renderer, whose output is laid out for a terminal (wrapped
//! lines, `*` list bullets, link footnotes) and would have to be taken apart again to make
//! paragraphs. A parser that follows the HTML5 specification decodes every character
//! reference (`&amp;`, `&#8217;`, `&rsquo;`) as a browser would and knows where a
//! `<script>` ends, which a hand-written tag stripper gets wrong on hostile input.
//!
//! Compile cost measured on the 2-core machine (debug, each crate's own time):
//! feed-rs 1.5 s, quick-xml 0.9 s, mediatype 0.7 s, uuid 0.4 s: about 3.5 s; the rest of
//! what feed-rs needs (chrono, url, regex, serde_json) was already built for other crates.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use feed_rs::model::{Entry, Link, Text};
use scraper::{Html, Node};

use dossier_format::{Article, ArticleDate};

use super::{ParseError, Read, ReadOptions, new_article};
use crate::parse::{derive_title, paragraphs};

/// Reads a feed (RSS, Atom or JSON Feed) into one article per item.
///
/// A feed that does not parse at all is one rejection (`not a readable feed: …`, at the
/// line of the XML error when there is one, else 1). Each item becomes an article or a
/// rejection naming it (`item 3 "Title": no date (give --default-date YYYY-MM-DD)`), so
/// `articles.len() + rejected.len()` is the number of items feed-rs found. See the module
/// documentation for what each field is taken from.
pub fn read_feed(bytes: &[u8], options: &ReadOptions) -> Read {
    let parser = feed_rs::parser::Builder::new()
        // Left empty, an id tells this reader the item had none of its own; feed-rs would
        // otherwise make one up, at random when the item has no link.
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let scan = scan_xml(bytes);
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(error) => {
            let line = scan.error_line.or_else(|| error_line(bytes, &error)).unwrap_or(1);
            return Read::rejected(line, format!("not a readable feed: {}", describe(&error)));
        }
    };
    let source = feed
        .title
        .as_ref()
        .map(text_of)
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| options.default_source.clone());
    let mut read = Read::default();
    let mut ids_used: HashMap<String, usize> = HashMap::new();
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let line = scan.item_starts.get(index).copied().unwrap_or(1);
        match read_item(entry, index + 1, &source, options) {
            Ok(mut article) => {
                let uses = ids_used.entry(article.id.clone()).or_insert(0);
                *uses += 1;
                if *uses > 1 {
                    article.id = format!("{}-{uses}", article.id);
                }
                read.articles.push((line, article));
            }
            Err(reason) => read.rejected.push(ParseError::new(line, reason)),
        }
    }
    read
}

/// One item as an article, or why not. `number` is the item's 1-based position, for the
/// reason.
fn read_item(entry: Entry, number: usize, source: &str, options: &ReadOptions) -> Result<Article, String> {
    let title = entry.title.as_ref().map(text_of).filter(|title| !title.is_empty());
    let name = match &title {
        Some(title) => format!("item {number} {title:?}"),
        None => format!("item {number}"),
    };
    let content = entry
        .content
        .as_ref()
        .and_then(|content| Some(body_of(content.body.as_deref()?, content.content_type.as_str())))
        .filter(|body| !body.is_empty());
    let (body, summary) = match content {
        Some(body) => (body, false),
        None => {
            let summary = entry
                .summary
                .as_ref()
                .map(|summary| body_of(&summary.content, summary.content_type.as_str()))
                .filter(|body| !body.is_empty());
            match (summary, &title) {
                (Some(body), _) => (body, true),
                (None, Some(title)) => (vec![title.clone()], true),
                (None, None) => return Err(format!("{name}: no text (no content, summary or title)")),
            }
        }
    };
    let date = entry
        .published
        .or(entry.updated)
        .and_then(|moment| {
            let text = if moment.format("%H:%M:%S").to_string() == "00:00:00" {
                moment.format("%Y-%m-%d").to_string()
            } else {
                moment.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            };
            text.parse::<ArticleDate>().ok()
        })
        .or_else(|| options.default_date.clone())
        .ok_or_else(|| format!("{name}: no date (give --default-date YYYY-MM-DD)"))?;
    let guid = entry.id.trim();
    let permalink = (guid.starts_with("https://") || guid.starts_with("http://")).then(|| guid.to_owned());
    let url = item_link(&entry.links).or(permalink);
    let key = match (guid, &url) {
        (guid, _) if !guid.is_empty() => format!("guid\0{guid}"),
        (_, Some(url)) => format!("link\0{url}"),
        _ => format!("text\0{}\0{}\0{}", title.as_deref().unwrap_or_default(), date, body[0]),
    };
    let author =
        entry.authors.iter().find_map(|person| person.name.as_deref().map(collapse).filter(|name| !name.is_empty()));
    let title = title.unwrap_or_else(|| derive_title(&body[0]));
    let id = format!("{}-{:016x}", options.id, fnv1a64(key.as_bytes()));
    let mut article = new_article(id, title, date, source.to_owned(), body);
    article.url = url;
    article.author = author;
    article.summary = summary;
    Ok(article)
}

/// The paragraphs of an item's content or summary of the given media type: HTML and XML
/// as text, other text split at blank lines, anything else (an inline image) none.
fn body_of(text: &str, media_type: &str) -> Vec<String> {
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    // feed-rs gives Atom's `xhtml` as `application/xhtml`.
    if essence.ends_with("html") || essence.ends_with("/xml") || essence.ends_with("+xml") {
        html_paragraphs(text)
    } else if essence.starts_with("text/") {
        paragraphs(text).into_iter().map(|paragraph| collapse(&paragraph)).filter(|p| !p.is_empty()).collect()
    } else {
        Vec::new()
    }
}

/// A title or name as one line of text. Titles are read as HTML whatever type the feed
/// declares: RSS titles carry escaped markup and character references as often as not.
fn text_of(text: &Text) -> String {
    html_paragraphs(&text.content).join(" ")
}

/// The link to the item's page: the first plain or `alternate` link, else the first
/// link that is not to comments.
fn item_link(links: &[Link]) -> Option<String> {
    let usable = |link: &&Link| link.target.is_none() && !link.href.trim().is_empty();
    links
        .iter()
        .filter(usable)
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel.eq_ignore_ascii_case("alternate")))
        .or_else(|| links.iter().find(usable))
        .map(|link| link.href.trim().to_owned())
}

/// Elements whose content is not text a reader sees: code, styles, embedded documents,
/// form controls and raw-text containers whose content would come out as markup.
#[rustfmt::skip]
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "noembed", "noframes", "object", "embed", "svg",
    "canvas", "textarea", "select", "xmp", "plaintext", "head", "title",
];

/// Elements that start and end a paragraph.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "hr", "table", "caption", "thead", "tbody", "tfoot", "tr", "section", "article", "aside", "header",
    "footer", "nav", "main", "figure", "figcaption", "address", "details", "summary", "fieldset", "legend",
    "form", "center", "hgroup", "menu", "dialog", "body", "html",
];

/// HTML as plain-text paragraphs: block elements (`p`, `br`, `div`, `li`, headings,
/// tables' rows…) end a paragraph, table cells are separated by a space, character
/// references are decoded, tags, comments, scripts, styles and other hidden content are
/// dropped, and whitespace is collapsed. What comes out holds no markup: a `<` in it is
/// a character the text itself has (`&lt;` in the source).
pub(crate) fn html_paragraphs(html: &str) -> Vec<String> {
    let document = Html::parse_fragment(html);
    let mut out = ParagraphWriter::default();
    let mut hidden = None;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) if hidden.is_none() => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if HIDDEN.contains(&name) {
                        hidden = Some(node.id());
                    } else if BLOCKS.contains(&name) {
                        out.end_paragraph();
                    } else if matches!(name, "td" | "th") {
                        out.space();
                    }
                }
                Node::Text(text) => out.push(text),
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if hidden == Some(node.id()) {
                    hidden = None;
                } else if let (None, Node::Element(element)) = (hidden, node.value()) {
                    let name = element.name();
                    if BLOCKS.contains(&name) {
                        out.end_paragraph();
                    } else if matches!(name, "td" | "th") {
                        out.space();
                    }
                }
            }
        }
    }
    out.finish()
}

/// Builds paragraphs from pieces of text, collapsing whitespace.
#[derive(Default)]
pub(crate) struct ParagraphWriter {
    paragraphs: Vec<String>,
    current: String,
    space: bool,
}

impl ParagraphWriter {
    /// Adds text to the current paragraph; runs of whitespace become one space.
    pub(crate) fn push(&mut self, text: &str) {
        for character in text.chars() {
            if character.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(character);
            }
        }
    }

    /// Separates what comes next from what came before by a space.
    pub(crate) fn space(&mut self) {
        self.space = true;
    }

    /// Ends the current paragraph, if it has any text; how many paragraphs that wrote (0
    /// or 1).
    pub(crate) fn end_paragraph(&mut self) -> usize {
        self.space = false;
        if self.current.is_empty() {
            return 0;
        }
        self.paragraphs.push(std::mem::take(&mut self.current));
        1
    }

    /// The paragraphs written.
    pub(crate) fn finish(mut self) -> Vec<String> {
        self.end_paragraph();
        self.paragraphs
    }
}

/// Text with its whitespace collapsed to single spaces and trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64 bits: a short, stable fingerprint of an item's key.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// What one pass of an XML parser over the bytes found.
#[derive(Default)]
struct XmlScan {
    /// The line each item (`<item>`, or `<entry>` in Atom) starts on, in order.
    item_starts: Vec<usize>,
    /// The line of the first XML error, if any.
    error_line: Option<usize>,
}

/// Finds where the items start and where the XML breaks, as feed-rs gives neither. Only
/// the items that are children of the feed's root or its `channel` are counted, the ones
/// feed-rs reads. The bytes are read as UTF-8, invalid sequences replaced: that keeps the
/// lines and tags of the other encodings feeds use (ISO-8859-1, Windows-1252); bytes that
/// are not XML (JSON Feed, UTF-16) give nothing.
fn scan_xml(bytes: &[u8]) -> XmlScan {
    use quick_xml::events::Event;
    let mut scan = XmlScan::default();
    // feed-rs's own test: XML when a `<` comes before any `{`.
    let xml = bytes.iter().find(|&&byte| byte == b'<' || byte == b'{') == Some(&b'<');
    if !xml {
        return scan;
    }
    let text = String::from_utf8_lossy(bytes);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut path: Vec<String> = Vec::new();
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let (name, empty) = match reader.read_event() {
            Ok(Event::Start(start)) => (start.local_name().as_ref().to_ascii_lowercase(), false),
            Ok(Event::Empty(start)) => (start.local_name().as_ref().to_ascii_lowercase(), true),
            Ok(Event::End(_)) => {
                path.pop();
                continue;
            }
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(_) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                scan.error_line = Some(line_at(text.as_bytes(), at));
                break;
            }
        };
        let item = match path.as_slice() {
            [root] if root == "feed" => name == "entry",
            [_] => name == "item",
            [_, parent] => parent == "channel" && name == "item",
            _ => false,
        };
        if item {
            let start = text.as_bytes().get(before..).and_then(|rest| rest.iter().position(|&byte| byte == b'<'));
            scan.item_starts.push(line_at(text.as_bytes(), before.saturating_add(start.unwrap_or(0))));
        }
        if !empty {
            path.push(name);
        }
    }
    scan
}

/// The 1-based line of a byte offset.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())].iter().filter(|&&byte| byte == b'\n').count() + 1
}

/// The line an error of feed-rs points at, when it says.
fn error_line(bytes: &[u8], error: &feed_rs::parser::ParseFeedError) -> Option<usize> {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match error {
        ParseFeedError::JsonSerde(error) if error.line() > 0 => Some(error.line()),
        ParseFeedError::ParseError(
            ParseErrorKind::UnknownMimeType { position, .. }
            | ParseErrorKind::MissingContent { position, .. }
            | ParseErrorKind::UnknownEnumVariant { position, .. }
            | ParseErrorKind::IllegalState { position, .. },
        ) => Some(line_at(bytes, usize::try_from(*position).unwrap_or(usize::MAX))),
        _ => None,
    }
}

/// What feed-rs said, without its prefixes and positions that repeat the line.
fn describe(error: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => "no RSS, Atom or JSON Feed root element".to_owned(),
        ParseFeedError::JsonSerde(error) => {
            let message = error.to_string();
            let message = message.rfind(" at line ").map_or(message.as_str(), |at| &message[..at]);
            format!("invalid JSON: {message}")
        }
        ParseFeedError::XmlReader(error) => {
            let message = error.to_string();
            format!("invalid XML: {}", message.strip_prefix("Parser error: ").unwrap_or(&message))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn options() -> ReadOptions {
        ReadOptions { id: "feed".to_owned(), default_source: "feed.xml".to_owned(), default_date: None }
    }

    fn read(text: &str) -> Read {
        read_feed(text.as_bytes(), &options())
    }

    fn only(read: &Read) -> &Article {
        assert!(read.rejected.is_empty(), "rejected: {:?}", read.rejected);
        assert_eq!(read.articles.len(), 1, "articles: {:?}", read.articles);
        &read.articles[0].1
    }

    fn rss(items: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>The Daily &amp; Weekly</title>
<link>https://news.example/</link>
<description>News</description>
{items}
</channel>
</rss>
"#
        )
    }

    #[test]
    fn rss2_with_full_content() {
        let text = rss(r#"<item>
  <title>Talks resume in Geneva</title>
  <link>https://news.example/geneva</link>
  <guid isPermaLink="false">news-123</guid>
  <pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate>
  <dc:creator>Ana Ruiz</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>First paragraph with <a href="https://x.example">a link</a>.</p><p>Second<br>third</p><ul><li>one</li><li>two</li></ul><h2>Heading</h2>]]></content:encoded>
</item>"#);
        let read = read(&text);
        let article = only(&read);
        assert_eq!(read.articles[0].0, 7, "the line of <item>");
        assert_eq!(article.title, "Talks resume in Geneva");
        assert_eq!(article.body, ["First paragraph with a link.", "Second", "third", "one", "two", "Heading"]);
        assert!(!article.summary);
        assert_eq!(article.date.as_str(), "2026-01-16T09:30:00Z");
        assert_eq!(article.date.time().map(|time| time.hour()), Some(9));
        assert_eq!(article.source, "The Daily & Weekly");
        assert_eq!(article.url.as_deref(), Some("https://news.example/geneva"));
        assert_eq!(article.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(article.id, format!("feed-{:016x}", fnv1a64(b"guid\0news-123")));
    }

    #[test]
    fn rss2_with_only_a_description_is_a_summary() {
        let text = rss(r#"<item>
  <link>https://news.example/a</link>
  <pubDate>Fri, 16 Jan 2026 00:00:00 GMT</pubDate>
  <description>&lt;p&gt;The council voted on Tuesday. More to follow.&lt;/p&gt;</description>
</item>"#);
        let read = read(&text);
        let article = only(&read);
        assert!(article.summary);
        assert_eq!(article.body, ["The council voted on Tuesday. More to follow."]);
        assert_eq!(article.title, "The council voted on Tuesday", "derived from the first sentence");
        assert_eq!(article.date.as_str(), "2026-01-16", "midnight is a day");
        assert_eq!(article.id, format!("feed-{:016x}", fnv1a64(b"link\0https://news.example/a")));
    }

    #[test]
    fn a_guid_that_is_a_web_address_is_the_url_when_there_is_no_link() {
        let text = rss(
            "<item><guid>https://news.example/p/1</guid><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>Text.</description></item>",
        );
        let read = read(&text);
        assert_eq!(only(&read).url.as_deref(), Some("https://news.example/p/1"));
    }

    #[test]
    fn atom() {
        let text = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Atom &lt;b&gt;News&lt;/b&gt;</title>
  <id>urn:feed</id>
  <updated>2026-01-17T08:00:00Z</updated>
  <entry>
    <title>First entry</title>
    <id>urn:entry:1</id>
    <link rel="alternate" href="https://atom.example/1"/>
    <link rel="replies" href="https://atom.example/1/comments"/>
    <published>2026-01-16T10:15:00+02:00</published>
    <updated>2026-01-17T08:00:00Z</updated>
    <author><name>Bo Lee</name></author>
    <summary>Teaser</summary>
    <content type="html">&lt;div&gt;Body text&lt;/div&gt;&lt;div&gt;More text&lt;/div&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <id>urn:entry:2</id>
    <updated>2026-01-15T07:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <em>body</em></p></div></content>
  </entry>
</feed>"#;
        let read = read(text);
        assert!(read.rejected.is_empty(), "{:?}", read.rejected);
        let lines: Vec<usize> = read.articles.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [6, 17]);
        let (first, second) = (&read.articles[0].1, &read.articles[1].1);
        assert_eq!(first.source, "Atom News");
        assert_eq!(first.body, ["Body text", "More text"]);
        assert!(!first.summary);
        assert_eq!(first.date.as_str(), "2026-01-16T08:15:00Z", "published, in UTC");
        assert_eq!(first.url.as_deref(), Some("https://atom.example/1"));
        assert_eq!(first.author.as_deref(), Some("Bo Lee"));
        assert_eq!(second.body, ["XHTML body"]);
        assert_eq!(second.date.as_str(), "2026-01-15T07:00:00Z", "updated when not published");
        assert_eq!(second.url, None);
    }

    #[test]
    fn json_feed() {
        let text = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON News",
  "items": [
    {"id": "1", "title": "Html item", "url": "https://j.example/1", "content_html": "<p>Hello &amp; welcome</p>",
     "date_published": "2026-01-16T12:00:00Z", "authors": [{"name": "Cy Doe"}]},
    {"id": "2", "content_text": "Plain text.\n\nSecond   paragraph.", "date_modified": "2026-01-15T00:00:00Z"},
    {"id": "3", "title": "Summary only", "summary": "Just a summary.", "date_published": "2026-01-14T01:02:03Z"}
  ]
}"#;
        let read = read(text);
        assert!(read.rejected.is_empty(), "{:?}", read.rejected);
        let articles: Vec<&Article> = read.articles.iter().map(|(_, article)| article).collect();
        assert_eq!(articles.len(), 3);
        assert_eq!(articles[0].source, "JSON News");
        assert_eq!(articles[0].body, ["Hello & welcome"]);
        assert_eq!(articles[0].author.as_deref(), Some("Cy Doe"));
        assert_eq!(articles[0].url.as_deref(), Some("https://j.example/1"));
        assert_eq!(articles[1].body, ["Plain text.", "Second paragraph."]);
        assert_eq!(articles[1].title, "Plain text");
        assert!(!articles[1].summary);
        assert_eq!(articles[2].body, ["Just a summary."]);
        assert!(articles[2].summary);
    }

    #[test]
    fn rss1_rdf() {
        let text = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF News</title>
    <link>https://rdf.example/</link>
    <description>d</description>
    <items><rdf:Seq><rdf:li resource="https://rdf.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>RDF item</title>
    <link>https://rdf.example/1</link>
    <description>An RDF description.</description>
    <dc:date>2026-01-16T09:00:00Z</dc:date>
  </item>
</rdf:RDF>"#;
        let read = read(text);
        let article = only(&read);
        assert_eq!(read.articles[0].0, 9);
        assert_eq!(article.title, "RDF item");
        assert_eq!(article.source, "RDF News");
        assert_eq!(article.body, ["An RDF description."]);
        assert!(article.summary);
        assert_eq!(article.date.as_str(), "2026-01-16T09:00:00Z");
    }

    #[test]
    fn item_without_a_date_is_rejected_unless_there_is_a_default() {
        let text = rss(
            "<item><title>Undated</title><description>Text.</description></item>\n<item><description>Also undated.</description></item>",
        );
        let read = read(&text);
        assert!(read.articles.is_empty());
        let messages: Vec<String> = read.rejected.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "7: item 1 \"Undated\": no date (give --default-date YYYY-MM-DD)",
                "8: item 2: no date (give --default-date YYYY-MM-DD)",
            ]
        );
        let options = ReadOptions { default_date: "2025-12-31".parse().ok(), ..options() };
        let read = read_feed(text.as_bytes(), &options);
        assert!(read.rejected.is_empty());
        assert_eq!(read.articles.len(), 2);
        assert_eq!(read.articles[0].1.date.as_str(), "2025-12-31");
    }

    #[test]
    fn item_without_text_is_rejected_and_a_title_alone_is_a_summary() {
        let text = rss(
            "<item><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate></item>\n<item><title>Only a title</title><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate></item>",
        );
        let read = read(&text);
        let messages: Vec<String> = read.rejected.iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["7: item 1: no text (no content, summary or title)"]);
        assert_eq!(read.articles.len(), 1);
        assert_eq!(read.articles[0].1.body, ["Only a title"]);
        assert!(read.articles[0].1.summary);
    }

    #[test]
    fn broken_xml_is_one_rejection_with_its_line() {
        let text = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>x</item>\n</channel></rss>";
        let read = read(text);
        assert!(read.articles.is_empty());
        assert_eq!(read.rejected.len(), 1);
        let error = &read.rejected[0];
        assert_eq!(error.line, 3);
        assert!(error.reason.starts_with("not a readable feed: "), "{}", error.reason);
        let read = read_feed(b"just some words", &options());
        assert_eq!(read.rejected[0].to_string(), "1: not a readable feed: no RSS, Atom or JSON Feed root element");
        let read = read_feed(b"{\n\"version\": ", &options());
        assert_eq!(read.rejected.len(), 1);
        assert!(read.rejected[0].reason.starts_with("not a readable feed: "), "{:?}", read.rejected);
    }

    #[test]
    fn legacy_encodings_are_decoded_and_lines_still_found() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9</title>\n<item><title>Na\xefve</title><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>Cr\xe8me br\xfbl\xe9e.</description></item>\n<item><title>x</title><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>y</description></item>\n</channel></rss>";
        let read = read_feed(bytes, &options());
        assert!(read.rejected.is_empty(), "{:?}", read.rejected);
        let lines: Vec<usize> = read.articles.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [3, 4]);
        assert_eq!(read.articles[0].1.source, "Caf\u{e9}");
        assert_eq!(read.articles[0].1.title, "Na\u{ef}ve");
        assert_eq!(read.articles[0].1.body, ["Cr\u{e8}me br\u{fb}l\u{e9}e."]);
        let broken = &bytes[..bytes.len() - 20];
        let read = read_feed(broken, &options());
        assert_eq!(read.rejected.len(), 1);
        assert_eq!(read.rejected[0].line, 4, "where the cut `</ite` is");
    }

    #[test]
    fn scripts_styles_and_tags_are_gone_and_references_decoded() {
        let text = rss(
            r#"<item><title>Rock &amp;amp; roll &#8217;26</title><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<script>alert("x")</script><style>p{color:red}</style><p onclick="evil()">Fish &amp; chips &#8217;n&rsquo; peas&nbsp;&lt;3</p><!-- note --><noscript><img src=x></noscript><iframe src="https://evil.example"></iframe><p>Tail <b>bold</b><img src="y.png" alt="pic"> end</p>]]></content:encoded></item>"#,
        );
        let read = read(&text);
        let article = only(&read);
        assert_eq!(article.title, "Rock & roll \u{2019}26");
        assert_eq!(article.body, ["Fish & chips \u{2019}n\u{2019} peas <3", "Tail bold end"]);
        for paragraph in &article.body {
            assert!(!paragraph.contains("alert") && !paragraph.contains("color") && !paragraph.contains("img"));
        }
    }

    #[test]
    fn html_paragraphs_lay_out_blocks_and_cells() {
        assert_eq!(
            html_paragraphs("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>  x\n  y <br/><br/> z"),
            ["a b", "c", "x y", "z"]
        );
        assert_eq!(html_paragraphs("<div>out<div>in</div>after</div>"), ["out", "in", "after"]);
        assert_eq!(html_paragraphs("a <plaintext><b>raw"), ["a"]);
        assert!(html_paragraphs("   ").is_empty());
    }

    #[test]
    fn ids_are_stable_when_an_item_is_added_first() {
        let first = "<item><title>A</title><guid>g-a</guid><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>a</description></item>\n<item><title>B</title><link>https://news.example/b</link><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>b</description></item>\n<item><title>C</title><pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate><description>c</description></item>";
        let new = "<item><title>New</title><guid>g-new</guid><pubDate>Sat, 17 Jan 2026 09:30:00 GMT</pubDate><description>n</description></item>\n";
        let ids = |items: &str| -> Vec<(String, String)> {
            read(&rss(items)).articles.into_iter().map(|(_, article)| (article.title, article.id)).collect()
        };
        let before = ids(first);
        let after = ids(&format!("{new}{first}"));
        assert_eq!(before.len(), 3);
        assert_eq!(after.len(), 4);
        assert_eq!(after[1..], before[..]);
        let unique: std::collections::HashSet<&String> = after.iter().map(|(_, id)| id).collect();
        assert_eq!(unique.len(), 4);
        let twice = ids(&format!("{first}\n{first}"));
        let unique: std::collections::HashSet<&String> = twice.iter().map(|(_, id)| id).collect();
        assert_eq!(unique.len(), 6, "a repeated guid still gives unique ids: {twice:?}");
    }

    #[test]
    fn fnv1a64_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    /// One generated item: whether it has a title, a date, a description.
    fn item_strategy() -> impl Strategy<Value = (Option<String>, bool, Option<String>)> {
        ("[A-Za-z][A-Za-z &;<>]{0,20}", "[A-Za-z][A-Za-z .&<>]{0,40}").prop_flat_map(|(title, text)| {
            (proptest::option::of(Just(title)), any::<bool>(), proptest::option::of(Just(text)))
        })
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let read = read_feed(&bytes, &options());
            prop_assert!(read.articles.len() + read.rejected.len() <= bytes.len() + 1);
        }

        #[test]
        fn arbitrary_xmlish_text_never_panics(text in "[<>/a-z =\"&;!\\[\\]{}:\n]{0,300}") {
            let _ = read(&format!("<rss version=\"2.0\"><channel>{text}"));
            let _ = read(&text);
        }

        #[test]
        fn every_generated_item_is_read_or_rejected(items in proptest::collection::vec(item_strategy(), 0..12)) {
            let mut xml = String::new();
            for (title, dated, text) in &items {
                xml.push_str("<item>");
                if let Some(title) = title {
                    xml.push_str(&format!("<title>{}</title>", escape(title)));
                }
                if *dated {
                    xml.push_str("<pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate>");
                }
                if let Some(text) = text {
                    xml.push_str(&format!("<description>{}</description>", escape(text)));
                }
                xml.push_str("</item>\n");
            }
            let read = read(&rss(&xml));
            prop_assert_eq!(read.articles.len() + read.rejected.len(), items.len());
            for (_, article) in &read.articles {
                prop_assert!(!article.body.is_empty());
                prop_assert!(!article.title.is_empty());
            }
        }
    }
}
