// Writes the judged query set (bench/judged.mjs) as JSON, for the native scorer:
//   node bench/judged-dump.mjs target/bench/judged.json
// then
//   cargo run --release -p dossier-cli --example judged -- target/bench/judged.json target/bench/reuters.json tune
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { judgedSet } from './judged.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const corpus = resolve(root, '../shared/corpus');
const records = (await readFile(`${corpus}/reuters21578.jsonl`, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
const set = judgedSet({
  records,
  descriptionsText: await readFile(`${corpus}/reuters-cat-descriptions.txt`, 'utf8'),
  codespellDictionary: await readFile(resolve(root, 'target/bench/codespell/dictionary.txt'), 'utf8'),
});
const plain = Object.fromEntries(
  Object.entries(set).map(([half, classes]) => [
    half,
    Object.fromEntries(Object.entries(classes).map(([name, queries]) => [name, queries.map(({ text, relevant, topic }) => ({ text, topic, relevant: [...relevant] }))])),
  ]),
);
await writeFile(process.argv[2] ?? resolve(root, 'target/bench/judged.json'), JSON.stringify(plain));
