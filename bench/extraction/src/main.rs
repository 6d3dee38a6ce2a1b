//! Measures main-text extraction crates on saved news pages.
//!
//! ```text
//! cargo run --release --manifest-path bench/extraction/Cargo.toml -- DATA [tune|report|all|verify] [--reps N] [--dump DIR]
//! ```
//!
//! DATA holds two sets (see README.md beside this file for how to lay them out):
//! - `scrapinghub/`: scrapinghub/article-extraction-benchmark: `ground-truth.json` (human
//!   annotated `articleBody` and `url`) and `html/<id>.html.gz`. Each page's headline and
//!   date as it shows them were labelled by reading the pages (`scrapinghub-labels.tsv`
//!   beside this file; how, in `LABELS.md`): the human-judged titles and dates.
//! - `mozilla/`: mozilla/readability's `test-pages/<id>/{source.html, expected.html,
//!   expected-metadata.json}`; the expected text and metadata are Readability.js's own
//!   output, not a human's.
//!
//! Each set is split in two halves by the top bit of the FNV-1a 32-bit hash of the page
//! id (0: tune, 1: report). Every contender (a crate with one set of options) runs on
//! every page of a half, one page at a time on one thread, each call under
//! `catch_unwind`. The body metric is the benchmark's own (`evaluate.py`), reproduced
//! exactly: see `shingle_tp_fp_fn` and `summarize`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use regex::Regex;

// ---------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------

/// One page of a set, with what its ground truth says.
struct Page {
    id: String,
    url: String,
    html: String,
    #[cfg_attr(not(feature = "dossier"), allow(dead_code))] // read only by Dossier's reader
    bytes: Vec<u8>,
    body: String,
    title: Option<String>,
    byline: Option<String>,
    /// The calendar days the ground truth's date may be read as: the day as written and,
    /// when it has an offset, the day in UTC.
    days: Vec<Day>,
}

type Day = (i32, u32, u32);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Half {
    Tune,
    Report,
}

/// FNV-1a, 32 bits.
fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in bytes {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

fn half_of(id: &str) -> Half {
    if fnv1a32(id.as_bytes()) >> 31 == 0 { Half::Tune } else { Half::Report }
}

/// Headline and day of each scrapinghub page as a reader sees it on the page, labelled by
/// reading the pages (`scrapinghub-labels.tsv`, its method in `LABELS.md`); `-` is none.
fn scrapinghub_labels() -> HashMap<String, (Option<String>, Option<Day>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scrapinghub-labels.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    fn given(field: &str) -> Option<&str> {
        Some(field.trim()).filter(|field| !field.is_empty() && *field != "-")
    }
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let headline = given(fields.get(1)?).map(str::to_string);
            let day = given(fields.get(2)?).and_then(|date| truth_days(date).first().copied());
            Some((fields[0].to_string(), (headline, day)))
        })
        .collect()
}

fn load_scrapinghub(dir: &Path) -> Vec<Page> {
    let labels = scrapinghub_labels();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"))
            .expect("ground-truth.json is JSON");
    let mut pages = Vec::new();
    for (id, item) in truth.as_object().expect("an object of items") {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let gz = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut bytes).expect("gzip");
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let label = labels.get(id.as_str());
        pages.push(Page {
            id: id.clone(),
            url: item["url"].as_str().unwrap_or("https://example.com/").to_string(),
            html,
            bytes,
            body: item["articleBody"].as_str().unwrap_or("").to_string(),
            title: label.and_then(|(headline, _)| headline.clone()),
            byline: None,
            days: label.and_then(|(_, day)| *day).into_iter().collect(),
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    pages
}

fn load_mozilla(dir: &Path) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir.join("test-pages"))
        .expect("test-pages")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    dirs.sort();
    for d in dirs {
        let id = d.file_name().expect("name").to_string_lossy().into_owned();
        let bytes = std::fs::read(d.join("source.html")).expect("source.html");
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let expected = std::fs::read_to_string(d.join("expected.html")).unwrap_or_default();
        let meta: serde_json::Value = std::fs::read_to_string(d.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null);
        let text_field = |k: &str| meta[k].as_str().map(str::to_string).filter(|s| !s.trim().is_empty());
        let days = text_field("publishedTime").map(|t| truth_days(&t)).unwrap_or_default();
        pages.push(Page {
            id,
            // The URL Readability's own test runner gives every test page.
            url: "http://fakehost/test/page.html".to_string(),
            html,
            bytes,
            body: html_to_text(&expected),
            title: text_field("title"),
            byline: text_field("byline"),
            days,
        });
    }
    pages
}

