/**
 * Build the search index of an archive: positional character bigrams, single
 * units and jieba words, over the same canonical text the queries use.
 */
import type { ArchiveArticle } from '../../types.ts';
import { canonicalUnits } from '../tokenize.ts';
import { KEY, type DocMeta, type Fragment } from '../types.ts';
import { cutWords } from '../../enrich/jieba.ts';
import { articleFields } from '../fields.ts';

/** Postings of one term: doc id → positions (bigrams) or a count (units, words). */
export type Postings = Map<number, number[] | number>;

export interface BuiltIndex {
  terms: Map<string, Postings>;
  docs: DocMeta[];
  fragments: Fragment[];
  papers: Array<{ id: string; name: string }>;
}

/**
 * Index articles. Doc ids follow the order given (the archive lists newest first).
 *
 * @param articles Articles to index.
 * @param words Cut text into words (defaults to nodejieba); swappable for tests.
 */
export function buildIndex(articles: ArchiveArticle[], words: (text: string) => string[] = cutWords): BuiltIndex {
  const terms = new Map<string, Postings>();
  const papers: Array<{ id: string; name: string }> = [];
  const paperIndex = new Map<string, number>();
  const docs: DocMeta[] = [];
  const fragments: Fragment[] = [];
  const add = (key: string, doc: number, pos?: number) => {
    let p = terms.get(key);
    if (!p) terms.set(key, (p = new Map()));
    if (pos === undefined) p.set(doc, ((p.get(doc) as number | undefined) ?? 0) + 1);
    else {
      const list = p.get(doc) as number[] | undefined;
      if (list) list.push(pos);
      else p.set(doc, [pos]);
    }
  };
  articles.forEach((a, doc) => {
    if (!paperIndex.has(a.paper)) {
      paperIndex.set(a.paper, papers.length);
      papers.push({ id: a.paper, name: a.paperName });
    }
    const fields = articleFields(a);
    const titleEnd = canonicalUnits([a.kicker, a.headline, a.subhead].filter(Boolean).join('')).length;
    const units = canonicalUnits(fields.join(''));
    for (let i = 0; i < units.length; i++) {
      add(KEY.unit + units[i], doc);
      if (i + 1 < units.length) add(KEY.bigram + units[i] + units[i + 1], doc, i);
    }
    for (const field of fields) {
      for (const w of words(field)) {
        const cw = canonicalUnits(w);
        if (cw.length >= 2) add(KEY.word + cw.join(''), doc);
      }
    }
    docs.push({ length: units.length, titleEnd, paper: paperIndex.get(a.paper)!, page: a.pageNumber ?? 0, date: a.date });
    fragments.push({
      url: a.url,
      kicker: a.kicker,
      headline: a.headline,
      subhead: a.subhead,
      byline: a.byline,
      paragraphs: a.paragraphs,
      date: a.date,
      paper: a.paper,
      paperName: a.paperName,
      page: a.page,
    });
  });
  return { terms, docs, fragments, papers };
}
