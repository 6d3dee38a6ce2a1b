//! The view in the URL fragment, so that a reload, Back and Forward, or a link someone
//! pasted opens the same view, on static hosting and offline:
//!
//! - `#/?q=cartel%20troops&e=claudia-sheinbaum,cia&from=2026-01-01&to=2026-01-31`: the
//!   result list for a query, entities (by their stable ids) and a period;
//! - `#/article/<id>?…`: an article read over that list (Back to results keeps it);
//! - `#/entity/<id>?…`: an entity's page over that list;
//! - `&x=cia` and `&m=any`: entities left out, and articles mentioning any of the chosen
//!   entities instead of all;
//! - `&sort=newest` (or `oldest`, `relevance`), `&page=3` and
//!   `&zoom=1987-03-01..1987-03-31`: the order and page of the results and the timeline's
//!   zoom.
//!
//! Links made before (`#/`, `#/article/<id>`) mean what they meant. Parameters this build
//! does not know are ignored, so later features (a sort order, an entity page, a zoomed
//! timeline) add parameters or paths without breaking the links made today. Reading a
//! fragment never fails: what it cannot read is left out.

use dossier_engine::{ArticleDate, Corpus, DateRange, EntityId};
use time::Date;

use crate::state::SortOrder;

/// Adds the ids of a comma-separated list, once each. It is split before decoding: an
/// id holding a comma travels as %2C.
fn add_ids(ids: &mut Vec<String>, value: &str) {
    for id in value.split(',').map(decode).filter(|id| !id.is_empty()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
}

/// What the fragment says the reader sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The open article's stable id, if one is open.
    pub article: Option<String>,
    /// The stable id of the entity whose page is open, if one is.
    pub entity: Option<String>,
    /// The search box text, as typed (a trailing space included: it finishes the word).
    pub query: String,
    /// Stable ids of the chosen entities, in the order chosen.
    pub entities: Vec<String>,
    /// Stable ids of the entities left out.
    pub excluded: Vec<String>,
    /// Any one of the chosen entities is enough (`m=any`).
    pub any_entity: bool,
    /// The chosen period.
    pub range: Option<DateRange>,
    /// The order the reader chose for the results (`None`: the default for the query).
    pub sort: Option<SortOrder>,
    /// The page of results, from 0.
    pub page: usize,
    /// The period the timeline is zoomed to.
    pub zoom: Option<DateRange>,
}