// ---------------------------------------------------------------------------------------
// Text of HTML (for expected.html, and for the crates that give only HTML or raw text)
// ---------------------------------------------------------------------------------------

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
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
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML fragment or document, with a line break around every block
/// element so that words of two blocks are never glued together; script, style and
/// template content is left out.
fn html_to_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    walk(doc.tree.root(), &mut out);
    let mut text = String::new();
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn walk(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "template" | "noscript" | "head") {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                walk(child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// The benchmark's metric (evaluate.py of scrapinghub/article-extraction-benchmark)
// ---------------------------------------------------------------------------------------

/// `re.compile(r'\w+', re.UNICODE ...)`. Python 3's `\w` on str is exactly the Unicode
/// general categories L* and N* plus `_` (checked over every code point with Python
/// 3.11, Unicode 14): the same class here.
fn token_re() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("regex"))
}

fn tokenize(text: &str) -> Vec<&str> {
    token_re().find_iter(text).map(|m| m.as_str()).collect()
}

/// `_ngrams(text, 4)`: every window of 4 tokens; a text of 1 to 3 tokens gives one
/// shorter shingle, an empty one none.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = tokenize(text);
    let mut counts = HashMap::new();
    let n = 4;
    let windows = tokens.len().saturating_sub(n - 1).max(1);
    for i in 0..windows {
        let shingle: Vec<&str> = tokens[i.min(tokens.len())..(i + n).min(tokens.len())].to_vec();
        if !shingle.is_empty() {
            *counts.entry(shingle).or_insert(0) += 1;
        }
    }
    counts
}

/// `string_shingle_matching`: TP, FP, FN over shingle multisets, normalised to sum to 1.
fn shingle_tp_fp_fn(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for key in t.keys().chain(p.keys().filter(|k| !t.contains_key(*k))) {
        let tc = *t.get(key).unwrap_or(&0) as f64;
        let pc = *p.get(key).unwrap_or(&0) as f64;
        tp += tc.min(pc);
        fp += (pc - tc).max(0.0);
        fn_ += (tc - pc).max(0.0);
    }
    let s = tp + fp + fn_;
    if s > 0.0 { (tp / s, fp / s, fn_ / s) } else { (tp, fp, fn_) }
}

fn precision_score(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall_score(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// `get_accuracy`: the token sequences are equal.
fn exact(truth: &str, pred: &str) -> bool {
    tokenize(truth) == tokenize(pred)
}

/// `metrics_from_tp_fp_fns`: precision is the mean over pages with TP+FP > 0, recall the
/// mean over pages with TP+FN > 0, F1 the harmonic mean of those two means.
fn summarize(tfs: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let ps: Vec<f64> = tfs.iter().filter(|t| t.0 + t.1 > 0.0).map(|t| precision_score(t.0, t.1, t.2)).collect();
    let rs: Vec<f64> = tfs.iter().filter(|t| t.0 + t.2 > 0.0).map(|t| recall_score(t.0, t.1, t.2)).collect();
    let p = mean(&ps);
    let r = mean(&rs);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (f1, p, r)
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() { f64::NAN } else { xs.iter().sum::<f64>() / xs.len() as f64 }
}

// ---------------------------------------------------------------------------------------
// Titles, bylines and dates
// ---------------------------------------------------------------------------------------

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn norm_byline(s: &str) -> String {
    let n = norm(s);
    n.strip_prefix("by ").map(str::to_string).unwrap_or(n)
}

fn date_re() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?",
        )
        .expect("regex")
    })
}

/// The days an ISO 8601 date-time string names: the day as written, and the UTC day when
/// it carries an offset (a page in New York at 22:00 -05:00 is the next day in UTC).
fn truth_days(text: &str) -> Vec<Day> {
    let Some(c) = date_re().captures(text) else { return Vec::new() };
    let num = |i: usize| c.get(i).map(|m| m.as_str().parse::<i64>().unwrap_or(0));
    let day = (num(1).unwrap_or(0) as i32, num(2).unwrap_or(0) as u32, num(3).unwrap_or(0) as u32);
    let mut days = vec![day];
    if let (Some(h), Some(mi), Some(off)) = (num(4), num(5), c.get(7)) {
        let off = off.as_str().replace(':', "");
        let offset_minutes = if off == "Z" {
            0
        } else {
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let hh: i64 = off[1..3].parse().unwrap_or(0);
            let mm: i64 = off[3..].parse().unwrap_or(0);
            sign * (hh * 60 + mm)
        };
        if let Some(d) = chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2) {
            let minutes = h * 60 + mi - offset_minutes;
            let shifted = d + chrono::Duration::days(minutes.div_euclid(24 * 60));
            use chrono::Datelike;
            let utc = (shifted.year(), shifted.month(), shifted.day());
            if utc != day {
                days.push(utc);
            }
        }
    }
    days
}

/// The day a crate's date string names: the first ISO 8601 day in it, else an RFC 2822
/// date.
fn string_day(text: &str) -> Option<Day> {
    if let Some(d) = truth_days(text).first() {
        return Some(*d);
    }
    chrono::DateTime::parse_from_rfc2822(text.trim()).ok().map(|d| {
        use chrono::Datelike;
        (d.year(), d.month(), d.day())
    })
}

