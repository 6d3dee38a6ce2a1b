//! Saved web pages: one article a page.
//!
//! [`read_html`] decodes the page (byte-order mark, then UTF-8 when valid and not plain ASCII, then
//! the `<meta>` charset, then windows-1252), finds its main text with the `trafilatura` crate (all
//! its use is in one private function, `main_text`, so another extractor can replace it
//! there), and reads the title, date, author, outlet and address from the page's own
//! metadata: JSON-LD first, then OpenGraph, then plain `<meta>` tags, `<time>` and
//! `<title>`, then what the crate found. Pages that are not articles (front pages, lists
//! of links, sign-in walls, pages with almost no text) and pages without a date are
//! rejected with the reason. A paywalled article's page that shows only its opening (its
//! JSON-LD says it is not free, and it has fewer than [`WALL_MAX_WORDS`] words) is kept,
//! marked as only part of the article (`Article::summary`): its headline, date and lede
//! are what the reader saved, and the judged pages' human annotators count that opening as
//! the page's article.
//!
//! Big or pathological pages are made cheap to parse first: over 1 MB, scripts, styles,
//! comments and inline images are dropped; of what is still over [`MAX_PARSED_BYTES`],
//! only the head and a window around the article are read; elements nested deeper than
//! [`MAX_NESTING`] are unwrapped.

use std::borrow::Cow;

use ego_tree::iter::Edge;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{Html, Node};
use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

use dossier_format::ArticleDate;

use super::{Read, ReadOptions, new_article};
use crate::parse::derive_title;

/// Fewest words (Unicode word segments: a CJK character counts as one) the main text
/// must have to be an article; below it the page is rejected as having too little text.
pub const MIN_ARTICLE_WORDS: usize = 30;

/// Fewest characters the main text must have to be an article.
pub const MIN_ARTICLE_CHARS: usize = 200;

/// Highest share of the main text's characters that may be link text: above it the page
/// is a front page or a list of links, not an article.
pub const MAX_LINK_DENSITY: f64 = 0.5;

/// A page whose JSON-LD says it is not free to read shows only the opening of its article
/// when its main text has fewer words than this: it is kept, marked as a part.
pub const WALL_MAX_WORDS: usize = 150;

/// A page with a password field (a sign-in box) is a sign-in wall when its main text has
/// fewer words than this. Lower than [`WALL_MAX_WORDS`]: many news pages carry a sign-in
/// box beside a short story (on the tune half of the judged pages, a 97-word story with a
/// login form in its page).
pub const SIGN_IN_MAX_WORDS: usize = 60;

/// How far into the page a `<meta charset>` is looked for (the HTML standard says 1024
/// bytes; pages with long heads put it later).
const CHARSET_SNIFF_BYTES: usize = 4096;

/// How much of the page is looked at to tell binary data from text.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Deepest nesting of elements given to the parsers (browsers stop nesting at 512).
pub const MAX_NESTING: usize = 256;

/// Pages larger than this are pre-trimmed (scripts, styles, comments and inline images
/// dropped) before they are parsed.
const TRIM_ABOVE_BYTES: usize = 1 << 20;

/// Most bytes of a page given to the parsers, after pre-trimming: of a bigger page only
/// the head and a window around the start of its article are read. Reading costs up to
/// about 0.6 s and 80 MB of memory a megabyte of markup (release build), so the biggest
/// page takes a few seconds and a few hundred megabytes.
pub const MAX_PARSED_BYTES: usize = 4 << 20;

/// The rejection of a file that is not text.
const NOT_HTML: &str = "not an HTML page (binary data)";

/// The rejection of an article page without any date.
const MOSTLY_LINKS: &str = "not an article: the page is mostly links (a front page or list)";

/// A page whose main text is too short and which has at least this many links is a front
/// page or a list.
const LISTING_LINKS: usize = 20;

const NO_DATE: &str = "no publication date found in the page (give --default-date YYYY-MM-DD)";

/// The JSON-LD `@type`s of an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
];

/// `<meta>` names and properties that give the publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "datepublished",
    "article.published",
    "original-publish-date",
];

/// `<meta>` names that give the author, best first.
const AUTHOR_METAS: &[&str] = &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];

/// Elements whose end is the end of a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose text is never article text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "math", "iframe", "object"];

/// Reads one saved web page: its main text as paragraphs, and its title, date, author,
/// outlet and canonical address. Gives one article, or one rejection (on line 1) saying
/// why the page is not one.
pub fn read_html(bytes: &[u8], options: &ReadOptions) -> Read {
    let Some(text) = decode(bytes) else {
        return Read::rejected(1, NOT_HTML);
    };
    let trimmed = if text.len() > TRIM_ABOVE_BYTES { pre_trim(&text) } else { Cow::Borrowed(text.as_ref()) };
    let windowed = window(&trimmed);
    let html = flatten_nesting(&windowed);
    let page = read_page(&html);
    let Some(extracted) = main_text(&html) else {
        return Read::rejected(1, "not an article: no main text found in the page");
    };
    let mut blocks = in_text_order(blocks(&extracted.html, &page.link_texts), &extracted.text);
    blocks.retain(|block| !is_furniture(&block.text));

    let site_names = [page.site_name(), page.json_ld.publisher.as_deref(), extracted.site_name.as_deref()];
    let title_tag = page.title.as_deref().map(|title| strip_site_name(title, &site_names));
    let titles = [
        page.json_ld.headline.as_deref(),
        page.meta("og:title"),
        page.meta("dc:title"),
        page.meta("twitter:title"),
        page.salvaged.headline.as_deref(),
        title_tag,
        extracted.title.as_deref(),
    ];
    // A title tag alone (no metadata title before it) still often ends with a name the
    // page gives nowhere else.
    let bare_title_tag = title_tag.filter(|_| titles[..5].iter().all(Option::is_none)).map(without_trailing_part);
    // What the extractor found is itself read from the headings: only the page's own
    // metadata can confirm one.
    let title = shown_headline(&page.headings, &titles[..titles.len() - 1], &site_names).or_else(|| {
        bare_title_tag
            .into_iter()
            .chain(titles.iter().flatten().copied())
            .map(clean_text)
            .find(|title| !title.is_empty())
    });
    // The headline is usually the first block of the main text too.
    let headlines = || titles.iter().flatten().copied().chain(title.as_deref());
    if blocks.first().is_some_and(|first| headlines().any(|headline| same_text(headline, &first.text))) {
        blocks.remove(0);
    }

    let paywalled = page.json_ld.free == Some(false);
    let sign_in_words = if page.password_field && !paywalled { SIGN_IN_MAX_WORDS } else { 0 };
    if let Some(reason) = not_an_article(&blocks, sign_in_words) {
        let too_little = reason.starts_with("not an article: too little text");
        let reason = if too_little && paywalled {
            // Not even an opening: the wall is all there is.
            reason.replace("too little text", "a subscription wall with too little text")
        } else if too_little && page.link_texts.len() >= LISTING_LINKS {
            // Little text around many links: a front page or a list.
            MOSTLY_LINKS.to_owned()
        } else {
            reason
        };
        return Read::rejected(1, reason);
    }
    let part = paywalled && words(&blocks) < WALL_MAX_WORDS;

    let url = [page.canonical.as_deref(), page.meta("og:url"), page.json_ld.url.as_deref(), extracted.url.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|url| is_web_address(url))
        .map(str::to_owned);
    // The page's markup, then a date in its address (`/2019/nov/18/`), then the first date
    // the extractor met in the text (often one the article quotes).
    let date = page
        .date()
        .or_else(|| url.as_deref().and_then(date_in_address))
        .or_else(|| extracted.date.as_deref().and_then(parse_date))
        .or_else(|| options.default_date.clone());
    let Some(date) = date else {
        return Read::rejected(1, NO_DATE);
    };

    let body: Vec<String> = blocks.into_iter().map(|block| block.text).collect();
    let title = title.unwrap_or_else(|| body.first().map(|first| derive_title(first)).unwrap_or_default());
    let source = site_names
        .into_iter()
        .flatten()
        .map(clean_text)
        .find(|name| !name.is_empty())
        .or_else(|| url.as_deref().and_then(host).map(str::to_owned))
        .unwrap_or_else(|| options.default_source.clone());
    let author = [page.json_ld.author.clone(), page.author(), extracted.author]
        .into_iter()
        .flatten()
        .map(|author| clean_text(&author))
        .find(|author| !author.is_empty());

    let mut article = new_article(options.id.clone(), title, date, source, body);
    article.url = url;
    article.author = author;
    article.summary = part;
    Read::one(article)
}

/// What the main-text extractor gives: the main text as HTML, and the metadata it found
/// itself (used where the page's own metadata says nothing).
struct Extracted {
    /// The main text as HTML (paragraphs, headings, lists; links kept as `<a>`).
    html: String,
    /// The main text as plain text, words in their right order.
    text: String,
    title: Option<String>,
    author: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
    /// A date the extractor found, `YYYY-MM-DD`.
    date: Option<String>,
}

/// Blocks that are advertising, whatever the extractor makes of them (its own rules miss
/// `class="ad …"` and `id="ad-…"`).
const PRUNE_SELECTOR: &str = "[class~=ad], [class~=ads], [class~=advert], [class~=advertisement], \
     [class~=sponsored], [class^=ad-], [id^=ad-], [id^=google_ads], [data-ad-slot], ins.adsbygoogle";

/// The page's main text, with the `trafilatura` crate: everything this reader knows of the
/// crate is here. None when it finds no text.
fn main_text(html: &str) -> Option<Extracted> {
    let mut options = trafilatura::Options::default();
    options.exclude_comments = true;
    // Links are not kept: the crate's HTML misplaces the text after an inline element
    // more often with them (tune half 0.967 against 0.969), and link text is told by the
    // page's own links instead (`Page::link_texts`).
    options.include_links = false;
    options.enable_fallback = true;
    // Chosen on the tune half of the human-judged pages (bench/extraction): body F1 0.971
    // against 0.958 with the crate's balanced default.
    options.focus = trafilatura::ExtractionFocus::FavorPrecision;
    options.prune_selector = Some(PRUNE_SELECTOR.to_owned());
    // Below this many characters the crate swaps its extraction for a plainer one that
    // loses the paragraphs; its 250 is more than a short article in Japanese or Chinese.
    options.config.min_extracted_size = MIN_ARTICLE_CHARS;
    let result = trafilatura::extract(html, &options).ok()?;
    let metadata = result.metadata;
    let non_empty = |text: String| (!text.trim().is_empty()).then_some(text);
    Some(Extracted {
        html: result.content_html,
        text: result.content_text,
        title: non_empty(metadata.title),
        author: non_empty(metadata.author.replace("; ", ", ")),
        site_name: non_empty(metadata.sitename),
        url: non_empty(metadata.url),
        date: metadata.date.map(|date| date.format("%Y-%m-%d").to_string()),
    })
}

// ---------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------

/// The page as text, or None when it is binary data.
fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return Some(encoding.decode_without_bom_handling(&bytes[bom_length..]).0);
    }
    if is_binary(&bytes[..bytes.len().min(BINARY_SNIFF_BYTES)]) {
        return None;
    }
    // Text in a legacy encoding with any letter outside ASCII is almost never valid UTF-8,
    // while pages re-saved as UTF-8 often keep their old `<meta charset>` (a GB2312 page
    // among Readability's test pages): valid UTF-8 beats the declaration.
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|text| !text.is_ascii()) {
        return Some(Cow::Borrowed(text));
    }
    if let Some(encoding) = declared_encoding(&bytes[..bytes.len().min(CHARSET_SNIFF_BYTES)]) {
        return Some(encoding.decode_without_bom_handling(bytes).0);
    }
    Some(match utf8 {
        Some(text) => Cow::Borrowed(text),
        None => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    })
}

