#!/usr/bin/env node
// Copied from shared/eval/score.mjs (the team's parser scorer) so tests run without ../shared.
// score.mjs — score predicted article splits of OCR pages against gold.
//
// Usage: node score.mjs GOLD_DIR PRED_DIR [--min key=value ...] [--max key=value ...] [--quiet]
//
// GOLD_DIR holds <stem>.gold.json; PRED_DIR holds <stem>.json in the same format (extra fields are
// ignored; kicker/subhead/byline/dateline/truncated/captions/furniture may be missing). If PRED_DIR
// has no <stem>.json but has <stem>.gold.json, that file is used (so `score.mjs D D` scores gold
// against itself).
// A missing or unreadable prediction counts as a page with no articles.
//
// Canonical form used for every comparison except punctuation fidelity:
//   NFKC, all whitespace removed, quote characters -> '"', runs of dashes (—―–‐-…) -> '-'.
//
// Figures (per page and overall; overall ones are micro-averaged over articles/characters):
//   article_count_exact  share of pages whose predicted article count equals gold's
//   boundary_f1          article found = aligned pair with title-block and body similarity >= 0.8
//                        (similarity = 1 - Levenshtein / longer length); P = found/pred, R = found/gold
//   title_exact          canonical kicker+headline+subhead equal (unaligned gold article = wrong)
//   headline_exact       canonical headline equal
//   byline_exact         canonical byline equal; null/empty vs null/empty counts as correct
//   body_cer             Levenshtein(canonical gold body, canonical pred body) / gold body length,
//                        body = paragraphs concatenated; unaligned gold adds its length,
//                        unaligned pred adds its length
//   paragraph_f1         paragraph boundaries inside aligned bodies, mapped through the character
//                        alignment; unaligned articles' boundaries count as misses / false alarms
//   punct_fidelity       share of gold full-width punctuation characters (title block + body) that
//                        the prediction has, as the same character, at the aligned place
//                        (whitespace dropped, nothing else normalized)
//   dateline_exact       over aligned pairs where gold or prediction has a dateline (article field
//                        `dateline`), share whose canonical datelines are equal; 1 when there is none
//   furniture_leak       share of gold page furniture lines (page field `furniture`) whose canonical
//                        text occurs inside the predicted articles' fields (kicker, headline, subhead,
//                        byline, dateline, paragraphs; each article's fields joined in that order),
//                        counted only beyond the number of times it occurs inside the gold articles
//                        (so a line quoted in an article is no leak by itself); lower is better,
//                        0 when the page has no furniture
// The body (body_cer, paragraph_f1, punct_fidelity, the found test) is the paragraphs only, never
// the dateline, on both sides: a dateline left inside paragraph 1 costs body CER. Captions are
// ordinary paragraphs here. An answer page none of whose articles has a `dateline` field (the
// version-1 answers, which keep a dateline inside paragraph 1) scores a predicted `dateline` as the
// start of the predicted paragraph 1, and has no dateline pairs; predictions without `dateline`
// score exactly as before on such pages.
// Alignment: greedy, best title-block similarity first (ties: body similarity); a pair is allowed
// when title similarity >= 0.5 or body bigram similarity >= 0.5.
// Exit status: 0, or 1 when a --min/--max check fails, 2 on usage errors.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- text helpers
const QUOTES = /["'“”‘’„‟‚‛＂＇«»‹›〝〞〟`´]/g;
const DASHES = /[—―–‐‑‒−﹘﹣－-]+/g;
export function canon(s) {
  if (s === null || s === undefined) return '';
  return String(s).normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/gu, '').replace(QUOTES, '"').replace(DASHES, '-');
}
const stripWs = (s) => (s ?? '').replace(/[\s\u200b-\u200d\ufeff]+/gu, '');
const cps = (s) => Array.from(s);
// full-width / CJK punctuation whose exact reproduction is measured
const FW_PUNCT = /[\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

function levenshtein(a, b) {
  const n = a.length;
  const m = b.length;
  if (!n) return m;
  if (!m) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}
const similarity = (a, b) => (!a.length && !b.length ? 1 : 1 - levenshtein(a, b) / Math.max(a.length, b.length));

// Full alignment with backtrace. Returns the distance and the path as a list of [i, j, op]
// where op is 'M' (match), 'S' (substitution), 'D' (gold char deleted), 'I' (pred char inserted).
function alignPath(a, b) {
  const n = a.length;
  const m = b.length;
  const W = m + 1;
  const D = (n + 1) * W < 2 ** 31 && Math.max(n, m) < 65535 ? new Uint16Array((n + 1) * W) : new Uint32Array((n + 1) * W);
  for (let j = 0; j <= m; j++) D[j] = j;
  for (let i = 1; i <= n; i++) {
    const row = i * W;
    const prow = row - W;
    D[row] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = D[prow + j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = D[prow + j] + 1;
      const ins = D[row + j - 1] + 1;
      D[row + j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
  }
  const steps = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const v = D[i * W + j];
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && v === D[(i - 1) * W + j - 1]) { steps.push([i - 1, j - 1, 'M']); i--; j--; }
    else if (i > 0 && j > 0 && v === D[(i - 1) * W + j - 1] + 1) { steps.push([i - 1, j - 1, 'S']); i--; j--; }
    else if (i > 0 && v === D[(i - 1) * W + j] + 1) { steps.push([i - 1, j, 'D']); i--; }
    else { steps.push([i, j - 1, 'I']); j--; }
  }
  steps.reverse();
  return { dist: D[n * W + m], steps };
}

function bigramDice(a, b) {
  if (a.length < 2 || b.length < 2) return a.join('') === b.join('') ? 1 : 0;
  const count = new Map();
  for (let i = 0; i + 1 < a.length; i++) { const k = a[i] + a[i + 1]; count.set(k, (count.get(k) ?? 0) + 1); }
  let inter = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const k = b[i] + b[i + 1];
    const c = count.get(k);
    if (c) { inter++; count.set(k, c - 1); }
  }
  return (2 * inter) / (a.length - 1 + b.length - 1);
}

