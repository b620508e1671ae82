/**
 * Look-alike characters the OCR misread (具市 for 县市, 自已 for 自己, 黎海淀
 * for 黎海滨), corrected from evidence: each confusable character is read
 * both ways, and a reading wins only with a clear margin — a dictionary word
 * far more frequent than anything the printed reading makes, or a name the
 * same page prints the other way several times. Every change is recorded
 * with the original character and its place; nothing changes silently.
 */
import { CONFUSABLE, CONFUSIONS } from './confusions.ts';
import { getLexicon, MAX_WORD } from './lexicon.ts';
import { isHan } from '../util/chars.ts';
import type { Correction as ArticleCorrection } from '../types.ts';

/** One corrected character of a text: an article's `Correction` without the field it sits in. */
export type Correction = Omit<ArticleCorrection, 'field' | 'paragraph'>;

/** Counts of the three-character runs of Chinese text on a page that hold a confusable character: how the page prints its names. */
export type PageEvidence = ReadonlyMap<string, number>;

/** How much more likely the other reading must be: a word 20 times as frequent (natural log); 20² times more again for a rare misread. */
const MARGIN = Math.log(20);
/** The other reading must make a word at least this frequent in jieba's dictionary (rare words are often terms: 进给). */
const MIN_FREQ = Math.log(50);
/** A reading the page prints at least this many times, three times as often as the other one, is the name. */
const PAGE_MIN = 3;

/**
 * Count the three-character runs of a page's texts.
 *
 * @param texts Every text field of the page.
 */
