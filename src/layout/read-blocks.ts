/**
 * Layout stage: recover the printed structure of a page from OCR lines.
 *
 * Three OCR styles occur. In the *wrapped* style each paragraph is one line and
 * the OCR left a space wherever the printed column wrapped. In the *hardwrap*
 * style every printed column line is a line of the file (11–14 characters)
 * and paragraphs start with a "　　" indent. In the *charspace* style every
 * printed line is a line, blank lines part paragraphs and title parts, and a
 * space stands between nearly every two characters (see `charspace.ts`).
 * All become `Block`s: one title line, paragraph or byline each, with the
 * widths of its printed lines so later stages can tell a full column line
 * from a paragraph's short last one.
 */
import type { Block, LayoutStyle, ScanLine } from '../types.ts';
import { endsSentence, median, textWidth } from '../util/chars.ts';
import { isBylineLine, splitTrailingByline } from '../segment/byline.ts';
import { despace, isCharspace } from './charspace.ts';
import { splitDateline } from '../segment/dateline.ts';

export interface PageLayout {
  style: LayoutStyle;
  blocks: Block[];
  /** Typical width of a full column line in em. */
  columnWidth: number;
}

const INDENT = /^(?:[\u3000]{1,2}|\s{2,4})(?=\S)/u;

/**
 * Split decoded scan text into blocks.
 *
 * @param text Decoded scan text with LF line ends.
 * @returns The detected style, the blocks in reading order and the column width.
 */
export function readBlocks(text: string): PageLayout {
  // Note: one trailing space is kept: at the end of a full line it may stand for a lost comma.
  const lines: ScanLine[] = text.split('\n').map((t, i) => ({ text: t.replace(/\s+$/u, (m) => (m.includes(' ') && !m.includes('\u3000') ? ' ' : '')), line: i + 1 }));
  const style = detectStyle(lines);
  return style === 'hardwrap' ? hardwrapBlocks(lines) : style === 'charspace' ? charspaceBlocks(lines) : wrappedBlocks(lines);
}

function detectStyle(lines: ScanLine[]): LayoutStyle {
  if (isCharspace(lines.map((l) => l.text))) return 'charspace';
  const filled = lines.filter((l) => l.text.trim());
  if (!filled.length) return 'wrapped';
  const short = filled.filter((l) => textWidth(l.text.trim()) <= 16).length;
  const indented = filled.filter((l) => INDENT.test(l.text)).length;
  // Whole paragraphs on one line are the wrapped style, however many short title and byline lines surround them.
  const paragraphs = filled.filter((l) => textWidth(l.text.trim()) > 40).length;
  if (paragraphs >= 2 && paragraphs > indented) return 'wrapped';
  return short / filled.length >= 0.6 && (indented > 0 || filled.length >= 8) ? 'hardwrap' : 'wrapped';
}

function wrappedBlocks(lines: ScanLine[]): PageLayout {
  const raw: Array<Omit<Block, 'widths'> & { pieces: string[] }> = [];
  let afterBlank = true;
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) {
      afterBlank = true;
      continue;
    }
    raw.push({ text: t, line: l.line, indented: INDENT.test(l.text), afterBlank, pieces: t.split(/ +/) });
    afterBlank = false;
  }
  // Column width: the usual width of a piece that is neither the first
  // (indented) nor the last (short) printed line of its paragraph.
  // Pieces narrower than 8 em are not column lines (spaces in Latin text, numbers).
  const middle = raw.flatMap((b) => b.pieces.slice(1, -1).map(textWidth)).filter((w) => w >= 8);
  // Too few samples (a short notice) say nothing: assume a usual column.
  const columnWidth = middle.length >= 5 ? median(middle) : 16;
  const blocks = raw.map(({ pieces, ...b }) => ({ ...b, ...printedLines(pieces, columnWidth) }));
  return { style: 'wrapped', blocks, columnWidth };
}

/**
 * Decide which spaces of a wrapped-style paragraph are column wraps. Printed
 * lines are justified, so a wrap comes only once a line is (nearly) full; a
 * space inside a line is OCR damage, often a lost comma.
 *
 * @returns The text with wraps as "\n" and other spaces kept, and the width of each printed line.
 */
function printedLines(pieces: string[], columnWidth: number): { text: string; widths: number[] } {
  const out: string[] = [];
  const widths: number[] = [];
  let line = pieces[0];
  // The first printed line of a paragraph is indented by two characters.
  let w = textWidth(pieces[0]) + 2;
  for (const p of pieces.slice(1)) {
    const lost = /\p{Script=Han}$/u.test(line) && /^\p{Script=Han}/u.test(p) ? 1 : 0;
    const merged = w + lost + textWidth(p);
    // "2023 年", "协议: 白山": the OCR spaces a number from its unit, or half-width punctuation from
    // what follows, inside a line; a wrap comes only on a (nearly) full line.
    if ((/\d$/u.test(line) || /[,.:;!?]$/u.test(line)) && /^\p{Script=Han}/u.test(p) && w < columnWidth - 3.5) {
      line += ' ' + p;
      w = merged;
      continue;
    }
    // In-line only when the line so far is clearly short and the two pieces
    // together make exactly one full line; anything else counts as a wrap.
    if (lost && w < columnWidth - 3.5 && Math.abs(merged - columnWidth) <= 1.5) {
      line += ' ' + p;
      w = merged;
    } else {
      out.push(line);
      widths.push(w);
      line = p;
      w = textWidth(p);
    }
  }
  out.push(line);
  widths.push(w);
  return { text: out.join('\n'), widths };
}

