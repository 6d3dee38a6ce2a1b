//! Downloading pages for `dossier ingest --fetch`: reading lists of links (a text file of
//! URLs or a browser's bookmarks export) and fetching them politely into a cache folder.
//!
//! Politeness: at most [`FetchSettings::per_host`] requests in flight to one host (all
//! hosts in parallel, up to [`FetchSettings::parallel`] requests in all), a time limit per
//! request, a few retries with exponential back-off only where a retry can help (time-outs,
//! connection errors, HTTP 429 and 5xx, honouring a short `Retry-After`), and a clear user
//! agent; and what a site's robots.txt keeps robots from is not downloaded (the rules for
//! `dossier`, else for every robot). Each page is downloaded once: the cache keeps it under a hash of its URL, and a
//! later run finds it there without any request. The pages are not parsed here.
//!
//! A site's robots.txt is read once, before any page of the site is asked for. Where it
//! gives a `Crawl-delay`, the site's requests (retries included) are made one at a time,
//! each starting at least that long after the one before (robots.txt's own request is not
//! counted), up to [`MAX_CRAWL_DELAY`]: a longer delay is cut to it, and that is said once
//! per site through `on_notice`. Links the rules refuse make no request, so they wait for
//! nothing, and neither do pages found in the cache. The scheduler hands each free worker
//! the next link of a host that may be asked now, hosts taking turns: a host waiting for
//! its delay (or its robots.txt) holds no worker, and the other hosts go on meanwhile.

use std::{
    collections::{HashMap, HashSet, VecDeque},
    fmt::Write as _,
    fs,
    io::{self, Read, Write},
    path::{Path, PathBuf},
    sync::{
        Condvar, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use sha2::{Digest, Sha256};
use texting_robots::Robot;
use ureq::{Agent, ResponseExt, http::Uri};

/// One link of a list: the URL to download, the line of the list it was read on (from 1),
/// and its title where the list gives one (a bookmark's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// An http(s) URL, without its `#fragment`, non-ASCII characters percent-encoded.
    pub url: String,
    /// The line of the list it was read on, from 1.
    pub line: usize,
    /// The bookmark's name, or the text after the URL on a line of a text list.
    pub title: Option<String>,
}

/// How [`fetch_all`] downloads.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// The folder of downloaded pages (created if missing).
    pub cache: PathBuf,
    /// The most requests in flight to one host (2); one for a host whose robots.txt gives a
    /// `Crawl-delay`.
    pub per_host: usize,
    /// The most requests in flight over all hosts (16).
    pub parallel: usize,
    /// The time limit of one request, connection, redirects and body included (20 s).
    pub timeout: Duration,
    /// How many times a request is tried again after a time-out, a connection error, an
    /// HTTP 429 or 5xx (2, so 3 tries in all).
    pub retries: u32,
    /// The wait before the first retry, doubled before each next one (0.5 s).
    pub backoff: Duration,
    /// The largest page kept, in bytes (60 MB).
    pub max_bytes: u64,
    /// The `User-Agent` header sent (see [`user_agent`]).
    pub user_agent: String,
}

impl FetchSettings {
    /// The default settings, downloading into `cache`.
    pub fn new(cache: PathBuf) -> Self {
        FetchSettings {
            cache,
            per_host: 2,
            parallel: 16,
            timeout: Duration::from_secs(20),
            retries: 2,
            backoff: Duration::from_millis(500),
            max_bytes: 60 * MB,
            user_agent: user_agent(),
        }
    }
}

/// What became of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The page is in the cache.
    Page {
        /// The link's URL.
        url: String,
        /// The URL of the page after redirects.
        final_url: String,
        /// The cached body.
        path: PathBuf,
        /// True when found in the cache, without any request.
        from_cache: bool,
    },
    /// The page could not be downloaded.
    Failed {
        /// The link's URL.
        url: String,
        /// Why, for a person: "not found (HTTP 404)", "timed out after 20 s", …
        reason: String,
    },
}

const MB: u64 = 1024 * 1024;
/// The longest `Retry-After` honoured: a server asking for more gets this.
const RETRY_AFTER_CAP: Duration = Duration::from_secs(5);
/// The longest robots.txt `Crawl-delay` honoured between two requests to one host: a site
/// asking for more gets this (and the cut is said once), so that one site cannot hold a
/// run for hours (30 s: 120 pages an hour).
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);
/// Redirects followed before a link fails with "too many redirects".
const MAX_REDIRECTS: u32 = 10;
/// The longest part of a rejected line quoted in its reason.
const QUOTE_CHARS: usize = 80;

/// The `User-Agent` header: `dossier/<version> (+<repository>; offline news-archive
/// builder)`, the repository being the package's `repository` field where set.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let repository = env!("CARGO_PKG_REPOSITORY");
    if repository.is_empty() {
        format!("dossier/{version} (offline news-archive builder)")
    } else {
        format!("dossier/{version} (+{repository}; offline news-archive builder)")
    }
}

// ---------------------------------------------------------------------------------------
// Link lists

/// Reads a list of links: a text file of URLs (one per line, optionally followed by a
/// title; blank lines and `#` comments skipped; any other line that is not an http(s) URL is
/// a rejection), or a browser's bookmarks export (Netscape bookmark HTML, recognised by its
/// `<!DOCTYPE NETSCAPE-Bookmark-file-1>`, whose every `<a href>` is read). Returns the links
/// in order, each URL once, and the rejections as (line, reason).
pub fn read_links(text: &str) -> (Vec<Link>, Vec<(usize, String)>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut list = LinkList::default();
    if is_bookmarks(text) {
        read_bookmarks(text, &mut list);
    } else {
        for (index, line) in text.lines().enumerate() {
            let line_text = line.trim();
            if line_text.is_empty() || line_text.starts_with('#') {
                continue;
            }
            let (url, title) = match line_text.split_once(char::is_whitespace) {
                Some((url, rest)) => (url, Some(rest.trim().to_owned())),
                None => (line_text, None),
            };
            list.push(index + 1, url, title, line_text);
        }
    }
    (list.links, list.rejected)
}

#[derive(Default)]
struct LinkList {
    links: Vec<Link>,
    rejected: Vec<(usize, String)>,
    seen: HashSet<String>,
}

impl LinkList {
    /// Adds the link `raw` read on `line`, or rejects it quoting `shown`.
    fn push(&mut self, line: usize, raw: &str, title: Option<String>, shown: &str) {
        match normalize_url(raw) {
            Ok((url, key)) => {
                if self.seen.insert(key) {
                    let title = title.filter(|t| !t.is_empty());
                    self.links.push(Link { url, line, title });
                }
            }
            Err(why) => self.rejected.push((line, format!("{why}: {}", quote(shown)))),
        }
    }
}

