// The benchmark's queries, generated from the Reuters collection's own topic labels so
// that nobody picks queries an engine happens to do well on.
//
// A topic takes part when its code is a plain word (letters only, 4 or more) and at least
// 20 articles carry it: coffee, sugar, trade, crude, interest... Each gives one query per
// class: the word (plain), its first 60% as typed so far (prefix), the word with one typo
// (typo, cycling a swap of two letters, a dropped letter and a replaced letter), the word
// and a common newswire word (two-word), and every prefix from the first letter, as typed
// keystroke by keystroke (keystrokes, speed only). Phrase and operator queries, which the
// peers do not support, are timed for Dossier alone.

const SECOND_WORDS = ['prices', 'exports', 'production', 'market'];

/** Topics with enough articles, each with the ids of its articles. */
export function topicsOf(records, minimum = 20) {
  const byTopic = new Map();
  for (const record of records) {
    for (const topic of record.topics ?? []) {
      if (!byTopic.has(topic)) byTopic.set(topic, new Set());
      byTopic.get(topic).add(record.id);
    }
  }
  return [...byTopic.entries()]
    .filter(([topic, ids]) => /^[a-z]{4,}$/.test(topic) && ids.size >= minimum)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, ids]) => ({ topic, relevant: ids }));
}

/** One deterministic typo of `word`, of the kind chosen by `index`. */
export function typo(word, index) {
  const middle = Math.floor(word.length / 2);
  switch (index % 3) {
    case 0: // two neighbouring letters swapped
      return word.slice(0, middle - 1) + word[middle] + word[middle - 1] + word.slice(middle + 1);
    case 1: // one letter dropped
      return word.slice(0, middle) + word.slice(middle + 1);
    default: { // one letter replaced by the next in the alphabet
      const next = String.fromCharCode(((word.charCodeAt(middle) - 97 + 1) % 26) + 97);
      return word.slice(0, middle) + next + word.slice(middle + 1);
    }
  }
}

/**
 * Judged query classes: [{ class, queries: [{ text, relevant }] }]. A query typed in full
 * ends with a space (the search box then stops treating its last word as a prefix); the
 * prefix class does not.
 */
export function judgedQueries(topics) {
  const classes = { plain: [], prefix: [], typo: [], 'two-word': [] };
  topics.forEach(({ topic, relevant }, index) => {
    classes.plain.push({ text: `${topic} `, relevant });
    classes.prefix.push({ text: topic.slice(0, Math.max(3, Math.ceil(topic.length * 0.6))), relevant });
    classes.typo.push({ text: `${typo(topic, index)} `, relevant });
    classes['two-word'].push({ text: `${topic} ${SECOND_WORDS[index % SECOND_WORDS.length]} `, relevant });
  });
  return Object.entries(classes).map(([name, queries]) => ({ class: name, queries }));
}

/** Every prefix of each topic word, as typed one keystroke at a time. */
export function keystrokeQueries(topics) {
  return topics.flatMap(({ topic }) => [...topic].map((_, end) => topic.slice(0, end + 1)));
}

/** Dossier-only query syntax: phrases, exclusion, OR. */
export const DOSSIER_ONLY = {
  phrase: ['"interest rates"', '"trade deficit"', '"bank of japan"', '"crude oil"', '"oil prices"', '"money supply"'],
  operators: ['oil -gulf', 'coffee OR cocoa', 'wheat -"soviet union"', 'gold OR silver -mine', 'sugar -beet', 'dollar OR yen'],
};
