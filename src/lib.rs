//! Dossier's web app: a Yew single-page viewer of a corpus bundle, with search, entity
//! filters, a timeline and a reader view. All logic lives in `dossier-core`; this crate
//! renders it and talks to the browser (only through [`platform`]).

pub mod app;
pub mod components;
pub mod platform;
pub mod route;
pub mod state;
pub mod words;

/// Shows any panic as an error panel, then renders the app into `<body>`.
pub fn start() {
    platform::install_panic_panel();
    yew::Renderer::<app::App>::new().render();
}
