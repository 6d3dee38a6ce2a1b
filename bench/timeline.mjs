// The timeline and the result list as a reader meets them, in headless Chromium, with
// `?data=` the Reuters bundle (19,779 articles), each figure beside a floor measured in the
// same run (a bare page that only echoes the same input into a line of text):
// - from the collection being ready (parsed and indexed: the app's performance mark
//   "dossier:corpus-ready") to the timeline and the first results painted;
// - dragging the brush across the bars: from each pointer move to the DOM updated (the
//   script's part: the new selection computed and rendered) and to that frame painted;
//   also apart for the moves that change the results and those across empty bars (which
//   only move the brush: Reuters' articles fall on 58 days);
// - a click on a bar, and a zoom (Enter on a handle), measured the same way;
// - choosing an entity filter and letting it go (people, organizations, places), measured
//   the same way (its first change is the button and chip switched);
// - for each gesture, when the results, counts and timeline that follow it (a frame later:
//   the gesture's own frame draws only the brush or the filter) have painted;
// - the number of elements on the page: first page, last page, the table open.
//   node bench/timeline.mjs [--dist D]   (./x bench runs it; it needs dist/ and the Reuters bundle)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';
import { installAfterPaint } from './frames.mjs';
import { stats } from './stats.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const at = process.argv.indexOf('--dist');
const dist = resolve(root, at >= 0 ? process.argv[at + 1] : 'dist');
const reuters = join(root, 'target/bench/reuters.json');
const ROUNDS = 3;
// Clicks and zooms are single events, not a drag's many moves: more rounds of them, so
// that their 95th percentile is not simply the slowest of nine (or three).
const CLICK_ROUNDS = 10;

for (const [what, path] of [['app build', join(dist, 'index.html')], ['Reuters bundle', reuters]]) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path} (run ./x bench, which builds it)`);
    process.exit(2);
  }
}

const server = await serveMounts({ mounts: [['/', dist]], files: { '/reuters.json': reuters } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** The floor: what the browser alone costs to answer the same input with a change of text. */
const FLOOR = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<style>#chart { width: 320px; height: 112px; background: #ddd; margin: 40px; touch-action: none; }</style></head>
<body><div id="chart" tabindex="0"></div><p role="status">ready</p><button id="toggle" type="button">Toggle</button>
<script>
  const chart = document.getElementById('chart');
  const say = (what) => { document.querySelector('[role=status]').textContent = what + ' ' + Math.random(); };
  let down = false;
  chart.addEventListener('pointerdown', (event) => { down = true; chart.setPointerCapture(event.pointerId); say('down ' + event.clientX); });
  chart.addEventListener('pointermove', (event) => { if (down) say('move ' + event.clientX); });
  chart.addEventListener('pointerup', () => { down = false; say('up'); });
  chart.addEventListener('keydown', (event) => say('key ' + event.key));
  document.getElementById('toggle').addEventListener('click', () => say('toggle'));
</script></body></html>`;

/**
 * Records, for each input event of the given types, the time until the page's DOM next
 * changes (anywhere) and until the frame holding that change has painted. A click is
 * measured from its press (the period changes on release, which follows at once).
 */
