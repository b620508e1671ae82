/**
 * Read the ALTO and hOCR files of the scans (cached by content), and give a
 * page that has no text file the text its layout file stands for, so it goes
 * through the same decoding and parsing as a plain scan.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PageLayout, Problem, ScanPage } from '../types.ts';
import { BuildCache, codeVersion, sha256 } from '../cache/build-cache.ts';
import { readAlto } from './alto.ts';
import { readHocr } from './hocr.ts';
import { LayoutError } from './layout-error.ts';
import { layoutText } from './layout-text.ts';

/** Largest layout file read: an ALTO file of a dense broadsheet page is a few megabytes. */
export const MAX_LAYOUT_BYTES = 32 * 1024 * 1024;

const version = () => codeVersion(['alto.ts', 'hocr.ts', 'layout-text.ts', 'read-layouts.ts'].map((f) => path.join(import.meta.dirname, f)));

/** A scan's layout and the digest of its file. */
export interface ReadLayout {
  layout: PageLayout;
  digest: string;
}

/**
 * Read the layout file of every scan that has one. A file that cannot be
 * read gets one problem line and is left out: a page with its text still
 * builds from the text, a page with nothing else is skipped.
 *
 * Note: sets `bytes` of the scans that have no text file to the UTF-8 text of their layout.
 *
 * @param cacheDir Build cache folder, or null for none.
 * @returns Scan path → its layout; the paths of the scans skipped.
 */
export function readLayouts(scans: ScanPage[], root: string, cacheDir: string | null, problems: Problem[]): { layouts: Map<string, ReadLayout>; skipped: string[] } {
  const cache = new BuildCache(cacheDir);
  const v = scans.some((s) => s.layoutFile) ? version() : '';
  const found = new Map<string, ReadLayout>();
  const skipped: string[] = [];
  for (const scan of scans) {
    if (!scan.layoutFile) continue;
    const file = scan.layoutFile;
    const bytes = fs.readFileSync(path.resolve(root, file));
    let layout: PageLayout | undefined;
    const digest = sha256(bytes);
    try {
      if (bytes.length > MAX_LAYOUT_BYTES) throw new LayoutError(`too large for a layout file (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_LAYOUT_BYTES / 1048576} MB)`);
      const key = `${digest}-${v}`;
      layout = cache.get<PageLayout>('layout', key);
      if (!layout) {
        const text = new TextDecoder('utf-8').decode(bytes);
        layout = file.endsWith('.hocr') ? readHocr(text) : readAlto(text);
        if (!layout.lines.length) throw new LayoutError('no text lines with positions');
        cache.set('layout', key, layout);
      }
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      const own = scan.path === file;
      problems.push({ file, ...(e.line ? { line: e.line } : {}), message: `${e.message}: ${own ? 'page skipped' : 'positions ignored, the page is built from its text'}`, severity: own ? 'error' : 'warning', ruleId: 'bad-layout' });
      if (own) skipped.push(file);
      continue;
    }
    if (scan.path === file) scan.bytes = new TextEncoder().encode(layoutText(layout));
    found.set(scan.path, { layout, digest });
  }
  return { layouts: found, skipped };
}
