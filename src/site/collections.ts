/**
 * Computed views of the archive for the reading room: reporters, keywords,
 * related articles, previous/next links, calendars, citations. Pure
 * functions over the `Archive`, so each can be tested without Eleventy.
 */
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage } from '../types.ts';
import { surnameOf } from '../segment/names.ts';
import { scopeOf } from '../shard/only.ts';
import { sitemapParts, type SitemapPart } from './sitemaps.ts';

/** An article with everything its page links to. */
export interface ArticleView {
  article: ArchiveArticle;
  /** The page (版面) the article is printed on. */
  page: ArchivePage;
  issue: ArchiveIssue;
  /** Previous and next article in the issue's reading order, or null. */
  prev: ArchiveArticle | null;
  next: ArchiveArticle | null;
  /** Up to five other articles of the same paper and year sharing the most keywords. */
  related: ArchiveArticle[];
  /** GB/T 7714 reference. */
  citation: string;
  /** The article's keywords, each with its keyword page's URL, or null when fewer than `KEYWORD_PAGE_MIN` articles of the same paper and year have it. */
  keywords: Array<{ name: string; url: string | null }>;
  /** The article's place in its issue's JSON file, a JSON Pointer: `/pages/<i>/articles/<n - 1>`. */
  jsonPointer: string;
}

/** A page with its neighbours in the issue. */
export interface PageView {
  page: ArchivePage;
  issue: ArchiveIssue;
  prev: ArchivePage | null;
  next: ArchivePage | null;
}

/** An issue with the previous (older) and next (newer) issue of the same paper. */
export interface IssueView {
  issue: ArchiveIssue;
  prev: ArchiveIssue | null;
  next: ArchiveIssue | null;
  /** Articles in the issue. */
  articles: number;
}

/** Articles grouped under one name (a reporter or a keyword). */
export interface Group {
  /** The name as printed. */
  name: string;
  /** Path segment used in the URL. */
  slug: string;
  /** Site-relative URL, e.g. `/reporters/方达/`. */
  url: string;
  /** Articles, newest first. */
  articles: ArchiveArticle[];
}

/** The reporters of one surname: the page that lists those without a page of their own, with their articles. */
export interface SurnameGroup {
  surname: string;
  slug: string;
  /** Site-relative URL, `/reporters/姓/<surname>/`. */
  url: string;
  /** Reporters of the surname, by name, each with the URL of their own page, or null when they have none (and the surname page lists their articles). */
  reporters: Array<Group & { page: string | null }>;
  /** Articles of these reporters (an article of two of them counts twice). */
  articles: number;
}

/** A day cell of a month grid. */
export interface CalendarDay {
  /** Day of month, 1-based. */
  day: number;
  /** YYYY-MM-DD. */
  date: string;
  /** Issue URL when the paper has an issue that day, else null. */
  url: string | null;
}

/** One month of one paper, weeks Monday first; `null` pads the first and last week. */
export interface CalendarMonth {
  /** YYYY-MM. */
  key: string;
  year: number;
  /** 1–12. */
  month: number;
  /** Anchor id, e.g. `jlrb-2024-05`. */
  id: string;
  issues: number;
  weeks: Array<Array<CalendarDay | null>>;
}

/** One paper's months with issues in a year. */
export interface CalendarPaper {
  paper: string;
  paperName: string;
  issues: number;
  /** Issue counts per month, index 0 = January. */
  counts: number[];
  months: CalendarMonth[];
}

/** The calendars of one year. */
export interface CalendarYear {
  year: number;
  url: string;
  issues: number;
  papers: CalendarPaper[];
}

/** Archive size and span, for the home page. */
export interface ArchiveStats {
  first: string | null;
  last: string | null;
  issues: number;
  pages: number;
  articles: number;
  papers: number;
}

