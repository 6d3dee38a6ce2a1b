// Makes the README's screenshots of the timeline (the seed and the Wikinews collection)
// and of an entity's page, in the light and the dark theme, from this dist/ in headless
// Chromium.
//   ./x build && cargo run --release -p dossier-cli -- ingest \
//     ../shared/corpus/wikinews_2019_2021.jsonl -o target/wikinews.json --name "Wikinews 2019-2021"
//   node docs/screenshots.mjs
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveMounts } from '../tests/e2e/server.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const wikinews = join(root, 'target/wikinews.json');
if (!existsSync(wikinews)) {
  console.error(`missing ${wikinews}: ingest the Wikinews collection first (see the top of this file)`);
  process.exit(2);
}
const server = await serveMounts({ mounts: [['/', join(root, 'dist')]], files: { '/wikinews.json': wikinews } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/?q=cartel%20troops`);
    await page.locator('svg.bars').waitFor();
    await page.screenshot({ path: join(root, `docs/timeline-seed-${colorScheme}.png`) });
    // Wikinews: two people chosen, so their strips show when each was in the news.
    await page.goto(`${server.url}/?data=wikinews.json#/?q=election`);
    await page.locator('svg.bars').waitFor();
    for (const name of [/^Donald Trump /, /^Joe Biden /]) await page.getByRole('button', { name }).first().click();
    await page.locator('.series').nth(1).waitFor();
    // Choosing them scrolled the sidebar's buttons into view: back to the chart.
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.screenshot({ path: join(root, `docs/timeline-wikinews-${colorScheme}.png`) });
    // An entity's page: its mentions over time on the timeline's axis, its companions and
    // its articles, newest first.
    await page.goto(`${server.url}/?data=wikinews.json#/entity/joe-biden`);
    await page.waitForFunction(() => document.querySelector('.entity-page h2')?.textContent === 'Joe Biden');
    await page.screenshot({ path: join(root, `docs/entity-wikinews-${colorScheme}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
