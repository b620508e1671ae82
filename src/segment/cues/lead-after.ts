/**
 * The text after the line opens like a news lead: with the date of the
 * event ("9月1日，", "26日，", "4月10日上午，"). Reports open so; the
 * sections of a report go on from what came before.
 */
import type { Cue } from './context.ts';

const DATE_LEAD = /^[\s\u3000]*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上下中]午|晚|早|夜|\d{1,2}时)?[,，]?/u;

export const leadAfter: Cue = ({ blocks, at }) => {
  const next = blocks[at + 1];
  return next && DATE_LEAD.test(next.text) ? 1 : 0;
};