/// Whether the start of a file is binary: it has a NUL byte, or more than one byte in ten
/// is a control character that text does not use.
fn is_binary(head: &[u8]) -> bool {
    let controls = head.iter().filter(|&&byte| byte < 0x20 && !b"\t\n\r\x0c\x1b".contains(&byte)).count();
    head.contains(&0) || controls * 10 > head.len()
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in the head of the page names, as browsers take it.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + b"<meta".len();
        let end = lower[start..].iter().position(|&byte| byte == b'>').map_or(lower.len(), |length| start + length);
        if let Some(encoding) = charset_in(&lower[start..end]).and_then(Encoding::for_label_no_replacement) {
            return Some(match encoding {
                encoding if encoding == UTF_16BE || encoding == UTF_16LE => UTF_8,
                encoding if encoding == X_USER_DEFINED => WINDOWS_1252,
                encoding => encoding,
            });
        }
        from = end;
    }
    None
}

/// The value after `charset=` in the text of a tag.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let rest = tag[at + b"charset".len()..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|byte| b"\"'; \t\r\n/>".contains(byte)).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// A big page without what never holds article text, cheaply: the insides of `<script>`
/// (but JSON-LD), `<style>` and `<svg>` elements, comments, and long `data:` addresses
/// (inline images) in attributes. Keeps everything else as it was.
fn pre_trim(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&byte| byte == b'<') {
        let open = at + offset;
        let rest = &bytes[open..];
        if rest.starts_with(b"<!--") {
            let end = find(&rest[4..], b"-->").map_or(bytes.len(), |end| open + 4 + end + 3);
            out.push_str(&html[copied..open]);
            copied = end;
            at = end;
            continue;
        }
        let Some(tag_length) = rest.iter().position(|&byte| byte == b'>') else { break };
        let tag_end = open + tag_length + 1;
        let skipped = ["script", "style", "svg"].into_iter().find(|tag| starts_with_tag(&rest[1..], tag));
        let Some(skipped) = skipped else {
            if tag_length > DATA_URI_MIN_BYTES
                && let Some(trimmed) = without_data_uris(&html[open..tag_end])
            {
                out.push_str(&html[copied..open]);
                out.push_str(&trimmed);
                copied = tag_end;
            }
            at = tag_end;
            continue;
        };
        if skipped == "script" && html[open..tag_end].to_ascii_lowercase().contains("ld+json") {
            at = tag_end;
            continue;
        }
        // The end tag stays (so the element closes where it did); a missing one ends the page.
        let close = find_ignore_case(&bytes[tag_end..], format!("</{skipped}").as_bytes());
        let resume = close.map_or(bytes.len(), |close| tag_end + close);
        out.push_str(&html[copied..tag_end]);
        copied = resume;
        at = resume;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `data:` addresses longer than this in a tag are dropped by [`pre_trim`].
const DATA_URI_MIN_BYTES: usize = 1024;

/// A start tag with its long quoted `data:` attribute values emptied (`"data:,"`), if it
/// has any.
fn without_data_uris(tag: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(offset) = find_ignore_case(&tag.as_bytes()[from..], b"data:") {
        let value = from + offset;
        let quote = tag.as_bytes().get(value.wrapping_sub(1)).copied().filter(|&byte| byte == b'"' || byte == b'\'');
        let end = quote.and_then(|quote| tag.as_bytes()[value..].iter().position(|&byte| byte == quote));
        match end {
            Some(length) if length > DATA_URI_MIN_BYTES => {
                out.push_str(&tag[copied..value]);
                out.push_str("data:,");
                copied = value + length;
                from = copied;
            }
            _ => from = value + 5,
        }
    }
    (copied > 0).then(|| out + &tag[copied..])
}

/// The part of a page too big to parse whole that holds its article, at most
/// [`MAX_PARSED_BYTES`]: the head, then the body from a little before the first
/// `<article>` (or `articleBody`, `<main>`, `<h1>`; else from the start of the body), cut
/// at tags. The parser closes what the cuts leave open.
fn window(html: &str) -> Cow<'_, str> {
    if html.len() <= MAX_PARSED_BYTES {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let head_end = find_ignore_case(bytes, b"</head").filter(|&end| end <= MAX_PARSED_BYTES / 4).unwrap_or(0);
    let body = &bytes[head_end..];
    let anchor = [b"<article".as_slice(), b"articlebody", b"<main", b"<h1"]
        .into_iter()
        .find_map(|needle| find_ignore_case(body, needle))
        .map_or(head_end, |at| head_end + at);
    let budget = MAX_PARSED_BYTES - head_end;
    let start = cut_before(html, anchor.saturating_sub(budget / 4).max(head_end) + 1).max(head_end);
    let end = cut_before(html, start + budget).max(start);
    let mut kept = String::with_capacity(head_end + end - start);
    kept.push_str(&html[..head_end]);
    kept.push_str(&html[start..end]);
    Cow::Owned(kept)
}

/// Where to cut a text at or before `at`: at the start of a tag not far before, else at a
/// character boundary.
fn cut_before(html: &str, at: usize) -> usize {
    let at = at.min(html.len());
    let floor = at.saturating_sub(1 << 16);
    if let Some(tag) = html.as_bytes()[floor..at].iter().rposition(|&byte| byte == b'<') {
        return floor + tag;
    }
    (0..=at).rev().find(|&at| html.is_char_boundary(at)).unwrap_or(0)
}

/// Elements that hold no other elements, or that the parser closes by itself when the
/// next one opens, which [`flatten_nesting`] does not count.
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt", "thead", "tbody", "tfoot", "colgroup",
    "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The page with the start and end tags of elements nested deeper than [`MAX_NESTING`]
/// dropped (their content stays), found with a cheap scan of the tags: the HTML parser
/// takes time in the square of the depth (a page of 100,000 unclosed `<div>`s took 80 s)
/// and the extractor's fallback recurses as deep. Pages within the limit are unchanged.
fn flatten_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped: FxHashMap<String, usize> = FxHashMap::default();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&byte| byte == b'<') {
        let open = at + offset;
        let rest = &bytes[open + 1..];
        if rest.starts_with(b"!--") {
            at = find(&rest[3..], b"-->").map_or(bytes.len(), |end| open + 4 + end + 3);
            continue;
        }
        let closing = rest.starts_with(b"/");
        let name_start = open + 1 + usize::from(closing);
        let name_length = bytes[name_start..]
            .iter()
            .position(|byte| !(byte.is_ascii_alphanumeric() || b"-_:".contains(byte)))
            .unwrap_or(bytes.len() - name_start);
        if name_length == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // Text, a doctype or a processing instruction.
            at = open + 1;
            continue;
        }
        let Some(tag_length) = bytes[open..].iter().position(|&byte| byte == b'>') else { break };
        let tag_end = open + tag_length + 1;
        let name = html[name_start..name_start + name_length].to_ascii_lowercase();
        at = tag_end;
        if !closing && RAW_TEXT_TAGS.contains(&name.as_str()) {
            let close = find_ignore_case(&bytes[tag_end..], format!("</{name}").as_bytes());
            at = close.map_or(bytes.len(), |close| tag_end + close);
            continue;
        }
        if UNCOUNTED_TAGS.contains(&name.as_str()) {
            continue;
        }
        let drop = if closing {
            match dropped.get_mut(&name).filter(|count| **count > 0) {
                Some(count) => {
                    *count -= 1;
                    true
                }
                None => {
                    depth = depth.saturating_sub(1);
                    false
                }
            }
        } else if depth >= MAX_NESTING {
            *dropped.entry(name).or_default() += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..open]);
            copied = tag_end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether `bytes` starts with the tag name `tag` (any case) followed by the end of a name.