/// The URL to fetch (fragment dropped, scheme lower-cased, non-ASCII percent-encoded) and
/// the key that finds duplicates (host lower-cased too, an empty path as `/`), or why the
/// text is not an http(s) link.
fn normalize_url(raw: &str) -> Result<(String, String), &'static str> {
    let raw = raw.trim();
    let without_fragment = raw.split_once('#').map_or(raw, |(url, _)| url);
    let Some((scheme, rest)) = without_fragment.split_once("://") else {
        return Err("not an http(s) link");
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err("not an http(s) link");
    }
    let mut url = format!("{scheme}://");
    for c in rest.chars() {
        if c.is_ascii_graphic() {
            url.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(url, "%{byte:02X}");
            }
        }
    }
    let uri: Uri = url.parse().map_err(|_| "not a valid link")?;
    let Some(authority) = uri.authority().filter(|a| !a.host().is_empty()) else {
        return Err("no host in link");
    };
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let path = if path.is_empty() { "/" } else { path };
    let key = format!("{scheme}://{}{path}", authority.as_str().to_ascii_lowercase());
    Ok((url, key))
}

/// At most [`QUOTE_CHARS`] characters of a rejected text.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn is_bookmarks(text: &str) -> bool {
    let start = text.trim_start();
    start.get(..35).is_some_and(|head| head.eq_ignore_ascii_case("<!DOCTYPE NETSCAPE-Bookmark-file-1>"))
}

/// Every `<a href="…">title</a>` of an HTML text, in order. Anchors without `href` are
/// skipped; an `href` that is not an http(s) URL (`place:`, `javascript:`) is a rejection.
fn read_bookmarks(text: &str, list: &mut LinkList) {
    // ASCII lower-casing keeps every byte where it was, so positions in `lower` are
    // positions in `text`.
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut line = 1;
    let mut counted_to = 0;
    let mut from = 0;
    while let Some(found) = lower[from..].find("<a") {
        let start = from + found;
        from = start + 2;
        if !bytes.get(start + 2).is_some_and(|b| b.is_ascii_whitespace()) {
            continue;
        }
        line += bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count();
        counted_to = start;
        let (attributes, tag_end) = parse_tag(text, start + 2);
        from = tag_end;
        let Some(href) = attributes.iter().find(|(name, _)| name == "href").map(|(_, v)| v) else {
            continue;
        };
        let title_end = lower[tag_end..].find("</a").map_or(text.len(), |end| tag_end + end);
        let title = html_text(&text[tag_end..title_end]);
        let href = decode_entities(href);
        list.push(line, &href, Some(title), &href);
    }
}

/// The attributes (names lower-cased, values as written) of a tag whose name ends at
/// `from`, and the position after its `>`.
fn parse_tag(text: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut attributes = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attributes, i);
        }
        if bytes[i] == b'>' {
            return (attributes, i + 1);
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>') {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let value_end =
                        text[value_start..].find(char::from(quote)).map_or(text.len(), |end| value_start + end);
                    value = text[value_start..value_end].to_owned();
                    i = (value_end + 1).min(text.len());
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = text[value_start..i].to_owned();
                }
            }
        }
        attributes.push((name, value));
    }
}

/// The text of an HTML fragment: tags dropped, entities decoded, white space collapsed.
fn html_text(fragment: &str) -> String {
    let mut text = String::new();
    let mut rest = fragment;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    decode_entities(&text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the character references of HTML text: the usual named ones and numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|&end| end <= 10)?;
            let name = &after[..end];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, end + 2))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// Downloading

/// Downloads every link into `settings.cache` (links already there make no request), a few
/// at a time per host and all hosts in parallel, each host's requests spaced by its
/// robots.txt's `Crawl-delay`, calling `on_done` as each link ends and `on_notice` with a
/// line for the person running it (a `Crawl-delay` cut to [`MAX_CRAWL_DELAY`]), both from
/// the downloading threads. Returns one result per link, in the links' order.
pub fn fetch_all(
    links: &[Link],
    settings: &FetchSettings,
    on_done: &(dyn Fn(&Fetched) + Sync),
    on_notice: &(dyn Fn(&str) + Sync),
) -> Vec<Fetched> {
    let mut results: Vec<Option<Fetched>> = links.iter().map(|_| None).collect();
    let failed = |link: &Link, reason: String| Fetched::Failed { url: link.url.clone(), reason };
    if let Err(error) = fs::create_dir_all(&settings.cache) {
        let reason = format!("cannot create the download folder {}: {error}", settings.cache.display());
        return links
            .iter()
            .map(|link| {
                let fetched = failed(link, reason.clone());
                on_done(&fetched);
                fetched
            })
            .collect();
    }

    // Links found in the cache or refused outright end here; the others wait by host.
    let mut hosts: Vec<HostQueue> = Vec::new();
    let mut host_of: HashMap<String, usize> = HashMap::new();
    let mut pending = 0;
    for (index, link) in links.iter().enumerate() {
        let done = match host_key(&link.url) {
            Err(reason) => Some(failed(link, reason)),
            Ok(host) => match cached(&settings.cache, &link.url) {
                Some(page) => Some(page),
                None => {
                    let next = hosts.len();
                    let slot = *host_of.entry(host.clone()).or_insert(next);
                    if slot == next {
                        hosts.push(HostQueue::new(host));
                    }
                    hosts[slot].waiting.push_back(index);
                    pending += 1;
                    None
                }
            },
        };
        if let Some(fetched) = done {
            on_done(&fetched);
            results[index] = Some(fetched);
        }
    }

    if pending > 0 {
        let per_host = settings.per_host.max(1);
        let workers = settings.parallel.max(1).min(pending).min(hosts.len() * per_host);
        let agent = agent(settings);
        let queue = Queue { hosts: Mutex::new(Scheduler { hosts, next: 0 }), changed: Condvar::new(), per_host, links };
        let results_lock = Mutex::new(&mut results);
        thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    while let Some(Task { host, index, job }) = queue.take() {
                        // Frees the host's place even if `on_done` panics, so that the
                        // other workers end and the panic reaches the caller.
                        let mut slot = Slot { queue: &queue, host, last_request: None };
                        let url = &links[index].url;
                        let fetched = match job {
                            // The link stays first in its host's queue, taken again once
                            // the rules are known.
                            Job::ReadRobots => {
                                let robot = robots_of(&agent, url);
                                if let Some(notice) = queue.robots_read(host, robot) {
                                    on_notice(&notice);
                                }
                                continue;
                            }
                            Job::Refuse => Fetched::Failed { url: url.clone(), reason: DISALLOWED.to_owned() },
                            Job::Fetch { delay } => {
                                let (fetched, last_request) = fetch_one(&agent, url, settings, delay);
                                slot.last_request = Some(last_request);
                                fetched
                            }
                        };
                        on_done(&fetched);
                        results_lock.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(fetched);
                    }
                });
            }
        });
    }

    results
        .into_iter()
        .zip(links)
        .map(|(result, link)| result.unwrap_or_else(|| failed(link, "not downloaded".to_owned())))
        .collect()
}

/// The links waiting for one host, how many of its requests are in flight, and what its
/// robots.txt says.
struct HostQueue {
    /// The host and port, as said to the person running `dossier`.
    name: String,
    waiting: VecDeque<usize>,
    in_flight: usize,
    robots: Robots,
    /// The least time between the starts of two requests (robots.txt's `Crawl-delay`, at
    /// most [`MAX_CRAWL_DELAY`]); with one, a single request at a time.
    delay: Option<Duration>,
    /// The earliest start of the host's next request under its delay.
    ready_at: Option<Instant>,
}

