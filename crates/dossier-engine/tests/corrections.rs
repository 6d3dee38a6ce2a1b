//! A reader's corrections applied to the fixture collection: the corrected bundle must
//! still load as a consistent corpus (the engine checks it), and what cannot apply is
//! skipped with a reason.

use dossier_engine::{ArticleId, Corpus, EntityKind, Selection, fixtures};
use dossier_format::corrections::*;

fn applied(edits: Vec<Edit>) -> (Corpus, Vec<Skipped>) {
    let mut bundle = fixtures::bundle();
    let skipped = Corrections { edits, ..Corrections::default() }.apply(&mut bundle);
    (Corpus::from_bundle(bundle).expect("corrections keep the bundle consistent"), skipped)
}

fn names(corpus: &Corpus) -> Vec<String> {
    corpus.entities().iter().map(|entity| format!("{} {}", entity.kind, entity.name)).collect()
}

fn mentions_of(corpus: &Corpus, id: &str) -> usize {
    let Some(entity) = corpus.entity_by_key(id) else { return 0 };
    (0..corpus.article_count() as u32)
        .map(|article| corpus.mentions(ArticleId(article)).iter().filter(|m| m.entity == entity).count())
        .sum()
}

#[test]
fn hide_merge_rename_and_kind_apply_everywhere() {
    let before = fixtures::corpus();
    let texas_mentions = mentions_of(&before, "texas");
    let (corpus, skipped) = applied(vec![
        Edit::Merge { entity: "texas".into(), into: "united-states".into() },
        Edit::Hide { entity: "venezuela".into() },
        Edit::Rename { entity: "mexico".into(), name: "Estados Unidos Mexicanos".into() },
        Edit::Kind { entity: "claudia-sheinbaum".into(), kind: EntityKind::Organization },
    ]);
    assert_eq!(skipped, []);
    assert!(corpus.entity_by_key("texas").is_none() && corpus.entity_by_key("venezuela").is_none());
    let united_states = corpus.entity(corpus.entity_by_key("united-states").expect("kept"));
    assert!(united_states.aliases.contains(&"Texas".to_owned()), "{united_states:?}");
    assert_eq!(mentions_of(&corpus, "united-states"), mentions_of(&before, "united-states") + texas_mentions);
    let mexico = corpus.entity(corpus.entity_by_key("mexico").expect("kept"));
    assert_eq!(mexico.name, "Estados Unidos Mexicanos");
    assert!(mexico.aliases.contains(&"Mexico".to_owned()));
    assert_eq!(corpus.entity(corpus.entity_by_key("claudia-sheinbaum").expect("kept")).kind, EntityKind::Organization);
    // Search by the new name finds the article, through the entity names field.
    let view = corpus.select(&Selection { query: "mexicanos ".into(), ..Selection::default() });
    assert_eq!(view.hits.len(), 2);
    assert_eq!(names(&corpus).len(), names(&before).len() - 2);
}

#[test]
fn what_cannot_apply_is_skipped_with_the_reason_and_the_rest_applies() {
    let (corpus, skipped) = applied(vec![
        Edit::Hide { entity: "atlantis".into() },
        Edit::Merge { entity: "texas".into(), into: "united-states".into() },
        Edit::Merge { entity: "united-states".into(), into: "texas".into() },
        Edit::Merge { entity: "mexico".into(), into: "mexico".into() },
        Edit::Rename { entity: "mexico".into(), name: "  ".into() },
        Edit::Kind { entity: "texas".into(), kind: EntityKind::Person },
        Edit::Hide { entity: "venezuela".into() },
        Edit::Rename { entity: "venezuela".into(), name: "V".into() },
    ]);
    let reasons: Vec<(usize, &str)> = skipped.iter().map(|skip| (skip.edit, skip.reason.as_str())).collect();
    assert_eq!(
        reasons,
        [
            (0, "there is no entity \"atlantis\" in this collection"),
            (2, "merging \"united-states\" into \"texas\" would make a cycle"),
            (3, "\"mexico\" cannot be merged into itself"),
            (4, "\"mexico\" cannot be renamed to nothing"),
            (5, "\"texas\" was merged into \"united-states\" before"),
            (7, "\"venezuela\" was hidden before"),
        ]
    );
    assert!(corpus.entity_by_key("venezuela").is_none(), "later edits still apply");
}

#[test]
fn a_merge_that_would_make_a_cycle_is_refused() {
    let (corpus, skipped) = applied(vec![
        Edit::Merge { entity: "texas".into(), into: "united-states".into() },
        Edit::Merge { entity: "united-states".into(), into: "mexico".into() },
        Edit::Merge { entity: "mexico".into(), into: "venezuela".into() },
    ]);
    assert_eq!(skipped, []);
    let venezuela = corpus.entity(corpus.entity_by_key("venezuela").expect("kept"));
    for name in ["Texas", "United States", "Mexico"] {
        assert!(venezuela.aliases.contains(&name.to_owned()), "{name}: {venezuela:?}");
    }
    // A two-step cycle: a into b, then b into a.
    let mut bundle = fixtures::bundle();
    let skipped = Corrections {
        edits: vec![
            Edit::Merge { entity: "texas".into(), into: "mexico".into() },
            Edit::Merge { entity: "mexico".into(), into: "venezuela".into() },
            Edit::Merge { entity: "venezuela".into(), into: "mexico".into() },
        ],
        ..Corrections::default()
    }
    .apply(&mut bundle);
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].reason, "merging \"venezuela\" into \"mexico\" would make a cycle");
    Corpus::from_bundle(bundle).expect("consistent");
}

#[test]
fn files_round_trip_and_bad_ones_are_refused_with_a_reason() {
    let corrections = Corrections {
        edits: vec![
            Edit::Hide { entity: "a".into() },
            Edit::Kind { entity: "b".into(), kind: EntityKind::Place },
            Edit::Merge { entity: "c".into(), into: "d".into() },
            Edit::Rename { entity: "e".into(), name: "É".into() },
        ],
        ..Corrections::default()
    };
    let text = corrections.to_json();
    assert!(text.contains(r#"{"do":"merge","entity":"c","into":"d"}"#), "{text}");
    assert_eq!(Corrections::from_json(&text), Ok(corrections));
    assert_eq!(Corrections::from_json(r#"{"version": 2, "edits": []}"#), Err(CorrectionsError::Version { found: 2 }));
    for bad in ["", "{", "[]", r#"{"version": 1}"#, r#"{"version": 1, "edits": [{"do": "explode", "entity": "a"}]}"#] {
        let error = Corrections::from_json(bad).expect_err(bad);
        assert!(matches!(error, CorrectionsError::Malformed(_)), "{bad}: {error}");
        assert!(error.to_string().starts_with("not a Dossier corrections file: "));
    }
}
