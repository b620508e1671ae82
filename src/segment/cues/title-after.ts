/**
 * Another short unpunctuated line follows: two title lines in a row are a
 * title block (kicker and headline, or headline and subhead); an inner
 * heading is one line followed by text.
 */
import type { Cue } from './context.ts';
import { looksLikeTitleText } from './shape.ts';

export const titleAfter: Cue = ({ blocks, at, columnWidth }) => {
  const next = blocks[at + 1];
  const after = blocks[at + 2];
  // A two-line title followed by body text; a last line of the page says nothing.
  return next && after && looksLikeTitleText(next, columnWidth) ? 1 : 0;
};
