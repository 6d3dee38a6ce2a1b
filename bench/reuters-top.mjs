// The entities a reader of a wire archive meets first: the top N people, organizations and
// places of a bundle by the number of articles that mention them. Neither gold set of the
// ablation (CoNLL-2003, Wikinews) holds wire copy's company names, so bench/ablation.sh
// also asks how a pass's removal changes these lists on Reuters-21578.
//   node bench/reuters-top.mjs BUNDLE [--top N]                 the lists, "kind<TAB>articles<TAB>name"
//   node bench/reuters-top.mjs BUNDLE --against BASE [--top N]  the count of BASE's top names
//                                                              (name and kind) that BUNDLE's lists
//                                                              lost, then "lost"/"gained" lines
import { readFile } from 'node:fs/promises';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const top = Number(option('--top', '50'));
const against = option('--against', null);
const [bundlePath] = args;
if (!bundlePath || !Number.isInteger(top) || top < 1) {
  console.error('usage: node bench/reuters-top.mjs BUNDLE [--against BASE] [--top N]');
  process.exit(2);
}

/** kind -> [{ name, articles }], the `top` most mentioned, ties by name. */
async function topEntities(path) {
  const bundle = JSON.parse(await readFile(path, 'utf8'));
  const articles = new Map();
  for (const article of bundle.articles) {
    for (const id of new Set((article.mentions ?? []).map((mention) => mention.entity))) {
      articles.set(id, (articles.get(id) ?? 0) + 1);
    }
  }
  const lists = new Map();
  for (const entity of bundle.entities) {
    const list = lists.get(entity.kind) ?? [];
    list.push({ name: entity.name, articles: articles.get(entity.id) ?? 0 });
    lists.set(entity.kind, list);
  }
  for (const [kind, list] of lists) {
    list.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
    lists.set(kind, list.slice(0, top));
  }
  return lists;
}

const lists = await topEntities(bundlePath);
if (!against) {
  for (const [kind, list] of lists) {
    for (const { name, articles } of list) console.log(`${kind}\t${articles}\t${name}`);
  }
} else {
  const base = await topEntities(against);
  const lines = [];
  let lost = 0;
  for (const kind of new Set([...base.keys(), ...lists.keys()])) {
    const before = base.get(kind) ?? [];
    const after = lists.get(kind) ?? [];
    const names = (list) => new Set(list.map((entry) => entry.name));
    const [had, has] = [names(before), names(after)];
    for (const { name, articles } of before) {
      if (!has.has(name)) {
        lost += 1;
        lines.push(`lost\t${kind}\t${articles}\t${name}`);
      }
    }
    for (const { name, articles } of after) {
      if (!had.has(name)) lines.push(`gained\t${kind}\t${articles}\t${name}`);
    }
  }
  console.log(lost);
  for (const line of lines) console.log(line);
}