// ---------------------------------------------------------------------------------------
// Contenders
// ---------------------------------------------------------------------------------------

/// What one extraction gave.
#[derive(Default, Clone)]
struct Extracted {
    text: String,
    title: Option<String>,
    byline: Option<String>,
    /// `None`: the crate gave no date. The day as it gave it.
    day: Option<Day>,
}

type ExtractFn = fn(&Page) -> Result<Extracted, String>;

struct Contender {
    /// The crate, as in Cargo.lock.
    krate: &'static str,
    /// The options, short.
    variant: &'static str,
    /// The variant a user of the crate gets without tuning.
    default: bool,
    /// Whether the crate gives a date / a byline at all.
    dates: bool,
    bylines: bool,
    run: ExtractFn,
}

fn contenders() -> Vec<Contender> {
    #[allow(unused_mut)] // mutated only with the `dossier` feature
    let mut v = vec![
        Contender {
            krate: "trafilatura",
            variant: "defaults + url, no comments",
            default: true,
            dates: true,
            bylines: true,
            run: traf_plain,
        },
        Contender {
            krate: "trafilatura",
            variant: "+ fallback",
            default: false,
            dates: true,
            bylines: true,
            run: traf_fallback,
        },
        Contender {
            krate: "trafilatura",
            variant: "+ favor precision",
            default: false,
            dates: true,
            bylines: true,
            run: traf_plain_precision,
        },
        Contender {
            krate: "trafilatura",
            variant: "+ fallback, favor precision",
            default: false,
            dates: true,
            bylines: true,
            run: traf_precision,
        },
        Contender {
            krate: "trafilatura",
            variant: "+ fallback, favor recall",
            default: false,
            dates: true,
            bylines: true,
            run: traf_recall,
        },
        Contender {
            krate: "trafilatura",
            variant: "+ fallback, links, ad pruning, min size 200 (dossier-ingest's options)",
            default: false,
            dates: true,
            bylines: true,
            run: traf_dossier_options,
        },
        Contender {
            krate: "rs-trafilatura",
            variant: "defaults + url, no comments",
            default: true,
            dates: true,
            bylines: true,
            run: rstraf_default,
        },
        Contender {
            krate: "rs-trafilatura",
            variant: "extract(html), no url (the benchmark's call)",
            default: false,
            dates: true,
            bylines: true,
            run: rstraf_bare,
        },
        Contender {
            krate: "rs-trafilatura",
            variant: "+ favor recall",
            default: false,
            dates: true,
            bylines: true,
            run: rstraf_recall,
        },
        Contender {
            krate: "rs-trafilatura",
            variant: "+ favor precision",
            default: false,
            dates: true,
            bylines: true,
            run: rstraf_precision,
        },
        Contender {
            krate: "dom_smoothie",
            variant: "Readability.js mode, formatted text",
            default: true,
            dates: true,
            bylines: true,
            run: smoothie_readability,
        },
        Contender {
            krate: "dom_smoothie",
            variant: "DomSmoothie mode, formatted text",
            default: false,
            dates: true,
            bylines: true,
            run: smoothie_own,
        },
        Contender {
            krate: "readability",
            variant: "content HTML as text",
            default: true,
            dates: false,
            bylines: false,
            run: readability_content,
        },
        Contender {
            krate: "readability",
            variant: "its raw .text",
            default: false,
            dates: false,
            bylines: false,
            run: readability_raw,
        },
    ];
    #[cfg(feature = "dossier")]
    v.push(Contender {
        krate: "dossier-ingest",
        variant: "formats::html::read_html",
        default: true,
        dates: true,
        bylines: true,
        run: dossier,
    });
    v
}

fn nonempty(s: &str) -> Option<String> {
    let t = s.trim();
    if t.is_empty() { None } else { Some(t.to_string()) }
}

