/**
 * Everything the pipeline derives from one decoded scan on its own: the
 * parsed page, each article's keywords, and the words the search index uses.
 * Pure and independent per page, so it runs in worker threads and its result
 * is what the build cache stores.
 */
import type { Article, FurnitureLine, ParsedPage, Unplaced } from '../types.ts';
import { parsePage } from './parse-page.ts';
import { extractKeywords } from '../enrich/keywords.ts';
import { cutWords, getJieba } from '../enrich/jieba.ts';
import { getLexicon } from '../correct/lexicon.ts';
import { canonicalize } from '../search/tokenize.ts';
import { articleFields } from '../search/fields.ts';

export interface AnalyzedScan {
  style: string;
  articles: Article[];
  unplaced: Unplaced[];
  furniture: FurnitureLine[];
  /** The 版名 printed in the furniture, or null. */
  section: string | null;
  /** Keywords per article, parallel to `articles`. */
  keywords: string[][];
  /** jieba words (canonical form, 2+ units) with counts, per article. */
  words: Array<Record<string, number>>;
  /** Han characters, letters and digits in the scan. */
  read: number;
  /** The same, counted in the articles and the unplaced text. */
  placed: number;
}

/** Han characters, letters and digits: what normalization never adds or removes (NFKC folded). */
export function countLetters(text: string): number {
  let n = 0;
  for (const ch of text.normalize('NFKC')) if (/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

/** Every field of a parsed page that holds scan text: what `read` must equal, counted in `placed`. */
export function placedText(page: Pick<ParsedPage, 'articles' | 'unplaced' | 'furniture'>): string[] {
  return [
    ...page.furniture.map((f) => f.text),
    ...page.articles.flatMap((a) => [a.kicker, a.headline, a.subhead, a.dateline, a.byline, ...a.paragraphs]),
    ...page.unplaced.map((u) => u.text),
  ].filter((x): x is string => !!x);
}

/** Load what the first analysis would (jieba's dictionaries, the corrector's lexicon: over a second), so a worker started early has it ready. */
export function loadDictionaries(): void {
  getJieba();
  getLexicon();
}

/** Analyze one decoded scan. */
export function analyzeText(text: string): AnalyzedScan {
  const page = parsePage(text);
  const keywords = page.articles.map((a) => extractKeywords([a.headline, a.headline, a.subhead ?? '', ...a.paragraphs].join('\n'), 6));
  const words = page.articles.map((a) => {
    const counts: Record<string, number> = {};
    for (const field of articleFields(a)) {
      for (const w of cutWords(canonicalize(field))) if (w.length >= 2 && !/\s/.test(w)) counts[w] = (counts[w] ?? 0) + 1;
    }
    return counts;
  });
  return { style: page.style, articles: page.articles, unplaced: page.unplaced, furniture: page.furniture, section: page.section, keywords, words, read: countLetters(text), placed: countLetters(placedText(page).join('\n')) };
}
