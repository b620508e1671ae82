/**
 * Between a page's text and its ALTO/hOCR lines: the scan text a layout
 * file stands for (so a page given only as ALTO or hOCR goes through the same
 * parser as a plain scan), and which printed lines each line of a text file
 * covers (so a text file with a layout file beside it gets positions).
 */
import type { Box, PageLayout } from '../types.ts';

/** Em widths of left indent from which a line counts as indented (a paragraph's "　　"). */
const INDENT_EMS = 1.5;

/**
 * The scan text of a layout: one line per printed line, as the plain scans of
 * the hard-wrapped and charspace styles have it. A page that indents its
 * paragraphs gets "　　" before each line that starts indented against the
 * other lines of its column in its block (the hardwrap style); a page that
 * does not gets a blank line between text blocks (the charspace style, where
 * blank lines part paragraphs).
 */
export function layoutText(layout: PageLayout): string {
  const indented = layout.lines.map((_, i) => isIndented(layout, i));
  const blanks = !indented.some(Boolean);
  const out: string[] = [];
  layout.lines.forEach((l, i) => {
    if (blanks && i > 0 && l.block !== layout.lines[i - 1].block) out.push('');
    out.push((indented[i] ? '　　' : '') + l.text);
  });
  return out.join('\n') + '\n';
}

/** Whether line `i` starts at least `INDENT_EMS` character widths right of its column in its block. */
function isIndented(layout: PageLayout, i: number): boolean {
  const line = layout.lines[i];
  const column = layout.lines.filter((l) => l.block === line.block && overlaps(l.box, line.box));
  if (column.length < 2) return false;
  const left = Math.min(...column.map((l) => l.box[0]));
  return line.box[0] - left >= INDENT_EMS * emOf(line.text, line.box);
}

/** Width of one character of a line: its width over its characters (spaces counted as half). */
function emOf(text: string, box: Box): number {
  let n = 0;
  for (const ch of text) n += /\s/u.test(ch) ? 0.5 : /[\x21-\x7e]/.test(ch) ? 0.55 : 1;
  return n ? box[2] / n : box[3];
}

const overlaps = (a: Box, b: Box) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2];

/** A character of a text with where it is: its line (1-based) or layout line (0-based). */
interface Placed {
  ch: string;
  at: number;
}

/** The non-space characters of lines, each with its line's number, folded so half- and full-width forms compare equal. */
function characters(lines: string[], first: number): Placed[] {
  const out: Placed[] = [];
  lines.forEach((line, i) => {
    for (const ch of line) if (!/[\s\u3000]/u.test(ch)) out.push({ ch: ch.normalize('NFKC'), at: i + first });
  });
  return out;
}

/** The result of aligning a text with a layout: either each text line's layout lines, or where they first differ. */
export type Alignment = { ok: true; lines: Map<number, number[]> } | { ok: false; line: number; text: string; layout: string };

/**
 * Align a scan text with a layout file's lines: their non-space characters
 * must be the same, in the same order (half- and full-width forms alike);
 * line breaks may differ (a paragraph per line against a line per printed line).
 *
 * @returns Text line (1-based) → indexes of the layout lines its characters are printed on; or the first difference.
 */
export function alignLayout(text: string, layout: PageLayout): Alignment {
  const a = characters(text.split('\n'), 1);
  const b = characters(
    layout.lines.map((l) => l.text),
    0,
  );
  const n = Math.min(a.length, b.length);
  for (let i = 0; i <= n; i++) {
    if (i < n && a[i].ch === b[i].ch) continue;
    if (i === n && a.length === b.length) break;
    const near = (cs: Placed[]) => cs.slice(i, i + 8).map((c) => c.ch).join('') || '(end)';
    return { ok: false, line: a[Math.min(i, a.length - 1)]?.at ?? 1, text: near(a), layout: near(b) };
  }
  const lines = new Map<number, number[]>();
  a.forEach((c, i) => {
    const of = lines.get(c.at) ?? [];
    if (of[of.length - 1] !== b[i].at) of.push(b[i].at);
    lines.set(c.at, of);
  });
  return { ok: true, lines };
}
