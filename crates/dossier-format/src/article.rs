//! The article: one news story as the bundle stores it, with its date and the entity
//! mentions found in its body.

use std::{cmp::Ordering, fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month, Time};

/// Position of an article in a loaded [`crate::Corpus`] (not stable across bundles; the
/// stable identifier is [`Article::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(pub u32);

impl ArticleId {
    /// The index of the article in the corpus' article list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One article as stored in a bundle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, unique in its collection (a file stem or the record's `id`).
    pub id: String,
    /// Headline; derived from the first sentence when the source has none.
    pub title: String,
    /// Publication date, a day or a moment.
    pub date: ArticleDate,
    /// Who published it (an outlet, a feed); empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Where the original can be read, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The text as plain-text paragraphs, never HTML.
    pub body: Vec<String>,
    /// Where the body names an entity of the collection's entity table.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// True when the body is only part of the article: the summary a feed gave, or the
    /// opening a paywalled page showed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub summary: bool,
    /// The copies of this story that de-duplication folded into it (the same wire story
    /// from other outlets, the same page saved twice), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<FoldedCopy>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A copy of an article folded into another by de-duplication: enough to say where it
/// was published and to open the article it became.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoldedCopy {
    /// The copy's own id: a link to it opens the article it was folded into.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its publication date.
    pub date: ArticleDate,
    /// Who published it; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Where it can be read, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One place where an article's body names an entity.
///
/// Offsets count Unicode scalar values (characters, as Python and Rust's `chars()` count
/// them) inside one paragraph, `start` inclusive and `end` exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The [`crate::Entity::id`] mentioned.
    pub entity: String,
    /// Index into [`Article::body`].
    pub paragraph: u32,
    /// First character of the mention.
    pub start: u32,
    /// One past the last character of the mention.
    pub end: u32,
}

/// A publication date: a calendar day, optionally with a time of day.
///
/// Written as ISO 8601: `2026-01-16` or `1987-02-26T15:01:01` (an offset such as `Z` or
/// `+02:00` is accepted and kept as written; ordering uses the local day and time).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ArticleDate {
    day: Date,
    time: Option<Time>,
    text: String,
}

/// Why a date string was not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {found:?}: expected ISO 8601 such as 2026-01-16 or 2026-01-16T09:30:00")]
pub struct DateError {
    /// The text that was not a date.
    pub found: String,
}

impl ArticleDate {
    /// A date with no time of day.
    pub fn from_day(day: Date) -> ArticleDate {
        let text = format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day());
        ArticleDate { day, time: None, text }
    }

    /// The calendar day.
    pub fn day(&self) -> Date {
        self.day
    }

    /// The time of day, when the source gave one.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The date as written in the bundle (ISO 8601).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A reader-facing form such as `16 January 2026`.
    pub fn human(&self) -> String {
        format!("{} {} {}", self.day.day(), month_name(self.day.month()), self.day.year())
    }
}

/// The English name of a month, for labels.
pub fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

impl FromStr for ArticleDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<ArticleDate, DateError> {
        let error = || DateError { found: input.to_owned() };
        let text = input.trim();
        let (day_text, rest) = match text.find(['T', ' ']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let day = parse_day(day_text).ok_or_else(error)?;
        let time = match rest {
            None => None,
            Some(rest) => Some(parse_time_of_day(rest).ok_or_else(error)?),
        };
        Ok(ArticleDate { day, time, text: text.to_owned() })
    }
}

/// `YYYY-MM-DD`, a day that exists. Written out rather than with `time`'s format
/// descriptions, whose parser would add about 10 KB to the app's download.
fn parse_day(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let mut number = |digits: usize| -> Option<u16> {
        let part = parts.next()?;
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    if parts.next().is_some() {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::from(year), month, u8::try_from(day).ok()?).ok()
}

/// `HH:MM[:SS[.fraction]]` with an optional `Z` or `±HH:MM` offset, which is kept in the
/// text but not applied.
fn parse_time_of_day(text: &str) -> Option<Time> {
    let clock = text.strip_suffix('Z').or_else(|| text.rfind(['+', '-']).map(|at| &text[..at])).unwrap_or(text);
    let clock = clock.split('.').next()?;
    let mut parts = clock.split(':');
    let mut number = |optional: bool| -> Option<u8> {
        match parts.next() {
            Some(part) if part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) => part.parse().ok(),
            None if optional => Some(0),
            _ => None,
        }
    };
    let (hour, minute, second) = (number(false)?, number(false)?, number(true)?);
    if parts.next().is_some() {
        return None;
    }
    Time::from_hms(hour, minute, second).ok()
}

impl Ord for ArticleDate {
    fn cmp(&self, other: &ArticleDate) -> Ordering {
        (self.day, self.time.unwrap_or(Time::MIDNIGHT), &self.text).cmp(&(
            other.day,
            other.time.unwrap_or(Time::MIDNIGHT),
            &other.text,
        ))
    }
}

impl PartialOrd for ArticleDate {
    fn partial_cmp(&self, other: &ArticleDate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for ArticleDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for ArticleDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ArticleDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<(&str, Option<&str>)>) {
        let parsed = input.parse::<ArticleDate>().ok();
        let actual = parsed.as_ref().map(|date| (date.day().to_string(), date.time().map(|time| time.to_string())));
        let expected = expected.map(|(day, time)| (day.to_owned(), time.map(str::to_owned)));
        assert_eq!(actual, expected, "input {input:?}");
    }

    #[test]
    fn parses_days_and_moments() {
        check("2026-01-16", Some(("2026-01-16", None)));
        check(" 2026-01-16 ", Some(("2026-01-16", None)));
        check("1987-02-26T15:01:01", Some(("1987-02-26", Some("15:01:01.0"))));
        check("2026-01-16T09:30Z", Some(("2026-01-16", Some("9:30:00.0"))));
        check("2026-01-16T09:30:05.123+02:00", Some(("2026-01-16", Some("9:30:05.0"))));
        check("2026-01-16 09:30:05", Some(("2026-01-16", Some("9:30:05.0"))));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        check("", None);
        check("16/01/2026", None);
        check("2026-13-01", None);
        check("2026-02-30", None);
        check("2026-1-16", None);
        check("2026-01-16-01", None);
        check("+2026-01-16", None);
        check("0000-01-01", Some(("0000-01-01", None)));
        check("2024-02-29", Some(("2024-02-29", None)));
        check("2023-02-29", None);
        check("2026-01-16T25:00", None);
        check("2026-01-16Tnoon", None);
        check("yesterday", None);
    }

    #[test]
    fn orders_by_day_then_time() {
        let dates: Vec<ArticleDate> = ["2026-01-16T10:00:00", "2026-01-15", "2026-01-16"]
            .iter()
            .map(|text| text.parse().expect("valid date"))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        let order: Vec<&str> = sorted.iter().map(ArticleDate::as_str).collect();
        assert_eq!(order, ["2026-01-15", "2026-01-16", "2026-01-16T10:00:00"]);
    }

    #[test]
    fn human_form_names_the_month() {
        let date: ArticleDate = "2026-01-16".parse().expect("valid date");
        assert_eq!(date.human(), "16 January 2026");
    }
}
