//! Writes a synthetic collection of any size, as JSON Lines `dossier ingest` reads, for
//! the scale benchmark (a million articles is about 1 GB of JSON Lines): built from the real
//! corpora's sentences, names and dates, with a vocabulary that keeps growing as a real
//! collection's does.
//!
//! ```text
//! cargo run --release -p dossier-cli --example synth -- ../shared/corpus 1000000 target/bench/synth-1m.jsonl [--seed 1]
//! ```
//!
//! How an article is made:
//! - **Sentences**: a source document is drawn from Reuters-21578, Wikinews and the
//!   CoNLL-2003 texts (each document as likely); the article has as many sentences as it
//!   (from [`MIN_SENTENCES`] to [`MAX_SENTENCES`]), most of them its own in order and
//!   [`FOREIGN_SHARE`] drawn from any document, so that the words meet as they do
//!   in real text but no article is a copy (nor a near copy that ingest would fold).
//! - **Dates**: each source document stands for a story, placed on a day drawn once for
//!   it between [`FIRST_YEAR`] and [`LAST_YEAR`] (weekdays five times as likely as a
//!   weekend day, as in the wires); its articles fall around that day, most within a week,
//!   some months later (a story followed over time).
//! - **Vocabulary (Heaps' law)**: real collections keep meeting new words and names
//!   (V = K·n^β distinct words after n articles). The real documents' curve is fitted
//!   first (K and β, least squares on logarithms, the documents in a shuffled order). Past
//!   the corpora's own number of documents, each article adds as many invented words as
//!   the synthetic collection lacks against K·n^β, put where the text has a name (a capitalised word inside a sentence) or a
//!   long word (six letters or more); invented names and words come from a letter-trigram
//!   model of the real ones and are never words of the corpora. Invented words are also
//!   reused, [`REUSE_SHARE`] of those places, each chosen in proportion to how often it has
//!   been used (names recur across a story as real ones do, and their frequencies follow
//!   Zipf's law).
//!
//! Prints the fit, the vocabulary against its target at each power of ten, the size and
//! the time. The same arguments write the same file.

use std::{
    collections::{HashMap, HashSet},
    fs,
    io::{BufWriter, Write},
    path::Path,
    time::Instant,
};

use anyhow::Context;
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use serde::{Deserialize, Serialize};
use time::{Date, Month, Weekday};

/// Fewest and most sentences in one article.
const MIN_SENTENCES: usize = 3;
const MAX_SENTENCES: usize = 40;
/// Share of an article's sentences drawn from other documents: two articles made from one
/// document (a million articles from 21,233 documents: 47 a document) stay below
/// de-duplication's similarity.
const FOREIGN_SHARE: f64 = 0.4;
/// Share of the places for invented words filled with one used before.
const REUSE_SHARE: f64 = 0.04;
/// The years synthetic articles are dated in.
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2025;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    text: String,
}

#[derive(Serialize)]
struct Article<'a> {
    id: String,
    title: &'a str,
    date: String,
    source: &'a str,
    body: &'a str,
}

