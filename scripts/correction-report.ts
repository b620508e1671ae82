/**
 * How the look-alike corrector (src/correct/) does on answered pages: each
 * page is parsed with and without it (segmentation is the same both ways,
 * the corrector only swaps characters), the uncorrected bodies are aligned
 * with the answers, and every aligned pair is counted:
 * - a misread: the answer has X where the OCR has Y and Y→X is in the confusion set;
 *   fixed when the corrected text has X there, missed when not;
 * - a correct character changed: the OCR had it right and the corrector changed it.
 * Also lists pages whose body CER the corrector made worse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseScan } from '../src/parse/parse-page.ts';
import { toJsonOutput } from '../src/cli/parse-command.ts';
import { CONFUSIONS } from '../src/correct/confusions.ts';
// @ts-expect-error: the team's scorer is plain JavaScript
import { figures, scorePage } from './eval/score.mjs';

interface Gold { articles: Array<{ kicker: string | null; headline: string; subhead: string | null; paragraphs: string[] }> }

/** Chinese characters of a page's titles and bodies, in order (what the corrector may touch). */
function hanOf(articles: Gold['articles']): string[] {
  return Array.from(articles.flatMap((a) => [a.kicker ?? '', a.headline, a.subhead ?? '', ...a.paragraphs]).join('')).filter((c) => /\p{Script=Han}/u.test(c));
}

/** Pairs of aligned positions (i in a, j in b) where the two sequences match or one substitutes the other (Myers diff, then substitutions paired up). */
function align(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back: matches, and a deletion next to an insertion is a substitution.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  const ops: Array<'=' | '-' | '+'> = [];
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vv[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--, y--;
    }
    if (d > 0) ops.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  ops.reverse();
  let i = 0;
  let j = 0;
  for (let o = 0; o < ops.length; o++) {
    if (ops[o] === '=') pairs.push([i++, j++]);
    else if (ops[o] === '-' && ops[o + 1] === '+') {
      pairs.push([i++, j++]);
      o++;
    } else if (ops[o] === '+' && ops[o + 1] === '-') {
      pairs.push([i++, j++]);
      o++;
    } else if (ops[o] === '-') i++;
    else j++;
  }
  return pairs;
}

export interface CorrectionReport { misreads: number; fixed: number; missed: number; correct: number; changed: number; worse: string[] }

/** Count fixed, missed and wrongly changed characters over the answered pages of a corpus. */
export function correctionReport(corpus: string, stems: string[]): CorrectionReport {
  const r: CorrectionReport = { misreads: 0, fixed: 0, missed: 0, correct: 0, changed: 0, worse: [] };
  for (const stem of stems) {
    const bytes = fs.readFileSync(path.join(corpus, `${stem}.txt`));
    const gold = JSON.parse(fs.readFileSync(path.join(corpus, `${stem}.gold.json`), 'utf8'));
    const raw = parseScan(bytes, { correct: false });
    const fixed = parseScan(bytes);
    const u = hanOf(raw.articles);
    const k = hanOf(fixed.articles);
    const g = hanOf(gold.articles);
    if (u.length !== k.length) throw new Error(`${stem}: the corrector changed the text's length`);
    for (const [i, j] of align(u, g)) {
      if (u[i] === g[j]) {
        r.correct++;
        if (k[i] !== u[i]) r.changed++;
      } else if (CONFUSIONS.get(u[i])?.some(([c]) => c === g[j])) {
        r.misreads++;
        if (k[i] === g[j]) r.fixed++;
        else r.missed++;
      }
    }
    const cer = (page: typeof raw) => (figures(scorePage(gold, toJsonOutput(page))) as { body_cer: number }).body_cer;
    if (cer(fixed) > cer(raw) + 1e-9) r.worse.push(stem);
  }
  return r;
}

/** One line for the closing report of `npm run score`. */
export function formatReport(r: CorrectionReport): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(b > 1000 ? 3 : 1) : '0') + ' %';
  return (
    `look-alike misreads: ${r.misreads}, fixed ${r.fixed} (${pct(r.fixed, r.misreads)}), missed ${r.missed}; ` +
    `correct characters changed: ${r.changed} of ${r.correct} (${pct(r.changed, r.correct)}); ` +
    `pages with worse body CER: ${r.worse.length ? r.worse.join(', ') : 'none'}`
  );
}
