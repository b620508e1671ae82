#!/usr/bin/env node
// Copied from shared/eval/ (the team's query-set generator) so the benchmark runs without ../shared.
// Deterministic query-set generator.
//
//   node queries.mjs GOLD_DIR_OR_FILE... [--seed 1] [--per10 40] [--cap 600] > queries.json
//
// Query kinds (each query is tagged with its kind):
//   word       2–4 char dictionary words (jieba dictionary entry, content-word tag)
//              taken from jieba's segmentation of the article text
//   name       person/place names: jieba POS tag nr/nrfg/nrt/ns (dictionary
//              frequency >= 10 when the word is in the dictionary), plus
//              person names from bylines ("...记者 张三 李四")
//   substring  random 2–5 char substrings (no punctuation) that contain a jieba
//              word boundary and do not start AND end on boundaries
//   phrase     6–12 char spans (no punctuation), starting on a word boundary
//   two-term   two words of one article joined by one space; truth = articles
//              containing both
//   absent     jieba dictionary words (content tags, common) that occur in no
//              article; preferably made only of characters that DO occur in the
//              corpus, so char-level matching would produce false hits
//
// Truth ("relevant") is exact containment over canonical article text (see
// lib.mjs canonical()). Article id = "<page stem>#<index in articles[]>".
// Budget: round(per10/10 * n_articles) queries (default 40 per 10 articles),
// capped at --cap (default 600), split over kinds by KIND_WEIGHTS.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { canonical, articleSegments, loadGold, truthFor, parseArgs, KINDS, jsonOneLinePer } from './lib.mjs';

// nodejieba is resolved from the folder you run this in (the project), so run it from the project root.
const require = createRequire(path.join(process.cwd(), 'package.json'));

export const KIND_WEIGHTS = { word: 0.25, name: 0.15, substring: 0.2, phrase: 0.15, 'two-term': 0.15, absent: 0.1 };

const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAS_HAN = /\p{Script=Han}/u;
const RUN_RE = /[\p{Script=Han}0-9A-Za-z]+/gu;
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'ns']);
// tags never used for 'word'/'absent' picks (function words, numerals, symbols)
const BAD_TAG = (t) => !t || /^(m|mq|q|r|rr|rz|p|c|u.*|x|e|y|o|w|eng|zg)$/.test(t);
const WORD_MIN_FREQ = 20;
const NAME_MIN_FREQ = 10;
const ABSENT_MIN_FREQ = 300;
const ABSENT_TAGS = new Set(['n', 'v', 'vn', 'ns', 'nr', 'nz', 'a', 'an', 'nt', 'l', 'i']);

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed) {
  const r = mulberry32(seed);
  const rng = {
    random: r,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    weighted: (items, w) => {
      const total = items.reduce((s, x) => s + w(x), 0);
      let t = r() * total;
      for (const x of items) {
        t -= w(x);
        if (t < 0) return x;
      }
      return items[items.length - 1];
    },
  };
  return rng;
}

const cp = (s) => Array.from(s);
const cplen = (s) => Array.from(s).length;

let JIEBA = null;
function jieba() {
  if (!JIEBA) JIEBA = require('nodejieba');
  return JIEBA;
}

let DICT = null;
function dict() {
  if (DICT) return DICT;
  const j = jieba();
  DICT = { words: new Map(), stop: new Set() };
  for (const line of fs.readFileSync(j.DEFAULT_DICT, 'utf8').split('\n')) {
    const [w, f, t] = line.trim().split(/\s+/);
    if (w) DICT.words.set(w, { freq: Number(f) || 0, tag: t || '' });
  }
  try {
    for (const w of fs.readFileSync(j.DEFAULT_STOP_WORD_DICT, 'utf8').split('\n')) if (w.trim()) DICT.stop.add(w.trim());
  } catch {}
  return DICT;
}

/** Token boundaries (code-point offsets) of jieba's cut of `run`; null if tokens don't tile the run. */
function boundaries(run) {
  const toks = jieba().cut(run, true);
  if (toks.join('') !== run) return null;
  const b = [0];
  let o = 0;
  for (const t of toks) {
    o += cplen(t);
    b.push(o);
  }
  return { toks, set: new Set(b), list: b };
}

