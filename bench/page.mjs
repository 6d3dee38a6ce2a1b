// Runs in the benchmark page: loads the Reuters collection into Dossier (its core
// compiled to wasm), MiniSearch and FlexSearch, then times the same queries on each and
// scores their top results on the judged query set (bench/judged.mjs), both halves, every
// class including every keystroke as typed. `run.mjs` calls `runBenchmark()`.
import init, { Engine } from './pkg/dossier_bench.js';
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';
import { Document as FlexDocument, Charset } from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import { judgedFromJson, score } from './judged.mjs';
import { peerDocuments, peerEngines } from './peers.mjs';

const REPEATS = 5;

/** Query syntax only Dossier has, timed for it alone. */
const DOSSIER_ONLY = {
  phrase: ['"interest rates"', '"trade deficit"', '"bank of japan"', '"crude oil"', '"oil prices"', '"money supply"'],
  operators: ['oil -gulf', 'coffee OR cocoa', 'wheat -"soviet union"', 'gold OR silver -mine', 'sugar -beet', 'dollar OR yen'],
};

function gc() {
  if (typeof window.gc === 'function') window.gc();
}

function heap() {
  gc();
  return performance.memory?.usedJSHeapSize ?? 0;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p95 of running each query REPEATS times (after one warm-up run). */
function time(queries, run) {
  for (const query of queries) run(query);
  const samples = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

const text = async (url) => (await fetch(url)).text();

export async function runBenchmark({ corpusUrl, bundleUrl, judgedUrl }) {
  const wasm = await init();
  const records = (await text(corpusUrl))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const bundleText = await text(bundleUrl);
  // The judged set as bench/judged-dump.mjs wrote it (it needs the misspelling lists and
  // the stems, which node reads), so the browser scores exactly what the native scorer does.
  const judged = judgedFromJson(await (await fetch(judgedUrl)).json());

  const engines = {};
  // Dossier: the bundle the CLI wrote (with entities, for facet counts), parsed, checked
  // and indexed in wasm; then the index alone rebuilt, to time it apart from parsing.
  {
    const memoryBefore = wasm.memory.buffer.byteLength;
    const start = performance.now();
    const engine = new Engine(bundleText);
    const load = performance.now() - start;
    const indexStart = performance.now();
    engine.rebuildIndex();
    const build = performance.now() - indexStart;
    engines.Dossier = {
      build,
      load,
      memory: wasm.memory.buffer.byteLength - memoryBefore,
      memoryNote: `wasm memory growth (peak: includes the ${(bundleText.length / 1e6).toFixed(0)} MB bundle text while parsing); index ${(engine.indexBytes() / 1e6).toFixed(1)} MB`,
      search: (query) => engine.select(query),
      top: (query, limit) => engine.top(query, limit),
    };
  }
  Object.assign(engines, peerEngines({ MiniSearch, FlexDocument, Charset }, peerDocuments(records), heap));

  const speed = {};
  const quality = { tune: {}, report: {} };
  for (const [name, engine] of Object.entries(engines)) {
    speed[name] = {};
    for (const half of Object.keys(quality)) {
      quality[half][name] = {};
      for (const [queryClass, queries] of Object.entries(judged[half])) {
        quality[half][name][queryClass] = score(queries, engine.top);
      }
    }
    for (const queryClass of Object.keys(judged.report)) {
      const texts = [...judged.tune[queryClass], ...judged.report[queryClass]].map((query) => query.text);
      speed[name][queryClass] = time(texts, engine.search);
    }
    if (name === 'Dossier') {
      for (const [queryClass, queries] of Object.entries(DOSSIER_ONLY)) {
        speed[name][queryClass] = time(queries, engine.search);
      }
    }
  }
  const summary = Object.fromEntries(
    Object.entries(engines).map(([name, engine]) => [
      name,
      { build: engine.build, load: engine.load, memory: engine.memory, memoryNote: engine.memoryNote },
    ]),
  );
  const sizes = Object.fromEntries(Object.entries(judged.report).map(([name, queries]) => [name, [judged.tune[name].length, queries.length]]));
  return { articles: records.length, sizes, summary, speed, quality };
}
