/**
 * The searchable text of an article: its fields in the order the eval's
 * truth concatenates them (kicker, headline, subhead, byline, paragraphs),
 * with the dateline right before the paragraphs, where the paper prints it;
 * then, for every field the parser corrected, the scan's reading of it, so
 * a search for what the scan says (具市) finds the article as well as one
 * for the corrected text (县市).
 */
import type { Correction } from '../types.ts';

export interface SearchableFields {
  kicker: string | null;
  headline: string;
  subhead: string | null;
  byline: string | null;
  /**
   * The dateline taken out of the first paragraph (本报讯（记者 张伟国）); absent or null when none.
   * Note: it comes right before the paragraphs, so the joined text is the
   * same whether the parser split the dateline off or left it in paragraph 1.
   */
  dateline?: string | null;
  paragraphs: string[];
  /** Look-alike characters the parser corrected; absent or empty when none (search fragments). */
  corrections?: readonly Correction[];
}

/**
 * Put in front of each scan reading in the searchable text: two
 * private-use characters, which no scan text holds and no query matches.
 * The engine finds where an article's readings begin from the first
 * position of this bigram (and weighs matches there low), and a query
 * cannot match across from the text into a reading.
 */
export const SCAN_READING_MARK = '\uE000\uE000';

const nonEmpty = (x: string | null | undefined): x is string => !!x && x.trim() !== '';

/**
 * The text fields as the reader sees them (corrected), non-empty, in index
 * order; what snippets are cut from.
 *
 * @param a The article.
 * @returns kicker, headline, subhead, byline, dateline, paragraphs.
 */
export function textFields(a: SearchableFields): string[] {
  return [a.kicker, a.headline, a.subhead, a.byline, a.dateline, ...a.paragraphs].filter(nonEmpty);
}

/** A piece of a field: text as shown, and for a corrected character what the scan has there. */
export interface FieldPiece {
  /** The text as corrected (what the reader sees). */
  text: string;
  /** The scan's reading of this piece, when it is a corrected character. */
  original?: string;
  /** The correction, when it is a corrected character. */
  correction?: Correction;
}

/**
 * Cut a field's text at its corrected characters.
 *
 * A correction whose `to` is not what the text holds at `at` (stale or
 * foreign data), or that overlaps an earlier one, is left out: the article
 * page leaves it unmarked and the index does not read it.
 *
 * @param text The field's corrected text.
 * @param corrections The field's corrections (`at` in code points).
 * @returns Pieces in order; their texts joined give `text` back.
 */
export function correctionPieces(text: string, corrections: readonly Correction[]): FieldPiece[] {
  if (!corrections.length) return [{ text }];
  const chars = Array.from(text);
  const pieces: FieldPiece[] = [];
  let at = 0;
  for (const c of [...corrections].sort((x, y) => x.at - y.at)) {
    const to = Array.from(c.to);
    if (!Number.isInteger(c.at) || c.at < at || !to.length || chars.slice(c.at, c.at + to.length).join('') !== c.to) continue;
    if (c.at > at) pieces.push({ text: chars.slice(at, c.at).join('') });
    pieces.push({ text: c.to, original: c.from, correction: c });
    at = c.at + to.length;
  }
  if (at < chars.length) pieces.push({ text: chars.slice(at).join('') });
  return pieces;
}

/**
 * A field's text as the scan has it: each correction's `from` put back at its `at`.
 *
 * @param text The field's corrected text.
 * @param corrections The field's corrections (`at` in code points).
 * @returns The scan's reading of the field.
 */
export function scanReading(text: string, corrections: readonly Correction[]): string {
  return correctionPieces(text, corrections)
    .map((p) => p.original ?? p.text)
    .join('');
}

/**
 * The corrections of one field.
 *
 * @param corrections An article's corrections (absent in search fragments).
 * @param field Which field.
 * @param paragraph Paragraph index, for `paragraph`.
 * @returns Those of the field, in list order.
 */
export function fieldCorrections(corrections: readonly Correction[] | undefined, field: Correction['field'], paragraph?: number): Correction[] {
  return (corrections ?? []).filter((c) => c.field === field && (field !== 'paragraph' || c.paragraph === paragraph));
}

/**
 * The scan's reading of every field that has corrections, in field order
 * (kicker, headline, subhead, then paragraphs).
 *
 * @param a The article.
 * @returns One string per corrected field; empty when nothing was corrected.
 */
export function scanReadings(a: SearchableFields): string[] {
  if (!a.corrections?.length) return [];
  const of = (field: Correction['field'], paragraph?: number) => fieldCorrections(a.corrections, field, paragraph);
  const fields: Array<[string | null, Correction[]]> = [
    [a.kicker, of('kicker')],
    [a.headline, of('headline')],
    [a.subhead, of('subhead')],
    ...a.paragraphs.map((p, i): [string, Correction[]] => [p, of('paragraph', i)]),
  ];
  return fields.flatMap(([text, cs]) => {
    if (!nonEmpty(text) || !cs.length) return [];
    const reading = scanReading(text, cs);
    return reading === text ? [] : [reading];
  });
}

/**
 * What the index holds for an article, in index order: the text fields,
 * then each scan reading led by `SCAN_READING_MARK`.
 *
 * @param a The article.
 * @returns Strings to join into the article's searchable text.
 */
export function articleFields(a: SearchableFields): string[] {
  return [...textFields(a), ...scanReadings(a).map((r) => SCAN_READING_MARK + r)];
}
