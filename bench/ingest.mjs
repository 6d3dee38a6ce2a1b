// Ingest speed, as a collector meets it: `dossier ingest` of the whole Reuters-21578
// collection (one JSON Lines file), and of a folder of 1,000 saved news pages of 50 to
// 150 KB each. The pages are generated here, once, into target/bench/pages/: Reuters
// articles (the first 1,000 with at least 150 words, in file order) rendered into a news
// page with what real ones carry around the story: a header of navigation links, a cookie
// banner, ads, share buttons, inline styles and scripts, JSON-LD and OpenGraph metadata,
// related links, a comment thread (other articles' paragraphs) and a footer.
//
//   node bench/ingest.mjs [--runs 3] [--dossier target/release/dossier]
//
// And one 50 MB page: a story followed by 50 MB of comments and navigation (a thread
// that was never paged), which must keep its story within 10 s and 1 GB.
//
// Prints for each input the median wall time of the runs, the articles read and written,
// and the peak memory (GNU time's maximum resident set size), beside the machine's cores.
// Also checks the pages' stories came through: the share of generated pages whose first
// paragraph is in the bundle (a sanity check on the generator, not an extraction score:
// the README's extraction table is measured on real pages, bench/extraction).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 3));
const dossier = resolve(root, option('--dossier', 'target/release/dossier'));
const corpus = join(root, '../shared/corpus/reuters21578.jsonl');
const pagesDir = join(root, 'target/bench/pages');
const PAGES = 1000;

const records = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const words = (text) => text.split(/\s+/).filter(Boolean).length;

