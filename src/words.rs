//! Counts and names in a reader's words, shared by the components that say how many
//! there are or what kind of entity one is.

use dossier_engine::EntityKind;

/// `1 article`, `2 articles`, `19,779 articles`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(count), if count == 1 { one } else { many })
}

/// A count with its thousands grouped: `19,779`.
pub fn number(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// What an entity's kind is called on a page: `Person`, `Organization`, `Place`.
pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Place => "Place",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(0, "article", "articles"), "0 articles");
        assert_eq!(plural(19_779, "entity", "entities"), "19,779 entities");
    }

    #[test]
    fn thousands_are_grouped() {
        let grouped: Vec<String> = [0, 7, 999, 1_000, 19_779, 1_234_567].into_iter().map(number).collect();
        assert_eq!(grouped, ["0", "7", "999", "1,000", "19,779", "1,234,567"]);
    }
}
