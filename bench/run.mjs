// The side-by-side benchmark: Dossier (core compiled to wasm), MiniSearch and FlexSearch
// in one headless-Chromium page on the Reuters-21578 collection, then the real app typing
// into its search box with that collection loaded. Prints tables; exits non-zero only when
// something could not run. `./x bench` builds what it needs and calls this.
//
//   node bench/run.mjs [--bundle target/bench/reuters.json] [--json results.json] [--app-only]
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';
import { installAfterPaint } from './frames.mjs';
import { stats } from './stats.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const corpus = resolve(root, '../shared/corpus');
const bundle = resolve(root, option('--bundle', 'target/bench/reuters.json'));
const dist = resolve(root, option('--dist', 'dist'));
const jsonOut = option('--json', null);

if (!existsSync(join(corpus, 'reuters21578.jsonl'))) {
  console.log(`skipping: ${corpus}/reuters21578.jsonl not found (the shared corpus is absent)`);
  process.exit(0);
}
const required = [
  ['bundle', bundle],
  ['wasm package', join(root, 'bench/pkg/dossier_bench.js')],
  ['app build', join(dist, 'index.html')],
  ['the judged query set', join(root, 'target/bench/judged.json')],
];
for (const [what, path] of required) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path} (run ./x bench, which builds it)`);
    process.exit(2);
  }
}

/** Serves the repository, the shared corpus, the bundle and the app on loopback, with
 * cross-origin isolation so that performance.now() has fine resolution. */
function serve() {
  return serveMounts({
    mounts: [['/corpus/', corpus], ['/app/', dist], ['/', root]],
    files: { '/bundle.json': bundle },
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
}

const ms = (value) => value.toFixed(value < 10 ? 2 : 1);
const pad = (value, width) => String(value).padStart(width);
const padEnd = (value, width) => String(value).padEnd(width);

function printEngines(result) {
  const names = Object.keys(result.summary);
  const sizes = Object.entries(result.sizes).map(([name, [tune, report]]) => `${name} ${tune}+${report}`).join(', ');
  console.log(`\nReuters-21578: ${result.articles} articles; judged queries (tune+report): ${sizes}\n`);
  console.log('Index build and memory');
  console.log(`${padEnd('engine', 12)}${pad('build ms', 10)}${pad('ratio', 8)}${pad('load ms', 10)}${pad('memory MB', 11)}  what memory counts`);
  const base = result.summary.Dossier;
  for (const name of names) {
    const engine = result.summary[name];
    console.log(
      `${padEnd(name, 12)}${pad(ms(engine.build), 10)}${pad((engine.build / base.build).toFixed(2), 8)}${pad(ms(engine.load), 10)}${pad((engine.memory / 1e6).toFixed(1), 11)}  ${engine.memoryNote}`,
    );
  }
  console.log('  (Dossier "load" = parse the JSON bundle + check it + build the index; "build" = the index alone)\n');

  console.log('Query latency in ms, p50 / p95, every judged query of both halves (Dossier: full selection with facet counts and timeline); ratio = engine p95 / Dossier p95');
  const classes = Object.keys(result.speed.Dossier);
  console.log(`${padEnd('class', 12)}${names.map((name) => padEnd(pad(name, 22), 24)).join('')}`);
  for (const queryClass of classes) {
    const cells = names.map((name) => {
      const cell = result.speed[name][queryClass];
      if (!cell) return padEnd(pad('n/a', 22), 24);
      const ratio = cell.p95 / result.speed.Dossier[queryClass].p95;
      const text = `${ms(cell.p50)} / ${ms(cell.p95)}` + (name === 'Dossier' ? '' : ` (${ratio.toFixed(1)}x)`);
      return padEnd(pad(text, 22), 24);
    });
    console.log(`${padEnd(queryClass, 12)}${cells.join('')}`);
  }

  for (const half of ['report', 'tune']) {
    const scores = result.quality[half];
    const heading = half === 'report' ? 'REPORTED half (never tuned on)' : 'tune half (the engine was tuned on these topics)';
    console.log(`\nQuality on the ${heading}: P@min(10, relevant) / MRR against the topic labels or the class's rule (bench/judged.mjs); "lead" = Dossier's minus the best peer's`);
    console.log(`${padEnd('class', 20)}${names.map((name) => padEnd(pad(name, 16), 18)).join('')}${pad('lead', 8)}`);
    for (const queryClass of Object.keys(scores.Dossier)) {
      const cells = names.map((name) => {
        const { p, mrr } = scores[name][queryClass];
        return padEnd(pad(`${p.toFixed(3)} / ${mrr.toFixed(3)}`, 16), 18);
      });
      const bestPeer = Math.max(...names.filter((name) => name !== 'Dossier').map((name) => scores[name][queryClass].p));
      const lead = scores.Dossier[queryClass].p - bestPeer;
      console.log(`${padEnd(queryClass, 20)}${cells.join('')}${pad((lead >= 0 ? '+' : '') + lead.toFixed(3), 8)}`);
    }
  }
}

