/**
 * Eleventy configuration: templates/ in, _site/ out, the site plugin from
 * src/site, public/ copied as-is. Run through `archive build` (which sets the
 * archive and base path) or `npx tsx node_modules/.bin/eleventy --config=eleventy.config.ts`.
 */
import { HtmlBasePlugin } from '@11ty/eleventy';
import { sitePlugin } from './src/site/index.ts';

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.addPassthroughCopy({ 'public/': '/' });
}

export const config = {
  // Note: no dir.output here: it would override the output folder `archive build` passes (default _site).
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk', 'md', '11ty.js'],
  htmlTemplateEngine: 'njk',
  markdownTemplateEngine: false,
};