fn traf(page: &Page, fallback: bool, focus: trafilatura::ExtractionFocus) -> Result<Extracted, String> {
    let mut opts = trafilatura::Options::default();
    opts.original_url = url::Url::parse(&page.url).ok();
    opts.enable_fallback = fallback;
    opts.exclude_comments = true;
    opts.focus = focus;
    let r = trafilatura::extract(&page.html, &opts).map_err(|e| e.to_string())?;
    use chrono::Datelike;
    Ok(Extracted {
        text: r.content_text,
        title: nonempty(&r.metadata.title),
        byline: nonempty(&r.metadata.author),
        day: r.metadata.date.map(|d| (d.year(), d.month(), d.day())),
    })
}
/// The options crates/dossier-ingest/src/formats/html.rs gave the crate when this was
/// written, to tell its own post-processing from the crate's extraction.
fn traf_dossier_options(page: &Page) -> Result<Extracted, String> {
    let mut opts = trafilatura::Options::default();
    opts.original_url = url::Url::parse(&page.url).ok();
    opts.exclude_comments = true;
    opts.include_links = true;
    opts.enable_fallback = true;
    opts.prune_selector = Some(
        "[class~=ad], [class~=ads], [class~=advert], [class~=advertisement], [class~=sponsored], [class^=ad-], \
         [id^=ad-], [id^=google_ads], [data-ad-slot], ins.adsbygoogle"
            .to_owned(),
    );
    opts.config.min_extracted_size = 200;
    let r = trafilatura::extract(&page.html, &opts).map_err(|e| e.to_string())?;
    use chrono::Datelike;
    Ok(Extracted {
        text: r.content_text,
        title: nonempty(&r.metadata.title),
        byline: nonempty(&r.metadata.author),
        day: r.metadata.date.map(|d| (d.year(), d.month(), d.day())),
    })
}
fn traf_fallback(p: &Page) -> Result<Extracted, String> {
    traf(p, true, trafilatura::ExtractionFocus::Balanced)
}
fn traf_plain(p: &Page) -> Result<Extracted, String> {
    traf(p, false, trafilatura::ExtractionFocus::Balanced)
}
fn traf_plain_precision(p: &Page) -> Result<Extracted, String> {
    traf(p, false, trafilatura::ExtractionFocus::FavorPrecision)
}
fn traf_recall(p: &Page) -> Result<Extracted, String> {
    traf(p, true, trafilatura::ExtractionFocus::FavorRecall)
}
fn traf_precision(p: &Page) -> Result<Extracted, String> {
    traf(p, true, trafilatura::ExtractionFocus::FavorPrecision)
}

fn rstraf(page: &Page, recall: bool, precision: bool) -> Result<Extracted, String> {
    let opts = rs_trafilatura::Options {
        url: Some(page.url.clone()),
        include_comments: false,
        favor_recall: recall,
        favor_precision: precision,
        ..rs_trafilatura::Options::default()
    };
    let r = rs_trafilatura::extract_with_options(&page.html, &opts).map_err(|e| e.to_string())?;
    use chrono::Datelike;
    Ok(Extracted {
        text: r.content_text,
        title: r.metadata.title.as_deref().and_then(nonempty),
        byline: r.metadata.author.as_deref().and_then(nonempty),
        day: r.metadata.date.map(|d| (d.year(), d.month(), d.day())),
    })
}
fn rstraf_default(p: &Page) -> Result<Extracted, String> {
    rstraf(p, false, false)
}
fn rstraf_bare(page: &Page) -> Result<Extracted, String> {
    let r = rs_trafilatura::extract(&page.html).map_err(|e| e.to_string())?;
    use chrono::Datelike;
    Ok(Extracted {
        text: r.content_text,
        title: r.metadata.title.as_deref().and_then(nonempty),
        byline: r.metadata.author.as_deref().and_then(nonempty),
        day: r.metadata.date.map(|d| (d.year(), d.month(), d.day())),
    })
}
fn rstraf_recall(p: &Page) -> Result<Extracted, String> {
    rstraf(p, true, false)
}
fn rstraf_precision(p: &Page) -> Result<Extracted, String> {
    rstraf(p, false, true)
}

fn smoothie(page: &Page, mode: dom_smoothie::CandidateSelectMode) -> Result<Extracted, String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        candidate_select_mode: mode,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(page.html.as_str(), Some(page.url.as_str()), Some(cfg))
        .map_err(|e| e.to_string())?;
    let a = r.parse().map_err(|e| e.to_string())?;
    Ok(Extracted {
        text: a.text_content.to_string(),
        title: nonempty(&a.title),
        byline: a.byline.as_deref().and_then(nonempty),
        day: a.published_time.as_deref().and_then(string_day),
    })
}
fn smoothie_readability(p: &Page) -> Result<Extracted, String> {
    smoothie(p, dom_smoothie::CandidateSelectMode::Readability)
}
fn smoothie_own(p: &Page) -> Result<Extracted, String> {
    smoothie(p, dom_smoothie::CandidateSelectMode::DomSmoothie)
}

fn readability_product(page: &Page) -> Result<readability::extractor::Product, String> {
    let url = url::Url::parse(&page.url).map_err(|e| e.to_string())?;
    let mut input = page.html.as_bytes();
    readability::extractor::extract(&mut input, &url).map_err(|e| format!("{e:?}"))
}
fn readability_content(p: &Page) -> Result<Extracted, String> {
    let r = readability_product(p)?;
    Ok(Extracted { text: html_to_text(&r.content), title: nonempty(&r.title), byline: None, day: None })
}
fn readability_raw(p: &Page) -> Result<Extracted, String> {
    let r = readability_product(p)?;
    Ok(Extracted { text: r.text, title: nonempty(&r.title), byline: None, day: None })
}

