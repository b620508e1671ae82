/**
 * Segmentation: group a page's blocks into articles.
 *
 * A Chinese newspaper article is a title block (引题 kicker, 主题 headline,
 * 副题 subhead often led by "——"), then body paragraphs (the first may open
 * with a dateline, photo captions among them), then usually a byline.
 * An article ends at its byline (or a notice's signed date), or where a new
 * title block begins. Whether a short unpunctuated line after body text is
 * such a title or an inner heading of the same article ("黎海滨简历",
 * "相关链接") is weighed from the cues in `cues/` (see `boundary.ts`).
 *
 * The output keeps raw text (normalization runs later, per field) so that
 * every character of the scan can be traced to one field.
 */
import type { Block, Reporter, Unplaced } from '../types.ts';
import { DASH_START, endsSentence, textWidth } from '../util/chars.ts';
import type { PageLayout } from '../layout/read-blocks.ts';
import { parseByline, splitTrailingByline, splitTrailingName, type BylineMatch } from './byline.ts';
import { startsWithSurname } from './names.ts';
import { isCaption, isPhotoCredit } from './caption.ts';
import { isDatelineOnly, splitDateline } from './dateline.ts';
import { boundaryFeatures, boundaryScore, type BoundaryWeights } from './boundary.ts';
import type { CueName } from './cues/index.ts';
import { looksLikeTitleText } from './cues/shape.ts';

/** How segmentation decides where articles start; tests and the fitting script swap these. */
export interface SegmentOptions {
  /** Weights of the boundary cues (default: the fitted `WEIGHTS`). */
  weights?: BoundaryWeights;
  /** Called with every boundary decision: the candidate line, its cue values and the verdict. */
  onDecision?: (decision: { text: string; line: number; features: Record<CueName, number>; newArticle: boolean }) => void;
}

/** A paragraph before normalization. */
export interface RawParagraph {
  text: string;
  line: number;
  kind: 'text' | 'heading' | 'list-item' | 'caption';
  /** Widths of the printed lines, first to last. */
  widths: number[];
  /** The block was indented (hardwrap) or otherwise marked as a paragraph start. */
  indented: boolean;
}

/** An article before normalization: raw title lines, paragraphs and byline. */
export interface RawArticle {
  /** Raw title lines in printed order (kicker/headline/subhead are split later). */
  titleLines: string[];
  /** Raw subhead line that was led by a dash, without the dash. */
  dashSubhead: string | null;
  byline: string | null;
  reporters: Reporter[];
  paragraphs: RawParagraph[];
  line: number;
  /** The byline closed the article. */
  closed: boolean;
}

export interface SegmentedPage {
  articles: RawArticle[];
  unplaced: Unplaced[];
}

/** The date under a notice's signature, e.g. "2024年6月11日". */
export const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;

/** A line that can be (part of) a title block. */
function titleLike(b: Block, hardwrap: boolean, columnWidth: number): boolean {
  if (hardwrap && b.indented) return false;
  if (DATE_LINE.test(b.text) || isCaption(b.text)) return false;
  // Headlines use spaces, not commas or full stops, between their phrases (a quotation may have them).
  return looksLikeTitleText(b, columnWidth);
}

/**
 * Split a page into raw articles.
 *
 * @param layout Blocks and style from `readBlocks`.
 * @returns Articles in reading order and the text that fits no article.
 */
