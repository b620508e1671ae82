/**
 * A space inside a printed line of body text, between two Han characters,
 * is where the OCR lost a punctuation mark ("高度重视 长春市先后" →
 * "高度重视，长春市先后"); the comma is by far the most common loss. Column
 * wraps arrive here as "\n" (the layout stage tells them apart), so only
 * in-line spaces, and a space left at the end of a full line, are restored.
 */

/** @returns `text` with a comma wherever a space stands between two Han characters. */
export function lostPunctuation(text: string): string {
  return text.replace(/(\p{Script=Han}) +\n?(?=\p{Script=Han})/gu, '$1，');
}
