/**
 * Corrected OCR characters, shown to the reader: every character the parser
 * changed (a look-alike misread, see `Correction`) is wrapped in
 * `<span class="ocr-fix" tabindex="0">`, with the scan's reading beside it in
 * a note that hover, keyboard focus or a tap reveals ("扫描原文：具").
 *
 * Everything here builds text nodes: OCR text (the field and both sides of a
 * correction) is data, never markup.
 */
import type { ElementContent, Element, Text as HastText } from 'hast';
import type { PhrasingContent, Text } from 'mdast';
import type { Correction } from '../types.ts';
import { plainPiece, stripBidi } from './clean-text.ts';
import { correctionPieces } from '../search/fields.ts';

/** Class of the corrected character. */
export const FIX_CLASS = 'ocr-fix';
/** Class of the note with the scan's reading. */
export const NOTE_CLASS = 'ocr-fix__note';
/** Words in front of the scan's reading in the note. */
export const NOTE_LABEL = '扫描原文：';

/** What the note says decided the correction. */
const EVIDENCE: Record<Correction['evidence'], string> = {
  dictionary: '据词频校正',
  page: '据本版他处写法校正',
};

/** A correction with its place in the article's list (for a stable id). */
export interface NumberedCorrection extends Correction {
  /** Index in `Article.corrections`, 0-based. */
  index: number;
}

/**
 * The corrections of one field, numbered by their place in the article's list.
 *
 * @param corrections The article's corrections (may be absent in old data).
 * @param field Which field.
 * @param paragraph Paragraph index, for `paragraph`.
 * @returns The field's corrections, in the order they were listed.
 */
export function correctionsOf(corrections: readonly Correction[] | undefined, field: Correction['field'], paragraph?: number): NumberedCorrection[] {
  return (corrections ?? []).flatMap((c, index) => (c.field === field && (field !== 'paragraph' || c.paragraph === paragraph) ? [{ ...c, index }] : []));
}

/**
 * Cut a field's text at its corrected characters (the search index cuts it
 * the same way, `correctionPieces`): a correction that does not fit the
 * text is left unmarked rather than marking the wrong character.
 *
 * @param text The field's corrected text.
 * @param fixes The field's corrections.
 * @returns Pieces in order; their texts joined give `text` back.
 */
function splitAtCorrections(text: string, fixes: readonly NumberedCorrection[]): Array<{ text: string; fix?: NumberedCorrection }> {
  return correctionPieces(text, fixes).map((p) => (p.correction ? { text: p.text, fix: p.correction as NumberedCorrection } : { text: p.text }));
}

/**
 * The marked character as hast: the corrected text, then the note (hidden
 * until hover, focus or tap; the page's stylesheet and `ocr-fix.js` show it),
 * which also describes the focused mark to screen readers.
 *
 * @param fix The correction.
 * @param shown The corrected text as shown (cleaned like the rest of the field).
 * @returns `<span class="ocr-fix" tabindex="0" aria-describedby="ocr-fix-N">县<span class="ocr-fix__note" …>扫描原文：具（…）</span></span>`.
 */
export function fixElement(fix: NumberedCorrection, shown: string): Element {
  const id = `ocr-fix-${fix.index + 1}`;
  const from = plainPiece(fix.from);
  const note: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: [NOTE_CLASS], id, role: 'tooltip' },
    children: [{ type: 'text', value: `${NOTE_LABEL}${from}（${EVIDENCE[fix.evidence] ?? '已校正'}）` }],
  };
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [FIX_CLASS], tabIndex: 0, ariaDescribedBy: [id], dataOriginal: from },
    children: [{ type: 'text', value: shown }, note],
  };
}

/**
 * A field's text as hast phrasing content with its corrections marked.
 *
 * @param text The field's corrected text.
 * @param fixes The field's corrections.
 * @param clean Cleans each plain piece for display (default: bidi controls removed).
 * @returns Text and `span.ocr-fix` nodes.
 */
export function markedHast(text: string, fixes: readonly NumberedCorrection[], clean: (s: string) => string = stripBidi): ElementContent[] {
  return splitAtCorrections(text, fixes).map((p): ElementContent => (p.fix ? fixElement(p.fix, clean(p.text)) : ({ type: 'text', value: clean(p.text) } satisfies HastText)));
}

/**
 * A field's text as mdast phrasing content with its corrections marked, for
 * the article body tree: plain pieces are `text` nodes, each corrected
 * character a `text` node that remark-rehype turns into the `span.ocr-fix`
 * (through `data.hName` / `hChildren`).
 *
 * @param text The paragraph's corrected text.
 * @param fixes The paragraph's corrections.
 * @returns Phrasing nodes; without corrections one `text` node, as before.
 */
export function markedMdast(text: string, fixes: readonly NumberedCorrection[]): PhrasingContent[] {
  return splitAtCorrections(text, fixes).map((p): Text => {
    if (!p.fix) return { type: 'text', value: stripBidi(p.text) };
    const el = fixElement(p.fix, stripBidi(p.text));
    return { type: 'text', value: stripBidi(p.text), data: { hName: el.tagName, hProperties: el.properties, hChildren: el.children } as Text['data'] };
  });
}
