// Runs in the benchmark page: loads the Reuters collection into Dossier (its core
// compiled to wasm), MiniSearch and FlexSearch, then times the same queries on each and
// scores their top results against the topic labels. `run.mjs` calls `runBenchmark()`.
import init, { Engine } from './pkg/dossier_bench.js';
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';
import { Document as FlexDocument, Charset } from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import { DOSSIER_ONLY, judgedQueries, keystrokeQueries, topicsOf } from './queries.mjs';

const REPEATS = 5;

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

/** Precision at 10 and mean reciprocal rank (of the first relevant result in the top 100). */
function quality(queries, top) {
  let precision = 0;
  let reciprocal = 0;
  for (const { text, relevant } of queries) {
    const ids = top(text, 100);
    precision += ids.slice(0, 10).filter((id) => relevant.has(id)).length / 10;
    const first = ids.findIndex((id) => relevant.has(id));
    reciprocal += first < 0 ? 0 : 1 / (first + 1);
  }
  return { p10: precision / queries.length, mrr: reciprocal / queries.length };
}

export async function runBenchmark({ corpusUrl, bundleUrl }) {
  const wasm = await init();
  const records = (await (await fetch(corpusUrl)).text())
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const documents = records.map((record) => ({
    id: record.id,
    title: record.title ?? '',
    body: record.body ?? '',
    source: record.source ?? '',
  }));
  const bundleText = await (await fetch(bundleUrl)).text();
  const topics = topicsOf(records);
  const judged = judgedQueries(topics);
  const keystrokes = keystrokeQueries(topics);

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

  // MiniSearch with prefix and fuzzy search on, all words required, title boosted.
  {
    const before = heap();
    const start = performance.now();
    const index = new MiniSearch({ fields: ['title', 'body', 'source'], storeFields: [] });
    index.addAll(documents);
    const build = performance.now() - start;
    const options = { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 3 } };
    engines.MiniSearch = {
      build,
      load: build,
      memory: heap() - before,
      memoryNote: 'JS heap growth',
      search: (query) => index.search(query, options).length,
      top: (query, limit) => index.search(query, options).slice(0, limit).map((result) => result.id),
    };
  }

  // FlexSearch: a document index over title and body, forward (prefix) tokens and its
  // balanced Latin encoder (its form of tolerance); every result asked for.
  {
    const before = heap();
    const start = performance.now();
    const index = new FlexDocument({
      document: { id: 'id', index: ['title', 'body'] },
      tokenize: 'forward',
      encoder: Charset.LatinBalance,
    });
    for (const document of documents) index.add(document);
    const build = performance.now() - start;
    const search = (query, limit) => index.search(query, { limit, merge: true });
    engines.FlexSearch = {
      build,
      load: build,
      memory: heap() - before,
      memoryNote: 'JS heap growth',
      search: (query) => search(query, documents.length).length,
      top: (query, limit) => search(query, limit).map((result) => result.id),
    };
  }

  const speed = {};
  const scores = {};
  for (const [name, engine] of Object.entries(engines)) {
    speed[name] = {};
    scores[name] = {};
    for (const { class: queryClass, queries } of judged) {
      speed[name][queryClass] = time(queries.map((query) => query.text), engine.search);
      scores[name][queryClass] = quality(queries, engine.top);
    }
    speed[name].keystrokes = time(keystrokes, engine.search);
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
  return {
    articles: documents.length,
    topics: topics.length,
    queriesPerClass: judged[0].queries.length,
    keystrokes: keystrokes.length,
    summary,
    speed,
    scores,
  };
}
