/**
 * Snippets: a window of an article's text around the first match, with the
 * matched strings marked. Returns plain text and ranges, never markup: the
 * page builds text nodes and <mark> elements from them.
 */
import { canonicalWithMap, type QueryTerm } from '../tokenize.ts';
import { articleFields, type SearchableFields } from '../fields.ts';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` (UTF-16 indexes) to highlight. */
  marks: Array<[number, number]>;
}

/** Every [start, end) range of `text` where one of the terms occurs. */
export function findMatches(text: string, terms: QueryTerm[]): Array<[number, number]> {
  const { units, from } = canonicalWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const t of terms) {
    const n = t.units.length;
    outer: for (let i = 0; i + n <= units.length; i++) {
      for (let k = 0; k < n; k++) if (units[i + k] !== t.units[k]) continue outer;
      const last = from[i + n - 1];
      const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      ranges.push([from[i], end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Build a snippet of about `length` characters around the first match in the body
 * (or the start of the body when the match is only in the title).
 */
export function makeSnippet(article: SearchableFields, terms: QueryTerm[], length = 90): Snippet {
  const body = article.paragraphs.join(' ') || articleFields(article).join(' ');
  const matches = findMatches(body, terms);
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(body.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < body.length ? '…' : '';
  const text = prefix + body.slice(start, end) + suffix;
  const marks = matches
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [Math.max(s, start) - start + prefix.length, Math.min(e, end) - start + prefix.length]);
  return { text, marks };
}
