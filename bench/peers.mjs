// The peers, set up the same way wherever they run (the browser page, or node for the
// quality loop): MiniSearch with fuzzy search (0.2) on every word and prefix search on
// the last one (the word being typed, as a search box would have it; MiniSearch's
// tokenizer drops a trailing space, so a finished last word is still a prefix), all
// words required, title boosted 3; FlexSearch as a document index over title and body
// with forward (prefix) tokens and its balanced Latin encoder (its form of tolerance).
// Each engine gives `search(query)` (how many match) and `top(query, limit)` (ids, best
// first).

/** `libraries`: { MiniSearch, FlexDocument, Charset }, imported by the caller. */
export function peerEngines({ MiniSearch, FlexDocument, Charset }, documents, heap = () => 0) {
  const engines = {};
  {
    const before = heap();
    const start = performance.now();
    const index = new MiniSearch({ fields: ['title', 'body', 'source'], storeFields: [] });
    index.addAll(documents);
    const build = performance.now() - start;
    const options = { prefix: (term, i, terms) => i === terms.length - 1, fuzzy: 0.2, combineWith: 'AND', boost: { title: 3 } };
    engines.MiniSearch = {
      build,
      load: build,
      memory: heap() - before,
      memoryNote: 'JS heap growth',
      search: (query) => index.search(query, options).length,
      top: (query, limit) => index.search(query, options).slice(0, limit).map((result) => result.id),
    };
  }
  {
    const before = heap();
    const start = performance.now();
    const index = new FlexDocument({ document: { id: 'id', index: ['title', 'body'] }, tokenize: 'forward', encoder: Charset.LatinBalance });
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
  return engines;
}

/** The collection's records as the peers index them. */
export function peerDocuments(records) {
  return records.map((record) => ({ id: record.id, title: record.title ?? '', body: record.body ?? '', source: record.source ?? '' }));
}
