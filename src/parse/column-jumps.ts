/**
 * Paragraphs a column jump split in two: the text stops mid-sentence on a
 * full line and goes on, elsewhere on the page, without a paragraph indent.
 */
import type { LayoutStyle } from '../types.ts';
import type { RawParagraph } from '../segment/segment-page.ts';
import { endsSentence, textWidth } from '../util/chars.ts';

/**
 * Rejoin paragraphs that a column jump split: the first ends mid-sentence on
 * a full line and the second starts on a full line (no paragraph indent).
 */
export function joinColumnJumps(paras: RawParagraph[], columnWidth: number, style: LayoutStyle): RawParagraph[] {
  const out: RawParagraph[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'text' && p.kind === 'text' && continuesAfterJump(prev, p, columnWidth, style)) {
      out[out.length - 1] = { ...prev, text: prev.text + '\n' + p.text, widths: [...prev.widths, ...p.widths] };
    } else out.push(p);
  }
  return out;
}

function continuesAfterJump(prev: RawParagraph, p: RawParagraph, columnWidth: number, style: LayoutStyle): boolean {
  const prevText = prev.text.trim();
  if (endsSentence(prevText) || /[：:]$/.test(prevText)) return false;
  if (/^[，,、。；;：:）)]/.test(p.text)) return true;
  const prevLast = prev.widths[prev.widths.length - 1];
  if (prevLast < columnWidth - 1.5) return false;
  if (style === 'hardwrap') return !p.indented;
  // One short line that ends the sentence: the rest of it, carried over the column jump.
  if (p.widths.length === 1 && endsSentence(p.text) && textWidth(p.text) < columnWidth - 2) return true;
  // Charspace prints no indents: a paragraph that stops mid-sentence on a full line runs on.
  if (style === 'charspace') return true;
  // The first printed line of a new paragraph is indented by two characters;
  // `widths[0]` counts that indent, so a line that was not indented is 2 em over.
  const first = p.widths[0];
  return first >= columnWidth + 1 && textWidth(p.text) > columnWidth;
}
