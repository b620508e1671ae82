/**
 * Machine-readable views of articles: schema.org NewsArticle JSON-LD, the
 * JSON file of each printed page (its articles with every field) and the
 * catalogue `/data/articles.json`. URLs are absolute, made by the
 * `absolute` function the caller passes in.
 */
import type { ArchiveArticle, ArchiveIssue, ArchivePage } from '../types.ts';
import { plainText } from '../render/clean-text.ts';
import { citation, slugify, surnameUrl, type ArticleView } from './collections.ts';
import { headlineText, isoDate } from './filters.ts';

/** Turns a site-relative URL into an absolute one. */
export type Absolute = (url: string) => string;

/**
 * JSON that is safe inside `<script>` and in any HTML context: `<`, `>`, `&`
 * and the JavaScript line separators are written as `\uXXXX`, so a headline
 * holding `</script>` cannot end the script element.
 *
 * @param value Any JSON value.
 * @param indent Spaces to indent by; default none.
 * @returns JSON text.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * schema.org NewsArticle for an article page. It leaves out what the page's
 * other markup already says: the description (in `<meta name="description">`),
 * the language (`<html lang>`) and `mainEntityOfPage` (the same as `url`);
 * and `isAccessibleForFree`, which search engines read only on paywalled pages.
 *
 * @param article The article.
 * @param absolute URL maker.
 * @returns A JSON-LD object.
 */
export function newsArticleLd(article: ArchiveArticle, absolute: Absolute): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headlineText(article),
    url: absolute(article.url),
    datePublished: isoDate(article.date),
    publisher: { '@type': 'Organization', name: plainText(article.paperName) },
    printPage: String(article.pageNumber ?? article.page),
  };
  if (article.subhead) ld.alternativeHeadline = plainText(article.subhead);
  if (article.dateline) ld.dateline = plainText(article.dateline);
  if (article.section) ld.printSection = plainText(article.section);
  if (article.reporters.length) ld.author = article.reporters.map((r) => ({ '@type': 'Person', name: plainText(r.name), url: absolute(reporterUrl(r.name)) }));
  if (article.keywords.length) ld.keywords = article.keywords.map(plainText).join(',');
  return ld;
}

/**
 * An object as JSON with one of its fields a list written one item to a line:
 * data files (an issue's JSON, a year of the catalogue) are read by programs,
 * and indenting them cost a fifth to a third of their bytes, while a line per
 * item still reads and diffs well.
 *
 * @param head The object's other fields (written first, on the first line).
 * @param key The list's field name.
 * @param items The list's items, each already JSON (from `safeJson`).
 * @returns JSON text.
 */
export function jsonWithList(head: Record<string, unknown>, key: string, items: string[]): string {
  const open = safeJson(head).slice(0, -1);
  const list = items.length ? `\n${items.join(',\n')}\n` : '';
  return `${open}${open.length > 1 ? ',' : ''}${JSON.stringify(key)}:[${list}]}`;
}

/** Indexes of the paragraphs of one kind. */
function indexesOf(kinds: ArchiveArticle['kinds'], kind: ArchiveArticle['kinds'][number]): number[] {
  return kinds.flatMap((k, i) => (k === kind ? [i] : []));
}

/** Site-relative URL of the page (版面) an article is printed on, e.g. `/jlrb/2023-02-01/3/`. */
export function pageUrlOf(article: Pick<ArchiveArticle, 'paper' | 'date' | 'page'>): string {
  return `/${article.paper}/${article.date}/${article.page}/`;
}

/** Site-relative URL of the JSON file of the issue an article or page belongs to (`/<paper>/<date>/index.json`). */
export function issueJsonUrlOf(item: Pick<ArchiveArticle, 'paper' | 'date'>): string {
  return `/${item.paper}/${item.date}/index.json`;
}



/**
 * One article in its page's JSON file: every structured field, absolute URL
 * and citation. `kinds` says what each
 * paragraph is; `captions` repeats the indexes of the photo captions, as the
 * corpus answers give them. `corrections` lists every character the parser
 * corrected, with the scan's reading (`from`) and its place (`at`, in code points).
 *
 * @param article The article.
 * @param absolute URL maker.
 * @returns A plain object.
 */