/** Everything the templates need beyond the archive itself. */
export interface ReadingRoom {
  stats: ArchiveStats;
  issues: IssueView[];
  articles: ArticleView[];
  pages: PageView[];
  /** Reporters with a page: those of at least `REPORTER_PAGE_MIN` articles. */
  reporters: Group[];
  /** Every reporter by surname. */
  surnames: SurnameGroup[];
  /** Keywords with a page: those of at least `KEYWORD_PAGE_MIN` articles. */
  keywords: Group[];
  calendar: CalendarYear[];
  /** The data catalogue, one part per year, newest first (`/data/articles/<year>.json`). */
  catalogue: CatalogueYear[];
  /** The files of the sitemap (`/sitemap.xml` is their index). */
  sitemaps: SitemapPart[];
}

/** One year of the data catalogue: its articles, in archive order. */
export interface CatalogueYear {
  year: number;
  url: string;
  articles: ArticleView[];
}

/**
 * Articles a keyword needs for a page of its own (and a place in the
 * keywords index). A keyword of one or two articles connects nothing a
 * reader could not reach from the article's related articles, and such
 * keywords are most of them; on an article page they are shown as text.
 */
export const KEYWORD_PAGE_MIN = 3;

/**
 * Articles a keyword page lists, newest first. A common keyword (长春, 吉林)
 * is on a good share of a decade's articles: listing them all made pages of
 * megabytes. The page links to the search for the word, sorted by date, for
 * the rest.
 */
export const KEYWORD_LIST_MAX = 100;

/**
 * Articles a reporter needs for a page of their own. Most names in bylines
 * and datelines sign one or two articles (stringers, 通讯员, interns): a page
 * each would be most of a decade's files. They are listed with their
 * articles on their surname's page instead, and their names link there.
 */
export const REPORTER_PAGE_MIN = 3;

const collator = new Intl.Collator('zh-CN');

/**
 * Characters that cannot stand in a URL path segment (or in an Eleventy
 * permalink) are dropped: separators, query/fragment marks, markup and
 * quoting characters, controls, whitespace.
 */
const UNSAFE_SEGMENT = /[\s/\\?#%&<>"'`{}|^\[\]:*\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A name as a URL path segment: the name itself (Chinese stays readable)
 * minus characters that would break a path; `_` + code points when nothing is left.
 *
 * @param name Reporter name or keyword.
 * @returns A non-empty segment without `/`, `?`, `#`, `%`, `&`, `.`-only.
 */
export function slugify(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    const s = name.replace(UNSAFE_SEGMENT, '').replace(/^\.+$/, '');
    slugs.set(name, (slug = s || `_${[...name].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`));
  }
  return slug;
}

/** Slugs made so far: a room slugifies each article's keywords and reporters several times over. */
const slugs = new Map<string, string>();

/**
 * The article's reference in GB/T 7714-2015 form for newspaper articles:
 * `作者, 作者. 题名[N]. 报纸名, 出版日期(版次).` Authors are the reporters
 * joined by ", "; without any the authors part is left out.
 *
 * @param article The article.
 * @returns e.g. `张伟国, 代黎黎. 在携手前行中共享机遇共赢发展[N]. 吉林日报, 2023-02-01(3).`
 */
export function citation(article: ArchiveArticle): string {
  const authors = article.reporters.map((r) => r.name).filter(Boolean).join(', ');
  const title = article.headline.trim() || '无题';
  const page = article.pageNumber ?? article.page;
  return `${authors ? `${authors}. ` : ''}${title}[N]. ${article.paperName}, ${article.date}(${page}).`;
}

/**
 * Group articles under each of several names, keeping archive order
 * (newest first) inside a group; groups sorted by size then name.
 */