impl HostQueue {
    fn new(name: String) -> HostQueue {
        HostQueue { name, waiting: VecDeque::new(), in_flight: 0, robots: Robots::Unread, delay: None, ready_at: None }
    }
}

/// Where a host's robots.txt is: not asked for yet, asked for by a worker, or read (None
/// when the site has none, or it could not be read: every page may then be downloaded).
enum Robots {
    Unread,
    Reading,
    Read(Option<Robot>),
}

/// What a worker does with the link it is given.
enum Job {
    /// Read the host's robots.txt (the link is left in the queue).
    ReadRobots,
    /// Fail the link, which the host's robots.txt refuses, without any request.
    Refuse,
    /// Download the link, its tries spaced by the host's crawl delay.
    Fetch { delay: Option<Duration> },
}

/// A link given to a worker: its host, its place in the links, and what to do.
struct Task {
    host: usize,
    index: usize,
    job: Job,
}

struct Scheduler {
    hosts: Vec<HostQueue>,
    /// Where the next search for a free host starts, so hosts take turns.
    next: usize,
}

struct Queue<'a> {
    hosts: Mutex<Scheduler>,
    changed: Condvar,
    per_host: usize,
    links: &'a [Link],
}

impl Queue<'_> {
    /// The next link to work on, waiting while no host with links left may be asked now
    /// (all busy, waiting for their robots.txt or for their crawl delay); `None` when no
    /// link is left.
    fn take(&self) -> Option<Task> {
        let mut scheduler = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let now = Instant::now();
            let count = scheduler.hosts.len();
            let mut any_waiting = false;
            // The earliest end of a crawl delay that keeps a host back.
            let mut wake: Option<Instant> = None;
            for step in 0..count {
                let host = (scheduler.next + step) % count;
                let queue = &mut scheduler.hosts[host];
                let Some(&index) = queue.waiting.front() else { continue };
                any_waiting = true;
                let job = match &queue.robots {
                    Robots::Unread => Some(Job::ReadRobots),
                    Robots::Reading => None,
                    Robots::Read(Some(robot)) if !robot.allowed(&self.links[index].url) => Some(Job::Refuse),
                    Robots::Read(_) => match (queue.delay, queue.ready_at) {
                        (None, _) => (queue.in_flight < self.per_host).then_some(Job::Fetch { delay: None }),
                        (Some(_), _) if queue.in_flight > 0 => None,
                        (Some(_), Some(ready_at)) if ready_at > now => {
                            wake = Some(wake.map_or(ready_at, |at| at.min(ready_at)));
                            None
                        }
                        (Some(delay), _) => {
                            queue.ready_at = Some(now + delay);
                            Some(Job::Fetch { delay: Some(delay) })
                        }
                    },
                };
                let Some(job) = job else { continue };
                match job {
                    Job::ReadRobots => queue.robots = Robots::Reading,
                    Job::Refuse | Job::Fetch { .. } => {
                        queue.waiting.pop_front();
                    }
                }
                queue.in_flight += 1;
                scheduler.next = (host + 1) % count;
                return Some(Task { host, index, job });
            }
            if !any_waiting {
                return None;
            }
            scheduler = match wake {
                Some(at) => {
                    let timeout = at.saturating_duration_since(now);
                    self.changed.wait_timeout(scheduler, timeout).map_or_else(|e| e.into_inner().0, |(s, _)| s)
                }
                None => self.changed.wait(scheduler).unwrap_or_else(PoisonError::into_inner),
            };
        }
    }

    /// Keeps what `host`'s robots.txt says (letting its links be taken), and returns the
    /// line to say when its `Crawl-delay` is cut to [`MAX_CRAWL_DELAY`].
    fn robots_read(&self, host: usize, robot: Option<Robot>) -> Option<String> {
        let mut scheduler = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        let queue = &mut scheduler.hosts[host];
        let asked = robot.as_ref().and_then(|robot| robot.delay);
        queue.delay = asked.and_then(crawl_delay);
        queue.robots = Robots::Read(robot);
        asked.filter(|&asked| f64::from(asked) > MAX_CRAWL_DELAY.as_secs_f64()).map(|asked| {
            format!(
                "{} asks for {asked} s between requests (robots.txt Crawl-delay); waiting {}",
                queue.name,
                seconds(MAX_CRAWL_DELAY)
            )
        })
    }

    /// Ends a request to `host` whose last try started at `last_request` (None when no
    /// request was made), letting a waiting worker take its place.
    fn finish(&self, host: usize, last_request: Option<Instant>) {
        let mut scheduler = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        let queue = &mut scheduler.hosts[host];
        queue.in_flight -= 1;
        // A retry started after the delay counted from the first try.
        if let (Some(delay), Some(started)) = (queue.delay, last_request) {
            let next = started + delay;
            queue.ready_at = Some(queue.ready_at.map_or(next, |at| at.max(next)));
        }
        // The worker reading the robots.txt ended without an answer (it panicked): no rules.
        if matches!(queue.robots, Robots::Reading) {
            queue.robots = Robots::Read(None);
        }
        drop(scheduler);
        self.changed.notify_all();
    }
}

/// A link being worked on by a worker of a [`Queue`], ended when dropped.
struct Slot<'a, 'q> {
    queue: &'a Queue<'q>,
    host: usize,
    /// When the last try of the link's request started, if one was made.
    last_request: Option<Instant>,
}

impl Drop for Slot<'_, '_> {
    fn drop(&mut self) {
        self.queue.finish(self.host, self.last_request);
    }
}

/// The wait between two requests to a host whose robots.txt says `Crawl-delay: asked`
/// (seconds): at most [`MAX_CRAWL_DELAY`], and None for no wait (zero, negative, not a
/// number).
fn crawl_delay(asked: f32) -> Option<Duration> {
    if asked.is_nan() || asked <= 0.0 {
        return None;
    }
    Some(Duration::try_from_secs_f32(asked).map_or(MAX_CRAWL_DELAY, |delay| delay.min(MAX_CRAWL_DELAY)))
}

/// The host and port that requests are counted by, or why the URL cannot be downloaded.
fn host_key(url: &str) -> Result<String, String> {
    let uri: Uri = url.parse().map_err(|_| format!("not a valid link: {}", quote(url)))?;
    match uri.scheme_str() {
        Some(scheme) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {}
        _ => return Err(format!("not an http(s) link: {}", quote(url))),
    }
    match uri.authority() {
        Some(authority) if !authority.host().is_empty() => Ok(authority.as_str().to_ascii_lowercase()),
        _ => Err(format!("no host in link: {}", quote(url))),
    }
}

/// The time limit of connecting: the request's, up to 10 s.
fn connect_timeout(settings: &FetchSettings) -> Duration {
    settings.timeout.min(Duration::from_secs(10))
}

fn agent(settings: &FetchSettings) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(MAX_REDIRECTS)
        .timeout_global(Some(settings.timeout))
        .timeout_connect(Some(connect_timeout(settings)))
        .user_agent(settings.user_agent.as_str())
        .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .max_idle_connections_per_host(settings.per_host.max(1))
        .build()
        .into()
}

