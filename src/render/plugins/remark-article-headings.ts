/**
 * remark plugin: body paragraphs the parser marked as inner headings
 * (`data.kind === 'heading'`) become level-2 headings, so an article reads
 * `h1` headline › `h2` section heading › paragraphs.
 */
import type { Root, Heading, Paragraph } from 'mdast';
import type { BodyData } from '../article-tree.ts';

/** Turn `kind: 'heading'` paragraphs into `heading` (depth 2) nodes. */
export function remarkArticleHeadings() {
  return function (tree: Root): undefined {
    tree.children = tree.children.map((node) => {
      if (node.type !== 'paragraph' || (node.data as BodyData | undefined)?.kind !== 'heading') return node;
      const heading: Heading = { type: 'heading', depth: 2, children: (node as Paragraph).children, data: node.data };
      return heading;
    });
  };
}
