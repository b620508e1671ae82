/**
 * Read an hOCR file (what Tesseract writes with `tesseract page.png page hocr`)
 * into a `PageLayout`: the first `ocr_page`'s bbox and its lines
 * (`ocr_line`, `ocrx_line`, `ocr_header`, `ocr_caption`, `ocr_textfloat`) in
 * document order, each `ocr_par` (else `ocr_carea`) a block. Parsed with
 * htmlparser2; only text nodes are read, entities decoded, nothing evaluated.
 */
import { Parser } from 'htmlparser2';
import type { Box, LayoutLine, PageLayout } from '../types.ts';
import { LayoutError } from './layout-error.ts';

const LINE_CLASSES = new Set(['ocr_line', 'ocrx_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat']);

/**
 * The bbox of an hOCR `title` ("bbox 10 20 110 44; baseline 0 -5; x_wconf 95"), as a `Box`.
 * The title is a list of `;`-separated properties, each a name and its values.
 */
export function bboxOf(title: string | undefined): Box | null {
  for (const prop of (title ?? '').split(';')) {
    const [name, ...values] = prop.trim().split(/\s+/);
    if (name !== 'bbox') continue;
    const [x0, y0, x1, y1] = values.map(Number);
    if (![x0, y0, x1, y1].every(Number.isFinite) || x1 < x0 || y1 < y0) return null;
    return [x0, y0, x1 - x0, y1 - y0];
  }
  return null;
}

/**
 * Parse hOCR.
 *
 * @throws LayoutError when the file has no `ocr_page` with a bbox.
 */
export function readHocr(html: string): PageLayout {
  let page = null as Box | null;
  let pages = 0;
  const lines: LayoutLine[] = [];
  let block = -1;
  let freshArea = false;
  // Open elements: whether each opened a line, so its close ends it.
  const stack: boolean[] = [];
  let line = null as { text: string; box: Box | null } | null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const classes = (attribs.class ?? '').split(/\s+/);
        if (classes.includes('ocr_page')) {
          pages++;
          if (pages === 1) page = bboxOf(attribs.title);
        }
        // A block is a paragraph; a text area's first paragraph is the block the area opened.
        if (classes.includes('ocr_carea')) {
          block++;
          freshArea = true;
        } else if (classes.includes('ocr_par')) {
          if (!freshArea) block++;
          freshArea = false;
        }
        const opens = line === null && pages === 1 && classes.some((c) => LINE_CLASSES.has(c));
        if (opens) line = { text: '', box: bboxOf(attribs.title) };
        stack.push(opens);
        // Word boundaries: the words of a line are elements of their own.
        if (line && !opens && classes.includes('ocrx_word') && line.text && !/\s$/.test(line.text)) line.text += ' ';
      },
      ontext(text) {
        if (line) line.text += text;
      },
      onclosetag() {
        if (stack.pop() && line) {
          const text = line.text.replace(/\s+/gu, ' ').trim();
          if (text && line.box) lines.push({ text, box: line.box, block: Math.max(block, 0) });
          line = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  if (!page) throw new LayoutError(pages ? 'hOCR ocr_page without a bbox in its title' : 'not an hOCR file (no element of class ocr_page)');
  const [, , width, height] = page;
  if (!(width > 0 && height > 0)) throw new LayoutError('hOCR ocr_page with an empty bbox');
  return { width, height, lines };
}