// ---------------------------------------------------------------- article views
function view(art) {
  const paras = Array.isArray(art?.paragraphs) ? art.paragraphs.map((p) => String(p ?? '')) : [];
  const titleRaw = [art?.kicker, art?.headline, art?.subhead].filter((x) => x).join('');
  const title = cps(canon(titleRaw));
  const bodyParts = paras.map((p) => cps(canon(p)));
  const body = bodyParts.flat();
  const bounds = [];
  let off = 0;
  for (let k = 0; k < bodyParts.length - 1; k++) {
    off += bodyParts[k].length;
    if (off > 0 && off < body.length && bounds[bounds.length - 1] !== off) bounds.push(off);
  }
  return {
    title, titleStr: title.join(''),
    headline: canon(art?.headline), byline: canon(art?.byline), dateline: canon(art?.dateline),
    body, bounds,
    rawTitle: cps(stripWs(titleRaw)), rawBody: cps(stripWs(paras.join(''))),
    allText: [art?.kicker, art?.headline, art?.subhead, art?.byline, art?.dateline, ...paras].map(canon).join(''),
  };
}

// non-overlapping occurrences of needle in hay
function occurrences(hay, needle) {
  if (!needle) return 0;
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}
// Gold furniture lines found inside predicted articles, beyond their occurrences in gold articles.
function furnitureLeak(furniture, G, P) {
  const want = new Map();
  for (const line of Array.isArray(furniture) ? furniture : []) {
    const c = canon(line);
    if (c) want.set(c, (want.get(c) ?? 0) + 1);
  }
  let lines = 0;
  let leaked = 0;
  for (const [c, k] of want) {
    lines += k;
    const inGold = G.reduce((n, g) => n + occurrences(g.allText, c), 0);
    const inPred = P.reduce((n, p) => n + occurrences(p.allText, c), 0);
    leaked += Math.min(k, Math.max(0, inPred - inGold));
  }
  return { lines, leaked };
}

