//! A reader's corrections to the entities the extractor found: hide a wrong one, merge
//! two, rename one, change a kind. They are kept apart from the collection (the app keeps
//! them in the browser; the command line applies a file of them when it ingests) and
//! applied, in order, to a bundle before it is read, so they hold everywhere: facets,
//! pages, highlights and search by entity name.
//!
//! The file is small JSON: `{"version": 1, "edits": [{"do": "rename", "entity": "cia",
//! "name": "Central Intelligence Agency"}, ...]}`. Edits name entities by their stable
//! ids; an edit that names what the collection lacks, or a merge that would make a cycle,
//! is skipped with the reason, and the rest still apply.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::{Bundle, EntityKind};

/// The version of the corrections format this build reads and writes.
pub const CORRECTIONS_VERSION: u32 = 1;

/// A reader's corrections, in the order they were made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Always [`CORRECTIONS_VERSION`] when written by this build.
    pub version: u32,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
}

impl Default for Corrections {
    fn default() -> Corrections {
        Corrections { version: CORRECTIONS_VERSION, edits: Vec::new() }
    }
}

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FlatEdit", into = "FlatEdit")]
pub enum Edit {
    /// The entity is wrong: it and its mentions go.
    Hide {
        /// The entity's id.
        entity: String,
    },
    /// The entity is another way of writing `into`: its mentions and names join it.
    Merge {
        /// The entity that goes.
        entity: String,
        /// The entity that stays.
        into: String,
    },
    /// The entity has another name (the old one stays an alias).
    Rename {
        /// The entity's id.
        entity: String,
        /// Its new name.
        name: String,
    },
    /// The entity is of another kind.
    Kind {
        /// The entity's id.
        entity: String,
        /// Its kind.
        kind: EntityKind,
    },
}

/// An edit as the file writes it: `{"do": "merge", "entity": ..., "into": ...}`. (Read
/// through this flat form rather than serde's tagged enums, whose reader costs the app's
/// download several kilobytes.)
#[derive(Clone, Serialize, Deserialize)]
struct FlatEdit {
    #[serde(rename = "do")]
    action: String,
    entity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    into: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<EntityKind>,
}

impl TryFrom<FlatEdit> for Edit {
    type Error = String;

    fn try_from(flat: FlatEdit) -> Result<Edit, String> {
        let FlatEdit { action, entity, into, name, kind } = flat;
        let missing = |field: &str| format!("a {action:?} edit needs {field:?}");
        Ok(match action.as_str() {
            "hide" => Edit::Hide { entity },
            "merge" => Edit::Merge { entity, into: into.ok_or_else(|| missing("into"))? },
            "rename" => Edit::Rename { entity, name: name.ok_or_else(|| missing("name"))? },
            "kind" => Edit::Kind { entity, kind: kind.ok_or_else(|| missing("kind"))? },
            other => return Err(format!("unknown edit {other:?} (hide, merge, rename or kind)")),
        })
    }
}

impl From<Edit> for FlatEdit {
    fn from(edit: Edit) -> FlatEdit {
        let flat = |action: &str, entity: String| FlatEdit {
            action: action.to_owned(),
            entity,
            into: None,
            name: None,
            kind: None,
        };
        match edit {
            Edit::Hide { entity } => flat("hide", entity),
            Edit::Merge { entity, into } => FlatEdit { into: Some(into), ..flat("merge", entity) },
            Edit::Rename { entity, name } => FlatEdit { name: Some(name), ..flat("rename", entity) },
            Edit::Kind { entity, kind } => FlatEdit { kind: Some(kind), ..flat("kind", entity) },
        }
    }
}

impl Edit {
    /// The entity the edit changes.
    pub fn entity(&self) -> &str {
        match self {
            Edit::Hide { entity }
            | Edit::Merge { entity, .. }
            | Edit::Rename { entity, .. }
            | Edit::Kind { entity, .. } => entity,
        }
    }
}

/// Why a corrections file cannot be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionsError {
    /// Not JSON of the expected shape.
    #[error("not a Dossier corrections file: {0}")]
    Malformed(String),
    /// Another version of the format.
    #[error("corrections file format version {found}; this Dossier reads version {CORRECTIONS_VERSION}")]
    Version {
        /// The version the file declares.
        found: u32,
    },
}

/// An edit that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its place among the edits, from 0.
    pub edit: usize,
    /// Why, in a sentence.
    pub reason: String,
}

impl Corrections {
    /// Reads a corrections file, and checks its version.
    pub fn from_json(text: &str) -> Result<Corrections, CorrectionsError> {
        let corrections: Corrections =
            serde_json::from_str(text).map_err(|error| CorrectionsError::Malformed(error.to_string()))?;
        if corrections.version != CORRECTIONS_VERSION {
            return Err(CorrectionsError::Version { found: corrections.version });
        }
        Ok(corrections)
    }