/** Precomputed per-article material for query generation. */
function prepareArticle(a) {
  const d = dict();
  const segs = articleSegments(a.article).map((s) => ({ field: s.field, raw: s.text, text: canonical(s.text) }));
  // Runs = maximal stretches of Han/ASCII letters/digits in the NFKC text. They
  // break at punctuation AND at whitespace of the source, so no query spans
  // e.g. two space-separated names of a byline. (canonical() of a run is the
  // run itself: it holds no whitespace, quotes or dashes.)
  const runs = [];
  for (const s of segs) for (const m of s.raw.normalize('NFKC').matchAll(RUN_RE)) if (cplen(m[0]) >= 2) runs.push(m[0]);

  // words: jieba cut (HMM on) of each run, dictionary entries only
  const words = new Map();
  for (const run of runs) {
    for (const tok of jieba().cut(run, true)) {
      const n = cplen(tok);
      if (n < 2 || n > 4 || !HAN_ONLY.test(tok)) continue;
      const e = d.words.get(tok);
      if (!e || e.freq < WORD_MIN_FREQ || BAD_TAG(e.tag) || d.stop.has(tok)) continue;
      words.set(tok, (words.get(tok) || 0) + 1);
    }
  }

  // names: jieba POS tags + byline heuristic
  const names = new Map();
  for (const run of runs) {
    for (const { word, tag } of jieba().tag(run)) {
      const n = cplen(word);
      if (!NAME_TAGS.has(tag) || n < 2 || n > 4 || !HAN_ONLY.test(word)) continue;
      const e = d.words.get(word);
      if (e && e.freq < NAME_MIN_FREQ) continue;
      names.set(word, 'jieba:' + tag);
    }
  }
  if (a.article.byline) {
    // "吉林日报记者 张伟国 代黎黎" / "城市晚报全媒体记者 陆续" / "... 实习生 高源"
    const parts = String(a.article.byline).normalize('NFKC').split(/[\s,，、]+/).filter(Boolean);
    let afterRole = false;
    for (const p of parts) {
      if (/(记者|实习生|通讯员|摄影|编辑|报道)$/.test(p)) {
        afterRole = true;
        continue;
      }
      if (afterRole && HAN_ONLY.test(p) && cplen(p) >= 2 && cplen(p) <= 4) names.set(p, 'byline');
    }
  }
  return { ...a, segs, runs, words: [...words.keys()], names: [...names.keys()] };
}

// --- per-kind candidate makers: (prep, rng) -> string | null -------------------

function makeWord(p, rng) {
  return p.words.length ? rng.pick(p.words) : null;
}

function makeName(p, rng) {
  return p.names.length ? rng.pick(p.names) : null;
}

function makeSubstring(p, rng) {
  const runs = p.runs.filter((r) => cplen(r) >= 3);
  if (!runs.length) return null;
  for (let attempt = 0; attempt < 60; attempt++) {
    const run = rng.weighted(runs, (r) => cplen(r));
    const chars = cp(run);
    const B = boundaries(run);
    if (!B) continue;
    const L = rng.int(2, Math.min(5, chars.length));
    const s = rng.int(0, chars.length - L);
    const e = s + L;
    let crosses = false;
    for (let i = s + 1; i < e; i++) if (B.set.has(i)) crosses = true;
    const aligned = B.set.has(s) && B.set.has(e);
    const q = chars.slice(s, e).join('');
    if (crosses && !aligned && HAS_HAN.test(q)) return q;
  }
  return null;
}

function makePhrase(p, rng) {
  const runs = p.runs.filter((r) => cplen(r) >= 6);
  if (!runs.length) return null;
  for (let attempt = 0; attempt < 40; attempt++) {
    const run = rng.weighted(runs, (r) => cplen(r));
    const chars = cp(run);
    const B = boundaries(run);
    const starts = (B ? B.list : [0]).filter((b) => b + 6 <= chars.length);
    if (!starts.length) continue;
    const s = rng.pick(starts);
    const target = rng.int(6, Math.min(12, chars.length - s));
    // prefer an end on a word boundary within [s+6, s+12], nearest to target
    let e = s + target;
    if (B) {
      const ends = B.list.filter((b) => b >= s + 6 && b <= Math.min(s + 12, chars.length));
      if (ends.length) e = ends.reduce((best, b) => (Math.abs(b - (s + target)) < Math.abs(best - (s + target)) ? b : best), ends[0]);
    }
    const q = chars.slice(s, e).join('');
    if (HAS_HAN.test(q)) return q;
  }
  return null;
}

function makeTwoTerm(p, rng) {
  if (p.words.length < 2) return null;
  for (let attempt = 0; attempt < 30; attempt++) {
    const a = rng.pick(p.words);
    const b = rng.pick(p.words);
    if (a === b || a.includes(b) || b.includes(a)) continue;
    return `${a} ${b}`;
  }
  return null;
}

function absentPool(articles) {
  const d = dict();
  const corpusChars = new Set();
  for (const a of articles) for (const c of a.text) corpusChars.add(c);
  const allText = articles.map((a) => a.text).join('\u0000');
  const strong = []; // every char occurs in the corpus
  const weak = [];
  for (const [w, e] of d.words) {
    const n = cplen(w);
    if (n < 2 || n > 4 || !HAN_ONLY.test(w)) continue;
    if (e.freq < ABSENT_MIN_FREQ || !ABSENT_TAGS.has(e.tag) || d.stop.has(w)) continue;
    if (allText.includes(w)) continue;
    if (cp(w).every((c) => corpusChars.has(c))) strong.push(w);
    else weak.push(w);
  }
  return { strong, weak };
}

