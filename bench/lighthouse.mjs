// Lighthouse's verdict on the seed, as the issue asks for it: npm's lighthouse (pinned),
// the system Chromium, default mobile settings (simulated slow 4G and a 4x slower CPU),
// dist/ served gzipped as static hosts do. Five runs, each printed, then the medians:
// the performance score moves with the machine's load (its blocking time is the page's
// main-thread work multiplied by four), so one run says little.
//   node bench/lighthouse.mjs [runs]        (./x lighthouse; needs dist/ and the network once)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveMounts } from '../tests/e2e/server.mjs';
import { median } from './stats.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const root = resolve(new URL('..', import.meta.url).pathname);
const runs = Number(process.argv[2] ?? 5);
const scratch = await mkdtemp(join(tmpdir(), 'dossier-lighthouse-'));
const server = await serveMounts({ mounts: [['/', join(root, 'dist')]], gzip: true });

const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];
const rows = [];
try {
  for (let run = 1; run <= runs; run++) {
    const report = join(scratch, `run-${run}.json`);
    // Not execFileSync: this process serves the pages Lighthouse asks for.
    await promisify(execFile)(
      'npx',
      ['--yes', LIGHTHOUSE, `${server.url}/`, '--chrome-flags=--headless=new --no-sandbox', '--output=json', `--output-path=${report}`, '--quiet'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } },
    );
    const { categories, audits } = JSON.parse(await readFile(report, 'utf8'));
    const row = {
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      'best practices': categories['best-practices'].score,
      ...Object.fromEntries(METRICS.map(([id, short]) => [short, audits[id].numericValue])),
    };
    rows.push(row);
    console.log(`  run ${run}: ${Object.entries(row).map(([key, value]) => `${key} ${format(key, value)}`).join(', ')}`);
  }
} finally {
  await server.close();
}
console.log(`\nLighthouse (${LIGHTHOUSE}, mobile, gzipped), median of ${runs}:`);
for (const key of Object.keys(rows[0])) {
  const values = rows.map((row) => row[key]);
  console.log(`  ${key.padEnd(15)} ${format(key, median(values)).padStart(7)}   (runs: ${values.map((value) => format(key, value)).join(', ')})`);
}

function format(key, value) {
  if (key === 'CLS') return value.toFixed(3);
  if (METRICS.some(([, short]) => short === key)) return `${Math.round(value)} ms`;
  return value.toFixed(2);
}
