//! Generates the accent-folding table used by `tokenize::fold`, from the
//! `unicode-normalization` crate: for every character, its canonical decomposition (NFD)
//! without combining marks, where that differs from the character, plus the ranges of
//! combining marks. The browser then downloads a table of about 2,000 pairs and 350 mark ranges
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
    let mut folded_pairs = String::new();
    let mut folded_many = String::new();
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
        let base: Vec<char> = character.nfd().filter(|c| !is_combining_mark(*c)).collect();
        match base.as_slice() {
            [same] if *same == character => {}
            [one] => {
                let _ = writeln!(folded_pairs, "    ('\\u{{{code:x}}}', '\\u{{{:x}}}'),", *one as u32);
            }
            _ => {
                let escaped: String = base.iter().map(|c| format!("\\u{{{:x}}}", *c as u32)).collect();
                let _ = writeln!(folded_many, "    ('\\u{{{code:x}}}', \"{escaped}\"),");
            }
        }
    }
    let mut marks = String::new();
    for (start, end) in &mark_ranges {
        let _ = writeln!(marks, "    ('\\u{{{start:x}}}', '\\u{{{end:x}}}'),");
    }
    let source = format!(
        "/// Characters whose NFD without combining marks is one other character, sorted, with\n\
         /// that base character (pairs of characters: no pointers, which compress badly).\n\
         pub(crate) static FOLDED: &[(char, char)] = &[\n{folded_pairs}];\n\n\
         /// Characters whose NFD without combining marks is several characters, sorted.\n\
         pub(crate) static FOLDED_MANY: &[(char, &str)] = &[\n{folded_many}];\n\n\
         /// Inclusive ranges of combining marks, sorted.\n\
         pub(crate) static COMBINING_MARKS: &[(char, char)] = &[\n{marks}];\n"
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fold_table.rs");
    fs::write(out, source).expect("OUT_DIR is writable");
}
