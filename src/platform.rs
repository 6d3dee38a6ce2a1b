//! The only module of the app that touches the browser (`web_sys`, `js_sys`, `gloo`):
//! fetching the bundle, reading the page URL, reading what was typed in a field,
//! listening to the keyboard and the location hash, and showing a panic as a panel.
//! What the components call while rendering (links) is plain Rust, so views also render
//! natively, in the server-renderer tests.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlInputElement, InputEvent, KeyboardEvent, Response, UrlSearchParams};

/// Where the bundled collection sits, relative to the page (so it works from a subpath).
pub const DEFAULT_DATA_URL: &str = "data/bundle.json";

/// The bundle to load: the page's `?data=` parameter, else [`DEFAULT_DATA_URL`].
pub fn data_url() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("data"))
        .filter(|url| !url.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_owned())
}

/// Downloads a text file, with a reader-facing reason when it cannot.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("this page has no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|error| format!("could not download {url}: {}", describe(&error)))?;
    let response: Response = response.dyn_into().map_err(|_| format!("no response for {url}"))?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {} {}", response.status(), response.status_text())
            .trim_end()
            .to_owned());
    }
    let text = response.text().map_err(|error| format!("could not read {url}: {}", describe(&error)))?;
    let text = JsFuture::from(text).await.map_err(|error| format!("could not read {url}: {}", describe(&error)))?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// The location hash that opens an article in the reader.
pub fn article_href(key: &str) -> String {
    format!("#/article/{}", encode_uri_component(key))
}

/// What JavaScript's `encodeURIComponent` makes of `text`: every byte of its UTF-8 but
/// letters, digits and `-_.!~*'()` written as `%XX`.
fn encode_uri_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The text now in the field an `input` event came from (empty if it came from no field).
pub fn input_value(event: &InputEvent) -> String {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The article id in the current location hash, if it names one.
pub fn article_in_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#/article/")?;
    js_sys::decode_uri_component(encoded).ok().map(String::from)
}

/// Calls `on_change` whenever the location hash changes (links, back and forward).
pub fn on_hash_change(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| on_change()))
}

/// Focuses the element with id `input_id` when `/` is pressed outside a text field.
pub fn focus_on_slash(input_id: &'static str) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let target = document.clone();
    // Not passive: the `/` must be kept out of the field it focuses.
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&target, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = document.active_element().is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.get_attribute("contenteditable").is_some()
        });
        if typing {
            return;
        }
        if let Some(input) = document.get_element_by_id(input_id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            event.prevent_default();
            let _ = input.focus();
        }
    }))
}

/// Calls `on_escape` when Escape is pressed anywhere on the page.
pub fn on_escape(on_escape: impl Fn() + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    Some(EventListener::new(&document, "keydown", move |event| {
        if event.dyn_ref::<KeyboardEvent>().is_some_and(|event| event.key() == "Escape") {
            on_escape();
        }
    }))
}

/// Moves keyboard focus to the element with `id`, if present.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Makes a panic visible: an alert panel at the top of the page instead of a dead page.
pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
        let (Ok(panel), Some(body)) = (document.create_element("div"), document.body()) else { return };
        let _ = panel.set_attribute("role", "alert");
        panel.set_class_name("error-panel");
        panel.set_text_content(Some(&format!(
            "Dossier stopped because of an internal error. Reload the page to try again. Details: {message}"
        )));
        let _ = body.prepend_with_node_1(&panel);
    }));
}

/// Runs `task` in a task of its own once the browser has handled what is pending (input,
/// rendering): for work done ahead while the reader is idle.
pub fn soon(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Runs `task` once the browser has painted the next frame: for work the reader can see
/// a frame later without noticing.
pub fn after_paint(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || soon(task));
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Leaves the reader: back to the result list (the hash listener closes the article).
pub fn go_to_results() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash("#/");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_links_encode_their_id_as_encode_uri_component_does() {
        for (id, href) in [
            ("000_bfbec4599a23c53e", "#/article/000_bfbec4599a23c53e"),
            ("a b/c?d#e&f", "#/article/a%20b%2Fc%3Fd%23e%26f"),
            ("México-(1)!~*'.", "#/article/M%C3%A9xico-(1)!~*'."),
        ] {
            assert_eq!(article_href(id), href, "{id:?}");
        }
    }
}