// ---------------------------------------------------------------------------

export function allocate(total, weights = KIND_WEIGHTS) {
  const kinds = Object.keys(weights);
  const raw = kinds.map((k) => total * weights[k]);
  const n = raw.map(Math.floor);
  let left = total - n.reduce((a, b) => a + b, 0);
  const order = kinds.map((k, i) => i).sort((i, j) => raw[j] - n[j] - (raw[i] - n[i]) || i - j);
  for (const i of order) {
    if (left <= 0) break;
    n[i]++;
    left--;
  }
  return Object.fromEntries(kinds.map((k, i) => [k, n[i]]));
}

export function generateQueries(goldPaths, { seed = 1, per10 = 40, cap = 600 } = {}) {
  const gold = loadGold(goldPaths);
  const { articles } = gold;
  const rng = makeRng(seed);
  const total = Math.min(cap, Math.round((per10 / 10) * articles.length));
  const want = allocate(total);
  const preps = articles.map(prepareArticle);
  const seen = new Set();
  const out = [];
  const makers = { word: makeWord, name: makeName, substring: makeSubstring, phrase: makePhrase, 'two-term': makeTwoTerm };

  const shortfall = {};
  for (const kind of KINDS) {
    if (kind === 'absent') continue;
    let need = want[kind];
    const order = rng.shuffle(preps.map((_, i) => i));
    let idx = 0;
    let failsInRow = 0;
    while (need > 0 && failsInRow < order.length * 3) {
      const p = preps[order[idx % order.length]];
      idx++;
      const q = makers[kind](p, rng);
      if (!q || seen.has(q)) {
        failsInRow++;
        continue;
      }
      failsInRow = 0;
      seen.add(q);
      out.push({ q, kind, source: p.id });
      need--;
    }
    if (need > 0) shortfall[kind] = need;
  }

  // absent
  {
    const pool = absentPool(articles);
    let need = want.absent;
    const strong = rng.shuffle(pool.strong);
    const weak = rng.shuffle(pool.weak);
    for (const w of [...strong, ...weak]) {
      if (need <= 0) break;
      if (seen.has(w)) continue;
      seen.add(w);
      out.push({ q: w, kind: 'absent', source: null, all_chars_in_corpus: pool.strong.includes(w) });
      need--;
    }
    if (need > 0) shortfall.absent = need;
  }

  // truth
  for (const o of out) o.relevant = truthFor(o.q, o.kind, articles);
  // sanity: every non-absent query must find its own source article
  for (const o of out) {
    if (o.kind !== 'absent' && !o.relevant.includes(o.source)) throw new Error(`internal: query ${JSON.stringify(o.q)} not found in its source ${o.source}`);
    if (o.kind === 'absent' && o.relevant.length) throw new Error(`internal: absent query ${o.q} occurs`);
  }

  // Deterministic interleaving so that session-order effects do not favour a kind.
  const final = rng.shuffle(out).map((o, i) => ({ id: `q${String(i + 1).padStart(4, '0')}`, q: o.q, kind: o.kind, relevant: o.relevant, source: o.source, ...(o.kind === 'absent' ? { all_chars_in_corpus: o.all_chars_in_corpus } : {}) }));
  const counts = {};
  for (const k of KINDS) counts[k] = final.filter((o) => o.kind === k).length;

  return {
    version: 1,
    generator: "queries.mjs",
    params: { seed, per10, cap, kind_weights: KIND_WEIGHTS, total_target: total },
    canonical: 'NFKC; whitespace removed; quotes -> "; dash runs -> -',
    gold: {
      paths: (Array.isArray(goldPaths) ? goldPaths : [goldPaths]).map((p) => path.resolve(p)),
      pages: gold.pages.map((p) => p.stem),
      n_pages: gold.pages.length,
      n_articles: articles.length,
      skipped: gold.skipped,
    },
    articles: articles.map((a) => ({ id: a.id, headline: a.article.headline ?? null, chars: a.text.length })),
    counts,
    shortfall,
    queries: final,
  };
}

// CLI
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('queries.mjs')) {
  const args = parseArgs(process.argv.slice(2));
  if (!args._.length) {
    process.stderr.write('usage: node queries.mjs GOLD_DIR_OR_FILE... [--seed N] [--per10 40] [--cap 600] > queries.json\n');
    process.exit(2);
  }
  const res = generateQueries(args._, { seed: Number(args.seed ?? 1), per10: Number(args.per10 ?? 40), cap: Number(args.cap ?? 600) });
  process.stdout.write(jsonOneLinePer(res, 'queries'));
  process.stderr.write(`queries: ${res.queries.length} over ${res.gold.n_articles} articles ${JSON.stringify(res.counts)}${Object.keys(res.shortfall).length ? ' shortfall ' + JSON.stringify(res.shortfall) : ''}\n`);
}
