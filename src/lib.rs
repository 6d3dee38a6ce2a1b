//! Dossier's web app: a Yew single-page viewer of a corpus bundle, with search, entity
//! filters, a timeline and a reader view. All logic lives in `dossier-engine`; this crate
//! renders it and talks to the browser (only through [`platform`]).

pub mod app;
pub mod components;
pub mod platform;
pub mod route;
pub mod state;
pub mod words;

/// Shows any panic as an error panel, then renders the app into its root element (beside
/// the first view drawn at build time, which it replaces once the collection is read), or
/// into `<body>`.
pub fn start() {
    platform::install_panic_panel();
    // In a task after the one that made the wasm ready, so neither blocks input long.
    platform::soon(|| {
        match platform::app_root() {
            Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
            None => yew::Renderer::<app::App>::new().render(),
        };
    });
}