fn starts_with_tag(bytes: &[u8], tag: &str) -> bool {
    bytes.len() > tag.len()
        && bytes[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
        && matches!(bytes[tag.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where `needle` (ASCII, not empty) first occurs in `haystack`, in any case.
fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?.to_ascii_lowercase();
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut at = 0;
    while at <= last_start {
        let candidate = at + haystack[at..=last_start].iter().position(|byte| byte.to_ascii_lowercase() == first)?;
        if haystack[candidate..candidate + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
    None
}

// ---------------------------------------------------------------------------------------
// The page's metadata
// ---------------------------------------------------------------------------------------

/// What the page says about itself, read in one walk over it.
#[derive(Default)]
struct Page {
    /// `<meta>` contents by lowercased `property`, `name` or `itemprop`, first one kept.
    metas: FxHashMap<String, String>,
    /// The `<title>` text.
    title: Option<String>,
    /// `<link rel="canonical">`.
    canonical: Option<String>,
    /// What the JSON-LD says about the article.
    json_ld: JsonLd,
    /// What broken JSON-LD still says (`salvage`).
    salvaged: JsonLd,
    /// The `datetime` of an element with `itemprop="datePublished"`.
    microdata_date: Option<String>,
    /// The `datetime` of the first `<time>` inside an `<article>`.
    article_time: Option<String>,
    /// The `datetime` of the first `<time>` in the page.
    first_time: Option<String>,
    /// The first date the page shows in words, alone in a short text (`Nov. 19, 2019`,
    /// `11:21 pm CST, Tuesday, November 19, 2019`): a byline's, written in the page's own time.
    shown_date: Option<ArticleDate>,
    /// Whether the page has a password field (a sign-in form) outside its header, menus
    /// and footer.
    password_field: bool,
    /// The text of every link in the page, cleaned and lowercased.
    link_texts: FxHashSet<String>,
    /// The texts of the page's `<h1>`s and `itemprop="headline"` elements, in order: the
    /// headline as the page shows it is among them.
    headings: Vec<String>,
}

impl Page {
    /// A `<meta>` content, when not blank.
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas.get(key).map(String::as_str).filter(|value| !value.trim().is_empty())
    }

    /// The site's name: JSON-LD `WebSite`, OpenGraph `og:site_name`, `application-name`.
    fn site_name(&self) -> Option<&str> {
        self.json_ld
            .site_name
            .as_deref()
            .or_else(|| self.meta("og:site_name"))
            .or_else(|| self.meta("application-name"))
    }

    /// The publication date: JSON-LD, then `<meta>` tags, microdata and `<time>`; a date
    /// before [`EARLIEST_YEAR`] is a placeholder (`0001-01-01`) and skipped. A date given in
    /// UTC (`Z`, `+00:00`) before noon is the day before in the Americas' evening: when the
    /// page's `<time>` or the first date it shows in words (both written in its own time)
    /// says the day before, the page shows that day.
    fn date(&self) -> Option<ArticleDate> {
        let metas = DATE_METAS.iter().filter_map(|key| self.meta(key));
        let times = [self.article_time.as_deref(), self.first_time.as_deref()];
        let (text, date) = [self.json_ld.date.as_deref()]
            .into_iter()
            .flatten()
            .chain(metas)
            .chain(self.microdata_date.as_deref())
            .chain(times.into_iter().flatten())
            .chain(self.salvaged.date.as_deref())
            .find_map(|text| parse_date(text).filter(plausible_date).map(|date| (text, date)))?;
        // Only a UTC time before noon can be the day before anywhere people live.
        let morning = date.as_str().get(11..13).and_then(|hour| hour.parse::<u8>().ok()).is_some_and(|hour| hour < 12);
        let local = times
            .into_iter()
            .flatten()
            .filter(|time| !in_utc(time))
            .filter_map(parse_date)
            .chain(self.shown_date.clone())
            .find(|time| is_day_before(time, &date));
        Some(local.filter(|_| morning && in_utc(text)).unwrap_or(date))
    }

    /// The author a `<meta>` names (not a profile address).
    fn author(&self) -> Option<String> {
        AUTHOR_METAS
            .iter()
            .filter_map(|key| self.meta(key))
            .map(|author| author.trim().trim_start_matches("By ").trim_start_matches("by "))
            .find(|author| !author.is_empty() && !is_web_address(author))
            .map(str::to_owned)
    }
}

/// Reads the page's metadata and link texts. The parsed page is dropped before the
/// extractor parses its own.
fn read_page(html: &str) -> Page {
    let document = Html::parse_document(html);
    let mut page = Page::default();
    let mut json_ld = Vec::new();
    for node in document.tree.root().descendants() {
        if let Node::Text(text) = node.value()
            && page.shown_date.is_none()
            && text.trim().len() <= SHOWN_DATE_MAX_BYTES
            && node.parent().is_some_and(|parent| {
                !SKIPPED_TAGS.iter().chain(&["title"]).any(|name| is_element(parent.value(), name))
            })
        {
            page.shown_date = date_in_words(text).filter(plausible_date);
        }
        let Node::Element(element) = node.value() else { continue };
        let attribute = |name: &str| element.attr(name).map(str::trim).filter(|value| !value.is_empty());
        match element.name() {
            "meta" => {
                let Some(content) = attribute("content") else { continue };
                // `property` may list several names ("og:title twitter:title").
                let keys = ["property", "name", "itemprop"].into_iter().filter_map(attribute);
                for key in keys.flat_map(str::split_ascii_whitespace) {
                    page.metas.entry(key.to_ascii_lowercase()).or_insert_with(|| content.to_owned());
                }
            }
            "title"
                if page.title.is_none() && node.ancestors().all(|ancestor| !is_element(ancestor.value(), "svg")) =>
            {
                page.title = Some(text_of(node));
            }
            "link" if page.canonical.is_none() => {
                let canonical = attribute("rel")
                    .is_some_and(|rel| rel.split_ascii_whitespace().any(|rel| rel.eq_ignore_ascii_case("canonical")));
                if canonical {
                    page.canonical = attribute("href").map(str::to_owned);
                }
            }
            "script" if attribute("type").is_some_and(|kind| kind.to_ascii_lowercase().contains("ld+json")) => {
                json_ld.push(text_of(node));
            }
            // A sign-in box in the page's header, menu or footer says nothing of its article.
            "input"
                if attribute("type").is_some_and(|kind| kind.eq_ignore_ascii_case("password"))
                    && !node.ancestors().any(|ancestor| {
                        ["header", "nav", "footer", "aside"].iter().any(|name| is_element(ancestor.value(), name))
                    }) =>
            {
                page.password_field = true;
            }
            "h1" | "h2" | "div" | "span" | "p"
                if page.headings.len() < MAX_HEADINGS
                    && (element.name() == "h1"
                        || attribute("itemprop").is_some_and(|prop| prop.eq_ignore_ascii_case("headline"))) =>
            {
                let text = clean_text(&text_of(node));
                if !text.is_empty() {
                    page.headings.push(text);
                }
            }
            "a" => {
                let text = clean_text(&text_of(node)).to_lowercase();
                if !text.is_empty() {
                    page.link_texts.insert(text);
                }
            }
            _ => {}
        }
        let datetime = || attribute("datetime").or_else(|| attribute("content")).map(str::to_owned);
        if page.microdata_date.is_none()
            && attribute("itemprop").is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
        {
            page.microdata_date = datetime();
        }
        if element.name() == "time" && attribute("datetime").is_some() {
            if page.first_time.is_none() {
                page.first_time = datetime();
            }
            if page.article_time.is_none() && node.ancestors().any(|ancestor| is_element(ancestor.value(), "article")) {
                page.article_time = datetime();
            }
        }
    }
    (page.json_ld, page.salvaged) = read_json_ld(&json_ld);
    page
}

/// Whether a node is the element `name`.
fn is_element(node: &Node, name: &str) -> bool {
    matches!(node, Node::Element(element) if element.name() == name)
}

/// All the text under a node.
fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants().filter_map(|node| node.value().as_text().map(|text| &**text)).collect()
}

/// What JSON-LD says about the article.
#[derive(Debug, Default, PartialEq)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
    /// `isAccessibleForFree`, when given.
    free: Option<bool>,
}

/// Reads the first article among the JSON-LD scripts' objects (arrays and `@graph`s
/// included), and the name of the `WebSite`; and, apart, what the scripts too broken to
/// parse still say (`salvage`). Each script is parsed once.
fn read_json_ld(scripts: &[String]) -> (JsonLd, JsonLd) {
    let mut nodes = Vec::new();
    let mut salvaged = None;
    for script in scripts {
        match parse_json_ld(script) {
            Some(value) => flatten(value, &mut nodes, 0),
            None => salvaged = salvaged.or_else(|| salvage(script)),
        }
    }
    let field = |key: &str| salvaged.as_ref().and_then(|article: &Value| article.get(key)).and_then(string);
    let salvaged = JsonLd {
        headline: field("headline"),
        date: field("datePublished").or_else(|| field("dateCreated")),
        ..JsonLd::default()
    };
    (article_of(&nodes), salvaged)
}

/// What the first article among JSON-LD `nodes` says, and the name of the `WebSite`.
fn article_of(nodes: &[Value]) -> JsonLd {
    let by_id: FxHashMap<&str, &Value> =
        nodes.iter().filter_map(|node| Some((node.get("@id")?.as_str()?, node))).collect();
    let resolve = |value: &'_ Value| -> Value {
        match value.get("@id").and_then(Value::as_str).and_then(|id| by_id.get(id)) {
            Some(&node) if value.as_object().is_some_and(|object| object.len() == 1) => node.clone(),
            _ => value.clone(),
        }
    };
    let mut found = JsonLd {
        site_name: nodes
            .iter()
            .find(|node| has_type(node, |kind| kind == "WebSite"))
            .and_then(|site| string(site.get("name")?)),
        ..JsonLd::default()
    };
    let Some(article) = nodes.iter().find(|node| has_type(node, |kind| ARTICLE_TYPES.contains(&kind))) else {
        return found;
    };
    found.headline = article.get("headline").or_else(|| article.get("name")).and_then(string);
    found.date = article.get("datePublished").or_else(|| article.get("dateCreated")).and_then(string);
    found.author = article.get("author").and_then(|author| names(author, &resolve));
    found.publisher = article.get("publisher").and_then(|publisher| names(publisher, &resolve));
    found.url = article.get("url").and_then(string).or_else(|| {
        let main = article.get("mainEntityOfPage")?;
        string(main).or_else(|| string(main.get("@id")?))
    });
    found.free = match article.get("isAccessibleForFree") {
        Some(Value::Bool(free)) => Some(*free),
        Some(Value::String(free)) => Some(!free.eq_ignore_ascii_case("false")),
        _ => None,
    };
    found
}

/// One JSON-LD script's value, forgiving a CDATA or comment wrapper and stray text around.
fn parse_json_ld(script: &str) -> Option<Value> {
    if let Ok(value) = serde_json::from_str(script) {
        return Some(value);
    }
    let between = |open: char, close: char| -> Option<Value> {
        let text = script.get(script.find(open)?..=script.rfind(close)?)?;
        serde_json::from_str(text).ok()
    };
    between('{', '}').or_else(|| between('[', ']'))
}

/// What a JSON-LD script too broken to parse still says plainly, as trafilatura reads
/// one: an article's type, headline and date, each the first `"key": "value"` written (a
/// quote left unescaped in a description breaks the script, not its headline). Read after
/// every other metadata.
fn salvage(script: &str) -> Option<Value> {
    // The string values after each `"key":`, escapes read when they are valid.
    let values = |key: &str| -> Vec<String> {
        let quoted = format!("\"{key}\"");
        let value = |at: usize| {
            let rest = script[at + quoted.len()..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
            let end = rest.bytes().enumerate().position(|(at, byte)| byte == b'"' && !rest[..at].ends_with('\\'))?;
            let raw = &rest[..end];
            Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned()))
        };
        script.match_indices(quoted.as_str()).filter_map(|(at, _)| value(at)).collect()
    };
    let kind = values("@type").into_iter().find(|kind| ARTICLE_TYPES.contains(&kind.as_str()))?;
    let mut article = serde_json::Map::new();
    article.insert("@type".to_owned(), Value::String(kind));
    for key in ["headline", "datePublished", "dateCreated"] {
        if let Some(value) = values(key).into_iter().next() {
            article.insert(key.to_owned(), Value::String(value));
        }
    }
    Some(Value::Object(article))
}

/// Collects every object of a JSON-LD value: the value, the items of arrays and
/// `@graph`s, and `mainEntity`s.
fn flatten(value: Value, nodes: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten(item, nodes, depth + 1)),
        Value::Object(mut object) => {
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = object.remove(key) {
                    flatten(inner, nodes, depth + 1);
                }
            }
            nodes.push(Value::Object(object));
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` (a string or a list, maybe a full schema.org
/// address) satisfies `test`.
fn has_type(node: &Value, test: impl Fn(&str) -> bool) -> bool {
    let short = |kind: &str| test(kind.rsplit(['/', ':', '#']).next().unwrap_or(kind));
    match node.get("@type") {
        Some(Value::String(kind)) => short(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(short),
        _ => false,
    }
}

/// A JSON string, trimmed, when not empty.
/// A JSON-LD string, its character references decoded: sites write JSON-LD through their
/// HTML templates (`Anastassiades&#8217; light installation`).
fn string(value: &Value) -> Option<String> {
    let text = value.as_str().map(str::trim).filter(|text| !text.is_empty())?;
    if !text.contains('&') {
        return Some(text.to_owned());
    }
    let decoded = Html::parse_fragment(&text.replace('<', "&lt;"));
    Some(text_of(decoded.tree.root()).trim().to_owned()).filter(|text| !text.is_empty())
}

/// The names in an author or publisher value: a string, an object with a `name` (or a
/// reference to one), or a list of those; joined with commas.
fn names(value: &Value, resolve: &impl Fn(&Value) -> Value) -> Option<String> {
    let one = |value: &Value| -> Option<String> {
        match value {
            Value::String(name) => Some(name.trim().to_owned()),
            Value::Object(_) => resolve(value).get("name").and_then(|name| match name {
                Value::Array(parts) => parts.first().and_then(string),
                name => string(name),
            }),
            _ => None,
        }
    };
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        value => one(value).into_iter().collect(),
    };
    let mut unique: Vec<String> = Vec::new();
    for name in names.into_iter().filter(|name| !name.is_empty() && !is_web_address(name)) {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    (!unique.is_empty()).then(|| unique.join(", "))
}

// ---------------------------------------------------------------------------------------
// Dates, titles, addresses
// ---------------------------------------------------------------------------------------

