//! De-duplication, a named step of ingest (`dossier ingest --keep-duplicates` switches it
//! off): the same wire story republished by several outlets, or the same page saved
//! twice, becomes one article that lists the copies folded into it
//! ([`Article::copies`]).
//!
//! - **Exact copies** have the same body once folded (case, accents, punctuation and
//!   spacing aside): a hash of the folded words.
//! - **Near copies** share most of their word 5-shingles, and most of their figures: the
//!   Jaccard similarity of each is at least [`NEAR_COPY_JACCARD`]. (A market report at
//!   13:30 and at the close differ in a few prices only: they are two reports.) Candidates come from MinHash signatures
//!   ([`SIGNATURE`] minimums, in [`BANDS`] bands, a pair being a candidate when one band
//!   is equal), then the exact Jaccard of the two shingle sets decides. Numbers are words
//!   here: two companies' earnings tables, or two weeks of one market report, differ in
//!   their numbers and are not copies.
//! - Headlines that both state figures or times must state the same ones (the 12:00 and
//!   the 12:30 copper prices are two reports).
//! - Articles shorter than [`MIN_NEAR_WORDS`] words fold only when exact and their
//!   headlines share most words: a few shared words say little, and short notices repeat
//!   from company to company. Copies are dated within [`COPY_DAYS`] of each other: the
//!   same words a week later are another week's report.
//!
//! **How the thresholds were chosen**: 36 Reuters candidate pairs, 6 in each band of
//! similarity (`examples/dedup_pairs.rs`), read and labelled: below 0.5 one pair of six
//! was one story, 0.5 to 0.7 three of six (the others weekly reports a month apart, or two
//! companies' look-alike contracts), 0.7 to 0.8 five of six (the sixth two price snapshots
//! of one day), above 0.8 all. Then 50 folds were read (the first sample): two wrong, a
//! daily report folded through a chain of days and a weekly notice with the same words
//! two weeks apart, hence the date window and no chains; a second sample of 50 showed six
//! market snapshots of one day at other times, hence the headline figures. A third sample
//! of 50, drawn after the last change, was read to report: all 50 one story.
//!
//! The longest article (then the earliest, then the smallest id) keeps its copies, then
//! the longest of those left, and so on; a copy folds only into an article it is itself
//! a copy of, never through a chain of copies (each day's money-market report is like
//! the day before's). The others become [`FoldedCopy`] entries of the one kept, oldest
//! first. The result does not depend on the order of the input.

use dossier_format::{Article, ArticleDate, FoldedCopy};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// Words a shingle spans.
pub const SHINGLE_WORDS: usize = 5;
/// MinHash values per article.
pub const SIGNATURE: usize = 64;
/// Bands of the signature for locality-sensitive hashing: with 16 bands of 4 rows, a pair
/// with Jaccard 0.7 becomes a candidate with probability 0.98, one with 0.9 almost surely.
pub const BANDS: usize = 16;
/// The Jaccard similarity of word 5-shingles from which two articles are one story,
/// chosen on labelled Reuters pairs (ARCHITECTURE.md, "De-duplication").
pub const NEAR_COPY_JACCARD: f64 = 0.7;
/// Articles with fewer words fold only into exact copies.
pub const MIN_NEAR_WORDS: usize = 40;
/// Copies, exact or near, are dated at most this many days apart: the same words weeks
/// later are another week's report ("the Bundesbank left credit policies unchanged").
pub const COPY_DAYS: i64 = 3;
/// The share of headline words two short exact copies must have in common.
pub const SHORT_TITLE_JACCARD: f64 = 0.5;

/// What de-duplication did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// Copies folded because their text was the same.
    pub exact: usize,
    /// Copies folded because their text was nearly the same.
    pub near: usize,
}

impl Folded {
    /// All copies folded.
    pub fn total(&self) -> usize {
        self.exact + self.near
    }
}