function groupBy(articles: ArchiveArticle[], names: (a: ArchiveArticle) => string[], base: string): Group[] {
  const groups = new Map<string, Group>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of names(article)) {
      const slug = slugify(name);
      if (seen.has(slug)) continue;
      seen.add(slug);
      let g = groups.get(slug);
      if (!g) {
        g = { name, slug, url: `/${base}/${slug}/`, articles: [] };
        groups.set(slug, g);
      }
      g.articles.push(article);
    }
  }
  return [...groups.values()].sort((a, b) => b.articles.length - a.articles.length || collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

/**
 * Reporters with every article they are credited on.
 *
 * @param articles Articles, newest first.
 * @returns One group per reporter name, URL `/reporters/<name>/`.
 */
export function groupByReporter(articles: ArchiveArticle[]): Group[] {
  return groupBy(articles, (a) => a.reporters.map((r) => r.name.trim()).filter(Boolean), 'reporters');
}

/** Site-relative URL of the page of the reporters of a name's surname, `/reporters/姓/张/`. */
export function surnameUrl(name: string): string {
  return `/reporters/姓/${slugify(surnameOf(name.trim()))}/`;
}

/** Whether a reporter has a page of their own (`REPORTER_PAGE_MIN` articles). */
export const hasReporterPage = (g: Group) => g.articles.length >= REPORTER_PAGE_MIN;

/**
 * Reporters by surname.
 *
 * @param reporters Every reporter, from `groupByReporter`.
 * @returns Surnames sorted by name, each with its reporters by name.
 */
export function groupBySurname(reporters: Group[]): SurnameGroup[] {
  const bySurname = new Map<string, SurnameGroup>();
  for (const g of [...reporters].sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1))) {
    const surname = surnameOf(g.name);
    const url = surnameUrl(g.name);
    let s = bySurname.get(url);
    if (!s) bySurname.set(url, (s = { surname, slug: slugify(surname), url, reporters: [], articles: 0 }));
    s.reporters.push({ ...g, page: hasReporterPage(g) ? g.url : null });
    s.articles += g.articles.length;
  }
  return [...bySurname.values()].sort((a, b) => collator.compare(a.surname, b.surname) || (a.slug < b.slug ? -1 : 1));
}

/**
 * Keywords with every article that carries them.
 *
 * @param articles Articles, newest first.
 * @returns One group per keyword, URL `/keywords/<word>/`.
 */
export function groupByKeyword(articles: ArchiveArticle[]): Group[] {
  return groupBy(articles, (a) => a.keywords.map((k) => k.trim()).filter(Boolean), 'keywords');
}

/** Candidates per keyword on each side of an article, in archive order. */
const RELATED_WINDOW = 40;

/**
 * Articles sharing the most keywords with a given one; ties go to the newer,
 * then to the first met. Only the articles nearest in time within each
 * keyword's group are candidates, so the cost stays bounded when a keyword
 * has thousands of articles.
 * Note: built once per archive with articles numbered and groups as arrays of
 * numbers; counting in a typed array made related articles of 30,000 articles
 * several times faster than maps keyed by article.
 */
export class RelatedArticles {
  private readonly articles: ArchiveArticle[] = [];
  private readonly ordinal = new Map<ArchiveArticle, number>();
  private readonly groups = new Map<string, { members: Int32Array; at: Map<ArchiveArticle, number> }>();
  private readonly scores: Int32Array;
  /** Rank of each article's date, higher for newer: ties are broken without comparing date strings. */
  private readonly newness: Int32Array;

  /** @param keywords Keyword groups from `groupByKeyword`. */
  constructor(keywords: Group[]) {
    for (const g of keywords) {
      const members = new Int32Array(g.articles.length);
      const at = new Map<ArchiveArticle, number>();
      g.articles.forEach((a, i) => {
        let n = this.ordinal.get(a);
        if (n === undefined) {
          n = this.articles.push(a) - 1;
          this.ordinal.set(a, n);
        }
        members[i] = n;
        at.set(a, i);
      });
      this.groups.set(g.slug, { members, at });
    }
    this.scores = new Int32Array(this.articles.length);
    const dates = [...new Set(this.articles.map((a) => a.date))].sort();
    const rank = new Map(dates.map((d, i) => [d, i]));
    this.newness = Int32Array.from(this.articles, (a) => rank.get(a.date)!);
  }

