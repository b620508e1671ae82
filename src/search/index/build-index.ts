/**
 * Build the search index of an archive: positional character bigrams, single
 * units and jieba words, over the same canonical text the queries use.
 */
import type { ArchiveArticle, WordCounts } from '../../types.ts';
import { canonicalize, canonicalUnits } from '../tokenize.ts';
import { KEY, type DocMeta, type Fragment } from '../types.ts';
import { cutWords } from '../../enrich/jieba.ts';
import { articleFields } from '../fields.ts';
import { ByteWriter } from '../codec.ts';

/**
 * What the index reads of an article: a worker thread gets these fields
 * only (and the place of the body in the cache), not the whole head.
 */
export const INDEXED_FIELDS = ['id', 'url', 'paper', 'paperName', 'date', 'page', 'pageNumber', 'kicker', 'headline', 'subhead', 'byline', 'dateline', 'paragraphs', 'corrections'] as const;

/** An article as the index reads it (see `INDEXED_FIELDS`). */
export type IndexedArticle = Pick<ArchiveArticle, (typeof INDEXED_FIELDS)[number]>;

/**
 * Postings of one term, encoded as they are collected (docs come in
 * ascending order): per doc the doc delta, the count and, for bigrams, the
 * position deltas, all varints; `finish` puts the number of docs in front.
 * Note: encoding at once keeps a 30,000-article index in about a tenth of the
 * memory that arrays of numbers took.
 */
export class Postings {
  private docs = 0;
  private last = 0;
  private readonly body = new ByteWriter(16);

  add(doc: number, count: number, positions?: number[]): void {
    this.body.varint(doc - this.last);
    this.last = doc;
    this.docs++;
    this.body.varint(count);
    if (positions) {
      let prev = 0;
      for (const p of positions) {
        this.body.varint(p - prev);
        prev = p;
      }
    }
  }

  /** The encoded postings, as a shard stores them. */
  finish(): Uint8Array {
    const w = new ByteWriter(this.body.length + 8);
    w.varint(this.docs);
    w.bytes(this.body.finish());
    return w.finish();
  }
}

const PLANE = 0x110000;

/**
 * The per-doc numbers ranking and filters need.
 *
 * @param measured The article's lengths when known from an earlier build (they depend on its text only).
 */
export function docMeta(a: IndexedArticle, paper: number, measured?: { length: number; titleEnd: number }): DocMeta {
  return {
    length: measured?.length ?? canonicalUnits(articleFields(a).join('')).length,
    titleEnd: measured?.titleEnd ?? canonicalUnits([a.kicker, a.headline, a.subhead].filter(Boolean).join('')).length,
    paper,
    page: a.pageNumber ?? 0,
    date: a.date,
  };
}

/** What a search result shows. */
export function fragmentOf(a: IndexedArticle): Fragment {
  return {
    url: a.url,
    kicker: a.kicker,
    headline: a.headline,
    subhead: a.subhead,
    byline: a.byline,
    ...(a.dateline ? { dateline: a.dateline } : {}),
    paragraphs: a.paragraphs,
    ...(a.corrections?.length ? { corrections: a.corrections } : {}),
    date: a.date,
    paper: a.paper,
    paperName: a.paperName,
    page: a.page,
  };
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
  entries: Array<{ doc: number; article: IndexedArticle }>,
  precut?: WordCounts,
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
    if (!p) map.set(key, (p = new Postings()));
    p.add(doc, count, positions);
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
