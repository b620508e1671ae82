/**
 * remark plugin: runs of body paragraphs the parser marked as list items
 * (`data.kind === 'list-item'`, printed with a leading "——") become one
 * tight unordered list with class `dash-list`. The dash stays in the text:
 * it is what the paper printed, the stylesheet only drops the bullet.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import type { BodyData } from '../article-tree.ts';

/** Group consecutive `kind: 'list-item'` paragraphs into `list` nodes. */
export function remarkArticleLists() {
  return function (tree: Root): undefined {
    const out: RootContent[] = [];
    let list: List | null = null;
    for (const node of tree.children) {
      if (node.type !== 'paragraph' || (node.data as BodyData | undefined)?.kind !== 'list-item') {
        list = null;
        out.push(node);
        continue;
      }
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [], data: { hProperties: { className: ['dash-list'] } } };
        out.push(list);
      }
      // Note: a tight list item unwraps its paragraph, so the paragraph's
      // data (id, truncation flag) moves to the item.
      const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: node.children }], data: node.data };
      list.children.push(item);
    }
    tree.children = out;
  };
}
