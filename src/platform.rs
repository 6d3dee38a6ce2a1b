//! The only module of the app that touches the browser (`web_sys`, `js_sys`, `gloo`):
//! fetching the bundle, reading the page URL, reading what was typed in a field,
//! listening to the keyboard and the location hash, and showing a panic as a panel.
//! What the components call while rendering (links) is plain Rust, so views also render
//! natively, in the server-renderer tests.

use std::{cell::RefCell, rc::Rc};

use dossier_engine::MAX_ONE_TAB_BYTES;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, HtmlElement, HtmlInputElement, KeyboardEvent, Response, UrlSearchParams};

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

/// The collection a one-file dossier carries (`dossier export` puts its text in
/// `window.dossierBundle` before the app starts), if this page is one.
pub fn embedded_bundle() -> Option<String> {
    string_property(&web_sys::window()?, "dossierBundle")
}

/// Why a collection could not be opened, in a reader's words, and which kind of failure
/// it is (the error panel's advice depends on it).
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Larger than one tab can hold ([`MAX_ONE_TAB_BYTES`]).
    TooLarge(String),
    /// Anything else: unreachable, not text, not a bundle.
    Failed(String),
}

impl LoadError {
    /// What the reader is told.
    pub fn reason(&self) -> &str {
        match self {
            LoadError::TooLarge(reason) | LoadError::Failed(reason) => reason,
        }
    }
}

impl From<String> for LoadError {
    fn from(reason: String) -> LoadError {
        LoadError::Failed(reason)
    }
}

impl From<&str> for LoadError {
    fn from(reason: &str) -> LoadError {
        LoadError::Failed(reason.to_owned())
    }
}

/// Why a download of `bytes` is refused, if it is; `more`: the size is not known, only
/// that it has passed `bytes`.
pub fn too_large(url: &str, bytes: u64, more: bool) -> Option<LoadError> {
    let limit = MAX_ONE_TAB_BYTES / 1_000_000;
    let size = if more { format!("more than {limit}") } else { bytes.div_ceil(1_000_000).to_string() };
    (bytes > MAX_ONE_TAB_BYTES).then(|| {
        LoadError::TooLarge(format!(
            "{url} is {size} MB: too large to open in one browser tab (at most {limit} MB as one file)"
        ))
    })
}

/// Downloads a text file, with a reader-facing reason when it cannot; `progress` hears
/// the bytes read so far and the whole size when the server says it (`Content-Length`).
/// A file over [`MAX_ONE_TAB_BYTES`] (the largest a tab can hold, where a 1.5 GB bundle
/// used to fail a gigabyte in and leave the tab stuck) is refused before its download, or as soon as it
/// passes the size when the server did not say it (or sent it compressed).
pub async fn fetch_text(url: &str, progress: impl Fn(u64, Option<u64>)) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or("this page has no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|error| format!("could not download {url}: {}", describe(&error)))?;
    let response: Response = response.dyn_into().map_err(|_| format!("no response for {url}"))?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {} {}", response.status(), response.status_text()).trim_end().into());
    }
    let unreadable = |error: JsValue| format!("could not read {url}: {}", describe(&error));
    // Read through the body's stream (with its methods looked up by name: the stream's
    // bindings would add to the download), counting the bytes as they come.
    let total = call(&property(&response, "headers"), "get", &"content-length".into())
        .ok()
        .and_then(|length| length.as_string()?.parse::<u64>().ok());
    let body = property(&response, "body");
    if let Some(reason) = total.and_then(|total| too_large(url, total, false)) {
        if !body.is_null() && !body.is_undefined() {
            let _ = call(&body, "cancel", &JsValue::UNDEFINED);
        }
        return Err(reason);
    }
    if body.is_null() || body.is_undefined() {
        let text = response.text().map_err(unreadable)?;
        let text = JsFuture::from(text).await.map_err(unreadable)?;
        return text.as_string().ok_or_else(|| format!("{url} is not text").into());
    }
    let reader = call(&body, "getReader", &JsValue::UNDEFINED).map_err(unreadable)?;
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0).min(1 << 30) as usize);
    loop {
        let read = call(&reader, "read", &JsValue::UNDEFINED).map_err(unreadable)?;
        let chunk = JsFuture::from(js_sys::Promise::from(read)).await.map_err(unreadable)?;
        if property(&chunk, "done").as_bool() == Some(true) {
            break;
        }
        let chunk = js_sys::Uint8Array::new(&property(&chunk, "value"));
        if let Some(reason) = too_large(url, bytes.len() as u64 + u64::from(chunk.length()), true) {
            let _ = call(&reader, "cancel", &JsValue::UNDEFINED);
            return Err(reason);
        }
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
        progress(bytes.len() as u64, total);
    }
    // A byte-order mark is dropped, as `Response.text()` drops it.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .map_err(|error| format!("{url} is not UTF-8 text (at byte {})", error.utf8_error().valid_up_to()).into())
}