/// Month names and their abbreviations, in English.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date as pages write it: ISO 8601 (with an offset or fractions of a second, kept as
/// far as [`ArticleDate`] takes them), `YYYY/MM/DD`, `YYYYMMDD`, or in words
/// ("January 16, 2026", "16 Jan 2026", "Fri, 16 Jan 2026 10:00:00 GMT").
fn parse_date(text: &str) -> Option<ArticleDate> {
    let text = text.trim();
    if let Ok(date) = text.parse::<ArticleDate>() {
        return Some(date);
    }
    let bytes = text.as_bytes();
    let digits =
        |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|part| part.iter().all(u8::is_ascii_digit));
    // Year first: 2026-01-16 with something after, 2026/01/16, 2026.01.16, 20260116.
    if digits(0..4)
        && matches!(bytes.get(4), Some(b'-' | b'/' | b'.'))
        && digits(5..7)
        && bytes.get(7) == bytes.get(4)
        && digits(8..10)
    {
        let day = format!("{}-{}-{}", &text[0..4], &text[5..7], &text[8..10]);
        // Keep the time of day when it is there and readable.
        if let Some(time) = text.get(11..19).filter(|_| matches!(bytes.get(10), Some(b'T' | b' ')))
            && let Ok(date) = format!("{day}T{time}").parse()
        {
            return Some(date);
        }
        return day.parse().ok();
    }
    if bytes.len() == 8 && digits(0..8) {
        return format!("{}-{}-{}", &text[0..4], &text[4..6], &text[6..8]).parse().ok();
    }
    date_in_words(text)
}

/// A date in a web address's path: year, month (a number or a name) and day as three
/// segments (`/2019/11/18/`, `/2019/nov/18/`), or a segment starting with `2019-11-18`.
fn date_in_address(url: &str) -> Option<ArticleDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest).split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let number = |text: &str, range: std::ops::RangeInclusive<u32>| {
        (text.len() <= 4 && text.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()
            .filter(|value| range.contains(value))
    };
    let month_of = |text: &str| {
        let lower = text.to_ascii_lowercase();
        number(text, 1..=12).or_else(|| {
            (lower.len() >= 3)
                .then(|| MONTHS.iter().position(|month| month.starts_with(lower.as_str())))
                .flatten()
                .map(|at| at as u32 + 1)
        })
    };
    let three = segments.windows(3).find_map(|window| {
        let year = number(window[0], 1990..=2100).filter(|_| window[0].len() == 4)?;
        let month = month_of(window[1])?;
        let day = number(window[2], 1..=31).filter(|_| window[2].len() <= 2)?;
        format!("{year}-{month:02}-{day:02}").parse().ok()
    });
    three.or_else(|| {
        segments.iter().find_map(|segment| {
            let head = segment.get(..10)?;
            let dashed = head
                .bytes()
                .enumerate()
                .all(|(at, byte)| if at == 4 || at == 7 { byte == b'-' } else { byte.is_ascii_digit() });
            dashed.then(|| head.parse().ok()).flatten().filter(plausible_date)
        })
    })
}

/// A date written with the month's name: the year is the first four-digit number, the
/// day the one- or two-digit number right after the month ("November 19, 2019"), else
/// right before it ("19 November 2019"), else the first before the year: a time of day
/// ahead of the date ("11:21 pm CST, Tuesday, November 19, 2019") is not its day.
fn date_in_words(text: &str) -> Option<ArticleDate> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|token| !token.is_empty()).collect();
    let month_at =
        tokens.iter().position(|token| token.len() >= 3 && MONTHS.iter().any(|month| month.starts_with(token)))?;
    let month = MONTHS.iter().position(|month| month.starts_with(tokens[month_at]))? + 1;
    let year_at =
        tokens.iter().position(|token| token.len() == 4 && token.bytes().all(|byte| byte.is_ascii_digit()))?;
    let day_number = |token: &&'_ str| -> Option<String> {
        let number = token.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (!number.is_empty() && number.len() <= 2 && number.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| number.to_owned())
    };
    let day = tokens
        .get(month_at + 1)
        .and_then(day_number)
        .or_else(|| month_at.checked_sub(1).and_then(|before| day_number(&tokens[before])))
        .or_else(|| tokens[..year_at].iter().find_map(day_number))?;
    format!("{}-{month:02}-{:0>2}", tokens[year_at], day).parse().ok()
}

/// What stands between a headline and the site's name or section in a title.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " : "];

/// The title without a trailing (or leading) " | Site", " - Site" naming the site (any of
/// the names known for it).
fn strip_site_name<'a>(title: &'a str, sites: &[Option<&str>]) -> &'a str {
    let title = title.trim();
    for site in sites.iter().flatten().map(|site| clean_text(site)).filter(|site| !site.is_empty()) {
        for separator in TITLE_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(separator)
                && same_text(tail, &site)
                && !head.trim().is_empty()
            {
                return head.trim();
            }
            if let Some((head, tail)) = title.split_once(separator)
                && same_text(head, &site)
                && !tail.trim().is_empty()
            {
                return tail.trim();
            }
        }
    }
    title
}

/// The longest trailing part of a title cut as a site's name or section.
const TRAILING_PART_MAX_WORDS: usize = 3;

/// A title without the short part after its last separator (" - Entermedia", " | World"),
/// as Readability reads titles: a page that names its site nowhere else still puts it
/// there. Kept whole when the part is longer than [`TRAILING_PART_MAX_WORDS`] words, when
/// what is before it is shorter than the part, or when the separator is a colon (headlines
/// use them).
fn without_trailing_part(title: &str) -> &str {
    let title = title.trim();
    let Some((head, tail)) = TITLE_SEPARATORS[..TITLE_SEPARATORS.len() - 1]
        .iter()
        .filter_map(|separator| title.rsplit_once(separator))
        .max_by_key(|(head, _)| head.len())
    else {
        return title;
    };
    let (head_words, tail_words) = (head.split_whitespace().count(), tail.split_whitespace().count());
    if tail_words == 0 || tail_words > TRAILING_PART_MAX_WORDS || head_words < tail_words.max(2) {
        return title;
    }
    head.trim()
}

/// Whether two texts are the same after cleaning, in any case.
fn same_text(left: &str, right: &str) -> bool {
    clean_text(left).to_lowercase() == clean_text(right).to_lowercase()
}

/// The longest text read as a date the page shows (a byline's date with its time and
/// zone); a longer text is a sentence that mentions a date.
const SHOWN_DATE_MAX_BYTES: usize = 60;

/// Dates before this year are placeholders some sites write (`0001-01-01`), not dates.
const EARLIEST_YEAR: i32 = 1800;

/// Whether a date from a page can be its publication date.
fn plausible_date(date: &ArticleDate) -> bool {
    date.day().year() >= EARLIEST_YEAR
}

/// Whether a date-time as written is in UTC.
fn in_utc(text: &str) -> bool {
    ["Z", "+00:00", "+0000"].iter().any(|zone| text.trim().ends_with(zone))
}

/// Whether `earlier` falls on the calendar day before `date`.
fn is_day_before(earlier: &ArticleDate, date: &ArticleDate) -> bool {
    earlier.day().next_day() == Some(date.day())
}

/// How many headings of a page are kept to find its headline among.
const MAX_HEADINGS: usize = 16;

/// The headline as the page shows it: the first of its headings that one of its metadata
/// titles names. A title names a heading when they are the same text (quotes, dashes and
/// case aside), when the title is the heading with the site's name or a section before or
/// after it (the heading at least half of it), when the title is the heading and a short
/// trailing part (`without_trailing_part`), or when the title is the heading cut short
/// (five words or more). The metadata often carries a variant (`og:title` with the site's
/// name, a headline cut to a length); the page shows the one the reader knows.
fn shown_headline(headings: &[String], titles: &[Option<&str>], sites: &[Option<&str>]) -> Option<String> {
    let titles: Vec<String> =
        titles.iter().flatten().map(|title| folded_title(title)).filter(|t| !t.is_empty()).collect();
    let sites: Vec<String> = sites.iter().flatten().map(|site| folded_title(site)).collect();
    let shown: Vec<String> = headings.iter().map(|heading| folded_title(heading)).collect();
    // The same text first, wherever it is in the page; then a part of a title, never the
    // site's own name (a logo's `<h1>` before the headline).
    let same = shown.iter().position(|shown| titles.contains(shown));
    let part = || {
        shown.iter().position(|shown| {
            let words = shown.split(' ').count();
            !sites.contains(shown)
                && titles.iter().any(|title| {
                    (words >= 2 && title.contains(shown.as_str()) && 2 * shown.len() >= title.len())
                        || (title.split(' ').count() >= 5 && shown.starts_with(title.as_str()))
                        || without_trailing_part(title) == shown.as_str()
                })
        })
    };
    same.or_else(part).map(|at| headings[at].clone())
}

/// A title as titles are compared: clean text, lowercase, curly quotes straight, dashes
/// one, without a trailing ellipsis.
fn folded_title(title: &str) -> String {
    let folded: String = clean_text(title)
        .to_lowercase()
        .chars()
        .map(|character| match character {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2212}' => '-',
            other => other,
        })
        .collect();
    folded.trim_end_matches(['…', '.', ' ']).to_owned()
}

/// Whether a text is an absolute web address.
fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && host(text).is_some()
}

/// The host of a web address, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}

// ---------------------------------------------------------------------------------------
// The main text
// ---------------------------------------------------------------------------------------

/// One paragraph of the main text, with how many of its characters (not counting
/// whitespace) are link text.
#[derive(Debug)]
struct Block {
    text: String,
    link_chars: usize,
}

/// The paragraphs of the main text's HTML: one per block element or line break, text
/// cleaned. Link text is the text inside `<a>`, or the lines that are the whole text of
/// a link of the page (the extractor's fallbacks keep no `<a>`, but a line a text node).
fn blocks(html: &str, link_texts: &FxHashSet<String>) -> Vec<Block> {
    let fragment = Html::parse_fragment(html);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut link_chars = 0;
    let mut in_link = 0usize;
    let mut skipping = 0usize;
    let mut flush = |text: &mut String, link_chars: &mut usize| {
        let cleaned = clean_text(text);
        if !cleaned.is_empty() {
            // Lines (text nodes, in the extractor's fallbacks) that are a link's whole text.
            let link_lines: usize = text
                .lines()
                .map(clean_text)
                .filter(|line| !line.is_empty() && link_texts.contains(&line.to_lowercase()))
                .map(|line| non_space(&line))
                .sum();
            let link_chars = (*link_chars).max(link_lines).min(non_space(&cleaned));
            blocks.push(Block { text: cleaned, link_chars });
        }
        text.clear();
        *link_chars = 0;
    };
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED_TAGS.contains(&name) {
                        skipping += 1;
                    } else if BLOCK_TAGS.contains(&name) {
                        flush(&mut text, &mut link_chars);
                    } else if name == "a" {
                        in_link += 1;
                    }
                }
                Node::Text(content) if skipping == 0 => {
                    text.push_str(content);
                    if in_link > 0 {
                        link_chars += non_space(content);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if SKIPPED_TAGS.contains(&name) {
                        skipping = skipping.saturating_sub(1);
                    } else if BLOCK_TAGS.contains(&name) {
                        flush(&mut text, &mut link_chars);
                    } else if name == "a" {
                        in_link = in_link.saturating_sub(1);
                    }
                }
            }
        }
    }
    flush(&mut text, &mut link_chars);
    blocks
}

/// How a short paragraph of a page's furniture starts: pointers to other stories ("Read
/// more: …", "Related: …", "You may also like"), calls to sign up, follow or share, and the
/// labels of tag lists. Compared lowercased, curly apostrophes straight, as whole words
/// (`subscribers` is not `subscribe`).
const FURNITURE_OPENINGS: &[&str] = &[
    "read more:",
    "read more about",
    "read more at",
    "read more here",
    "read also",
    "related:",
    "related post",
    "related posts",
    "related article",
    "related articles",
    "related story",
    "related stories",
    "see more",
    "see also",
    "don't miss",
    "you may also like",
    "you might also like",
    "most read",
    "also on ",
    "more:",
    "also:",
    "recommended",
    "sign up",
    "subscribe",
    "follow us",
    "like this story",
    "share this",
    "tags",
    "filed under",
    "advertisement",
    "reporting by",
    "additional reporting",
    "editing by",
    "copyright",
    "disclosure",
];

