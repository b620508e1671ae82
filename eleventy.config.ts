/**
 * Eleventy configuration, for plain Eleventy
 * (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`);
 * it is src/site/eleventy-config.ts, which `archive build` uses.
 */
export { default, config } from './src/site/eleventy-config.ts';
