/**
 * Character classes of Chinese newspaper text, shared by layout, normalize
 * and segment. Pure functions, no dependencies (also bundled for the browser).
 */

/** CJK ideograph (the unified blocks and extension A). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}

/** Full-width or CJK punctuation, including Chinese quotes and dashes. */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7]/u.test(ch);
}

/** Han character or CJK punctuation: text that belongs to the Chinese run. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** A line led by a dash (——副题, ——列举): the OCR gives -, --, —, －, ― or ‐. */
export const DASH_START = /^[-—－―‐]+/u;

/** Punctuation that ends a sentence, full- or half-width, with closing quotes after it allowed. */
export const SENTENCE_END = /[。！？!?…]["”’'」』）)]*$/u;

/** True when `text` ends a sentence (。！？… possibly followed by a closing quote or bracket). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/**
 * Printed width of one character in em: Han and punctuation take a full em
 * (OCR prints half-width commas for full-width ones), digits and Latin half.
 */
export function emWidth(ch: string): number {
  if (ch === ' ') return 0;
  if (/[0-9A-Za-z%.]/.test(ch)) return 0.5;
  return 1;
}

/** Printed width of a string in em. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += emWidth(ch);
  return w;
}

/** Median of a list of numbers; NaN for an empty list. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
