// The peers' quality on the judged query set, in node (no browser needed: quality does
// not depend on it), for the tuning loop beside `examples/judged.rs`:
//   node bench/quality.mjs [tune|report]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { Document as FlexDocument, Charset } from 'flexsearch';
import { judgedSet, score } from './judged.mjs';
import { peerDocuments, peerEngines } from './peers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const corpus = resolve(root, '../shared/corpus');
const half = process.argv[2] ?? 'tune';
const records = (await readFile(`${corpus}/reuters21578.jsonl`, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
const set = judgedSet({
  records,
  descriptionsText: await readFile(`${corpus}/reuters-cat-descriptions.txt`, 'utf8'),
  codespellDictionary: await readFile(resolve(root, 'target/bench/codespell/dictionary.txt'), 'utf8'),
});
const engines = peerEngines({ MiniSearch, FlexDocument, Charset }, peerDocuments(records));
console.log(`${half} half: class, then P@10 / MRR per engine`);
for (const [name, queries] of Object.entries(set[half])) {
  const cells = Object.entries(engines).map(([engine, { top }]) => {
    const { p10, mrr } = score(queries, top);
    return `${engine} ${p10.toFixed(3)} / ${mrr.toFixed(3)}`;
  });
  console.log(`${name.padStart(12)} (${String(queries.length).padStart(3)})  ${cells.join('   ')}`);
}
