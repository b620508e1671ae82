/**
 * Incremental rendering. Every page of the site that belongs to one thing
 * (an article, a printed page, an issue, a reporter, a keyword, a calendar
 * year) is a *unit*; its signature is a hash of the data its templates show.
 * A build renders the units whose signature changed since the last build,
 * plus the few site-wide pages (home, indexes, feed, sitemap, catalogue).
 */
import type { ArchiveArticle, ArchivePage } from '../types.ts';
import { KEYWORD_LIST_MAX, type ArticleView, type CalendarYear, type CatalogueYear, type Group, type IssueView, type PageView, type ReadingRoom, type SurnameGroup } from './collections.ts';
import { excerpt } from './filters.ts';
import type { SitemapPart } from './sitemaps.ts';
import { sha256 } from '../cache/build-cache.ts';

/** Which units to render, by the value in their keys; null renders every unit. */
export interface RenderSelection {
  articles: Set<string>;
  pages: Set<string>;
  issues: Set<string>;
  issueJson: Set<string>;
  reporters: Set<string>;
  surnames: Set<string>;
  keywords: Set<string>;
  years: Set<string>;
  catalogue: Set<string>;
  sitemaps: Set<string>;
}

/** Unit kinds by the letter their keys start with (see `unitSignatures`). */
const KINDS: Record<string, keyof RenderSelection> = { a: 'articles', p: 'pages', i: 'issues', j: 'issueJson', r: 'reporters', s: 'surnames', k: 'keywords', y: 'years', c: 'catalogue', m: 'sitemaps' };

/** The paginated lists the templates render (all of them, or the selected units). */
export interface RenderLists {
  articles: ArticleView[];
  pages: PageView[];
  issues: IssueView[];
  /** Issues whose JSON file to write. */
  issueJson: IssueView[];
  reporters: Group[];
  surnames: SurnameGroup[];
  keywords: Group[];
  calendar: CalendarYear[];
  catalogue: CatalogueYear[];
  sitemaps: SitemapPart[];
}

/** Restrict the room's lists to a selection. */
export function renderLists(room: ReadingRoom, selection: RenderSelection | null): RenderLists {
  if (!selection) {
    return {
      articles: room.articles,
      pages: room.pages,
      issues: room.issues,
      issueJson: room.issues,
      reporters: room.reporters,
      surnames: room.surnames,
      keywords: room.keywords,
      calendar: room.calendar,
      catalogue: room.catalogue,
      sitemaps: room.sitemaps,
    };
  }
  const articles = room.articles.filter((v) => selection.articles.has(v.article.id));
  return {
    articles,
    pages: room.pages.filter((v) => selection.pages.has(v.page.url)),
    issues: room.issues.filter((v) => selection.issues.has(v.issue.url)),
    issueJson: room.issues.filter((v) => selection.issueJson.has(v.issue.url)),
    reporters: room.reporters.filter((g) => selection.reporters.has(g.slug)),
    surnames: room.surnames.filter((g) => selection.surnames.has(g.slug)),
    keywords: room.keywords.filter((g) => selection.keywords.has(g.slug)),
    calendar: room.calendar.filter((y) => selection.years.has(String(y.year))),
    catalogue: room.catalogue.filter((y) => selection.catalogue.has(String(y.year))),
    sitemaps: room.sitemaps.filter((m) => selection.sitemaps.has(m.name)),
  };
}

/** Length of the excerpt the page view lists each article with (`excerpt(90)` in views/page.njk). */
export const LIST_EXCERPT = 90;

/**
 * What a list entry of an article shows elsewhere: headline, date, page,
 * credits, and the excerpt of the page view (which leaves out headings and
 * captions, so it follows the paragraph kinds too).
 */
function summaryOf(a: ArchiveArticle) {
  return [a.id, a.url, a.kicker, a.headline, a.subhead, a.byline, a.dateline, a.date, a.paperName, a.page, a.pageNumber, a.section, a.untitled ?? false, excerpt(a, LIST_EXCERPT), a.reporters.length];
}

function pageSummary(p: ArchivePage | null) {
  return p ? [p.url, p.page, p.pageNumber, p.section] : null;
}

const hash = (value: unknown) => sha256(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 20);

/**
 * Keys of what each article and page was made from (the scan's text, the
 * analyzer's version, its place and sidecar: see `collectKeyed` in
 * build.ts): the same key, the same article or page, so it stands for
 * hashing the whole of it. Only what is set after the analysis is hashed
 * beside it: the page's scan (image and line positions) and the article's zone on it.
 */
export interface Origins {
  /** Article id → key. */
  articles: Map<string, string>;
  /** Page URL → key. */
  pages: Map<string, string>;
  /** Summaries known from the last build, and kept for the next (see `Summaries`). */
  summaries?: Summaries;
}

