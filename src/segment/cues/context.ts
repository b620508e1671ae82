/**
 * What a boundary cue sees: a title-like block inside an open article, with
 * the blocks around it. Each cue in this folder reads one thing from it.
 */
import type { Block, LayoutStyle } from '../../types.ts';
import type { RawArticle } from '../segment-page.ts';

export interface BoundaryContext {
  /** All blocks of the page, in reading order. */
  blocks: readonly Block[];
  /** Index of the title-like block to decide on. */
  at: number;
  /** The article open so far (it has body text). */
  article: RawArticle;
  /** Typical width of a full column line in em. */
  columnWidth: number;
  style: LayoutStyle;
}

/** A cue: one named number read from the context, 0 when the cue is absent (most are 0 or 1). */
export type Cue = (ctx: BoundaryContext) => number;
