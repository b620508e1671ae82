/**
 * rehype plugin: every element carrying `data-paragraph="n"` (set by the
 * article tree builder, n 1-based) gets `id="pn"` instead, so readers can
 * cite and link a paragraph: `/jlrb/2023-02-01/3/1/#p4`.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Replace `data-paragraph` with a `p<n>` anchor id. */
export function rehypeParagraphIds() {
  return function (tree: Root): undefined {
    visit(tree, 'element', (node) => {
      const n = node.properties.dataParagraph;
      if (n === undefined || n === null) return;
      delete node.properties.dataParagraph;
      node.properties.id = `p${n}`;
    });
  };
}