/**
 * The hashes of articles' list entries (`summaryOf`) by the hash of their
 * origin, kept from one build to the next: an entry is the same while the
 * article is, and taking the excerpt of 30,000 articles and hashing each was
 * a third of the plan. Only the entries a build used are kept.
 */
export class Summaries {
  private readonly used = new Map<string, string>();

  /** @param known Those of the last build (`toJSON`). */
  constructor(private readonly known: Record<string, string> = {}) {}

  /** The summary of the article made from the origin of this hash: known, or made now. */
  of(origin: string, make: () => string): string {
    let h = this.used.get(origin);
    if (h === undefined) this.used.set(origin, (h = Object.hasOwn(this.known, origin) ? this.known[origin] : make()));
    return h;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.used);
  }
}

/**
 * Signature of every unit: unit key → hash of the data it shows.
 * Keys: `a:<id>`, `p:<url>`, `i:<url>` (issue page), `j:<url>` (issue JSON), `r:<slug>`, `s:<slug>`, `k:<slug>`, `y:<year>`, `c:<year>` (the year's data catalogue), `m:<name>` (a file of the sitemap).
 *
 * @param origins What articles and pages were made from; without, they are hashed whole.
 */
export function unitSignatures(room: ReadingRoom, origins?: Origins): Map<string, string> {
  // Note: each article's summary is hashed once; lists (a keyword's thousands
  // of articles) hash the short summary hashes, not the summaries again.
  const summaries = new Map<ArchiveArticle, string>();
  const summary = (a: ArchiveArticle | null) => {
    if (!a) return '';
    let h = summaries.get(a);
    if (h === undefined) {
      const origin = origins?.summaries && originOf(a);
      summaries.set(a, (h = origin ? origins!.summaries!.of(origin, () => hash(summaryOf(a))) : hash(summaryOf(a))));
    }
    return h;
  };
  // Hash of an article's origin key, or null without one.
  const originHashes = new Map<ArchiveArticle, string | null>();
  const originOf = (a: ArchiveArticle) => {
    let h = originHashes.get(a);
    if (h === undefined) {
      const origin = origins?.articles.get(a.id);
      originHashes.set(a, (h = origin === undefined ? null : hash(origin)));
    }
    return h;
  };
  const list = (as: ArchiveArticle[]) => as.map(summary).join('');
  // The whole article, for its page and for the page's JSON file.
  const wholes = new Map<ArchiveArticle, string>();
  const whole = (a: ArchiveArticle) => {
    let h = wholes.get(a);
    if (h === undefined) {
      const origin = originOf(a);
      wholes.set(a, (h = origin === null ? hash(a) : a.zone ? hash([origin, a.zone]) : origin));
    }
    return h;
  };
  // What an article page shows of its page: its place and sidecar.
  const pageHeads = new Map<ArchivePage, string>();
  const pageHead = (p: ArchivePage) => {
    let h = pageHeads.get(p);
    if (h === undefined) pageHeads.set(p, (h = JSON.stringify([pageSummary(p), p.meta])));
    return h;
  };
  const sigs = new Map<string, string>();
  for (const v of room.articles) {
    // Note: the whole article, so its `corrections` too: the page marks each
    // corrected character and its JSON lists them, though the text may be the
    // same (a scan that read 县 right and one corrected from 具 give one text).
    // List entries show no marks, so summaries leave corrections out.
    // `keywords` says which keywords link to a page: that changes when other articles take a keyword up.
    // Note: hashes joined as text (they are hex, of one length), the rest as JSON; one JSON of it all took a fifth of the plan.
    sigs.set(`a:${v.article.id}`, hash(`${whole(v.article)}|${summary(v.prev)}|${summary(v.next)}|${list(v.related)}|${pageHead(v.page)}|${JSON.stringify([v.citation, v.issue.url, v.keywords, v.jsonPointer])}`));
  }
  // Note: `page` keeps every other field of the page: section, meta, furniture.
  // Note: with an origin the page's text is not read (a rebuild reads the text of the pages it shows only: scan/scan-memo.ts).
  const pageWhole = (p: ArchivePage) => {
    const origin = origins?.pages.get(p.url);
    const articles = p.articles.map(whole).join('');
    if (origin !== undefined) return [[origin, p.scan ?? null], articles];
    const { articles: _, unplaced, rawText, ...page } = p;
    return [[page, hash(rawText), unplaced], articles];
  };
  for (const v of room.pages) {
    // The page view lists its articles with the furniture and the OCR text; whole articles are more than it shows, which costs only a render.
    sigs.set(`p:${v.page.url}`, hash([pageWhole(v.page), v.issue.url, v.issue.pages.map(pageSummary), pageSummary(v.prev), pageSummary(v.next)]));
  }
  for (const v of room.issues) {
    sigs.set(`i:${v.issue.url}`, hash([v.issue.pages.map((p) => [pageSummary(p), p.meta, list(p.articles)]), v.prev?.url ?? null, v.prev?.date ?? null, v.next?.url ?? null, v.next?.date ?? null, v.articles]));
    // The issue's JSON file holds its pages and articles whole, and nothing from other issues (so a shard build writes it).
    sigs.set(`j:${v.issue.url}`, hash(v.issue.pages.map(pageWhole)));
  }
  for (const g of room.reporters) sigs.set(`r:${g.slug}`, hash(g.name + '\n' + list(g.articles)));
  // A surname page lists the reporters without a page with their articles, the others with a link and a count.
  for (const s of room.surnames) sigs.set(`s:${s.slug}`, hash([s.surname, s.reporters.map((g) => [g.name, g.page, g.page ? g.articles.length : list(g.articles)])]));
  // A keyword page lists its newest articles and counts them all.
  for (const g of room.keywords) sigs.set(`k:${g.slug}`, hash([g.name, g.articles.length, list(g.articles.slice(0, KEYWORD_LIST_MAX))]));
  // Every year page lists all years (templates/_includes/views/calendar-year.njk), so the list is part of each.
  const years = room.calendar.map((y) => y.year);
  for (const y of room.calendar) sigs.set(`y:${y.year}`, hash([y, years]));
  // A year of the catalogue holds an entry of each article (`catalogueEntry`: these fields, and its place in the issue JSON).
  const entry = (v: ArticleView) => {
    const a = v.article;
    return [a.id, a.url, a.n, a.headline, a.date, a.paper, a.paperName, a.page, a.byline, a.dateline, a.reporters.map((r) => r.name), a.keywords, v.jsonPointer];
  };
  for (const c of room.catalogue) sigs.set(`c:${c.year}`, hash(c.articles.map(entry)));
  for (const m of room.sitemaps) sigs.set(`m:${m.name}`, hash(m.entries));
  return sigs;
}

