/**
 * Word frequencies from jieba's dictionary, the language model the corrector
 * weighs readings with ("县市" 2458 against "具市", which is no word), and
 * the words beside them (驾驶, which 驶入 must not break). Words of 2–4
 * characters only; loaded once per process.
 */
import fs from 'node:fs';
import { JIEBA_DICT, USER_DICT } from '../enrich/jieba.ts';

let lexicon: Map<string, number> | null = null;

/** Longest word the corrector looks up, in characters. */
export const MAX_WORD = 4;

/** Frequencies of the dictionaries' words (jieba's and the project's user dictionary of Jilin names) of 2–4 characters. */
export function getLexicon(): Map<string, number> {
  if (lexicon) return lexicon;
  const out = new Map<string, number>();
  const text = fs.readFileSync(JIEBA_DICT, 'utf8') + '\n' + fs.readFileSync(USER_DICT, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const sp = text.indexOf(' ', start);
    if (sp > start && sp < end) {
      const word = text.slice(start, sp);
      const n = word.length;
      if (n >= 2 && n <= MAX_WORD) out.set(word, Number.parseInt(text.slice(sp + 1, text.indexOf(' ', sp + 1)), 10) || 1);
    }
    start = end + 1;
  }
  lexicon = out;
  return out;
}