/// `object[name]` (undefined when absent).
fn property(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[name](argument)`.
fn call(object: &JsValue, name: &str, argument: &JsValue) -> Result<JsValue, JsValue> {
    let method: js_sys::Function = property(object, name).dyn_into()?;
    method.call1(object, argument)
}

/// Resolves once the browser has painted what was rendered before it was awaited, so a
/// long task after it starts with the page showing where loading stands; or after a
/// tenth of a second, since a tab in the background paints no frame.
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let again = resolve.clone();
        after_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        later_boxed(
            100,
            Box::new(move || {
                let _ = again.call0(&JsValue::NULL);
            }),
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// The text kept in the browser's local storage under `key`, if any (and if storage can
/// be read at all: a private window may refuse it).
pub fn stored(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Keeps `value` in local storage under `key` (removes it for `None`); whether the
/// browser took it (it refuses when storage is full or disabled).
pub fn store(key: &str, value: Option<&str>) -> bool {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten()) else {
        return false;
    };
    match value {
        Some(value) => storage.set_item(key, value).is_ok(),
        None => storage.remove_item(key).is_ok(),
    }
}

/// The text of the file picked in the file field an event came from, if one was picked.
pub async fn picked_file_text(event: &Event) -> Option<Result<String, String>> {
    let input = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    let name = file.name();
    let text =
        JsFuture::from(file.text()).await.map_err(|error| format!("could not read {name}: {}", describe(&error)));
    Some(text.and_then(|text| text.as_string().ok_or_else(|| format!("{name} is not text"))))
}

/// A JavaScript object's property `name`, when it is a string (page scripts hand the app
/// text this way: `register.js`, the one-file dossier).
fn string_property(object: &impl AsRef<JsValue>, name: &str) -> Option<String> {
    js_sys::Reflect::get(object.as_ref(), &JsValue::from_str(name)).ok()?.as_string()
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// The text now in the field an `input` or `change` event came from (empty if it came
/// from no field).
pub fn field_value(event: &Event) -> String {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The value chosen in the `<select>` (or field) a `change` event came from (empty if
/// it came from none).
pub fn chosen_value(event: &Event) -> String {
    event.target().and_then(|target| string_property(&target, "value")).unwrap_or_default()
}

/// The location's fragment, `#` included (empty when it has none, and outside a browser,
/// where views are rendered in tests).
pub fn location_hash() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return String::new();
    }
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Puts `fragment` in the address bar: as a new history entry (Back returns to the one
/// before), or in place of the current one. Fires no `hashchange`.
pub fn write_hash(fragment: &str, new_entry: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else { return };
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(fragment))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(fragment))
    };
}

/// Goes to `fragment` as a link would (a new history entry, then `hashchange`).
pub fn go_to(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(fragment);
    }
}