#[cfg(feature = "dossier")]
fn dossier(page: &Page) -> Result<Extracted, String> {
    use dossier_ingest::formats::{ReadOptions, html::read_html};
    // A sentinel day, so that a page without a date is still read; it counts as no date.
    let opts =
        ReadOptions { id: page.id.clone(), default_source: String::new(), default_date: "1900-01-01".parse().ok() };
    let read = read_html(&page.bytes, &opts);
    let Some((_, article)) = read.articles.into_iter().next() else {
        return Err(read.rejected.first().map(|r| r.reason.clone()).unwrap_or_else(|| "no article".into()));
    };
    let d = article.date.day();
    let day = (d.year(), u32::from(u8::from(d.month())), u32::from(d.day()));
    Ok(Extracted {
        text: article.body.join("\n\n"),
        title: nonempty(&article.title),
        byline: article.author.as_deref().and_then(nonempty),
        day: if day.0 == 1900 { None } else { Some(day) },
    })
}

// ---------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------

enum Outcome {
    Ok(Extracted),
    Failed(String),
    Panicked(String),
}

struct PageResult {
    outcome: Outcome,
    /// The fastest of the repetitions.
    time: Duration,
}

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn run_one(c: &Contender, page: &Page, reps: usize) -> PageResult {
    let mut best = Duration::MAX;
    let mut outcome = None;
    for _ in 0..reps.max(1) {
        let start = Instant::now();
        let r = panic::catch_unwind(AssertUnwindSafe(|| (c.run)(page)));
        let elapsed = start.elapsed();
        best = best.min(elapsed);
        if outcome.is_none() {
            outcome = Some(match r {
                Ok(Ok(e)) => Outcome::Ok(e),
                Ok(Err(e)) => Outcome::Failed(e),
                Err(_) => Outcome::Panicked(LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default()),
            });
        }
        if matches!(outcome, Some(Outcome::Panicked(_))) {
            break;
        }
    }
    PageResult { outcome: outcome.expect("ran once"), time: best }
}

/// A contender's numbers over some pages.
struct Row {
    krate: &'static str,
    variant: &'static str,
    default: bool,
    f1: f64,
    precision: f64,
    recall: f64,
    exact: usize,
    title_right: usize,
    title_n: usize,
    byline_right: Option<usize>,
    byline_n: usize,
    date_right: Option<usize>,
    date_given: usize,
    date_n: usize,
    median_ms: f64,
    p95_ms: f64,
    pages: usize,
    failed: usize,
    empty: usize,
    panicked: usize,
    failures: Vec<String>,
    /// Per page TP, FP, FN, for the bootstrap.
    tfs: Vec<(f64, f64, f64)>,
}

/// A small deterministic generator (xorshift64*), so that the bootstrap is repeatable.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

const BOOTSTRAP: usize = 1000;

fn stdev(xs: &[f64]) -> f64 {
    let m = mean(xs);
    (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() as f64 - 1.0)).sqrt()
}

