// The extractor on news it was not built on: a bundle of ../shared/corpus/wikinews_2019_2021.jsonl
// scored against a gold annotation of some of its articles, at the document level (each
// entity once per article), P / R / F1 per kind. An entity of the bundle is right when its
// kind is the gold entity's and its name, or a way the article writes it, is one of the
// gold entity's forms (case aside, without "the" or "'s"); a wrong kind or a cut name counts
// as one wrong and one missed.
//   dossier ingest ../shared/corpus/wikinews_2019_2021.jsonl -o target/wikinews.json
//   node bench/wikinews.mjs target/wikinews.json [tune|report] [--show]
// `tune` (even articles) is for finding error classes; `report` (odd articles) is for notes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const [bundlePath, half = 'report'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const show = process.argv.includes('--show');
if (!bundlePath || !['tune', 'report'].includes(half)) {
  console.error('usage: node bench/wikinews.mjs BUNDLE [tune|report] [--show]');
  process.exit(2);
}
const KINDS = { PER: 'person', ORG: 'organization', LOC: 'place' };
const norm = (text) => text.trim().replaceAll('’', "'").replace(/'s$/, '').replace(/^the /i, '').toLowerCase();

/** article id -> [{ kind, name, forms: Set }] */
function parseGold(text) {
  const gold = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      current = [];
      gold.set(line.slice(3).trim(), current);
    } else if (current && !line.startsWith('#') && line.includes('|')) {
      const [kind, name, forms = ''] = line.split('|').map((part) => part.trim());
      if (!KINDS[kind]) continue;
      const all = [name, ...forms.split(';')].map(norm).filter(Boolean);
      current.push({ kind: KINDS[kind], name, forms: new Set(all) });
    }
  }
  return gold;
}

const root = resolve(new URL('..', import.meta.url).pathname);
const gold = parseGold(await readFile(resolve(root, `bench/wikinews/gold-${half}.txt`), 'utf8'));
const bundle = JSON.parse(await readFile(bundlePath, 'utf8'));
const entities = new Map(bundle.entities.map((entity) => [entity.id, entity]));
const articles = new Map(bundle.articles.map((article) => [article.id, article]));

const counts = {};
for (const kind of Object.values(KINDS)) counts[kind] = { right: 0, wrong: 0, missed: 0 };
for (const [id, golds] of gold) {
  const article = articles.get(id);
  if (!article) {
    console.error(`the bundle has no article ${id}: is it the Wikinews bundle?`);
    process.exit(2);
  }
  const paragraphs = Array.isArray(article.body) ? article.body : article.body.split('\n\n');
  // Ours: entity id -> { kind, name, forms }
  const ours = new Map();
  for (const mention of article.mentions) {
    const entity = entities.get(mention.entity);
    if (!ours.has(entity.id)) ours.set(entity.id, { kind: entity.kind, name: entity.name, forms: new Set([norm(entity.name)]) });
    // Mention offsets count characters (code points), not UTF-16 units.
    const paragraph = [...(paragraphs[mention.paragraph] ?? '')];
    ours.get(entity.id).forms.add(norm(paragraph.slice(mention.start, mention.end).join('')));
  }
  const used = new Set();
  for (const { kind, name, forms } of golds) {
    const hit = [...ours].find(([key, entity]) => !used.has(key) && entity.kind === kind && [...entity.forms].some((form) => forms.has(form)));
    if (hit) {
      used.add(hit[0]);
      counts[kind].right += 1;
    } else {
      counts[kind].missed += 1;
      if (show) console.log(`${id}  missed  ${kind} ${name}`);
    }
  }
  for (const [key, entity] of ours) {
    if (used.has(key)) continue;
    counts[entity.kind].wrong += 1;
    if (show) console.log(`${id}  wrong   ${entity.kind} ${entity.name}`);
  }
}

const cell = ({ right, wrong, missed }) => {
  const precision = right / Math.max(1, right + wrong);
  const recall = right / Math.max(1, right + missed);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return `${precision.toFixed(3)} / ${recall.toFixed(3)} / ${f1.toFixed(3)}  (${right} right, ${wrong} wrong, ${missed} missed)`;
};
const total = { right: 0, wrong: 0, missed: 0 };
console.log(`${half} half: ${gold.size} articles; P / R / F1`);
for (const [kind, count] of Object.entries(counts)) {
  for (const key of Object.keys(total)) total[key] += count[key];
  console.log(`  ${kind.padEnd(13)} ${cell(count)}`);
}
console.log(`  ${'all'.padEnd(13)} ${cell(total)}`);
