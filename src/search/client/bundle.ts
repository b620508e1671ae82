/**
 * Bundle the browser code (search page, match highlighting on articles, page images) with
 * esbuild into `<site>/js/`. Deterministic: same sources, same bytes.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

const ENTRIES = ['search-page', 'highlight', 'page-image'];

/** Write `js/search-page.js`, `js/highlight.js` and `js/page-image.js` into the site folder. */
export function bundleClient(siteDir: string): number {
  buildSync({
    entryPoints: ENTRIES.map((e) => path.join(import.meta.dirname, `${e}.ts`)),
    outdir: path.join(siteDir, 'js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return ENTRIES.length;
}
