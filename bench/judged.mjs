// The judged query set for search quality as readers type, built by a method fixed before
// any result was looked at, from material nobody on this project chose. Two kinds of
// classes: topic-judged (Reuters' own topic labels say what is relevant) and rule-judged
// (a rule over the collection's own words says what is relevant).
//
// Topic-judged classes (Reuters' own labels say what is relevant):
// - Labels: every Reuters-21578 code of the topics field that at least 20 articles
//   carry, and (added when the topic classes proved too small to tell engines apart, with
//   this rule written before any result on them was seen) every code of the places,
//   people and orgs fields that at least 20 articles carry. An article is relevant to a
//   query when it carries the query's label. The words of a place are its code's
//   ("west-germany" is "west germany"); of a person, the code's when it has two
//   ("james-baker"), else the code as a plain query ("volcker") and the two words before
//   the code in the category list ("President Ronald Reagan (REAGAN)" is "ronald reagan")
//   as a two-word query; of an organisation, its code as a plain query ("opec") and the
//   first two words of its name in the list as a two-word query ("international
//   monetary"). The plain and two-word rules below then apply to places, people and
//   organisations as to topics (a plain query still needs 20 occurrences in the text).
// - Words: from the topic's description in Reuters' own category list
//   (reuters-cat-descriptions.txt: "Natural Gas (NAT-GAS)"), else from the code itself
//   ("veg-oil" is "veg oil"). Only the part before a "/" is read ("Heating Oil/Gas Oil"
//   is "heating oil"), lowercased, periods dropped ("U.S." is "us"), letters only,
//   without "and", "of", "the", each word once.
//   - plain: the topic code when it is one word of letters that the collection's text
//     uses at least 20 times ("coffee", "crude", "trade"; not "acq" or "dlr");
//   - twoWords: the first two description words when there are two or more, else the
//     two parts of a hyphenated code ("natural gas", "money supply", "veg oil").
// - misspelled: for every word of every plain and two-word query, every real misspelling
//   of it from all sources (bench/misspellings.mjs: codespell's dictionary and Wikipedia's
//   list of common misspellings, both pinned, every pair whose correction is that word)
//   gives a query with that word replaced by it ("coffe", "natural gaz"), each text once
//   per topic. A query goes to misspelledCollides instead when the misspelled word itself
//   occurs in the collection's text (titles and bodies, lowercased letters-only tokens, as
//   wordCounts reads them): the "suger" class, a misspelling that is also a rare word.
// - unfinished: each plain and two-word query cut inside its last word, at every length
//   from 3 letters of that word to one letter short.
// - asTyped: every plain and two-word query, and each such query with its first word that
//   codespell's dictionary (entries with one correction) lists replaced by the first
//   misspelling of it in the dictionary's order (the former misspelled class, kept so
//   that asTyped stays as it was), at each keystroke from its third character on ("cof",
//   "coff", "coffe", "coffee"), as the search box sees it.
// Labels are split in two halves by alphabetical position within their field (even:
// tune, odd: report); the topics' halves are as they were before places, people and
// organisations were added.
//
// Rule-judged classes (tokens: the lowercased title and body cut into runs of letters,
// [a-z]+, as wordCounts does; a word's articles are those with it as a token):
// - wordsMisspelled and wordsCollide: every (wrong, right) pair of all sources where
//   right has at least 4 letters and occurs in at least 20 articles (articles, not
//   occurrences), and wrong differs from right. The query is wrong followed by a space (a
//   finished word: "suger "); relevant are the articles with right as a token. The pair
//   goes to wordsCollide when wrong itself occurs in at least one article, else to
//   wordsMisspelled. Each pair is in the half of the word meant (below, of right); in each
//   half and class the pairs are ordered by the FNV-1a hash of wrong (then wrong, right)
//   and the first 150 kept.
// - stemCollision (the "housing" class): two-word queries "w1 w2 " from the collection's
//   bigrams. For these, each paragraph (the title, and the body cut at blank lines) is cut
//   into runs of letters and digits ([a-z0-9]+), and two words stand side by side when
//   they are consecutive runs of one paragraph (a paragraph break between them does not
//   count; a number between them does). Candidates: w1 and w2 letters only, at least 4
//   letters, not in STEM_STOP_WORDS; the pair stands side by side, in that order, in at
//   least 10 articles; each of w1 and w2 occurs in at least 3 times as many articles as
//   hold the pair; and at least one of the two shares its English Snowball stem (the
//   stemmer of Dossier's index, SearchIndex::stem, through crates/dossier-cli/examples/
//   stems.rs) with a different word of the collection that occurs in more articles than
//   it does (housing -> house, university -> universe). Relevant are the articles where
//   the pair stands side by side in that order. Each pair is in the half of the text
//   "w1 w2"; in each half the pairs are ordered by the FNV-1a hash of the query text
//   "w1 w2 " (then the text) and the first 100 kept.
// Halves of rule-judged classes: by the top bit of the 32-bit FNV-1a hash of the word
// meant, so that all misspellings of one word land in one half (0: tune, 1: report).
//
// Engines are tuned on the tune half only; the report half is what notes report.
// Metrics (score): p = precision at min(10, |relevant|), p10 = precision at 10, and mrr
// = mean reciprocal rank of the first relevant result in the top 100.