/// Marks a moment of loading on the page's performance timeline ("dossier:fetched",
/// "dossier:corpus-ready"), where benchmarks and the browser's profiler read it.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Copies the page's address to the clipboard; resolves to it, or to a reason it could
/// not be copied (no clipboard outside a secure context, or permission refused).
pub async fn copy_location() -> Result<String, String> {
    let window = web_sys::window().ok_or("this page has no window")?;
    // The address of what is on screen, not of the last pause in typing.
    address_writes().flush();
    let href = window.location().href().map_err(|error| describe(&error))?;
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !has_clipboard {
        return Err(href);
    }
    JsFuture::from(navigator.clipboard().write_text(&href)).await.map_err(|_| href.clone())?;
    Ok(href)
}

/// Calls `on_change` whenever the location hash changes (links, back and forward).
pub fn on_hash_change(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| on_change()))
}

/// Calls `on_key` with each key pressed outside a text field with no Ctrl, Alt or Meta
/// (`/`, `j`, `k`: the page's shortcuts, which must not fire while the reader types);
/// when it returns true, the key's default action is prevented.
pub fn on_shortcut(on_key: impl Fn(&str) -> bool + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let target = document.clone();
    // Not passive: a `/` must be kept out of the field it focuses.
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&target, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = document.active_element().is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.get_attribute("contenteditable").is_some()
        });
        if !typing && on_key(&event.key()) {
            event.prevent_default();
        }
    }))
}

/// Writes the address waiting for a pause before any click (a link, by mouse or Enter)
/// takes the reader elsewhere: Back must come to what they were looking at.
pub fn flush_address_on_click() -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::run_in_capture_phase();
    Some(EventListener::new_with_options(&document, "click", options, |_| address_writes().flush()))
}

/// Which of the elements matching a selector [`focus_among`] focuses.
#[derive(Clone, Copy, Debug)]
pub enum FocusStep {
    /// The first one.
    First,
    /// The last one.
    Last,
    /// The one after the focused one (the first, if none of them has focus).
    Next,
    /// The one before the focused one (the last, if none of them has focus).
    Previous,
}

/// Moves focus among the elements matching `selector`; says whether there was one to go
/// to (none after the last, none before the first).
pub fn focus_among(selector: &str, step: FocusStep) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return false };
    let Ok(found) = document.query_selector_all(selector) else { return false };
    let elements: Vec<HtmlElement> =
        (0..found.length()).filter_map(|at| found.item(at)?.dyn_into::<HtmlElement>().ok()).collect();
    let active = document.active_element();
    let current = elements.iter().position(|element| active.as_ref().is_some_and(|active| active == &**element));
    let last = elements.len().checked_sub(1);
    let next = match (step, current) {
        (FocusStep::First, _) | (FocusStep::Next, None) => Some(0),
        (FocusStep::Last, _) | (FocusStep::Previous, None) => last,
        (FocusStep::Next, Some(at)) => Some(at + 1),
        (FocusStep::Previous, Some(at)) => at.checked_sub(1),
    };
    match next.and_then(|at| elements.get(at)) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
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

/// Where `client_x` falls across the element with `id`, from 0 (its left edge) to 1
/// (its right edge); `None` if there is no such element or it has no width.
pub fn fraction_across(id: &str, client_x: f64) -> Option<f64> {
    let element = element(id)?;
    let bounds = element.get_bounding_client_rect();
    (bounds.width() > 0.0).then(|| ((client_x - bounds.left()) / bounds.width()).clamp(0.0, 1.0))
}

/// Sends the pointer's next events to the element with `id` until it is released, so
/// a drag continues past the element's edges.
pub fn capture_pointer(id: &str, pointer_id: i32) {
    if let Some(element) = element(id) {
        let _ = element.set_pointer_capture(pointer_id);
    }
}

