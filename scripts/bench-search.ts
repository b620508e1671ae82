/**
 * Search benchmark: `npm run bench:search [-- --articles 20000]`.
 *
 * 1. Fixture corpus: the answered pages (src/parse/fixtures) are built into a
 *    site; the eval's query generator draws queries from their answers; ours
 *    and Pagefind 1.6 (zh) answer every query in Chromium. Scored: recall,
 *    precision@10, false hits for absent words.
 * 2. Synthetic archive of ~20,000 articles made from the fixture pages:
 *    bytes transferred (gzip, as a static server would send them) for the
 *    first query and per query after it, and the time from query to rendered
 *    results once the shards are cached, for ours and for Pagefind.
 *
 * The last line printed is one JSON object:
 * {"articles", "queries", "recall", "precision_at_10", "absent_false_hits",
 *  "first_query_bytes", "bytes_per_query_p50", "query_ms_p95", "index_bytes", "pagefind": {…}}
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import { build } from '../src/build.ts';
import { collectArchive } from '../src/collect.ts';
import { buildIndex } from '../src/search/index/segments.ts';
import { writeIndex } from '../src/search/index/write-index.ts';
import { articleFields } from '../src/search/fields.ts';
import { canonicalize } from '../src/search/tokenize.ts';
import { synthArchive } from './synth-archive.ts';
import type { ArchiveArticle } from '../src/types.ts';
import { launchChromium } from '../src/util/chromium.ts';
import { dirBytes } from '../src/util/files.ts';
import { byteRange } from '../src/serve/static-server.ts';

const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');
const { values } = parseArgs({ options: { articles: { type: 'string' } } });
const TARGET_ARTICLES = Number(values.articles ?? 20000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
const log = (...a: unknown[]) => console.error('[bench:search]', ...a);

interface Query {
  q: string;
  kind: string;
  relevant: string[];
}
interface Run {
  /** Result ids per query, best first. */
  results: string[][];
  /** Bytes transferred by a second query, after one other query. */
  bytes: number[];
  /** Median bytes transferred by the first query on a cold page, start-up files included. */
  firstBytes: number;
  /** ms per query once cached. */
  ms: number[];
}