// The cache: `<hash>.html` holds a page's body and `<hash>.url` the URL it came from after
// redirects. The `.url` file is written last, so a page counts as cached only when whole.

/// Why a link the site's robots.txt keeps robots from is not downloaded.
const DISALLOWED: &str = "not downloaded: the site's robots.txt does not allow it";

/// The name robots.txt rules are matched against (the user agent's first word).
const ROBOT_NAME: &str = "dossier";

/// The biggest robots.txt read; Google reads 500 KiB.
const ROBOTS_MAX_BYTES: u64 = 500 * 1024;

/// The rules of the robots.txt of `url`'s site for Dossier (`texting_robots`, which
/// follows Google's reading of the standard), or None when the site has none, or none
/// could be read: then every page may be downloaded.
fn robots_of(agent: &Agent, url: &str) -> Option<Robot> {
    let after_scheme = url.find("://")? + 3;
    let origin_end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |at| after_scheme + at);
    let mut response = agent.get(format!("{}/robots.txt", &url[..origin_end])).call().ok()?;
    if response.status().as_u16() != 200 {
        return None;
    }
    let mut text = Vec::new();
    response.body_mut().as_reader().take(ROBOTS_MAX_BYTES).read_to_end(&mut text).ok()?;
    Robot::new(ROBOT_NAME, &text).ok()
}

/// The hex of the first 16 bytes of the SHA-256 of the URL.
fn cache_name(url: &str) -> String {
    let digest = Sha256::digest(url.as_bytes());
    digest.iter().take(16).fold(String::with_capacity(32), |mut name, byte| {
        let _ = write!(name, "{byte:02x}");
        name
    })
}

/// The cached page of `url`, if whole.
fn cached(cache: &Path, url: &str) -> Option<Fetched> {
    let name = cache_name(url);
    let final_url = fs::read_to_string(cache.join(format!("{name}.url"))).ok()?;
    let path = cache.join(format!("{name}.html"));
    path.is_file().then(|| Fetched::Page {
        url: url.to_owned(),
        final_url: final_url.trim().to_owned(),
        path,
        from_cache: true,
    })
}

/// A temporary file in the cache folder, unique across threads and processes.
fn temp_path(cache: &Path, name: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    cache.join(format!("{name}.{}.{n}.tmp", std::process::id()))
}

/// Writes `contents` to `path` through a temporary file renamed into place.
fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = temp_path(path.parent().unwrap_or(Path::new(".")), &name);
    let written = fs::write(&temp, contents).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Why one try failed in a way that another try might not.
enum Transient {
    Status(u16),
    /// Timed out after this long.
    Timeout(Duration),
    Connection(String),
}

/// The end of one try: a result, or a failure worth trying again after an optional
/// `Retry-After`.
enum Attempt {
    Done(Fetched),
    Retry(Transient, Option<Duration>),
}

/// Downloads one link, trying again on transient failures, each try starting at least
/// `delay` after the one before; returns what became of it and when its last try started.
fn fetch_one(agent: &Agent, url: &str, settings: &FetchSettings, delay: Option<Duration>) -> (Fetched, Instant) {
    let tries = settings.retries.saturating_add(1);
    let mut tried = 0;
    loop {
        tried += 1;
        let started = Instant::now();
        let (transient, retry_after) = match try_once(agent, url, settings) {
            Attempt::Done(fetched) => return (fetched, started),
            Attempt::Retry(transient, retry_after) => (transient, retry_after),
        };
        if tried >= tries {
            let reason = match transient {
                Transient::Status(429) => format!("too many requests (HTTP 429){}", after_tries(tried)),
                Transient::Status(status) => format!("server error (HTTP {status}){}", after_tries(tried)),
                Transient::Timeout(limit) if tried > 1 => format!("timed out after {} ({tried} tries)", seconds(limit)),
                Transient::Timeout(limit) => format!("timed out after {}", seconds(limit)),
                Transient::Connection(why) => format!("could not connect ({why}){}", after_tries(tried)),
            };
            return (Fetched::Failed { url: url.to_owned(), reason }, started);
        }
        let crawl_wait = delay.unwrap_or_default().saturating_sub(started.elapsed());
        thread::sleep(retry_wait(settings.backoff, tried - 1, retry_after).max(crawl_wait));
    }
}

/// The wait before retry `retry` (from 0): the server's `Retry-After` up to a few seconds,
/// else the back-off doubled at each retry.
fn retry_wait(backoff: Duration, retry: u32, retry_after: Option<Duration>) -> Duration {
    match retry_after {
        Some(wait) => wait.min(RETRY_AFTER_CAP),
        None => backoff.saturating_mul(1 << retry.min(16)),
    }
}

fn after_tries(tries: u32) -> String {
    if tries > 1 { format!(" after {tries} tries") } else { String::new() }
}

