/**
 * rehype plugin: a paragraph that ends mid-sentence in the scan (the column
 * went on in another place of the paper, or was not scanned) is marked
 * `data-truncated`; it gets class `truncated` and a visible
 * `（未完）` marker with a title explaining it.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Text of the marker appended to a truncated paragraph. */
export const TRUNCATION_MARK = '（未完）';
/** Explanation shown as the marker's tooltip. */
export const TRUNCATION_TITLE = '此段在本版中断：原文转至他版继续或未扫描';

/** Replace `data-truncated` with a class and an appended marker. */
export function rehypeTruncationMarks() {
  return function (tree: Root): undefined {
    visit(tree, 'element', (node) => {
      if (node.properties.dataTruncated === undefined) return;
      delete node.properties.dataTruncated;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, 'truncated'];
      const mark: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['truncation-mark'], title: TRUNCATION_TITLE },
        children: [{ type: 'text', value: TRUNCATION_MARK }],
      };
      node.children.push(mark);
    });
  };
}