// ---------------------------------------------------------------- static server with gzip accounting
/** Serve `dir`; count what each response would weigh gzipped (Pagefind's .pf_ files are already compressed). */
function serve(dir: string): Promise<{ url: string; close: () => void; take: () => number }> {
  let sent = 0;
  const gz = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, rel);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const data = fs.readFileSync(file);
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    const range = req.headers.range === undefined ? undefined : byteRange(req.headers.range, data.length);
    if (range) {
      // A range (our fragments, already deflated) is sent as it is, not gzipped.
      const part = data.subarray(range.start, range.end + 1);
      sent += part.length;
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${range.start}-${range.end}/${data.length}`, 'cache-control': 'max-age=3600' });
      res.end(part);
      return;
    }
    if (!gz.has(file)) gz.set(file, /\.pf_/.test(file) ? data.length : zlib.gzipSync(data).length);
    sent += gz.get(file)!;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=3600' });
    res.end(data);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => server.close(),
        take: () => {
          const s = sent;
          sent = 0;
          return s;
        },
      });
    }),
  );
}

// ---------------------------------------------------------------- the two engines in the browser
const OURS_HARNESS = `
  window.bench = {
    engine: null,
    async run(q) {
      this.engine ??= createSearch({ baseUrl: '/search-index/' });
      const t0 = performance.now();
      const r = await this.engine.search(q);
      const top = await Promise.all(r.hits.slice(0, 10).map((h) => this.engine.fragment(h.doc)));
      const snippets = top.map((f) => makeSnippet(f, r.terms));
      const ms = performance.now() - t0;
      return { urls: top.map((f) => f.url), total: r.total, all: r.hits.length, ms, n: snippets.length };
    },
    async ids(q) {
      this.engine ??= createSearch({ baseUrl: '/search-index/' });
      const r = await this.engine.search(q);
      return r.hits.map((h) => h.doc);
    },
  };`;

const PAGEFIND_HARNESS = `
  window.bench = {
    pf: null,
    async run(q) {
      this.pf ??= await import('/pagefind/pagefind.js');
      const t0 = performance.now();
      const r = await this.pf.search(q);
      const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      const ms = performance.now() - t0;
      return { urls: top.map((d) => d.url), total: r.results.length, ms, all: r.results.length, ids: r.results.map((x) => x.id) };
    },
    async allUrls(q) {
      this.pf ??= await import('/pagefind/pagefind.js');
      const r = await this.pf.search(q);
      const out = [];
      for (const x of r.results) out.push((await x.data()).url);
      return out;
    },
  };`;

async function runEngine(newPage: () => Promise<Page>, base: string, harness: 'ours' | 'pagefind', queries: Query[], urlToId: (u: string) => string | null, take: () => number, all: boolean): Promise<Run> {
  const results: string[][] = [];
  const ms: number[] = [];
  const ready = async (page: Page) => {
    await page.goto(`${base}/bench.html`);
    await page.waitForFunction(() => (window as unknown as { bench?: unknown }).bench);
    take();
  };
  const run = (page: Page, q: string) => page.evaluate((query) => (window as any).bench.run(query), q) as Promise<{ urls: string[]; ms: number }>;
  // Answers, and time per query once the shards are cached (second run of each query).
  const page = await newPage();
  await ready(page);
  for (const q of queries) {
    const r = await run(page, q.q);
    let urls = r.urls;
    if (all) urls = (await page.evaluate((query) => ((window as any).bench.allUrlsOurs ?? (window as any).bench.allUrls)(query), q.q)) as string[];
    results.push(urls.map(urlToId).filter((x): x is string => !!x));
    ms.push((await run(page, q.q)).ms);
  }
  await page.context().close();
  // Bytes: pairs of queries on a cold browser: the first pays for the start-up files, the second only for its own shards and results.
  const first: number[] = [];
  const bytes: number[] = [];
  const step = Math.max(1, Math.floor(queries.length / 60));
  for (let i = 0; i + 1 < queries.length; i += step) {
    const p = await newPage();
    await ready(p);
    await run(p, queries[i].q);
    first.push(take());
    await run(p, queries[i + 1].q);
    bytes.push(take());
    await p.context().close();
  }
  return { results, bytes, firstBytes: quantile(first, 0.5), ms };
}

// ---------------------------------------------------------------- scoring
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
function quantile(xs: number[], q: number): number {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))] : 0;
}
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function score(queries: Query[], results: string[][]) {
  const recall: number[] = [];
  const p10: number[] = [];
  const absent: number[] = [];
  const byKind: Record<string, { recall: number[]; p10: number[] }> = {};
  queries.forEach((q, i) => {
    const rel = new Set(q.relevant);
    const res = [...new Set(results[i])];
    const k = (byKind[q.kind] ??= { recall: [], p10: [] });
    if (!rel.size) {
      absent.push(res.length);
      return;
    }
    const r = res.filter((x) => rel.has(x)).length / rel.size;
    recall.push(r);
    k.recall.push(r);
    const top = res.slice(0, 10);
    if (top.length) {
      const p = top.filter((x) => rel.has(x)).length / top.length;
      p10.push(p);
      k.p10.push(p);
    }
  });
  return {
    recall: round(mean(recall)),
    precision_at_10: round(mean(p10)),
    absent_false_hits: round(mean(absent)),
    by_kind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { recall: round(mean(v.recall)), precision_at_10: round(mean(v.p10)) }])),
  };
}


/** Minimal HTML page per article, for Pagefind to index the same text ours indexes. */
function writeHtmlSite(articles: ArchiveArticle[], dir: string): void {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const a of articles) {
    const file = path.join(dir, a.url, 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = [a.kicker, a.subhead, a.byline].filter(Boolean).map((x) => `<p>${esc(x!)}</p>`).join('') + a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
    fs.writeFileSync(file, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.headline)}</title></head><body><main data-pagefind-body><h1>${esc(a.headline)}</h1>${body}</main></body></html>`);
  }
}

