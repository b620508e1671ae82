/**
 * The parser: decoded scan text → articles. Runs layout, segmentation and
 * normalization in that order and settles what needs all three: which
 * paragraphs a column jump split, which end mid-sentence, how a title block
 * divides into kicker, headline and subhead.
 */
import type { Article, Correction, LayoutStyle, ParagraphKind, ParsedPage, Reporter } from '../types.ts';
import { readBlocks } from '../layout/read-blocks.ts';
import { DATE_LINE, segmentPage, type RawArticle, type SegmentOptions } from '../segment/segment-page.ts';
import { normalizeParagraph, normalizeText } from '../normalize/normalize-text.ts';
import { endsSentence, isHan } from '../util/chars.ts';
import { decodeScan } from '../scan/decode-scan.ts';
import { isCharspace } from '../layout/charspace.ts';
import { sectionOf, splitFurniture } from '../segment/furniture.ts';
import { splitDateline } from '../segment/dateline.ts';
import { endsWithPhotoCredit } from '../segment/caption.ts';
import { parseByline } from '../segment/byline.ts';
import { correctText, pageEvidence } from '../correct/correct-text.ts';
import { splitTitle } from './split-title.ts';
import { joinColumnJumps } from './column-jumps.ts';

/**
 * Parse the bytes of one scan.
 *
 * @param bytes File contents (UTF-8 or GB18030).
 * @throws DecodeError when the bytes are not text.
 */
/** How the parser runs: segmentation weights for experiments, and whether look-alike characters are corrected. */
export interface ParseOptions extends SegmentOptions {
  /** Correct look-alike misreads (default true); off only to measure the corrector. */
  correct?: boolean;
}

export function parseScan(bytes: Uint8Array, options?: ParseOptions): ParsedPage {
  const { text, encoding, warnings } = decodeScan(bytes);
  return { ...parsePage(text, options), encoding, decodeWarnings: warnings };
}

/**
 * Parse decoded scan text.
 *
 * @param text Scan text with LF line ends.
 * @param options How segmentation weighs its cues (tests and `npm run fit:boundary`).
 * @returns Articles in reading order and any text that fits no article.
 */
export function parsePage(text: string, options?: ParseOptions): ParsedPage {
  const all = text.split('\n');
  const { furniture, lines } = splitFurniture(all, isCharspace(all));
  const layout = readBlocks(lines.join('\n'));
  const { articles, unplaced } = segmentPage(layout, options);
  const finished = articles.map((a) => finishArticle(a, layout.columnWidth, layout.style));
  return {
    articles: options?.correct === false ? finished : correctArticles(finished),
    unplaced,
    furniture,
    section: sectionOf(furniture),
    style: layout.style,
    encoding: 'utf-8',
    decodeWarnings: [],
  };
}

function finishArticle(raw: RawArticle, columnWidth: number, style: LayoutStyle): Article {
  const { kicker, headline, subhead } = splitTitle(raw);
  const paras = joinColumnJumps(raw.paragraphs, columnWidth, style);
  // The dateline opens the first paragraph that is running text.
  const lead = paras.findIndex((p) => p.kind === 'text');
  let dateline: string | null = null;
  let datelineReporters: Reporter[] = [];
  const found = lead >= 0 ? splitDateline(paras[lead].text) : null;
  if (found) {
    dateline = normalizeDateline(found.raw);
    datelineReporters = found.reporters;
    paras[lead] = { ...paras[lead], text: found.rest };
  }
  const paragraphs: string[] = [];
  const kinds: ParagraphKind[] = [];
  const truncated: number[] = [];
  paras.forEach((p) => {
    let text = p.kind === 'heading' ? normalizeText(p.text) : p.kind === 'caption' ? normalizeCaption(p.text) : normalizeParagraph(p.text);
    if (!text) return;
    if (p.kind === 'text' || p.kind === 'list-item') {
      const last = p.widths[p.widths.length - 1];
      // Lists end their items with ；, introductions with ：.
      if (!endsSentence(text) && !/[：:；;]$/.test(text)) {
        const lastCh = Array.from(text).pop();
        if (last >= columnWidth - 1.5 || !(isHan(lastCh) || /[0-9”）]/.test(lastCh ?? ''))) truncated.push(paragraphs.length);
        // A short last line ends the paragraph: the OCR lost its full stop (a signature's date has none).
        else if (!DATE_LINE.test(text)) text += '。';
      }
    } else if (p.kind === 'caption' && !endsSentence(text) && !/[）)]$/u.test(text) && !endsWithPhotoCredit(p.text)) text += '。';
    paragraphs.push(text);
    kinds.push(p.kind);
  });
  return {
    kicker,
    headline,
    subhead,
    byline: raw.byline,
    dateline,
    reporters: mergeReporters(datelineReporters, raw.reporters),
    corrections: [],
    paragraphs,
    kinds,
    truncated,
    line: raw.line,
    ...(raw.titleLines.length === 0 ? { untitled: true } : {}),
  };
}

