//! Likely duplicates of one entity: the entities of its kind whose name is nearly its own
//! (case, accents and punctuation aside: a letter or two apart in a long name, as
//! Organization and Organisation, or the same but for a legal suffix such as "Inc"), or
//! that share a name or alias with it. Cheap enough to run for the entity being shown: one
//! pass over the entities, most of them left at a length check.

use dossier_format::{Entity, EntityId};
use dossier_text::fold;

/// Legal suffixes a company's name is written with or without.
const LEGAL_SUFFIXES: [&str; 9] = ["inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "company"];

/// The entities of `entities` (a collection's table) that are likely the same as the one
/// at `of`, in the table's order.
pub fn likely_duplicates(entities: &[Entity], of: EntityId) -> Vec<EntityId> {
    let entity = &entities[of.index()];
    let names = forms(entity);
    entities
        .iter()
        .enumerate()
        .filter(|&(at, other)| at != of.index() && other.kind == entity.kind)
        .filter(|(_, other)| {
            let others = forms(other);
            similar(&names[0], &others[0]) || names.iter().any(|name| others.contains(name))
        })
        .map(|(at, _)| EntityId(at as u32))
        .collect()
}

/// An entity's name then its aliases, each folded to lowercase words without accents or
/// punctuation.
fn forms(entity: &Entity) -> Vec<String> {
    std::iter::once(&entity.name).chain(&entity.aliases).map(|name| words(name)).collect()
}

/// `name` folded, as words apart by single spaces.
fn words(name: &str) -> String {
    fold(name).split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Without a legal suffix, if it ends with one.
fn without_suffix(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((rest, last)) if LEGAL_SUFFIXES.contains(&last) => rest,
        _ => name,
    }
}

/// Whether two folded names are nearly the same: equal but for a legal suffix, or one
/// letter apart from 8 letters, two from 16.
fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (without_suffix(a), without_suffix(b));
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let allowed = match a.len().min(b.len()) {
        0..8 => return false,
        8..16 => 1,
        _ => 2,
    };
    a.len().abs_diff(b.len()) <= allowed && distance(&a, &b) <= allowed
}

/// The Levenshtein distance between `a` and `b`.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use dossier_format::EntityKind;

    use super::*;

    fn entity(name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
        Entity {
            id: name.to_lowercase(),
            kind,
            name: name.to_owned(),
            aliases: aliases.iter().map(|&alias| alias.to_owned()).collect(),
        }
    }

    fn duplicates_of(names: &[Entity]) -> Vec<&str> {
        likely_duplicates(names, EntityId(0)).into_iter().map(|id| names[id.index()].name.as_str()).collect()
    }

    #[test]
    fn spellings_a_letter_apart_in_a_long_name() {
        let org = EntityKind::Organization;
        let entities = [
            entity("International Coffee Organization", org, &[]),
            entity("International Coffee Organisation", org, &[]),
            entity("International Cocoa Organization", org, &[]),
            entity("International Sugar Organization", org, &[]),
        ];
        assert_eq!(duplicates_of(&entities), ["International Coffee Organisation"]);
    }

    #[test]
    fn case_accents_punctuation_and_legal_suffixes_do_not_matter() {
        let org = EntityKind::Organization;
        let entities = [
            entity("Petróleos Mexicanos", org, &[]),
            entity("PETROLEOS MEXICANOS S.A.", org, &[]),
            entity("petroleos mexicanos", org, &[]),
            entity("Texaco Inc", org, &[]),
        ];
        assert_eq!(duplicates_of(&entities), ["petroleos mexicanos"]);
        let entities = [entity("Texaco", org, &[]), entity("Texaco Inc.", org, &[]), entity("Texas Corp", org, &[])];
        assert_eq!(duplicates_of(&entities), ["Texaco Inc."]);
    }

    #[test]
    fn a_shared_alias_counts() {
        let place = EntityKind::Place;
        let entities = [
            entity("United States", place, &["U.S."]),
            entity("USA", place, &["US"]),
            entity("America", place, &["US"]),
        ];
        assert_eq!(duplicates_of(&entities), ["USA", "America"]);
    }

    #[test]
    fn short_names_other_kinds_and_itself_are_not_duplicates() {
        let (org, person) = (EntityKind::Organization, EntityKind::Person);
        let entities = [
            entity("Exxon Corp", org, &[]),
            entity("Exxon", person, &[]),
            entity("Axxon", org, &[]),
            entity("Exxon Corp", org, &[]),
        ];
        assert_eq!(duplicates_of(&entities), ["Exxon Corp"]);
        let people = [entity("John Smith", person, &[]), entity("Jane Smith", person, &[])];
        assert!(duplicates_of(&people).is_empty(), "two letters apart in a short name");
    }
}
