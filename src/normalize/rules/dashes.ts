/**
 * Dashes: the OCR reads the Chinese dash —— as "-" or "--". A dash that leads
 * a paragraph (a list item) or stands between Chinese text becomes ——;
 * hyphens in 2021-2025, U-14 or 186毫克/100毫升 stay.
 */
import { isCjk } from '../../util/chars.ts';

/** @returns `text` with Chinese dashes restored. */
export function dashes(text: string): string {
  return text
    .replace(/^[-－―‐—]+/u, '——')
    .replace(/(.)(?:-{1,2}|－{1,2}|—{2,}|―{1,2})(?=(.))/gu, (m, before: string, after: string) =>
      isCjk(before) || isCjk(after) ? before + '——' : m,
    );
}
