/**
 * Snippets: a window of an article's text around the first match, with the
 * matched strings marked. Returns plain text and ranges, never markup: the
 * page builds text nodes and <mark> elements from them. The text is always
 * the corrected text; a term found in the scan's reading of a corrected
 * character (具市 for 县市) marks the corrected characters.
 */
import { canonicalWithMap, type QueryTerm } from '../tokenize.ts';
import { correctionPieces, fieldCorrections, textFields, type FieldPiece, type SearchableFields } from '../fields.ts';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` (UTF-16 indexes) to highlight. */
  marks: Array<[number, number]>;
}

/** Every [start, end) range of `text` where one of the terms occurs, sorted, overlapping ranges merged. */
export function findMatches(text: string, terms: QueryTerm[]): Array<[number, number]> {
  return mergeRanges(rawMatches(text, terms));
}

function rawMatches(text: string, terms: QueryTerm[]): Array<[number, number]> {
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
  return ranges;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
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
 * Matches in a text made of pieces, some of them corrected characters with
 * the scan's reading (`original`): the terms are looked for in the text as
 * shown and in the scan's reading, and both are given as ranges of the text
 * as shown (a match that covers part of a corrected character covers all of it).
 *
 * @param pieces The text in pieces (`FieldPiece`); `text` joined is what is shown.
 * @param terms Query terms.
 * @returns [start, end) ranges of the joined `text` (UTF-16 indexes), sorted and merged.
 */
export function findMatchesInPieces(pieces: readonly Pick<FieldPiece, 'text' | 'original'>[], terms: QueryTerm[]): Array<[number, number]> {
  const shown = pieces.map((p) => p.text).join('');
  const ranges = rawMatches(shown, terms);
  if (pieces.some((p) => p.original !== undefined)) {
    // Each UTF-16 unit of the reading → the range of the shown text it stands for.
    const starts: number[] = [];
    const ends: number[] = [];
    let reading = '';
    let at = 0;
    for (const p of pieces) {
      if (p.original === undefined) {
        for (let i = 0; i < p.text.length; i++) {
          starts.push(at + i);
          ends.push(at + i + 1);
        }
        reading += p.text;
      } else {
        for (let i = 0; i < p.original.length; i++) {
          starts.push(at);
          ends.push(at + p.text.length);
        }
        reading += p.original;
      }
      at += p.text.length;
    }
    for (const [s, e] of rawMatches(reading, terms)) if (e > s) ranges.push([starts[s], ends[e - 1]]);
  }
  return mergeRanges(ranges);
}

/**
 * Build a snippet of about `length` characters around the first match in the body
 * (or the start of the body when the match is only in the title). With the
 * article's `corrections` (when the fragment carries them), a match of the
 * scan's reading is found and marked on the corrected text.
 */
export function makeSnippet(article: SearchableFields, terms: QueryTerm[], length = 90): Snippet {
  // The dateline opens the body as it opens the first paragraph on the page.
  const lead = article.dateline ? [{ text: article.dateline }] : [];
  const pieces = [...lead, ...article.paragraphs.flatMap((p, i) => [...(i ? [{ text: ' ' }] : []), ...correctionPieces(p, fieldCorrections(article.corrections, 'paragraph', i))])];
  let body = pieces.map((p) => p.text).join('');
  let matches = findMatchesInPieces(pieces, terms);
  if (!body) {
    body = textFields(article).join(' ');
    matches = findMatches(body, terms);
  }
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
