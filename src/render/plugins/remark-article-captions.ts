/**
 * remark plugin: body paragraphs the parser marked as photo captions
 * (`data.kind === 'caption'`, 图为…… 本报记者 张三 摄) become
 * `<figure class="photo-caption"><figcaption>…</figcaption></figure>`. The
 * archive has no photos, so the figure holds only its caption, led by a
 * small visible label 图片说明 that tells it from running text.
 *
 * The paragraph's anchor (`data-paragraph`) moves to the figure; a
 * truncation flag stays on the figcaption, so its marker lands inside the caption.
 */
import type { Blockquote, Paragraph, Root, Text } from 'mdast';
import type { BodyData } from '../article-tree.ts';

/** Text of the label in front of every caption. */
export const CAPTION_LABEL = '图片说明';

/** Turn `kind: 'caption'` paragraphs into figures with a figcaption. */
export function remarkArticleCaptions() {
  return function (tree: Root): undefined {
    tree.children = tree.children.map((node) => {
      const data = node.data as BodyData | undefined;
      if (node.type !== 'paragraph' || data?.kind !== 'caption') return node;
      const { dataParagraph, ...rest } = data.hProperties ?? {};
      const label: Text = { type: 'text', value: CAPTION_LABEL, data: { hName: 'span', hProperties: { className: ['photo-caption__label'] } } as Text['data'] };
      const caption: Paragraph = { type: 'paragraph', children: [label, ...node.children], data: { hName: 'figcaption', hProperties: rest } as Paragraph['data'] };
      // Note: mdast has no figure node; a blockquote renamed through `hName` gives
      // one with the block's usual line breaks around its children.
      const figureProperties: Record<string, unknown> = { className: ['photo-caption'] };
      if (dataParagraph !== undefined) figureProperties.dataParagraph = dataParagraph;
      const figure: Blockquote = { type: 'blockquote', children: [caption], data: { hName: 'figure', hProperties: figureProperties } as Blockquote['data'] };
      return figure;
    });
  };
}
