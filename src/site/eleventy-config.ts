/**
 * Eleventy configuration: templates/ in, the site plugin, public/ copied
 * as-is. `archive build` calls the default export directly (so it also runs
 * under vitest and compiled, without a config loader) and passes the output
 * folder and base path. It lives in src/ so that it is compiled with the
 * rest; eleventy.config.ts at the top re-exports it for plain Eleventy:
 * `npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`.
 */
import path from 'node:path';
import { sitePlugin } from './index.ts';

export default function configure(eleventyConfig: any) {
  eleventyConfig.addPlugin(sitePlugin);
  // Relative to this file (src/site/ or dist/site/), so builds work from any working directory.
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(import.meta.dirname, '../../public')) + '/']: '/' });
  eleventyConfig.setTemplateFormats(['njk', 'md', '11ty.js']);
  // Note: Eleventy writes each page synchronously. `configureTemplateHandling({ writeMode: 'async' })`
  // has no effect in Eleventy 3.1.8 (Template.js reads it from the TemplateConfig, where it is never
  // set), and forced on there, async writes rendered 1,000 pages in the same time (17.0 s against
  // 16.6–17.1 s) and slowed the search index worker beside them (10.7 s against 8.0–8.5 s).
  // Note: Markdown pages set `templateEngineOverride: md` in their front matter
  // (htmlTemplateEngine/markdownTemplateEngine exist only in a config file's return value).
}

export const config = {
  // Note: no dir.output here: it would override the output folder `archive build` passes (default _site).
  dir: { input: 'templates', includes: '_includes', data: '_data' },
};