export function articleRecord(article: ArchiveArticle, absolute: Absolute): Record<string, unknown> {
  return {
    id: article.id,
    url: absolute(article.url),
    paper: article.paper,
    paperName: article.paperName,
    date: article.date,
    page: article.page,
    pageNumber: article.pageNumber,
    section: article.section,
    n: article.n,
    kicker: article.kicker,
    headline: article.headline,
    subhead: article.subhead,
    byline: article.byline,
    dateline: article.dateline,
    reporters: article.reporters,
    paragraphs: article.paragraphs,
    kinds: article.kinds,
    captions: indexesOf(article.kinds, 'caption'),
    truncated: article.truncated,
    corrections: article.corrections ?? [],
    keywords: article.keywords,
    untitled: article.untitled === true,
    citation: citation(article),
    source: article.source,
  };
}

/**
 * One page in its issue's JSON file: the page's place and metadata, its
 * furniture and unplaced text (with the scan line numbers), and every
 * article in reading order as `articleRecord` gives it (`articles[n - 1]`
 * is the article numbered `n`).
 *
 * @param page The page.
 * @param absolute URL maker.
 * @returns A plain object.
 */
export function pageRecord(page: ArchivePage, absolute: Absolute): Record<string, unknown> {
  return {
    url: absolute(page.url),
    paper: page.paper,
    paperName: page.paperName,
    date: page.date,
    page: page.page,
    pageNumber: page.pageNumber,
    section: page.section,
    dateEstimated: page.meta.dateEstimated === true,
    pageEstimated: page.meta.pageEstimated === true,
    notes: page.meta.notes ?? null,
    source: page.source,
    furniture: page.furniture,
    unplaced: page.unplaced,
    articles: page.articles.map((a) => articleRecord(a, absolute)),
  };
}

/**
 * The JSON file of an issue (`/<paper>/<date>/index.json`): the issue and
 * its pages in order, each as `pageRecord` gives it.
 *
 * @param issue The issue.
 * @param absolute URL maker.
 * @returns A plain object.
 */
export function issueRecord(issue: ArchiveIssue, absolute: Absolute): { url: string; paper: string; paperName: string; date: string; pages: Array<Record<string, unknown>> } {
  return { url: absolute(issue.url), paper: issue.paper, paperName: issue.paperName, date: issue.date, pages: issue.pages.map((p) => pageRecord(p, absolute)) };
}

/**
 * One catalogue entry for `/data/articles.json`.
 *
 * @param view The article with its place (`ArticleView.jsonPointer`).
 * @param absolute URL maker.
 * @returns id, url, json (the issue's JSON file) and jsonPointer (the article's place in it, RFC 6901), n, headline, date, paper, page, byline, dateline, reporters, keywords.
 */
export function catalogueEntry(view: Pick<ArticleView, 'article' | 'jsonPointer'>, absolute: Absolute): Record<string, unknown> {
  const article = view.article;
  return {
    id: article.id,
    url: absolute(article.url),
    json: absolute(issueJsonUrlOf(article)),
    jsonPointer: view.jsonPointer,
    n: article.n,
    headline: article.headline,
    date: article.date,
    paper: article.paper,
    paperName: article.paperName,
    page: article.page,
    byline: article.byline,
    dateline: article.dateline,
    reporters: article.reporters.map((r) => r.name),
    keywords: article.keywords,
  };
}

/**
 * Where a reporter's name links: their entry on their surname's page
 * (`/reporters/姓/张/#张伟`), which lists their articles or, for a reporter of
 * many, links to their own page. It depends on the name alone, so an article
 * page stays as it is when other articles of the reporter are added, and a
 * shard renders it as a build of the whole archive does.
 */
export function reporterUrl(name: string): string {
  return `${surnameUrl(name)}#${slugify(name.trim())}`;
}

/** Site-relative URL of a keyword's page. */
export function keywordUrl(word: string): string {
  return `/keywords/${slugify(word.trim())}/`;
}
