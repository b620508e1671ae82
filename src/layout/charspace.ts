/**
 * The *charspace* OCR style (older Tesseract `chi_sim` models and others):
 * every printed line on a line of its own, a blank line between paragraphs
 * and title parts, and a space between nearly every two Chinese characters.
 */
import { isCjk } from '../util/chars.ts';

/** Share of neighbouring Chinese characters with a space between them, above which a page is charspace. */
const SPACED_SHARE = 0.3;

/**
 * Does a page look like charspace output?
 *
 * @param lines The page's lines.
 * @returns True when most neighbouring Chinese characters are spaced apart.
 */
export function isCharspace(lines: readonly string[]): boolean {
  let spaced = 0;
  let tight = 0;
  for (const line of lines) {
    // A few thousand neighbours decide it.
    if (spaced + tight >= 4000) break;
    const cs = Array.from(line.trim());
    for (let i = 1; i < cs.length; i++) {
      if (!isCjk(cs[i])) continue;
      if (isCjk(cs[i - 1])) tight++;
      else if (cs[i - 1] === ' ' && isCjk(cs[i - 2])) spaced++;
    }
  }
  return spaced + tight >= 20 && spaced / (spaced + tight) >= SPACED_SHARE;
}

/**
 * Remove the spaces the OCR put between characters of one printed line. A
 * space stays only between two Latin letters or digits ("Jilin Daily", "2 0"
 * is rare enough to join) — never inside Chinese text, where it says nothing.
 *
 * @param line One line of a charspace page.
 * @returns The line as printed, without character spaces.
 */
export function despace(line: string): string {
  return line.trim().replace(/[ \u3000]+/gu, (space, at: number, all: string) => {
    const before = all[at - 1];
    const after = all[at + space.length];
    return /[A-Za-z]/.test(before ?? '') && /[A-Za-z]/.test(after ?? '') ? ' ' : '';
  });
}
