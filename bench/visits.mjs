// Load speed as a reader meets it, in headless Chromium, each figure beside a floor
// measured in the same run:
// - the seed and the Reuters collection: first visit and repeat visit (served by the
//   service worker) until the collection is seen and until the app is ready, beside a
//   static page's first paint;
// - the one-file dossier of the seed and of Reuters: the time to make it, its size, and
//   the time to open it from file:// to the first results.
//   node bench/visits.mjs          (./x bench runs it; it needs dist/ and the Reuters bundle)
import { execFileSync } from 'node:child_process';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';
import { median } from './stats.mjs';

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

// "Seen": the status line first reports the articles (the first view drawn at build time
// counts: the reader sees the collection). "Ready": the app's own view is up (it answers
// input), the drawing gone.
const SEEN = '[role=status]';
const READY = '#app > .app [role=status], body > .app [role=status]';

/** Milliseconds from navigation start until the collection is seen, and until the app is ready. */
async function firstResults(page) {
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
  // Seen no earlier than painted.
  return page.evaluate(() => [Math.max(window.__seen, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0), window.__ready]);
}

async function watch(context) {
  await context.addInitScript(([seen, ready]) => {
    // The first view drawn at build time is parsed, then removed unseen, where the
    // address asks for another view or collection: it counts only where it stays.
    const shows = (selector) => {
      const status = document.querySelector(selector);
      if (!/^[\d,]+ of [\d,]+ articles/.test(status?.textContent ?? '')) return false;
      return !(status.closest('#prerendered') && document.documentElement.classList.contains('other-view'));
    };
    const look = (observer) => {
      if (window.__seen === undefined && shows(seen)) window.__seen = performance.now();
      if (window.__ready === undefined && shows(ready)) {
        window.__ready = performance.now();
        observer?.disconnect();
      }
    };
    new MutationObserver((_, observer) => look(observer)).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', () => look());
  }, [SEEN, READY]);
}

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
    const visit = (runs) => {
      const [seen, ready] = [median(runs.map(([seen]) => seen)), median(runs.map(([, ready]) => ready))];
      const over = (value) => `floor ${value >= median(floor) ? '+' : ''}${ms(value - median(floor))}`;
      return `seen ${ms(seen)} (${over(seen)}), app ready ${ms(ready)} (${over(ready)})`;
    };
    console.log(`  ${label}: first visit: ${visit(first)}`);
    console.log(`  ${' '.repeat(label.length)}  repeat visit, from the cache: ${visit(repeat)}`);
  }
  for (const [label, bundle] of [['the seed', join(dist, 'data/bundle.json')], ['Reuters', reuters]]) {
    const file = join(scratch, 'one-file.html');
    const start = Date.now();
    execFileSync(join(root, 'target/release/dossier'), ['export', '--data', bundle, '--dist', dist, '-o', file], { stdio: 'ignore' });
    const made = Date.now() - start;
    const { size } = await stat(file);
    const opens = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      await watch(context);
      await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      opens.push((await firstResults(page))[1]);
      await context.close();
    }
    const shown = size < 1e6 ? `${(size / 1e3).toFixed(1)} KB` : `${(size / 1e6).toFixed(1)} MB`;
    console.log(`  one-file dossier of ${label}: made in ${ms(made)}, ${shown}, opens from file:// to first results in ${ms(median(opens))}`);
  }
} finally {
  await browser.close();
  await server.close();
}
