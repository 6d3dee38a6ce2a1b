//! `dossier export`: a dossier as one self-contained HTML file (the app's wasm, JS and CSS
//! and the collection, inlined), which opens by double-click from disk, from an e-mail
//! attachment or a USB stick, with no network at all.
//!
//! The wasm and the collection are gzipped and written as base64; the page inflates them
//! with the browser's `DecompressionStream` before starting the app, which reads the
//! collection from `window.dossierBundle` instead of fetching it. A Content-Security-
//! Policy allows the one inline script by its hash and nothing from outside.

use std::{fs, io::Write, path::Path};

use anyhow::{Context, bail};
use base64::Engine as _;
use dossier_core::Corpus;
use flate2::{Compression, write::GzEncoder};
use sha2::{Digest, Sha256};

/// The parts of a release build (`dist/`) the file needs.
struct Build {
    glue: String,
    wasm: Vec<u8>,
    css: String,
}

/// Writes the one-file dossier of `bundle_text` built from `dist`; returns its size.
pub fn export(bundle_text: &str, dist: &Path, output: &Path) -> anyhow::Result<usize> {
    let corpus = Corpus::from_json(bundle_text).context("the collection")?;
    let build = read_build(dist)?;
    let collection = corpus.collection();
    let script = format!(
        "{glue}\n\
         const inflate = async (text) => new Response(new Blob([Uint8Array.from(atob(text), (c) => c.charCodeAt(0))])\
         .stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         window.dossierBundle = new TextDecoder().decode(await inflate('{bundle}'));\n\
         await __wbg_init({{ module_or_path: await inflate('{wasm}') }});\n",
        glue = build.glue.replace("export { initSync, __wbg_init as default };", ""),
        bundle = gzip_base64(bundle_text.as_bytes(), Effort::Fast)?,
        wasm = gzip_base64(&build.wasm, Effort::Smallest)?,
    );
    let policy = format!(
        "default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; \
         connect-src data:; object-src 'none'; base-uri 'none'; form-action 'none'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
    );
    let title = escape(&format!("{} · Dossier", collection.name));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n\
         <body>\n<noscript><p class=\"error-panel\" role=\"alert\">Dossier needs JavaScript and WebAssembly to show this collection.</p></noscript>\n\
         <script type=\"module\">{script}</script>\n</body>\n</html>\n",
        css = build.css,
    );
    fs::write(output, &html).with_context(|| format!("writing {}", output.display()))?;
    Ok(html.len())
}

/// The wasm-bindgen glue, the wasm and the stylesheet named by `dist/index.html`.
fn read_build(dist: &Path) -> anyhow::Result<Build> {
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path)
        .with_context(|| format!("reading {} (build the app first: ./x build)", index_path.display()))?;
    let between = |start: &str, end: &str| -> anyhow::Result<String> {
        let from = index.find(start).map(|at| at + start.len());
        let Some(to) = from.and_then(|from| index[from..].find(end).map(|length| from + length)) else {
            bail!("{} does not look like a Dossier build: no {start:?}", index_path.display());
        };
        Ok(index[from.unwrap_or_default()..to].to_owned())
    };
    let glue_name = between("import init, * as bindings from './", "'")?;
    let wasm_name = between("module_or_path: './", "'")?;
    let css_name = between("<link rel=\"stylesheet\" href=\"./", "\"")?;
    let read_text = |name: &str| {
        fs::read_to_string(dist.join(name)).with_context(|| format!("reading {name} in {}", dist.display()))
    };
    let glue = read_text(&glue_name)?;
    if !glue.contains("export { initSync, __wbg_init as default };") || glue.contains("</script") {
        bail!("{glue_name} is not wasm-bindgen glue this version of dossier knows");
    }
    let wasm = fs::read(dist.join(&wasm_name)).with_context(|| format!("reading {wasm_name} in {}", dist.display()))?;
    Ok(Build { glue, wasm, css: read_text(&css_name)? })
}

/// How hard [`gzip_base64`] works.
#[derive(Clone, Copy)]
enum Effort {
    /// zlib's best level: quick on any size (a collection may be tens of megabytes).
    Fast,
    /// Zopfli: about 5% smaller than zlib's best, and any inflater (the browser's
    /// `DecompressionStream` included) reads it, but about a second per megabyte: for the
    /// app's wasm, whose size is fixed.
    Smallest,
}

/// `bytes` gzipped and written as base64.
fn gzip_base64(bytes: &[u8], effort: Effort) -> anyhow::Result<String> {
    let gzipped = match effort {
        Effort::Fast => {
            let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
            encoder.write_all(bytes)?;
            encoder.finish()?
        }
        Effort::Smallest => {
            let mut gzipped = Vec::new();
            zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut gzipped)?;
            gzipped
        }
    };
    Ok(base64::engine::general_purpose::STANDARD.encode(gzipped))
}

/// Text for an HTML text node or attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
