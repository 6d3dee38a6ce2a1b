// The peers' quality on the judged query set, in node (no browser needed: quality does
// not depend on it), every class of both halves, for the tuning loop beside
// `examples/judged.rs`:
//   node bench/quality.mjs [tune|report|both]
// p = precision at min(10, relevant), then P@10 and MRR (first relevant in the top 100).
import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { Document as FlexDocument, Charset } from 'flexsearch';
import { loadJudgedSet, score } from './judged.mjs';
import { countBySource } from './misspellings.mjs';
import { peerDocuments, peerEngines } from './peers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const wanted = process.argv[2] ?? 'both';
const halves = wanted === 'both' ? ['tune', 'report'] : [wanted];
const { records, misspellings, set } = await loadJudgedSet(root);
const sources = Object.entries(countBySource(misspellings)).map(([source, count]) => `${source} ${count}`).join(', ');
console.log(`misspellings: ${misspellings.length} distinct (wrong, right) pairs (${sources})`);
const engines = peerEngines({ MiniSearch, FlexDocument, Charset }, peerDocuments(records));
for (const half of halves) {
  console.log(`\n${half} half: class (queries), then p / P@10 / MRR per engine`);
  for (const [name, queries] of Object.entries(set[half])) {
    const cells = Object.entries(engines).map(([engine, { top }]) => {
      const { p, p10, mrr } = score(queries, top);
      return `${engine} ${p.toFixed(3)} / ${p10.toFixed(3)} / ${mrr.toFixed(3)}`;
    });
    console.log(`${name.padStart(20)} (${String(queries.length).padStart(4)})  ${cells.join('   ')}`);
  }
}