/** The queries typed into the app (the 5 of the team's harness), and how many times. */
const TYPED = ['coffee', 'cocoa prices', 'natural gas', 'sugar', 'tokyo'];
const ROUNDS = 3;
/** Milliseconds between keys at a fast typist's pace. */
const TYPIST_MS = 150;

/**
 * Types into the real app's search box and measures, from each keydown, the time until
 * the DOM shows the results (search and render in wasm) and until that frame painted; with
 * `floor`, into a bare page whose input only echoes into a status line, which is what the
 * browser alone costs (the wait for the next frame included). Three ways of typing:
 * each keystroke awaited (every query letter by letter, then the box cleared with
 * Ctrl+A, Backspace); the same without pauses (keys as fast as Chromium takes them); and
 * at a fast typist's pace, when the sidebar follows between keys. First letters and
 * clearing are reported apart: they are the slowest states.
 */
async function typingInApp(browser, url, floor = false) {
  // No service worker: on a first visit it fetches the 28 MB collection again to save it
  // for offline, which would run during the typing measured here.
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  const loadStart = Date.now();
  if (floor) {
    await page.setContent(`<label>Search <input type="search"></label><p role="status"></p>
      <script>document.querySelector('input').addEventListener('input', (event) => {
        document.querySelector('[role=status]').textContent = event.target.value + ' ' + Math.random(); });</script>`);
  } else {
    await page.goto(`${url}/app/?data=${encodeURIComponent(`${url}/bundle.json`)}`);
  }
  const search = page.getByRole('searchbox', { name: /search/i });
  await search.waitFor({ timeout: 120_000 });
  const loaded = Date.now() - loadStart;
  await installAfterPaint(page);
  await page.evaluate(() => {
    // keydown → the status line changes (it names the query, so every keystroke changes
    // it) → the next animation frame → a task after it, which runs once that frame
    // painted. Each sample is tagged with what the box held before the key.
    window.__samples = [];
    const pending = [];
    document.addEventListener('keydown', (event) => {
      // Ctrl+A selects and a space ends a word: neither changes what is shown.
      if (event.ctrlKey || event.metaKey || event.key === 'Control' || event.key === ' ') return;
      pending.push({ start: performance.now(), before: document.querySelector('input[type=search]').value, key: event.key });
    }, true);
    const status = document.querySelector('[role=status]');
    new MutationObserver(() => {
      const now = performance.now();
      for (const sample of pending.splice(0)) {
        sample.dom = now - sample.start;
        window.__afterPaint(() => {
          sample.painted = performance.now() - sample.start;
          window.__samples.push(sample);
        });
      }
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  const settled = async (count) => page.waitForFunction((n) => window.__samples.length >= n, count, { timeout: 30_000 });
  await search.focus();
  let expected = 0;
  for (const query of Array(ROUNDS).fill(TYPED).flat()) {
    for (const key of query) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      if (key !== ' ') await settled(++expected);
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settled(++expected);
  }
  const awaited = await page.evaluate(() => window.__samples.splice(0));
  for (const query of Array(ROUNDS).fill(TYPED).flat()) {
    await search.pressSequentially(query, { delay: 0 });
    await page.waitForTimeout(300);
    await search.fill('');
    await page.waitForTimeout(300);
  }
  const hurried = await page.evaluate(() => window.__samples.splice(0));
  // A fast typist's pace (150 ms between keys, 80 words a minute): what lags behind the
  // results (the sidebar, the address) catches up between keys, and must not slow them.
  for (const query of Array(ROUNDS).fill(TYPED).flat()) {
    for (const key of query) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(TYPIST_MS);
    }
    await search.fill('');
    await page.waitForTimeout(300);
  }
  const paced = await page.evaluate(() => window.__samples.splice(0));
  await page.close();
  const firstLetters = awaited.filter((sample) => sample.before === '' && sample.key !== 'Backspace');
  const clearing = awaited.filter((sample) => sample.key === 'Backspace');
  const slowest = [...awaited].sort((a, b) => b.painted - a.painted).slice(0, 5);
  const slowestDom = [...awaited].sort((a, b) => b.dom - a.dom).slice(0, 8);
  return {
    loaded,
    awaited: { dom: stats(awaited, 'dom'), painted: stats(awaited, 'painted') },
    firstLetters: { dom: stats(firstLetters, 'dom'), painted: stats(firstLetters, 'painted') },
    clearing: { dom: stats(clearing, 'dom'), painted: stats(clearing, 'painted') },
    hurried: { dom: stats(hurried, 'dom'), painted: stats(hurried, 'painted') },
    paced: { dom: stats(paced, 'dom'), painted: stats(paced, 'painted') },
    slowest: slowest.map((sample) => `${JSON.stringify(sample.before)}+${sample.key} (${sample.painted.toFixed(1)} ms)`),
    slowestDom: slowestDom.map((sample) => `${JSON.stringify(sample.before)}+${sample.key} (${sample.dom.toFixed(1)} ms)`),
  };
}

function printTyping(typing, floor) {
  console.log(`\nTyping into the app with ?data= the Reuters bundle (loaded and interactive in ${typing.loaded} ms): results on every key (no debounce), the sidebar once typing pauses.`);
  console.log(`Queries: ${TYPED.join(', ')}, ${ROUNDS} times; each letter awaited, then cleared; then the same typed without pauses; then ${TYPIST_MS} ms apart.`);
  console.log('ms from keydown, p50 / p95 (max)       app: DOM updated     floor: DOM updated   app: painted         floor: painted       painted - floor p95');
  for (const [label, key] of [['every key, awaited', 'awaited'], ['first letters', 'firstLetters'], ['clearing the box', 'clearing'], ['without pauses', 'hurried'], [`${TYPIST_MS} ms apart`, 'paced']]) {
    const cell = ({ p50, p95, max }) => padEnd(`${ms(p50)} / ${ms(p95)} (${ms(max)})`, 21);
    const over = typing[key].painted.p95 - floor[key].painted.p95;
    console.log(`${padEnd(`${label} (${typing[key].dom.n})`, 38)}${cell(typing[key].dom)}${cell(floor[key].dom)}${cell(typing[key].painted)}${cell(floor[key].painted)}${over >= 0 ? '+' : ''}${ms(over)}`);
  }
  console.log(`slowest keystrokes to paint: ${typing.slowest.join(', ')}`);
  console.log(`slowest keystrokes to DOM updated: ${typing.slowestDom.join(', ')}`);
}

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--expose-gc', '--enable-precise-memory-info',
  ],
});
try {
  let result = {};
  if (!args.includes('--app-only')) {
    const page = await browser.newPage();
    page.on('console', (message) => { if (message.type() === 'error') console.error(message.text()); });
    await page.goto(`${server.url}/bench/page.html`);
    result = await page.evaluate((urls) => window.runBenchmark(urls), {
      corpusUrl: '/corpus/reuters21578.jsonl',
      bundleUrl: '/bundle.json',
      judgedUrl: '/target/bench/judged.json',
    });
    await page.close();
  }
  if (!args.includes('--app-only')) printEngines(result);
  const typing = await typingInApp(browser, server.url);
  const floor = await typingInApp(browser, server.url, true);
  printTyping(typing, floor);
  if (jsonOut) await writeFile(jsonOut, JSON.stringify({ ...result, typing, floor }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