/// The benchmark's bootstrap: F1 over pages drawn with replacement, `BOOTSTRAP` times;
/// the standard deviation of F1 (and, given a second contender, of the paired F1
/// difference on the same draws).
fn bootstrap_sd(a: &[(f64, f64, f64)], b: Option<&[(f64, f64, f64)]>) -> (f64, f64) {
    let n = a.len();
    if n < 2 {
        return (f64::NAN, f64::NAN);
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut f1s, mut diffs) = (Vec::new(), Vec::new());
    for _ in 0..BOOTSTRAP {
        let idx: Vec<usize> = (0..n).map(|_| rng.below(n)).collect();
        let fa = summarize(&idx.iter().map(|&i| a[i]).collect::<Vec<_>>()).0;
        f1s.push(fa);
        if let Some(b) = b {
            diffs.push(fa - summarize(&idx.iter().map(|&i| b[i]).collect::<Vec<_>>()).0);
        }
    }
    (stdev(&f1s), if diffs.is_empty() { f64::NAN } else { stdev(&diffs) })
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    // Nearest rank.
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn score(c: &Contender, pages: &[&Page], results: &[&PageResult]) -> Row {
    let mut tfs = Vec::new();
    let mut times = Vec::new();
    let (mut exact_n, mut title_right, mut title_n, mut byline_right, mut byline_n) = (0, 0, 0, 0, 0);
    let (mut date_right, mut date_given, mut date_n) = (0, 0, 0);
    let (mut failed, mut empty, mut panicked) = (0, 0, 0);
    let mut failures = Vec::new();
    for (page, r) in pages.iter().zip(results) {
        times.push(r.time.as_secs_f64() * 1000.0);
        let e = match &r.outcome {
            Outcome::Ok(e) => e.clone(),
            Outcome::Failed(why) => {
                failed += 1;
                failures.push(format!("{} failed: {}", page.id, why.chars().take(100).collect::<String>()));
                Extracted::default()
            }
            Outcome::Panicked(why) => {
                panicked += 1;
                failures.push(format!("{} PANICKED: {}", page.id, why.chars().take(160).collect::<String>()));
                Extracted::default()
            }
        };
        if matches!(r.outcome, Outcome::Ok(_)) && tokenize(&e.text).is_empty() {
            empty += 1;
        }
        tfs.push(shingle_tp_fp_fn(&page.body, &e.text));
        if exact(&page.body, &e.text) {
            exact_n += 1;
        }
        if let Some(t) = &page.title {
            title_n += 1;
            if e.title.as_deref().is_some_and(|et| norm(et) == norm(t)) {
                title_right += 1;
            }
        }
        if let Some(b) = &page.byline {
            byline_n += 1;
            if e.byline.as_deref().is_some_and(|eb| norm_byline(eb) == norm_byline(b)) {
                byline_right += 1;
            }
        }
        if !page.days.is_empty() {
            date_n += 1;
            if let Some(d) = e.day {
                date_given += 1;
                if page.days.contains(&d) {
                    date_right += 1;
                }
            }
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let (f1, precision, recall) = summarize(&tfs);
    Row {
        krate: c.krate,
        variant: c.variant,
        default: c.default,
        f1,
        precision,
        recall,
        exact: exact_n,
        title_right,
        title_n,
        byline_right: c.bylines.then_some(byline_right),
        byline_n,
        date_right: c.dates.then_some(date_right),
        date_given,
        date_n,
        median_ms: median(&times),
        p95_ms: percentile(&times, 0.95),
        pages: pages.len(),
        failed,
        empty,
        panicked,
        failures,
        tfs,
    }
}

fn versions() -> HashMap<String, String> {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap_or_default();
    let mut v = HashMap::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = Some(n.trim_matches('"').to_string());
        } else if let (Some(ver), Some(n)) = (line.strip_prefix("version = "), name.take()) {
            v.entry(n).or_insert_with(|| ver.trim_matches('"').to_string());
        }
    }
    v
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 { "n/a".into() } else { format!("{n}/{of} ({:.0}%)", 100.0 * n as f64 / of as f64) }
}

fn table(title: &str, rows: &[Row], chosen: &HashMap<&str, &str>, versions: &HashMap<String, String>) -> String {
    let mut s = String::new();
    let pages = rows.first().map_or(0, |r| r.pages);
    let _ = writeln!(s, "\n### {title} ({pages} pages)\n");
    let has_title = rows.iter().any(|r| r.title_n > 0);
    let has_date = rows.iter().any(|r| r.date_n > 0);
    let has_byline = rows.iter().any(|r| r.byline_n > 0);
    let _ = write!(s, "| crate | version | options | body F1 | precision | recall | exact |");
    if has_title {
        let _ = write!(s, " title exact |");
    }
    if has_byline {
        let _ = write!(s, " byline exact |");
    }
    if has_date {
        let _ = write!(s, " date right (given) |");
    }
    let _ = writeln!(s, " ms/page median | ms/page p95 | failed / empty / panicked |");
    let cols = 10 + usize::from(has_title) + usize::from(has_byline) + usize::from(has_date);
    let _ = writeln!(s, "|{}", "---|".repeat(cols));
    for r in rows {
        let mark = if chosen.get(r.krate) == Some(&r.variant) { " **(chosen on tune)**" } else { "" };
        let def = if r.default { " (default)" } else { "" };
        let _ = write!(
            s,
            "| {} | {} | {}{}{} | {:.3} ± {:.3} | {:.3} | {:.3} | {} |",
            r.krate,
            versions.get(r.krate).map_or("path", String::as_str),
            r.variant,
            def,
            mark,
            r.f1,
            bootstrap_sd(&r.tfs, None).0,
            r.precision,
            r.recall,
            r.exact
        );
        if has_title {
            let _ = write!(s, " {} |", pct(r.title_right, r.title_n));
        }
        if has_byline {
            let _ = write!(s, " {} |", r.byline_right.map_or("no bylines".into(), |n| pct(n, r.byline_n)));
        }
        if has_date {
            let _ = write!(
                s,
                " {} |",
                r.date_right.map_or("no dates".into(), |n| format!("{}, {} given", pct(n, r.date_n), r.date_given))
            );
        }
        let _ = writeln!(s, " {:.1} | {:.1} | {} / {} / {} |", r.median_ms, r.p95_ms, r.failed, r.empty, r.panicked);
    }
    // Paired bootstrap of the F1 differences between the variants chosen on tune.
    let picked: Vec<&Row> = rows.iter().filter(|r| chosen.get(r.krate) == Some(&r.variant)).collect();
    if picked.len() > 1 {
        let _ = writeln!(
            s,
            "\nPaired bootstrap ({BOOTSTRAP} draws of the same pages), F1 of row minus F1 of column, ± sd:\n"
        );
        let _ = write!(s, "| |");
        for c in &picked {
            let _ = write!(s, " {} |", c.krate);
        }
        let _ = writeln!(s, "\n|{}", "---|".repeat(picked.len() + 1));
        for a in &picked {
            let _ = write!(s, "| {} |", a.krate);
            for b in &picked {
                if a.krate == b.krate {
                    let _ = write!(s, " |");
                } else {
                    let (_, sd) = bootstrap_sd(&a.tfs, Some(&b.tfs));
                    let _ = write!(s, " {:+.3} ± {:.3} |", a.f1 - b.f1, sd);
                }
            }
            let _ = writeln!(s);
        }
    }
    let fails: Vec<String> = rows
        .iter()
        .flat_map(|r| r.failures.iter().map(move |f| format!("- {} [{}]: {}", r.krate, r.variant, f)))
        .collect();
    if !fails.is_empty() {
        let _ = writeln!(s, "\nFailures and panics:\n\n{}", fails.join("\n"));
    }
    s
}

fn write_dump(dir: &Path, set: &str, cs: &[Contender], pages: &[&Page], results: &[Vec<PageResult>]) {
    std::fs::create_dir_all(dir).expect("dump dir");
    for (ci, c) in cs.iter().enumerate() {
        let mut out = serde_json::Map::new();
        let mut tsv = String::from("id\thalf\tprecision\trecall\tms\toutcome\ttitle\tday\n");
        for (pi, page) in pages.iter().enumerate() {
            let r = &results[ci][pi];
            let (text, title, day, oc) = match &r.outcome {
                Outcome::Ok(e) => (e.text.clone(), e.title.clone().unwrap_or_default(), e.day, "ok"),
                Outcome::Failed(_) => (String::new(), String::new(), None, "failed"),
                Outcome::Panicked(_) => (String::new(), String::new(), None, "panicked"),
            };
            let t = shingle_tp_fp_fn(&page.body, &text);
            let _ = writeln!(
                tsv,
                "{}\t{:?}\t{:.4}\t{:.4}\t{:.2}\t{}\t{}\t{}",
                page.id,
                half_of(&page.id),
                precision_score(t.0, t.1, t.2),
                recall_score(t.0, t.1, t.2),
                r.time.as_secs_f64() * 1000.0,
                oc,
                title.replace(['\t', '\n'], " "),
                day.map_or(String::new(), |d| format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)),
            );
            out.insert(page.id.clone(), serde_json::json!({ "articleBody": text }));
        }
        let name = format!("{set}--{}--{}", c.krate, c.variant.replace([' ', ',', '.', '+', ':', '(', ')', '\''], "_"));
        std::fs::write(dir.join(format!("{name}.json")), serde_json::to_string(&out).expect("json")).expect("write");
        std::fs::write(dir.join(format!("{name}.tsv")), tsv).expect("write");
    }
}

