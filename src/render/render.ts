/**
 * Rendering entry points used by the site plugin.
 */
import type { Root as HastRoot } from 'hast';
import { processor } from './processor.ts';
import { articleToMdast, type ArticleBody } from './article-tree.ts';

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

/**
 * HTML of a Markdown page (About): the whole processor, parse included.
 *
 * @param markdown Markdown source written by the site's authors.
 * @returns HTML fragment.
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