  /**
   * @param article The article.
   * @param count How many to return; default 5.
   * @returns Other articles, best first.
   */
  of(article: ArchiveArticle, count = 5): ArchiveArticle[] {
    const self = this.ordinal.get(article) ?? -1;
    const touched: number[] = [];
    for (const k of article.keywords) {
      const g = this.groups.get(slugify(k.trim()));
      if (!g) continue;
      const at = g.at.get(article) ?? 0;
      const to = Math.min(g.members.length, at + RELATED_WINDOW + 1);
      for (let i = Math.max(0, at - RELATED_WINDOW); i < to; i++) {
        const n = g.members[i];
        if (n !== self && this.scores[n]++ === 0) touched.push(n);
      }
    }
    // The best `count` in one pass, in order: more shared keywords, newer, first met.
    const best: number[] = [];
    for (const n of touched) {
      let at = best.length;
      while (at > 0 && this.better(n, best[at - 1])) at--;
      if (at >= count) continue;
      best.splice(at, 0, n);
      if (best.length > count) best.pop();
    }
    const related = best.map((n) => this.articles[n]);
    for (const n of touched) this.scores[n] = 0;
    return related;
  }

  /** Whether candidate `a` ranks above `b`, met before it. */
  private better(a: number, b: number): boolean {
    const x = this.scores[a];
    const y = this.scores[b];
    return x !== y ? x > y : this.newness[a] > this.newness[b];
  }
}

/**
 * Issue counts and the first and last date.
 *
 * @param archive The archive.
 * @returns Size and span.
 */
export function archiveStats(archive: Archive): ArchiveStats {
  const dates = archive.issues.map((i) => i.date).sort();
  return {
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    issues: archive.issues.length,
    pages: archive.issues.reduce((n, i) => n + i.pages.length, 0),
    articles: archive.articles.length,
    papers: archive.papers.length,
  };
}

/**
 * Days of a month as weeks, Monday first.
 *
 * @param year Full year.
 * @param month 1–12.
 * @param urls Issue URL by YYYY-MM-DD.
 * @returns Weeks of seven cells, `null` outside the month.
 */
export function monthGrid(year: number, month: number, urls: Map<string, string>): Array<Array<CalendarDay | null>> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: 0 = Sunday; shift so Monday is column 0.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<CalendarDay | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    cells.push({ day: d, date, url: urls.get(date) ?? null });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Calendars by year (newest first), one per paper, with a month grid for
 * every month the paper has an issue in.
 *
 * @param archive The archive.
 * @returns Years with each paper's months.
 */
export function calendarYears(archive: Archive): CalendarYear[] {
  const byYear = new Map<number, Map<string, ArchiveIssue[]>>();
  for (const issue of archive.issues) {
    const year = Number(issue.date.slice(0, 4));
    const papers = byYear.get(year) ?? new Map<string, ArchiveIssue[]>();
    byYear.set(year, papers);
    const list = papers.get(issue.paper) ?? [];
    papers.set(issue.paper, list);
    list.push(issue);
  }
  const paperOrder = archive.papers.map((p) => p.id);
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, papers]) => {
      const cals: CalendarPaper[] = [...papers]
        .sort(([a], [b]) => paperOrder.indexOf(a) - paperOrder.indexOf(b) || (a < b ? -1 : 1))
        .map(([paper, issues]) => {
          const urls = new Map(issues.map((i) => [i.date, i.url]));
          const counts = Array.from({ length: 12 }, () => 0);
          for (const i of issues) counts[Number(i.date.slice(5, 7)) - 1]++;
          const months: CalendarMonth[] = [];
          counts.forEach((n, m) => {
            if (!n) return;
            const key = `${year}-${String(m + 1).padStart(2, '0')}`;
            months.push({ key, year, month: m + 1, id: `${paper}-${key}`, issues: n, weeks: monthGrid(year, m + 1, urls) });
          });
          return { paper, paperName: issues[0].paperName, issues: issues.length, counts, months };
        });
      return { year, url: `/calendar/${year}/`, issues: cals.reduce((n, c) => n + c.issues, 0), papers: cals };
    });
}

/**
 * Every issue with the older and newer issue of the same paper.
 *
 * @param archive The archive (issues newest first).
 * @returns Issues in archive order.
 */
export function issueViews(archive: Archive): IssueView[] {
  const byPaper = new Map<string, ArchiveIssue[]>();
  for (const issue of archive.issues) byPaper.set(issue.paper, [...(byPaper.get(issue.paper) ?? []), issue]);
  return archive.issues.map((issue) => {
    const list = byPaper.get(issue.paper)!;
    const i = list.indexOf(issue);
    return {
      issue,
      prev: list[i + 1] ?? null,
      next: list[i - 1] ?? null,
      articles: issue.pages.reduce((n, p) => n + p.articles.length, 0),
    };
  });
}

