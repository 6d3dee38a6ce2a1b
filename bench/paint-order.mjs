// Whether bench/timeline.mjs's "painted" for a bar click is the brush's frame or a later
// one: for 30 clicks on Reuters' timeline, the first DOM change (the brush), the animation
// frame after it, when the harness's post-paint message ran ("painted"), when the results
// list changed, and whether the results had already changed when "painted" was taken
// (then the figure includes the next frame's work, not only the brush's).
//   node bench/paint-order.mjs   (needs dist/ and target/bench/reuters.json)
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';
const root = resolve(new URL('..', import.meta.url).pathname);
const server = await serveMounts({ mounts: [['/', join(root, 'dist')]], files: { '/reuters.json': join(root, 'target/bench/reuters.json') } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
await page.goto(`${server.url}/?data=reuters.json`);
await page.waitForFunction(() => performance.getEntriesByName('dossier:warmed').length > 0, null, { timeout: 120000 });
await page.evaluate(() => {
  window.__s = []; let cur = null;
  const heads = () => [...document.querySelectorAll('.results h3')].map((h) => h.textContent).join('|');
  document.addEventListener('pointerdown', () => { cur = { start: performance.now(), before: heads() }; window.__s.push(cur); }, true);
  new MutationObserver((records) => {
    if (!cur) return; const now = performance.now() - cur.start;
    const inResults = records.some((r) => r.target.closest?.('.results') || r.target.parentElement?.closest?.('.results'));
    if (cur.first === undefined) {
      cur.first = now; const c = cur;
      requestAnimationFrame(() => { c.raf = performance.now() - c.start; const ch = new MessageChannel(); ch.port1.onmessage = () => { c.painted = performance.now() - c.start; c.changedBy = heads() !== c.before; }; ch.port2.postMessage(null); });
    }
    if (inResults && cur.results === undefined) cur.results = now;
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
});
const box = await page.locator('#timeline-chart').boundingBox(); const bars = await page.locator('svg.bars rect.hit').count();
const y = box.y + box.height / 2, step = box.width / bars;
for (let round = 0; round < 10; round++) for (const bar of [3, Math.floor(bars / 2), bars - 4]) { await page.mouse.click(box.x + step * (bar + 0.5), y); await page.waitForTimeout(200); }
const s = await page.evaluate(() => window.__s);
const f = (v) => (v === undefined ? '   -' : v.toFixed(1).padStart(5));
let after = 0;
for (const x of s) { if (x.changedBy) after++; }
console.log('click: first DOM / rAF / painted(message) / results DOM / results already changed when painted was taken');
for (const x of s.sort((a, b) => b.painted - a.painted).slice(0, 8)) console.log(f(x.first), f(x.raf), f(x.painted), f(x.results), x.changedBy);
console.log(`painted measured after the results had rendered: ${after} of ${s.length}`);
await browser.close();
await server.close();
