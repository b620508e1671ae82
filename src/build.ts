/**
 * The only file that knows the stage order:
 * readScans → parseScan → extractKeywords → assemble the archive → Eleventy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readScans } from './scan/read-scans.ts';
import { parseScan } from './parse/parse-page.ts';
import { DecodeError } from './scan/decode-scan.ts';
import { extractKeywords } from './enrich/keywords.ts';
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage, Problem } from './types.ts';
import { time, timeAsync } from './util/timing.ts';
import { ArchiveError } from './util/errors.ts';
import { setArchive } from './site/archive-source.ts';
import configure from '../eleventy.config.ts';
import { buildIndex } from './search/index/build-index.ts';
import { writeIndex } from './search/index/write-index.ts';
import { bundleClient } from './search/client/bundle.ts';

export interface CollectOptions {
  /** Input folder laid out as `<paper>/<YYYY-MM-DD>/<page>.txt`. Default `articles`. */
  input?: string;
  /** Folder that paths in problems are relative to. Default the working directory. */
  root?: string;
}

/**
 * Read, parse and enrich every scan under the input folder.
 *
 * @returns The archive; scans that could not be read are listed in `skipped`
 *   with a problem each, the rest are all there.
 */
export function collectArchive(options: CollectOptions = {}): Archive {
  const root = options.root ?? process.cwd();
  const input = path.resolve(root, options.input ?? 'articles');
  const { scans, problems } = time('scan', () => readScans(input, root));
  const skipped: string[] = [];
  const pages: ArchivePage[] = [];
  const papers = new Map<string, string>();

  for (const scan of scans) {
    papers.set(scan.paper, scan.paperName);
    let parsed;
    try {
      parsed = time('parse', () => parseScan(scan.bytes));
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      problems.push({ file: scan.path, ...(e.line ? { line: e.line } : {}), message: `${e.message}: skipped`, severity: 'error', ruleId: 'decode' });
      skipped.push(scan.path);
      continue;
    }
    const pageUrl = `/${scan.paper}/${scan.date}/${scan.page}/`;
    const page: ArchivePage = {
      paper: scan.paper,
      paperName: scan.paperName,
      date: scan.date,
      page: scan.page,
      pageNumber: scan.pageNumber,
      section: scan.meta.section ?? null,
      url: pageUrl,
      rawUrl: `${pageUrl}raw/`,
      rawText: new TextDecoder(parsed.encoding).decode(scan.bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'),
      source: scan.path,
      meta: scan.meta,
      articles: [],
      unplaced: parsed.unplaced,
    };
    parsed.articles.forEach((a, i) => {
      const n = i + 1;
      const text = [a.headline, a.headline, a.subhead ?? '', ...a.paragraphs].join('\n');
      const article: ArchiveArticle = {
        ...a,
        id: `${scan.paper}/${scan.date}/${scan.page}/${n}`,
        url: `${pageUrl}${n}/`,
        paper: scan.paper,
        paperName: scan.paperName,
        date: scan.date,
        page: scan.page,
        pageNumber: scan.pageNumber,
        section: page.section,
        n,
        keywords: time('keywords', () => extractKeywords(text, 6)),
        source: scan.path,
      };
      if (a.untitled) problems.push({ file: scan.path, line: a.line, message: 'text with no recognisable headline kept as an untitled article', severity: 'warning', ruleId: 'no-headline' });
      page.articles.push(article);
    });
    for (const u of parsed.unplaced) problems.push({ file: scan.path, line: u.line, message: `unplaced text: ${u.reason}`, severity: 'warning', ruleId: 'unplaced' });
    pages.push(page);
  }
  return assemble(pages, papers, problems, skipped);
}

/** Group pages into issues (newest first) and list articles in reading order. */
function assemble(pages: ArchivePage[], papers: Map<string, string>, problems: Problem[], skipped: string[]): Archive {
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

export interface BuildOptions extends CollectOptions {
  /** Output folder. Default `_site`. */
  output?: string;
  /** URL path the site is served under, e.g. `/repo-name/`. Default `/`. */
  basePath?: string;
  /** Count warnings as failures. */
  strict?: boolean;
}

export interface BuildResult {
  archive: Archive;
  /** Files Eleventy wrote. */
  files: number;
  /** 0 when every scan was built (and, with `strict`, no warnings); 1 otherwise. */
  exitCode: number;
  /** One-line summary, e.g. "Built 1 issue, 1 page, 6 articles (41 files) in 1.4 s". */
  summary: string;
}

/** Normalize a base path to "/x/y/" form. */
export function normalizeBasePath(basePath: string | undefined): string {
  const parts = (basePath ?? '/').split('/').filter(Boolean);
  for (const p of parts) if (p === '.' || p === '..') throw new ArchiveError(`base path "${basePath}" must not contain "." or ".." segments`);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Build the whole site: collect the archive, render it with Eleventy into a
 * temporary folder, then swap it into place, so a failed build leaves the
 * previous site untouched.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const output = path.resolve(root, options.output ?? '_site');
  const basePath = normalizeBasePath(options.basePath);
  const archive = collectArchive(options);
  const staging = `${output}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  let files: number;
  try {
    files = await timeAsync('render', () => renderSite(archive, { output: staging, basePath, root }));
    const index = time('index', () => writeIndex(buildIndex(archive.articles), path.join(staging, 'search-index')));
    files += index.files + time('bundle', () => bundleClient(staging));
    const old = `${output}.old-${process.pid}`;
    if (fs.existsSync(output)) fs.renameSync(output, old);
    fs.renameSync(staging, output);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new ArchiveError(`site render failed; the previous ${path.relative(root, output) || output} is untouched`, { cause: e });
  }
  const errors = archive.problems.filter((p) => p.severity === 'error').length;
  const warnings = archive.problems.length - errors;
  const pages = archive.issues.reduce((n, i) => n + i.pages.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const plural = (n: number, w: string) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`;
  let summary = `Built ${plural(archive.issues.length, 'issue')}, ${plural(pages, 'page')}, ${plural(archive.articles.length, 'article')} (${plural(files, 'file')}) in ${seconds} s`;
  if (archive.skipped.length) summary += `; skipped ${plural(archive.skipped.length, 'scan')}: ${archive.skipped.join(', ')}`;
  if (errors || warnings) summary += `; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const failed = errors > 0 || archive.skipped.length > 0 || (options.strict === true && warnings > 0);
  return { archive, files, exitCode: failed ? 1 : 0, summary };
}

/** Render an archive with Eleventy into `output`. Returns the number of files written. */
export async function renderSite(archive: Archive, options: { output: string; basePath: string; root: string }): Promise<number> {
  setArchive(archive);
  const { default: Eleventy } = await import('@11ty/eleventy');
  const templates = path.join(options.root, 'templates');
  if (!fs.existsSync(templates)) throw new ArchiveError(`no templates folder at ${templates}`);
  // Note: the config function is passed in, not loaded from eleventy.config.ts by path,
  // so no TypeScript loader is needed inside Eleventy (and vitest can run builds).
  const elev = new Eleventy(templates, options.output, {
    pathPrefix: options.basePath,
    quietMode: true,
    config: (eleventyConfig: unknown) => configure(eleventyConfig),
  });
  await elev.write();
  return countFiles(options.output);
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}
