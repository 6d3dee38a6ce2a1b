//! The search box's little language, parsed into a [`Query`]: words that must all match,
//! `"quoted phrases"`, `-excluded` words or phrases, and `OR` between alternatives.
//!
//! Parsing never fails: unbalanced quotes close at the end, a lone `-` or `OR` is
//! ignored, and punctuation that makes no word is dropped. Words are folded with the same
//! tokenizer as the articles, so `México’s` is `mexico` and `U.S.` is `us`; one typed
//! chunk that holds several words (`U.S.-Mexico`) is a phrase.

use dossier_text::tokenize;

/// A parsed query.
///
/// ```
/// use dossier_engine::query::parse;
///
/// let query = parse(r#"oil OR gas "trade deficit" -gulf méx"#);
/// assert_eq!(query.clauses.len(), 3);
/// assert_eq!(query.clauses[0].alternatives.len(), 2, "oil OR gas");
/// assert_eq!(query.clauses[1].alternatives[0].words, ["trade", "deficit"]);
/// assert_eq!(query.excluded[0].words, ["gulf"]);
/// // The last word, folded, is still being typed: it matches longer words too.
/// let last = &query.clauses[2].alternatives[0];
/// assert_eq!((last.words[0].as_str(), last.prefix), ("mex", true));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Every clause must match.
    pub clauses: Vec<Clause>,
    /// Articles matching any of these are left out.
    pub excluded: Vec<Phrase>,
}

/// One required part of a query: any of its alternatives (`a OR b OR "c d"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Alternatives; at least one.
    pub alternatives: Vec<Phrase>,
}

/// One or more folded words that must stand together and in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// Folded words, at least one.
    pub words: Vec<String>,
    /// Whether the last word may be the start of a longer word (the word being typed).
    pub prefix: bool,
}

impl Phrase {
    fn word(word: String) -> Phrase {
        Phrase { words: vec![word], prefix: false }
    }

    /// Whether this is a single word rather than a phrase.
    pub fn is_word(&self) -> bool {
        self.words.len() == 1
    }
}

impl Query {
    /// Whether the query asks for nothing (no clause and no exclusion).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excluded.is_empty()
    }
}

/// A chunk of the query text before folding.
#[derive(Debug)]
struct Chunk<'q> {
    text: &'q str,
    quoted: bool,
    negated: bool,
    /// The query ends right after it (no space or closing quote): it is being typed.
    at_end: bool,
}

/// Parses the search box text.
///
/// The last word is a prefix while it is being typed, that is when the text does not end
/// with a space or a closing quote (`cart` finds cartel); quoted and excluded words never are.
pub fn parse(text: &str) -> Query {
    let mut query = Query::default();
    let mut pending_or = false;
    for chunk in chunks(text) {
        if !chunk.quoted && !chunk.negated && chunk.text == "OR" {
            pending_or = !query.clauses.is_empty();
            continue;
        }
        let words: Vec<String> = tokenize(chunk.text).into_iter().map(|token| token.term).collect();
        if words.is_empty() {
            continue;
        }
        let prefix = chunk.at_end && !chunk.quoted && !chunk.negated;
        let phrase = if words.len() == 1 && !prefix {
            Phrase::word(words.into_iter().next().unwrap_or_default())
        } else {
            Phrase { words, prefix }
        };
        if chunk.negated {
            if !query.excluded.contains(&phrase) {
                query.excluded.push(phrase);
            }
            pending_or = false;
            continue;
        }
        match query.clauses.last_mut() {
            Some(clause) if pending_or => clause.alternatives.push(phrase),
            _ => {
                let duplicate = query.clauses.iter().any(|clause| clause.alternatives == [phrase.clone()]);
                if !duplicate {
                    query.clauses.push(Clause { alternatives: vec![phrase] });
                }
            }
        }
        pending_or = false;
    }
    query
}

/// Splits the text at whitespace outside quotes; `"…"` is one quoted chunk, a leading
/// `-` negates the chunk it stands before.
fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        offset += start;
        let negated = rest.starts_with('-') && rest.len() > 1;
        let body = if negated { &rest[1..] } else { rest };
        let (chunk_text, consumed, quoted, closed) = if let Some(inner) = body.strip_prefix(is_quote) {
            match inner.find(is_quote) {
                Some(end) => (&inner[..end], body.len() - inner.len() + end + quote_len(&inner[end..]), true, true),
                None => (inner, body.len(), true, false),
            }
        } else {
            let end = body.find(|c: char| c.is_whitespace() || is_quote(c)).unwrap_or(body.len());
            (&body[..end], end, false, false)
        };
        let consumed = consumed + usize::from(negated);
        let at_end = offset + consumed == text.len() && !closed;
        chunks.push(Chunk { text: chunk_text, quoted, negated, at_end });
        rest = &rest[consumed.max(1).min(rest.len())..];
        offset += consumed.max(1).min(text.len() - offset);
    }
    chunks
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn quote_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a query compactly: clauses joined by ` & `, alternatives by ` | `, phrases
    /// in quotes, a prefix with `*`, exclusions with `-`.
    fn show(query: &Query) -> String {
        let phrase = |phrase: &Phrase| {
            let words = phrase.words.join(" ");
            let star = if phrase.prefix { "*" } else { "" };
            if phrase.is_word() { format!("{words}{star}") } else { format!("\"{words}{star}\"") }
        };
        let mut parts: Vec<String> = query
            .clauses
            .iter()
            .map(|clause| clause.alternatives.iter().map(phrase).collect::<Vec<_>>().join(" | "))
            .collect();
        parts.extend(query.excluded.iter().map(|excluded| format!("-{}", phrase(excluded))));
        parts.join(" & ")
    }

    fn check(text: &str, expected: &str) {
        assert_eq!(show(&parse(text)), expected, "query {text:?}");
    }

    #[test]
    fn words_are_required_and_the_last_one_is_a_prefix_while_typed() {
        check("cartel troops", "cartel & troops*");
        check("cartel troops ", "cartel & troops");
        check("México’s", "mexico*");
        check("cartel cartel", "cartel & cartel*");
    }

    #[test]
    fn phrases_exclusions_and_or() {
        check("\"drug cartels\" mexico", "\"drug cartels\" & mexico*");
        check("“drug cartels”", "\"drug cartels\"");
        check("cartel -venezuela", "cartel & -venezuela");
        check("cartel -\"new york\" x", "cartel & x* & -\"new york\"");
        check("maduro OR sheinbaum cia", "maduro | sheinbaum & cia*");
        check("a OR b OR \"c d\" ", "a | b | \"c d\"");
    }

    #[test]
    fn chunks_with_several_words_are_phrases() {
        check("U.S.-Mexico border", "\"us mexico\" & border*");
    }

    #[test]
    fn odd_input_is_forgiven() {
        check("", "");
        check("   ", "");
        check("\"unclosed phrase", "\"unclosed phrase\"");
        check("OR cartel OR", "cartel");
        check("- -- !!! \"\" -\"\"", "");
        check("or", "or*");
        check("-", "");
        check("x -", "x");
    }
}