/**
 * Every page with the previous and next page of its issue.
 *
 * @param archive The archive.
 * @returns Pages in archive order.
 */
export function pageViews(archive: Archive): PageView[] {
  return archive.issues.flatMap((issue) =>
    issue.pages.map((page, i) => ({ page, issue, prev: issue.pages[i - 1] ?? null, next: issue.pages[i + 1] ?? null })),
  );
}

/**
 * Every article with its page, neighbours in the issue's reading order
 * (page by page), related articles and citation.
 *
 * Related articles and keyword links come from the article's scope, its
 * paper's year (`scopeOf`): an article page shows nothing from outside it,
 * so a shard build of that year renders the page exactly as a build of the
 * whole archive does (src/shard/). A keyword is linked when its scope alone
 * gives it `KEYWORD_PAGE_MIN` articles, so a linked page always exists.
 *
 * @param archive The archive.
 * @returns Articles in archive order.
 */
export function articleViews(archive: Archive): ArticleView[] {
  const scopes = new Map<string, ArchiveArticle[]>();
  for (const a of archive.articles) {
    const scope = scopeOf(a);
    const list = scopes.get(scope);
    if (list) list.push(a);
    else scopes.set(scope, [a]);
  }
  const within = new Map<string, { related: RelatedArticles; pages: Map<string, string> }>();
  for (const [scope, articles] of scopes) {
    const keywords = groupByKeyword(articles);
    within.set(scope, { related: new RelatedArticles(keywords), pages: new Map(keywords.filter((g) => g.articles.length >= KEYWORD_PAGE_MIN).map((g) => [g.slug, g.url])) });
  }
  return archive.issues.flatMap((issue) => {
    const list = issue.pages.flatMap((page, p) => page.articles.map((article, n) => ({ article, page, pointer: `/pages/${p}/articles/${n}` })));
    const { related, pages } = within.get(scopeOf(issue)) ?? { related: new RelatedArticles([]), pages: new Map<string, string>() };
    return list.map(({ article, page, pointer }, i) => ({
      article,
      page,
      issue,
      prev: list[i - 1]?.article ?? null,
      next: list[i + 1]?.article ?? null,
      related: related.of(article),
      citation: citation(article),
      keywords: article.keywords.map((k) => {
        const name = k.trim();
        return { name, url: pages.get(slugify(name)) ?? null };
      }),
      jsonPointer: pointer,
    }));
  });
}

/**
 * The articles by year for the data catalogue. One file of every article
 * was 60 MB at 20,000 pages, and a decade of a daily would pass GitHub
 * Pages' 100 MB per file.
 *
 * @param views Article views in archive order (newest first).
 */
export function catalogueYears(views: ArticleView[]): CatalogueYear[] {
  const years = new Map<number, CatalogueYear>();
  for (const v of views) {
    const year = Number(v.article.date.slice(0, 4));
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, url: `/data/articles/${year}.json`, articles: [] }));
    y.articles.push(v);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/**
 * All computed views of the archive.
 *
 * @param archive The archive.
 * @returns Stats, article and page views, the reporters and keywords with a page, surnames, calendars, the catalogue by year.
 */
export function readingRoom(archive: Archive): ReadingRoom {
  const articles = articleViews(archive);
  const keywords = groupByKeyword(archive.articles);
  const reporters = groupByReporter(archive.articles);
  const surnames = groupBySurname(reporters);
  const lists = { reporters: reporters.filter(hasReporterPage), surnames, keywords: keywords.filter((g) => g.articles.length >= KEYWORD_PAGE_MIN), calendar: calendarYears(archive) };
  return {
    stats: archiveStats(archive),
    issues: issueViews(archive),
    articles,
    pages: pageViews(archive),
    ...lists,
    catalogue: catalogueYears(articles),
    sitemaps: sitemapParts(archive, lists),
  };
}
