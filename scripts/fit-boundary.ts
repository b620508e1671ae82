/**
 * Fit the weights of the boundary cues (src/segment/boundary.ts) by logistic
 * regression on the answered dev pages, leaving each part out in turn.
 *
 * For every title-like line inside an open article the parser meets, the
 * answer says whether it starts an article (it is a kicker, headline or
 * subhead there) or is an inner heading (a paragraph there). Each fold fits
 * on two parts and reports, on the part held out, how many decisions are
 * right and the scorer's figures with those weights; the last fit uses every
 * page and prints the weights to paste into `WEIGHTS`.
 *
 * Usage: npm run fit:boundary [-- CORPUS_DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseScan } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { WEIGHTS, type BoundaryWeights } from '../src/segment/boundary.ts';
import { cues, type CueName } from '../src/segment/cues/index.ts';
import { DEV_PARTS } from './dev-parts.ts';
// @ts-expect-error: the team's scorer is plain JavaScript
import { figures, scorePage } from './eval/score.mjs';

const corpus = process.argv[2] ?? (fs.existsSync('../shared/corpus/dev') ? '../shared/corpus/dev' : 'src/parse/fixtures');
const names = Object.keys(cues) as CueName[];
const canon = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s"'“”‘’—―–‐\-]+/gu, '').replace(/[,，.。:：;；!！?？、()（）]/gu, '');

interface Sample { stem: string; x: number[]; y: 0 | 1 }

interface Gold { articles: Array<{ kicker: string | null; headline: string; subhead: string | null; paragraphs: string[] }> }

function loadGold(stem: string): Gold {
  return JSON.parse(fs.readFileSync(path.join(corpus, `${stem}.gold.json`), 'utf8'));
}

/** The decisions the parser meets on a page, labelled by the answer where it says. */
function samples(stem: string, weights: BoundaryWeights): Sample[] {
  const gold = loadGold(stem);
  const titles = gold.articles.map((a) => canon([a.kicker, a.headline, a.subhead].join('')));
  const paragraphs = new Set(gold.articles.flatMap((a) => a.paragraphs.map(canon)));
  const out: Sample[] = [];
  parseScan(fs.readFileSync(path.join(corpus, `${stem}.txt`)), {
    weights,
    onDecision: ({ text, features }) => {
      const c = canon(text);
      if (!c) return;
      const y = titles.some((t) => t.includes(c)) ? 1 : paragraphs.has(c) ? 0 : null;
      if (y !== null) out.push({ stem, x: names.map((n) => features[n]), y });
    },
  });
  return out;
}

/** L2-regularised logistic regression by gradient descent. */
function fit(data: Sample[], lambda = 0.05, steps = 4000, rate = 0.5): BoundaryWeights {
  let w = new Array(names.length).fill(0);
  let b = 0;
  for (let s = 0; s < steps; s++) {
    const gw = new Array(names.length).fill(0);
    let gb = 0;
    for (const d of data) {
      const z = b + d.x.reduce((acc, x, k) => acc + x * w[k], 0);
      const p = 1 / (1 + Math.exp(-z));
      const e = p - d.y;
      gb += e;
      d.x.forEach((x, k) => (gw[k] += e * x));
    }
    b -= (rate * gb) / data.length;
    w = w.map((wk, k) => wk - rate * (gw[k] / data.length + lambda * wk));
  }
  const out = { bias: round(b) } as BoundaryWeights;
  names.forEach((n, k) => (out[n] = round(w[k])));
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

function accuracy(data: Sample[], w: BoundaryWeights): number {
  const right = data.filter((d) => (w.bias + d.x.reduce((acc, x, k) => acc + x * w[names[k]], 0) > 0 ? 1 : 0) === d.y).length;
  return data.length ? right / data.length : 1;
}

/** The scorer's overall figures on some pages, parsed with the given weights. */
function score(stems: string[], weights: BoundaryWeights): Record<string, number> {
  let total: Record<string, number> | null = null;
  for (const stem of stems) {
    const pred = toJsonOutput(parseScan(fs.readFileSync(path.join(corpus, `${stem}.txt`)), { weights }));
    const r = scorePage(loadGold(stem), pred) as Record<string, unknown>;
    total ??= {};
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  }
  const f = figures(total, stems.length) as Record<string, number>;
  const pick = ['boundary_f1', 'title_exact', 'byline_exact', 'dateline_exact', 'furniture_leak', 'body_cer', 'paragraph_f1', 'punct_fidelity'];
  return Object.fromEntries(pick.map((k) => [k, round4(f[k])]));
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Fit twice: the second time on the decisions the first weights lead to. */
function fitOn(stems: string[]): BoundaryWeights {
  let w = WEIGHTS;
  for (let round = 0; round < 2; round++) w = fit(stems.flatMap((s) => samples(s, w)));
  return w;
}

const parts = Object.keys(DEV_PARTS);
// The weights in use (set by hand), on each part: the baseline the fitted weights are compared with.
for (const part of parts) {
  const data = DEV_PARTS[part].flatMap((s) => samples(s, WEIGHTS));
  console.log(JSON.stringify({ weights: 'in use', part, decisions: data.length, decision_accuracy: round4(accuracy(data, WEIGHTS)), ...score(DEV_PARTS[part], WEIGHTS) }));
}
for (const held of parts) {
  const train = parts.filter((p) => p !== held).flatMap((p) => DEV_PARTS[p]);
  const test = DEV_PARTS[held];
  const w = fitOn(train);
  const heldSamples = test.flatMap((s) => samples(s, w));
  console.log(JSON.stringify({ held_out: held, decisions: heldSamples.length, decision_accuracy: round4(accuracy(heldSamples, w)), ...score(test, w), weights: w }));
}
const all = parts.flatMap((p) => DEV_PARTS[p]);
const w = fitOn(all);
console.log(JSON.stringify({ fitted_on: 'all', decision_accuracy: round4(accuracy(all.flatMap((s) => samples(s, w)), w)), ...score(all, w) }));
console.log(`export const WEIGHTS: BoundaryWeights = ${JSON.stringify(w, null, 2).replace(/"(\w+)":/g, '$1:')};`);
