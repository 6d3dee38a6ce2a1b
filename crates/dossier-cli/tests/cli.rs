//! The `dossier` binary run as a user runs it: on the seed article, on the shared fixture
//! collection, on a folder of good and bad files, and on the Wikinews collection when
//! `shared/corpus` is present (ignored, and reported so, when it is not).

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use dossier_engine::{Bundle, Selection, fixtures, fixtures::ExpectedEntity};
use serde_json::Value;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().expect("the dossier binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `dossier ingest <input> -o <bundle>`.
fn ingest(input: &Path, bundle: &Path) -> Output {
    dossier(&["ingest", input.to_str().unwrap_or_default(), "-o", bundle.to_str().unwrap_or_default()])
}

/// The seed ingested into a fresh scratch folder named `name`: the folder, and the
/// bundle's path as `--data` takes it.
fn seed_data(name: &str) -> (PathBuf, String) {
    let dir = scratch(name);
    let bundle = ingest_seed(&dir);
    (dir, bundle.display().to_string())
}

fn ingest_seed(dir: &Path) -> PathBuf {
    let bundle = dir.join("seed.json");
    let seed = workspace().join("data/seed");
    let output = ingest(&seed, &bundle);
    assert!(output.status.success(), "ingest failed: {}", stderr(&output));
    bundle
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(|line| serde_json::from_str(line).expect("one JSON object per line")).collect()
}

#[test]
fn seed_entities_are_the_nine_named_in_the_article() {
    let dir = scratch("seed-entities");
    let bundle = ingest_seed(&dir);
    let output = dossier(&["entities", "--data", bundle.to_str().unwrap_or_default(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let found: Vec<ExpectedEntity> = json_lines(&stdout(&output))
        .into_iter()
        .map(|entity| {
            assert_eq!(entity["articles"], 1);
            assert!(entity["id"].as_str().is_some_and(|id| !id.is_empty()));
            serde_json::from_value(entity).expect("kind, name and aliases")
        })
        .collect();
    assert_eq!(found, fixtures::seed_entities());
}

/// The committed fixture bundle that the engine's and the app's tests read must be what the
/// CLI makes of `tests/fixtures/collection/` today, byte for byte.
#[test]
fn committed_fixture_bundle_is_not_stale() {
    let dir = scratch("fixture");
    let bundle = dir.join("fixture.json");
    let collection = workspace().join("tests/fixtures/collection");
    let output = dossier(&[
        "ingest",
        collection.to_str().unwrap_or_default(),
        "-o",
        bundle.to_str().unwrap_or_default(),
        "--name",
        fixtures::COLLECTION_NAME,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = fs::read_to_string(&bundle).expect("written");
    assert!(
        written == fixtures::BUNDLE_JSON,
        "{} is stale: rebuild it with `./x data`\n{written}",
        fixtures::BUNDLE_PATH
    );
    assert_eq!(Bundle::from_json(&written).expect("a bundle"), fixtures::bundle());
}

#[test]
fn search_prints_ranked_json_lines() {
    let (_dir, data) = seed_data("seed-search");
    let data = data.as_str();
    let output = dossier(&["search", "--data", data, "--json", "Sheinbaum"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let hits = json_lines(&stdout(&output));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], "000_bfbec4599a23c53e");
    assert_eq!(hits[0]["date"], "2026-01-16");
    assert!(hits[0]["score"].as_f64().is_some_and(|score| score > 0.0));
    assert!(hits[0]["title"].as_str().is_some_and(|title| title.starts_with("The U.S. government")));
    let output = dossier(&["search", "--data", data, "--limit", "5", "mexico", "cartels"]);
    assert!(stdout(&output).ends_with("1 of 1 articles match\n"), "{}", stdout(&output));
    assert_eq!(output.status.code(), Some(0));
}

/// The CLI answers a text as the search box does (the same core call, the last word
/// still being typed unless a space follows it): same articles, same order.
#[test]
fn search_gives_what_the_search_box_shows_for_the_same_text() {
    let dir = scratch("same-as-app");
    let bundle = dir.join("fixture.json");
    fs::write(&bundle, fixtures::bundle().to_json().expect("writable")).expect("write");
    let corpus = fixtures::corpus();
    for text in
        ["cartel ban", "car", "sheinb", "mexcio", "raid ", "drug car", "\"drug cartels\"", "maduro OR sheinbaum"]
    {
        let output =
            dossier(&["search", "--data", bundle.to_str().unwrap_or_default(), "--json", "--limit", "100", text]);
        let shown: Vec<String> =
            json_lines(&stdout(&output)).iter().map(|hit| hit["id"].as_str().unwrap_or_default().to_owned()).collect();
        let view = corpus.select(&Selection { query: text.to_owned(), ..Selection::default() });
        let expected: Vec<String> = view.hits.iter().map(|hit| corpus.article(hit.article).id.clone()).collect();
        assert!(!expected.is_empty(), "{text:?} finds something in the fixture");
        assert_eq!(shown, expected, "{text:?}");
    }
}

/// `dossier export` needs the app's release build, and says how to make it.
#[test]
fn export_without_a_build_says_how_to_make_one() {
    let (dir, data) = seed_data("export");
    let output = dir.join("dossier.html");
    let absent = dir.join("no-dist");
    let run = dossier(&[
        "export",
        "--data",
        &data,
        "--dist",
        absent.to_str().unwrap_or_default(),
        "-o",
        output.to_str().unwrap_or_default(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("build the app first: ./x build"), "{}", stderr(&run));
    assert!(!output.exists());
}

/// Like grep: 0 when something matched, 1 when nothing did, 2 on an error.
#[test]
fn search_exits_1_when_nothing_matches_and_2_on_errors() {
    let (dir, data) = seed_data("exit-status");
    let data = data.as_str();
    let output = dossier(&["search", "--data", data, "--json", "Zapata"]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(1), ""), "{}", stderr(&output));
    let output = dossier(&["search", "--data", data, "Zapata"]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(1), "0 of 1 articles match\n"));
    let output = dossier(&["search", "--data", data, "cartels", "-venezuela"]);
    assert_eq!(output.status.code(), Some(1), "everything excluded is nothing matched");
    let output = dossier(&["search", "--data", dir.join("absent.json").to_str().unwrap_or_default(), "cartels"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("absent.json"), "{}", stderr(&output));
    let output = dossier(&["search", "--data", data]);
    assert_eq!(output.status.code(), Some(2), "no query is a usage error");
}

#[test]
fn search_says_why_each_result_matched() {
    let (_dir, data) = seed_data("seed-why");
    let data = data.as_str();
    // `troop ` is finished (a space follows), so it matches by stem, not as a prefix.
    let output = dossier(&["search", "--data", data, "--json", "sheinbuam", "\"drug cartels\"", "troop "]);
    assert!(output.status.success(), "{}", stderr(&output));
    let hits = json_lines(&stdout(&output));
    assert_eq!(hits.len(), 1);
    let reasons: Vec<String> = hits[0]["matched"]
        .as_array()
        .map(|reasons| {
            reasons
                .iter()
                .map(|reason| {
                    format!("{} {} {} {}", reason["typed"], reason["matched"], reason["kind"], reason["fields"])
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        reasons,
        [
            r#""sheinbuam" "sheinbaum" "typo" ["entities","body"]"#,
            r#""drug cartels" "drug cartels" "phrase" ["body"]"#,
            r#""troop" "troops" "stem" ["body"]"#,
        ]
    );
    let output = dossier(&["search", "--data", data, "cartels", "-venezuela"]);
    assert!(stdout(&output).ends_with("0 of 1 articles match\n"), "{}", stdout(&output));
}

#[test]
fn every_rejected_input_is_reported_and_the_rest_is_written() {
    let dir = scratch("rejections");
    let inputs = dir.join("in");
    fs::create_dir_all(&inputs).expect("inputs folder");
    fs::write(inputs.join("good.txt"), "title: Good\ndate 2026-01-02\n\nCIA agents met in Mexico City.")
        .expect("write");
    fs::write(inputs.join("nodate.txt"), "Just text without a date.\n").expect("write");
    fs::write(inputs.join("baddate.md"), "title: x\ndate 2026-02-31\nText").expect("write");
    fs::write(inputs.join("binary.txt"), b"date 2026-01-01\n\xff\xfe").expect("write");
    fs::write(inputs.join("ignored.png"), b"\x89PNG").expect("write");
    fs::write(
        inputs.join("records.jsonl"),
        concat!(
            r#"{"id": "r1", "title": "<script>alert(1)</script>", "date": "2020-01-01", "body": "Body <b>one</b>."}"#,
            "\n",
            r#"{"id": "r2", "title": "T", "body": "No date"}"#,
            "\n",
            "not json\n",
            r#"{"id": "good", "title": "T", "date": "2020-01-02", "body": "Same id as the text file."}"#,
            "\n",
        ),
    )
    .expect("write");
    let bundle = dir.join("out.json");
    let output = ingest(&inputs, &bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    let folder = inputs.display().to_string();
    for expected in [
        format!("{folder}/baddate.md:2: invalid date \"2026-02-31\""),
        format!("{folder}/binary.txt:2: not UTF-8 text"),
        format!("{folder}/nodate.txt:1: missing date"),
        format!("{folder}/records.jsonl:2: missing date"),
        format!("{folder}/records.jsonl:3: invalid JSON"),
        format!("{folder}/records.jsonl:4: duplicate article id \"good\" (first seen at {folder}/good.txt:1)"),
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in:\n{errors}");
    }
    assert!(!errors.contains("ignored.png"), "files of unknown type in folders are skipped: {errors}");
    assert!(errors.contains("read 8 articles from 5 file(s): 2 written, 6 rejected, 0 folded"), "{errors}");
    let written: Value = serde_json::from_str(&fs::read_to_string(&bundle).expect("bundle written")).expect("JSON");
    let titles: Vec<&str> =
        written["articles"].as_array().expect("articles").iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, ["Good", "<script>alert(1)</script>"], "text is kept verbatim, never interpreted");
}

#[test]
fn nothing_usable_exits_2_and_writes_nothing() {
    let dir = scratch("nothing");
    fs::write(dir.join("bad.txt"), "no date here").expect("write");
    let bundle = dir.join("out.json");
    let output = ingest(&dir.join("bad.txt"), &bundle);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bad.txt:1: missing date"), "{}", stderr(&output));
    assert!(stderr(&output).contains("no usable articles"), "{}", stderr(&output));
    assert!(!bundle.exists());
    let output = ingest(&dir.join("missing.txt"), &bundle);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.txt:1: cannot read"), "{}", stderr(&output));
}

#[test]
fn a_bundle_of_another_version_is_refused_with_both_versions() {
    let dir = scratch("version");
    let bundle = dir.join("future.json");
    fs::write(
        &bundle,
        "{\"format_version\": 99, \"collection\": {\"name\": \"x\"}, \"entities\": [], \"articles\": []}",
    )
    .expect("write");
    let output = dossier(&["entities", "--data", bundle.to_str().unwrap_or_default()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unsupported bundle format version 99: this viewer reads versions 1 to 2"),
        "{}",
        stderr(&output)
    );
}

/// The bundle the app ships must be what the CLI makes of `data/seed` today.
#[test]
fn committed_bundle_is_not_stale() {
    let committed_path = workspace().join("data/bundle.json");
    let committed = fs::read_to_string(&committed_path).expect("data/bundle.json exists");
    let metadata: Value = serde_json::from_str(&committed).expect("committed bundle is JSON");
    let name = metadata["collection"]["name"].as_str().expect("collection name");
    let mut args = vec!["ingest".to_owned(), workspace().join("data/seed").display().to_string()];
    let dir = scratch("stale");
    let fresh_path = dir.join("bundle.json");
    args.extend(["-o".to_owned(), fresh_path.display().to_string(), "--name".to_owned(), name.to_owned()]);
    if let Some(description) = metadata["collection"]["description"].as_str() {
        args.extend(["--description".to_owned(), description.to_owned()]);
    }
    let output = Command::new(env!("CARGO_BIN_EXE_dossier")).args(&args).output().expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let fresh = fs::read_to_string(&fresh_path).expect("fresh bundle");
    assert!(fresh == committed, "data/bundle.json is stale: rebuild it with `./x data`");
}

/// Real modern news: the extractor must find well-known people, organizations and places
/// with aliases merged, and no sentence-initial junk. Ignored (and so reported) when
/// `shared/corpus` is absent: see `build.rs`.
#[test]
#[cfg_attr(shared_corpus_absent, ignore = "../shared/corpus/wikinews_2019_2021.jsonl is absent")]
fn wikinews_entities_are_plausible() {
    let corpus = workspace().join("../shared/corpus/wikinews_2019_2021.jsonl");
    let dir = scratch("wikinews");
    let bundle = dir.join("wikinews.json");
    let output = ingest(&corpus, &bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("read 295 articles from 1 file(s): 295 written, 0 rejected"),
        "{}",
        stderr(&output)
    );
    let output = dossier(&["entities", "--data", bundle.to_str().unwrap_or_default(), "--json"]);
    let entities = json_lines(&stdout(&output));
    let find = |name: &str| entities.iter().find(|entity| entity["name"] == name);
    for (name, kind, alias) in [
        ("Donald Trump", "person", Some("Trump")),
        ("Joe Biden", "person", Some("Biden")),
        ("Boris Johnson", "person", Some("Johnson")),
        ("Vladimir Putin", "person", None),
        ("World Health Organization", "organization", Some("WHO")),
        ("European Union", "organization", Some("EU")),
        ("United States", "place", Some("U.S.")),
        ("United Kingdom", "place", Some("UK")),
        ("California", "place", None),
    ] {
        let entity = find(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(entity["kind"], kind, "{name}");
        if let Some(alias) = alias {
            assert!(
                entity["aliases"].as_array().is_some_and(|aliases| aliases.iter().any(|a| a == alias)),
                "{name}: {entity}"
            );
        }
    }
    let trump = find("Donald Trump").expect("found above");
    assert!(trump["articles"].as_u64().is_some_and(|count| count >= 40), "{trump}");
    for junk in ["The", "This", "Despite", "However", "President", "Minister", "General", "Monday", "January"] {
        assert!(find(junk).is_none(), "junk entity {junk:?}");
    }
    let kinds = |kind: &str| entities.iter().filter(|entity| entity["kind"] == kind).count();
    eprintln!(
        "wikinews: {} entities: {} people, {} organizations, {} places",
        entities.len(),
        kinds("person"),
        kinds("organization"),
        kinds("place")
    );
    assert!(kinds("person") > 300 && kinds("organization") > 200 && kinds("place") > 150);
}

/// `dossier ner` on a small hand-annotated sample (`tests/fixtures/ner-sample.jsonl`):
/// training writes a model that reads back, the same data gives the same bytes, and the
/// model scores and tags with it.
#[test]
fn ner_trains_a_model_twice_the_same_and_scores_and_tags_with_it() {
    let sample = workspace().join("tests/fixtures/ner-sample.jsonl");
    let sample = sample.to_str().unwrap_or_default();
    let dir = scratch("ner");
    let (first, second) = (dir.join("first.bin"), dir.join("second.bin"));
    for model in [&first, &second] {
        let output = dossier(&["ner", "train", sample, "-o", model.to_str().unwrap_or_default(), "--epochs", "5"]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stderr(&output).contains("trained on 8 documents"), "{}", stderr(&output));
    }
    let bytes = fs::read(&first).expect("a model was written");
    assert!(bytes.starts_with(b"DNER"), "the model file has its header");
    assert_eq!(bytes, fs::read(&second).expect("a second model"), "training is deterministic");

    // Scored on what it learned from: every kind is listed, and it learned something.
    let output = dossier(&["ner", "eval", sample, "--model", first.to_str().unwrap_or_default(), "--tagger-only"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    let f1 = |kind: &str| -> f64 {
        let line = table.lines().find(|line| line.starts_with(kind)).unwrap_or_else(|| panic!("{kind} row: {table}"));
        line.split_whitespace().nth(3).and_then(|value| value.parse().ok()).expect("an F1 column")
    };
    assert!(f1("all") > 0.5, "{table}");
    for kind in ["person", "organization", "place"] {
        assert!((0.0..=1.0).contains(&f1(kind)), "{table}");
    }

    // Errors, listed before the table, each with its document and sentence: here a name
    // the annotation leaves out ("wrong") and one no tagger finds ("missed").
    let odd = dir.join("odd.jsonl");
    let text = "Claudia Sheinbaum met the CIA in Mexico City on Monday.";
    let record = format!(
        r#"{{"id": "odd-1", "text": "{text}", "entities": [{{"start": 26, "end": 29, "label": "ORG"}}, {{"start": 48, "end": 54, "label": "LOC"}}]}}"#
    );
    fs::write(&odd, format!("{record}\n")).expect("writes");
    let output = dossier(&["ner", "eval", odd.to_str().unwrap_or_default(), "--show-errors"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&output);
    assert!(listed.contains(&format!("wrong  person       \"Claudia Sheinbaum\" in odd-1: {text}")), "{listed}");
    assert!(listed.contains(&format!("missed place        \"Monday\" in odd-1: {text}")), "{listed}");
    assert!(listed.find("wrong").unwrap_or(usize::MAX) < listed.find("precision").unwrap_or(0), "{listed}");

    // A held-out share is scored after training.
    let held_out = dir.join("held-out.bin");
    let output = dossier(&[
        "ner",
        "train",
        sample,
        "-o",
        held_out.to_str().unwrap_or_default(),
        "--epochs",
        "5",
        "--hold-out",
        "0.25",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("trained on 6 documents"), "{}", stderr(&output));
    assert!(stdout(&output).contains("held out:\n2 documents"), "{}", stdout(&output));

    // The shipped model tags text from standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["ner", "tag"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    std::io::Write::write_all(
        child.stdin.as_mut().expect("stdin"),
        "President Claudia Sheinbaum of Mexico spoke to The New York Times.\n".as_bytes(),
    )
    .expect("writes");
    let output = child.wait_with_output().expect("finishes");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "President [person Claudia Sheinbaum] of [place Mexico] spoke to [organization The New York Times].\n"
    );
}

/// Bad annotated files and model files get a message naming what is wrong, and exit 2.
#[test]
fn ner_reports_bad_files_by_line_and_bad_models() {
    let dir = scratch("ner-bad");
    for (name, text, reason) in [
        (
            "malformed.jsonl",
            "{\"id\": \"a\", \"text\": \"Ana\", \"entities\": []}\n{not json\n",
            "malformed.jsonl:2: not a record",
        ),
        (
            "label.jsonl",
            "{\"id\": \"a\", \"text\": \"Ana\", \"entities\": [{\"start\": 0, \"end\": 3, \"label\": \"HERO\"}]}\n",
            "label.jsonl:1: unknown label \"HERO\"",
        ),
        (
            "outside.jsonl",
            "{\"id\": \"a\", \"text\": \"Ana\", \"entities\": [{\"start\": 2, \"end\": 9, \"label\": \"PER\"}]}\n",
            "outside.jsonl:1: entity 2..9 is not inside one sentence",
        ),
    ] {
        let file = dir.join(name);
        fs::write(&file, text).expect("writes");
        let output = dossier(&["ner", "eval", file.to_str().unwrap_or_default()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(reason), "{}", stderr(&output));
    }

    let model = dir.join("model.bin");
    fs::write(&model, b"not a model").expect("writes");
    let sample = workspace().join("tests/fixtures/ner-sample.jsonl");
    let eval_with = |model: &Path| {
        dossier(&["ner", "eval", sample.to_str().unwrap_or_default(), "--model", model.to_str().unwrap_or_default()])
    };
    let output = eval_with(&model);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a Dossier name-tagger model: wrong header or version"),
        "{}",
        stderr(&output)
    );

    // A model of another format version, or learned with other feature templates, is
    // refused with a message naming both.
    let trained = dir.join("trained.bin");
    let output =
        dossier(&["ner", "train", sample.to_str().unwrap_or_default(), "-o", trained.to_str().unwrap_or_default()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = fs::read(&trained).expect("a model");
    let mut first_version = bytes.clone();
    first_version[4] = 1;
    fs::write(&model, first_version).expect("writes");
    let output = eval_with(&model);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("format version 1, and this build reads version 2"), "{}", stderr(&output));
    let at = bytes.windows(4).position(|window| window == b"bias").expect("the header names the templates");
    let mut other_templates = bytes.clone();
    other_templates[at..at + 4].copy_from_slice(b"BIAS");
    fs::write(&model, other_templates).expect("writes");
    let output = eval_with(&model);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the model has template 0 BIAS, where this build has template 0 bias"),
        "{}",
        stderr(&output)
    );
}

/// The extractor's passes are listed in order, and each optional one can be switched off
/// when scoring and ingesting; a pass that is not there, or that cannot be switched off,
/// is an error that says so.
#[test]
fn ner_lists_the_passes_and_switches_them_off_by_name() {
    let output = dossier(&["ner", "eval", "--passes"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&output);
    let names: Vec<&str> = listed.lines().filter_map(|line| line.split_whitespace().nth(2)).collect();
    let position = |name: &str| names.iter().position(|listed| *listed == name);
    assert!(position("tokenize") < position("tag") && position("tag") < position("surnames"), "{listed}");
    assert!(position("surnames") < position("merge"), "{listed}");
    assert!(listed.lines().any(|line| line.contains(" tag ") && line.ends_with("(always)")), "{listed}");

    // Scored with and without the pass that joins surnames to full names: "Biden" alone,
    // which the tagger takes for a place, is Joe Biden only with it.
    let dir = scratch("ner-passes");
    let sample = dir.join("biden.jsonl");
    let text = "Former Vice President of the United States Joe Biden won the primary , and Biden thanked voters .";
    let record = format!(
        r#"{{"id": "b", "text": "{text}", "entities": [{{"start": 29, "end": 42, "label": "LOC"}}, {{"start": 43, "end": 52, "label": "PER"}}, {{"start": 75, "end": 80, "label": "PER"}}]}}"#
    );
    fs::write(&sample, format!("{record}\n")).expect("writes");
    let sample = sample.to_str().unwrap_or_default();
    let right = |output: &Output| -> String {
        let table = stdout(output);
        table
            .lines()
            .find(|line| line.starts_with("all"))
            .and_then(|line| line.split_whitespace().nth(6))
            .unwrap_or_default()
            .to_owned()
    };
    let with = dossier(&["ner", "eval", sample]);
    assert!(with.status.success(), "{}", stderr(&with));
    let without = dossier(&["ner", "eval", sample, "--without", "surnames"]);
    assert!(without.status.success(), "{}", stderr(&without));
    assert_eq!((right(&with).as_str(), right(&without).as_str()), ("3", "2"), "{}{}", stdout(&with), stdout(&without));

    // The same switch when ingesting.
    let bundle = dir.join("bundle.json");
    let seed = workspace().join("data/seed");
    let output = dossier(&[
        "ingest",
        seed.to_str().unwrap_or_default(),
        "-o",
        bundle.to_str().unwrap_or_default(),
        "--without",
        "surnames",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    for (pass, reason) in
        [("no-such-pass", "no pass is named \"no-such-pass\""), ("tag", "the pass \"tag\" cannot be switched off")]
    {
        let output = dossier(&["ner", "eval", sample, "--without", pass]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(reason), "{}", stderr(&output));
    }
}

/// A reader's corrections folded into the next bundle: what applies is applied, what no
/// longer does is reported by edit; a bad file stops with its reason and writes nothing.
#[test]
fn ingest_applies_a_corrections_file_and_reports_what_no_longer_applies() {
    let dir = scratch("corrections");
    let corrections = dir.join("corrections.json");
    fs::write(
        &corrections,
        r#"{"version": 1, "edits": [
            {"do": "rename", "entity": "cia", "name": "Central Intelligence Agency"},
            {"do": "merge", "entity": "venezuela", "into": "mexico"},
            {"do": "hide", "entity": "breitbart-texas"},
            {"do": "kind", "entity": "atlantis", "kind": "place"}
        ]}"#,
    )
    .expect("writes");
    // The seed ingested into `bundle` with the corrections file.
    let ingest_corrected = |bundle: &Path| {
        dossier(&[
            "ingest",
            workspace().join("data/seed").to_str().unwrap_or_default(),
            "-o",
            bundle.to_str().unwrap_or_default(),
            "--corrections",
            corrections.to_str().unwrap_or_default(),
        ])
    };
    let bundle = dir.join("seed.json");
    let output = ingest_corrected(&bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    let log = stderr(&output);
    assert!(log.contains("corrections.json: edit 4: there is no entity \"atlantis\" in this collection"), "{log}");
    assert!(log.contains("applied 3 of 4 corrections"), "{log}");
    let output = dossier(&["entities", "--data", bundle.to_str().unwrap_or_default(), "--json"]);
    let entities = json_lines(&stdout(&output));
    let find = |id: &str| entities.iter().find(|entity| entity["id"] == id);
    assert_eq!(find("cia").expect("kept")["name"], "Central Intelligence Agency");
    assert!(find("venezuela").is_none() && find("breitbart-texas").is_none());
    let mexico = find("mexico").expect("kept");
    assert!(
        mexico["aliases"].as_array().is_some_and(|aliases| aliases.iter().any(|alias| alias == "Venezuela")),
        "{mexico}"
    );

    for (text, reason) in [
        ("{\"version\": 7, \"edits\": []}", "corrections file format version 7; this Dossier reads version 1"),
        ("{not json", "not a Dossier corrections file"),
    ] {
        fs::write(&corrections, text).expect("writes");
        let fresh = dir.join("fresh.json");
        let output = ingest_corrected(&fresh);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(reason), "{}", stderr(&output));
        assert!(!fresh.exists(), "nothing written");
    }
}

/// Search on the real Reuters-21578 collection reads ordinary queries as a person means
/// them (issue 25's failure classes): a misspelling finds the common word even where the
/// collection itself holds the misspelling or a rare name it spells, a name the extractor
/// found is a likelier reading than a word in every article, the word as typed ranks
/// above a different word sharing its stem, two words side by side come first, and a word
/// in no article, or words that match only apart, are read as the likeliest query within
/// reach. Ignored (and so reported) when `shared/corpus` is
/// absent.
#[test]
#[cfg_attr(shared_corpus_absent, ignore = "../shared/corpus/reuters21578.jsonl is absent")]
fn reuters_search_reads_misspellings_names_and_stems_as_meant() {
    let corpus = workspace().join("../shared/corpus/reuters21578.jsonl");
    let dir = scratch("reuters");
    let bundle = dir.join("reuters.json");
    let output = ingest(&corpus, &bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    let data = bundle.to_str().unwrap_or_default();
    let search = |query: &str| {
        let output = dossier(&["search", "--data", data, "--json", "--limit", "10", query]);
        json_lines(&stdout(&output))
    };
    // The reading each of the first ten results was matched by.
    let readings = |query: &str| -> Vec<String> {
        search(query)
            .iter()
            .filter(|line| line.get("id").is_some())
            .map(|line| line["matched"][0]["matched"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    for (typed, meant) in [
        ("suger ", "sugar"),          // "suger" is in 2 articles, sugar in 283
        ("goverment ", "government"), // the README's example; the misspelling is in 8
        ("nickle ", "nickel"),        // not Senator Nickles
        ("rubbr ", "rubber"),
        ("soyabeans ", "soybeans"), // the British spelling is in 1
        ("yeuter ", "yeutter"),     // not "reuter", in every article
        ("volker ", "volcker"),     // not the firm Volker
        ("nakasoni ", "nakasone"),
        ("thacher ", "thatcher"),
        ("housing ", "housing"), // not the House
    ] {
        assert_eq!(readings(typed), vec![meant.to_owned(); 10], "{typed:?}");
    }
    // The 15 articles with "housing starts" side by side lead, as typed and once typed.
    for typed in ["housing starts", "housing starts "] {
        let hits = search(typed);
        assert!(hits.iter().all(|hit| hit["rank"]["proximity"] == 0.0), "{typed:?}: {hits:#?}");
    }
    // Nothing matches as typed: the likeliest query within reach is searched instead, as
    // the viewer does, and says so; the exit status still says the typed words are in no
    // article. A word in no article is read as the likeliest word within reach; with every
    // word matching something but not together, one word is (`oll` spells the name Olle).
    for (typed, shown, meant) in [("dowster ", "Dauster", "dauster"), ("fuel oll", "fuel oil", "oil")] {
        let output = dossier(&["search", "--data", data, typed]);
        assert_eq!(output.status.code(), Some(1), "{typed:?}");
        let printed = stdout(&output);
        assert!(printed.starts_with(&format!("No article matches {typed:?}; showing {shown} instead")), "{printed}");
        // The reading of each result's last word.
        let read: Vec<String> = search(typed)
            .iter()
            .filter(|line| line.get("id").is_some())
            .filter_map(|line| line["matched"].as_array()?.last()?["matched"].as_str().map(str::to_owned))
            .collect();
        assert!(read.len() == 10 && read.iter().all(|reading| reading == meant), "{typed:?}: {read:?}");
    }
    // `--explain` names the rule that ordered two results.
    let output = dossier(&["search", "--data", data, "--explain", "--limit", "3", "housing starts"]);
    assert!(stdout(&output).contains("ranked first: readings 0, exactness 0, proximity 0"), "{}", stdout(&output));
    assert!(stdout(&output).contains("ranked after the one above by "), "{}", stdout(&output));
}

/// The saved pages the HTML reader's own tests use.
fn html_fixture(name: &str) -> String {
    fs::read_to_string(workspace().join("crates/dossier-ingest/tests/fixtures/html").join(name))
        .expect("an HTML fixture")
}

/// A folder of what people collect: saved pages (one saved twice, one a front page of
/// links), a feed, a Markdown note, and inputs that cannot be read.
fn collected(dir: &Path) -> PathBuf {
    let inputs = dir.join("collected");
    fs::create_dir_all(inputs.join("pages")).expect("folders");
    fs::write(inputs.join("pages/ferry.html"), html_fixture("news.html")).expect("write");
    fs::write(inputs.join("pages/ferry (1).html"), html_fixture("news.html")).expect("write");
    fs::write(inputs.join("pages/front.html"), html_fixture("front.html")).expect("write");
    fs::write(inputs.join("pages/undated.html"), html_fixture("nodate.html")).expect("write");
    fs::write(
        inputs.join("outlet.xml"),
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bay Wire</title>
<item><title>Council delays budget vote</title><link>https://wire.example/budget</link><guid>budget-1</guid>
<pubDate>Fri, 16 Jan 2026 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The city council delayed its budget vote by a week.</p><p>Members asked for <b>more time</b>.<script>alert(1)</script></p>]]></content:encoded></item>
<item><title>Harbour dredging starts</title><link>https://wire.example/dredging</link><guid>dredge-1</guid>
<pubDate>Sat, 17 Jan 2026 08:00:00 GMT</pubDate><description>Dredging of the outer harbour began on Saturday.</description></item>
</channel></rss>"#,
    )
    .expect("write");
    fs::write(inputs.join("broken.rss"), "<rss><channel><item><title>Cut off").expect("write");
    fs::write(
        inputs.join("note.md"),
        "---\ntitle: Notes from the ferry hearing\ndate: 2026-01-18\nauthor: [A. Reader]\ntags: [ferry]\n---\n\nThe [hearing](https://example.com/h) ran *late*.\n",
    )
    .expect("write");
    fs::write(inputs.join("records.jsonl"), "[1, 2, 3]\n").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&inputs, inputs.join("pages/loop")).expect("a symlink loop");
    inputs
}

#[test]
fn saved_pages_feeds_and_notes_go_in_and_every_bad_input_is_named() {
    let dir = scratch("collected");
    let inputs = collected(&dir);
    let bundle = dir.join("out.json");
    let output = ingest(&inputs, &bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    let folder = inputs.display().to_string();
    for expected in [
        format!("{folder}/broken.rss:1: not a readable feed"),
        format!("{folder}/pages/front.html:1: not an article"),
        format!("{folder}/pages/undated.html:1: no publication date"),
        format!("{folder}/records.jsonl:1: expected an object (one JSON object a line), found an array"),
        format!("{folder}/pages/loop:1: symlink loop"),
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in:\n{errors}");
    }
    // 2 pages (one saved twice), 2 feed items, 1 note; 5 rejected inputs; the copy folded.
    assert!(errors.contains("read 10 articles from 8 file(s): 4 written, 5 rejected, 1 folded"), "{errors}");
    let written: Bundle = Bundle::from_json(&fs::read_to_string(&bundle).expect("bundle")).expect("a bundle");
    assert_eq!(written.format_version, 2);
    let by_title = |title: &str| written.articles.iter().find(|article| article.title.contains(title));
    let page = by_title("ferry terminal").or_else(|| by_title("Ferry terminal")).expect("the saved page");
    assert_eq!(page.copies.len(), 1, "the page saved twice is one article listing its copy");
    assert_eq!(page.source, "The Harbour Gazette");
    let council = by_title("Council delays budget vote").expect("the feed's full item");
    assert!(!council.summary);
    assert_eq!(council.body, ["The city council delayed its budget vote by a week.", "Members asked for more time."]);
    let dredging = by_title("Harbour dredging starts").expect("the feed's summary item");
    assert!(dredging.summary, "an item with only a description is marked a summary");
    let note = by_title("Notes from the ferry hearing").expect("the note");
    assert_eq!(note.body, ["The hearing ran late."]);
    assert_eq!(note.author.as_deref(), Some("A. Reader"));
    // --default-date lets the undated page in.
    let output = dossier(&[
        "ingest",
        inputs.join("pages/undated.html").to_str().unwrap_or_default(),
        "--default-date",
        "2026-01-20",
        "-o",
        dir.join("undated.json").to_str().unwrap_or_default(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn the_bundle_does_not_depend_on_the_threads_and_adding_twice_changes_nothing() {
    let dir = scratch("threads");
    let inputs = collected(&dir);
    let run = |threads: &str, out: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["ingest", inputs.to_str().unwrap_or_default(), "--name", "Collected", "-o"])
            .arg(dir.join(out))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", stderr(&output));
        fs::read(dir.join(out)).expect("written")
    };
    assert_eq!(run("1", "one.json"), run("3", "three.json"), "one thread or three, the same bytes");
    // --into adds what is new and keeps what is there; twice changes nothing.
    let first = dir.join("first.json");
    let output = ingest(&inputs.join("pages/ferry.html"), &first);
    assert!(output.status.success(), "{}", stderr(&output));
    let into = |input: &Path| {
        dossier(&["ingest", input.to_str().unwrap_or_default(), "--into", first.to_str().unwrap_or_default()])
    };
    let output = into(&inputs.join("outlet.xml"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("2 written, 0 rejected, 0 folded"), "{}", stderr(&output));
    let once = fs::read(&first).expect("bundle");
    let output = into(&inputs.join("outlet.xml"));
    assert!(
        stderr(&output).contains("0 written, 0 rejected, 0 folded")
            && stderr(&output).contains("2 already in the bundle"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&first).expect("bundle"), once, "adding the same files again changes nothing");
    let bundle = Bundle::from_json(&String::from_utf8_lossy(&once)).expect("a bundle");
    assert_eq!(bundle.articles.len(), 3, "the page, then the two feed items");
}

/// Unreadable entries of a folder, made without permissions (the tests run as root, who
/// reads any file): a symlink named like a page whose target is gone is rejected with the
/// operating system's reason, and the rest is written. A folder named like a page is a
/// folder: what it holds is read, and it is not itself rejected.
#[cfg(unix)]
#[test]
fn a_dangling_symlink_and_a_pipe_are_rejected_and_a_folder_named_like_a_page_is_read_as_a_folder() {
    let dir = scratch("unreadable");
    let inputs = dir.join("in");
    fs::create_dir_all(inputs.join("saved.html")).expect("a folder named like a page");
    fs::create_dir_all(inputs.join("empty.html")).expect("an empty folder named like a page");
    fs::write(inputs.join("ferry.html"), html_fixture("news.html")).expect("write");
    fs::write(
        inputs.join("saved.html/note.md"),
        "---\ntitle: Notes from the ferry hearing\ndate: 2026-01-18\n---\n\nThe hearing ran late.\n",
    )
    .expect("write");
    std::os::unix::fs::symlink(dir.join("nowhere.html"), inputs.join("gone.html")).expect("a dangling symlink");
    // A named pipe in a folder: reading it would wait for ever.
    let fifo = Command::new("mkfifo").arg(inputs.join("pipe.html")).status().expect("mkfifo runs");
    assert!(fifo.success(), "mkfifo");
    let bundle = dir.join("out.json");
    let output = ingest(&inputs, &bundle);
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    let folder = inputs.display().to_string();
    let expected = format!("{folder}/gone.html:1: cannot read: No such file or directory");
    assert!(errors.lines().any(|line| line.starts_with(&expected)), "missing {expected:?} in:\n{errors}");
    let expected = format!("{folder}/pipe.html:1: not a regular file (a named pipe, socket or device): not read");
    assert!(errors.lines().any(|line| line == expected), "missing {expected:?} in:\n{errors}");
    assert!(!errors.contains("saved.html:") && !errors.contains("empty.html"), "folders are not rejected: {errors}");
    // The page and the note in the folder named like a page; the symlink and the pipe rejected.
    assert!(errors.contains("read 4 articles from 2 file(s): 2 written, 2 rejected, 0 folded"), "{errors}");
    let written: Bundle = Bundle::from_json(&fs::read_to_string(&bundle).expect("bundle")).expect("a bundle");
    let mut titles: Vec<&str> = written.articles.iter().map(|article| article.title.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().any(|title| title.contains("erry terminal")), "{titles:?}");
    assert!(titles.contains(&"Notes from the ferry hearing"), "{titles:?}");
    // Named on the command line, the dangling symlink is the same rejection, and with
    // nothing else to write the run fails as for any input that cannot be read.
    let output = ingest(&inputs.join("gone.html"), &dir.join("none.json"));
    assert_eq!(output.status.code(), Some(2));
    let expected = format!("{folder}/gone.html:1: cannot read: No such file or directory");
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(!dir.join("none.json").exists());
}
