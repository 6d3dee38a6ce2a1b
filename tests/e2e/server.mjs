// A static file server on loopback for the end-to-end tests and the benchmark. `serve`
// serves dist/ at "/" and again under "/dossier/" (to prove the app works from a
// subpath), plus test bundles under "/fixtures/"; `serveMounts` serves any folders.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts the server on a free loopback port; resolves to { url, close }. */
export function serve({ dist, fixtures, routes = {} }) {
  return serveMounts({ mounts: [['/fixtures/', fixtures], ['/dossier/', dist], ['/', dist]], routes });
}

/**
 * Serves `mounts` ([url prefix, folder], first match wins; one must be "/"), `files`
 * (exact url path → file), `routes` (exact url path → a Node request handler, for
 * responses no file gives) and extra response `headers`, gzipped where the browser takes
 * it with `gzip` (as static hosts serve); resolves to { url, close }.
 */
export async function serveMounts({ mounts, files = {}, routes = {}, headers = {}, gzip = false }) {
  const roots = mounts.map(([prefix, folder]) => [prefix, resolve(folder)]);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (routes[path]) {
      routes[path](request, response);
      return;
    }
    let file = files[path];
    if (!file) {
      const [prefix, root] = roots.find(([prefix]) => path.startsWith(prefix));
      file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const zipped = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && extname(file) !== '.png';
      const sent = zipped ? gzipSync(body) : body;
      // The length, as static hosts send it (the app shows a download's progress by it).
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': sent.length,
        ...(zipped ? { 'content-encoding': 'gzip' } : {}),
        ...headers,
      });
      response.end(sent);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  // Closing also drops the browser's kept-alive connections: the server is gone at once.
  const close = () => new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${port}`, close };
}