function pagefind(site: string): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', site, '--force-language', 'zh'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function harnessPage(site: string, kind: 'ours' | 'pagefind'): void {
  if (kind === 'ours') {
    const entry = path.join(work, 'bench-entry.ts');
    fs.writeFileSync(entry, `import { createSearch } from '${path.join(ROOT, 'src/search/client/index.ts')}';\nimport { makeSnippet } from '${path.join(ROOT, 'src/search/engine/snippet.ts')}';\n${OURS_HARNESS}\n(window as any).bench.allUrlsOurs = async (q: string) => { const e = (window as any).bench.engine; const r = await e.search(q); return Promise.all(r.hits.map((h: any) => e.fragment(h.doc).then((f: any) => f.url))); };`);
    buildSync({ entryPoints: [entry], bundle: true, format: 'esm', outfile: path.join(site, 'bench.js'), logLevel: 'warning' });
    fs.writeFileSync(path.join(site, 'bench.html'), '<!DOCTYPE html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
  } else {
    fs.writeFileSync(path.join(site, 'bench-pf.js'), PAGEFIND_HARNESS);
    fs.writeFileSync(path.join(site, 'bench.html'), '<!DOCTYPE html><meta charset="utf-8"><script src="/bench-pf.js"></script>');
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const browser = await launchChromium();
  const newPage = async () => (await browser.newContext()).newPage();

  // 1. Fixture corpus: quality.
  log('fixture site');
  const input = path.join(work, 'fixture-in');
  const stems = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -10)).sort();
  const urlToStem = new Map<string, string>();
  fs.mkdirSync(path.join(input, 'jlrb'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name":"吉林日报"}');
  stems.forEach((stem, i) => {
    const date = `2024-01-${String(i + 1).padStart(2, '0')}`;
    fs.mkdirSync(path.join(input, 'jlrb', date), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, `${stem}.txt`), path.join(input, 'jlrb', date, '1.txt'));
    urlToStem.set(`/jlrb/${date}/1/`, stem);
  });
  const fixtureSite = path.join(work, 'fixture-site');
  const fixtureArticles = (await build({ input, output: fixtureSite, root: ROOT })).archive.articles.length;
  const urlToId = (u: string) => {
    const m = /^(?:https?:\/\/[^/]+)?(\/jlrb\/[\d-]+\/1\/)(\d+)\/?/.exec(u);
    const stem = m && urlToStem.get(m[1]);
    return stem ? `${stem}#${Number(m![2]) - 1}` : null;
  };
  const gen = execFileSync(process.execPath, [path.join(ROOT, 'scripts/eval/queries.mjs'), FIXTURES], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const queries = (JSON.parse(gen).queries as Query[]).map((q) => ({ q: q.q, kind: q.kind, relevant: q.relevant }));
  log(`${queries.length} queries`);

  harnessPage(fixtureSite, 'ours');
  let srv = await serve(fixtureSite);
  const oursFixture = await runEngine(newPage, srv.url, 'ours', queries, urlToId, srv.take, true);
  srv.close();
  const pfFixtureSite = path.join(work, 'fixture-site-pf');
  fs.cpSync(fixtureSite, pfFixtureSite, { recursive: true });
  pagefind(pfFixtureSite);
  harnessPage(pfFixtureSite, 'pagefind');
  srv = await serve(pfFixtureSite);
  const pfFixture = await runEngine(newPage, srv.url, 'pagefind', queries, urlToId, srv.take, true);
  srv.close();

  // 2. Synthetic archive: size and speed.
  const pages = Math.ceil(TARGET_ARTICLES / 6);
  log(`synthetic archive: ${pages} pages`);
  const synthIn = path.join(work, 'synth-in');
  synthArchive({ pages, out: synthIn, seed: 1 });
  const archive = await collectArchive({ input: synthIn, root: synthIn, cache: null });
  const synthSite = path.join(work, 'synth-site');
  const written = await writeIndex(buildIndex(archive.articles), path.join(synthSite, 'search-index'));
  harnessPage(synthSite, 'ours');
  srv = await serve(synthSite);
  const oursSynth = await runEngine(newPage, srv.url, 'ours', queries, () => null, srv.take, false);
  srv.close();
  // Exactness at scale: every match of ours against canonical containment over the same articles.
  const texts = archive.articles.map((a) => canonicalize(articleFields(a).join('')));
  log(`pagefind over ${archive.articles.length} articles`);
  const pfSynthSite = path.join(work, 'synth-site-pf');
  writeHtmlSite(archive.articles, pfSynthSite);
  pagefind(pfSynthSite);
  harnessPage(pfSynthSite, 'pagefind');
  srv = await serve(pfSynthSite);
  const pfSynth = await runEngine(newPage, srv.url, 'pagefind', queries, () => null, srv.take, false);
  srv.close();
  await browser.close();

  // Exact-match check of ours on the synthetic archive (Node, same engine code).
  const { SearchEngine } = await import('../src/search/engine/search-engine.ts');
  const { fileLoader } = await import('../src/search/file-loader.ts');
  const engine = new SearchEngine(fileLoader(path.join(synthSite, 'search-index')));
  let exact = 0;
  for (const q of queries) {
    const terms = q.kind === 'two-term' ? q.q.split(/\s+/).map(canonicalize) : [canonicalize(q.q)];
    const truth = texts.flatMap((t, i) => (terms.every((x) => t.includes(x)) ? [i] : []));
    const got = (await engine.search(q.kind === 'two-term' ? q.q : `"${q.q}"`)).hits.map((h) => h.doc).sort((a, b) => a - b);
    if (got.length === truth.length && got.every((d, i) => d === truth[i])) exact++;
  }

  const figures = (fixture: Run, synth: Run, indexBytes: number) => ({
    ...score(queries, fixture.results),
    first_query_bytes: synth.firstBytes,
    bytes_per_query_p50: quantile(synth.bytes, 0.5),
    bytes_per_query_p95: quantile(synth.bytes, 0.95),
    query_ms_p50: round(quantile(synth.ms, 0.5), 2),
    query_ms_p95: round(quantile(synth.ms, 0.95), 2),
    index_bytes: indexBytes,
  });
  const ours = figures(oursFixture, oursSynth, written.bytes);
  const pf = figures(pfFixture, pfSynth, dirBytes(path.join(pfSynthSite, 'pagefind')));
  const table = (name: string, f: typeof ours) =>
    `${name.padEnd(9)} recall ${f.recall.toFixed(3)}  p@10 ${f.precision_at_10.toFixed(3)}  absent hits ${f.absent_false_hits.toFixed(2)}  first ${(f.first_query_bytes / 1024).toFixed(0)} KB  per query p50 ${(f.bytes_per_query_p50 / 1024).toFixed(0)} KB  ms p95 ${f.query_ms_p95}  index ${(f.index_bytes / 1e6).toFixed(1)} MB`;
  console.log(`fixture corpus: ${queries.length} queries over ${fixtureArticles} articles; synthetic archive: ${archive.articles.length} articles`);
  console.log(table('ours', ours));
  console.log(table('pagefind', pf));
  console.log('recall by kind (ours / pagefind):', Object.keys(ours.by_kind).map((k) => `${k} ${ours.by_kind[k].recall}/${pf.by_kind[k]?.recall}`).join(', '));
  console.log(`exact answers on the synthetic archive (ours vs canonical containment): ${exact}/${queries.length}`);
  const { by_kind: _a, ...oursFlat } = ours;
  const { by_kind: _b, ...pfFlat } = pf;
  console.log(JSON.stringify({ articles: archive.articles.length, fixture_articles: fixtureArticles, queries: queries.length, ...oursFlat, exact_on_synthetic: round(exact / queries.length), pagefind: pfFlat }));
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