/// A document of the corpora: its title, source and sentences (paragraph breaks kept as
/// a flag on the sentence that starts one).
struct Document {
    title: String,
    source: &'static str,
    sentences: Vec<(String, bool)>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, count, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: synth <corpus folder> <articles> <out.jsonl> [--seed N]");
    };
    let count: usize = count.parse().context("the number of articles")?;
    let seed: u64 = rest
        .iter()
        .position(|arg| arg == "--seed")
        .and_then(|at| rest.get(at + 1))
        .map_or(Ok(1), |seed| seed.parse())?;
    let started = Instant::now();
    let corpus = Path::new(corpus);
    let mut documents = Vec::new();
    for (file, source) in [
        ("reuters21578.jsonl", "Reuters"),
        ("wikinews_2019_2021.jsonl", "Wikinews"),
        ("ner/conll2003_train.jsonl", "CoNLL-2003"),
        ("ner/conll2003_dev.jsonl", "CoNLL-2003"),
    ] {
        let text = fs::read_to_string(corpus.join(file)).with_context(|| format!("reading {file}"))?;
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let record: Record = serde_json::from_str(line).with_context(|| format!("{file}: a line"))?;
            let body = if record.body.is_empty() { record.text.replace('\n', " ") } else { record.body };
            let sentences = sentences(&body);
            if !sentences.is_empty() {
                documents.push(Document { title: record.title, source, sentences });
            }
        }
    }
    if documents.len() < 1000 {
        anyhow::bail!(
            "{}: {} documents with sentences; the generator needs at least 1,000",
            corpus.display(),
            documents.len()
        );
    }
    let mut rng = StdRng::seed_from_u64(seed);

    // The corpora's words, and Heaps' law fitted on them in a shuffled order.
    let mut known: HashSet<String> = HashSet::new();
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.shuffle(&mut rng);
    let mut curve = Vec::new();
    for (seen, &index) in order.iter().enumerate() {
        for (sentence, _) in &documents[index].sentences {
            for word in words(sentence) {
                if !known.contains(word.as_str()) {
                    known.insert(word);
                }
            }
        }
        if (seen + 1) % 500 == 0 {
            curve.push(((seen + 1) as f64, known.len() as f64));
        }
    }
    let (k, beta) = fit(&curve);
    println!(
        "corpora: {} documents, {} distinct words; Heaps' law fitted on them: V = {k:.1} n^{beta:.3}",
        documents.len(),
        known.len()
    );

    // In a fixed order (a set's order changes from run to run): the same seed, the same file.
    let mut sorted: Vec<&str> = known.iter().map(String::as_str).filter(|word| word.len() >= 4).collect();
    sorted.sort_unstable();
    let names = Trigrams::train(sorted.into_iter(), &mut rng);
    let stories: Vec<i32> = (0..documents.len()).map(|_| story_day(&mut rng)).collect();
    let mut writer =
        BufWriter::with_capacity(1 << 20, fs::File::create(out).with_context(|| format!("creating {out}"))?);
    let mut vocabulary: HashSet<String> = HashSet::new();
    let mut invented: Vec<String> = Vec::new();
    // Every use of an invented word, by index: drawing from it draws in proportion to use.
    let mut uses: Vec<u32> = Vec::new();
    let (mut bytes, mut tokens) = (0usize, 0usize);
    let mut checkpoint = 10;
    println!("{:>10} {:>12} {:>12} {:>10}", "articles", "distinct", "K n^β", "invented");
    for number in 1..=count {
        let index = rng.random_range(0..documents.len());
        let document = &documents[index];
        let length = document.sentences.len().clamp(MIN_SENTENCES, MAX_SENTENCES);
        let mut chosen: Vec<(String, bool)> = Vec::with_capacity(length);
        for at in 0..length {
            if at >= document.sentences.len() || rng.random_bool(FOREIGN_SHARE) {
                let other = &documents[rng.random_range(0..documents.len())];
                let (sentence, _) = &other.sentences[rng.random_range(0..other.sentences.len())];
                chosen.push((sentence.clone(), at > 0 && rng.random_bool(0.3)));
            } else {
                chosen.push(document.sentences[at].clone());
            }
        }
        // The places an invented word may take: a name inside a sentence, or a long word.
        let mut tokens_of: Vec<Vec<String>> =
            chosen.iter().map(|(sentence, _)| sentence.split(' ').map(str::to_owned).collect()).collect();
        let mut places = Vec::new();
        for (sentence, words) in tokens_of.iter().enumerate() {
            for (at, token) in words.iter().enumerate() {
                let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.chars().count() == token.chars().count()
                    && (letters.len() >= 6 || (at > 0 && starts_upper(&letters)))
                {
                    places.push((sentence, at));
                }
            }
        }
        places.shuffle(&mut rng);
        for words in &tokens_of {
            for word in words {
                let word = fold(word);
                if !word.is_empty() && !vocabulary.contains(&word) {
                    vocabulary.insert(word);
                }
            }
        }
        // Up to the corpora's size their own words keep the curve; past it, invented ones.
        let target = (k * (number as f64).powf(beta)).round() as usize;
        let mut wanted = if number < documents.len() { 0 } else { target.saturating_sub(vocabulary.len()) };
        for &(sentence, at) in &places {
            let token = &tokens_of[sentence][at];
            let name = starts_upper(token);
            let replacement = if wanted > 0 {
                wanted -= 1;
                let fresh = loop {
                    let candidate = names.word(&mut rng);
                    if !known.contains(&candidate) && !vocabulary.contains(&candidate) {
                        break candidate;
                    }
                };
                vocabulary.insert(fresh.clone());
                invented.push(fresh);
                uses.push((invented.len() - 1) as u32);
                Some(invented.len() - 1)
            } else if !uses.is_empty() && rng.random_bool(REUSE_SHARE) {
                let pick = uses[rng.random_range(0..uses.len())] as usize;
                uses.push(pick as u32);
                Some(pick)
            } else {
                None
            };
            if let Some(word) = replacement {
                let word = &invented[word];
                tokens_of[sentence][at] = if name { capitalised(word) } else { word.clone() };
            }
        }
        let mut body = String::new();
        for ((_, paragraph), words) in chosen.iter().zip(&tokens_of) {
            if !body.is_empty() {
                body.push_str(if *paragraph { "\n\n" } else { " " });
            }
            body.push_str(&words.join(" "));
            tokens += words.len();
        }
        let day = stories[index] + jitter(&mut rng);
        let title = if document.title.trim().is_empty() {
            tokens_of[0].iter().take(8).cloned().collect::<Vec<_>>().join(" ")
        } else {
            document.title.clone()
        };
        let record = Article {
            id: format!("synth-{number:07}"),
            title: &title,
            date: date_of(day),
            source: document.source,
            body: &body,
        };
        let line = serde_json::to_string(&record)?;
        bytes += line.len() + 1;
        writer.write_all(line.as_bytes())?;
        writer.write_all(b"\n")?;
        if number == checkpoint || number == count {
            println!("{number:>10} {:>12} {:>12} {:>10}", vocabulary.len(), target, invented.len());
            checkpoint *= 10;
        }
    }
    writer.flush()?;
    println!(
        "wrote {count} articles, {} MB, {tokens} tokens, to {out} in {:.1} s",
        bytes / 1_000_000,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Sentences of a body, each with whether it starts a paragraph; spaces collapsed.
fn sentences(body: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for paragraph in body.split("\n\n") {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        let mut start = 0;
        for at in 0..words.len() {
            let ends = words[at].ends_with(['.', '?', '!'])
                && !dossier_text::is_abbreviation(words[at].trim_end_matches('.'))
                && words.get(at + 1).is_none_or(|next| starts_upper(next));
            if ends || at + 1 == words.len() {
                if at + 1 - start >= 3 {
                    out.push((words[start..=at].join(" "), start == 0));
                }
                start = at + 1;
            }
        }
    }
    out
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A token as a vocabulary word: its letters and digits, lowercased.
fn fold(token: &str) -> String {
    token.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn words(sentence: &str) -> impl Iterator<Item = String> + '_ {
    sentence.split(' ').map(fold).filter(|word| !word.is_empty())
}

/// K and β of V = K·n^β, least squares on the logarithms.
fn fit(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let (xs, ys): (Vec<f64>, Vec<f64>) = points.iter().map(|(x, y)| (x.ln(), y.ln())).unzip();
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let slope = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum::<f64>()
        / xs.iter().map(|x| (x - mx).powi(2)).sum::<f64>();
    ((my - slope * mx).exp(), slope)
}

/// A story's day (a Julian day number): weekdays five times as likely as weekend days.
fn story_day(rng: &mut StdRng) -> i32 {
    let first = Date::from_calendar_date(FIRST_YEAR, Month::January, 1).expect("a date").to_julian_day();
    let last = Date::from_calendar_date(LAST_YEAR, Month::December, 31).expect("a date").to_julian_day();
    loop {
        let day = rng.random_range(first..=last);
        let weekday = Date::from_julian_day(day).expect("in range").weekday();
        if !matches!(weekday, Weekday::Saturday | Weekday::Sunday) || rng.random_bool(0.2) {
            return day;
        }
    }
}

/// How far an article falls from its story's day: most within a week, some months on.
fn jitter(rng: &mut StdRng) -> i32 {
    if rng.random_bool(0.8) { rng.random_range(-3..=3) } else { rng.random_range(-30..=180) }
}

/// `YYYY-MM-DD` of a Julian day number.
fn date_of(day: i32) -> String {
    let date = Date::from_julian_day(day).expect("in range");
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// A letter-trigram model of the corpora's words, to invent words that look like them.
struct Trigrams {
    next: HashMap<[char; 2], Vec<char>>,
    starts: Vec<[char; 2]>,
}

impl Trigrams {
    fn train<'a>(words: impl Iterator<Item = &'a str>, rng: &mut StdRng) -> Trigrams {
        let mut next: HashMap<[char; 2], Vec<char>> = HashMap::new();
        let mut starts = Vec::new();
        for word in words.filter(|word| word.chars().all(|c| c.is_ascii_lowercase())) {
            let letters: Vec<char> = std::iter::once('^').chain(word.chars()).chain(std::iter::once('$')).collect();
            starts.push([letters[0], letters[1]]);
            for window in letters.windows(3) {
                next.entry([window[0], window[1]]).or_default().push(window[2]);
            }
        }
        starts.shuffle(rng);
        Trigrams { next, starts }
    }

    /// A word of 4 to 14 letters.
    fn word(&self, rng: &mut StdRng) -> String {
        loop {
            let [mut a, mut b] = self.starts[rng.random_range(0..self.starts.len())];
            let mut word = String::from(b);
            while let Some(options) = self.next.get(&[a, b]) {
                let c = options[rng.random_range(0..options.len())];
                if c == '$' || word.len() > 14 {
                    break;
                }
                word.push(c);
                (a, b) = (b, c);
            }
            if (4..=14).contains(&word.len()) {
                return word;
            }
        }
    }
}