impl Route {
    /// Reads a location fragment (with or without its `#`).
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, params) = fragment.split_once('?').unwrap_or((fragment, ""));
        let id_after = |prefix: &str| path.strip_prefix(prefix).map(decode).filter(|id| !id.is_empty());
        let mut route = Route { article: id_after("/article/"), entity: id_after("/entity/"), ..Route::default() };
        let (mut from, mut to) = (None, None);
        for pair in params.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "q" => route.query = decode(value),
                // Split before decoding: an id holding a comma travels as %2C.
                "e" => add_ids(&mut route.entities, value),
                "x" => add_ids(&mut route.excluded, value),
                "m" => route.any_entity = value == "any",
                "sort" => route.sort = SortOrder::from_name(value),
                "page" => route.page = value.parse::<usize>().map_or(0, |page| page.saturating_sub(1)),
                "zoom" => {
                    let value = decode(value);
                    let (start, end) = value.split_once("..").unwrap_or((&value, ""));
                    route.zoom = match (day(start), day(end)) {
                        (Some(start), Some(end)) if start <= end => Some(DateRange { start, end }),
                        _ => None,
                    };
                }
                "from" => from = day(&decode(value)),
                "to" => to = day(&decode(value)),
                _ => {}
            }
        }
        // An entity both chosen and left out is left out.
        route.entities.retain(|id| !route.excluded.contains(id));
        route.range = match (from, to) {
            (Some(start), Some(end)) if start <= end => Some(DateRange { start, end }),
            (Some(day), None) | (None, Some(day)) => Some(DateRange::day(day)),
            _ => None,
        };
        route
    }

    /// The fragment for this route, `#` included; parameters in a fixed order, so one view
    /// has one fragment.
    pub fn to_fragment(&self) -> String {
        let page = match (&self.article, &self.entity) {
            (Some(id), _) => Page::Article(id),
            (None, Some(id)) => Page::Entity(id),
            (None, None) => Page::List,
        };
        Route::link(page, &self.list_parameters())
    }

    /// The fragment of `page` over the result list that `list_parameters` (from
    /// [`Route::list_parameters`]) describes: what a link to an article, an entity's page
    /// or the list itself points at, so that going back finds the results as they were.
    pub fn link(page: Page, list_parameters: &str) -> String {
        let (path, id) = match page {
            Page::List => ("/", ""),
            Page::Article(id) => ("/article/", id),
            Page::Entity(id) => ("/entity/", id),
        };
        format!("#{path}{}{list_parameters}", encode(id))
    }

    /// The link to `entity`'s page in `corpus` (by its stable id), over the result list
    /// that `list_parameters` describes.
    pub fn entity_link(corpus: &Corpus, entity: EntityId, list_parameters: &str) -> String {
        Route::link(Page::Entity(&corpus.entity(entity).id), list_parameters)
    }

    /// The link to the element with DOM id `id` on this page ("Skip to search"). It names
    /// no view: the link's own click handler does what following it would.
    pub fn element_link(id: &str) -> String {
        format!("#{id}")
    }

    /// The list's part of the fragment (`?q=…&e=…`, or nothing): what an article link
    /// carries so that going back to the results finds them as they were.
    pub fn list_parameters(&self) -> String {
        let mut params: Vec<String> = Vec::new();
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        for (key, ids) in [("e", &self.entities), ("x", &self.excluded)] {
            if !ids.is_empty() {
                let ids: Vec<String> = ids.iter().map(|id| encode(id)).collect();
                params.push(format!("{key}={}", ids.join(",")));
            }
        }
        if self.any_entity {
            params.push("m=any".to_owned());
        }
        let day = |date| ArticleDate::from_day(date).as_str().to_owned();
        if let Some(range) = self.range {
            params.push(format!("from={}&to={}", day(range.start), day(range.end)));
        }
        if let Some(sort) = self.sort {
            params.push(format!("sort={}", sort.name()));
        }
        if self.page > 0 {
            params.push(format!("page={}", self.page + 1));
        }
        if let Some(zoom) = self.zoom {
            params.push(format!("zoom={}..{}", day(zoom.start), day(zoom.end)));
        }
        if params.is_empty() { String::new() } else { format!("?{}", params.join("&")) }
    }
}

/// The page a link opens over the result list (see [`Route::link`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    /// The result list itself.
    List,
    /// An article, by its stable id.
    Article(&'a str),
    /// An entity's page, by the entity's stable id.
    Entity(&'a str),
}

/// The address of a file holding `json`, for a link that downloads it (the corrections'
/// Export): a `data:` URL, so nothing leaves the browser.
pub fn json_file(json: &str) -> String {
    format!("data:application/json;charset=utf-8,{}", encode(json))
}

fn day(text: &str) -> Option<Date> {
    text.parse::<ArticleDate>().ok().map(|date| date.day())
}

/// What JavaScript's `encodeURIComponent` makes of `text`: every byte of its UTF-8 but
/// letters, digits and `-_.!~*'()` written as `%XX`.
pub fn encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            // By hand: `format!("%{byte:02X}")` would be a formatting call a byte.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            for char in [b'%', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]] {
                encoded.push(char::from(char));
            }
        }
    }
    encoded
}

