/**
 * Rendering entry points used by the site plugin.
 */
import type { Root as HastRoot } from 'hast';
import type { ArchiveArticle } from '../types.ts';
import { processor } from './processor.ts';
import { articleToMdast, type ArticleBody } from './article-tree.ts';
import { correctionsOf, markedHast } from './corrections.ts';
import { plainPiece } from './clean-text.ts';

/**
 * HTML of an article body: built as mdast from the paragraphs (never parsed),
 * then run through the processor's transformers and stringified.
 *
 * @param article Paragraphs, kinds and truncated indexes.
 * @returns HTML fragment: `<p id="p1">…</p>` …
 */
export function renderArticleBody(article: ArticleBody): string {
  const hast = processor.runSync(articleToMdast(article)) as HastRoot;
  return processor.stringify(hast);
}

/** The title fields of an article, by name. */
export type TitleField = 'kicker' | 'headline' | 'subhead';

/**
 * HTML of a title field (kicker, headline, subhead) with its corrected
 * characters marked, cleaned as `plainText` cleans it (one line, no
 * controls); every piece of OCR text is a text node, escaped on output.
 *
 * @param article The article (its field and its corrections).
 * @param field Which title field.
 * @returns HTML phrasing content; `（无标题）` for an untitled article's headline, "" for a missing kicker or subhead.
 */
export function renderTitleField(article: Pick<ArchiveArticle, TitleField | 'untitled'> & Partial<Pick<ArchiveArticle, 'corrections'>>, field: TitleField): string {
  const text = article[field] ?? '';
  const nodes = markedHast(text, correctionsOf(article.corrections, field), plainPiece);
  // Trim the line's ends, as plainText does (the pieces keep inner spaces).
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  const html = processor.stringify({ type: 'root', children: nodes });
  return html === '' && field === 'headline' ? '（无标题）' : html;
}

/**
 * HTML of a Markdown page (About): the whole processor, parse included.
 *
 * @param markdown Markdown source written by the site's authors.
 * @returns HTML fragment.
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
