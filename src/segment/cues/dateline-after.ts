/** A dateline (本报讯, 新华社…电) opens the next block: datelines open articles only. */
import { splitDateline } from '../dateline.ts';
import type { Cue } from './context.ts';

export const datelineAfter: Cue = ({ blocks, at }) => {
  const next = blocks[at + 1];
  return next && splitDateline(next.text) ? 1 : 0;
};