const STOP_WORDS = new Set(['and', 'of', 'the']);

/** Every topic with at least `minimum` articles: [{ topic, relevant: Set of ids }], sorted. */
export function topicsOf(records, minimum = 20, field = 'topics') {
  const byTopic = new Map();
  for (const record of records) {
    for (const topic of record[field] ?? []) {
      if (!byTopic.has(topic)) byTopic.set(topic, new Set());
      byTopic.get(topic).add(record.id);
    }
  }
  return [...byTopic.entries()]
    .filter(([, ids]) => ids.size >= minimum)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, relevant]) => ({ topic, relevant }));
}

/**
 * Code (lowercase) → description, from the lines "Description (CODE)" (topics, people)
 * and "Description (CODE)@*" (organisations).
 */
export function descriptionsOf(text) {
  const descriptions = new Map();
  for (const line of text.split('\n')) {
    const match = line.trim().replace(/@\*$/, '').match(/^(.+?)\s*\(([A-Z][A-Z0-9-]*)\)$/);
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

/** A label's queries as lists of words: [plain?, twoWords?] candidates, by its field. */
function labelQueries(field, code, descriptions, counts) {
  const codeWords = code.split('-');
  const letters = codeWords.every((word) => /^[a-z]+$/.test(word));
  const written = [];
  const plain = (word) => (counts.get(word) ?? 0) >= 20 && written.push([word]);
  if (field === 'topics') {
    if (codeWords.length === 1 && letters) plain(code);
    const words = descriptionWords(code, descriptions);
    if (words.length >= 2) written.push(words.slice(0, 2));
  } else if (field === 'places') {
    if (!letters) return written;
    if (codeWords.length === 1) plain(code);
    else written.push(codeWords.slice(0, 2));
  } else if (field === 'people') {
    if (codeWords.length >= 2 && letters) written.push(codeWords.slice(0, 2));
    else if (letters) {
      plain(code);
      const name = (descriptions.get(code) ?? '').toLowerCase().match(/[a-z]+/g) ?? [];
      if (name.length >= 2) written.push(name.slice(-2));
    }
  } else if (field === 'orgs') {
    if (codeWords.length === 1 && letters) plain(code);
    const words = descriptionWords(code, descriptions);
    if (words.length >= 2 && descriptions.has(code)) written.push(words.slice(0, 2));
  }
  return written;
}

function descriptionWords(topic, descriptions) {
  const description = descriptions.get(topic);
  if (!description) return topic.split('-').filter((word) => /^[a-z]+$/.test(word));
  const first = description.split('/')[0].toLowerCase().replaceAll('.', '');
  const words = (first.match(/[a-z]+/g) ?? []).filter((word) => !STOP_WORDS.has(word));
  return [...new Set(words)];
}

/** The stop list of the stemCollision class. */
export const STEM_STOP_WORDS = new Set([
  'and', 'of', 'the', 'for', 'with', 'from', 'that', 'this', 'said', 'will', 'have', 'which', 'were', 'been',
  'would', 'their', 'they', 'also', 'more', 'than', 'last', 'year', 'over', 'about', 'after', 'into',
]);

/** The classes, in the order they are printed. */
export const CLASSES = [
  'plain', 'twoWords', 'misspelled', 'misspelledCollides', 'unfinished', 'asTyped',
  'wordsMisspelled', 'wordsCollide', 'stemCollision',
];

/** 32-bit FNV-1a of a string's UTF-8 bytes. */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The half a rule-judged query belongs to, by the word (or words) meant. */
export function halfOf(meant) {
  return fnv1a(meant) >>> 31 === 0 ? 'tune' : 'report';
}

/**
 * What the rule-judged classes read of the collection: for each article its set of
 * letters-only tokens (title and body), and each word's number of articles.
 */
export function articleWords(records) {
  const sets = records.map((record) => new Set(`${record.title ?? ''} ${record.body ?? ''}`.toLowerCase().match(/[a-z]+/g) ?? []));
  const articles = new Map();
  for (const words of sets) {
    for (const word of words) articles.set(word, (articles.get(word) ?? 0) + 1);
  }
  return { sets, articles };
}

/** Each paragraph's runs of letters and digits: the title, then the body cut at blank lines. */
function paragraphTokens(record) {
  const paragraphs = [record.title ?? '', ...(record.body ?? '').split(/\n[ \t\r]*\n/)];
  return paragraphs.map((paragraph) => paragraph.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** The candidate pairs of one article (side by side, letters only, 4+ letters, not stop words). */
function articleBigrams(record) {
  const pairs = new Set();
  for (const tokens of paragraphTokens(record)) {
    for (let i = 1; i < tokens.length; i++) {
      const [first, second] = [tokens[i - 1], tokens[i]];
      if (/^[a-z]{4,}$/.test(first) && /^[a-z]{4,}$/.test(second) && !STEM_STOP_WORDS.has(first) && !STEM_STOP_WORDS.has(second)) {
        pairs.add(`${first} ${second}`);
      }
    }
  }
  return pairs;
}

/** Keeps, in each half, the first `limit` of `queries` in order of `key`'s FNV-1a hash. */
function sample(queries, key, limit) {
  const keyed = queries.map((query) => ({ query, hash: fnv1a(key(query)), key: key(query) }));
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  keyed.sort((a, b) => a.hash - b.hash || order(a.key, b.key) || order(a.query.topic, b.query.topic));
  return keyed.slice(0, limit).map(({ query }) => query);
}

/** The wordsMisspelled and wordsCollide classes: { tune: {...}, report: {...} }. */
export function wordClasses(records, misspellings, words = articleWords(records), limit = 150) {
  const { sets, articles } = words;
  const needed = new Set(misspellings.filter(({ wrong, right }) => wrong !== right && right.length >= 4 && (articles.get(right) ?? 0) >= 20).map(({ right }) => right));
  const relevantOf = new Map([...needed].map((word) => [word, new Set()]));
  sets.forEach((set, index) => {
    for (const word of set) relevantOf.get(word)?.add(records[index].id);
  });
  const halves = { tune: { wordsMisspelled: [], wordsCollide: [] }, report: { wordsMisspelled: [], wordsCollide: [] } };
  for (const { wrong, right } of misspellings) {
    if (!needed.has(right) || wrong === right) continue;
    const name = articles.has(wrong) ? 'wordsCollide' : 'wordsMisspelled';
    halves[halfOf(right)][name].push({ text: `${wrong} `, relevant: relevantOf.get(right), topic: right });
  }
  for (const classes of Object.values(halves)) {
    for (const name of Object.keys(classes)) {
      classes[name] = sample(classes[name], (query) => query.text.trim(), limit);
    }
  }
  return halves;
}

/**
 * The stemCollision class: { tune: [...], report: [...] }. `stems`: Map word → its
 * Snowball stem, for every letters-only word of the collection.
 */
export function stemClasses(records, stems, words = articleWords(records), limit = 100) {
  const { articles } = words;
  const pairArticles = new Map();
  const bigrams = records.map(articleBigrams);
  for (const pairs of bigrams) {
    for (const pair of pairs) pairArticles.set(pair, (pairArticles.get(pair) ?? 0) + 1);
  }
  // The most articles any word of each stem occurs in.
  const most = new Map();
  for (const [word, count] of articles) {
    const stem = stems.get(word);
    if (stem === undefined) continue;
    if (count > (most.get(stem)?.count ?? 0)) most.set(stem, { word, count });
  }
  const collides = (word) => {
    const top = most.get(stems.get(word));
    return top !== undefined && top.count > (articles.get(word) ?? 0) ? top.word : null;
  };
  const chosen = new Map();
  for (const [pair, count] of pairArticles) {
    if (count < 10) continue;
    const [first, second] = pair.split(' ');
    if ((articles.get(first) ?? 0) < 3 * count || (articles.get(second) ?? 0) < 3 * count) continue;
    const partners = [first, second].map((word) => [word, collides(word)]).filter(([, other]) => other);
    if (partners.length === 0) continue;
    chosen.set(pair, { text: `${pair} `, relevant: new Set(), topic: partners.map(([word, other]) => `${word}~${other}`).join(' ') });
  }
  bigrams.forEach((pairs, index) => {
    for (const pair of pairs) chosen.get(pair)?.relevant.add(records[index].id);
  });
  const halves = { tune: [], report: [] };
  for (const [pair, query] of chosen) halves[halfOf(pair)].push(query);
  return { tune: sample(halves.tune, (query) => query.text, limit), report: sample(halves.report, (query) => query.text, limit) };
}

/**
 * The judged classes for each half: { tune: { plain, twoWords, misspelled,
 * misspelledCollides, unfinished, asTyped, wordsMisspelled, wordsCollide, stemCollision },
 * report: {...} }; each a list of { text, relevant (Set of ids), topic }. Without
 * `misspellings` (bench/misspellings.mjs) the four classes made from them are left out,
 * and without `stems` (Map word → stem) stemCollision is.
 */
export function judgedSet({ records, descriptionsText, codespellDictionary, misspellings, stems }) {
  const labels = ['topics', 'places', 'people', 'orgs'].flatMap((field) =>
    topicsOf(records, 20, field).map((label, index) => ({ ...label, field, index })),
  );
  const descriptions = descriptionsOf(descriptionsText);
  const firstMisspelling = misspellingsOf(codespellDictionary);
  const counts = wordCounts(records);
  const byRight = new Map();
  for (const { wrong, right } of misspellings ?? []) {
    if (!byRight.has(right)) byRight.set(right, []);
    byRight.get(right).push(wrong);
  }
  const halves = { tune: emptyClasses(), report: emptyClasses() };
  const typedMisspelled = { tune: [], report: [] };
  labels.forEach(({ topic: code, relevant, field, index }) => {
    const half = index % 2 === 0 ? 'tune' : 'report';
    const classes = halves[half];
    const topic = field === 'topics' ? code : `${field}:${code}`;
    const add = (name, text) => classes[name].push({ text, relevant, topic });
    const written = labelQueries(field, code, descriptions, counts).filter(
      (query, at, all) => all.findIndex((other) => other.join(' ') === query.join(' ')) === at,
    );
    const misspelledTexts = new Set();
    for (const query of written) {
      add(query.length === 1 ? 'plain' : 'twoWords', query.join(' '));
      if (misspellings) {
        query.forEach((word, at) => {
          for (const wrong of byRight.get(word) ?? []) {
            const text = query.map((other, i) => (i === at ? wrong : other)).join(' ');
            if (misspelledTexts.has(text)) continue;
            misspelledTexts.add(text);
            add(counts.has(wrong) ? 'misspelledCollides' : 'misspelled', text);
          }
        });
      }
      const at = query.findIndex((word) => firstMisspelling.has(word));
      if (at >= 0) typedMisspelled[half].push({ text: query.map((word, i) => (i === at ? firstMisspelling.get(word) : word)).join(' '), relevant, topic });
      const last = query.at(-1);
      const stem = query.slice(0, -1).join(' ');
      for (let length = 3; length < last.length; length++) {
        add('unfinished', `${stem}${stem ? ' ' : ''}${last.slice(0, length)}`);
      }
    }
  });
  for (const [half, classes] of Object.entries(halves)) {
    for (const query of [...classes.plain, ...classes.twoWords, ...typedMisspelled[half]]) {
      for (let end = 3; end <= query.text.length; end++) {
        classes.asTyped.push({ ...query, text: query.text.slice(0, end) });
      }
    }
  }
  const words = misspellings || stems ? articleWords(records) : null;
  if (misspellings) {
    const rule = wordClasses(records, misspellings, words);
    for (const half of Object.keys(halves)) Object.assign(halves[half], rule[half]);
  } else {
    for (const classes of Object.values(halves)) {
      delete classes.misspelled;
      delete classes.misspelledCollides;
    }
  }
  if (stems) {
    const rule = stemClasses(records, stems, words);
    for (const half of Object.keys(halves)) halves[half].stemCollision = rule[half];
  }
  return halves;
}

function emptyClasses() {
  return { plain: [], twoWords: [], misspelled: [], misspelledCollides: [], unfinished: [], asTyped: [] };
}

/** The set as JSON-ready values (relevant as id lists), as bench/judged-dump.mjs writes it. */
export function judgedToJson(set) {
  return Object.fromEntries(
    Object.entries(set).map(([half, classes]) => [
      half,
      Object.fromEntries(Object.entries(classes).map(([name, queries]) => [name, queries.map(({ text, relevant, topic }) => ({ text, topic, relevant: [...relevant] }))])),
    ]),
  );
}

/** The set back from judgedToJson's form (relevant as Sets). */
export function judgedFromJson(plain) {
  return Object.fromEntries(
    Object.entries(plain).map(([half, classes]) => [
      half,
      Object.fromEntries(Object.entries(classes).map(([name, queries]) => [name, queries.map((query) => ({ ...query, relevant: new Set(query.relevant) }))])),
    ]),
  );
}

/**
 * Precision at min(10, |relevant|) (`p`), precision at 10 (`p10`) and mean reciprocal
 * rank (first relevant result in the top 100).
 */
export function score(queries, top) {
  let precision = 0;
  let precision10 = 0;
  let reciprocal = 0;
  for (const { text, relevant } of queries) {
    const ids = top(text, 100);
    const cut = Math.max(1, Math.min(10, relevant.size));
    precision += ids.slice(0, cut).filter((id) => relevant.has(id)).length / cut;
    precision10 += ids.slice(0, 10).filter((id) => relevant.has(id)).length / 10;
    const first = ids.findIndex((id) => relevant.has(id));
    reciprocal += first < 0 ? 0 : 1 / (first + 1);
  }
  const n = Math.max(1, queries.length);
  return { p: precision / n, p10: precision10 / n, mrr: reciprocal / n, n: queries.length };
}

/**
 * Node only: the whole judged set from the shared corpus (`corpus`), every source of
 * misspellings (bench/misspellings.mjs) and the stems of the collection's words
 * (target/bench/stems.tsv, made with crates/dossier-cli/examples/stems.rs, built when
 * missing). Also returns the misspellings, for their counts.
 */
export async function loadJudgedSet(root, corpus = `${root}/../shared/corpus`) {
  const { readFile } = await import('node:fs/promises');
  const { loadMisspellings } = await import('./misspellings.mjs');
  const records = (await readFile(`${corpus}/reuters21578.jsonl`, 'utf8')).split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const misspellings = await loadMisspellings(root);
  const stems = await stemsOf(root, [...articleWords(records).articles.keys()]);
  const set = judgedSet({
    records,
    descriptionsText: await readFile(`${corpus}/reuters-cat-descriptions.txt`, 'utf8'),
    codespellDictionary: await readFile(`${root}/target/bench/codespell/dictionary.txt`, 'utf8'),
    misspellings,
    stems,
  });
  return { records, misspellings, set };
}

/**
 * Node only: word → Snowball stem as Dossier's index stems it, cached in
 * target/bench/stems.tsv. The stemmer is target/release/examples/stems (built when
 * missing), or the binary DOSSIER_STEMS names.
 */
export async function stemsOf(root, words) {
  const { existsSync, readFileSync, statSync, writeFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const binary = process.env.DOSSIER_STEMS ?? `${root}/target/release/examples/stems`;
  const cache = `${root}/target/bench/stems.tsv`;
  if (!existsSync(binary)) {
    console.error('building the stemmer example: cargo build --release -p dossier-cli --example stems');
    execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'dossier-cli', '--example', 'stems'], { cwd: root, stdio: 'inherit' });
  }
  const stems = new Map();
  if (existsSync(cache) && statSync(cache).mtimeMs >= statSync(binary).mtimeMs) {
    for (const line of readFileSync(cache, 'utf8').split('\n')) {
      const [word, stem] = line.split('\t');
      if (word && stem !== undefined) stems.set(word, stem);
    }
  }
  const missing = words.filter((word) => !stems.has(word));
  if (missing.length > 0) {
    const output = execFileSync(binary, [], { input: missing.join('\n'), maxBuffer: 1 << 28, encoding: 'utf8' });
    for (const line of output.split('\n')) {
      const [word, stem] = line.split('\t');
      if (word && stem !== undefined) stems.set(word, stem);
    }
    writeFileSync(cache, [...stems].map(([word, stem]) => `${word}\t${stem}`).join('\n') + '\n');
  }
  return stems;
}