/// `%XX` escapes decoded (and `+` read as a space, as forms write it); a broken escape is
/// kept as written, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |offset: usize| bytes.get(at + offset).and_then(|&byte| char::from(byte).to_digit(16));
        match bytes[at] {
            b'%' => match (hex(1), hex(2)) {
                (Some(high), Some(low)) => {
                    decoded.push((high * 16 + low) as u8);
                    at += 3;
                    continue;
                }
                _ => decoded.push(b'%'),
            },
            b'+' => decoded.push(b' '),
            byte => decoded.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse::<ArticleDate>().expect("a day").day()
    }

    #[test]
    fn a_view_round_trips_through_its_fragment() {
        let route = Route {
            article: Some("000_bfbec4599a23c53e".into()),
            entity: None,
            query: "palm oil, \"drug cartels\" -venezuela OR México ".into(),
            entities: vec!["claudia-sheinbaum".into(), "cia".into()],
            excluded: vec!["mexico".into()],
            any_entity: true,
            range: Some(DateRange { start: day("2026-01-01"), end: day("2026-01-31") }),
            sort: Some(SortOrder::Oldest),
            page: 2,
            zoom: Some(DateRange { start: day("2025-12-29"), end: day("2026-02-01") }),
        };
        let fragment = route.to_fragment();
        assert_eq!(
            fragment,
            "#/article/000_bfbec4599a23c53e?q=palm%20oil%2C%20%22drug%20cartels%22%20-venezuela%20OR%20M%C3%A9xico%20\
             &e=claudia-sheinbaum,cia&x=mexico&m=any&from=2026-01-01&to=2026-01-31&sort=oldest&page=3&zoom=2025-12-29..2026-02-01"
        );
        assert_eq!(Route::parse(&fragment), route);
        let list = Route { article: None, ..route };
        assert_eq!(Route::parse(&list.to_fragment()), list);
        let page = Route { entity: Some("claudia-sheinbaum".into()), ..list.clone() };
        assert!(page.to_fragment().starts_with("#/entity/claudia-sheinbaum?q="));
        assert_eq!(Route::parse(&page.to_fragment()), page);
    }

    #[test]
    fn links_made_before_mean_what_they_meant() {
        assert_eq!(Route::parse("#/article/a%20b"), Route { article: Some("a b".into()), ..Route::default() });
        assert_eq!(Route::parse("#/"), Route::default());
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(Route::default().to_fragment(), "#/");
    }

    #[test]
    fn links_to_pages_carry_the_list_they_open_over() {
        let list = Route { query: "drug cartels".into(), ..Route::default() }.list_parameters();
        assert_eq!(Route::link(Page::Article("a b"), &list), "#/article/a%20b?q=drug%20cartels");
        assert_eq!(Route::link(Page::Entity("cia"), &list), "#/entity/cia?q=drug%20cartels");
        assert_eq!(Route::link(Page::List, &list), "#/?q=drug%20cartels");
        assert_eq!(Route::link(Page::List, ""), "#/");
        assert_eq!(Route::element_link("search"), "#search");
        assert_eq!(json_file("{\"a\": 1}"), "data:application/json;charset=utf-8,%7B%22a%22%3A%201%7D");
    }

    #[test]
    fn unknown_or_broken_parts_are_left_out() {
        let route = Route::parse("#/?sort=newest&q=gold+mine%zz&e=,cia,&from=2026-02-31&to=2026-03-01&zoom=week");
        assert_eq!(route.query, "gold mine%zz");
        assert_eq!(route.entities, ["cia"]);
        let twice = Route::parse("#/?e=a%2Cb,cia,a%2Cb");
        assert_eq!(twice.entities, ["a,b", "cia"], "an id with a comma survives; each id once");
        assert_eq!(route.range, Some(DateRange::day(day("2026-03-01"))), "an impossible day is dropped");
        let backwards = Route::parse("#/?from=2026-03-01&to=2026-01-01");
        assert_eq!(backwards.range, None);
        assert_eq!(Route::parse("#/article/?q=x").article, None);
        let odd = Route::parse("#/?sort=sideways&page=0&zoom=2026-03-01..2026-01-01");
        assert_eq!((odd.sort, odd.page, odd.zoom), (None, 0, None));
        assert_eq!(Route::parse("#/?page=x&zoom=2026-01-01").zoom, None);
        assert_eq!(decode("%E9%FF"), "\u{fffd}\u{fffd}");
        let both = Route::parse("#/?e=cia,mexico&x=cia&m=some");
        assert_eq!(
            (both.entities.as_slice(), both.excluded.as_slice(), both.any_entity),
            (&["mexico".to_owned()][..], &["cia".to_owned()][..], false),
            "an entity both chosen and left out is left out; an unknown mode is all"
        );
    }
}