/// "20 s", "1.5 s", "250 ms".
fn seconds(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// "60 MB", or bytes for a limit that is not a whole number of megabytes.
fn size(bytes: u64) -> String {
    if bytes >= MB && bytes.is_multiple_of(MB) { format!("{} MB", bytes / MB) } else { format!("{bytes} bytes") }
}

/// True for the content types of web pages (and for no content type).
fn is_page_type(mime: &str) -> bool {
    mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml"
}

fn try_once(agent: &Agent, url: &str, settings: &FetchSettings) -> Attempt {
    let failed = |reason: String| Attempt::Done(Fetched::Failed { url: url.to_owned(), reason });
    let mut response = match agent.get(url).call() {
        Ok(response) => response,
        Err(error) => return from_error(error, url, settings),
    };
    let status = response.status().as_u16();
    if status == 429 || (500..600).contains(&status) {
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        return Attempt::Retry(Transient::Status(status), retry_after);
    }
    if !(200..300).contains(&status) {
        return failed(match status {
            404 => "not found (HTTP 404)".to_owned(),
            410 => "gone (HTTP 410)".to_owned(),
            401 | 403 => format!("access denied (HTTP {status})"),
            300..=399 => format!("redirect without a target (HTTP {status})"),
            _ => format!("refused (HTTP {status})"),
        });
    }
    let mime = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .map(|value| value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !is_page_type(&mime) {
        return failed(format!("not a web page ({mime})"));
    }
    let too_large = || format!("page larger than {}", size(settings.max_bytes));
    if response.body().content_length().is_some_and(|length| length > settings.max_bytes) {
        return failed(too_large());
    }
    let final_url = response.get_uri().to_string();

    let name = cache_name(url);
    let path = settings.cache.join(format!("{name}.html"));
    let temp = temp_path(&settings.cache, &name);
    let copied = fs::File::create(&temp).map_err(Saving::Cache).and_then(|mut file| {
        let mut body = response.body_mut().as_reader().take(settings.max_bytes + 1);
        let copied = copy(&mut body, &mut file)?;
        file.flush().map_err(Saving::Cache)?;
        Ok(copied)
    });
    let outcome = match copied {
        Ok(length) if length > settings.max_bytes => failed(too_large()),
        Ok(_) => match fs::rename(&temp, &path)
            .and_then(|()| write_atomically(&settings.cache.join(format!("{name}.url")), final_url.as_bytes()))
        {
            Ok(()) => return Attempt::Done(Fetched::Page { url: url.to_owned(), final_url, path, from_cache: false }),
            Err(error) => failed(format!("cannot write the download folder: {error}")),
        },
        Err(Saving::Cache(error)) => failed(format!("cannot write the download folder: {error}")),
        Err(Saving::Body(error)) => from_io_error(error, url, settings),
    };
    let _ = fs::remove_file(&temp);
    outcome
}

/// Where copying a body failed: reading it from the network or writing it to the cache.
enum Saving {
    Body(io::Error),
    Cache(io::Error),
}

fn copy(from: &mut impl Read, to: &mut impl Write) -> Result<u64, Saving> {
    let mut buffer = vec![0; 64 * 1024];
    let mut copied = 0;
    loop {
        let read = match from.read(&mut buffer) {
            Ok(0) => return Ok(copied),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(Saving::Body(error)),
        };
        to.write_all(&buffer[..read]).map_err(Saving::Cache)?;
        copied += read as u64;
    }
}

fn from_error(error: ureq::Error, url: &str, settings: &FetchSettings) -> Attempt {
    let failed = |reason: String| Attempt::Done(Fetched::Failed { url: url.to_owned(), reason });
    match error {
        ureq::Error::Timeout(ureq::Timeout::Connect) => {
            Attempt::Retry(Transient::Timeout(connect_timeout(settings)), None)
        }
        ureq::Error::Timeout(_) => Attempt::Retry(Transient::Timeout(settings.timeout), None),
        ureq::Error::Io(error) => from_io_error(error, url, settings),
        ureq::Error::ConnectionFailed => Attempt::Retry(Transient::Connection("connection failed".to_owned()), None),
        ureq::Error::HostNotFound => failed("host not found".to_owned()),
        ureq::Error::TooManyRedirects => failed("too many redirects".to_owned()),
        ureq::Error::BodyExceedsLimit(_) => failed(format!("page larger than {}", size(settings.max_bytes))),
        ureq::Error::BadUri(why) => failed(format!("not a valid link ({why})")),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) => failed(format!("secure connection failed ({error})")),
        ureq::Error::Protocol(why) => failed(format!("not a valid HTTP answer ({why})")),
        error => failed(error.to_string()),
    }
}

fn from_io_error(error: io::Error, url: &str, settings: &FetchSettings) -> Attempt {
    if error.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
        return match error.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
            Some(Ok(inner)) => from_error(*inner, url, settings),
            _ => Attempt::Retry(Transient::Connection("connection error".to_owned()), None),
        };
    }
    let why = match error.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
            return Attempt::Retry(Transient::Timeout(settings.timeout), None);
        }
        io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => "connection reset".to_owned(),
        io::ErrorKind::UnexpectedEof => "connection closed early".to_owned(),
        _ => error.to_string(),
    };
    Attempt::Retry(Transient::Connection(why), None)
}

#[cfg(test)]
mod tests {
    fn fetched_url(fetched: &Fetched) -> &str {
        match fetched {
            Fetched::Page { url, .. } | Fetched::Failed { url, .. } => url,
        }
    }

    use super::*;
    use std::{
        io::{BufRead, BufReader},
        net::{SocketAddr, TcpListener, TcpStream},
        sync::{
            Arc,
            atomic::{AtomicUsize, Ordering::SeqCst},
        },
        time::Instant,
    };

    // A tiny HTTP/1.1 server on loopback: one request per connection, answered by a
    // handler from the path and how many times that path was asked before.

    /// A canned answer.
    struct Reply {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
        /// Waited before answering (inside the counted request).
        delay: Duration,
        /// Sends no `Content-Length`: the body ends when the connection closes.
        no_length: bool,
    }

    impl Reply {
        fn new(status: u16, body: &str) -> Reply {
            Reply {
                status,
                headers: vec![("Content-Type", "text/html; charset=utf-8".to_owned())],
                body: body.as_bytes().to_vec(),
                delay: Duration::ZERO,
                no_length: false,
            }
        }

        fn page(body: &str) -> Reply {
            Reply::new(200, body)
        }

        fn redirect(to: &str) -> Reply {
            let mut reply = Reply::new(302, "");
            reply.headers.push(("Location", to.to_owned()));
            reply
        }

        fn header(mut self, name: &'static str, value: &str) -> Reply {
            self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            self.headers.push((name, value.to_owned()));
            self
        }

        fn delayed(mut self, delay: Duration) -> Reply {
            self.delay = delay;
            self
        }
    }

    /// Requests in flight, shared by servers to observe concurrency across hosts.
    #[derive(Default)]
    struct Activity {
        active: AtomicUsize,
        max_active: AtomicUsize,
    }

    struct Server {
        addr: SocketAddr,
        hits: Arc<Mutex<HashMap<String, usize>>>,
        user_agents: Arc<Mutex<Vec<String>>>,
        activity: Arc<Activity>,
        /// Each request's path and when it came, in order.
        arrivals: Arc<Mutex<Vec<(String, Instant)>>>,
    }

    type Handler = fn(&str, usize) -> Reply;

    impl Server {
        fn start(handler: Handler) -> Server {
            Server::start_with(handler, Arc::default())
        }

