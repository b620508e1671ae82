/**
 * Build the mdast tree of an article body from its paragraph strings.
 * Every string becomes a `text` node: OCR text is data, never Markdown.
 */
import type { Root, Paragraph, Text } from 'mdast';
import type { ArchiveArticle, ParagraphKind } from '../types.ts';
import { stripBidi } from './clean-text.ts';
import { correctionsOf, markedMdast } from './corrections.ts';

/** What the builder records on each body node for the plugins. */
export interface BodyData {
  kind?: ParagraphKind;
  hName?: string;
  hProperties?: Record<string, unknown>;
}

/** The fields of an article the body needs; `dateline` may be left out (none). */
export type ArticleBody = Pick<ArchiveArticle, 'paragraphs' | 'kinds' | 'truncated'> & Partial<Pick<ArchiveArticle, 'dateline' | 'corrections'>>;

/** A dateline that ends in a closing bracket runs straight into the text, as printed; one that does not gets a gap. */
const CLOSED = /[）)】\]」』]$/u;

/**
 * The dateline as a run-in `<span class="dateline">` (the way papers print
 * 本报讯（记者 张伟国） in bold at the start of the first paragraph).
 */
function datelineNode(dateline: string): Text {
  const className = CLOSED.test(dateline) ? ['dateline'] : ['dateline', 'dateline--gap'];
  return { type: 'text', value: stripBidi(dateline), data: { hName: 'span', hProperties: { className } } as Text['data'] };
}

/**
 * mdast root with one paragraph per body paragraph, carrying its kind and
 * `data-paragraph` (1-based) / `data-truncated` properties for the plugins.
 * Corrected characters are marked (`span.ocr-fix`, see `corrections.ts`).
 *
 * The dateline runs in at the start of the first paragraph that is not a
 * caption (where the paper prints it), when that paragraph is running text
 * or a list item; before a heading, or in an article without such a
 * paragraph, it stands in a paragraph of its own (class `dateline-only`, no id,
 * so paragraph ids stay the indexes of `paragraphs`).
 *
 * @param article Paragraphs, parallel kinds, truncated indexes (0-based), dateline, corrections.
 * @returns A tree for `processor.runSync`.
 */
export function articleToMdast(article: ArticleBody): Root {
  const truncated = new Set(article.truncated);
  const kindOf = (i: number): ParagraphKind => article.kinds[i] ?? 'text';
  const children: Paragraph[] = article.paragraphs.map((text, i) => {
    const hProperties: Record<string, unknown> = { dataParagraph: i + 1 };
    if (truncated.has(i)) hProperties.dataTruncated = '';
    const data: BodyData = { kind: kindOf(i), hProperties };
    return { type: 'paragraph', children: markedMdast(text, correctionsOf(article.corrections, 'paragraph', i)), data: data as Paragraph['data'] };
  });
  const dateline = article.dateline?.trim();
  if (dateline) {
    const at = article.paragraphs.findIndex((_, i) => kindOf(i) !== 'caption');
    const kind = at === -1 ? null : kindOf(at);
    if (kind === 'text' || kind === 'list-item') children[at].children.unshift(datelineNode(dateline));
    else {
      const data: BodyData = { kind: 'text', hProperties: { className: ['dateline-only'] } };
      children.splice(at === -1 ? children.length : at, 0, { type: 'paragraph', children: [datelineNode(dateline)], data: data as Paragraph['data'] });
    }
  }
  return { type: 'root', children };
}
