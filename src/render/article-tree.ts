/**
 * Build the mdast tree of an article body from its paragraph strings.
 * Every string becomes a `text` node: OCR text is data, never Markdown.
 */
import type { Root, Paragraph } from 'mdast';
import type { ArchiveArticle, ParagraphKind } from '../types.ts';
import { stripBidi } from './clean-text.ts';

/** What the builder records on each body node for the plugins. */
export interface BodyData {
  kind?: ParagraphKind;
  hProperties?: Record<string, unknown>;
}

/** The fields of an article the body needs. */
export type ArticleBody = Pick<ArchiveArticle, 'paragraphs' | 'kinds' | 'truncated'>;

/**
 * mdast root with one paragraph per body paragraph, carrying its kind and
 * `data-paragraph` (1-based) / `data-truncated` properties for the plugins.
 *
 * @param article Paragraphs, parallel kinds, truncated indexes (0-based).
 * @returns A tree for `processor.runSync`.
 */
export function articleToMdast(article: ArticleBody): Root {
  const truncated = new Set(article.truncated);
  const children: Paragraph[] = article.paragraphs.map((text, i) => {
    const hProperties: Record<string, unknown> = { dataParagraph: i + 1 };
    if (truncated.has(i)) hProperties.dataTruncated = '';
    const data: BodyData = { kind: article.kinds[i] ?? 'text', hProperties };
    return { type: 'paragraph', children: [{ type: 'text', value: stripBidi(text) }], data: data as Paragraph['data'] };
  });
  return { type: 'root', children };
}
