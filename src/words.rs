//! Counts in a reader's words, shared by the components that say how many there are.

/// `1 article`, `2 articles`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(0, "article", "articles"), "0 articles");
        assert_eq!(plural(19_779, "entity", "entities"), "19779 entities");
    }
}
