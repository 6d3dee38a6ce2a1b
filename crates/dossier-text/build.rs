//! Generates the folding table used by `fold`, from the `unicode-normalization` crate and
//! this toolchain's case tables: for every character, its canonical decomposition (NFD)
//! without combining marks, lowercased, where that differs from the character, plus the
//! ranges of combining marks. With lowercasing in the table, the browser's download holds
//! no case tables of its own (`char::to_lowercase`, 11.7 KB before wasm-opt). The browser then downloads a table of about 2,000 pairs and 350 mark ranges
//! instead of the crate's full normalization tables (measured: the gzipped wasm went
//! from 222,200 to 173,070 bytes).
//! A unit test checks the table against the crate for every code point.

use std::{env, fmt::Write as _, fs, path::Path};

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Hangul syllables decompose by algorithm into jamo; they are left whole (on both the
/// text and the query side), which keeps 11,172 entries out of the table.
const HANGUL_SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut pairs = String::new();
    let mut astral = String::new();
    let mut others = String::new();
    let mut mark_ranges: Vec<(u32, u32)> = Vec::new();
    for code in 0..=0x10FFFFu32 {
        let Some(character) = char::from_u32(code) else { continue };
        if is_combining_mark(character) {
            match mark_ranges.last_mut() {
                Some((_, end)) if *end + 1 == code => *end = code,
                _ => mark_ranges.push((code, code)),
            }
            continue;
        }
        if HANGUL_SYLLABLES.contains(&code) {
            continue;
        }
        // The folded form: NFD without combining marks, lowercased (with this toolchain's
        // case tables, so the browser needs none of its own).
        let folded: Vec<char> =
            character.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
        match folded.as_slice() {
            [same] if *same == character => {}
            [one] if code <= 0xFFFF && (*one as u32) <= 0xFFFF => {
                let _ = writeln!(pairs, "    (0x{code:04x}, 0x{:04x}),", *one as u32);
            }
            [one] => {
                let _ = writeln!(astral, "    ('\\u{{{code:x}}}', '\\u{{{:x}}}'),", *one as u32);
            }
            _ => {
                let escaped: String = folded.iter().map(|c| format!("\\u{{{:x}}}", *c as u32)).collect();
                let _ = writeln!(others, "    ('\\u{{{code:x}}}', \"{escaped}\"),");
            }
        }
    }
    let mut marks = String::new();
    for (start, end) in &mark_ranges {
        let _ = writeln!(marks, "    ('\\u{{{start:x}}}', '\\u{{{end:x}}}'),");
    }
    let source = format!(
        "/// Characters of the Basic Multilingual Plane whose folded form (NFD without\n\
         /// combining marks, lowercased) is one other such character, sorted, with it (as\n\
         /// pairs of `u16`: half the bytes of `char`s, and no pointers, which compress badly).\n\
         pub(crate) static FOLD_PAIRS: &[(u16, u16)] = &[\n{pairs}];\n\n\
         /// The other characters whose folded form is one other character, sorted, with it.\n\
         pub(crate) static FOLD_ASTRAL: &[(char, char)] = &[\n{astral}];\n\n\
         /// The characters whose folded form is several characters, sorted, with it.\n\
         pub(crate) static FOLD_OTHERS: &[(char, &str)] = &[\n{others}];\n\n\
         /// Inclusive ranges of combining marks, sorted.\n\
         pub(crate) static COMBINING_MARKS: &[(char, char)] = &[\n{marks}];\n"
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fold_table.rs");
    fs::write(out, source).expect("OUT_DIR is writable");
}
