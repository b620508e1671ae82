/**
 * Restore full-width punctuation in Chinese text: , : ; ! ? ( ) become
 * ，：；！？（）, a period between Han characters (a misread comma) becomes ，.
 * ASCII stays where it belongs: 5000MW, 8.2米, 1,000, 10:30, U14, 2021-2025.
 */
import { isCjk, isHan } from '../../util/chars.ts';

const STRAIGHT_QUOTE = /^["'“”]$/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** @returns `text` with half-width punctuation in Chinese context made full-width. */
export function fullwidthPunctuation(text: string): string {
  if (!/[\u4e00-\u9fff]/u.test(text)) return text;
  const chars = Array.from(text);
  const out: string[] = [];
  const open: boolean[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    // Punctuation inside a Latin run (code, URLs, names) stays ASCII.
    const chinese = isCjk(prev) || isCjk(next) || STRAIGHT_QUOTE.test(prev ?? '') || STRAIGHT_QUOTE.test(next ?? '') || (prev === undefined && next === undefined);
    if (/[,:;!?]/.test(c) && !chinese) {
      out.push(c);
      continue;
    }
    switch (c) {
      case ',':
        out.push(isDigit(prev) && isDigit(next) && /^\d{3}(?!\d)/.test(chars.slice(i + 1, i + 5).join('')) ? ',' : '，');
        break;
      case ':':
        out.push(isDigit(prev) && isDigit(next) ? ':' : '：');
        break;
      case ';':
        out.push('；');
        break;
      case '!':
        out.push('！');
        break;
      case '?':
        out.push('？');
        break;
      case '(': {
        // Latin code keeps its brackets: alert(1), f(x); Chinese text gets （）.
        const ascii = (isLatin(prev) || isDigit(prev)) && !isHan(next);
        open.push(!ascii);
        out.push(ascii ? '(' : '（');
        break;
      }
      case ')':
        out.push(open.length ? (open.pop() ? '）' : ')') : '）');
        break;
      case '.':
        if (isDigit(prev) && isDigit(next)) out.push('.');
        else if (isLatin(prev) || isLatin(next)) out.push('.');
        else if (next === undefined && (isHan(prev) || isDigit(prev))) out.push('。');
        else if (isHan(prev) && isHan(next)) out.push('，');
        else out.push(c);
        break;
      default:
        out.push(c);
    }
  }
  return out.join('').replace(/\.{3,}|。{3,}|…+/g, '……');
}