        fn start_with(handler: Handler, activity: Arc<Activity>) -> Server {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
            let addr = listener.local_addr().expect("address");
            let server =
                Server { addr, hits: Arc::default(), user_agents: Arc::default(), activity, arrivals: Arc::default() };
            let (hits, user_agents, activity, arrivals) =
                (server.hits.clone(), server.user_agents.clone(), server.activity.clone(), server.arrivals.clone());
            thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let (hits, user_agents, activity, arrivals) =
                        (hits.clone(), user_agents.clone(), activity.clone(), arrivals.clone());
                    thread::spawn(move || serve(stream, handler, &hits, &user_agents, &activity, &arrivals));
                }
            });
            server
        }

        fn url(&self, path: &str) -> String {
            format!("http://{}{path}", self.addr)
        }

        fn hits(&self, path: &str) -> usize {
            self.hits.lock().expect("hits").get(path).copied().unwrap_or(0)
        }

        /// When each page (not the site's robots.txt) was asked for, in order.
        fn page_arrivals(&self) -> Vec<(String, Instant)> {
            let arrivals = self.arrivals.lock().expect("arrivals");
            arrivals.iter().filter(|(path, _)| path != "/robots.txt").cloned().collect()
        }

        /// Requests for pages (not for the site's robots.txt).
        fn total_hits(&self) -> usize {
            self.hits
                .lock()
                .expect("hits")
                .iter()
                .filter(|(path, _)| *path != "/robots.txt")
                .map(|(_, hits)| hits)
                .sum()
        }
    }

    fn serve(
        stream: TcpStream,
        handler: Handler,
        hits: &Mutex<HashMap<String, usize>>,
        user_agents: &Mutex<Vec<String>>,
        activity: &Activity,
        arrivals: &Mutex<Vec<(String, Instant)>>,
    ) {
        let mut reader = BufReader::new(stream);
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let arrived = Instant::now();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("user-agent")
            {
                user_agents.lock().expect("user agents").push(value.trim().to_owned());
            }
        }
        let active = activity.active.fetch_add(1, SeqCst) + 1;
        activity.max_active.fetch_max(active, SeqCst);
        let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        arrivals.lock().expect("arrivals").push((path.clone(), arrived));
        let before = {
            let mut hits = hits.lock().expect("hits");
            let count = hits.entry(path.clone()).or_default();
            *count += 1;
            *count - 1
        };
        let reply = handler(&path, before);
        thread::sleep(reply.delay);
        // Counted out before answering, so the count never exceeds the client's own.
        activity.active.fetch_sub(1, SeqCst);
        let mut head = format!("HTTP/1.1 {} Canned\r\nConnection: close\r\n", reply.status);
        for (name, value) in &reply.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !reply.no_length {
            head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
        }
        head.push_str("\r\n");
        let mut stream = reader.into_inner();
        let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&reply.body));
        let _ = stream.flush();
    }

    fn canned(path: &str, before: usize) -> Reply {
        match path {
            "/robots.txt" => Reply::page("User-agent: *\nDisallow: /private\n").header("Content-Type", "text/plain"),
            "/page" => Reply::page("<html><title>Hello</title><p>Body</p></html>"),
            "/missing" => Reply::new(404, "no such page"),
            "/broken" => Reply::new(500, "oops"),
            "/flaky" if before == 0 => Reply::new(503, "busy").header("Retry-After", "1"),
            "/flaky" => Reply::page("<p>Back</p>"),
            "/old" => Reply::redirect("/new"),
            "/new" => Reply::page("<p>Moved here</p>"),
            "/loop-a" => Reply::redirect("/loop-b"),
            "/loop-b" => Reply::redirect("/loop-a"),
            "/sleepy" => Reply::page("<p>Late</p>").delayed(Duration::from_secs(3)),
            "/report.pdf" => Reply::page("%PDF-1.4").header("Content-Type", "application/pdf"),
            "/big" => Reply::page(&"x".repeat(5000)),
            "/big-stream" => Reply { no_length: true, ..Reply::page(&"x".repeat(5000)) },
            "/untyped" => {
                let mut reply = Reply::page("<p>No type</p>");
                reply.headers.clear();
                reply
            }
            slow if slow.starts_with("/slow") => Reply::page("<p>Slow</p>").delayed(Duration::from_millis(250)),
            _ => Reply::new(404, "no such page"),
        }
    }

    /// A site whose robots.txt asks for a second between requests.
    fn paced(path: &str, before: usize) -> Reply {
        match path {
            "/robots.txt" => {
                Reply::page("User-agent: *\nCrawl-delay: 1\nDisallow: /private\n").header("Content-Type", "text/plain")
            }
            _ => canned(path, before),
        }
    }

    /// A site whose robots.txt asks for two minutes between requests.
    fn sluggish(path: &str, before: usize) -> Reply {
        match path {
            "/robots.txt" => Reply::page("User-agent: dossier\nCrawl-delay: 120\nDisallow: /private\n")
                .header("Content-Type", "text/plain"),
            _ => canned(path, before),
        }
    }

    /// A fresh folder under the system's temporary folder, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> TempDir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let path =
                std::env::temp_dir().join(format!("dossier-fetch-{}-{}", std::process::id(), N.fetch_add(1, SeqCst)));
            let _ = fs::remove_dir_all(&path);
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Settings for tests: 1 s time-out, 10 ms back-off.
    fn settings(cache: &TempDir) -> FetchSettings {
        FetchSettings {
            timeout: Duration::from_secs(1),
            backoff: Duration::from_millis(10),
            ..FetchSettings::new(cache.0.join("cache"))
        }
    }

    fn links(urls: &[String]) -> Vec<Link> {
        urls.iter().enumerate().map(|(i, url)| Link { url: url.clone(), line: i + 1, title: None }).collect()
    }

    fn fetch(urls: &[String], settings: &FetchSettings) -> Vec<Fetched> {
        fetch_all(&links(urls), settings, &|_| {}, &|notice| panic!("unexpected notice: {notice}"))
    }

    fn reason(fetched: &Fetched) -> &str {
        match fetched {
            Fetched::Failed { reason, .. } => reason,
            Fetched::Page { url, .. } => panic!("{url} was downloaded"),
        }
    }

    #[test]
    fn a_page_is_downloaded_into_the_cache_and_not_asked_for_again() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let settings = settings(&dir);
        let url = server.url("/page");

        let first = fetch(std::slice::from_ref(&url), &settings);
        let Fetched::Page { final_url, path, from_cache, .. } = &first[0] else { panic!("{first:?}") };
        assert!(!from_cache);
        assert_eq!(final_url, &url);
        assert_eq!(fs::read_to_string(path).expect("cached body"), "<html><title>Hello</title><p>Body</p></html>");
        assert_eq!(server.hits("/page"), 1);
        // Nothing but the page and its URL is left in the folder (no temporary file).
        let mut names: Vec<String> = fs::read_dir(&settings.cache)
            .expect("cache folder")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [format!("{}.html", cache_name(&url)), format!("{}.url", cache_name(&url))]);
        assert!(server.user_agents.lock().expect("user agents")[0].starts_with("dossier/0."));

        let second = fetch(std::slice::from_ref(&url), &settings);
        assert_eq!(second, [Fetched::Page { url: url.clone(), final_url: url, path: path.clone(), from_cache: true }]);
        assert_eq!(server.total_hits(), 1, "the second run made no request");
    }

    #[test]
    fn what_the_sites_robots_txt_disallows_is_not_downloaded() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let result = fetch(&[server.url("/page"), server.url("/private/story"), server.url("/new")], &settings(&dir));
        assert!(matches!(result[0], Fetched::Page { .. }), "{result:?}");
        assert_eq!(reason(&result[1]), DISALLOWED);
        assert!(matches!(result[2], Fetched::Page { .. }), "{result:?}");
        assert_eq!(server.hits("/private/story"), 0, "never asked for");
        assert_eq!(server.hits("/robots.txt"), 1, "asked once for the host");
    }

    #[test]
    fn a_crawl_delay_spaces_its_hosts_requests_and_holds_back_no_other_host() {
        let paced = Server::start(paced);
        let other = Server::start(canned);
        let dir = TempDir::new();
        let urls = [
            paced.url("/page"),
            paced.url("/private/story"),
            paced.url("/new"),
            paced.url("/untyped"),
            other.url("/page"),
            other.url("/new"),
            other.url("/untyped"),
        ];
        let start = Instant::now();
        let done_at = Mutex::new(HashMap::new());
        let result = fetch_all(
            &links(&urls),
            &settings(&dir),
            &|fetched| {
                done_at.lock().expect("done").insert(fetched_url(fetched).to_owned(), start.elapsed());
            },
            &|notice| panic!("unexpected notice: {notice}"),
        );
        assert_eq!(reason(&result[1]), DISALLOWED);
        assert!(result.iter().enumerate().all(|(i, r)| i == 1 || matches!(r, Fetched::Page { .. })), "{result:?}");
        // The paced host's pages, one at a time and a second apart (robots.txt's own
        // request not counted), measured where they arrive.
        let arrivals = paced.page_arrivals();
        let paths: Vec<&str> = arrivals.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(paths, ["/page", "/new", "/untyped"]);
        for pair in arrivals.windows(2) {
            let gap = pair[1].1 - pair[0].1;
            // Started a second apart; a little less where they arrive, for the network's jitter.
            assert!(gap >= Duration::from_millis(950), "{} came {gap:?} after {}", pair[1].0, pair[0].0);
        }
        assert_eq!(paced.activity.max_active.load(SeqCst), 1, "one at a time");
        // Neither the other host's pages nor the refused link waited for the delay.
        let done_at = done_at.lock().expect("done");
        let early = Duration::from_millis(700);
        for url in [&urls[1], &urls[4], &urls[5], &urls[6]] {
            assert!(done_at[url] < early, "{url} ended after {:?}", done_at[url]);
        }
        assert!(done_at[&urls[3]] >= Duration::from_millis(1990), "{:?}", done_at[&urls[3]]);
        // Pages found in the cache make no request and wait for nothing.
        let again = Instant::now();
        let second = fetch(&urls, &settings(&dir));
        assert!(again.elapsed() < early, "took {:?}", again.elapsed());
        assert!(second.iter().enumerate().all(|(i, r)| i == 1 || matches!(r, Fetched::Page { from_cache: true, .. })));
        assert_eq!((paced.total_hits(), other.total_hits()), (3, 3));
    }

    #[test]
    fn a_crawl_delay_spaces_the_retries_of_a_failing_page_too() {
        let paced = Server::start(paced);
        let dir = TempDir::new();
        let settings = FetchSettings { retries: 2, ..settings(&dir) };
        let result = fetch(&[paced.url("/broken")], &settings);
        assert!(reason(&result[0]).starts_with("server error (HTTP 500)"), "{result:?}");
        // Three tries, a second apart though the back-off is 10 ms.
        let arrivals = paced.page_arrivals();
        assert_eq!(arrivals.len(), 3, "{arrivals:?}");
        for pair in arrivals.windows(2) {
            let gap = pair[1].1 - pair[0].1;
            assert!(gap >= Duration::from_millis(950), "a retry came {gap:?} after the try before");
        }
    }

    #[test]
    fn a_crawl_delay_over_the_cap_is_cut_to_it_and_said_once() {
        let server = Server::start(sluggish);
        let dir = TempDir::new();
        let urls = [server.url("/page"), server.url("/private/a"), server.url("/private/b")];
        let notices = Mutex::new(Vec::new());
        let start = Instant::now();
        let result = fetch_all(&links(&urls), &settings(&dir), &|_| {}, &|notice| {
            notices.lock().expect("notices").push(notice.to_owned());
        });
        assert!(matches!(result[0], Fetched::Page { .. }), "{result:?}");
        assert_eq!((reason(&result[1]), reason(&result[2])), (DISALLOWED, DISALLOWED));
        assert!(start.elapsed() < Duration::from_secs(1), "the first page and refusals wait for nothing");
        assert_eq!(
            notices.into_inner().expect("notices"),
            [format!("{} asks for 120 s between requests (robots.txt Crawl-delay); waiting 30 s", server.addr)]
        );
        assert_eq!(crawl_delay(120.0), Some(MAX_CRAWL_DELAY));
        assert_eq!(crawl_delay(f32::INFINITY), Some(MAX_CRAWL_DELAY));
        assert_eq!(crawl_delay(1.5), Some(Duration::from_millis(1500)));
        assert_eq!(crawl_delay(0.0), None);
        assert_eq!(crawl_delay(-1.0), None);
        assert_eq!(crawl_delay(f32::NAN), None);
    }

    #[test]
    fn not_found_fails_at_once() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let result = fetch(&[server.url("/missing")], &settings(&dir));
        assert_eq!(reason(&result[0]), "not found (HTTP 404)");
        assert_eq!(server.hits("/missing"), 1, "a 404 is not tried again");
        // Failures are not cached: the next run asks again.
        fetch(&[server.url("/missing")], &settings(&dir));
        assert_eq!(server.hits("/missing"), 2);
    }

    #[test]
    fn a_server_error_is_tried_again_then_fails() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let result = fetch(&[server.url("/broken")], &settings(&dir));
        assert_eq!(reason(&result[0]), "server error (HTTP 500) after 3 tries");
        assert_eq!(server.hits("/broken"), 3);
    }

    #[test]
    fn a_busy_server_is_asked_again_after_its_retry_after() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let start = Instant::now();
        let result = fetch(&[server.url("/flaky")], &settings(&dir));
        assert!(matches!(&result[0], Fetched::Page { from_cache: false, .. }), "{result:?}");
        assert_eq!(server.hits("/flaky"), 2);
        assert!(start.elapsed() >= Duration::from_millis(950), "waited {:?}, not Retry-After: 1", start.elapsed());
    }

    #[test]
    fn redirects_are_followed_and_the_final_url_reported() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let result = fetch(&[server.url("/old")], &settings(&dir));
        let Fetched::Page { url, final_url, path, .. } = &result[0] else { panic!("{result:?}") };
        assert_eq!(url, &server.url("/old"));
        assert_eq!(final_url, &server.url("/new"));
        assert_eq!(fs::read_to_string(path).expect("cached body"), "<p>Moved here</p>");
        assert_eq!((server.hits("/old"), server.hits("/new")), (1, 1));
        // The cache remembers where the page came from.
        let again = fetch(&[server.url("/old")], &settings(&dir));
        assert!(
            matches!(&again[0], Fetched::Page { final_url, from_cache: true, .. } if final_url == &server.url("/new"))
        );
    }

    #[test]
    fn a_redirect_loop_fails() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let result = fetch(&[server.url("/loop-a")], &settings(&dir));
        assert_eq!(reason(&result[0]), "too many redirects");
        assert!(server.hits("/loop-a") + server.hits("/loop-b") <= 12, "the loop was cut short");
    }

    #[test]
    fn a_slow_page_times_out() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let settings = FetchSettings { retries: 1, ..settings(&dir) };
        let start = Instant::now();
        let result = fetch(&[server.url("/sleepy")], &settings);
        assert_eq!(reason(&result[0]), "timed out after 1 s (2 tries)");
        assert_eq!(server.hits("/sleepy"), 2, "a time-out is tried again");
        assert!(start.elapsed() < Duration::from_millis(2800), "took {:?}", start.elapsed());
    }

    #[test]
    fn no_more_than_per_host_requests_at_once() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let urls: Vec<String> = (0..6).map(|i| server.url(&format!("/slow{i}"))).collect();
        let done = AtomicUsize::new(0);
        let result = fetch_all(
            &links(&urls),
            &settings(&dir),
            &|_| {
                done.fetch_add(1, SeqCst);
            },
            &|_| {},
        );
        assert_eq!(done.load(SeqCst), 6, "on_done is called once per link");
        assert!(result.iter().all(|r| matches!(r, Fetched::Page { .. })), "{result:?}");
        assert_eq!(result.iter().map(fetched_url).collect::<Vec<_>>(), urls, "results in the links' order");
        assert_eq!(server.activity.max_active.load(SeqCst), 2, "two at a time, never more");
    }

    #[test]
    fn hosts_are_downloaded_in_parallel() {
        let activity = Arc::new(Activity::default());
        let one = Server::start_with(canned, activity.clone());
        let two = Server::start_with(canned, activity.clone());
        let dir = TempDir::new();
        let settings = FetchSettings { per_host: 1, ..settings(&dir) };
        let urls = [one.url("/slow1"), two.url("/slow1"), one.url("/slow2"), two.url("/slow2")];
        let result = fetch(&urls, &settings);
        assert_eq!(result.iter().map(fetched_url).collect::<Vec<_>>(), urls);
        assert!(result.iter().all(|r| matches!(r, Fetched::Page { .. })), "{result:?}");
        // One at a time per host (each server alone never saw two), both hosts at once.
        assert_eq!(activity.max_active.load(SeqCst), 2);
        assert_eq!((one.total_hits(), two.total_hits()), (2, 2));
    }

    #[test]
    fn a_panic_in_on_done_reaches_the_caller_instead_of_hanging() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let urls: Vec<String> = (0..3).map(|i| server.url(&format!("/slow{i}"))).collect();
        let settings = FetchSettings { per_host: 1, ..settings(&dir) };
        let outcome =
            std::panic::catch_unwind(|| fetch_all(&links(&urls), &settings, &|_| panic!("on_done failed"), &|_| {}));
        assert!(outcome.is_err());
    }

    #[test]
    fn only_web_pages_of_reasonable_size_are_kept() {
        let server = Server::start(canned);
        let dir = TempDir::new();
        let settings = FetchSettings { max_bytes: 1000, ..settings(&dir) };
        let urls = [server.url("/report.pdf"), server.url("/big"), server.url("/big-stream"), server.url("/untyped")];
        let result = fetch(&urls, &settings);
        assert_eq!(reason(&result[0]), "not a web page (application/pdf)");
        assert_eq!(reason(&result[1]), "page larger than 1000 bytes");
        assert_eq!(reason(&result[2]), "page larger than 1000 bytes");
        assert!(matches!(&result[3], Fetched::Page { .. }), "no content type is taken as a page: {result:?}");
        assert_eq!(size(60 * MB), "60 MB");
        // Nothing of the refused pages is left in the cache.
        assert_eq!(fs::read_dir(&settings.cache).expect("cache folder").count(), 2);
    }

    #[test]
    fn a_refused_connection_is_tried_again_then_fails() {
        let closed = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = closed.local_addr().expect("address");
        drop(closed);
        let dir = TempDir::new();
        let result = fetch(&[format!("http://{addr}/page"), "ftp://example.org/file".to_owned()], &settings(&dir));
        assert_eq!(reason(&result[0]), "could not connect (connection refused) after 3 tries");
        assert_eq!(reason(&result[1]), "not an http(s) link: ftp://example.org/file");
    }

    #[test]
    fn https_is_spoken() {
        // A plain HTTP server does not answer the TLS handshake: the link fails cleanly
        // (no panic for a missing crypto provider), and the server never saw a request for
        // the page, which shows that https links go through rustls.
        let server = Server::start(canned);
        let dir = TempDir::new();
        let url = server.url("/page").replacen("http://", "https://", 1);
        let result = fetch(&[url], &FetchSettings { retries: 0, ..settings(&dir) });
        assert!(reason(&result[0]).starts_with("could not connect"), "{result:?}");
        assert_eq!(server.hits("/page"), 0);
    }

    #[test]
    fn retries_wait_longer_each_time_and_not_too_long_for_the_server() {
        let base = Duration::from_millis(500);
        assert_eq!(retry_wait(base, 0, None), Duration::from_millis(500));
        assert_eq!(retry_wait(base, 1, None), Duration::from_secs(1));
        assert_eq!(retry_wait(base, 2, None), Duration::from_secs(2));
        assert_eq!(retry_wait(base, 0, Some(Duration::from_secs(2))), Duration::from_secs(2));
        assert_eq!(retry_wait(base, 0, Some(Duration::from_secs(3600))), RETRY_AFTER_CAP);
        assert_eq!(seconds(Duration::from_secs(20)), "20 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
    }

    #[test]
    fn a_text_list_skips_comments_and_duplicates_and_rejects_other_lines() {
        let text = "\u{feff}# My reading list\n\
                    https://example.org/a\n\
                    \n\
                    http://Example.org/b  Some title\n\
                    not a link\n\
                    https://EXAMPLE.org/a#section\n\
                    ftp://example.org/c\n\
                    https://example.org/caf\u{e9}?q=\u{e9}t\u{e9}\n\
                    https://example.org\n\
                    https://example.org/\n";
        let (links, rejected) = read_links(text);
        let found: Vec<(&str, usize, Option<&str>)> =
            links.iter().map(|l| (l.url.as_str(), l.line, l.title.as_deref())).collect();
        assert_eq!(
            found,
            [
                ("https://example.org/a", 2, None),
                ("http://Example.org/b", 4, Some("Some title")),
                ("https://example.org/caf%C3%A9?q=%C3%A9t%C3%A9", 8, None),
                ("https://example.org", 9, None),
            ]
        );
        assert_eq!(
            rejected,
            [
                (5, "not an http(s) link: not a link".to_owned()),
                (7, "not an http(s) link: ftp://example.org/c".to_owned())
            ]
        );
    }

    #[test]
    fn a_bookmarks_export_gives_its_links_and_titles() {
        let text = r#"<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000">News</H3>
    <DL><p>
        <DT><A HREF="https://news.example.com/2024/story?id=1&amp;page=2" ADD_DATE="1700000001" ICON="data:image/png;base64,AAAA">Election results &amp; <b>analysis</b></A>
        <DT><A HREF='http://other.example.net/' ADD_DATE="1700000002"></A>
        <DT><A HREF="place:sort=8&amp;maxResults=10">Recent Tags</A>
        <DT><a name="anchor">No link</a>
        <DT><A HREF="https://news.example.com/2024/story?id=1&amp;page=2">Same again</A>
    </DL><p>
</DL>
"#;
        let (links, rejected) = read_links(text);
        assert_eq!(
            links,
            [
                Link {
                    url: "https://news.example.com/2024/story?id=1&page=2".to_owned(),
                    line: 9,
                    title: Some("Election results & analysis".to_owned()),
                },
                Link { url: "http://other.example.net/".to_owned(), line: 10, title: None },
            ]
        );
        assert_eq!(rejected, [(11, "not an http(s) link: place:sort=8&maxResults=10".to_owned())]);
    }

    #[test]
    fn html_that_is_not_a_bookmarks_export_is_read_as_a_text_list() {
        let (links, rejected) = read_links("<html>\n<a href=\"https://example.org/\">x</a>\n</html>\n");
        assert!(links.is_empty());
        assert_eq!(rejected.len(), 3);
    }
}
