/**
 * The text after the line opens like a news lead: with the date of the
 * event ("9月1日，", "26日，", "4月10日上午，") or the words reports open
 * with (日前, 近日, 昨天, 今天). The sections of a report go on from what came
 * before instead ("当天", which refers back, is not a lead).
 */
import type { Cue } from './context.ts';

const DATE_LEAD = /^[\s\u3000]*(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上下中]午|晚|早|夜|\d{1,2}时)?|日前|近日|近期|昨天|昨日|今天|今日)[,，.]?/u;

export const leadAfter: Cue = ({ blocks, at }) => {
  const next = blocks[at + 1];
  return next && DATE_LEAD.test(next.text) ? 1 : 0;
};