function punctCount(raw) { let n = 0; for (const c of raw) if (FW_PUNCT.test(c)) n++; return n; }
function punctKept(gRaw, pRaw) {
  const total = punctCount(gRaw);
  if (!total || !pRaw.length) return { total, kept: 0 };
  const { steps } = alignPath(gRaw, pRaw);
  let kept = 0;
  for (const [i, , op] of steps) if (op === 'M' && FW_PUNCT.test(gRaw[i])) kept++;
  return { total, kept };
}

// Map predicted paragraph boundaries into gold coordinates and count matches.
function boundaryMatch(g, p) {
  if (!g.bounds.length || !p.bounds.length) return 0;
  const { steps } = alignPath(g.body, p.body);
  // for each pred position j (boundary before pred[j]) the range of gold positions on the path
  const lo = new Int32Array(p.body.length + 1).fill(-1);
  const hi = new Int32Array(p.body.length + 1).fill(-1);
  const note = (i, j) => { if (lo[j] < 0 || i < lo[j]) lo[j] = i; if (i > hi[j]) hi[j] = i; };
  for (const [i, j, op] of steps) {
    note(i, j);
    if (op === 'M' || op === 'S') note(i + 1, j + 1);
    else if (op === 'D') note(i + 1, j);
    else note(i, j + 1);
  }
  const used = new Set();
  let tp = 0;
  for (const gb of g.bounds) {
    for (const pb of p.bounds) {
      if (!used.has(pb) && lo[pb] <= gb && gb <= hi[pb]) { used.add(pb); tp++; break; }
    }
  }
  return tp;
}

// ---------------------------------------------------------------- page scoring
// An answer page that does not annotate datelines (no article has a `dateline` field: the
// version-1 answers) keeps a dateline inside paragraph 1, so a predicted dateline is scored there.
function inlineDateline(a) {
  const d = a?.dateline;
  if (d === null || d === undefined || !canon(d)) return a;
  const paras = Array.isArray(a.paragraphs) ? a.paragraphs.map((p) => String(p ?? '')) : [];
  return { ...a, dateline: null, paragraphs: [String(d) + (paras[0] ?? ''), ...paras.slice(1)] };
}
function scorePage(goldDoc, predDoc) {
  const G = (goldDoc.articles ?? []).map(view);
  const annotated = (goldDoc.articles ?? []).some((a) => a && typeof a === 'object' && 'dateline' in a);
  const Pa0 = Array.isArray(predDoc) ? predDoc : (predDoc?.articles ?? []);
  const Pa = annotated ? Pa0 : Pa0.map(inlineDateline);
  const P = Pa.map(view);
  const cands = [];
  G.forEach((g, gi) => P.forEach((p, pj) => {
    const ts = similarity(g.title, p.title);
    const bs = bigramDice(g.body, p.body);
    if (ts >= 0.5 || bs >= 0.5) cands.push({ gi, pj, ts, bs });
  }));
  cands.sort((x, y) => y.ts - x.ts || y.bs - x.bs || x.gi - y.gi || x.pj - y.pj);
  const gUsed = new Map();
  const pUsed = new Set();
  for (const c of cands) {
    if (gUsed.has(c.gi) || pUsed.has(c.pj)) continue;
    gUsed.set(c.gi, c);
    pUsed.add(c.pj);
  }
  const fl = furnitureLeak(goldDoc.furniture, G, P);
  const r = {
    gold: G.length, pred: P.length, countExact: G.length === P.length ? 1 : 0,
    found: 0, titleExact: 0, headlineExact: 0, bylineExact: 0,
    bodyErr: 0, bodyLen: 0, parTp: 0, parGold: 0, parPred: 0, punctTotal: 0, punctKept: 0,
    dateTotal: 0, dateExact: 0, furnLines: fl.lines, furnLeaked: fl.leaked,
  };
  G.forEach((g, gi) => {
    r.bodyLen += g.body.length;
    r.parGold += g.bounds.length;
    const c = gUsed.get(gi);
    const pt = punctCount(g.rawTitle) + punctCount(g.rawBody);
    if (!c) { r.bodyErr += g.body.length; r.punctTotal += pt; return; }
    const p = P[c.pj];
    const dist = levenshtein(g.body, p.body);
    r.bodyErr += dist;
    const bodySim = !g.body.length && !p.body.length ? 1 : 1 - dist / Math.max(g.body.length, p.body.length);
    if (c.ts >= 0.8 && bodySim >= 0.8) r.found++;
    if (g.titleStr === p.titleStr) r.titleExact++;
    if (g.headline === p.headline) r.headlineExact++;
    if (g.byline === p.byline) r.bylineExact++;
    if (g.dateline || p.dateline) { r.dateTotal++; if (g.dateline === p.dateline) r.dateExact++; }
    r.parTp += boundaryMatch(g, p);
    const a = punctKept(g.rawTitle, p.rawTitle);
    const b = punctKept(g.rawBody, p.rawBody);
    r.punctTotal += a.total + b.total;
    r.punctKept += a.kept + b.kept;
  });
  P.forEach((p, pj) => {
    r.parPred += p.bounds.length;
    if (!pUsed.has(pj)) r.bodyErr += p.body.length;
  });
  return r;
}