/**
 * Correct look-alike misreads in every article's title and paragraphs, with
 * the whole page as evidence for names (bylines and datelines are left as
 * printed: names there follow `byline.ts`).
 */
function correctArticles(articles: Article[]): Article[] {
  const page = pageEvidence(articles.flatMap((a) => [a.kicker ?? '', a.headline, a.subhead ?? '', ...a.paragraphs]));
  return articles.map((a) => {
    const corrections: Correction[] = [];
    const fix = (text: string, field: Correction['field'], paragraph?: number): string => {
      const r = correctText(text, page);
      for (const c of r.corrections) corrections.push({ field, ...(paragraph === undefined ? {} : { paragraph }), ...c });
      return r.text;
    };
    const kicker = a.kicker === null ? null : fix(a.kicker, 'kicker');
    const headline = fix(a.headline, 'headline');
    const subhead = a.subhead === null ? null : fix(a.subhead, 'subhead');
    const paragraphs = a.paragraphs.map((p, i) => fix(p, 'paragraph', i));
    return { ...a, kicker, headline, subhead, paragraphs, corrections };
  });
}

/** A dateline as printed: its credit in full-width brackets with single spaces between names, as bylines are. */
function normalizeDateline(raw: string): string {
  const m = /^([\s\S]*?)[（(]([\s\S]*)[）)]$/u.exec(raw.trim());
  if (!m) return normalizeText(raw);
  // A wrap between two whole parts ("记者\n李彦国") stood for a space; one inside a word ("记\n者") for nothing.
  const unwrapped = m[2].replace(/([^\s\u3000]*)\n([^\s\u3000]*)/gu, (_, a: string, b: string) => (Array.from(a).length >= 2 && Array.from(b).length >= 2 ? `${a} ${b}` : a + b));
  const credit = unwrapped.split(/[\s\u3000]+/u).filter(Boolean).map(normalizeText).join(' ');
  return `${normalizeText(m[1])}（${credit}）`;
}

/** Reporters of the dateline, then those of the byline, each name once. */
function mergeReporters(first: Reporter[], then: Reporter[]): Reporter[] {
  const seen = new Set(first.map((r) => r.name));
  return [...first, ...then.filter((r) => !seen.has(r.name) && seen.add(r.name))];
}

/**
 * Normalize a caption: the text as a paragraph, its photo credit ("本报记者 张三 摄")
 * with single spaces between its parts, as bylines are printed.
 */
function normalizeCaption(text: string): string {
  const m = /^([\s\S]*?[。！？!?.”"）)])?([^。！？!?.”"）)]*)$/u.exec(text.trim());
  const body = m?.[1] ?? '';
  const credit = (m?.[2] ?? text).trim();
  const shot = /^([\s\S]*?)[\s\u3000]*摄$/u.exec(credit);
  // A credit is spaced as bylines are when it parses as one ("本报记者 张三 摄"), else its printed parts are kept apart
  // ("人民网 李洋 摄", "蒋民 摄"); "摄影王岩" is spaced after 摄影.
  const parts = (s: string) => s.trim().split(/[\s\u3000]+/u).filter(Boolean).map(normalizeText).join(' ');
  const who = shot ? parseByline(shot[1].replace(/\n/g, '')) : null;
  const photographer = /^摄影[:：]?[\s\u3000]*([\u4e00-\u9fff·、\s]{2,14})$/u.exec(credit);
  const creditText = who ? `${who.byline} 摄` : shot ? `${parts(shot[1])} 摄` : photographer ? `摄影 ${parts(photographer[1])}` : normalizeText(credit);
  return body ? `${normalizeParagraph(body)}${creditText}` : creditText;
}
