//! The browser entry point: see `dossier_app::start`.

fn main() {
    dossier_app::start();
}
