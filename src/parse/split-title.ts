/**
 * A title block's lines divided into kicker (引题), headline and subhead
 * (副题): the printed lines as the segmenter collected them, and a dash-led
 * subhead when there was one.
 */
import type { Article } from '../types.ts';
import type { RawArticle } from '../segment/segment-page.ts';
import { normalizeText } from '../normalize/normalize-text.ts';

/** Two phrases of equal length side by side: a slogan-style kicker ("光影盛宴 共享精彩"). */
function isParallel(parts: string[]): boolean {
  return parts.length === 2 && Array.from(parts[0]).length === Array.from(parts[1]).length && Array.from(parts[0]).length <= 8;
}

/**
 * Divide the title lines into kicker, headline and subhead. A dash-led line
 * is the subhead; a slogan of two parallel phrases, or a short column name
 * over a longer line, is the kicker; of two other plain lines the second is a
 * subhead that lost its dash; a line opening with 暨/和/与/及 goes on the one above.
 *
 * @param raw The article's raw title lines and dash-led subhead.
 * @returns Kicker, headline and subhead, normalized; the subhead without its dashes.
 */
export function splitTitle(raw: RawArticle): Pick<Article, 'kicker' | 'headline' | 'subhead'> {
  // A line that opens with a conjunction (暨, 和, 与, 及) continues the line above it: a headline printed on two lines.
  const lines = raw.titleLines
    .map((l) => l.trim())
    .filter(Boolean)
    .reduce<string[]>((out, l) => (out.length && /^[暨和与及]/u.test(l) ? [...out.slice(0, -1), out[out.length - 1] + l] : [...out, l]), []);
  let kicker: string | null = null;
  let headline = '';
  let subhead: string | null = raw.dashSubhead;
  if (lines.length === 1) {
    // One printed line may hold a kicker glued to the headline by a space.
    const parts = lines[0].split(/[\s\u3000]+/u);
    if (parts.length >= 3 && isParallel(parts.slice(0, 2))) {
      kicker = parts.slice(0, 2).join(' ');
      headline = parts.slice(2).join(' ');
    } else headline = lines[0];
  } else if (lines.length === 2) {
    const firstParts = lines[0].split(/[\s\u3000]+/u);
    // A short first line over a longer one is a column name set as kicker (文化中国行, 蹲点采访).
    const columnName = Array.from(lines[0]).length <= 6 && Array.from(lines[1]).length > Array.from(lines[0]).length + 2;
    if (isParallel(firstParts) || subhead || columnName) {
      kicker = lines[0];
      headline = lines[1];
    } else {
      headline = lines[0];
      subhead = lines[1];
    }
  } else if (lines.length >= 3) {
    kicker = lines[0];
    headline = lines[1];
    subhead = subhead ? lines.slice(2).join(' ') + ' ' + subhead : lines.slice(2).join(' ');
  }
  const norm = (s: string | null) => (s === null ? null : normalizeText(s.replace(/^[-—－―‐]+/u, '')) || null);
  const kick = kicker === null ? null : kicker.split(/[\s\u3000]+/u).map((p) => normalizeText(p)).join(' ');
  return { kicker: kick || null, headline: normalizeText(headline), subhead: norm(subhead) };
}