/// Scores the benchmark's own `output/*.json` files with this metric, to be compared with
/// what `python3 evaluate.py` prints for them.
fn verify(data: &Path) {
    let dir = data.join("scrapinghub");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).expect("truth")).expect("json");
    let truth = truth.as_object().expect("object");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("output"))
        .expect("output/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    println!("{:<22} {:>7} {:>9} {:>7} {:>8}", "output", "F1", "precision", "recall", "accuracy");
    for f in files {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("json");
        let out = if v.get("output").is_some() && v.get("version").is_some() { &v["output"] } else { &v };
        let mut tfs = Vec::new();
        let mut acc = 0usize;
        // Same key order as evaluate.py: ground truth's.
        for (k, t) in truth {
            let t = t["articleBody"].as_str().unwrap_or("");
            let p = out[k]["articleBody"].as_str().unwrap_or("");
            tfs.push(shingle_tp_fp_fn(t, p));
            acc += usize::from(exact(t, p));
        }
        let (f1, p, r) = summarize(&tfs);
        println!(
            "{:<22} {:>9.6} {:>9.6} {:>9.6} {:>9.6}",
            f.file_stem().expect("stem").to_string_lossy(),
            f1,
            p,
            r,
            acc as f64 / truth.len() as f64
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!(
            "usage: dossier-extraction-bench DATA [tune|report|all|verify] [--reps N] [--dump DIR] [--only CRATE]"
        );
        std::process::exit(2);
    };
    let mode = args.get(1).filter(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "all".into());
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let reps: usize = flag("--reps").and_then(|r| r.parse().ok()).unwrap_or(3);
    let dump = flag("--dump").map(PathBuf::from);
    let only = flag("--only");
    if mode == "verify" {
        verify(&data);
        return;
    }
    let halves: Vec<Half> = match mode.as_str() {
        "tune" => vec![Half::Tune],
        "report" => vec![Half::Report],
        "all" => vec![Half::Tune, Half::Report],
        other => {
            eprintln!("unknown mode {other}: tune, report, all or verify");
            std::process::exit(2);
        }
    };

    panic::set_hook(Box::new(|info| {
        if let Ok(mut s) = LAST_PANIC.lock() {
            *s = info.to_string().replace('\n', " ");
        }
    }));

    // One worker thread with a large stack: deep documents must not overflow the stack
    // of a recursive extractor (an overflow aborts the process and cannot be caught).
    let report = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(&data, &halves, reps, dump.as_deref(), only.as_deref()))
        .expect("thread")
        .join()
        .expect("the run");
    print!("{report}");
}

