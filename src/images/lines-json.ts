/**
 * The lines of a page image as the browser marks search hits on them
 * (search/client/page-image.ts): `[[x, y, w, h, text], …]`, escaped for a
 * `<script type="application/json">` (OCR text is data, never markup).
 */
import type { PageScan } from '../types.ts';
import { safeJson } from '../site/structured-data.ts';

/**
 * @param only Indexes of the lines to give (an article's); all when absent.
 */
export function scanLinesJson(lines: PageScan['lines'], only?: number[]): string {
  const picked = only ? only.map((i) => lines[i]).filter((l) => l !== undefined) : lines;
  return safeJson(picked.map((l) => [...l.box, l.text]));
}
