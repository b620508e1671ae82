/**
 * Build the search index of an archive: positional character bigrams, single
 * units and jieba words, over the same canonical text the queries use.
 */
import type { ArchiveArticle } from '../../types.ts';
import { canonicalize, canonicalUnits } from '../tokenize.ts';
import { KEY, type DocMeta, type Fragment } from '../types.ts';
import { cutWords } from '../../enrich/jieba.ts';
import { articleFields } from '../fields.ts';

/** Postings of one term, docs ascending: a count per doc, and for bigrams the positions. */
export interface Postings {
  docs: number[];
  counts: number[];
  /** Positions per doc (bigrams only). */
  positions?: number[][];
}

const PLANE = 0x110000;

/**
 * The per-doc numbers ranking and filters need.
 *
 * @param measured The article's lengths when known from an earlier build (they depend on its text only).
 */
export function docMeta(a: ArchiveArticle, paper: number, measured?: { length: number; titleEnd: number }): DocMeta {
  return {
    length: measured?.length ?? canonicalUnits(articleFields(a).join('')).length,
    titleEnd: measured?.titleEnd ?? canonicalUnits([a.kicker, a.headline, a.subhead].filter(Boolean).join('')).length,
    paper,
    page: a.pageNumber ?? 0,
    date: a.date,
  };
}

/** What a search result shows. */
export function fragmentOf(a: ArchiveArticle): Fragment {
  return { url: a.url, kicker: a.kicker, headline: a.headline, subhead: a.subhead, byline: a.byline, paragraphs: a.paragraphs, date: a.date, paper: a.paper, paperName: a.paperName, page: a.page };
}

/**
 * Collect the terms of a set of articles: positional bigrams, units and jieba words.
 *
 * @param entries Articles with their doc ids, in ascending id order.
 * @param precut Words already cut per article id (from the analysis stage); articles missing there are cut now.
 * @param words Cut text into words (defaults to nodejieba); swappable for tests.
 * @param onProgress Told the number of entries done, now and then.
 */
export function collectTerms(
  entries: Array<{ doc: number; article: ArchiveArticle }>,
  precut?: Map<string, Record<string, number>>,
  words: (text: string) => string[] = cutWords,
  onProgress?: (done: number) => void,
): Map<string, Postings> {
  // Note: bigrams and units are keyed by numbers while collecting (code points
  // packed into one number): far faster than building a string per position.
  const bigrams = new Map<number, Postings>();
  const units = new Map<number, Postings>();
  const wordTerms = new Map<string, Postings>();
  const append = <K>(map: Map<K, Postings>, key: K, doc: number, count: number, positions?: number[]) => {
    let p = map.get(key);
    if (!p) map.set(key, (p = positions ? { docs: [], counts: [], positions: [] } : { docs: [], counts: [] }));
    p.docs.push(doc);
    p.counts.push(count);
    if (positions) p.positions!.push(positions);
  };
  let done = 0;
  for (const { doc, article: a } of entries) {
    if (onProgress && ++done % 256 === 0) onProgress(done);
    const fields = articleFields(a);
    const cps = canonicalUnits(fields.join('')).map((u) => u.codePointAt(0)!);
    const localBigrams = new Map<number, number[]>();
    const localUnits = new Map<number, number>();
    for (let i = 0; i < cps.length; i++) {
      localUnits.set(cps[i], (localUnits.get(cps[i]) ?? 0) + 1);
      if (i + 1 < cps.length) {
        const key = cps[i] * PLANE + cps[i + 1];
        const list = localBigrams.get(key);
        if (list) list.push(i);
        else localBigrams.set(key, [i]);
      }
    }
    for (const [key, pos] of localBigrams) append(bigrams, key, doc, pos.length, pos);
    for (const [key, n] of localUnits) append(units, key, doc, n);
    let localWords = precut?.get(a.id);
    if (!localWords) {
      // Cut the canonical text, so words need no second normalization.
      const counts: Record<string, number> = {};
      for (const field of fields) for (const w of words(canonicalize(field))) if (w.length >= 2 && !/\s/.test(w)) counts[w] = (counts[w] ?? 0) + 1;
      localWords = counts;
    }
    for (const [w, n] of Object.entries(localWords)) append(wordTerms, KEY.word + w, doc, n);
  }
  onProgress?.(entries.length);
  const terms = new Map<string, Postings>(wordTerms);
  for (const [key, p] of bigrams) terms.set(KEY.bigram + String.fromCodePoint(Math.floor(key / PLANE), key % PLANE), p);
  for (const [key, p] of units) terms.set(KEY.unit + String.fromCodePoint(key), p);
  return terms;
}
