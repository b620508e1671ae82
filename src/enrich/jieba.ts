/**
 * The only nodejieba import. The dictionary is loaded once, with the user
 * dictionary of Jilin's places, papers and organisations (userdict.utf8) so
 * that 吉林日报, 珲春, 延吉 and 一汽 stay whole words.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Jieba from 'nodejieba';

const require = createRequire(import.meta.url);
/** Path of the project's user dictionary. */
export const USER_DICT = fileURLToPath(new URL('./userdict.utf8', import.meta.url));
/** Path of jieba's main dictionary ("word freq tag" lines) inside the nodejieba package; read by the OCR corrector. */
export const JIEBA_DICT = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');

let jieba: typeof Jieba | null = null;

/** The loaded nodejieba module (loads the dictionaries on first use). */
export function getJieba(): typeof Jieba {
  if (!jieba) {
    const mod = require('nodejieba') as typeof Jieba;
    mod.load({ userDict: USER_DICT });
    jieba = mod;
  }
  return jieba;
}

/** Segment text into words (precise mode, HMM for unknown words). */
export function cutWords(text: string): string[] {
  return getJieba().cut(text);
}