/** A deterministic stream of numbers in [0, 1). */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function page(record, index, next) {
  const title = record.title ? record.title.charAt(0) + record.title.slice(1).toLowerCase() : `Report ${index}`;
  const paragraphs = record.body.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const url = `https://news.example/${record.date.slice(0, 10).replace(/-/g, '/')}/story-${index}`;
  const nav = Array.from({ length: 60 }, (_, n) => `<li><a href="/section/${n}">Section ${n} news and analysis</a></li>`).join('');
  const related = Array.from({ length: 30 }, (_, n) => {
    const other = records[(index * 31 + n * 7) % records.length];
    return `<li><a href="/related/${n}">${escape(other.title || 'More news')}</a></li>`;
  }).join('');
  const style = `<style>${'.c{color:#333;margin:0 auto;padding:4px 8px;font:14px/1.4 sans-serif}'.repeat(80)}</style>`;
  const script = `<script>window.dataLayer=window.dataLayer||[];${'dataLayer.push({event:"view",section:"news",ts:Date.now()});'.repeat(120)}</script>`;
  let comments = '';
  // Comments until the page reaches its size: between 50 and 150 KB.
  const target = 50_000 + Math.floor(next() * 100_000);
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | The Example News</title>
<link rel="canonical" href="${url}"><meta property="og:title" content="${escape(title)}"><meta property="og:site_name" content="The Example News">
<meta property="article:published_time" content="${record.date}"><meta name="author" content="Example News Staff">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: record.date, author: { '@type': 'Person', name: 'Example News Staff' }, publisher: { '@type': 'Organization', name: 'The Example News' } })}</script>
${style}${script}</head><body><div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button> <button>Manage</button></div>
<header><a href="/" class="logo">The Example News</a><nav><ul>${nav}</ul></nav></header>
<div class="ad"><iframe src="https://ads.example/slot1"></iframe><p>Advertisement</p></div>
<main><article><h1>${escape(title)}</h1><p class="byline">By Example News Staff · <time datetime="${record.date}">${record.date.slice(0, 10)}</time></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
${paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
</article><aside class="related"><h2>Related stories</h2><ul>${related}</ul></aside>`;
  const tail = `</main><div class="ad"><p>Advertisement</p><iframe src="https://ads.example/slot2"></iframe></div><footer><p>© The Example News. All rights reserved.</p><ul>${nav}</ul></footer></body></html>`;
  let n = 0;
  while (head.length + comments.length + tail.length < target) {
    const other = records[(index * 17 + n * 13) % records.length];
    const text = other.body.split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
    comments += `<div class="comment"><p class="who">reader${n}</p><p>${escape(text)}</p><a href="#reply">Reply</a></div>`;
    n += 1;
  }
  return { html: `${head}<section class="comments"><h2>Comments (${n})</h2>${comments}</section>${tail}`, first: paragraphs[0] };
}

function generatePages() {
  const marker = join(pagesDir, '.complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(pagesDir, { recursive: true, force: true });
  mkdirSync(pagesDir, { recursive: true });
  const next = random(20260116);
  const firsts = [];
  let bytes = 0;
  for (const record of records) {
    if (firsts.length === PAGES) break;
    if (!record.title || words(record.body) < 150) continue;
    const { html, first } = page(record, firsts.length, next);
    writeFileSync(join(pagesDir, `page-${String(firsts.length).padStart(4, '0')}.html`), html);
    firsts.push(first);
    bytes += html.length;
  }
  writeFileSync(marker, JSON.stringify({ firsts, bytes }));
  return { firsts, bytes };
}

function ingest(input, output) {
  const times = [];
  let stderr = '';
  let memory = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', dossier, 'ingest', input, '-o', output, '--name', 'bench'], { encoding: 'utf8' });
    times.push((performance.now() - started) / 1000);
    if (result.status !== 0) throw new Error(`dossier ingest ${input} failed:\n${result.stderr}`);
    stderr = result.stderr;
    memory = Math.max(memory, Number(stderr.trim().split('\n').at(-1)) * 1024);
  }
  times.sort((a, b) => a - b);
  const summary = stderr.split('\n').find((line) => line.startsWith('read ')) ?? '';
  return { seconds: times[Math.floor(times.length / 2)], summary, memory };
}

if (!existsSync(dossier)) {
  console.error(`missing ${dossier}: cargo build --release -p dossier-cli`);
  process.exit(2);
}
execFileSync(dossier, ['--version']);
const { firsts, bytes } = generatePages();
const out = join(root, 'target/bench');
const hugePage = join(out, 'huge-page.html');
if (!existsSync(hugePage)) {
  const { html } = page(records.find((record) => record.title && words(record.body) >= 300), 0, () => 0);
  const junk = '<div class="comment"><p class="who">reader</p><p>First! Great article, thanks for sharing this with us all.</p><a href="#reply">Reply</a></div><nav><a href="/a">Home</a> <a href="/b">World</a></nav>';
  const cut = html.indexOf('</main>');
  writeFileSync(hugePage, html.slice(0, cut) + junk.repeat(Math.ceil(50e6 / junk.length)) + html.slice(cut));
}
const huge = ingest(hugePage, join(out, 'ingest-huge.json'));
const reuters = ingest(corpus, join(out, 'ingest-reuters.json'));
const pages = ingest(pagesDir, join(out, 'ingest-pages.json'));
const bundle = JSON.parse(readFileSync(join(out, 'ingest-pages.json'), 'utf8'));
const bodies = new Set(bundle.articles.flatMap((article) => article.body));
const found = firsts.filter((first) => bodies.has(first)).length;

const mb = (value) => (value / 1e6).toFixed(0);
console.log(`ingest speed on this machine (${cpus().length} cores), median of ${runs} runs`);
console.log('| input | seconds | peak memory MB | what the CLI said |');
console.log('|---|--:|--:|---|');
console.log(`| Reuters-21578, one JSON Lines file (${records.length} articles) | ${reuters.seconds.toFixed(2)} | ${mb(reuters.memory)} | ${reuters.summary} |`);
console.log(`| ${firsts.length} saved news pages, ${(bytes / firsts.length / 1000).toFixed(0)} KB on average | ${pages.seconds.toFixed(2)} | ${mb(pages.memory)} | ${pages.summary} |`);
console.log(`| one page of ${mb(readFileSync(hugePage).length)} MB | ${huge.seconds.toFixed(2)} | ${mb(huge.memory)} | ${huge.summary} |`);
console.log(`pages whose first paragraph came through as a paragraph: ${found} of ${firsts.length}`);
