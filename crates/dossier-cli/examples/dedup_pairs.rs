//! The pairs de-duplication weighs, for labelling: every candidate pair of a JSON Lines
//! collection with its Jaccard similarity and days apart, and a fixed sample of them per
//! band of similarity printed side by side to be read and judged.
//!
//!   cargo run --release -p dossier-cli --example dedup_pairs -- ../shared/corpus/reuters21578.jsonl [per-band]
//!
//! With `--folds N` instead of a count per band, it folds the collection as ingest does
//! and prints how many articles were folded and N folds (kept article and copy) drawn by
//! a fixed hash of their ids, to judge the precision of folding by reading them
//! (`--folds N SALT` draws another sample: the rules were chosen on the unsalted one, and
//! the README reports the one salted `report`).

use std::{env, fs};

use dossier_ingest::{
    dedup::{Print, candidate_pairs, fold_duplicates, jaccard},
    parse::parse_json_lines,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = env::args().skip(1);
    let path = args.next().ok_or("usage: dedup_pairs FILE.jsonl [per-band]")?;
    let second = args.next();
    let (articles, _) = parse_json_lines(&fs::read_to_string(path)?, "");
    let articles: Vec<_> = articles.into_iter().map(|(_, article)| article).collect();
    if second.as_deref() == Some("--folds") {
        let sample: usize = args.next().map_or(Ok(50), |text| text.parse())?;
        // Another salt draws another sample: one to choose the rules on, one to report.
        let salt = args.next().unwrap_or_default();
        print_folds(articles, sample, &salt);
        return Ok(());
    }
    let per_band: usize = second.map_or(Ok(8), |text| text.parse())?;
    let prints: Vec<Print> = articles.iter().map(Print::of).collect();
    let bands = [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
    let mut by_band: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); bands.len() - 1];
    for (a, b) in candidate_pairs(&prints) {
        if prints[a].exact == prints[b].exact {
            continue;
        }
        let similarity = jaccard(&prints[a].shingles, &prints[b].shingles);
        if let Some(band) = bands.windows(2).position(|edge| similarity >= edge[0] && similarity < edge[1]) {
            by_band[band].push((a, b, similarity));
        }
    }
    for (band, pairs) in by_band.iter_mut().enumerate() {
        println!("## Jaccard {:.1} to {:.1}: {} candidate pairs", bands[band], bands[band + 1], pairs.len());
        // A fixed sample: every n-th pair in id order.
        let step = (pairs.len() / per_band.max(1)).max(1);
        for &(a, b, similarity) in pairs.iter().step_by(step).take(per_band) {
            let (x, y) = (&articles[a], &articles[b]);
            let days = (x.date.day() - y.date.day()).whole_days().abs();
            println!("\n### {} | {}  J={similarity:.2} days={days}", x.id, y.id);
            println!("A: {} ({})\n   {}", x.title, x.date, x.body.join(" / "));
            println!("B: {} ({})\n   {}", y.title, y.date, y.body.join(" / "));
        }
        println!();
    }
    Ok(())
}

fn print_folds(articles: Vec<dossier_engine::Article>, sample: usize, salt: &str) {
    let by_id: std::collections::HashMap<String, dossier_engine::Article> =
        articles.iter().map(|article| (article.id.clone(), article.clone())).collect();
    let read = articles.len();
    let (kept, folded) = fold_duplicates(articles);
    println!(
        "{read} articles: {} kept, {} folded ({} exact, {} near)",
        kept.len(),
        folded.total(),
        folded.exact,
        folded.near
    );
    let mut folds: Vec<(u64, &dossier_engine::Article, &str)> = kept
        .iter()
        .flat_map(|article| {
            article.copies.iter().map(move |copy| (fnv(&format!("{salt}{}", copy.id)), article, copy.id.as_str()))
        })
        .collect();
    folds.sort_unstable_by_key(|&(hash, ..)| hash);
    let cut = |text: &str| text.chars().take(300).collect::<String>();
    for (n, &(_, kept, copy)) in folds.iter().take(sample).enumerate() {
        let copy = &by_id[copy];
        let (kept_print, copy_print) = (Print::of(kept), Print::of(copy));
        let exact = kept_print.exact == copy_print.exact;
        let similarity = jaccard(&kept_print.shingles, &copy_print.shingles);
        println!("\n### {} {} <- {}  J={similarity:.2}{}", n + 1, kept.id, copy.id, if exact { " exact" } else { "" });
        println!("K: {} ({})\n   {}", kept.title, kept.date, cut(&kept.body.join(" / ")));
        println!("C: {} ({})\n   {}", copy.title, copy.date, cut(&copy.body.join(" / ")));
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}