/// Folds copies into the article kept for their story; returns the articles kept (in
/// their input order) and the counts.
pub fn fold_duplicates(articles: Vec<Article>) -> (Vec<Article>, Folded) {
    let prints: Vec<Print> = articles.iter().map(Print::of).collect();
    let mut copies_of: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    let mut link = |a: usize, b: usize| {
        copies_of[a].push(b);
        copies_of[b].push(a);
    };
    let mut exact_groups: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (index, print) in prints.iter().enumerate() {
        exact_groups.entry(print.exact).or_default().push(index);
    }
    for group in exact_groups.values().filter(|group| group.len() > 1) {
        for (at, &a) in group.iter().enumerate() {
            for &b in &group[at + 1..] {
                if exact_copies(&articles[a], &prints[a], &articles[b], &prints[b]) {
                    link(a, b);
                }
            }
        }
    }
    for (a, b) in candidate_pairs(&prints) {
        if prints[a].exact != prints[b].exact && near_copies(&articles[a], &prints[a], &articles[b], &prints[b]) {
            link(a, b);
        }
    }
    // Stories, greedily: the longest article not yet taken keeps its copies not yet taken.
    // A copy folds only into an article it is itself a copy of, never through a chain
    // (a daily report is like the day before's, which is like the day before's...).
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| keep_first(&articles, &prints, a, b));
    let mut kept_of = vec![usize::MAX; articles.len()];
    for &index in &order {
        if kept_of[index] != usize::MAX {
            continue;
        }
        kept_of[index] = index;
        for &copy in &copies_of[index] {
            if kept_of[copy] == usize::MAX {
                kept_of[copy] = index;
            }
        }
    }
    fold_into_kept(articles, &prints, &kept_of)
}

/// Which of two copies a story keeps: the longer, then the earlier, then the smaller id.
fn keep_first(articles: &[Article], prints: &[Print], a: usize, b: usize) -> std::cmp::Ordering {
    prints[b]
        .words
        .cmp(&prints[a].words)
        .then_with(|| articles[a].date.cmp(&articles[b].date))
        .then_with(|| articles[a].id.cmp(&articles[b].id))
}

/// Two articles with the same words are copies when dated within [`COPY_DAYS`]; a short
/// one (a dividend notice, a price line) also needs most of its headline's words, since
/// such texts repeat from company to company.
fn exact_copies(a: &Article, print_a: &Print, b: &Article, print_b: &Print) -> bool {
    days_apart(&a.date, &b.date) <= COPY_DAYS
        && headline_figures_agree(&a.title, &b.title)
        && (print_a.words.min(print_b.words) >= MIN_NEAR_WORDS
            || jaccard(&title_words(&a.title), &title_words(&b.title)) >= SHORT_TITLE_JACCARD)
}

/// Headlines that both state figures or times state the same ones: "NY COMEX COPPER
/// 12:00" and "12:30" are two reports even when the prices did not move. A headline
/// without figures agrees with any ("NORANDA COPPER MINE FIRE CAUSED HEAVY DAMAGE" and
/// "... CAUSED 10 MLN DLRS IN DAMAGE").
fn headline_figures_agree(a: &str, b: &str) -> bool {
    let (a, b) = (word_set(a, is_figure), word_set(b, is_figure));
    a.is_empty() || b.is_empty() || a == b
}

fn title_words(title: &str) -> Vec<u64> {
    word_set(title, |_| true)
}

/// The hashes of the words of `text` that `keep` keeps, sorted, each once.
fn word_set(text: &str, keep: impl Fn(&str) -> bool) -> Vec<u64> {
    let mut words = Vec::new();
    dossier_text::for_each_word(text, |word, _| {
        if keep(word) {
            words.push(hash_of(word));
        }
    });
    words.sort_unstable();
    words.dedup();
    words
}

/// A word that is a figure, a time or a date: it has a digit.
fn is_figure(word: &str) -> bool {
    word.bytes().any(|byte| byte.is_ascii_digit())
}