/// How a short paragraph giving the writers' addresses starts (`Email Tariq Malik at
/// tmalik@space.com`); furniture only with an address (`@`) in it.
const CONTACT_OPENINGS: &[&str] = &["write to", "email", "e-mail", "reach", "follow", "contact"];

/// How a short paragraph crediting other writers ends.
const CREDIT_ENDINGS: &[&str] =
    &["contributed to this report.", "contributed to this story.", "contributed reporting."];

/// The most words of a paragraph read as furniture by its opening.
const FURNITURE_MAX_WORDS: usize = 25;

/// Whether a paragraph the extractor kept is the page's furniture, not the story's: short,
/// and opening as [`FURNITURE_OPENINGS`] do, giving an address as [`CONTACT_OPENINGS`], or
/// crediting other writers ([`CREDIT_ENDINGS`]).
fn is_furniture(text: &str) -> bool {
    if text.split_whitespace().nth(FURNITURE_MAX_WORDS).is_some() {
        return false;
    }
    let opening: String = text.chars().take(24).collect::<String>().to_lowercase().replace('\u{2019}', "'");
    let opens = |starts: &[&str]| {
        starts.iter().any(|start| {
            opening
                .strip_prefix(start)
                .is_some_and(|rest| !start.ends_with(char::is_alphanumeric) || !rest.starts_with(char::is_alphanumeric))
        })
    };
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches(|character: char| !character.is_alphanumeric());
    ["read more", "more", "related", "share"].contains(&bare)
        || opens(FURNITURE_OPENINGS)
        || (opens(CONTACT_OPENINGS) && text.contains('@'))
        || CREDIT_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// Words a paragraph break may move to meet the next paragraph's first words.
const BREAK_REACH: usize = 12;
/// Words of the next paragraph a break must meet.
const BREAK_MATCH: usize = 3;
/// The plain text and the HTML may differ in one letter in this many and still be laid
/// on each other.
const ALIGN_SLACK: i64 = 50;

/// The paragraphs with their words in the order of the extractor's plain text. The
/// `trafilatura` crate's HTML output (0.6) misplaces the text that follows an inline
/// element such as `<strong>` ("11 hits on (well, ..." with "Mason Rudolph" moved to
/// the next inline element), while its plain text has every word in place but no
/// paragraph breaks. The breaks are taken from the HTML and laid on the plain text: each
/// where the next paragraph's first words are, within [`BREAK_REACH`] words of where the
/// HTML's word counts put it. When the two do not hold the same words, the HTML's
/// paragraphs are kept as they are.
fn in_text_order(blocks: Vec<Block>, text: &str) -> Vec<Block> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let counts: Vec<usize> = blocks.iter().map(|block| block.text.split_whitespace().count()).collect();
    // Nearly the same letters, whatever the spaces (the HTML also loses the space before
    // an inline element: "for<strong>Mason"): at most one in [`ALIGN_SLACK`] differs.
    let letters = |texts: &mut dyn Iterator<Item = &str>| {
        let mut counts: FxHashMap<char, i64> = FxHashMap::default();
        for text in texts {
            for letter in clean_text(text).chars().filter(|letter| !letter.is_whitespace()) {
                *counts.entry(letter).or_default() += 1;
            }
        }
        counts
    };
    let (in_text, in_html) =
        (letters(&mut words.iter().copied()), letters(&mut blocks.iter().map(|block| block.text.as_str())));
    let total: i64 = in_text.values().sum();
    let differing: i64 = in_text
        .iter()
        .map(|(letter, count)| (count - in_html.get(letter).copied().unwrap_or(0)).abs())
        .chain(in_html.iter().filter(|(letter, _)| !in_text.contains_key(letter)).map(|(_, count)| *count))
        .sum();
    let same = total > 0 && differing * ALIGN_SLACK <= total;
    if blocks.len() < 2 || !same {
        return blocks;
    }
    let mut reordered = Vec::with_capacity(blocks.len());
    let (mut start, mut expected) = (0, 0);
    for (index, block) in blocks.iter().enumerate() {
        expected += counts[index];
        let end = match blocks.get(index + 1) {
            None => words.len(),
            Some(next) => {
                let opening: Vec<&str> = next.text.split_whitespace().take(BREAK_MATCH).collect();
                let meets =
                    |at: usize| words.get(at..at + opening.len()).is_some_and(|found| found == opening.as_slice());
                (0..=BREAK_REACH)
                    .flat_map(|distance| [expected.checked_sub(distance), Some(expected + distance)])
                    .flatten()
                    .find(|&at| at > start && at < words.len() && meets(at))
                    .unwrap_or(expected.clamp(start, words.len()))
            }
        };
        let text = clean_text(&words[start..end].join(" "));
        if !text.is_empty() {
            reordered.push(Block { text, link_chars: block.link_chars });
        }
        start = end;
    }
    reordered
}

/// Text with its whitespace (no-break spaces and line breaks too) collapsed to single
/// spaces, invisible characters (zero-width spaces and joiners, soft hyphens, byte-order
/// marks) and control characters dropped, and the ends trimmed.
fn clean_text(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut space = false;
    for character in text.chars() {
        if matches!(character, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}') {
            continue;
        }
        if character.is_whitespace() {
            space = true;
            continue;
        }
        if character.is_control() {
            continue;
        }
        if space && !cleaned.is_empty() {
            cleaned.push(' ');
        }
        space = false;
        cleaned.push(character);
    }
    cleaned
}

