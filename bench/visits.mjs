// Load speed as a reader meets it, in headless Chromium, each figure beside a floor
// measured in the same run:
// - the seed and the Reuters collection: first visit and repeat visit (served by the
//   service worker) to the first results shown, beside a static page's first paint;
// - the one-file dossier of Reuters: the time to make it, its size, and the time to open
//   it from file:// to the first results.
//   node bench/visits.mjs          (./x bench runs it; it needs dist/ and the Reuters bundle)
import { execFileSync } from 'node:child_process';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
const reuters = join(root, 'target/bench/reuters.json');
const RUNS = 5;

const scratch = await mkdtemp(join(tmpdir(), 'dossier-visits-'));
await writeFile(join(scratch, 'static.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><h1>A static page</h1><p>Nothing else.</p></body></html>');
const server = await serveMounts({ mounts: [['/static/', scratch], ['/', dist]], files: { '/reuters.json': reuters } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** Milliseconds from navigation start until the status line first reports the articles. */
async function firstResults(page) {
  await page.waitForFunction(() => /^\d+ of \d+ articles/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 120_000 });
  return page.evaluate(() => window.__firstResults ?? performance.now());
}

async function watch(context) {
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (/^\d+ of \d+ articles/.test(document.querySelector('[role=status]')?.textContent ?? '')) {
        window.__firstResults = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

try {
  const floor = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/static/static.html`);
    floor.push(await page.evaluate(() => new Promise((done) => {
      const paint = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (paint()) done(paint());
      else new PerformanceObserver(() => paint() && done(paint())).observe({ type: 'paint', buffered: true });
    })));
    await page.close();
  }
  console.log(`\nLoading, median of ${RUNS} runs (fresh profile each first visit):`);
  console.log(`  floor: a static page's first contentful paint: ${ms(median(floor))}`);
  for (const [label, path] of [['seed', '/'], ['Reuters (28 MB)', '/?data=reuters.json']]) {
    const first = [];
    const repeat = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      await watch(context);
      const page = await context.newPage();
      await page.goto(server.url + path);
      first.push(await firstResults(page));
      await page.getByText(/^Available offline/).waitFor({ timeout: 120_000 });
      await page.reload();
      repeat.push(await firstResults(page));
      await context.close();
    }
    const over = median(repeat) - median(floor);
    console.log(`  ${label}: first visit ${ms(median(first))}, repeat visit from the cache ${ms(median(repeat))} (floor ${over >= 0 ? '+' : ''}${ms(over)})`);
  }
  const file = join(scratch, 'reuters.html');
  const start = Date.now();
  execFileSync(join(root, 'target/release/dossier'), ['export', '--data', reuters, '--dist', dist, '-o', file], { stdio: 'ignore' });
  const made = Date.now() - start;
  const { size } = await stat(file);
  const opens = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    await watch(context);
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    opens.push(await firstResults(page));
    await context.close();
  }
  console.log(`  one-file dossier of Reuters: made in ${ms(made)}, ${(size / 1e6).toFixed(1)} MB, opens from file:// to first results in ${ms(median(opens))}`);
} finally {
  await browser.close();
  await server.close();
}
