/**
 * Normalization stage: repair the OCR damage inside one field of an article
 * (a paragraph, a headline): wrap spaces, half-width punctuation, quotes,
 * dashes. Pure and idempotent. (Look-alike characters are corrected later,
 * with the whole page as evidence: see `correct/`.)
 */
import { rules } from './rules/index.ts';
import { lostPunctuation } from './rules/lost-punctuation.ts';

/**
 * Normalize one field of scan text.
 *
 * @param text Raw text of a title line or a paragraph, wrap spaces still in.
 * @returns The text as printed.
 */
export function normalizeText(text: string): string {
  let out = text.trim();
  for (const [, rule] of rules) out = rule(out);
  return out;
}

/**
 * Normalize a body paragraph: as `normalizeText`, and a space inside a
 * printed line is a lost comma. (In titles such a space separates phrases.)
 *
 * @param text Raw paragraph text, column wraps as "\n".
 */
export function normalizeParagraph(text: string): string {
  return normalizeText(lostPunctuation(text.trim()));
}