/**
 * The units to render: those whose signature differs from the previous build
 * (new or changed), and the keys of units that are gone.
 */
export function planRender(previous: Map<string, string>, current: Map<string, string>): { changed: string[]; removed: string[] } {
  const changed = [...current].filter(([key, sig]) => previous.get(key) !== sig).map(([key]) => key);
  const removed = [...previous.keys()].filter((k) => !current.has(k));
  return { changed, removed };
}

/** The selection of the units with these keys. */
export function selectionOf(keys: Iterable<string>): RenderSelection {
  const selection: RenderSelection = { articles: new Set(), pages: new Set(), issues: new Set(), issueJson: new Set(), reporters: new Set(), surnames: new Set(), keywords: new Set(), years: new Set(), catalogue: new Set(), sitemaps: new Set() };
  for (const key of keys) {
    const kind = KINDS[key[0]];
    if (kind) selection[kind].add(key.slice(2));
  }
  return selection;
}

/** Endings of a page image as given (`scan.jpg` …), as `images/derive-image.ts` names them. */
const PAGE_IMAGE_TYPES = ['.jpg', '.png', '.webp'];

/** Output files of a unit, relative to the site folder (what the templates' permalinks give). */
export function unitFiles(key: string): string[] {
  const value = key.slice(2);
  switch (KINDS[key[0]]) {
    case 'articles':
      return [`${value}/index.html`];
    case 'pages':
      // The page view (with the OCR text), and its images when it has them (images/page-scans.ts).
      return [`${value}index.html`, `${value}page.jpg`, ...PAGE_IMAGE_TYPES.map((ext) => `${value}scan${ext}`)];
    case 'issues':
      return [`${value}index.html`];
    case 'issueJson':
      // The JSON file of the issue's pages and articles.
      return [`${value}index.json`];
    case 'reporters':
      return [`reporters/${value}/index.html`];
    case 'surnames':
      return [`reporters/姓/${value}/index.html`];
    case 'keywords':
      return [`keywords/${value}/index.html`];
    case 'years':
      return [`calendar/${value}/index.html`];
    case 'catalogue':
      return [`data/articles/${value}.json`];
    case 'sitemaps':
      return [`sitemaps/${value}.xml`];
    default:
      return [];
  }
}

/**
 * Cut the units to render into passes of at most `most` units, of even size,
 * in the order given. Always at least one pass (the site-wide pages render
 * with the first, even when no unit changed).
 */
export function renderPasses(keys: string[], most: number): string[][] {
  const passes = Math.max(1, Math.ceil(keys.length / most));
  const size = Math.ceil(keys.length / passes);
  return Array.from({ length: passes }, (_, i) => keys.slice(i * size, (i + 1) * size));
}
