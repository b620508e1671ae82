/**
 * The archive from the input folder: read the scans → decode → analyze
 * (parse, keywords, search words; cached) → assemble the issues. The build
 * (build.ts) renders and indexes what this returns; the site reads it
 * through site/archive-source.ts, so this module, and not build.ts, is in
 * the site code's version (a change to the build does not re-render pages).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { readScans } from './scan/read-scans.ts';
import { DecodeError, decodeScan } from './scan/decode-scan.ts';
import { ScanMemo } from './scan/scan-memo.ts';
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage, PagePlace, Problem, ScanPage } from './types.ts';
import { recordTime, time, timeAsync } from './util/timing.ts';
import { AnalyzePool, defaultPoolSize } from './parse/analyze-pool.ts';
import { BuildCache, codeVersion, importGraph, sha256 } from './cache/build-cache.ts';
import { ArchiveError } from './util/errors.ts';
import { runningFile } from './util/compiled.ts';
import { parseOnly, takes } from './shard/only.ts';
import { readLayouts } from './scan/read-layouts.ts';
import { attachPageScans, type PageImages } from './images/page-scans.ts';
import { ArticleWords, WORDS } from './cache/article-words.ts';
import { ANALYSIS, AnalysisHeads, bodyRef, withBody, type Analysis } from './cache/analysis-heads.ts';
import { analyzeText, type AnalyzedScan } from './parse/analyze-text.ts';
import type { Origins } from './site/render-plan.ts';

export type ProgressStage = 'Parsing' | 'Rendering' | 'Indexing';

const require = createRequire(import.meta.url);

/** A scan to analyze or read from the cache: its text (decoded when first asked for) and the key of its analysis. */
interface ScanJob {
  scan: ScanPage;
  text: () => string;
  key: string;
  analyzed: Promise<Analysis> | null;
  /** Let go of the text decoded to analyze the scan. */
  forget: () => void;
}

/** Scans whose cached analyses take long enough to read (a second or so) that one worker analyzing the others beside pays off. */
const LONG_CACHE_READ = 200;

export interface CollectOptions {
  /** Input folder laid out as `<paper>/<YYYY-MM-DD>/<page>.txt`. Default `articles`. */
  input?: string;
  /** Folder that paths in problems are relative to. Default the working directory. */
  root?: string;
  /** Build cache folder; null for none. Default `<root>/.cache`. */
  cache?: string | null;
  /** Worker threads for parsing; 0 parses on the main thread. Default: one per core (up to 4). */
  workers?: number;
  /** Told how far a long stage is: scans parsed, pages rendered, articles indexed. */
  onProgress?: (stage: ProgressStage, done: number, total: number) => void;
  /**
   * Build one shard of the archive: a paper (`jlrb`), a paper's year
   * (`jlrb/2023`) or a comma-separated list of them (see src/shard/only.ts).
   * Only those scans are read; the output holds their article and page views,
   * their search index and `shard.json`, for `archive merge`. Default the whole archive.
   */
  only?: string;
  /**
   * Called once when scans go to the workers to be analyzed: the main thread
   * waits for them then (jieba's dictionaries load there for over a second
   * when one scan changed), so a build reads its last state and loads the
   * renderer meanwhile.
   */
  whileAnalyzing?: () => void;
}

/**
 * Version of the code whose output the cache keeps (read at each build): the
 * analysis module and everything it imports, plus the dictionaries beside
 * jieba and jieba's version. Nothing else counts, so changing the site or the search page does
 * not parse every scan again. It is the code as it runs, so the compiled
 * code and the TypeScript sources have versions of their own.
 */
const analyzeVersion = () =>
  codeVersion([...importGraph(runningFile(path.join(import.meta.dirname, 'parse/analyze-text.ts'))), path.join(import.meta.dirname, 'enrich'), require.resolve('nodejieba/package.json')]);

/** Version of the decoder, for what the scan memo remembers of its work (scan/scan-memo.ts). */
const decodeVersion = () => codeVersion(importGraph(runningFile(path.join(import.meta.dirname, 'scan/decode-scan.ts'))));

/**
 * Read, parse and enrich every scan under the input folder. Unchanged scans
 * come from the build cache; the rest are analyzed on worker threads.
 *
 * @returns The archive; scans that could not be read are listed in `skipped`
 *   with a problem each, the rest are all there.
 */
