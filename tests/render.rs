//! The app's views rendered natively by Yew's server renderer, so that `cargo test` alone
//! catches a view that breaks or stops showing what a reader needs. Effects do not run
//! here (there is no browser): these are first renders. Typing and clicking are tested
//! in Chromium (`components.rs`, `e2e/`).
#![cfg(not(target_arch = "wasm32"))]

use dossier_app::{
    app::App,
    components::{
        error_panel::{ErrorPanel, ErrorPanelProps},
        reader::{Reader, ReaderProps},
        viewer::{Viewer, ViewerProps},
    },
    state::CorpusHandle,
};
use dossier_engine::{Bundle, Collection, Corpus, fixtures};
use yew::{BaseComponent, Callback, ServerRenderer};

/// The HTML a component renders first, with props made on the renderer's thread.
fn render<C: BaseComponent>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String {
    futures::executor::block_on(ServerRenderer::<C>::with_props(props).render())
}

fn fixture() -> CorpusHandle {
    CorpusHandle::new(fixtures::corpus())
}

/// The fixture collection with one article's fields changed.
fn fixture_with(change: impl FnOnce(&mut Bundle)) -> CorpusHandle {
    let mut bundle = fixtures::bundle();
    change(&mut bundle);
    CorpusHandle::new(Corpus::from_bundle(bundle).expect("still consistent"))
}

fn reader(corpus: CorpusHandle, key: &str) -> ReaderProps {
    let article = corpus.article_by_key(key).expect("fixture article");
    ReaderProps { corpus, article, terms: Vec::new(), on_close: Callback::noop(), list_parameters: "?q=x".into() }
}

#[track_caller]
fn assert_has(html: &str, wanted: &[&str]) {
    for part in wanted {
        assert!(html.contains(part), "{part:?} missing from:\n{html}");
    }
}

#[test]
fn the_app_says_it_is_loading_before_the_collection_arrives() {
    let html = render::<App>(|| ());
    assert_has(&html, &[r#"role="status""#, r#"aria-busy="true""#, "Loading the collection…"]);
}

#[test]
fn the_viewer_shows_the_collection_its_search_timeline_and_entities() {
    let html = render::<Viewer>(|| ViewerProps::new(fixture()));
    assert_has(
        &html,
        &[
            "<h1>Fixture</h1>",
            "6 articles · 6 entities",
            r#"<label for="search">Search articles</label>"#,
            r#"id="search" type="search""#,
            "6 of 6 articles",
            r#"<ol aria-label="Matching articles" class="results">"#,
            r#"<h2 class="period-heading">January 2026</h2>"#,
            r#"aria-label="Articles by week, from 27 October 2025 to 22 March 2026""#,
            r#"role="img" class="hit"><title>Week of 27 October 2025: 1 article</title>"#,
            r#"role="img" class="hit"><title>Week of 3 November 2025: 0 articles</title>"#,
            r#"role="img" class="hit"><title>Week of 16 March 2026: 1 article</title>"#,
            r#"role="slider" tabindex="0" aria-label="Start of period""#,
            r#"<span style="left: 42.857%" class="tick">2026</span>"#,
            r#"<span class="name">Mexico</span> <span class="count">2<span class="visually-hidden"> articles</span></span>"#,
            r#"<button type="button">Copy link</button>"#,
        ],
    );
    let order: Vec<usize> = [
        "Cartography",
        "Fentanyl seizures",
        "Cartels and banks",
        "Maduro arrested",
        "Banks launder cartel money",
        "Weather",
    ]
    .iter()
    .map(|title| html.find(&format!(">{title}</a></h3>")).unwrap_or_else(|| panic!("{title} not listed")))
    .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "newest first: {order:?}");
    let headings = ["March 2026", "February 2026", "January 2026", "December 2025", "November 2025"];
    assert_eq!(html.matches(r#"class="period-heading""#).count(), headings.len(), "one heading a month");
}

#[test]
fn an_empty_collection_says_so_instead_of_a_blank_page() {
    let html = render::<Viewer>(|| {
        ViewerProps::new(CorpusHandle::new(
            Corpus::from_bundle(Bundle::new(Collection { name: "Nothing yet".into(), description: None }))
                .expect("an empty bundle is consistent"),
        ))
    });
    assert_has(&html, &["<h1>Nothing yet</h1>", "0 articles · 0 entities", "This collection has no articles"]);
    assert!(!html.contains("Matching articles"), "no result list for nothing");
}

#[test]
fn the_reader_shows_the_article_with_mentions_and_its_original() {
    let html = render::<Reader>(|| reader(fixture(), "maduro-arrested"));
    assert_has(
        &html,
        &[
            r#"<h2 id="reader-title" tabindex="-1">Maduro arrested</h2>"#,
            r#"<button type="button">Copy link</button>"#,
            r#"<time datetime="2026-01-05">5 January 2026</time>"#,
            r##"<a href="#/entity/nicolas-maduro?q=x" title="Person: Nicolás Maduro" class="mention person">Nicolás Maduro</a> was arrested in <a href="#/entity/venezuela?q=x" title="Place: Venezuela" class="mention place">Venezuela</a>."##,
            r##"<li class="entity-chip person"><a href="#/entity/nicolas-maduro?q=x"><span class="kind">Person</span> Nicolás Maduro</a></li>"##,
            r#"<a href="https://fixture.example/maduro-arrested" rel="noopener noreferrer" class="original">Original</a>"#,
        ],
    );
}

#[test]
fn the_reader_links_no_original_that_is_not_a_web_address() {
    for url in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "../evil.html"] {
        let html = render::<Reader>(move || {
            reader(fixture_with(|bundle| bundle.articles[3].url = Some(url.into())), "maduro-arrested")
        });
        // The only links left are to the entities' pages inside the app.
        let links_inside = html.split("href=\"").skip(1).all(|link| link.starts_with("#/entity/"));
        assert!(!html.contains("Original") && links_inside, "{url}: {html}");
    }
}

#[test]
fn markup_in_articles_is_escaped_text() {
    let html = render::<Reader>(|| {
        let corpus = fixture_with(|bundle| {
            bundle.articles[5].title = "<script>alert(1)</script> Weather".into();
            bundle.articles[5].body = vec!["<img src=x onerror=alert(2)> Rain.".into()];
            bundle.articles[5].mentions.clear();
        });
        reader(corpus, "weather")
    });
    assert_has(&html, &["&lt;script&gt;alert(1)&lt;/script&gt; Weather", "&lt;img src=x onerror=alert(2)&gt; Rain."]);
    assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
}

#[test]
fn a_load_failure_is_an_alert_with_the_reason() {
    let html = render::<ErrorPanel>(|| ErrorPanelProps {
        url: "fixtures/duplicate.json".into(),
        reason: "two articles have the id \"a\"".into(),
        too_large: false,
    });
    assert_has(
        &html,
        &[
            r#"role="alert""#,
            "This collection could not be opened",
            r#"<p class="reason">two articles have the id "a"</p>"#,
            "<code>fixtures/duplicate.json</code>",
            "Check that the file is a bundle written by",
        ],
    );
    // Too large for a tab: other tools are offered, whatever the reason's words.
    let large = render::<ErrorPanel>(|| ErrorPanelProps {
        url: "big.json".into(),
        reason: "big.json is 1520 MB".into(),
        too_large: true,
    });
    assert_has(&large, &["Search it with", "dossier search --data"]);
    assert!(!large.contains("Check that the file is a bundle"), "{large}");
}
