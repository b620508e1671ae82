/**
 * The boundary cues, by name. Each reads one thing about a title-like line
 * inside an open article; `boundary.ts` weighs them together.
 */
import type { Cue } from './context.ts';
import { unfinishedBefore } from './unfinished-before.ts';
import { datelineAfter } from './dateline-after.ts';
import { subheadAfter } from './subhead-after.ts';
import { titleAfter } from './title-after.ts';
import { longLine, numberInLine, quotedLine, shortLine } from './shape.ts';
import { leadAfter } from './lead-after.ts';
import { cohesion, headingCohesion } from './cohesion.ts';
import { headingsSoFar, runLength } from './article-so-far.ts';

export type { BoundaryContext, Cue } from './context.ts';

export const cues = {
  unfinishedBefore,
  datelineAfter,
  subheadAfter,
  titleAfter,
  longLine,
  shortLine,
  quotedLine,
  numberInLine,
  leadAfter,
  cohesion,
  headingCohesion,
  headingsSoFar,
  runLength,
} satisfies Record<string, Cue>;

export type CueName = keyof typeof cues;