async function instrument(page, types) {
  await installAfterPaint(page);
  await page.evaluate((types) => {
    window.__samples = [];
    let pending = null;
    for (const type of types) {
      document.addEventListener(type, (event) => {
        if (type === 'pointermove' && event.buttons === 0) return;
        // A press starts a new gesture: an earlier event that changed nothing (the end of
        // a drag on the bar it was already on) is not what this press is measured from.
        if (type === 'pointerdown' || type === 'keydown') pending = { type, start: performance.now() };
        else pending ??= { type, start: performance.now() };
      }, true);
    }
    // The first change after an input is its "DOM updated", painted with the frame that
    // holds it; later changes before the next input (anything the app draws in a later
    // task) are its "last change", painted in turn.
    let current = null;
    // The results' headings after each input: whether it changed them (a drag across an
    // empty bar only moves the brush).
    const headings = () => [...document.querySelectorAll('.results h3')].map((heading) => heading.textContent).join('|');
    let shown = headings();
    new MutationObserver(() => {
      const now = performance.now();
      if (pending) {
        current = pending;
        pending = null;
        current.dom = now - current.start;
        const first = current;
        window.__afterPaint(() => {
          first.painted = performance.now() - first.start;
          const now = headings();
          first.results = now !== shown;
          shown = now;
          window.__samples.push(first);
        });
      }
      if (!current) return;
      const sample = current;
      sample.last = now - sample.start;
      window.__afterPaint(() => {
        sample.lastPainted = performance.now() - sample.start;
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  }, types);
}

const take = (page) => page.evaluate(() => window.__samples.splice(0));
const settle = (page) => page.waitForTimeout(150);

/** Drags across the chart from its left to its right edge and back, a bar per move. */
async function drag(page, box, bars) {
  const y = box.y + box.height / 2;
  const step = box.width / bars;
  await page.mouse.move(box.x + step / 2, y);
  await page.mouse.down();
  for (let bar = 1; bar < bars; bar += 1) {
    await page.mouse.move(box.x + step * (bar + 0.5), y);
    await settle(page);
  }
  for (let bar = bars - 2; bar >= 0; bar -= 1) {
    await page.mouse.move(box.x + step * (bar + 0.5), y);
    await settle(page);
  }
  await page.mouse.up();
  await settle(page);
}

/** The same gestures on the app (Reuters) or on the floor page. */
async function gestures(floor) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  let ready = null;
  if (floor) {
    await page.setContent(FLOOR);
  } else {
    await page.goto(`${server.url}/?data=reuters.json`);
    // Checked every frame: a locator's waitFor retries after up to 500 ms, which the
    // figure below would count.
    await page.waitForFunction(
      () => document.querySelector('#app .search input') && document.querySelector('#app .results .result') && document.querySelector('#app svg.bars .all'),
      null,
      { polling: 'raf', timeout: 120_000 },
    );
    ready = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
      const [fetched] = performance.getEntriesByName('dossier:fetched');
      const [corpus] = performance.getEntriesByName('dossier:corpus-ready');
      done({ fetched: fetched.startTime, corpus: corpus.startTime, painted: performance.now() });
    }))));
    // The app computes the views of one-letter queries in idle tasks after loading; the
    // gestures are measured once that is done, as a reader who reads first meets them.
    await page.waitForFunction(() => performance.getEntriesByName('dossier:warmed').length > 0, null, { timeout: 120_000 });
  }
  const chart = floor ? page.locator('#chart') : page.locator('#timeline-chart');
  const box = await chart.boundingBox();
  const bars = floor ? 35 : await page.locator('svg.bars rect.hit').count();
  await instrument(page, ['pointermove', 'pointerdown', 'pointerup', 'keydown']);
  const dragging = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await drag(page, box, bars);
    dragging.push(...(await take(page)).filter((sample) => sample.type === 'pointermove'));
  }
  const clicks = [];
  for (let round = 0; round < CLICK_ROUNDS; round += 1) {
    for (const bar of [3, Math.floor(bars / 2), bars - 4]) {
      await page.mouse.click(box.x + (box.width / bars) * (bar + 0.5), box.y + box.height / 2);
      await settle(page);
      clicks.push(...(await take(page)).filter((sample) => sample.type === 'pointerdown'));
    }
  }
  const zooms = [];
  for (let round = 0; round < CLICK_ROUNDS; round += 1) {
    // A period of a few bars chosen, then Enter zooms into it; Zoom out returns.
    await page.mouse.click(box.x + (box.width / bars) * (Math.floor(bars / 2) + 0.5), box.y + box.height / 2);
    await settle(page);
    await take(page);
    if (floor) await chart.focus();
    else await page.getByRole('slider', { name: 'End of period' }).focus();
    await page.keyboard.press('Enter');
    await settle(page);
    zooms.push(...(await take(page)).filter((sample) => sample.type === 'keydown'));
    if (!floor) {
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await settle(page);
      await page.getByRole('slider', { name: 'End of period' }).focus();
      await page.keyboard.press('Escape');
      await settle(page);
    }
    await take(page);
  }
  const toggles = [];
  // The first three names of each kind, chosen and let go in turn.
  const names = floor
    ? []
    : await page.evaluate(() => [...document.querySelectorAll('.entity-group')].flatMap((group) =>
      [...group.querySelectorAll('button.entity .name')].slice(0, 3).map((name) => name.textContent)));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of floor ? Array(9).fill(null) : names) {
      for (let press = 0; press < 2; press += 1) {
        const target = floor
          ? page.locator('#toggle')
          : page.getByRole('region', { name: 'Mentioned' }).getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }).first();
        await target.click();
        await page.waitForTimeout(250);
        toggles.push(...(await take(page)).filter((sample) => sample.type === 'pointerdown'));
      }
    }
  }
  let elements = null;
  if (!floor) {
    const count = () => page.evaluate(() => document.querySelectorAll('*').length);
    const first = await count();
    await page.getByRole('button', { name: 'Last page' }).click();
    await settle(page);
    const last = await count();
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await settle(page);
    elements = { first, last, table: await count() };
  }
  await page.close();
  return { ready, bars, drag: dragging, click: clicks, zoom: zooms, toggle: toggles, elements };
}

