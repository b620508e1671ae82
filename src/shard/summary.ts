/**
 * `shard.json`: what `archive merge` needs of a shard to render the
 * site-wide pages, written by `archive build --only` beside the shard's
 * pages. It holds the shard's issues and pages with each article as a list
 * entry (headline, credits, keywords: no body text), the newest articles
 * whole (the feed shows their excerpts), the problems and counts of the
 * build report, and what the shard was built with (code, base path, site
 * URL), so a merge refuses shards that would not fit together.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive, ArchiveArticle, ArchivePage, Problem } from '../types.ts';
import { ArchiveError } from '../util/errors.ts';

export const SUMMARY_FILE = 'shard.json';

/** Bump when the summary's shape changes. */
const SUMMARY_VERSION = 1;

/**
 * Articles each shard keeps whole, newest first: the feed (templates/feed.njk)
 * shows the site's newest 50 with excerpts, and they are among the newest
 * 50 of some shard.
 */
const NEWEST = 50;

/** An article as a list entry: what its page already says (paper, date, page) is left out. */
type Entry = Pick<ArchiveArticle, 'n' | 'kicker' | 'headline' | 'subhead' | 'byline' | 'dateline' | 'reporters' | 'keywords' | 'untitled'>;

/** A page without its scan text, furniture and unplaced text (only its own view shows them). */
type PageEntry = Omit<ArchivePage, 'rawText' | 'furniture' | 'unplaced' | 'articles'> & { articles: Entry[] };

export interface ShardSummary {
  version: number;
  /** The `--only` value, normalized (see `parseOnly`). */
  only: string;
  /** Version of the code that renders and indexes the site (see `siteCode`). */
  code: string;
  basePath: string;
  siteUrl: string | null;
  papers: Archive['papers'];
  /** Every page of the shard, in archive order. */
  pages: PageEntry[];
  /** The shard's newest articles, whole. */
  newest: ArchiveArticle[];
  problems: Problem[];
  skipped: string[];
  stats: { scans: number; charsRead: number; charsPlaced: number };
}

/** The summary of a shard's archive. */
export function summarize(archive: Archive, only: string, built: { code: string; basePath: string; siteUrl: string | null }): ShardSummary {
  const pages = archive.issues.flatMap((i) => i.pages);
  return {
    version: SUMMARY_VERSION,
    only,
    ...built,
    papers: archive.papers,
    pages: pages.map(({ rawText, furniture, unplaced, articles, ...page }) => ({
      ...page,
      articles: articles.map((a) => ({ n: a.n, kicker: a.kicker, headline: a.headline, subhead: a.subhead, byline: a.byline, dateline: a.dateline, reporters: a.reporters, keywords: a.keywords, ...(a.untitled ? { untitled: true } : {}) })),
    })),
    newest: archive.articles.slice(0, NEWEST),
    problems: archive.problems,
    skipped: archive.skipped,
    stats: { scans: archive.stats.scans, charsRead: archive.stats.charsRead, charsPlaced: archive.stats.charsPlaced },
  };
}

/** Write the summary into a shard's output folder. */
export function writeSummary(dir: string, summary: ShardSummary): void {
  fs.writeFileSync(path.join(dir, SUMMARY_FILE), JSON.stringify(summary));
}

/**
 * Read the summary of a shard output folder.
 *
 * @throws ArchiveError when the folder holds no shard or one of another version.
 */
export function readSummary(dir: string): ShardSummary {
  const file = path.join(dir, SUMMARY_FILE);
  let summary: ShardSummary;
  try {
    summary = JSON.parse(fs.readFileSync(file, 'utf8')) as ShardSummary;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ArchiveError(`${dir}: ${missing ? `no ${SUMMARY_FILE}, so not a shard; build one with archive build --only <paper>[/<year>] --output ${dir}` : `${SUMMARY_FILE} does not parse: build the shard again`}`);
  }
  if (summary.version !== SUMMARY_VERSION) throw new ArchiveError(`${dir}: ${SUMMARY_FILE} has version ${summary.version}, this archive reads version ${SUMMARY_VERSION}: build the shard again`);
  return summary;
}

/**
 * The pages of a shard as archive pages: list entries made articles again
 * with no body (the site-wide pages show none), the newest whole.
 */
export function pagesOf(summary: ShardSummary): ArchivePage[] {
  const whole = new Map(summary.newest.map((a) => [a.id, a]));
  return summary.pages.map((entry) => {
    const page: ArchivePage = { ...entry, rawText: '', furniture: [], unplaced: [], articles: [] };
    const place = { paper: page.paper, paperName: page.paperName, date: page.date, page: page.page, pageNumber: page.pageNumber, section: page.section };
    page.articles = entry.articles.map((e) => {
      const id = `${page.paper}/${page.date}/${page.page}/${e.n}`;
      return whole.get(id) ?? { ...e, ...place, id, url: `${page.url}${e.n}/`, paragraphs: [], kinds: [], truncated: [], corrections: [], line: 0, source: page.source };
    });
    return page;
  });
}
