// The judged query set for search quality as readers type, built by a method fixed before
// any result was looked at, from material nobody on this project chose:
//
// - Topics: every Reuters-21578 topic code that at least 20 articles carry. An article is
//   relevant to a query when it carries the query's topic.
// - Words: from the topic's description in Reuters' own category list
//   (reuters-cat-descriptions.txt: "Natural Gas (NAT-GAS)"), else from the code itself
//   ("veg-oil" is "veg oil"). Only the part before a "/" is read ("Heating Oil/Gas Oil"
//   is "heating oil"), lowercased, periods dropped ("U.S." is "us"), letters only,
//   without "and", "of", "the", each word once.
//   - plain: the topic code when it is one word of letters that the collection's text
//     uses at least 20 times ("coffee", "crude", "trade"; not "acq" or "dlr");
//   - two words: the first two description words when there are two or more, else the
//     two parts of a hyphenated code ("natural gas", "money supply", "veg oil").
// - Misspelled: each plain and two-word query with its first word that codespell's
//   dictionary of misspellings made by real people (PyPI `codespell`, pinned) lists as
//   the correction of exactly one misspelling; the first such misspelling in the
//   dictionary's order replaces it. Queries none of whose words is listed are left out.
// - Unfinished: each plain and two-word query cut inside its last word, at every length
//   from 3 letters of that word to one letter short.
// - As typed: every plain, two-word and misspelled query at each keystroke from its
//   third character on ("cof", "coff", "coffe", "coffee"), as the search box sees it.
//
// Topics are split in two halves by alphabetical position (even: tune, odd: report).
// Engines are tuned on the first half only; the second is what notes report.

const STOP_WORDS = new Set(['and', 'of', 'the']);

/** Every topic with at least `minimum` articles: [{ topic, relevant: Set of ids }], sorted. */
export function topicsOf(records, minimum = 20) {
  const byTopic = new Map();
  for (const record of records) {
    for (const topic of record.topics ?? []) {
      if (!byTopic.has(topic)) byTopic.set(topic, new Set());
      byTopic.get(topic).add(record.id);
    }
  }
  return [...byTopic.entries()]
    .filter(([, ids]) => ids.size >= minimum)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, relevant]) => ({ topic, relevant }));
}

/** Topic code (lowercase) → description, from the lines "Description (CODE)". */
export function descriptionsOf(text) {
  const descriptions = new Map();
  for (const line of text.split('\n')) {
    const match = line.trim().match(/^(.+?)\s*\(([A-Z][A-Z0-9-]*)\)$/);
    if (match) descriptions.set(match[2].toLowerCase(), match[1]);
  }
  return descriptions;
}

/** Misspelling → correction, for the entries of codespell's dictionary with one correction. */
export function misspellingsOf(dictionary) {
  const byCorrection = new Map();
  for (const line of dictionary.split('\n')) {
    const [wrong, right] = line.split('->');
    if (!wrong || !right || right.includes(',') || !/^[a-z]+$/.test(wrong)) continue;
    const correction = right.trim();
    if (!byCorrection.has(correction)) byCorrection.set(correction, wrong);
  }
  return byCorrection;
}

/** How often each lowercase word of letters occurs in the collection's titles and bodies. */
export function wordCounts(records) {
  const counts = new Map();
  for (const record of records) {
    for (const word of `${record.title ?? ''} ${record.body ?? ''}`.toLowerCase().match(/[a-z]+/g) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function descriptionWords(topic, descriptions) {
  const description = descriptions.get(topic);
  if (!description) return topic.split('-').filter((word) => /^[a-z]+$/.test(word));
  const first = description.split('/')[0].toLowerCase().replaceAll('.', '');
  const words = (first.match(/[a-z]+/g) ?? []).filter((word) => !STOP_WORDS.has(word));
  return [...new Set(words)];
}

/**
 * The judged classes for each half: { tune: {plain, twoWords, misspelled, unfinished,
 * asTyped}, report: {...} }; each a list of { text, relevant, topic }.
 */
export function judgedSet({ records, descriptionsText, codespellDictionary }) {
  const topics = topicsOf(records);
  const descriptions = descriptionsOf(descriptionsText);
  const misspellings = misspellingsOf(codespellDictionary);
  const counts = wordCounts(records);
  const halves = { tune: emptyClasses(), report: emptyClasses() };
  topics.forEach(({ topic, relevant }, index) => {
    const classes = index % 2 === 0 ? halves.tune : halves.report;
    const add = (name, text) => classes[name].push({ text, relevant, topic });
    const written = [];
    if (/^[a-z]+$/.test(topic) && (counts.get(topic) ?? 0) >= 20) written.push([topic]);
    const words = descriptionWords(topic, descriptions);
    if (words.length >= 2) written.push(words.slice(0, 2));
    for (const query of written) {
      add(query.length === 1 ? 'plain' : 'twoWords', query.join(' '));
      const at = query.findIndex((word) => misspellings.has(word));
      if (at >= 0) add('misspelled', query.map((word, i) => (i === at ? misspellings.get(word) : word)).join(' '));
      const last = query.at(-1);
      const stem = query.slice(0, -1).join(' ');
      for (let length = 3; length < last.length; length++) {
        add('unfinished', `${stem}${stem ? ' ' : ''}${last.slice(0, length)}`);
      }
    }
  });
  for (const classes of Object.values(halves)) {
    for (const query of [...classes.plain, ...classes.twoWords, ...classes.misspelled]) {
      for (let end = 3; end <= query.text.length; end++) {
        classes.asTyped.push({ ...query, text: query.text.slice(0, end) });
      }
    }
  }
  return halves;
}

function emptyClasses() {
  return { plain: [], twoWords: [], misspelled: [], unfinished: [], asTyped: [] };
}

/** Precision at 10 and mean reciprocal rank (first relevant result in the top 100). */
export function score(queries, top) {
  let precision = 0;
  let reciprocal = 0;
  for (const { text, relevant } of queries) {
    const ids = top(text, 100);
    precision += ids.slice(0, 10).filter((id) => relevant.has(id)).length / 10;
    const first = ids.findIndex((id) => relevant.has(id));
    reciprocal += first < 0 ? 0 : 1 / (first + 1);
  }
  const n = Math.max(1, queries.length);
  return { p10: precision / n, mrr: reciprocal / n, n: queries.length };
}