    /// The file's text: one edit a line.
    pub fn to_json(&self) -> String {
        let edits: Vec<String> =
            self.edits.iter().map(|edit| serde_json::to_string(edit).unwrap_or_default()).collect();
        format!("{{\"version\": {}, \"edits\": [\n  {}\n]}}\n", self.version, edits.join(",\n  "))
    }

    /// Applies the edits in order to `bundle`'s entities and mentions. An edit naming an
    /// entity the bundle lacks (or one hidden or merged away before), a merge into itself
    /// or one that would make a cycle, and an empty name are skipped with the reason.
    pub fn apply(&self, bundle: &mut Bundle) -> Vec<Skipped> {
        let mut skipped = Vec::new();
        let index: HashMap<String, usize> =
            bundle.entities.iter().enumerate().map(|(at, entity)| (entity.id.clone(), at)).collect();
        // Where each merged entity went, and which are hidden.
        let mut merged_into: HashMap<usize, usize> = HashMap::new();
        let mut hidden = vec![false; bundle.entities.len()];
        for (at, edit) in self.edits.iter().enumerate() {
            let mut skip = |reason: String| skipped.push(Skipped { edit: at, reason });
            let find = |id: &str| -> Result<usize, String> {
                match index.get(id) {
                    None => Err(format!("there is no entity {id:?} in this collection")),
                    Some(&at) if hidden[at] => Err(format!("{id:?} was hidden before")),
                    Some(&at) => Ok(at),
                }
            };
            let target = match find(edit.entity()) {
                Ok(target) if merged_into.contains_key(&target) => {
                    let kept = &bundle.entities[resolves_to(&merged_into, target)].id;
                    skip(format!("{:?} was merged into {kept:?} before", edit.entity()));
                    continue;
                }
                Ok(target) => target,
                Err(reason) => {
                    skip(reason);
                    continue;
                }
            };
            match edit {
                Edit::Hide { .. } => hidden[target] = true,
                Edit::Merge { into, .. } => {
                    // Into what `into` has become, if it was merged itself.
                    let kept = match find(into) {
                        Ok(kept) => resolves_to(&merged_into, kept),
                        Err(reason) => {
                            skip(reason);
                            continue;
                        }
                    };
                    if kept == target {
                        let reason = if into == edit.entity() {
                            format!("{into:?} cannot be merged into itself")
                        } else {
                            format!("merging {:?} into {into:?} would make a cycle", edit.entity())
                        };
                        skip(reason);
                        continue;
                    }
                    let gone = bundle.entities[target].clone();
                    let stays = &mut bundle.entities[kept];
                    for name in std::iter::once(gone.name).chain(gone.aliases) {
                        if name != stays.name && !stays.aliases.contains(&name) {
                            stays.aliases.push(name);
                        }
                    }
                    merged_into.insert(target, kept);
                }
                Edit::Rename { name, .. } => {
                    let name = name.trim();
                    if name.is_empty() {
                        skip(format!("{:?} cannot be renamed to nothing", edit.entity()));
                        continue;
                    }
                    let entity = &mut bundle.entities[target];
                    let old = std::mem::replace(&mut entity.name, name.to_owned());
                    entity.aliases.retain(|alias| alias != name);
                    if old != name && !entity.aliases.contains(&old) {
                        entity.aliases.insert(0, old);
                    }
                }
                Edit::Kind { kind, .. } => bundle.entities[target].kind = *kind,
            }
        }
        settle(bundle, &index, &merged_into, &hidden);
        skipped
    }
}

/// Mentions follow merges and hidden entities lose theirs; then the entities merged away
/// or hidden leave the table.
fn settle(bundle: &mut Bundle, index: &HashMap<String, usize>, merged_into: &HashMap<usize, usize>, hidden: &[bool]) {
    let ids: Vec<String> = bundle.entities.iter().map(|entity| entity.id.clone()).collect();
    for article in &mut bundle.articles {
        article.mentions.retain_mut(|mention| {
            let Some(&at) = index.get(mention.entity.as_str()) else { return true };
            let kept = resolves_to(merged_into, at);
            mention.entity.clone_from(&ids[kept]);
            !hidden[kept]
        });
    }
    let mut at = 0;
    bundle.entities.retain(|_| {
        let keep = !hidden[at] && !merged_into.contains_key(&at);
        at += 1;
        keep
    });
}

/// Where an entity's mentions end up after the merges so far.
fn resolves_to(merged_into: &HashMap<usize, usize>, mut entity: usize) -> usize {
    while let Some(&next) = merged_into.get(&entity) {
        entity = next;
    }
    entity
}