/** Charspace: a block is a run of lines between blank lines, each line a printed line. */
function charspaceBlocks(lines: ScanLine[]): PageLayout {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (const l of lines) {
    const t = despace(l.text);
    if (!t) {
      cur = null;
      continue;
    }
    if (cur) {
      cur.text += '\n' + t;
      cur.widths.push(textWidth(t));
    } else {
      cur = { text: t, line: l.line, indented: false, afterBlank: true, widths: [textWidth(t)] };
      blocks.push(cur);
    }
  }
  // Column width: the usual width of a line that is neither a paragraph's first nor its last.
  const middle = blocks.flatMap((b) => b.widths.slice(1, -1)).filter((w) => w >= 6);
  const columnWidth = middle.length >= 5 ? median(middle) : 14;
  return { style: 'charspace', blocks, columnWidth };
}

function hardwrapBlocks(lines: ScanLine[]): PageLayout {
  // Column width: median width of lines that continue an indented paragraph.
  const widths: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (t.trim() && !INDENT.test(t) && lines[i - 1].text.trim()) widths.push(textWidth(t.trim()));
  }
  const columnWidth = widths.length >= 5 ? median(widths) : 12;
  const full = (w: number) => w >= columnWidth - 1;

  const blocks: Block[] = [];
  let cur: Block | null = null;
  let afterBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].text;
    const t = raw.replace(/^[\s\u3000]+/u, '');
    if (!t) {
      cur = null;
      afterBlank = true;
      continue;
    }
    const indented = INDENT.test(raw);
    // An indented first line is as wide as the column: count the indent.
    const w = textWidth(t) + (indented ? 2 : 0);
    if (cur && !indented && continues(cur, t, lines, i, full)) {
      cur.text += '\n' + t;
      cur.widths.push(w);
    } else {
      cur = { text: t, line: lines[i].line, indented, afterBlank, widths: [w] };
      blocks.push(cur);
    }
    afterBlank = false;
  }
  return { style: 'hardwrap', blocks, columnWidth };
}

/** Does line `t` continue the paragraph `cur` (the column wrapped) rather than start something new? */
function continues(cur: Block, t: string, lines: ScanLine[], i: number, full: (w: number) => boolean): boolean {
  if (isBylineLine(t)) return false;
  const prevLine = lines[i - 1].text.trim();
  // The previous line ended with a byline glued to the paragraph: the article is over
  // (a photo credit "摄影 王岩" ends a caption, not the article).
  if (splitTrailingByline(prevLine) && !/摄$/u.test(prevLine) && !/摄影/u.test(prevLine)) return false;
  // A dash starts a line of its own (a subhead or list item) unless the sentence runs on into it.
  if (/^[-—－]/.test(t) && (!cur.indented || endsSentence(prevLine))) return false;
  const prevFull = full(cur.widths[cur.widths.length - 1]);
  if (!prevFull) return false;
  // A title can follow a column that stops mid-sentence: it is known by what comes under it,
  // a line wider than any column line (a headline) or an indented dateline.
  if (looksLikeTitle(t) && textWidth(t) >= 4) {
    const next = lines[i + 1]?.text ?? '';
    if ((looksLikeTitle(next) && !isBylineLine(next) && textWidth(next.trim()) > columnWidthOf(full) + 2) || (INDENT.test(next) && splitDateline(next.trim() + '\n' + (lines[i + 2]?.text ?? '')))) return false;
  }
  // A full line that ends a sentence may be followed by a title: a line with
  // no sentence punctuation right before an indented line or a dash subhead.
  if (endsSentence(prevLine) && looksLikeTitle(t)) {
    const next = lines[i + 1]?.text ?? '';
    if (INDENT.test(next) || /^[-—－]/.test(next.trim()) || !next.trim()) return false;
  }
  // A title block never starts a paragraph that wraps: only indented paragraphs continue.
  return cur.indented || cur.widths.length > 1 || !looksLikeTitle(cur.text);
}

/** The column width a `full` test was made for (the smallest width it calls full, plus one). */
function columnWidthOf(full: (w: number) => boolean): number {
  let w = 0;
  while (!full(w) && w < 60) w += 0.5;
  return w + 1;
}

function looksLikeTitle(t: string): boolean {
  return !/[。，,；;]/.test(t) && textWidth(t) <= 40;
}