const ms = (value) => value.toFixed(value < 10 ? 2 : 1);
const cell = ({ p50, p95, max }) => `${ms(p50)} / ${ms(p95)} (${ms(max)})`.padEnd(24);

try {
  const app = await gestures(false);
  const floor = await gestures(true);
  const { ready } = app;
  console.log(`\nThe timeline on Reuters-21578 (${app.bars} bars), ${ROUNDS} rounds of drags and toggles, ${CLICK_ROUNDS} of clicks and zooms, beside a bare page's floor.`);
  console.log(`collection fetched at ${ms(ready.fetched)} ms, parsed and indexed at ${ms(ready.corpus)} ms; timeline and first results painted at ${ms(ready.painted)} ms: ${ms(ready.painted - ready.corpus)} ms after the collection was ready`);
  console.log('ms from the input event, p50 / p95 (max)   app: DOM updated        app: painted            floor: painted          painted p95 - floor p95');
  // Reuters' articles fall on 58 days: many bars are empty, and a move across one
  // changes no result; the moves that do are the real work, reported apart.
  const samples = { ...app, dragChanging: app.drag.filter((sample) => sample.results), dragEmpty: app.drag.filter((sample) => !sample.results) };
  const floors = { ...floor, dragChanging: floor.drag, dragEmpty: floor.drag };
  for (const [label, key] of [
    ['dragging the brush', 'drag'],
    ['  moves that change the results', 'dragChanging'],
    ['  moves across empty bars', 'dragEmpty'],
    ['clicking a bar', 'click'],
    ['zooming in (Enter)', 'zoom'],
  ]) {
    const dom = stats(samples[key], 'dom');
    const painted = stats(samples[key], 'painted');
    const floorPainted = stats(floors[key], 'painted');
    const over = painted.p95 - floorPainted.p95;
    console.log(`${`${label} (${dom.n})`.padEnd(42)}${cell(dom)}${cell(painted)}${cell(floorPainted)}${over >= 0 ? '+' : ''}${ms(over)}`);
  }
  {
    const dom = stats(app.toggle, 'dom');
    const painted = stats(app.toggle, 'painted');
    const floorPainted = stats(floor.toggle, 'painted');
    const over = painted.p95 - floorPainted.p95;
    console.log(`${`entity filter on/off (${dom.n})`.padEnd(42)}${cell(dom)}${cell(painted)}${cell(floorPainted)}${over >= 0 ? '+' : ''}${ms(over)}`);
  }
  // What follows the gesture's own frame (the brush, the filter switched): the results,
  // counts and timeline, drawn in a later frame, within the warm-query budget (100 ms).
  console.log('then the results, counts and timeline: their last change painted, p50 / p95 (max)');
  for (const [label, key] of [['dragging the brush', 'drag'], ['clicking a bar', 'click'], ['zooming in (Enter)', 'zoom'], ['entity filter on/off', 'toggle']]) {
    console.log(`  ${label.padEnd(40)}${cell(stats(samples[key], 'lastPainted'))}`);
  }
  const slowest = (samples) => [...samples].sort((a, b) => b.painted - a.painted).slice(0, 3).map((s) => `${s.type} ${ms(s.dom)}/${ms(s.painted)}`).join(", ");
  console.log(`slowest: drag ${slowest(app.drag)}; click ${slowest(app.click)}; zoom ${slowest(app.zoom)}`);
  const { first, last, table } = app.elements;
  console.log(`elements on the page: ${first} (first page), ${last} (last page of the 19,779 results), ${table} (the table open)`);
} finally {
  await browser.close();
  await server.close();
}
