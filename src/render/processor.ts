/**
 * The one Markdown/HTML pipeline of the site, frozen once and reused:
 * Markdown pages go through all of it (`renderMarkdown`), article bodies are
 * built as mdast from OCR text and only run and stringified (`renderArticleBody`),
 * so OCR text is never parsed as Markdown.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkArticleHeadings } from './plugins/remark-article-headings.ts';
import { remarkArticleLists } from './plugins/remark-article-lists.ts';
import { remarkArticleCaptions } from './plugins/remark-article-captions.ts';
import { rehypeParagraphIds } from './plugins/rehype-paragraph-ids.ts';
import { rehypeTruncationMarks } from './plugins/rehype-truncation-marks.ts';

/**
 * remark-parse → article headings → article lists → article captions → remark-rehype →
 * paragraph ids → truncation marks → rehype-stringify.
 *
 * Note: raw HTML in Markdown is dropped (remark-rehype's default), so even a
 * Markdown page cannot inject markup.
 */
export const processor = unified()
  .use(remarkParse)
  .use(remarkArticleHeadings)
  .use(remarkArticleLists)
  .use(remarkArticleCaptions)
  .use(remarkRehype)
  .use(rehypeParagraphIds)
  .use(rehypeTruncationMarks)
  .use(rehypeStringify)
  .freeze();
