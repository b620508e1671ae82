/**
 * The hardest call on a page: is a short unpunctuated line after body text
 * the headline of a new article, or a section heading of the same one?
 * Every cue in `cues/` gives a number; a weighted sum decides. The weights
 * are fitted by logistic regression on the answered dev pages
 * (`npm run fit:boundary`, which also reports them on held-out parts).
 */
import { cues, type BoundaryContext, type CueName } from './cues/index.ts';

export type BoundaryWeights = Record<CueName | 'bias', number>;

/**
 * Set by hand from what each cue says about Chinese news pages, then
 * checked against the fitted weights (`npm run fit:boundary`), which are
 * too few decisions (about 40 on the dev pages) to trust alone.
 */
export const WEIGHTS: BoundaryWeights = {
  bias: -0.5,
  unfinishedBefore: 1,
  datelineAfter: 4,
  subheadAfter: 4,
  titleAfter: 4,
  longLine: 2,
  shortLine: -3,
  quotedLine: -1,
  numberInLine: 1,
  leadAfter: 1.5,
  cohesion: -4,
  headingCohesion: -1,
  headingsSoFar: -2.5,
  runLength: 1,
};

/** Every cue's value for one decision. */
export function boundaryFeatures(ctx: BoundaryContext): Record<CueName, number> {
  const out = {} as Record<CueName, number>;
  for (const name of Object.keys(cues) as CueName[]) out[name] = cues[name](ctx);
  return out;
}

/** Weighted sum of the cues; above 0 means a new article starts. */
export function boundaryScore(features: Record<CueName, number>, weights: BoundaryWeights = WEIGHTS): number {
  let s = weights.bias;
  for (const name of Object.keys(features) as CueName[]) s += (weights[name] ?? 0) * features[name];
  return s;
}