/// Moves keyboard focus to the element with `id`, if present.
pub fn focus(id: &str) {
    if let Some(element) = element(id).and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// How far, in pixels, the element an event (`scroll`) came from is scrolled down.
pub fn scrolled_top(event: &Event) -> f64 {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .map_or(0.0, |element| f64::from(element.scroll_top()))
}

/// Scrolls the element with `id` the least that shows the band from `top` to `bottom`
/// pixels of its content; returns how far it is then scrolled down.
pub fn scroll_to_show(id: &str, top: f64, bottom: f64) -> f64 {
    let Some(element) = element(id) else { return top };
    let (scrolled, height) = (f64::from(element.scroll_top()), f64::from(element.client_height()));
    let wanted = if top < scrolled {
        top
    } else if bottom > scrolled + height {
        bottom - height
    } else {
        return scrolled;
    };
    element.set_scroll_top(wanted as i32);
    f64::from(element.scroll_top())
}

/// Moves keyboard focus to the text field with `id` and selects its text, so what is
/// typed next replaces it.
pub fn focus_and_select(id: &str) {
    if let Some(field) = element(id).and_then(|element| element.dyn_into::<HtmlInputElement>().ok()) {
        let _ = field.focus();
        field.select();
    }
}

/// Where the app renders: `<div id="app">` in the built page, `None` where the page has
/// no such element (a one-file dossier), and the app takes `<body>`.
pub fn app_root() -> Option<web_sys::Element> {
    element("app")
}

/// Whether the first view drawn into the page at build time (`public/release.mjs`) is on
/// screen (the page removes it at once when the address asks for another view).
pub fn prerendered_shown() -> bool {
    cfg!(target_arch = "wasm32") && element("prerendered").is_some()
}

/// Removes the first view drawn into the page at build time, if any: called in the task
/// that shows the app's own, so no frame shows neither or both.
pub fn drop_prerendered() {
    if let Some(shell) = element("prerendered") {
        shell.remove();
    }
}

/// The page's element with `id`.
fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
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
        drop_prerendered();
    }));
}

/// What `register.js` last said of this collection's availability offline ("Available
/// offline", "Saving for offline…"), if anything yet.
pub fn offline_status() -> Option<String> {
    string_property(&web_sys::window()?, "dossierOffline")
}

/// Calls `on_change` with each new word from `register.js` on offline availability.
pub fn on_offline_status(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "dossier-offline", move |event| {
        if let Some(text) = string_property(event, "detail") {
            on_change(text);
        }
    }))
}

/// Runs `task` in a task of its own once the browser has handled what is pending (input,
/// rendering): for work done ahead while the reader is idle.
pub fn soon(task: impl FnOnce() + 'static) {
    later_boxed(0, Box::new(task));
}

