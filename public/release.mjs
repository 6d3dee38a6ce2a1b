// Finishes a release build in dist/, after Trunk (`./x build` runs it):
//   node public/release.mjs dist [first-view.html]
// 0. With a second argument, puts that HTML (the app's first view of the bundled
//    collection, drawn by `examples/prerender.rs`) in the page, so the first paint does
//    not wait for the wasm. It is inert and hidden from screen readers (the app's own
//    "Loading" status speaks meanwhile), hidden at once when the address asks for another
//    view or collection (`#/…`, `?data=`), and removed by the app when it draws its own.
// 1. Puts a strict Content-Security-Policy in index.html, as a <meta> tag since static
//    hosts often cannot set headers. Scripts come only from the app itself, and the one
//    inline script Trunk writes (which loads the wasm) only by its hash.
// 2. Writes dist/sw.js, the release service worker: public/sw-release.js with the list of
//    every file in dist/ and a version made of their content hashes, so the list is never
//    kept by hand and each build gets a cache of its own.
// 3. Takes the comments and the white space between rules out of the stylesheets (they
//    are for whoever edits styles/: a seventh of the gzipped stylesheet), and gives their
//    links the integrity of what is left.
// 4. Minifies the scripts (terser, npm): wasm-bindgen's glue, which Trunk copies as it is
//    (a quarter of it is comments and long names), register.js and the service worker,
//    1.8, 0.7 and 0.6 KB of the gzipped download; the glue's link gets the new integrity.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { minify } from 'terser';

/** `code` minified: compressed, names mangled, comments dropped. The glue keeps its
 * `__wbg_init` and its export line as wasm-bindgen writes them: `dossier export` inlines
 * the glue in the one-file dossier by them (crates/dossier-cli/src/export.rs). */
async function minified(code, module, format = {}) {
  const reserved = ['__wbg_init', 'initSync'];
  const options = { module, compress: { passes: 2 }, mangle: { reserved }, format: { comments: false, ...format } };
  const result = await minify(code, options);
  if (typeof result.code !== 'string') throw new Error('terser returned no code');
  const exports = /export\s*\{\s*initSync\s*,\s*__wbg_init\s+as\s+default\s*\};?/;
  return module ? result.code.replace(exports, '\nexport { initSync, __wbg_init as default };\n') : result.code;
}

const dist = process.argv[2] ?? 'dist';
const template = await readFile(new URL('sw-release.js', import.meta.url), 'utf8');

// The policy. style-src allows inline styles: the timeline sets bar heights in style
// attributes, and styles cannot run code. connect-src allows https anywhere, because
// ?data= may name a collection on another host; plain http only from the app's own.
const policy = (inlineScripts) =>
  [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts.map((hash) => `'sha256-${hash}'`).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' https:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

const indexPath = join(dist, 'index.html');
let index = await readFile(indexPath, 'utf8');

for (const name of (await readdir(dist)).filter((name) => name.endsWith('.css'))) {
  const path = join(dist, name);
  // Comments, then the white space around braces and semicolons and at line starts (the
  // stylesheet holds no string with either): 0.6 KB gzipped in all.
  const css = (await readFile(path, 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/\n\s*/g, ' ')
    .trim();
  await writeFile(path, css);
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  index = index.replace(new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}" integrity=")[^"]*`), `$1${integrity}`);
  if (!index.includes(integrity)) throw new Error(`index.html links ${name} in a way release.mjs does not know`);
}

for (const name of (await readdir(dist)).filter((name) => name.endsWith('.js') && name !== 'sw.js')) {
  const path = join(dist, name);
  // The glue is an ES module that the loader imports; register.js a classic script.
  const js = await minified(await readFile(path, 'utf8'), name !== 'register.js');
  await writeFile(path, js);
  const link = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]* integrity=")[^"]*`);
  if (link.test(index)) {
    index = index.replace(link, `$1sha384-${createHash('sha384').update(js).digest('base64')}`);
  }
}

// Run again on a finished build (`./x swap` puts another collection in dist/), it first
// takes out what it put in: the policy and the first view, which are made anew.
const FIRST_VIEW = /<!-- first view -->[\s\S]*<!-- \/first view -->\n\s*/;
index = index.replace(/\n\s*<meta http-equiv="Content-Security-Policy"[^>]*\/>/, '').replace(FIRST_VIEW, '');

const firstViewPath = process.argv[3];
if (firstViewPath) {
  const root = '<div id="app">';
  if (!index.includes(root)) throw new Error(`index.html has no ${root} to put the first view before`);
  // Without its ids, which the app's own elements carry (the two are in the page together
  // for a moment, while the app draws).
  const firstView = (await readFile(firstViewPath, 'utf8')).replace(/ id="[^"]*"/g, '');
  // Where the address asks for another view or collection (`#/…`, `?data=`), the first
  // script hides the first view before it is parsed, so no frame shows it, and the second
  // removes it.
  const otherView =
    "if (new URLSearchParams(location.search).has('data') || location.hash.replace(/^#\\/?/, '')) document.documentElement.classList.add('other-view');";
  const removeIfOther = "document.querySelector('.other-view #prerendered')?.remove();";
  index = index.replace(
    root,
    `<!-- first view -->\n    <script>${otherView}</script>\n    <div id="prerendered" aria-hidden="true" inert>${firstView}</div>\n    <script>${removeIfOther}</script>\n    <!-- /first view -->\n    ${root}`,
  );
  // Trunk's loader starts the wasm's download at once (a preload, then init): hundreds of
  // kilobytes that compete with the stylesheet on a slow link, while the first view needs
  // only the HTML and the stylesheet. So the wasm is fetched once that view is painted
  // (or after 200 ms: a tab opened in the background paints no frame).
  const preload = /<link rel="preload" href="[^"]+\.wasm"[^>]*>/;
  const start = 'const wasm = await init(';
  const painted = 'await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 200); });';
  if (!index.includes(start)) throw new Error("index.html has no init() of Trunk's loader");
  if (!index.includes(painted)) index = index.replace(preload, '').replace(start, `${painted}\n${start}`);
  console.error(`  first view: ${firstView.length} bytes of HTML from ${firstViewPath}; the wasm is fetched once it is painted`);
}
const inline = [...index.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, code]) =>
  createHash('sha256').update(code).digest('base64'),
);
index = index.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy(inline)}" />`);
if (!index.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset="utf-8" /> to put the policy after');
await writeFile(indexPath, index);
console.error(`  content security policy: ${inline.length} inline script(s) allowed by hash`);

async function* walk(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const files = [];
const version = createHash('sha256');
for await (const path of walk(dist)) {
  const file = relative(dist, path).split(sep).join('/');
  // Not the worker itself; not the collections, which the worker keeps in the data cache
  // and refreshes, so that a bundle swapped in dist/data/ reaches returning readers.
  if (file === 'sw.js' || file.startsWith('data/')) continue;
  files.push(file);
}
files.sort();
let bytes = 0;
for (const file of files) {
  const content = await readFile(join(dist, file));
  bytes += content.length;
  version.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
}
const precache = { version: version.digest('hex').slice(0, 16), files };
const filled = template.replace('const PRECACHE = null; // filled in at build time', `const PRECACHE = ${JSON.stringify(precache)};`);
if (filled === template) throw new Error('public/sw-release.js has no PRECACHE line to fill in');
// Its precache list stays JSON (`"version":"…"`), as a later build's worker is compared.
await writeFile(join(dist, 'sw.js'), await minified(filled, false, { quote_keys: true }));
console.error(`  service worker: ${files.length} files (${bytes} bytes) precached as version ${precache.version}`);
