//! `dossier export`: a dossier as one self-contained HTML file (the app's wasm, JS and CSS
//! and the collection, inlined), which opens by double-click from disk, from an e-mail
//! attachment or a USB stick, with no network at all.
//!
//! The wasm, the stylesheet and the collection are gzipped and written in base 85 (four bytes in five
//! characters, where base64 takes six); the page inflates them with the browser's
//! `DecompressionStream` before starting the app, which reads the
//! collection from `window.dossierBundle` instead of fetching it. A Content-Security-
//! Policy allows the one inline script by its hash and nothing from outside.

use std::{fs, io::Write, path::Path};

use anyhow::{Context, bail};
use base64::Engine as _;
use dossier_engine::{Corpus, MAX_ONE_TAB_BYTES};
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
    let size = bundle_text.len() as u64;
    if size > MAX_ONE_TAB_BYTES {
        bail!(
            "the collection is {} MB: too large for one file a browser can open (at most {} MB); \
             search it with `dossier search --data`, or export smaller collections of it",
            size.div_ceil(1_000_000),
            MAX_ONE_TAB_BYTES / 1_000_000
        );
    }
    let corpus = Corpus::from_json(bundle_text).context("the collection")?;
    let build = read_build(dist)?;
    let collection = corpus.collection();
    let script = format!(
        "{glue}\n\
         const DIGITS = '{DIGITS}';\n\
         const unpack = (text) => {{\n\
           const value = new Uint8Array(128);\n\
           for (let i = 0; i < 85; i++) value[DIGITS.charCodeAt(i)] = i;\n\
           const out = new Uint8Array(Math.floor(text.length / 5) * 4 + Math.max(0, (text.length % 5) - 1));\n\
           for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {{\n\
             let v = 0;\n\
             for (let j = 0; j < 5; j++) v = v * 85 + (i + j < text.length ? value[text.charCodeAt(i + j)] : 84);\n\
             for (let j = 0; j < 4 && o + j < out.length; j++) out[o + j] = (v >>> (24 - 8 * j)) & 255;\n\
           }}\n\
           return out;\n\
         }};\n\
         const inflate = async (text) => new Response(new Blob([unpack(text)])\
         .stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         const text = async (packed) => new TextDecoder().decode(await inflate(packed));\n\
         document.head.append(Object.assign(document.createElement('style'), {{ textContent: await text('{css}') }}));\n\
         window.dossierBundle = await text('{bundle}');\n\
         await __wbg_init({{ module_or_path: await inflate('{wasm}') }});\n",
        glue = build.glue.replace("export { initSync, __wbg_init as default };", ""),
        css = gzip_base85(build.css.as_bytes(), Effort::Smallest)?,
        bundle = gzip_base85(bundle_text.as_bytes(), Effort::Fast)?,
        wasm = gzip_base85(&build.wasm, Effort::Smallest)?,
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
         <meta name=\"color-scheme\" content=\"light dark\" />\n<title>{title}</title>\n</head>\n\
         <body>\n<noscript><p class=\"error-panel\" role=\"alert\">Dossier needs JavaScript and WebAssembly to show this collection.</p></noscript>\n\
         <script type=\"module\">{script}</script>\n</body>\n</html>\n"
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

/// How hard [`gzip_base85`] works.
#[derive(Clone, Copy)]
enum Effort {
    /// zlib's best level: quick on any size (a collection may be tens of megabytes).
    Fast,
    /// Zopfli: about 5% smaller than zlib's best, and any inflater (the browser's
    /// `DecompressionStream` included) reads it, but about a second per megabyte: for the
    /// app's wasm, whose size is fixed.
    Smallest,
}

/// `bytes` gzipped and written in base 85.
fn gzip_base85(bytes: &[u8], effort: Effort) -> anyhow::Result<String> {
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
    Ok(base85(&gzipped))
}

/// The 85 digits: printable ASCII without what would end or escape a JavaScript string
/// in single quotes or an HTML script (`'`, `\\`, `<`), nor `"`, `&`, `>`, a backquote,
/// `|` and `~`.
const DIGITS: &str = "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{}";

/// Four bytes a group of five digits (big-endian, most significant first); a last group
/// of `k` bytes is padded with zeros and written as its first `k + 1` digits, as Ascii85
/// does. The page's `unpack` reads it back.
fn base85(bytes: &[u8]) -> String {
    let digits = DIGITS.as_bytes();
    let mut text = String::with_capacity(bytes.len() / 4 * 5 + 5);
    for chunk in bytes.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut value = u32::from_be_bytes(group);
        let mut written = [0u8; 5];
        for digit in written.iter_mut().rev() {
            *digit = digits[(value % 85) as usize];
            value /= 85;
        }
        text.extend(written[..chunk.len() + 1].iter().map(|&digit| char::from(digit)));
    }
    text
}

/// Text for an HTML text node or attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_too_large_for_one_tab_is_refused_with_its_size() {
        let text = " ".repeat(MAX_ONE_TAB_BYTES as usize + 1);
        let output = std::env::temp_dir().join(format!("dossier-too-large-{}.html", std::process::id()));
        let error = export(&text, Path::new("no-build-needed"), &output).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "the collection is 269 MB: too large for one file a browser can open (at most 268 MB); \
             search it with `dossier search --data`, or export smaller collections of it"
        );
        assert!(!output.exists(), "nothing written");
    }

    #[test]
    fn the_digits_are_85_safe_characters() {
        let mut digits: Vec<char> = DIGITS.chars().collect();
        assert_eq!(digits.len(), 85);
        assert!(digits.iter().all(|c| c.is_ascii_graphic() && !"'\\<\"&>`".contains(*c)));
        digits.dedup();
        assert_eq!(digits.len(), 85, "each digit once (they are in ASCII order)");
    }

    /// Reads base 85 back as the page's `unpack` does.
    fn unpack(text: &str) -> Vec<u8> {
        let value = |c: u8| DIGITS.bytes().position(|digit| digit == c).expect("a digit") as u64;
        let mut out = Vec::new();
        for group in text.as_bytes().chunks(5) {
            let mut number = 0u64;
            for at in 0..5 {
                number = number * 85 + group.get(at).map_or(84, |&c| value(c));
            }
            out.extend_from_slice(&(number as u32).to_be_bytes()[..group.len() - 1]);
        }
        out
    }

    #[test]
    fn base85_round_trips_every_length_and_extreme_bytes() {
        for length in 0..12 {
            for fill in [0u8, 1, 127, 254, 255] {
                let bytes: Vec<u8> = (0..length).map(|at| fill.wrapping_add((at as u8).wrapping_mul(37))).collect();
                let text = base85(&bytes);
                assert_eq!(text.len(), length / 4 * 5 + if length % 4 == 0 { 0 } else { length % 4 + 1 });
                assert_eq!(unpack(&text), bytes, "{length} bytes of {fill}");
            }
        }
    }
}