const f1 = (tp, np, ng) => {
  const prec = np ? tp / np : (ng ? 0 : 1);
  const rec = ng ? tp / ng : (np ? 0 : 1);
  return { prec, rec, f1: prec + rec ? (2 * prec * rec) / (prec + rec) : 0 };
};
function figures(r, pages = 1) {
  const b = f1(r.found, r.pred, r.gold);
  const pf = f1(r.parTp, r.parPred, r.parGold);
  const div = (x, y) => (y ? x / y : 1);
  return {
    article_count_exact: r.countExact / pages,
    boundary_precision: b.prec, boundary_recall: b.rec, boundary_f1: b.f1,
    title_exact: div(r.titleExact, r.gold), headline_exact: div(r.headlineExact, r.gold),
    byline_exact: div(r.bylineExact, r.gold),
    body_cer: r.bodyLen ? r.bodyErr / r.bodyLen : (r.bodyErr ? 1 : 0),
    paragraph_f1: pf.f1, punct_fidelity: div(r.punctKept, r.punctTotal),
    dateline_exact: div(r.dateExact, r.dateTotal),
    furniture_leak: r.furnLines ? r.furnLeaked / r.furnLines : 0,
  };
}
export { scorePage, figures };

// ---------------------------------------------------------------- CLI
function readJson(file) {
  let t = fs.readFileSync(file, 'utf-8');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return JSON.parse(t);
}
function main() {
  const argv = process.argv.slice(2);
  const pos = [];
  const checks = [];
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--min' || a === '--max') {
      const m = /^([a-z_0-9]+)=([0-9.eE+-]+)$/.exec(argv[++i] ?? '');
      if (!m) { console.error(`bad ${a} argument: ${argv[i]}`); process.exit(2); }
      checks.push({ kind: a.slice(2), key: m[1], value: Number(m[2]) });
    } else if (a.startsWith('--min=') || a.startsWith('--max=')) {
      argv.splice(i + 1, 0, a.slice(6)); argv[i] = a.slice(0, 5);
      i--;
    } else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '-h' || a === '--help') { console.log('usage: score.mjs GOLD_DIR PRED_DIR [--min key=value] [--max key=value] [--quiet]'); process.exit(0); }
    else pos.push(a);
  }
  if (pos.length !== 2) { console.error('usage: score.mjs GOLD_DIR PRED_DIR [--min key=value] [--max key=value] [--quiet]'); process.exit(2); }
  const [goldDir, predDir] = pos;
  const stems = fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  if (!stems.length) { console.error(`no *.gold.json in ${goldDir}`); process.exit(2); }
  const total = { gold: 0, pred: 0, countExact: 0, found: 0, titleExact: 0, headlineExact: 0, bylineExact: 0,
    bodyErr: 0, bodyLen: 0, parTp: 0, parGold: 0, parPred: 0, punctTotal: 0, punctKept: 0,
    dateTotal: 0, dateExact: 0, furnLines: 0, furnLeaked: 0 };
  const missing = [];
  const rows = [];
  for (const stem of stems) {
    const gold = readJson(path.join(goldDir, stem + '.gold.json'));
    let pred = { articles: [] };
    const cand = [path.join(predDir, stem + '.json'), path.join(predDir, stem + '.gold.json')].find((f) => fs.existsSync(f));
    if (!cand) missing.push(stem);
    else {
      try { pred = readJson(cand); } catch (e) { console.error(`unreadable prediction ${cand}: ${e.message}`); missing.push(stem); }
    }
    const r = scorePage(gold, pred);
    for (const k of Object.keys(total)) total[k] += r[k];
    rows.push([stem, r, figures(r)]);
  }
  const overall = figures(total, stems.length);
  const fmt = (x) => x.toFixed(3);
  const head = ['page', 'gold', 'pred', 'cnt', 'bF1', 'title', 'head', 'bylin', 'cer', 'parF1', 'punct', 'dateX', 'furnL'];
  const w = Math.max(12, ...stems.map((s) => s.length));
  const line = (cells) => cells.map((c, k) => (k === 0 ? String(c).padEnd(w) : String(c).padStart(k < 3 ? 4 : 6))).join(' ');
  if (!quiet) {
    console.log(line(head));
    for (const [stem, r, f] of rows) {
      console.log(line([stem, r.gold, r.pred, r.countExact ? 'yes' : 'no', fmt(f.boundary_f1), fmt(f.title_exact),
        fmt(f.headline_exact), fmt(f.byline_exact), fmt(f.body_cer), fmt(f.paragraph_f1), fmt(f.punct_fidelity),
        fmt(f.dateline_exact), fmt(f.furniture_leak)]));
    }
    console.log(line(['OVERALL', total.gold, total.pred, fmt(overall.article_count_exact), fmt(overall.boundary_f1),
      fmt(overall.title_exact), fmt(overall.headline_exact), fmt(overall.byline_exact), fmt(overall.body_cer),
      fmt(overall.paragraph_f1), fmt(overall.punct_fidelity), fmt(overall.dateline_exact), fmt(overall.furniture_leak)]));
    if (missing.length) console.log(`missing predictions: ${missing.join(' ')}`);
  }
  const summary = { pages: stems.length, gold_articles: total.gold, pred_articles: total.pred, missing_pred: missing.length };
  for (const [k, v] of Object.entries(overall)) summary[k] = Math.round(v * 1e4) / 1e4;
  let fail = false;
  for (const c of checks) {
    if (!(c.key in overall)) { console.error(`unknown figure ${c.key}; known: ${Object.keys(overall).join(', ')}`); process.exit(2); }
    const v = overall[c.key];
    const ok = c.kind === 'min' ? v >= c.value : v <= c.value;
    if (!ok) { fail = true; console.error(`CHECK FAILED: ${c.key}=${v.toFixed(4)} ${c.kind === 'min' ? '<' : '>'} ${c.value}`); }
  }
  console.log(JSON.stringify(summary));
  process.exit(fail ? 1 : 0);
}
// run as a command (not when imported, e.g. by the unit tests)
const isMain = (() => {
  try { return fs.realpathSync(process.argv[1] ?? '') === fs.realpathSync(fileURLToPath(import.meta.url)); } catch { return false; }
})();
if (isMain) main();
