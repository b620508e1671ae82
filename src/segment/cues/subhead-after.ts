/** A dash-led short line follows (——副题): a headline takes a subhead, an inner heading does not. */
import { DASH_START } from '../../util/chars.ts';
import type { Cue } from './context.ts';

export const subheadAfter: Cue = ({ blocks, at }) => {
  const next = blocks[at + 1];
  if (!next || !DASH_START.test(next.text)) return 0;
  const rest = next.text.replace(DASH_START, '');
  return /[。，,；;]/u.test(rest.replace(/["“][^"“”]*["”]/gu, '')) || Array.from(rest).length > 40 ? 0 : 1;
};
