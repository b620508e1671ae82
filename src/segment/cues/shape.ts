/**
 * The look of the candidate line: its printed width, and whether it reads
 * like a title (no sentence punctuation outside quotes) at all.
 */
import type { Block } from '../../types.ts';
import { textWidth } from '../../util/chars.ts';
import type { Cue } from './context.ts';

/** True when a block reads like a title line: short, one or two printed lines, no sentence punctuation outside quotes. */
export function looksLikeTitleText(b: Block, columnWidth: number): boolean {
  const t = b.text.replace(/["“][^"“”]*["”]/gu, '""');
  if (/^[-—－―‐]/u.test(t) || textWidth(b.text) > 45) return false;
  if (b.widths.length > 2 && b.widths.slice(1, -1).every((w) => w >= columnWidth - 1)) return false;
  return !/[。；;，,]/u.test(t) && !/[、：:]$/u.test(t);
}

/** Width of the candidate without spaces, in em. */
const width = (b: Block) => textWidth(b.text.replace(/[\s\u3000]+/gu, ''));

/** How far the line is longer than a short label: 0 at 8 em or less, 1 at 24 em or more. */
export const longLine: Cue = ({ blocks, at }) => Math.min(1, Math.max(0, (width(blocks[at]) - 8) / 16));

/** A label of five em or less ("相关链接", "黎海滨简历") is a heading; six or seven em ("立夏时节春耕忙") may be either. */
export const shortLine: Cue = ({ blocks, at }) => {
  const w = width(blocks[at]);
  return w <= 5 ? 1 : w < 8 ? 0.5 : 0;
};

/** The whole line is a quotation ("双金荣耀"): section headings quote, headlines rarely. */
export const quotedLine: Cue = ({ blocks, at }) => (/^["“][^"“”]+["”]$/u.test(blocks[at].text.trim()) ? 1 : 0);

/** The line carries a figure ("签下300亿元", "544项", "2万余名"): headlines report numbers, section headings rarely. */
export const numberInLine: Cue = ({ blocks, at }) => (/\d/u.test(blocks[at].text) ? 1 : 0);
