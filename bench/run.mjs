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
for (const [what, path] of [['bundle', bundle], ['wasm package', join(root, 'bench/pkg/dossier_bench.js')], ['app build', join(dist, 'index.html')]]) {
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
  console.log(`\nReuters-21578: ${result.articles} articles; ${result.topics} topics, so ${result.queriesPerClass} queries per judged class; ${result.keystrokes} keystroke prefixes\n`);
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

  console.log('Query latency in ms, p50 / p95 (Dossier: full selection with facet counts and timeline); ratio = engine p95 / Dossier p95');
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

  console.log('\nQuality against the topic labels: precision at 10 / mean reciprocal rank');
  console.log(`${padEnd('class', 12)}${names.map((name) => padEnd(pad(name, 16), 18)).join('')}`);
  for (const queryClass of Object.keys(result.scores.Dossier)) {
    const cells = names.map((name) => {
      const { p10, mrr } = result.scores[name][queryClass];
      return padEnd(pad(`${p10.toFixed(3)} / ${mrr.toFixed(3)}`, 16), 18);
    });
    console.log(`${padEnd(queryClass, 12)}${cells.join('')}`);
  }
}

/**
 * Types into the real app's search box and measures keystroke to results painted; with
 * `floor`, into a bare page whose input only echoes into a status line, which is what
 * the browser alone costs (the wait for the next frame included).
 */
async function typingInApp(browser, url, floor = false) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const loadStart = Date.now();
  if (floor) {
    await page.setContent(`<label>Search <input type="search"></label><p role="status"></p>
      <script>document.querySelector('input').addEventListener('input', (event) => {
        document.querySelector('[role=status]').textContent = event.target.value; });</script>`);
  } else {
    await page.goto(`${url}/app/?data=${encodeURIComponent(`${url}/bundle.json`)}`);
  }
  const search = page.getByRole('searchbox', { name: /search/i });
  await search.waitFor({ timeout: 120_000 });
  const loaded = Date.now() - loadStart;
  await page.evaluate(() => {
    // keydown → the status line changes (it names the query, so every keystroke changes
    // it) → the next animation frame → a task after it, which runs once that frame
    // painted. The DOM-updated time splits script (search and rendering) from the wait
    // for the frame, style, layout and paint.
    window.__latencies = [];
    window.__scripts = [];
    window.__slowest = [];
    let pending = null;
    document.addEventListener('keydown', () => { pending = performance.now(); }, true);
    const status = document.querySelector('[role=status]');
    new MutationObserver(() => {
      if (pending === null) return;
      const start = pending;
      pending = null;
      window.__scripts.push(performance.now() - start);
      const typed = document.querySelector('input[type=search]').value;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__latencies.push(performance.now() - start);
          window.__slowest.push([performance.now() - start, typed]);
        };
        channel.port2.postMessage(null);
      });
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  const queries = ['coffee prices', 'interest rates', 'sheinbuam', 'petroleum', 'wheat exports', 'goverment', '"crude oil"', 'gold -mine'];
  for (const query of queries) {
    await search.fill('');
    await page.waitForTimeout(200);
    await search.pressSequentially(query, { delay: 120 });
    await page.waitForTimeout(300);
  }
  const latencies = (await page.evaluate(() => window.__latencies)).sort((a, b) => a - b);
  const scripts = (await page.evaluate(() => window.__scripts)).sort((a, b) => a - b);
  const slowest = (await page.evaluate(() => window.__slowest)).sort((a, b) => b[0] - a[0]).slice(0, 5);
  await page.close();
  const at = (list, p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];
  return {
    loaded,
    samples: latencies.length,
    p50: at(latencies, 50),
    p95: at(latencies, 95),
    max: latencies.at(-1),
    scriptP50: at(scripts, 50),
    scriptP95: at(scripts, 95),
    slowest: slowest.map(([time, typed]) => `${typed} (${time.toFixed(1)} ms)`),
  };
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
    result = await page.evaluate(
      ({ corpusUrl, bundleUrl }) => window.runBenchmark({ corpusUrl, bundleUrl }),
      { corpusUrl: '/corpus/reuters21578.jsonl', bundleUrl: '/bundle.json' },
    );
    await page.close();
  }
  if (!args.includes('--app-only')) printEngines(result);
  const typing = await typingInApp(browser, server.url);
  const floor = await typingInApp(browser, server.url, true);
  console.log(`\nIn the app with ?data= the Reuters bundle: loaded and interactive in ${typing.loaded} ms;`);
  console.log(`keystroke to results painted over ${typing.samples} keystrokes: p50 ${ms(typing.p50)} ms, p95 ${ms(typing.p95)} ms, max ${ms(typing.max)} ms (no debounce)`);
  console.log(`of which keystroke to DOM updated (search + render in wasm): p50 ${ms(typing.scriptP50)} ms, p95 ${ms(typing.scriptP95)} ms`);
  console.log(`slowest keystrokes: ${typing.slowest.join(', ')}`);
  console.log(`floor, a bare input echoing into a status line in the same browser: p50 ${ms(floor.p50)} ms, p95 ${ms(floor.p95)} ms`);
  if (jsonOut) await writeFile(jsonOut, JSON.stringify({ ...result, typing, floor }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