export async function collectArchive(options: CollectOptions = {}): Promise<Archive> {
  return (await collectKeyed(options)).archive;
}

/**
 * `collectArchive`, with a key of everything the archive was made from:
 * every scan's path, place, sidecar and analysis key (its text and the
 * parser's version), and the problems found. The same key means the same archive.
 */
export async function collectKeyed(options: CollectOptions): Promise<{ archive: Archive; key: string; origins: Origins; images: PageImages; cacheDir: string | null }> {
  const root = options.root ?? process.cwd();
  const input = path.resolve(root, options.input ?? 'articles');
  const cacheDir = options.cache === undefined ? path.join(root, '.cache') : options.cache;
  const cache = new BuildCache(cacheDir);
  const only = options.only ? parseOnly(options.only) : null;
  const { scans, problems } = time('scan', () => readScans(input, root, only ? (paper, date) => takes(only, paper, date) : undefined));
  const layouts = time('layouts', () => readLayouts(scans, root, cacheDir, problems));
  const skipped: string[] = [];
  const pages: ArchivePage[] = [];
  const papers = new Map<string, string>();
  const seen = new Map<string, string>();
  // Note: a cache of its own, so the stats count the analyses only.
  const words = new ArticleWords(new BuildCache(cacheDir));
  // Article id and page URL → key of what it was made from (its scan's analysis key and place).
  const origins: Origins = { articles: new Map(), pages: new Map() };
  let charsRead = 0;
  let charsPlaced = 0;
  let done = 0;
  const version = analyzeVersion();
  // Note: what a build keeps of every scan is kept per input folder and shard (a shard's build would drop the others').
  const keptFor = sha256(JSON.stringify([input, options.only ?? null]));
  const heads = new AnalysisHeads(cache, keptFor, version);
  const memo = new ScanMemo(cache, keptFor, decodeVersion());
  // An analysis made in this build, stored in the cache (its words apart: cache/article-words.ts).
  const store = (job: ScanJob, r: AnalyzedScan): Analysis => {
    const { words: scanWords, ...analysis } = r;
    cache.set(ANALYSIS, job.key, analysis);
    cache.set(WORDS, job.key, scanWords);
    return analysis;
  };
  // Note: the bodies of analyses with a head are read later, through a cache of their own: the stats count each scan once (see `headed`).
  const bodies = new BuildCache(cacheDir);
  // `hit`: the scan's head was in the cache (else it was analyzed or read whole in this build, and is not counted again).
  const headed = (job: ScanJob, hit = true) => {
    if (hit) cache.stats.hits++;
    return heads.lazy(job.key, () => {
      const corrupt = bodies.stats.corrupt;
      const whole = bodies.get<Analysis>(ANALYSIS, job.key);
      if (whole) return whole;
      // The entry is gone or damaged: the scan was a miss after all, analyzed now on this thread.
      if (hit) {
        cache.stats.hits--;
        cache.stats.misses++;
      }
      cache.stats.corrupt += bodies.stats.corrupt - corrupt;
      return store(job, time('analyze again', () => analyzeText(job.text())));
    });
  };

  // Note: with enough scans, one worker starts before they are decoded: it
  // loads jieba's dictionaries (over a second) meanwhile, and is let go when
  // no scan needs it. (Analyzing one changed scan on this thread instead,
  // jieba loaded then, took as long: 2.5–2.6 s against 2.4–2.5 s of an edit at 5,000 pages.)
  const pool = new AnalyzePool(options.workers ?? (scans.length >= LONG_CACHE_READ ? 1 : 0));
  let results: Array<Analysis | undefined>;
  let jobs: Array<ScanJob | null>;
  let started = 0;
  try {
    // Decode on the main thread (cheap) and find what the cache lacks.
    jobs = scans.map((scan): ScanJob | null => {
      papers.set(scan.paper, scan.paperName);
      if (layouts.skipped.includes(scan.path)) {
        skipped.push(scan.path);
        return null;
      }
      // Note: a scan the memo knows is not read: its text is decoded when a page shows it or the parser needs it.
      let decoded = scan.stat && memo.get(scan.path, scan.stat);
      let text: string | undefined;
      if (!decoded) {
        try {
          const d = time('decode', () => decodeScan(scan.bytes));
          text = d.text;
          decoded = { digest: sha256(text), warnings: d.warnings };
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          problems.push({ file: scan.path, ...(e.line ? { line: e.line } : {}), message: `${e.message}: skipped`, severity: 'error', ruleId: 'decode' });
          skipped.push(scan.path);
          return null;
        }
        if (scan.stat) memo.set(scan.path, scan.stat, decoded, scan.statAt!);
      }
      for (const w of decoded.warnings) problems.push({ file: scan.path, line: w.line, message: w.message, severity: 'warning', ruleId: 'decode' });
      // The same scan under two names: keep the first, report the second.
      const { digest } = decoded;
      const twin = seen.get(digest);
      if (twin) {
        problems.push({ file: scan.path, message: `same text as ${twin}: skipped as a duplicate`, severity: 'warning', ruleId: 'duplicate' });
        skipped.push(scan.path);
        return null;
      }
      seen.set(digest, scan.path);
      // Note: the text decoded now is let go once the scan is analyzed (see below); asked for again (a page view's OCR text), it is read again.
      const job: ScanJob = { scan, text: () => text ?? textOf(scan, digest), key: `${digest}-${version}`, analyzed: null, forget: () => (text = undefined) };
      return job;
    });
    const live = jobs.filter((j) => j !== null);
    const missing = live.filter((j) => !heads.has(j.key) && !cache.has(ANALYSIS, j.key));
    // Workers pay off when there is enough to do (each loads jieba's dictionaries,
    // about a second); one worker also pays off beside a long read of the cache.
    pool.resize(options.workers ?? (missing.length >= 16 ? defaultPoolSize() : missing.length && live.length - missing.length >= LONG_CACHE_READ ? 1 : 0));
    started = performance.now();
    options.onProgress?.('Parsing', 0, scans.length);
    // An analysis made or read whole now, once in the cache: its head is
    // kept and the rest read again when asked for, as for those with a head
    // from the last build (see `headed`), and the scan's text let go. The
    // archive's bodies and texts are not all held until the last scan is
    // analyzed (at 20,000 pages that was the peak of a first build).
    const settle = (job: ScanJob, analysis: Analysis): Analysis => {
      if (!cache.dir) return analysis;
      heads.keep(job.key, analysis);
      job.forget();
      return headed(job, false);
    };
    const analyze = (job: ScanJob) => pool.analyze(job.text()).then((r) => settle(job, store(job, r)));
    // Misses go to the workers first; cached entries are read meanwhile (a damaged one is analyzed again), those with a head when a body is asked for.
    for (const job of missing) job.analyzed = analyze(job);
    for (const job of live) {
      if (job.analyzed) continue;
      if (heads.has(job.key)) {
        job.analyzed = Promise.resolve(headed(job));
        continue;
      }
      const whole = cache.get<Analysis>(ANALYSIS, job.key);
      job.analyzed = whole ? Promise.resolve(settle(job, whole)) : analyze(job);
    }
    if (missing.length) options.whileAnalyzing?.();
    results = await Promise.all(jobs.map((j) => j?.analyzed!.finally(() => options.onProgress?.('Parsing', ++done, scans.length))));
  } finally {
    await pool.close();
  }
  recordTime('analyze', performance.now() - started, results.length);
  // Note: with a cache, every analysis is lazy by now, and its head kept (see `settle`).
  jobs.forEach((job, i) => job && heads.keep(job.key, results[i]!));
  for (const job of jobs) job?.forget();
  heads.save();
  memo.save();

  jobs.forEach((job, i) => {
    if (!job) return;
    const { scan, text } = job;
    const parsed = results[i]!;
    charsRead += parsed.read;
    charsPlaced += parsed.placed;
    if (parsed.read !== parsed.placed) problems.push({ file: scan.path, message: `${parsed.read} characters read but ${parsed.placed} placed in articles: please report this scan`, severity: 'error', ruleId: 'lost-text' });
    const pageUrl = `/${scan.paper}/${scan.date}/${scan.page}/`;
    const place: PagePlace = { paper: scan.paper, paperName: scan.paperName, date: scan.date, page: scan.page, pageNumber: scan.pageNumber, section: scan.meta.section ?? parsed.section ?? null };
    const page: ArchivePage = {
      ...place,
      url: pageUrl,
      get rawText() {
        return text();
      },
      source: scan.path,
      meta: scan.meta,
      articles: [],
      unplaced: parsed.unplaced,
      get furniture() {
        return parsed.furniture;
      },
    };
    const source = `${job.key}|${JSON.stringify([place, scan.path, scan.meta])}`;
    origins.pages.set(pageUrl, source);
    parsed.articles.forEach((a, i2) => {
      const n = i2 + 1;
      // Note: the body is read from the analysis when asked for (one not read yet is a getter there too: cache/analysis-heads.ts).
      const article: ArchiveArticle = withBody(
        a,
        () => a,
        {
          id: `${scan.paper}/${scan.date}/${scan.page}/${n}`,
          url: `${pageUrl}${n}/`,
          ...place,
          n,
          keywords: parsed.keywords[i2],
          source: scan.path,
        },
        bodyRef(a),
      );
      if (a.untitled) problems.push({ file: scan.path, line: a.line, message: 'text with no recognisable headline kept as an untitled article', severity: 'warning', ruleId: 'no-headline' });
      page.articles.push(article);
      // Note: words analyzed now are in the cache too (see `store`), read from there by the index: not held here through the build.
      if (parsed.words && !cache.dir) words.hold(article.id, parsed.words[i2]);
      else words.cached(article.id, job.key, i2);
      origins.articles.set(article.id, `${source}|${n}`);
    });
    for (const u of parsed.unplaced) problems.push({ file: scan.path, line: u.line, message: `unplaced text: ${u.reason}`, severity: 'warning', ruleId: 'unplaced' });
    pages.push(page);
  });
  const images = await timeAsync('images', () => attachPageScans(pages, scans, layouts.layouts, { root, cacheDir, problems }));
  const archive = { ...assemble(pages, papers, problems, skipped), stats: { scans: scans.length, charsRead, charsPlaced, cache: cache.stats }, words };
  const key = sha256(JSON.stringify([input, jobs.map((j) => j && [j.scan.path, j.scan.paper, j.scan.paperName, j.scan.date, j.scan.page, j.scan.pageNumber, j.scan.meta, j.key]), pages.map((p) => p.scan?.digest ?? null), problems, skipped]));
  return { archive, key, origins, images, cacheDir };
}