/// Runs `task` in a task of its own after `ms` milliseconds; every timer goes through
/// this one closure type, for one copy of the glue in the download.
fn later_boxed(ms: i32, task: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// Runs the last of the tasks handed to it in quick succession: each one waits for a pause
/// and is dropped if another comes first. For work that follows what the reader does
/// (typing, dragging) and need not keep up with every step.
#[derive(Clone, Default)]
pub struct LastOnly(Rc<RefCell<Waiting>>);

/// The task a [`LastOnly`] holds, and how many it was handed (a timer whose count is no
/// longer the latest has been overtaken).
#[derive(Default)]
struct Waiting {
    handed: u32,
    task: Option<Box<dyn FnOnce()>>,
    /// The task only waits for a frame and must not be dropped: a task handed after it
    /// runs it first.
    kept: bool,
}

impl LastOnly {
    /// Drops the task waiting, if any.
    pub fn cancel(&self) {
        drop(self.take());
    }

    /// Runs the task waiting, if any, now.
    pub fn flush(&self) {
        if let Some(task) = self.take() {
            task();
        }
    }

    /// Runs `task` after `ms` milliseconds unless another task comes first (or the task
    /// is cancelled or flushed).
    pub fn after_pause(&self, ms: i32, task: impl FnOnce() + 'static) {
        later_boxed(ms, self.hand(Box::new(task)));
    }

    /// Runs `task` once the next frame has painted, or when another task is handed
    /// before that (then first): it is delayed, never dropped, unless cancelled.
    pub fn after_next_paint(&self, task: impl FnOnce() + 'static) {
        let run = self.hand(Box::new(task));
        self.0.borrow_mut().kept = true;
        after_paint(run);
    }

    /// Runs `task` in the frame after the next one (in its animation frame callback, so
    /// that what it draws is painted with that frame), unless another task is handed
    /// before then: only the latest runs, at most one a frame (a drag's periods, each
    /// move's replacing the one before). The next frame paints what came before it alone.
    pub fn latest_in_frame_after_next(&self, task: impl FnOnce() + 'static) {
        self.in_frame_after_next_kept(Box::new(task), false);
    }

    /// Runs `task` in the frame after the next one, as
    /// [`LastOnly::latest_in_frame_after_next`] does, or when another task is handed before
    /// then (then first): delayed, never dropped (names chosen one after the other).
    pub fn in_frame_after_next(&self, task: impl FnOnce() + 'static) {
        self.in_frame_after_next_kept(Box::new(task), true);
    }

    fn in_frame_after_next_kept(&self, task: Box<dyn FnOnce()>, kept: bool) {
        let run = self.hand(task);
        self.0.borrow_mut().kept = kept;
        in_animation_frame(move || in_animation_frame(run));
    }

    /// Makes `task` the one waiting (after running a kept one); returns what runs it if
    /// it is still the latest.
    fn hand(&self, task: Box<dyn FnOnce()>) -> Box<dyn FnOnce()> {
        if self.0.borrow().kept {
            self.flush();
        }
        let handed = {
            let mut waiting = self.0.borrow_mut();
            waiting.handed = waiting.handed.wrapping_add(1);
            waiting.task = Some(task);
            waiting.handed
        };
        let this = self.clone();
        Box::new(move || {
            if this.0.borrow().handed == handed {
                this.flush();
            }
        })
    }

    fn take(&self) -> Option<Box<dyn FnOnce()>> {
        let mut waiting = self.0.borrow_mut();
        waiting.handed = waiting.handed.wrapping_add(1);
        waiting.kept = false;
        waiting.task.take()
    }
}

thread_local! {
    static ADDRESS_WRITES: LastOnly = LastOnly::default();
}

/// The writes of the address waiting for the reader to pause (one address per page, so
/// one queue: "Copy link" flushes it before it reads the address).
pub fn address_writes() -> LastOnly {
    ADDRESS_WRITES.with(LastOnly::clone)
}

/// Runs `task` in the next frame's animation frame callback, before that frame is painted.
pub fn in_animation_frame(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Runs `task` once the browser has painted the next frame (in a task after its animation
/// frame): for work the reader can see a frame later without noticing.
pub fn after_paint(task: impl FnOnce() + 'static) {
    let task: Box<dyn FnOnce()> = Box::new(task);
    in_animation_frame(move || later_boxed(0, task));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_over_the_limit_is_refused_with_its_size() {
        assert_eq!(too_large("data/bundle.json", MAX_ONE_TAB_BYTES, false), None);
        assert_eq!(
            too_large("big.json", 1_519_989_478, false),
            Some(LoadError::TooLarge(
                "big.json is 1520 MB: too large to open in one browser tab (at most 268 MB as one file)".to_owned()
            ))
        );
        assert!(too_large("big.json", MAX_ONE_TAB_BYTES + 1, true).is_some_and(
            |error| matches!(&error, LoadError::TooLarge(reason) if reason.contains("is more than 268 MB"))
        ));
        assert_eq!(LoadError::from("unreadable"), LoadError::Failed("unreadable".to_owned()));
    }
}