/// The pairs of articles sharing one band of their MinHash signatures, each once, `a < b`.
pub fn candidate_pairs(prints: &[Print]) -> Vec<(usize, usize)> {
    let rows = SIGNATURE / BANDS;
    let mut pairs = FxHashSet::default();
    for band in 0..BANDS {
        let mut buckets: FxHashMap<&[u64], Vec<usize>> = FxHashMap::default();
        for (index, print) in prints.iter().enumerate() {
            if print.words >= MIN_NEAR_WORDS {
                buckets.entry(&print.signature[band * rows..(band + 1) * rows]).or_default().push(index);
            }
        }
        for members in buckets.values().filter(|members| members.len() > 1) {
            for (at, &a) in members.iter().enumerate() {
                for &b in &members[at + 1..] {
                    pairs.insert((a, b));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

fn near_copies(a: &Article, print_a: &Print, b: &Article, print_b: &Print) -> bool {
    days_apart(&a.date, &b.date) <= COPY_DAYS
        && headline_figures_agree(&a.title, &b.title)
        && jaccard(&print_a.shingles, &print_b.shingles) >= NEAR_COPY_JACCARD
        && jaccard(&print_a.numbers, &print_b.numbers) >= NEAR_COPY_JACCARD
}

fn days_apart(a: &ArticleDate, b: &ArticleDate) -> i64 {
    i64::from((a.day().to_julian_day() - b.day().to_julian_day()).abs())
}

/// The Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let either = a.len() + b.len() - both;
    if either == 0 { 1.0 } else { both as f64 / either as f64 }
}

/// What de-duplication knows of one article.
pub struct Print {
    /// The hash of its folded words.
    pub exact: u64,
    /// How many words its body has.
    pub words: usize,
    /// Its word shingles' hashes, sorted, each once.
    pub shingles: Vec<u64>,
    /// The [`SIGNATURE`] smallest values of the shingles under as many hash functions.
    pub signature: Vec<u64>,
    /// Its words with a digit (figures, times, dates), hashed, sorted, each once.
    pub numbers: Vec<u64>,
}

impl Print {
    /// Reads an article's body.
    pub fn of(article: &Article) -> Print {
        let (mut words, mut numbers): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
        for paragraph in &article.body {
            dossier_text::for_each_word(paragraph, |word, _| {
                words.push(hash_of(word));
                if is_figure(word) {
                    numbers.push(hash_of(word));
                }
            });
        }
        numbers.sort_unstable();
        numbers.dedup();
        let exact = words.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &word| mix(hash ^ word));
        let mut shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
            vec![exact]
        } else {
            words
                .windows(SHINGLE_WORDS)
                .map(|window| window.iter().fold(0u64, |hash, &word| mix(hash ^ word)))
                .collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        let signature = (0..SIGNATURE as u64)
            .map(|seed| {
                let salt = mix(seed.wrapping_add(0x9e37_79b9_7f4a_7c15));
                shingles.iter().map(|&shingle| mix(shingle ^ salt)).min().unwrap_or(u64::MAX)
            })
            .collect();
        Print { exact, words: words.len(), shingles, signature, numbers }
    }
}

fn hash_of(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    word.hash(&mut hasher);
    hasher.finish()
}

/// A 64-bit mixer (splitmix64's finalizer): spreads every input bit over the output.
fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

fn fold_into_kept(articles: Vec<Article>, prints: &[Print], kept_of: &[usize]) -> (Vec<Article>, Folded) {
    let mut folded = Folded::default();
    let mut copies: FxHashMap<usize, Vec<FoldedCopy>> = FxHashMap::default();
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    for (index, &kept) in kept_of.iter().enumerate() {
        if kept == index {
            continue;
        }
        let Some(copy) = slots[index].take() else { continue };
        if prints[index].exact == prints[kept].exact {
            folded.exact += 1;
        } else {
            folded.near += 1;
        }
        let into = copies.entry(kept).or_default();
        into.push(FoldedCopy { id: copy.id, title: copy.title, date: copy.date, source: copy.source, url: copy.url });
        // A copy that had folded copies of its own (ingested earlier) hands them on.
        into.extend(copy.copies);
    }
    let mut kept = Vec::with_capacity(slots.len() - folded.total());
    for (index, slot) in slots.into_iter().enumerate() {
        let Some(mut article) = slot else { continue };
        if let Some(mut more) = copies.remove(&index) {
            article.copies.append(&mut more);
            article.copies.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        }
        kept.push(article);
    }
    (kept, folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::new_article;

    fn article(id: &str, date: &str, body: &str) -> Article {
        let mut article = new_article(
            id.to_owned(),
            format!("Title of {id}"),
            date.parse().expect("a date"),
            "Wire".to_owned(),
            body.split("\n\n").map(str::to_owned).collect(),
        );
        article.url = Some(format!("https://example.com/{id}"));
        article
    }

    const STORY: &str = "The central bank raised its main lending rate by half a point on Tuesday, \
        the third increase this year, citing inflation that has stayed above its target for \
        eighteen months.\n\nThe governor told reporters the bank would watch wage settlements \
        closely and act again if prices kept rising faster than expected in the second half \
        of the year, while exporters warned that a stronger currency would cost them orders.";

    #[test]
    fn exact_copies_fold_whatever_their_case_and_punctuation() {
        let shouted = STORY.to_uppercase().replace(',', " ");
        let (kept, folded) = fold_duplicates(vec![
            article("a", "2026-01-02", STORY),
            article("b", "2026-01-01", &shouted),
            article("c", "2026-01-03", "Another story altogether, about wheat."),
        ]);
        assert_eq!(folded, Folded { exact: 1, near: 0 });
        let ids: Vec<&str> = kept.iter().map(|article| article.id.as_str()).collect();
        assert_eq!(ids, ["b", "c"], "the earliest of equally long copies is kept");
        assert_eq!(kept[0].copies.len(), 1);
        assert_eq!(kept[0].copies[0].id, "a");
        assert_eq!(kept[0].copies[0].url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn a_near_copy_folds_into_the_longest_and_a_different_story_does_not() {
        let republished = format!("{STORY} Analysts had expected the move.");
        let edited = STORY.replace("Tuesday", "Wednesday");
        let other = STORY
            .replace("raised", "cut")
            .replace("increase", "cut")
            .replace("half a point", "a quarter point")
            .replace("inflation that has stayed above", "growth that has stayed below")
            .replace("wage settlements", "unemployment figures")
            .replace("prices kept rising faster", "output kept falling faster");
        let (kept, folded) = fold_duplicates(vec![
            article("a", "2026-01-01", STORY),
            article("b", "2026-01-02", &republished),
            article("c", "2026-01-02", &edited),
            article("d", "2026-01-02", &other),
        ]);
        assert_eq!(folded, Folded { exact: 0, near: 2 });
        let ids: Vec<&str> = kept.iter().map(|article| article.id.as_str()).collect();
        assert_eq!(ids, ["b", "d"], "the longest copy is kept; the rewritten story is its own");
        let copies: Vec<&str> = kept[0].copies.iter().map(|copy| copy.id.as_str()).collect();
        assert_eq!(copies, ["a", "c"], "oldest first");
    }

    #[test]
    fn near_copies_a_month_apart_and_short_near_copies_stay_apart() {
        let republished = format!("{STORY} Analysts had expected the move.");
        let (kept, folded) =
            fold_duplicates(vec![article("a", "2026-01-01", STORY), article("b", "2026-02-15", &republished)]);
        assert_eq!((kept.len(), folded.total()), (2, 0));
        let (kept, _) = fold_duplicates(vec![
            article("a", "2026-01-01", "Shr 10 cts vs 12 cts. Net 1.2 mln vs 1.4 mln. Revs 10 mln vs 11 mln."),
            article("b", "2026-01-01", "Shr 10 cts vs 12 cts. Net 1.2 mln vs 1.4 mln. Revs 10 mln vs 12 mln."),
        ]);
        assert_eq!(kept.len(), 2, "two short tables a number apart are two reports");
    }

    #[test]
    fn the_same_words_weeks_apart_or_under_other_headlines_are_other_reports() {
        let weekly = "The Bundesbank left credit policies unchanged after today's regular meeting of its council.";
        let (kept, _) = fold_duplicates(vec![article("a", "2026-03-05", weekly), article("b", "2026-03-19", weekly)]);
        assert_eq!(kept.len(), 2, "two meetings two weeks apart");
        let notice = "Qtly div 10 cts vs 10 cts prior. Pay April 15. Record April 1.";
        let mut first = article("a", "2026-03-05", notice);
        first.title = "ACME CORP SETS QUARTERLY".to_owned();
        let mut second = article("b", "2026-03-05", notice);
        second.title = "GLOBEX INC QUARTERLY DIVIDEND".to_owned();
        let mut again = article("c", "2026-03-05", notice);
        again.title = "ACME CORP <ACM> SETS QUARTERLY".to_owned();
        let (kept, folded) = fold_duplicates(vec![first, second, again]);
        assert_eq!(folded, Folded { exact: 1, near: 0 }, "only Acme's notice sent twice folds");
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn headlines_with_other_figures_or_times_are_other_reports() {
        let prices = "NY COMEX COPPER / APR7 UNTRD MAY7 6265 UNCH JUN7 UNTRD JUL7 6245 UP 10 SEP7 6265 UP 15";
        let mut noon = article("a", "2026-04-07", prices);
        noon.title = "NY COMEX COPPER 12:00".to_owned();
        let mut later = article("b", "2026-04-07", prices);
        later.title = "NY COMEX COPPER 12:30".to_owned();
        let mut untimed = article("c", "2026-04-07", prices);
        untimed.title = "NY COMEX COPPER PRICES".to_owned();
        let (kept, _) = fold_duplicates(vec![noon, later]);
        assert_eq!(kept.len(), 2);
        assert!(headline_figures_agree(
            "NORANDA COPPER MINE FIRE CAUSED HEAVY DAMAGE",
            "NORANDA FIRE CAUSED 10 MLN DLRS IN DAMAGE"
        ));
        let mut timed = article("d", "2026-04-07", prices);
        timed.title = "NY COMEX COPPER 12:00".to_owned();
        let (kept, _) = fold_duplicates(vec![untimed, timed]);
        assert_eq!(kept.len(), 1, "a headline without figures agrees with any");
    }

    #[test]
    fn a_copy_folds_only_into_an_article_it_copies_not_through_a_chain() {
        // Each day's report differs from the day before's by a few words: day 1 and day 3
        // are too far apart, so day 3 is not folded into day 1 through day 2.
        let words = |from: usize| (from..from + 80).map(|n| format!("w{n}")).collect::<Vec<_>>().join(" ");
        let (one, two, three) = (words(0), words(10), words(20));
        let prints = [&one, &two, &three].map(|text| Print::of(&article("x", "2026-01-01", text)));
        assert!(jaccard(&prints[0].shingles, &prints[1].shingles) >= NEAR_COPY_JACCARD);
        assert!(jaccard(&prints[1].shingles, &prints[2].shingles) >= NEAR_COPY_JACCARD);
        assert!(jaccard(&prints[0].shingles, &prints[2].shingles) < NEAR_COPY_JACCARD);
        let (kept, _) = fold_duplicates(vec![
            article("one", "2026-01-01", &one),
            article("two", "2026-01-02", &two),
            article("three", "2026-01-03", &three),
        ]);
        let ids: Vec<&str> = kept.iter().map(|article| article.id.as_str()).collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
    }

    #[test]
    fn the_result_does_not_depend_on_the_input_order() {
        let republished = format!("{STORY} Analysts had expected the move.");
        let articles = vec![
            article("a", "2026-01-01", STORY),
            article("b", "2026-01-02", &republished),
            article("c", "2026-01-02", &STORY.to_lowercase()),
            article("d", "2026-01-05", "Wheat rose."),
        ];
        let (forward, _) = fold_duplicates(articles.clone());
        let (backward, _) = fold_duplicates(articles.into_iter().rev().collect());
        let mut backward = backward;
        backward.reverse();
        assert_eq!(forward, backward);
    }
}