export function segmentPage(layout: PageLayout, options: SegmentOptions = {}): SegmentedPage {
  // A copy: a dateline on its own line is merged into the block under it.
  const blocks = [...layout.blocks];
  const hardwrap = layout.style === 'hardwrap';
  const articles: RawArticle[] = [];
  const unplaced: Unplaced[] = [];
  let cur: RawArticle | null = null;

  const open = (b: Block): RawArticle => {
    cur = { titleLines: [], dashSubhead: null, byline: null, reporters: [], paragraphs: [], line: b.line, closed: false };
    articles.push(cur);
    return cur;
  };
  const setByline = (a: RawArticle | null, byline: string, reporters: Reporter[], b: Block) => {
    if (a && !a.byline) {
      a.byline = byline;
      a.reporters = reporters;
    } else {
      unplaced.push({ text: byline, line: b.line, reason: 'byline with no article to attach to' });
    }
  };
  const addParagraph = (a: RawArticle, b: Block, text: string, kind: RawParagraph['kind']) => {
    a.paragraphs.push({ text, line: b.line, kind, widths: b.widths, indented: b.indented });
  };

  /** Weigh the cues: does title-like block `b` start a new article, or is it an inner heading of `a`? */
  const startsNewArticle = (b: Block, a: RawArticle, i: number): boolean => {
    // An organisation's name over a date is the signature of a notice, not a headline.
    if (blocks[i + 1] && DATE_LINE.test(blocks[i + 1].text)) return false;
    if (!blocks[i + 1]) return false;
    const features = boundaryFeatures({ blocks, at: i, article: a, columnWidth: layout.columnWidth, style: layout.style });
    const newArticle = boundaryScore(features, options.weights) > 0;
    options.onDecision?.({ text: b.text, line: b.line, features, newArticle });
    return newArticle;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const a = cur as RawArticle | null;

    // A dateline on a line of its own opens the paragraph under it.
    const below = blocks[i + 1];
    if (isDatelineOnly(b.text) && below && !titleLike(below, hardwrap, layout.columnWidth)) {
      blocks[i + 1] = { ...below, text: `${b.text}\n${below.text}`, line: b.line, widths: [...b.widths, ...below.widths] };
      continue;
    }

    // 0. A photo credit on its own line closes the caption above it.
    if (a && isPhotoCredit(b.text)) {
      const last = a.paragraphs[a.paragraphs.length - 1];
      if (last && last.kind !== 'heading') {
        last.text += '\n' + b.text;
        last.widths = [...last.widths, ...b.widths];
        last.kind = 'caption';
      } else addParagraph(a, b, b.text, 'caption');
      continue;
    }

    // 1. A line that is only a byline (a bare name counts under finished text, where an article ends).
    const whole = parseByline(b.text) ?? (a && isBareNameByline(b, a, blocks[i + 1]) ? bareName(b.text) : null);
    if (whole) {
      if (a && a.paragraphs.length === 0 && a.titleLines.length > 0 && !a.byline) {
        // Byline printed under the title, before the body.
        a.byline = whole.byline;
        a.reporters = whole.reporters;
      } else {
        setByline(a && !a.byline ? a : lastWithoutByline(articles), whole.byline, whole.reporters, b);
        if (a) a.closed = true;
      }
      continue;
    }

    // 2. Title lines; a short line right over a dateline is a headline even with a comma ("前三季度，吉林经济运行稳中向好").
    if (titleLike(b, hardwrap, layout.columnWidth) || overDateline(b, blocks[i + 1], hardwrap)) {
      const next = blocks[i + 1];
      if (a && !a.closed && a.paragraphs.length === 0 && a.titleLines.length < 3 && !a.dashSubhead) {
        a.titleLines.push(b.text);
        continue;
      }
      if (!a || a.closed || (a.paragraphs.length > 0 && startsNewArticle(b, a, i))) {
        open(b).titleLines.push(b.text);
        continue;
      }
      // Otherwise an inner heading of the current article.
      if (next) {
        addParagraph(a, b, b.text, 'heading');
        continue;
      }
    }

    // 3. A dash line right under the title: the subhead.
    if (a && !a.closed && a.paragraphs.length === 0 && a.titleLines.length > 0 && !a.dashSubhead && DASH_START.test(b.text)) {
      const rest = b.text.replace(DASH_START, '');
      if (titleLike({ ...b, text: rest }, false, layout.columnWidth)) {
        a.dashSubhead = rest;
        continue;
      }
    }

    // 4. Body text, possibly with the byline glued to its end.
    let target = a && !a.closed ? a : open(b);
    // A caption's photo credit is not the article's byline; a bare name counts only where the article ends.
    const caption = isCaption(b.text);
    const next = blocks[i + 1];
    const atEnd = !next || titleLike(next, hardwrap, layout.columnWidth);
    const glued = caption ? null : (splitTrailingByline(b.text) ?? (atEnd && target.paragraphs.length > 0 ? splitTrailingName(b.text) : null));
    const text = glued && glued.rest ? glued.rest : b.text;
    const body = glued && glued.rest ? { ...b, widths: dropTail(b.widths, textWidth(glued.byline.replace(/ /g, ''))) } : b;
    // A short unpunctuated line between paragraphs is an inner heading ("相关链接").
    const heading = target.paragraphs.length > 0 && !glued && blocks[i + 1] && !parseByline(blocks[i + 1].text) && isLabel(text);
    addParagraph(target, body, text, heading ? 'heading' : caption ? 'caption' : DASH_START.test(text) ? 'list-item' : 'text');
    if (glued && glued.rest) {
      setByline(target, glued.byline, glued.reporters, b);
      target.closed = true;
    }
    // The date under a notice's signature closes the notice, as a byline closes a report.
    if (DATE_LINE.test(b.text.trim()) && target.paragraphs.length > 1) target.closed = true;
  }
  return { articles, unplaced };
}

/** A short block without a sentence end, right over a paragraph that opens with a dateline: a headline. */
function overDateline(b: Block, next: Block | undefined, hardwrap: boolean): boolean {
  if (!next || (hardwrap && b.indented) || DASH_START.test(b.text) || b.widths.length > 2 || textWidth(b.text) > 40 || endsSentence(b.text)) return false;
  return splitDateline(next.text) !== null;
}

/** A surname-led name of two or three characters alone on a line. */
function bareName(text: string): BylineMatch | null {
  const t = text.trim();
  return /^[\u4e00-\u9fff]{2,3}$/u.test(t) && startsWithSurname(t) ? { byline: t, reporters: [{ name: t, role: '作者', org: null }] } : null;
}

/** A bare name line closes an article: after finished text, before a title or the end of the page. */
function isBareNameByline(b: Block, a: RawArticle, next: Block | undefined): boolean {
  const last = a.paragraphs[a.paragraphs.length - 1];
  if (a.closed || !last || !endsSentence(last.text) || !bareName(b.text)) return false;
  return !next || (!next.indented && !endsSentence(next.text) && textWidth(next.text) <= 45 && !/[。，,]/u.test(next.text));
}

/** A short label with no punctuation, e.g. "相关链接", "黎海滨简历". */
function isLabel(text: string): boolean {
  return textWidth(text) <= 10 && !/[\p{P}\s]/u.test(text.trim());
}

/** Remove `width` em from the end of a list of printed-line widths (a byline glued to the last line). */
function dropTail(widths: number[], width: number): number[] {
  const out = [...widths];
  let left = width;
  while (left > 0.01 && out.length > 1 && out[out.length - 1] <= left + 0.01) left -= out.pop()!;
  if (left > 0.01 && out.length) out[out.length - 1] = Math.max(0, out[out.length - 1] - left);
  return out;
}

function lastWithoutByline(articles: RawArticle[]): RawArticle | null {
  const last = articles[articles.length - 1];
  return last && !last.byline ? last : null;
}
