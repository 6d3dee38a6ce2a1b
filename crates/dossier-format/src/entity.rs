//! Entities: the people, organizations and places a collection's articles mention.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Position of an entity in a loaded [`crate::Corpus`]' entity table (the stable identifier
/// is [`Entity::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub u32);

impl EntityId {
    /// The index of the entity in the corpus' entity table.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What sort of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A human being.
    Person,
    /// A company, agency, party, newspaper, armed group...
    Organization,
    /// A country, region, city or other geographic place.
    Place,
}

impl EntityKind {
    /// Every kind, in the order the viewer lists them.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];

    /// The kind's place in [`EntityKind::ALL`].
    pub fn position(self) -> usize {
        match self {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Place => 2,
        }
    }

    /// The word used in the bundle and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }

    /// A plural heading for lists of this kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organizations",
            EntityKind::Place => "Places",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of the collection's entity table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier, unique in the collection (a slug of the name).
    pub id: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// The canonical name shown to readers.
    pub name: String,
    /// Other ways the articles name it ("Sheinbaum", "U.S.", "the Times").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A lowercase ASCII slug for ids: `Claudia Sheinbaum` becomes `claudia-sheinbaum`.
pub fn slug(name: &str) -> String {
    let folded = dossier_text::fold(name);
    let mut slug = String::with_capacity(folded.len());
    for character in folded.chars() {
        if character.is_alphanumeric() {
            slug.push(character);
        } else if !slug.is_empty() && !slug.ends_with('-') && character != '.' {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_folded_and_dashed() {
        assert_eq!(slug("Claudia Sheinbaum"), "claudia-sheinbaum");
        assert_eq!(slug("Donald J. Trump"), "donald-j-trump");
        assert_eq!(slug("U.S."), "us");
        assert_eq!(slug("Nicolás Maduro"), "nicolas-maduro");
        assert_eq!(slug("The New York Times"), "the-new-york-times");
    }
}