export function pageEvidence(texts: readonly string[]): PageEvidence {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const cs = Array.from(t);
    for (let i = 0; i + 3 <= cs.length; i++) {
      // Only runs with a confusable character are ever asked about.
      if (!(CONFUSABLE.has(cs[i]) || CONFUSABLE.has(cs[i + 1]) || CONFUSABLE.has(cs[i + 2]))) continue;
      if (isHan(cs[i]) && isHan(cs[i + 1]) && isHan(cs[i + 2])) {
        const g = cs[i] + cs[i + 1] + cs[i + 2];
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** The best dictionary word of 2–4 characters that covers positions `must` (all of them), or none. */
interface Word {
  /** Log frequency; 0 when there is no such word. */
  score: number;
  start: number;
  end: number;
}

function bestWord(cs: readonly string[], must: readonly number[], lexicon: Map<string, number>): Word {
  const last = Math.max(...must);
  const hi = Math.min(...must);
  let best: Word = { score: 0, start: hi, end: hi };
  for (let j = Math.max(0, last - MAX_WORD + 1); j <= hi; j++) {
    for (let k = Math.max(j + 2, last + 1); k <= Math.min(cs.length, j + MAX_WORD); k++) {
      let han = true;
      for (let x = j; x < k; x++) if (!isHan(cs[x])) han = false;
      if (!han) break;
      const f = lexicon.get(cs.slice(j, k).join(''));
      if (f && Math.log(f) > best.score) best = { score: Math.log(f), start: j, end: k };
    }
  }
  return best;
}

/**
 * Does the word the other reading makes break a printed word next to it
 * that is about as frequent ("驾驶人" is not "驾驶入": 驶入 would break 驾驶)?
 */
function breaksNeighbour(cs: readonly string[], word: Word, changed: readonly number[], lexicon: Map<string, number>): boolean {
  for (let p = word.start; p < word.end; p++) {
    if (changed.includes(p)) continue;
    const neighbour = bestWord(cs, [p], lexicon);
    if (neighbour.score > 0 && !changed.some((c) => c >= neighbour.start && c < neighbour.end) && neighbour.score >= word.score - Math.log(4)) return true;
  }
  return false;
}

/** How often the page prints the three-character runs through position i. */
function pageCount(cs: readonly string[], i: number, page: PageEvidence): number {
  let n = 0;
  for (let j = i - 2; j <= i; j++) {
    if (j < 0 || j + 3 > cs.length) continue;
    n = Math.max(n, page.get(cs[j] + cs[j + 1] + cs[j + 2]) ?? 0);
  }
  return n;
}

/** Longest quotation taken for a name or a title rather than speech, in characters. */
const NAME_QUOTE = 10;

/** Which characters stand in a book title 《…》 or a short quotation “…” (a name, a slogan): true for each. */
function namedSpans(cs: readonly string[]): boolean[] {
  const out = new Array<boolean>(cs.length).fill(false);
  for (let i = 0; i < cs.length; i++) {
    const close = cs[i] === '《' ? '》' : cs[i] === '“' ? '”' : null;
    if (!close) continue;
    const end = cs.indexOf(close, i + 1);
    if (end > i && (close === '》' || end - i - 1 <= NAME_QUOTE)) for (let k = i + 1; k < end; k++) out[k] = true;
  }
  return out;
}

/**
 * Correct the look-alike misreads of one text.
 *
 * @param text A normalized field (headline, paragraph).
 * @param page Counts from `pageEvidence` over the whole page.
 * @returns The corrected text and every change made.
 */
export function correctText(text: string, page: PageEvidence = new Map()): { text: string; corrections: Correction[] } {
  if (!/\p{Script=Han}/u.test(text)) return { text, corrections: [] };
  const lexicon = getLexicon();
  const cs = Array.from(text);
  const corrections: Correction[] = [];
  const named = namedSpans(cs);
  for (let i = 0; i < cs.length; i++) {
    const alternatives = CONFUSIONS.get(cs[i]);
    if (!alternatives) continue;
    // The reading as printed, and each other reading alone or with one more confusable character near it (字诵 → 宇通).
    const printed = bestWord(cs, [i], lexicon);
    let choice: { subs: Array<[number, string]>; word: Word; rarity: number; trial: string[] } | null = null;
    for (const [alt, rarity] of alternatives) {
      const variants: Array<Array<[number, string]>> = [[[i, alt]]];
      // Two changes are tried only where one makes no word (字诵 → 宇通: neither 宇诵 nor 字通 is one).
      const single = [...cs];
      single[i] = alt;
      if (bestWord(single, [i], lexicon).score < MIN_FREQ) {
        for (let p = Math.max(0, i - MAX_WORD + 1); p < Math.min(cs.length, i + MAX_WORD); p++) {
          if (p !== i) for (const [alt2] of CONFUSIONS.get(cs[p]) ?? []) variants.push([[i, alt], [p, alt2]]);
        }
      }
      for (const subs of variants) {
        const trial = [...cs];
        for (const [p, a] of subs) trial[p] = a;
        const word = bestWord(trial, subs.map(([p]) => p), lexicon);
        // A second change must earn its place: it has to beat the single one.
        if (!choice || word.score > choice.word.score + (subs.length > choice.subs.length ? MARGIN : 0)) choice = { subs, word, rarity, trial };
      }
    }
    if (!choice) continue;
    // Names in quotation marks and book titles ("吉林一号", 《…》), and the OCR's rare mistakes, are held to a larger margin;
    // a word of three or more characters as printed (习近平, 入场券) is never broken up.
    const margin = MARGIN * (1 + (named[i] ? 1 : 0) + 2 * choice.rarity);
    const printedLong = printed.score > 0 && printed.end - printed.start >= 3;
    let evidence: Correction['evidence'] | null =
      !printedLong && choice.word.score >= MIN_FREQ && choice.word.score - printed.score >= margin && !breaksNeighbour(choice.trial, choice.word, choice.subs.map(([p]) => p), lexicon)
        ? 'dictionary'
        : null;
    if (!evidence && choice.subs.length === 1) {
      const trial = [...cs];
      trial[i] = choice.subs[0][1];
      const other = pageCount(trial, i, page);
      if (other >= PAGE_MIN && other >= 3 * pageCount(cs, i, page)) evidence = 'page';
    }
    if (!evidence) continue;
    for (const [p, a] of choice.subs) {
      corrections.push({ at: p, from: cs[p], to: a, evidence });
      cs[p] = a;
    }
  }
  corrections.sort((a, b) => a.at - b.at);
  return { text: cs.join(''), corrections };
}