fn run(data: &Path, halves: &[Half], reps: usize, dump: Option<&Path>, only: Option<&str>) -> String {
    let versions = versions();
    let mut cs = contenders();
    if let Some(o) = only {
        cs.retain(|c| c.krate == o);
    }
    let mut out = String::new();
    let _ = writeln!(out, "## Extraction benchmark\n");
    let _ = writeln!(
        out,
        "Timing: wall time of one call (parse + extract) on one thread, the fastest of {reps} runs of each page; \
         median and 95th percentile (nearest rank) over the pages. Machine shared with other jobs."
    );
    let sets: Vec<(&str, &str, Vec<Page>)> = vec![
        (
            "scrapinghub",
            "scrapinghub/article-extraction-benchmark (human-annotated bodies; titles and dates labelled by reading each page)",
            load_scrapinghub(&data.join("scrapinghub")),
        ),
        (
            "mozilla",
            "mozilla/readability test pages (expected = Readability.js's own output)",
            load_mozilla(&data.join("mozilla")),
        ),
    ];
    let mut chosen: HashMap<&str, &str> = HashMap::new();
    for (set, label, pages) in &sets {
        let tune_n = pages.iter().filter(|p| half_of(&p.id) == Half::Tune).count();
        eprintln!("{set}: {} pages ({tune_n} tune, {} report)", pages.len(), pages.len() - tune_n);
        let run_pages: Vec<&Page> = pages.iter().filter(|p| halves.contains(&half_of(&p.id))).collect();
        // results[contender][page], in run_pages order; contenders interleaved per page so
        // that load from other jobs falls on all of them alike.
        let mut results: Vec<Vec<PageResult>> = cs.iter().map(|_| Vec::new()).collect();
        for (i, page) in run_pages.iter().enumerate() {
            if i % 20 == 0 {
                eprintln!("  {set}: page {i}/{}", run_pages.len());
            }
            for (ci, c) in cs.iter().enumerate() {
                results[ci].push(run_one(c, page, reps));
            }
        }
        for &half in halves {
            let idx: Vec<usize> = (0..run_pages.len()).filter(|&i| half_of(&run_pages[i].id) == half).collect();
            let hp: Vec<&Page> = idx.iter().map(|&i| run_pages[i]).collect();
            let rows: Vec<Row> = cs
                .iter()
                .enumerate()
                .map(|(ci, c)| score(c, &hp, &idx.iter().map(|&i| &results[ci][i]).collect::<Vec<_>>()))
                .collect();
            // The rule, fixed before any result was seen: on the tune half of the
            // human-judged set, each crate's variant of highest body F1 (first listed on a tie).
            if *set == "scrapinghub" && half == Half::Tune {
                for r in &rows {
                    // Strictly better only: on a tie the first listed (the default) stays.
                    let mut best: Option<&Row> = None;
                    for o in rows.iter().filter(|o| o.krate == r.krate) {
                        if best.is_none_or(|b| o.f1 > b.f1) {
                            best = Some(o);
                        }
                    }
                    if let Some(b) = best {
                        chosen.insert(b.krate, b.variant);
                    }
                }
            }
            out.push_str(&table(&format!("{label}: {half:?} half"), &rows, &chosen, &versions));
        }
        if halves.len() == 2 {
            let rows: Vec<Row> = cs
                .iter()
                .enumerate()
                .map(|(ci, c)| score(c, &run_pages, &results[ci].iter().collect::<Vec<_>>()))
                .collect();
            out.push_str(&table(
                &format!("{label}: both halves (for comparison with published numbers only)"),
                &rows,
                &chosen,
                &versions,
            ));
        }
        if let Some(d) = dump {
            write_dump(d, set, &cs, &run_pages, &results);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_match_evaluate_py() {
        // _ngrams("a b", 4) == [("a", "b")]; _ngrams("", 4) == [].
        assert_eq!(shingles("a b").len(), 1);
        assert!(shingles("").is_empty());
        assert_eq!(shingles("a b c d e").len(), 2);
        let (tp, fp, fn_) = shingle_tp_fp_fn("one two three four five", "one two three four");
        assert!((tp - 0.5).abs() < 1e-12 && fp == 0.0 && (fn_ - 0.5).abs() < 1e-12);
    }

    #[test]
    fn days_of_dates() {
        assert_eq!(truth_days("2016-12-22T22:43:37-08:00"), vec![(2016, 12, 22), (2016, 12, 23)]);
        assert_eq!(truth_days("2024-06-25"), vec![(2024, 6, 25)]);
        assert_eq!(string_day("Tue, 14 Feb 2017 10:00:00 +0000"), Some((2017, 2, 14)));
    }

    #[test]
    fn halves_are_fixed() {
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
    }
}
