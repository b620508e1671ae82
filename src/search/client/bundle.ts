/**
 * The browser code (search page, match highlighting on articles, page
 * images), bundled with esbuild. Deterministic: same sources, same bytes.
 * The compile step (`npm run compile`) bundles it into
 * dist/search/client/bundled/, so a build by the compiled CLI copies the
 * bundles and runs no esbuild; a build from the TypeScript sources bundles
 * them itself.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { COMPILED } from '../../util/compiled.ts';

const ENTRIES = ['search-page', 'highlight', 'page-image'];

/** Where the compile step leaves the bundles, next to this module in dist/. */
export const BUNDLED = path.join(import.meta.dirname, 'bundled');

/** Write `js/search-page.js`, `js/highlight.js` and `js/page-image.js` into the site folder; returns the number of files. */
export function writeClient(siteDir: string): number {
  const out = path.join(siteDir, 'js');
  if (!COMPILED) return bundleClient(out);
  fs.mkdirSync(out, { recursive: true });
  for (const e of ENTRIES) fs.copyFileSync(path.join(BUNDLED, `${e}.js`), path.join(out, `${e}.js`));
  return ENTRIES.length;
}

/** Bundle the entries from their TypeScript sources (beside this module: run it from src/) into `outDir`. */
export function bundleClient(outDir: string): number {
  // Note: loaded here, so compiled builds, which only copy, never load esbuild.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  buildSync({
    entryPoints: ENTRIES.map((e) => path.join(import.meta.dirname, `${e}.ts`)),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return ENTRIES.length;
}
