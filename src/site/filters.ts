/**
 * Template filters: dates, page labels, clean titles, excerpts and absolute
 * URLs. Plain functions (tested directly); `siteFilters` registers them.
 */
import type { ArchiveArticle, ArchivePage } from '../types.ts';
import { plainText } from '../render/clean-text.ts';

const nameCollator = new Intl.Collator('zh-CN');
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * A date the Chinese way.
 *
 * @param date YYYY-MM-DD.
 * @returns e.g. `2024年5月1日`.
 */
export function cnDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Day of the week of a date (UTC, so the build machine's zone does not matter).
 *
 * @param date YYYY-MM-DD.
 * @returns e.g. `星期三`.
 */
export function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/**
 * A page's 版次 label.
 *
 * @param page Page (or article) with `pageNumber` and `page`.
 * @returns `第3版`, or `A1版` when the page id is not a number.
 */
export function pageLabel(page: Pick<ArchivePage, 'page' | 'pageNumber'>): string {
  return page.pageNumber !== null ? `第${page.pageNumber}版` : `${page.page}版`;
}

/**
 * An article's headline as one clean line; untitled articles get `（无标题）`.
 *
 * @param article The article.
 * @returns Text for titles, links and meta.
 */
export function headlineText(article: Pick<ArchiveArticle, 'headline' | 'untitled'>): string {
  return plainText(article.headline) || '（无标题）';
}

/**
 * The opening of an article's body: its running text, without inner
 * headings and photo captions (and without the dateline, which list views
 * show on its own).
 *
 * @param article The article.
 * @param length Characters to keep; default 120.
 * @returns First text paragraphs cut at `length`, with `…` when cut.
 */
export function excerpt(article: Pick<ArchiveArticle, 'paragraphs' | 'kinds'>, length = 120): string {
  // Note: only as many paragraphs as the cut needs are joined (the render
  // plan takes an excerpt of every article); the text up to the cut is the
  // same as when all of them are.
  let raw = '';
  let text = '';
  for (let i = 0; i < article.paragraphs.length; i++) {
    const kind = article.kinds[i];
    if (kind === 'heading' || kind === 'caption') continue;
    raw += article.paragraphs[i];
    text = plainText(raw);
    if (text.length > length && [...text].length > length) break;
  }
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/**
 * Join a site-relative URL to the deployed site: origin and base path.
 *
 * @param url Site-relative URL, e.g. `/jlrb/2023-02-01/3/1/`.
 * @param siteUrl Absolute URL of the site root, e.g. `https://example.org/`.
 * @param pathPrefix Eleventy's path prefix, e.g. `/archive/`.
 * @returns e.g. `https://example.org/archive/jlrb/2023-02-01/3/1/`, non-ASCII percent-encoded.
 */
export function absoluteUrl(url: string, siteUrl: string, pathPrefix = '/'): string {
  const prefix = `/${pathPrefix.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
  const path = `${prefix}${url.replace(/^\//, '')}`;
  const origin = new URL(siteUrl);
  // Note: the site URL may itself carry a path (https://host/sub/); keep it.
  const basePath = origin.pathname.replace(/\/$/, '');
  return new URL(`${basePath}${path}`, origin.origin).href;
}

/**
 * A site-relative URL with the base path, for JSON and XML where
 * the base path transform (prefix-urls.ts) does not reach.
 *
 * @param url Site-relative URL.
 * @param pathPrefix Eleventy's path prefix.
 * @returns e.g. `/archive/jlrb/2023-02-01/`.
 */
export function prefixedPath(url: string, pathPrefix = '/'): string {
  const prefix = `/${pathPrefix.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
  return `${prefix}${url.replace(/^\//, '')}`;
}

/**
 * A date as the start of that day in China (UTC+8), for feeds and meta.
 *
 * @param date YYYY-MM-DD.
 * @returns e.g. `2024-05-01T00:00:00+08:00`.
 */
export function isoDate(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** Filters by name, as registered on Eleventy. */
export function siteFilters(options: { siteUrl: () => string; pathPrefix: () => string }): Record<string, (...args: any[]) => unknown> {
  return {
    cnDate,
    weekday,
    pageLabel,
    headlineText,
    excerpt,
    isoDate,
    plain: plainText,
    absUrl: (url: string) => absoluteUrl(url, options.siteUrl(), options.pathPrefix()),
    /** A site path with the base path in front, for attributes prefix-urls.ts does not rewrite (data-*). */
    prefixed: (url: string) => prefixedPath(url, options.pathPrefix()),
    take: <T>(list: T[], n: number) => (list ?? []).slice(0, n),
    number: (n: number) => n.toLocaleString('zh-CN'),
    sortByName: <T extends { name: string }>(list: T[]) => [...(list ?? [])].sort((a, b) => nameCollator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1)),
  };
}
