//! Word lists the entity extractor leans on: well-known places and organizations (with
//! their aliases), given names, titles and the words that mark organizations and places.
//! General knowledge only; nothing here is tuned to one collection.

use rustc_hash::FxHashMap;

use dossier_format::EntityKind;
use dossier_text::fold;

/// One well-known entity.
#[derive(Debug)]
pub(crate) struct Known {
    pub kind: EntityKind,
    pub name: &'static str,
}

/// An alias of a well-known entity, and whether the text must write it in capitals.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnownAlias {
    pub known: usize,
    pub capitals_only: bool,
}

/// The parsed `gazetteer.txt`: entities and a lookup by folded alias.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub known: Vec<Known>,
    by_alias: FxHashMap<String, Vec<KnownAlias>>,
}

impl Gazetteer {
    /// The gazetteer Dossier ships, parsed from its file: the entry points read it once
    /// and pass it down.
    pub fn builtin() -> Gazetteer {
        Gazetteer::parse(include_str!("gazetteer.txt"))
    }

    fn parse(text: &'static str) -> Gazetteer {
        let mut known = Vec::new();
        let mut by_alias: FxHashMap<String, Vec<KnownAlias>> = FxHashMap::default();
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
            let mut fields = line.split('|');
            let kind = match fields.next() {
                Some("place") => EntityKind::Place,
                Some("organization") => EntityKind::Organization,
                Some("person") => EntityKind::Person,
                _ => continue,
            };
            let Some(name) = fields.next() else { continue };
            let index = known.len();
            known.push(Known { kind, name });
            for alias in std::iter::once(name).chain(fields) {
                let capitals_only = dossier_text::in_capitals(alias, 0);
                by_alias.entry(fold(alias)).or_default().push(KnownAlias { known: index, capitals_only });
            }
        }
        Gazetteer { known, by_alias }
    }

    /// The well-known entity `surface` names, if any.
    pub fn lookup(&self, surface: &str) -> Option<usize> {
        let written_in_capitals = dossier_text::in_capitals(surface, 0);
        self.by_alias
            .get(&fold(surface))?
            .iter()
            .find(|alias| !alias.capitals_only || written_in_capitals)
            .map(|alias| alias.known)
    }

    /// The well-known place `surface` names, if any.
    pub fn place(&self, surface: &str) -> Option<usize> {
        self.lookup(surface).filter(|&known| self.known[known].kind == EntityKind::Place)
    }
}
