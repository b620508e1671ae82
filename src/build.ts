/**
 * The only file that knows the stage order:
 * readScans → parseScan → extractKeywords → assemble the archive → Eleventy.
 */
import path from 'node:path';
import { readScans } from './scan/read-scans.ts';
import { parseScan } from './parse/parse-page.ts';
import { DecodeError } from './scan/decode-scan.ts';
import { extractKeywords } from './enrich/keywords.ts';
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage, Problem } from './types.ts';
import { time } from './util/timing.ts';

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