/// How many characters of a text are not whitespace.
fn non_space(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Words of the main text (Unicode word segments).
fn words(blocks: &[Block]) -> usize {
    blocks.iter().map(|block| block.text.unicode_words().count()).sum()
}

/// Why the main text is not an article's, if it is not: a sign-in wall (fewer words than
/// `wall_words`, 0 on a page with no wall), too little text, or mostly links.
fn not_an_article(blocks: &[Block], wall_words: usize) -> Option<String> {
    let chars: usize = blocks.iter().map(|block| block.text.chars().count()).sum();
    let words = words(blocks);
    if words < wall_words {
        return Some(format!("not an article: a sign-in wall ({words} words of text)"));
    }
    if words < MIN_ARTICLE_WORDS || chars < MIN_ARTICLE_CHARS {
        return Some(format!("not an article: too little text ({words} words)"));
    }
    let link_chars: usize = blocks.iter().map(|block| block.link_chars).sum();
    let text_chars: usize = blocks.iter().map(|block| non_space(&block.text)).sum();
    if link_chars as f64 > MAX_LINK_DENSITY * text_chars.max(1) as f64 {
        return Some(MOSTLY_LINKS.to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use dossier_format::Article;

    const NEWS: &[u8] = include_bytes!("../../tests/fixtures/html/news.html");
    const BLOG: &[u8] = include_bytes!("../../tests/fixtures/html/blog.html");
    const FRONT: &[u8] = include_bytes!("../../tests/fixtures/html/front.html");
    const LOGIN: &[u8] = include_bytes!("../../tests/fixtures/html/login.html");
    const NO_DATE_PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/nodate.html");
    const WINDOWS_1252_PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/windows-1252.html");
    const LATIN_1_PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/iso-8859-1.html");
    const SHIFT_JIS_PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/shift_jis.html");
    const BOM_PAGE: &[u8] = include_bytes!("../../tests/fixtures/html/bom.html");

    fn options() -> ReadOptions {
        ReadOptions { id: "page".to_owned(), default_source: "saved.html".to_owned(), default_date: None }
    }

    fn read(bytes: &[u8]) -> Article {
        let mut read = read_html(bytes, &options());
        assert!(read.rejected.is_empty(), "rejected: {:?}", read.rejected);
        assert_eq!(read.articles.len(), 1);
        let (line, article) = read.articles.remove(0);
        assert_eq!(line, 1);
        article
    }

    fn rejection(bytes: &[u8]) -> String {
        let read = read_html(bytes, &options());
        assert!(read.articles.is_empty(), "read as an article: {:?}", read.articles);
        assert_eq!(read.rejected.len(), 1);
        assert_eq!(read.rejected[0].line, 1);
        read.rejected[0].reason.clone()
    }

    /// A page around `body`, with `head` in its head.
    fn page(head: &str, body: &str) -> Vec<u8> {
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>{body}</article><footer>Footer text</footer></body></html>").into_bytes()
    }

    const PARAGRAPHS: &str = "<p>The harbour board met on Tuesday to discuss the dredging of the inner basin, which has silted up faster than expected since the storms of last winter.</p><p>Members agreed to ask three contractors for quotes, and said the work should be finished before the summer sailing season begins in earnest.</p>";

    #[test]
    fn a_news_page_gives_its_metadata_and_only_its_story() {
        let article = read(NEWS);
        assert_eq!(article.id, "page");
        assert_eq!(article.title, "Port authority approves new ferry terminal after two-year review");
        assert_eq!(article.date.as_str(), "2026-01-16T10:00:00+01:00");
        assert_eq!(article.author.as_deref(), Some("Maren Holt, Idris Okafor"));
        assert_eq!(article.source, "The Harbour Gazette");
        assert_eq!(
            article.url.as_deref(),
            Some("https://www.harbourgazette.example/news/2026/01/16/ferry-terminal-approved")
        );
        assert_eq!(article.body.len(), 5, "{:#?}", article.body);
        assert!(article.body[0].starts_with("The Calder Bay Port Authority voted 7-2"));
        assert_eq!(
            article.body[1],
            "The £84 million terminal will replace the ageing Pier 4 building, which has served island crossings since 1968. Construction is expected to begin in the spring and to take about three years, according to the authority's chief executive, Lena Varga."
        );
        assert!(article.body[2].starts_with("“This is the biggest investment"));
        assert!(article.body[4].ends_with("the final plans would be published next week."));
        let text = article.body.join("\n");
        for junk in [
            "cookies",
            "Accept all",
            "Share on",
            "Email this story",
            "Advertisement",
            "Sponsored",
            "cruises",
            "Related stories",
            "Ferry fares",
            "Pier 4 at fifty",
            "Comments",
            "seadog",
            "About time",
            "lorry route",
            "Most read",
            "Storm warning",
            "Sign up",
            "newsletter",
            "©",
            "All rights reserved",
            "Topics",
            "MUST-NOT-APPEAR",
            "gtag",
            "Search the Gazette",
            "Subscribe",
            "Home",
            "artist's impression",
            "\u{a0}",
            "<",
            ">",
        ] {
            assert!(!text.contains(junk), "{junk:?} in the body:\n{text}");
        }
    }

    #[test]
    fn a_blog_post_reads_meta_tags_time_and_title() {
        let article = read(BLOG);
        assert_eq!(article.title, "Why I switched my allotment to no-dig beds", "the site's name is cut from <title>");
        assert_eq!(article.date.as_str(), "2025-11-03T08:15:00+00:00");
        assert_eq!(article.author.as_deref(), Some("Priya Raman"));
        assert_eq!(article.source, "Green Thumbs Diary");
        assert_eq!(article.url.as_deref(), Some("https://greenthumbs.example/2025/11/no-dig-beds/"));
        assert!(article.body[0].starts_with("For eleven years I turned over every bed"), "{:#?}", article.body);
        assert!(article.body.contains(&"What I did".to_owned()), "headings stay paragraphs of their own");
        assert!(article.body.last().is_some_and(|last| last.ends_with("cheaper than you might think.")));
        let text = article.body.join("\n");
        for junk in [
            "Dave from plot 9",
            "slugs",
            "Recent posts",
            "Planting garlic",
            "Post Comment",
            "Filed under",
            "powered by",
        ] {
            assert!(!text.contains(junk), "{junk:?} in the body:\n{text}");
        }
    }

    #[test]
    fn json_ld_beats_opengraph_beats_the_title_tag() {
        let json_ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD","datePublished":"2025-05-05","author":"Ada Lovelace","publisher":{"@type":"Organization","name":"LD Publisher"}}</script>"#;
        let og = r#"<meta property="og:title" content="From OpenGraph"><meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2025-04-04T04:04:04Z"><meta name="author" content="Meta Author">"#;
        let title = "<title>From the title tag | OG Site</title><meta name=\"date\" content=\"2025-03-03\">";

        let all = read(&page(&format!("{title}{og}{json_ld}"), PARAGRAPHS));
        assert_eq!(all.title, "From JSON-LD");
        assert_eq!(all.date.as_str(), "2025-05-05");
        assert_eq!(all.author.as_deref(), Some("Ada Lovelace"));
        assert_eq!(all.source, "OG Site", "the site's name comes before the publisher");

        let no_json_ld = read(&page(&format!("{title}{og}"), PARAGRAPHS));
        assert_eq!(no_json_ld.title, "From OpenGraph");
        assert_eq!(no_json_ld.date.as_str(), "2025-04-04T04:04:04Z");
        assert_eq!(no_json_ld.author.as_deref(), Some("Meta Author"));

        let title_only = read(&page(title, PARAGRAPHS));
        assert_eq!(title_only.title, "From the title tag", "a title tag alone loses its short trailing part");
        assert_eq!(title_only.date.as_str(), "2025-03-03");
        assert_eq!(title_only.author, None);
        assert_eq!(title_only.source, "saved.html");

        let publisher = read(&page(json_ld, PARAGRAPHS));
        assert_eq!(publisher.source, "LD Publisher", "the publisher when no site name");

        let host = read(&page(
            r#"<link rel="canonical" href="https://www.example.org/a/b"><meta name="date" content="2025-03-03">"#,
            PARAGRAPHS,
        ));
        assert_eq!(host.source, "example.org", "the canonical address' host when nothing names the outlet");
        assert_eq!(host.url.as_deref(), Some("https://www.example.org/a/b"));
        assert_eq!(
            host.title, "The harbour board met on Tuesday to discuss the dredging of the inner basin, which has…",
            "derived"
        );
    }

    #[test]
    fn json_ld_comes_in_many_shapes() {
        let read = |script: &str| read_json_ld(&[script.to_owned()]).0;
        let salvaged_json_ld = |scripts: &[String]| read_json_ld(scripts).1;
        let graph = read(
            r##"{"@graph":[{"@type":"Organization","@id":"#org","name":"Org Name"},{"@type":["Thing","http://schema.org/ReportageNewsArticle"],"headline":" H ","datePublished":"2024-01-02","author":[{"@type":"Person","name":"A One"},"B Two","https://example.org/author/x",{"name":"A One"}],"publisher":{"@id":"#org"},"isAccessibleForFree":"False","mainEntityOfPage":{"@id":"https://example.org/story"}},{"@type":"WebSite","name":"Site"}]}"##,
        );
        assert_eq!(
            graph,
            JsonLd {
                headline: Some("H".to_owned()),
                date: Some("2024-01-02".to_owned()),
                author: Some("A One, B Two".to_owned()),
                publisher: Some("Org Name".to_owned()),
                site_name: Some("Site".to_owned()),
                url: Some("https://example.org/story".to_owned()),
                free: Some(false),
            }
        );
        let array =
            read(r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"Post","author":{"name":["Solo"]}}]"#);
        assert_eq!(array.headline.as_deref(), Some("Post"));
        assert_eq!(array.author.as_deref(), Some("Solo"));
        let wrapped = read("<!--//--><![CDATA[//><!--\n{\"@type\":\"Article\",\"headline\":\"Wrapped\"}\n//--><!]]>");
        assert_eq!(wrapped.headline.as_deref(), Some("Wrapped"));
        assert_eq!(read("{not json"), JsonLd::default());
        // Broken by an unescaped quote: the article's headline and date are still read,
        // as a salvage the page's other metadata comes before.
        let broken = r#"{"@type": "WebPage", "@type": "Article", "headline": "Lights \"after\" lights", "description": "a 'quote", broken", "datePublished": "2018-04-18"}"#;
        assert_eq!(read(broken), JsonLd::default());
        let salvaged = salvaged_json_ld(&[broken.to_owned()]);
        assert_eq!(salvaged.headline.as_deref(), Some("Lights \"after\" lights"));
        assert_eq!(salvaged.date.as_deref(), Some("2018-04-18"));
        assert_eq!(salvaged_json_ld(&[r#"{"@type": "Product", "headline": "x", }"#.to_owned()]), JsonLd::default());
        assert_eq!(read(r#"{"@type":"Product","name":"Shoe"}"#).headline, None);
        // Written through an HTML template: character references decoded, tags left as text.
        let referenced = read(r#"{"@type":"Article","headline":"Anastassiades&#8217; lights &amp; <b>jewels</b>"}"#);
        assert_eq!(referenced.headline.as_deref(), Some("Anastassiades\u{2019} lights & <b>jewels</b>"));
    }

    #[test]
    fn legacy_encodings_decode() {
        let cp1252 = read(WINDOWS_1252_PAGE);
        assert_eq!(cp1252.title, "Café owners fear the “new rules”");
        assert_eq!(cp1252.author.as_deref(), Some("Renée Dubois"));
        assert_eq!(cp1252.date.as_str(), "2025-06-02");
        assert!(
            cp1252.body[0].starts_with("The owners of the cafés on the Place du Marché say the council’s “new rules”"),
            "{:?}",
            cp1252.body
        );
        assert!(cp1252.body[0].contains("€3,000 each — and they want the décision reversed"));

        let latin1 = read(LATIN_1_PAGE);
        assert_eq!(latin1.date.as_str(), "2024-03-18");
        assert!(latin1.body[0].contains("between Strømsund and Ålesund"), "{:?}", latin1.body);
        assert!(latin1.body[1].contains("a refund of ½ the difference"));

        let japanese = read(SHIFT_JIS_PAGE);
        assert_eq!(japanese.title, "港に新しいフェリーターミナル");
        assert_eq!(japanese.source, "湾岸新聞");
        assert_eq!(japanese.date.as_str(), "2026-01-16T09:00:00+09:00");
        assert_eq!(japanese.body.len(), 3, "{:?}", japanese.body);
        assert!(
            japanese.body[0]
                .starts_with("市の港湾局は十五日、東地区の岸壁に新しいフェリーターミナルを建設する計画を承認した。")
        );

        let resaved = page(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><meta name=\"date\" content=\"2025-03-03\">",
            "<p>人工智能迈上新台阶。The harbour board met on Tuesday to discuss the dredging of the inner basin, which has silted up faster than expected since the storms of last winter.</p><p>Members agreed to ask three contractors for quotes before the summer.</p>",
        );
        assert!(read(&resaved).body[0].starts_with("人工智能迈上新台阶。"), "valid UTF-8 beats a stale <meta charset>");
        let bom = read(BOM_PAGE);
        assert_eq!(bom.title, "Zürich’s trams get a new timetable", "the byte-order mark beats the <meta> charset");
        assert!(bom.body[1].contains("Bahnhofstrasse and Bürkliplatz"));
    }

    #[test]
    fn encodings_are_sniffed_like_browsers_do() {
        let decoded = |bytes: &[u8]| decode(bytes).map(Cow::into_owned);
        assert_eq!(
            decoded(b"<meta content='text/html; charset=ISO-8859-1' http-equiv=Content-Type>\xe9").as_deref(),
            Some("<meta content='text/html; charset=ISO-8859-1' http-equiv=Content-Type>é")
        );
        assert_eq!(decoded(b"<META CHARSET=WINDOWS-1252>\x93q\x94").as_deref(), Some("<META CHARSET=WINDOWS-1252>“q”"));
        assert_eq!(
            decoded("<p>caf\u{e9} without a charset</p>".as_bytes()).as_deref(),
            Some("<p>café without a charset</p>")
        );
        assert_eq!(
            decoded(b"<p>caf\xe9 not UTF-8</p>").as_deref(),
            Some("<p>café not UTF-8</p>"),
            "windows-1252 when not UTF-8"
        );
        assert_eq!(
            decoded(b"<meta charset=\"utf-16\"><p>\xc3\xa9").as_deref(),
            Some("<meta charset=\"utf-16\"><p>é"),
            "UTF-16 in <meta> means UTF-8"
        );
        assert_eq!(
            decoded(b"<meta charset=\"klingon\"><p>\xc3\xa9").as_deref(),
            Some("<meta charset=\"klingon\"><p>é"),
            "an unknown charset is ignored"
        );
        let utf16: Vec<u8> = "\u{feff}<p>é</p>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decoded(&utf16).as_deref(), Some("<p>é</p>"), "a UTF-16 page is no binary");
        assert_eq!(decoded(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }

    #[test]
    fn binary_data_is_rejected() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend((0..4000u32).map(|index| (index * 7 % 256) as u8));
        assert_eq!(rejection(&png), NOT_HTML);
        let controls: Vec<u8> = (0..400u32).map(|index| if index % 5 == 0 { 1 } else { b'a' }).collect();
        assert_eq!(rejection(&controls), NOT_HTML);
    }

    #[test]
    fn front_pages_and_sign_in_walls_are_not_articles() {
        assert_eq!(rejection(FRONT), "not an article: the page is mostly links (a front page or list)");
        let wall = rejection(LOGIN);
        assert!(wall.starts_with("not an article: a sign-in wall ("), "{wall}");
        let nav_only = page(
            "<meta name=\"date\" content=\"2025-03-03\">",
            "<ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">About</a></li></ul>",
        );
        assert!(rejection(&nav_only).starts_with("not an article: "));
        assert_eq!(rejection(b""), "not an article: no main text found in the page");
    }

    #[test]
    fn thresholds_hold_on_both_sides() {
        let block = |words: usize, link_share: f64| {
            let text = vec!["harbour"; words].join(" ");
            let link_chars = (non_space(&text) as f64 * link_share) as usize;
            Block { text, link_chars }
        };
        assert_eq!(not_an_article(&[block(MIN_ARTICLE_WORDS, 0.0)], 0), None);
        assert_eq!(
            not_an_article(&[block(MIN_ARTICLE_WORDS - 1, 0.0)], 0),
            Some("not an article: too little text (29 words)".to_owned())
        );
        let long_words = |words: usize| Block { text: vec!["x"; words].join(" "), link_chars: 0 };
        assert!(not_an_article(&[long_words(MIN_ARTICLE_CHARS / 2)], 0).is_some(), "100 characters");
        assert_eq!(not_an_article(&[block(200, MAX_LINK_DENSITY - 0.05)], 0), None);
        assert!(
            not_an_article(&[block(200, MAX_LINK_DENSITY + 0.05)], 0)
                .is_some_and(|reason| reason.contains("mostly links"))
        );
        for limit in [WALL_MAX_WORDS, SIGN_IN_MAX_WORDS] {
            assert!(not_an_article(&[block(limit - 1, 0.0)], limit).is_some_and(|reason| reason.contains("wall")));
            assert_eq!(
                not_an_article(&[block(limit, 0.0)], limit),
                None,
                "a long enough article behind a wall is kept"
            );
        }

        // End to end: a short note is too little; an article with some links in its text is kept.
        let date = "<meta name=\"date\" content=\"2025-03-03\">";
        assert!(
            rejection(&page(date, "<p>Road closed today after a crash near the quay.</p>"))
                .starts_with("not an article: ")
        );
        let linked = "<p>The <a href=\"/board\">harbour board</a> met on Tuesday to discuss the dredging of the inner basin, which has silted up faster than expected since the <a href=\"/storms\">storms of last winter</a>.</p><p>Members agreed to ask three contractors for quotes, and said the work should be finished before the summer sailing season.</p>";
        assert_eq!(read(&page(date, linked)).body.len(), 2);
        let header_sign_in = format!("{date}</head><body><header><form><input type=password></form></header>");
        assert_eq!(read(&page(&header_sign_in, PARAGRAPHS)).body.len(), 2, "a sign-in box in the header is no wall");
        let in_article = format!("{PARAGRAPHS}<form><input type=password></form>");
        assert!(rejection(&page(date, &in_article)).contains("wall"));
    }

    #[test]
    fn the_headline_is_the_one_the_page_shows_when_its_metadata_names_it() {
        let headline = |headings: &[&str], titles: &[Option<&str>]| {
            shown_headline(&headings.iter().map(|&heading| heading.to_owned()).collect::<Vec<_>>(), titles, &[])
        };
        // The site's name after it, a section before it, other quotes, a cut-short title.
        let logo = "MoreBikes";
        let review = "Clymer workshop manual review";
        assert_eq!(
            headline(&[logo, review], &[Some("Clymer workshop manual review | MoreBikes")]).as_deref(),
            Some(review)
        );
        let opinion = "Republicans Are Following Trump to Nowhere";
        assert_eq!(
            headline(&[opinion], &[None, Some("Opinion | Republicans Are Following Trump to Nowhere")]).as_deref(),
            Some(opinion)
        );
        let quoted = "\u{2018}We had some issues,\u{2019} exec says on Disney+ glitches";
        let titles = [
            Some("Disney+ glitches blamed on heavy demand"),
            Some("'We had some issues,' exec says on Disney+ glitches"),
        ];
        assert_eq!(headline(&[quoted], &titles).as_deref(), Some(quoted));
        let long =
            "Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to contract it";
        let cut = "Hunter diagnosed with bubonic plague after eating a rabbit\u{2026}";
        assert_eq!(headline(&[long], &[Some(cut)]).as_deref(), Some(long));
        // A heading no metadata names (a section), or one that is only a small part of the
        // title (a blog's name at its end), is not the headline.
        let grant =
            "A grant to Evidence Action Beta to prototype, test, and scale promising programs - The GiveWell Blog";
        assert_eq!(headline(&["Latest news", "The GiveWell Blog"], &[Some(grant)]), None);
        assert_eq!(headline(&["Sport"], &[Some("Sport")]).as_deref(), Some("Sport"), "the same text is named");
        // A short headline before a site's name of a few words, the name given nowhere else.
        let pack = "Dare to Play 3 / October pack";
        let titled = [Some("Dare to Play 3 / October pack \u{2013} Vortex Cannon Entertainment")];
        assert_eq!(headline(&["Vortex Cannon", pack], &titled).as_deref(), Some(pack));
        assert_eq!(headline(&[], &[Some("Anything")]), None);
        // A site's name of several words in a logo's <h1> before the headline is never
        // taken for it (the name is most of the title when the headline is short).
        let site = [Some("Northern Echo Newspaper")];
        let echo = ["Northern Echo Newspaper", "Storm hits"].map(str::to_owned);
        assert_eq!(shown_headline(&echo, &[Some("Storm hits | Northern Echo Newspaper")], &site), None);
        let longer = ["Northern Echo Newspaper", "Storm hits the northern coast tonight"].map(str::to_owned);
        let title = [Some("Storm hits the northern coast tonight | Northern Echo Newspaper")];
        assert_eq!(shown_headline(&longer, &title, &site).as_deref(), Some("Storm hits the northern coast tonight"));
        // The same text first, wherever it stands.
        let exact = [Some("Storm hits"), Some("Storm hits | Northern Echo Newspaper")];
        assert_eq!(shown_headline(&echo, &exact, &[]).as_deref(), Some("Storm hits"));

        // End to end: og:title carries the site's name, the page's <h1> does not.
        let head = r#"<meta property="og:title" content="Harbour dredging starts | Quay News"><meta name="date" content="2025-03-03">"#;
        let body = format!("<header><h1>Quay News</h1></header><h1>Harbour dredging starts</h1>{PARAGRAPHS}");
        assert_eq!(read(&page(head, &body)).title, "Harbour dredging starts");
    }

    #[test]
    fn placeholder_dates_are_skipped_and_a_utc_date_yields_to_the_pages_own_day() {
        let date_of =
            |head: &str, body: &str| read(&page(head, &format!("{body}{PARAGRAPHS}"))).date.as_str().to_owned();
        let ld = |date: &str| {
            format!(r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{date}"}}</script>"#)
        };
        // 0001-01-01 (on USA Today's network) is no date: the next source is read.
        let placeholder = format!(r#"{}<meta name="date" content="2019-11-20">"#, ld("0001-01-01T00:00:00Z"));
        assert_eq!(date_of(&placeholder, ""), "2019-11-20");
        // 02:59 UTC on the 20th is 20:59 on the 19th in the page's own <time>.
        let utc = ld("2019-11-20T02:59:46Z");
        assert!(date_of(&utc, r#"<time datetime="2019-11-19 20:59:46">Nov 19</time>"#).starts_with("2019-11-19"));
        // A <time> in UTC too, one further off than a day, or a date not in UTC: unchanged.
        assert!(date_of(&utc, r#"<time datetime="2019-11-19T20:59:46Z">Nov 19</time>"#).starts_with("2019-11-20"));
        assert!(date_of(&utc, r#"<time datetime="2019-11-17">Nov 17</time>"#).starts_with("2019-11-20"));
        let local = ld("2019-11-20T02:59:46-06:00");
        assert!(date_of(&local, r#"<time datetime="2019-11-19">Nov 19</time>"#).starts_with("2019-11-20"));
        // 15:00 UTC is the same day everywhere people live: a <time> of the day before is
        // another story's (a sidebar's).
        let afternoon = ld("2019-11-20T15:00:00Z");
        assert!(date_of(&afternoon, r#"<time datetime="2019-11-19">Nov 19</time>"#).starts_with("2019-11-20"));
        // A byline's date in words, with its time before it, is the page's own day too; a
        // sentence that mentions the day before is not a byline.
        let byline = r#"<p class="date">
                11:21&nbsp;pm CST, Tuesday, November 19, 2019
            </p>"#;
        assert!(date_of(&utc, byline).starts_with("2019-11-19"));
        assert!(date_of(&afternoon, byline).starts_with("2019-11-20"));
        let sentence = "<p>The council met on Tuesday, November 19, 2019, to vote on the harbour plan.</p>";
        assert!(date_of(&utc, sentence).starts_with("2019-11-20"));
    }

    #[test]
    fn a_date_in_the_address_comes_before_one_the_text_quotes() {
        let day = |url: &str| date_in_address(url).map(|date| date.as_str().to_owned());
        assert_eq!(
            day("https://www.politifact.com/wv/statements/2019/nov/18/david-mckinley/drugs/").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(day("https://example.org/news/2019/11/8/story.html").as_deref(), Some("2019-11-08"));
        assert_eq!(day("https://example.org/2019-11-18-harbour-dredging?x=2019/01/01").as_deref(), Some("2019-11-18"));
        for none in [
            "https://example.org/2019/11/",
            "https://example.org/1066/10/14/",
            "https://example.org/2019/13/01/",
            "https://example.org/a?d=2019/11/18",
        ] {
            assert_eq!(day(none), None, "{none}");
        }
        // End to end: no date in the markup, a quoted date first in the text.
        let head = r#"<link rel="canonical" href="https://example.org/2019/nov/18/statement/">"#;
        let body = format!("<p>He said it on Sunday, October 13th, 2019 in a local newspaper.</p>{PARAGRAPHS}");
        assert_eq!(read(&page(head, &body)).date.as_str(), "2019-11-18");
    }

    #[test]
    fn a_paywalled_page_keeps_its_opening_marked_as_a_part() {
        let not_free = |extra: &str| {
            format!(
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Harbour deal\",\"datePublished\":\"2025-03-03\",\"isAccessibleForFree\":false}}</script>{extra}"
            )
        };
        // The opening of a paywalled story (as on the Wall Street Journal's pages): kept, a part.
        let opening = read(&page(&not_free(""), PARAGRAPHS));
        assert_eq!(opening.title, "Harbour deal");
        assert_eq!(opening.body.len(), 2);
        assert!(opening.summary, "only the opening: marked as a part");
        // A password box beside it does not make the opening a sign-in page.
        let with_box = format!("{PARAGRAPHS}<form><input type=password></form>");
        assert!(read(&page(&not_free(""), &with_box)).summary);
        // The whole story, though the page says it is not free: not marked.
        let long: String = (1..=8)
            .map(|day| format!("<p>On day {day} of the works the dredgers moved along the inner basin, and the harbour master said that the channel would reopen to the ferries within the week if the weather held.</p>"))
            .collect();
        let whole = read(&page(&not_free(""), &long));
        assert!(whole.body.iter().map(|text| text.unicode_words().count()).sum::<usize>() >= WALL_MAX_WORDS);
        assert!(!whole.summary);
        // A free page of the same text is whole.
        assert!(!read(&page("<meta name=\"date\" content=\"2025-03-03\">", PARAGRAPHS)).summary);
        // A wall with no opening at all is rejected as what it is.
        assert_eq!(
            rejection(&page(&not_free(""), "<p>This story is for our members.</p>")),
            "not an article: a subscription wall with too little text (6 words)"
        );
    }

    #[test]
    fn a_page_without_a_date_needs_the_default_date() {
        assert_eq!(rejection(NO_DATE_PAGE), NO_DATE);
        let default_date: ArticleDate = "2024-02-29".parse().expect("valid");
        let options = ReadOptions { default_date: Some(default_date.clone()), ..options() };
        let read = read_html(NO_DATE_PAGE, &options);
        assert_eq!(read.articles.len(), 1, "{:?}", read.rejected);
        let article = &read.articles[0].1;
        assert_eq!(article.date, default_date);
        assert_eq!(article.title, "How the tide tables are calculated");
        assert_eq!(article.body.len(), 3);
    }

    #[test]
    fn a_truncated_page_is_still_read() {
        let text = std::str::from_utf8(NEWS).expect("UTF-8");
        let cut = text.find("would add lorry traffic").expect("in the page");
        let article = read(&NEWS[..cut]);
        assert_eq!(article.title, "Port authority approves new ferry terminal after two-year review");
        assert_eq!(article.date.as_str(), "2026-01-16T10:00:00+01:00");
        assert!(article.body[0].starts_with("The Calder Bay Port Authority"));
        assert!(
            article.body.last().is_some_and(|last| last.ends_with("argued that the design")),
            "{:#?}",
            article.body
        );
        // Cut inside a tag, and inside the head.
        let in_tag = text.find("<p>“This is").expect("in the page") + 2;
        assert_eq!(read(&NEWS[..in_tag]).body.len(), 2);
        assert!(rejection(&NEWS[..text.find("<style>").expect("in the page")]).starts_with("not an article: "));
    }

    #[test]
    fn the_body_is_plain_text() {
        let body = "<p>First paragraph of the story, long enough to count as text for the extractor to keep it.<script>var leaked = 'SCRIPT';</script> It goes on <b>in bold</b> and <i>italics</i> with <code>&lt;tags&gt;</code> written out.</p>\
            <p>Second\u{a0}paragraph with odd   spaces,\u{200b}zero\u{200d}width and soft\u{ad}hyphens; it is also\nhard wrapped in\n  the source.<br>After a line break.</p>\
            <style>p { color: red }</style><p>Third paragraph, which ends the story with a few more words so that there are enough.</p>";
        let article = read(&page("<meta name=\"date\" content=\"2025-03-03\">", body));
        let text = article.body.join("\n");
        assert!(!text.contains("SCRIPT") && !text.contains("color"), "{text}");
        assert!(
            text.contains("in bold and italics with <tags> written out."),
            "text that was escaped stays text: {text}"
        );
        assert!(
            article.body.contains(
                &"Second paragraph with odd spaces,zerowidth and softhyphens; it is also hard wrapped in the source."
                    .to_owned()
            ),
            "{:#?}",
            article.body
        );
        assert!(article.body.contains(&"After a line break.".to_owned()));
    }

    #[test]
    fn dates_are_read_in_the_forms_pages_use() {
        let date = |text: &str| parse_date(text).map(|date| date.to_string());
        assert_eq!(date("2026-01-16T10:00:00+01:00").as_deref(), Some("2026-01-16T10:00:00+01:00"));
        assert_eq!(date(" 2026-01-16 ").as_deref(), Some("2026-01-16"));
        assert_eq!(date("2026-01-16T10:00:00.000+0100").as_deref(), Some("2026-01-16T10:00:00.000+0100"));
        assert_eq!(date("2026-01-16 10:00:00 UTC").as_deref(), Some("2026-01-16T10:00:00"));
        assert_eq!(date("2026/01/16").as_deref(), Some("2026-01-16"));
        assert_eq!(date("20260116").as_deref(), Some("2026-01-16"));
        assert_eq!(date("January 16, 2026").as_deref(), Some("2026-01-16"));
        assert_eq!(date("Jan. 6th, 2026").as_deref(), Some("2026-01-06"));
        assert_eq!(date("16 January 2026, 10:00").as_deref(), Some("2026-01-16"));
        assert_eq!(date("Fri, 16 Jan 2026 10:00:00 GMT").as_deref(), Some("2026-01-16"));
        assert_eq!(date("Friday 16 January 2026").as_deref(), Some("2026-01-16"));
        assert_eq!(date("11:21 pm CST, Tuesday, November 19, 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(date("Nov. 19, 2019, 8:15 pm").as_deref(), Some("2019-11-19"));
        assert_eq!(date("2026-02-30"), None);
        assert_eq!(date("February 30, 2026"), None);
        assert_eq!(date("yesterday"), None);
        assert_eq!(date("16/01/2026"), None, "day and month order is ambiguous");
        assert_eq!(date(""), None);
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let cut = |title: &str, site: Option<&str>| strip_site_name(title, &[None, site]).to_owned();
        assert_eq!(cut("Headline | The Paper", Some("The Paper")), "Headline");
        assert_eq!(cut("Headline - the paper", Some("The  Paper")), "Headline");
        assert_eq!(cut("The Paper — Headline", Some("The Paper")), "Headline");
        assert_eq!(cut("A - B | The Paper", Some("The Paper")), "A - B");
        assert_eq!(cut("Headline | Other", Some("The Paper")), "Headline | Other");
        assert_eq!(cut("The Paper", Some("The Paper")), "The Paper");
        assert_eq!(cut("Headline | The Paper", None), "Headline | The Paper");
        assert_eq!(strip_site_name("Headline | Publisher", &[Some("Site"), Some("Publisher")]), "Headline");
        // A title tag alone loses a short trailing part, the site's name where the page
        // gives it nowhere else; a long one, or one after a colon, is the headline's.
        assert_eq!(without_trailing_part("Harbour dredging starts - Quay News"), "Harbour dredging starts");
        assert_eq!(without_trailing_part("A - B - Quay News"), "A - B");
        assert_eq!(
            without_trailing_part("Harbour dredging starts - what the council decided last night"),
            "Harbour dredging starts - what the council decided last night"
        );
        assert_eq!(without_trailing_part("Brexit: what happens next"), "Brexit: what happens next");
        assert_eq!(without_trailing_part("Dredging | Quay News"), "Dredging | Quay News");
        assert_eq!(without_trailing_part("Harbour dredging starts"), "Harbour dredging starts");
    }

    #[test]
    fn furniture_among_the_paragraphs_is_dropped() {
        for furniture in [
            "Read more: Alibaba poised to launch record-breaking listing",
            "Related: SpaceX's Starship in pictures",
            "DON\u{2019}T MISS",
            "You may also like:",
            "Like this story? Share it with a friend!",
            "Tags",
            "Read more \u{203a}",
            "Also on rt.com Journalists threatened with sedition arrests",
            "Sign up for the free daily newsletter.",
            "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.",
            "Reporting by Rodrigo Campos; Editing by Nick Zieminski",
            "Fox News\u{2019} Jessica Napoli contributed to this report.",
        ] {
            assert!(is_furniture(furniture), "{furniture}");
        }
        for story in [
            "Subscribers will pay more under the new plan.",
            "Most readers agreed with the council.",
            "Tagsale season opens in the harbour town on Saturday.",
            "Read more into it than that, the minister said, and you will be wrong about the plan and the money the council has set aside.",
            "The harbour board met on Tuesday.",
            "Email records show the mayor knew of the plan.",
        ] {
            assert!(!is_furniture(story), "{story}");
        }
        // End to end: the pointer to another story between two paragraphs is gone.
        let head = r#"<meta name="date" content="2025-03-03">"#;
        let body = PARAGRAPHS.replacen("</p>", "</p><p>Read more: Ferry timetable changes for the summer</p>", 1);
        let article = read(&page(head, &body));
        assert!(article.body.iter().all(|paragraph| !paragraph.starts_with("Read more")), "{:?}", article.body);
        assert_eq!(article.body.len(), 2);
    }

    #[test]
    fn big_pages_are_pre_trimmed() {
        let html = "<html><head><script>var a = '<p>x</p>';</script><SCRIPT type=\"application/ld+json\">{\"a\":1}</SCRIPT><style>p{}</style></head><body><!-- <p>hidden</p> --><p>kept</p><svg><text>drawn</text></svg><script>unterminated";
        assert_eq!(
            pre_trim(html),
            "<html><head><script></script><SCRIPT type=\"application/ld+json\">{\"a\":1}</SCRIPT><style></style></head><body><p>kept</p><svg></svg><script>"
        );
        assert!(matches!(pre_trim("<p>nothing to trim < here</p>"), Cow::Borrowed(_)));

        let image = format!(
            "<p>a</p><img alt='x' src='data:image/png;base64,{}' title=t><img src=\"data:,short\">",
            "A".repeat(2000)
        );
        assert_eq!(pre_trim(&image), "<p>a</p><img alt='x' src='data:,' title=t><img src=\"data:,short\">");
    }

    #[test]
    fn pages_too_big_to_parse_keep_their_head_and_article() {
        assert!(matches!(window("<p>small</p>"), Cow::Borrowed(_)));
        let head = "<html><head><title>T</title><script type=\"application/ld+json\">{}</script></head><body>";
        let junk = "<li><a href=\"/x\">Section é</a></li>\n".repeat(MAX_PARSED_BYTES / 20);
        let story = "<article><h1>Story</h1><p>The story itself.</p></article>";
        let html = format!(
            "{head}<nav><ul>{junk}</ul></nav><main>{story}<section class=comments>{junk}</section></main></body></html>"
        );
        let kept = window(&html);
        assert!(kept.len() <= MAX_PARSED_BYTES && kept.len() > MAX_PARSED_BYTES - 1000, "{}", kept.len());
        let head_end = head.find("</head").expect("in the head");
        assert!(kept.starts_with(&head[..head_end]));
        assert!(kept[head_end..].starts_with('<'), "cut at a tag");
        assert!(kept.contains(story));
        let no_tags = "é".repeat(MAX_PARSED_BYTES);
        assert!(window(&no_tags).len() <= MAX_PARSED_BYTES, "cut at a character boundary");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let depth = |html: &str| {
            let document = Html::parse_document(html);
            let (mut depth, mut deepest) = (0usize, 0);
            for edge in document.tree.root().traverse() {
                match edge {
                    Edge::Open(_) => {
                        depth += 1;
                        deepest = deepest.max(depth);
                    }
                    Edge::Close(_) => depth -= 1,
                }
            }
            deepest
        };
        let normal = "<div><p>a<p>b<ul><li>c<li>d</ul><script>'<div>'</script><!-- <div> --></div>";
        assert!(matches!(flatten_nesting(normal), Cow::Borrowed(_)));
        let deep = format!("{}<p>Deep text.</p>{}", "<div class=x><span>".repeat(5000), "</span></div>".repeat(10));
        let flat = flatten_nesting(&deep);
        assert!(depth(&flat) < MAX_NESTING + 10, "{}", depth(&flat));
        assert!(flat.contains("<p>Deep text.</p>"));
        assert_eq!(flat.matches("<div").count() + flat.matches("<span").count(), MAX_NESTING);

        let page = format!(
            "<html><head><meta name=date content=2025-01-01></head><body>{}<article>{PARAGRAPHS}</article>",
            "<div>".repeat(20_000)
        );
        assert_eq!(read(page.as_bytes()).body.len(), 2);
    }

    /// Checks the reader's one promise: exactly one article or one rejection.
    fn one_outcome(read: &Read) -> bool {
        read.articles.len() + read.rejected.len() == 1
    }

    proptest! {
        // 64 cases by default (the extractor is slow unoptimized); PROPTEST_CASES for more.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(64),
            ..ProptestConfig::default()
        })]

        #[test]
        fn arbitrary_bytes_give_one_outcome(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            prop_assert!(one_outcome(&read_html(&bytes, &options())));
        }

        #[test]
        fn arbitrary_markup_gives_one_outcome(text in "[<>/a-z \"'=&;#!\\-\\[\\]p]{0,300}") {
            prop_assert!(one_outcome(&read_html(text.as_bytes(), &options())));
        }

        #[test]
        fn mangled_pages_give_one_outcome(
            fixture in 0..4usize,
            cut in 0.0..1.0f64,
            edits in proptest::collection::vec((0.0..1.0f64, proptest::collection::vec(any::<u8>(), 0..8)), 0..6),
        ) {
            let mut bytes = [NEWS, BLOG, FRONT, WINDOWS_1252_PAGE][fixture].to_vec();
            bytes.truncate((bytes.len() as f64 * (0.2 + 0.8 * cut)) as usize);
            for (place, inserted) in edits {
                let at = (bytes.len() as f64 * place) as usize;
                bytes.splice(at..at, inserted);
            }
            prop_assert!(one_outcome(&read_html(&bytes, &options())));
        }

        #[test]
        fn arbitrary_text_in_a_page_never_panics(
            title in any::<String>(),
            meta in any::<String>(),
            body in any::<String>(),
            json in any::<String>(),
        ) {
            let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
            let head = format!(
                "<title>{title}</title><meta name=\"date\" content=\"{}\"><meta property=\"og:site_name\" content=\"{}\"><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":{}}}</script>",
                escape(&meta), escape(&meta), serde_json::Value::String(json.clone()),
            );
            let html = page(&head, &format!("<p>{body}</p>{PARAGRAPHS}<p>{}</p>", escape(&body)));
            let read = read_html(&html, &options());
            prop_assert!(one_outcome(&read));
            for (_, article) in &read.articles {
                prop_assert!(!article.body.iter().any(String::is_empty));
            }
        }
    }
}
