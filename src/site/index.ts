/**
 * The site as an Eleventy plugin: global data (`archive`, `site`, `room`),
 * filters, shortcodes and the Markdown engine. eleventy-config.ts mounts it;
 * tests mount it on an in-memory build.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { Archive, ArchiveArticle, ArchiveIssue, ArchivePage } from '../types.ts';
import { getArchive, getSelection } from './archive-source.ts';
import { KEYWORD_LIST_MAX, KEYWORD_PAGE_MIN, REPORTER_PAGE_MIN, readingRoom, type CatalogueYear, type ReadingRoom } from './collections.ts';
import { renderLists } from './render-plan.ts';
import { DOUBLE_SURNAMES } from '../segment/names.ts';
import { absoluteUrl, prefixedPath, siteFilters } from './filters.ts';
import { catalogueEntry, issueJsonUrlOf, issueRecord, keywordUrl, newsArticleLd, reporterUrl, jsonWithList, safeJson } from './structured-data.ts';
import { renderArticleBody, renderMarkdown, renderTitleField, type TitleField } from '../render/render.ts';
import { rawTextHtml } from '../render/raw-text.ts';
import { compactHtml } from './compact-html.ts';
import { prefixUrls } from './prefix-urls.ts';
import { scanLinesJson } from '../images/lines-json.ts';
import { cacheNunjucksCompiles } from './nunjucks-compile-cache.ts';

export interface SiteOptions {
  /** Absolute URL the site is deployed at, for feeds and sitemaps. Default $SITE_URL; without one no absolute URL is written (links are site-relative). */
  siteUrl?: string;
}

const rooms = new WeakMap<Archive, ReadingRoom>();

/** The reading-room views of an archive, computed once per archive. */
export function roomOf(archive: Archive): ReadingRoom {
  let room = rooms.get(archive);
  if (!room) {
    room = readingRoom(archive);
    rooms.set(archive, room);
  }
  return room;
}

/** Register the archive site on an Eleventy config. */
export function sitePlugin(eleventyConfig: UserConfig, options: SiteOptions = {}): void {
  // Note: a paginated template's body was compiled again for every page (see nunjucks-compile-cache.ts).
  cacheNunjucksCompiles();
  const siteUrl = () => options.siteUrl ?? (process.env.SITE_URL || null);
  // Note: read lazily; Eleventy sets the path prefix after plugins are added.
  const pathPrefix = () => (eleventyConfig as unknown as { pathPrefix?: string }).pathPrefix ?? '/';
  // Note: without a site URL, a site-relative path (with the base path): a guessed host would send search engines there.
  const absolute = (url: string) => {
    const site = siteUrl();
    return site ? absoluteUrl(url, site, pathPrefix()) : prefixedPath(url, pathPrefix());
  };

  eleventyConfig.addGlobalData('archive', async () => getArchive());
  eleventyConfig.addGlobalData('room', async () => roomOf(await getArchive()));
  // The paginated lists: every unit, or only those an incremental build re-renders.
  eleventyConfig.addGlobalData('render', async () => {
    const lists = renderLists(roomOf(await getArchive()), getSelection());
    // Note: a sitemap needs absolute URLs; without the site's, no file of it is written (its index says why).
    return siteUrl() ? lists : { ...lists, sitemaps: [] };
  });
  eleventyConfig.addGlobalData('keywordPageMin', KEYWORD_PAGE_MIN);
  eleventyConfig.addGlobalData('keywordListMax', KEYWORD_LIST_MAX);
  eleventyConfig.addGlobalData('reporterPageMin', REPORTER_PAGE_MIN);
  // For the 404 page's forwarding of reporter pages (public/js/moved.js).
  eleventyConfig.addGlobalData('doubleSurnames', DOUBLE_SURNAMES.join(' '));
  eleventyConfig.addGlobalData('site', () => ({
    title: '吉林报纸数字档案',
    shortTitle: '吉林报纸档案',
    description: '吉林日报、城市晚报等报纸版面的 OCR 文字档案：按日期、版面、记者和关键词浏览。',
    url: siteUrl(),
  }));

  for (const [name, fn] of Object.entries(siteFilters({ siteUrl: () => siteUrl() ?? '', pathPrefix }))) eleventyConfig.addFilter(name, fn);
  eleventyConfig.addFilter('absUrl', absolute);
  eleventyConfig.addFilter('reporterUrl', reporterUrl);
  eleventyConfig.addFilter('keywordUrl', keywordUrl);

  // Shortcodes return markup Nunjucks does not escape again: the body is
  // built from text nodes, the JSON is escaped for <script> and HTML.
  eleventyConfig.addShortcode('articleBody', (article: ArchiveArticle) => renderArticleBody(article));
  // Kicker, headline or subhead with its corrected characters marked (text nodes, escaped).
  eleventyConfig.addShortcode('titleField', (article: ArchiveArticle, field: TitleField) => renderTitleField(article, field));
  eleventyConfig.addShortcode('jsonLd', (article: ArchiveArticle) => `<script type="application/ld+json">${safeJson(newsArticleLd(article, absolute))}</script>`);
  // One line per page head and per article (`jsonWithList`).
  eleventyConfig.addShortcode('issueJson', (issue: ArchiveIssue) => {
    const { pages, ...rest } = issueRecord(issue, absolute);
    const page = ({ articles, ...head }: Record<string, unknown>) => jsonWithList(head, 'articles', (articles as unknown[]).map((a) => safeJson(a)));
    return `${jsonWithList(rest, 'pages', pages.map(page))}\n`;
  });
  eleventyConfig.addFilter('issueJsonUrl', issueJsonUrlOf);
  // The data catalogue: an index of the years, and one file per year.
  eleventyConfig.addShortcode('catalogueIndex', (years: CatalogueYear[]) =>
    safeJson({ count: years.reduce((n, y) => n + y.articles.length, 0), site: absolute('/'), years: years.map((y) => ({ year: y.year, count: y.articles.length, url: absolute(y.url) })) }, 1),
  );
  eleventyConfig.addShortcode('catalogueJson', (part: CatalogueYear) =>
    `${jsonWithList({ year: part.year, count: part.articles.length, site: absolute('/') }, 'articles', part.articles.map((v) => safeJson(catalogueEntry(v, absolute))))}\n`,
  );
  eleventyConfig.addShortcode('rawText', (text: string) => rawTextHtml(text ?? ''));
  eleventyConfig.addShortcode('scanLines', scanLinesJson);

  // Each HTML page: the whitespace the templates' indents leave between tags (a tenth of an article page)
  // shortened, and the base path put in its URLs (HtmlBasePlugin did that by parsing every page, which doubled the render).
  eleventyConfig.addTransform('html', function (this: { page: { outputPath?: string | false } }, content: string) {
    const out = this.page.outputPath;
    return typeof out === 'string' && out.endsWith('.html') ? prefixUrls(compactHtml(content), pathPrefix()) : content;
  });

  // Note: trimBlocks/lstripBlocks keep tag-only template lines from leaving
  // blank or trailing-space lines in the HTML.
  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });
  eleventyConfig.setLibrary('md', { render: (source: string) => renderMarkdown(source) } as never);
}
