/**
 * The normalization rules, in the order they run. Each takes and returns a
 * string; wrap spaces go first because the others look at neighbours.
 */
import { wrapSpaces } from './wrap-spaces.ts';
import { fullwidthPunctuation } from './fullwidth-punctuation.ts';
import { quotes } from './quotes.ts';
import { dashes } from './dashes.ts';

export type Rule = (text: string) => string;

export const rules: ReadonlyArray<readonly [name: string, rule: Rule]> = [
  ['wrap-spaces', wrapSpaces],
  ['fullwidth-punctuation', fullwidthPunctuation],
  ['quotes', quotes],
  ['dashes', dashes],
];
