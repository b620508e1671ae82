/**
 * The sitemap in parts. The sitemaps protocol takes at most 50,000 URLs in
 * one file (and a search engine ignores a larger one), and a decade of a
 * daily is hundreds of thousands of pages. So `/sitemap.xml` is a sitemap
 * index of parts: one of the site's own pages (indexes, calendar years,
 * reporters, surnames, keywords), and one per year of its issues, pages and
 * articles, each cut in files of at most `SITEMAP_MOST` URLs. Adding a scan
 * changes the part of its year only.
 */
import type { Archive } from '../types.ts';
import type { CalendarYear, Group, SurnameGroup } from './collections.ts';

/** URLs in one sitemap file at most: the protocol's limit. */
export const SITEMAP_MOST = 50_000;

export interface SitemapEntry {
  url: string;
  /** The article's date, for articles. */
  lastmod?: string;
}

/** One file of the sitemap: `/sitemaps/<name>.xml`. */
export interface SitemapPart {
  /** `site`, a year (`2023`), or either with `-2`, `-3`… for the files after the first. */
  name: string;
  url: string;
  entries: SitemapEntry[];
}

/** The site's own pages, which are in every build. */
const SITE_PAGES = ['/', '/calendar/', '/reporters/', '/keywords/', '/about/'];

/**
 * @param archive The archive (issues newest first).
 * @param lists The pages of the reading room the sitemap lists beside the archive's own.
 * @param most URLs per file at most.
 * @returns The parts: the site's, then the years', newest first.
 */
export function sitemapParts(
  archive: Archive,
  lists: { calendar: CalendarYear[]; reporters: Group[]; surnames: SurnameGroup[]; keywords: Group[] },
  most = SITEMAP_MOST,
): SitemapPart[] {
  const site: SitemapEntry[] = [...SITE_PAGES, ...lists.calendar.map((y) => y.url), ...lists.reporters.map((g) => g.url), ...lists.surnames.map((s) => s.url), ...lists.keywords.map((g) => g.url)].map((url) => ({ url }));
  const years = new Map<string, SitemapEntry[]>();
  for (const issue of archive.issues) {
    const year = issue.date.slice(0, 4);
    let entries = years.get(year);
    if (!entries) years.set(year, (entries = []));
    entries.push({ url: issue.url });
    for (const page of issue.pages) {
      entries.push({ url: page.url });
      for (const a of page.articles) entries.push({ url: a.url, lastmod: a.date });
    }
  }
  return [['site', site] as const, ...years].flatMap(([name, entries]) => cut(name, entries, most));
}

/** A group's entries in files of at most `most`. */
function cut(name: string, entries: SitemapEntry[], most: number): SitemapPart[] {
  const parts: SitemapPart[] = [];
  for (let i = 0; i === 0 || i * most < entries.length; i++) {
    const part = i === 0 ? name : `${name}-${i + 1}`;
    parts.push({ name: part, url: `/sitemaps/${part}.xml`, entries: entries.slice(i * most, (i + 1) * most) });
  }
  return parts;
}
