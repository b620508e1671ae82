/**
 * Remove the spaces and line breaks the OCR left where a printed column
 * wrapped ("坚持高层高 位推动" → "坚持高层高位推动"). A space stays only between two
 * Latin letters or digits that would otherwise run together ("Jilin Daily").
 */
import { isCjk } from '../../util/chars.ts';

const KEEP_BETWEEN = /[0-9A-Za-z]/;
/** Half-width punctuation that will become full-width Chinese punctuation. */
const CN_PUNCT = /[,.:;!?()"'“”‘’\-—]/;

/** @returns `text` with wrap spaces removed and other runs of spaces collapsed to one. */
export function wrapSpaces(text: string): string {
  return text.replace(/[ \t\n\u3000\u00a0]+/gu, (space, offset: number, all: string) => {
    const before = all[offset - 1];
    const after = all[offset + space.length];
    if (before === undefined || after === undefined) return '';
    if (KEEP_BETWEEN.test(before) && KEEP_BETWEEN.test(after)) {
      // Digits next to digits across a wrap ("2021-2025 年" is handled by the CJK side).
      return ' ';
    }
    if (isCjk(before) || isCjk(after) || CN_PUNCT.test(before) || CN_PUNCT.test(after)) return '';
    return ' ';
  });
}