/**
 * The text of a scan the memo knew, read and decoded now.
 *
 * @throws ArchiveError when it is no longer the text the memo knew (the file was written to while the build read it).
 */
function textOf(scan: ScanPage, digest: string): string {
  let text: string | undefined;
  try {
    text = time('decode', () => decodeScan(scan.bytes)).text;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
  if (text === undefined || sha256(text) !== digest) throw new ArchiveError(`${scan.path}: changed while the build read it; run the build again`);
  return text;
}

/** Group pages into issues (newest first) and list articles in reading order. */
export function assemble(pages: ArchivePage[], papers: Map<string, string>, problems: Problem[], skipped: string[]): Omit<Archive, 'stats' | 'words'> {
  const byIssue = new Map<string, ArchiveIssue>();
  for (const p of pages) {
    const key = `${p.paper}/${p.date}`;
    let issue = byIssue.get(key);
    if (!issue) {
      issue = { paper: p.paper, paperName: p.paperName, date: p.date, url: `/${p.paper}/${p.date}/`, pages: [] };
      byIssue.set(key, issue);
    }
    issue.pages.push(p);
  }
  const issues = [...byIssue.values()].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.paper < b.paper ? -1 : 1));
  for (const issue of issues) issue.pages.sort(comparePages);
  return {
    papers: [...papers].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    issues,
    articles: issues.flatMap((i) => i.pages.flatMap((p) => p.articles)),
    problems,
    skipped,
  };
}

function comparePages(a: ArchivePage, b: ArchivePage): number {
  if (a.pageNumber !== null && b.pageNumber !== null) return a.pageNumber - b.pageNumber;
  if (a.pageNumber !== null) return -1;
  if (b.pageNumber !== null) return 1;
  return a.page < b.page ? -1 : a.page > b.page ? 1 : 0;
}
