// Writes dist/sw.js, the release service worker: public/sw-release.js with the list of
// every file the build put in dist/ and a version made of their content hashes, so the
// list is never kept by hand and each build gets a cache of its own. `./x build` runs it
// after Trunk:  node public/precache.mjs dist
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const template = await readFile(new URL('sw-release.js', import.meta.url), 'utf8');

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
  if (file === 'sw.js') continue;
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
await writeFile(join(dist, 'sw.js'), filled);
console.error(`  service worker: ${files.length} files (${bytes} bytes) precached as version ${precache.version}`);
