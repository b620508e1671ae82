/**
 * What a build writes, by kind of file: `npm run bench:output -- --pages 1000 [--site dir]`.
 *
 * Builds a synthetic archive of N pages (or counts a built site given with
 * `--site`) and prints files and bytes per kind, in all and per 1,000
 * printed pages, beside the budget of issue 12 (8,000 files and 60 MB per
 * 1,000 pages: a year of a daily within Cloudflare Pages' 20,000 files, a
 * decade within GitHub Pages' 1 GB). The last line is one JSON object:
 * {"pages", "articles", "files", "bytes", "per_1000_pages": {"files", "mb"}, "kinds": {kind: {"files", "bytes"}}}
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { synthArchive } from './synth-archive.ts';
import { build } from '../src/build.ts';
import { listFiles } from '../src/util/files.ts';

const { values } = parseArgs({ options: { pages: { type: 'string' }, site: { type: 'string' } } });

/** The kind of a site file, by its place: article pages, page views, issue JSON, search shards… */
export function kindOf(rel: string): string {
  const parts = rel.split('/');
  if (parts.length >= 3 && /^\d{4}-\d{2}-\d{2}$/.test(parts[1])) {
    const depth = parts.length - 2;
    if (depth === 1) return parts[2] === 'index.json' ? 'issue JSON' : 'issue page';
    if (depth === 2) return 'page view';
    return 'article page';
  }
  if (parts[0] === 'search-index') return parts.length > 2 ? (parts[1] === 's' ? 'search shards' : 'search fragment packs') : 'search manifest and docs';
  if (parts[0] === 'reporters') return parts[1] === '姓' ? 'surname pages' : 'reporter pages';
  if (parts[0] === 'keywords') return 'keyword pages';
  if (parts[0] === 'calendar') return 'calendar';
  if (parts[0] === 'sitemaps') return 'sitemap files';
  if (parts[0] === 'data' && parts.length > 2) return 'data catalogue years';
  return 'site-wide';
}

let site = values.site;
let pages = 0;
let articles = 0;
if (!site) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'output-size-'));
  const made = synthArchive({ pages: Number(values.pages ?? 1000), out: path.join(work, 'articles') });
  site = path.join(work, '_site');
  console.error(`[bench:output] building ${made.pages} pages, ${made.articles} articles in ${work}`);
  await build({ input: path.join(work, 'articles'), output: site, root: work, cache: null });
}
const kinds = new Map<string, { files: number; bytes: number }>();
for (const f of listFiles(site)) {
  const rel = path.relative(site, f).split(path.sep).join('/');
  const k = kinds.get(kindOf(rel)) ?? { files: 0, bytes: 0 };
  k.files++;
  k.bytes += fs.statSync(f).size;
  kinds.set(kindOf(rel), k);
}
pages = kinds.get('page view')?.files ?? 0;
articles = kinds.get('article page')?.files ?? 0;
const files = [...kinds.values()].reduce((n, k) => n + k.files, 0);
const bytes = [...kinds.values()].reduce((n, k) => n + k.bytes, 0);
const per = (n: number) => (pages ? (n * 1000) / pages : 0);
const mb = (n: number) => (n / 1e6).toFixed(1);
console.log(`${pages} printed pages, ${articles} articles: ${files} files, ${mb(bytes)} MB`);
console.log(`| kind | files | MB | files per 1,000 pages | MB per 1,000 pages | bytes per file |`);
console.log(`|---|---|---|---|---|---|`);
for (const [kind, k] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`| ${kind} | ${k.files} | ${mb(k.bytes)} | ${Math.round(per(k.files))} | ${mb(per(k.bytes))} | ${Math.round(k.bytes / k.files)} |`);
}
console.log(`| **all** (budget: 8,000 files, 60 MB) | ${files} | ${mb(bytes)} | **${Math.round(per(files))}** | **${mb(per(bytes))}** | |`);
console.log(JSON.stringify({ pages, articles, files, bytes, per_1000_pages: { files: Math.round(per(files)), mb: Number(mb(per(bytes))) }, kinds: Object.fromEntries(kinds) }));
