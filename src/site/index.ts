/**
 * The site as an Eleventy plugin: global data, filters and the Markdown
 * engine. eleventy.config.ts mounts it; tests mount it on an in-memory build.
 */
import type { UserConfig } from '@11ty/eleventy';
import { getArchive } from './archive-source.ts';

export interface SiteOptions {
  /** Absolute URL the site is deployed at, for feeds and sitemaps. Default http://localhost:8080/. */
  siteUrl?: string;
}

/** Register the archive site on an Eleventy config. */
export function sitePlugin(eleventyConfig: UserConfig, options: SiteOptions = {}): void {
  eleventyConfig.addGlobalData('archive', () => getArchive());
  eleventyConfig.addGlobalData('site', () => ({
    title: '吉林报纸数字档案',
    url: options.siteUrl ?? process.env.SITE_URL ?? 'http://localhost:8080/',
  }));
}
