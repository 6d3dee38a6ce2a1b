//! Component tests in a real headless Chromium (wasm-bindgen-test): the viewer rendered
//! from a small collection, driven by input and click events as a reader drives it.
#![cfg(target_arch = "wasm32")]

use dossier_app::{
    components::viewer::{Viewer, ViewerProps},
    state::CorpusHandle,
};
use dossier_engine::fixtures;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The shared fixture collection (`tests/fixtures/collection/`).
fn collection() -> CorpusHandle {
    CorpusHandle::new(fixtures::corpus())
}

async fn render() -> Element {
    // The viewer starts from the address, which an earlier test may have left narrowed.
    dossier_app::platform::write_hash("#/", false);
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let root = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&root).expect("attached");
    yew::Renderer::<Viewer>::with_root_and_props(root.clone(), ViewerProps::new(collection())).render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

fn all_text(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|node| node.text_content()).collect()
}

async fn type_query(root: &Element, query: &str) {
    let input: HtmlInputElement =
        root.query_selector("input[type=search]").ok().flatten().and_then(|e| e.dyn_into().ok()).expect("search input");
    input.set_value(query);
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict("input", &init).expect("event")).expect("dispatched");
    yew::scheduler::flush().await;
}

async fn click_button(root: &Element, label_start: &str) {
    let buttons = root.query_selector_all("button").expect("valid selector");
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .find(|button| {
            // The name a screen reader gets: the label, else the hidden full text standing
            // in for a shown short one, else the text (hidden words included).
            let stands_in = button.query_selector("[aria-hidden=true]").ok().flatten().is_some();
            let hidden = stands_in
                .then(|| button.query_selector(".visually-hidden").ok().flatten().and_then(|span| span.text_content()))
                .flatten();
            let label =
                button.get_attribute("aria-label").or(hidden).or_else(|| button.text_content()).unwrap_or_default();
            label.starts_with(label_start)
        })
        .unwrap_or_else(|| panic!("no button {label_start:?}"));
    button.click();
    yew::scheduler::flush().await;
}

/// Waits for `count` animation frames: a name chosen is drawn in a frame of its own, and
/// the results follow in the next.
async fn frames(count: usize) {
    for _ in 0..count {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().expect("window").request_animation_frame(&resolve).expect("frame requested");
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.expect("frame");
    }
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn typing_a_query_narrows_results_and_highlights_matches() {
    let root = render().await;
    assert_eq!(text(&root, "[role=status]"), "6 of 6 articles");
    type_query(&root, "sheinbaum").await;
    assert_eq!(text(&root, "[role=status]"), "1 of 6 articles, matching “sheinbaum”");
    assert_eq!(all_text(&root, ".results h3"), ["Cartels and banks"]);
    assert_eq!(all_text(&root, ".results h2"), ["Best matches first"], "by relevance, with no month headings");
    assert_eq!(all_text(&root, ".results mark"), ["Sheinbaum"]);
    type_query(&root, "zapata").await;
    assert_eq!(all_text(&root, ".empty-state h2"), ["No articles match"]);
}

#[wasm_bindgen_test]
async fn entity_filters_toggle_and_counts_follow_the_selection() {
    let root = render().await;
    let mexico = all_text(&root, "button.entity").into_iter().find(|label| label.starts_with("Mexico"));
    assert_eq!(mexico.as_deref(), Some("Mexico 2 articles"), "Mexico is mentioned by two articles");
    click_button(&root, "Mexico").await;
    // The button is pressed at once; the results follow a frame later.
    let pressed = all_text(&root, "button.entity[aria-pressed=true] .name");
    assert_eq!(pressed, ["Mexico"]);
    frames(3).await;
    assert_eq!(text(&root, "[role=status]"), "2 of 6 articles, mentioning Mexico");
    // The timeline's table chooses a period by keyboard or screen reader, as a bar does.
    click_button(&root, "Show as a table").await;
    assert_eq!(all_text(&root, "#timeline-table thead th"), ["Period", "Articles", "Matching", "Mexico"]);
    click_button(&root, "Week of 5 January 2026").await;
    assert_eq!(text(&root, "[role=status]"), "1 of 6 articles, mentioning Mexico, from 5 to 11 January 2026");
    assert_eq!(all_text(&root, ".results h3"), ["Maduro arrested"]);
    assert_eq!(all_text(&root, ".chip"), ["From 5 to 11 January 2026 ✕"]);
}
